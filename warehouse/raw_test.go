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
