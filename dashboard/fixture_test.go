package dashboard

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"gongkai"
	"gongkai/demo"
	"gongkai/warehouse"
)

var update = flag.Bool("update", false, "rewrite golden files")

// The fixture warehouse: a small deterministic demo set, built once per test
// binary in a temporary folder and shared read-only by the page, API and
// query tests. Tests that write (uploads) open warehouses of their own.
const (
	fixtureSeed     = 7
	fixtureAgencies = 20
)

var fixture struct {
	once    sync.Once
	dir     string
	db      *warehouse.DB
	reports []*gongkai.Report
	err     error
}

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if fixture.db != nil {
		fixture.db.Close()
	}
	if fixture.dir != "" {
		os.RemoveAll(fixture.dir)
	}
	os.Exit(code)
}

// fixtureDB returns the shared fixture warehouse and the reports in it.
func fixtureDB(t testing.TB) (*warehouse.DB, []*gongkai.Report) {
	t.Helper()
	fixture.once.Do(func() {
		fixture.dir, fixture.err = os.MkdirTemp("", "gongkai-dashboard-")
		if fixture.err != nil {
			return
		}
		fixture.reports = demo.Generate(fixtureSeed, fixtureAgencies)
		if len(fixture.reports) == 0 {
			fixture.err = fmt.Errorf("demo.Generate returned no reports")
			return
		}
		fixture.db, fixture.err = loadWarehouse(filepath.Join(fixture.dir, "fixture.duckdb"), fixture.reports)
	})
	if fixture.err != nil {
		t.Fatalf("fixture warehouse: %v", fixture.err)
	}
	return fixture.db, fixture.reports
}

// loadWarehouse creates a warehouse at path holding reports.
func loadWarehouse(path string, reports []*gongkai.Report) (*warehouse.DB, error) {
	ctx := context.Background()
	db, err := warehouse.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	if err := demo.Load(ctx, db, reports); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// emptyDB returns a fresh, empty warehouse of the test's own.
func emptyDB(t *testing.T) *warehouse.DB {
	t.Helper()
	db, err := warehouse.Open(context.Background(), filepath.Join(t.TempDir(), "empty.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// testLogger sends the server's log to the test log, so that a failing test
// shows what the server said.
func testLogger(t testing.TB) *slog.Logger {
	return slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// fetch requests path from h and returns the status and body.
func fetch(t *testing.T, h http.Handler, path string) (int, string) {
	t.Helper()
	return do(t, h, httptest.NewRequest(http.MethodGet, path, nil))
}

func do(t *testing.T, h http.Handler, req *http.Request) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	body, _ := io.ReadAll(rec.Result().Body)
	return rec.Code, string(body)
}

// syntheticReport writes a 2021-format report as published text with pipe
// rows (the shape ingest reads from web pages), every figure 1, so that the
// sums do not add up and the findings have cells to point at. It is built
// from the format definition, not copied from any real report.
func syntheticReport(agency string, year int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "%s%d年政府信息公开工作年度报告\n统计期限自%d年1月1日起至%d年12月31日止。\n一、总体情况\n本年主动公开政府信息共120条。\n", agency, year, year, year)
	for _, tb := range gongkai.FormatByID(gongkai.Format2021).Tables {
		fmt.Fprintf(&b, "%s、%s\n", tb.Numeral, tb.Title)
		for _, bl := range tb.Blocks {
			if bl.Title != "" {
				fmt.Fprintf(&b, "%s ||\n", bl.Title)
			}
			hdr := []string{bl.Corner}
			for _, c := range bl.Columns {
				hdr = append(hdr, c.Group+c.Subgroup+c.Label)
			}
			fmt.Fprintf(&b, "%s ||\n", strings.Join(hdr, " | "))
			for _, r := range bl.Rows {
				cells := []string{r.Label}
				if !r.Group {
					for range bl.Columns {
						cells = append(cells, "1")
					}
				}
				fmt.Fprintf(&b, "%s ||\n", strings.Join(cells, " | "))
			}
		}
	}
	b.WriteString("五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n")
	return []byte(b.String())
}

// userSeq numbers the accounts tests create, so that names never collide in
// the shared fixture warehouse.
var userSeq atomic.Int64

// testUser creates an account of role (bound to agencies, for uploaders) in
// db and returns it with an API token for it.
func testUser(t testing.TB, db *warehouse.DB, role warehouse.Role, agencies ...string) (*warehouse.User, string) {
	t.Helper()
	ctx := context.Background()
	name := fmt.Sprintf("%s%d", role, userSeq.Add(1))
	u, err := db.CreateUser(ctx, warehouse.Actor{Name: "test"}, warehouse.NewUser{Name: name, Role: role, Agencies: agencies, Password: testPassword})
	if err != nil {
		t.Fatal(err)
	}
	_, token, err := db.CreateToken(ctx, warehouse.Actor{Name: "test"}, name, 0)
	if err != nil {
		t.Fatal(err)
	}
	return u, token
}

const testPassword = "test-password-1"

// asAdmin returns h with every request made by a new administrator (through
// an API token), for tests about what pages and the API do rather than about
// who may use them (access_test.go).
func asAdmin(t testing.TB, db *warehouse.DB, h http.Handler) http.Handler {
	_, token := testUser(t, db, warehouse.RoleAdmin)
	return withToken(h, token)
}

// withToken sends every request to h with token, unless it has its own.
func withToken(h http.Handler, token string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			r.Header.Set("Authorization", "Bearer "+token)
		}
		h.ServeHTTP(w, r)
	})
}
