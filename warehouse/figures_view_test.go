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

// TestReportFiguresMatchReportValues holds the numbers-only view
// report_figures (0028) to report_values over a demo history with second
// versions, through the analysts' sandbox (which must allow it): the same
// columns less raw and at, the same rows, and for every measure, applicant,
// year and unit the same sum, count of rows and count of stated figures.
func TestReportFiguresMatchReportValues(t *testing.T) {
	db := pathsDB(t)
	ctx := context.Background()
	values, err := db.SQL(ctx, "SELECT * FROM report_values LIMIT 0")
	if err != nil {
		t.Fatal(err)
	}
	figures, err := db.SQL(ctx, "SELECT * FROM report_figures LIMIT 0")
	if err != nil {
		t.Fatalf("the sandbox refuses report_figures: %v", err)
	}
	want := slices.DeleteFunc(slices.Clone(values.Columns), func(c string) bool { return c == "raw" || c == "at" })
	if !slices.Equal(figures.Columns, want) {
		t.Errorf("report_figures has columns %v, want %v", figures.Columns, want)
	}

	// Exact sums: DECIMAL does not depend on the order the rows are added in.
	sums := func(view string) [][]any {
		t.Helper()
		tb, err := db.SQL(ctx, `SELECT measure, applicant, year, unit, sum(value::DECIMAL(38, 6)) AS total,
			count(*) AS n, count(value) AS stated FROM `+view+` GROUP BY ALL ORDER BY ALL`)
		if err != nil {
			t.Fatal(err)
		}
		if tb.Truncated {
			t.Fatalf("%s: the sums were cut at %d rows", view, len(tb.Rows))
		}
		return tb.Rows
	}
	got, exp := sums("report_figures"), sums("report_values")
	if len(exp) < 100 {
		t.Fatalf("only %d groups in report_values: the comparison proves little", len(exp))
	}
	units := 0
	for _, r := range exp {
		if r[3] != nil {
			units++
		}
	}
	if units == 0 {
		t.Errorf("no figure with a unit in the fixture: the unit column is not compared")
	}
	if g, w := fmt.Sprint(got), fmt.Sprint(exp); g != w {
		t.Errorf("sums per measure, applicant, year and unit differ:\n got %.800s\nwant %.800s", g, w)
	}

	// Row for row, duplicates counted.
	diff, err := db.SQL(ctx, `SELECT
		(SELECT count(*) FROM (SELECT * EXCLUDE (raw, "at") FROM report_values EXCEPT ALL SELECT * FROM report_figures)),
		(SELECT count(*) FROM (SELECT * FROM report_figures EXCEPT ALL SELECT * EXCLUDE (raw, "at") FROM report_values)),
		(SELECT count(*) FROM report_figures)`)
	if err != nil {
		t.Fatal(err)
	}
	r := diff.Rows[0]
	if fmt.Sprint(r[0]) != "0" || fmt.Sprint(r[1]) != "0" || fmt.Sprint(r[2]) == "0" {
		t.Errorf("rows only in report_values, only in report_figures, in all: %v", r)
	}
}

// TestReportFiguresBandsAsOneJoin holds report_figures (0076: the figures
// joined to the current reports in bands of 2^20 report ids) to 0068's view,
// one join over every id, on a demo history with second versions whose
// report ids are moved to both sides of every band's edges, into the last
// band and past it: the same rows, every column, duplicates counted, and
// figures in at least five bands.
func TestReportFiguresBandsAsOneJoin(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "bands.duckdb")
	db, err := warehouse.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	reports := demo.Generate(17, 12)
	if err := demo.Load(ctx, db, reports); err != nil {
		t.Fatal(err)
	}
	var again []*gongkai.Report
	for i, r := range reports {
		if i%4 == 0 {
			c := *r
			c.Values = append([]gongkai.Value(nil), r.Values...)
			c.Values[0].Number = gongkai.Float(99)
			again = append(again, &c)
		}
	}
	if err := demo.Load(ctx, db, again); err != nil {
		t.Fatal(err)
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
	// Report k (in id order) moves to the k-th of these ids, the rest stay.
	const band = 1 << 20
	moved := []int64{band - 2, band - 1, band, band + 1, 2*band - 1, 2 * band, 3*band + 7, 4*band - 1, 4 * band, 4*band + 1, 9 * band}
	var ids []int64
	rows, err := raw.Query(`SELECT report_id FROM store.reports ORDER BY report_id DESC LIMIT ?`, len(moved))
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	if len(ids) != len(moved) {
		t.Fatalf("%d reports, want at least %d", len(ids), len(moved))
	}
	for k, id := range ids {
		for _, q := range []string{`UPDATE store.reports SET report_id = ? WHERE report_id = ?`,
			`UPDATE store.figures SET report_id = ? WHERE report_id = ?`} {
			if _, err := raw.Exec(q, moved[k], id); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := raw.Exec(oldView); err != nil {
		t.Fatal(err)
	}
	var onlyNew, onlyOld, all, bands int64
	if err := raw.QueryRow(`SELECT
		(SELECT count(*) FROM (SELECT * FROM report_figures EXCEPT ALL SELECT * FROM figures_one_join)),
		(SELECT count(*) FROM (SELECT * FROM figures_one_join EXCEPT ALL SELECT * FROM report_figures)),
		(SELECT count(*) FROM report_figures),
		(SELECT count(DISTINCT least(report_id // 1048576, 4)) FROM report_figures)`).Scan(&onlyNew, &onlyOld, &all, &bands); err != nil {
		t.Fatal(err)
	}
	if onlyNew != 0 || onlyOld != 0 || all == 0 || bands < 5 {
		t.Errorf("rows only in the bands %d, only in one join %d, in all %d, bands with figures %d (want 0, 0, >0, 5)",
			onlyNew, onlyOld, all, bands)
	}
}
