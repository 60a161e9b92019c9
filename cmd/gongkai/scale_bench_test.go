package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"gongkai"
	"gongkai/warehouse"
)

// `make bench-scale` runs TestBenchScale with these flags; plain `go test`
// skips it.
var (
	scaleSizes      = flag.String("scale", "", "bench-scale: warehouse sizes in reports, comma-separated (10000,100000,1000000); empty skips")
	scaleDir        = flag.String("scale-dir", "", "bench-scale: where the warehouses are kept between runs")
	scaleQueries    = flag.Int("scale-requests", 88, "bench-scale: page requests per size, for one client and again for eight")
	scaleExport     = flag.Int("scale-export-max", 10000000, "bench-scale: the largest size whose Parquet export is timed (default every size: ~3 min at 1M)")
	scaleMeasure    = flag.String("scale-measure", "", "bench-scale: the sizes to measure in this run (default all); the others' last results are reused")
	scaleMemory     = flag.String("scale-memory-limit", "", "bench-scale: DuckDB's memory limit for the server and the ad-hoc SQL, as serve --memory-limit (default serve's)")
	scaleCountry    = flag.Bool("scale-country", false, "bench-scale: build the warehouses with the country-shaped roster (gongkai demo --country: 31 provinces, the real level mix) instead of the default two provinces; keep them in a -scale-dir of their own")
	scaleServeFlags = flag.String("scale-serve-flags", "", "bench-scale: more flags for the server, space-separated (\"--threads 1\")")
	scaleVersions   = flag.Bool("scale-versions", false, "bench-scale: build the warehouses with later versions (gongkai demo --versions: 3 % of the reports re-uploaded and confirmed, 0.3 % pending), so that the queries over all figures meet retired and pending versions as a real warehouse's do; keep them in a -scale-dir of their own")
)

// scaleResult is what one size measured, kept beside its warehouse as JSON
// so that a run can measure some sizes and reuse the others' results.
type scaleResult struct {
	Load     scaleLoad `json:"load"`
	Disk     int64     `json:"disk_bytes"`
	ServeRSS int64     `json:"serve_peak_rss_bytes"`
	// ServeStartRSS is the server's RSS once it listens, before any page.
	ServeStartRSS int64                      `json:"serve_start_rss_bytes,omitempty"`
	SQL           []string                   `json:"sql_ms"`
	Export        string                     `json:"export"`
	One           map[string][]time.Duration `json:"one_client"`
	Eight         map[string][]time.Duration `json:"eight_clients"`
	Measured      string                     `json:"measured"`
	Load1         float64                    `json:"load_average"`
}

// scaleLoad is what building one warehouse cost, kept beside it as JSON so
// that later runs report it without building again.
type scaleLoad struct {
	Reports  int64   `json:"reports"`
	Seconds  float64 `json:"seconds"`
	CPU      float64 `json:"cpu_seconds"`
	PeakRSS  int64   `json:"peak_rss_bytes"`
	Load1    float64 `json:"load_average_at_start"`
	Finished string  `json:"finished"`
	Shape    string  `json:"shape,omitempty"` // "country" for gongkai demo --country, "" for the default two provinces
	// Versions says the set was loaded with gongkai demo --versions: its
	// load figures include the versions' uploads.
	Versions bool `json:"versions,omitempty"`
}

// scaleShape is the Shape a warehouse of this run is built with, as kept in
// its scaleLoad.
func scaleShape() string {
	if *scaleCountry {
		return "country"
	}
	return ""
}

