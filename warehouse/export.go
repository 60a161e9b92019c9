package warehouse

import (
	"bufio"
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/csv"
	"fmt"
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

// Export writes the analyst views into dir (created if missing):
//   - "parquet": one folder per view, partitioned by year (view/year=2021/…)
//     where the view has a year, else view.parquet;
//   - "csv": view.csv, UTF-8 with a byte-order mark so that Excel reads the
//     Chinese text;
//   - "xlsx": gongkai.xlsx, one sheet per view, streamed.
//
// The warehouse's own DuckDB instance may not touch files (see OpenWith), so
// Parquet is written by a separate in-memory database (see exportParquet).
// It returns a *gongkai.Error with CodeInvalid for an unknown format.
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

// eachRow runs the export query of view and calls fn with the column names
// and types, then with every row.
func (db *DB) eachRow(ctx context.Context, view string, head func(cols []*sql.ColumnType) error, fn func([]any) error) error {
	rows, err := db.db.QueryContext(ctx, stmt("export_"+view))
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
	err = db.eachRow(ctx, view, func(cols []*sql.ColumnType) error {
		rec = make([]string, len(cols))
		for i, c := range cols {
			rec[i] = c.Name()
		}
		return w.Write(rec)
	}, func(vals []any) error {
		for i, v := range vals {
			rec[i] = text(v)
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
		err := db.eachRow(ctx, view, func(cols []*sql.ColumnType) error {
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

// exportParquet writes each view with DuckDB's own COPY … TO (FORMAT
// parquet): a separate in-memory DuckDB, which may write files, attaches the
// warehouse file read-only and runs the views' export queries there, so no
// row passes through Go. That is safe only while nothing writes the file, so
// a warehouse opened read-write (a server's) streams the rows instead.
func (db *DB) exportParquet(ctx context.Context, dir string) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	c, err := duckdb.NewConnector("?autoinstall_known_extensions=false&autoload_known_extensions=false", nil)
	if err != nil {
		return err
	}
	mem := sql.OpenDB(c)
	defer mem.Close()
	conn, err := mem.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if !db.opts.ReadOnly {
		for _, view := range ExportViews {
			if err := db.viewToParquet(ctx, conn, view, abs); err != nil {
				return fmt.Errorf("warehouse: export %s: %w", view, err)
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
	for _, view := range ExportViews {
		hasYear, err := viewHasYear(ctx, conn, view)
		if err != nil {
			return fmt.Errorf("warehouse: export %s: %w", view, err)
		}
		target, opts := parquetTarget(abs, view, hasYear)
		q := strings.TrimRight(strings.TrimSpace(stmt("export_"+view)), ";")
		if _, err := conn.ExecContext(ctx, "COPY ("+q+") TO "+quoteString(target)+" ("+opts+")"); err != nil {
			return fmt.Errorf("warehouse: export %s: %w", view, err)
		}
	}
	return nil
}

// viewHasYear tells whether view has a column year, by which its Parquet
// files are partitioned.
func viewHasYear(ctx context.Context, conn *sql.Conn, view string) (bool, error) {
	var n int
	err := conn.QueryRowContext(ctx, stmt("export_view_has_year"), view).Scan(&n)
	return n > 0, err
}

// parquetTarget is where view's Parquet goes and the COPY options: a folder
// partitioned by year (view/year=2021/…) when it has a year, else one file.
func parquetTarget(dir, view string, hasYear bool) (target, opts string) {
	if hasYear {
		return filepath.Join(dir, view), "FORMAT parquet, PARTITION_BY (year), OVERWRITE_OR_IGNORE"
	}
	return filepath.Join(dir, view+".parquet"), "FORMAT parquet"
}

func (db *DB) viewToParquet(ctx context.Context, conn *sql.Conn, view, dir string) error {
	var (
		app     *duckdb.Appender
		hasYear bool
		row     []driver.Value
	)
	err := db.eachRow(ctx, view, func(cols []*sql.ColumnType) error {
		// The table mirrors the view: names and types as DuckDB reports them.
		defs := make([]string, len(cols))
		for i, c := range cols {
			defs[i] = quoteIdent(c.Name()) + " " + c.DatabaseTypeName()
			hasYear = hasYear || c.Name() == "year"
		}
		if _, err := conn.ExecContext(ctx, "CREATE OR REPLACE TABLE export ("+strings.Join(defs, ", ")+")"); err != nil {
			return err
		}
		row = make([]driver.Value, len(cols))
		return conn.Raw(func(dc any) error {
			var err error
			app, err = duckdb.NewAppender(dc.(*duckdb.Conn), "", "", "export")
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
	target, opts := parquetTarget(dir, view, hasYear)
	// COPY takes no parameters for its target; the path is the operator's
	// own, quoted as a string literal.
	_, err = conn.ExecContext(ctx, "COPY export TO "+quoteString(target)+" ("+opts+")")
	return err
}

func quoteIdent(s string) string  { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
func quoteString(s string) string { return `'` + strings.ReplaceAll(s, `'`, `''`) + `'` }
