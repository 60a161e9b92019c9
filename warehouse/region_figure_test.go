package warehouse

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"gongkai"
	"gongkai/queries"
)

// TestRegionFigureIDsStayExact holds region_figure as Query runs it, with
// the cell's text ids bound (cellIDs, kept in db.textIDs between queries),
// to its form without them (the ids looked up by the query itself) after
// every kind of write: a load, the copy by cell, second versions, a pending
// version and its confirmation, a corrected region, a cell whose texts
// first appear in a later load (asked for before it, while missing), and a
// reopen, with either form $narrow chooses. It fails when an id bound is not the one of its text (the
// measure's id for the applicant, another cell's, a text missing taken
// for an id), since the rows are those of another cell or of none.
func TestRegionFigureIDsStayExact(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "w.duckdb")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { db.Close() }()
	q, ok := queries.Get("region_figure")
	if !ok {
		t.Fatal("no region_figure")
	}
	cells := [][2]string{
		{"apps.new", gongkai.ApplicantTotal}, {"apps.new", ""}, {"apps.new", "natural"}, {"apps.carried_in", "business"},
		{"apps.total", "ngo"}, {"licensing.decisions", ""}, {"penalty.decisions", ""}, {"review.corrected", ""},
		{"apps.new", "no_such_applicant"}, {"no.such.measure", ""},
	}
	filters := []Filter{
		{YearFrom: 2021, YearTo: 2021}, {YearFrom: 2020, YearTo: 2023}, {}, {YearFrom: 2022, YearTo: 2022, Level: "县级部门"},
		{YearFrom: 2021, YearTo: 2021, Province: "测试省", Limit: 2},
	}
	check := func(stage string, wantRows bool) {
		t.Helper()
		rows := 0
		for _, c := range cells {
			for _, f := range filters {
				f.Measure, f.Applicant = c[0], c[1]
				got, err := db.Query(ctx, "region_figure", f)
				if err != nil {
					t.Fatalf("%s: %v", stage, err)
				}
				// The plain form: no ids bound, the query finds them; in
				// both of the forms narrow chooses, whatever the selection.
				for _, narrow := range []bool{false, true} {
					f.narrow = narrow
					plain, err := db.db.QueryContext(ctx, q.SQL, f.bind(q.Params)...)
					if err != nil {
						t.Fatalf("%s: %v", stage, err)
					}
					want, err := readTable(plain, 0)
					plain.Close()
					if err != nil {
						t.Fatal(err)
					}
					if fmt.Sprint(got.Rows) != fmt.Sprint(want.Rows) {
						t.Errorf("%s, %s/%s %+v (narrow %v):\n got %v\nwant %v", stage, c[0], c[1], f, narrow, got.Rows, want.Rows)
					}
				}
				rows += len(got.Rows)
			}
		}
		if wantRows != (rows > 0) {
			t.Errorf("%s: %d rows in all", stage, rows)
		}
	}

	check("empty", false)
	var reqs []LoadRequest
	for i, agency := range []string{"甲局", "乙局", "丙局", "丁局", "戊局"} {
		for year := 2020; year <= 2023; year++ {
			reqs = append(reqs, LoadRequest{Report: sampleReport(agency, year, float64(i), float64(year-2020))})
		}
	}
	load(t, db, reqs...)
	check("loaded, nothing copied", true)
	if _, err := db.CopyCells(ctx, CellOptions{Run: 6, Runs: 2}, nil); err != nil {
		t.Fatal(err)
	}
	check("two runs copied", true)

	res := load(t, db, LoadRequest{Report: sampleReport("甲局", 2021, 7, 0)}, LoadRequest{Report: sampleReport("戊局", 2023, 0, 9)},
		LoadRequest{Report: withError("乙局", 2021)})
	if !res[2].Pending {
		t.Fatalf("a version with an error is not pending: %+v", res[2])
	}
	if err := db.SetAgencyRegion(ctx, 3, Region{Province: "测试省", City: "测试市", Level: "县级部门"}); err != nil {
		t.Fatal(err)
	}
	check("second versions, pending, region corrected", true)
	if _, err := db.Confirm(ctx, res[2].ReportID, "张三"); err != nil {
		t.Fatal(err)
	}
	check("confirmed", true)

	// review.corrected was asked for above while no report had it: its
	// text is new in this load, after the watermark and then copied.
	r := sampleReport("己局", 2021, 1, 1)
	r.Values = append(r.Values, gongkai.Value{Measure: "review.corrected", Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(4), Raw: "4", At: "表四!C5"})
	load(t, db, LoadRequest{Report: r})
	check("a new cell loaded", true)
	if f, err := db.Query(ctx, "region_figure", Filter{YearFrom: 2021, YearTo: 2021, Measure: "review.corrected"}); err != nil || len(f.Rows) == 0 || fmt.Sprint(f.Rows[0][5]) != "4" {
		t.Errorf("review.corrected of 2021 after its load: %v, %v", f, err)
	}
	if _, err := db.CopyCells(ctx, CellOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	check("all copied", true)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	check("reopened", true)
}

