package warehouse

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"gongkai/queries"
)

// TestRegionAgenciesNamesKept holds region_agencies as Query runs it (the
// ranked form, its names from those kept by id: agencyNames) to the named
// query after an upload, a re-upload, a region corrected, an agency added
// whose name sorts first, and a name edited by hand in the closed file
// (a new open must read it, not an old answer). The names must be kept
// between runs (a second run reads none), and an id no agency has must make
// fillAgencyNames say it cannot answer, so that Query runs the form that
// reads the names. Without the names filled (or filled from the wrong
// agency) Query's rows differ from the named query's.
func TestRegionAgenciesNamesKept(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	q, ok := queries.Get("region_agencies")
	if !ok {
		t.Fatal("no region_agencies")
	}
	filters := []Filter{{YearFrom: 2021, YearTo: 2021, Limit: 200}, {YearFrom: 2022, YearTo: 2022, Limit: 2},
		{YearFrom: 2022, YearTo: 2022, Province: "测试省", Limit: 200}}
	check := func(stage string) {
		t.Helper()
		if ok, err := db.ranksComplete(ctx); err != nil || !ok {
			t.Fatalf("%s: ranksComplete = %v, %v: the ranked form would not run", stage, ok, err)
		}
		for _, f := range filters {
			got, err := db.Query(ctx, "region_agencies", f)
			if err != nil {
				t.Fatal(err)
			}
			want := queryRows(t, db, q.SQL, f.bind(q.Params))
			if len(want.Rows) == 0 && f.Province == "" { // the province holds an agency once one is moved there
				t.Fatalf("%s, %+v: no rows: the comparison proves nothing", stage, f)
			}
			if g, w := fmt.Sprint(got.Rows), fmt.Sprint(want.Rows); g != w {
				t.Errorf("%s, %+v:\n got %s\nwant %s", stage, f, g, w)
			}
		}
	}
	rank := func() {
		if _, err := db.RankAgencies(ctx); err != nil {
			t.Fatal(err)
		}
	}
	load(t, db, LoadRequest{Report: sampleReport("乙局", 2021, 1, 0)}, LoadRequest{Report: sampleReport("丙局", 2021, 2, 0)},
		LoadRequest{Report: sampleReport("乙局", 2022, 3, 0)})
	rank()
	check("uploaded")
	db.names.mu.RLock()
	kept := len(db.names.m)
	db.names.mu.RUnlock()
	if kept == 0 {
		t.Fatal("no name kept after the ranked form ran")
	}
	load(t, db, LoadRequest{Report: sampleReport("丙局", 2022, 4, 0)}, LoadRequest{Report: sampleReport("乙局", 2022, 5, 0)})
	rank()
	check("re-uploaded")
	var moved int64
	if err := db.db.QueryRow(`SELECT agency_id FROM store.agencies WHERE name = '丙局'`).Scan(&moved); err != nil {
		t.Fatal(err)
	}
	if err := db.SetAgencyRegion(ctx, moved, Region{Province: "测试省", City: "另一市", Level: "县级部门"}); err != nil {
		t.Fatal(err)
	}
	check("a region corrected")
	if got, err := db.Query(ctx, "region_agencies", filters[2]); err != nil || len(got.Rows) == 0 {
		t.Fatalf("the province an agency moved to: %v, %v", got, err)
	}
	load(t, db, LoadRequest{Report: sampleReport("一局", 2022, 6, 0)})
	rank()
	check("an agency whose name sorts first")
	// A name edited in the closed file, its order among the others kept
	// (the ranks still follow the names: the ranked form runs).
	db = editByHand(t, db, `UPDATE store.agencies SET name = '乙局甲' WHERE name = '乙局'`)
	check("a name edited by hand")
	if got, err := db.Query(ctx, "region_agencies", filters[0]); err != nil || !strings.Contains(fmt.Sprint(got.Rows), "乙局甲") {
		t.Fatalf("after the name edited by hand: %v, %v", got, err)
	}

	// Kept: a second run of the names reads nothing (a closed connection
	// pool would fail the read).
	tb := &Table{Columns: []string{"agency_id", "agency"}, Rows: [][]any{{moved, nil}}}
	if ok, err := db.fillAgencyNames(ctx, tb); err != nil || !ok || tb.Rows[0][1] != "丙局" {
		t.Fatalf("fillAgencyNames = %v, %v, %v; want 丙局", ok, err, tb.Rows)
	}
	// An id no agency has: no answer.
	tb = &Table{Columns: []string{"agency_id", "agency"}, Rows: [][]any{{moved, nil}, {int64(1 << 40), nil}}}
	if ok, err := db.fillAgencyNames(ctx, tb); err != nil || ok {
		t.Errorf("fillAgencyNames of an unknown id = %v, %v; want false", ok, err)
	}
}
