package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"

	"gongkai"
)

// figures sets a sample report's licensing decisions and its reviews
// (compare_agencies' review_total) to lic and, unless pro < 0, its
// proactive items.
func figures(r *gongkai.Report, lic, pro float64) *gongkai.Report {
	for i, v := range r.Values {
		if v.Measure == "licensing.decisions" || v.Measure == "review.total" {
			r.Values[i].Number, r.Values[i].Raw = gongkai.Float(lic), fmt.Sprint(lic)
		}
	}
	if pro >= 0 {
		r.Values = append(r.Values, gongkai.Value{Measure: "narrative.proactive_items", Applicant: gongkai.ApplicantTotal,
			Number: gongkai.Float(pro), Raw: fmt.Sprint(pro), At: "第1段"})
	}
	return r
}

// totalsRanges are year ranges the totals are compared over: open ends,
// single years, bounds outside the window of kept years (2008-2039) and a
// range that selects nothing.
var totalsRanges = [][2]any{
	{nil, nil}, {2021, 2021}, {2020, 2022}, {nil, 2021}, {2022, nil}, {2019, 2019}, {2005, 2021},
	{2021, 2045}, {2040, nil}, {nil, 2007}, {2022, 2020}, {2007, 2007},
}

// totalsGaps returns, for each ranking macro of 0044 and each of
// totalsRanges, the rows of the macro (those whose count is above 0) that
// differ from the sums of the current summary rows, as the rankings summed
// before 0044, and the same for compare_totals (0058) against
// compare_agencies' sums before it; empty when they agree.
func totalsGaps(t *testing.T, db *DB) string {
	t.Helper()
	var gaps []string
	for _, r := range totalsRanges {
		// With the agency's region, level and name as store.agencies holds
		// them (0062 keeps them with the totals).
		got := queryText2(t, db, `SELECT * FROM compare_totals($1, $2) ORDER BY agency_id`, r[0], r[1])
		want := queryText2(t, db, `SELECT s.agency_id, count(*) AS reports,
				count(CASE WHEN s.table_stated > 0 AND s.table_largest = 0 THEN 1 END) AS zero_reports,
				sum(s.apps_total) AS apps_total,
				sum(CASE WHEN s.apps_granted IS NOT NULL OR s.apps_partial IS NOT NULL
				         THEN coalesce(s.apps_granted, 0) + coalesce(s.apps_partial, 0) END) AS apps_disclosed,
				sum(s.apps_withheld) AS apps_withheld, sum(s.review_total) AS review_total,
				sum(s.review_corrected) AS review_corrected,
				sum(CASE WHEN s.litigation_direct_total IS NULL AND s.litigation_after_review_total IS NULL THEN NULL
				         ELSE coalesce(s.litigation_direct_total, 0) + coalesce(s.litigation_after_review_total, 0) END) AS litigation_total,
				sum(CASE WHEN s.litigation_direct_corrected IS NULL AND s.litigation_after_review_corrected IS NULL THEN NULL
				         ELSE coalesce(s.litigation_direct_corrected, 0) + coalesce(s.litigation_after_review_corrected, 0) END) AS litigation_corrected,
				any_value(a.province), any_value(a.city), any_value(a.level), any_value(a.name)
			FROM store.report_summary s JOIN store.agencies a ON a.agency_id = s.agency_id
			WHERE s.is_current AND ($1 IS NULL OR s.year >= $1) AND ($2 IS NULL OR s.year <= $2)
			GROUP BY s.agency_id ORDER BY s.agency_id`, r[0], r[1])
		if got != want {
			gaps = append(gaps, fmt.Sprintf("compare_totals(%v, %v):\n got %s\nwant %s", r[0], r[1], got, want))
		}
	}
	// The current summary rows compare_regions reads from the kept table
	// (0071) for the agencies not listed as changed, with their county.
	kept := queryText2(t, db, `SELECT t.agency_id, t.county, t.years FROM store.compare_totals t
		WHERE t.agency_id NOT IN (SELECT agency_id FROM store.agency_totals_changed) ORDER BY t.agency_id`)
	rows := queryText2(t, db, `SELECT s.agency_id, any_value(a.county),
			list({'year': s.year, 'zero': s.table_stated > 0 AND s.table_largest = 0, 'apps_new': s.apps_new,
			      'apps_total': s.apps_total, 'apps_granted': s.apps_granted, 'apps_partial': s.apps_partial,
			      'apps_withheld': s.apps_withheld, 'review_total': s.review_total, 'review_corrected': s.review_corrected,
			      'litigation_total': CASE WHEN s.litigation_direct_total IS NULL AND s.litigation_after_review_total IS NULL THEN NULL
			                               ELSE coalesce(s.litigation_direct_total, 0) + coalesce(s.litigation_after_review_total, 0) END,
			      'litigation_corrected': CASE WHEN s.litigation_direct_corrected IS NULL AND s.litigation_after_review_corrected IS NULL THEN NULL
			                                   ELSE coalesce(s.litigation_direct_corrected, 0) + coalesce(s.litigation_after_review_corrected, 0) END}
			     ORDER BY s.year, s.report_id)
		FROM store.report_summary s JOIN store.agencies a ON a.agency_id = s.agency_id
		WHERE s.is_current AND s.agency_id NOT IN (SELECT agency_id FROM store.agency_totals_changed)
		GROUP BY s.agency_id ORDER BY s.agency_id`)
	if kept != rows {
		gaps = append(gaps, fmt.Sprintf("compare_totals' years:\n got %s\nwant %s", kept, rows))
	}
	for _, m := range []struct{ macro, n, v, plainN, plainV string }{
		{"licensing_totals", "licensing_reports", "licensing_decisions",
			"count(*) FILTER (WHERE s.licensing_stated)", "coalesce(sum(s.licensing_decisions) FILTER (WHERE s.licensing_stated), 0)"},
		{"proactive_totals", "proactive_reports", "proactive_items",
			"count(s.proactive_items)", "coalesce(sum(s.proactive_items), 0)"},
		{"application_totals", "apps_reports", "apps_total",
			"count(*) FILTER (WHERE s.apps_stated)", "coalesce(sum(s.apps_total) FILTER (WHERE s.apps_stated), 0)"},
	} {
		for _, r := range totalsRanges {
			// With the agency's region, level and name as store.agencies
			// holds them (0064 and 0066 keep them with the totals).
			got := queryText2(t, db, fmt.Sprintf(`SELECT agency_id, %s, %s, province, city, level, name FROM %s($1, $2)
				WHERE %s > 0 ORDER BY agency_id`, m.n, m.v, m.macro, m.n), r[0], r[1])
			want := queryText2(t, db, fmt.Sprintf(`SELECT s.agency_id, %s AS n, %s AS v,
				any_value(a.province), any_value(a.city), any_value(a.level), any_value(a.name)
				FROM store.report_summary s JOIN store.agencies a ON a.agency_id = s.agency_id
				WHERE s.is_current AND ($1 IS NULL OR s.year >= $1) AND ($2 IS NULL OR s.year <= $2)
				GROUP BY s.agency_id HAVING n > 0 ORDER BY s.agency_id`, m.plainN, m.plainV), r[0], r[1])
			if got != want {
				gaps = append(gaps, fmt.Sprintf("%s(%v, %v):\n got %s\nwant %s", m.macro, r[0], r[1], got, want))
			}
		}
	}
	return strings.Join(gaps, "\n")
}

