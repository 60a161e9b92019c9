package main

import (
	"context"
	"log/slog"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"gongkai/warehouse"
)

// TestCompactCommand copies a demo warehouse's figures by cell and ranks
// its agencies by name (the demo's loads leave them without a rank), then
// finds nothing left to copy or rank.
func TestCompactCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.duckdb")
	if out, errs, code := runCmd(t, "", "demo", "--db", db, "--agencies", "5"); code != 0 {
		t.Fatalf("demo: exit %d: %s%s", code, out, errs)
	}
	tests := []struct {
		args []string
		code int
		want []string
		not  string
	}{
		{[]string{"compact", "--db", db}, 0, []string{"本次 28 份报告", "机构按名称排序：5 个机构"}, ""},
		{[]string{"compact", "--db", db}, 0, []string{"副本共 1 段，覆盖到第 28 份报告"}, "机构按名称排序"},
		{[]string{"compact", "--db", db}, 0, []string{"本次 0 份报告"}, "机构按名称排序"},
		{[]string{"compact", "--db", db, "extra"}, 2, []string{"用法"}, ""},
	}
	for _, tt := range tests {
		out, errs, code := runCmd(t, "", tt.args...)
		ok := code == tt.code && (tt.not == "" || !strings.Contains(out+errs, tt.not))
		for _, w := range tt.want {
			ok = ok && strings.Contains(out+errs, w)
		}
		if !ok {
			t.Errorf("%q: exit %d, output %q; want exit %d with %q, without %q", tt.args, code, out+errs, tt.code, tt.want, tt.not)
		}
	}
}

// TestServeKeepsCellsCopied runs the server's background copy by cell on a
// demo warehouse: with fewer reports waiting than it wants it leaves them,
// with enough it copies them all, and it stops when its context ends. The
// same pass ranks the agencies by name.
func TestServeKeepsCellsCopied(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.duckdb")
	if out, errs, code := runCmd(t, "", "demo", "--db", path, "--agencies", "5"); code != 0 {
		t.Fatalf("demo: exit %d: %s%s", code, out, errs)
	}
	ctx := context.Background()
	wh, err := warehouse.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer wh.Close()
	var logs syncBuffer // written by the pass's goroutine
	logger := slog.New(slog.NewTextHandler(&logs, nil))
	for _, tt := range []struct {
		least int64
		want  string
	}{
		{29, "watermark=0"},
		{28, "watermark=28"},
	} {
		cctx, stop := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() {
			defer close(done)
			keepCellsCopied(cctx, wh, logger, tt.least, time.Millisecond)
		}()
		var at warehouse.CellCopy
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			// A call that copies nothing says where the copy stands.
			if at, err = wh.CopyCells(ctx, warehouse.CellOptions{Least: 1 << 40}, nil); err != nil {
				t.Fatal(err)
			}
			// The pass ranks the agencies whatever least is.
			ranked := strings.Contains(logs.String(), "agencies ranked by name")
			if ranked && (tt.least > 28 || at.Watermark == 28) {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
		time.Sleep(20 * time.Millisecond) // a few more rounds
		stop()
		<-done
		if got := "watermark=" + itoa(at.Watermark); got != tt.want {
			t.Errorf("least %d: %s, want %s (log %s)", tt.least, got, tt.want, logs.String())
		}
	}
	if !strings.Contains(logs.String(), "copy by cell up to date") {
		t.Errorf("the log does not say the copy was made: %s", logs.String())
	}
	// The demo's loads left its agencies without a name rank: the pass
	// ranked them, and nothing is left to rank.
	if !strings.Contains(logs.String(), "agencies ranked by name") {
		t.Errorf("the log does not say the agencies were ranked: %s", logs.String())
	}
	if n, err := wh.RankAgencies(ctx); err != nil || n != 0 {
		t.Errorf("after the background pass, RankAgencies ranked %d agencies (%v), want 0", n, err)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestBackoff: a failed background task waits before its next try, twice
// as long after each failure up to the cap, and runs again at once after a
// success.
func TestBackoff(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var b backoff
	steps := []struct {
		at      time.Duration // since t0
		fail    bool          // the try at at fails (else it succeeds)
		wait    time.Duration // the wait a failure returns
		readyAt time.Duration // the first moment the task is ready again
	}{
		{0, true, backoffFirst, backoffFirst},
		{backoffFirst, true, 2 * backoffFirst, 3 * backoffFirst},
		{3 * backoffFirst, true, 4 * backoffFirst, 7 * backoffFirst},
		{7 * backoffFirst, true, 8 * backoffFirst, 15 * backoffFirst},
		{15 * backoffFirst, true, 16 * backoffFirst, 31 * backoffFirst},
		{31 * backoffFirst, true, backoffMax, 31*backoffFirst + backoffMax},
		{31*backoffFirst + backoffMax, false, 0, 31*backoffFirst + backoffMax},
		{31*backoffFirst + backoffMax, true, backoffFirst, 32*backoffFirst + backoffMax},
	}
	for i, s := range steps {
		now := t0.Add(s.at)
		if !b.ready(now) {
			t.Fatalf("step %d: not ready at %s", i, s.at)
		}
		if !s.fail {
			b.succeeded()
		} else if got := b.failed(now); got != s.wait {
			t.Errorf("step %d: waits %s, want %s", i, got, s.wait)
		}
		if s.readyAt > s.at && b.ready(t0.Add(s.readyAt-time.Second)) {
			t.Errorf("step %d: ready before %s", i, s.readyAt)
		}
		if !b.ready(t0.Add(s.readyAt)) {
			t.Errorf("step %d: not ready at %s", i, s.readyAt)
		}
	}
}
