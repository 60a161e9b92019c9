package dashboard

import (
	"context"
	"fmt"
	"sync"

	"gongkai/warehouse"
)

// queryCache keeps the results of named queries by name and filter. Only
// this process writes the warehouse (DuckDB lets one process hold the file
// read-write, and uploads go through this server), so entries never go stale
// on their own: the cache is cleared after every load instead of expiring.
// A result is shared by every request that asks for it and must not be
// modified.
type queryCache struct {
	mu      sync.Mutex
	max     int
	entries map[string]*cacheEntry
	order   []string // keys, oldest first, for eviction
}

// cacheEntry is one result; done closes when it is ready, so that requests
// arriving while the first one runs the query wait for it instead of
// running it again.
type cacheEntry struct {
	done  chan struct{}
	table *warehouse.Table
	err   error
}

func newQueryCache(max int) *queryCache {
	return &queryCache{max: max, entries: map[string]*cacheEntry{}}
}

// get returns the result of query name with filter f, running it through
// run when it is not cached. Errors are not cached.
func (c *queryCache) get(ctx context.Context, name string, f warehouse.Filter,
	run func(context.Context, string, warehouse.Filter) (*warehouse.Table, error)) (*warehouse.Table, error) {
	if c == nil || c.max <= 0 {
		return run(ctx, name, f)
	}
	key := fmt.Sprintf("%s|%+v", name, f)
	c.mu.Lock()
	if e, ok := c.entries[key]; ok {
		c.mu.Unlock()
		select {
		case <-e.done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if e.err == nil {
			return e.table, nil
		}
		return run(ctx, name, f) // the first attempt failed (canceled, timed out): try ours
	}
	e := &cacheEntry{done: make(chan struct{})}
	c.entries[key] = e
	c.order = append(c.order, key)
	for len(c.order) > c.max {
		delete(c.entries, c.order[0])
		c.order = c.order[1:]
	}
	c.mu.Unlock()

	e.table, e.err = run(ctx, name, f)
	close(e.done)
	if e.err != nil {
		c.mu.Lock()
		if c.entries[key] == e {
			delete(c.entries, key)
		}
		c.mu.Unlock()
	}
	return e.table, e.err
}

// clear forgets every result; the warehouse has changed.
func (c *queryCache) clear() {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.entries = map[string]*cacheEntry{}
	c.order = nil
	c.mu.Unlock()
}
