package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"testing"
)

// TestFindingsReadFailedRollbackDropsConnection makes the ROLLBACK that
// ends quality_findings' two reads (readFindingsPage) fail, on a pool of
// one connection marked by a temporary table of its own, and then asks
// whether the pool still holds that connection: it must have been dropped.
// A ROLLBACK that DuckDB refused (its memory, at serve's budget) can leave
// the connection inside its transaction, and pooled again it failed every
// statement that took it ("Current transaction is aborted"). The reads
// rolled back on a *sql.Tx of the pool, which put the connection back
// whatever the ROLLBACK answered (session 36's review, LOW): this test
// fails with the discard taken out. With the ROLLBACK as it is, the
// connection is kept (the test can tell the two apart).
func TestFindingsReadFailedRollbackDropsConnection(t *testing.T) {
	ctx := context.Background()
	for _, fail := range []bool{false, true} {
		db := openTest(t)
		db.db.SetMaxOpenConns(1)
		if _, err := db.db.ExecContext(ctx, "CREATE TEMP TABLE pooled_marker (i INTEGER)"); err != nil {
			t.Fatal(err)
		}
		if fail {
			findingsRollback = func(tx *sql.Tx) error {
				tx.Rollback()
				return errors.New("ROLLBACK refused")
			}
		}
		_, err := db.Query(ctx, "quality_findings", Filter{})
		findingsRollback = (*sql.Tx).Rollback
		if err != nil {
			t.Fatal(err)
		}
		if !KeptForTest(db, "quality_findings (reports) (page)") {
			t.Fatal("quality_findings did not run in two steps: the test tried nothing")
		}
		var n int
		if err := db.db.QueryRowContext(ctx, "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'pooled_marker'").Scan(&n); err != nil {
			t.Fatal(err)
		}
		if kept := n == 1; kept == fail {
			t.Errorf("ROLLBACK failed %v: the connection was kept %v, want %v", fail, kept, !fail)
		}
	}
}
