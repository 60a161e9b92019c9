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
