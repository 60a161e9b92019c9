package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"gongkai"
)

// maxFigure bounds the figures the loader accepts (gongkai.MaxFigure): the
// roll-up sums them as DECIMAL(38, 6) (migration 0018), whose 32 integer
// digits must hold the sum of every figure of a cell, and below it a float64
// holds a figure of whole units as printed. Ingest leaves a cell beyond it
// blank with a finding, so only a caller that bypasses ingest (the Go API)
// meets the loader's refusal: the last guard, not the rule.
const maxFigure = gongkai.MaxFigure

// rollupChange is what one transaction changes of what store.region_rollup
// sums: the current versions it retires, the versions it makes current, the
// range of new report ids it writes (current or not; empty when hi < lo),
// and the agencies whose region it corrects.
type rollupChange struct {
	retire, current []int64
	lo, hi          int64
	moving          []int64
	// recount are stored reports whose findings the change replaces and
	// recounts (a later year re-checked against one loaded now): what
	// they add to store.summary_rollup's errors and warnings (0040)
	// changes though their version and figures do not.
	recount []int64
	// fresh sums what the new reports in [lo, hi] add, noted as change
	// writes them; required when lo <= hi.
	fresh *freshRollup
	// bulk, when not nil, is the sums of a bulk load (DB.Bulk): a change
	// that only writes new reports leaves its sums to it (deferRollup).
	bulk *rollupSums
}

// freshOnly says the change only writes new reports: it retires, confirms,
// moves and recounts nothing, so that what it changes of the roll-ups is
// what its new current reports add.
func (c rollupChange) freshOnly() bool {
	return len(c.retire) == 0 && len(c.current) == 0 && len(c.moving) == 0 && len(c.recount) == 0
}

// rollupChange returns what the plan changes of the roll-up's sums.
func (p *plan) rollupChange() rollupChange {
	c := rollupChange{retire: p.retire, current: p.confirm, lo: 1, hi: 0, fresh: p.fresh}
	for i, w := range p.writes {
		if i == 0 || w.id < c.lo {
			c.lo = w.id
		}
		if i == 0 || w.id > c.hi {
			c.hi = w.id
		}
	}
	for _, u := range p.regions {
		c.moving = append(c.moving, u.agency)
	}
	for id := range p.rechecks {
		c.recount = append(c.recount, id)
	}
	slices.Sort(c.recount)
	return c
}

// withRollup runs change inside the transaction open on conn and keeps
// store.region_rollup and store.summary_rollup (0021, the same reports'
// summary rows) in step with it: before change, what the reports it
// retires and the current reports of the agencies it moves contribute is
// subtracted; after it, what the reports it makes current, the new reports
// in [lo, hi] that are current, and the moving agencies' current reports
// contribute is added, under the regions as they then stand. The errors
// and warnings of the reports it recounts, and only those columns, are
// subtracted before it and added after it, unless the steps above sum the
// report already (recounted; it stays current or not across the change). The new
// reports are summed by the writer as it appends them (c.fresh, fresh.go);
// the others are read by their id range, so that DuckDB reads only the row
// groups of store.figures that hold them. Its error is change's or the
// database's; the caller rolls the transaction back on either.
func withRollup(ctx context.Context, conn *sql.Conn, c rollupChange, change func() error) error {
	if c.freshOnly() && c.lo > c.hi {
		return change() // nothing the roll-up sums changes (a group of duplicates)
	}
	if c.bulk != nil {
		if !c.freshOnly() {
			return fmt.Errorf("warehouse: roll-up: a change that retires, confirms, moves or recounts left to a bulk load")
		}
		return deferRollup(ctx, conn, c, change)
	}
	if _, err := conn.ExecContext(ctx, stmt("rollup_delta_create")); err != nil {
		return err
	}
	moved, err := currentReportsOf(ctx, conn, c.moving)
	if err != nil {
		return err
	}
	if err := addRuns(ctx, conn, union(c.retire, moved), -1); err != nil {
		return err
	}
	recount := c.recounted(moved)
	if err := addCounts(ctx, conn, recount, -1); err != nil {
		return err
	}
	if err := change(); err != nil {
		return err
	}
	if err := addCounts(ctx, conn, recount, 1); err != nil {
		return err
	}
	if moved, err = currentReportsOf(ctx, conn, c.moving); err != nil {
		return err
	}
	var outside []int64 // those in [lo, hi] are added with the range below
	for _, id := range union(c.current, moved) {
		if id < c.lo || id > c.hi {
			outside = append(outside, id)
		}
	}
	if err := addRuns(ctx, conn, outside, 1); err != nil {
		return err
	}
	if c.lo <= c.hi {
		if c.fresh == nil {
			return fmt.Errorf("warehouse: roll-up: new reports %d–%d without their sums", c.lo, c.hi)
		}
		if err := c.fresh.add(ctx, conn); err != nil {
			return err
		}
	}
	_, err = conn.ExecContext(ctx, stmt("rollup_merge"))
	return err
}

