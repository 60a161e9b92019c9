package warehouse

import (
	"slices"

	"gongkai/queries"
)

// compareRegionsForm returns the form of compare_regions q to run for
// filter f: sql/compare_regions_piece.sql when f has a piece of a name,
// else sql/compare_regions_plain.sql. Each gives the named query's rows
// (TestCompareRegionsForms) without the branches the other kind of filter
// needs, which DuckDB binds and optimizes on every run (it plans a
// statement with parameters again with their values at each run, kept.go)
// before it folds them away. Each is kept under a name of its own and
// names only the parameters it reads. It never fails.
func compareRegionsForm(q queries.Query, f Filter) queries.Query {
	if nullText(f.Agency) != nil {
		q.Name += " (piece)"
		q.SQL = stmt("compare_regions_piece")
		return q
	}
	q.Name += " (plain)"
	q.SQL = stmt("compare_regions_plain")
	q.Params = slices.DeleteFunc(slices.Clone(q.Params), func(p string) bool { return p == "agency" })
	return q
}
