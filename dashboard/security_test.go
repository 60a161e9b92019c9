package dashboard

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"gongkai/demo"
	"gongkai/warehouse"
)

// securityDB is a small warehouse of its own, for tests that try to harm it.
func securityDB(t *testing.T, opts warehouse.Options) *warehouse.DB {
	t.Helper()
	path := filepath.Join(t.TempDir(), "w.duckdb")
	db, err := warehouse.OpenWith(context.Background(), path, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := demo.Load(context.Background(), db, demo.Generate(fixtureSeed, 3)); err != nil {
		t.Fatal(err)
	}
	return db
}

func postSQL(t *testing.T, h http.Handler, sql string) (int, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/api/sql", strings.NewReader(`{"sql": `+jsonString(sql)+`}`))
	req.Header.Set("Content-Type", "application/json")
	return do(t, h, req)
}

// TestSQLCannotHurtServer sends the statements that disabled the server
// through the real router and checks each is refused, that no answer shows
// where the warehouse lives, and that pages, the API and the sandbox answer
// afterwards.
func TestSQLCannotHurtServer(t *testing.T) {
	db := securityDB(t, warehouse.Options{})
	h := New(db, testLogger(t), Options{CacheEntries: -1})
	dir := filepath.Dir(db.Path())
	for _, q := range []string{
		"SELECT * FROM enable_logging(storage='file', storage_path='/x')",
		"SELECT * FROM enable_profiling(save_location='/x')",
		"SELECT * FROM enable_peg_parser()",
		"SELECT * FROM enable_logging()",
		"SELECT * FROM read_blob('" + db.Path() + "')",
		"SELECT * FROM read_blob('" + db.Path() + ".wal')",
		"SELECT current_setting('temp_directory')",
		"SELECT * FROM duckdb_settings()",
		"SELECT * FROM checkpoint()",
		"SELECT * FROM force_checkpoint()",
		"SELECT * FROM store.reports",
		"SELECT * FROM '" + db.Path() + "'",
	} {
		status, body := postSQL(t, h, q)
		if status != http.StatusBadRequest || !strings.Contains(body, "不允许") {
			t.Errorf("%s: %d %s, want 400 refused", q, status, snippet(body))
		}
		if strings.Contains(body, dir) {
			t.Errorf("%s: the answer shows the warehouse's folder: %s", q, body)
		}
	}
	for _, path := range []string{"/", "/quality", "/api/queries/overview_totals"} {
		if rec := recorder(t, h, path); rec.Code != http.StatusOK {
			t.Errorf("GET %s after the refused statements: %d", path, rec.Code)
		}
	}
	if status, body := postSQL(t, h, "SELECT count(*) AS n FROM reports"); status != http.StatusOK || !strings.Contains(body, `"rows":[[`) {
		t.Errorf("SQL after the refused statements: %d %s", status, snippet(body))
	}
}

// TestSQLBusy checks that a statement beyond the sandbox's concurrency is
// answered 503 with a message instead of queuing.
func TestSQLBusy(t *testing.T) {
	db := securityDB(t, warehouse.Options{SandboxConcurrency: 1, SandboxWait: 20 * time.Millisecond, SandboxTimeout: 3 * time.Second})
	h := New(db, testLogger(t), Options{CacheEntries: -1})
	var wg sync.WaitGroup
	done := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(done)
		postSQL(t, h, "SELECT count(*) FROM range(1000000000) a, range(1000000) b WHERE a.range + b.range = 7")
	}()
	defer wg.Wait()
	for i := 0; i < 60; i++ {
		select {
		case <-done:
			t.Fatal("the slow statement finished before a second one was refused")
		case <-time.After(50 * time.Millisecond):
		}
		status, body := postSQL(t, h, "SELECT 1")
		if status == http.StatusServiceUnavailable {
			if !strings.Contains(body, "繁忙") {
				t.Errorf("busy answer %s, want the Chinese message", body)
			}
			return
		}
	}
	t.Error("a second statement was never answered 503 while the first ran")
}
