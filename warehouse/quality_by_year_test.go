package warehouse

import (
	"context"
	"fmt"
	"testing"
)

// TestQualityByYearKept holds quality_by_year as Query runs it (computed in
// Go from the counts kept until the next write: qualityByYearKept) to the
// named query, values and their types, for filters of every shape (years
// outside 1990–2100 and reversed, a province, city and level, a province
// no agency has), right after each write that changes what the counts hold:
// loads (a new agency, a year missing, errors and warnings, a report filling
// a missing year) and a region corrected. Counts kept past a write would
// give the old counts of the province an agency left and the one it joined.
func TestQualityByYearKept(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	filters := []Filter{{}, {YearFrom: 2021, YearTo: 2022}, {YearFrom: 2022}, {YearTo: 2021}, {YearFrom: 2023, YearTo: 2021},
		{YearFrom: 1800, YearTo: 3000}, {YearFrom: 2200}, {Province: "浙江省"}, {Province: " 浙江省 "}, {Province: "江苏省"},
		{Province: "浙江省", City: "杭州市"}, {City: "宁波市"}, {Level: "市级部门"}, {Province: "浙江省", Level: "县级部门"},
		{Province: "无此省"}, {Level: "无此级"}}
	check := func(stage string, rowsSeen bool) {
		t.Helper()
		sameAsNamed(t, db, "quality_by_year", stage, filters, rowsSeen)
		if _, ok := db.qualityCounts.get(db.Generation(), struct{}{}); !ok {
			t.Fatalf("%s: no counts kept: the form computed in Go did not run", stage)
		}
	}
	check("empty", false)
	load(t, db,
		LoadRequest{Report: sampleReport("浙江省杭州市财政局", 2020, 1, 0)},
		LoadRequest{Report: erring(sampleReport("浙江省杭州市财政局", 2021, 1, 0))},
		LoadRequest{Report: clean(sampleReport("浙江省杭州市财政局", 2023, 1, 0))},
		LoadRequest{Report: clean(sampleReport("浙江省宁波市教育局", 2021, 1, 0))},
		LoadRequest{Report: sampleReport("浙江省宁波市教育局", 2022, 1, 0)},
		LoadRequest{Report: sampleReport("江苏省南京市民政局", 2022, 1, 0)},
		LoadRequest{Report: erring(sampleReport("浙江省杭州市西湖区财政局", 2021, 1, 0))})
	check("loaded", true)
	before, err := db.Query(ctx, "quality_by_year", Filter{Province: "江苏省"})
	if err != nil {
		t.Fatal(err)
	}
	var moved int64
	if err := db.db.QueryRow(`SELECT agency_id FROM store.agencies WHERE name = '浙江省杭州市财政局'`).Scan(&moved); err != nil {
		t.Fatal(err)
	}
	if err := db.SetAgencyRegion(ctx, moved, Region{Province: "江苏省", City: "南京市", Level: "市级部门"}); err != nil {
		t.Fatal(err)
	}
	check("a region corrected", true)
	after, err := db.Query(ctx, "quality_by_year", Filter{Province: "江苏省"})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(before.Rows) == fmt.Sprint(after.Rows) {
		t.Fatalf("the province an agency moved to counts the same before and after: %v", after.Rows)
	}
	load(t, db, LoadRequest{Report: clean(sampleReport("浙江省杭州市财政局", 2022, 1, 0))},
		LoadRequest{Report: erring(sampleReport("浙江省温州市公安局", 2024, 1, 0))})
	check("a missing year filled, an agency and a year added", true)
}
