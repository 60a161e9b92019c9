package demo

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"gongkai"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden pins a small set: a line per report, the planted faults, then
// every figure of its first 2021-format report with its cell. (Findings are
// ingest's and are checked by TestGenerateFindings, not pinned here.) A change to the generator or to
// the format definitions shows here as a diff; rerun with -update when it is
// meant.
func TestGolden(t *testing.T) {
	s := generateSet(t, DefaultSeed, 3)
	var b bytes.Buffer
	var full *gongkai.Report
	for _, r := range s.Reports {
		apps, _ := r.Lookup("apps.new", gongkai.ApplicantTotal)
		fmt.Fprintf(&b, "%s\t%d\t%s\t%s/%s/%s\t%s\tapps.new=%s\n",
			r.Agency, r.Year, r.Format, r.Province, r.City, r.County, r.Level, apps.Raw)
		if full == nil && r.Format == gongkai.Format2021 {
			full = r
		}
	}
	for _, a := range s.Anomalies {
		fmt.Fprintf(&b, "anomaly\t%s\t%d\t%s\n", a.Agency, a.Year, a.Kind)
	}
	fmt.Fprintf(&b, "\n%s %d\n", full.Agency, full.Year)
	for _, v := range full.Values {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\n", v.At, v.Measure, v.Applicant, v.Raw)
	}

	path := filepath.Join("testdata", "demo-3.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("demo set differs from %s; rerun with -update if that is meant.\ngot:\n%s", path, b.String())
	}
}