// queryText2 runs query with args and returns its rows as text.
func queryText2(t *testing.T, db *DB, query string, args ...any) string {
	t.Helper()
	rows, err := db.db.QueryContext(context.Background(), query, args...)
	if err != nil {
		t.Fatalf("%v\n%s", err, query)
	}
	defer rows.Close()
	tb, err := readTable(rows, 0)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprint(tb.Rows)
}

// TestAgencyTotalsStayExact walks every kind of write with store.agency_totals
// (0044) and store.compare_totals (0058) built before it: after each, the
// macros give the sums of the current summary rows with the agencies'
// regions (0064: a correction, a move with a report or a repair by hand of
// a region must not leave the kept one read), and the named queries
// that read them (licensing_ranking, licensing_trend, licensing_by_level,
// proactive_by_agency, applications_by_agency, compare_agencies) the rows
// of their first forms, whether the changed agencies are summed apart (as
// the writer leaves them) or the tables are built again (CompactTotals, in
// pieces of two agencies). A writer that did not note the agencies it
// changes (noteTotals) would leave their old totals read: the figures each
// stage changes are ones the rankings show (compare_agencies' reports and
// review_total among them), so such a writer fails here. 辛局 reports 2019
// and 2022 only: a range ending in 2020 or 2021 reads its 2019 total
// carried over the years without a report.
func TestAgencyTotalsStayExact(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	// The table is built two agency ids at a time: a piece of the span
	// left out or built twice shows as a gap below.
	piece := totalsPieceAgencies
	totalsPieceAgencies = 2
	t.Cleanup(func() { totalsPieceAgencies = piece })
	firsts := []string{"licensing_ranking", "licensing_trend", "licensing_by_level", "proactive_by_agency", "applications_by_agency",
		"compare_agencies", "compare_regions"}
	// compare_regions reads the kept table (0071) only with a piece of a
	// name: every filter of the region tree is given with one.
	filters := []Filter{{}, {YearFrom: 2021, YearTo: 2021}, {YearFrom: 2020, YearTo: 2022, Limit: 2},
		{Province: "测试省"}, {Level: "县级部门", YearFrom: 2022}, {Agency: "甲"}, {YearFrom: 2023, YearTo: 2023},
		{Agency: "局"}, {Agency: "局", YearFrom: 2021, YearTo: 2022}, {Agency: "局", Province: "测试省"},
		{Agency: "局", Province: "测试省", City: "测试市", Level: "县级部门"}}
	state := ""
	check := func(stage string, kept bool) {
		t.Helper()
		for _, pass := range []string{"as written", "built again"} {
			if pass == "built again" {
				if _, err := db.CompactTotals(ctx, 1); err != nil {
					t.Fatal(err)
				}
			}
			if gaps := totalsGaps(t, db); gaps != "" {
				t.Errorf("%s, %s: the kept totals differ from the summary:\n%s", stage, pass, gaps)
			}
			var shown []string
			for _, name := range firsts {
				old := firstForm(t, name)
				for _, f := range filters {
					if name == "compare_regions" && f.Agency == "" {
						// Without a piece it reads store.summary_rollup,
						// which the stages' edits of the summary by hand
						// below do not reach; not the kept table.
						continue
					}
					got, err := db.Query(ctx, name, f)
					if err != nil {
						t.Fatal(err)
					}
					want := firstFormRows(t, db, old, f)
					if g, w := fmt.Sprint(got.Rows), fmt.Sprint(want.Rows); g != w {
						t.Errorf("%s, %s: %s %+v:\n got %s\nwant %s", stage, pass, name, f, g, w)
					}
					shown = append(shown, fmt.Sprint(got.Rows))
				}
			}
			state = strings.Join(shown, "\n")
		}
		// The table is built and read: a stage that leaves every agency
		// summed apart would prove nothing of the kept totals.
		for _, table := range []string{"store.agency_totals", "store.compare_totals"} {
			if n := count(t, db, `SELECT count(*) FROM `+table+` WHERE exact`); kept && n == 0 {
				t.Errorf("%s: no agency's totals are kept in %s", stage, table)
			}
		}
	}
	moved := func(stage, before string) {
		t.Helper()
		if state == before {
			t.Errorf("%s: the rankings did not change", stage)
		}
	}

	load(t, db, LoadRequest{Report: figures(sampleReport("甲局", 2021, 0, 0), 10, 5)},
		LoadRequest{Report: figures(sampleReport("甲局", 2022, 0, 0), 20, 7)},
		LoadRequest{Report: figures(sampleReport("乙局", 2021, 0, 0), 30, -1)},
		LoadRequest{Report: figures(sampleReport("丙局", 2022, 1, 1), 5, 100)},
		LoadRequest{Report: figures(sampleReport("丁局", 2020, 0, 0), 7, 3)},
		LoadRequest{Report: figures(sampleReport("辛局", 2019, 0, 0), 3, 4)},
		LoadRequest{Report: figures(sampleReport("辛局", 2022, 0, 0), 8, 2)})
	check("first load", true)

	// Built: the loads below find the table holding every agency.
	before := state
	load(t, db, LoadRequest{Report: figures(sampleReport("乙局", 2022, 0, 0), 50, 9)},
		LoadRequest{Report: figures(sampleReport("戊局", 2023, 0, 0), 60, 1)})
	check("a new year and a new agency", true)
	moved("a new year and a new agency", before)

	before = state
	load(t, db, LoadRequest{Report: figures(sampleReport("甲局", 2021, 0, 0), 90, 6)})
	check("a second version", true)
	moved("a second version", before)

	// A version with an error waits; confirmed, it is current.
	broken := figures(sampleReport("丙局", 2022, 1, 1), 500, 1)
	broken.Findings = append(broken.Findings, gongkai.Finding{Rule: "R1", Severity: gongkai.SeverityError, At: "表三!C33", Message: "合计不等于各项之和"})
	v := load(t, db, LoadRequest{Report: broken})[0]
	if !v.Pending {
		t.Fatalf("the version with an error is not pending: %+v", v)
	}
	before = state
	check("pending", true)
	if state != before {
		t.Errorf("a pending version changed the rankings")
	}
	if _, err := db.Confirm(ctx, v.ReportID, "张三"); err != nil {
		t.Fatal(err)
	}
	check("confirmed", true)
	moved("confirmed", before)

	// An earlier year re-checks the later one (its findings only), and
	// the agency moves with its report's region.
	early := figures(sampleReport("甲局", 2020, 0, 3), 4, 2)
	early.Province, early.City, early.County, early.Level = "测试省", "测试市", "测试县", "县级部门"
	before = state
	load(t, db, LoadRequest{Report: early})
	check("moved and re-checked", true)
	moved("moved and re-checked", before)

	// An administrator's correction of a region: sums unchanged, the
	// filters select other agencies.
	before = state
	if err := db.SetAgencyRegion(ctx, 2, Region{Province: "测试省", City: "测试市", Level: "县级部门"}); err != nil {
		t.Fatal(err)
	}
	check("region corrected", true)
	moved("region corrected", before)

	// Figures the kept totals cannot hold exactly: a fraction, a year
	// before the window. Those agencies are summed from their reports.
	before = state
	load(t, db, LoadRequest{Report: figures(sampleReport("己局", 2022, 0, 0), 2.5, 0.25)},
		LoadRequest{Report: figures(sampleReport("庚局", 2005, 0, 0), 11, 11)},
		LoadRequest{Report: figures(sampleReport("庚局", 2021, 0, 0), 13, 13)})
	check("a fraction and a year before the window", true)
	moved("a fraction and a year before the window", before)
	for _, table := range []string{"store.agency_totals", "store.compare_totals"} {
		if n := count(t, db, `SELECT count(*) FROM `+table+` WHERE NOT exact`); n != 2 {
			t.Errorf("%d agencies' totals are marked inexact in %s, want 2 (己局, 庚局)", n, table)
		}
	}

	// Reopened: the fingerprints agree, nothing is built again.
	db = editByHand(t, db, `SELECT 1`)
	check("reopened", true)

	// Repairs by hand of store.reports: Open rewrites the summary, then
	// finds the totals' fingerprints differ and builds them again.
	before = state
	db = editByHand(t, db, `UPDATE store.reports SET year = 2019 WHERE is_current AND year = 2020;
		UPDATE store.reports SET is_current = false WHERE report_id = (SELECT min(report_id) FROM store.reports WHERE is_current AND year = 2023)`)
	check("edited by hand", true)
	moved("edited by hand", before)

	// A repair by hand of a figure only compare_agencies sums (a review
	// count in the summary): store.compare_totals' fingerprints differ,
	// store.agency_totals' do not, and Open must list the agencies again.
	before = state
	db = editByHand(t, db, `UPDATE store.report_summary SET review_total = review_total + 100
		WHERE report_id = (SELECT min(report_id) FROM store.report_summary WHERE is_current AND review_total IS NOT NULL)`)
	check("a summed figure edited by hand", true)
	moved("a summed figure edited by hand", before)

	// A repair by hand of a figure only compare_regions reads (new
	// applications, which the running totals do not sum): the kept copies
	// of the summary rows (0071) would be behind, so the fingerprints hash
	// it and Open must list the agencies again.
	before = state
	db = editByHand(t, db, `UPDATE store.report_summary SET apps_new = coalesce(apps_new, 0) + 1000
		WHERE report_id = (SELECT min(report_id) FROM store.report_summary WHERE is_current)`)
	check("new applications edited by hand", true)
	moved("new applications edited by hand", before)

	// A repair by hand of an agency's region and level: store.agency_totals
	// and store.compare_totals keep them (0064, 0062), and Open must find
	// them differ and build the tables again, or the filters would select
	// the agency where it was.
	before = state
	db = editByHand(t, db, `UPDATE store.agencies SET province = '测试省', city = '测试市', level = '县级部门'
		WHERE agency_id = (SELECT min(agency_id) FROM store.agencies WHERE province IS DISTINCT FROM '测试省')`)
	check("a region edited by hand", true)
	moved("a region edited by hand", before)

	// A repair by hand of an agency's name: store.agency_totals and
	// store.compare_totals keep it (0066, 0062) and the rankings match a
	// piece of a name on it, so Open must find it differs and build the
	// tables again, or the piece 甲 would still find the agency by the name
	// it had.
	before = state
	db = editByHand(t, db, `UPDATE store.agencies SET name = '壬局' WHERE name = '甲局'`)
	check("a name edited by hand", true)
	moved("a name edited by hand", before)

	// A repair by hand of an agency's county: store.compare_totals keeps
	// it (0071) and compare_regions compares a city's agencies by it, so
	// Open must find it differs and build the table again.
	before = state
	db = editByHand(t, db, `UPDATE store.agencies SET county = '别县' WHERE county = '测试县'`)
	check("a county edited by hand", true)
	moved("a county edited by hand", before)

	// A repair by hand of the region and name store.compare_totals keeps
	// (0062) for an agency of 测试省, store.agency_totals left as it is:
	// only compare_totals_stale sees it, and Open must build the tables
	// again, or compare_agencies would leave the agency out of 测试省 and
	// find it by a name it does not have.
	before = state
	db = editByHand(t, db, `UPDATE store.compare_totals SET province = '别省', city = '别市', level = '别级', name = '别名局'
		WHERE agency_id IN (SELECT agency_id FROM store.agencies WHERE province = '测试省')`)
	check("a kept region edited by hand", true)
	if state != before {
		t.Errorf("a kept region edited by hand changed the rankings once built again")
	}

	// Loads by a binary older than 0044 note no agency: here the list is
	// emptied by hand after a load, and Open must build the table again.
	before = state
	load(t, db, LoadRequest{Report: figures(sampleReport("乙局", 2023, 0, 0), 77, 8)})
	db = editByHand(t, db, `DELETE FROM store.agency_totals_changed`)
	check("written by an older binary", true)
	moved("written by an older binary", before)
	if n := count(t, db, `SELECT count(*) FROM store.agency_totals_changed`); n != 0 {
		t.Errorf("%d agencies still summed apart after a rebuild", n)
	}
}

