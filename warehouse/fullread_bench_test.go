package warehouse

import (
	"context"
	"database/sql"
	"flag"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

var fullReadsRows = flag.Int("full-reads-rows", 0, "bench: TestFullReadsCost reads this many rows (two columns, BIGINT and VARCHAR) through duckdb-go alone and through the warehouse's connections, alternately five times each; 0 skips")

// TestFullReadsCost times what fullread.go adds to a read, CPU
// milliseconds per million rows, duckdb-go alone and the warehouse's
// connections alternately in one process (go test -run TestFullReadsCost
// -full-reads-rows 5000000 ./warehouse).
func TestFullReadsCost(t *testing.T) {
	if *fullReadsRows == 0 {
		t.Skip("run with -full-reads-rows N")
	}
	ctx := context.Background()
	raw, err := sql.Open("duckdb", "?threads=2")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	db, err := OpenWith(ctx, filepath.Join(t.TempDir(), "w.duckdb"), Options{Threads: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cpu := func() time.Duration {
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	read := func(d *sql.DB) float64 {
		c0 := cpu()
		rows, err := d.QueryContext(ctx, "SELECT range AS i, range::VARCHAR AS s FROM range(?)", *fullReadsRows)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		var i int64
		var s string
		for rows.Next() {
			if err := rows.Scan(&i, &s); err != nil {
				t.Fatal(err)
			}
			n++
		}
		if err := rows.Err(); err != nil || n != *fullReadsRows {
			t.Fatalf("%d rows, %v", n, err)
		}
		rows.Close()
		return float64(cpu()-c0) / 1e6 / (float64(n) / 1e6)
	}
	read(raw)
	read(db.db)
	var sums [2]float64
	for range 5 {
		a, b := read(raw), read(db.db)
		sums[0] += a
		sums[1] += b
		t.Logf("CPU ms per million rows: duckdb-go alone %.1f, the warehouse's %.1f", a, b)
	}
	t.Logf("mean: duckdb-go alone %.1f, the warehouse's %.1f (%+.1f %%)", sums[0]/5, sums[1]/5, 100*(sums[1]-sums[0])/sums[0])
}
