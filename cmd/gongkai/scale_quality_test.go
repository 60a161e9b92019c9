package main

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"math/big"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"gongkai/queries"
	"gongkai/warehouse"
)

var (
	scaleQualityDB     = flag.String("scale-quality", "", "bench-scale: a warehouse on which 报送与质量's four queries are timed one by one for each of its requests (read-only); empty skips")
	scaleQualityN      = flag.Int("scale-quality-n", 528, "bench-scale: page requests drawn as -scale-pages draws them; /quality's are timed")
	scaleQualityRounds = flag.Int("scale-quality-rounds", 3, "bench-scale: rounds over the requests; the first is not timed")
	scaleQualitySlow   = flag.Int("scale-quality-slowest", 12, "bench-scale: the requests listed, slowest first")
	scaleQualityAB     = flag.Bool("scale-quality-ab", false, "bench-scale: with -scale-quality, time instead each request's four queries as the page runs them and under warehouse.OneStatement (quality_findings as one statement), the two in turn request by request, first one then the other: CPU a request of each, by query and shape")
	scaleQualityCheck  = flag.Bool("scale-quality-check", false, "bench-scale: with -scale-quality, compare instead the rows warehouse.Query gives for the page's queries (its forms, two steps and bits, as the page runs them) with their named SQL run as one statement, for each request's filters with a status tab and a later page too (-scale-variants-paging's)")
)

// TestScaleQuality times 报送与质量's four queries one after another for each
// of the page's requests (as -scale-pages draws them), each request's under
// one MatchPiecesOnce context as the page runs them, in CPU of the process
// a query: which query the slowest requests spend their time in. The page
// runs them at once on two cores; here they run one by one, so a query's
// CPU is its own. Run it under the heavy-work lock.
func TestScaleQuality(t *testing.T) {
	if *scaleQualityDB == "" {
		t.Skip("run with -scale-quality PATH")
	}
	if *scaleQualityForm != "" {
		timeQualityForm(t)
		return
	}
	if *scaleQualityCheck {
		checkQualityRows(t)
		return
	}
	if *scaleQualityAB {
		timeQualityAB(t)
		return
	}
	ctx := context.Background()
	db, err := warehouse.OpenWith(ctx, *scaleQualityDB, warehouse.Options{ReadOnly: true, MemoryLimit: serveMemoryLimit, Threads: serveThreads})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	fs := qualityFilters(t, newFilterGen(t, db).requests(*scaleQualityN), false)
	names := []string{"quality_by_year", "quality_matrix", "quality_findings", "late_publishers"}
	cpu := make([][]time.Duration, len(fs))
	for i := range cpu {
		cpu[i] = make([]time.Duration, len(names))
	}
	for round := range *scaleQualityRounds {
		for i, f := range fs {
			rctx := warehouse.MatchPiecesOnce(ctx)
			for j, name := range names {
				qf := f
				switch name {
				case "quality_by_year":
					qf.Limit = 0
				case "late_publishers":
					qf.Status = ""
				}
				c0 := processCPU()
				if _, err := db.Query(rctx, name, qf); err != nil {
					t.Fatalf("%s %+v: %v", name, qf, err)
				}
				if round > 0 {
					cpu[i][j] += processCPU() - c0
				}
			}
		}
	}
	n := time.Duration(*scaleQualityRounds - 1)
	type req struct {
		f     warehouse.Filter
		parts []time.Duration
		total time.Duration
	}
	var rs []req
	for i, f := range fs {
		r := req{f: f}
		for _, c := range cpu[i] {
			r.parts = append(r.parts, c/n)
			r.total += c / n
		}
		rs = append(rs, r)
	}
	shape := func(f warehouse.Filter) string {
		s := figureShape(f)
		if f.Agency != "" {
			s += "+piece"
		}
		return s
	}
	fmt.Printf("# /quality's queries one by one on %s, %d requests, %d rounds timed, load average %.1f; cpu ms a request\n", *scaleQualityDB, len(fs), n, loadAverage())
	fmt.Printf("%-22s %4s %8s %8s %8s %8s %8s\n", "shape", "n", "total", "by_year", "matrix", "findings", "late")
	groups := map[string][]req{"all": rs}
	var order []string
	for _, r := range rs {
		s := shape(r.f)
		if _, ok := groups[s]; !ok {
			order = append(order, s)
		}
		groups[s] = append(groups[s], r)
	}
	slices.Sort(order)
	for _, s := range append([]string{"all"}, order...) {
		g := groups[s]
		sum := make([]time.Duration, len(names)+1)
		for _, r := range g {
			sum[0] += r.total
			for j, c := range r.parts {
				sum[j+1] += c
			}
		}
		line := fmt.Sprintf("%-22s %4d", s, len(g))
		for _, c := range sum {
			line += fmt.Sprintf(" %8s", ms(c/time.Duration(len(g))))
		}
		fmt.Println(line)
	}
	slices.SortFunc(rs, func(a, b req) int { return cmp.Compare(b.total, a.total) })
	fmt.Printf("# the slowest requests: cpu ms, total and by query (by_year, matrix, findings, late)\n")
	for _, r := range rs[:min(len(rs), *scaleQualitySlow)] {
		line := fmt.Sprintf("%8s |", ms(r.total))
		for _, c := range r.parts {
			line += fmt.Sprintf(" %7s", ms(c))
		}
		fmt.Fprintf(os.Stdout, "%s  %-16s %s %d-%d %s %s %s\n", line, shape(r.f), r.f.Agency, r.f.YearFrom, r.f.YearTo, r.f.Province, r.f.City, r.f.Level)
	}
}

