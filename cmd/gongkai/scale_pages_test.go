package main

import (
	"cmp"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"gongkai/dashboard"
	"gongkai/warehouse"
)

var (
	scalePagesDB = flag.String("scale-pages", "", "bench-scale: a warehouse whose pages are timed part by part in this process (read-only); empty skips")
	scalePagesN  = flag.Int("scale-pages-n", 120, "bench-scale: page requests, for one client")
	scalePagesTh = flag.Int("scale-pages-threads", serveThreads, "bench-scale: DuckDB threads for -scale-pages (default serve's; 0: one per CPU)")
	scalePagesSe = flag.Bool("scale-pages-serial", false, "bench-scale: -scale-pages runs each page's queries one after another (dashboard.Options.SerialQueries)")
	scalePagesSl = flag.Int("scale-pages-slots", defaultPageConcurrency, "bench-scale: -scale-pages requests that query at once (serve --page-concurrency; 0: no limit)")
	scalePagesCl = flag.Int("scale-pages-clients", 1, "bench-scale: -scale-pages clients at once (more than one: latency per page and CPU per request only, not the parts)")
	scalePagesOf = flag.String("scale-pages-only", "", "bench-scale: -scale-pages serves only the requests of this page (\"/quality\"), of the same -scale-pages-n")
	scalePagesWm = flag.Bool("scale-pages-warm", true, "bench-scale: -scale-pages reads ahead what /compare reads once a build (warehouse.DB.WarmCompare) and the agencies' places (WarmPlaces), as serve's dashboard warm-up does at start, before the timed requests")
	scalePagesBu = flag.String("scale-pages-duck-budget", "", "bench-scale: -scale-pages puts serve's budget on DuckDB's allocator for this cap (\"4GB\", as serve --process-memory; duckbudget_linux.go) before it opens the warehouse, to time its hooks; empty: none. Run with DUCKDB_JE_MALLOC_CONF as serve sets it (allocatorConf) either way")
	scalePagesSw = flag.Int("scale-pages-slowest", 0, "bench-scale: -scale-pages also lists this many slowest requests, with their CPU and queries' time")
)

// processCPU is the CPU time this process has used so far, user and
// system, over all its threads: DuckDB's workers and cgo calls count.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakRSS is the most memory this process has held resident so far, in
// bytes (getrusage's maxrss, which Linux gives in KiB).
func peakRSS() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return int64(ru.Maxrss) << 10
}

