package dashboard

import (
	"log/slog"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestWarmerQueuesOne checks that starts during a run neither overlap it nor
// pile up: one more run follows, and then the warmer is idle again.
func TestWarmerQueuesOne(t *testing.T) {
	var runs, running atomic.Int32
	release := make(chan struct{})
	done := make(chan struct{}, 10)
	w := &warmer{warm: func() {
		if running.Add(1) > 1 {
			t.Error("two warm-ups ran at once")
		}
		<-release
		running.Add(-1)
		runs.Add(1)
		done <- struct{}{}
	}}
	w.start()
	for i := 0; i < 5; i++ {
		w.start() // while the first run waits: one is queued, the rest dropped
	}
	release <- struct{}{}
	<-done
	release <- struct{}{}
	<-done
	deadline := time.Now().Add(5 * time.Second)
	for w.state.Load() != warmIdle {
		if time.Now().After(deadline) {
			t.Fatal("the warmer never went idle")
		}
		time.Sleep(time.Millisecond)
	}
	if got := runs.Load(); got != 2 {
		t.Errorf("runs = %d, want 2", got)
	}
	w.start()
	release <- struct{}{}
	<-done
	if got := runs.Load(); got != 3 {
		t.Errorf("runs after idle start = %d, want 3", got)
	}
}

// TestWarmWithCacheOff checks that a server with Warm and the page cache off
// (serve --page-cache 0, as the bench-scale end runs serve) still runs the
// warehouse's read-ahead for 地区比较 at start: before session 35 it ran
// only with the cache on, and /compare's first requests with a piece of a
// name read the kept totals' whole check and prepared their statements
// themselves.
func TestWarmWithCacheOff(t *testing.T) {
	db, _ := fixtureDB(t)
	var log lockedBuffer
	New(db, slog.New(slog.NewTextHandler(&log, nil)), Options{Public: true, Warm: true, CacheEntries: -1})
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(log.String(), "地区比较 read ahead") {
		if time.Now().After(deadline) {
			t.Fatalf("no read-ahead with the cache off in 30 s; log:\n%s", log.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if strings.Contains(log.String(), "dashboard warmed") {
		t.Errorf("pages were rendered with the cache off:\n%s", log.String())
	}
}
