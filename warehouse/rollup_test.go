package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"gongkai"
)

// TestRollupExactAfterReuploads re-uploads reports of fractional figures
// (万元 fees of two decimals, and one of more) many times, so that the
// writer adds and subtracts them from the kept roll-up hundreds of times,
// and holds the kept table to one built afresh, cell for cell, sums
// included. Kept in DOUBLE (0015) the sums drifted in their last bits.
func TestRollupExactAfterReuploads(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	rng := rand.New(rand.NewSource(11))
	agencies := []string{"甲省财政厅", "甲省教育厅", "乙市公安局", "乙市税务局"}
	report := func(name string, round int) *gongkai.Report {
		r := sampleReport(name, 2021, 0, 0)
		r.Province = "甲省"
		if name[0:3] == "乙" {
			r.Province = "乙省"
		}
		fee := float64(rng.Intn(100000)) / 100 // 0.00 … 999.99
		r.Values = append(r.Values,
			gongkai.Value{Measure: "fees.amount_wan", Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(fee),
				Raw: fmt.Sprint(fee), At: "表二!E20"},
			gongkai.Value{Measure: "procurement.amount", Applicant: gongkai.ApplicantTotal,
				Number: gongkai.Float(0.1 * float64(1+round%7)), Raw: "0.1", At: "表二!E21"})
		r.Source.Name = fmt.Sprintf("%s-%d.xlsx", name, round)
		return r
	}
	for round := 0; round < 60; round++ {
		var reqs []LoadRequest
		for _, name := range agencies {
			reqs = append(reqs, LoadRequest{Report: report(name, round), Confirm: true})
		}
		load(t, db, reqs...)
	}
	var current, versions int
	err := db.withConn(ctx, func(conn *sql.Conn) error {
		return conn.QueryRowContext(ctx, `SELECT count(*) FILTER (is_current), count(*) FROM store.reports`).Scan(&current, &versions)
	})
	if err != nil {
		t.Fatal(err)
	}
	if current != len(agencies) || versions != 60*len(agencies) {
		t.Fatalf("%d current reports of %d versions, want %d of %d: the re-uploads did not retire", current, versions, len(agencies), 60*len(agencies))
	}
	n, err := RollupDiffForTest(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("%d roll-up cells differ from the roll-up built afresh after 60 re-uploads", n)
	}
}

// TestRollupRebuiltAfterRegionEditByHand changes an agency's region with an
// UPDATE on the file, as an administrator might outside gongkai, and
// reopens it: Open finds the roll-up summed under the old regions and
// rebuilds it, so the agency's figures count under its new province only.
func TestRollupRebuiltAfterRegionEditByHand(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	a, b := sampleReport("甲省财政厅", 2021, 0, 0), sampleReport("乙省财政厅", 2021, 0, 0)
	a.Province, b.Province = "甲省", "乙省"
	load(t, db, LoadRequest{Report: a}, LoadRequest{Report: b})
	db = editByHand(t, db, `UPDATE store.agencies SET province = '乙省' WHERE name = '甲省财政厅'`)
	n, err := RollupDiffForTest(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("%d roll-up cells differ from the regions as they stand after an edit by hand", n)
	}
	got, err := db.Query(ctx, "region_rollup", Filter{YearFrom: 2021, YearTo: 2021, Province: "乙省"})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, row := range got.Rows {
		if row[0] == "licensing.decisions" && row[1] == gongkai.ApplicantTotal {
			found = true
			if row[2] != 84.0 || row[3] != int64(2) {
				t.Errorf("乙省 licensing.decisions: %v, want 84 from 2 reports", row)
			}
		}
	}
	if !found {
		t.Errorf("乙省 has no licensing.decisions: %v", got.Rows)
	}
}

