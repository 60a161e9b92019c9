package dashboard

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// TestAnswerBudget: large API answers are encoded and written within the
// answer budget, however many clients ask at once. Through the real router,
// three clients that do not read ask at once for the same large result (one
// query, three answers); the budget holds two: the third waits until one of
// the first two has been read, and a fourth whose time ends while it waits
// is told the server is busy. Without the budget all answers were built at
// once (16 clients at 100k reports: 861 MB of heap in use; --max-conns
// 1000 of them past the process's memory cap).
func TestAnswerBudget(t *testing.T) {
	db, _ := fixtureDB(t)
	h, e := newHandler(db, testLogger(t), Options{Public: true, QueryTimeout: 5 * time.Second})
	const path = "/api/queries/quality_matrix?limit=100000"
	if code, body := fetch(t, e, path); code != http.StatusOK {
		t.Fatalf("%s: %d %s", path, code, snippet(body))
	}
	var one int64
	for _, en := range h.cache.entries {
		one = max(one, tableBytes(en.table))
	}
	h.answers = newAnswerBudget(2 * one)
	h.answers.small = 0

	var clients []*slowReader
	var wg sync.WaitGroup
	for range 3 {
		w := &slowReader{ResponseRecorder: httptest.NewRecorder(), writing: make(chan struct{}), read: make(chan struct{})}
		clients = append(clients, w)
		wg.Add(1)
		go func() {
			defer wg.Done()
			e.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
		}()
	}
	writing := func() (n int) {
		for _, w := range clients {
			select {
			case <-w.writing:
				n++
			default:
			}
		}
		return n
	}
	deadline := time.Now().Add(3 * time.Second)
	for writing() < 2 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond) // the third, given room, would be writing by now
	if n := writing(); n != 2 {
		t.Fatalf("%d of 3 large answers are being written at once, want 2 (the budget holds two)", n)
	}
	if used := h.answers.inUse(); used > h.answers.max {
		t.Errorf("answers in flight hold %d bytes of a budget of %d", used, h.answers.max)
	}
	// A fourth, short of time, gives up waiting with 503.
	short := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	ctx, cancel := context.WithTimeout(req.Context(), 200*time.Millisecond)
	defer cancel()
	e.ServeHTTP(short, req.WithContext(ctx))
	if short.Code != http.StatusServiceUnavailable {
		t.Errorf("a large answer that found no room in its time: %d, want 503", short.Code)
	}
	// One read: the waiting one goes on.
	for _, w := range clients {
		select {
		case <-w.writing:
			close(w.read)
			goto released
		default:
		}
	}
released:
	deadline = time.Now().Add(3 * time.Second)
	for writing() < 3 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if n := writing(); n != 3 {
		t.Fatalf("after one answer was read, %d answers have started, want 3", n)
	}
	for _, w := range clients {
		select {
		case <-w.read:
		default:
			close(w.read)
		}
	}
	wg.Wait()
	for i, w := range clients {
		if w.Code != http.StatusOK {
			t.Errorf("client %d: %d", i, w.Code)
		}
	}
	if used := h.answers.inUse(); used != 0 {
		t.Errorf("after every answer, %d bytes of the budget are still taken", used)
	}
}

// TestSourceBudget: a report's source file is held in memory until sent,
// so room for it is taken before it is read. With a budget of one file,
// of two clients that do not read /reports/{id}/source the second waits
// until the first has read, and a third whose time ends meanwhile is told
// the server is busy. Before, every request read its file at once (up to
// 32 MB an upload, --max-conns 1000 of them).
//
// The third request's time ends on cue, once the budget holds it
// (answerBudget.waiters), not on a 200 ms deadline: on a loaded machine
// (load 9-15) that deadline passed in the session, visibility or source
// queries before the request reached the budget, and a query that runs out
// of time is rightly a 504, so the test failed with 504 for a reason that
// was not the budget's.
func TestSourceBudget(t *testing.T) {
	db := emptyDB(t)
	h, e := newHandler(db, testLogger(t), Options{QueryTimeout: 5 * time.Second})
	file := syntheticReport("测试市源文件局", 2021)
	status, body := do(t, asAdmin(t, db, e), multipartUpload(t, "/api/reports", "源.txt", file, nil))
	var res uploadResult
	if err := json.Unmarshal([]byte(body), &res); status != http.StatusCreated || err != nil {
		t.Fatalf("upload: %d %s", status, snippet(body))
	}
	path := "/reports/" + itoa64(res.ReportID) + "/source"
	view := asAdmin(t, db, e)
	h.answers = newAnswerBudget(int64(len(file)))
	h.answers.small = 0
	// The budget's own wait must not be what ends the third request.
	defer func(w time.Duration) { answerWait = w }(answerWait)
	answerWait = time.Minute

	// waitFor polls until n requests wait for room in the budget.
	waitFor := func(n int, what string) {
		t.Helper()
		for end := time.Now().Add(10 * time.Second); h.answers.waiters() != n; time.Sleep(2 * time.Millisecond) {
			if time.Now().After(end) {
				t.Fatalf("%s: %d requests wait for room, want %d", what, h.answers.waiters(), n)
			}
		}
	}

	clients := []*slowReader{}
	var wg sync.WaitGroup
	for range 2 {
		w := &slowReader{ResponseRecorder: httptest.NewRecorder(), writing: make(chan struct{}), read: make(chan struct{})}
		clients = append(clients, w)
		wg.Add(1)
		go func() {
			defer wg.Done()
			view.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
		}()
	}
	first := -1
	deadline := time.Now().Add(10 * time.Second)
	for first < 0 && time.Now().Before(deadline) {
		for i, w := range clients {
			select {
			case <-w.writing:
				first = i
			default:
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	if first < 0 {
		t.Fatal("no source is being sent")
	}
	second := clients[1-first]
	waitFor(1, "while one source is sent")
	select {
	case <-second.writing:
		t.Fatal("two sources are being sent at once against a budget of one")
	default:
	}

	ends := make(chan struct{})
	req := httptest.NewRequest(http.MethodGet, path, nil)
	short := httptest.NewRecorder()
	served := make(chan struct{})
	go func() {
		defer close(served)
		view.ServeHTTP(short, req.WithContext(endsOnCue{req.Context(), ends}))
	}()
	waitFor(2, "a third request")
	close(ends)
	select {
	case <-served:
	case <-time.After(10 * time.Second):
		t.Fatal("a source whose time ended still waits for room")
	}
	if short.Code != http.StatusServiceUnavailable {
		t.Errorf("a source that found no room in its time: %d, want 503", short.Code)
	}
	close(clients[first].read)
	select {
	case <-second.writing:
	case <-time.After(3 * time.Second):
		t.Fatal("the second source did not start once the first was read")
	}
	close(second.read)
	wg.Wait()
	for i, w := range clients {
		if w.Code != http.StatusOK || w.Body.String() != string(file) {
			t.Errorf("client %d: %d, %d bytes, want 200 and the file", i, w.Code, w.Body.Len())
		}
	}
	if used := h.answers.inUse(); used != 0 {
		t.Errorf("after both files, %d bytes of the budget are still taken", used)
	}
}

// endsOnCue is a request context whose deadline passes when ends is
// closed: the test decides when a request's time ends, not the machine's
// load.
type endsOnCue struct {
	context.Context
	ends chan struct{}
}

func (c endsOnCue) Done() <-chan struct{} { return c.ends }

func (c endsOnCue) Err() error {
	select {
	case <-c.ends:
		return context.DeadlineExceeded
	default:
		return nil
	}
}
