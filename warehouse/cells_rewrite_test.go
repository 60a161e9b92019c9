package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	"gongkai"
)

// cellsDead is the rows of the copy by cell that DuckDB keeps deleted
// (cells_dead.sql): what a purge in place leaves and a rewrite takes away.
func cellsDead(t *testing.T, db *DB) int64 {
	t.Helper()
	var rows, live, wm int64
	if err := db.db.QueryRow(stmt("cells_dead")).Scan(&rows, &live, &wm); err != nil {
		t.Fatal(err)
	}
	return rows - live
}

// cellsTable is the copy by cell's table as DuckDB states it (columns,
// types, NOT NULL).
func cellsTable(t *testing.T, db *DB) string {
	t.Helper()
	var s string
	if err := db.db.QueryRow(`SELECT sql FROM duckdb_tables() WHERE schema_name = 'store' AND table_name = 'figures_by_cell'`).Scan(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestCellRewrite walks one warehouse file through the writes that leave
// the copy by cell with stale reports or deleted rows, and the passes that
// take them away: serve's pass deleting in place below its bound and
// writing the copy again at it, gongkai compact writing it again whenever
// it holds a deleted row, a rewrite that fails at its last statement
// (nothing of it stays; the copy run before it stays), reopening, and a write by an older gongkai
// (is_current changed without the list). After each step the copy, its
// list and figure_totals hold to what they stand for (staleCheck: the
// copy's rows exact, each run still ordered by cell, figure_totals equal
// to report_figures' group-by), and after a rewrite the copy holds no
// deleted row and its table is the one the migrations made
// (cells_rewrite.sql states it again).
func TestCellRewrite(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "w.duckdb")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { db.Close() }()
	table := cellsTable(t, db)
	copyCells := func(o CellOptions) CellCopy {
		t.Helper()
		at, err := db.CopyCells(ctx, o, nil)
		if err != nil {
			t.Fatal(err)
		}
		return at
	}
	rewritten := func(stage string, at CellCopy) {
		t.Helper()
		if !at.Rewrote {
			t.Errorf("%s: the copy was not written again: %+v", stage, at)
		}
		if n := cellsDead(t, db); n != 0 {
			t.Errorf("%s: the copy written again holds %d deleted rows", stage, n)
		}
		if s := cellsTable(t, db); s != table {
			t.Errorf("%s: the copy written again is\n%s\nwant the migrations' table\n%s", stage, s, table)
		}
		staleCheck(t, db, stage, true)
	}
	inPlace := CellOptions{Dead: 1 << 40} // serve's pass below its bound

	// 1. Thirty reports copied in runs of seven, a pending version left
	// waiting (not copied).
	var reqs []LoadRequest
	for i, agency := range []string{"甲局", "乙局", "丙局", "丁局", "戊局", "己局"} {
		for year := 2019; year <= 2023; year++ {
			reqs = append(reqs, LoadRequest{Report: withUnit(agency, year, float64(10*i+year-2019))})
		}
	}
	load(t, db, reqs...)
	res := load(t, db, LoadRequest{Report: withError("乙局", 2022)})
	if !res[0].Pending {
		t.Fatalf("a version with an error is not pending: %+v", res[0])
	}
	p1 := res[0].ReportID
	if at := copyCells(CellOptions{Run: 7}); at.Runs < 4 || at.Rewrote {
		t.Fatalf("copy in runs of 7: %+v, want 4 or more runs and no rewrite", at)
	}
	staleCheck(t, db, "copied", true)

	// 2. Two copied reports re-uploaded; serve's pass below its bound
	// deletes their figures in place: the copy holds deleted rows.
	load(t, db, LoadRequest{Report: withUnit("甲局", 2020, 100), Confirm: true},
		LoadRequest{Report: withUnit("丙局", 2021, 101), Confirm: true})
	staleCheck(t, db, "re-uploaded", false)
	if at := copyCells(inPlace); at.Purged != 2 || at.Rewrote {
		t.Fatalf("serve's pass below the bound: %+v, want 2 purged in place", at)
	}
	if n := cellsDead(t, db); n == 0 {
		t.Fatal("a purge in place left no deleted row in the copy")
	}
	staleCheck(t, db, "purged in place", true)

	// 3. The pending version confirmed (copied now, the report it replaces
	// listed) and one more re-upload; serve's pass at its bound writes the
	// copy again, without the listed reports and the rows deleted before.
	if _, err := db.Confirm(ctx, p1, "张三"); err != nil {
		t.Fatal(err)
	}
	load(t, db, LoadRequest{Report: withUnit("丁局", 2019, 102), Confirm: true})
	staleCheck(t, db, "confirmed and re-uploaded", false)
	// region_figure's kept statement, prepared on the old copy, runs on
	// the new one with the same rows.
	f := Filter{YearFrom: 2019, YearTo: 2019, Measure: "apps.new", Applicant: gongkai.ApplicantTotal}
	fig, err := db.Query(ctx, "region_figure", f)
	if err != nil || len(fig.Rows) == 0 {
		t.Fatalf("region_figure before the rewrite: %v, %d rows", err, len(fig.Rows))
	}
	at := copyCells(CellOptions{})
	if at.Purged != 2 || at.Dead == 0 {
		t.Errorf("serve's pass at the bound: %+v, want 2 purged and the deleted rows counted", at)
	}
	rewritten("serve's pass at its bound", at)
	if got, err := db.Query(ctx, "region_figure", f); err != nil || fmt.Sprint(got.Rows) != fmt.Sprint(fig.Rows) {
		t.Errorf("region_figure after the rewrite: %v\n got %v\nwant %v", err, got.Rows, fig.Rows)
	}

	// 4. A purge in place, then gongkai compact with nothing listed: the
	// deleted rows alone make it write the copy again.
	load(t, db, LoadRequest{Report: withUnit("戊局", 2023, 103), Confirm: true})
	copyCells(inPlace)
	dead := cellsDead(t, db)
	at = copyCells(CellOptions{Dense: true, Dead: 1 << 40}) // Dense alone, whatever the bound

	if at.Purged != 0 || dead == 0 || at.Dead != dead {
		t.Errorf("compact: %+v, want nothing purged and the %d deleted rows counted", at, dead)
	}
	rewritten("compact", at)
	if at := copyCells(CellOptions{Dense: true}); at.Rewrote {
		t.Errorf("compact of a copy with nothing deleted wrote it again: %+v", at)
	}

	// 5. The rewritten file reopened: the copy stays as it is (0121's
	// check still holds).
	wm := count(t, db, "SELECT watermark FROM store.figures_by_cell_state")
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, "SELECT watermark FROM store.figures_by_cell_state"); n != wm || cellsTable(t, db) != table {
		t.Fatalf("reopened: watermark %d, want %d kept; table %s", n, wm, cellsTable(t, db))
	}
	staleCheck(t, db, "reopened", true)

	// 6. A rewrite that fails at its last statement (the list made a view
	// it cannot delete from): the old copy and its list stay whole.
	load(t, db, LoadRequest{Report: withUnit("己局", 2021, 104), Confirm: true})
	for _, q := range []string{`ALTER TABLE store.figures_by_cell_stale RENAME TO figures_by_cell_stale_kept`,
		`CREATE VIEW store.figures_by_cell_stale AS SELECT report_id FROM store.figures_by_cell_stale_kept`} {
		if _, err := db.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if at, err := db.CopyCells(ctx, CellOptions{Dense: true}, nil); err == nil || at.Rewrote || at.Purged != 0 {
		t.Fatalf("a rewrite that cannot empty the list: %+v, %v; want an error and nothing done", at, err)
	}
	for _, q := range []string{`DROP VIEW store.figures_by_cell_stale`,
		`ALTER TABLE store.figures_by_cell_stale_kept RENAME TO figures_by_cell_stale`} {
		if _, err := db.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if n := count(t, db, "SELECT count(*) FROM store.figures_by_cell_stale"); n != 1 {
		t.Errorf("a failed rewrite left %d reports listed, want 1", n)
	}
	if s := cellsTable(t, db); s != table {
		t.Errorf("a failed rewrite left the copy as\n%s", s)
	}
	staleCheck(t, db, "a rewrite failed", false)
	rewritten("compact after the failure", copyCells(CellOptions{Dense: true}))

	// 7. An older gongkai's write on the rewritten file (a report retired
	// without the list): Open's check (0121) empties the copy, and compact
	// makes it again.
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("duckdb", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`UPDATE store.reports SET is_current = false WHERE report_id = 3`,
		`UPDATE store.report_summary SET is_current = false WHERE report_id = 3`,
	} {
		if _, err := raw.Exec(q); err != nil {
			raw.Close()
			t.Fatalf("%s: %v", q, err)
		}
	}
	raw.Close()
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, "SELECT watermark FROM store.figures_by_cell_state"); n != 0 {
		t.Errorf("an older gongkai's retire: the copy kept its watermark %d, want it emptied", n)
	}
	staleCheck(t, db, "an older gongkai wrote", false)
	copyCells(CellOptions{Dense: true})
	staleCheck(t, db, "an older gongkai wrote, compacted", true)
	if n := cellsDead(t, db); n != 0 || cellsTable(t, db) != table {
		t.Errorf("compacted after an older gongkai's write: %d deleted rows, table %s", n, cellsTable(t, db))
	}
}

// TestCellRewriteUnderAReader writes the copy by cell again while a reader
// holds a transaction that has read it: the reader goes on seeing the rows
// of its snapshot, the checkpoint after the rewrite does not take them from
// under it, and a query after its commit reads the new copy.
func TestCellRewriteUnderAReader(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "w.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var reqs []LoadRequest
	for i, agency := range []string{"甲局", "乙局", "丙局"} {
		for year := 2020; year <= 2023; year++ {
			reqs = append(reqs, LoadRequest{Report: withUnit(agency, year, float64(10*i+year-2020))})
		}
	}
	load(t, db, reqs...)
	if _, err := db.CopyCells(ctx, CellOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	load(t, db, LoadRequest{Report: withUnit("甲局", 2021, 50), Confirm: true})
	const sum = `SELECT count(*) || ':' || coalesce(sum(value), 0) FROM store.figures_by_cell`
	reader, err := db.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	var before, during, after string
	if _, err := reader.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		t.Fatal(err)
	}
	if err := reader.QueryRowContext(ctx, sum).Scan(&before); err != nil {
		t.Fatal(err)
	}
	at, err := db.CopyCells(ctx, CellOptions{Dense: true}, nil)
	if err != nil || !at.Rewrote || at.Purged != 1 {
		t.Fatalf("rewrite under a reader: %+v, %v; want one report purged by a rewrite", at, err)
	}
	if err := reader.QueryRowContext(ctx, sum).Scan(&during); err != nil {
		t.Fatalf("the reader's snapshot after the rewrite: %v", err)
	}
	if _, err := reader.ExecContext(ctx, "COMMIT"); err != nil {
		t.Fatal(err)
	}
	if err := reader.QueryRowContext(ctx, sum).Scan(&after); err != nil {
		t.Fatal(err)
	}
	if during != before || after == before {
		t.Errorf("the reader saw %s before the rewrite, %s in the same transaction after it (want the same), %s after its commit (want the new copy)", before, during, after)
	}
	staleCheck(t, db, "rewritten under a reader", true)
}
