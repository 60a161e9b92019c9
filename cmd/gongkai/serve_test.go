package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe to read while run writes to it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServe starts `gongkai serve` on a free port over an empty warehouse,
// fetches /healthz and pages with --public, and stops it by canceling the context, as
// SIGINT does: run must return nil after a graceful shutdown.
func TestServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	db := filepath.Join(t.TempDir(), "serve.duckdb")
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--public", "--db", db}, func(string) string { return "" },
			strings.NewReader(""), &stdout, &stderr)
	}()

	addr := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	var base string
	for deadline := time.Now().Add(30 * time.Second); base == "" && time.Now().Before(deadline); {
		select {
		case err := <-done:
			t.Fatalf("serve stopped early: %v\n%s", err, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
		base = addr.FindString(stdout.String())
	}
	if base == "" {
		t.Fatalf("serve did not print its address; stdout %q stderr %q", stdout.String(), stderr.String())
	}
	// --public: anonymous visitors see the dashboards; the upload page leads to the login form.
	for _, tt := range []struct{ path, want string }{{"healthz", "ok"}, {"", "总览"}, {"upload", "<h1>登录</h1>"}} {
		resp, err := http.Get(base + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(body), tt.want) {
			t.Errorf("GET /%s: %d, want %q", tt.path, resp.StatusCode, tt.want)
		}
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve after cancel: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not shut down")
	}
	if !strings.Contains(stderr.String(), "uri=/healthz") {
		t.Errorf("requests are not logged: %s", stderr.String())
	}
}

func TestServeUsage(t *testing.T) {
	_, errs, code := runCmd(t, "", "serve", "extra")
	if code != 2 || !strings.Contains(errs, "用法") {
		t.Errorf("serve extra: exit %d, %q", code, errs)
	}
}