// deferRollup runs change, which only writes new reports, inside the
// transaction open on conn and leaves what they add to the roll-ups to the
// bulk load (c.bulk), which folds c.fresh in once the transaction commits
// (DB.foldBulk) and merges its sums at its end (DB.flushBulk). Until then
// the roll-ups lack the bulk's reports, so the transaction also marks them
// out of step (rollup_defer): a process that stops before the merge leaves
// a file whose next read-write Open rebuilds them (checkRollup) and which
// OpenReadOnly refuses. Its error is change's or the database's, or says
// the noted figures do not add up.
func deferRollup(ctx context.Context, conn *sql.Conn, c rollupChange, change func() error) error {
	if c.fresh == nil {
		return fmt.Errorf("warehouse: roll-up: new reports %d–%d without their sums", c.lo, c.hi)
	}
	if _, err := conn.ExecContext(ctx, stmt("rollup_defer")); err != nil {
		return err
	}
	if err := change(); err != nil {
		return err
	}
	if len(c.fresh.reports) > 0 {
		if err := c.fresh.regions(ctx, conn); err != nil {
			return err
		}
	}
	c.fresh.deferred = true
	return nil
}

// Bulk runs load, which loads reports through Load or LoadPrepared (a
// demo set of a million, batch by batch), with what the new current
// reports of its transactions add to store.region_rollup and
// store.summary_rollup summed in memory and merged once, in one
// transaction, when load returns, whatever it returns. Merging a
// transaction's sums rewrites every group of the roll-ups its reports
// touch: for reports spread over the whole country (~1,000 places a year)
// a transaction of 4,096 touched half the roll-up's rows, and the merges
// took more of the load than writing the reports. A transaction that also
// retires, confirms, recounts or moves reports merges the sums held so
// far first (flushBulk), so that no merge ever sees a cell whose count a
// held report would make positive again; the sums are exact in any order
// (DECIMAL in 128 bits), so the roll-ups end as loading one transaction
// at a time leaves them. Until the merge, the pages read roll-ups without
// the bulk's reports and the file is marked so that a read-write Open
// after a crash rebuilds them. It returns a CodeInvalid error on a
// warehouse opened read-only or inside another Bulk, load's error if it
// fails (the merge still runs, and its error is joined), else the
// merge's, after which the roll-ups stay marked for the next Open to
// rebuild.
func (db *DB) Bulk(ctx context.Context, load func() error) error {
	if db.state == nil {
		return gongkai.Errorf(gongkai.CodeInvalid, "数据库以只读方式打开，不能载入报告")
	}
	db.mu.Lock()
	if db.bulk != nil {
		db.mu.Unlock()
		return gongkai.Errorf(gongkai.CodeInvalid, "已在批量载入中")
	}
	db.bulk = newRollupSums()
	db.mu.Unlock()
	err := load()
	db.mu.Lock()
	defer db.mu.Unlock()
	defer db.wrote() // the pages' roll-ups change
	db.writing()     // before flushBulk's commit (Generation)
	ferr := db.withConn(ctx, func(conn *sql.Conn) error { return db.flushBulk(ctx, conn) })
	db.bulk, db.bulkErr = nil, nil
	if ferr != nil {
		ferr = fmt.Errorf("warehouse: merge the bulk load's roll-up sums (the next Open rebuilds them): %w", ferr)
	}
	return errors.Join(err, ferr)
}

