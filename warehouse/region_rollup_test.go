package warehouse

import (
	"context"
	"fmt"
	"testing"

	"gongkai/queries"
)

// TextsUniqueForTest is textsUnique, for the tests of the warehouse_test
// package.
func TextsUniqueForTest(ctx context.Context, db *DB) (bool, error) {
	return db.textsUnique(ctx)
}

// TestRegionRollupFormAfterTextRepeatedByHand edits a warehouse by hand so
// that the applicant text "total" is in store.texts under two ids, and
// half of the roll-up's total cells (one year's) point at the new one. The
// named query still makes one row of each measure's total, summed over
// both ids; the form without the sum by text would make two. textsUnique
// must then say no, and Query run the named query: its rows must be the
// named query's before and after the edit.
func TestRegionRollupFormAfterTextRepeatedByHand(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	load(t, db, LoadRequest{Report: sampleReport("甲局", 2021, 1, 1)}, LoadRequest{Report: sampleReport("乙局", 2022, 2, 1)})
	named, ok := queries.Get("region_rollup")
	if !ok {
		t.Fatal("no query region_rollup")
	}
	unique := named
	unique.SQL = stmt("region_rollup_unique_texts")
	filters := []Filter{{}, {YearFrom: 2021, YearTo: 2021}, {YearFrom: 2022, YearTo: 2022}, {YearFrom: 2021, YearTo: 2022, Level: "县级部门"}}
	check := func(wantUnique bool) {
		t.Helper()
		u, err := db.textsUnique(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if u != wantUnique {
			t.Errorf("textsUnique = %v, want %v", u, wantUnique)
		}
		for _, f := range filters {
			got, err := db.Query(ctx, "region_rollup", f)
			if err != nil {
				t.Fatal(err)
			}
			want := fmt.Sprint(firstFormRows(t, db, named, f).Rows)
			if g := fmt.Sprint(got.Rows); g != want {
				t.Errorf("filter %+v:\n got %s\nwant %s", f, g, want)
			}
			if len(got.Rows) == 0 && f.YearFrom == 0 {
				t.Errorf("filter %+v: no rows, the comparison proves nothing", f)
			}
		}
	}
	check(true)
	db = editByHand(t, db, `INSERT INTO store.texts SELECT max(text_id) + 1, 'total' FROM store.texts;
UPDATE store.region_rollup SET applicant_id = (SELECT max(text_id) FROM store.texts)
WHERE year = 2022 AND applicant_id = (SELECT min(text_id) FROM store.texts WHERE text = 'total')`)
	if n := count(t, db, `SELECT count(*) FROM store.region_rollup WHERE applicant_id = (SELECT max(text_id) FROM store.texts)`); n == 0 {
		t.Fatal("the edit moved no roll-up row to the repeated text")
	}
	// The form without the sum by text would be wrong here: the edit is a
	// case the guard must catch.
	if a, b := fmt.Sprint(firstFormRows(t, db, unique, Filter{}).Rows), fmt.Sprint(firstFormRows(t, db, named, Filter{}).Rows); a == b {
		t.Fatal("the unique-texts form gives the named query's rows on the edited file: the test proves nothing")
	}
	check(false)
}
