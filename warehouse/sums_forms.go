package warehouse

import (
	"context"

	"gongkai/queries"
)

// sumsPlainForms names the form (warehouse/sql/NAME.sql) of each named
// query that sums the kept roll-up without a piece of a name and
// current_summary with one, for a filter without a piece.
var sumsPlainForms = map[string]string{
	"applications_year_sums": "applications_year_sums_plain",
	"reviews_year_sums":      "reviews_year_sums_plain",
	"overview_trend":         "overview_trend_plain",
	"proactive_by_year":      "proactive_by_year_plain",
}

// sumsPlainForm returns the form of the named query q to run for filter f:
// its plain form (sumsPlainForms) when f has no piece of a name, which
// gives the named query's rows (TestSumsPlainForms) without the branch over
// current_summary that DuckDB binds and optimizes on every run before it
// folds it away (kept.go), kept under the name and " (plain)"; else q as it
// is. It never fails.
func sumsPlainForm(q queries.Query, f Filter) queries.Query {
	form, ok := sumsPlainForms[q.Name]
	if !ok || nullText(f.Agency) != nil {
		return q
	}
	q.Name += " (plain)"
	q.SQL = stmt(form)
	return q
}

// bitsHoldReports reports whether the agencies' bit sets of years with a
// current report (store.agency_status, and the patterns store.agencies
// names) count every current report once, under its agency: no report has
// a year outside their 1990–2100 (reportsInBitYears), and
// sql/reports_in_status_bits.sql (each agency id once in store.agencies
// and in store.agency_status, and the status rows' bits as many as the
// current reports: no report without its agency, no agency with two
// current reports of a year). Each answer is read once and kept for as
// long as the file is open, as only a hand edit of the file breaks it.
// Its error is the database's; nothing is kept then.
func (db *DB) bitsHoldReports(ctx context.Context) (bool, error) {
	in, err := db.reportsInBitYears(ctx)
	if err != nil || !in {
		return false, err
	}
	return db.statusBits.get(ctx, db, "reports_in_status_bits")
}

// overviewTotalsForm returns the form of overview_totals q to run for
// filter f: sql/overview_totals_plain.sql, kept as "overview_totals
// (plain)", when f has no piece of a name and the bit sets count every
// current report once under its agency (bitsHoldReports: the form counts
// the agencies from their bit sets of years, and the reports from the
// roll-up, which counts those of the agencies it joins); else q as it is.
// The plain form reads the kept roll-up, the kept reports with a finding
// and the agencies' patterns instead of every current report, and gives
// the named query's row (TestSumsPlainForms, TestFormsAfterEditsByHand).
// Its error is the database's.
func (db *DB) overviewTotalsForm(ctx context.Context, q queries.Query, f Filter) (queries.Query, error) {
	if nullText(f.Agency) != nil {
		return q, nil
	}
	if ok, err := db.bitsHoldReports(ctx); err != nil || !ok {
		return q, err
	}
	q.Name += " (plain)"
	q.SQL = stmt("overview_totals_plain")
	return q, nil
}
