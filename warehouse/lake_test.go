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
// stored tables written by the Parquet export as a lake partitioned by
// year and province, read by another engine (here a plain DuckDB, standing
// for Trino, Spark or ClickHouse) through read_parquet with hive
// partitioning, with the warehouse's views and macros defined over it.
// Every named query gives the same rows there as in the warehouse.
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
	// The rankings' kept totals built, then one agency changed: the lake
	// holds both tables (0044), and the rankings read both paths.
	if _, err := db.CompactTotals(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
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

	// The lake as gongkai export writes it, from the file opened read-only.
	lake := t.TempDir()
	ro, err := OpenReadOnly(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if err := ro.Export(context.Background(), ExportParquet, lake); err != nil {
		t.Fatal(err)
	}
	ro.Close()
	// The layout: tables of reports by year and province, names
	// percent-encoded, an agency without a region in Hive's default folder.
	for _, dir := range []string{"store/figures/lake_year=2021/lake_province=%E6%B5%99%E6%B1%9F%E7%9C%81",
		"store/figures/lake_year=2022/lake_province=__HIVE_DEFAULT_PARTITION__",
		"store/agencies/lake_province=%E8%B4%B5%E5%B7%9E%E7%9C%81",
		"report_values/year=2020/province=%E8%B4%B5%E5%B7%9E%E7%9C%81"} {
		if _, err := os.Stat(filepath.Join(lake, dir)); err != nil {
			t.Errorf("the lake lacks %s: %v", dir, err)
		}
	}

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
	// The warehouse's views and macros, as they are stored in the file.
	exec("ATTACH " + quoteString(path) + " AS w (READ_ONLY)")
	var views, macros []string
	rows, err := plain.Query(`SELECT sql FROM duckdb_views() WHERE database_name = 'w' AND NOT internal AND sql IS NOT NULL ORDER BY view_oid`)
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
	// The engine side: the stored tables as views over the lake, read
	// through hive partitioning with the folder columns dropped, then the
	// warehouse's views and macros over them.
	exec("CREATE SCHEMA store")
	for _, lt := range LakeTables {
		target := filepath.Join(lake, "store", lt.Name)
		read := "SELECT * FROM read_parquet(" + quoteString(target+".parquet") + ")"
		if len(lt.Partition) > 0 {
			read = "SELECT * EXCLUDE (" + strings.Join(lt.Partition, ", ") + ") FROM read_parquet(" +
				quoteString(filepath.Join(target, "**", "*.parquet")) + ", hive_partitioning = true)"
		}
		exec("CREATE VIEW store." + quoteIdent(lt.Name) + " AS " + read)
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
