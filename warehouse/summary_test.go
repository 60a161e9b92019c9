package warehouse

import (
	"context"
	"strings"
	"testing"

	"gongkai"
)

// summaryFromFigures is report_summary as 0002 defined it, pivoted from
// store.figures on every query: the reference the table must match.
const summaryFromFigures = `
WITH t AS (
    SELECT f.report_id, m.text AS measure, f.value
    FROM store.figures f
    JOIN store.texts m ON m.text_id = f.measure_id
    JOIN store.texts ap ON ap.text_id = f.applicant_id
    WHERE ap.text = 'total'
)
SELECT r.report_id, r.agency_id, a.name AS agency, a.province, a.city, a.county, a.level,
       r.year, r.format, r.errors, r.warnings,
       max(t.value) FILTER (WHERE t.measure = 'apps.new')              AS apps_new,
       max(t.value) FILTER (WHERE t.measure = 'apps.carried_in')       AS apps_carried_in,
       max(t.value) FILTER (WHERE t.measure = 'apps.granted')          AS apps_granted,
       max(t.value) FILTER (WHERE t.measure = 'apps.partial')          AS apps_partial,
       sum(t.value) FILTER (WHERE t.measure LIKE 'apps.withheld.%')      AS apps_withheld,
       sum(t.value) FILTER (WHERE t.measure LIKE 'apps.unavailable.%')   AS apps_unavailable,
       sum(t.value) FILTER (WHERE t.measure LIKE 'apps.not_processed.%') AS apps_not_processed,
       max(t.value) FILTER (WHERE t.measure = 'apps.other')            AS apps_other,
       max(t.value) FILTER (WHERE t.measure = 'apps.total')            AS apps_total,
       max(t.value) FILTER (WHERE t.measure = 'apps.carried_out')      AS apps_carried_out,
       max(t.value) FILTER (WHERE t.measure = 'licensing.decisions')   AS licensing_decisions,
       max(t.value) FILTER (WHERE t.measure = 'penalty.decisions')     AS penalty_decisions,
       max(t.value) FILTER (WHERE t.measure = 'coercion.decisions')    AS coercion_decisions,
       coalesce(max(t.value) FILTER (WHERE t.measure = 'normative_docs.issued'),
                max(t.value) FILTER (WHERE t.measure = 'normative_docs.made')) AS normative_docs_issued,
       max(t.value) FILTER (WHERE t.measure = 'normative_docs.in_force') AS normative_docs_in_force,
       max(t.value) FILTER (WHERE t.measure = 'narrative.proactive_items') AS proactive_items,
       max(t.value) FILTER (WHERE t.measure = 'review.total')          AS review_total,
       max(t.value) FILTER (WHERE t.measure = 'review.corrected')      AS review_corrected,
       sum(t.value) FILTER (WHERE t.measure IN ('litigation_direct.total', 'litigation_after_review.total'))
                                                                        AS litigation_total,
       sum(t.value) FILTER (WHERE t.measure IN ('litigation_direct.corrected', 'litigation_after_review.corrected'))
                                                                        AS litigation_corrected
FROM store.reports r
JOIN store.agencies a USING (agency_id)
LEFT JOIN t USING (report_id)
WHERE r.is_current
GROUP BY ALL`

// summaryDiff counts the rows in which report_summary and the pivot of the
// figures differ, both ways.
func summaryDiff(t *testing.T, db *DB) int {
	t.Helper()
	return count(t, db, `SELECT count(*) FROM (
		(SELECT * FROM report_summary EXCEPT ALL (`+summaryFromFigures+`))
		UNION ALL
		((`+summaryFromFigures+`) EXCEPT ALL SELECT * FROM report_summary))`)
}

