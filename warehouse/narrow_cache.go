package warehouse

import "sync"

// genCache keeps answers read from the warehouse, one per key, for as long
// as Generation does not change: narrowSelection's (narrowCache) and
// cellStated's. Each answer only chooses a form or steers a plan (every
// form gives the same rows), so a kept one can cost speed but never a
// figure; it is dropped at the next write anyway, as a load moves what it
// is read from. Each saves a statement of its own on every breakdown of a
// figure after the first for the same key, as when one opens the figures
// of one region's tables one after another (region_narrow.sql: ~3 ms of
// CPU at 1M reports).
type genCache[K comparable, V any] struct {
	mu  sync.Mutex
	gen int64 // the Generation the answers were read at
	m   map[K]V
}

// narrowCache keeps narrowSelection's answers, one per years, region and
// level.
type narrowCache = genCache[narrowKey, selection]

// selection is narrowSelection's answer for one filter: whether its region
// and level select at most a quarter of the years' current reports, and
// how many current reports they select.
type selection struct {
	narrow  bool
	reports int64
}

// narrowKey is what region_narrow.sql reads of a filter.
type narrowKey struct {
	yearFrom, yearTo      int
	province, city, level string
}

// narrowCacheMax bounds the answers a genCache keeps: keys come from
// requests, and the first one past it empties the cache rather than
// letting it grow.
const narrowCacheMax = 4096

// get returns the answer kept for k at generation gen, and whether there
// is one.
func (c *genCache[K, V]) get(gen int64, k K) (v V, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return v, false
	}
	v, ok = c.m[k]
	return v, ok
}

// put keeps the answer for k, read after Generation returned gen. Answers
// of another generation are dropped first; an answer read before a write
// that another request has already seen is not kept.
func (c *genCache[K, V]) put(gen int64, k K, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen < c.gen {
		return
	}
	if gen != c.gen || c.m == nil || len(c.m) >= narrowCacheMax {
		c.gen, c.m = gen, map[K]V{}
	}
	c.m[k] = v
}

// caughtUpCache keeps cellsCaughtUp's answer for as long as Generation does
// not change.
type caughtUpCache struct {
	mu    sync.Mutex
	gen   int64
	known bool
	up    bool
}

// get returns the answer kept at generation gen, and whether there is one.
func (c *caughtUpCache) get(gen int64) (up, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.up, c.known && c.gen == gen
}

// put keeps the answer read after Generation returned gen, unless one of a
// later generation is kept already.
func (c *caughtUpCache) put(gen int64, up bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.known && gen < c.gen {
		return
	}
	c.gen, c.known, c.up = gen, true, up
}
