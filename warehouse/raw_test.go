package warehouse

import (
	"context"
	"database/sql"
)

// WithConnForTest runs fn on one connection of db's pool, so that the
// external tests (package warehouse_test, which may import demo) can define
// temporary macros and compare them with the warehouse's own.
func WithConnForTest(ctx context.Context, db *DB, fn func(*sql.Conn) error) error {
	return db.withConn(ctx, fn)
}

// PlainForTest converts a table's driver values as readTable does (plain),
// so that rows read on a raw connection compare with Query's.
func PlainForTest(t *Table) *Table {
	for _, row := range t.Rows {
		for i, v := range row {
			row[i] = plain(v)
		}
	}
	return t
}

// RollupDiffForTest counts the cells of store.region_rollup that differ
// from the roll-up built afresh from the current reports' figures (its
// counts and its sums, exactly), and the rows of store.summary_rollup that
// differ from its definition over the current reports' summary rows (every
// column), both ways: 0 when the kept tables are right.
func RollupDiffForTest(ctx context.Context, db *DB) (int, error) {
	const cells = `SELECT year, province, city, level, measure_id, applicant_id, figures, stated, value FROM `
	const all = `store.summary_rollup_rows(0, 9223372036854775807, NULL)`
	var n int
	err := db.withConn(ctx, func(conn *sql.Conn) error {
		return conn.QueryRowContext(ctx, `SELECT count(*) FROM (
			(`+cells+`store.region_rollup EXCEPT ALL `+cells+`store.rollup_rows(0, 9223372036854775807, NULL))
			UNION ALL
			(`+cells+`store.rollup_rows(0, 9223372036854775807, NULL) EXCEPT ALL `+cells+`store.region_rollup)
			UNION ALL
			SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM (
				(SELECT * FROM store.summary_rollup EXCEPT ALL SELECT * FROM `+all+`)
				UNION ALL
				(SELECT * FROM `+all+` EXCEPT ALL SELECT * FROM store.summary_rollup)))`).Scan(&n)
	})
	return n, err
}

// StatusDiffForTest is 1 when store.agency_status differs from the rows
// built afresh from the current reports, 0 when the kept table is right.
func StatusDiffForTest(ctx context.Context, db *DB) (int, error) {
	var n int
	err := db.db.QueryRowContext(ctx, stmt("agency_status_stale")).Scan(&n)
	return n, err
}

// StmtForTest is the text of statement warehouse/sql/<name>.sql.
func StmtForTest(name string) string { return stmt(name) }

// SetPieceBitsMinForTest sets the number of agencies from which a request
// matches a piece for its queries (pieceBitsMin), for a test warehouse
// smaller than that, and returns a function that restores it.
func SetPieceBitsMinForTest(n int64) func() {
	old := pieceBitsMin
	pieceBitsMin = n
	return func() { pieceBitsMin = old }
}

// CompareNamedSQLForTest is the text of compare_agencies' named form
// (compareNamedSQL).
func CompareNamedSQLForTest() string { return compareNamedSQL() }
