package dashboard

import (
	"context"
	"fmt"
	"runtime/debug"
	"sync"

	"gongkai/warehouse"
)

// namedQuery is one of a page's named queries with its filter.
type namedQuery struct {
	name string
	f    warehouse.Filter
}

// queryAll returns the results of a page's independent named queries in
// their order, through the page cache, running them at once unless
// Options.SerialQueries: a page then waits for its slowest query, not for
// the sum of them. The first error wins: the other queries are canceled,
// and their cancellation is not what the page reports. A request holds one
// admission slot however many of its queries run (admission.go), and every
// query has ended when queryAll returns, so none outlives its request or
// its slot. A panic in a query is returned as an error, as recoverPanics
// does for the handler.
func (h *handler) queryAll(ctx context.Context, qs ...namedQuery) ([]*warehouse.Table, error) {
	out := make([]*warehouse.Table, len(qs))
	if h.opts.SerialQueries || len(qs) < 2 {
		for i, q := range qs {
			t, err := h.cache.get(ctx, q.name, q.f, h.runQuery)
			if err != nil {
				return nil, err
			}
			out[i] = t
		}
		return out, nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	fail := func(err error) {
		mu.Lock()
		if first == nil {
			first = err
			cancel()
		}
		mu.Unlock()
	}
	for i, q := range qs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					fail(fmt.Errorf("panic in query %s: %v\n%s", q.name, r, debug.Stack()))
				}
			}()
			t, err := h.cache.get(ctx, q.name, q.f, h.runQuery)
			if err != nil {
				fail(err)
				return
			}
			out[i] = t
		}()
	}
	wg.Wait()
	if first != nil {
		return nil, first
	}
	return out, nil
}
