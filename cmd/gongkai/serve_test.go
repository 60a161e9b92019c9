package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
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
	s := startServe(t)
	// --public: anonymous visitors see the dashboards; the upload page leads to the login form.
	for _, tt := range []struct{ path, want string }{{"healthz", "ok"}, {"", "总览"}, {"upload", "<h1>登录</h1>"}} {
		resp, err := http.Get(s.base + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(body), tt.want) {
			t.Errorf("GET /%s: %d, want %q", tt.path, resp.StatusCode, tt.want)
		}
	}
	s.stop(t)
	if !strings.Contains(s.stderr.String(), "uri=/healthz") {
		t.Errorf("requests are not logged: %s", s.stderr.String())
	}
}

// TestServeCPUProfile serves a page with --cpu-profile and wants the
// profile written when the server stops: gzip-compressed protocol buffers,
// as runtime/pprof writes them.
func TestServeCPUProfile(t *testing.T) {
	prof := filepath.Join(t.TempDir(), "cpu.pprof")
	s := startServe(t, "--cpu-profile", prof)
	resp, err := http.Get(s.base)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	s.stop(t)
	b, err := os.ReadFile(prof)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
		t.Errorf("%s is not a gzip-compressed profile: %d bytes, % x", prof, len(b), b[:min(len(b), 8)])
	}
}

// testServer is `gongkai serve` run in this process over an empty warehouse.
type testServer struct {
	base           string // http://127.0.0.1:port/
	cancel         context.CancelFunc
	done           chan error
	stdout, stderr syncBuffer
}

// startServe starts `gongkai serve --public` with more flags on a free port
// over an empty warehouse and waits until it prints its address.
func startServe(t *testing.T, flags ...string) *testServer {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	s := &testServer{cancel: cancel, done: make(chan error, 1)}
	db := filepath.Join(t.TempDir(), "serve.duckdb")
	args := append([]string{"serve", "--addr", "127.0.0.1:0", "--public", "--db", db}, flags...)
	go func() {
		s.done <- run(ctx, args, func(string) string { return "" }, strings.NewReader(""), &s.stdout, &s.stderr)
	}()
	addr := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	for deadline := time.Now().Add(30 * time.Second); s.base == "" && time.Now().Before(deadline); {
		select {
		case err := <-s.done:
			t.Fatalf("serve stopped early: %v\n%s", err, s.stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
		s.base = addr.FindString(s.stdout.String())
	}
	if s.base == "" {
		t.Fatalf("serve did not print its address; stdout %q stderr %q", s.stdout.String(), s.stderr.String())
	}
	return s
}

// stop cancels the server's context, as SIGINT does: run must return nil
// after a graceful shutdown.
func (s *testServer) stop(t *testing.T) {
	t.Helper()
	s.cancel()
	select {
	case err := <-s.done:
		if err != nil {
			t.Errorf("serve after cancel: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not shut down")
	}
}

func TestServeUsage(t *testing.T) {
	_, errs, code := runCmd(t, "", "serve", "extra")
	if code != 2 || !strings.Contains(errs, "用法") {
		t.Errorf("serve extra: exit %d, %q", code, errs)
	}
}
