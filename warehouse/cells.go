package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"

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
// longer current whose figures it deleted from the copy (0108). Rewrote
// says the copy was written again without its deleted rows (cells_rewrite),
// Dead how many deleted rows it held before (the purged reports' figures
// not counted).
type CellCopy struct {
	Watermark, Tail, Copied, Purged, Dead int64
	Runs                                  int
	Rewrote                               bool
}

// CellOptions bound one CopyCells call: runs of at most Run report ids (0:
// CellRun), none unless Least or more reports wait (0: any), and at most
// Runs runs (0: until the copy reaches the last report). Dense writes the
// copy again whenever it holds a deleted row or a stale report's figures
// (gongkai compact); otherwise it is written again once those rows come to
// Dead (0: CellDead of the copy's rows; serve's pass), and below that the
// stale reports' figures are deleted in place.
type CellOptions struct {
	Run, Least int64
	Runs       int
	Dense      bool
	Dead       int64
}

// CellDead is how many deleted rows a copy by cell of live rows may hold
// (the stale reports' figures counted) before serve's pass writes it again
// instead of deleting in place: one per four vectors of 2,048 rows, about a
// fifth of the vectors then holding one (25,262 rows at 1M reports, ~120
// reports' figures). A scan pays for each such vector: at 1M reports (207M
// rows, 101k vectors) 100 reports' figures deleted (20,877 rows, one per
// five vectors) cost figure_totals +0.21 s of CPU (2.43 against 2.21 s),
// and 3 % of the reports +0.85 s, while the rewrite costs 43 s, the price
// of about 170 scans at the bound. A delete in place of few reports is
// cheap (100 reports 1.7 s of CPU) but one of many is not (30,309 reports
// ran out of memory at 1 GB), and the rewrite's memory is flat (0.7 GB of
// RSS under serve's 512MB limit at 1M).
func CellDead(live int64) int64 {
	return max(live/(4*2048), 1)
}

// CopyCells copies the figures of the reports after the watermark to
// store.figures_by_cell (migration 0032), so that a query for one cell
// (queries/region_figure.sql) reads a few row groups instead of every
// figure. Each run is a transaction of its own under the writer lock,
// released between runs so that uploads wait for one run at most; progress,
// if not nil, is called after each. Only current reports are copied. Then,
// whatever o's runs say, the figures of the reports the copy's stale list
// names (retired since they were copied, migration 0108) leave the copy and
// the list is emptied, in one more transaction, so that figure_totals has
// nothing to leave out of the copy: by a delete in place, or, when o.Dense
// or the copy's deleted rows would come to o.Dead, by writing the copy
// again without them and without the rows deleted before (cells_rewrite;
// 40 s of CPU at 1M reports, during which uploads wait). It stops at the
// first error (earlier runs stay: each is whole; the list and the copy stay
// as they were) and returns where the copy stands; a read-only warehouse
// gives CodeInvalid, a canceled ctx CodeTimeout between runs or the
// driver's error within one.
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
	if err := db.purgeStale(ctx, o, &at); err != nil {
		return at, fmt.Errorf("warehouse: copy figures by cell: delete retired reports' figures: %w", err)
	}
	return at, nil
}

// purgeStale takes the figures of the reports store.figures_by_cell_stale
// lists out of the copy by cell and empties the list, in one transaction
// under the writer lock, and counts them in at.Purged: by writing the copy
// again without them and without its deleted rows (cells_rewrite) when
// o.Dense and the copy holds any, or when those rows come to o.Dead (0:
// CellDead), else by deleting them in place (cells_stale_purge). With the
// list empty and o.Dense false it reads the list alone. The rows a listed
// report holds are estimated as the copy's rows per report up to the
// watermark: they only choose between two ways to the same rows.
func (db *DB) purgeStale(ctx context.Context, o CellOptions, at *CellCopy) error {
	db.mu.Lock()
	defer db.mu.Unlock()
	defer db.settle() // the generation moves when the copy was written
	var listed int64
	rewrote := false
	err := db.withConn(ctx, func(conn *sql.Conn) error {
		if err := conn.QueryRowContext(ctx, stmt("cells_stale_count")).Scan(&listed); err != nil {
			return err
		}
		if listed == 0 && !o.Dense {
			return nil
		}
		var rows, live, wm int64
		if err := conn.QueryRowContext(ctx, stmt("cells_dead")).Scan(&rows, &live, &wm); err != nil {
			return err
		}
		at.Dead = rows - live
		gone := at.Dead
		if listed > 0 {
			gone += max(listed*live/max(wm, 1), 1)
		}
		dead := o.Dead
		if dead <= 0 {
			dead = CellDead(live)
		}
		if gone == 0 {
			return nil
		}
		name := "cells_stale_purge"
		if o.Dense || gone >= dead {
			name, rewrote = "cells_rewrite", true
		}
		if err := inConnTx(ctx, conn, func() error {
			db.writing() // before the commit (Generation)
			_, err := conn.ExecContext(ctx, stmt(name))
			return err
		}); err != nil {
			rewrote = false
			return err
		}
		if rewrote {
			// The old copy's blocks are free once a checkpoint writes the
			// drop; one that cannot run now (another transaction writes)
			// leaves that to a later one and is not an error.
			if _, err := conn.ExecContext(ctx, "CHECKPOINT"); err != nil {
				slog.Info("warehouse: the copy by cell written again; its old blocks are freed at the next checkpoint", "err", err)
			}
		}
		return nil
	})
	if err == nil && (listed > 0 || rewrote) {
		at.Purged += listed
		at.Rewrote = at.Rewrote || rewrote
	}
	return err
}

// copyCellRun copies one run of at most run report ids, unless fewer than
// least reports wait, and notes where the copy stands in at. It reports done
// when nothing was copied.
func (db *DB) copyCellRun(ctx context.Context, run, least int64, at *CellCopy) (done bool, err error) {
	db.mu.Lock()
	defer db.mu.Unlock()
	// The generation moves when a run was copied: the watermark moved,
	// which region_figure's form follows (cellsCaughtUp). The places stay
	// kept (PlaceGeneration).
	defer db.settle()
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
			db.writing() // before the commit (Generation)
			return nil
		})
	})
	return done, err
}
