package main

/*
int gk_budget_install(long long budget, int *code);
void gk_budget_set(long long budget);
long long gk_budget_mapped(void);
long long gk_budget_peak(void);
long long gk_budget_refused(void);
*/
import "C"

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// A capped server (memcap.go) still died at its cap, about once in eleven
// runs of an analyst's growing statement (review s34): the statement's
// strings take the process to RLIMIT_DATA, and whatever else allocates at
// that moment fails with it; when that is the Go runtime (a thread, its
// heap), the process ends. headroom_linux.go narrowed the moment; this
// closes it for DuckDB's allocations, which the statement's strings are:
// DuckDB's allocator (its bundled jemalloc) gets a budget below the cap
// (duckbudget_linux.c), and a mapping past it fails inside DuckDB, so the
// statement fails there while the cap's last reserve stays free for the Go
// runtime, the C library's malloc and the threads' stacks. The cap stays,
// for what does not go through jemalloc.

// The budget moves with the rest of the process: every budgetEvery it is
// set to the cap less the reserve less what the process holds outside
// DuckDB's allocator (its data, /proc/self/statm, less what jemalloc holds
// mapped). The rest is mostly threads' stacks, 8 MB each whether used or
// not, and the Go heap: measured ~490 MB of a 1 GB cap in
// TestServeMemoryCap's server, so a fixed budget of three quarters of the
// cap let the statement reach the cap at 527 MB in jemalloc, as before.
// A mapping is refused when the data at the last reading plus what
// jemalloc mapped since passes the cap less the reserve, so that extents
// mapped before the hooks (uncounted, and subtracted when unmapped) do
// not move the test: their error is in both terms.
const budgetEvery = 100 * time.Millisecond

// duckBudgetReserve is what DuckDB's allocator leaves free below the cap
// for the rest of the process to grow into while a statement holds the
// budget: new threads (8 MB of stack each), the Go heap past its headroom,
// the C library's malloc. An eighth of the cap, at least 128 MB.
func duckBudgetReserve(capBytes uint64) uint64 {
	return max(capBytes/8, 128<<20)
}

// budgetDuckDB puts a budget below capBytes on DuckDB's allocator and keeps
// it up to date until ctx ends, when it takes it off. Call it after the cap
// is set and before the warehouse opens; one server a process at a time.
// It returns the budget first set.
func budgetDuckDB(ctx context.Context, capBytes uint64) (uint64, error) {
	reserve := duckBudgetReserve(capBytes)
	budget := func() int64 {
		data, err := processData()
		if err != nil {
			return -1
		}
		// At least 1 byte: 0 is no budget.
		return max(int64(capBytes)-int64(reserve)-(data-duckMapped()), 1)
	}
	first := budget()
	if first < 0 {
		return 0, fmt.Errorf("/proc/self/statm unreadable")
	}
	var code C.int
	if step := C.gk_budget_install(C.longlong(first), &code); step != 0 {
		return 0, fmt.Errorf("jemalloc step %d: %w", -step, syscall.Errno(code))
	}
	go func() {
		t := time.NewTicker(budgetEvery)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				// The server has stopped: no budget (a test's process
				// goes on).
				C.gk_budget_set(0)
				return
			case <-t.C:
			}
			if b := budget(); b > 0 {
				C.gk_budget_set(C.longlong(b))
			}
		}
	}()
	return uint64(first), nil
}

// processData is the process's data and stack in bytes (/proc/self/statm's
// sixth field, pages): what RLIMIT_DATA counts, and the main thread's
// stack.
func processData() (int64, error) {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0, err
	}
	f := strings.Fields(string(b))
	if len(f) < 6 {
		return 0, fmt.Errorf("statm: %q", b)
	}
	pages, err := strconv.ParseInt(f[5], 10, 64)
	return pages * int64(os.Getpagesize()), err
}

// duckMapped is what DuckDB's allocator holds mapped since budgetDuckDB;
// duckPeak the most it held since the last call of duckPeak; duckRefused
// how many mappings the budget refused.
func duckMapped() int64  { return int64(C.gk_budget_mapped()) }
func duckPeak() int64    { return int64(C.gk_budget_peak()) }
func duckRefused() int64 { return int64(C.gk_budget_refused()) }
