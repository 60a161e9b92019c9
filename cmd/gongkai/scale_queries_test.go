package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
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
	scaleQueriesPl = flag.Bool("scale-queries-plan", false, "bench-scale: also run each query's filters again on a profiled connection and print DuckDB's planning time (plan: binding, optimizing and physical planning with the values)")
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
	open := true
	defer func() {
		if open {
			db.Close()
		}
	}()
	g := newFilterGen(t, db)
	type row struct {
		name          string
		p50, p95, max time.Duration
		cpu           time.Duration // mean CPU of the process (all threads, DuckDB's too) per run
		plan          time.Duration // mean planning per run (-scale-queries-plan)
	}
	var rows []row
	filters := map[string][]warehouse.Filter{}
	for _, q := range queries.List() {
		if *scaleQueriesOf != "" && !strings.Contains(q.Name, *scaleQueriesOf) {
			continue
		}
		var ds []time.Duration
		var fs []warehouse.Filter
		cpu0 := processCPU()
		for range *scaleQueriesN {
			f := g.filter()
			start := time.Now()
			if _, err := db.Query(ctx, q.Name, f); err != nil {
				t.Fatalf("%s %+v: %v", q.Name, f, err)
			}
			ds = append(ds, time.Since(start))
			fs = append(fs, f)
		}
		cpu := (processCPU() - cpu0) / time.Duration(len(ds))
		slices.Sort(ds)
		rows = append(rows, row{name: q.Name, p50: pct(ds, 50), p95: pct(ds, 95), max: ds[len(ds)-1], cpu: cpu})
		filters[q.Name] = fs
	}
	if *scaleQueriesPl {
		// DuckDB opens a file once per process with one configuration.
		open = false
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		prof, err := newPlanProfiler(ctx, *scaleQueriesDB, t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		defer prof.close()
		for i, r := range rows {
			q, _ := queries.Get(r.name)
			if rows[i].plan, err = prof.mean(ctx, q, filters[r.name]); err != nil {
				t.Fatalf("%s: planning profile: %v", r.name, err)
			}
		}
	}
	slices.SortFunc(rows, func(a, b row) int { return int(b.p95 - a.p95) })
	fmt.Fprintf(os.Stdout, "# named queries on %s, %d runs each, load average %.1f\n", *scaleQueriesDB, *scaleQueriesN, loadAverage())
	var sumCPU, sumPlan time.Duration
	for _, r := range rows {
		line := fmt.Sprintf("%-26s p50 %8s  p95 %8s  max %8s  cpu %8s", r.name, ms(r.p50), ms(r.p95), ms(r.max), ms(r.cpu))
		if *scaleQueriesPl {
			line += fmt.Sprintf("  plan %8s", ms(r.plan))
		}
		fmt.Fprintln(os.Stdout, line)
		sumCPU += r.cpu
		sumPlan += r.plan
	}
	if *scaleQueriesPl {
		fmt.Fprintf(os.Stdout, "%-26s %50s  cpu %8s  plan %8s\n", "sum of the means", "", ms(sumCPU), ms(sumPlan))
	}
}

// planProfiler runs named queries on a connection of its own to the
// warehouse (read-only, DuckDB's detailed profiling on: a warehouse's own
// connections lock their configuration) and reads from each run's profile
// how long DuckDB spent planning it.
type planProfiler struct {
	db   *sql.DB
	conn *sql.Conn
	out  string // the profile of the last run (JSON)
}

// newPlanProfiler opens the warehouse at path read-only a second time, with
// the server's memory limit, writing its profiles into dir. Its error is
// the database's.
func newPlanProfiler(ctx context.Context, path, dir string) (*planProfiler, error) {
	db, err := sql.Open("duckdb", path+"?access_mode=READ_ONLY&memory_limit="+serveMemoryLimit)
	if err != nil {
		return nil, err
	}
	p := &planProfiler{db: db, out: filepath.Join(dir, "profile.json")}
	if p.conn, err = db.Conn(ctx); err != nil {
		db.Close()
		return nil, err
	}
	for _, set := range []string{"SET profiling_mode = 'detailed'", "SET enable_profiling = 'json'", "SET profiling_output = '" + p.out + "'"} {
		if _, err := p.conn.ExecContext(ctx, set); err != nil {
			p.close()
			return nil, err
		}
	}
	return p, nil
}

// mean runs q once with each filter's values through one prepared
// statement, as DB.Query runs a kept statement, and returns the mean time
// DuckDB's profile gives to planning it: binding, optimizing and physical
// planning, which DuckDB does again with the values at every run (the
// parse and the binding without values, done once, are not counted). Its
// error is the database's or the profile's.
func (p *planProfiler) mean(ctx context.Context, q queries.Query, fs []warehouse.Filter) (time.Duration, error) {
	st, err := p.conn.PrepareContext(ctx, q.SQL)
	if err != nil {
		return 0, err
	}
	defer st.Close()
	var sum float64
	for _, f := range fs {
		rows, err := st.QueryContext(ctx, f.Args(q.Params)...)
		if err != nil {
			return 0, err
		}
		for rows.Next() {
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return 0, err
		}
		b, err := os.ReadFile(p.out)
		if err != nil {
			return 0, err
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			return 0, fmt.Errorf("profile: %w", err)
		}
		for _, k := range []string{"planner", "all_optimizers", "physical_planner"} {
			v, ok := m[k].(float64)
			if !ok {
				return 0, fmt.Errorf("profile has no %s", k)
			}
			sum += v
		}
	}
	return time.Duration(sum / float64(len(fs)) * float64(time.Second)), nil
}

func (p *planProfiler) close() {
	p.conn.Close()
	p.db.Close()
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