// TestBenchScale builds demo warehouses of the given sizes (once; they are
// kept in -scale-dir), then measures on each: the load (reports/s, CPU, peak
// RSS of the loading process), the size on disk, every page uncached with
// random filter combinations for one client and for eight at once (p50, p95,
// max, and the serving process's peak RSS), the analysts' ad-hoc SQL over the
// summary and over all figures, and a Parquet export. It prints one table and
// writes it to -scale-dir/results.md.
func TestBenchScale(t *testing.T) {
	if *scaleSizes == "" {
		t.Skip("run by make bench-scale")
	}
	if os.Getenv("GONGKAI_SCALE_CHILD") != "" {
		t.Skip("child")
	}
	dir := *scaleDir
	if dir == "" {
		dir = filepath.Join("..", "..", "testout", "scale")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	w := io.MultiWriter(os.Stdout, &out)
	shape := "two provinces (gongkai demo)"
	if *scaleCountry {
		shape = "country (gongkai demo --country)"
	}
	if *scaleVersions {
		shape += ", with versions (3 % re-uploaded, 0.3 % pending)"
	}
	fmt.Fprintf(w, "# bench-scale %s, %d CPUs (GOMAXPROCS %d), load average at start %.1f, roster %s\n\n",
		time.Now().UTC().Format("2006-01-02 15:04 UTC"), runtime.NumCPU(), runtime.GOMAXPROCS(0), loadAverage(), shape)
	var sizes []int
	for _, s := range strings.Split(*scaleSizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1000 {
			t.Fatalf("-scale %q: sizes are numbers of reports, at least 1000", *scaleSizes)
		}
		sizes = append(sizes, n)
	}
	measure := map[int]bool{}
	for _, x := range strings.Split(*scaleMeasure, ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(x)); err == nil {
			measure[n] = true
		}
	}
	results := map[int]*scaleResult{}
	for _, n := range sizes {
		path := filepath.Join(dir, fmt.Sprintf("scale-%d.duckdb", n))
		if *scaleMeasure != "" && !measure[n] {
			var res scaleResult
			b, err := os.ReadFile(path + ".results.json")
			if err == nil {
				err = json.Unmarshal(b, &res)
			}
			if err != nil {
				t.Fatalf("no results of %d reports to reuse: %v", n, err)
			}
			results[n] = &res
			continue
		}
		results[n] = scaleMeasureSize(t, dir, path, n)
	}
	fmt.Fprintf(w, "| reports | load reports/s | reports/CPU-s | load peak RSS | on disk | pages p50 / p95, 1 client (ms) | p50 / p95, 8 clients (ms) | serve peak RSS | SQL summary / all figures, figure_totals; report_figures (report_values) (ms) | Parquet export (size, peak RSS) |\n")
	fmt.Fprintf(w, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, n := range sizes {
		r := results[n]
		var one, eight []time.Duration
		for _, ds := range r.One {
			one = append(one, ds...)
		}
		for _, ds := range r.Eight {
			eight = append(eight, ds...)
		}
		fmt.Fprintf(w, "| %d | %.0f | %.0f | %s | %s | %s / %s | %s / %s | %s | %s / %s | %s |\n",
			r.Load.Reports, float64(r.Load.Reports)/r.Load.Seconds, float64(r.Load.Reports)/r.Load.CPU, mb(r.Load.PeakRSS), mb(r.Disk),
			ms(pct(one, 50)), ms(pct(one, 95)), ms(pct(eight, 50)), ms(pct(eight, 95)), serveRSS(r),
			r.SQL[0], allFigures(r.SQL), r.Export)
	}
	fmt.Fprintf(w, "\nLoad average (2 cores, shared) while building: ")
	for _, n := range sizes {
		fmt.Fprintf(w, "%d: %.0f; ", n, results[n].Load.Load1)
	}
	fmt.Fprintf(w, "while measuring pages: ")
	for _, n := range sizes {
		fmt.Fprintf(w, "%d: %.0f (%s); ", n, results[n].Load1, results[n].Measured)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "\nPer page, uncached, random filters (p50 / p95 / max in ms):\n\n| page |")
	for _, n := range sizes {
		fmt.Fprintf(w, " %d, 1 client | %d, 8 clients |", n, n)
	}
	if len(sizes) >= 2 {
		fmt.Fprintf(w, " p95 %d ÷ %d (1 client) |", sizes[len(sizes)-1], sizes[len(sizes)-2])
	}
	fmt.Fprintf(w, "\n|---|")
	for range sizes {
		fmt.Fprintf(w, "---:|---:|")
	}
	if len(sizes) >= 2 {
		fmt.Fprintf(w, "---:|")
	}
	fmt.Fprintln(w)
	var pages []string
	for p := range results[sizes[0]].One {
		pages = append(pages, p)
	}
	slices.Sort(pages)
	for _, p := range pages {
		fmt.Fprintf(w, "| %s |", p)
		for _, n := range sizes {
			one, eight := results[n].One[p], results[n].Eight[p]
			fmt.Fprintf(w, " %s / %s / %s | %s / %s / %s |", ms(pct(one, 50)), ms(pct(one, 95)), ms(pct(one, 100)),
				ms(pct(eight, 50)), ms(pct(eight, 95)), ms(pct(eight, 100)))
		}
		if len(sizes) >= 2 {
			a, b := results[sizes[len(sizes)-1]].One[p], results[sizes[len(sizes)-2]].One[p]
			if pct(b, 95) > 0 {
				fmt.Fprintf(w, " %.1f× |", float64(pct(a, 95))/float64(pct(b, 95)))
			} else {
				fmt.Fprintf(w, " – |")
			}
		}
		fmt.Fprintln(w)
	}
	if err := os.WriteFile(filepath.Join(dir, "results.md"), out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// scaleMeasureSize builds (if need be) and measures the warehouse of n
// reports at path, and keeps the results beside it.
func scaleMeasureSize(t *testing.T, dir, path string, n int) *scaleResult {
	res := &scaleResult{One: map[string][]time.Duration{}, Eight: map[string][]time.Duration{}, Load1: loadAverage()}
	res.Load = scaleBuild(t, path, n)
	// The copy by cell (gongkai compact) is the step after a bulk load,
	// timed apart from the load; made here, the server does not make it in
	// the background while the pages are measured.
	t0 := time.Now()
	ru, err := scaleChild(t, "compact", "--db", path)
	if err != nil {
		t.Fatalf("compact %s: %v", path, err)
	}
	t.Logf("gongkai compact at %d: %.1f s, peak RSS %d MB", n, time.Since(t0).Seconds(), ru.Maxrss/1024)
	res.Disk = dirSize(path) + dirSize(path+".wal") + dirSize(path+".sources")

	// The filters come from the warehouse read-only, before the server
	// holds it.
	db, err := warehouse.OpenWith(context.Background(), path, warehouse.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	gen := newFilterGen(t, db)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	// The pages are served by `gongkai serve` in a process of its own, as
	// users run it (the warehouse opened read-write, serve's defaults), so
	// that its peak RSS is the server's alone, not the clients' or the
	// benchmark's; only its page cache is off.
	srv := startScaleServe(t, path)
	res.ServeStartRSS = srv.rss("VmRSS")
	for _, clients := range []int{1, 8} {
		cpu0, t0 := srv.cpu(), time.Now()
		byPage := closedLoop(gen.requests(*scaleQueries), clients, func(r scaleRequest) time.Duration {
			return get(t, srv.url+r.path)
		})
		// The server's CPU, all its threads, is steadier than the times
		// when the machine is shared.
		t.Logf("%d reports, %d clients: server CPU %.1f ms a request, %.1f requests/s", n, clients,
			float64((srv.cpu()-cpu0).Microseconds())/1000/float64(*scaleQueries), float64(*scaleQueries)/time.Since(t0).Seconds())
		if clients == 1 {
			res.One = byPage
		} else {
			res.Eight = byPage
		}
	}
	res.ServeRSS = srv.rss("VmHWM")
	srv.stop(t)

	// The sandbox's own limits, but time enough to measure a slow query.
	db, err = warehouse.OpenWith(context.Background(), path, warehouse.Options{ReadOnly: true, SandboxTimeout: 2 * time.Minute,
		MemoryLimit: *scaleMemory})
	if err != nil {
		t.Fatal(err)
	}

	// Over all figures through report_figures, the view for it (0028), and
	// through report_values beside it, which also decodes every cell's
	// printed text and place: the column shows both, so that nobody takes
	// one for the other. The same sums from figure_totals (0088), which
	// groups by the texts' ids before naming them, come last.
	for _, q := range []string{
		"select province, year, sum(apps_new) from report_summary group by all",
		"select measure, applicant, year, sum(value), count(*) from report_figures group by all",
		"select measure, applicant, year, sum(value), count(*) from report_values group by all",
		"select measure, applicant, year, sum(value_sum), sum(figures) from figure_totals group by all",
	} {
		var best time.Duration
		var failed error
		for i := range 3 {
			t0 := time.Now()
			if _, err := db.SQL(context.Background(), q); err != nil {
				failed = err
				break
			}
			if d := time.Since(t0); i == 0 || d < best {
				best = d
			}
		}
		if failed != nil {
			t.Logf("%s: %v", q, failed)
			res.SQL = append(res.SQL, "failed")
			continue
		}
		res.SQL = append(res.SQL, ms(best))
	}
	db.Close()

	res.Export = "not timed"
	if n <= *scaleExport {
		exportDir := filepath.Join(dir, "export-tmp")
		os.RemoveAll(exportDir)
		t0 := time.Now()
		ru, err := scaleChild(t, "export", "--db", path, "--format", "parquet", "--out", exportDir)
		if err != nil {
			t.Fatalf("export: %v", err)
		}
		res.Export = fmt.Sprintf("%s (%s, %s)", secs(time.Since(t0)), mb(dirSize(exportDir)), mb(ru.Maxrss*1024))
		os.RemoveAll(exportDir)
	}
	res.Measured = time.Now().UTC().Format("15:04 UTC")
	b, _ := json.MarshalIndent(res, "", "  ")
	if err := os.WriteFile(path+".results.json", b, 0o644); err != nil {
		t.Fatal(err)
	}
	return res
}

// allFigures is the table's cell for the SQL over all figures: through
// figure_totals, then report_figures with report_values in brackets. A
// result kept from before figure_totals (three queries) has no first part,
// one from before report_figures (two) measured report_values alone; each
// says so.
func allFigures(sql []string) string {
	switch len(sql) {
	case 2:
		return "(" + sql[1] + ", report_values only)"
	case 3:
		return "–; " + sql[1] + " (" + sql[2] + ")"
	case 4:
		return sql[3] + "; " + sql[1] + " (" + sql[2] + ")"
	}
	return "?"
}

// scaleBuild returns what building the warehouse of n reports at path cost,
// building it first (under a temporary name, in a child process so that its
// peak RSS is the loader's alone) when it is not there.
func scaleBuild(t *testing.T, path string, n int) scaleLoad {
	var ld scaleLoad
	meta := path + ".json"
	if b, err := os.ReadFile(meta); err == nil {
		if err := json.Unmarshal(b, &ld); err == nil {
			if _, err := os.Stat(path); err == nil {
				if ld.Shape != scaleShape() {
					t.Fatalf("the kept %s has roster %q, this run asks %q (-scale-country): use a -scale-dir of its own", path, ld.Shape, scaleShape())
				}
				if ld.Versions != *scaleVersions {
					t.Fatalf("the kept %s was built with versions %v, this run asks %v (-scale-versions): use a -scale-dir of its own", path, ld.Versions, *scaleVersions)
				}
				// A kept warehouse may predate this binary's migrations
				// (a copy of an older build): serve applies them when it
				// opens the file, the measurement below opens it
				// read-only, so apply them here.
				db, err := warehouse.Open(context.Background(), path)
				if err != nil {
					t.Fatalf("migrating the kept %s: %v", path, err)
				}
				if err := db.Close(); err != nil {
					t.Fatal(err)
				}
				return ld
			}
		}
	}
	tmp := path + ".building"
	os.Remove(tmp)
	os.Remove(tmp + ".wal")
	os.RemoveAll(tmp + ".sources")
	ld.Load1 = loadAverage()
	t0 := time.Now()
	// The demo set has about 5.88 reports an agency (2019–2024, a few
	// missing on purpose).
	args := []string{"demo", "--agencies", strconv.Itoa(n * 100 / 588), "--db", tmp}
	if *scaleCountry {
		args = append(args, "--country")
	}
	if *scaleVersions {
		args = append(args, "--versions")
	}
	ld.Shape, ld.Versions = scaleShape(), *scaleVersions
	ru, err := scaleChild(t, args...)
	if err != nil {
		t.Fatalf("building %s: %v", path, err)
	}
	ld.Seconds = time.Since(t0).Seconds()
	ld.CPU = time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
	ld.PeakRSS = ru.Maxrss * 1024
	ld.Finished = time.Now().UTC().Format(time.RFC3339)
	db, err := warehouse.OpenWith(context.Background(), tmp, warehouse.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	tb, err := db.SQL(context.Background(), "SELECT count(*) FROM reports")
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	ld.Reports = tb.Rows[0][0].(int64)
	for _, suffix := range []string{"", ".wal", ".sources"} {
		if _, err := os.Stat(tmp + suffix); err == nil {
			if err := os.Rename(tmp+suffix, path+suffix); err != nil {
				t.Fatal(err)
			}
		}
	}
	b, _ := json.MarshalIndent(ld, "", "  ")
	if err := os.WriteFile(meta, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return ld
}

// scaleChild runs `gongkai args…` in a child process (this test binary,
// TestScaleChild) and returns its resource usage.
func scaleChild(t *testing.T, args ...string) (*syscall.Rusage, error) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestScaleChild$", "-test.count=1", "-test.timeout=0")
	cmd.Env = append(os.Environ(), "GONGKAI_SCALE_CHILD="+strings.Join(args, "\x1f"))
	var errs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &errs, &errs
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%w\n%s", err, errs.String())
	}
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if ru == nil {
		return nil, errors.New("no resource usage")
	}
	return ru, nil
}

// TestScaleChild is the child process of scaleChild.
func TestScaleChild(t *testing.T) {
	args := os.Getenv("GONGKAI_SCALE_CHILD")
	if args == "" {
		t.Skip("a child of TestBenchScale")
	}
	// A server child starts as main starts it (startServeAgain).
	startServeAgain(strings.Split(args, "\x1f"))
	// A server child stops on SIGINT, as `gongkai serve` does.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var out, errs bytes.Buffer
	var stdout, stderr io.Writer = &out, &errs
	if strings.HasPrefix(args, "serve\x1f") {
		stdout, stderr = os.Stdout, os.Stderr // the address, read by startScaleServe, and the request log
	}
	if err := run(ctx, strings.Split(args, "\x1f"), func(string) string { return "" },
		strings.NewReader(""), stdout, stderr); err != nil {
		t.Fatalf("%v\n%s\n%s", err, out.String(), errs.String())
	}
}

// filterGen makes page requests with random filter combinations, as users
// click them: a year range, a province, a city of it, a level, a piece of an
// agency's name, each present or not.
type filterGen struct {
	rng       *rand.Rand
	cities    map[string][]string
	provinces []string
	levels    []string
	names     []string
	agencies  []int64
	reports   []int64
	cells     [][2]string // measure, applicant: the figures of /regions' tables, for its breakdown
}

func newFilterGen(t *testing.T, db *warehouse.DB) *filterGen {
	g := &filterGen{rng: rand.New(rand.NewPCG(11, 2026)), cities: map[string][]string{}}
	q := func(s string) [][]any {
		tb, err := db.SQL(context.Background(), s)
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		return tb.Rows
	}
	for _, r := range q("SELECT DISTINCT province, city FROM agencies WHERE province IS NOT NULL AND city IS NOT NULL ORDER BY ALL") {
		p, c := r[0].(string), r[1].(string)
		if _, ok := g.cities[p]; !ok {
			g.provinces = append(g.provinces, p)
		}
		g.cities[p] = append(g.cities[p], c)
	}
	for _, r := range q("SELECT DISTINCT level FROM agencies WHERE level IS NOT NULL ORDER BY ALL") {
		g.levels = append(g.levels, r[0].(string))
	}
	for _, r := range q("SELECT name, agency_id FROM agencies USING SAMPLE 200 ROWS (reservoir, 7) ORDER BY agency_id") {
		g.names = append(g.names, r[0].(string))
		g.agencies = append(g.agencies, r[1].(int64))
	}
	for _, r := range q("SELECT report_id FROM reports USING SAMPLE 200 ROWS (reservoir, 7) ORDER BY report_id") {
		g.reports = append(g.reports, r[0].(int64))
	}
	for _, m := range gongkai.Catalogue() {
		if m.Table == "" || m.Table == "narrative" || m.Derived {
			continue
		}
		if !m.ByApp {
			g.cells = append(g.cells, [2]string{m.Code, gongkai.ApplicantTotal})
			continue
		}
		for _, a := range gongkai.Applicants {
			g.cells = append(g.cells, [2]string{m.Code, a})
		}
	}
	return g
}

type scaleRequest struct{ page, path string }

// scalePages are the pages measured; "/regions?measure" is /regions with
// the breakdown of one figure (the agencies behind it, region_figure).
var scalePages = []string{"/", "/applications", "/licensing", "/reviews", "/proactive", "/quality", "/compare",
	"/regions", "/regions?measure", "/agencies", "/agencies/:id", "/reports/:id"}

func (g *filterGen) requests(n int) []scaleRequest {
	out := make([]scaleRequest, 0, n)
	for i := range n {
		page := scalePages[i%len(scalePages)]
		v := url.Values{}
		if g.rng.IntN(2) == 0 {
			from := 2019 + g.rng.IntN(6)
			v.Set("year_from", strconv.Itoa(from))
			v.Set("year_to", strconv.Itoa(from+g.rng.IntN(2025-from)))
		}
		if len(g.provinces) > 0 && g.rng.IntN(2) == 0 {
			p := g.provinces[g.rng.IntN(len(g.provinces))]
			v.Set("province", p)
			if cs := g.cities[p]; g.rng.IntN(3) == 0 {
				v.Set("city", cs[g.rng.IntN(len(cs))])
			}
		}
		if len(g.levels) > 0 && g.rng.IntN(3) == 0 {
			v.Set("level", g.levels[g.rng.IntN(len(g.levels))])
		}
		if len(g.names) > 0 && g.rng.IntN(3) == 0 {
			name := []rune(g.names[g.rng.IntN(len(g.names))])
			at := g.rng.IntN(max(1, len(name)-2))
			v.Set("agency", string(name[at:min(len(name), at+2)]))
		}
		path := page
		switch page {
		case "/regions?measure":
			c := g.cells[g.rng.IntN(len(g.cells))]
			v.Set("measure", c[0])
			v.Set("applicant", c[1])
			path = "/regions"
		case "/agencies/:id":
			path = fmt.Sprintf("/agencies/%d", g.agencies[g.rng.IntN(len(g.agencies))])
		case "/reports/:id":
			path = fmt.Sprintf("/reports/%d", g.reports[g.rng.IntN(len(g.reports))])
		}
		if len(v) > 0 {
			path += "?" + v.Encode()
		}
		out = append(out, scaleRequest{page, path})
	}
	return out
}

// noRedirects answers a redirect as it is: a page that sends the benchmark
// to /login has measured nothing, and must fail rather than time the login
// form.
var noRedirects = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// get requests url and returns how long the whole response took.
func get(t *testing.T, u string) time.Duration {
	t0 := time.Now()
	resp, err := noRedirects.Get(u)
	if err != nil {
		t.Errorf("GET %s: %v", u, err)
		return 0
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	d := time.Since(t0)
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET %s: %d %.300s", u, resp.StatusCode, body)
	}
	return d
}

func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (len(s)*p + 99) / 100
	return s[min(len(s)-1, max(0, i-1))]
}

// serveRSS is the server's peak RSS, and its RSS when it started listening
// where measured.
func serveRSS(r *scaleResult) string {
	if r.ServeStartRSS == 0 {
		return mb(r.ServeRSS)
	}
	return mb(r.ServeRSS) + " (" + mb(r.ServeStartRSS) + " at start)"
}

func ms(d time.Duration) string {
	return strconv.FormatFloat(float64(d.Microseconds())/1000, 'f', 1, 64)
}

func secs(d time.Duration) string { return strconv.FormatFloat(d.Seconds(), 'f', 1, 64) + " s" }

func mb(b int64) string { return strconv.FormatInt(b>>20, 10) + " MB" }

func dirSize(path string) int64 {
	var n int64
	filepath.Walk(path, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			n += info.Size()
		}
		return nil
	})
	return n
}

func loadAverage() float64 {
	b, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return 0
	}
	v, _ := strconv.ParseFloat(f[0], 64)
	return v
}

