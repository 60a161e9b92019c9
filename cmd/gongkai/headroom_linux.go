package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"syscall"
)

// A server whose memory is capped (RLIMIT_DATA, see memcap.go) died at the
// cap: an analyst's statement that builds strings outside DuckDB's
// memory_limit grows the process to the cap and fails there, as meant, but
// for that moment every other allocation fails too, and the Go runtime
// stops the process when its own does (a thread for a goroutine blocked in
// DuckDB: "pthread_create failed"; its heap: "cannot allocate memory"; a
// cgo malloc). Worse, DuckDB's allocator (its bundled jemalloc) keeps the
// address space it freed mapped by default, and RLIMIT_DATA counts mapped
// memory, not resident: after one such statement the process stayed at its
// cap (VmData 1.03 GB of 1 GB) and died on the next page requests. So
// serve:
//   - asks jemalloc to hand freed memory back (allocatorConf), unless the
//     operator set DUCKDB_JE_MALLOC_CONF: jemalloc reads that variable once,
//     as the program starts (setting it later changed nothing: measured),
//     so `gongkai serve` runs itself again with it set (startServeAgain,
//     whether capped or not);
//   - maps in advance what the Go runtime needs to go on at the cap: heap
//     (headroomHeap, mapped once and given back to the kernel, which keeps
//     it counted in VmData but lets Go reuse it without a new mapping) and
//     threads (headroomThreads started and left idle, which the runtime
//     reuses instead of creating one).
//
// This narrows the risk, it does not close it: Go can still need memory of
// its own (heap past the headroom, runtime metadata, a thread more) at the
// very moment a statement reaches the cap; and in about one run in twenty
// of TestServeMemoryCap ~0.4 GB stayed mapped after the statement for
// longer than 20 s (not understood; jemalloc's background threads, or
// closing the sandbox's connection after a failure, did not change it). Measured with that statement
// repeated against a 1 GB cap for 60-90 s, with and without page clients:
// before, the server died in every run (4 of 4, after 1 to ~250
// statements); after, in 1 of 10 ("cannot allocate memory", after 14). The
// cause, strings a vector builds outside memory_limit, stays (see
// memcap.go). DUCKDB_JE_MALLOC_CONF=retain:true gives the old behaviour.
//
// Freed pages stay with jemalloc for dirty_decay_ms before they go back to
// the kernel. A page's queries build hash tables and chunks of megabytes
// and free them; when the pages go back before the next request (at 500
// ms, one to three requests later under eight clients), that request
// faults every page in again, and on this machine's virtualised kernel a
// fault is dear: at 1M reports, TestScalePages with this variable at 500
// ms cost 48.8–63.0 ms of CPU a request against 38.1–41.0 at 1,000–2,000
// ms (interleaved, same hold; jemalloc's default, 1,000 with muzzy pages,
// 43.2–50.9), peak RSS within 10 MB. 1,000 ms is the shortest measured
// that keeps the pages for the next requests, so a failed statement's
// memory still goes back within about a second.
const (
	allocatorVar    = "DUCKDB_JE_MALLOC_CONF"
	allocatorConf   = "retain:false,dirty_decay_ms:1000,muzzy_decay_ms:0"
	headroomHeap    = 128 << 20
	headroomThreads = 24
)

// startServeAgain replaces the process, when args (the command line after
// the program's name) run serve and DUCKDB_JE_MALLOC_CONF is not set, by the
// same program with the same arguments and allocatorConf in its
// environment; it returns only when it does not, or when that fails (which
// it says on stderr). main calls it first, before DuckDB allocates
// anything; never call it in a process that runs other work (tests run
// serve in their own process).
func startServeAgain(args []string) {
	if len(args) == 0 || args[0] != "serve" {
		return
	}
	if _, ok := os.LookupEnv(allocatorVar); ok {
		return
	}
	exe, err := os.Executable()
	if err == nil {
		err = syscall.Exec(exe, os.Args, append(os.Environ(), allocatorVar+"="+allocatorConf))
	}
	fmt.Fprintf(os.Stderr, "gongkai: could not start again with DuckDB's allocator handing freed memory back (%v); a statement that reaches the memory cap may leave the server there\n", err)
}

// keepCapUsable maps the Go runtime's headroom said above. serve calls it
// before it sets the cap.
func keepCapUsable() {
	heap := make([]byte, headroomHeap)
	for i := 0; i < len(heap); i += 4096 {
		heap[i] = 1
	}
	runtime.KeepAlive(heap)
	heap = nil
	// A goroutine locked to its thread keeps the others off it, so each
	// runs on a thread of its own; unlocked, the threads stay idle.
	var ready, done sync.WaitGroup
	release := make(chan struct{})
	for range headroomThreads {
		ready.Add(1)
		done.Add(1)
		go func() {
			defer done.Done()
			runtime.LockOSThread()
			ready.Done()
			<-release
			runtime.UnlockOSThread()
		}()
	}
	ready.Wait()
	close(release)
	done.Wait()
	debug.FreeOSMemory()
}
