package warehouse_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
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
