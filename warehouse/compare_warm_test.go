package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"testing"
	"time"
)

// TestWarmCompare holds WarmCompare to what it promises: after it, the
// whole check of the kept totals and the deeper answer's names are read
// for the present generation, so that /compare's first request with a
// common piece reads neither; and a request whose gate reads only the
// sample does not wait while a whole check is being read (it held the
// sample's lock through that read before).
func TestWarmCompare(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	var reqs []LoadRequest
	for i := range 12 {
		for y := 2020; y <= 2021; y++ {
			reqs = append(reqs, LoadRequest{Report: figures(sampleReport(fmt.Sprintf("%c城局", '甲'+rune(i)), y, float64(i%4), 1), 2, -1)})
		}
	}
	load(t, db, reqs...)
	if _, err := db.CompactTotals(ctx, 1); err != nil {
		t.Fatal(err)
	}
	// Twelve agencies are too few for the complement form's gate ever to
	// pass; with it open the whole check is read as for a large warehouse.
	db.complement.mu.Lock()
	db.complement.always = true
	db.complement.mu.Unlock()
	if err := db.WarmCompare(ctx); err != nil {
		t.Fatal(err)
	}
	c := &db.complement
	c.wholeMu.Lock()
	known, atGen, whole := c.atKnown, c.atGen, c.at
	c.wholeMu.Unlock()
	if !known || atGen != db.Generation() || !whole.listedNone || !whole.whole {
		t.Fatalf("after WarmCompare the whole check is not kept for this generation: known %v, generation %d (now %d), %+v",
			known, atGen, db.Generation(), whole)
	}
	db.within.mu.Lock()
	wknown, members := db.within.known, len(db.within.members)
	db.within.mu.Unlock()
	if !wknown || members != 12 {
		t.Fatalf("after WarmCompare the deeper answer's names are not read: known %v, %d names (want 12)", wknown, members)
	}
	// Every form /compare runs is prepared, under the name Query keeps it
	// by: Query's runs of each form (the complement's gate is open, and
	// twelve agencies are fewer than the deeper answer holds) prepare none.
	keptNames := func() []string {
		var names []string
		db.kept.m.Range(func(k, v any) bool {
			if v.(*sql.Stmt) != nil {
				names = append(names, k.(string))
			}
			return true
		})
		slices.Sort(names)
		return names
	}
	warmed := keptNames()
	for _, q := range compareStatements() {
		if !slices.Contains(warmed, q.Name) {
			t.Errorf("after WarmCompare %s is not prepared (kept: %v)", q.Name, warmed)
		}
	}
	for _, r := range []struct {
		name string
		f    Filter
	}{{"compare_regions", Filter{}}, {"compare_regions", Filter{Agency: "城"}}, {"compare_agencies", Filter{Limit: 20}},
		{"compare_agencies", Filter{Agency: "城", Limit: 20}}, {"compare_agencies", Filter{Agency: "城", Limit: 5}}} {
		if _, err := db.Query(ctx, r.name, r.f); err != nil {
			t.Fatal(err)
		}
	}
	if after := keptNames(); !slices.Equal(after, warmed) {
		t.Errorf("/compare's queries prepared statements WarmCompare had not: %v, after it %v", after, warmed)
	}

	// A whole check under way (its lock held) delays no gate that reads the
	// sample alone.
	c.mu.Lock()
	c.always = false
	c.mu.Unlock()
	c.wholeMu.Lock()
	done := make(chan error, 1)
	go func() {
		_, err := db.pieceCommon(ctx, Filter{}, "城")
		done <- err
	}()
	select {
	case err := <-done:
		c.wholeMu.Unlock()
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		c.wholeMu.Unlock()
		t.Fatal("the complement's gate waited for the whole check")
	}
}
