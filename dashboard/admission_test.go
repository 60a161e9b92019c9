package dashboard

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"gongkai/warehouse"
)

// TestPageConcurrency holds the admission control: while every slot is
// taken, a page waits for one and, when its time runs out first, is told
// the server is busy (503) rather than running its queries beside the others;
// files and /healthz never wait; a page that ran gives its slot back, also
// when it fails.
func TestPageConcurrency(t *testing.T) {
	db, _ := fixtureDB(t)
	h, e := newHandler(db, testLogger(t), Options{Public: true, CacheEntries: -1, PageConcurrency: 1,
		QueryTimeout: 300 * time.Millisecond})

	h.slots <- struct{}{} // another request holds the only slot
	if code, body := fetch(t, e, "/"); code != http.StatusServiceUnavailable || !strings.Contains(body, "服务器繁忙") {
		t.Errorf("/ with every slot taken: %d %s, want 503 saying the server is busy", code, snippet(body))
	}
	for _, path := range []string{"/healthz", "/static/app.css"} {
		if code, body := fetch(t, e, path); code != http.StatusOK {
			t.Errorf("%s with every slot taken: %d %s, want 200 (it runs no query)", path, code, snippet(body))
		}
	}
	<-h.slots

	for _, path := range []string{"/", "/quality", "/agencies/999999", "/regions?year=2022"} {
		fetch(t, e, path)
		if n := len(h.slots); n != 0 {
			t.Fatalf("after %s %d slots are still taken", path, n)
		}
	}
	if code, body := fetch(t, e, "/applications"); code != http.StatusOK {
		t.Errorf("/applications with a free slot: %d %s", code, snippet(body))
	}
}

// slowReader is a client that does not read its answer until told to:
// its first write blocks until read is closed.
type slowReader struct {
	*httptest.ResponseRecorder
	once    sync.Once
	writing chan struct{}
	read    chan struct{}
}

func (w *slowReader) Write(b []byte) (int, error) {
	w.once.Do(func() { close(w.writing) })
	<-w.read
	return w.ResponseRecorder.Write(b)
}

// TestSlotFreeWhileAnswering holds that a page gives its slot back once its
// answer starts going out: with one slot, a client that does not read its
// page must not keep the next page from its queries (which would wait and
// be told the server is busy), and the slow page still arrives whole.
func TestSlotFreeWhileAnswering(t *testing.T) {
	db, _ := fixtureDB(t)
	h, e := newHandler(db, testLogger(t), Options{Public: true, CacheEntries: -1, PageConcurrency: 1,
		QueryTimeout: 2 * time.Second})
	slow := &slowReader{ResponseRecorder: httptest.NewRecorder(), writing: make(chan struct{}), read: make(chan struct{})}
	done := make(chan struct{})
	go func() {
		defer close(done)
		e.ServeHTTP(slow, httptest.NewRequest(http.MethodGet, "/applications", nil))
	}()
	select {
	case <-slow.writing:
	case <-done:
		t.Fatal("/applications ended without writing its answer")
	}
	if n := len(h.slots); n != 0 {
		t.Errorf("while /applications is being written, %d slot is still taken", n)
	}
	if code, body := fetch(t, e, "/licensing"); code != http.StatusOK {
		t.Errorf("/licensing while another page is being written: %d %s, want 200", code, snippet(body))
	}
	close(slow.read)
	<-done
	if slow.Code != http.StatusOK || !strings.Contains(slow.Body.String(), "</html>") {
		t.Errorf("the slowly read /applications: %d, %d bytes, want the whole page", slow.Code, slow.Body.Len())
	}
	if n := len(h.slots); n != 0 {
		t.Errorf("after both pages %d slots are still taken", n)
	}
}

// TestCacheRunnerHoldsSlot holds that a request never waits for another's
// query that waits for a slot: with one slot, page A holds it and, among
// its queries, asks for a result that page B, arriving meanwhile, was about
// to run. B used to put its entry in the cache before waiting for the slot,
// so A waited for B's entry while B waited for A's slot, until B's time ran
// out (503) and A ran the query itself; with serve's warm-up and two slots
// the whole dashboard stood so for the requests' time (1 minute by
// default). Now B takes the slot before it owns the entry: A runs the
// query at once and B gets A's result when A is done.
func TestCacheRunnerHoldsSlot(t *testing.T) {
	db, _ := fixtureDB(t)
	h, e := newHandler(db, testLogger(t), Options{Public: true, PageConcurrency: 1, QueryTimeout: 2 * time.Second})
	aRunning := make(chan struct{})
	var inner time.Duration
	var innerErr error
	h.dbQuery = func(ctx context.Context, name string, f warehouse.Filter) (*warehouse.Table, error) {
		if name == "overview_trend" {
			close(aRunning)
			time.Sleep(300 * time.Millisecond) // B arrives and waits
			start := time.Now()
			_, innerErr = h.cache.get(ctx, "overview_totals", warehouse.Filter{}, h.runQuery)
			inner = time.Since(start)
		}
		return &warehouse.Table{Columns: []string{"n"}, Rows: [][]any{{int64(1)}}}, nil
	}
	var wg sync.WaitGroup
	var aCode int
	wg.Add(1)
	go func() {
		defer wg.Done()
		aCode, _ = fetch(t, e, "/api/queries/overview_trend")
	}()
	<-aRunning
	bCode, bBody := fetch(t, e, "/api/queries/overview_totals")
	wg.Wait()
	if innerErr != nil || inner > time.Second {
		t.Errorf("page A's second query took %v (%v): it waited for page B's, which waited for A's slot", inner, innerErr)
	}
	if aCode != http.StatusOK || bCode != http.StatusOK {
		t.Errorf("A %d, B %d %s; want both 200", aCode, bCode, snippet(bBody))
	}
}
