package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"
)

// TestCanceledBeginLeavesNoTransaction cancels the context of a transaction's
// BEGIN at many moments around it and then asks the same connection to begin
// again. duckdb-go can report a BEGIN as interrupted after DuckDB ran it; a
// connection left inside that transaction goes back to the pool, where its
// reads see the data of the moment it began and every later BEGIN on it
// fails.
func TestCanceledBeginLeavesNoTransaction(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	begins := []struct {
		name string
		run  func(ctx context.Context, conn *sql.Conn) error
	}{
		{"inConnTx", func(ctx context.Context, conn *sql.Conn) error {
			return inConnTx(ctx, conn, func() error { return nil })
		}},
		{"read only", func(ctx context.Context, conn *sql.Conn) error {
			if err := begin(ctx, conn, "BEGIN TRANSACTION READ ONLY"); err != nil {
				return err
			}
			_, err := conn.ExecContext(context.Background(), "ROLLBACK")
			return err
		}},
	}
	// inTx takes its connection from the pool: with a pool of one, the
	// check below gets the same connection.
	single := openTest(t)
	single.db.SetMaxOpenConns(1)
	begins = append(begins, struct {
		name string
		run  func(ctx context.Context, conn *sql.Conn) error
	}{"inTx", func(ctx context.Context, conn *sql.Conn) error {
		conn.Close() // give the pool's one connection to inTx
		return single.inTx(ctx, func(*sql.Tx) error { return nil })
	}})
	for _, b := range begins {
		t.Run(b.name, func(t *testing.T) {
			pool := db
			if b.name == "inTx" {
				pool = single
			}
			conn, err := pool.db.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			canceled := 0
			for i := range 1000 {
				cctx, cancel := context.WithCancel(ctx)
				// Spread the cancellation from before the call to after it.
				go func() {
					time.Sleep(time.Duration(i%40) * 5 * time.Microsecond)
					cancel()
				}()
				if b.run(cctx, conn) != nil {
					canceled++
				}
				cancel()
				if b.name == "inTx" {
					if conn, err = pool.db.Conn(ctx); err != nil {
						t.Fatal(err)
					}
				}
				if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
					t.Fatalf("try %d: the connection was left inside a transaction: %v", i, err)
				}
				if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
					t.Fatal(err)
				}
			}
			conn.Close()
			if canceled == 0 {
				t.Fatal("no BEGIN was canceled: the test tried nothing")
			}
			t.Logf("%d of 1000 canceled", canceled)
		})
	}
}

// TestFailedRollbackDropsConnection makes every ROLLBACK fail (rollbackSQL)
// after a transaction's work failed or an analyst's statement ran, on a
// pool of one connection, and then asks the pool for a connection that
// begins a transaction: the one left inside its transaction must have been
// dropped, not pooled again. In a server at its memory budget DuckDB can
// refuse a ROLLBACK its memory; the connection went back to the pool and
// failed every later statement ("Current transaction is aborted").
func TestFailedRollbackDropsConnection(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name string
		run  func(db *DB) error
	}{
		{"inConnTx", func(db *DB) error {
			conn, err := db.db.Conn(ctx)
			if err != nil {
				return err
			}
			defer conn.Close()
			return inConnTx(ctx, conn, func() error { return errors.New("the work failed") })
		}},
		{"inTx", func(db *DB) error {
			return db.inTx(ctx, func(*sql.Tx) error { return errors.New("the work failed") })
		}},
		{"sandbox", func(db *DB) error {
			_, err := db.SQL(ctx, "SELECT 42 AS n")
			return err
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := openTest(t)
			db.db.SetMaxOpenConns(1)
			rollbackSQL = "ROLLBACK TRANSACTION nonsense"
			c.run(db)
			rollbackSQL = "ROLLBACK"
			conn, err := db.db.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
				t.Fatalf("the pool gave a connection left inside its transaction: %v", err)
			}
			conn.ExecContext(ctx, "ROLLBACK")
		})
	}
}

// TestCanceledCommitIsNotAmbiguous cancels the context of inConnTx at many
// moments around its COMMIT: whenever it returns an error, nothing may
// have been committed. duckdb-go reported a COMMIT interrupted by a
// canceled ctx as failed after DuckDB had committed it (most tries), and a
// Load that failed so left the writer's ids behind the file's.
func TestCanceledCommitIsNotAmbiguous(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	conn, err := db.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "CREATE TABLE zz (i INTEGER)"); err != nil {
		t.Fatal(err)
	}
	ambiguous, failed := 0, 0
	for i := range 1000 {
		cctx, cancel := context.WithCancel(ctx)
		err := inConnTx(cctx, conn, func() error {
			if _, err := conn.ExecContext(ctx, "INSERT INTO zz VALUES ($1)", i); err != nil {
				return err
			}
			// Cancel around the COMMIT, spread from before it to after.
			go func() {
				time.Sleep(time.Duration(i%40) * 5 * time.Microsecond)
				cancel()
			}()
			return nil
		})
		cancel()
		var n int
		if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM zz WHERE i = $1", i).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if err != nil {
			failed++
			if n != 0 {
				ambiguous++
			}
		}
	}
	if ambiguous > 0 {
		t.Errorf("%d of 1000 transactions reported failed were committed", ambiguous)
	}
	t.Logf("%d of 1000 reported failed", failed)
}