// TestReportSummaryTable checks the summary table kept by the loader against
// the pivot of the figures it replaces, through new versions in one group and
// across loads, an earlier year loaded after a later one (whose findings are
// re-counted), blank figures and a report without figures; and that Open
// rebuilds a summary left out of step.
func TestReportSummaryTable(t *testing.T) {
	db := openTest(t)
	blank := sampleReport("丙局", 2021, 0, 0)
	for i := range blank.Values {
		if blank.Values[i].Measure == "licensing.decisions" {
			blank.Values[i].Number = nil
		}
	}
	empty := &gongkai.Report{Agency: "丁局", Year: 2021, Format: gongkai.Format2021}
	old := sampleReport("己局", 2020, 0, 0)
	old.Format = gongkai.Format2019
	old.Values = append(old.Values, gongkai.Value{Measure: "normative_docs.made", Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(4)},
		gongkai.Value{Measure: "litigation_after_review.total", Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(2)},
		gongkai.Value{Measure: "apps.withheld.state_secret", Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(3)})
	load(t, db,
		LoadRequest{Report: sampleReport("甲局", 2022, 1, 0)},
		LoadRequest{Report: sampleReport("甲局", 2022, 2, 0)}, // a new version in the same group
		LoadRequest{Report: blank}, LoadRequest{Report: empty}, LoadRequest{Report: old})
	load(t, db, LoadRequest{Report: sampleReport("甲局", 2021, 0, 3)}) // re-checks 2022: R4
	load(t, db, LoadRequest{Report: sampleReport("甲局", 2021, 0, 4)}) // a new version: 2022 re-checked again
	if n := count(t, db, "SELECT count(*) FROM report_summary"); n != 5 {
		t.Fatalf("report_summary has %d rows, want 5", n)
	}
	if n := count(t, db, "SELECT count(*) FROM report_summary WHERE agency = '甲局' AND year = 2022 AND errors > 0"); n != 1 {
		t.Errorf("the re-checked report's errors (R4) are not in the summary (%d rows)", n)
	}
	if n := summaryDiff(t, db); n != 0 {
		t.Errorf("report_summary differs from the figures in %d rows", n)
	}
	for _, q := range []string{
		"SELECT count(*) FROM store.report_summary WHERE licensing_stated AND licensing_decisions IS NULL",
		"SELECT count(*) FROM store.report_summary WHERE NOT apps_stated AND format = '2021'",
	} {
		if n := count(t, db, q); n != 1 {
			t.Errorf("%s: %d, want 1", q, n)
		}
	}

	// A path that changes store.reports without the summary: the next Open
	// rebuilds it.
	if _, err := db.db.Exec("UPDATE store.reports SET is_current = NOT is_current WHERE agency_id = 1"); err != nil {
		t.Fatal(err)
	}
	path := db.Path()
	db.Close()
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n := summaryDiff(t, db); n != 0 {
		t.Errorf("after reopening, report_summary differs from the figures in %d rows", n)
	}
	if n := count(t, db, "SELECT count(*) FROM report_summary WHERE agency = '甲局'"); n != 2 {
		t.Errorf("after reopening, %d current reports of 甲局 in the summary, want 2 (the old versions)", n)
	}
}

// TestSummaryRowsMatchSQL holds the loader's summary rows (summaryRow, in Go)
// and the SQL that rebuilds them (store.summary_rows) together, on every
// column.
func TestSummaryRowsMatchSQL(t *testing.T) {
	db := exportFixture(t)
	r := sampleReport("戊局", 2019, 0, 0)
	r.Format = gongkai.Format2019
	r.Values = append(r.Values, gongkai.Value{Measure: "apps.withheld.third_party", Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(2)},
		gongkai.Value{Measure: "apps.withheld.state_secret", Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(-3)},
		gongkai.Value{Measure: "narrative.proactive_items", Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(900)},
		gongkai.Value{Measure: "review.pending", Applicant: gongkai.ApplicantTotal, Raw: "/"})
	load(t, db, LoadRequest{Report: r}, LoadRequest{Report: &gongkai.Report{Agency: "空局", Year: 2021, Format: gongkai.Format2021}})
	n := count(t, db, `SELECT count(*) FROM (
		(SELECT * FROM store.report_summary EXCEPT ALL SELECT * FROM store.summary_rows(0, 1000000))
		UNION ALL
		(SELECT * FROM store.summary_rows(0, 1000000) EXCEPT ALL SELECT * FROM store.report_summary))`)
	if n != 0 {
		t.Errorf("the loader's summary rows differ from store.summary_rows in %d rows", n)
	}
	if n := count(t, db, "SELECT count(*) FROM store.report_summary"); n != 5 {
		t.Errorf("%d summary rows, want 5", n)
	}
}

