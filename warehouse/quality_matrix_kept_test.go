package warehouse

import (
	"context"
	"testing"
)

// TestQualityMatrixKept holds quality_matrix as Query runs it (its counts
// from those kept until the next write, its page from
// sql/quality_matrix_reach.sql: qualityMatrixKept) to the named query,
// values and their types, for filters of every shape, each status tab and
// pages that start and end inside a combination of flags and past the end,
// right after each write that changes what the counts hold: loads (a new
// agency, a year missing, errors and warnings, a report filling a missing
// year) and a region corrected.
func TestQualityMatrixKept(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	var filters []Filter
	for _, f := range []Filter{{}, {YearFrom: 2021, YearTo: 2022}, {YearTo: 2021}, {YearFrom: 2023, YearTo: 2021},
		{YearFrom: 1800, YearTo: 3000}, {Province: " 浙江省 "}, {Province: "江苏省"}, {Province: "浙江省", City: "杭州市"}, {Level: "市级部门"}} {
		for _, st := range []string{"", "missing", "errors", "warnings", "ok", "none", "other"} {
			for _, page := range [][2]int{{0, 0}, {2, 1}} {
				f.Status, f.Limit, f.Offset = st, page[0], page[1]
				filters = append(filters, f)
			}
		}
	}
	check := func(stage string, rowsSeen bool) {
		t.Helper()
		sameAsNamed(t, db, "quality_matrix", stage, filters, rowsSeen)
		if _, ok := db.qualityCounts.get(db.Generation(), struct{}{}); !ok {
			t.Fatalf("%s: no counts kept: the form counted in Go did not run", stage)
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
		LoadRequest{Report: clean(sampleReport("浙江省杭州市西湖区教育局", 2020, 1, 0))},
		LoadRequest{Report: erring(sampleReport("浙江省杭州市西湖区财政局", 2021, 1, 0))})
	check("loaded", true)
	var moved int64
	if err := db.db.QueryRow(`SELECT agency_id FROM store.agencies WHERE name = '浙江省杭州市财政局'`).Scan(&moved); err != nil {
		t.Fatal(err)
	}
	if err := db.SetAgencyRegion(ctx, moved, Region{Province: "江苏省", City: "南京市", Level: "市级部门"}); err != nil {
		t.Fatal(err)
	}
	check("a region corrected", true)
	load(t, db, LoadRequest{Report: clean(sampleReport("浙江省杭州市财政局", 2022, 1, 0))},
		LoadRequest{Report: erring(sampleReport("浙江省温州市公安局", 2024, 1, 0))})
	check("a missing year filled, an agency and a year added", true)
}
