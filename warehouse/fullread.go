package warehouse

// Every read answers all its rows or an error.
//
// duckdb-go's rows.Next (v2.10506.0; v2.20000.0 has the same) asks DuckDB
// for the result's next chunk with duckdb_fetch_chunk and reads a chunk it
// did not get as the end of the result. But duckdb_fetch_chunk also returns
// no chunk when the fetch failed: it catches the exception (a chunk's
// memory refused at the process's cap, Options.ProcessMemory, say) and
// returns NULL. A statement then answered fewer rows, or none, with no
// error: a page with part of its table, a sandbox result of 200 and no
// rows (1 run in 5 of TestServeMemoryCap, session 36), a count read as
// absent.
//
// fullReads wraps duckdb-go's connector so that every connection, statement
// and result of a *sql.DB it opens passes through the types below, which
// forward each call to duckdb-go's and each optional interface duckdb-go's
// types implement (TestFullReadsForwardInterfaces checks the sets agree).
// The result's wrapper counts the rows it passes on; when duckdb-go's Next
// says io.EOF, it compares them with the row count of the materialized
// result DuckDB holds (duckdb_row_count), and answers an error when fewer
// were read.
//
// What the check relies on, and what fails if duckdb-go changes:
//   - duckdb-go keeps the statement's duckdb_result in the unexported field
//     `res` (of type mapping.Result) of its rows type. It is read by name
//     and type through reflect, as appenderHandle reads the appender's: a
//     version of duckdb-go that renames, retypes or moves it makes every
//     query fail with errNoResultField (Open runs one: the warehouse does
//     not open), never reads a wrong pointer.
//   - duckdb_row_count (deprecated in DuckDB's C API since 1.0, still in
//     the library duckdb-go-bindings links) answers the rows of a
//     materialized result, whatever was fetched; a library without it does
//     not link. duckdb_result is six words (duckdb.h); a mapping.Result of
//     another size does not compile (the assertion below rowCount).
//   - duckdb-go runs statements through duckdb_pending_prepared, whose
//     results are materialized. A streaming result (whose row count DuckDB
//     does not know) fails closed: its end is an error, never trusted.
//   - The end is checked only when the reader reaches it: a reader that
//     stops early (QueryRow's one row, the sandbox's row cap) reads what it
//     asked for, and a failed fetch before its rows is still an error.
//   - Calls on the raw connection (sql.Conn.Raw) bypass the wrapper: they
//     get duckdb-go's *duckdb.Conn through duckConn, and must not read rows
//     there (today they open appenders and prepare statements to inspect).
//   - duckdb-go functions that take a *sql.Conn and assert *duckdb.Conn
//     themselves (duckdb.ConnId, RegisterScalarUDF, GetProfilingInfo, ...)
//     panic on these connections; none is used.

// #include <stdbool.h>
// #include <stdint.h>
//
// /* duckdb.h's duckdb_result: six words, passed by value so that no Go
//    pointer crosses (mapping.Result, copied word for word). */
// typedef struct { uintptr_t w[6]; } gk_result;
// uint64_t duckdb_row_count(gk_result *result);
// bool duckdb_result_is_streaming(gk_result result);
//
// /* The rows of a materialized result; UINT64_MAX for a streaming one,
//    whose count DuckDB does not know. */
// static uint64_t gk_row_count(gk_result r) {
// 	if (duckdb_result_is_streaming(r)) {
// 		return UINT64_MAX;
// 	}
// 	return duckdb_row_count(&r);
// }
import "C"

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"sync/atomic"
	"unsafe"

	"github.com/duckdb/duckdb-go/v2"
	"github.com/duckdb/duckdb-go/v2/mapping"

	"gongkai"
)

// fullReads returns a connector that opens c's connections wrapped so that
// every result read to its end was read whole (see the top of this file).
func fullReads(c *duckdb.Connector) driver.Connector { return &fullConnector{c} }

type fullConnector struct{ inner *duckdb.Connector }

func (c *fullConnector) Connect(ctx context.Context) (driver.Conn, error) {
	dc, err := c.inner.Connect(ctx)
	if err != nil {
		return nil, err
	}
	conn, ok := dc.(*duckdb.Conn)
	if !ok {
		dc.Close()
		return nil, fmt.Errorf("warehouse: driver connection is %T, not *duckdb.Conn", dc)
	}
	return &fullConn{conn}, nil
}

