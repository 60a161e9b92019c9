package warehouse

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"testing"
	"time"
)

// Flags of TestOpenCost: a warehouse file and how many read-only opens.
var (
	openBench  = flag.String("open-bench", "", "TestOpenCost: a warehouse to open read-only")
	openBenchN = flag.Int("open-bench-n", 7, "TestOpenCost: how many opens")
)

// TestOpenCost opens a warehouse read-only -open-bench-n times and reports
// the median CPU (all threads) and wall time of an open, and of the check of
// the agency ids alone (sql/agency_ids_unique.sql) on the open file: what
// checkAgencyIDs adds to Open. Run the same test in a binary of main against
// this one, interleaved, under the team's lock:
//
//	go test -run '^TestOpenCost$' -count=1 -v ./warehouse -open-bench FILE -open-bench-n 9
func TestOpenCost(t *testing.T) {
	if *openBench == "" {
		t.Skip("no -open-bench file")
	}
	ctx := context.Background()
	var cpu, wall, checkCPU []time.Duration
	for i := 0; i < *openBenchN; i++ {
		c0, w0 := cpuTime(), time.Now()
		db, err := OpenReadOnly(ctx, *openBench)
		if err != nil {
			t.Fatal(err)
		}
		cpu, wall = append(cpu, cpuTime()-c0), append(wall, time.Since(w0))
		c0 = cpuTime()
		var unique bool
		if err := db.db.QueryRowContext(ctx, stmt("agency_ids_unique")).Scan(&unique); err != nil {
			t.Fatal(err)
		}
		checkCPU = append(checkCPU, cpuTime()-c0)
		db.Close()
		if !unique {
			t.Fatal("agency ids not unique")
		}
	}
	med := func(ds []time.Duration) string {
		s := slices.Clone(ds)
		slices.Sort(s)
		return fmt.Sprintf("%.1f ms", float64(s[len(s)/2].Microseconds())/1000)
	}
	t.Logf("%d opens of %s: CPU %s, wall %s a read-only open (median); agency_ids_unique alone, on the open file: CPU %s",
		*openBenchN, *openBench, med(cpu), med(wall), med(checkCPU))
}
