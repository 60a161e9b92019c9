package ingest

import (
	"os"
	"testing"

	"gongkai/ingest/internal/fixture"
)

// benchParse parses one fixture b.N times and reports reports per second of
// wall time and of CPU time (fixture.CPUTime): on a shared
// machine the second says what parsing costs.
// Goal: ≥ 2,000 reports/s on one core for page text and for HTML
// (go test -run '^$' -bench 'ParseText|ParseHTML' -cpu 1 ./ingest).
func benchParse(b *testing.B, name string) {
	data, err := os.ReadFile("testdata/web/" + name)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := Parse(name, data, Options{}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu0 := fixture.CPUTime()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Parse(name, data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
	b.ReportMetric(float64(b.N)/(fixture.CPUTime()-cpu0).Seconds(), "reports/cpu-s")
}

// BenchmarkParseText parses a 2021 report published as one cell per line,
// the shape of the sample report.
func BenchmarkParseText(b *testing.B) { benchParse(b, "shape1-cell-per-line.txt") }

// BenchmarkParseHTML parses a 2021 report page with merged table cells.
func BenchmarkParseHTML(b *testing.B) { benchParse(b, "shape6-rowspan.html") }

// BenchmarkParseOneLine parses a 2021 report whose body is one line, cut at
// the labels inside it and decoded from run-together digits.
func BenchmarkParseOneLine(b *testing.B) { benchParse(b, "oneline-2021.txt") }

// BenchmarkParsePre2019 parses a pre-2019 narrative report without the old
// regime's words, read sentence by sentence (readTableless).
func BenchmarkParsePre2019(b *testing.B) { benchParse(b, "narrative-2016-office-none.txt") }
