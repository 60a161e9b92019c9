package dashboard

import (
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
