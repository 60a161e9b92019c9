package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"gongkai/queries"
	"gongkai/warehouse"
)

var (
	scaleQueriesDB = flag.String("scale-queries", "", "bench-scale: a warehouse whose named queries are timed one by one (read-only); empty skips")
	scaleQueriesN  = flag.Int("scale-queries-n", 40, "bench-scale: runs of each named query, each with its own random filter")
	scaleQueriesOf = flag.String("scale-queries-only", "", "bench-scale: time only the named queries whose names contain this")
	scaleQueriesAg = flag.String("scale-queries-agency", "", "bench-scale: \"always\" or \"never\" gives every filter a piece of an agency's name or none (default one in three)")
	scaleQueriesTh = flag.Int("scale-queries-threads", serveThreads, "bench-scale: DuckDB threads for -scale-queries (default serve's; 0: one per CPU)")
)

// TestScaleQueries times every named query alone, uncached, with the
// filters bench-scale's pages get, on a warehouse opened read-only with the
// server's memory limit: where a page's time goes. It prints one line per
// query, slowest p95 first.
func TestScaleQueries(t *testing.T) {
	if *scaleQueriesDB == "" {
		t.Skip("run with -scale-queries PATH")
	}
	ctx := context.Background()
	db, err := warehouse.OpenWith(ctx, *scaleQueriesDB, warehouse.Options{ReadOnly: true, MemoryLimit: serveMemoryLimit, Threads: *scaleQueriesTh})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	g := newFilterGen(t, db)
	type row struct {
		name          string
		p50, p95, max time.Duration
		cpu           time.Duration // mean CPU of the process (all threads, DuckDB's too) per run
	}
	var rows []row
	for _, q := range queries.List() {
		if *scaleQueriesOf != "" && !strings.Contains(q.Name, *scaleQueriesOf) {
			continue
		}
		var ds []time.Duration
		cpu0 := processCPU()
		for range *scaleQueriesN {
			f := g.filter()
			start := time.Now()
			if _, err := db.Query(ctx, q.Name, f); err != nil {
				t.Fatalf("%s %+v: %v", q.Name, f, err)
			}
			ds = append(ds, time.Since(start))
		}
		cpu := (processCPU() - cpu0) / time.Duration(len(ds))
		slices.Sort(ds)
		rows = append(rows, row{q.Name, pct(ds, 50), pct(ds, 95), ds[len(ds)-1], cpu})
	}
	slices.SortFunc(rows, func(a, b row) int { return int(b.p95 - a.p95) })
	fmt.Fprintf(os.Stdout, "# named queries on %s, %d runs each, load average %.1f\n", *scaleQueriesDB, *scaleQueriesN, loadAverage())
	for _, r := range rows {
		fmt.Fprintf(os.Stdout, "%-26s p50 %8s  p95 %8s  max %8s  cpu %8s\n", r.name, ms(r.p50), ms(r.p95), ms(r.max), ms(r.cpu))
	}
}

// filter is one random filter as the pages' requests get them, with an
// agency, a report and a figure for the queries that take one.
func (g *filterGen) filter() warehouse.Filter {
	var f warehouse.Filter
	if g.rng.IntN(2) == 0 {
		f.YearFrom = 2019 + g.rng.IntN(6)
		f.YearTo = f.YearFrom + g.rng.IntN(2025-f.YearFrom)
	}
	if len(g.provinces) > 0 && g.rng.IntN(2) == 0 {
		f.Province = g.provinces[g.rng.IntN(len(g.provinces))]
		if cs := g.cities[f.Province]; g.rng.IntN(3) == 0 {
			f.City = cs[g.rng.IntN(len(cs))]
		}
	}
	if len(g.levels) > 0 && g.rng.IntN(3) == 0 {
		f.Level = g.levels[g.rng.IntN(len(g.levels))]
	}
	if piece := g.rng.IntN(3) == 0; len(g.names) > 0 && (*scaleQueriesAg == "always" || piece && *scaleQueriesAg != "never") {
		name := []rune(g.names[g.rng.IntN(len(g.names))])
		at := g.rng.IntN(max(1, len(name)-2))
		f.Agency = string(name[at:min(len(name), at+2)])
	}
	c := g.cells[g.rng.IntN(len(g.cells))]
	f.Measure, f.Applicant = c[0], c[1]
	f.AgencyID = g.agencies[g.rng.IntN(len(g.agencies))]
	f.ReportID = g.reports[g.rng.IntN(len(g.reports))]
	f.Limit = 20
	// quality_findings: 报送与质量 passes no report (one in ten is the
	// report page's download of its findings) and one of its status tabs,
	// as quality_matrix does.
	if g.rng.IntN(10) != 0 {
		f.ReportID = 0
	}
	f.Status = []string{"", "missing", "errors", "warnings", "ok"}[g.rng.IntN(5)]
	return f
}
