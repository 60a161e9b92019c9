package warehouse

import (
	"slices"

	"gongkai/queries"
)

// qualityFindingsForm returns the form of quality_findings q to run for
// filter f, each of which gives the same rows as q (TestQualityFindingsForms,
// and TestFlowsMatchTheirFirstForm over every write path):
//   - with a report, q itself;
//   - without a level, sql/quality_findings_reports.sql (no piece of a name)
//     or sql/quality_findings_piece.sql (a piece), which read the page's
//     reports, and a piece's counts per year, from store.finding_reports
//     (0114: the current reports that hold a finding, kept by the writer
//     in the transaction of each report) instead of the million current
//     reports;
//   - with a level, sql/quality_findings_plain.sql without a piece, else q:
//     DuckDB builds the naming join on store.finding_reports' rows for a
//     level, which is slower than reading store.reports (see the forms'
//     headers).
//
// Query then runs the form chosen in two steps (qualityFindingsPaged) for a
// page of up to findingsPageMax findings.
//
// The forms are kept under names of their own and name only the parameters
// they read; they also drop branches of q that DuckDB binds and optimizes
// on every run (it plans a statement with parameters again with their
// values at each run, kept.go) before it folds them away.
func qualityFindingsForm(q queries.Query, f Filter) queries.Query {
	piece, level := nullText(f.Agency) != nil, nullText(f.Level) != nil
	var name string
	var drop []string
	switch {
	case nullNum(f.ReportID) != nil:
		return q
	case !level && !piece:
		name, drop = "reports", []string{"agency", "level", "report_id"}
	case !level:
		name, drop = "piece", []string{"level", "report_id"}
	case !piece:
		name, drop = "plain", []string{"agency", "report_id"}
	default:
		return q
	}
	q.Name += " (" + name + ")"
	q.SQL = stmt("quality_findings_" + name)
	q.Params = slices.DeleteFunc(slices.Clone(q.Params), func(p string) bool { return slices.Contains(drop, p) })
	return q
}
