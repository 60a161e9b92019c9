//go:build unix

package ingest

import (
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"gongkai/ingest/pdf"
)

// cpuWithChildren returns the CPU time of the process and of the children it
// waited for (pdftotext), and the peak resident memory in KB of the process
// and of its largest child.
func cpuWithChildren() (cpu time.Duration, selfKB, childKB int64) {
	var self, kids syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &self)
	syscall.Getrusage(syscall.RUSAGE_CHILDREN, &kids)
	cpu = time.Duration(self.Utime.Nano() + self.Stime.Nano() + kids.Utime.Nano() + kids.Stime.Nano())
	return cpu, int64(self.Maxrss), int64(kids.Maxrss)
}

// BenchmarkParseMedia parses a report of each kind made by a real producer
// (testdata/media), read, located and checked, and reports reports per CPU
// second, pdftotext's CPU included, with peak memory. Goal for PDF: ≥ 100
// reports/s per core (make bench; or go test -run '^$' -bench ParseMedia
// -cpu 1 ./ingest).
func BenchmarkParseMedia(b *testing.B) {
	for _, name := range []string{
		"shape6-rowspan-writer.pdf", "shape6-rowspan-chromium.pdf",
		"shape6-rowspan.docx", "official-2021.xls", "official-2021.ods", "spreadsheetml-2003.xls",
	} {
		b.Run(name, func(b *testing.B) {
			if strings.HasSuffix(name, ".pdf") {
				if _, err := exec.LookPath(pdf.Tool); err != nil {
					b.Skip("pdftotext (poppler-utils) is not installed")
				}
			}
			data, err := os.ReadFile("testdata/media/" + name)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			cpu0, _, _ := cpuWithChildren()
			for b.Loop() {
				if _, err := Parse(name, data, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			cpu1, selfKB, childKB := cpuWithChildren()
			b.ReportMetric(float64(b.N)/(cpu1-cpu0).Seconds(), "reports/cpu-s")
			b.ReportMetric(float64(selfKB), "peak-rss-KB")
			if strings.HasSuffix(name, ".pdf") {
				b.ReportMetric(float64(childKB), "pdftotext-peak-rss-KB")
			}
		})
	}
}
