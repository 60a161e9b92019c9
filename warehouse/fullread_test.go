package warehouse

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"

	"github.com/duckdb/duckdb-go/v2"
)

// TestFullReadsForwardInterfaces checks that the wrappers of fullread.go
// implement exactly the optional interfaces of duckdb-go's connection,
// statement and rows: one duckdb-go adds (a Pinger, say) must be forwarded,
// or database/sql would stop using it unseen.
func TestFullReadsForwardInterfaces(t *testing.T) {
	ctx := context.Background()
	c, err := duckdb.NewConnector("", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	dc, err := c.Connect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer dc.Close()
	conn := dc.(*duckdb.Conn)
	wrapped := &fullConn{conn}
	ifaces := map[string]reflect.Type{
		"Pinger": reflect.TypeFor[driver.Pinger](), "SessionResetter": reflect.TypeFor[driver.SessionResetter](),
		"Validator": reflect.TypeFor[driver.Validator](), "ConnBeginTx": reflect.TypeFor[driver.ConnBeginTx](),
		"ConnPrepareContext": reflect.TypeFor[driver.ConnPrepareContext](), "ExecerContext": reflect.TypeFor[driver.ExecerContext](),
		"QueryerContext": reflect.TypeFor[driver.QueryerContext](), "Execer": reflect.TypeFor[driver.Execer](),
		"Queryer": reflect.TypeFor[driver.Queryer](), "NamedValueChecker": reflect.TypeFor[driver.NamedValueChecker](),
		"ColumnConverter": reflect.TypeFor[driver.ColumnConverter](), "StmtExecContext": reflect.TypeFor[driver.StmtExecContext](),
		"StmtQueryContext": reflect.TypeFor[driver.StmtQueryContext](), "io.Closer": reflect.TypeFor[interface{ Close() error }](),
		"RowsNextResultSet": reflect.TypeFor[driver.RowsNextResultSet](), "ScanType": reflect.TypeFor[driver.RowsColumnTypeScanType](),
		"DatabaseTypeName": reflect.TypeFor[driver.RowsColumnTypeDatabaseTypeName](), "Length": reflect.TypeFor[driver.RowsColumnTypeLength](),
		"Nullable": reflect.TypeFor[driver.RowsColumnTypeNullable](), "PrecisionScale": reflect.TypeFor[driver.RowsColumnTypePrecisionScale](),
		"DriverContext": reflect.TypeFor[driver.DriverContext](),
	}
	// database/sql/driver's interfaces as this Go declares them, by
	// method names: one the list above lacks (a newer Go's) is compared
	// too.
	declared := driverInterfaces(t)
	same := func(what string, inner, outer any) {
		for name, it := range ifaces {
			a, b := reflect.TypeOf(inner).Implements(it), reflect.TypeOf(outer).Implements(it)
			if a != b {
				t.Errorf("%s: duckdb-go's %T implements %s: %v, the wrapper %T: %v", what, inner, name, a, outer, b)
			}
		}
		for name, methods := range declared {
			a, b := hasMethods(inner, methods), hasMethods(outer, methods)
			if a != b {
				t.Errorf("%s: duckdb-go's %T has driver.%s's methods: %v, the wrapper %T: %v", what, inner, name, a, outer, b)
			}
		}
	}
	same("connector", c, fullReads(c))
	same("connection", conn, wrapped)
	ds, err := conn.PrepareContext(ctx, "SELECT 1")
	if err != nil {
		t.Fatal(err)
	}
	ws, err := wrapped.PrepareContext(ctx, "SELECT 1")
	if err != nil {
		t.Fatal(err)
	}
	same("statement", ds, ws)
	ws.Close()
	ds.Close()
	dr, err := conn.QueryContext(ctx, "SELECT 1", nil)
	if err != nil {
		t.Fatal(err)
	}
	wr, err := wrapped.QueryContext(ctx, "SELECT 1", nil)
	if err != nil {
		t.Fatal(err)
	}
	same("rows", dr, wr)
	wr.Close()
	dr.Close()
}

// TestFullReadsWhole reads results of every size around a chunk's through
// the warehouse's connections (a query, a prepared statement, a
// transaction): each ends with all its rows and no error, an empty one
// with sql.ErrNoRows for QueryRow, and column types still pass through.
func TestFullReadsWhole(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	for _, n := range []int{0, 1, 2047, 2048, 2049, 5000} {
		rows, err := db.db.QueryContext(ctx, "SELECT range AS i, range::VARCHAR AS s FROM range(?)", n)
		if err != nil {
			t.Fatal(err)
		}
		cols, err := rows.ColumnTypes()
		if err != nil || cols[1].DatabaseTypeName() != "VARCHAR" {
			t.Errorf("column types: %v %v", cols, err)
		}
		got := 0
		for rows.Next() {
			got++
		}
		if err := rows.Err(); err != nil || got != n {
			t.Errorf("range(%d): read %d rows, error %v", n, got, err)
		}
		rows.Close()
		s, err := db.db.PrepareContext(ctx, "SELECT count(*) FROM range(?)")
		if err != nil {
			t.Fatal(err)
		}
		var c int
		if err := s.QueryRowContext(ctx, n).Scan(&c); err != nil || c != n {
			t.Errorf("prepared count of range(%d): %d %v", n, c, err)
		}
		s.Close()
	}
	var x int
	if err := db.db.QueryRowContext(ctx, "SELECT 1 WHERE false").Scan(&x); !errors.Is(err, sql.ErrNoRows) {
		t.Errorf("an empty result's QueryRow: %v, want sql.ErrNoRows", err)
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM range(3000)").Scan(&x); err != nil || x != 3000 {
		t.Errorf("in a transaction: %d %v", x, err)
	}
}

// driverInterfaces returns the interfaces database/sql/driver declares in
// this Go's source, each with its method names (those of the interfaces
// it embeds included). The test is skipped without the source.
func driverInterfaces(t *testing.T) map[string][]string {
	dir := filepath.Join(runtime.GOROOT(), "src", "database", "sql", "driver")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no source of database/sql/driver: %v", err)
	}
	pkgs, err := parser.ParseDir(token.NewFileSet(), dir, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]*ast.InterfaceType{}
	for _, p := range pkgs {
		if p.Name != "driver" {
			continue
		}
		for _, f := range p.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if ts, ok := n.(*ast.TypeSpec); ok && ts.Name.IsExported() {
					if it, ok := ts.Type.(*ast.InterfaceType); ok {
						types[ts.Name.Name] = it
					}
				}
				return true
			})
		}
	}
	var methods func(it *ast.InterfaceType) []string
	methods = func(it *ast.InterfaceType) []string {
		var out []string
		for _, f := range it.Methods.List {
			if len(f.Names) == 0 {
				if id, ok := f.Type.(*ast.Ident); ok && types[id.Name] != nil {
					out = append(out, methods(types[id.Name])...)
				}
				continue
			}
			for _, n := range f.Names {
				out = append(out, n.Name)
			}
		}
		return out
	}
	all := map[string][]string{}
	for name, it := range types {
		all[name] = methods(it)
	}
	if len(all) < 20 {
		t.Fatalf("found %d interfaces in database/sql/driver", len(all))
	}
	return all
}

// hasMethods reports whether v's type has every method named.
func hasMethods(v any, names []string) bool {
	typ := reflect.TypeOf(v)
	for _, n := range names {
		if _, ok := typ.MethodByName(n); !ok {
			return false
		}
	}
	return len(names) > 0
}
