package warehouse

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongkai"
)

// firstTotals is the all-figures group-by of report_figures, the rows
// figure_totals must give.
const firstTotals = `(SELECT year, measure, applicant, unit, count(*) AS figures, count(value) AS stated, sum(value) AS value_sum
	FROM report_figures GROUP BY ALL)`

// totalsFrom0088 returns 0088's figure_totals as a subquery: the form that
// joined every figure to store.reports and grouped by the texts' ids.
func totalsFrom0088(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("migrations/0088_figure_totals.sql")
	if err != nil {
		t.Fatal(err)
	}
	const head = "CREATE OR REPLACE VIEW figure_totals AS"
	s := string(b)
	i := strings.Index(s, head)
	if i < 0 {
		t.Fatalf("0088 has no %q", head)
	}
	return "(" + strings.TrimSuffix(strings.TrimSpace(s[i+len(head):]), ";") + ")"
}

// totalsApart counts the (year, measure, applicant, unit) groups where the
// grouped relations a and b differ: a group on one side only, counts of
// rows or of stated figures apart, a sum blank on one side only or apart by
// more than the order of a DOUBLE sum's additions makes (1e-9 of it); and
// the groups that a and b each name more than once.
func totalsApart(t *testing.T, db *DB, a, b string) (apart, twiceA, twiceB int) {
	t.Helper()
	q := fmt.Sprintf(`WITH a AS %s, b AS %s
	SELECT (SELECT count(*) FROM a FULL JOIN b
	          ON a.year = b.year AND a.measure = b.measure AND a.applicant = b.applicant AND a.unit IS NOT DISTINCT FROM b.unit
	        WHERE a.year IS NULL OR b.year IS NULL OR a.figures <> b.figures OR a.stated <> b.stated
	           OR (a.value_sum IS NULL) <> (b.value_sum IS NULL)
	           OR abs(a.value_sum - b.value_sum) > 1e-9 * greatest(1, abs(a.value_sum))),
	       (SELECT count(*) FROM (SELECT 1 FROM a GROUP BY year, measure, applicant, unit HAVING count(*) > 1)),
	       (SELECT count(*) FROM (SELECT 1 FROM b GROUP BY year, measure, applicant, unit HAVING count(*) > 1))`, a, b)
	if err := db.db.QueryRow(q).Scan(&apart, &twiceA, &twiceB); err != nil {
		t.Fatal(err)
	}
	return apart, twiceA, twiceB
}

// withUnit is sampleReport with, on every other report, a procurement amount
// in a unit the cell names (so that figure_totals' unit is tested), and
// total added to every figure of table 三 (so that versions differ).
func withUnit(agency string, year int, total float64) *gongkai.Report {
	r := sampleReport(agency, year, total, 1)
	if year%2 == 0 {
		r.Values = append(r.Values, gongkai.Value{Measure: "procurement.amount", Applicant: gongkai.ApplicantTotal,
			Number: gongkai.Float(float64(year) + total), Raw: fmt.Sprint(float64(year) + total), At: "表二!E20", Unit: "万元"})
	}
	return r
}

