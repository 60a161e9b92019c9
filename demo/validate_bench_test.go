package demo

import (
	"testing"

	"gongkai/ingest"
)

// BenchmarkValidate runs ingest.Validate over the default demo set, as the
// generator does for every report of a bulk load: the reports are
// validated already, so each run does the whole work and adds nothing.
// cpu-ns/report is the figure to compare (the machine is shared).
func BenchmarkValidate(b *testing.B) {
	reports := Generate(DefaultSeed, DefaultAgencies)
	if len(reports) == 0 {
		b.Fatal("no demo reports")
	}
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, r := range reports {
			ingest.Validate(r)
		}
	}
	// CPU time, not wall: the machine is shared.
	b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N*len(reports)), "cpu-ns/report")
}
