package dashboard

import (
	"context"
	"errors"
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
	c := newQueryCache(2)
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
