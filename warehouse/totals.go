package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"

	"gongkai"
)

// noteTotals adds, inside the transaction open on conn, the agencies whose
// current reports or region the plan changes (ids, as refreshStatus finds
// them; SetAgencyRegion's agency, whose kept region 0064 reads) to
// store.agency_totals_changed (0044), so that the per-agency rankings sum
// those agencies from their summary rows and no longer read their kept
// running totals, which were summed before the change. Writing the
// agencies' rows of 194 columns again instead cost 100-300 ms a bulk
// load's group of 4,096 reports at 1M; the ids are appended as they are
// (an agency changed again is listed again, see agency_totals_note), and
// CompactTotals builds the table again later. Its error is the database's;
// the caller rolls the transaction back.
func noteTotals(ctx context.Context, conn *sql.Conn, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	_, err := conn.ExecContext(ctx, stmt("agency_totals_note"), ids)
	return err
}

// checkTotals lists every agency as changed (agency_totals_list_all) when
// an agency store.agency_totals or store.compare_totals (0058) holds, and
// store.agency_totals_changed does not list, has current summary rows other
// than those it was summed from (agency_totals_stale and
// compare_totals_stale compare their fingerprints); the rankings then sum
// every agency from its summary rows until gongkai compact or serve's
// background pass builds the table again. The writer notes every agency it
// changes, but a repair of store.reports by hand (after which checkSummary
// rewrites the summary), or reports loaded by a binary older than 0044, do
// not, and the rankings would go on reading the old totals. It runs after
// checkSummary, on the summary as it then stands, and reads every current
// summary row once for each table. Building store.agency_totals here
// instead needed ~1.2 GB at 1M reports (0044's definition), more than a
// server's 512MB, and the server did not start. Its error is the database's.
func (db *DB) checkTotals(ctx context.Context) error {
	var stale int64
	for _, check := range []string{"agency_totals_stale", "compare_totals_stale"} {
		var n int64
		if err := db.db.QueryRowContext(ctx, stmt(check)).Scan(&n); err != nil {
			return fmt.Errorf("warehouse: check agency totals: %s: %w", check, err)
		}
		stale += n
	}
	if stale == 0 {
		return nil
	}
	slog.Warn("warehouse: store.agency_totals or store.compare_totals differs from the current reports; every agency is summed from the summary until gongkai compact builds them again")
	if _, err := db.db.ExecContext(ctx, stmt("agency_totals_list_all")); err != nil {
		return fmt.Errorf("warehouse: list agencies changed: %w", err)
	}
	return nil
}

// totalsPieceAgencies is how many agency ids one statement of a rebuild
// of store.agency_totals covers (agency_totals_build). At 1M reports
// (~170,000 agencies) in one statement the insert of the rows alone needed
// more than gongkai serve's 512MB; in pieces of 25,000 the rebuild ran
// within a limit of 384MB (3.2 s at 512MB, 2.5 s whole at 2GB). A variable
// so that tests build the table in many pieces.
var totalsPieceAgencies int64 = 25000

// rebuildTotals builds store.agency_totals and store.compare_totals (0058,
// which shares the list of changed agencies) afresh on conn, in one
// transaction: the tables and their list of changed agencies are emptied,
// then the rows of both are built for a span of agency ids at a time (at
// most totalsPieceAgencies), so that the build's memory stays within a
// server's limit at a million reports. Readers see the old tables with
// their list or the new ones, never a part. It then checkpoints so that the old rows' row
// groups are dropped rather than scanned as deleted rows; a checkpoint that
// cannot run now is left to a later one and is not an error. Its error is
// the database's; the transaction is then rolled back.
func rebuildTotals(ctx context.Context, conn *sql.Conn) error {
	err := inConnTx(ctx, conn, func() error {
		var lo, hi int64
		if err := conn.QueryRowContext(ctx, stmt("agency_totals_span")).Scan(&lo, &hi); err != nil {
			return err
		}
		if _, err := conn.ExecContext(ctx, stmt("agency_totals_clear")); err != nil {
			return err
		}
		for from := lo; from <= hi; from += totalsPieceAgencies {
			for _, build := range []string{"agency_totals_build", "compare_totals_build"} {
				if _, err := conn.ExecContext(ctx, stmt(build), from, min(from+totalsPieceAgencies-1, hi)); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, "CHECKPOINT"); err != nil {
		slog.Info("warehouse: agency totals built again; their old rows go at the next checkpoint", "err", err)
	}
	return nil
}

// TotalsCompaction says what CompactTotals found and did: the agencies
// whose totals were summed apart (changed since the table was built), the
// rows the table held, and whether it was built again.
type TotalsCompaction struct {
	Changed, Rows int64
	Rebuilt       bool
}

// CompactTotals builds store.agency_totals and store.compare_totals again
// under the writer's lock when least or more agencies (least is at least 1)
// have changed since they were built: until then the rankings sum those
// agencies from their summary rows, which costs more the more they are (at
// 1M reports, ~2-3 ms of a query per 1,000 agencies). The build reads every
// current summary row twice (at 1M reports 6-8 s, ~835 MB of RSS with a
// server's 512MB limit, during which loads wait; see rebuildTotals). It
// returns a CodeInvalid error on a warehouse opened read-only, otherwise
// the database's.
func (db *DB) CompactTotals(ctx context.Context, least int64) (TotalsCompaction, error) {
	var c TotalsCompaction
	if db.state == nil {
		return c, gongkai.Errorf(gongkai.CodeInvalid, "数据库以只读方式打开，不能修改")
	}
	least = max(least, 1)
	db.mu.Lock()
	defer db.mu.Unlock()
	err := db.withConn(ctx, func(conn *sql.Conn) error {
		if err := conn.QueryRowContext(ctx, stmt("agency_totals_state")).Scan(&c.Changed, &c.Rows); err != nil {
			return err
		}
		if c.Changed < least {
			return nil
		}
		c.Rebuilt = true
		return rebuildTotals(ctx, conn)
	})
	if err != nil {
		return c, fmt.Errorf("warehouse: compact agency totals: %w", err)
	}
	return c, nil
}
