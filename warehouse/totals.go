package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"sync"
	"time"

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

// totalsPieceAgencies is how many agency ids one piece of a rebuild of
// store.agency_totals and store.compare_totals covers (agency_totals_build,
// compare_totals_build), each piece its own transaction. At 1M reports
// (~170,000 agencies) in one statement the insert of the rows alone needed
// more than gongkai serve's 512MB; in pieces of 25,000 inside one
// transaction, the rebuild with 0071's years ran out of memory at serve's
// 512MB, and a page served beside it failed too (see rebuildTotals). The
// size of a piece changes the time little (gongkai compact at 1M, 2GB:
// 10,000 49 s, 25,000 51 s, 60,000 40 s, load 6-10) and the memory much
// (RSS 0.95, 1.17, 1.41 GB). A variable so that tests build the tables in
// many pieces.
var totalsPieceAgencies int64 = 10000

// totalsPieceGap is how long a rebuild leaves the writer's lock free
// between two pieces, for the loads that waited for a piece to take it
// (see rebuildTotals): at 1M reports ~17 pieces, so ~0.2 s of a ~65 s
// rebuild.
const totalsPieceGap = 10 * time.Millisecond

// totalsPieceBuilt, when not nil (tests), runs after each piece of a
// rebuild is committed, with the piece's span; an error stops the rebuild
// there, as an interruption would.
var totalsPieceBuilt func(from, to int64) error

// totalsPieceSteps are the transactions of one piece of a rebuild, in
// order, each a list of statements run with the piece's span.
// store.agency_totals is built in one and store.compare_totals in the
// other, which takes the agencies off the list: between the two the
// agencies are still listed and summed from their summary rows.
var totalsPieceSteps = [][]string{
	{"agency_totals_drop", "agency_totals_build"},
	{"compare_totals_drop", "compare_totals_build", "agency_totals_unlist"},
}

// rebuildTotals builds store.agency_totals and store.compare_totals (0058,
// which shares the list of changed agencies) afresh on conn, a span of at
// most totalsPieceAgencies agency ids at a time, each span in its own
// transactions: the old rows of its agencies are deleted, their rows built
// from their current reports, and they are taken off
// store.agency_totals_changed. Readers see each agency either listed as
// changed (summed from its summary rows) or with rows built from its
// current reports, so the rankings are exact while a rebuild is half done
// or after one stopped by an error. One transaction for the whole span
// held every piece's new rows until its commit: at 1M reports serve's
// background pass (512MB) ran out of memory at 769 MB of RSS, failed a
// page served beside it, and was tried again only after backoff's wait,
// the rankings summing every agency apart meanwhile. In pieces it ran in
// 65 s at 796 MB, no page failed (load 6-8). The price is gongkai
// compact's time: 21 s → ~50 s at 1M (peak RSS 1.93 → 0.95 GB).
//
// writer is the writer's lock (db.mu). It is held while the span is read
// and for each piece, both transactions of it, and released between
// pieces, so that an upload waits for one piece (a few seconds at 1M),
// not for the whole rebuild (~65 s). That is safe because every piece
// reads the state the last write left, and every write lists the agencies
// it changes (noteTotals) in its own transaction: an agency changed after
// its piece was built is listed again and summed apart until the next
// rebuild; one changed before its piece is built afresh with the change.
// Inside a piece the lock must be held from the first transaction to the
// second's commit, which takes the whole span off the list: an agency
// changed between the two would leave the list with its
// store.agency_totals row built before the change. Its error is the
// database's; the transaction then open is rolled back, the pieces before
// it stay.
func rebuildTotals(ctx context.Context, conn *sql.Conn, writer sync.Locker) error {
	var lo, hi int64
	writer.Lock()
	// compare_agencies' kept answers go first, before any agency leaves
	// the list: kept before a write, they would be read again once the
	// list is empty.
	err := inConnTx(ctx, conn, func() error {
		_, err := conn.ExecContext(ctx, stmt("compare_top_clear"))
		return err
	})
	if err == nil {
		err = conn.QueryRowContext(ctx, stmt("agency_totals_span")).Scan(&lo, &hi)
	}
	writer.Unlock()
	if err != nil {
		return err
	}
	for from := lo; from <= hi; from += totalsPieceAgencies {
		to := min(from+totalsPieceAgencies-1, hi)
		if err := rebuildTotalsPiece(ctx, conn, writer, from, to); err != nil {
			return err
		}
		// The writers that waited for the piece take the lock now:
		// sync.Mutex lets the goroutine that unlocks it lock it again
		// before a waiter woken by the unlock runs, and the waiter would
		// then wait for the next piece too.
		time.Sleep(totalsPieceGap)
		if totalsPieceBuilt != nil {
			if err := totalsPieceBuilt(from, to); err != nil {
				return err
			}
		}
	}
	_, err = buildCompareTop(ctx, conn, writer)
	return err
}

