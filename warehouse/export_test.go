package warehouse

import (
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/duckdb/duckdb-go/v2"
	"github.com/xuri/excelize/v2"

	"gongkai"
)

// viewText returns the rows of a view as the exports render them.
func viewText(t *testing.T, db *DB, view string) (cols []string, rows [][]string) {
	t.Helper()
	return queryText(t, db, stmt("export_"+view))
}

// queryText returns the rows of query as the exports render them.
func queryText(t *testing.T, db *DB, query string) (cols []string, rows [][]string) {
	t.Helper()
	err := db.eachRow(context.Background(), query, func(cs []*sql.ColumnType) error {
		for _, c := range cs {
			cols = append(cols, c.Name())
		}
		return nil
	}, func(vals []any) error {
		rec := make([]string, len(vals))
		for i, v := range vals {
			rec[i] = text(v)
		}
		rows = append(rows, rec)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return cols, rows
}

func exportFixture(t *testing.T) *DB {
	db := openTest(t)
	r := sampleReport("甲局", 2020, 0, 1)
	r.Province = "贵州省"
	load(t, db, LoadRequest{Report: r, Source: []byte("a")},
		LoadRequest{Report: sampleReport("甲局", 2021, 2, 0), Source: []byte("b")},
		LoadRequest{Report: sampleReport("乙局, \"引号\"", 2021, 0, 0), Source: []byte("c")})
	if _, err := db.CompactTotals(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestExportCSV(t *testing.T) {
	db := exportFixture(t)
	dir := t.TempDir()
	if err := db.Export(context.Background(), ExportCSV, dir); err != nil {
		t.Fatal(err)
	}
	for _, view := range ExportViews {
		data, err := os.ReadFile(filepath.Join(dir, view+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(data), "\ufeff") {
			t.Errorf("%s.csv has no byte-order mark", view)
		}
		got, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\ufeff"))).ReadAll()
		if err != nil {
			t.Fatalf("%s.csv: %v", view, err)
		}
		cols, rows := viewText(t, db, view)
		if len(got)-1 != len(rows) || !reflect.DeepEqual(got[0], cols) || (len(rows) > 0 && !reflect.DeepEqual(got[1:], rows)) {
			t.Errorf("%s.csv does not read back equal to the view (%d rows, want %d)", view, len(got)-1, len(rows))
		}
		if len(rows) == 0 && view != "sections" {
			t.Errorf("view %s is empty; the test proves nothing", view)
		}
	}
}

// TestExportParquet reads the Parquet export back and compares it with the
// views, both as gongkai export writes it (read-only: DuckDB's COPY from the
// attached file) and from a warehouse opened read-write (rows streamed).
func TestExportParquet(t *testing.T) {
	for _, readOnly := range []bool{true, false} {
		t.Run(fmt.Sprintf("readOnly=%v", readOnly), func(t *testing.T) { testExportParquet(t, readOnly) })
	}
}

func testExportParquet(t *testing.T, readOnly bool) {
	db := exportFixture(t)
	if readOnly {
		path := db.Path()
		db.Close()
		var err error
		if db, err = OpenReadOnly(context.Background(), path); err != nil {
			t.Fatal(err)
		}
		defer db.Close()
	}
	dir := t.TempDir()
	// A partition an earlier export left must not survive as stale data.
	stale := filepath.Join(dir, "report_values", "year=1999", "province=x")
	if err := os.MkdirAll(stale, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(stale, "data_0.parquet"), []byte("stale"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := db.Export(context.Background(), ExportParquet, dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Errorf("a stale partition of an earlier export survived: %s", stale)
	}
	// The folders are the view's years and provinces (a missing province
	// in Hive's default partition), names percent-encoded.
	var folders []string
	matches, _ := filepath.Glob(filepath.Join(dir, "report_values", "*", "*"))
	for _, m := range matches {
		rel, _ := filepath.Rel(dir, m)
		name, err := url.PathUnescape(filepath.ToSlash(rel))
		if err != nil {
			t.Fatal(err)
		}
		folders = append(folders, name)
	}
	sort.Strings(folders)
	want := []string{"report_values/year=2020/province=贵州省", "report_values/year=2021/province=__HIVE_DEFAULT_PARTITION__",
		"report_values/year=2021/province=贵州省"}
	if !reflect.DeepEqual(folders, want) {
		t.Errorf("report_values is partitioned as %q, want %q", folders, want)
	}
	// Read back with a DuckDB of the test's own, which may read files.
	c, err := duckdb.NewConnector("", nil)
	if err != nil {
		t.Fatal(err)
	}
	mem := sql.OpenDB(c)
	defer mem.Close()
	type part struct{ name, query, src string }
	var parts []part
	for _, view := range ExportViews {
		src := quoteString(filepath.Join(dir, view+".parquet"))
		if cols, _ := viewText(t, db, view); contains(cols, "year") || contains(cols, "province") {
			src = "read_parquet(" + quoteString(filepath.Join(dir, view, "**", "*.parquet")) + ", hive_partitioning = true)"
		}
		parts = append(parts, part{view, stmt("export_" + view), src})
	}
	// The stored tables of the lake, the folder columns dropped.
	for _, lt := range LakeTables {
		src := quoteString(filepath.Join(dir, "store", lt.Name+".parquet"))
		if len(lt.Partition) > 0 {
			src = "(SELECT * EXCLUDE (" + strings.Join(lt.Partition, ", ") + ") FROM read_parquet(" +
				quoteString(filepath.Join(dir, "store", lt.Name, "**", "*.parquet")) + ", hive_partitioning = true))"
		}
		query := "SELECT * FROM store." + lt.Name
		if strings.HasPrefix(lt.Name, "figures_by_cell") {
			// The lake leaves the copy by cell empty, its state saying so
			// (lake_figures_by_cell.sql): readers take store.figures.
			query = stmt("lake_" + lt.Name)
		}
		parts = append(parts, part{"store." + lt.Name, query, src})
	}
	for _, p := range parts {
		view, src := p.name, p.src
		cols, want := queryText(t, db, p.query)
		// The list of changed agencies is empty after the build of
		// store.agency_totals (TestParquetLake has both).
		if len(want) == 0 && view != "sections" && view != "store.sections" && view != "store.pending" && view != "store.figures_by_cell" && view != "store.figures_by_cell_stale" &&
			view != "store.agency_totals_changed" {
			t.Errorf("%s is empty; the test proves nothing", view)
		}
		quoted := make([]string, len(cols))
		for i, c := range cols {
			quoted[i] = quoteIdent(c)
		}
		rows, err := mem.Query("SELECT " + strings.Join(quoted, ", ") + " FROM " + src)
		if err != nil {
			t.Fatalf("%s: %v", view, err)
		}
		got, err := readTable(rows, 0)
		rows.Close()
		if err != nil {
			t.Fatal(err)
		}
		var gotText [][]string
		for _, r := range got.Rows {
			rec := make([]string, len(r))
			for i, v := range r {
				rec[i] = text(v)
			}
			gotText = append(gotText, rec)
		}
		sortRows(gotText)
		sortRows(want)
		if !reflect.DeepEqual(gotText, want) {
			t.Errorf("%s: Parquet reads back %d rows unequal to the view's %d", view, len(gotText), len(want))
			for i := range min(len(gotText), len(want), 3) {
				if !reflect.DeepEqual(gotText[i], want[i]) {
					t.Logf("got  %q\nwant %q", gotText[i], want[i])
				}
			}
		}
	}
}

func sortRows(rows [][]string) {
	sort.Slice(rows, func(i, j int) bool { return strings.Join(rows[i], "\x00") < strings.Join(rows[j], "\x00") })
}

func TestExportXLSX(t *testing.T) {
	db := exportFixture(t)
	dir := t.TempDir()
	if err := db.Export(context.Background(), ExportXLSX, dir); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "gongkai.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !reflect.DeepEqual(got, ExportViews) {
		t.Errorf("sheets %v, want %v", got, ExportViews)
	}
	rows, _ := f.GetRows("report_summary")
	_, want := viewText(t, db, "report_summary")
	if len(rows) != len(want)+1 || rows[1][2] != want[0][2] {
		t.Errorf("report_summary sheet: %d rows, want %d", len(rows), len(want)+1)
	}
	if err := db.Export(context.Background(), "docx", dir); err == nil {
		t.Error("an unknown format was accepted")
	}
}

// TestExportXLSXRefusesTooManyRows: a warehouse with more rows than an
// Excel export writes (xlsxMaxTotal; 200 million figures at national
// scale) is refused with a message that says how many rows each view has
// and what to use instead, before any file is written.
func TestExportXLSXRefusesTooManyRows(t *testing.T) {
	db := exportFixture(t)
	rows := int64(count(t, db, "SELECT count(*) FROM report_values"))
	defer func(n int64) { xlsxMaxTotal = n }(xlsxMaxTotal)
	xlsxMaxTotal = rows
	dir := t.TempDir()
	err := db.Export(context.Background(), ExportXLSX, dir)
	var ge *gongkai.Error
	if !errors.As(err, &ge) || ge.Code != gongkai.CodeInvalid {
		t.Fatalf("Export: %v, want a refusal", err)
	}
	for _, w := range []string{"数据量过大", fmt.Sprintf("report_values %d 行", rows), "parquet"} {
		if !strings.Contains(ge.Message, w) {
			t.Errorf("the refusal %q does not say %q", ge.Message, w)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "gongkai.xlsx")); err == nil {
		t.Error("a refused export wrote gongkai.xlsx")
	}
}

// TestExportKeepsForeignFolders: a Parquet export replaces only the folders
// an earlier export wrote. An out folder that holds something else under one
// of the export's names (a user's own "reports" folder in the home folder
// given as --out) is left whole and the export refuses, saying which.
func TestExportKeepsForeignFolders(t *testing.T) {
	db := exportFixture(t)
	// An export over an earlier one replaces its folders.
	again := t.TempDir()
	for range 2 {
		if err := db.Export(context.Background(), ExportParquet, again); err != nil {
			t.Fatalf("export over an earlier export: %v", err)
		}
	}
	for _, own := range []string{
		filepath.Join("reports", "notes.txt"),
		filepath.Join("reports", "year=2021", "notes.txt"),
		filepath.Join("store", "figures", "lake_year=2021", "lake_province=x", "notes.txt"),
		filepath.Join("findings", "2021", "data_0.parquet"),
		"sections",
	} {
		t.Run(filepath.ToSlash(own), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, own)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte("mine"), 0o644); err != nil {
				t.Fatal(err)
			}
			err := db.Export(context.Background(), ExportParquet, dir)
			if gongkai.ErrorCode(err) != gongkai.CodeInvalid {
				t.Errorf("export over %s: error %v, want one of CodeInvalid", own, err)
			}
			if b, err := os.ReadFile(path); err != nil || string(b) != "mine" {
				t.Errorf("the export removed or changed %s (%q, %v)", own, b, err)
			}
		})
	}
}
