package warehouse

import (
	"slices"

	"gongkai/queries"
)

// qualityFindingsForm returns the form of quality_findings q to run for
// filter f: sql/quality_findings_plain.sql when f has no piece of a name
// and no report, as 报送与质量 asks for its list, else q itself. The plain
// form gives the same rows (TestQualityFindingsForms) without the branches
// for a piece of a name or a report, which DuckDB binds and optimizes on
// every run (it plans a statement with parameters again with their values
// at each run, kept.go) before it folds them away. It is kept under a name
// of its own and names only the parameters it reads.
func qualityFindingsForm(q queries.Query, f Filter) queries.Query {
	if nullText(f.Agency) != nil || nullNum(f.ReportID) != nil {
		return q
	}
	q.Name += " (plain)"
	q.SQL = stmt("quality_findings_plain")
	q.Params = slices.DeleteFunc(slices.Clone(q.Params), func(p string) bool { return p == "agency" || p == "report_id" })
	return q
}
