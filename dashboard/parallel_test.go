package dashboard

import (
	"context"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"gongkai"
	"gongkai/warehouse"
)

// parallelPages are the pages whose named queries run at once (queryAll),
// with filters that give each of them rows, none, a name piece and a
// region.
var parallelPages = []string{
	"/", "/applications", "/licensing", "/proactive", "/reviews", "/quality", "/compare", "/regions",
	"/?year=2021&province=贵州省", "/applications?year_from=2020&year_to=2022&agency=公安",
	"/licensing?level=县级政府", "/proactive?year=2019", "/reviews?agency=不存在的机构",
	"/quality?year=2022&mpage=2&status=missing", "/compare?year=2023&province=贵州省",
	"/regions?year=2022&province=贵州省", "/regions?year=2021&measure=apps.new&applicant=total",
}

// TestParallelQueriesSamePage holds that running a page's queries at once
// changes nothing a visitor sees: every page, with the page cache off, is
// byte for byte the page its queries one after another give.
func TestParallelQueriesSamePage(t *testing.T) {
	db, _ := fixtureDB(t)
	serial := New(db, testLogger(t), Options{Public: true, CacheEntries: -1, SerialQueries: true})
	parallel := New(db, testLogger(t), Options{Public: true, CacheEntries: -1})
	for _, path := range parallelPages {
		s1, want := fetch(t, serial, path)
		s2, got := fetch(t, parallel, path)
		if s1 != http.StatusOK || s2 != s1 {
			t.Errorf("%s: status %d one after another, %d at once", path, s1, s2)
		}
		if got != want {
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			t.Errorf("%s: the page differs when its queries run at once, at byte %d:\n%s\nwant\n%s", path, i,
				snippet(got[max(0, i-200):]), snippet(want[max(0, i-200):]))
		}
	}
}

// TestParallelQueriesFirstErrorWins makes one query of a page fail while
// its others are still running: the page shows that query's error (not
// the cancellation of the others), the others are canceled, and none is
// still running when the page has answered. A panic in a query is a 500,
// and the server goes on serving.
func TestParallelQueriesFirstErrorWins(t *testing.T) {
	db, _ := fixtureDB(t)
	h, e := newHandler(db, testLogger(t), Options{Public: true, CacheEntries: -1, QueryTimeout: 10 * time.Second})
	var running, canceled atomic.Int32
	failing := ""
	h.dbQuery = func(ctx context.Context, name string, f warehouse.Filter) (*warehouse.Table, error) {
		switch {
		case name == failing:
			time.Sleep(20 * time.Millisecond) // the others are running by now
			if strings.HasPrefix(name, "reviews") {
				panic("boom")
			}
			return nil, &gongkai.Error{Code: gongkai.CodeConflict, Message: "测试：" + name + " 失败。"}
		case name == "filter_options" || name == "demo_status":
			return db.Query(ctx, name, f)
		}
		running.Add(1)
		defer running.Add(-1)
		<-ctx.Done() // a slow query, stopped only by its cancellation
		canceled.Add(1)
		return nil, &gongkai.Error{Code: gongkai.CodeTimeout, Message: "查询超时，已停止", Err: ctx.Err()}
	}
	for _, c := range []struct{ path, failing string }{
		{"/applications", "applications_by_agency"}, // the last of two
		{"/applications", "applications_year_sums"}, // the first
		{"/quality", "quality_findings"},
		{"/proactive", "proactive_by_agency"},
		{"/compare", "compare_agencies"},
		{"/regions?year=2022", "region_rollup"},
	} {
		failing = c.failing
		canceled.Store(0)
		t0 := time.Now()
		status, body := fetch(t, e, c.path)
		if status != http.StatusConflict || !strings.Contains(body, "测试："+c.failing+" 失败。") {
			t.Errorf("%s with %s failing: %d %s, want 409 with its message", c.path, c.failing, status, snippet(body))
		}
		if n := running.Load(); n != 0 {
			t.Errorf("%s: %d queries still running after the page answered", c.path, n)
		}
		if canceled.Load() == 0 {
			t.Errorf("%s: no other query was canceled", c.path)
		}
		if d := time.Since(t0); d > 5*time.Second {
			t.Errorf("%s took %v: the others were not canceled", c.path, d)
		}
	}
	failing = "reviews_year_sums"
	if status, body := fetch(t, e, "/reviews"); status != http.StatusInternalServerError || strings.Contains(body, "boom") {
		t.Errorf("/reviews with a query panicking: %d %s, want 500 without the detail", status, snippet(body))
	}
	failing = ""
	h.dbQuery = db.Query
	if status, body := fetch(t, e, "/reviews"); status != http.StatusOK {
		t.Errorf("/reviews after a panic: %d %s", status, snippet(body))
	}
}
