//go:build linux

package warehouse

// The statements' run loop. duckdb-go runs every statement through
// duckdb_pending_prepared and then duckdb_execute_pending, whose loop in
// DuckDB (PendingQueryResult::ExecuteInternal) asks for the query's next
// task again at once whenever none is left for the calling thread: while
// DuckDB's worker runs a query's last task of a pipeline, the request's own
// thread spins on a core, beside the worker it waits for and the other
// requests' queries (7.7 % of the server's CPU with eight clients at a
// million reports, docs/benchmarks.md). duckdb-go offers no hook into that
// loop, so the linker sends its calls of duckdb_execute_pending to
// __wrap_duckdb_execute_pending below (GNU ld's --wrap, which cgo allows),
// which runs the tasks itself with duckdb_pending_execute_task, sleeps 50 µs
// whenever none is left for it (or one is blocked), and then fetches the
// result through DuckDB's own duckdb_execute_pending, which returns at once.
//
// GNU ld's --wrap is Linux's linker's (runloop_other.go leaves the loop as
// DuckDB's elsewhere).
//
// One difference shows: when a task fails, DuckDB's fetch puts "Invalid
// Input Error: Attempting to execute an unsuccessful or closed pending
// query result\nError: " before the task's error (its own loop would have
// returned the error alone); duckError takes it off again.

// #cgo LDFLAGS: -Wl,--wrap=duckdb_execute_pending
// #include <time.h>
//
// /* duckdb.h's handles, passed through unread. */
// typedef void *gk_pending_result;
// int duckdb_pending_execute_task(gk_pending_result pending);
// int __real_duckdb_execute_pending(gk_pending_result pending, void *out);
//
// /* duckdb_pending_state */
// enum { gk_pending_not_ready = 1, gk_pending_no_tasks = 3 };
//
// /* How many statements ran through the wrapper: tests see it linked. */
// unsigned long gk_pending_runs;
//
// int __wrap_duckdb_execute_pending(gk_pending_result pending, void *out) {
// 	struct timespec nap = {0, 50000};
// 	__atomic_add_fetch(&gk_pending_runs, 1, __ATOMIC_RELAXED);
// 	for (;;) {
// 		int st = duckdb_pending_execute_task(pending);
// 		if (st == gk_pending_no_tasks) {
// 			nanosleep(&nap, 0);
// 		} else if (st != gk_pending_not_ready) {
// 			break; /* ready, or failed: the fetch returns the result or the error */
// 		}
// 	}
// 	return __real_duckdb_execute_pending(pending, out);
// }
//
// static unsigned long gk_pending_count(void) { return __atomic_load_n(&gk_pending_runs, __ATOMIC_RELAXED); }
import "C"

// pendingRuns returns how many statements have run through the wrapper of
// duckdb_execute_pending in this process, for the test that it is linked.
// It never fails.
func pendingRuns() uint64 { return uint64(C.gk_pending_count()) }
