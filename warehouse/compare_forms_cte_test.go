package warehouse

import (
	"strings"
	"testing"
)

// TestReplaceCTEs holds replaceCTEs, which makes compare_agencies' named
// form from the named query's text: each named CTE is replaced whole (the
// first and a later one of the list), the rest is left as it is, and a CTE
// missing from either text, or there twice, stops it rather than making
// another statement. So does dropCTEs, which makes region_figure's halves.
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
	// dropCTEs drops the first, a middle and the last CTE, each with its
	// comma, and stops at a CTE missing, there twice or alone.
	for _, c := range []struct {
		names []string
		want  string
	}{
		{[]string{"a"}, "-- head\nWITH b AS (\n    SELECT x FROM a\n), c AS MATERIALIZED (\n    SELECT x FROM b\n)\nSELECT * FROM c\n"},
		{[]string{"b"}, "-- head\nWITH a AS (\n    SELECT 1 AS x\n), c AS MATERIALIZED (\n    SELECT x FROM b\n)\nSELECT * FROM c\n"},
		{[]string{"c"}, "-- head\nWITH a AS (\n    SELECT 1 AS x\n), b AS (\n    SELECT x FROM a\n)\nSELECT * FROM c\n"},
		{[]string{"a", "c"}, "-- head\nWITH b AS (\n    SELECT x FROM a\n)\nSELECT * FROM c\n"},
	} {
		if got := dropCTEs(text, c.names...); got != c.want {
			t.Errorf("dropCTEs %v: got\n%s\nwant\n%s", c.names, got, c.want)
		}
	}
	for _, c := range []struct {
		text  string
		names []string
	}{
		{text, []string{"d"}},
		{text + "), a AS (\n)\n", []string{"a"}},
		{text, []string{"a", "b", "c"}},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("dropCTEs %v: no panic", c.names)
				}
			}()
			dropCTEs(c.text, c.names...)
		}()
	}
	// The halves of region_figure_by_agency are made, each without the
	// other shape's CTEs.
	for half, drops := range map[string][]string{"country": {"sel", "region_ranked"}, "region": {"few", "many", "early", "candidates", "ranked"}} {
		text := byAgencySQL()[half]
		for _, name := range drops {
			if strings.Contains(text, "\n), "+name+" AS ") || strings.Contains(text, "\nWITH "+name+" AS ") {
				t.Errorf("the %s half holds CTE %s", half, name)
			}
		}
	}
	// The named form is made, and differs from the named query where it
	// should: its names carried from a, no scan of store.agencies.
	named := compareNamedSQL()
	if !strings.Contains(named, "k.name, k.city, k.level") || !strings.Contains(named, "SELECT * FROM c") ||
		strings.Contains(named, "FROM store.agencies g") {
		t.Errorf("compare_agencies' named form is not made as it should be:\n%s", named)
	}
}

// TestFormTextsBuild builds every text warehouse makes from its .sql files
// by their layout (formTexts), as OpenWith does first: an edit of one that
// replaceCTEs or dropCTEs cannot follow fails here and stops Open with an
// error, where before it panicked at the first request of region_figure
// (review s38). A text laid out otherwise is an error of buildFormTexts,
// not a panic.
func TestFormTextsBuild(t *testing.T) {
	if err := buildFormTexts(formTexts); err != nil {
		t.Fatal(err)
	}
	odd := "WITH a AS (\n    SELECT 1\n), b AS (SELECT 2)\nSELECT * FROM a, b"
	err := buildFormTexts([]func(){func() { dropCTEs(odd, "b") }})
	if err == nil || !strings.Contains(err.Error(), "CTE b") {
		t.Errorf("an oddly laid-out text: %v, want an error naming its CTE", err)
	}
}
