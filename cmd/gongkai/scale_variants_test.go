package main

import (
	"cmp"
	"context"
	"database/sql"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
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
	scaleVariantsDB     = flag.String("scale-variants", "", "bench-scale: a warehouse on which SQL variants of one of /regions' queries are timed against each other (read-only); empty skips")
	scaleVariantsQuery  = flag.String("scale-variants-query", "region_figure", "bench-scale: the named query the variants are forms of (region_figure, region_agencies, region_rollup, a quality_ query or late_publishers, a compare_ query, or an everyday page's (everydayPages)): its parameters and its page's filters")
	scaleVariantsSQL    = flag.String("scale-variants-sql", "", "bench-scale: the variants' SQL files, comma-separated; the first is the reference the others' rows must equal")
	scaleVariantsRounds = flag.Int("scale-variants-rounds", 3, "bench-scale: rounds over the filters; the first compares the rows and is not timed")
	scaleVariantsSet    = flag.String("scale-variants-set", "", "bench-scale: statements (;-separated) run on the connection of every variant but the first, to time a DuckDB setting (\"SET late_materialization_max_rows = 1000\")")
	scaleVariantsN      = flag.Int("scale-variants-n", 1300, "bench-scale: page requests drawn as -scale-pages draws them; the variants run with the filters of their page among them")
	scaleVariantsPaging = flag.Bool("scale-variants-paging", false, "bench-scale: for /quality's queries, give the filters a status and a later page too (to compare rows over more than the first page; not the page's mix)")
	scaleVariantsShape  = flag.String("scale-variants-shape", "", "bench-scale: only the filters of this shape (country, province, city, level, province+level)")
	scaleVariantsAgency = flag.String("scale-variants-agency", "", "bench-scale: \"never\" or \"always\" keeps only the filters without or with a piece of a name")
	scaleVariantsLevel  = flag.String("scale-variants-level", "", "bench-scale: \"never\" or \"always\" keeps only the filters without or with a level (quality_findings' forms chosen in Go for filters without one)")
	scaleVariantsFall   = flag.Bool("scale-variants-fallback", false, "bench-scale: a variant that returns no rows is followed by the first variant's text on its connection, timed with it, as warehouse.Query runs the named query after a form that cannot answer (region_figure's by agency, region_agencies' ranked)")
	scaleVariantsGate   = flag.Int64("scale-variants-gate", 0, "bench-scale: variants after the first run the first's text instead on filters selecting fewer current reports than this (store.summary_rollup), as warehouse.Query runs region_figure's form by agency only on large selections; 0 runs them on every filter")
	scaleVariantsLeast  = flag.Int("scale-variants-least", 10000, "bench-scale: with -scale-variants-share, the fewest agencies holding the piece for a filter to pass the gate (warehouse's complementLeast for compare_regions, appsComplementLeast for applications_year_sums)")
	scaleVariantsShare  = flag.Float64("scale-variants-share", 0, "bench-scale: variants after the first run the first's text instead on filters whose piece of a name fewer than this share of the selected agencies' names hold (counted in store.agencies), as warehouse.Query runs compare_regions' complement form only for such pieces (it estimates the share from a sample); 0 runs them on every filter")
	scaleVariantsDeep   = flag.Int("scale-variants-deep", 1000, "bench-scale: the value bound to $deep in a variant that names it (compare_agencies' deeper kept answer's limit, warehouse.compareDeepLimit)")
	scaleVariantsWithin = flag.Bool("scale-variants-within", false, "bench-scale: variants after the first run the first's text instead on filters for which warehouse.Query would not read compare_agencies' deeper kept answer first (its gate, warehouse.DB.CompareWithinLikely)")
	scaleVariantsKept   = flag.Bool("scale-variants-kept", false, "bench-scale: run each variant on a statement prepared once on its connection, as the server runs a named query it keeps (warehouse/kept.go), rather than prepared afresh on every run")
)

