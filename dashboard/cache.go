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
	// maxBytes bounds the results kept, as tableBytes counts them, and
	// bytes is what the entries hold now. A count of entries alone bounded
	// nothing: the named-query API takes limit=100000, and any viewer
	// (anyone, with --public) kept ~38-41 MB of Go heap a request with one
	// filter after another (year_to=2081, 2082, … the same rows): 1024
	// entries are ~38 GB, past the process's cap (serve --process-memory),
	// where the Go runtime ends the server (review s37). The dashboard's
	// own pages keep at most ~0.13 MB an entry at 1M reports.
	maxBytes, bytes int64
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
	size  int64 // tableBytes(table), counted in queryCache.bytes; 0 until kept
}

// defaultCacheBytes is the cache's byte budget unless Options.CacheBytes
// says otherwise, and a result larger than a sixteenth of the budget is
// answered but not kept: it would push out hundreds of pages' results.
const defaultCacheBytes = 256 << 20

func newQueryCache(max int, maxBytes int64) *queryCache {
	if maxBytes <= 0 {
		maxBytes = defaultCacheBytes
	}
	return &queryCache{max: max, maxBytes: maxBytes, entries: map[string]*cacheEntry{}}
}

// tableBytes estimates the Go memory a result holds: each row's slice and
// interface values, and each string's header and bytes (measured against
// the heap at 100k reports: a 100,000-row quality_matrix kept ~41 MB and
// counts ~35 MB).
func tableBytes(t *warehouse.Table) int64 {
	if t == nil {
		return 0
	}
	n := int64(64 + 16*len(t.Columns))
	for _, r := range t.Rows {
		n += 24 + 16*int64(len(r))
		for _, v := range r {
			switch x := v.(type) {
			case nil:
			case string:
				n += 16 + int64(len(x))
			case []byte:
				n += 24 + int64(len(x))
			default:
				n += 8
			}
		}
	}
	return n
}

// remove forgets the entry under order[i]'s key when it is e (or any
// entry, when e is nil) and drops the key from order; c.mu is held.
func (c *queryCache) remove(i int, e *cacheEntry) {
	key := c.order[i]
	if cur, ok := c.entries[key]; ok && (e == nil || cur == e) {
		c.bytes -= cur.size
		delete(c.entries, key)
	}
	c.order = append(c.order[:i], c.order[i+1:]...)
}

// drop forgets entry e of key, wherever its key stands in order; c.mu is
// held.
func (c *queryCache) drop(key string, e *cacheEntry) {
	if c.entries[key] != e {
		return
	}
	for i, k := range c.order {
		if k == key {
			c.remove(i, e)
			return
		}
	}
	c.bytes -= e.size
	delete(c.entries, key)
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
		c.remove(0, nil)
	}
	c.mu.Unlock()

	e.table, e.err = run(ctx, name, f)
	close(e.done)
	var size int64
	if e.err == nil {
		size = tableBytes(e.table) // outside the lock: up to 100,000 rows
	}
	c.mu.Lock()
	switch {
	case c.entries[key] != e: // evicted or cleared while it ran
	case e.err != nil || size > c.maxBytes/16:
		// Errors are not kept; nor is a result too large to keep, which
		// the requests already waiting for it still get.
		c.drop(key, e)
	default:
		e.size = size
		c.bytes += size
		for c.bytes > c.maxBytes && len(c.order) > 0 {
			c.remove(0, nil)
		}
	}
	c.mu.Unlock()
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
	c.bytes = 0
	c.mu.Unlock()
}
