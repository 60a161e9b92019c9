package warehouse

import (
	"context"
	"path/filepath"
	"testing"

	"gongkai/queries"
)

// TestCommitBeforeGeneration holds region_figure to the first rule in the
// window between a correction's commit and the end of its write: an agency
// moved to another city by SetAgencyRegion is listed by a filter of its new
// city, and there under its new city, also by a request that runs while
// the writer still holds its lock (wroteHook: after the last commit, before
// the generation moves). Before, the generation moved only after the
// commit, so such a request read the new rows at the old generation and
// gave them the places kept at it (WarmPlaces): the agency listed in 乙市
// under 甲市.
func TestCommitBeforeGeneration(t *testing.T) {
	ctx := context.Background()
	defer func(n int64) { byAgencyMinReports = n }(byAgencyMinReports)
	byAgencyMinReports = 0
	db, err := Open(ctx, filepath.Join(t.TempDir(), "w.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var reqs []LoadRequest
	for _, a := range []struct{ name, city string }{{"甲市财政局", "甲市"}, {"乙市民政局", "乙市"}, {"甲市教育局", "甲市"}} {
		r := sampleReport(a.name, 2022, 1, 0)
		r.Province, r.City, r.Level = "甲省", a.city, "市级部门"
		reqs = append(reqs, LoadRequest{Report: r})
	}
	res := load(t, db, reqs...)
	if _, err := db.CopyCells(ctx, CellOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := db.RankAgencies(ctx); err != nil {
		t.Fatal(err)
	}
	if err := db.WarmPlaces(ctx); err != nil {
		t.Fatal(err)
	}
	q, _ := queries.Get("region_figure")
	named := q
	named.Name, named.SQL = "region_figure (test, named in Go)", byAgencyIDsSQL()["region"]
	f := Filter{YearFrom: 2022, YearTo: 2022, Province: "甲省", City: "乙市", Measure: "apps.new"}
	g := f
	if g.measureID, g.applicantID, err = db.cellIDs(ctx, g.Measure, g.Applicant); err != nil {
		t.Fatal(err)
	}
	g.noTail = true
	// rows checks that every row is of 乙市 and that want agencies are
	// listed.
	rows := func(stage string, tb *Table, want int) {
		t.Helper()
		if len(tb.Rows) != want {
			t.Errorf("%s: %d rows, want %d: %v", stage, len(tb.Rows), want, tb.Rows)
		}
		for _, r := range tb.Rows {
			if r[2] != "乙市" {
				t.Errorf("%s: %v listed under %v by a filter of 乙市", stage, r[1], r[2])
			}
		}
	}
	// The form named in Go answers before the correction: the test reads
	// the path it means to.
	if tb, ok, _, err := db.regionFigureNamed(ctx, named, g); err != nil || !ok {
		t.Fatalf("before the correction the form named in Go does not answer: %v %v", ok, err)
	} else {
		rows("before", tb, 1)
	}
	ran := false
	wroteHook = func() {
		if ran {
			return
		}
		ran = true
		tb, ok, _, err := db.regionFigureNamed(ctx, named, g)
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			rows("named in Go, after the commit", tb, 2)
		}
		tb, err = db.Query(ctx, "region_figure", f)
		if err != nil {
			t.Fatal(err)
		}
		rows("Query, after the commit", tb, 2)
	}
	defer func() { wroteHook = nil }()
	if err := db.SetAgencyRegion(ctx, res[0].AgencyID, Region{Province: "甲省", City: "乙市", Level: "市级部门"}); err != nil {
		t.Fatal(err)
	}
	if !ran {
		t.Fatal("the hook did not run")
	}
	wroteHook = nil
	tb, err := db.Query(ctx, "region_figure", f)
	if err != nil {
		t.Fatal(err)
	}
	rows("Query, after the write", tb, 2)
}
