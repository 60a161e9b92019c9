package dashboard

import (
	"encoding/json"
	"log/slog"
	"strings"
	"testing"
)

// TestRequestLogTimesParts holds the request log's parts (timing.go): a
// dashboard page's line counts its named queries and times them and its
// template; the first page also runs the filter bar's, kept afterwards; a
// file has no parts.
func TestRequestLogTimesParts(t *testing.T) {
	db, _ := fixtureDB(t)
	var log strings.Builder
	e := New(db, slog.New(slog.NewJSONHandler(&log, nil)), Options{Public: true, CacheEntries: -1})
	type line struct {
		URI     string   `json:"uri"`
		Queries *int     `json:"queries"`
		Query   *float64 `json:"query_ms"`
		Options *float64 `json:"options_ms"`
		Render  *float64 `json:"render_ms"`
	}
	var lines []line
	for _, path := range []string{"/applications", "/applications?year=2021", "/static/app.css"} {
		log.Reset()
		if status, body := fetch(t, e, path); status != 200 {
			t.Fatalf("%s: %d %s", path, status, snippet(body))
		}
		var l line
		if err := json.Unmarshal([]byte(log.String()), &l); err != nil {
			t.Fatalf("%s: request log %q: %v", path, log.String(), err)
		}
		lines = append(lines, l)
	}
	first, second, file := lines[0], lines[1], lines[2]
	// 依申请公开 runs two queries of its own (its one pass and the agencies'
	// ranking), plus filter_options and demo_status the first time.
	if first.Queries == nil || *first.Queries != 4 || *first.Options <= 0 || *first.Query < *first.Options || *first.Render <= 0 {
		t.Errorf("first page's parts: %+v, want 4 queries, filter_options timed within them, and the template", first)
	}
	if second.Queries == nil || *second.Queries != 2 || *second.Options != 0 {
		t.Errorf("second page's parts: %+v, want its 2 queries and the filter bar's kept", second)
	}
	if file.Queries != nil || file.Render != nil {
		t.Errorf("a file's log line has parts: %+v", file)
	}
}
