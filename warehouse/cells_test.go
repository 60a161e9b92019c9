package warehouse

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gongkai"
)

// cellsStale counts the rows by which the copy by cell (migration 0032)
// differs from store.figures, with each report's year (0036) and agency
// (0093) as store.reports has them, up to its watermark, of the reports
// that are current or on its stale list (0108), both ways and with
// repeats, plus the copied rows of reports after the watermark.
func cellsStale(t *testing.T, db *DB) int {
	t.Helper()
	return count(t, db, `
		WITH w AS (SELECT watermark FROM store.figures_by_cell_state),
		f AS (SELECT f.report_id, f.measure_id, f.applicant_id, r.year, r.agency_id, f.unit_id, f.value, f.raw_id, f.at_id
		      FROM store.figures f LEFT JOIN store.reports r ON r.report_id = f.report_id
		      WHERE f.report_id <= (SELECT watermark FROM w)
		        AND (r.is_current OR r.report_id IN (SELECT report_id FROM store.figures_by_cell_stale))),
		c AS (SELECT report_id, measure_id, applicant_id, year, agency_id, unit_id, value, raw_id, at_id FROM store.figures_by_cell)
		SELECT (SELECT count(*) FROM (SELECT * FROM f EXCEPT ALL SELECT * FROM c))
		     + (SELECT count(*) FROM (SELECT * FROM c EXCEPT ALL SELECT * FROM f))
		     + (SELECT count(*) FROM c WHERE report_id > (SELECT watermark FROM w))`)
}

// cellsDescents counts the places where the copy, in the order it is
// stored, steps back in (measure_id, applicant_id, year, report_id): at
// most one between two runs, none inside a run.
func cellsDescents(t *testing.T, db *DB) int {
	t.Helper()
	return count(t, db, `
		SELECT count(*) FROM (
		    SELECT (measure_id, applicant_id, year, report_id) < lag((measure_id, applicant_id, year, report_id)) OVER (ORDER BY rowid) AS back
		    FROM store.figures_by_cell)
		WHERE back`)
}

