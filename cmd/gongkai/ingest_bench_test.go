package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the CPU time this process has used, in all its threads.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkIngest measures `gongkai ingest` end to end on a folder of 2,000
// filled official workbooks: reading, parsing on every core, validating and
// loading with one writer into a fresh warehouse file.
func BenchmarkIngest(b *testing.B) {
	const n = 2000
	dir := b.TempDir()
	folder := filepath.Join(dir, "in")
	os.Mkdir(folder, 0o755)
	writeWorkbooks(b, folder, demoReports(b, n))
	cpu0 := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		db := filepath.Join(dir, fmt.Sprintf("w%d.duckdb", i))
		var out, errs bytes.Buffer
		err := run(context.Background(), []string{"ingest", "--db", db, folder}, func(string) string { return "" },
			strings.NewReader(""), &out, &errs)
		if err != nil {
			b.Fatalf("%v\n%.2000s\n%s", err, out.String(), errs.String())
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "reports/s")
	// On a shared machine wall time says little; CPU time (all threads) is
	// what ingest costs, and two idle cores give up to twice this rate.
	b.ReportMetric(float64(n*b.N)/(cpuTime()-cpu0).Seconds(), "reports/cpu-s")
}
