package warehouse

import "sync"

// narrowCache keeps narrowSelection's answers, one per years, region and
// level, for as long as Generation does not change. The answer only steers
// region_figure's plan and form (all give the same rows), so a kept one can
// cost speed but never a figure; it is dropped at the next write anyway, as
// a load moves the counts it is taken from. Each answer saves a statement of
// its own (region_narrow.sql: ~3 ms of CPU at 1M reports) on every
// breakdown of a figure after the first for the same selection, as when
// one opens the figures of one region's tables one after another.
type narrowCache struct {
	mu  sync.Mutex
	gen int64 // the Generation the answers were counted at
	m   map[narrowKey]selection
}

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

// narrowCacheMax bounds the answers kept: filters come from requests, and
// the first one past it empties the cache rather than letting it grow.
const narrowCacheMax = 4096

// get returns the answer kept for k at generation gen, and whether there
// is one.
func (c *narrowCache) get(gen int64, k narrowKey) (s selection, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return selection{}, false
	}
	s, ok = c.m[k]
	return s, ok
}

// put keeps the answer for k, counted after Generation returned gen. Answers
// of another generation are dropped first; an answer counted before a write
// that another request has already seen is not kept.
func (c *narrowCache) put(gen int64, k narrowKey, s selection) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen < c.gen {
		return
	}
	if gen != c.gen || c.m == nil || len(c.m) >= narrowCacheMax {
		c.gen, c.m = gen, map[narrowKey]selection{}
	}
	c.m[k] = s
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
