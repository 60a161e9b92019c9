package warehouse

import (
	"context"
	"fmt"
	"testing"

	"gongkai"
)

// TestCompareAgenciesCuts holds compare_agencies to its first form
// (testdata/before) where its rankings' cuts are hard: ties of volume and
// of rate at every limit, rated agencies with no disclosure figure (a NULL
// rate, ranked last), agencies with no application figure (a NULL volume,
// ranked last), and agencies with all-zero reports, under limits from 1 to
// past the number of agencies. A cut that dropped the ties at it, or put a
// NULL rate first, gives other rows. Both as loaded (every agency summed
// from its summary rows) and with the kept totals built.
func TestCompareAgenciesCuts(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	report := func(agency string, year int, figures map[string]float64) LoadRequest {
		r := &gongkai.Report{Agency: agency, Year: year, Format: gongkai.Format2021,
			Source: gongkai.Source{Kind: "xlsx", Name: fmt.Sprintf("%s-%d.xlsx", agency, year)}}
		for m, v := range figures {
			r.Values = append(r.Values, gongkai.Value{Measure: m, Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(v),
				Raw: fmt.Sprint(v), At: "表三!C5"})
		}
		return LoadRequest{Report: r}
	}
	apps := func(total, granted, partial float64) map[string]float64 {
		m := map[string]float64{"apps.total": total, "licensing.decisions": 1}
		if granted >= 0 {
			m["apps.granted"] = granted
		}
		if partial >= 0 {
			m["apps.partial"] = partial
		}
		return m
	}
	var reqs []LoadRequest
	for i, f := range []map[string]float64{
		apps(30, 15, -1), apps(30, 10, 5), apps(30, 15, 0), apps(30, 3, -1), // volume ties, rate ties
		apps(10, -1, -1), apps(12, -1, -1), apps(10, -1, -1), // rated, no disclosure figure: NULL rate
		apps(12, 0, 0), apps(10, 0, -1), apps(12, -1, 0), // rate 0, volume ties
		apps(9, 0, 0), apps(5, 5, -1), // not rated
		{"licensing.decisions": 7}, {"review.total": 2}, // no application figure: NULL volume
		{"apps.total": 0, "apps.granted": 0, "licensing.decisions": 0}, {"apps.total": 0}, // all zero
		{"licensing.decisions": 0},
	} {
		for _, year := range []int{2021, 2022} {
			reqs = append(reqs, report(fmt.Sprintf("%c局", '甲'+rune(i)), year, f))
		}
	}
	load(t, db, reqs...)
	old := firstForm(t, "compare_agencies")
	seen := map[string]bool{}
	// As loaded, every agency is summed from its summary rows; built, from
	// the kept totals (store.compare_totals, 0058).
	for _, pass := range []string{"as loaded", "built"} {
		if pass == "built" {
			if _, err := db.CompactTotals(ctx, 1); err != nil {
				t.Fatal(err)
			}
			if n := count(t, db, `SELECT count(*) FROM store.compare_totals WHERE exact`); n != len(reqs)/2 {
				t.Fatalf("%d agencies' totals kept, want %d", n, len(reqs)/2)
			}
		}
		for _, f := range []Filter{{}, {YearFrom: 2022, YearTo: 2022}, {YearFrom: 2023}, {Agency: "甲"}} {
			for limit := range 20 {
				f.Limit = limit
				got, err := db.Query(ctx, "compare_agencies", f)
				if err != nil {
					t.Fatal(err)
				}
				want := firstFormRows(t, db, old, f)
				if g, w := fmt.Sprint(got.Rows), fmt.Sprint(want.Rows); g != w {
					t.Errorf("%s, %+v:\n got %s\nwant %s", pass, f, g, w)
				}
				seen[fmt.Sprint(want.Rows)] = true
			}
		}
	}
	if len(seen) < 15 {
		t.Errorf("only %d different answers: the limits do not cut through the rankings", len(seen))
	}
}
