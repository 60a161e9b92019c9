package warehouse

import (
	"strings"
	"testing"
)

// TestReplaceCTEs holds replaceCTEs, which makes compare_agencies' named
// form from the named query's text: each named CTE is replaced whole (the
// first and a later one of the list), the rest is left as it is, and a CTE
// missing from either text, or there twice, stops it rather than making
// another statement.
func TestReplaceCTEs(t *testing.T) {
	text := "-- head\nWITH a AS (\n    SELECT 1 AS x\n), b AS (\n    SELECT x FROM a\n), c AS MATERIALIZED (\n    SELECT x FROM b\n)\nSELECT * FROM c\n"
	from := "-- the form\nWITH a AS MATERIALIZED (\n    SELECT 2 AS x\n), c AS (\n    SELECT x + 1 AS x FROM b\n)\n"
	got := replaceCTEs(text, from, "a", "c")
	want := "-- head\nWITH a AS MATERIALIZED (\n    SELECT 2 AS x\n), b AS (\n    SELECT x FROM a\n), c AS (\n    SELECT x + 1 AS x FROM b\n)\nSELECT * FROM c\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	for _, c := range []struct{ text, from, name string }{
		{text, from, "b"},                    // not in from
		{text, from, "d"},                    // in neither
		{text + "), a AS (\n)\n", from, "a"}, // twice in text
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("CTE %s: no panic", c.name)
				}
			}()
			replaceCTEs(c.text, c.from, c.name)
		}()
	}
	// The named form is made, and differs from the named query where it
	// should: its names carried from a, no scan of store.agencies.
	named := compareNamedSQL()
	if !strings.Contains(named, "k.name, k.city, k.level") || !strings.Contains(named, "SELECT * FROM c") ||
		strings.Contains(named, "FROM store.agencies g") {
		t.Errorf("compare_agencies' named form is not made as it should be:\n%s", named)
	}
}
