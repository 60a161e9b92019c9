package warehouse_test

import (
	"testing"

	"gongkai/queries"
	"gongkai/warehouse"
)

// TestQualityFindingsForms holds the form of quality_findings that Query
// runs for a filter without a piece of a name or a report
// (sql/quality_findings_plain.sql) to the named query run as it is: under
// filters of every kind 报送与质量 sends (each year, open ends, a range,
// regions, levels, a region no agency is in, each status tab, pages that
// cross the groups of year and severity, and one past the end) the rows
// must be the same, and the plain form must be the one that ran.
func TestQualityFindingsForms(t *testing.T) {
	db := pathsDB(t)
	q, ok := queries.Get("quality_findings")
	if !ok {
		t.Fatal("no query quality_findings")
	}
	regions := []warehouse.Filter{
		{}, {Province: "贵州省"}, {Province: "贵州省", City: "遵义市"}, {Level: "县级部门"},
		{Province: "浙江省", Level: "乡镇（街道）"}, {Province: "测试省", City: "测试市"}, {Province: "没有这个省"},
	}
	statuses := []string{"", "missing", "errors", "warnings", "ok"}
	pages := [][2]int{{0, 0}, {50, 0}, {3, 0}, {5, 4}, {7, 12}, {10, 10}, {2, 1000}}
	var filters []warehouse.Filter
	for i, y := range [][2]int{{0, 0}, {2020, 2020}, {2021, 2021}, {2022, 2022}, {2023, 2023}, {2024, 2024}, {2020, 2023}, {2022, 0}, {0, 2021}, {2023, 2021}} {
		for j, r := range regions {
			f := r
			f.YearFrom, f.YearTo = y[0], y[1]
			f.Status = statuses[(i+j)%len(statuses)]
			p := pages[(i*len(regions)+j)%len(pages)]
			f.Limit, f.Offset = p[0], p[1]
			filters = append(filters, f)
		}
	}
	compareFirstForm(t, db, "quality_findings", q.SQL, q.Params, filters)
	if !warehouse.KeptForTest(db, "quality_findings (plain)") {
		t.Error("Query did not run the plain form: the comparison proves nothing about it")
	}
}
