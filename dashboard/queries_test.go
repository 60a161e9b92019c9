package dashboard

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gongkai/queries"
	"gongkai/warehouse"
)

// goldenFilter is the filter every named query runs with in the golden
// tests: a range of years, one agency for the agency queries, a small page
// for the paged ones.
var goldenFilter = warehouse.Filter{YearFrom: 2020, YearTo: 2023, AgencyID: 3, Limit: 10, Measure: "licensing.decisions"}

// TestQueriesGolden runs every queries/*.sql against the fixture warehouse
// and compares the rows with testdata/queries/<name>.golden.csv. Run with
// -update to rewrite the files after an intended change, and read the diff.
func TestQueriesGolden(t *testing.T) {
	db, _ := fixtureDB(t)
	for _, q := range queries.List() {
		t.Run(q.Name, func(t *testing.T) {
			tb, err := db.Query(context.Background(), q.Name, goldenFilter)
			if err != nil {
				t.Fatal(err)
			}
			if len(q.Columns) > 0 && !sameStrings(q.Columns, tb.Columns) {
				t.Errorf("columns %v, header says %v", tb.Columns, q.Columns)
			}
			got := goldenCSV(tb)
			path := filepath.Join("testdata", "queries", q.Name+".golden.csv")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s:\ngot:\n%s\nwant:\n%s", q.Name, path, clipBytes(got), clipBytes(want))
			}
		})
	}
}

// goldenCSV writes a result as CSV; times (which change with every load)
// are written as <time>.
func goldenCSV(tb *warehouse.Table) []byte {
	out := &warehouse.Table{Columns: tb.Columns, Rows: make([][]any, len(tb.Rows))}
	for r, row := range tb.Rows {
		out.Rows[r] = make([]any, len(row))
		for i, v := range row {
			if _, ok := v.(time.Time); ok {
				v = "<time>"
			}
			out.Rows[r][i] = v
		}
	}
	var buf bytes.Buffer
	if err := out.WriteCSV(&buf, false); err != nil {
		panic(err) // a bytes.Buffer does not fail
	}
	return buf.Bytes()
}

func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func clipBytes(b []byte) string {
	if len(b) > 2000 {
		return string(b[:2000]) + "…"
	}
	return string(b)
}