// scaleServer is `gongkai serve` running in a child process (this test
// binary, TestScaleChild) for the page measurements.
type scaleServer struct {
	cmd  *exec.Cmd
	url  string
	errs *syncBuffer
	done chan error
}

// startScaleServe starts `gongkai serve --public` over the warehouse at path
// on a free port, with its page cache off and the -scale-memory-limit and
// -scale-serve-flags given, and waits until it listens.
func startScaleServe(t *testing.T, path string) *scaleServer {
	args := []string{"serve", "--db", path, "--addr", "127.0.0.1:0", "--public", "--page-cache", "0"}
	if *scaleMemory != "" {
		args = append(args, "--memory-limit", *scaleMemory)
	}
	args = append(args, strings.Fields(*scaleServeFlags)...)
	cmd := exec.Command(os.Args[0], "-test.run=^TestScaleChild$", "-test.count=1", "-test.timeout=0")
	cmd.Env = append(os.Environ(), "GONGKAI_SCALE_CHILD="+strings.Join(args, "\x1f"))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	s := &scaleServer{cmd: cmd, errs: &syncBuffer{}, done: make(chan error, 1)}
	cmd.Stderr = s.errs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if m := regexp.MustCompile(`http://127\.0\.0\.1:\d+`).FindString(sc.Text()); m != "" {
				select {
				case addr <- m:
				default:
				}
			}
		}
		s.done <- cmd.Wait()
	}()
	select {
	case s.url = <-addr:
	case err := <-s.done:
		t.Fatalf("serve %v: %v\n%.2000s", args, err, s.errs.String())
	case <-time.After(10 * time.Minute):
		cmd.Process.Kill()
		t.Fatalf("serve %v did not listen in 10 minutes", args)
	}
	return s
}

