package dashboard

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"gongkai"
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
	h := asAdmin(t, db, New(db, testLogger(t), Options{CacheEntries: -1}))
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
	h := asAdmin(t, db, New(db, testLogger(t), Options{CacheEntries: -1}))
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

// TestSQLTimeoutMessage checks that a statement stopped by the sandbox's
// time limit is answered, on /api/sql (POST and each GET format) as on the
// /sql page, with 504 and the sandbox's message (the limit, and WHERE or
// LIMIT to narrow it), not the pages' advice to narrow the filters.
func TestSQLTimeoutMessage(t *testing.T) {
	db := securityDB(t, warehouse.Options{SandboxTimeout: 300 * time.Millisecond})
	h := asAdmin(t, db, New(db, testLogger(t), Options{CacheEntries: -1}))
	const slow = "SELECT count(*) FROM range(1000000000) a, range(1000000) b WHERE a.range + b.range = 7"
	check := func(how string, status int, body string) {
		t.Helper()
		if status != http.StatusGatewayTimeout || !strings.Contains(body, "未完成") || !strings.Contains(body, "LIMIT") ||
			strings.Contains(body, "筛选范围") {
			t.Errorf("%s: %d %s; want 504 with the sandbox's message", how, status, snippet(body))
		}
	}
	status, body := postSQL(t, h, slow)
	check("POST /api/sql", status, body)
	for _, format := range []string{"", "json", "csv", "xlsx"} {
		status, body := do(t, h, httptest.NewRequest(http.MethodGet, "/api/sql?format="+format+"&q="+url.QueryEscape(slow), nil))
		check("GET /api/sql format="+format, status, body)
	}
	status, body = do(t, h, httptest.NewRequest(http.MethodGet, "/sql?q="+url.QueryEscape(slow), nil))
	check("GET /sql", status, body)
}

// TestUploadTooLarge checks that a file over the limit is answered 413 with
// the limit, whether the body overruns the server's cap or only the file
// does, and that nothing is loaded.
func TestUploadTooLarge(t *testing.T) {
	db := emptyDB(t)
	h := asAdmin(t, db, New(db, testLogger(t), Options{MaxUpload: 1 << 20}))
	for _, size := range []int{1<<20 + 10, 3 << 20} {
		for _, path := range []string{"/api/reports", "/upload"} {
			data := append(syntheticReport("测试市示例局", 2021), bytes.Repeat([]byte(" "), size)...)
			status, body := do(t, h, multipartUpload(t, path, "big.txt", data, nil))
			if status != http.StatusRequestEntityTooLarge || !strings.Contains(body, "最多 1 MB") {
				t.Errorf("%s with %d bytes: %d %s; want 413 saying the limit", path, len(data), status, snippet(body))
			}
		}
	}
	if tb, err := db.SQL(context.Background(), "SELECT count(*) FROM reports"); err != nil || fmt.Sprint(tb.Rows) != "[[0]]" {
		t.Errorf("after refused uploads: %v %v, want no report", tb, err)
	}
}

