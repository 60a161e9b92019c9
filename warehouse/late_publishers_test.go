package warehouse

import (
	"context"
	"fmt"
	"testing"

	"gongkai"
)

// TestLatePublishersKept holds late_publishers as Query runs it (cut in Go
// from every late row, kept until the next write: latePublishersKept) to the
// named query, values and their types, for filters of every shape (years,
// a province, city and level, a piece of a name, pages and limits), right
// after each write that changes what the rows hold: loads (new late
// reports, a new version that is not late replacing a late one) and a
// region corrected. Rows kept past a write would list the replaced report
// and the corrected agency's old province.
func TestLatePublishersKept(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	late := func(r *gongkai.Report, published string, days int) *gongkai.Report {
		r.Published = published
		r.Findings = append(r.Findings, gongkai.Finding{Rule: "deadline", Severity: gongkai.SeverityWarning,
			Message: fmt.Sprintf("发布晚于期限%d天", days)})
		return r
	}
	var filters []Filter
	for _, f := range []Filter{{}, {YearFrom: 2021, YearTo: 2021}, {YearFrom: 2022}, {YearTo: 2021}, {YearFrom: 2023, YearTo: 2021},
		{Province: "浙江省"}, {Province: " 浙江省 "}, {Province: "江苏省"}, {Province: "浙江省", City: "杭州市"}, {City: "宁波市"},
		{Level: "市级部门"}, {Agency: "财政"}, {Agency: "杭州", YearFrom: 2022}, {Agency: "无此名"}, {Province: "无此省"}} {
		for _, page := range [][2]int{{0, 0}, {2, 0}, {2, 2}, {50, 50}, {1, 4}} {
			f.Limit, f.Offset = page[0], page[1]
			filters = append(filters, f)
		}
	}
	check := func(stage string, rowsSeen bool) {
		t.Helper()
		sameAsNamed(t, db, "late_publishers", stage, filters, rowsSeen)
		if l, ok := db.late.get(db.Generation(), struct{}{}); !ok || l.too {
			t.Fatalf("%s: no rows kept: the form cut in Go did not run", stage)
		}
	}
	check("empty", false)
	load(t, db,
		LoadRequest{Report: late(sampleReport("浙江省杭州市财政局", 2021, 1, 0), "2022-04-10", 10)},
		LoadRequest{Report: late(sampleReport("浙江省杭州市财政局", 2022, 1, 0), "2023-04-03", 3)},
		LoadRequest{Report: sampleReport("浙江省杭州市财政局", 2023, 1, 0)},
		LoadRequest{Report: late(sampleReport("浙江省宁波市教育局", 2021, 1, 0), "2022-04-10", 10)},
		LoadRequest{Report: late(sampleReport("浙江省宁波市财政局", 2022, 1, 0), "2023-05-01", 31)},
		LoadRequest{Report: late(sampleReport("江苏省南京市民政局", 2022, 1, 0), "2023-04-03", 3)},
		LoadRequest{Report: late(sampleReport("浙江省杭州市西湖区财政局", 2021, 1, 0), "2022-04-10", 10)})
	check("loaded", true)
	var moved int64
	if err := db.db.QueryRow(`SELECT agency_id FROM store.agencies WHERE name = '浙江省宁波市教育局'`).Scan(&moved); err != nil {
		t.Fatal(err)
	}
	if err := db.SetAgencyRegion(ctx, moved, Region{Province: "江苏省", City: "南京市", Level: "市级部门"}); err != nil {
		t.Fatal(err)
	}
	check("a region corrected", true)
	r := sampleReport("浙江省杭州市财政局", 2022, 2, 0)
	r.Source.Name = "再次上传.xlsx"
	load(t, db, LoadRequest{Report: r, Source: []byte("v2"), Confirm: true}, LoadRequest{Report: late(sampleReport("浙江省温州市公安局", 2024, 1, 0), "2025-04-02", 2)})
	check("a late report replaced, a late one added", true)
	var current int
	if err := db.db.QueryRow(`SELECT count(*) FROM store.findings f JOIN store.reports r USING (report_id) WHERE f.rule = 'deadline' AND r.is_current AND r.year = 2022`).Scan(&current); err != nil || current != 2 {
		t.Fatalf("late current reports of 2022 = %d, %v; want 2 (the replaced one not late)", current, err)
	}
}