// TestReadOnlyRefusesStaleTotals opens read-only a file whose kept totals
// are behind its reports (the list of changed agencies emptied by hand, as
// a binary older than 0044 leaves it): the open must be refused, since the
// rankings would read the old totals, and one read-write open repairs it.
func TestReadOnlyRefusesStaleTotals(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	load(t, db, LoadRequest{Report: sampleReport("甲局", 2021, 0, 0)})
	if _, err := db.CompactTotals(ctx, 1); err != nil {
		t.Fatal(err)
	}
	load(t, db, LoadRequest{Report: figures(sampleReport("甲局", 2022, 0, 0), 9, 9)})
	path := db.Path()
	db.Close()
	ro, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatalf("a file whose changed agencies are listed: %v", err)
	}
	ro.Close()
	raw, err := sql.Open("duckdb", path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = raw.Exec(`DELETE FROM store.agency_totals_changed`)
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	if ro, err := OpenReadOnly(ctx, path); err == nil {
		ro.Close()
		t.Fatal("OpenReadOnly opened a file whose kept totals are behind its reports")
	} else if gongkai.ErrorCode(err) != gongkai.CodeUnavailable {
		t.Errorf("OpenReadOnly: %v, want %s", err, gongkai.CodeUnavailable)
	}
	rw, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	rw.Close()
	ro, err = OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatalf("OpenReadOnly after a read-write open: %v", err)
	}
	defer ro.Close()
	if gaps := totalsGaps(t, ro); gaps != "" {
		t.Errorf("after the repair:\n%s", gaps)
	}
}

