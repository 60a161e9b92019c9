package warehouse

import (
	"slices"
	"sync"
)

// genCache keeps answers read from the warehouse, one per key, for as long
// as Generation does not change: narrowSelection's (narrowCache) and
// cellStated's, and the texts of store.texts the report and agency pages
// name (textCache). Each of the first two answers only chooses a form or
// steers a plan (every form gives the same rows), so a kept one can cost
// speed but never a figure; it is dropped at the next write anyway, as a
// load moves what it is read from. Each saves a statement of its own on
// every breakdown of a figure after the first for the same key, as when one
// opens the figures of one region's tables one after another
// (region_narrow.sql: ~3 ms of CPU at 1M reports). A text is kept by the id
// that never changes while the file is open (see textCache).
type genCache[K comparable, V any] struct {
	mu  sync.Mutex
	gen int64 // the Generation the answers were read at
	m   map[K]V
	// max bounds the answers kept (narrowCacheMax when 0). The first answer
	// past it empties the cache, unless keepFull: then the cache keeps the
	// answers it holds and no more until the next write (textCache: the
	// texts most pages name are read first, and ids come from the data, not
	// from requests).
	max      int
	keepFull bool
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

// narrowCacheMax bounds the answers a genCache keeps unless it says
// otherwise (max): keys come from requests, and the first one past it
// empties the cache rather than letting it grow.
const narrowCacheMax = 4096

// textCache keeps texts of store.texts by id, as read_texts read them, for
// the report and agency pages: at 1M reports read_texts scans the ~165,000
// texts for each page (~2 ms of CPU), for measures, applicants, units and
// cells that nearly every report repeats. A text's id never changes while
// the file is open (the writer only appends to store.texts, and only a
// migration, run by Open before any query, ever rewrote it; see cellIDs),
// so a kept text is the one a read would return; the texts are kept only
// until the next write all the same (DB.Generation), and a NULL text or an
// id with no text is never kept, so that its read fails or drops the
// figure as before. At most textCacheMax texts are kept, the first read
// (keepFull).
type textCache = genCache[int64, string]

// textCacheMax bounds the texts kept: ~5 MB of short strings.
const textCacheMax = 1 << 16

// get returns the answer kept for k at generation gen, and whether there
// is one: never at an odd generation (a write under way: see
// DB.Generation).
func (c *genCache[K, V]) get(gen int64, k K) (v V, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen || gen&1 != 0 {
		return v, false
	}
	v, ok = c.m[k]
	return v, ok
}

// lookup calls found with each of keys whose answer is kept at generation
// gen, and returns the keys whose answer is not (all of them at an odd
// generation or another than the answers kept) in a slice of its own,
// never keys itself: agencyPlacesByID sorts what it returns, and keys was
// regionFigureNamed's list of its rows' agencies, by which it then named
// each row, so that the first request after a write (places kept at
// another generation) gave rows other agencies' names, cities and levels
// (TestPlacesLeaveTheIDs; TestRegionFigureByAgency's items run in parallel
// found it).
func (c *genCache[K, V]) lookup(gen int64, keys []K, found func(K, V)) (missing []K) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen || gen&1 != 0 {
		return slices.Clone(keys)
	}
	for _, k := range keys {
		if v, ok := c.m[k]; ok {
			found(k, v)
		} else {
			missing = append(missing, k)
		}
	}
	return missing
}

// put keeps the answer for k, read after Generation returned gen, which the
// caller found Unchanged after the read: an answer read while a write was
// under way or came is not to be kept. One of an odd generation is not
// kept. Answers of another generation are dropped first; an answer read
// before a write that another request has already seen is not kept.
func (c *genCache[K, V]) put(gen int64, k K, v V) {
	c.putAll(gen, map[K]V{k: v})
}

// putAll keeps the answers of kv, read after Generation returned gen, as
// put keeps each, within the cache's bound (max, keepFull).
func (c *genCache[K, V]) putAll(gen int64, kv map[K]V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen < c.gen || gen&1 != 0 {
		return
	}
	if gen != c.gen || c.m == nil {
		c.gen, c.m = gen, map[K]V{}
	}
	limit := c.max
	if limit == 0 {
		limit = narrowCacheMax
	}
	for k, v := range kv {
		if len(c.m) >= limit {
			if c.keepFull {
				return
			}
			c.m = map[K]V{}
		}
		c.m[k] = v
	}
}

// caughtUpCache keeps cellsCaughtUp's answer for as long as Generation does
// not change.
type caughtUpCache struct {
	mu    sync.Mutex
	gen   int64
	known bool
	up    bool
}

// get returns the answer kept at generation gen, and whether there is one
// (never at an odd generation).
func (c *caughtUpCache) get(gen int64) (up, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.up, c.known && c.gen == gen && gen&1 == 0
}

// put keeps the answer read after Generation returned gen, which the caller
// found Unchanged after the read, unless gen is odd or one of a later
// generation is kept already.
func (c *caughtUpCache) put(gen int64, up bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.known && gen < c.gen || gen&1 != 0 {
		return
	}
	c.gen, c.known, c.up = gen, true, up
}
