package demo

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"gongkai/warehouse"
)

// TestLoad loads a demo set into a real warehouse file and checks what the
// views hold: every report, marked as demo data, the missing years absent,
// and a second load changes nothing.
func TestLoad(t *testing.T) {
	ctx := context.Background()
	s := generateSet(t, 11, 40)
	db, err := warehouse.Open(ctx, filepath.Join(t.TempDir(), "demo.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// Once from the set, once streamed: the second changes nothing.
	if err := Load(ctx, db, s.Reports); err != nil {
		t.Fatal(err)
	}
	var progress []int
	n, err := LoadGeneratedProgress(ctx, db, 11, 40, func(loaded int) { progress = append(progress, loaded) })
	if err != nil || n != len(s.Reports) {
		t.Fatalf("LoadGenerated: %d reports, %v; want %d", n, err, len(s.Reports))
	}
	if len(progress) == 0 || progress[len(progress)-1] != n {
		t.Errorf("progress %v does not end at the %d reports loaded", progress, n)
	}
	count := func(sql string) int64 {
		t.Helper()
		tb, err := db.SQL(ctx, sql)
		if err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
		n, ok := tb.Rows[0][0].(int64)
		if !ok {
			t.Fatalf("%s: %T %v", sql, tb.Rows[0][0], tb.Rows[0][0])
		}
		return n
	}
	if got := count("SELECT count(*) FROM reports WHERE source_kind = 'demo' AND loaded_by = 'demo'"); got != int64(len(s.Reports)) {
		t.Errorf("%d demo reports stored, want %d", got, len(s.Reports))
	}
	if got := count("SELECT count(*) FROM reports WHERE source_kind <> 'demo' OR version <> 1"); got != 0 {
		t.Errorf("%d reports not demo or not version 1 after loading twice", got)
	}
	if got := count("SELECT count(*) FROM agencies"); got != 40 {
		t.Errorf("%d agencies, want 40", got)
	}
	if got := count("SELECT count(*) FROM agencies WHERE province IS NULL OR level IS NULL"); got != 0 {
		t.Errorf("%d agencies without province or level", got)
	}
	stored, err := db.SQL(ctx, "SELECT agency, year FROM reports")
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, row := range stored.Rows {
		have[fmt.Sprint(row[0], "/", row[1])] = true
	}
	missing := 0
	for _, a := range s.Anomalies {
		if a.Kind == AnomalyMissing {
			missing++
			if have[fmt.Sprint(a.Agency, "/", a.Year)] {
				t.Errorf("%s %d is meant to be missing but is stored", a.Agency, a.Year)
			}
		}
	}
	if missing == 0 || len(have) != len(s.Reports) {
		t.Errorf("%d agency-years stored, %d reports generated, %d missing", len(have), len(s.Reports), missing)
	}
	// R4 across years: the warehouse flags each deliberate break.
	breaks := 0
	for _, a := range s.Anomalies {
		if a.Kind == AnomalyCarryBreak {
			breaks++
		}
	}
	if got := count("SELECT count(DISTINCT report_id) FROM findings WHERE rule = 'R4'"); got != int64(breaks) {
		t.Errorf("%d reports with R4 findings, want %d deliberate carry-over breaks", got, breaks)
	}
}
