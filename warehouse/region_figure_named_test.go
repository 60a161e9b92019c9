package warehouse

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// TestWarmPlaces holds WarmPlaces to what it promises: after it, every
// agency's name, city and level as store.agencies holds them is kept at the
// present generation, so that region_figure's form named in Go reads none
// by id; after a correction of a region (SetAgencyRegion) none of them is
// given at the new generation until read again, and read again they are
// the corrected ones.
func TestWarmPlaces(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "w.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var reqs []LoadRequest
	for _, a := range []struct{ name, province, city, level string }{
		{"甲市财政局", "甲省", "甲市", "市级部门"}, {"甲县民政局", "甲省", "乙市", "县级部门"}, {"乙省交通厅", "乙省", "", "省级部门"},
	} {
		r := sampleReport(a.name, 2022, 1, 0)
		r.Province, r.City, r.Level = a.province, a.city, a.level
		reqs = append(reqs, LoadRequest{Report: r})
	}
	load(t, db, reqs...)
	check := func(stage string) {
		t.Helper()
		rows, err := db.db.Query(`SELECT agency_id, name, city, level FROM store.agencies`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		gen, n := db.Generation(), 0
		for rows.Next() {
			var id int64
			var want agencyPlace
			if err := rows.Scan(&id, &want.name, &want.city, &want.level); err != nil {
				t.Fatal(err)
			}
			n++
			got, ok := db.places.get(gen, id)
			if !ok || got != want {
				t.Errorf("%s: agency %d kept %+v (%v), want %+v", stage, id, got, ok, want)
			}
		}
		if n != 3 {
			t.Fatalf("%s: %d agencies, want 3", stage, n)
		}
	}
	if err := db.WarmPlaces(ctx); err != nil {
		t.Fatal(err)
	}
	check("warmed")
	var id int64
	if err := db.db.QueryRow(`SELECT agency_id FROM store.agencies WHERE name = '甲县民政局'`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if err := db.SetAgencyRegion(ctx, id, Region{Province: "甲省", City: "丙市", Level: "市级部门"}); err != nil {
		t.Fatal(err)
	}
	if p, ok := db.places.get(db.Generation(), id); ok {
		t.Fatalf("after a correction the place kept before is given: %+v", p)
	}
	places, ok, err := db.agencyPlacesByID(ctx, db.Generation(), []int64{id})
	if err != nil || !ok {
		t.Fatalf("read by id after the correction: %v %v", ok, err)
	}
	if want := (agencyPlace{"甲县民政局", sql.NullString{String: "丙市", Valid: true}, sql.NullString{String: "市级部门", Valid: true}}); places[id] != want {
		t.Errorf("read by id after the correction: %+v, want %+v", places[id], want)
	}
	if err := db.WarmPlaces(ctx); err != nil {
		t.Fatal(err)
	}
	check("warmed after the correction")
}
