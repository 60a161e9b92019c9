//go:build linux

package main

import (
	"context"
	"database/sql"
	"os"
	"os/exec"
	"runtime"
	"sync"
	"testing"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"
)

// TestDuckBudgetHooksNoDeadlock runs, in a process of its own with the
// budget's hooks on DuckDB's allocator, queries whose large results are
// freed on threads that never used the allocator before (goroutines locked
// to threads that end with them): the hooks first called jemalloc's default
// alloc and merge, which complete such a thread's allocator state by
// allocating, and a free that merged extents under the extent cache's lock
// waited for itself (TestScalePages with the hooks stood for minutes).
func TestDuckBudgetHooksNoDeadlock(t *testing.T) {
	if os.Getenv("GONGKAI_BUDGET_CHILD") != "" {
		duckBudgetChild(t)
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestDuckBudgetHooksNoDeadlock$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), "GONGKAI_BUDGET_CHILD=1", "DUCKDB_JE_MALLOC_CONF="+allocatorConf)
	done := make(chan error, 1)
	var out []byte
	go func() {
		var err error
		out, err = cmd.CombinedOutput()
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("child: %v\n%s", err, out)
		}
	case <-time.After(2 * time.Minute):
		cmd.Process.Kill()
		<-done
		t.Fatalf("the queries stood for 2 minutes with the hooks on (deadlock in the allocator?)\n%.2000s", out)
	}
}

func duckBudgetChild(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if _, err := budgetDuckDB(ctx, 64<<30); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("duckdb", "?threads=2")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var wg sync.WaitGroup
	rows := make(chan *sql.Rows)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 150 {
				r, err := db.Query("SELECT repeat('x', 1000 + ?::INT) || range::VARCHAR AS s FROM range(600)", i*37)
				if err != nil {
					t.Error(err)
					return
				}
				for r.Next() {
				}
				rows <- r
			}
		}()
	}
	go func() { wg.Wait(); close(rows) }()
	var closers sync.WaitGroup
	for r := range rows {
		closers.Add(1)
		go func() {
			defer closers.Done()
			// A thread of its own, ended with the goroutine: its first
			// use of the allocator is this result's free.
			runtime.LockOSThread()
			r.Close()
		}()
	}
	closers.Wait()
	t.Logf("DuckDB's allocator: %d MB mapped, peak %d MB", duckMapped()>>20, duckPeak()>>20)
}
