package warehouse

import (
	"context"
	"errors"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestRunLoopLinked checks that the statements run through the wrapper
// of duckdb_execute_pending (runloop.go), and that a statement whose task
// fails still answers with its own error, the fetch's prefix taken off.
func TestRunLoopLinked(t *testing.T) {
	ctx := context.Background()
	db, err := OpenWith(ctx, filepath.Join(t.TempDir(), "w.duckdb"), Options{Threads: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if runtime.GOOS != "linux" {
		t.Skip("the wrapper is linked on Linux only (runloop.go)")
	}
	before := pendingRuns()
	var n int64
	if err := db.db.QueryRowContext(ctx, "SELECT count(*) FROM range(1000000) t(i) WHERE i % 7 = 0").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 142858 {
		t.Errorf("count = %d, want 142858", n)
	}
	if pendingRuns() == before {
		t.Fatal("the statement did not run through __wrap_duckdb_execute_pending: is -Wl,--wrap=duckdb_execute_pending linked?")
	}
	// A conversion that fails while the query runs, not while it is planned.
	_, err = db.db.ExecContext(ctx, "SELECT CAST(CASE WHEN i = 99999 THEN 'x' ELSE i::VARCHAR END AS INTEGER) FROM range(100000) t(i)")
	if err == nil {
		t.Fatal("the failing cast ran")
	}
	if msg := duckMessage(err); !strings.HasPrefix(msg, "Conversion Error:") {
		t.Errorf("duckMessage = %q, want the conversion's own error", msg)
	}
	if got := duckError(errors.New("Invalid Input Error: Attempting to execute an unsuccessful or closed pending query result\nError: Out of Memory Error: x")); got != "Out of Memory Error: x" {
		t.Errorf("duckError = %q", got)
	}
}
