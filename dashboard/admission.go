package dashboard

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"gongkai"
	"gongkai/warehouse"
)

// Admission control: at most Options.PageConcurrency requests run the
// warehouse's named queries at once; the others wait their turn. On two
// cores, eight pages whose queries all run at once each take eight times as
// long (and hold their working memory together), so under load every page
// is slow and the slowest very slow; taking turns, a page costs its own
// queries plus its wait, and DuckDB's memory holds fewer queries at once.
//
// A request takes its slot at its first named query that the cache does not
// answer and keeps it until its handler returns, so a page's queries run
// without waiting again between them; the queries a page runs at once
// (parallel.go) share its one slot. Static files, the
// login, uploads and the SQL console (which has its own limit) never take
// one.

// slotKey is the request context's key of its *slot.
type slotKey struct{}

// slot is whether a request holds one of the handler's slots.
type slot struct {
	mu   sync.Mutex
	held bool
}

// admit gives each request a place to record its slot, and gives the slot
// back when the handler returns (or panics).
func (h *handler) admit(next echo.HandlerFunc) echo.HandlerFunc {
	if h.slots == nil {
		return next
	}
	return func(c echo.Context) error {
		s := &slot{}
		req := c.Request()
		c.SetRequest(req.WithContext(context.WithValue(req.Context(), slotKey{}, s)))
		defer func() {
			s.mu.Lock()
			if s.held {
				s.held = false
				<-h.slots
			}
			s.mu.Unlock()
		}()
		return next(c)
	}
}

// runQuery runs a named query once the request holds a slot, waiting for
// one as long as the request may take. It returns the query's errors, and
// a *gongkai.Error with CodeBusy when the request's time ran out while
// waiting.
func (h *handler) runQuery(ctx context.Context, name string, f warehouse.Filter) (*warehouse.Table, error) {
	if s, _ := ctx.Value(slotKey{}).(*slot); s != nil && h.slots != nil {
		s.mu.Lock()
		if !s.held {
			select {
			case h.slots <- struct{}{}:
				s.held = true
			case <-ctx.Done():
				s.mu.Unlock()
				// Not the context's error, which the error page would
				// show as a slow query to narrow down.
				return nil, &gongkai.Error{Code: gongkai.CodeBusy, Message: "服务器繁忙，请稍后再试。",
					Err: fmt.Errorf("dashboard: no free page slot in time (%d in use): %v", cap(h.slots), ctx.Err())}
			}
		}
		s.mu.Unlock()
	}
	start := time.Now()
	defer timeQuery(ctx, name, start)
	return h.dbQuery(ctx, name, f)
}
