package dashboard

import (
	"context"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"
)

// warmPaths are the default views of the dashboard pages: what a visitor
// opens first.
var warmPaths = []string{"/", "/licensing", "/proactive", "/applications", "/reviews", "/quality", "/regions", "/compare", "/agencies"}

// warm reads ahead what 地区比较 reads once a build (warehouse.WarmCompare),
// then renders the default view of every dashboard page once, in the
// background, so that their queries are in the cache before anyone asks: on a
// large warehouse a page's first rendering takes seconds, later ones
// milliseconds. Errors are logged by the request log and otherwise ignored.
func (h *handler) warm(e *echo.Echo) {
	start := time.Now()
	h.warmWarehouse()
	for _, p := range warmPaths {
		req, err := http.NewRequestWithContext(withInternalView(context.Background()), http.MethodGet, p, nil)
		if err != nil {
			continue
		}
		e.ServeHTTP(discard{header: http.Header{}}, req)
	}
	h.log.Info("dashboard warmed", "pages", len(warmPaths), "took", time.Since(start).Round(time.Millisecond))
}

// warmWarehouse reads ahead what /compare's first requests after a start or
// an upload would read themselves (warehouse.DB.WarmCompare: the kept
// totals' whole check, ~0.1-0.2 s of CPU at 1M reports, the sample and the
// names its gates count in, and its forms' statements). It runs with the
// page cache on (warm) and off: serve --page-cache 0, as the bench-scale
// end runs serve, read none of it ahead before session 35, and its first
// /compare requests with a piece of a name cost 100-150 ms more CPU each.
func (h *handler) warmWarehouse() {
	start := time.Now()
	if err := h.db.WarmCompare(context.Background()); err != nil {
		h.log.Warn("dashboard: warming 地区比较 failed", "err", err)
		return
	}
	h.log.Info("dashboard: 地区比较 read ahead", "took", time.Since(start).Round(time.Millisecond))
	// The agencies' places by id for 地区汇总's breakdown of a figure
	// (warehouse.DB.WarmPlaces, ~0.3 s of CPU at 1M reports).
	start = time.Now()
	if err := h.db.WarmPlaces(context.Background()); err != nil {
		h.log.Warn("dashboard: reading the agencies' places ahead failed", "err", err)
		return
	}
	h.log.Info("dashboard: agencies' places read ahead", "took", time.Since(start).Round(time.Millisecond))
}

// discard is a ResponseWriter that throws the page away.
type discard struct{ header http.Header }

func (d discard) Header() http.Header         { return d.header }
func (d discard) Write(b []byte) (int, error) { return len(b), nil }
func (d discard) WriteHeader(int)             {}

// warmer runs warm in the background, one run at a time, so that a burst of
// uploads does not start a burst of overlapping warm-ups: a start while a run
// is going queues one more run (which sees every upload so far), and further
// starts while one is queued are dropped.
type warmer struct {
	warm  func()
	state atomic.Int32 // warmIdle, warmRunning or warmQueued
}

const (
	warmIdle int32 = iota
	warmRunning
	warmQueued
)

// start runs warm in a new goroutine, or queues one more run if one is going.
func (w *warmer) start() {
	for {
		switch w.state.Load() {
		case warmIdle:
			if w.state.CompareAndSwap(warmIdle, warmRunning) {
				go w.loop()
				return
			}
		case warmRunning:
			if w.state.CompareAndSwap(warmRunning, warmQueued) {
				return
			}
		default:
			return
		}
	}
}

func (w *warmer) loop() {
	for {
		w.warm()
		if w.state.CompareAndSwap(warmRunning, warmIdle) {
			return
		}
		// Only loop leaves warmQueued, so the state is warmQueued here.
		w.state.Store(warmRunning)
	}
}
