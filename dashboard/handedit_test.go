package dashboard

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"gongkai/demo"
	"gongkai/warehouse"
)

// TestPagesAfterYearsSetByHand serves a warehouse in which an administrator
// set report years by hand to ones the loader refuses (2200, 1800): the
// server must start on it and every page must answer, not fail.
func TestPagesAfterYearsSetByHand(t *testing.T) {
	path := filepath.Join(t.TempDir(), "edited.duckdb")
	db, err := loadWarehouse(path, demo.Generate(fixtureSeed, 6))
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw, err := sql.Open("duckdb", path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = raw.Exec(`UPDATE store.reports SET year = 2200 WHERE report_id % 7 = 1;
		UPDATE store.reports SET year = 1800 WHERE report_id % 7 = 2`)
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	db, err = warehouse.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open after years set by hand: %v", err)
	}
	defer db.Close()
	h := asAdmin(t, db, New(db, testLogger(t), Options{}))
	for _, p := range []string{"/", "/licensing", "/proactive", "/applications", "/reviews", "/quality", "/agencies",
		"/compare", "/regions", "/agencies/1", "/reports/1", "/reports/2", "/quality?year_from=1800&year_to=2200",
		"/?year=2200", "/?year=1800", "/quality?year=2200", "/compare?year=2200"} {
		if status, body := fetch(t, h, p); status >= 500 {
			t.Errorf("GET %s: status %d\n%s", p, status, snippet(body))
		}
	}
}
