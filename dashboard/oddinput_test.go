package dashboard

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"gongkai"
	"gongkai/queries"
	"gongkai/template"
	"gongkai/warehouse"
)

// leak matches what an answer must never show a user: a Go panic or stack,
// the database's own messages, where the server keeps its files.
var leak = regexp.MustCompile(`(?i)panic|goroutine |runtime error|\.go:\d|duckdb|binder error|conversion error|` +
	`parser error|catalog error|sql: |/tmp/|w\.duckdb|invalid memory|nil pointer|index out of range`)

// lockedBuffer is a log sink the handlers may write from many goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestOddInputNeverFails throws odd input at every route of the real router,
// as an administrator (who may use them all): each query parameter the
// handlers read, set to negative, huge, malformed, overlong, invalid UTF-8
// and control-character values; path ids that are no ids; form posts that
// are empty, malformed or overlong; bodies past the upload limit; a
// workbook that unzips to far more than its size. No request may panic,
// answer 500, show a stack, a database message or a server path, or
// redirect off the site, and the heap must not grow with what was sent.
func TestOddInputNeverFails(t *testing.T) {
	db := securityDB(t, warehouse.Options{})
	var logs lockedBuffer
	e := New(db, slog.New(slog.NewTextHandler(&logs, nil)), Options{CacheEntries: -1, MaxUpload: 1 << 20})
	h := asAdmin(t, db, e)
	// The posts act on an account and a token of their own, not on the
	// administrator's, which would lock the rest of the test out.
	victim, _ := testUser(t, db, warehouse.RoleViewer)
	tok, _, err := db.CreateToken(context.Background(), warehouse.Actor{Name: "test"}, victim.Name, 0)
	if err != nil {
		t.Fatal(err)
	}
	idOf := func(path string) string {
		switch {
		case strings.HasPrefix(path, "/admin/users/"):
			return strconv.FormatInt(victim.ID, 10)
		case strings.HasPrefix(path, "/admin/tokens/"):
			return strconv.FormatInt(tok.ID, 10)
		}
		return "1"
	}

	long := strings.Repeat("局", 5000)
	digits := strings.Repeat("9", 400)
	odd := []string{
		"year=-1", "year=0", "year=" + digits, "year=2021-", "year=-2021", "year=2021-2022-2023", "year=２０２１",
		"year=2021&year=abc", "year_from=1&year_to=99999", "year_from=2100&year_to=2000", "year_to=-0",
		"limit=-1", "limit=" + digits, "limit=1e9", "offset=-1", "offset=9223372036854775807", "offset=" + digits,
		"page=-1", "page=" + digits, "fpage=0", "fpage=1.5", "agency_id=-1", "agency_id=" + digits, "report=abc",
		"province=" + url.QueryEscape(long), "city=%00", "level=%ff%fe", "agency=" + url.QueryEscape(long),
		"agency=%E2%80%AE%E5%B1%80", "agency='%20OR%201=1--", "measure=" + url.QueryEscape(long), "applicant=nobody",
		"status=%ff", "format=pdf", "format=../../etc/passwd", "format=", "q=" + url.QueryEscape(strings.Repeat("SELECT 1;", 3000)),
		"next=//evil.example/x", "next=javascript:alert(1)", "done=" + url.QueryEscape(long), "action=" + url.QueryEscape(long),
		"actor=%00", "from=yesterday", "to=9999-99-99", "from=" + digits, "no_such_param=1", "%zz=1", "year[]=2021",
	}
	ids := []string{"-1", "0", digits, "1e3", "abc", "%00", "1%3BDROP", url.PathEscape(long), "..%2F..%2Fetc"}

	type request struct {
		method, target, ctype string
		body                  []byte
		header                [2]string
	}
	var reqs []request
	for _, r := range e.Routes() {
		switch r.Method {
		case http.MethodGet:
			base := strings.NewReplacer(":id", idOf(r.Path), ":name", "applications_by_year", "*", "app.css").Replace(r.Path)
			for _, q := range odd {
				reqs = append(reqs, request{method: r.Method, target: base + "?" + q})
			}
		case http.MethodPost:
			base := strings.NewReplacer(":id", idOf(r.Path)).Replace(r.Path)
			form := url.Values{}
			for _, k := range []string{"username", "password", "name", "sql", "agency", "agencies", "year", "role",
				"expires", "staged", "check", "next", "province", "city", "county", "level", "code"} {
				form.Set(k, long)
			}
			reqs = append(reqs,
				request{method: r.Method, target: base},
				request{method: r.Method, target: base, ctype: "application/x-www-form-urlencoded", body: []byte("%zz=%zz&a")},
				request{method: r.Method, target: base, ctype: "application/x-www-form-urlencoded", body: []byte(form.Encode())},
				request{method: r.Method, target: base, ctype: "multipart/form-data", body: []byte("no boundary")},
				request{method: r.Method, target: base, ctype: "multipart/form-data; boundary=x", body: []byte("--x\r\nbroken")},
				request{method: r.Method, target: base, ctype: "application/json", body: []byte(`{"sql": [1, {"a": `)},
				request{method: r.Method, target: base, ctype: "application/json", body: []byte(`{"sql": 12}`)},
				request{method: r.Method, target: base, ctype: "application/x-www-form-urlencoded",
					body: bytes.Repeat([]byte("a"), 3<<20)},
			)
		}
		if strings.Contains(r.Path, ":") {
			for _, id := range ids {
				reqs = append(reqs, request{method: r.Method,
					target: strings.NewReplacer(":id", id, ":name", id).Replace(r.Path)})
			}
		}
	}
	// Every named query, with the parameters the API adds at their edges.
	for _, q := range queries.List() {
		for _, p := range []string{"limit=0", "limit=100000", "offset=1099511627776", "agency_id=4611686018427387904",
			"report=-0", "year=2000-2100", "applicant=%00", "measure=apps.new&applicant=total&limit=1", "format=csv&year=2100",
			"format=xlsx&agency=" + url.QueryEscape(long[:300])} {
			reqs = append(reqs, request{method: http.MethodGet, target: "/api/queries/" + q.Name + "?" + p})
		}
	}
	// Headers a client controls.
	for _, hd := range []struct{ key, value string }{
		{"Authorization", "Bearer " + long}, {"Authorization", "Basic %%%"}, {"Cookie", "session=" + long},
		{"Cookie", "session=\x00; session=a"}, {"Range", "bytes=99999999999999999999-"}, {"Range", "bytes=-1-2,5-3"},
		{"Accept-Encoding", strings.Repeat("gzip;q=0.1, ", 2000)}, {"If-Modified-Since", "yesterday"},
		{"X-Forwarded-For", long}, {"Content-Type", "multipart/form-data; boundary=" + long},
	} {
		for _, target := range []string{"/", "/static/app.css", "/reports/1/source", "/api/queries", "/sql?q=SELECT%201"} {
			reqs = append(reqs, request{method: http.MethodGet, target: target, header: [2]string{hd.key, hd.value}})
		}
	}
	// Methods no route has.
	for _, m := range []string{http.MethodPut, http.MethodDelete, http.MethodPatch, "PROPFIND"} {
		reqs = append(reqs, request{method: m, target: "/reports/1"}, request{method: m, target: "/api/sql"})
	}
	for _, path := range []string{"/upload", "/api/reports"} {
		for name, data := range map[string][]byte{
			"bomb.xlsx":                        zipBomb(t, false),
			"lying.xlsx":                       zipBomb(t, true),
			"empty.xlsx":                       nil,
			"junk.xlsx":                        bytes.Repeat([]byte{0xff}, 4096),
			"报告.pdf":                           []byte("%PDF-1.7\n" + strings.Repeat("(", 100000)),
			strings.Repeat("长", 2000) + ".txt": syntheticReport("测试市示例局", 2021),
		} {
			for _, fields := range []map[string]string{nil, {"agency": long, "year": digits}, {"year": "-2021"}} {
				req := multipartUpload(t, path, name, data, fields)
				body, _ := io.ReadAll(req.Body)
				reqs = append(reqs, request{method: http.MethodPost, target: path, ctype: req.Header.Get("Content-Type"), body: body})
			}
		}
	}

	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	failed := 0
	statuses := map[int]int{}
	var maxAlloc uint64
	var maxAt string
	for _, r := range reqs {
		var body io.Reader
		if r.body != nil {
			body = bytes.NewReader(r.body)
		}
		req := httptest.NewRequest(r.method, "/", body)
		req.URL, req.RequestURI = mustURL(t, r.target), r.target
		if r.ctype != "" {
			req.Header.Set("Content-Type", r.ctype)
		}
		if r.header[0] != "" {
			req.Header.Set(r.header[0], r.header[1])
		}
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		status, got := rec.Code, rec.Body.String()
		if loc := rec.Header().Get("Location"); loc != "" && (!strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, "/\\")) {
			t.Errorf("%s %s redirects off the site: %q", r.method, clipTarget(r.target), loc)
		}
		runtime.ReadMemStats(&m1)
		if a := m1.TotalAlloc - m0.TotalAlloc; a > maxAlloc {
			maxAlloc, maxAt = a, r.method+" "+clipTarget(r.target)
		}
		statuses[status]++
		if status >= 500 && status != http.StatusServiceUnavailable || leak.MatchString(got) {
			failed++
			if failed <= 20 {
				t.Errorf("%s %s (%d bytes): %d %s", r.method, clipTarget(r.target), len(r.body), status, snippet(got))
			}
		}
	}
	if failed > 20 {
		t.Errorf("… and %d more", failed-20)
	}
	if strings.Contains(logs.String(), "panic") {
		t.Errorf("a handler panicked:\n%s", firstLines(logs.String(), "panic", 20))
	}
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if grown := int64(after.HeapAlloc) - int64(before.HeapAlloc); grown > 64<<20 {
		t.Errorf("the heap grew %d MiB over %d odd requests", grown>>20, len(reqs))
	}
	if maxAlloc >= bombSize {
		t.Errorf("%s allocated %d MiB, as much as a zip bomb unzips to", maxAt, maxAlloc>>20)
	}
	t.Logf("%d requests, by status: %v; the most one allocated: %d MiB (%s)", len(reqs), statuses, maxAlloc>>20, maxAt)
}

