package warehouse

import (
	"context"
	"database/sql"
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
