package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"

	"gongkai/dashboard"
	"gongkai/warehouse"
)

var (
	scalePairDBs  = flag.String("scale-pair", "", "bench-scale: two warehouses of the same rows, comma-separated, whose pages are served request by request in this process (read-only); empty skips")
	scalePairN    = flag.Int("scale-pair-n", 1300, "bench-scale: page requests for -scale-pair, each served on both warehouses")
	scalePairOnly = flag.String("scale-pair-only", "", "bench-scale: -scale-pair serves only the requests of these pages, comma-separated (\"/quality,/agencies\")")
	scalePairDiff = flag.Bool("scale-pair-differ", false, "bench-scale: the two warehouses hold different data on purpose (the same roster, a change to the demo's data): their pages are timed, not compared")
)

// scalePairWarmup is how many requests each warehouse serves untimed
// before the pairs, so that neither pays alone for the first reads of its
// file.
const scalePairWarmup = 24

// TestScalePair compares two warehouses of the same rows laid out apart (a
// file migrated in place against its rewritten copy, a table in another
// row order) on bench-scale's page requests: each request is served by
// both, one right after the other, from the real router in this process
// (read-only, the server's memory limit and threads, page cache off), the
// first of the two taking turns by page, and it prints per page the CPU a
// request on each (the process's CPU over the request, DuckDB's workers
// too) and the mean of the paired differences with its standard error.
// A whole run of -scale-pages on each file in turn moves with the machine
// (on the shared machine of session 25, six runs of one binary on two
// files in one hold gave 55.1 to 70.6 ms a request); the pairs see the same
// moment of the machine, so that a difference of ~1 ms a request over the
// page mix stands out. Both warehouses must answer every request alike:
// a page whose body differs between them fails the test, since the files
// then do not hold the same rows or a page depends on the order of a
// table's rows — unless -scale-pair-differ says they differ on purpose (the
// bench's data before and after a change to the demo, same roster).
func TestScalePair(t *testing.T) {
	if *scalePairDBs == "" {
		t.Skip("run with -scale-pair PATH_A,PATH_B")
	}
	paths := strings.Split(*scalePairDBs, ",")
	if len(paths) != 2 {
		t.Fatalf("-scale-pair takes two warehouses, got %q", *scalePairDBs)
	}
	ctx := context.Background()
	var srvs [2]http.Handler
	var gen *filterGen
	for i, p := range paths {
		// Older: a file before a migration is paired with its migrated
		// copy (a change of a table's storage) as it is.
		db, err := warehouse.OpenWith(ctx, p, warehouse.Options{ReadOnly: true, Older: true, MemoryLimit: serveMemoryLimit, Threads: serveThreads})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if gen == nil {
			gen = newFilterGen(t, db)
		}
		srvs[i] = dashboard.New(db, slog.New(slog.NewJSONHandler(io.Discard, nil)), dashboard.Options{CacheEntries: -1, Public: true,
			PageConcurrency: defaultPageConcurrency})
	}
	reqs := gen.requests(*scalePairN)
	if *scalePairOnly != "" {
		only := strings.Split(*scalePairOnly, ",")
		reqs = slices.DeleteFunc(reqs, func(r scaleRequest) bool { return !slices.Contains(only, r.page) })
	}
	serve := func(k int, path string) (string, float64) {
		rec := httptest.NewRecorder()
		cpu0 := processCPU()
		srvs[k].ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		cpu := float64((processCPU() - cpu0).Microseconds()) / 1000
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s on %s: %d %.300s", path, paths[k], rec.Code, rec.Body.String())
		}
		return rec.Body.String(), cpu
	}
	for _, r := range reqs[:min(scalePairWarmup, len(reqs))] {
		serve(0, r.path)
		serve(1, r.path)
	}
	type sums struct {
		n           int
		a, b, d, dd float64
	}
	byPage := map[string]*sums{}
	var all sums
	for _, r := range reqs {
		s := byPage[r.page]
		if s == nil {
			s = &sums{}
			byPage[r.page] = s
		}
		// The first of the two takes turns within each page: a page's
		// requests come at a fixed stride, so turns over all requests
		// would let one warehouse go first on every request of a page.
		order := [2]int{0, 1}
		if s.n%2 == 1 {
			order = [2]int{1, 0}
		}
		var body [2]string
		var cpu [2]float64
		for _, k := range order {
			body[k], cpu[k] = serve(k, r.path)
		}
		if body[0] != body[1] && !*scalePairDiff {
			t.Errorf("GET %s: the two warehouses answer differently (%d and %d bytes)", r.path, len(body[0]), len(body[1]))
		}
		for _, x := range []*sums{s, &all} {
			d := cpu[1] - cpu[0]
			x.n++
			x.a += cpu[0]
			x.b += cpu[1]
			x.d += d
			x.dd += d * d
		}
	}
	fmt.Fprintf(os.Stdout, "# pages on A %s and B %s, %d requests each, one client, in-process, load average %.1f\n",
		paths[0], paths[1], len(reqs), loadAverage())
	fmt.Fprintf(os.Stdout, "%-17s %5s | cpu ms a request %7s %7s %8s %7s %7s\n", "page", "n", "A", "B", "B-A", "±se", "%")
	line := func(name string, x *sums) {
		n := float64(x.n)
		mean := x.d / n
		se := math.Sqrt(max(x.dd/n-mean*mean, 0) / n)
		fmt.Fprintf(os.Stdout, "%-17s %5d | %24.1f %7.1f %+8.2f %7.2f %+7.1f\n", name, x.n, x.a/n, x.b/n, mean, se, 100*mean/(x.a/n))
	}
	for _, p := range scalePages {
		if x := byPage[p]; x != nil {
			line(p, x)
		}
	}
	if all.n > 0 {
		line("all", &all)
	}
}