// rebuildTotalsPiece runs the transactions of one piece of a rebuild
// (totalsPieceSteps) for the agency ids in [from, to] on conn, holding
// writer throughout (see rebuildTotals). Its error is the database's.
func rebuildTotalsPiece(ctx context.Context, conn *sql.Conn, writer sync.Locker, from, to int64) error {
	writer.Lock()
	defer writer.Unlock()
	for _, steps := range totalsPieceSteps {
		err := inConnTx(ctx, conn, func() error {
			for _, step := range steps {
				if _, err := conn.ExecContext(ctx, stmt(step), from, to); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		checkpointTotals(ctx, conn)
	}
	return nil
}

// checkpointTotals checkpoints after a transaction of a rebuild, so that
// the rows it appended are written to the file and leave memory (gongkai
// compact at 1M, 512MB: peak RSS 809 MB against 867 MB with one checkpoint
// at the end, same time) and the old rows' row groups are dropped rather
// than scanned as deleted rows. A checkpoint that cannot run now is left
// to a later one and is not an error.
func checkpointTotals(ctx context.Context, conn *sql.Conn) {
	if _, err := conn.ExecContext(ctx, "CHECKPOINT"); err != nil {
		slog.Info("warehouse: a piece of the agency totals built again; its rows are written at the next checkpoint", "err", err)
	}
}

// TotalsCompaction says what CompactTotals found and did: the agencies
// whose totals were summed apart (changed since the table was built), the
// rows the table held, whether it was built again, and how many of
// compare_agencies' answers for the whole country and for each province it
// kept with no agency listed (store.compare_top, 0072, 0084; a rebuild
// keeps them too, uncounted).
type TotalsCompaction struct {
	Changed, Rows int64
	Rebuilt       bool
	Kept          int64
}

// CompactTotals builds store.agency_totals and store.compare_totals again
// when least or more agencies (least is at least 1) have changed since
// they were built: until then the rankings sum those agencies from their
// summary rows, which costs more the more they are (at 1M reports, ~2-3 ms
// of a query per 1,000 agencies). The build reads the current summary
// rows piece by piece (at 1M reports ~50-65 s, ~800 MB of RSS with a
// server's 512MB limit; see rebuildTotals), holding the writer's lock for
// one piece at a time: a load waits for the piece under way, not for the
// whole build. It returns a CodeInvalid error on a warehouse opened
// read-only, otherwise the database's.
func (db *DB) CompactTotals(ctx context.Context, least int64) (TotalsCompaction, error) {
	var c TotalsCompaction
	if db.state == nil {
		return c, gongkai.Errorf(gongkai.CodeInvalid, "数据库以只读方式打开，不能修改")
	}
	least = max(least, 1)
	// A build of the kept answers or totals changes them without a write
	// the pages see (Generation): compare_agencies' deeper answer's gate
	// reads them again.
	defer db.within.forget()
	err := db.withConn(ctx, func(conn *sql.Conn) error {
		db.mu.Lock()
		err := conn.QueryRowContext(ctx, stmt("agency_totals_state")).Scan(&c.Changed, &c.Rows)
		db.mu.Unlock()
		if err != nil {
			return err
		}
		if c.Changed < least {
			// Nothing to build but compare_agencies' answers for the
			// whole country, when none is listed and some are not
			// kept (a file older than 0072, or a build stopped).
			if c.Changed == 0 {
				c.Kept, err = buildCompareTop(ctx, conn, &db.mu)
			}
			return err
		}
		c.Rebuilt = true
		// A build changes the kept totals without a write the pages see
		// (Generation): compare_regions' complement form reads them again.
		defer db.complement.forget()
		return rebuildTotals(ctx, conn, &db.mu)
	})
	if err != nil {
		return c, fmt.Errorf("warehouse: compact agency totals: %w", err)
	}
	return c, nil
}
