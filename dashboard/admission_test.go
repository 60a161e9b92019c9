package dashboard

import (
	"net/http"
	"strings"
	"testing"
	"time"
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
