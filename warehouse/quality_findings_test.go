package warehouse_test

import (
	"context"
	"testing"

	"gongkai/queries"
	"gongkai/warehouse"
)

// TestQualityFindingsForms holds the forms of quality_findings that Query
// chooses (qualityFindingsForm: sql/quality_findings_reports.sql without a
// piece of a name and quality_findings_piece.sql with one, each with or
// without a region or level) to the
// named query run as it is: under filters of every kind 报送与质量 sends
// (each year, open ends, a range, regions, levels, a region no agency is
// in, pieces of a name common and rare, each status tab, pages that cross
// the groups of year and severity, and one past the end) the rows must be
// the same, and each form must be one that ran. TestFlowsMatchTheirFirstForm
// holds them to the first form after every write path (-flows).
func TestQualityFindingsForms(t *testing.T) {
	db := pathsDB(t)
	q, ok := queries.Get("quality_findings")
	if !ok {
		t.Fatal("no query quality_findings")
	}
	regions := []warehouse.Filter{
		{}, {Province: "贵州省"}, {Province: "贵州省", City: "遵义市"}, {Level: "县级部门"},
		{Province: "浙江省", Level: "乡镇（街道）"}, {Province: "测试省", City: "测试市"}, {Province: "没有这个省"},
		{Agency: "局"}, {Agency: "人民"}, {Province: "贵州省", Agency: "镇"}, {Province: "浙江省", City: "杭州市", Agency: "局"},
		{Level: "县级部门", Agency: "局"}, {Province: "浙江省", Level: "乡镇（街道）", Agency: "镇"}, {Agency: "没有这个名字"},
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
	// Each form runs as its page form (qualityFindingsPaged) for a page of
	// up to 500.
	for _, form := range []string{"reports", "piece"} {
		if !warehouse.KeptForTest(db, "quality_findings ("+form+") (page)") {
			t.Errorf("Query did not run the %s form: the comparison proves nothing about it", form)
		}
	}
}

// TestQualityFindingsPaged holds the two steps of qualityFindingsPaged (the
// page's reports, then their findings, put together in Go) to the named
// query run as one statement, at many cuts of a list: offsets near its
// start and its end, with limits of 1 and 4 (pages that start and end
// inside a report's findings, span several reports, and cross the groups
// of year and severity), each status tab, a region, a level, a piece of a
// name (with and without the request's bits, MatchPiecesOnce), one report,
// and a page larger than findingsPageMax, which runs as one statement. A
// page put together wrong (a finding of the other kind, the offset counted
// from the list's start rather than the page's first report, a report's
// findings out of order) differs from the named query's rows here.
func TestQualityFindingsPaged(t *testing.T) {
	db := pathsDB(t)
	ctx := context.Background()
	defer warehouse.SetPieceBitsMinForTest(0)()
	bases := []warehouse.Filter{
		{}, {Status: "errors"}, {Status: "warnings"}, {YearFrom: 2022, YearTo: 2023}, {Province: "贵州省"},
		{Level: "县级部门"}, {Agency: "局"}, {Province: "浙江省", Agency: "局"},
	}
	rows := 0
	for _, b := range bases {
		// The list's length, to cut it everywhere.
		all := b
		all.Limit = 100000
		whole, err := db.Query(ctx, "quality_findings", all)
		if err != nil {
			t.Fatal(err)
		}
		n := len(whole.Rows)
		rows += n
		offs := []int{0, 1, 2, 3, 5, 8, n - 3, n - 2, n - 1, n, n + 1}
		for _, off := range offs {
			for _, lim := range []int{1, 4} {
				if off < 0 {
					continue
				}
				f := b
				f.Offset, f.Limit = off, lim
				sameAsNamed(ctx, t, db, "quality_findings", f)
				if f.Agency != "" {
					sameAsNamed(warehouse.MatchPiecesOnce(ctx), t, db, "quality_findings", f)
				}
			}
		}
		f := b
		f.Offset = max(n-30, 0)
		sameAsNamed(ctx, t, db, "quality_findings", f)
	}
	if rows == 0 {
		t.Fatal("no findings under any filter: the comparison proves nothing")
	}
	// One report's findings, as the report page downloads them.
	whole, err := db.Query(ctx, "quality_findings", warehouse.Filter{Limit: 1})
	if err != nil || len(whole.Rows) == 0 {
		t.Fatalf("no finding: %v", err)
	}
	id := whole.Rows[0][0].(int64)
	for off := range 4 {
		sameAsNamed(ctx, t, db, "quality_findings", warehouse.Filter{ReportID: id, Limit: 2, Offset: off})
	}
	for _, form := range []string{"quality_findings (reports) (page)",
		"quality_findings (piece) (page)", "quality_findings (bits) (page)", "quality_findings (page)"} {
		if !warehouse.KeptForTest(db, form) {
			t.Errorf("Query did not run %s: the comparison proves nothing about it", form)
		}
	}
}
