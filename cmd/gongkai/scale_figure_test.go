package main

import (
	"context"
	"flag"
	"fmt"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"gongkai/warehouse"
)

var (
	scaleFigureDB     = flag.String("scale-figure", "", "bench-scale: a warehouse on which region_figure is timed with /regions?measure's own filters (read-only); empty skips")
	scaleFigureN      = flag.Int("scale-figure-n", 1300, "bench-scale: page requests drawn as -scale-pages draws them; region_figure runs the /regions?measure ones among them")
	scaleFigureRounds = flag.Int("scale-figure-rounds", 3, "bench-scale: rounds over the filters; the first warms the cache and is not timed")
	scaleFigureTop    = flag.Int("scale-figure-top", 12, "bench-scale: the slowest filters listed")
	scaleFigureDump   = flag.String("scale-figure-dump", "", "bench-scale: write every filter and its rows here (first round), to compare two binaries' rows")
)

// TestScaleFigure times region_figure alone as /regions?measure asks it:
// the filters of that page among the requests -scale-pages draws (same
// seed), each cut to one year and the default limit (500) as regionFilter
// does, on a warehouse opened read-only with the server's memory limit and
// threads. The page's p95 is decided by its slowest tenth, which at 1M
// reports is mostly cells most reports state 0, listed by name; random
// filters (-scale-queries) draw year ranges and other limits and miss it.
// It prints the mean CPU of the process a query, wall p50 and p95, the same
// by the selection's shape, and the slowest filters with how many of their
// listed rows tie at the last value. Run two binaries on the same file,
// alternated, to compare; -scale-figure-dump writes the rows for a diff.
func TestScaleFigure(t *testing.T) {
	if *scaleFigureDB == "" {
		t.Skip("run with -scale-figure PATH")
	}
	if *scaleFigureRounds < 2 {
		t.Fatal("-scale-figure-rounds must be at least 2: the first is not timed")
	}
	ctx := context.Background()
	db, err := warehouse.OpenWith(ctx, *scaleFigureDB, warehouse.Options{ReadOnly: true, MemoryLimit: serveMemoryLimit, Threads: serveThreads})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	fs := figureFilters(t, db, newFilterGen(t, db).requests(*scaleFigureN))
	if len(fs) == 0 {
		t.Fatal("no /regions?measure request drawn")
	}
	cpu := make([]time.Duration, len(fs))
	wall := make([]time.Duration, len(fs))
	ties := make([]string, len(fs))
	var dump strings.Builder
	for round := range *scaleFigureRounds {
		for i, f := range fs {
			c0, w0 := processCPU(), time.Now()
			tb, err := db.Query(ctx, "region_figure", f)
			if err != nil {
				t.Fatalf("%+v: %v", f, err)
			}
			if round > 0 {
				cpu[i] += processCPU() - c0
				wall[i] += time.Since(w0)
				continue
			}
			fmt.Fprintf(&dump, "%+v\n%v\n", f, tb.Rows)
			ties[i] = tieNote(tb)
		}
	}
	if *scaleFigureDump != "" {
		if err := os.WriteFile(*scaleFigureDump, []byte(dump.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	n := time.Duration(*scaleFigureRounds - 1)
	for i := range fs {
		cpu[i] /= n
		wall[i] /= n
	}
	line := func(label string, idx []int) {
		var c time.Duration
		var ws []time.Duration
		for _, i := range idx {
			c += cpu[i]
			ws = append(ws, wall[i])
		}
		slices.Sort(ws)
		fmt.Printf("%-16s %4d  cpu %8s  p50 %8s  p95 %8s\n", label, len(idx), ms(c/time.Duration(len(idx))), ms(pct(ws, 50)), ms(pct(ws, 95)))
	}
	fmt.Printf("# region_figure on /regions?measure's filters, %s, %d rounds timed, load average %.1f\n", *scaleFigureDB, n, loadAverage())
	fmt.Printf("%-16s %4s  cpu is the process's mean a query; p50, p95 of the wall time\n", "shape", "n")
	all := make([]int, len(fs))
	byShape := map[string][]int{}
	for i, f := range fs {
		all[i] = i
		byShape[figureShape(f)] = append(byShape[figureShape(f)], i)
	}
	line("all", all)
	for _, s := range []string{"country", "province", "city", "level", "province+level"} {
		if len(byShape[s]) > 0 {
			line(s, byShape[s])
		}
	}
	slices.SortFunc(all, func(a, b int) int { return int(wall[b] - wall[a]) })
	fmt.Printf("# slowest (wall, cpu ms): year|province|city|level measure/applicant, rows\n")
	for _, i := range all[:min(*scaleFigureTop, len(all))] {
		f := fs[i]
		fmt.Printf("%8s %8s  %d|%s|%s|%s %s/%s  %s\n", ms(wall[i]), ms(cpu[i]), f.YearFrom, f.Province, f.City, f.Level, f.Measure, f.Applicant, ties[i])
	}
}

// figureFilters turns the /regions?measure requests among reqs into the
// filters the page runs region_figure with: one year (the range's last, or
// the latest year with current reports), its region and level, the
// measure and applicant, the default limit.
func figureFilters(t *testing.T, db *warehouse.DB, reqs []scaleRequest) []warehouse.Filter {
	return regionFilters(t, db, reqs, "/regions?measure")
}

// regionFilters turns the requests of page (/regions or /regions?measure)
// among reqs into the filters the page runs its queries with, as
// figureFilters says.
func regionFilters(t *testing.T, db *warehouse.DB, reqs []scaleRequest, page string) []warehouse.Filter {
	tb, err := db.SQL(context.Background(), "SELECT max(year) FROM reports WHERE is_current")
	if err != nil {
		t.Fatal(err)
	}
	latest := 0
	if len(tb.Rows) > 0 && tb.Rows[0][0] != nil {
		latest, _ = strconv.Atoi(fmt.Sprint(tb.Rows[0][0]))
	}
	var fs []warehouse.Filter
	for _, r := range reqs {
		if r.page != page {
			continue
		}
		u, err := url.Parse(r.path)
		if err != nil {
			t.Fatal(err)
		}
		v := u.Query()
		f := warehouse.Filter{Province: v.Get("province"), City: v.Get("city"), Level: v.Get("level"),
			Measure: v.Get("measure"), Applicant: v.Get("applicant")}
		if f.YearFrom, _ = strconv.Atoi(v.Get("year_to")); f.YearFrom == 0 {
			f.YearFrom = latest
		}
		f.YearTo = f.YearFrom
		fs = append(fs, f)
	}
	return fs
}

// figureShape names what a filter selects: the whole country, a province,
// a city (with or without a level), a level alone, or a province and level.
func figureShape(f warehouse.Filter) string {
	switch {
	case f.City != "":
		return "city"
	case f.Province != "" && f.Level != "":
		return "province+level"
	case f.Province != "":
		return "province"
	case f.Level != "":
		return "level"
	}
	return "country"
}

// tieNote says how many rows region_figure listed, of how many reports,
// and how many of the listed rows share the last one's value (ordered by
// name: the costly case when most reports state 0).
func tieNote(tb *warehouse.Table) string {
	if len(tb.Rows) == 0 {
		return "rows 0"
	}
	col := func(name string) int { return slices.Index(tb.Columns, name) }
	v, total := col("value"), col("reports_total")
	last := fmt.Sprint(tb.Rows[len(tb.Rows)-1][v])
	ties := 0
	for _, r := range tb.Rows {
		if fmt.Sprint(r[v]) == last {
			ties++
		}
	}
	return fmt.Sprintf("rows %d of %v, last %s, %d tie", len(tb.Rows), tb.Rows[0][total], last, ties)
}
