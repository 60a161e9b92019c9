package dashboard

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"gongkai/warehouse"
)

func TestQueryCache(t *testing.T) {
	var runs atomic.Int32
	fail := false
	run := func(ctx context.Context, name string, f warehouse.Filter) (*warehouse.Table, error) {
		runs.Add(1)
		if fail {
			return nil, errors.New("boom")
		}
		return &warehouse.Table{Columns: []string{name}}, nil
	}
	c := newQueryCache(2, 0)
	ctx := context.Background()

	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if tb, err := c.get(ctx, "a", warehouse.Filter{YearFrom: 2021}, run); err != nil || tb.Columns[0] != "a" {
				t.Errorf("get a = %v, %v", tb, err)
			}
		}()
	}
	wg.Wait()
	if n := runs.Load(); n != 1 {
		t.Errorf("8 concurrent gets ran the query %d times, want 1", n)
	}
	c.get(ctx, "a", warehouse.Filter{YearFrom: 2022}, run) // another filter is another entry
	c.get(ctx, "b", warehouse.Filter{}, run)               // evicts the oldest
	c.get(ctx, "a", warehouse.Filter{YearFrom: 2021}, run)
	if n := runs.Load(); n != 4 {
		t.Errorf("after eviction: %d runs, want 4", n)
	}
	c.clear()
	c.get(ctx, "b", warehouse.Filter{}, run)
	if n := runs.Load(); n != 5 {
		t.Errorf("after clear: %d runs, want 5", n)
	}
	fail = true
	if _, err := c.get(ctx, "c", warehouse.Filter{}, run); err == nil {
		t.Error("error not returned")
	}
	fail = false
	if _, err := c.get(ctx, "c", warehouse.Filter{}, run); err != nil {
		t.Errorf("errors must not be cached: %v", err)
	}
}

// TestQueryCacheBytes: results are kept within the cache's byte budget,
// whatever the number of entries. Through the real router, a visitor of a
// --public server asks the named-query API for the largest page it gives
// (limit=100000) under one filter after another that select the same rows
// (year_to=2061, 2062, …): with only a count of entries the cache kept them
// all (at 1M reports ~38 MB of heap each, 1024 of them past the process's
// memory cap, where the Go runtime ends the server). The budget here is
// small so that the fixture's results fill it; the dashboard's own pages
// must still be kept.
func TestQueryCacheBytes(t *testing.T) {
	db, _ := fixtureDB(t)
	h, e := newHandler(db, testLogger(t), Options{Public: true})
	// One result's size, to set a budget that four of them overflow.
	if status, body := fetch(t, e, "/api/queries/quality_matrix?limit=100000&year_to=2060"); status != 200 {
		t.Fatalf("quality_matrix: %d %s", status, snippet(body))
	}
	var one int64
	for _, en := range h.cache.entries {
		one = max(one, tableBytes(en.table))
	}
	if one < 10000 {
		t.Fatalf("the fixture's quality_matrix holds %d bytes: too small to test the budget", one)
	}
	h.cache.clear()
	h.cache.maxBytes = 4 * one
	held := func() (n int64, entries int) {
		h.cache.mu.Lock()
		defer h.cache.mu.Unlock()
		for _, en := range h.cache.entries {
			n += tableBytes(en.table)
		}
		return n, len(h.cache.entries)
	}
	for y := 2061; y <= 2100; y++ {
		if status, body := fetch(t, e, fmt.Sprintf("/api/queries/quality_matrix?limit=100000&year_to=%d", y)); status != 200 {
			t.Fatalf("year_to=%d: %d %s", y, status, snippet(body))
		}
		if n, entries := held(); n > h.cache.maxBytes {
			t.Fatalf("after year_to=%d the cache holds %d bytes in %d entries, over its budget of %d", y, n, entries, h.cache.maxBytes)
		}
	}
	// A result over a sixteenth of the budget is answered, not kept.
	h.cache.maxBytes = 8 * one
	if status, _ := fetch(t, e, "/api/queries/quality_matrix?limit=100000&year=2021"); status != 200 {
		t.Fatal("quality_matrix not answered")
	}
	if n, entries := held(); n > h.cache.maxBytes/2 {
		t.Errorf("a result of %d bytes was kept against a budget of %d (%d bytes in %d entries)", one, h.cache.maxBytes, n, entries)
	}
	// The pages' own results are small and stay.
	h.cache.clear()
	h.cache.maxBytes = defaultCacheBytes
	if status, _ := fetch(t, e, "/quality"); status != 200 {
		t.Fatal("/quality not answered")
	}
	if n, entries := held(); entries == 0 || n == 0 {
		t.Errorf("/quality kept nothing (%d entries, %d bytes)", entries, n)
	}
}