// TestRegionFigureTailAfterTheLook holds region_figure as Query runs it to
// its form with the figures after the copy by cell's watermark read (tail
// NULL), when Query's kept answer says that no report comes after the
// watermark but a load has committed since: as when a load lands between
// that look and the query. The query must then return no rows by itself
// and Query run it again with the tail; it fails when either is missing
// (the new report listed without its figure, or no rows at all). It also
// holds that a run of the copy changes Generation, so that the answer kept
// follows the watermark, and that a call with nothing to copy does not.
func TestRegionFigureTailAfterTheLook(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "w.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	q, ok := queries.Get("region_figure")
	if !ok {
		t.Fatal("no region_figure")
	}
	full := func(f Filter) string {
		t.Helper()
		rows, err := db.db.QueryContext(ctx, q.SQL, f.bind(q.Params)...)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		tb, err := readTable(rows, 0)
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(tb.Rows)
	}
	var reqs []LoadRequest
	for i, agency := range []string{"甲局", "乙局", "丙局"} {
		reqs = append(reqs, LoadRequest{Report: sampleReport(agency, 2021, float64(i), 1)})
	}
	load(t, db, reqs...)
	gen := db.Generation()
	if _, err := db.CopyCells(ctx, CellOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	if db.Generation() == gen {
		t.Errorf("a run of the copy left Generation at %d", gen)
	}
	gen = db.Generation()
	if _, err := db.CopyCells(ctx, CellOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	if db.Generation() != gen {
		t.Errorf("a call with nothing to copy moved Generation from %d to %d", gen, db.Generation())
	}
	f := Filter{YearFrom: 2021, YearTo: 2021, Measure: "apps.carried_in"}
	if up, err := db.cellsCaughtUp(ctx); err != nil || !up {
		t.Fatalf("copied to the last report, cellsCaughtUp = %v, %v", up, err)
	}
	got, err := db.Query(ctx, "region_figure", f)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Rows) != 3 || fmt.Sprint(got.Rows) != full(f) {
		t.Errorf("caught up: got %v, want %v", got.Rows, full(f))
	}

	// A fourth agency's report after the watermark, its apps.carried_in
	// the largest (300), and the answer of before the load kept as if it were read
	// just before the load committed.
	load(t, db, LoadRequest{Report: sampleReport("丁局", 2021, 50, 1)})
	db.caughtUp.put(db.Generation(), true)
	want := full(f)
	got, err = db.Query(ctx, "region_figure", f)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Rows) != 4 || fmt.Sprint(got.Rows) != want {
		t.Fatalf("a load after the look: got %v, want %v", got.Rows, want)
	}
	if got.Rows[0][1] != "丁局" || fmt.Sprint(got.Rows[0][5]) != "300" {
		t.Errorf("a load after the look: first row %v, want 丁局's 300", got.Rows[0])
	}
	// The form without the tail, as Query binds it, on its own.
	nf := f
	nf.noTail = true
	if nf.measureID, nf.applicantID, err = db.cellIDs(ctx, f.Measure, f.Applicant); err != nil || nf.measureID == 0 {
		t.Fatalf("cellIDs: %d, %d, %v", nf.measureID, nf.applicantID, err)
	}
	if s := full(nf); s != "[]" {
		t.Errorf("without the tail while a report waits after the watermark: %s, want no rows", s)
	}
	if _, err := db.CopyCells(ctx, CellOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	if s := full(nf); s != want {
		t.Errorf("without the tail once copied: %s, want %s", s, want)
	}
}
