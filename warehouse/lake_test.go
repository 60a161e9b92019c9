package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongkai/queries"
)

// TestParquetLake follows docs/scaling.md's path past one machine: the
// stored tables written as a Parquet lake partitioned by year and province,
// read by another engine (here a plain DuckDB, standing for Trino, Spark or
// ClickHouse) through read_parquet with hive partitioning, with the
// warehouse's views and macros defined over it. Every named query gives the
// same rows there as in the warehouse.
func TestParquetLake(t *testing.T) {
	db := openTest(t)
	var reqs []LoadRequest
	for i, name := range []string{"贵州省教育厅", "贵阳市公安局", "浙江省财政厅", "杭州市西湖区人民政府", "无地区局"} {
		for year := 2020; year <= 2022; year++ {
			r := sampleReport(name, year, float64(i), float64(i+1))
			switch {
			case strings.HasPrefix(name, "贵"):
				r.Province = "贵州省"
			case strings.HasPrefix(name, "浙") || strings.HasPrefix(name, "杭"):
				r.Province = "浙江省"
			}
			reqs = append(reqs, LoadRequest{Report: r})
		}
	}
	load(t, db, reqs...)
	load(t, db, LoadRequest{Report: sampleReport("贵阳市公安局", 2021, 5, 0)}) // a second version
	path := db.Path()
	filters := []Filter{{}, {YearFrom: 2021, YearTo: 2022}, {Province: "浙江省"}, {Agency: "公安", YearFrom: 2021},
		{Level: "province_dept"}}
	want := map[string]string{}
	nonEmpty := 0
	for _, q := range queries.List() {
		for i, f := range filters {
			f.AgencyID, f.ReportID, f.Limit, f.Measure = 2, 5, 20, "licensing.decisions"
			tb, err := db.Query(context.Background(), q.Name, f)
			if err != nil {
				t.Fatalf("%s: %v", q.Name, err)
			}
			want[fmt.Sprint(q.Name, i)] = fmt.Sprint(tb.Rows)
			if len(tb.Rows) > 0 {
				nonEmpty++
			}
		}
	}
	db.Close()
	if nonEmpty < len(want)/2 {
		t.Fatalf("only %d of %d results have rows: the test proves little", nonEmpty, len(want))
	}

	// Write the lake from the closed file with an instance that may touch
	// files (the warehouse's own may not).
	lake := t.TempDir()
	plain, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	exec := func(q string) {
		t.Helper()
		if _, err := plain.Exec(q); err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
	}
	exec("ATTACH " + quoteString(path) + " AS w (READ_ONLY)")
	tables := map[string][]string{} // schema → tables
	rows, err := plain.Query(`SELECT table_schema, table_name FROM information_schema.tables
		WHERE table_catalog = 'w' AND table_type = 'BASE TABLE' ORDER BY ALL`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var s, n string
		if err := rows.Scan(&s, &n); err != nil {
			t.Fatal(err)
		}
		tables[s] = append(tables[s], n)
	}
	rows.Close()
	hasColumn := func(schema, table, col string) bool {
		var n int
		plain.QueryRow(`SELECT count(*) FROM information_schema.columns WHERE table_catalog = 'w'
			AND table_schema = ? AND table_name = ? AND column_name = ?`, schema, table, col).Scan(&n)
		return n > 0
	}
	type lakeTable struct{ schema, name, read string }
	var made []lakeTable
	for schema, names := range tables {
		if err := os.MkdirAll(filepath.Join(lake, schema), 0o755); err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			src := "w." + quoteIdent(schema) + "." + quoteIdent(name)
			target := filepath.Join(lake, schema, name)
			// Tables of reports are partitioned by the report's year and its
			// agency's province; the partition columns come back from the
			// folder names and are dropped on reading.
			var sel, part string
			switch {
			case schema == "store" && hasColumn(schema, name, "report_id"):
				sel = "SELECT t.*, r.year AS lake_year, coalesce(a.province, '-') AS lake_province FROM " + src +
					" t JOIN w.store.reports r ON r.report_id = t.report_id JOIN w.store.agencies a ON a.agency_id = r.agency_id"
				part = "lake_year, lake_province"
			case schema == "store" && name == "agencies":
				sel = "SELECT t.*, coalesce(t.province, '-') AS lake_province FROM " + src + " t"
				part = "lake_province"
			}
			read := ""
			if part != "" {
				exec("COPY (" + sel + ") TO " + quoteString(target) + " (FORMAT parquet, PARTITION_BY (" + part + "))")
				read = "SELECT * EXCLUDE (" + part + ") FROM read_parquet(" + quoteString(target+"/**/*.parquet") + ", hive_partitioning = true)"
			} else {
				exec("COPY (SELECT * FROM " + src + ") TO " + quoteString(target+".parquet") + " (FORMAT parquet)")
				read = "SELECT * FROM read_parquet(" + quoteString(target+".parquet") + ")"
			}
			made = append(made, lakeTable{schema, name, read})
		}
	}
	if len(made) < 8 {
		t.Fatalf("only %d tables in the lake", len(made))
	}
	// The engine side: the tables as views over the lake, then the
	// warehouse's own views and macros, as they are stored in the file.
	var views, macros []string
	rows, err = plain.Query(`SELECT sql FROM duckdb_views() WHERE database_name = 'w' AND NOT internal AND sql IS NOT NULL ORDER BY view_oid`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var s string
		rows.Scan(&s)
		views = append(views, s)
	}
	rows.Close()
	rows, err = plain.Query(`SELECT schema_name, function_name, function_type, parameters, macro_definition
		FROM duckdb_functions() WHERE database_name = 'w' AND function_type IN ('macro', 'table_macro') AND NOT internal`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var schema, name, kind, def string
		var params []any
		if err := rows.Scan(&schema, &name, &kind, &params, &def); err != nil {
			t.Fatal(err)
		}
		ps := make([]string, len(params))
		for i, p := range params {
			ps[i] = fmt.Sprint(p)
		}
		table := ""
		if kind == "table_macro" {
			table = "TABLE "
		}
		macros = append(macros, fmt.Sprintf("CREATE MACRO %s.%s(%s) AS %s%s", quoteIdent(schema), quoteIdent(name), strings.Join(ps, ", "), table, def))
	}
	rows.Close()
	exec("DETACH w")
	for schema := range tables {
		exec("CREATE SCHEMA IF NOT EXISTS " + quoteIdent(schema))
	}
	for _, lt := range made {
		exec("CREATE VIEW " + quoteIdent(lt.schema) + "." + quoteIdent(lt.name) + " AS " + lt.read)
	}
	// Views and macros may read one another: create them until none is
	// left that can be.
	defs := append(views, macros...)
	for len(defs) > 0 {
		var later []string
		for _, d := range defs {
			if _, err := plain.Exec(d); err != nil {
				later = append(later, d)
			}
		}
		if len(later) == len(defs) {
			_, err := plain.Exec(later[0])
			t.Fatalf("cannot create a view or macro over the lake: %v\n%s", err, later[0])
		}
		defs = later
	}

	for _, q := range queries.List() {
		for i, f := range filters {
			f.AgencyID, f.ReportID, f.Limit, f.Measure = 2, 5, 20, "licensing.decisions"
			var args []any
			for _, a := range f.args() {
				if na := a.(sql.NamedArg); contains(q.Params, na.Name) {
					args = append(args, na)
				}
			}
			rows, err := plain.Query(q.SQL, args...)
			if err != nil {
				t.Fatalf("%s on the lake: %v", q.Name, err)
			}
			tb, err := readTable(rows, 0)
			rows.Close()
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprint(tb.Rows); got != want[fmt.Sprint(q.Name, i)] {
				t.Errorf("%s (filter %d) on the lake:\n got %s\nwant %s", q.Name, i, got, want[fmt.Sprint(q.Name, i)])
			}
		}
	}
}
