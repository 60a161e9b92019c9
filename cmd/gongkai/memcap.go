package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// The server's memory cap (serve --process-memory). DuckDB's memory_limit
// (--memory-limit) counts the blocks DuckDB manages, not the strings a
// query builds inside a vector: an analyst's SELECT in the SQL sandbox can
// turn a 10 kB constant into 100 MB a row with replace, regexp_replace,
// bin or a column concatenated with itself through subqueries, and a range
// of a few hundred rows then asks for more than the machine has, in one
// vector, between two checks of the timeout. Without a cap the kernel's
// out-of-memory killer ends the server (or another process); with one, the
// allocation fails inside DuckDB, which reports it as the statement's
// "Out of Memory" error, and the server answers on. The sandbox's
// allow-list cannot close this: || on a column repeated through
// subqueries grows a string as fast as any function.
//
// The cap is the kernel's limit on the process's data (RLIMIT_DATA: its
// private writable memory, ~200 MB above its resident memory when idle),
// not on its address space, which DuckDB and the Go runtime reserve far
// beyond what they use. Go's own allocations fail at it too, and the Go
// runtime then stops the process: so the default leaves room far above
// what the server needs (~0.9 GB serving a million reports at 512MB, 2.6 GB
// at the first upload, which reads the writer's state; docs/benchmarks.md).

// minProcessMemory is the least the default cap allows, whatever the
// machine's memory.
const minProcessMemory = 4 << 30

// defaultProcessMemory is serve's cap when --process-memory is not given:
// three quarters of the memory the process may use (the machine's, or its
// control group's when that is less), at least minProcessMemory; 0 (no cap)
// where the memory is not known.
func defaultProcessMemory() uint64 {
	total := machineMemory()
	if total == 0 {
		return 0
	}
	return max(total/4*3, minProcessMemory)
}

// processMemoryFlag is the cap --process-memory asks for: the default
// (defaultProcessMemory) when it is empty, else the size it gives; an
// unreadable size is a usage error naming the flag.
func processMemoryFlag(v string) (uint64, error) {
	if v == "" {
		return defaultProcessMemory(), nil
	}
	n, err := parseBytes(v)
	if err != nil {
		return 0, usageErrorf("--process-memory：%v", err)
	}
	return n, nil
}

// processGuard is what guardProcessMemory set: the cap (0 for none) and
// DuckDB's allocator's budget below it (0, with budgetErr, when it has none).
type processGuard struct {
	cap, budget uint64
	budgetErr   error
}

// guardProcessMemory caps this process's memory at capBytes (0: no cap) as
// serve and query do, before the warehouse opens, so that nothing it
// allocates is above the cap already: the Go runtime's headroom mapped
// (keepCapUsable), the cap set (capMemory), and DuckDB's allocator budgeted
// below it until ctx ends (budgetDuckDB), so that an analyst's statement
// whose strings grow past DuckDB's memory_limit fails with "Out of Memory"
// instead of the kernel's out-of-memory killer ending this process or
// another. An error is the cap's; budgetErr says the budget could not be
// put, and the cap stands without it.
func guardProcessMemory(ctx context.Context, capBytes uint64) (processGuard, error) {
	var g processGuard
	if capBytes == 0 {
		return g, nil
	}
	keepCapUsable()
	set, err := capMemory(capBytes)
	if err != nil {
		return g, fmt.Errorf("无法设置进程内存上限 %s：%w", formatBytes(capBytes), err)
	}
	if set == 0 {
		return g, nil
	}
	g.cap = set
	g.budget, g.budgetErr = budgetDuckDB(ctx, set)
	return g, nil
}

// sandboxResultBytes is the most an analyst's result (/sql, /api/sql) may
// hold in a server whose memory is capped at capBytes and which runs slots
// statements at once: the cap over 64 times the slots (a 128th at the
// default two), 4 to 64 MiB (warehouse.Options.SandboxBytes; 64 MiB
// uncapped).
//
// Why: the result is read into the Go heap and encoded there (its strings,
// then the JSON, CSV or workbook built from them, ~3-4 times the result
// while the encoder's buffer doubles), and the Go runtime never hands its
// heap's address space back, while the cap counts it: a heap grown past
// DuckDB's reserve (an eighth of the cap, duckBudgetReserve) while a
// statement held DuckDB's budget ended the server, and one grown less left
// DuckDB a budget too small for any page, for the rest of the server's
// life. TestServeMemorySoak -serve-soak-big (a 1 GB cap, 55 MB results
// beside a statement at the budget): with 64 MiB results the server died
// or stopped answering pages; the sandbox's two statements at once, at
// four times a 128th each, take a sixteenth of the cap, half the reserve.
func sandboxResultBytes(capBytes uint64, slots int) int64 {
	return int64(min(max(capBytes/uint64(64*max(slots, 1)), 4<<20), 64<<20))
}

// parseBytes reads a size such as "8GB", "512MB" or "1073741824" (bytes).
// KB, MB, GB and TB are powers of 1024, as in DuckDB's memory_limit; "0"
// is 0. Its error says what it read.
func parseBytes(s string) (uint64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := uint64(1)
	for _, u := range []struct {
		suffix string
		mult   uint64
	}{{"TIB", 1 << 40}, {"GIB", 1 << 30}, {"MIB", 1 << 20}, {"KIB", 1 << 10},
		{"TB", 1 << 40}, {"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || f < 0 || f*float64(mult) >= 1<<63 {
		return 0, fmt.Errorf("无法识别的内存大小 %q（例如 8GB、512MB）", s)
	}
	return uint64(f * float64(mult)), nil
}

// formatBytes writes n in GB or MB for the log.
func formatBytes(n uint64) string {
	if n >= 1<<30 {
		return fmt.Sprintf("%.1fGB", float64(n)/(1<<30))
	}
	return fmt.Sprintf("%dMB", n>>20)
}
