package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongkai"
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

	plain := lakeEngine(t, path, lake)

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

// lakeEngine opens a plain DuckDB (standing for another engine) over the
// lake exported into dir from the warehouse file path: the stored tables
// as views over the lake, read through hive partitioning with the folder
// columns dropped, then the warehouse's views and macros over them.
func lakeEngine(t *testing.T, path, lake string) *sql.DB {
	t.Helper()
	plain, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { plain.Close() })
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

	return plain
}

// TestParquetLakeMoneyWithoutUnit exports 2019-format reports whose 采购总金额
// (procurement.amount, money the format gives no unit) name 万元, 元 or no
// unit: the lake's store.region_rollup must hold no sum of them (a reader
// summing its rows would add 元 to 万元: 10 + 50000 + 7 before), while the
// count beside them (procurement.projects) is kept, and region_rollup over
// the lake gives what the warehouse gives, except that a region whose
// every amount is 0 is blank there rather than 0 (see
// lake_region_rollup.sql). Both writers of the lake are run: a file opened
// read-only (COPY from an attached file) and one opened read-write (rows
// streamed through Go).
func TestParquetLakeMoneyWithoutUnit(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	report := func(agency string, amount float64, unit, raw string) LoadRequest {
		r := &gongkai.Report{Agency: agency, Year: 2019, Format: gongkai.Format2019,
			Source: gongkai.Source{Kind: "xlsx", Name: agency + ".xlsx"}}
		r.Values = []gongkai.Value{
			{Measure: "procurement.projects", Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(2), Raw: "2", At: "表二!D20"},
			{Measure: "procurement.amount", Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(amount), Unit: unit, Raw: raw, At: "表二!E20"},
		}
		return LoadRequest{Report: r, Source: []byte(agency)}
	}
	load(t, db, report("贵州省某甲局", 10, "万元", "10万元"), report("贵州省某乙局", 50000, "元", "50000元"))
	load(t, db, report("贵州省某丙局", 7, "", "7"))
	load(t, db, report("浙江省某甲局", 0, "万元", "0万元"), report("浙江省某乙局", 0, "", "0"))
	// The warehouse's answers (TestRegionRollupMoneyWithoutUnit holds them
	// to the rule) and what the lake must give.
	for _, tt := range []struct{ province, warehouse, lake string }{
		{"贵州省", "[[procurement.amount total <nil> 3] [procurement.projects total 6 3]]",
			"[[procurement.amount total <nil> 3] [procurement.projects total 6 3]]"},
		{"浙江省", "[[procurement.amount total 0 2] [procurement.projects total 4 2]]",
			"[[procurement.amount total <nil> 2] [procurement.projects total 4 2]]"},
	} {
		got, err := db.Query(ctx, "region_rollup", Filter{YearFrom: 2019, YearTo: 2019, Province: tt.province})
		if err != nil {
			t.Fatal(err)
		}
		if g := fmt.Sprint(got.Rows); g != tt.warehouse {
			t.Fatalf("%s in the warehouse: %s, want %s", tt.province, g, tt.warehouse)
		}
	}
	path := db.Path()
	rw := t.TempDir()
	if err := db.Export(ctx, ExportParquet, rw); err != nil {
		t.Fatal(err)
	}
	db.Close()
	ro := t.TempDir()
	rodb, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := rodb.Export(ctx, ExportParquet, ro); err != nil {
		t.Fatal(err)
	}
	rodb.Close()

	named, ok := queries.Get("region_rollup")
	if !ok {
		t.Fatal("no query region_rollup")
	}
	for _, lake := range []struct{ name, dir string }{{"read-only", ro}, {"read-write", rw}} {
		plain := lakeEngine(t, path, lake.dir)
		// A reader of the lake summing its rows directly.
		rows, err := plain.Query(`SELECT t.text, sum(g.value)::DOUBLE, sum(g.stated)::BIGINT
			FROM store.region_rollup g JOIN store.texts t ON t.text_id = g.measure_id
			GROUP BY t.text ORDER BY t.text`)
		if err != nil {
			t.Fatal(err)
		}
		tb, err := readTable(rows, 0)
		rows.Close()
		if err != nil {
			t.Fatal(err)
		}
		if g, want := fmt.Sprint(tb.Rows), "[[procurement.amount <nil> 5] [procurement.projects 10 5]]"; g != want {
			t.Errorf("%s lake, its rows summed: %s, want %s", lake.name, g, want)
		}
		for _, tt := range []struct{ province, want string }{
			{"贵州省", "[[procurement.amount total <nil> 3] [procurement.projects total 6 3]]"},
			{"浙江省", "[[procurement.amount total <nil> 2] [procurement.projects total 4 2]]"},
			{"", "[[procurement.amount total <nil> 5] [procurement.projects total 10 5]]"},
		} {
			f := Filter{YearFrom: 2019, YearTo: 2019, Province: tt.province}
			var args []any
			for _, a := range f.args() {
				if na := a.(sql.NamedArg); contains(named.Params, na.Name) {
					args = append(args, na)
				}
			}
			rows, err := plain.Query(named.SQL, args...)
			if err != nil {
				t.Fatal(err)
			}
			tb, err := readTable(rows, 0)
			rows.Close()
			if err != nil {
				t.Fatal(err)
			}
			if g := fmt.Sprint(tb.Rows); g != tt.want {
				t.Errorf("%s lake, region_rollup for %q: %s, want %s", lake.name, tt.province, g, tt.want)
			}
		}
	}
}