// foldBulk adds what a committed transaction that deferred its sums
// (deferRollup) adds to the bulk load's sums. fr's regions were read and
// checked in the transaction, so the fold does not fail; if it did, the
// bulk's merge rebuilds the roll-ups whole instead (flushBulk). db.mu is
// held.
func (db *DB) foldBulk(fr *freshRollup) {
	if !fr.deferred || db.bulk == nil {
		return
	}
	if err := db.bulk.fold(fr); err != nil && db.bulkErr == nil {
		slog.Error("warehouse: bulk load's roll-up sums are incomplete; they are rebuilt at its end", "err", err)
		db.bulkErr = err
	}
}

// flushBulk merges the bulk load's sums held so far into the roll-ups in
// one transaction on conn, which also takes the regions' fingerprint again
// (rollup_merge), and empties them; nothing when it holds none or no bulk
// load runs. When folding failed, it rebuilds the roll-ups from the current
// reports instead. db.mu is held. Its error is the database's; the sums are
// then kept.
func (db *DB) flushBulk(ctx context.Context, conn *sql.Conn) error {
	s := db.bulk
	if s == nil || (s.reports == 0 && db.bulkErr == nil) {
		return nil
	}
	start := time.Now()
	var wrote time.Duration
	err := inConnTx(ctx, conn, func() error {
		if db.bulkErr != nil {
			return rebuildRollup(ctx, conn)
		}
		// Into empty roll-ups (a fresh build) the sums are the rows the
		// merge would make: one per group and cell, each of at least one
		// figure and report, NULL sums where nothing was stated.
		var empty bool
		if err := conn.QueryRowContext(ctx, stmt("rollup_empty")).Scan(&empty); err != nil {
			return err
		}
		if empty {
			if err := s.write(conn, "", "store", "region_rollup", "summary_rollup"); err != nil {
				return err
			}
			wrote = time.Since(start)
			_, err := conn.ExecContext(ctx, stmt("rollup_fingerprint"))
			return err
		}
		if _, err := conn.ExecContext(ctx, stmt("rollup_delta_create")); err != nil {
			return err
		}
		if err := s.write(conn, "temp", "main", "rollup_delta", "summary_rollup_delta"); err != nil {
			return err
		}
		wrote = time.Since(start)
		_, err := conn.ExecContext(ctx, stmt("rollup_merge"))
		return err
	})
	if err != nil {
		return err
	}
	slog.Info("warehouse: bulk load's roll-up sums merged", "reports", s.reports, "region_groups", len(s.regionKeys),
		"cells", len(s.cells), "summary_groups", len(s.summaryKeys), "written", wrote.Round(time.Millisecond),
		"took", time.Since(start).Round(time.Millisecond))
	db.bulk, db.bulkErr = newRollupSums(), nil
	return nil
}

// recounted returns the reports of c.recount whose counts only are
// summed apart: not those the change retires, makes current or writes
// (summed whole before or after it with their counts as they then stand),
// nor the current reports of agencies it moves (moved: subtracted whole
// before it and added whole after it). The rest keep their version, so
// each is current before the change exactly when it is after it.
func (c rollupChange) recounted(moved []int64) []int64 {
	if len(c.recount) == 0 {
		return nil
	}
	whole := map[int64]bool{}
	for _, ids := range [][]int64{c.retire, c.current, moved} {
		for _, id := range ids {
			whole[id] = true
		}
	}
	var out []int64
	for _, id := range c.recount {
		if (id < c.lo || id > c.hi) && !whole[id] {
			out = append(out, id)
		}
	}
	return out
}

// addCounts adds (sign 1) or subtracts (sign -1) the errors and warnings of
// the current reports among ids to store.summary_rollup's delta
// (summary_rollup_counts_add).
func addCounts(ctx context.Context, conn *sql.Conn, ids []int64, sign int) error {
	if len(ids) == 0 {
		return nil
	}
	_, err := conn.ExecContext(ctx, stmt("summary_rollup_counts_add"), ids, sign)
	return err
}

