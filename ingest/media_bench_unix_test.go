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

// cpuTimes returns the CPU time of the process and that of the children it
// waited for (pdftotext), and the peak resident memory of the process in KB.
// A child's own peak cannot be told apart here: Go starts it sharing the
// parent's memory until exec, and Linux counts that into the child's peak.
func cpuTimes() (self, children time.Duration, selfKB int64) {
	var s, c syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &s)
	syscall.Getrusage(syscall.RUSAGE_CHILDREN, &c)
	return time.Duration(s.Utime.Nano() + s.Stime.Nano()), time.Duration(c.Utime.Nano() + c.Stime.Nano()), int64(s.Maxrss)
}

// BenchmarkParseMedia parses a report of each kind made by a real producer
// (testdata/media), read, located and checked, and reports reports per CPU
// second, pdftotext's CPU included, with the CPU milliseconds per report of
// this process (go-cpu-ms/op) and of pdftotext (child-cpu-ms/op), and the
// process's peak memory. Goal for PDF: ≥ 100 reports/s per core (make bench;
// or go test -run '^$' -bench ParseMedia -cpu 1 ./ingest).
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
			self0, child0, _ := cpuTimes()
			for b.Loop() {
				if _, err := Parse(name, data, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			self1, child1, selfKB := cpuTimes()
			self, child := self1-self0, child1-child0
			b.ReportMetric(float64(b.N)/(self+child).Seconds(), "reports/cpu-s")
			b.ReportMetric(self.Seconds()*1000/float64(b.N), "go-cpu-ms/op")
			b.ReportMetric(child.Seconds()*1000/float64(b.N), "child-cpu-ms/op")
			b.ReportMetric(float64(selfKB), "peak-rss-KB")
		})
	}
}
