package warehouse

import (
	"slices"

	"gongkai/queries"
)

// qualityFindingsForm returns the form of quality_findings q to run for
// filter f, each of which gives the same rows as q (TestQualityFindingsForms,
// and TestFlowsMatchTheirFirstForm over every write path):
//   - with a report, q itself;
//   - without a piece of a name, sql/quality_findings_reports.sql, which
//     reads the page's reports from store.finding_reports (0114: the
//     current reports that hold a finding, kept by the writer in the
//     transaction of each report) instead of the million current reports,
//     selected and named by the agency's name, region and level each row
//     keeps (0124) instead of joined to the agencies;
//   - with a piece, sql/quality_findings_piece.sql, which reads the
//     page's reports, and the piece's counts per year, from
//     store.finding_reports, each row selected by the piece, region and
//     level it keeps of its agency and named by it (0124).
//
// Query then runs the form chosen in two steps (qualityFindingsPaged) for a
// page of up to findingsPageMax findings.
//
// The forms are kept under names of their own and name only the parameters
// they read; they also drop branches of q that DuckDB binds and optimizes
// on every run (it plans a statement with parameters again with their
// values at each run, kept.go) before it folds them away.
func qualityFindingsForm(q queries.Query, f Filter) queries.Query {
	var name string
	var drop []string
	switch {
	case nullNum(f.ReportID) != nil:
		return q
	case nullText(f.Agency) == nil:
		name, drop = "reports", []string{"agency", "report_id"}
	default:
		name, drop = "piece", []string{"report_id"}
	}
	q.Name += " (" + name + ")"
	q.SQL = stmt("quality_findings_" + name)
	q.Params = slices.DeleteFunc(slices.Clone(q.Params), func(p string) bool { return slices.Contains(drop, p) })
	return q
}