func (c *fullConnector) Driver() driver.Driver { return c.inner.Driver() }

// Close closes duckdb-go's connector (sql.DB.Close calls it).
func (c *fullConnector) Close() error { return c.inner.Close() }

// duckConn returns duckdb-go's connection under dc, the driver connection
// sql.Conn.Raw passes: the appenders and the statements inspected before a
// run need it. Rows must not be read through it (they would not be
// checked).
func duckConn(dc any) (*duckdb.Conn, error) {
	switch c := dc.(type) {
	case *fullConn:
		return c.inner, nil
	case *duckdb.Conn:
		return c, nil
	}
	return nil, fmt.Errorf("warehouse: driver connection is %T, not *duckdb.Conn", dc)
}

// fullConn forwards to duckdb-go's connection; its results are checked.
type fullConn struct{ inner *duckdb.Conn }

var (
	_ driver.Conn               = (*fullConn)(nil)
	_ driver.ConnPrepareContext = (*fullConn)(nil)
	_ driver.ConnBeginTx        = (*fullConn)(nil)
	_ driver.ExecerContext      = (*fullConn)(nil)
	_ driver.QueryerContext     = (*fullConn)(nil)
	_ driver.NamedValueChecker  = (*fullConn)(nil)
)

func (c *fullConn) Prepare(query string) (driver.Stmt, error) {
	return wrapStmt(c.inner.Prepare(query))
}

func (c *fullConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return wrapStmt(c.inner.PrepareContext(ctx, query))
}

func (c *fullConn) Close() error { return c.inner.Close() }

//lint:ignore SA1019 forwarded: driver.Conn requires it
func (c *fullConn) Begin() (driver.Tx, error) { return c.inner.Begin() }

func (c *fullConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return c.inner.BeginTx(ctx, opts)
}

func (c *fullConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	return c.inner.ExecContext(ctx, query, args)
}

func (c *fullConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	return wrapRows(c.inner.QueryContext(ctx, query, args))
}

func (c *fullConn) CheckNamedValue(nv *driver.NamedValue) error { return c.inner.CheckNamedValue(nv) }

// fullStmt forwards to duckdb-go's statement; its results are checked.
type fullStmt struct{ inner *duckdb.Stmt }

var (
	_ driver.Stmt             = (*fullStmt)(nil)
	_ driver.StmtExecContext  = (*fullStmt)(nil)
	_ driver.StmtQueryContext = (*fullStmt)(nil)
)

func wrapStmt(s driver.Stmt, err error) (driver.Stmt, error) {
	if err != nil {
		return nil, err
	}
	ds, ok := s.(*duckdb.Stmt)
	if !ok {
		s.Close()
		return nil, fmt.Errorf("warehouse: driver statement is %T, not *duckdb.Stmt", s)
	}
	return &fullStmt{ds}, nil
}

func (s *fullStmt) Close() error  { return s.inner.Close() }
func (s *fullStmt) NumInput() int { return s.inner.NumInput() }

//lint:ignore SA1019 forwarded: driver.Stmt requires it
func (s *fullStmt) Exec(args []driver.Value) (driver.Result, error) { return s.inner.Exec(args) }

//lint:ignore SA1019 forwarded: driver.Stmt requires it
func (s *fullStmt) Query(args []driver.Value) (driver.Rows, error) {
	return wrapRows(s.inner.Query(args))
}

func (s *fullStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	return s.inner.ExecContext(ctx, args)
}

func (s *fullStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	return wrapRows(s.inner.QueryContext(ctx, args))
}

// fullRows forwards to duckdb-go's rows and counts the rows they pass on;
// at their end it checks that count against DuckDB's.
type fullRows struct {
	inner driver.Rows
	scan  driver.RowsColumnTypeScanType
	dbt   driver.RowsColumnTypeDatabaseTypeName
	res   *mapping.Result // duckdb-go's rows.res, inside inner
	read  uint64
}

var (
	_ driver.Rows                           = (*fullRows)(nil)
	_ driver.RowsColumnTypeScanType         = (*fullRows)(nil)
	_ driver.RowsColumnTypeDatabaseTypeName = (*fullRows)(nil)
)

// rowsLayout is where duckdb-go's rows type keeps its result: found once
// by name and type (resultField), then reused for that type.
type rowsLayout struct {
	typ reflect.Type // duckdb-go's *rows
	off uintptr      // of its res field
}