// TestUpgradeKeepsAgencyNames takes a warehouse with its kept totals built
// back to the schema before 0066 (no name in store.agency_totals, 0064's
// macros) and opens it: the migration must fill every kept row's name from
// store.agencies and leave the rows kept (no agency listed as changed, so
// nothing is summed apart or built again), the macros must give the sums
// of the current summary rows with the agencies' names, and the rankings
// with a piece of a name the rows of their first forms.
func TestUpgradeKeepsAgencyNames(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	load(t, db, LoadRequest{Report: figures(sampleReport("甲局", 2021, 0, 0), 10, 5)},
		LoadRequest{Report: figures(sampleReport("甲县人民政府", 2022, 0, 0), 20, 7)},
		LoadRequest{Report: figures(sampleReport("乙局", 2021, 0, 0), 30, 2)})
	if _, err := db.CompactTotals(ctx, 1); err != nil {
		t.Fatal(err)
	}
	b, err := migrationFS.ReadFile("migrations/0064_agency_totals_region.sql")
	if err != nil {
		t.Fatal(err)
	}
	macros := string(b)[strings.Index(string(b), "CREATE OR REPLACE MACRO licensing_totals"):]
	db = editByHand(t, db, `ALTER TABLE store.agency_totals DROP COLUMN name;
		DELETE FROM schema_migrations WHERE version = 66;
		`+macros)
	if n := count(t, db, `SELECT count(*) FROM store.agency_totals_changed`); n != 0 {
		t.Errorf("%d agencies listed as changed after 0066, want none", n)
	}
	if n := count(t, db, `SELECT count(*) FROM store.agency_totals t JOIN store.agencies a USING (agency_id)
		WHERE t.exact AND t.name = a.name`); n != 3 {
		t.Errorf("%d kept rows hold their agency's name after 0066, want 3", n)
	}
	if gaps := totalsGaps(t, db); gaps != "" {
		t.Errorf("the kept totals differ from the summary after 0066:\n%s", gaps)
	}
	for _, name := range namePieceQueries {
		old := firstForm(t, name)
		for _, piece := range []string{"局", "人民", "甲", "无此机构"} {
			f := Filter{Agency: piece, Limit: 20}
			got, err := db.Query(ctx, name, f)
			if err != nil {
				t.Fatal(err)
			}
			if g, w := fmt.Sprint(got.Rows), fmt.Sprint(firstFormRows(t, db, old, f).Rows); g != w {
				t.Errorf("%s, piece %q after 0066:\n got %s\nwant %s", name, piece, g, w)
			}
		}
	}
}

