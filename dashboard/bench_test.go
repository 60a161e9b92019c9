package dashboard

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gongkai"
	"gongkai/demo"
	"gongkai/warehouse"
)

// benchReports is the size of the benchmark warehouse: a province's worth of
// agencies over six years.
const benchReports = 100_000

// benchDBPath is where the benchmark warehouse is kept between runs: it
// takes minutes to build, and the demo set is deterministic, so a file built
// once serves every later run. The name carries the generator's seed and size.
func benchDBPath() string {
	return filepath.Join(os.TempDir(), fmt.Sprintf("gongkai-bench-%d-seed%d.duckdb", benchReports, demo.DefaultSeed))
}

// benchDB opens the benchmark warehouse, building it first when it is not
// there yet. It is built under a temporary name and renamed when complete,
// so that an interrupted build is never reused.
func benchDB(b *testing.B) *warehouse.DB {
	b.Helper()
	ctx := context.Background()
	path := benchDBPath()
	if _, err := os.Stat(path); err != nil {
		start := time.Now()
		tmp := path + ".building"
		os.Remove(tmp)
		db, err := warehouse.Open(ctx, tmp)
		if err != nil {
			b.Fatal(err)
		}
		// About 5.9 reports per agency (a few years are missing on purpose);
		// the set is streamed in batches so that it never sits in memory whole.
		var batch []*gongkai.Report
		n := 0
		flush := func() error {
			n += len(batch)
			err := demo.Load(ctx, db, batch)
			batch = batch[:0]
			return err
		}
		err = demo.Each(demo.DefaultSeed, benchReports*100/588, func(r *gongkai.Report) error {
			if batch = append(batch, r); len(batch) == 5000 {
				return flush()
			}
			return nil
		})
		if err == nil {
			err = flush()
		}
		if err != nil {
			db.Close()
			b.Fatal(err)
		}
		if err := db.Close(); err != nil {
			b.Fatal(err)
		}
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
		b.Logf("built %s with %d reports in %v", path, n, time.Since(start).Round(time.Second))
	}
	db, err := warehouse.Open(ctx, path)
	if err != nil {
		// Most likely built by an older warehouse whose schema this one
		// cannot read: build it again.
		b.Logf("rebuilding %s: %v", path, err)
		if err := os.Remove(path); err != nil {
			b.Fatal(err)
		}
		os.Remove(path + ".wal")
		return benchDB(b)
	}
	return db
}

// BenchmarkPages times each dashboard page's server work (queries, charts,
// template) through the router on a warehouse of 100,000 reports. Building
// that warehouse the first time takes minutes; it is kept in the system's
// temporary folder for later runs. Skipped with -short.
func BenchmarkPages(b *testing.B) {
	if testing.Short() {
		b.Skip("builds a 100,000-report warehouse")
	}
	db := benchDB(b)
	defer db.Close()
	agency := firstRow(b, db, "agencies_list", warehouse.Filter{Limit: 1})["agency_id"]
	report := firstRow(b, db, "quality_findings", warehouse.Filter{Limit: 1})["report_id"]
	pages := []struct{ name, path string }{
		{"overview", "/"},
		{"overview_2022", "/?year=2022"},
		{"licensing", "/licensing"},
		{"proactive", "/proactive"},
		{"applications", "/applications"},
		{"reviews", "/reviews"},
		{"quality", "/quality"},
		{"quality_page_100", "/quality?page=100"},
		{"agencies_search", "/agencies?agency=" + "公安"},
		{"agency", agencyURL(agency)},
		{"report", reportURL(report)},
		{"api_csv", "/api/queries/applications_by_year?format=csv"},
		{"quality_errors", "/quality?status=errors"},
		{"regions", "/regions?year=2022"},
		{"regions_figure", "/regions?year=2022&measure=apps.new&applicant=total"},
		{"api_regions_xlsx", "/api/regions?year=2022&format=xlsx"},
		{"compare", "/compare"},
	}
	// cold: every request runs its queries; warm: the results are cached,
	// as they are for every visitor after the first (and after serve warms).
	for _, mode := range []struct {
		name  string
		cache int
	}{{"cold", -1}, {"warm", 0}} {
		h := New(db, nil, Options{CacheEntries: mode.cache, QueryTimeout: 10 * time.Minute, Public: true})
		for _, pg := range pages {
			b.Run(mode.name+"/"+pg.name, func(b *testing.B) {
				get := func() {
					rec := httptest.NewRecorder()
					h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, pg.path, nil))
					if rec.Code != http.StatusOK {
						b.Fatalf("GET %s: %d %s", pg.path, rec.Code, snippet(rec.Body.String()))
					}
				}
				if mode.cache >= 0 {
					get()
					b.ResetTimer()
				}
				for i := 0; i < b.N; i++ {
					get()
				}
			})
		}
	}
}
