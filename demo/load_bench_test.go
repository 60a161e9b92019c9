package demo

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"slices"
	"strconv"
	"syscall"
	"testing"
	"time"

	"gongkai"
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
//
// GONGKAI_BENCH_DB=FILE loads into FILE instead (a copy of a kept
// warehouse: it is written), so that the cost of a report at a size is
// measured. GONGKAI_BENCH_COUNTRY=others loads the Country set without
// the two provinces of the default set: new agencies to a two-province
// warehouse (of the two provinces, a year an agency lacks there would be
// filled and its next year re-checked, which a bulk load does otherwise). The load's first batch also reads the
// writer's state (every agency, current report and section fingerprint),
// so "marginal-reports/cpu-s" reports the batches after it and the close
// (its merge of the roll-ups and checkpoint): what the size costs, apart
// from what opening it once costs.
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
	var keep func(*gongkai.Report) bool
	switch os.Getenv("GONGKAI_BENCH_COUNTRY") {
	case "":
	case "others":
		shape = Country
		keep = func(r *gongkai.Report) bool { return !slices.Contains(demoProvinces, r.Province) }
	default:
		shape = Country
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(2560 << 20))
	}
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(400)) // as runDemo
	}
	// GONGKAI_BENCH_CPUPROFILE=FILE profiles the batches after the first
	// (see marginal-reports), without opening the file and reading its
	// state.
	profile := os.Getenv("GONGKAI_BENCH_CPUPROFILE")
	// GONGKAI_BENCH_PROFILE_FROM=N starts that profile once N reports are
	// loaded instead (the late part of a large load), and
	// GONGKAI_BENCH_SLICE=N logs the cost of every N reports: how the cost
	// of a report grows with the warehouse, and the collector's share.
	profileFrom, _ := strconv.Atoi(os.Getenv("GONGKAI_BENCH_PROFILE_FROM"))
	slice, _ := strconv.Atoi(os.Getenv("GONGKAI_BENCH_SLICE"))
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := os.Getenv("GONGKAI_BENCH_DB")
		if path == "" {
			path = filepath.Join(b.TempDir(), "demo.duckdb")
		} else if b.N > 1 {
			b.Fatal("GONGKAI_BENCH_DB loads into its file once: run with -benchtime 1x")
		}
		db, err := warehouse.OpenWith(ctx, path,
			warehouse.Options{CheckpointThreshold: warehouse.BulkCheckpointThreshold, MemoryLimit: "1GB"})
		if err != nil {
			b.Fatal(err)
		}
		before := storedReports(b, db)
		cpu0, wall0 := cpuTime(), time.Now()
		var first int
		var cpu1 time.Duration
		var wall1 time.Time
		b.StartTimer()
		var last int
		var cpuLast time.Duration
		profiling := false
		sliceAt, sliceCPU, sliceGC, sliceWall := 0, cpuTime(), gcCPU(), time.Now()
		var wallLast time.Time
		_, err = loadGenerated(ctx, db, DefaultSeed, agencies, shape, keep, func(loaded int) {
			if slice > 0 && loaded >= sliceAt+slice {
				c, g, w := cpuTime(), gcCPU(), time.Now()
				b.Logf("%7d reports: the last %d at %.0f reports/s, %.0f reports/cpu-s, collector %.1f of %.1f cpu-s, live heap %d MB",
					loaded, loaded-sliceAt, float64(loaded-sliceAt)/w.Sub(sliceWall).Seconds(),
					float64(loaded-sliceAt)/(c-sliceCPU).Seconds(), g-sliceGC, (c - sliceCPU).Seconds(), liveHeap()>>20)
				sliceAt, sliceCPU, sliceGC, sliceWall = loaded, c, g, w
			}
			if first == 0 || (profileFrom > 0 && !profiling && loaded >= profileFrom) {
				if first == 0 {
					first, cpu1, wall1 = loaded, cpuTime(), time.Now()
				}
				if profile != "" && loaded >= profileFrom {
					profiling = true
					f, err := os.Create(profile)
					if err == nil {
						err = pprof.StartCPUProfile(f)
					}
					if err != nil {
						b.Error(err)
					}
				}
			}
			last, cpuLast, wallLast = loaded, cpuTime(), time.Now()
		})
		if profiling {
			pprof.StopCPUProfile()
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		if f := os.Getenv("GONGKAI_BENCH_HEAPPROFILE"); f != "" && err == nil {
			// What the writer keeps (its state), before the close drops it.
			runtime.GC()
			out, err := os.Create(f)
			if err == nil {
				err = pprof.WriteHeapProfile(out)
				out.Close()
			}
			if err != nil {
				b.Error(err)
			}
		}
		var n int
		if err == nil {
			n = storedReports(b, db) - before // duplicates skipped are not counted
			err = db.Close()
		}
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		cpu2, wall2 := cpuTime(), time.Now()
		b.ReportMetric(float64(n), "reports")
		b.ReportMetric(float64(ms.HeapAlloc>>20), "heap-MB")
		b.ReportMetric(float64(ms.NumGC), "gcs")
		b.ReportMetric(float64(n)/wall2.Sub(wall0).Seconds(), "reports/s")
		b.ReportMetric(float64(n)/(cpu2-cpu0).Seconds(), "reports/cpu-s")
		if rest := n - first; rest > 0 && first > 0 {
			// Counted as loaded: with duplicates in the first batch this
			// errs low, never high.
			b.ReportMetric(float64(rest)/wall2.Sub(wall1).Seconds(), "marginal-reports/s")
			b.ReportMetric(float64(rest)/(cpu2-cpu1).Seconds(), "marginal-reports/cpu-s")
		}
		if last > first {
			// The batches only, without the close's merge and checkpoint.
			b.ReportMetric(float64(last-first)/(cpuLast-cpu1).Seconds(), "batches-reports/cpu-s")
			b.ReportMetric(float64(last-first)/wallLast.Sub(wall1).Seconds(), "batches-reports/s")
			b.ReportMetric((cpu2 - cpuLast).Seconds(), "close-cpu-s")
		}
	}
}

// gcCPU is the CPU seconds the Go collector has used (runtime/metrics).
func gcCPU() float64 {
	m := []metrics.Sample{{Name: "/cpu/classes/gc/total:cpu-seconds"}}
	metrics.Read(m)
	return m[0].Value.Float64()
}

// liveHeap is the Go heap the last collection marked live.
func liveHeap() uint64 {
	m := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(m)
	return m[0].Value.Uint64()
}

// storedReports is how many reports db holds.
func storedReports(b *testing.B, db *warehouse.DB) int {
	tb, err := db.SQL(context.Background(), "SELECT count(*) FROM reports")
	if err != nil {
		b.Fatal(err)
	}
	return int(tb.Rows[0][0].(int64))
}

// cpuTime is the CPU time this process has used, in all its threads
// (DuckDB's included).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
