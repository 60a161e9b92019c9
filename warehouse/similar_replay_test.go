package warehouse

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"hash/fnv"
	"runtime"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

var simReplay = flag.String("sim-replay", "", "a warehouse whose section signatures TestSimIndexReplay replays (opened read-only)")
var simReplayMax = flag.Int("sim-replay-max", 0, "replay at most this many sections (0: all)")

// TestSimIndexReplay replays the stored section signatures of a warehouse
// (state_fingerprints, in the order they were loaded) through the 内容雷同
// index alone, as a load from empty meets them: each section is searched
// for, then added. No DuckDB, one goroutine, so that the index's cost and
// memory are measured apart from the rest of a load:
//
//	go test -run '^TestSimIndexReplay$' -v ./warehouse -sim-replay FILE
//
// It logs, every 100k sections, the search's and the adding's CPU a
// section and the index's live heap, then the index's tables, and a
// checksum over every match (the section, the report it names, its
// similarity and band, the named entry's place): a change to the index
// must leave the count and the checksum as they were.
func TestSimIndexReplay(t *testing.T) {
	if *simReplay == "" {
		t.Skip("no -sim-replay warehouse")
	}
	ctx := context.Background()
	db, err := OpenReadOnly(ctx, *simReplay)
	if err != nil {
		t.Fatal(err)
	}
	type rec struct {
		e   sigEntry
		sig [sigSize]uint32
	}
	var recs []rec
	read := time.Now()
	err = scanRows(ctx, db.db, stmt("state_fingerprints"), nil, func(rows *sql.Rows) error {
		var r rec
		var values []any
		if err := rows.Scan(&r.e.report, &r.e.agency, &r.e.name, &r.e.year, &r.e.numeral, &values); err != nil {
			return err
		}
		n := 0
		for _, v := range values {
			if u, ok := v.(uint32); ok && n < sigSize {
				r.sig[n] = u
				n++
			}
		}
		if n == sigSize && (*simReplayMax == 0 || len(recs) < *simReplayMax) {
			recs = append(recs, r)
		}
		return nil
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d sections read in %v", len(recs), time.Since(read).Round(time.Millisecond))
	live := func() uint64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	base := live()
	always := func(report, agency int64, year int) bool { return true }
	ix := newSimIndex(0)
	sum := fnv.New64a()
	found := 0
	// CPU time of this thread: the machine is shared, and wall time
	// counts the others' work.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	threadCPU := func() time.Duration {
		var ts unix.Timespec
		unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts)
		return time.Duration(ts.Nano())
	}
	var searchT, addT time.Duration
	var sliceSearch, sliceAdd time.Duration
	const slice = 100000
	for i := range recs {
		r := &recs[i]
		var m match
		ix.visits++
		t0 := threadCPU()
		ix.search(&m, &r.e, r.e.numeral, r.sig[:], ix.visits, always)
		t1 := threadCPU()
		ix.add(r.e, r.sig[:])
		t2 := threadCPU()
		sliceSearch += t1 - t0
		sliceAdd += t2 - t1
		if m.found {
			found++
			fmt.Fprintf(sum, "%d %d %d %d %d %d %s\n", i, m.e.report, m.e.agency, m.same, m.band, m.seq, m.e.name)
		}
		if (i+1)%slice == 0 || i+1 == len(recs) {
			n := (i % slice) + 1
			t.Logf("%8d sections: search %.2f µs, add %.2f µs of CPU a section; index %d MB live", i+1,
				float64(sliceSearch.Nanoseconds())/float64(n)/1e3, float64(sliceAdd.Nanoseconds())/float64(n)/1e3,
				(live()-base)>>20)
			searchT += sliceSearch
			addT += sliceAdd
			sliceSearch, sliceAdd = 0, 0
		}
	}
	t.Logf("search %v, add %v in all; %d matches, checksum %016x", searchT.Round(time.Millisecond),
		addT.Round(time.Millisecond), found, sum.Sum64())
	t.Logf("index: %s", ix.stats())
	runtime.KeepAlive(recs)
}

// stats describes the index's tables, for TestSimIndexReplay.
func (ix *simIndex) stats() string {
	entries, caps, largest := 0, 0, 0
	for _, b := range ix.buckets {
		entries += len(b)
		caps += cap(b)
		largest = max(largest, len(b))
	}
	return fmt.Sprintf("%d entries, %d clusters, %d block keys, %d buckets of %d entries (capacity %d, largest %d: %d MB), %d names",
		ix.entries.n, ix.clusters.n, len(ix.byBlock), len(ix.buckets), entries, caps, largest,
		caps*int(unsafe.Sizeof(blockEntry{}))>>20, len(ix.names))
}
