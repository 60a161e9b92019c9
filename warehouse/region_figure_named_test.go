package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"gongkai/queries"
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
		gen, n := db.PlaceGeneration(), 0
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
	if p, ok := db.places.get(db.PlaceGeneration(), id); ok {
		t.Fatalf("after a correction the place kept before is given: %+v", p)
	}
	places, ok, err := db.agencyPlacesByID(ctx, db.PlaceGeneration(), []int64{id})
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

// TestPlacesKeptAcrossWrites holds the places kept for region_figure's form
// named in Go (placeCache) to PlaceGeneration: a load of reports of known
// agencies in place, CopyCells and RankAgencies change no agency's name,
// city or level and leave every place read ahead (WarmPlaces) kept; a
// correction of a region and a load that adds an agency drop them, and the
// form's next answer lists the moved and the new agency under their
// places. Before, every write dropped them (the generation of every
// write): in serve an upload threw the read ahead away until the next
// warm-up.
func TestPlacesKeptAcrossWrites(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "w.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	report := func(name, city string, year int) LoadRequest {
		r := sampleReport(name, year, 1, 0)
		r.Province, r.City, r.Level = "甲省", city, "市级部门"
		return LoadRequest{Report: r}
	}
	res := load(t, db, report("甲市财政局", "甲市", 2021), report("乙市民政局", "乙市", 2021), report("甲市教育局", "甲市", 2021))
	if err := db.WarmPlaces(ctx); err != nil {
		t.Fatal(err)
	}
	// kept counts the agencies whose place is kept at the present place
	// generation, as store.agencies holds it.
	kept := func() (n int) {
		t.Helper()
		rows, err := db.db.Query(`SELECT agency_id, name, city, level FROM store.agencies`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var want agencyPlace
			if err := rows.Scan(&id, &want.name, &want.city, &want.level); err != nil {
				t.Fatal(err)
			}
			if got, ok := db.places.get(db.PlaceGeneration(), id); ok {
				if got != want {
					t.Errorf("agency %d kept at %+v, store.agencies holds %+v", id, got, want)
				}
				n++
			}
		}
		return n
	}
	if n := kept(); n != 3 {
		t.Fatalf("warmed: %d places kept, want 3", n)
	}
	steps := []struct {
		name  string
		write func() error
	}{
		{"a load of known agencies' reports", func() error {
			_, err := db.Load(ctx, []LoadRequest{report("甲市财政局", "甲市", 2022), report("乙市民政局", "乙市", 2022)})
			return err
		}},
		{"CopyCells", func() error { _, err := db.CopyCells(ctx, CellOptions{}, nil); return err }},
		{"RankAgencies", func() error { _, err := db.RankAgencies(ctx); return err }},
	}
	for _, s := range steps {
		gen := db.Generation()
		if err := s.write(); err != nil {
			t.Fatal(err)
		}
		if db.Generation() == gen {
			t.Fatalf("%s did not move the generation: the test writes nothing", s.name)
		}
		if n := kept(); n != 3 {
			t.Errorf("after %s: %d places kept, want 3", s.name, n)
		}
	}
	defer func(n int64) { byAgencyMinReports = n }(byAgencyMinReports)
	byAgencyMinReports = 0
	q, _ := queries.Get("region_figure")
	named := q
	named.Name, named.SQL = "region_figure (test, named in Go)", byAgencyIDsSQL()["region"]
	f := Filter{YearFrom: 2022, YearTo: 2022, Province: "甲省", City: "乙市", Measure: "apps.new"}
	g := f
	if g.measureID, g.applicantID, err = db.cellIDs(ctx, g.Measure, g.Applicant); err != nil {
		t.Fatal(err)
	}
	g.noTail = true
	// page runs the form named in Go and Query for 乙市 in 2022 and wants
	// the agencies want, each under 乙市.
	page := func(stage string, want ...string) {
		t.Helper()
		tb, ok, _, err := db.regionFigureNamed(ctx, named, g)
		if err != nil || !ok {
			t.Fatalf("%s: the form named in Go does not answer: %v %v", stage, ok, err)
		}
		qt, err := db.Query(ctx, "region_figure", f)
		if err != nil {
			t.Fatal(err)
		}
		for _, tb := range []*Table{tb, qt} {
			var got []string
			for _, r := range tb.Rows {
				got = append(got, fmt.Sprint(r[1]))
				if r[2] != "乙市" {
					t.Errorf("%s: %v listed under %v by a filter of 乙市", stage, r[1], r[2])
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("%s: %v listed, want %v", stage, got, want)
			}
		}
	}
	page("before the correction", "乙市民政局")
	if err := db.SetAgencyRegion(ctx, res[0].AgencyID, Region{Province: "甲省", City: "乙市", Level: "市级部门"}); err != nil {
		t.Fatal(err)
	}
	if n := kept(); n != 0 {
		t.Errorf("after a correction: %d places kept, want none", n)
	}
	page("after the correction", "乙市民政局", "甲市财政局")
	if err := db.WarmPlaces(ctx); err != nil {
		t.Fatal(err)
	}
	load(t, db, report("乙市交通局", "乙市", 2022))
	if n := kept(); n != 0 {
		t.Errorf("after a load of a new agency: %d places kept, want none", n)
	}
	if _, err := db.CopyCells(ctx, CellOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := db.RankAgencies(ctx); err != nil {
		t.Fatal(err)
	}
	page("after a new agency", "乙市交通局", "乙市民政局", "甲市财政局")
	if err := db.WarmPlaces(ctx); err != nil {
		t.Fatal(err)
	}
	if n := kept(); n != 4 {
		t.Errorf("warmed again: %d places kept, want 4", n)
	}
}

// TestPlacesLeaveTheIDs holds agencyPlacesByID to the ids it is given:
// regionFigureNamed names each of its rows by its list of the rows'
// agencies after reading their places, so the read must not reorder that
// list. It sorted the ids it did not find kept, which, at a generation
// other than the places kept, were the caller's own slice (genCache.lookup
// returned keys itself): the first request after a write named its rows
// with other agencies' names, cities and levels.
func TestPlacesLeaveTheIDs(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "w.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var reqs []LoadRequest
	for _, name := range []string{"甲市财政局", "乙市民政局", "丙市教育局"} {
		reqs = append(reqs, LoadRequest{Report: sampleReport(name, 2022, 1, 0)})
	}
	res := load(t, db, reqs...)
	// A place kept at the generation before the load's.
	db.places.putAll(db.PlaceGeneration()-2, map[int64]agencyPlace{res[0].AgencyID: {name: "甲市财政局"}})
	ids := []int64{res[2].AgencyID, res[0].AgencyID, res[1].AgencyID, res[2].AgencyID}
	given := slices.Clone(ids)
	places, ok, err := db.agencyPlacesByID(ctx, db.PlaceGeneration(), ids)
	if err != nil || !ok {
		t.Fatalf("places by id: %v %v", ok, err)
	}
	if !slices.Equal(ids, given) {
		t.Errorf("the ids given became %v, were %v", ids, given)
	}
	for i, id := range ids {
		if places[id].name != reqs[map[int]int{0: 2, 1: 0, 2: 1, 3: 2}[i]].Report.Agency {
			t.Errorf("agency %d named %q", id, places[id].name)
		}
	}
}
