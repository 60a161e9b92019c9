package warehouse

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"gongkai"
)

// fullReport builds a report with every figure of the 2021 format (about
// 200 values, like a real one) and a few findings.
func fullReport(agency string, year int) *gongkai.Report {
	r := &gongkai.Report{Agency: agency, Year: year, Format: gongkai.Format2021,
		Source: gongkai.Source{Kind: "xlsx", Name: agency + ".xlsx"}}
	n := 0
	for _, m := range gongkai.Catalogue() {
		if !contains(m.Formats, gongkai.Format2021) || m.Derived {
			continue
		}
		apps := []string{gongkai.ApplicantTotal}
		if m.ByApp {
			apps = gongkai.Applicants
		}
		for _, app := range apps {
			n++
			v := float64(n % 17)
			r.Values = append(r.Values, gongkai.Value{Measure: m.Code, Applicant: app, Number: &v,
				Raw: fmt.Sprint(v), At: fmt.Sprintf("表三!%s%d", string(rune('C'+n%7)), 5+n/7)})
		}
	}
	for i := 0; i < 3; i++ {
		r.Findings = append(r.Findings, gongkai.Finding{Rule: "R1", Severity: gongkai.SeverityError, At: "表三!I33",
			RowLabel: "（七）总计", ColumnLabel: "总计", Measure: "apps.total", Applicant: "total",
			Message: "（七）总计不等于各项办理结果之和", Expected: gongkai.Float(12), Actual: gongkai.Float(11)})
	}
	return r
}

// cpuTime is the CPU time this process has used, in all its threads.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// BenchmarkLoad measures loading throughput with one writer: reports of
// about 200 values committed in groups, without and with a 16 KB source file
// kept for download, and the file size per report after a checkpoint.
func BenchmarkLoad(b *testing.B) {
	for _, tc := range []struct {
		name   string
		source int
	}{{"nosource", 0}, {"source16k", 16 << 10}} {
		b.Run(tc.name, func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "bench.duckdb")
			db, err := Open(context.Background(), path)
			if err != nil {
				b.Fatal(err)
			}
			template := fullReport("x", 2021)
			rng := rand.New(rand.NewPCG(1, 2))
			reqs := make([]LoadRequest, b.N)
			for i := range reqs {
				r := *template
				r.Agency = fmt.Sprintf("基准测试机关%07d", i)
				reqs[i] = LoadRequest{Report: &r}
				if tc.source > 0 {
					// Random bytes, like the deflated parts of a workbook.
					src := make([]byte, tc.source)
					for j := range src {
						src[j] = byte(rng.Uint32())
					}
					reqs[i].Source = src
				}
			}
			b.ReportMetric(float64(len(template.Values)), "values/report")
			cpu0 := cpuTime()
			b.ResetTimer()
			const perCall = 2000
			for start := 0; start < len(reqs); start += perCall {
				if _, err := db.Load(context.Background(), reqs[start:min(start+perCall, len(reqs))]); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
			// The machine may be shared: CPU time (all threads, DuckDB's
			// included) says what the load costs whatever else runs.
			b.ReportMetric(float64(b.N)/(cpuTime()-cpu0).Seconds(), "reports/cpu-s")
			if err := db.Close(); err != nil {
				b.Fatal(err)
			}
			if b.N >= 1000 {
				b.ReportMetric(float64(diskSize(path)+diskSize(path+".sources"))/float64(b.N), "diskbytes/report")
			}
		})
	}
}

// diskSize is the size of a file, or of all files under a folder.
func diskSize(path string) int64 {
	var n int64
	filepath.Walk(path, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			n += info.Size()
		}
		return nil
	})
	return n
}

// BenchmarkReupload measures second versions of reports already in a
// warehouse of 20,000: each retires its agency's current version, so the
// regional roll-up subtracts what the old one added. Reports per CPU-second
// is what a province re-loading a corrected year pays.
func BenchmarkReupload(b *testing.B) {
	const stored = 20000
	db, err := Open(context.Background(), filepath.Join(b.TempDir(), "bench.duckdb"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	template := fullReport("x", 2021)
	version := func(i, v int) LoadRequest {
		r := *template
		r.Agency = fmt.Sprintf("基准测试机关%07d", i%stored)
		r.Values = slices.Clone(template.Values)
		n := float64(v)
		r.Values[0].Number = &n // a second version that differs from the first
		return LoadRequest{Report: &r}
	}
	load := func(reqs []LoadRequest) {
		const perCall = 2000
		for start := 0; start < len(reqs); start += perCall {
			if _, err := db.Load(context.Background(), reqs[start:min(start+perCall, len(reqs))]); err != nil {
				b.Fatal(err)
			}
		}
	}
	first := make([]LoadRequest, stored)
	for i := range first {
		first[i] = version(i, 1)
	}
	load(first)
	again := make([]LoadRequest, b.N)
	for i := range again {
		again[i] = version(i, 2+i/stored)
	}
	cpu0 := cpuTime()
	b.ResetTimer()
	load(again)
	b.StopTimer()
	b.ReportMetric(float64(b.N)/(cpuTime()-cpu0).Seconds(), "reports/cpu-s")
}
