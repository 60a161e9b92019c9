package warehouse

import (
	"context"
	"fmt"
	"testing"

	"gongkai"
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
// both ids; the sums by id (regionRollupSums) would make two. textsUnique
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
	// The sums by id would be wrong here: the edit is a case the guard
	// must catch.
	byID, err := db.regionRollupSums(ctx, named, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := fmt.Sprint(byID.Rows), fmt.Sprint(firstFormRows(t, db, named, Filter{}).Rows); a == b {
		t.Fatal("the sums by id give the named query's rows on the edited file: the test proves nothing")
	}
	check(false)
}

// TestRegionRollupMoneyWithoutUnit loads 2019-format reports whose 采购总金额
// (procurement.amount, money the format gives no unit) name 万元, 元 or no
// unit, in one load and one at a time, and asks region_rollup for their
// province: the amounts are in different units, so their sum is blank
// (NULL) while stated still counts them; a province whose every amount is
// 0 sums to 0; the count beside them (procurement.projects) is summed as
// before. Both forms of the query (the named query and the sums by id
// Query runs) must say so. Before, the sum was 10 + 50000 + 7 = 50017.
func TestRegionRollupMoneyWithoutUnit(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	report := func(agency string, amount float64, unit, raw string) LoadRequest {
		r := &gongkai.Report{Agency: agency, Year: 2019, Format: gongkai.Format2019,
			Source: gongkai.Source{Kind: "xlsx", Name: agency + ".xlsx"}}
		r.Values = []gongkai.Value{
			{Measure: "procurement.projects", Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(2), Raw: "2", At: "表二!D20"},
			{Measure: "procurement.amount", Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(amount), Unit: unit, Raw: raw, At: "表二!E20"},
		}
		return LoadRequest{Report: r, Source: []byte(agency)}
	}
	load(t, db, report("贵州省某甲局", 10, "万元", "10万元"), report("贵州省某乙局", 50000, "元", "50000元"))
	load(t, db, report("贵州省某丙局", 7, "", "7"))
	load(t, db, report("浙江省某甲局", 0, "万元", "0万元"), report("浙江省某乙局", 0, "", "0"))
	named, ok := queries.Get("region_rollup")
	if !ok {
		t.Fatal("no query region_rollup")
	}
	for _, tt := range []struct {
		province, want string
	}{
		{"贵州省", "[[procurement.amount total <nil> 3] [procurement.projects total 6 3]]"},
		{"浙江省", "[[procurement.amount total 0 2] [procurement.projects total 4 2]]"},
	} {
		f := Filter{YearFrom: 2019, YearTo: 2019, Province: tt.province}
		got, err := db.Query(ctx, "region_rollup", f)
		if err != nil {
			t.Fatal(err)
		}
		if g := fmt.Sprint(got.Rows); g != tt.want {
			t.Errorf("%s, Query: %s, want %s", tt.province, g, tt.want)
		}
		if g := fmt.Sprint(firstFormRows(t, db, named, f).Rows); g != tt.want {
			t.Errorf("%s, the named query: %s, want %s", tt.province, g, tt.want)
		}
		byID, ok, err := db.regionRollupByID(ctx, named, f)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			t.Fatalf("%s: the sums by id did not answer (a text repeats?)", tt.province)
		}
		if g := fmt.Sprint(byID.Rows); g != tt.want {
			t.Errorf("%s, by id: %s, want %s", tt.province, g, tt.want)
		}
	}
}
