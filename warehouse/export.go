package warehouse

import (
	"bufio"
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/csv"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/duckdb/duckdb-go/v2"
	"github.com/xuri/excelize/v2"

	"gongkai"
)

// ExportViews lists the views Export writes, in order.
var ExportViews = []string{
	"agencies", "reports", "report_values", "report_summary",
	"proactive", "applications", "reviews", "findings", "sections", "measures",
}

// Export formats.
const (
	ExportParquet = "parquet"
	ExportCSV     = "csv"
	ExportXLSX    = "xlsx"
)

// xlsxMaxRows is Excel's row limit per sheet, header included; a longer
// view continues on the next sheet.
const xlsxMaxRows = 1 << 20

// xlsxMaxTotal is the most rows an Excel export writes, over all its
// sheets. The workbook is built row by row through Go and zipped at the end:
// a provincial warehouse fits (about 2 million figures at 10,000 reports), a
// national one (200 million at 1M reports, some 200 sheets) would take hours
// and a file Excel cannot open, so it is refused before anything is written.
var xlsxMaxTotal int64 = 10_000_000

// Export writes the analyst views into dir (created if missing):
//   - "parquet": one folder per view, hive-partitioned by the view's year and
//     province where it has them (view/year=2021/province=…/), else
//     view.parquet; and the stored tables as a lake under store/ (see
//     LakeTables);
//   - "csv": view.csv, UTF-8 with a byte-order mark so that Excel reads the
//     Chinese text;
//   - "xlsx": gongkai.xlsx, one sheet per view, streamed.
//
// The warehouse's own DuckDB instance may not touch files (see OpenWith), so
// Parquet is written by a separate in-memory database (see exportParquet).
// It returns a *gongkai.Error with CodeInvalid for an unknown format, and
// for a Parquet export whose dir holds, under the name of one of its
// folders, something an earlier export did not write (left whole).
func (db *DB) Export(ctx context.Context, format, dir string) error {
	switch format {
	case ExportParquet, ExportCSV, ExportXLSX:
	default:
		return gongkai.Errorf(gongkai.CodeInvalid, "不支持的导出格式 %q（可用：parquet、csv、xlsx）", format)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return gongkai.Errorf(gongkai.CodeInvalid, "无法创建导出目录 %s：%v", dir, err)
	}
	switch format {
	case ExportCSV:
		for _, v := range ExportViews {
			if err := db.exportCSV(ctx, v, filepath.Join(dir, v+".csv")); err != nil {
				return fmt.Errorf("warehouse: export %s: %w", v, err)
			}
		}
		return nil
	case ExportXLSX:
		return db.exportXLSX(ctx, filepath.Join(dir, "gongkai.xlsx"))
	}
	return db.exportParquet(ctx, dir)
}

