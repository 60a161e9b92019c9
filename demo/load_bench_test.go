package demo

import (
	"context"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"syscall"
	"testing"
	"time"

	"gongkai/warehouse"
)

// BenchmarkLoadGenerated loads a demo set into an empty warehouse file as
// `gongkai demo` does (bulk checkpoints, DuckDB's 1 GB, the Go soft limit
// of 2.5 GiB), so that a CPU profile of the whole load can be taken:
//
//	GONGKAI_BENCH_AGENCIES=17000 go test -run '^$' -bench LoadGenerated \
//	    -benchtime 1x -cpuprofile cpu.out ./demo
//
// The set has GONGKAI_BENCH_AGENCIES agencies (2,000 when unset, ~12k
// reports; 17,000 make ~100k), whatever b.N says: the cost of a report
// grows with the warehouse, so the size is what is measured.
// GONGKAI_BENCH_COUNTRY=1 draws the agencies from the Country roster.
func BenchmarkLoadGenerated(b *testing.B) {
	agencies := 2000
	if s := os.Getenv("GONGKAI_BENCH_AGENCIES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			b.Fatalf("GONGKAI_BENCH_AGENCIES=%q: want a positive count", s)
		}
		agencies = n
	}
	shape := TwoProvinces
	if os.Getenv("GONGKAI_BENCH_COUNTRY") != "" {
		shape = Country
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(2560 << 20))
	}
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db, err := warehouse.OpenWith(ctx, filepath.Join(b.TempDir(), "demo.duckdb"),
			warehouse.Options{CheckpointThreshold: warehouse.BulkCheckpointThreshold, MemoryLimit: "1GB"})
		if err != nil {
			b.Fatal(err)
		}
		cpu0, wall0 := cpuTime(), time.Now()
		b.StartTimer()
		n, err := LoadGeneratedShape(ctx, db, DefaultSeed, agencies, shape, nil)
		if err == nil {
			err = db.Close()
		}
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(n), "reports")
		b.ReportMetric(float64(n)/time.Since(wall0).Seconds(), "reports/s")
		b.ReportMetric(float64(n)/(cpuTime()-cpu0).Seconds(), "reports/cpu-s")
	}
}

// cpuTime is the CPU time this process has used, in all its threads
// (DuckDB's included).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
