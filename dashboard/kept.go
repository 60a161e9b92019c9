package dashboard

import (
	"context"
	"sync"

	"gongkai/warehouse"
)

// keptResults holds the latest result of the named queries whose results
// every page needs but no page shows as a figure: the filter bar's choices
// (filter_options) and whether the warehouse holds demo reports
// (demo_status). Each is kept with the warehouse generation it was read at
// (warehouse.DB.Generation), even with the page cache off: at a million
// reports filter_options alone took 10–14 ms of every dashboard page, and
// neither changes but with the data. A load, confirmation or region
// correction changes the generation, so the next page asks again. Results
// are shared and must not be modified.
type keptResults struct {
	mu      sync.Mutex
	results map[string]keptResult
}

type keptResult struct {
	gen   int64
	table *warehouse.Table
}

// get returns the result of the kept query name, running it through run
// when the warehouse has changed since it was kept. Errors are not kept.
// The generation is read before the query runs, and the result kept only
// when it is even and unchanged once the query ran (warehouse.DB.Unchanged):
// a result read while a write was under way (the generation odd, from
// before its commit) or came may be of the state before it, and is
// answered but not kept.
func (k *keptResults) get(ctx context.Context, db *warehouse.DB, name string,
	run func(context.Context, string, warehouse.Filter) (*warehouse.Table, error)) (*warehouse.Table, error) {
	gen := db.Generation()
	k.mu.Lock()
	r, ok := k.results[name]
	k.mu.Unlock()
	if ok && r.gen == gen && gen&1 == 0 {
		return r.table, nil
	}
	t, err := run(ctx, name, warehouse.Filter{})
	if err != nil {
		return nil, err
	}
	if !db.Unchanged(gen) {
		return t, nil
	}
	k.mu.Lock()
	if k.results == nil {
		k.results = map[string]keptResult{}
	}
	if old, ok := k.results[name]; !ok || old.gen <= gen {
		k.results[name] = keptResult{gen, t}
	}
	k.mu.Unlock()
	return t, nil
}