var (
	scaleQualityForm    = flag.String("scale-quality-form", "", "bench-scale: with -scale-quality, a SQL file (a form of -scale-quality-query) timed alone for -scale-quality-filter instead of the page's requests: best CPU of 10 runs, each prepared afresh (planned twice: without the values, then with them)")
	scaleQualityQuery   = flag.String("scale-quality-query", "quality_findings", "bench-scale: the named query whose parameters -scale-quality-form binds (a piece's bits too, for a form that names them)")
	scaleQualityFilter  = flag.String("scale-quality-filter", "", "bench-scale: -scale-quality-form's filter, as a query string (province=…&city=…&level=…&agency=…&year_from=…&year_to=…&status=…&offset=…)")
	scaleQualityProfile = flag.String("scale-quality-profile", "", "bench-scale: -scale-quality-form then runs once more on a statement prepared once, as the server runs it, with DuckDB's detailed profile written to this JSON file (operators, planning by phase); its planning is printed")
)

// timeQualityForm times one form of a /quality query for one filter, and
// profiles one run of it (-scale-quality-profile): where its CPU goes.
func timeQualityForm(t *testing.T) {
	ctx := context.Background()
	q, ok := queries.Get(*scaleQualityQuery)
	if !ok {
		t.Fatalf("no query %s", *scaleQualityQuery)
	}
	b, err := os.ReadFile(*scaleQualityForm)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	v, err := url.ParseQuery(*scaleQualityFilter)
	if err != nil {
		t.Fatal(err)
	}
	f := warehouse.Filter{Province: v.Get("province"), City: v.Get("city"), Level: v.Get("level"), Agency: v.Get("agency"), Status: v.Get("status"), Limit: 50}
	f.YearFrom, _ = strconv.Atoi(v.Get("year_from"))
	f.YearTo, _ = strconv.Atoi(v.Get("year_to"))
	f.Offset, _ = strconv.Atoi(v.Get("offset"))
	db, err := sql.Open("duckdb", *scaleQualityDB+"?access_mode=READ_ONLY&memory_limit="+serveMemoryLimit)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// Bound as TestScaleVariants binds a variant: only what it names.
	args, _ := variantArgs(t, conn, q, f)
	args = slices.DeleteFunc(args, func(a any) bool {
		return !regexp.MustCompile(`\$` + a.(sql.NamedArg).Name + `\b`).MatchString(text)
	})
	run := func(query func() (*sql.Rows, error)) int {
		rows, err := query()
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		n := 0
		for rows.Next() {
			n++
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return n
	}
	best, n := time.Hour, 0
	for range 10 {
		c0 := processCPU()
		n = run(func() (*sql.Rows, error) { return conn.QueryContext(ctx, text, args...) })
		best = min(best, processCPU()-c0)
	}
	fmt.Printf("# %s, filter %q: %d rows, best cpu of 10 runs %s ms, load average %.1f\n", *scaleQualityForm, *scaleQualityFilter, n, ms(best), loadAverage())
	if *scaleQualityProfile == "" {
		return
	}
	s, err := conn.PrepareContext(ctx, text)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, st := range []string{"PRAGMA enable_profiling = 'json'", "SET profiling_mode = 'detailed'",
		"SET profiling_output = '" + strings.ReplaceAll(*scaleQualityProfile, "'", "''") + "'"} {
		if _, err := conn.ExecContext(ctx, st); err != nil {
			t.Fatal(err)
		}
	}
	run(func() (*sql.Rows, error) { return s.QueryContext(ctx, args...) })
	if _, err := conn.ExecContext(ctx, "PRAGMA disable_profiling"); err != nil {
		t.Fatal(err)
	}
	b, err = os.ReadFile(*scaleQualityProfile)
	if err != nil {
		t.Fatal(err)
	}
	var prof map[string]any
	if err := json.Unmarshal(b, &prof); err != nil {
		t.Fatal(err)
	}
	line := "# profile of one run on a kept statement, ms:"
	for _, k := range []string{"latency", "cpu_time", "planner", "planner_binding", "all_optimizers", "physical_planner"} {
		if x, ok := prof[k].(float64); ok {
			line += fmt.Sprintf(" %s %.2f", k, x*1000)
		}
	}
	fmt.Println(line)
}

// checkQualityRows holds the rows warehouse.Query gives for 报送与质量's
// four queries at scale (the forms it chooses, quality_findings' two steps, the
// bits of a piece under MatchPiecesOnce) to each named query's own SQL run
// as one statement, bound as TestScaleVariants binds it, for the page's
// requests' filters with paging (qualityFilters).
func checkQualityRows(t *testing.T) {
	ctx := context.Background()
	names := []string{"quality_by_year", "quality_matrix", "quality_findings", "late_publishers"}
	open := func() *warehouse.DB {
		db, err := warehouse.OpenWith(ctx, *scaleQualityDB, warehouse.Options{ReadOnly: true, MemoryLimit: serveMemoryLimit, Threads: serveThreads})
		if err != nil {
			t.Fatal(err)
		}
		return db
	}
	db := open()
	fs := qualityFilters(t, newFilterGen(t, db).requests(*scaleQualityN), true)
	db.Close()
	// The named queries' rows first, on a connection of their own (DuckDB
	// refuses a second open of the file with another configuration while
	// the warehouse has it open).
	raw, err := sql.Open("duckdb", *scaleQualityDB+"?access_mode=READ_ONLY&memory_limit="+serveMemoryLimit)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := raw.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	rows := 0
	for _, f := range fs {
		for _, name := range names {
			q, _ := queries.Get(name)
			args, _ := variantArgs(t, conn, q, f)
			r, err := conn.QueryContext(ctx, q.SQL, args...)
			if err != nil {
				t.Fatalf("%s %+v: %v", name, f, err)
			}
			w := readRows(t, r)
			rows += len(w)
			want = append(want, fmt.Sprint(w))
		}
	}
	conn.Close()
	raw.Close()
	db = open()
	defer db.Close()
	diff := 0
	for i, f := range fs {
		rctx := warehouse.MatchPiecesOnce(ctx)
		for j, name := range names {
			got, err := db.Query(rctx, name, f)
			if err != nil {
				t.Fatalf("%s %+v: %v", name, f, err)
			}
			if g, w := fmt.Sprint(got.Rows), want[i*len(names)+j]; g != w {
				diff++
				t.Errorf("%s %+v:\n got %.400s\nwant %.400s", name, f, g, w)
			}
		}
	}
	fmt.Printf("# %d filters, %d queries each: %d rows compared, %d results differ\n", len(fs), len(names), rows, diff)
	if rows == 0 {
		t.Error("no rows: the comparison proves nothing")
	}
}

// readRows reads all of rows as warehouse.Query's tables hold them (HUGEINT
// sums as int64 or float64), and closes them.
func readRows(t *testing.T, rows *sql.Rows) [][]any {
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	out := [][]any{}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for i, v := range vals {
			if x, ok := v.(*big.Int); ok {
				if x.IsInt64() {
					vals[i] = x.Int64()
				} else {
					vals[i], _ = new(big.Float).SetInt(x).Float64()
				}
			}
		}
		out = append(out, vals)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// timeQualityAB times 报送与质量's four queries for each of the page's
// requests twice, as Query runs them and under warehouse.OneStatement, the
// two in turn for each request (which goes first alternates), so that the
// machine's load weighs on both alike: CPU a request of each, by query and
// by shape.
func timeQualityAB(t *testing.T) {
	ctx := context.Background()
	db, err := warehouse.OpenWith(ctx, *scaleQualityDB, warehouse.Options{ReadOnly: true, MemoryLimit: serveMemoryLimit, Threads: serveThreads})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	fs := qualityFilters(t, newFilterGen(t, db).requests(*scaleQualityN), false)
	names := []string{"quality_by_year", "quality_matrix", "quality_findings", "late_publishers"}
	// cpu[v][i][j]: variant v (0 one statement, 1 as Query runs), request i, query j.
	var cpu [2][][]time.Duration
	for v := range cpu {
		cpu[v] = make([][]time.Duration, len(fs))
		for i := range cpu[v] {
			cpu[v][i] = make([]time.Duration, len(names))
		}
	}
	run := func(v, i int, timed bool) {
		base := ctx
		if v == 0 {
			base = warehouse.OneStatement(ctx)
		}
		rctx := warehouse.MatchPiecesOnce(base)
		for j, name := range names {
			qf := fs[i]
			switch name {
			case "quality_by_year":
				qf.Limit = 0
			case "late_publishers":
				qf.Status = ""
			}
			c0 := processCPU()
			if _, err := db.Query(rctx, name, qf); err != nil {
				t.Fatalf("%s %+v: %v", name, qf, err)
			}
			if timed {
				cpu[v][i][j] += processCPU() - c0
			}
		}
	}
	for round := range *scaleQualityRounds {
		for i := range fs {
			first := (round + i) % 2
			run(first, i, round > 0)
			run(1-first, i, round > 0)
		}
	}
	n := time.Duration(*scaleQualityRounds - 1)
	shape := func(f warehouse.Filter) string {
		s := figureShape(f)
		if f.Agency != "" {
			s += "+piece"
		}
		return s
	}
	fmt.Printf("# /quality's queries on %s, %d requests, %d rounds timed, one statement (old) and as Query runs them (new) in turn, load average %.1f; cpu ms a request\n", *scaleQualityDB, len(fs), n, loadAverage())
	fmt.Printf("%-22s %4s %15s %15s %15s\n", "shape", "n", "total old/new", "matrix", "findings")
	groups := map[string][]int{}
	order := []string{"all"}
	for i, f := range fs {
		s := shape(f)
		if _, ok := groups[s]; !ok {
			order = append(order, s)
		}
		groups[s] = append(groups[s], i)
		groups["all"] = append(groups["all"], i)
	}
	slices.Sort(order[1:])
	for _, s := range order {
		var tot, mat, fnd [2]time.Duration
		for _, i := range groups[s] {
			for v := range 2 {
				for j := range names {
					tot[v] += cpu[v][i][j]
				}
				mat[v] += cpu[v][i][1]
				fnd[v] += cpu[v][i][2]
			}
		}
		d := n * time.Duration(len(groups[s]))
		pair := func(x [2]time.Duration) string { return ms(x[0]/d) + "/" + ms(x[1]/d) }
		fmt.Printf("%-22s %4d %15s %15s %15s\n", s, len(groups[s]), pair(tot), pair(mat), pair(fnd))
	}
}