// TestSummaryRollupRebuiltAfterCountyEditByHand moves an agency to another
// county with an UPDATE on the file and reopens it: store.summary_rollup
// groups by county (store.region_rollup does not), so the fingerprint of
// the regions that Open compares must include it, or the agency's reports
// would stay summed under the county it left (and /compare's counties of a
// city would show them there).
func TestSummaryRollupRebuiltAfterCountyEditByHand(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	a, b := sampleReport("甲县财政局", 2021, 0, 0), sampleReport("乙县财政局", 2021, 0, 0)
	a.Province, b.Province = "甲省", "甲省"
	a.City, b.City = "丙市", "丙市"
	a.County, b.County = "甲县", "乙县"
	load(t, db, LoadRequest{Report: a}, LoadRequest{Report: b})
	db = editByHand(t, db, `UPDATE store.agencies SET county = '乙县' WHERE name = '甲县财政局'`)
	n, err := RollupDiffForTest(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("%d roll-up rows differ from the counties as they stand after an edit by hand", n)
	}
	got, err := db.Query(ctx, "compare_regions", Filter{Province: "甲省", City: "丙市"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Rows) != 1 || got.Rows[0][0] != "乙县" || got.Rows[0][2] != int64(2) {
		t.Errorf("the counties of 丙市: %v, want 乙县 alone with 2 agencies", got.Rows)
	}
}

// TestSummaryRebuiltAfterReportEditByHand moves a report to another year and
// another agency with an UPDATE on the file, as a repair by hand might, and
// reopens it: Open finds the per-report summary copying the old year and
// agency and rebuilds it with the roll-up, so that the comparisons (which
// read the summary, current_counts) and the roll-up count the report where
// it now is.
func TestSummaryRebuiltAfterReportEditByHand(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	a, b := sampleReport("甲省财政厅", 2021, 0, 0), sampleReport("乙省财政厅", 2021, 0, 0)
	a.Province, b.Province = "甲省", "乙省"
	load(t, db, LoadRequest{Report: a}, LoadRequest{Report: b})
	db = editByHand(t, db, `UPDATE store.reports SET year = 2020, agency_id = (SELECT agency_id FROM store.agencies WHERE name = '乙省财政厅')
		WHERE agency_id = (SELECT agency_id FROM store.agencies WHERE name = '甲省财政厅')`)
	n, err := RollupDiffForTest(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("%d roll-up cells differ from the reports as they stand after an edit by hand", n)
	}
	var stale int
	err = db.withConn(ctx, func(conn *sql.Conn) error {
		return conn.QueryRowContext(ctx, `SELECT count(*) FROM store.reports r JOIN store.report_summary s USING (report_id)
			WHERE r.year <> s.year OR r.agency_id <> s.agency_id`).Scan(&stale)
	})
	if err != nil {
		t.Fatal(err)
	}
	if stale != 0 {
		t.Errorf("%d summary rows keep the year or agency a repair by hand changed", stale)
	}
	got, err := db.Query(ctx, "compare_regions", Filter{YearFrom: 2020, YearTo: 2020})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Rows) != 1 || got.Rows[0][0] != "乙省" {
		t.Errorf("compare_regions in 2020: %v, want the moved report under 乙省", got.Rows)
	}
}