// TestCellCopyStaysExact walks a warehouse through every write there is
// (new reports, second versions, a pending version confirmed and one left
// waiting, a corrected region, reopening) with the copy by cell made at
// several points: it must hold exactly the figures of store.figures up to
// its watermark, each run ordered by cell. A figure changed afterwards in
// store.figures (as a repair migration would) must show as stale.
func TestCellCopyStaysExact(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "w.duckdb")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { db.Close() }()
	check := func(stage string, wantWatermark int64, maxRuns int) {
		t.Helper()
		var wm int64
		var runs int
		if err := db.db.QueryRow("SELECT watermark, runs FROM store.figures_by_cell_state").Scan(&wm, &runs); err != nil {
			t.Fatal(err)
		}
		if wm != wantWatermark || runs > maxRuns {
			t.Errorf("%s: watermark %d in %d runs, want %d in at most %d", stage, wm, runs, wantWatermark, maxRuns)
		}
		if n := cellsStale(t, db); n != 0 {
			t.Errorf("%s: the copy differs from store.figures by %d rows", stage, n)
		}
		if n := count(t, db, "SELECT count(unit_id) FROM store.figures_by_cell"); wm > 0 && n == 0 {
			t.Errorf("%s: no unit in the copy", stage)
		}
		if n := cellsDescents(t, db); n > max(runs-1, 0) {
			t.Errorf("%s: the copy steps back %d times in %d runs", stage, n, runs)
		}
	}

	var reqs []LoadRequest
	for i, agency := range []string{"甲局", "乙局", "丙局", "丁局", "戊局"} {
		for year := 2020; year <= 2023; year++ {
			r := sampleReport(agency, year, float64(i), float64(year-2020))
			// A cell that names its unit (0093 copies unit_id), on every
			// other report.
			if (i+year)%2 == 0 {
				r.Values = append(r.Values, gongkai.Value{Measure: "procurement.amount", Applicant: gongkai.ApplicantTotal,
					Number: gongkai.Float(float64(year)), Raw: fmt.Sprint(year), At: "表二!E20", Unit: "万元"})
			}
			reqs = append(reqs, LoadRequest{Report: r})
		}
	}
	load(t, db, reqs...)
	check("loaded, nothing copied", 0, 0)

	// Fewer reports than Least wait: nothing is copied.
	if at, err := db.CopyCells(ctx, CellOptions{Least: 21}, nil); err != nil || at.Copied != 0 || at.Tail != 20 {
		t.Fatalf("with 20 reports waiting and Least 21: %+v, %v", at, err)
	}
	if at, err := db.CopyCells(ctx, CellOptions{Run: 6, Runs: 2}, nil); err != nil || at.Watermark != 12 || at.Copied != 12 {
		t.Fatalf("two runs of 6: %+v, %v", at, err)
	}
	check("two runs of 6", 12, 2)

	// Second versions (one retiring a copied report, one a report after
	// the watermark), a pending version, a corrected region.
	v2 := sampleReport("甲局", 2020, 7, 0)
	v3 := sampleReport("戊局", 2023, 0, 9)
	res := load(t, db, LoadRequest{Report: v2}, LoadRequest{Report: v3}, LoadRequest{Report: withError("乙局", 2021)})
	if !res[2].Pending {
		t.Fatalf("a version with an error is not pending: %+v", res[2])
	}
	if err := db.SetAgencyRegion(ctx, 3, Region{Province: "测试省", City: "测试市", Level: "县级部门"}); err != nil {
		t.Fatal(err)
	}
	check("after second versions", 12, 2)
	var progress []int64
	if _, err := db.CopyCells(ctx, CellOptions{Run: 5}, func(at CellCopy) { progress = append(progress, at.Watermark) }); err != nil {
		t.Fatal(err)
	}
	if got := fmtInts(progress); got != "17,22,23" {
		t.Errorf("runs ended at %s, want 17,22,23", got)
	}
	check("all copied", 23, 5)

	// Confirming the pending version after its run was copied (it is
	// copied then, a run of its own: 0108), a pending one left waiting, a
	// report after the watermark; then reopen.
	if _, err := db.Confirm(ctx, res[2].ReportID, "张三"); err != nil {
		t.Fatal(err)
	}
	load(t, db, LoadRequest{Report: withError("丙局", 2022)}, LoadRequest{Report: sampleReport("己局", 2021, 1, 1)})
	check("confirmed, two more", 23, 6)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	check("reopened", 23, 6)
	if at, err := db.CopyCells(ctx, CellOptions{}, nil); err != nil || at.Watermark != 25 || at.Tail != 0 || at.Runs != 7 {
		t.Fatalf("the last two: %+v, %v", at, err)
	}
	check("reopened, all copied", 25, 7)

	// A report's year changed by hand (a repair of store.reports): Open
	// finds the summary out of step and empties the copy, whose years would
	// be stale, to be copied again.
	if _, err := db.db.Exec("UPDATE store.reports SET year = 2019 WHERE report_id = 4"); err != nil {
		t.Fatal(err)
	}
	if n := cellsStale(t, db); n == 0 {
		t.Errorf("a year changed in store.reports alone: the copy is not seen stale")
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	check("a year edited by hand, reopened", 0, 0)
	if at, err := db.CopyCells(ctx, CellOptions{}, nil); err != nil || at.Watermark != 25 || at.Tail != 0 || at.Runs != 1 {
		t.Fatalf("copied again: %+v, %v", at, err)
	}
	check("a year edited by hand, copied again", 25, 1)

	// The same for a report moved to another agency by hand: the copy
	// carries the agency (0093).
	if _, err := db.db.Exec("UPDATE store.reports SET agency_id = (SELECT max(agency_id) FROM store.agencies) WHERE report_id = 5"); err != nil {
		t.Fatal(err)
	}
	if n := cellsStale(t, db); n == 0 {
		t.Errorf("an agency changed in store.reports alone: the copy is not seen stale")
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	check("an agency edited by hand, reopened", 0, 0)
	if at, err := db.CopyCells(ctx, CellOptions{}, nil); err != nil || at.Watermark != 25 || at.Tail != 0 || at.Runs != 1 {
		t.Fatalf("copied again: %+v, %v", at, err)
	}
	check("an agency edited by hand, copied again", 25, 1)

	// What a repair of store.figures that forgot the copy would leave: the
	// check above must see it.
	if _, err := db.db.Exec("UPDATE store.figures SET value = value + 1 WHERE report_id = 3 AND value IS NOT NULL"); err != nil {
		t.Fatal(err)
	}
	if n := cellsStale(t, db); n == 0 {
		t.Errorf("a figure changed in store.figures alone: the copy is not seen stale")
	}
}

// setsYear finds an UPDATE of store.reports whose SET list (before its
// WHERE) assigns year.
type setsYear struct{ update, where, year *regexp.Regexp }

func (r setsYear) MatchString(s string) bool {
	for _, m := range r.update.FindAllStringSubmatch(s, -1) {
		set := m[1]
		if loc := r.where.FindStringIndex(set); loc != nil {
			set = set[:loc[0]]
		}
		if r.year.MatchString(set) {
			return true
		}
	}
	return false
}

func fmtInts(xs []int64) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.FormatInt(x, 10)
	}
	return strings.Join(s, ",")
}

