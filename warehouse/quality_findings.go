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
//   - with a piece and no level, sql/quality_findings_piece.sql, which
//     reads the page's reports, and the piece's counts per year, from
//     store.finding_reports;
//   - with a piece and a level, q.
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
	case !piece:
		name, drop = "reports", []string{"agency", "report_id"}
	case !level:
		name, drop = "piece", []string{"level", "report_id"}
	default:
		return q
	}
	q.Name += " (" + name + ")"
	q.SQL = stmt("quality_findings_" + name)
	q.Params = slices.DeleteFunc(slices.Clone(q.Params), func(p string) bool { return slices.Contains(drop, p) })
	return q
}
