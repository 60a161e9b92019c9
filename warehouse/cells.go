package warehouse

import (
	"context"
	"database/sql"
	"fmt"

	"gongkai"
)

// CellRun and CellMin are CopyCells' defaults: runs of at most CellRun
// report ids (~30M figures at ~229 a report; sorting them peaks near 0.7 GB
// of RSS under the server's 512MB DuckDB limit, spilling the rest to disk),
// and no run until at least CellMin reports wait. Below CellMin the tail is
// cheap to read from store.figures (~16 ms at 16k reports) while every run
// adds a row group or two that a query for one cell reads.
const (
	CellRun = 131072
	CellMin = 16384
)

// CellCopy says where the copy of the figures by cell stands (migration
// 0032): every report with an id up to Watermark has its figures there, in
// Runs runs; Tail reports after it are read from store.figures alone.
// Copied counts the report ids the call covered, Purged the reports no
// longer current whose figures it deleted from the copy (0108).
type CellCopy struct {
	Watermark, Tail, Copied, Purged int64
	Runs                            int
}

// CellOptions bound one CopyCells call: runs of at most Run report ids (0:
// CellRun), none unless Least or more reports wait (0: any), and at most
// Runs runs (0: until the copy reaches the last report).
type CellOptions struct {
	Run, Least int64
	Runs       int
}

// CopyCells copies the figures of the reports after the watermark to
// store.figures_by_cell (migration 0032), so that a query for one cell
// (queries/region_figure.sql) reads a few row groups instead of every
// figure. Each run is a transaction of its own under the writer lock,
// released between runs so that uploads wait for one run at most; progress,
// if not nil, is called after each. Only current reports are copied. Then,
// whatever o says, the figures of the reports the copy's stale list names
// (retired since they were copied, migration 0108) are deleted from the
// copy and the list emptied, in one more transaction (about 1.5 s of CPU
// at 1M reports, one pass over the copy's report ids), so that
// figure_totals has nothing to leave out of the copy. It stops at the first
// error (earlier runs stay: each is whole; the list stays as it was) and
// returns where the copy stands; a read-only warehouse gives CodeInvalid, a
// canceled ctx CodeTimeout between runs or the driver's error within one.
func (db *DB) CopyCells(ctx context.Context, o CellOptions, progress func(CellCopy)) (CellCopy, error) {
	if db.state == nil {
		return CellCopy{}, gongkai.Errorf(gongkai.CodeInvalid, "数据库以只读方式打开，不能修改")
	}
	if o.Run <= 0 {
		o.Run = CellRun
	}
	var at CellCopy
	for n := 0; o.Runs == 0 || n < o.Runs; n++ {
		if err := ctx.Err(); err != nil {
			return at, &gongkai.Error{Code: gongkai.CodeTimeout, Message: "按格复制数字被中止", Err: err}
		}
		least := o.Least
		if n > 0 {
			least = 0 // once started, finish the tail
		}
		done, err := db.copyCellRun(ctx, o.Run, least, &at)
		if err != nil {
			return at, fmt.Errorf("warehouse: copy figures by cell: %w", err)
		}
		if done {
			break
		}
		if progress != nil {
			progress(at)
		}
	}
	if err := ctx.Err(); err != nil {
		return at, &gongkai.Error{Code: gongkai.CodeTimeout, Message: "按格复制数字被中止", Err: err}
	}
	if err := db.purgeStale(ctx, &at); err != nil {
		return at, fmt.Errorf("warehouse: copy figures by cell: delete retired reports' figures: %w", err)
	}
	return at, nil
}

// purgeStale deletes from the copy by cell the figures of the reports
// store.figures_by_cell_stale lists and empties the list, in one
// transaction under the writer lock, and counts them in at.Purged; with the
// list empty it reads the list alone.
func (db *DB) purgeStale(ctx context.Context, at *CellCopy) error {
	db.mu.Lock()
	defer db.mu.Unlock()
	var n int64
	err := db.withConn(ctx, func(conn *sql.Conn) error {
		return inConnTx(ctx, conn, func() error {
			if err := conn.QueryRowContext(ctx, stmt("cells_stale_count")).Scan(&n); err != nil || n == 0 {
				return err
			}
			_, err := conn.ExecContext(ctx, stmt("cells_stale_purge"))
			return err
		})
	})
	if err == nil && n > 0 {
		at.Purged += n
		db.wrote()
	}
	return err
}

// copyCellRun copies one run of at most run report ids, unless fewer than
// least reports wait, and notes where the copy stands in at. It reports done
// when nothing was copied.
func (db *DB) copyCellRun(ctx context.Context, run, least int64, at *CellCopy) (done bool, err error) {
	db.mu.Lock()
	defer db.mu.Unlock()
	err = db.withConn(ctx, func(conn *sql.Conn) error {
		return inConnTx(ctx, conn, func() error {
			var wm, last int64
			var runs int
			if err := conn.QueryRowContext(ctx, stmt("cells_state")).Scan(&wm, &runs, &last); err != nil {
				return err
			}
			at.Watermark, at.Runs, at.Tail = wm, runs, last-wm
			if last <= wm || last-wm < least {
				done = true
				return nil
			}
			end := min(last, wm+run)
			if _, err := conn.ExecContext(ctx, stmt("cells_copy"), wm, end); err != nil {
				return err
			}
			res, err := conn.ExecContext(ctx, stmt("cells_advance"), wm, end)
			if err != nil {
				return err
			}
			if n, err := res.RowsAffected(); err != nil || n != 1 {
				return fmt.Errorf("watermark %d moved meanwhile (%d rows, %v)", wm, n, err)
			}
			// What Open holds the copy to (0121): the watermark moved.
			if _, err := conn.ExecContext(ctx, stmt("cells_check_write")); err != nil {
				return err
			}
			at.Watermark, at.Runs, at.Tail = end, runs+1, last-end
			at.Copied += end - wm
			return nil
		})
	})
	if err == nil && !done {
		// Committed: the watermark moved, which region_figure's form
		// follows (cellsCaughtUp).
		db.wrote()
	}
	return done, err
}
