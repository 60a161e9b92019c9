package warehouse

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// staleCheck holds, after a write, what migration 0108 rests on: the copy by
// cell holds exactly the figures of the reports up to its watermark that are
// current or on its stale list, the list names only such reports up to the
// watermark that are not current, each once, and figure_totals gives
// report_figures' group-by. With purged (after CopyCells) the list must be
// empty and the copy hold current reports only.
func staleCheck(t *testing.T, db *DB, stage string, purged bool) {
	t.Helper()
	var extra, missing, listedBad, listedTwice, listed, stale int
	err := db.db.QueryRow(`WITH w AS (SELECT watermark FROM store.figures_by_cell_state),
	want AS (
		SELECT f.report_id, f.measure_id, f.applicant_id, r.year, r.agency_id, f.unit_id, f.value, f.raw_id, f.at_id
		FROM store.figures f JOIN store.reports r ON r.report_id = f.report_id
		WHERE r.report_id <= (SELECT watermark FROM w)
		  AND (r.is_current OR r.report_id IN (SELECT report_id FROM store.figures_by_cell_stale))),
	have AS (
		SELECT report_id, measure_id, applicant_id, year, agency_id, unit_id, value, raw_id, at_id FROM store.figures_by_cell)
	SELECT (SELECT count(*) FROM (SELECT * FROM have EXCEPT ALL SELECT * FROM want)),
	       (SELECT count(*) FROM (SELECT * FROM want EXCEPT ALL SELECT * FROM have)),
	       (SELECT count(*) FROM store.figures_by_cell_stale s LEFT JOIN store.reports r USING (report_id)
	        WHERE r.report_id IS NULL OR r.is_current OR s.report_id > (SELECT watermark FROM w)),
	       (SELECT count(*) FROM (SELECT report_id FROM store.figures_by_cell_stale GROUP BY ALL HAVING count(*) > 1)),
	       (SELECT count(*) FROM store.figures_by_cell_stale),
	       (SELECT count(DISTINCT c.report_id) FROM store.figures_by_cell c JOIN store.reports r USING (report_id) WHERE NOT r.is_current)`).
		Scan(&extra, &missing, &listedBad, &listedTwice, &listed, &stale)
	if err != nil {
		t.Fatal(err)
	}
	if extra != 0 || missing != 0 {
		t.Errorf("%s: the copy by cell holds %d rows not of a current or listed report up to the watermark, and lacks %d", stage, extra, missing)
	}
	if listedBad != 0 || listedTwice != 0 {
		t.Errorf("%s: the stale list names %d reports that are current, unknown or after the watermark, %d twice", stage, listedBad, listedTwice)
	}
	if purged && (listed != 0 || stale != 0) {
		t.Errorf("%s: after CopyCells the stale list names %d reports and the copy holds %d reports that are not current, want none", stage, listed, stale)
	}
	if apart, twice, _ := totalsApart(t, db, "(SELECT * FROM figure_totals)", firstTotals); apart != 0 || twice != 0 {
		t.Errorf("%s: figure_totals is %d groups apart from report_figures' group-by, %d named twice", stage, apart, twice)
	}
	if runs, n := count(t, db, "SELECT runs FROM store.figures_by_cell_state"), cellsDescents(t, db); n > max(runs-1, 0) {
		t.Errorf("%s: the copy steps back %d times in %d runs", stage, n, runs)
	}
}

