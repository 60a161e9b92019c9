package warehouse

import (
	"context"
	"fmt"
	"testing"

	"gongkai"
	"gongkai/queries"
)

// erring is r with one error finding added (sampleReport gives some
// warnings), for the tests that hold /quality's forms in Go to their named
// queries.
func erring(r *gongkai.Report) *gongkai.Report {
	r.Findings = append(r.Findings, gongkai.Finding{Rule: "R1", Severity: gongkai.SeverityError, At: "表三!C5", Message: "示例"})
	return r
}

// clean is r without findings.
func clean(r *gongkai.Report) *gongkai.Report {
	r.Findings = nil
	return r
}

// sameAsNamed holds the named query name as Query answers it (its form in
// Go, where one answers) to its named text, run on db, for each of filters:
// columns, values and their Go types. It reports the first five filters
// that differ and stops the test at stage if any did; with wantRows it
// also stops it when no filter gave rows (a comparison of nothing proves
// nothing).
func sameAsNamed(t *testing.T, db *DB, name, stage string, filters []Filter, wantRows bool) {
	t.Helper()
	q, ok := queries.Get(name)
	if !ok {
		t.Fatalf("no query %s", name)
	}
	seen, diffs := false, 0
	for _, f := range filters {
		got, err := db.Query(context.Background(), name, f)
		if err != nil {
			t.Fatal(err)
		}
		want := queryRows(t, db, q.SQL, f.bind(q.Params))
		seen = seen || len(want.Rows) > 0
		if g, w := fmt.Sprintf("%#v %#v", got.Columns, got.Rows), fmt.Sprintf("%#v %#v", want.Columns, want.Rows); g != w {
			if diffs++; diffs <= 5 {
				t.Errorf("%s, %s, %+v:\n got %s\nwant %s", name, stage, f, g, w)
			}
		}
	}
	if diffs > 0 {
		t.Fatalf("%s: %d of %d filters differ", stage, diffs, len(filters))
	}
	if wantRows && !seen {
		t.Fatalf("%s: no rows under any filter: the comparison proves nothing", stage)
	}
}
