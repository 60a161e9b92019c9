package warehouse_test

import (
	"testing"

	"gongkai/queries"
	"gongkai/warehouse"
)

// TestRegionFigureForms holds the form of region_figure that Query runs on
// a warehouse (sql/region_figure_year_reports.sql, the years' current
// reports read from store.year_reports) to the named query run as it is,
// which reads them from store.reports: under filters of every kind (each
// year, open ends, ranges, years without reports, regions, levels, a region
// no agency has, a region an administrator set, cells stated, blank and
// absent, limits that cut the rows) the rows must be the same. pathsDB
// holds second versions, whose first ones store.year_reports leaves out.
func TestRegionFigureForms(t *testing.T) {
	db := pathsDB(t)
	q, ok := queries.Get("region_figure")
	if !ok {
		t.Fatal("no query region_figure")
	}
	regions := []warehouse.Filter{
		{}, {Province: "贵州省"}, {Province: "贵州省", City: "遵义市"}, {Level: "县级部门"},
		{Province: "浙江省", Level: "乡镇（街道）"}, {Province: "测试省"}, {Province: "测试省", City: "测试市", Level: "县级部门"},
		{Province: "没有这个省"},
	}
	cells := [][2]string{{"apps.new", ""}, {"apps.granted", "natural"}, {"licensing.items_prev", "total"}, {"no.such.measure", ""}}
	var filters []warehouse.Filter
	for i, y := range []int{0, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025} {
		for j, r := range regions {
			f := r
			f.YearFrom, f.YearTo = y, y
			c := cells[(i+j)%len(cells)]
			f.Measure, f.Applicant = c[0], c[1]
			f.Limit = []int{0, 3, 500}[(i+j)%3]
			filters = append(filters, f)
		}
	}
	filters = append(filters,
		warehouse.Filter{YearFrom: 2020, YearTo: 2023, Measure: "apps.new"},
		warehouse.Filter{YearFrom: 2022, Measure: "apps.new", Limit: 7},
		warehouse.Filter{YearTo: 2021, Province: "贵州省", Measure: "apps.granted", Applicant: "natural"},
		warehouse.Filter{YearFrom: 2023, YearTo: 2021, Measure: "apps.new"},
	)
	compareFirstForm(t, db, "region_figure", q.SQL, q.Params, filters)
}
