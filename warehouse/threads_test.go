package warehouse

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// threadsNow is DuckDB's thread count, read outside the sandbox.
func threadsNow(t *testing.T, db *DB) int {
	t.Helper()
	return count(t, db, "SELECT current_setting('threads')::INTEGER")
}

// TestQueryThreadsWidenForSQL holds Options.QueryThreads: the instance runs
// on QueryThreads while no sandbox statement runs and on Threads while one
// does (nested holders keep it wide until the last lets go), and the
// configuration stays locked for everything but the thread count.
func TestQueryThreadsWidenForSQL(t *testing.T) {
	ctx := context.Background()
	db, err := OpenWith(ctx, filepath.Join(t.TempDir(), "w.duckdb"), Options{Threads: 3, QueryThreads: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n := threadsNow(t, db); n != 1 {
		t.Fatalf("threads after open: %d, want QueryThreads 1", n)
	}

	a, err := db.widen(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := db.widen(ctx)
	if n := threadsNow(t, db); n != 3 {
		t.Errorf("threads while widened: %d, want Threads 3", n)
	}
	a()
	a() // a second call does nothing
	if n := threadsNow(t, db); n != 3 {
		t.Errorf("threads while one holder is left: %d, want 3", n)
	}
	b()
	if n := threadsNow(t, db); n != 1 {
		t.Errorf("threads after the last holder: %d, want 1", n)
	}

	// A sandbox statement runs wide: seen from outside while it runs, then
	// narrow again once it was interrupted.
	sctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		_, err := db.SQL(sctx, "SELECT sum(i) FROM range(1000000000000) t(i)")
		done <- err
	}()
	wide := false
	for deadline := time.Now().Add(30 * time.Second); !wide && time.Now().Before(deadline); {
		select {
		case err := <-done:
			t.Fatalf("the statement ended before it was seen wide: %v", err)
		case <-time.After(5 * time.Millisecond):
		}
		wide = threadsNow(t, db) == 3
	}
	cancel()
	<-done
	if !wide {
		t.Error("no sandbox statement ran on Threads")
	}
	if n := threadsNow(t, db); n != 1 {
		t.Errorf("threads after the statement: %d, want 1", n)
	}

	for _, q := range []string{"SET memory_limit = '8GB'", "SET enable_external_access = true", "SET lock_configuration = false",
		"SET GLOBAL allowed_configs = ['memory_limit']"} {
		if _, err := db.db.ExecContext(ctx, q); err == nil || !strings.Contains(err.Error(), "lock") {
			t.Errorf("%s: %v, want refused, the configuration locked", q, err)
		}
	}
}

// TestThreadsWithoutQueryThreads: without QueryThreads the instance keeps
// Threads, and even the thread count is locked.
func TestThreadsWithoutQueryThreads(t *testing.T) {
	ctx := context.Background()
	db, err := OpenWith(ctx, filepath.Join(t.TempDir(), "w.duckdb"), Options{Threads: 3})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n := threadsNow(t, db); n != 3 {
		t.Errorf("threads: %d, want 3", n)
	}
	release, err := db.widen(ctx)
	if err != nil {
		t.Fatal(err)
	}
	release()
	if _, err := db.db.ExecContext(ctx, "SET threads = 1"); err == nil {
		t.Error("SET threads ran, want refused, the configuration locked")
	}
}