// TestScalePages serves bench-scale's page requests (random filters, page
// cache off, one client) from the real router in this process over a
// warehouse opened read-only with the server's memory limit, and prints per
// page where the time went, from the request log's parts (timing.go): the
// named queries (their number, summed time and wall span), the filter bar's
// choices, the template, and the rest (middleware, charts, tables, and
// what the page reads from the warehouse other than by named queries). The
// queries' span is the wall time from the first one's start to the last
// one's end; their summed time exceeds it when they run at once. The CPU
// column is the process's CPU time (every thread, DuckDB's workers too)
// over each request, the cost that eight clients on two cores share. With
// -scale-pages-clients above one it serves that many closed-loop clients
// at once, as bench-scale's eight, and prints each page's latency and the
// CPU per request over the whole run. DuckDB's allocator reads its setting
// only as the process starts, and this process is not serve, which sets
// it (allocatorConf): run with DUCKDB_JE_MALLOC_CONF set as serve sets it
// to measure as serve runs (the header prints it; unset, jemalloc's
// defaults give other page faults).
func TestScalePages(t *testing.T) {
	if *scalePagesDB == "" {
		t.Skip("run with -scale-pages PATH")
	}
	ctx := context.Background()
	if *scalePagesBu != "" {
		n, err := parseBytes(*scalePagesBu)
		if err != nil {
			t.Fatal(err)
		}
		budget, err := budgetDuckDB(ctx, n)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("DuckDB's allocator budgeted at %s below a cap of %s", formatBytes(budget), formatBytes(n))
		defer func() { t.Logf("DuckDB's allocator: %d MB mapped, %d refused", duckMapped()>>20, duckRefused()) }()
	}
	db, err := warehouse.OpenWith(ctx, *scalePagesDB, warehouse.Options{ReadOnly: true, MemoryLimit: serveMemoryLimit, Threads: *scalePagesTh})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	gen := newFilterGen(t, db)
	if *scalePagesWm {
		if err := db.WarmCompare(ctx); err != nil {
			t.Fatal(err)
		}
		if err := db.WarmPlaces(ctx); err != nil {
			t.Fatal(err)
		}
	}
	var log syncBuffer
	srv := dashboard.New(db, slog.New(slog.NewJSONHandler(&log, nil)), dashboard.Options{CacheEntries: -1, Public: true, SerialQueries: *scalePagesSe,
		PageConcurrency: *scalePagesSl})
	type parts struct {
		Queries                                    int
		Query, Span, Options, Render, Latency, CPU float64
	}
	type sample struct {
		total time.Duration
		path  string
		parts
	}
	byPage := map[string][]sample{}
	reqs := gen.requests(*scalePagesN)
	if *scalePagesOf != "" {
		// The same requests of that page as in a run of all pages, fewer.
		reqs = slices.DeleteFunc(reqs, func(r scaleRequest) bool { return r.page != *scalePagesOf })
	}
	if *scalePagesCl > 1 {
		scalePagesClients(t, srv, reqs, *scalePagesCl)
		return
	}
	var mu sync.Mutex
	for _, r := range reqs {
		before := len(log.String())
		rec := httptest.NewRecorder()
		cpu0 := processCPU()
		t0 := time.Now()
		srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, r.path, nil))
		d := time.Since(t0)
		cpu := processCPU() - cpu0
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s: %d %.300s", r.path, rec.Code, rec.Body.String())
		}
		var line struct {
			Queries int     `json:"queries"`
			Query   float64 `json:"query_ms"`
			Span    float64 `json:"query_span_ms"`
			Options float64 `json:"options_ms"`
			Render  float64 `json:"render_ms"`
		}
		if err := json.Unmarshal([]byte(log.String()[before:]), &line); err != nil {
			t.Fatalf("request log of %s: %v", r.path, err)
		}
		mu.Lock()
		byPage[r.page] = append(byPage[r.page], sample{d, r.path, parts{line.Queries, line.Query, line.Span, line.Options, line.Render, 0,
			float64(cpu.Microseconds()) / 1000}})
		mu.Unlock()
	}
	fmt.Fprintf(os.Stdout, "# pages on %s, %d requests, one client, in-process, serial queries %v, %s=%q, load average %.1f\n",
		*scalePagesDB, len(reqs), *scalePagesSe, "DUCKDB_JE_MALLOC_CONF", os.Getenv("DUCKDB_JE_MALLOC_CONF"), loadAverage())
	fmt.Fprintf(os.Stdout, "%-17s %9s %9s | mean ms: %6s %7s %7s %7s %7s %7s %7s %7s\n", "page", "p50", "p95", "total", "queries", "query", "span", "options", "render", "rest", "cpu")
	var all []time.Duration
	var allCPU float64
	for _, p := range scalePages {
		ss := byPage[p]
		if len(ss) == 0 {
			continue
		}
		var ds []time.Duration
		var sum parts
		var total float64
		for _, s := range ss {
			ds = append(ds, s.total)
			total += float64(s.total.Microseconds()) / 1000
			sum.Queries += s.Queries
			sum.Query += s.Query
			sum.Span += s.Span
			sum.Options += s.Options
			sum.Render += s.Render
			sum.CPU += s.CPU
		}
		allCPU += sum.CPU
		all = append(all, ds...)
		n := float64(len(ss))
		fmt.Fprintf(os.Stdout, "%-17s %9s %9s | %15.1f %7.1f %7.1f %7.1f %7.1f %7.1f %7.1f %7.1f\n", p, ms(pct(ds, 50)), ms(pct(ds, 95)),
			total/n, float64(sum.Queries)/n, sum.Query/n, sum.Span/n, sum.Options/n, sum.Render/n, (total-sum.Span-sum.Render)/n, sum.CPU/n)
	}
	fmt.Fprintf(os.Stdout, "%-17s %9s %9s | cpu per request %.1f ms, peak RSS %d MB\n", "all", ms(pct(all, 50)), ms(pct(all, 95)), allCPU/float64(len(all)), peakRSS()>>20)
	if *scalePagesSw > 0 {
		var ss []sample
		for _, p := range scalePages {
			ss = append(ss, byPage[p]...)
		}
		slices.SortFunc(ss, func(a, b sample) int { return cmp.Compare(b.total, a.total) })
		fmt.Fprintf(os.Stdout, "# the slowest requests: ms, cpu ms, queries' summed ms, path\n")
		for _, s := range ss[:min(len(ss), *scalePagesSw)] {
			fmt.Fprintf(os.Stdout, "%8s %7.1f %7.1f  %s\n", ms(s.total), s.CPU, s.Query, s.path)
		}
	}
}

// scalePagesClients serves reqs from srv to n closed-loop clients at once,
// each taking the next request when its last one is answered, and prints
// each page's p50/p95 and the process's CPU per request over the run.
func scalePagesClients(t *testing.T, srv http.Handler, reqs []scaleRequest, n int) {
	cpu0, t0 := processCPU(), time.Now()
	byPage := closedLoop(reqs, n, func(r scaleRequest) time.Duration {
		rec := httptest.NewRecorder()
		start := time.Now()
		srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, r.path, nil))
		d := time.Since(start)
		if rec.Code != http.StatusOK {
			t.Errorf("GET %s: %d %.300s", r.path, rec.Code, rec.Body.String())
		}
		return d
	})
	cpu, wall := processCPU()-cpu0, time.Since(t0)
	fmt.Fprintf(os.Stdout, "# pages on %s, %d requests, %d clients, in-process, serial queries %v, %d slots, %s=%q, load average %.1f\n",
		*scalePagesDB, len(reqs), n, *scalePagesSe, *scalePagesSl, "DUCKDB_JE_MALLOC_CONF", os.Getenv("DUCKDB_JE_MALLOC_CONF"), loadAverage())
	var all []time.Duration
	for _, p := range scalePages {
		ds := byPage[p]
		if len(ds) == 0 {
			continue
		}
		all = append(all, ds...)
		fmt.Fprintf(os.Stdout, "%-17s p50 %9s  p95 %9s  max %9s\n", p, ms(pct(ds, 50)), ms(pct(ds, 95)), ms(pct(ds, 100)))
	}
	fmt.Fprintf(os.Stdout, "%-17s p50 %9s  p95 %9s  | %.1f requests/s, cpu per request %.1f ms, peak RSS %d MB\n", "all", ms(pct(all, 50)), ms(pct(all, 95)),
		float64(len(all))/wall.Seconds(), float64(cpu.Microseconds())/1000/float64(len(all)), peakRSS()>>20)
}