// TestUpgradeKeepsCompareRegions takes a warehouse with its kept totals
// built back to the schema before 0062 (no province, city, level or name
// in store.compare_totals, 0058's macro) and opens it: the migration must
// fill every kept row's region and name from store.agencies and leave the
// rows kept (no agency listed as changed, so nothing is summed apart or
// built again), compare_totals must give the sums of the current summary
// rows with the agencies' regions and names, and compare_agencies the rows
// of its first form under region, level and name filters.
func TestUpgradeKeepsCompareRegions(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	moved := figures(sampleReport("甲县人民政府", 2022, 0, 0), 20, 7)
	moved.Province, moved.City, moved.Level = "测试省", "测试市", "县级部门"
	load(t, db, LoadRequest{Report: figures(sampleReport("甲局", 2021, 0, 0), 10, 5)},
		LoadRequest{Report: moved},
		LoadRequest{Report: figures(sampleReport("乙局", 2021, 0, 0), 30, 2)},
		LoadRequest{Report: figures(sampleReport("乙局", 2022, 0, 0), 40, 3)})
	if _, err := db.CompactTotals(ctx, 1); err != nil {
		t.Fatal(err)
	}
	b, err := migrationFS.ReadFile("migrations/0058_compare_totals.sql")
	if err != nil {
		t.Fatal(err)
	}
	macro := string(b)[strings.Index(string(b), "CREATE MACRO compare_totals("):strings.Index(string(b), "-- Every agency is summed")]
	db = editByHand(t, db, `ALTER TABLE store.compare_totals DROP COLUMN province;
		ALTER TABLE store.compare_totals DROP COLUMN city;
		ALTER TABLE store.compare_totals DROP COLUMN level;
		ALTER TABLE store.compare_totals DROP COLUMN name;
		DELETE FROM schema_migrations WHERE version = 62;
		DROP MACRO TABLE compare_totals;
		`+macro)
	if n := count(t, db, `SELECT count(*) FROM store.agency_totals_changed`); n != 0 {
		t.Errorf("%d agencies listed as changed after 0062, want none", n)
	}
	if n := count(t, db, `SELECT count(*) FROM store.compare_totals t JOIN store.agencies a USING (agency_id)
		WHERE t.exact AND t.name = a.name AND t.province IS NOT DISTINCT FROM a.province
		  AND t.city IS NOT DISTINCT FROM a.city AND t.level IS NOT DISTINCT FROM a.level`); n != 3 {
		t.Errorf("%d kept rows hold their agency's region and name after 0062, want 3", n)
	}
	if gaps := totalsGaps(t, db); gaps != "" {
		t.Errorf("the kept totals differ from the summary after 0062:\n%s", gaps)
	}
	old := firstForm(t, "compare_agencies")
	for _, f := range []Filter{{}, {Province: "测试省"}, {Province: "测试省", City: "测试市", Level: "县级部门"}, {Level: "县级部门"},
		{Agency: "局"}, {Agency: "人民", YearFrom: 2022}, {Province: "无此省"}} {
		got, err := db.Query(ctx, "compare_agencies", f)
		if err != nil {
			t.Fatal(err)
		}
		if g, w := fmt.Sprint(got.Rows), fmt.Sprint(firstFormRows(t, db, old, f).Rows); g != w {
			t.Errorf("compare_agencies %+v after 0062:\n got %s\nwant %s", f, g, w)
		}
	}
}

