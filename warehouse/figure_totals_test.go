package warehouse_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gongkai"
	"gongkai/demo"
	"gongkai/warehouse"
)

// figureTotalsDiff is a query that counts the groups where figure_totals
// (0088) and the sums of the view from (report_figures, or its first form)
// per year, measure, applicant and unit differ: a group only on one side, a
// count of rows or of stated figures apart, a total blank on one side only,
// or totals apart by more than the order of a DOUBLE sum's additions can
// make them (1e-9 of the total). It also returns the groups, the groups
// with a unit and the non-current reports, so that a fixture that tests
// nothing shows.
func figureTotalsDiff(from string) string {
	return fmt.Sprintf(`WITH a AS (
		SELECT year, measure, applicant, unit, count(*) AS figures, count(value) AS stated, sum(value) AS value_sum
		FROM %s GROUP BY ALL
	)
	SELECT count(*) FILTER (WHERE a.year IS NULL OR t.year IS NULL OR a.figures <> t.figures OR a.stated <> t.stated
	                          OR (a.value_sum IS NULL) <> (t.value_sum IS NULL)
	                          OR abs(a.value_sum - t.value_sum) > 1e-9 * greatest(1, abs(a.value_sum))),
	       count(*), count(t.unit), (SELECT count(*) FROM reports WHERE NOT is_current)
	FROM a FULL JOIN figure_totals t
	  ON a.year = t.year AND a.measure = t.measure AND a.applicant = t.applicant AND a.unit IS NOT DISTINCT FROM t.unit`, from)
}

// TestFigureTotalsMatchReportFigures holds figure_totals (0088, 0094) to
// report_figures over a demo history with second versions (so retired
// versions that must not count), through the analysts' sandbox (which must
// allow it), with the copy by cell empty, half made and made: for every
// year, measure, applicant and unit the same count of rows, of stated
// figures and the same sum. Then, with report ids moved to both sides of
// every band's edge (0076), into the last band and past it (the copy, made
// before, moved with them), to 0068's report_figures, one join over every
// id.
func TestFigureTotalsMatchReportFigures(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "totals.duckdb")
	db, err := warehouse.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	reports := demo.Generate(23, 12)
	if err := demo.Load(ctx, db, reports); err != nil {
		t.Fatal(err)
	}
	// New versions of every fourth report, a figure in five changed or
	// blanked, under a source of their own (demo.Load would take the same
	// source as a duplicate and write nothing).
	var again []warehouse.LoadRequest
	for i, r := range reports {
		if i%4 != 0 {
			continue
		}
		c := *r
		c.Source.Name, c.Source.SHA256 = fmt.Sprintf("v2-%d.xlsx", i), ""
		c.Values = append([]gongkai.Value(nil), r.Values...)
		for j := range c.Values {
			if c.Values[j].Number != nil && j%5 == i%5 {
				if i%8 == 0 {
					c.Values[j].Number = nil
				} else {
					c.Values[j].Number = gongkai.Float(*c.Values[j].Number + 1)
				}
			}
		}
		again = append(again, warehouse.LoadRequest{Report: &c, By: "test", Confirm: true})
	}
	res, err := db.Load(ctx, again)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		if r.Err != nil || r.Duplicate || r.Version < 2 {
			t.Fatalf("second version %d: err %v, duplicate %v, version %d", i, r.Err, r.Duplicate, r.Version)
		}
	}

	tb, err := db.SQL(ctx, "SELECT * FROM figure_totals LIMIT 0")
	if err != nil {
		t.Fatalf("the sandbox refuses figure_totals: %v", err)
	}
	if want := []string{"year", "measure", "applicant", "unit", "figures", "stated", "value_sum"}; !slices.Equal(tb.Columns, want) {
		t.Errorf("figure_totals has columns %v, want %v", tb.Columns, want)
	}
	// With the copy by cell empty, half made and made (0094 reads it up to
	// its watermark and store.figures after it).
	for i, stage := range []string{"the copy empty", "the copy half made", "the copy made"} {
		if i > 0 {
			o := warehouse.CellOptions{}
			if i == 1 {
				o = warehouse.CellOptions{Run: int64(len(reports)) / 2, Runs: 1}
			}
			if _, err := db.CopyCells(ctx, o, nil); err != nil {
				t.Fatal(err)
			}
		}
		tb, err = db.SQL(ctx, figureTotalsDiff("report_figures"))
		if err != nil {
			t.Fatal(err)
		}
		checkTotalsDiff(t, "report_figures, "+stage, tb.Rows[0])
	}
	db.Close()

	raw, err := sql.Open("duckdb", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	old, err := os.ReadFile("migrations/0068_report_figures_unit_texts.sql")
	if err != nil {
		t.Fatal(err)
	}
	oldView := string(old[strings.Index(string(old), "CREATE OR REPLACE VIEW"):])
	oldView = strings.Replace(oldView, "CREATE OR REPLACE VIEW report_figures AS", "CREATE TEMP VIEW figures_one_join AS", 1)
	if _, err := raw.Exec(oldView); err != nil {
		t.Fatal(err)
	}
	const band = 1 << 20
	moved := []int64{band - 2, band - 1, band, band + 1, 2*band - 1, 2 * band, 3*band + 7, 4*band - 1, 4 * band, 4*band + 1, 9 * band}
	for k, id := range moved {
		for _, q := range []string{`UPDATE store.reports SET report_id = $1 WHERE report_id = $2`,
			`UPDATE store.figures SET report_id = $1 WHERE report_id = $2`,
			`UPDATE store.figures_by_cell SET report_id = $1 WHERE report_id = $2`} {
			// The reports spread over the history: every sixth id.
			if _, err := raw.Exec(q, id, int64(1+6*k)); err != nil {
				t.Fatal(err)
			}
		}
	}
	var bands int
	if err := raw.QueryRow(`SELECT count(DISTINCT least(report_id // 1048576, 4)) FROM figures_one_join`).Scan(&bands); err != nil || bands < 5 {
		t.Fatalf("figures in %d bands (%v), want 5", bands, err)
	}
	// The copy holds every report, moved ids included, then none (an
	// upgraded file's state: every figure joined to the reports across the
	// bands).
	for _, st := range []struct{ stage, sql string }{
		{"the copy made", `UPDATE store.figures_by_cell_state SET watermark = (SELECT max(report_id) FROM store.reports)`},
		{"the copy empty", `DELETE FROM store.figures_by_cell; UPDATE store.figures_by_cell_state SET watermark = 0, runs = 0`},
	} {
		if _, err := raw.Exec(st.sql); err != nil {
			t.Fatal(err)
		}
		row := make([]any, 4)
		ptrs := make([]any, 4)
		for i := range row {
			ptrs[i] = &row[i]
		}
		if err := raw.QueryRow(figureTotalsDiff("figures_one_join")).Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		checkTotalsDiff(t, "0068's report_figures, ids in five bands, "+st.stage, row)
	}
}

// checkTotalsDiff reports what figureTotalsDiff found against the view
// named.
func checkTotalsDiff(t *testing.T, view string, r []any) {
	t.Helper()
	if fmt.Sprint(r[0]) != "0" {
		t.Errorf("%v of %v groups differ between figure_totals and %s", r[0], r[1], view)
	}
	if n, _ := r[1].(int64); n < 100 {
		t.Errorf("%s: only %v groups: the comparison proves little", view, r[1])
	}
	if fmt.Sprint(r[2]) == "0" || fmt.Sprint(r[3]) == "0" {
		t.Errorf("%s: groups with a unit %v, non-current reports %v: the fixture leaves the unit or the current filter untested", view, r[2], r[3])
	}
}