// bombSize is what zipBomb's sheet unzips to: past the xlsx reader's limits
// of a part (32 MiB) and of a workbook (96 MiB).
const bombSize = 128 << 20

// zipBomb returns the template writer's workbook with its first sheet
// replaced by one that unzips to bombSize bytes of a repeated row, from well
// under the upload limit. sizeLie also writes the part's declared size as 1
// KiB, as a hostile file may, so that only the reading itself can stop it.
func zipBomb(t *testing.T, sizeLie bool) []byte {
	var tpl bytes.Buffer
	if err := template.WriteTemplate(&tpl, gongkai.Format2021); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(tpl.Bytes()), int64(tpl.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if f.Name != "xl/worksheets/sheet1.xml" {
			if err := zw.Copy(f); err != nil {
				t.Fatal(err)
			}
			continue
		}
		part, n := bombPart()
		h := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, UncompressedSize64: uint64(n), CompressedSize64: uint64(len(part))}
		h.CRC32 = 0 // unknown: a reader that checks it fails at the end, after reading everything
		if sizeLie {
			h.UncompressedSize64 = 1 << 10
		}
		w, err := zw.CreateRaw(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(part)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if buf.Len() > 1<<20 {
		t.Fatalf("the bomb is %d bytes, more than the upload limit", buf.Len())
	}
	return buf.Bytes()
}

// bombPart is the deflated sheet of zipBomb and its size unzipped, made
// once: compressing it is most of the test's time.
var bombPart = sync.OnceValues(func() ([]byte, int) {
	var part bytes.Buffer
	fw, _ := flate.NewWriter(&part, flate.BestCompression)
	io.WriteString(fw, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	row := []byte(strings.Repeat(`<row><c t="inlineStr"><is><t>1</t></is></c></row>`, 1000))
	n := 0
	for ; n < bombSize; n += len(row) {
		fw.Write(row)
	}
	fw.Close()
	return part.Bytes(), n
})

// mustURL parses a request target the way the server's listener would,
// keeping what it cannot decode in RawQuery.
func mustURL(t *testing.T, target string) *url.URL {
	u, err := url.ParseRequestURI(target)
	if err != nil {
		path, query, _ := strings.Cut(target, "?")
		return &url.URL{Path: path, RawPath: path, RawQuery: query}
	}
	return u
}

func clipTarget(s string) string {
	if len(s) > 120 {
		return s[:120] + "…"
	}
	return s
}

// firstLines returns up to n lines of s from the first that holds word.
func firstLines(s, word string, n int) string {
	i := strings.Index(s, word)
	if i < 0 {
		return ""
	}
	if j := strings.LastIndex(s[:i], "\n"); j >= 0 {
		i = j + 1
	}
	lines := strings.SplitN(s[i:], "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}
