//go:build unix

package ingest

import (
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"gongkai/ingest/pdf"
)

// cpuTimes returns the CPU time of the process and that of the children it
// waited for (pdftotext, and the PDF workers ended by pdf.Close).
func cpuTimes() (self, children time.Duration) {
	var s, c syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &s)
	syscall.Getrusage(syscall.RUSAGE_CHILDREN, &c)
	return time.Duration(s.Utime.Nano() + s.Stime.Nano()), time.Duration(c.Utime.Nano() + c.Stime.Nano())
}

// resetPeak returns the process's unused memory to the system and, where
// Linux allows it, restarts the count of its peak resident memory, so that
// peakKB tells the peak of one benchmark and not of the ones before it.
func resetPeak() {
	debug.FreeOSMemory()
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// peakKB returns the peak resident memory of the process in KB since
// resetPeak (VmHWM), or since it started where that cannot be read. A
// child's own peak cannot be told: Go starts it sharing the parent's memory
// until exec, and Linux counts that into the child's peak.
func peakKB() int64 {
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
				if kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64); err == nil {
					return kb
				}
			}
		}
	}
	var s syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &s)
	return int64(s.Maxrss)
}

// BenchmarkParseMedia parses a report of each kind made by a real producer
// (testdata/media), read, located and checked, and reports reports per CPU
// second, the PDF engine's CPU included, with the CPU milliseconds per report
// of this process (go-cpu-ms/op) and of the PDF worker or pdftotext
// (child-cpu-ms/op), and the
// process's peak memory while it ran (pdftotext's own is about 11 MB). Goal for PDF: ≥ 100 reports/s per core (make bench;
// or go test -run '^$' -bench ParseMedia -cpu 1 ./ingest).
func BenchmarkParseMedia(b *testing.B) {
	for _, name := range []string{
		"shape6-rowspan-writer.pdf", "shape6-rowspan-chromium.pdf", "shape6-rowspan-chromium-truetype.pdf",
		"html-paragraphs-writer.pdf",
		"shape6-rowspan.docx", "official-2021.xls", "official-2021.ods", "spreadsheetml-2003.xls",
	} {
		b.Run(name, func(b *testing.B) {
			if strings.HasSuffix(name, ".pdf") {
				if !pdf.Available() {
					b.Skip("no PDF reader: built without poppler, and pdftotext (poppler-utils) is not installed: make deps")
				}
			}
			data, err := os.ReadFile("testdata/media/" + name)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			pdf.Close()
			resetPeak()
			self0, child0 := cpuTimes()
			for b.Loop() {
				if _, err := Parse(name, data, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			// The workers' CPU, their start included, is counted once
			// they have exited.
			pdf.Close()
			self1, child1 := cpuTimes()
			self, child := self1-self0, child1-child0
			b.ReportMetric(float64(b.N)/(self+child).Seconds(), "reports/cpu-s")
			b.ReportMetric(self.Seconds()*1000/float64(b.N), "go-cpu-ms/op")
			b.ReportMetric(child.Seconds()*1000/float64(b.N), "child-cpu-ms/op")
			b.ReportMetric(float64(peakKB()), "peak-rss-KB")
		})
	}
}