// TestUpgradeKeepsCompareYears takes a warehouse with its kept totals built
// back to the schema before 0071 (no county or years in
// store.compare_totals, 0058's fingerprints without new applications) and
// opens it: the migration must list every agency as changed (the old
// fingerprints cannot vouch for the new columns), compare_regions must give
// the rows of its first form under pieces of names read from the summary,
// and once the tables are built again, from the kept copies, with every
// kept agency's years and county those of the summary.
func TestUpgradeKeepsCompareYears(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	moved := figures(sampleReport("甲县人民政府", 2022, 0, 0), 20, 7)
	moved.Province, moved.City, moved.County, moved.Level = "测试省", "测试市", "测试县", "县级部门"
	load(t, db, LoadRequest{Report: figures(sampleReport("甲局", 2021, 0, 0), 10, 5)},
		LoadRequest{Report: moved},
		LoadRequest{Report: figures(sampleReport("乙局", 2021, 0, 0), 30, 2)},
		LoadRequest{Report: figures(sampleReport("乙局", 2022, 1, 1), 40, 3)})
	if _, err := db.CompactTotals(ctx, 1); err != nil {
		t.Fatal(err)
	}
	b, err := migrationFS.ReadFile("migrations/0058_compare_totals.sql")
	if err != nil {
		t.Fatal(err)
	}
	src := string(b)
	sources := src[strings.Index(src, "CREATE MACRO store.compare_totals_sources()"):strings.Index(src, "-- The table's rows for the agencies")]
	db = editByHand(t, db, `ALTER TABLE store.compare_totals DROP COLUMN county;
		ALTER TABLE store.compare_totals DROP COLUMN years;
		DELETE FROM schema_migrations WHERE version = 71;
		DROP MACRO TABLE store.compare_totals_sources;
		`+sources+`
		UPDATE store.compare_totals t SET fingerprint = f.h
		FROM (SELECT agency_id, bit_xor(h) AS h FROM store.compare_totals_sources() GROUP BY agency_id) f
		WHERE f.agency_id = t.agency_id`)
	if n := count(t, db, `SELECT count(DISTINCT agency_id) FROM store.agency_totals_changed`); n != 3 {
		t.Errorf("%d agencies listed as changed after 0071, want all 3", n)
	}
	old := firstForm(t, "compare_regions")
	filters := []Filter{{Agency: "局"}, {Agency: "人民", YearFrom: 2022}, {Agency: "甲", Province: "测试省"},
		{Agency: "甲", Province: "测试省", City: "测试市"}, {Agency: "无此机构"}}
	same := func(stage string) {
		t.Helper()
		for _, f := range filters {
			got, err := db.Query(ctx, "compare_regions", f)
			if err != nil {
				t.Fatal(err)
			}
			if g, w := fmt.Sprint(got.Rows), fmt.Sprint(firstFormRows(t, db, old, f).Rows); g != w {
				t.Errorf("compare_regions %+v %s:\n got %s\nwant %s", f, stage, g, w)
			}
		}
		if gaps := totalsGaps(t, db); gaps != "" {
			t.Errorf("the kept totals differ from the summary %s:\n%s", stage, gaps)
		}
	}
	same("after 0071")
	if _, err := db.CompactTotals(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, `SELECT count(*) FROM store.compare_totals t JOIN store.agencies a USING (agency_id)
		WHERE t.county IS NOT DISTINCT FROM a.county AND len(t.years) > 0`); n != 3 {
		t.Errorf("%d kept rows hold their agency's county and years once built again, want 3", n)
	}
	same("built again")
}

