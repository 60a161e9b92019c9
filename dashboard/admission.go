package dashboard

import (
	"context"
	"fmt"
	"net/http"
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
// answer and keeps it until its answer starts going out (or its handler
// returns), so a page's queries run without waiting again between them; the
// queries a page runs at once (parallel.go) share its one slot. The answer
// is written without the slot: a client that reads slowly, or is not given
// the CPU to read while the server's queries run, must not keep the next
// page from its queries. A handler that queries again after writing waits
// for a slot again. Static files, the login, uploads and the SQL console
// (which has its own limit) never take one.

// slotKey is the request context's key of its *slot.
type slotKey struct{}

// slot is whether a request holds one of the handler's slots.
type slot struct {
	mu   sync.Mutex
	held bool
}

// release gives the slot back if the request holds it.
func (s *slot) release(slots chan struct{}) {
	s.mu.Lock()
	if s.held {
		s.held = false
		<-slots
	}
	s.mu.Unlock()
}

// admit gives each request a place to record its slot, and gives the slot
// back when the answer's first byte or header is written, or when the
// handler returns (or panics).
func (h *handler) admit(next echo.HandlerFunc) echo.HandlerFunc {
	if h.slots == nil {
		return next
	}
	return func(c echo.Context) error {
		s := &slot{}
		req := c.Request()
		c.SetRequest(req.WithContext(context.WithValue(req.Context(), slotKey{}, s)))
		res := c.Response()
		w := res.Writer
		res.Writer = &releasingWriter{ResponseWriter: w, release: func() { s.release(h.slots) }}
		defer func() {
			res.Writer = w
			s.release(h.slots)
		}()
		return next(c)
	}
}

// releasingWriter gives the request's slot back before the answer goes
// out. Unwrap lets http.ResponseController reach the connection's own
// writer (flushing a download).
type releasingWriter struct {
	http.ResponseWriter
	release func()
}

func (w *releasingWriter) WriteHeader(code int) {
	w.release()
	w.ResponseWriter.WriteHeader(code)
}

func (w *releasingWriter) Write(b []byte) (int, error) {
	w.release()
	return w.ResponseWriter.Write(b)
}

func (w *releasingWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// runQuery runs a named query once the request holds a slot, waiting for
// one as long as the request may take. It returns the query's errors, and
// a *gongkai.Error with CodeBusy when the request's time ran out while
// waiting.
func (h *handler) runQuery(ctx context.Context, name string, f warehouse.Filter) (*warehouse.Table, error) {
	if err := h.holdSlot(ctx); err != nil {
		return nil, err
	}
	start := time.Now()
	defer timeQuery(ctx, name, start)
	return h.dbQuery(ctx, name, f)
}

// holdSlot takes a slot for the request of ctx unless it holds one (or
// requests take none), waiting as long as the request may take; its error
// is runQuery's CodeBusy. The query cache calls it before a request runs a
// query others may wait for (queryCache.hold).
func (h *handler) holdSlot(ctx context.Context) error {
	s, _ := ctx.Value(slotKey{}).(*slot)
	if s == nil || h.slots == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.held {
		return nil
	}
	select {
	case h.slots <- struct{}{}:
		s.held = true
		return nil
	case <-ctx.Done():
		// Not the context's error, which the error page would show as a
		// slow query to narrow down.
		return &gongkai.Error{Code: gongkai.CodeBusy, Message: "服务器繁忙，请稍后再试。",
			Err: fmt.Errorf("dashboard: no free page slot in time (%d in use): %v", cap(h.slots), ctx.Err())}
	}
}