// summaryView0006 is the analysts' view report_summary as 0006 defined it,
// with its filter pushed into the scan; 0126 keeps the filter above the
// join for DuckDB's plan, and the rows must stay these.
const summaryView0006 = `
SELECT s.report_id, s.agency_id, a.name AS agency, a.province, a.city, a.county, a.level,
       s.year, s.format, s.errors, s.warnings,
       s.apps_new, s.apps_carried_in, s.apps_granted, s.apps_partial, s.apps_withheld, s.apps_unavailable,
       s.apps_not_processed, s.apps_other, s.apps_total, s.apps_carried_out,
       s.licensing_decisions, s.penalty_decisions, s.coercion_decisions,
       coalesce(s.normative_docs_issued, s.normative_docs_made) AS normative_docs_issued,
       s.normative_docs_in_force, s.proactive_items, s.review_total, s.review_corrected,
       CASE WHEN s.litigation_direct_total IS NULL AND s.litigation_after_review_total IS NULL THEN NULL
            ELSE coalesce(s.litigation_direct_total, 0) + coalesce(s.litigation_after_review_total, 0) END AS litigation_total,
       CASE WHEN s.litigation_direct_corrected IS NULL AND s.litigation_after_review_corrected IS NULL THEN NULL
            ELSE coalesce(s.litigation_direct_corrected, 0) + coalesce(s.litigation_after_review_corrected, 0) END AS litigation_corrected
FROM store.report_summary s
JOIN store.agencies a USING (agency_id)
WHERE s.is_current`

// TestReportSummaryViewRows holds the view report_summary (0126) to the
// rows of its 0006 form, in which the filter on the current versions was
// pushed into the scan, through retired versions, an agency with no
// current report left and a summary row whose agency is gone (which the
// inner join leaves out of both), and checks that the migration's text is
// the view's.
func TestReportSummaryViewRows(t *testing.T) {
	db := openTest(t)
	load(t, db,
		LoadRequest{Report: sampleReport("甲局", 2022, 1, 0)},
		LoadRequest{Report: sampleReport("甲局", 2022, 2, 0)}, // retires the first
		LoadRequest{Report: sampleReport("乙局", 2021, 0, 0)},
		LoadRequest{Report: sampleReport("丙局", 2020, 0, 0)})
	// 乙局's only report retired by hand, and a summary row of an agency
	// that does not exist: neither is a row of either form.
	for _, q := range []string{
		"UPDATE store.report_summary SET is_current = false WHERE agency_id = (SELECT agency_id FROM store.agencies WHERE name = '乙局')",
		"INSERT INTO store.report_summary SELECT * REPLACE (999999 AS report_id, 999999 AS agency_id) FROM store.report_summary WHERE is_current LIMIT 1",
	} {
		if _, err := db.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if n := count(t, db, "SELECT count(*) FROM report_summary"); n != 2 {
		t.Errorf("report_summary has %d rows, want 2 (甲局's current version and 丙局's)", n)
	}
	if n := count(t, db, `SELECT count(*) FROM (
		(SELECT * FROM report_summary EXCEPT ALL (`+summaryView0006+`))
		UNION ALL
		((`+summaryView0006+`) EXCEPT ALL SELECT * FROM report_summary))`); n != 0 {
		t.Errorf("report_summary differs from its 0006 form in %d rows", n)
	}
	var def string
	if err := db.db.QueryRow("SELECT sql FROM duckdb_views() WHERE view_name = 'report_summary' AND schema_name = 'main'").Scan(&def); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(def, "is_current OR") {
		t.Errorf("report_summary is not 0126's form: %s", def)
	}
}
