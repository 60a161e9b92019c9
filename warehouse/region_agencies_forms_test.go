package warehouse_test

import (
	"context"
	"testing"

	"gongkai/queries"
	"gongkai/warehouse"
)

// TestRegionAgenciesForms holds the form of region_agencies that Query
// runs on a warehouse whose reports all have a year in 1990–2100
// (sql/region_agencies_in_bits.sql, without the guard for other years) to
// the named query run as it is, which keeps that guard: under filters of
// every kind (each year, open ends, a range, years beyond the bit sets,
// regions, levels, limits that cut the lists) the rows must be the same.
func TestRegionAgenciesForms(t *testing.T) {
	db := pathsDB(t)
	in, err := warehouse.ReportsInBitYearsForTest(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	if !in {
		t.Fatal("the fixture has a report with a year outside 1990–2100: Query would run the named query itself, and the comparison proves nothing")
	}
	q, ok := queries.Get("region_agencies")
	if !ok {
		t.Fatal("no query region_agencies")
	}
	regions := []warehouse.Filter{
		{}, {Province: "贵州省"}, {Province: "贵州省", City: "遵义市"}, {Level: "县级部门"},
		{Province: "浙江省", Level: "乡镇（街道）"}, {Province: "没有这个省"},
	}
	var filters []warehouse.Filter
	for i, y := range []int{0, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2150} {
		for j, r := range regions {
			f := r
			f.YearFrom, f.YearTo = y, y
			f.Limit = []int{0, 1, 3, 200}[(i+j)%4]
			filters = append(filters, f)
		}
	}
	filters = append(filters,
		warehouse.Filter{YearFrom: 2020, YearTo: 2023, Limit: 5},
		warehouse.Filter{YearFrom: 2022},
		warehouse.Filter{YearTo: 2021, Province: "贵州省"},
		warehouse.Filter{YearFrom: 2023, YearTo: 2021},
		warehouse.Filter{YearFrom: 1700, YearTo: 1995},
	)
	compareFirstForm(t, db, "region_agencies", q.SQL, q.Params, filters)
}
