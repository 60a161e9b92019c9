package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"sync"

	"github.com/duckdb/duckdb-go/v2"

	"gongkai/queries"
)

// keptStmts holds the named queries' statements prepared once and run again
// with each filter's values, so that a run skips parsing the query and
// binding it without values (~20 % of its planning; docs/benchmarks.md). A
// query is kept only when DuckDB plans it again with the values on every
// run: when at least one of its parameters has no type until a value is
// bound, as `$province IS NULL OR …` leaves it, DuckDB marks the statement
// as needing a new plan and binds, optimizes and plans it afresh with the
// values at each execution, against the catalog and statistics of that
// moment, folding the NULL guards as a statement prepared afresh does. A
// query with no parameters keeps the plan of its first run, made with the
// data's statistics of then (which once gave wrong figures after a load:
// TestPreparedQueriesFollowWrites), so it is never kept and is prepared
// afresh on every run; nor, by stmt, is one whose parameters all have a
// type, which DuckDB 1.5 plans again too (below): stmtTyped keeps such a
// statement where its second planning was measured (compare_top_within).
//
// No form of a statement with parameters keeps a plan made without the
// values: DuckDB (1.5, client_context.cpp) marks every prepared statement
// with a parameter whose plan reads a table (CanCachePlan) as planned again
// at every run, typed or not, because the values let it fold more; a
// parameter named twice, or bound a value of another type than its own,
// does the same (bound_parameter_map.cpp, prepared_statement_data.cpp).
// TestTypedStatementsArePlannedAgain holds it to that. So planning, ~20 ms
// of 报送与质量's CPU at 1M reports, is cut only by giving DuckDB less to
// plan: a form without the branches a filter folds away, chosen in Go
// (qualityFindingsForm, regionAgenciesForm).
//
// A *sql.Stmt is safe for concurrent use: database/sql prepares it again on
// each connection it runs on (one DuckDB prepared statement per connection,
// used by one query at a time) and closes it with the connection. The map
// is read without a lock once a query's statement is decided; preparing a
// query for the first time holds no lock, so a slow first prepare delays no
// other query, and of two goroutines that prepare the same query at once
// one keeps its statement and the other closes its own.
type keptStmts struct {
	m sync.Map // query name to *sql.Stmt; a nil *sql.Stmt: prepared afresh on every run

	mu     sync.Mutex // guards closed, and stores against close
	closed bool
}

// stmt returns the kept statement of the named query q, or nil when q is
// not kept (see keptStmts), preparing and keeping it on its first run. It
// returns an error when the query cannot be prepared or the warehouse is
// closed; nothing is then kept, and the next run tries again.
func (db *DB) stmt(ctx context.Context, q queries.Query) (*sql.Stmt, error) {
	return db.keptStmt(ctx, q, false)
}

// stmtTyped is stmt for a query whose parameters all have a type, which
// stmt would prepare afresh on every run (twice planned: at the prepare,
// then with the values): DuckDB plans it again with the values at every
// run all the same (TestTypedStatementsArePlannedAgain), so it is kept.
// For compare_top_within, ~2-6 ms of CPU a run at 1M reports.
func (db *DB) stmtTyped(ctx context.Context, q queries.Query) (*sql.Stmt, error) {
	return db.keptStmt(ctx, q, true)
}

// keptStmt is stmt, keeping q's statement also when its parameters all
// have a type when typed is true. A query with no parameter is never
// kept.
func (db *DB) keptStmt(ctx context.Context, q queries.Query, typed bool) (*sql.Stmt, error) {
	k := &db.kept
	if s, ok := k.m.Load(q.Name); ok {
		return s.(*sql.Stmt), nil
	}
	replanned, inputs, err := db.paramTypes(ctx, q.SQL)
	if err != nil {
		return nil, err
	}
	var s *sql.Stmt
	if replanned || typed && inputs > 0 {
		if s, err = db.db.PrepareContext(ctx, q.SQL); err != nil {
			return nil, err
		}
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.closed {
		if s != nil {
			s.Close()
		}
		return nil, sql.ErrConnDone
	}
	if old, loaded := k.m.LoadOrStore(q.Name, s); loaded {
		if s != nil {
			s.Close()
		}
		return old.(*sql.Stmt), nil
	}
	return s, nil
}

// replannedEveryRun reports whether DuckDB plans the statement text again
// with the values bound at every execution: whether, prepared without
// values, one of its parameters has no type yet (duckdb-go's ParamType
// answers TYPE_INVALID for it). It returns an error when the text cannot be
// prepared.
func (db *DB) replannedEveryRun(ctx context.Context, text string) (bool, error) {
	untyped, _, err := db.paramTypes(ctx, text)
	return untyped, err
}

// paramTypes prepares the statement text without values and reports
// whether one of its parameters has no type yet (replannedEveryRun) and
// how many parameters it has. It returns an error when the text cannot be
// prepared.
func (db *DB) paramTypes(ctx context.Context, text string) (untyped bool, inputs int, err error) {
	conn, err := db.db.Conn(ctx)
	if err != nil {
		return false, 0, err
	}
	defer conn.Close()
	err = conn.Raw(func(dc any) error {
		c, err := duckConn(dc)
		if err != nil {
			return err
		}
		ds, err := c.PrepareContext(ctx, text)
		if err != nil {
			return err
		}
		defer ds.Close()
		s, ok := ds.(*duckdb.Stmt)
		if !ok {
			return fmt.Errorf("warehouse: driver statement is %T, not *duckdb.Stmt", ds)
		}
		inputs = s.NumInput()
		for i := 1; i <= inputs; i++ {
			t, err := s.ParamType(i)
			if err != nil {
				return err
			}
			if t == duckdb.TYPE_INVALID {
				untyped = true
			}
		}
		return nil
	})
	return untyped, inputs, err
}

// close closes the kept statements and keeps no more; the warehouse closes
// them before its connections. A query running on one of them meanwhile
// finishes first (database/sql closes a statement once its last use ends).
func (k *keptStmts) close() {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.closed = true
	k.m.Range(func(name, s any) bool {
		if s := s.(*sql.Stmt); s != nil {
			s.Close()
		}
		k.m.Delete(name)
		return true
	})
}