// TestCellCopyFollowsFigures fails on a statement that changes rows of
// store.figures, or reports' years or agencies, or deletes reports, without
// touching the copy by cell (migrations 0032, 0036, 0093, 0094): a
// migration after 0032 or a statement of warehouse/sql that updates,
// deletes, inserts into or replaces store.figures must write
// store.figures_by_cell (or empty it and set its watermark to 0) in the same
// file. The loader's appender is the one writer allowed: it appends only
// reports with ids above every committed one, after the watermark.
func TestCellCopyFollowsFigures(t *testing.T) {
	writes := regexp.MustCompile(`(?is)\b(update|delete\s+from|insert\s+(or\s+\w+\s+)?into|truncate(\s+table)?|alter\s+table|drop\s+table(\s+if\s+exists)?|create\s+(or\s+replace\s+)?table)\s+store\.figures\b`)
	// The copy carries each report's year (migration 0036) and agency
	// (0093): a statement that sets store.reports.year or agency_id must
	// empty or rewrite it too.
	years := setsYear{regexp.MustCompile(`(?is)\bupdate\s+store\.reports\s+set\b([^;]*)`), regexp.MustCompile(`(?is)\bwhere\b`),
		regexp.MustCompile(`(?i)\b(year|agency_id)\s*=`)}
	// figure_totals (0094) counts the copied figures of every report that
	// is not retired or pending: a statement that deletes or replaces
	// reports must empty or rewrite the copy too.
	dropsReports := regexp.MustCompile(`(?is)\b(delete\s+from|truncate(\s+table)?|drop\s+table(\s+if\s+exists)?|create\s+(or\s+replace\s+)?table)\s+store\.reports\b`)
	// The copy holds the current reports and those its stale list names
	// (0108): a statement that makes reports current or not must say how
	// the list follows (the Go that runs it runs the list's statements in
	// the same transaction, checked below).
	setsCurrent := setsYear{years.update, years.where, regexp.MustCompile(`(?i)\bis_current\s*=`)}
	var files []string
	ms, err := filepath.Glob(filepath.Join("migrations", "*.sql"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if v, err := strconv.Atoi(strings.SplitN(filepath.Base(m), "_", 2)[0]); err == nil && v > 32 {
			files = append(files, m)
		}
	}
	stmts, _ := filepath.Glob(filepath.Join("sql", "*.sql"))
	gos, _ := filepath.Glob("*.go")
	files = append(files, stmts...)
	for _, g := range gos {
		if !strings.HasSuffix(g, "_test.go") {
			files = append(files, g)
		}
	}
	if len(files) < 50 {
		t.Fatalf("only %d files to read", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if writes.Match(b) && !strings.Contains(string(b), "store.figures_by_cell") {
			t.Errorf("%s changes store.figures but not store.figures_by_cell: region_figure would read a stale copy", f)
		}
		if dropsReports.Match(b) && !strings.Contains(string(b), "store.figures_by_cell") {
			t.Errorf("%s deletes reports but not their figures in store.figures_by_cell: figure_totals would count them (0094)", f)
		}
		if years.MatchString(string(b)) && !strings.Contains(string(b), "store.figures_by_cell") {
			t.Errorf("%s changes reports' years or agencies but not store.figures_by_cell, which carries them (0036, 0093)", f)
		}
		if setsCurrent.MatchString(string(b)) && !strings.Contains(string(b), "store.figures_by_cell_stale") {
			t.Errorf("%s makes reports current or not but does not say how store.figures_by_cell_stale follows (0108): figure_totals would count a retired report or leave out a current one", f)
		}
		// The writer's statements that make reports current or not, and
		// those that keep the copy's stale list with them.
		for run, with := range map[string][]string{
			`stmt("reports_retire")`:       {`stmt("cells_stale_retire")`},
			`stmt("reports_make_current")`: {`stmt("cells_confirm")`, `stmt("cells_stale_confirm")`},
		} {
			for _, w := range with {
				if strings.Contains(string(b), run) && !strings.Contains(string(b), w) {
					t.Errorf("%s runs %s but not %s: the copy by cell's stale list would not follow (0108)", f, run, w)
				}
			}
		}
	}
	if !setsCurrent.MatchString("UPDATE store.reports SET is_current = false WHERE report_id = 3") ||
		setsCurrent.MatchString("UPDATE store.reports SET errors = 1 WHERE is_current = false") {
		t.Errorf("the rule on is_current misses a change or takes a filter for one")
	}
	// The rule itself: what it must catch, and the loader's append.
	for _, s := range []string{"UPDATE store.figures SET value = NULL", "delete from store.figures where report_id = 3",
		"CREATE OR REPLACE TABLE store.figures AS SELECT 1", "INSERT INTO store.figures SELECT 1"} {
		if !writes.MatchString(s) {
			t.Errorf("the rule misses %q", s)
		}
	}
	if !years.MatchString("update store.reports set is_current = false, year = 2020 where report_id = 3") ||
		!years.MatchString("UPDATE store.reports SET agency_id = 7 WHERE report_id = 3") ||
		years.MatchString("UPDATE store.reports SET is_current = false WHERE agency_id = 7") ||
		years.MatchString("UPDATE store.reports SET is_current = false WHERE year = 2020") {
		t.Errorf("the rule on years misses a change of year or takes a filter for one")
	}
	if !dropsReports.MatchString("DELETE FROM store.reports WHERE report_id = 3") || dropsReports.MatchString("DELETE FROM store.report_summary") {
		t.Errorf("the rule on deleted reports misses a delete or takes store.report_summary for store.reports")
	}
	if writes.MatchString("INSERT INTO store.figures_by_cell SELECT 1") {
		t.Errorf("the rule takes the copy for store.figures")
	}
	if b, err := os.ReadFile("load.go"); err != nil || !strings.Contains(string(b), `appendChunks(conn, "figures"`) {
		t.Errorf("the loader no longer appends store.figures by appendChunks (%v): say here how it writes", err)
	}
}