// rss returns a memory figure of the server from /proc ("VmRSS": now;
// "VmHWM": its peak so far), in bytes.
func (s *scaleServer) rss(field string) int64 {
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == field+":" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}

// cpu returns the CPU time the server has used so far, user and system,
// over all its threads (/proc/PID/stat, in clock ticks of 10 ms).
func (s *scaleServer) cpu() time.Duration {
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/stat", s.cmd.Process.Pid))
	// The fields after the command's name, which is in parentheses.
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseInt(f[11], 10, 64)
	k, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(u+k) * 10 * time.Millisecond
}

// stop shuts the server down as SIGINT does and waits for it to exit.
func (s *scaleServer) stop(t *testing.T) {
	s.cmd.Process.Signal(os.Interrupt)
	select {
	case err := <-s.done:
		if err != nil {
			t.Errorf("serve: %v\n%.2000s", err, s.errs.String())
		}
	case <-time.After(2 * time.Minute):
		s.cmd.Process.Kill()
		t.Errorf("serve did not stop in 2 minutes")
	}
}

// closedLoop serves reqs to n clients at once, each taking the next request
// when its last one is answered (as people click), and returns each page's
// times as do measures them.
func closedLoop(reqs []scaleRequest, n int, do func(scaleRequest) time.Duration) map[string][]time.Duration {
	byPage := map[string][]time.Duration{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	next := 0
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				if next == len(reqs) {
					mu.Unlock()
					return
				}
				r := reqs[next]
				next++
				mu.Unlock()
				d := do(r)
				mu.Lock()
				byPage[r.page] = append(byPage[r.page], d)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return byPage
}
