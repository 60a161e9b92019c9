package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"gongkai/queries"
	"gongkai/warehouse"
)

var (
	scaleFormsDB     = flag.String("scale-forms", "", "bench-scale: a warehouse on which the forms warehouse.Query runs for named queries (SQL and Go) are held to the named queries' rows (read-only); empty skips")
	scaleFormsQuery  = flag.String("scale-forms-query", "region_rollup", "bench-scale: the named queries, comma-separated, whose page's filters (as TestScaleVariants draws them) -scale-forms compares")
	scaleFormsN      = flag.Int("scale-forms-n", 1300, "bench-scale: page requests drawn as -scale-pages draws them; the named queries run with the filters of their page among them")
	scaleFormsRounds = flag.Int("scale-forms-rounds", 2, "bench-scale: rounds of warehouse.Query over the filters; the first is not timed")
)

// TestScaleForms holds what warehouse.Query answers for a named query to
// the named query's own text run as it stands, on a warehouse opened
// read-only: for each filter of the query's page (as TestScaleVariants
// draws them), Query's rows (whatever form it chose, in SQL or in Go) must
// be the text's, bound as Query binds it (variantArgs). It prints how many
// filters it compared and Query's mean CPU of the process a query over the
// timed rounds. A form whose rows Go makes (region_rollup's by id) is not
// a SQL text TestScaleVariants could compare; this compares any.
func TestScaleForms(t *testing.T) {
	if *scaleFormsDB == "" {
		t.Skip("run with -scale-forms PATH")
	}
	ctx := context.Background()
	for _, name := range strings.Split(*scaleFormsQuery, ",") {
		q, ok := queries.Get(strings.TrimSpace(name))
		if !ok {
			t.Fatalf("no named query %q", name)
		}
		wdb, err := warehouse.OpenWith(ctx, *scaleFormsDB, warehouse.Options{ReadOnly: true, MemoryLimit: serveMemoryLimit, Threads: serveThreads})
		if err != nil {
			t.Fatal(err)
		}
		reqs := newFilterGen(t, wdb).requests(*scaleFormsN)
		var fs []warehouse.Filter
		switch {
		case q.Name == "region_figure":
			fs = regionFilters(t, wdb, reqs, "/regions?measure")
		case strings.HasPrefix(q.Name, "compare_"):
			fs = compareFilters(t, wdb, reqs, q.Name)
		case everydayPages[q.Name].page != "":
			fs = everydayFilters(t, reqs, everydayPages[q.Name].page, everydayPages[q.Name].limit)
		case q.Name == "region_agencies":
			// Both pages run it (/regions?measure with the list's own
			// filter): their filters' regions and years, both compared.
			fs = append(regionFilters(t, wdb, reqs, "/regions"), regionFilters(t, wdb, reqs, "/regions?measure")...)
		default:
			fs = regionFilters(t, wdb, reqs, "/regions")
		}
		for i := range fs {
			switch q.Name {
			case "region_agencies":
				fs[i].Measure, fs[i].Applicant, fs[i].Limit = "", "", 200 // dashboard's rollupListLimit
			case "region_rollup":
				fs[i].Measure, fs[i].Applicant = "", ""
			}
		}
		got := make([]string, len(fs))
		var cpu time.Duration
		for round := range max(*scaleFormsRounds, 1) {
			for i, f := range fs {
				c0 := processCPU()
				tb, err := wdb.Query(ctx, q.Name, f)
				if err != nil {
					t.Fatalf("%s %+v: %v", q.Name, f, err)
				}
				if round > 0 {
					cpu += processCPU() - c0
				}
				var b strings.Builder
				for _, r := range tb.Rows {
					b.WriteString(fmt.Sprintln(r...))
				}
				got[i] = b.String()
			}
		}
		wdb.Close()

		db, err := sql.Open("duckdb", *scaleFormsDB+"?access_mode=READ_ONLY&memory_limit="+serveMemoryLimit)
		if err != nil {
			t.Fatal(err)
		}
		conn, err := db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		diffs, rows := 0, 0
		for i, f := range fs {
			args, _ := variantArgs(t, conn, q, f)
			want := namedRows(t, conn, q.SQL, args)
			rows += strings.Count(want, "\n")
			if want != got[i] {
				diffs++
				t.Errorf("%s %+v: Query's rows differ from the named query's:\n got %.400s\nwant %.400s", q.Name, f, got[i], want)
			}
		}
		conn.Close()
		db.Close()
		runs := float64(max(*scaleFormsRounds-1, 1) * max(len(fs), 1))
		fmt.Printf("# %s on %s: %d filters, %d rows of the named query, %d differ; Query's cpu %.1f ms a query over %d rounds, load average %.1f\n",
			q.Name, *scaleFormsDB, len(fs), rows, diffs, float64(cpu.Microseconds())/1000/runs, max(*scaleFormsRounds-1, 0), loadAverage())
		if rows == 0 {
			t.Errorf("%s: no rows under any filter: the comparison proves nothing", q.Name)
		}
	}
}

// namedRows runs text with args on conn and returns its rows as
// TestScaleForms prints Query's: a line a row, the values as
// warehouse.Table holds them (a HUGEINT sum as an int64).
func namedRows(t *testing.T, conn *sql.Conn, text string, args []any) string {
	rows, err := conn.QueryContext(context.Background(), text, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
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
		for i, v := range vals {
			if x, ok := v.(*big.Int); ok {
				if x.IsInt64() {
					vals[i] = x.Int64()
				} else {
					vals[i], _ = new(big.Float).SetInt(x).Float64()
				}
			}
		}
		b.WriteString(fmt.Sprintln(vals...))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