// TestAgencyTotalsExactWhileRebuilt stops a rebuild of store.agency_totals
// and store.compare_totals (in pieces of two agency ids, each piece its own
// transactions) after every piece in turn and reads the rankings there:
// the macros must give the sums of the current summary rows and the named
// queries the rows of their first forms while some agencies are built
// afresh and others still listed as changed, after the rebuild stopped
// with an error, and once a later CompactTotals finishes it. A piece that
// took its agencies off the list before their rows were built, or left
// old rows beside the new ones, shows here.
func TestAgencyTotalsExactWhileRebuilt(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	piece := totalsPieceAgencies
	totalsPieceAgencies = 2
	t.Cleanup(func() { totalsPieceAgencies = piece; totalsPieceBuilt = nil })
	names := []string{"甲局", "乙局", "丙局", "丁局", "戊局"}
	for i, name := range names {
		load(t, db, LoadRequest{Report: figures(sampleReport(name, 2021, 0, 0), float64(10+i), float64(i))})
	}
	if _, err := db.CompactTotals(ctx, 1); err != nil {
		t.Fatal(err)
	}
	// Every agency changes after the build: a new year for each, and a
	// second version of some, so that the kept rows are behind them all.
	for i, name := range names {
		load(t, db, LoadRequest{Report: figures(sampleReport(name, 2022, 0, 0), float64(100*i+3), float64(2*i+1))})
		if i%2 == 0 {
			load(t, db, LoadRequest{Report: figures(sampleReport(name, 2021, 0, 0), float64(7*i+1), -1)})
		}
	}
	firsts := []string{"licensing_ranking", "applications_by_agency", "compare_agencies", "compare_regions"}
	filters := []Filter{{}, {YearFrom: 2021, YearTo: 2021}, {Agency: "局"}, {Agency: "局", YearFrom: 2022, Limit: 3}}
	exact := func(stage string) {
		t.Helper()
		if gaps := totalsGaps(t, db); gaps != "" {
			t.Errorf("%s: the kept totals differ from the summary:\n%s", stage, gaps)
		}
		for _, name := range firsts {
			old := firstForm(t, name)
			for _, f := range filters {
				got, err := db.Query(ctx, name, f)
				if err != nil {
					t.Fatal(err)
				}
				want := firstFormRows(t, db, old, f)
				if g, w := fmt.Sprint(got.Rows), fmt.Sprint(want.Rows); g != w {
					t.Errorf("%s: %s %+v:\n got %s\nwant %s", stage, name, f, g, w)
				}
			}
		}
	}
	exact("listed")
	listed := count(t, db, `SELECT count(DISTINCT agency_id) FROM store.agency_totals_changed`)
	if listed != len(names) {
		t.Fatalf("%d agencies listed as changed, want %d", listed, len(names))
	}
	stop := fmt.Errorf("stopped")
	halves := 0
	for after := 1; ; after++ {
		pieces := 0
		totalsPieceBuilt = func(from, to int64) error {
			pieces++
			n := count(t, db, `SELECT count(DISTINCT agency_id) FROM store.agency_totals_changed`)
			if n > listed || (after == 1 && n == listed) {
				t.Errorf("piece [%d, %d] left %d agencies listed, %d before it", from, to, n, listed)
			}
			listed = n
			if pieces == after {
				// Stopped after each piece in turn: the states read below
				// are every piece's.
				if n > 0 && n < len(names) {
					halves++
				}
				return stop
			}
			return nil
		}
		_, err := db.CompactTotals(ctx, 1)
		exact(fmt.Sprintf("stopped after %d pieces", after))
		if err == nil {
			break
		}
		if !errors.Is(err, stop) {
			t.Fatal(err)
		}
		if after > len(names) {
			t.Fatal("the rebuild never ends")
		}
	}
	if n := count(t, db, `SELECT count(*) FROM store.agency_totals_changed`); n != 0 {
		t.Errorf("%d agencies still listed after the rebuild", n)
	}
	if halves == 0 {
		t.Error("no piece left some agencies built and others listed: the test saw no half-done rebuild")
	}
	for _, table := range []string{"store.agency_totals", "store.compare_totals"} {
		if n := count(t, db, `SELECT count(*) FROM `+table+` WHERE exact`); n != len(names) {
			t.Errorf("%d agencies' rows kept exact in %s, want %d", n, table, len(names))
		}
	}

	// Writes between the pieces of a rebuild: the writer's lock is free
	// there (an upload waits for one piece, not the whole rebuild), and
	// every kind of write an upload or an administrator makes runs on an
	// agency whose piece is built and on one whose piece is not yet. The
	// rankings must stay exact after each, and once the rebuild ends the
	// agencies changed after their piece must still be listed (their rows
	// were built before the change) and those changed before it not.
	for i, name := range names {
		load(t, db, LoadRequest{Report: figures(sampleReport(name, 2023, 0, 0), float64(40+i), float64(i+2))})
	}
	exact("listed again")
	id := func(name string) int64 {
		t.Helper()
		return int64(count(t, db, `SELECT agency_id FROM store.agencies WHERE name = $1`, name))
	}
	first, last := id(names[0]), id(names[len(names)-1])
	if first/totalsPieceAgencies == last/totalsPieceAgencies {
		t.Fatalf("agencies %d and %d share a piece", first, last)
	}
	writes := []struct {
		what     string
		agencies []int64 // the agencies it changes
		write    func()
	}{
		{"a new year", []int64{first, last}, func() {
			load(t, db, LoadRequest{Report: figures(sampleReport(names[0], 2024, 0, 0), 71, 2)},
				LoadRequest{Report: figures(sampleReport(names[len(names)-1], 2024, 0, 0), 73, 4)})
		}},
		{"a second version and a new agency", []int64{first, last}, func() {
			// The versions loaded now are current, the ones before retired.
			load(t, db, LoadRequest{Report: figures(sampleReport(names[0], 2022, 0, 0), 301, 9)},
				LoadRequest{Report: figures(sampleReport(names[len(names)-1], 2022, 0, 0), 303, 11)},
				LoadRequest{Report: figures(sampleReport("己局", 2022, 0, 0), 17, 1)})
		}},
		{"a confirmed version and a region corrected", []int64{first}, func() {
			broken := figures(sampleReport(names[0], 2021, 0, 0), 555, 5)
			broken.Findings = append(broken.Findings, gongkai.Finding{Rule: "R1", Severity: gongkai.SeverityError, At: "表三!C33", Message: "合计不等于各项之和"})
			v := load(t, db, LoadRequest{Report: broken})[0]
			if !v.Pending {
				t.Fatalf("the version with an error is not pending: %+v", v)
			}
			if _, err := db.Confirm(ctx, v.ReportID, "张三"); err != nil {
				t.Fatal(err)
			}
			if err := db.SetAgencyRegion(ctx, first, Region{Province: "测试省", City: "测试市", Level: "县级部门"}); err != nil {
				t.Fatal(err)
			}
		}},
	}
	pieces, wrote := 0, map[int64]bool{}
	totalsPieceBuilt = func(from, to int64) error {
		if !db.mu.TryLock() {
			t.Fatalf("the writer's lock is held after piece [%d, %d]", from, to)
		}
		db.mu.Unlock()
		if pieces < len(writes) {
			w := writes[pieces]
			w.write()
			for _, a := range w.agencies {
				// Changed after its piece was built: listed until the
				// next rebuild; before it: built afresh with the change.
				wrote[a] = a <= to
			}
			exact(fmt.Sprintf("%s after piece [%d, %d]", w.what, from, to))
		}
		pieces++
		return nil
	}
	if _, err := db.CompactTotals(ctx, 1); err != nil {
		t.Fatal(err)
	}
	totalsPieceBuilt = nil
	if pieces < len(writes) || !wrote[first] || wrote[last] {
		t.Fatalf("the rebuild ran %d pieces for %d writes between them; changed after its piece: %v (want the first agency, not the last)", pieces, len(writes), wrote)
	}
	exact("rebuilt with writes between its pieces")
	for _, a := range []int64{first, last, id("己局")} {
		listed := count(t, db, `SELECT count(*) FROM store.agency_totals_changed WHERE agency_id = $1`, a) > 0
		if want := wrote[a] || a == id("己局"); listed != want {
			t.Errorf("agency %d listed as changed: %v, want %v", a, listed, want)
		}
	}
	if _, err := db.CompactTotals(ctx, 1); err != nil {
		t.Fatal(err)
	}
	exact("built again after the writes")
	if n := count(t, db, `SELECT count(*) FROM store.agency_totals_changed`); n != 0 {
		t.Errorf("%d agencies still listed after the last rebuild", n)
	}
}