// TestScaleVariants times SQL variants of one of /regions' named queries
// against each other, interleaved: for each filter of the page's own (as
// TestScaleFigure draws them: one year, the page's limit), every variant
// runs once in turn, in an order that rotates, on a warehouse opened
// read-only with the server's memory limit, and the process's CPU is summed
// per variant. It binds what warehouse.Query binds (region_figure's cell
// ids from sql/text_ids.sql, its narrow from sql/region_narrow.sql), so that
// a variant runs as the server would run it. The first round compares each
// variant's rows with the first's and fails the test on a difference; a
// variant may end its columns with a boolean "complete", false (or no rows)
// where that form would fall back to another: those rows are counted, not
// compared. Planning alone is timed by a variant that is "EXPLAIN " and the
// query. With -scale-variants-kept each variant runs on a statement
// prepared once, as the server runs the named queries it keeps: a variant
// prepared afresh on every run is planned twice (without the values, then
// with them), which doubles what a change of planning seems to save. Run it
// under the heavy-work lock; the machine's speed changes between minutes,
// which a run of one variant after another would measure.
func TestScaleVariants(t *testing.T) {
	if *scaleVariantsDB == "" {
		t.Skip("run with -scale-variants PATH -scale-variants-sql a.sql,b.sql")
	}
	if *scaleVariantsRounds < 2 {
		t.Fatal("-scale-variants-rounds must be at least 2: the first is not timed")
	}
	ctx := context.Background()
	q, ok := queries.Get(*scaleVariantsQuery)
	if !ok {
		t.Fatalf("no named query %q", *scaleVariantsQuery)
	}
	var texts []string
	for _, p := range strings.Split(*scaleVariantsSQL, ",") {
		b, err := os.ReadFile(strings.TrimSpace(p))
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	if len(texts) < 2 {
		t.Fatal("-scale-variants-sql needs two files or more")
	}
	wdb, err := warehouse.OpenWith(ctx, *scaleVariantsDB, warehouse.Options{ReadOnly: true, MemoryLimit: serveMemoryLimit, Threads: serveThreads})
	if err != nil {
		t.Fatal(err)
	}
	page := "/regions"
	var fs []warehouse.Filter
	switch {
	case q.Name == "region_figure":
		page = "/regions?measure"
		fs = regionFilters(t, wdb, newFilterGen(t, wdb).requests(*scaleVariantsN), page)
	case strings.HasPrefix(q.Name, "quality_") || q.Name == "late_publishers":
		page = "/quality"
		fs = qualityFilters(t, newFilterGen(t, wdb).requests(*scaleVariantsN), *scaleVariantsPaging)
	case strings.HasPrefix(q.Name, "compare_"):
		page = "/compare"
		fs = compareFilters(t, wdb, newFilterGen(t, wdb).requests(*scaleVariantsN), q.Name)
	case everydayPages[q.Name].page != "":
		page = everydayPages[q.Name].page
		fs = everydayFilters(t, newFilterGen(t, wdb).requests(*scaleVariantsN), page, everydayPages[q.Name].limit)
	default:
		fs = regionFilters(t, wdb, newFilterGen(t, wdb).requests(*scaleVariantsN), page)
	}
	if *scaleVariantsShape != "" {
		fs = slices.DeleteFunc(fs, func(f warehouse.Filter) bool { return figureShape(f) != *scaleVariantsShape })
	}
	switch *scaleVariantsAgency {
	case "never", "always":
		fs = slices.DeleteFunc(fs, func(f warehouse.Filter) bool { return (f.Agency != "") != (*scaleVariantsAgency == "always") })
	case "":
	default:
		t.Fatalf("-scale-variants-agency %q: never or always", *scaleVariantsAgency)
	}
	switch *scaleVariantsLevel {
	case "never", "always":
		fs = slices.DeleteFunc(fs, func(f warehouse.Filter) bool { return (f.Level != "") != (*scaleVariantsLevel == "always") })
	case "":
	default:
		t.Fatalf("-scale-variants-level %q: never or always", *scaleVariantsLevel)
	}
	if len(fs) == 0 {
		t.Fatalf("no %s request drawn", page)
	}
	// The server's own gate for compare_agencies' deeper kept answer.
	within := make([]bool, len(fs))
	if *scaleVariantsWithin {
		for i, f := range fs {
			if within[i], err = wdb.CompareWithinLikely(ctx, f); err != nil {
				t.Fatal(err)
			}
		}
	}
	wdb.Close()
	for i := range fs {
		switch q.Name {
		case "region_agencies":
			fs[i].Measure, fs[i].Applicant, fs[i].Limit = "", "", 200 // dashboard's rollupListLimit
		case "region_rollup":
			fs[i].Measure, fs[i].Applicant = "", ""
		}
	}

	db, err := sql.Open("duckdb", *scaleVariantsDB+"?access_mode=READ_ONLY&memory_limit="+serveMemoryLimit)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conns := make([]*sql.Conn, 2)
	for i := range conns {
		if conns[i], err = db.Conn(ctx); err != nil {
			t.Fatal(err)
		}
		defer conns[i].Close()
	}
	if *scaleVariantsSet != "" {
		for _, st := range strings.Split(*scaleVariantsSet, ";") {
			if _, err := conns[1].ExecContext(ctx, st); err != nil {
				t.Fatalf("%s: %v", st, err)
			}
		}
	}
	// Each variant's statement lives on the connection it runs on, as a
	// DuckDB prepared statement belongs to one connection.
	kept := make([]*sql.Stmt, len(texts))
	if *scaleVariantsKept {
		for v, text := range texts {
			if kept[v], err = conns[min(v, 1)].PrepareContext(ctx, text); err != nil {
				t.Fatalf("variant %d: %v", v, err)
			}
			defer kept[v].Close()
		}
	}
	// The first variant kept on the second connection too, for the runs
	// that follow another variant's empty answer there.
	var keptFirst *sql.Stmt
	if *scaleVariantsKept && *scaleVariantsFall {
		if keptFirst, err = conns[1].PrepareContext(ctx, texts[0]); err != nil {
			t.Fatal(err)
		}
		defer keptFirst.Close()
	}
	args := make([][]any, len(fs))
	gated := make([]bool, len(fs))
	for i, f := range fs {
		var selected int64
		args[i], selected = variantArgs(t, conns[0], q, f)
		gated[i] = selected < *scaleVariantsGate
		if *scaleVariantsShare > 0 {
			gated[i] = gated[i] || pieceShare(t, conns[0], f) < *scaleVariantsShare
		}
		if *scaleVariantsWithin {
			gated[i] = gated[i] || !within[i]
		}
		// The kept totals' stamp, for a variant that checks it
		// (compare_regions' complement form; bound only to the texts that
		// name it).
		var totals int64
		var fingerprints string
		var listed bool
		if err := conns[0].QueryRowContext(ctx, readSQL(t, "compare_totals_stamp")).Scan(&totals, &fingerprints, &listed); err != nil {
			t.Fatal(err)
		}
		args[i] = append(args[i], sql.Named("totals", totals), sql.Named("fingerprints", fingerprints), sql.Named("deep", *scaleVariantsDeep))
	}
	if (*scaleVariantsGate > 0 || *scaleVariantsShare > 0 || *scaleVariantsWithin) && testing.Verbose() {
		n := 0
		for _, g := range gated {
			if !g {
				n++
			}
		}
		fmt.Printf("# %d of %d filters pass the gate\n", n, len(fs))
	}

	// A variant may leave out some of the query's parameters (a form for
	// filters without a piece of a name): it is bound only those it names.
	vargs := make([][][]any, len(texts))
	for v, text := range texts {
		for i := range fs {
			vargs[v] = append(vargs[v], slices.DeleteFunc(slices.Clone(args[i]), func(a any) bool {
				return !regexp.MustCompile(`\$` + a.(sql.NamedArg).Name + `\b`).MatchString(text)
			}))
		}
	}
	cpu := make([][]time.Duration, len(texts))
	for v := range cpu {
		cpu[v] = make([]time.Duration, len(fs))
	}
	if (*scaleVariantsGate > 0 || *scaleVariantsShare > 0 || *scaleVariantsWithin) && *scaleVariantsKept && keptFirst == nil {
		if keptFirst, err = conns[1].PrepareContext(ctx, texts[0]); err != nil {
			t.Fatal(err)
		}
		defer keptFirst.Close()
	}
	diffs, fallbacks, fell := 0, make([]int, len(texts)), make([]int, len(texts))
	for round := range *scaleVariantsRounds {
		for i := range fs {
			outs := make([]string, len(texts))
			for k := range texts {
				v := (k + i + round) % len(texts)
				conn := conns[min(v, 1)]
				c0 := processCPU()
				switch {
				case gated[i] && v > 0 && keptFirst != nil:
					outs[v] = keptRows(t, keptFirst, vargs[0][i])
				case gated[i] && v > 0:
					outs[v] = variantRows(t, conn, texts[0], vargs[0][i])
				case kept[v] != nil:
					outs[v] = keptRows(t, kept[v], vargs[v][i])
				default:
					outs[v] = variantRows(t, conn, texts[v], vargs[v][i])
				}
				// A filter the gate sent to the first's text has run it
				// already, whatever it answered.
				if *scaleVariantsFall && v > 0 && outs[v] == "" && !gated[i] {
					fell[v]++
					if round == 0 && testing.Verbose() {
						t.Logf("variant %d fell back to the first: %s %+v", v, figureShape(fs[i]), fs[i])
					}
					if keptFirst != nil {
						outs[v] = keptRows(t, keptFirst, vargs[0][i])
					} else {
						outs[v] = variantRows(t, conn, texts[0], vargs[0][i])
					}
				}
				if round > 0 {
					cpu[v][i] += processCPU() - c0
				}
			}
			if round > 0 {
				continue
			}
			for v := 1; v < len(texts); v++ {
				switch {
				case outs[v] == noRows && outs[0] != "":
					diffs++
					t.Errorf("variant %d gives no rows, the first some: %+v", v, fs[i])
				case outs[v] == noRows:
				case outs[v] == "" && outs[0] != "", strings.Contains(outs[v], "\tincomplete\n"):
					fallbacks[v]++
				case outs[v] != outs[0] && !strings.HasPrefix(texts[v], "EXPLAIN"):
					diffs++
					t.Errorf("variant %d's rows differ from the first's: %+v", v, fs[i])
				}
			}
		}
	}
	n := time.Duration(*scaleVariantsRounds - 1)
	fmt.Printf("# %s variants on %s, %d filters of %s, %d rounds timed, kept statements %v, load average %.1f; rows differing %d, fallbacks %v, runs followed by the first variant %v\n",
		q.Name, *scaleVariantsDB, len(fs), page, n, *scaleVariantsKept, loadAverage(), diffs, fallbacks, fell)
	for v, p := range strings.Split(*scaleVariantsSQL, ",") {
		fmt.Printf("# v%d %s\n", v, strings.TrimSpace(p))
	}
	if testing.Verbose() {
		// Each filter's own figures, to see which filters a form wins on.
		for i, f := range fs {
			line := fmt.Sprintf("%-16s %-8s %d-%d %s %s %s", figureShape(f), f.Agency, f.YearFrom, f.YearTo, f.Province, f.City, f.Level)
			for v := range texts {
				line += fmt.Sprintf("  v%d %8s", v, ms(cpu[v][i]/n))
			}
			fmt.Println(line)
		}
	}
	fmt.Printf("%-16s %4s  cpu of the process a query (ms), per variant\n", "shape", "n")
	for _, s := range []string{"all", "country", "province", "city", "level", "province+level", "name", "no name"} {
		var idx []int
		for i, f := range fs {
			if s == "all" || figureShape(f) == s || s == "name" && f.Agency != "" || s == "no name" && f.Agency == "" {
				idx = append(idx, i)
			}
		}
		if len(idx) == 0 {
			continue
		}
		line := fmt.Sprintf("%-16s %4d ", s, len(idx))
		for v := range texts {
			var c time.Duration
			for _, i := range idx {
				c += cpu[v][i]
			}
			line += fmt.Sprintf("  v%d %8s", v, ms(c/n/time.Duration(len(idx))))
		}
		fmt.Println(line)
	}
}

// pieceShare is the share of the agencies filter f selects (store.agencies)
// whose names hold its piece, 1 without a piece, 0 for a selection too small
// for the server's sample to estimate.
func pieceShare(t *testing.T, conn *sql.Conn, f warehouse.Filter) float64 {
	if strings.TrimSpace(f.Agency) == "" {
		return 1
	}
	text := func(s string) any {
		if s = strings.TrimSpace(s); s == "" {
			return nil
		}
		return s
	}
	// A selection the server's sample of 4,096 agencies would hold fewer
	// than 32 of, or with fewer than -scale-variants-least agencies holding
	// the piece, has share 0, as the complement forms' gates say no to it.
	var share sql.NullFloat64
	if err := conn.QueryRowContext(context.Background(), `SELECT CASE WHEN count(*) * 4096 >= 32 * (SELECT count(*) FROM store.agencies)
		AND count(*) FILTER (WHERE contains(a.name, $1)) >= $5
		THEN avg(CASE WHEN contains(a.name, $1) THEN 1 ELSE 0 END) ELSE 0 END
		FROM store.agencies a WHERE ($2 IS NULL OR a.province = $2) AND ($3 IS NULL OR a.city = $3) AND ($4 IS NULL OR a.level = $4)`,
		strings.TrimSpace(f.Agency), text(f.Province), text(f.City), text(f.Level), *scaleVariantsLeast).Scan(&share); err != nil {
		t.Fatal(err)
	}
	return share.Float64
}

// readSQL returns the warehouse's statement warehouse/sql/NAME.sql.
func readSQL(t *testing.T, name string) string {
	b, err := os.ReadFile(filepath.Join("..", "..", "warehouse", "sql", name+".sql"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// variantArgs binds filter f to query q's parameters as warehouse.Query
// does, the cell's ids, narrow and tail included (read on conn with the
// warehouse's own statements), and returns the count of current reports
// it selects (region_narrow.sql's, 0 for a query without narrow).
func variantArgs(t *testing.T, conn *sql.Conn, q queries.Query, f warehouse.Filter) ([]any, int64) {
	ctx := context.Background()
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join("..", "..", "warehouse", "sql", name+".sql"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	ids := map[string]any{}
	if f.Measure != "" {
		applicant := f.Applicant
		if applicant == "" {
			applicant = "total"
		}
		rows, err := conn.QueryContext(ctx, read("text_ids"), f.Measure, applicant)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var text string
			var id int64
			if err := rows.Scan(&text, &id); err != nil {
				t.Fatal(err)
			}
			if text == f.Measure {
				ids["measure_id"] = id
			}
			if text == applicant {
				ids["applicant_id"] = id
			}
		}
		rows.Close()
		if ids["measure_id"] == nil || ids["applicant_id"] == nil {
			ids = map[string]any{}
		}
	}
	narrow, selected := false, int64(0)
	if slices.Contains(q.Params, "narrow") {
		text := func(s string) any {
			if s == "" {
				return nil
			}
			return s
		}
		if err := conn.QueryRowContext(ctx, read("region_narrow"), f.YearFrom, f.YearTo, text(f.Province), text(f.City), text(f.Level)).Scan(&narrow, &selected); err != nil {
			t.Fatal(err)
		}
		narrow = narrow && (f.Province != "" || f.City != "" || f.Level != "")
	}
	// tail false when no report comes after the copy by cell's watermark,
	// as Query binds it then (cellsCaughtUp); NULL reads the tail.
	var tail any
	if slices.Contains(q.Params, "tail") {
		var wm, runs, last int64
		if err := conn.QueryRowContext(ctx, read("cells_state")).Scan(&wm, &runs, &last); err != nil {
			t.Fatal(err)
		}
		if last <= wm {
			tail = false
		}
	}
	out := f.Args(q.Params)
	for i, a := range out {
		na := a.(sql.NamedArg)
		switch na.Name {
		case "measure_id", "applicant_id":
			na.Value = ids[na.Name]
		case "narrow":
			na.Value = narrow
		case "tail":
			na.Value = tail
		}
		out[i] = na
	}
	// A piece of a name's bits, as Query binds them to a form that tests
	// the agencies' bits (sql/piece_bits.sql), for a variant that names
	// them; the match is not timed (a request makes it once for its
	// queries).
	if piece := strings.TrimSpace(f.Agency); piece != "" {
		var high, top int64
		var bits []byte
		if err := conn.QueryRowContext(ctx, read("piece_top")).Scan(&high); err != nil {
			t.Fatal(err)
		}
		if err := conn.QueryRowContext(ctx, read("piece_bits"), high|7, piece).Scan(&top, &bits); err != nil {
			t.Fatal(err)
		}
		out = append(out, sql.Named("piece_bits", bits), sql.Named("piece_top", top))
	}
	return out, selected
}

// variantRows runs text with args on conn and returns its rows as text, a
// row a line; a row whose last column is named complete and is not true
// ends with a tab and "incomplete", and a row of NULLs alone is noRows.
func variantRows(t *testing.T, conn *sql.Conn, text string, args []any) string {
	rows, err := conn.QueryContext(context.Background(), text, args...)
	if err != nil {
		t.Fatal(err)
	}
	return readVariantRows(t, rows)
}

// keptRows is variantRows on a prepared statement.
func keptRows(t *testing.T, s *sql.Stmt, args []any) string {
	rows, err := s.QueryContext(context.Background(), args...)
	if err != nil {
		t.Fatal(err)
	}
	return readVariantRows(t, rows)
}

// noRows is readVariantRows' text of a complete answer without rows.
const noRows = "(no rows)\n"

// readVariantRows reads and closes rows as variantRows returns them.
func readVariantRows(t *testing.T, rows *sql.Rows) string {
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	flagged := len(cols) > 0 && cols[len(cols)-1] == "complete"
	var b strings.Builder
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		if flagged && vals[len(vals)-1] == nil && !slices.ContainsFunc(vals, func(v any) bool { return v != nil }) {
			// A complete answer without rows (a row of NULLs, complete
			// NULL: compare_regions' complement form).
			b.WriteString(noRows)
			continue
		}
		if flagged {
			b.WriteString(strings.TrimSuffix(fmt.Sprintln(vals[:len(vals)-1]...), "\n"))
			if vals[len(vals)-1] != true {
				b.WriteString("\tincomplete")
			}
			b.WriteString("\n")
			continue
		}
		fmt.Fprintln(&b, vals...)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// compareFilters are the filters of /compare's requests among reqs as the
// page binds them to query (compare.go): compare_agencies gets the
// request's years, region, level and piece of a name with the page's limit
// of 20; compare_regions the same without a limit, its first year moved to
// the year before the period's last (the latest year with current reports
// when the period is open) for 同比.
func compareFilters(t *testing.T, db *warehouse.DB, reqs []scaleRequest, query string) []warehouse.Filter {
	latest := 0
	if query == "compare_regions" {
		tb, err := db.SQL(context.Background(), "SELECT max(year) FROM reports WHERE is_current")
		if err != nil {
			t.Fatal(err)
		}
		if len(tb.Rows) > 0 && tb.Rows[0][0] != nil {
			latest, _ = strconv.Atoi(fmt.Sprint(tb.Rows[0][0]))
		}
	}
	var fs []warehouse.Filter
	for _, r := range reqs {
		if r.page != "/compare" {
			continue
		}
		u, err := url.Parse(r.path)
		if err != nil {
			t.Fatal(err)
		}
		v := u.Query()
		f := warehouse.Filter{Province: v.Get("province"), City: v.Get("city"), Level: v.Get("level"), Agency: v.Get("agency")}
		f.YearFrom, _ = strconv.Atoi(v.Get("year_from"))
		f.YearTo, _ = strconv.Atoi(v.Get("year_to"))
		if query == "compare_agencies" {
			f.Limit = 20
		} else if last := cmp.Or(f.YearTo, latest); last != 0 && f.YearFrom > last-1 {
			f.YearFrom = last - 1
		}
		fs = append(fs, f)
	}
	return fs
}

// everydayPages names the page whose requests give each everyday page's
// named query its filters in TestScaleVariants, and the limit the page
// binds (0: none).
var everydayPages = map[string]struct {
	page  string
	limit int
}{
	"overview_trend": {"/", 0}, "overview_totals": {"/", 0}, "overview_year_sums": {"/", 0},
	"proactive_by_year": {"/proactive", 0}, "proactive_by_agency": {"/proactive", 20},
	"applications_year_sums": {"/applications", 0}, "applications_by_agency": {"/applications", 20},
	"reviews_year_sums": {"/reviews", 0}, "reviews_outcomes": {"/reviews", 0},
	"licensing_sums": {"/licensing", 20},
	"agencies_list":  {"/agencies", 50},
}

// everydayFilters are the filters of page's requests among reqs as the
// everyday pages bind them: the request's years, region, level and piece
// of a name, and limit (the first page of a list: offset 0).
func everydayFilters(t *testing.T, reqs []scaleRequest, page string, limit int) []warehouse.Filter {
	var fs []warehouse.Filter
	for _, r := range reqs {
		if r.page != page {
			continue
		}
		u, err := url.Parse(r.path)
		if err != nil {
			t.Fatal(err)
		}
		v := u.Query()
		f := warehouse.Filter{Province: v.Get("province"), City: v.Get("city"), Level: v.Get("level"), Agency: v.Get("agency"), Limit: limit}
		f.YearFrom, _ = strconv.Atoi(v.Get("year_from"))
		f.YearTo, _ = strconv.Atoi(v.Get("year_to"))
		fs = append(fs, f)
	}
	return fs
}

// qualityFilters are the filters of /quality's requests among reqs as the
// page binds them for its lists (quality.go): the request's years, region,
// level and piece of a name, the first page of 50. With paging, each filter
// also gets one of the status tabs and one of the first, second or a far
// page, in turn.
func qualityFilters(t *testing.T, reqs []scaleRequest, paging bool) []warehouse.Filter {
	statuses := []string{"", "missing", "errors", "warnings", "ok"}
	offsets := []int{0, 50, 1000}
	var fs []warehouse.Filter
	for _, r := range reqs {
		if r.page != "/quality" {
			continue
		}
		u, err := url.Parse(r.path)
		if err != nil {
			t.Fatal(err)
		}
		v := u.Query()
		f := warehouse.Filter{Province: v.Get("province"), City: v.Get("city"), Level: v.Get("level"), Agency: v.Get("agency"), Limit: 50}
		f.YearFrom, _ = strconv.Atoi(v.Get("year_from"))
		f.YearTo, _ = strconv.Atoi(v.Get("year_to"))
		if paging {
			f.Status = statuses[len(fs)%len(statuses)]
			f.Offset = offsets[len(fs)/len(statuses)%len(offsets)]
		}
		fs = append(fs, f)
	}
	return fs
}
