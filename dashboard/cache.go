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
	// hold, when set, takes the request's page slot (handler.holdSlot)
	// before the request runs a query that others may wait for: a request
	// that waits for another's entry holds a slot of its own, and the
	// entry's runner, registered before it took one, waited for a slot the
	// waiters held. With every slot held so (two slots: serve's warm-up and
	// a page, both waiting for a third page's query) no page answered
	// until the requests' time ran out (1 minute by default; 4 minutes
	// under TestServeMemorySoak's --sql-timeout, where 3 of 4 runs hung).
	hold func(context.Context) error
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
	wait := func(e *cacheEntry) (*warehouse.Table, error) {
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
	c.mu.Lock()
	if e, ok := c.entries[key]; ok {
		c.mu.Unlock()
		return wait(e)
	}
	if c.hold != nil {
		// The slot first, then the entry (see hold); the lock is not
		// held while waiting for the slot, so look again after.
		c.mu.Unlock()
		if err := c.hold(ctx); err != nil {
			return nil, err
		}
		c.mu.Lock()
		if e, ok := c.entries[key]; ok {
			c.mu.Unlock()
			return wait(e)
		}
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
