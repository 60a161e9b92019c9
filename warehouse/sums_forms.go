package warehouse

import "gongkai/queries"

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
