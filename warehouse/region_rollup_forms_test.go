package warehouse_test

import (
	"context"
	"testing"

	"gongkai/queries"
	"gongkai/warehouse"
)

// TestRegionRollupForms holds the form of region_rollup that Query runs on
// a warehouse whose store.texts holds each text once (regionRollupByID:
// sql/region_rollup_by_id.sql's sums by id, named and ordered in Go) to
// the named query run as it is: under filters of every kind (each year,
// open ends, ranges, years without reports, regions, levels, a region no
// agency has) the rows must be the same.
func TestRegionRollupForms(t *testing.T) {
	db := pathsDB(t)
	unique, err := warehouse.TextsUniqueForTest(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	if !unique {
		t.Fatal("the fixture repeats a text: Query would run the named query itself, and the comparison proves nothing")
	}
	q, ok := queries.Get("region_rollup")
	if !ok {
		t.Fatal("no query region_rollup")
	}
	regions := []warehouse.Filter{
		{}, {Province: "贵州省"}, {Province: "贵州省", City: "遵义市"}, {Level: "县级部门"},
		{Province: "浙江省", Level: "乡镇（街道）"}, {Province: "测试省"}, {Province: "测试省", City: "测试市", Level: "县级部门"},
		{Province: "没有这个省"},
	}
	var filters []warehouse.Filter
	for _, y := range []int{0, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025} {
		for _, r := range regions {
			f := r
			f.YearFrom, f.YearTo = y, y
			filters = append(filters, f)
		}
	}
	filters = append(filters,
		warehouse.Filter{YearFrom: 2020, YearTo: 2023},
		warehouse.Filter{YearFrom: 2022},
		warehouse.Filter{YearTo: 2021, Province: "贵州省"},
		warehouse.Filter{YearFrom: 2023, YearTo: 2021},
	)
	compareFirstForm(t, db, "region_rollup", q.SQL, q.Params, filters)
}
