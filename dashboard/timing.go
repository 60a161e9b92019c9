package dashboard

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// Where a page's time goes: logRequests gives each request a *timing, the
// warehouse's named queries and the template add to it, and the request's
// log line carries the parts (queries, their summed and wall time, the
// filter bar's choices, the template), so that a slow page can be traced to
// its part without a profiler. Queries answered by the cache count as none.

// timingKey is the request context's key of its *timing.
type timingKey struct{}

// timing is what one request spent in its parts. A page's queries may run
// at once, so it is guarded.
type timing struct {
	mu      sync.Mutex
	queries int
	query   time.Duration // the queries' own times, summed
	first   time.Time     // when the first query started
	last    time.Time     // when the last query ended
	options time.Duration // filter_options
	render  time.Duration // the template
}

func withTiming(ctx context.Context) (context.Context, *timing) {
	t := &timing{}
	return context.WithValue(ctx, timingKey{}, t), t
}

// timeQuery records a named query that ran from start until now.
func timeQuery(ctx context.Context, name string, start time.Time) {
	t, _ := ctx.Value(timingKey{}).(*timing)
	if t == nil {
		return
	}
	end := time.Now()
	t.mu.Lock()
	t.queries++
	t.query += end.Sub(start)
	if name == "filter_options" {
		t.options += end.Sub(start)
	}
	if t.first.IsZero() || start.Before(t.first) {
		t.first = start
	}
	if end.After(t.last) {
		t.last = end
	}
	t.mu.Unlock()
}

// timeRender records the template's time.
func timeRender(ctx context.Context, d time.Duration) {
	if t, _ := ctx.Value(timingKey{}).(*timing); t != nil {
		t.mu.Lock()
		t.render += d
		t.mu.Unlock()
	}
}

// attrs are the request log's fields for t; none for a request that ran no
// query and rendered no page (static files, redirects).
func (t *timing) attrs() []slog.Attr {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.queries == 0 && t.render == 0 {
		return nil
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	var span time.Duration
	if t.queries > 0 {
		span = t.last.Sub(t.first)
	}
	return []slog.Attr{
		slog.Int("queries", t.queries), slog.Float64("query_ms", ms(t.query)), slog.Float64("query_span_ms", ms(span)),
		slog.Float64("options_ms", ms(t.options)), slog.Float64("render_ms", ms(t.render)),
	}
}