// TestFigureTotalsFromTheCopy holds figure_totals (0094: the copy by cell up
// to its watermark, store.figures after it) to 0088's form and to
// report_figures' group-by, through every state of the copy: empty (an
// upgraded file), partly made, made, with reports loaded after it, with
// second versions retiring copied reports and reports after the watermark,
// with pending versions, and with a pending version confirmed after it was
// copied.
func TestFigureTotalsFromTheCopy(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "w.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	old := totalsFrom0088(t)
	check := func(stage string, wantWatermark int64) {
		t.Helper()
		if n := count(t, db, "SELECT watermark FROM store.figures_by_cell_state"); int64(n) != wantWatermark {
			t.Fatalf("%s: watermark %d, want %d", stage, n, wantWatermark)
		}
		if n := count(t, db, "SELECT count(*) FROM store.reports WHERE NOT is_current"); n == 0 {
			t.Fatalf("%s: no report is retired or pending: the fixture tests nothing", stage)
		}
		if n := count(t, db, "SELECT count(*) FROM figure_totals WHERE unit IS NOT NULL"); n == 0 {
			t.Fatalf("%s: no group with a unit", stage)
		}
		if apart, twice, _ := totalsApart(t, db, "(SELECT * FROM figure_totals)", firstTotals); apart != 0 || twice != 0 {
			t.Errorf("%s: %d groups apart from report_figures' group-by, %d named twice", stage, apart, twice)
		}
		if apart, _, _ := totalsApart(t, db, "(SELECT * FROM figure_totals)", old); apart != 0 {
			t.Errorf("%s: %d groups apart from 0088's figure_totals", stage, apart)
		}
	}

	var reqs []LoadRequest
	for i, agency := range []string{"甲局", "乙局", "丙局", "丁局", "戊局"} {
		for year := 2020; year <= 2023; year++ {
			reqs = append(reqs, LoadRequest{Report: withUnit(agency, year, float64(i+year-2020))})
		}
	}
	load(t, db, reqs...)
	// A second version (retiring report 1) and a pending one (report 6
	// stays current).
	res := load(t, db, LoadRequest{Report: withUnit("甲局", 2020, 30)}, LoadRequest{Report: withError("乙局", 2021)})
	if !res[1].Pending {
		t.Fatalf("a version with an error is not pending: %+v", res[1])
	}
	check("the copy empty", 0)

	if at, err := db.CopyCells(ctx, CellOptions{Run: 8, Runs: 2}, nil); err != nil || at.Watermark != 16 {
		t.Fatalf("two runs of 8: %+v, %v", at, err)
	}
	check("the copy made up to report 16", 16)

	// Second versions retiring a copied report and one after the
	// watermark, a pending version and a new report after it.
	res = load(t, db, LoadRequest{Report: withUnit("丙局", 2021, 40)}, LoadRequest{Report: withUnit("戊局", 2023, 50)},
		LoadRequest{Report: withError("丁局", 2020)}, LoadRequest{Report: withUnit("己局", 2022, 60)})
	if !res[2].Pending {
		t.Fatalf("a version with an error is not pending: %+v", res[2])
	}
	check("second versions after the copy", 16)

	if _, err := db.CopyCells(ctx, CellOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	last := int64(count(t, db, "SELECT max(report_id) FROM store.reports"))
	check("the copy made", last)

	// The pending versions confirmed once copied: each retires a copied
	// current report and makes a copied one current.
	for _, r := range []int64{res[2].ReportID, 22} {
		if _, err := db.Confirm(ctx, r, "张三"); err != nil {
			t.Fatal(err)
		}
	}
	if n := count(t, db, "SELECT count(*) FROM store.reports WHERE report_id IN (22, $1) AND is_current", res[2].ReportID); n != 2 {
		t.Fatalf("%d of the confirmed versions are current", n)
	}
	check("pending versions confirmed after the copy", last)
	load(t, db, LoadRequest{Report: withUnit("庚局", 2023, 70)}, LoadRequest{Report: withUnit("甲局", 2021, 80)})
	check("reports after the copy", last)
}

// TestFigureTotalsOneTextTwoIds puts one measure's text under a second id
// (as a file edited by hand, or one of migration 0023's time, may hold it)
// for half the figures, in store.figures and in the copy by cell alike,
// with some reports after the watermark: figure_totals must still give one
// row per (year, measure, applicant, unit), with report_figures' sums.
// 0088's form, which grouped by the ids, gave two rows each with part of
// the sum: the test checks that the fixture shows it.
func TestFigureTotalsOneTextTwoIds(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "w.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var reqs []LoadRequest
	for i, agency := range []string{"甲局", "乙局", "丙局"} {
		for year := 2021; year <= 2023; year++ {
			reqs = append(reqs, LoadRequest{Report: withUnit(agency, year, float64(i))})
		}
	}
	load(t, db, reqs...)
	if _, err := db.CopyCells(ctx, CellOptions{Run: 6, Runs: 1}, nil); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO store.texts SELECT max(text_id) + 1, 'apps.new' FROM store.texts`,
		`UPDATE store.figures SET measure_id = (SELECT max(text_id) FROM store.texts)
		 WHERE measure_id = (SELECT min(text_id) FROM store.texts WHERE text = 'apps.new') AND report_id % 2 = 1`,
		`UPDATE store.figures_by_cell SET measure_id = (SELECT max(text_id) FROM store.texts)
		 WHERE measure_id = (SELECT min(text_id) FROM store.texts WHERE text = 'apps.new') AND report_id % 2 = 1`,
	} {
		if _, err := db.db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if n := count(t, db, `SELECT count(DISTINCT measure_id) FROM store.figures_by_cell c JOIN store.texts t ON t.text_id = c.measure_id
		WHERE t.text = 'apps.new'`); n != 2 {
		t.Fatalf("apps.new under %d ids in the copy, want 2", n)
	}
	if n := count(t, db, `SELECT count(DISTINCT measure_id) FROM store.figures f JOIN store.texts t ON t.text_id = f.measure_id
		WHERE t.text = 'apps.new' AND f.report_id > 6`); n != 2 {
		t.Fatalf("apps.new under %d ids after the watermark, want 2", n)
	}
	if apart, twice, _ := totalsApart(t, db, "(SELECT * FROM figure_totals)", firstTotals); apart != 0 || twice != 0 {
		t.Errorf("%d groups apart from report_figures' group-by, %d named twice", apart, twice)
	}
	if _, twice, _ := totalsApart(t, db, totalsFrom0088(t), firstTotals); twice == 0 {
		t.Errorf("0088's form names no group twice: the fixture does not hold one text under two ids")
	}
}

// TestFigureTotalsAgencyMissing deletes an agency's row by hand (no write
// path deletes one; a repair of the file can), with its reports on both
// sides of the copy's watermark, one of them a retired version: figure_totals
// must leave their figures out, as report_figures (which joins each report
// to its agency) does, with the copy half made, made and empty. 0094's form
// counted them.
func TestFigureTotalsAgencyMissing(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "w.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var reqs []LoadRequest
	for i, agency := range []string{"甲局", "乙局", "丙局"} {
		for year := 2020; year <= 2023; year++ {
			reqs = append(reqs, LoadRequest{Report: withUnit(agency, year, float64(i+year-2020))})
		}
	}
	load(t, db, reqs...)
	// 乙局's 2020 report (id 5) retired by a second version after the copy.
	load(t, db, LoadRequest{Report: withUnit("乙局", 2020, 30)})
	if _, err := db.CopyCells(ctx, CellOptions{Run: 6, Runs: 1}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := db.db.Exec(`DELETE FROM store.agencies WHERE name = '乙局'`); err != nil {
		t.Fatal(err)
	}
	// 乙局's reports: 5 and 6 copied, 7, 8 and the second version 13 after
	// the watermark (6).
	if n := count(t, db, `SELECT count(*) FROM store.reports r ANTI JOIN store.agencies a ON a.agency_id = r.agency_id
		WHERE r.is_current AND r.report_id <= 6`); n != 1 {
		t.Fatalf("%d current reports with no agency in the copy, want 1: the fixture tests less", n)
	}
	b, err := os.ReadFile("migrations/0094_figure_totals_copy.sql")
	if err != nil {
		t.Fatal(err)
	}
	old := string(b)
	old = "(" + strings.TrimSuffix(strings.TrimSpace(old[strings.Index(old, "SELECT g.year"):]), ";") + ")"
	for _, st := range []struct {
		stage string
		copy  *CellOptions
	}{
		{"the copy half made", nil},
		{"the copy made", &CellOptions{}},
		{"the copy empty", nil},
	} {
		if st.copy != nil {
			if _, err := db.CopyCells(ctx, *st.copy, nil); err != nil {
				t.Fatal(err)
			}
		}
		if st.stage == "the copy empty" {
			if _, err := db.db.Exec(`DELETE FROM store.figures_by_cell; UPDATE store.figures_by_cell_state SET watermark = 0, runs = 0`); err != nil {
				t.Fatal(err)
			}
		}
		if apart, twice, _ := totalsApart(t, db, "(SELECT * FROM figure_totals)", firstTotals); apart != 0 || twice != 0 {
			t.Errorf("%s: %d groups apart from report_figures' group-by, %d named twice", st.stage, apart, twice)
		}
		if apart, _, _ := totalsApart(t, db, old, firstTotals); apart == 0 {
			t.Errorf("%s: 0094's form is %d groups apart from report_figures: the fixture does not show the agency missing", st.stage, apart)
		}
	}
}
