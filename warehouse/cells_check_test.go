package warehouse

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
)

// TestCellsCheckAfterAnotherWriter writes a warehouse file whose copy by
// cell is made, then writes it as a binary that keeps no list of the copy's
// stale reports (0108) would — an older gongkai: a confirm of a version
// that was pending when its run was copied, a retire of a copied report, a
// copy run taking a pending version — or as this binary does, and opens it
// again. figure_totals must then give report_figures' group-by and
// region_figure the confirmed version's figure: Open empties the copy
// (checkCells) after another writer, and keeps it after this binary's own
// writes. Without the check, the confirmed version's apps.new is listed
// blank and figure_totals is apart (shown on 6862f55).
func TestCellsCheckAfterAnotherWriter(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name  string
		edit  func(pending, late int64) string // an older binary's writes, raw; "" for this binary's
		reset bool
		prep  func(t *testing.T, db *DB) // this binary's writes before edit
	}{
		{"an older binary's confirm", func(p, _ int64) string {
			return fmt.Sprintf(`UPDATE store.reports SET is_current = (report_id = %[1]d) WHERE report_id IN (3, %[1]d);
				UPDATE store.report_summary SET is_current = (report_id = %[1]d) WHERE report_id IN (3, %[1]d)`, p)
		}, true, nil},
		{"an older binary's retire", func(_, _ int64) string {
			return `UPDATE store.reports SET is_current = false WHERE report_id = 1;
				UPDATE store.report_summary SET is_current = false WHERE report_id = 1`
		}, true, nil},
		{"an older binary's copy run", func(_, late int64) string {
			return fmt.Sprintf(`INSERT INTO store.figures_by_cell
				SELECT f.report_id, f.measure_id, f.applicant_id, r.year, r.agency_id, f.unit_id, f.value, f.raw_id, f.at_id
				FROM store.figures f JOIN store.reports r USING (report_id)
				WHERE f.report_id > (SELECT watermark FROM store.figures_by_cell_state) AND f.report_id <= %[1]d ORDER BY ALL;
				UPDATE store.figures_by_cell_state SET watermark = %[1]d, runs = runs + 1`, late)
		}, true, nil},
		// The list itself edited by hand: a retired version's row deleted
		// (figure_totals counted its copied figures, and no compaction
		// deleted them), a current report listed (its figures left out).
		// Before the check these kept the copy (shown on 183cbd9).
		{"a stale report's row deleted by hand", func(_, _ int64) string {
			return `DELETE FROM store.figures_by_cell_stale`
		}, true, func(t *testing.T, db *DB) {
			load(t, db, LoadRequest{Report: withUnit("甲局", 2021, 30), Confirm: true})
			if n := count(t, db, "SELECT count(*) FROM store.figures_by_cell_stale"); n != 1 {
				t.Fatalf("the re-upload listed %d reports, want 1", n)
			}
		}},
		{"a current report listed by hand", func(_, _ int64) string {
			return `INSERT INTO store.figures_by_cell_stale VALUES (2)`
		}, true, nil},
		{"this binary's writes", nil, false, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			db, err := Open(ctx, filepath.Join(t.TempDir(), "w.duckdb"))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			var reqs []LoadRequest
			for i, agency := range []string{"甲局", "乙局", "丙局"} {
				for year := 2021; year <= 2022; year++ {
					reqs = append(reqs, LoadRequest{Report: withUnit(agency, year, float64(i+year-2020))})
				}
			}
			load(t, db, reqs...)
			p := load(t, db, LoadRequest{Report: withError("乙局", 2021)})[0]
			if !p.Pending {
				t.Fatalf("not pending: %+v", p)
			}
			if _, err := db.CopyCells(ctx, CellOptions{}, nil); err != nil {
				t.Fatal(err)
			}
			// After the copy: a pending version of 丙局 2022 (late).
			late := load(t, db, LoadRequest{Report: withError("丙局", 2022)})[0]
			if !late.Pending {
				t.Fatalf("not pending: %+v", late)
			}
			if c.prep != nil {
				c.prep(t, db)
			}
			if c.edit != nil {
				db = editByHand(t, db, c.edit(p.ReportID, late.ReportID))
			} else {
				// Each of this binary's writes that the check follows:
				// a confirm of a version pending when copied, a
				// re-upload retiring a copied report, a copy run, the
				// stale reports deleted from the copy.
				if _, err := db.Confirm(ctx, p.ReportID, "张三"); err != nil {
					t.Fatal(err)
				}
				load(t, db, LoadRequest{Report: withUnit("甲局", 2021, 30), Confirm: true})
				if _, err := db.CopyCells(ctx, CellOptions{Run: 1, Runs: 1}, nil); err != nil {
					t.Fatal(err)
				}
				db = editByHand(t, db, "SELECT 1")
			}
			wm := count(t, db, "SELECT watermark FROM store.figures_by_cell_state")
			if reset := wm == 0; reset != c.reset {
				t.Errorf("reopened: the copy emptied %v (watermark %d), want %v", reset, wm, c.reset)
			}
			if apart, twice, _ := totalsApart(t, db, "(SELECT * FROM figure_totals)", firstTotals); apart != 0 || twice != 0 {
				t.Errorf("reopened: figure_totals %d groups apart from report_figures' group-by, %d named twice", apart, twice)
			}
			cur := count(t, db, "SELECT count(*) FROM store.reports WHERE report_id = $1 AND is_current", p.ReportID)
			tb, err := db.Query(ctx, "region_figure", Filter{YearFrom: 2021, YearTo: 2021, Measure: "apps.new"})
			if err != nil {
				t.Fatal(err)
			}
			listed := false
			for _, r := range tb.Rows {
				if r[4] == p.ReportID {
					listed = true
					if cur == 0 || r[5] == nil {
						t.Errorf("region_figure lists version %d (current %v) with %v", p.ReportID, cur == 1, r[5])
					}
				}
			}
			if cur == 1 && !listed {
				t.Errorf("region_figure does not list current version %d", p.ReportID)
			}
			if _, err := db.CopyCells(ctx, CellOptions{}, nil); err != nil {
				t.Fatal(err)
			}
			staleCheck(t, db, "copied again", true)
		})
	}
}