// eachRow runs query and calls fn with the column names
// and types, then with every row.
func (db *DB) eachRow(ctx context.Context, query string, head func(cols []*sql.ColumnType) error, fn func([]any) error) error {
	rows, err := db.db.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.ColumnTypes()
	if err != nil {
		return err
	}
	if err := head(cols); err != nil {
		return err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		if err := fn(vals); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (db *DB) exportCSV(ctx context.Context, view, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	bw := bufio.NewWriter(f)
	bw.WriteString("\ufeff") // the byte-order mark Excel needs to read UTF-8
	w := csv.NewWriter(bw)
	var rec []string
	err = db.eachRow(ctx, stmt("export_"+view), func(cols []*sql.ColumnType) error {
		rec = make([]string, len(cols))
		for i, c := range cols {
			rec[i] = c.Name()
		}
		return w.Write(rec)
	}, func(vals []any) error {
		for i, v := range vals {
			rec[i] = csvText(v)
		}
		return w.Write(rec)
	})
	if err != nil {
		return err
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// text renders a value for CSV and spreadsheets: blank for NULL, numbers
// without exponent or trailing zeros.
func text(v any) string {
	switch x := plain(v).(type) {
	case nil:
		return ""
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case float32:
		return strconv.FormatFloat(float64(x), 'f', -1, 32)
	case time.Time:
		return x.Format("2006-01-02 15:04:05")
	case []byte:
		return string(x)
	case []any:
		parts := make([]string, len(x))
		for i, p := range x {
			parts[i] = text(p)
		}
		return strings.Join(parts, ",")
	default:
		return fmt.Sprint(x)
	}
}

func (db *DB) exportXLSX(ctx context.Context, path string) error {
	var total int64
	counts := make([]string, 0, len(ExportViews))
	for _, view := range ExportViews {
		var n int64
		// report_figures has report_values' rows and counts them without
		// decoding their texts (1-2 s at 1M reports instead of 4). The names
		// are ours (ExportViews), not the caller's.
		from := view
		if view == "report_values" {
			from = "report_figures"
		}
		if err := db.db.QueryRowContext(ctx, "SELECT count(*) FROM "+quoteIdent(from)).Scan(&n); err != nil {
			return fmt.Errorf("warehouse: export %s: %w", view, err)
		}
		total += n
		counts = append(counts, fmt.Sprintf("%s %d 行", view, n))
		if total > xlsxMaxTotal {
			// Counting the other views (proactive and applications group
			// every figure) would only keep the user waiting.
			return gongkai.Errorf(gongkai.CodeInvalid, "数据量过大，无法导出为 Excel：至少 %d 行（%s），Excel 导出最多 %d 行。请改用 --format parquet 或 csv，或用 gongkai query --format xlsx 导出筛选后的结果",
				total, strings.Join(counts, "，"), xlsxMaxTotal)
		}
	}
	f := excelize.NewFile()
	defer f.Close()
	first := true
	for _, view := range ExportViews {
		var (
			sw     *excelize.StreamWriter
			header []any
			row    int
			part   int
		)
		newSheet := func() error {
			part++
			name := view
			if part > 1 {
				name = fmt.Sprintf("%s (%d)", view, part)
			}
			if first {
				f.SetSheetName("Sheet1", name)
				first = false
			} else if _, err := f.NewSheet(name); err != nil {
				return err
			}
			var err error
			if sw, err = f.NewStreamWriter(name); err != nil {
				return err
			}
			row = 1
			return sw.SetRow("A1", header)
		}
		err := db.eachRow(ctx, stmt("export_"+view), func(cols []*sql.ColumnType) error {
			for _, c := range cols {
				header = append(header, c.Name())
			}
			return newSheet()
		}, func(vals []any) error {
			if row == xlsxMaxRows {
				if err := sw.Flush(); err != nil {
					return err
				}
				if err := newSheet(); err != nil {
					return err
				}
			}
			row++
			cell, _ := excelize.CoordinatesToCellName(1, row)
			return sw.SetRow(cell, xlsxRow(vals))
		})
		if err != nil {
			return fmt.Errorf("warehouse: export %s: %w", view, err)
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	return f.SaveAs(path)
}

// LakeTables lists the stored tables a Parquet export writes under
// DIR/store/, so that another engine can define the warehouse's views and
// macros over them and run the named queries (docs/scaling.md). Tables of
// reports are partitioned by their report's year and their agency's
// province (store/figures/lake_year=2021/lake_province=…/), agencies by
// province, the roll-ups by their own year and province; the partition columns
// are folder names only and are dropped on reading. Accounts, sessions,
// saved queries and the source files' places are left out: they are not the
// data and some are secrets.
var LakeTables = []struct {
	Name      string
	Partition []string
}{
	{"agencies", []string{"lake_province"}},
	{"reports", []string{"lake_year", "lake_province"}},
	{"figures", []string{"lake_year", "lake_province"}},
	{"texts", nil},
	{"measures", nil},
	{"findings", []string{"lake_year", "lake_province"}},
	{"sections", []string{"lake_year", "lake_province"}},
	{"report_summary", []string{"lake_year", "lake_province"}},
	{"pending", []string{"lake_year", "lake_province"}},
	{"region_rollup", []string{"lake_year", "lake_province"}},
	{"agency_status", []string{"lake_province"}},
	{"status_patterns", nil},
	{"summary_rollup", []string{"lake_year", "lake_province"}},
	// As they are (0044): the lake's summary rows are the warehouse's.
	{"agency_totals", nil},
	{"agency_totals_changed", nil},
	{"compare_totals", nil},
	// Empty, watermark 0: the lake's readers take every figure from
	// store.figures (lake_figures_by_cell.sql).
	{"figures_by_cell", nil},
	{"figures_by_cell_state", nil},
	{"figures_by_cell_stale", nil},
}

// parquetPart is one folder (or file) of a Parquet export: the rows of
// query, partitioned by the columns partition (none: one file at target).
type parquetPart struct {
	name      string // for errors: the view or store.table
	query     string
	target    string
	partition []string
}

// copyOptions are the COPY options for p.
func (p parquetPart) copyOptions() string {
	if len(p.partition) == 0 {
		return "FORMAT parquet"
	}
	return "FORMAT parquet, PARTITION_BY (" + strings.Join(p.partition, ", ") + ")"
}

// lakeParts lists the stored tables' parts under dir/store.
func lakeParts(dir string) []parquetPart {
	var parts []parquetPart
	for _, t := range LakeTables {
		p := parquetPart{name: "store." + t.Name, query: stmt("lake_" + t.Name), partition: t.Partition,
			target: filepath.Join(dir, "store", t.Name)}
		if len(t.Partition) == 0 {
			p.target += ".parquet"
		}
		parts = append(parts, p)
	}
	return parts
}

// viewPart is where view's Parquet goes: a folder partitioned by the
// view's year and province where it has them (view/year=2021/province=…/),
// else one file.
func viewPart(dir, view string, partition []string) parquetPart {
	p := parquetPart{name: view, query: stmt("export_" + view), partition: partition, target: filepath.Join(dir, view)}
	if len(partition) == 0 {
		p.target += ".parquet"
	} else if view == "report_values" {
		p.query = stmt("export_report_values_parquet")
	}
	return p
}

// exportParquet writes each view, and the stored tables as a lake (see
// LakeTables; those an older file opened read-only lacks are left out), with DuckDB's own COPY … TO (FORMAT parquet): a separate
// in-memory DuckDB, which may write files, attaches the warehouse file
// read-only and runs the export queries there, so no row passes through Go.
// That is safe only while nothing writes the file, so a warehouse opened
// read-write (a server's) streams the rows instead.
func (db *DB) exportParquet(ctx context.Context, dir string) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(abs, "store"), 0o755); err != nil {
		return gongkai.Errorf(gongkai.CodeInvalid, "无法创建导出目录 %s：%v", dir, err)
	}
	c, err := duckdb.NewConnector("?autoinstall_known_extensions=false&autoload_known_extensions=false", nil)
	if err != nil {
		return err
	}
	mem := sql.OpenDB(fullReads(c))
	defer mem.Close()
	if err := probeFullReads(ctx, mem); err != nil {
		return err
	}
	conn, err := mem.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if !db.opts.ReadOnly {
		for _, view := range ExportViews {
			if err := db.streamToParquet(ctx, conn, viewPart(abs, view, nil), true); err != nil {
				return fmt.Errorf("warehouse: export %s: %w", view, err)
			}
		}
		for _, p := range lakeParts(abs) {
			if err := db.streamToParquet(ctx, conn, p, false); err != nil {
				return fmt.Errorf("warehouse: export %s: %w", p.name, err)
			}
		}
		return nil
	}
	for _, q := range []string{
		"SET threads = " + strconv.Itoa(db.opts.Threads),
		"SET memory_limit = " + quoteString(db.opts.MemoryLimit),
		// ATTACH takes no parameters; the path is the operator's own file.
		"ATTACH " + quoteString(db.path) + " AS w (READ_ONLY)",
		"USE w",
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("warehouse: export: %w", err)
		}
	}
	var parts []parquetPart
	for _, view := range ExportViews {
		partition, err := viewPartitions(ctx, conn, view)
		if err != nil {
			return fmt.Errorf("warehouse: export %s: %w", view, err)
		}
		parts = append(parts, viewPart(abs, view, partition))
	}
	have, err := storeTables(ctx, conn)
	if err != nil {
		return fmt.Errorf("warehouse: export: %w", err)
	}
	for _, p := range lakeParts(abs) {
		if have[strings.TrimPrefix(p.name, "store.")] {
			parts = append(parts, p)
		}
	}
	for i, p := range parts {
		q := strings.TrimRight(strings.TrimSpace(p.query), ";")
		t0 := time.Now()
		if err := copyParquet(ctx, conn, "("+q+")", p); err != nil {
			return fmt.Errorf("warehouse: export %s: %w", p.name, err)
		}
		// A national export takes minutes: say what is done.
		slog.Info("warehouse: exported", "part", p.name, "of", fmt.Sprintf("%d/%d", i+1, len(parts)),
			"seconds", time.Since(t0).Round(100*time.Millisecond).Seconds())
	}
	return nil
}

// storeTables returns the names of the attached warehouse's stored tables.
func storeTables(ctx context.Context, conn *sql.Conn) (map[string]bool, error) {
	rows, err := conn.QueryContext(ctx, stmt("export_store_tables"))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	have := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		have[name] = true
	}
	return have, rows.Err()
}

// viewPartitions returns the columns of view its Parquet folder is
// partitioned by: year and province, where it has them.
func viewPartitions(ctx context.Context, conn *sql.Conn, view string) ([]string, error) {
	rows, err := conn.QueryContext(ctx, stmt("export_view_partitions"), view)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		cols = append(cols, c)
	}
	return cols, rows.Err()
}

// streamToParquet writes p from a warehouse opened read-write: its rows
// pass through Go into a table of conn's in-memory DuckDB, which COPY then
// writes. With byColumns, p is a view's part and is partitioned by the
// view's year and province, found among the columns.
func (db *DB) streamToParquet(ctx context.Context, conn *sql.Conn, p parquetPart, byColumns bool) error {
	var (
		app *duckdb.Appender
		row []driver.Value
	)
	err := db.eachRow(ctx, p.query, func(cols []*sql.ColumnType) error {
		// The table mirrors the view: names and types as DuckDB reports them.
		defs := make([]string, len(cols))
		var year, province bool
		for i, c := range cols {
			defs[i] = quoteIdent(c.Name()) + " " + c.DatabaseTypeName()
			year = year || c.Name() == "year"
			province = province || c.Name() == "province"
		}
		if byColumns {
			p.target = strings.TrimSuffix(p.target, ".parquet")
			if year {
				p.partition = append(p.partition, "year")
			}
			if province {
				p.partition = append(p.partition, "province")
			}
			if len(p.partition) == 0 {
				p.target += ".parquet"
			}
		}
		if _, err := conn.ExecContext(ctx, "CREATE OR REPLACE TABLE export ("+strings.Join(defs, ", ")+")"); err != nil {
			return err
		}
		row = make([]driver.Value, len(cols))
		return conn.Raw(func(dc any) error {
			c, err := duckConn(dc)
			if err != nil {
				return err
			}
			app, err = duckdb.NewAppender(c, "", "", "export")
			return err
		})
	}, func(vals []any) error {
		for i, v := range vals {
			row[i] = plain(v)
		}
		return app.AppendRow(row...)
	})
	if app != nil {
		if cerr := app.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return err
	}
	return copyParquet(ctx, conn, "export", p)
}

// copyParquet writes the rows of from (a table or a parenthesized query of
// conn) to p's target. A folder an earlier export wrote is removed first:
// a partition this one has no rows for (a province whose agencies moved)
// must not linger as stale data, and DuckDB's OVERWRITE leaves it. A folder
// that is not such an export's is never removed: the out folder is the
// operator's (a home folder, say), and a "reports" folder of their own
// must not go with the export's; Export then returns a *gongkai.Error with
// CodeInvalid naming it.
func copyParquet(ctx context.Context, conn *sql.Conn, from string, p parquetPart) error {
	if len(p.partition) > 0 {
		exported, err := isExport(p.target, p.partition)
		if err != nil {
			return err
		}
		if !exported {
			return gongkai.Errorf(gongkai.CodeInvalid, "导出目录中已有 %s，但它不是之前导出的 Parquet 文件夹，未覆盖：请换一个导出目录，或先移走它", p.target)
		}
		if err := os.RemoveAll(p.target); err != nil {
			return err
		}
	}
	// COPY takes no parameters for its target; the path is the operator's
	// own, quoted as a string literal.
	if _, err := conn.ExecContext(ctx, "COPY "+from+" TO "+quoteString(p.target)+" ("+p.copyOptions()+")"); err != nil {
		return err
	}
	if len(p.partition) == 0 {
		return nil
	}
	if found, err := hasFile(p.target); found || err != nil {
		return err
	}
	// No rows, so no file: readers would find none and fail. An empty file
	// in Hive's default partition keeps the columns and reads as no rows.
	dir := p.target
	for _, c := range p.partition {
		dir = filepath.Join(dir, c+"=__HIVE_DEFAULT_PARTITION__")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	_, err := conn.ExecContext(ctx, "COPY (SELECT * EXCLUDE ("+strings.Join(p.partition, ", ")+") FROM "+from+
		" LIMIT 0) TO "+quoteString(filepath.Join(dir, "data_0.parquet"))+" (FORMAT parquet)")
	return err
}

// isExport tells whether target is missing or a folder a partitioned COPY
// wrote: a folder "partition[0]=…" in it, in that a folder
// "partition[1]=…", and so on, and in the last only .parquet files. Its
// error is the file system's.
func isExport(target string, partition []string) (bool, error) {
	fi, err := os.Lstat(target)
	if errors.Is(err, fs.ErrNotExist) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	if !fi.IsDir() {
		return false, nil
	}
	ok := true
	err = filepath.WalkDir(target, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(target, path)
		if err != nil || rel == "." {
			return err
		}
		depth := len(strings.Split(rel, string(filepath.Separator))) - 1
		switch {
		case depth < len(partition) && d.IsDir() && strings.HasPrefix(d.Name(), partition[depth]+"="):
			return nil
		case depth == len(partition) && d.Type().IsRegular() && strings.HasSuffix(d.Name(), ".parquet"):
			return nil
		}
		ok = false
		return filepath.SkipAll
	})
	return ok, err
}

// hasFile tells whether the folder dir (missing: no) holds a file at any
// depth.
func hasFile(dir string) (bool, error) {
	found := errors.New("found")
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return found
		}
		return nil
	})
	switch {
	case err == found:
		return true, nil
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	}
	return false, err
}

func quoteIdent(s string) string  { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
func quoteString(s string) string { return `'` + strings.ReplaceAll(s, `'`, `''`) + `'` }