// TestUploadBusy checks that an upload beyond Options.MaxUploads is told to
// come back instead of parsing beside the others.
func TestUploadBusy(t *testing.T) {
	defer func(w time.Duration) { uploadWait = w }(uploadWait)
	uploadWait = 20 * time.Millisecond
	h := &handler{uploads: make(chan struct{}, 1)}
	release, err := h.acquireUpload(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.acquireUpload(context.Background()); gongkai.ErrorCode(err) != gongkai.CodeBusy || statusOf(gongkai.ErrorCode(err)) != http.StatusServiceUnavailable {
		t.Errorf("second upload while one runs: %v, want busy (503)", err)
	}
	release()
	if r, err := h.acquireUpload(context.Background()); err != nil {
		t.Errorf("after the first finished: %v", err)
	} else {
		r()
	}
}

// TestUploadAgencyName checks that a look-alike agency name (direction
// marks) is refused with a clear message and that invisible characters do
// not make a second agency.
func TestUploadAgencyName(t *testing.T) {
	db := emptyDB(t)
	h := asAdmin(t, db, New(db, testLogger(t), Options{}))
	status, body := do(t, h, multipartUpload(t, "/api/reports", "a.txt", syntheticReport("测试市\u202e局例示", 2021), nil))
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, "改变文字方向") {
		t.Errorf("a name with U+202E: %d %s, want 422 saying why", status, snippet(body))
	}
	long := strings.Repeat("局", 1000)
	status, body = do(t, h, multipartUpload(t, "/api/reports", "a.txt", syntheticReport("测试市示例局", 2021), map[string]string{"agency": long}))
	if status < 400 || !strings.Contains(body, "过长") {
		t.Errorf("a 1000-character name: %d %s, want refused as too long", status, snippet(body))
	}
	for _, name := range []string{"测试市示例局", "测试市\u200b示例局"} {
		data := syntheticReport(name, 2021)
		data = append(data, []byte(name)...) // a different file each time
		if status, body := do(t, h, multipartUpload(t, "/api/reports", "a.txt", data, nil)); status != http.StatusCreated {
			t.Fatalf("%q: %d %s", name, status, snippet(body))
		}
	}
	if tb, err := db.SQL(context.Background(), "SELECT count(*) FROM agencies"); err != nil || fmt.Sprint(tb.Rows) != "[[1]]" {
		t.Errorf("agencies after uploads with and without a zero-width space: %v %v, want 1", tb, err)
	}
}

// TestClientAddress checks that X-Forwarded-For is believed only from the
// configured proxies.
func TestClientAddress(t *testing.T) {
	_, proxies, _ := net.ParseCIDR("10.0.0.0/8")
	tests := []struct {
		name    string
		proxies []*net.IPNet
		remote  string
		want    string
	}{
		{"no proxy configured", nil, "10.1.2.3:5555", "10.1.2.3"},
		{"from the proxy", []*net.IPNet{proxies}, "10.1.2.3:5555", "203.0.113.9"},
		{"from a client on the LAN", []*net.IPNet{proxies}, "192.168.1.7:5555", "192.168.1.7"},
		{"from loopback", []*net.IPNet{proxies}, "127.0.0.1:5555", "127.0.0.1"},
	}
	for _, tt := range tests {
		var logs bytes.Buffer
		h := New(emptyDB(t), slog.New(slog.NewTextHandler(&logs, nil)), Options{TrustedProxies: tt.proxies})
		req := httptest.NewRequest(http.MethodGet, "/healthz", nil)
		req.RemoteAddr = tt.remote
		req.Header.Set("X-Forwarded-For", "203.0.113.9")
		do(t, h, req)
		if !strings.Contains(logs.String(), "remote="+tt.want+"\n") && !strings.Contains(logs.String(), "remote="+tt.want+" ") {
			t.Errorf("%s: logged %q, want remote=%s", tt.name, logs.String(), tt.want)
		}
	}
}

// TestSmallHoles: HEAD /healthz answers, /static/ lists nothing.
func TestSmallHoles(t *testing.T) {
	h := New(emptyDB(t), testLogger(t), Options{})
	tests := []struct {
		method, path string
		status       int
	}{
		{http.MethodHead, "/healthz", http.StatusOK},
		{http.MethodGet, "/healthz", http.StatusOK},
		{http.MethodGet, "/static/", http.StatusNotFound},
		{http.MethodGet, "/static/vendor/", http.StatusNotFound},
		{http.MethodGet, "/static/vendor", http.StatusNotFound},
		{http.MethodGet, "/static/app.css", http.StatusOK},
	}
	for _, tt := range tests {
		status, body := do(t, h, httptest.NewRequest(tt.method, tt.path, nil))
		if status != tt.status {
			t.Errorf("%s %s: %d, want %d", tt.method, tt.path, status, tt.status)
		}
		if strings.Contains(body, "app.js") && tt.status == http.StatusNotFound {
			t.Errorf("%s %s lists files: %s", tt.method, tt.path, snippet(body))
		}
	}
}
