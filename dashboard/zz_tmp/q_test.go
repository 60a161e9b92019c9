package zz

import (
	"context"
	"testing"
	"time"

	"gongkai/warehouse"
)

func TestTimes(t *testing.T) {
	db, err := warehouse.Open(context.Background(), "/tmp/gongkai-bench-100000-seed2021.duckdb")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, id := range []int64{30, 50000, 99000} {
		start := time.Now()
		r, err := db.Report(context.Background(), id)
		t.Logf("report %d %8v values=%d err=%v", id, time.Since(start).Round(time.Millisecond), len(r.Report.Values), err)
	}
}