// runGap is how far apart two report ids may be and still be read by one
// statement: a report has ~200 figures and a row group of store.figures
// holds 122,880, so ids this close share a row group or two.
const runGap = 512

// addRuns adds (sign 1) or subtracts (sign -1) what the current reports
// among ids (sorted, each once) contribute to the roll-ups. Ids close to each
// other are read by one statement bounded by their range: the versions a
// re-upload retires were mostly loaded together, so a group's thousands of
// retirements cost a few statements, not one each.
func addRuns(ctx context.Context, conn *sql.Conn, ids []int64, sign int) error {
	for i := 0; i < len(ids); {
		j := i + 1
		for j < len(ids) && ids[j]-ids[j-1] <= runGap {
			j++
		}
		for _, name := range []string{"rollup_delta_add", "summary_rollup_delta_add"} {
			var list any // a single id is its own range
			if j-i > 1 {
				list = ids[i:j]
			}
			if _, err := conn.ExecContext(ctx, stmt(name), ids[i], ids[j-1], list, sign); err != nil {
				return err
			}
		}
		i = j
	}
	return nil
}

// currentReportsOf returns the ids of the current reports of agencies.
func currentReportsOf(ctx context.Context, conn *sql.Conn, agencies []int64) ([]int64, error) {
	if len(agencies) == 0 {
		return nil, nil
	}
	rows, err := conn.QueryContext(ctx, stmt("rollup_current_of"), agencies)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// union returns the ids of a and b, sorted, each once.
func union(a, b []int64) []int64 {
	out := append(slices.Clone(a), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

// checkRollup rebuilds store.region_rollup when the agencies' regions are
// not those it was summed under: the writer moves an agency's reports
// between groups when it corrects a region, but an UPDATE of
// store.agencies by hand does not, and the roll-up would go on counting the
// agency where it was. The check is one pass over the agencies (a
// fingerprint, migration 0018). A migration that leaves the roll-up to be
// summed clears the fingerprint (0018, 0019), so the same check fills it.
// Its error is the database's.
func (db *DB) checkRollup(ctx context.Context) error {
	var stale int
	if err := db.db.QueryRowContext(ctx, stmt("rollup_stale")).Scan(&stale); err != nil {
		return fmt.Errorf("warehouse: check regional roll-up: %w", err)
	}
	if stale == 0 {
		return nil
	}
	slog.Warn("warehouse: rebuilding store.region_rollup: agencies' regions changed outside the writer, or a migration (0018, 0019) left it to be summed")
	err := db.withConn(ctx, func(conn *sql.Conn) error {
		return inConnTx(ctx, conn, func() error { return rebuildRollup(ctx, conn) })
	})
	if err != nil {
		return fmt.Errorf("warehouse: rebuild regional roll-up: %w", err)
	}
	return nil
}

// rebuildRollup builds store.region_rollup afresh from the current reports
// inside the transaction open on conn, with the fingerprint of the regions.
func rebuildRollup(ctx context.Context, conn *sql.Conn) error {
	if _, err := conn.ExecContext(ctx, stmt("rollup_clear")); err != nil {
		return err
	}
	_, err := conn.ExecContext(ctx, stmt("rollup_rebuild"))
	return err
}

// rollupSlack is how many deleted rows a roll-up table may hold beyond its
// live ones before CompactRollups writes it again. At a million reports the
// demo load left store.summary_rollup with 125,866 rows for 2,994 live ones
// (42×), and every trend chart's sum read them all: 1.5-6 ms of CPU a query
// (reviews_outcomes 14 -> 7.5 ms), /applications' three sums 6 ms a page.
const rollupSlack = 4096

// RollupCompaction says what CompactRollups found and did: the rows each
// roll-up held (deleted ones included) and its live rows, and whether it was
// written again.
type RollupCompaction struct {
	SummaryRows, SummaryLive int64
	RegionRows, RegionLive   int64
	// RegionYearBlocks counts the blocks of 2,048 rows holding
	// store.region_rollup's rows once per year they hold, RegionBlocks the
	// blocks plus the years: the first above twice the second means the
	// years' rows are mixed, and the table is written again by year.
	RegionYearBlocks, RegionBlocks int64
	// The same for store.year_reports (0122), which is written again by
	// year when its rows are mixed or mostly deleted.
	YearRows, YearLive         int64
	YearYearBlocks, YearBlocks int64
	Summary, Region, Years     bool
}

// CompactRollups writes store.summary_rollup and store.region_rollup again,
// each in one transaction under the writer's lock, when the rows they hold
// outnumber twice their live rows plus rollupSlack, and store.region_rollup
// also when its years' rows are mixed (see rollup_dense_state: the rewrite
// stores them by year, so that region_rollup reads one year's rows instead
// of every year's); and store.year_reports (0122) by year on the same
// grounds, which region_agencies reads for one year. The writer keeps them
// by deleting a changed group's rows and appending its new sums
// (rollup_merge), and DuckDB keeps the deleted rows in their row groups, so
// that a bulk load leaves the pages' sums scanning mostly deleted rows. The
// rows written are the rows read, so no sum changes. A checkpoint before
// writes the old rows out and one after drops their emptied row groups; one
// that cannot run now (another transaction writes) leaves that to a later
// checkpoint or rewrite and is not an error. It returns
// a CodeInvalid error on a warehouse opened read-only, otherwise the
// database's.
func (db *DB) CompactRollups(ctx context.Context) (RollupCompaction, error) {
	return db.compactRollups(ctx, rollupSlack)
}

// compactRollups is CompactRollups with the slack given (tests write small
// roll-ups again with 0).
func (db *DB) compactRollups(ctx context.Context, slack int64) (RollupCompaction, error) {
	var c RollupCompaction
	if db.state == nil {
		return c, gongkai.Errorf(gongkai.CodeInvalid, "数据库以只读方式打开，不能修改")
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	err := db.withConn(ctx, func(conn *sql.Conn) error {
		if err := conn.QueryRowContext(ctx, stmt("rollup_dense_state")).Scan(&c.SummaryRows, &c.SummaryLive, &c.RegionRows, &c.RegionLive,
			&c.RegionYearBlocks, &c.RegionBlocks, &c.YearRows, &c.YearLive, &c.YearYearBlocks, &c.YearBlocks); err != nil {
			return err
		}
		c.Summary = c.SummaryRows > 2*c.SummaryLive+slack
		c.Region = c.RegionRows > 2*c.RegionLive+slack || c.RegionYearBlocks > 2*c.RegionBlocks
		c.Years = c.YearRows > 2*c.YearLive+slack || c.YearYearBlocks > 2*c.YearBlocks
		if !c.Summary && !c.Region && !c.Years {
			return nil
		}
		// Rows not yet checkpointed share their row group with the rows the
		// rewrite appends, and a checkpoint keeps a row group that is not
		// wholly deleted; once written out, the old row groups empty whole.
		if _, err := conn.ExecContext(ctx, "CHECKPOINT"); err != nil {
			slog.Info("warehouse: roll-ups written again before a checkpoint; their old rows may stay until the next rewrite", "err", err)
		}
		err := inConnTx(ctx, conn, func() error {
			if c.Summary {
				if _, err := conn.ExecContext(ctx, stmt("summary_rollup_dense")); err != nil {
					return err
				}
			}
			if c.Region {
				if _, err := conn.ExecContext(ctx, stmt("region_rollup_dense")); err != nil {
					return err
				}
			}
			if c.Years {
				if _, err := conn.ExecContext(ctx, stmt("year_reports_dense")); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if _, err := conn.ExecContext(ctx, "CHECKPOINT"); err != nil {
			slog.Info("warehouse: roll-ups written again; their old rows go at the next checkpoint", "err", err)
		}
		return nil
	})
	if err != nil {
		return c, fmt.Errorf("warehouse: compact roll-ups: %w", err)
	}
	return c, nil
}