var lastRowsLayout atomic.Pointer[rowsLayout]

var errNoResultField = errors.New("warehouse: duckdb-go's rows have no field res of type mapping.Result (duckdb-go changed): reads cannot be checked whole")

// resultField returns a pointer to the mapping.Result inside r, duckdb-go's
// rows, or errNoResultField.
func resultField(r driver.Rows) (*mapping.Result, error) {
	v := reflect.ValueOf(r)
	l := lastRowsLayout.Load()
	if l == nil || l.typ != v.Type() {
		if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
			return nil, errNoResultField
		}
		f, ok := v.Type().Elem().FieldByName("res")
		if !ok || f.Type != reflect.TypeFor[mapping.Result]() || len(f.Index) != 1 {
			return nil, errNoResultField
		}
		l = &rowsLayout{typ: v.Type(), off: f.Offset}
		lastRowsLayout.Store(l)
	}
	return (*mapping.Result)(unsafe.Add(v.UnsafePointer(), l.off)), nil
}

func wrapRows(r driver.Rows, err error) (driver.Rows, error) {
	if err != nil {
		return nil, err
	}
	res, err := resultField(r)
	scan, ok1 := r.(driver.RowsColumnTypeScanType)
	dbt, ok2 := r.(driver.RowsColumnTypeDatabaseTypeName)
	if err == nil && !(ok1 && ok2) {
		err = fmt.Errorf("warehouse: duckdb-go's rows (%T) no longer report column types", r)
	}
	if err != nil {
		r.Close()
		return nil, err
	}
	return &fullRows{inner: r, scan: scan, dbt: dbt, res: res}, nil
}

func (r *fullRows) Columns() []string { return r.inner.Columns() }
func (r *fullRows) Close() error      { return r.inner.Close() }

func (r *fullRows) ColumnTypeScanType(i int) reflect.Type { return r.scan.ColumnTypeScanType(i) }

func (r *fullRows) ColumnTypeDatabaseTypeName(i int) string {
	return r.dbt.ColumnTypeDatabaseTypeName(i)
}

// Next is duckdb-go's Next; its io.EOF passes only when as many rows were
// read as the result has.
func (r *fullRows) Next(dst []driver.Value) error {
	err := r.inner.Next(dst)
	if err == nil {
		r.read++
		return nil
	}
	if err != io.EOF {
		return err
	}
	switch want := rowCount(r.res); {
	case want == math.MaxUint64:
		return &gongkai.Error{Code: gongkai.CodeInternal, Message: "查询结果读取不完整，已停止",
			Err: fmt.Errorf("warehouse: a streaming result ended after %d rows; DuckDB does not know its row count, so its end is not trusted", r.read)}
	case r.read != want:
		return shortRead(r.read, want)
	}
	return io.EOF
}

// shortRead is the error of a result that ended before its rows did. The
// message is the user's (a retry may find the memory free); the counts are
// for the log.
func shortRead(read, want uint64) error {
	return &gongkai.Error{Code: gongkai.CodeBusy, Message: "查询结果读取不完整，已停止；请稍后重试",
		Err: fmt.Errorf("warehouse: read %d of the result's %d rows: DuckDB's fetch of the next chunk failed (duckdb_fetch_chunk returned no chunk)", read, want)}
}

// rowCount is DuckDB's duckdb_row_count of res, or math.MaxUint64 when res
// is a streaming result.
func rowCount(res *mapping.Result) uint64 {
	var c C.gk_result
	*(*[unsafe.Sizeof(c)]byte)(unsafe.Pointer(&c)) = *(*[unsafe.Sizeof(c)]byte)(unsafe.Pointer(res))
	return uint64(C.gk_row_count(c))
}

// mapping.Result is duckdb_result, six words: a size that differs does not
// compile (one of the array lengths is negative).
var (
	_ [unsafe.Sizeof(mapping.Result{}) - unsafe.Sizeof(C.gk_result{})]byte
	_ [unsafe.Sizeof(C.gk_result{}) - unsafe.Sizeof(mapping.Result{})]byte
)

// probeFullReads reads a small result through db to its end: an error
// when the check cannot run (duckdb-go changed), so that Open fails
// instead of every read later.
func probeFullReads(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT range FROM range(3)")
	if err != nil {
		return err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if n != 3 {
		return fmt.Errorf("warehouse: the probe of whole reads read %d rows of 3", n)
	}
	return nil
}
