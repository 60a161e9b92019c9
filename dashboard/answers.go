package dashboard

import (
	"context"
	"sync"
	"time"

	"gongkai"
	"gongkai/warehouse"
)

// answerBudget bounds the memory of the large answers being encoded and
// written at once. A query's slot (admission.go) is given back once its
// answer starts, and every request waiting for the same cache entry gets the
// one result: N clients asking at once for /api/queries/…?limit=100000 ran
// the query once, then encoded N answers side by side, ~30–50 MB each at
// 100k reports (16 at once: 861 MB of heap in use), with nothing but
// --max-conns 1000 to stop them — past the process's memory cap, where the
// Go runtime ends the server (review s37). A report's source file (up to
// 32 MB an upload) takes room for its size before it is read
// (reportSource). A table whose estimate
// (tableBytes) is under answerSmall answers at once, so the pages' API
// calls never wait; a larger one waits for room in the budget, and is told
// the server is busy (503) when answerWait or its request's time ends
// first. The wait is short because a waiting request holds its result: a
// query's slot is free again, so waits of a minute would let a minute of
// queries' results pile up.
type answerBudget struct {
	mu    sync.Mutex
	used  int64
	max   int64
	small int64         // answerSmall; the tests lower it
	room  chan struct{} // closed and replaced when room is given back
	// waiting counts the requests waiting for room now, so that a test
	// can tell a request is held by the budget without guessing a delay.
	waiting int
}

const (
	answerSmall         = 1 << 20
	defaultAnswerBudget = 512 << 20
)

var answerWait = 5 * time.Second

func newAnswerBudget(max int64) *answerBudget {
	if max <= 0 {
		max = defaultAnswerBudget
	}
	return &answerBudget{max: max, small: answerSmall, room: make(chan struct{})}
}

// acquire takes room for t's answer and returns its release. A table
// larger than the whole budget takes it all (waiting for every other
// large answer to end).
func (b *answerBudget) acquire(ctx context.Context, t *warehouse.Table) (func(), error) {
	return b.acquireBytes(ctx, tableBytes(t))
}

// acquireBytes takes room for an answer of n bytes (a report's source
// file, say) and returns its release.
func (b *answerBudget) acquireBytes(ctx context.Context, n int64) (func(), error) {
	if n < b.small {
		return func() {}, nil
	}
	n = min(n, b.max)
	wait := time.NewTimer(answerWait)
	defer wait.Stop()
	for {
		b.mu.Lock()
		if b.used+n <= b.max {
			b.used += n
			b.mu.Unlock()
			var once sync.Once
			return func() {
				once.Do(func() {
					b.mu.Lock()
					b.used -= n
					close(b.room)
					b.room = make(chan struct{})
					b.mu.Unlock()
				})
			}, nil
		}
		room := b.room
		b.waiting++
		b.mu.Unlock()
		var err error
		select {
		case <-room:
		case <-wait.C:
			err = errAnswersBusy
		case <-ctx.Done():
			err = errAnswersBusy
		}
		b.mu.Lock()
		b.waiting--
		b.mu.Unlock()
		if err != nil {
			return nil, err
		}
	}
}

var errAnswersBusy = gongkai.Errorf(gongkai.CodeBusy, "导出繁忙：同时进行的大数据量下载过多，请稍后再试，或用 limit 减少行数。")

// waiters is the number of requests waiting for room now, for the tests.
func (b *answerBudget) waiters() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.waiting
}

// inUse is the room taken now, for the tests.
func (b *answerBudget) inUse() int64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.used
}