// TestFigureTotalsStaleList runs every write that makes a report current
// or not, or copies or deletes figures of the copy by cell, on one
// warehouse file, and after each holds the copy, its list of stale reports
// and figure_totals to what they stand for (staleCheck): re-uploads
// retiring a copied report, one after the watermark and one loaded in the
// same group; a version pending when its run was copied, then confirmed;
// one confirmed while after the watermark; CopyCells in part, whole, and as
// serve's background pass (no run, the stale reports still deleted); a
// write that fails after the retire (nothing of it stays); and a file
// whose copy an older gongkai made, half way, holding a pending version
// that is then confirmed.
func TestFigureTotalsStaleList(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "w.duckdb")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { db.Close() }()
	confirm := func(id int64) {
		t.Helper()
		if _, err := db.Confirm(ctx, id, "张三"); err != nil {
			t.Fatalf("confirm %d: %v", id, err)
		}
	}
	pending := func(res LoadResult) int64 {
		t.Helper()
		if !res.Pending {
			t.Fatalf("a version with an error is not pending: %+v", res)
		}
		return res.ReportID
	}
	copyCells := func(o CellOptions) CellCopy {
		t.Helper()
		at, err := db.CopyCells(ctx, o, nil)
		if err != nil {
			t.Fatal(err)
		}
		return at
	}

	// 1. Twenty reports (ids 1-20), a pending version of 乙局 2021 (21).
	var reqs []LoadRequest
	for i, agency := range []string{"甲局", "乙局", "丙局", "丁局", "戊局"} {
		for year := 2020; year <= 2023; year++ {
			reqs = append(reqs, LoadRequest{Report: withUnit(agency, year, float64(i+year-2020))})
		}
	}
	load(t, db, reqs...)
	p1 := pending(load(t, db, LoadRequest{Report: withError("乙局", 2021)})[0])
	staleCheck(t, db, "loaded, no copy", false)

	// 2. The copy made past the pending version: it is not copied.
	if at := copyCells(CellOptions{Run: 8}); at.Watermark != p1 {
		t.Fatalf("copy up to %d, want %d", at.Watermark, p1)
	}
	staleCheck(t, db, "the copy made", true)

	// 3. Re-uploads (confirmed by their uploader: the rules across years
	// find errors in their figures): 甲局 2020 (report 1, copied), 己局 2022 loaded after
	// the watermark and re-uploaded, 丙局 2022 (report 11, copied) twice in
	// one group, and a pending version of 丁局 2020 after the watermark.
	load(t, db, LoadRequest{Report: withUnit("己局", 2022, 60)})
	res := load(t, db, LoadRequest{Report: withUnit("甲局", 2020, 30), Confirm: true}, LoadRequest{Report: withUnit("己局", 2022, 61), Confirm: true},
		LoadRequest{Report: withUnit("丙局", 2022, 40), Confirm: true}, LoadRequest{Report: withUnit("丙局", 2022, 41), Confirm: true},
		LoadRequest{Report: withError("丁局", 2020)})
	p2 := pending(res[4])
	if n := count(t, db, "SELECT count(*) FROM store.figures_by_cell_stale"); n != 2 {
		t.Errorf("re-uploads retired 2 copied reports, the stale list names %d", n)
	}
	staleCheck(t, db, "re-uploaded", false)

	// 4. The version pending when its run was copied, confirmed: copied
	// now, and the copied 乙局 2021 (report 6) it replaces listed.
	confirm(p1)
	if n := count(t, db, "SELECT count(*) FROM store.figures_by_cell WHERE report_id = $1", p1); n == 0 {
		t.Errorf("confirmed version %d up to the watermark is not in the copy", p1)
	}
	staleCheck(t, db, "a version pending when copied, confirmed", false)

	// 5. A write that fails after its retire (the list made unwritable):
	// nothing of it stays.
	for _, q := range []string{`ALTER TABLE store.figures_by_cell_stale RENAME TO figures_by_cell_stale_kept`,
		`CREATE VIEW store.figures_by_cell_stale AS SELECT report_id FROM store.figures_by_cell_stale_kept`} {
		if _, err := db.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	current := count(t, db, "SELECT count(*) FROM store.reports WHERE is_current AND report_id <= 16")
	if res, err := db.Load(ctx, []LoadRequest{{Report: withUnit("丁局", 2021, 70), Confirm: true}}); err == nil && res[0].Err == nil {
		t.Fatalf("a re-upload with the stale list unwritable succeeded: %+v", res)
	}
	for _, q := range []string{`DROP VIEW store.figures_by_cell_stale`,
		`ALTER TABLE store.figures_by_cell_stale_kept RENAME TO figures_by_cell_stale`} {
		if _, err := db.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if n := count(t, db, "SELECT count(*) FROM store.reports WHERE is_current AND report_id <= 16"); n != current {
		t.Fatalf("a failed re-upload left %d current reports of %d", n, current)
	}
	staleCheck(t, db, "a re-upload failed", false)

	// 6. Part of the tail copied: the listed reports' figures deleted, the
	// list emptied. The pending version p2 stays after the watermark.
	if at := copyCells(CellOptions{Run: 1, Runs: 1}); at.Purged != 3 || at.Watermark >= p2 {
		t.Fatalf("one run of 1: %+v, want 3 purged and the watermark before %d", at, p2)
	}
	staleCheck(t, db, "the copy part way", true)

	// 7. p2 confirmed after the watermark (the copy takes it as current
	// later; the copied 丁局 2020 it replaces is listed), a re-upload of a
	// copied report, then serve's background
	// pass with too few reports waiting for a run: no run, the retired
	// reports still deleted.
	confirm(p2)
	load(t, db, LoadRequest{Report: withUnit("戊局", 2020, 80), Confirm: true})
	staleCheck(t, db, "a version after the watermark confirmed", false)
	if at := copyCells(CellOptions{Least: 1 << 40}); at.Copied != 0 || at.Purged != 2 {
		t.Fatalf("serve's pass with nothing to copy: %+v, want 0 copied and 2 purged", at)
	}
	staleCheck(t, db, "serve's pass, nothing copied", true)
	copyCells(CellOptions{})
	staleCheck(t, db, "the copy caught up", true)

	// 8. A file an older gongkai copied (before 0108): every report up to
	// the watermark in the copy, a pending version among them, the copy
	// half made. 0108 lists the copied reports that are not current.
	p3 := pending(load(t, db, LoadRequest{Report: withError("丙局", 2023)})[0])
	load(t, db, LoadRequest{Report: withUnit("甲局", 2021, 90), Confirm: true}, LoadRequest{Report: withUnit("庚局", 2021, 91)})
	last := int64(count(t, db, "SELECT max(report_id) FROM store.reports"))
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("duckdb", path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("migrations/0107_figure_totals_agency.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`DELETE FROM store.figures_by_cell`,
		`INSERT INTO store.figures_by_cell SELECT f.report_id, f.measure_id, f.applicant_id, r.year, r.agency_id, f.unit_id, f.value, f.raw_id, f.at_id
		 FROM store.figures f JOIN store.reports r USING (report_id) WHERE f.report_id < ` + strconv.FormatInt(last, 10) + `
		 ORDER BY f.measure_id, f.applicant_id, r.year, f.report_id`,
		`UPDATE store.figures_by_cell_state SET runs = 1, watermark = ` + strconv.FormatInt(last-1, 10),
		`DROP TABLE store.figures_by_cell_stale`,
		`DELETE FROM schema_migrations WHERE version = 108`,
		// Nor 0121's check of the copy, which 0121 starts from the file
		// as it stands.
		`DROP TABLE store.figures_by_cell_check`,
		`DELETE FROM schema_migrations WHERE version = 121`,
		string(b),
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%.60s: %v", q, err)
		}
	}
	raw.Close()
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, "SELECT count(*) FROM store.figures_by_cell_stale WHERE report_id = $1", p3); n != 1 {
		t.Fatalf("0108 did not list the copied pending version %d", p3)
	}
	staleCheck(t, db, "upgraded, the copy half made", false)
	confirm(p3)
	staleCheck(t, db, "upgraded, a copied pending version confirmed", false)
	copyCells(CellOptions{})
	staleCheck(t, db, "upgraded, the copy caught up", true)
}