// editByHand closes db, runs stmt on its file through a plain DuckDB
// connection, as an administrator might outside gongkai, and returns the
// file opened again by Open (closed when the test ends).
func editByHand(t *testing.T, db *DB, stmt string) *DB {
	t.Helper()
	path := db.Path()
	db.Close()
	raw, err := sql.Open("duckdb", path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = raw.Exec(stmt)
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	db, err = Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestRollupRetiresOnlyItsReports re-uploads two of four reports loaded
// together, so that the versions retired (ids 1 and 3) are read as one run
// bounded by their range with a current report of another agency (id 2)
// inside it: the roll-ups must subtract the retired versions only.
func TestRollupRetiresOnlyItsReports(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	names := []string{"甲省财政厅", "甲省教育厅", "甲省民政厅", "甲省商务厅"}
	var reqs []LoadRequest
	for _, name := range names {
		r := sampleReport(name, 2021, 0, 0)
		r.Province = "甲省"
		reqs = append(reqs, LoadRequest{Report: r, Confirm: true})
	}
	load(t, db, reqs...)
	var again []LoadRequest
	for _, name := range []string{names[0], names[2]} {
		r := sampleReport(name, 2021, 2, 1)
		r.Province = "甲省"
		r.Source.Name = name + "-2.xlsx"
		again = append(again, LoadRequest{Report: r, Confirm: true})
	}
	load(t, db, again...)
	if n, err := RollupDiffForTest(ctx, db); err != nil || n != 0 {
		t.Errorf("%d roll-up cells differ from the figures after re-uploading two of four reports (%v)", n, err)
	}
}

// TestCompactRollupsKeepsEverySum re-uploads reports until the roll-ups
// (and store.year_reports, 0122) hold many deleted rows, writes them again
// (compactRollups), and holds them to what they were row for row, to the
// roll-ups built afresh, and every query that reads them to its rows
// before; then loads again, so that the writer's changes after the rewrite
// are held to the fresh build too.
func TestCompactRollupsKeepsEverySum(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	agencies := []string{"甲省财政厅", "甲省教育厅", "乙市公安局", "乙市税务局"}
	round := 0
	reupload := func(n int) {
		for ; n > 0; n-- {
			round++
			var reqs []LoadRequest
			for i, name := range agencies {
				r := sampleReport(name, 2020+i%2, float64(round), float64(i))
				r.Province = "甲省"
				if i >= 2 {
					r.Province = "乙省"
				}
				r.Source.Name = fmt.Sprintf("%s-%d.xlsx", name, round)
				reqs = append(reqs, LoadRequest{Report: r, Confirm: true})
			}
			load(t, db, reqs...)
		}
	}
	reupload(20)
	rows := func(table string) []string { return storeRows(t, db, table) }
	filters := []Filter{{}, {YearFrom: 2020, YearTo: 2020}, {Province: "乙省"}, {YearFrom: 2021, YearTo: 2021, Province: "甲省", Limit: 10}}
	names := []string{"overview_trend", "applications_by_year", "applications_applicants", "applications_withheld",
		"proactive_by_year", "reviews_by_year", "reviews_outcomes", "region_rollup", "region_agencies", "compare_regions", "filter_options"}
	answers := func() []string {
		var out []string
		for _, name := range names {
			for _, f := range filters {
				tb, err := db.Query(ctx, name, f)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				out = append(out, fmt.Sprint(name, f, tb.Rows))
			}
		}
		return out
	}
	summary, region, years, before := rows("summary_rollup"), rows("region_rollup"), rows("year_reports"), answers()

	c, err := db.compactRollups(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Summary || !c.Region || !c.Years || c.SummaryRows <= c.SummaryLive || c.RegionRows <= c.RegionLive || c.YearRows <= c.YearLive {
		t.Fatalf("%+v: 20 re-uploads left no deleted rows to drop", c)
	}
	if got := rows("year_reports"); !slices.Equal(got, years) || len(got) != len(agencies) {
		t.Errorf("store.year_reports written again differs:\n%v\nwant\n%v", got, years)
	}
	if got := rows("summary_rollup"); !slices.Equal(got, summary) {
		t.Errorf("store.summary_rollup written again differs:\n%v\nwant\n%v", got, summary)
	}
	if got := rows("region_rollup"); !slices.Equal(got, region) {
		t.Errorf("store.region_rollup written again differs: %d rows, want %d", len(got), len(region))
	}
	if got := answers(); !slices.Equal(got, before) {
		t.Errorf("the queries over the roll-ups answer differently after the rewrite:\n%v\nwant\n%v", got, before)
	}
	again, err := db.compactRollups(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if again.Summary || again.Region || again.Years || again.SummaryRows != c.SummaryLive || again.RegionRows != c.RegionLive || again.YearRows != c.YearLive {
		t.Errorf("after the rewrite and its checkpoint: %+v, want only the %d, %d and %d live rows", again, c.SummaryLive, c.RegionLive, c.YearLive)
	}
	if n, err := RollupDiffForTest(ctx, db); err != nil || n != 0 {
		t.Errorf("%d roll-up cells differ from the roll-up built afresh after the rewrite (%v)", n, err)
	}

	reupload(3)
	load(t, db, LoadRequest{Report: sampleReport("丙县民政局", 2021, 5, 1)})
	if n, err := RollupDiffForTest(ctx, db); err != nil || n != 0 {
		t.Errorf("%d roll-up cells differ from the roll-up built afresh after loads that follow the rewrite (%v)", n, err)
	}
}

// TestCompactRollupsStoresRegionByYear loads reports agency by agency, each
// with its six years, so that store.region_rollup holds its groups in the
// order they came (every block of 2,048 rows holding rows of every year),
// and holds compactRollups to writing it again by year with no deleted
// row to drop, row for row the same and answering region_rollup the same;
// once stored by year it is not written again.
func TestCompactRollupsStoresRegionByYear(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	for i := range 30 {
		var reqs []LoadRequest
		for year := 2019; year <= 2024; year++ {
			r := sampleReport(fmt.Sprintf("测试%02d局", i), year, float64(i), float64(year-2019))
			r.Province, r.City, r.Level = fmt.Sprintf("省%d", i%5), fmt.Sprintf("市%d", i), "县级部门"
			reqs = append(reqs, LoadRequest{Report: r, Confirm: true})
		}
		load(t, db, reqs...)
	}
	rows := func() []string { return storeRows(t, db, "region_rollup") }
	answers := func() string {
		var out []string
		for _, f := range []Filter{{YearFrom: 2021, YearTo: 2021}, {YearFrom: 2024, YearTo: 2024, Province: "省3"}, {}} {
			tb, err := db.Query(ctx, "region_rollup", f)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprint(f, tb.Rows))
		}
		return strings.Join(out, "\n")
	}
	region, before := rows(), answers()
	c, err := db.compactRollups(ctx, rollupSlack)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Region || c.RegionLive < 4*2048 || c.RegionYearBlocks <= 2*c.RegionBlocks {
		t.Fatalf("%+v: the loads left no roll-up of mixed years large enough to write again", c)
	}
	if got := rows(); !slices.Equal(got, region) {
		t.Errorf("store.region_rollup written again differs: %d rows, want %d", len(got), len(region))
	}
	if got := answers(); got != before {
		t.Errorf("region_rollup answers differently after the rewrite:\n%s\nwant\n%s", got, before)
	}
	again, err := db.compactRollups(ctx, rollupSlack)
	if err != nil {
		t.Fatal(err)
	}
	if again.Region || again.RegionYearBlocks > again.RegionBlocks {
		t.Errorf("after the rewrite: %+v, want the years' rows stored by year and no rewrite", again)
	}
}

// storeRows returns every row of store.table as text, in order: two reads
// of a table compare equal exactly when it holds the same rows.
func storeRows(t *testing.T, db *DB, table string) []string {
	t.Helper()
	ctx := context.Background()
	var out []string
	err := db.withConn(ctx, func(conn *sql.Conn) error {
		rs, err := conn.QueryContext(ctx, `SELECT CAST(COLUMNS(*) AS VARCHAR) FROM store.`+table+` ORDER BY ALL`)
		if err != nil {
			return err
		}
		tb, err := readTable(rs, 0)
		rs.Close()
		for _, r := range tb.Rows {
			out = append(out, fmt.Sprint(r))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
