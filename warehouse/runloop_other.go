//go:build !linux

package warehouse

// pendingRuns is 0 where the linker has no --wrap: statements run through
// DuckDB's own loop (runloop.go). It never fails.
func pendingRuns() uint64 { return 0 }
