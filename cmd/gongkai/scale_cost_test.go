package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"gongkai/queries"
	"gongkai/warehouse"
)

var (
	scaleCostDB     = flag.String("scale-cost", "", "bench-scale: a warehouse on which named queries' CPU (warehouse.Query, whatever form it runs) is summed by the kind of filter of their page (read-only); empty skips")
	scaleCostQuery  = flag.String("scale-cost-query", "applications_by_agency,applications_year_sums", "bench-scale: -scale-cost's named queries, comma-separated")
	scaleCostN      = flag.Int("scale-cost-n", 1300, "bench-scale: page requests drawn as -scale-pages draws them; each query runs with the filters of its page among them")
	scaleCostRounds = flag.Int("scale-cost-rounds", 3, "bench-scale: -scale-cost rounds over the filters; the first is not timed")
)

// TestScaleCost sums the process's CPU of warehouse.Query for each named
// query of -scale-cost-query over its page's filters (as TestScaleForms
// draws them), by the filter's kind (its shape, and whether it has a piece
// of a name), and prints each kind's share of the query's CPU: which
// filters a change should aim at.
func TestScaleCost(t *testing.T) {
	if *scaleCostDB == "" {
		t.Skip("run with -scale-cost PATH")
	}
	ctx := context.Background()
	wdb, err := warehouse.OpenWith(ctx, *scaleCostDB, warehouse.Options{ReadOnly: true, MemoryLimit: serveMemoryLimit, Threads: serveThreads})
	if err != nil {
		t.Fatal(err)
	}
	defer wdb.Close()
	reqs := newFilterGen(t, wdb).requests(*scaleCostN)
	for _, name := range strings.Split(*scaleCostQuery, ",") {
		q, ok := queries.Get(strings.TrimSpace(name))
		if !ok {
			t.Fatalf("no named query %q", name)
		}
		var fs []warehouse.Filter
		switch {
		case q.Name == "region_figure":
			fs = regionFilters(t, wdb, reqs, "/regions?measure")
		case strings.HasPrefix(q.Name, "compare_"):
			fs = compareFilters(t, wdb, reqs, q.Name)
		case everydayPages[q.Name].page != "":
			fs = everydayFilters(t, reqs, everydayPages[q.Name].page, everydayPages[q.Name].limit)
		default:
			fs = regionFilters(t, wdb, reqs, "/regions")
		}
		for i := range fs {
			switch q.Name {
			case "region_agencies":
				fs[i].Measure, fs[i].Applicant, fs[i].Limit = "", "", 200
			case "region_rollup":
				fs[i].Measure, fs[i].Applicant = "", ""
			}
		}
		type acc struct {
			n   int
			cpu time.Duration
			max time.Duration
		}
		kinds := map[string]*acc{}
		var total time.Duration
		for round := range max(*scaleCostRounds, 2) {
			for _, f := range fs {
				c0 := processCPU()
				if _, err := wdb.Query(ctx, q.Name, f); err != nil {
					t.Fatalf("%s %+v: %v", q.Name, f, err)
				}
				d := processCPU() - c0
				if round == 0 {
					continue
				}
				k := figureShape(f)
				if f.Agency != "" {
					k += "+piece"
				}
				a := kinds[k]
				if a == nil {
					a = &acc{}
					kinds[k] = a
				}
				a.n++
				a.cpu += d
				a.max = max(a.max, d)
				total += d
			}
		}
		runs := max(*scaleCostRounds-1, 1) * len(fs)
		fmt.Printf("# %s: %d filters, cpu %.1f ms a query, load average %.1f\n", q.Name, len(fs), float64(total.Microseconds())/1000/float64(runs), loadAverage())
		var ks []string
		for k := range kinds {
			ks = append(ks, k)
		}
		slices.SortFunc(ks, func(a, b string) int { return cmp.Compare(kinds[b].cpu, kinds[a].cpu) })
		for _, k := range ks {
			a := kinds[k]
			fmt.Printf("  %-22s n %4d  mean %6.1f ms  max %6.1f ms  share %4.1f %%\n", k, a.n, float64(a.cpu.Microseconds())/1000/float64(a.n),
				float64(a.max.Microseconds())/1000, 100*float64(a.cpu)/float64(total))
		}
	}
}
