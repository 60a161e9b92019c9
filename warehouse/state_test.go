package warehouse

import (
	"context"
	"maps"
	"math"
	"path/filepath"
	"testing"

	"gongkai"
)

// TestPriorCells holds the compact encoding of the figures the rules across
// years read to what was added: blanks, counts, negative, fractional and
// huge figures, and −0, which must not come back as 0.
func TestPriorCells(t *testing.T) {
	keys, _ := priorKeys()
	if len(keys) < 3 {
		t.Fatalf("only %d cells the rules read", len(keys))
	}
	figures := []*float64{nil, gongkai.Float(0), gongkai.Float(12), gongkai.Float(-7), gongkai.Float(2.5),
		gongkai.Float(1e300), gongkai.Float(1 << 60), gongkai.Float(math.Copysign(0, -1)), gongkai.Float(123456789)}
	for _, v := range figures {
		var pc priorCells
		pc.add(keys[0], gongkai.Float(1))
		pc.add(keys[len(keys)-1], v)
		pc.add(cellKey{"no.such.measure", "total"}, gongkai.Float(9)) // not a cell the rules read: dropped
		pc = pc.clip()
		if len(pc) != cap(pc) {
			t.Errorf("clip left %d bytes of %d unused", cap(pc)-len(pc), cap(pc))
		}
		got, ok := pc.get(keys[len(keys)-1])
		switch {
		case !ok:
			t.Errorf("%v: cell lost", v)
		case (got == nil) != (v == nil):
			t.Errorf("%v: got %v", v, got)
		case v != nil && math.Float64bits(*got) != math.Float64bits(*v):
			t.Errorf("%v: got %v", *v, *got)
		}
		if _, ok := pc.get(keys[1]); ok && len(keys) > 2 {
			t.Errorf("a cell never added is stated")
		}
		if vals := pc.values(); len(vals) != 2 || *vals[keys[0]].Number != 1 {
			t.Errorf("values: %v", vals)
		}
		// Read after the other kinds of figure, and before: a cell added
		// twice gives its first figure, as each does.
		pc.add(keys[1], gongkai.Float(2.25))
		pc.add(keys[0], gongkai.Float(5))
		if got, ok := pc.get(keys[1]); !ok || got == nil || *got != 2.25 {
			t.Errorf("%v: the cell after it: got %v, %v", v, got, ok)
		}
		if got, ok := pc.get(keys[0]); !ok || got == nil || *got != 1 {
			t.Errorf("%v: a cell added twice: got %v, %v; want its first figure", v, got, ok)
		}
	}
}

// TestWriterStateReadOnFirstWrite holds that a read-write Open does not read
// the writer's state (a server that only answers pages never holds it: ~350
// MB at a million reports), and that each kind of write reads it first: an
// administrator's region correction right after Open finds the agency, and
// a load right after Open still knows the file it has seen and the versions.
func TestWriterStateReadOnFirstWrite(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "w.duckdb")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	res := load(t, db, LoadRequest{Report: sampleReport("某某委员会", 2021, 0, 0), Source: []byte("first")})
	db.Close()

	reopen := func() *DB {
		t.Helper()
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		if db.state == nil || db.state.ready {
			t.Fatalf("Open read the writer's state (%+v): a server that only serves pages holds it", db.state)
		}
		return db
	}
	db = reopen()
	if err := db.SetAgencyRegion(ctx, res[0].AgencyID, Region{Province: "云南省", Level: "省级部门"}); err != nil {
		t.Fatalf("a correction as the first write: %v", err)
	}
	if !db.state.ready || len(db.state.agencies) != 1 {
		t.Errorf("after the first write the state is not read: ready %v, %d agencies", db.state.ready, len(db.state.agencies))
	}
	db.Close()

	db = reopen()
	got := load(t, db, LoadRequest{Report: sampleReport("x", 2021, 0, 0), Source: []byte("first")},
		LoadRequest{Report: sampleReport("某某委员会", 2021, 1, 0), Source: []byte("second")})
	if !got[0].Duplicate || got[0].ReportID != res[0].ReportID {
		t.Errorf("a load as the first write did not know the file it has: %+v", got[0])
	}
	if got[1].Version != 2 || got[1].AgencyID != res[0].AgencyID {
		t.Errorf("a load as the first write did not continue the versions: %+v", got[1])
	}
	db.Close()

	ro, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.Load(ctx, []LoadRequest{{Report: sampleReport("乙局", 2021, 0, 0)}}); gongkai.ErrorCode(err) != gongkai.CodeInvalid {
		t.Errorf("a load on a read-only open: %v, want CodeInvalid", err)
	}
}

// TestStateVersionsOnlyWaiting holds the writer's state.versions to what
// it is for: the agency-years where a version above the current one waits
// (as loadState reads them), not one entry per report loaded. Applied
// before the plan's current versions, a new agency-year had none yet and
// every new report's version was kept: a million entries at a million
// reports. It fails on that order.
func TestStateVersionsOnlyWaiting(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "w.duckdb")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { db.Close() }()
	load(t, db, LoadRequest{Report: sampleReport("甲局", 2021, 0, 0)}, LoadRequest{Report: sampleReport("甲局", 2022, 0, 0)},
		LoadRequest{Report: sampleReport("乙局", 2021, 0, 0)})
	if n := len(db.state.versions); n != 0 {
		t.Errorf("after three new reports the state keeps %d versions, want none: %v", n, db.state.versions)
	}
	// A re-upload that becomes current: nothing waits.
	if got := load(t, db, LoadRequest{Report: sampleReport("乙局", 2021, 1, 0)})[0]; got.Pending || got.Version != 2 {
		t.Fatalf("a re-upload: %+v, want current version 2", got)
	}
	if n := len(db.state.versions); n != 0 {
		t.Errorf("after a re-upload made current the state keeps %d versions, want none: %v", n, db.state.versions)
	}
	// A version with an error waits: kept, and the next one numbered after it.
	v3 := load(t, db, LoadRequest{Report: withError("乙局", 2021)})[0]
	if !v3.Pending || v3.Version != 3 {
		t.Fatalf("a version with an error: %+v, want pending version 3", v3)
	}
	if n := len(db.state.versions); n != 1 {
		t.Errorf("with a version waiting the state keeps %d versions, want 1: %v", n, db.state.versions)
	}
	if v4 := load(t, db, LoadRequest{Report: withError("乙局", 2021)})[0]; v4.Version != 4 {
		t.Errorf("the next version after a waiting one: %+v, want version 4", v4)
	}
	// What the writer holds is what the file says (loadState).
	want := map[agencyYear]int{}
	for k, v := range db.state.versions {
		want[k] = v
	}
	db.Close()
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	if _, err := db.writer(ctx); err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(db.state.versions, want) {
		t.Errorf("the state read from the file keeps versions %v, the writer kept %v", db.state.versions, want)
	}
}
