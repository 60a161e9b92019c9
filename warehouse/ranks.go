package warehouse

import (
	"context"
	"database/sql"

	"gongkai"
)

// RankAgencies gives every agency its place in the order of the agencies
// by name (store.agencies.name_rank, migration 0086) when a load has added
// one since the last ranking (or this open found the ranks out of the
// names' order), so that region_agencies orders them by rank
// (sql/region_agencies_ranked.sql); it returns how many agencies it ranked
// (0 when every agency had a rank). All ranks are set in one statement,
// in one transaction under the writer lock, from one order: names never
// change and agencies are never deleted, so they keep that order until an
// agency is added, with a NULL rank. At 1M reports a ranking sorts
// 170,000 names (~0.3 s of CPU). A read-only warehouse gives CodeInvalid;
// any other error is the database's, and leaves the ranks as they were.
func (db *DB) RankAgencies(ctx context.Context) (int64, error) {
	if db.state == nil {
		return 0, gongkai.Errorf(gongkai.CodeInvalid, "数据库以只读方式打开，不能修改")
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	defer db.settle() // the generation moves when ranks were set
	var ranked int64
	err := db.withConn(ctx, func(conn *sql.Conn) error {
		return inConnTx(ctx, conn, func() error {
			var missing int64
			if err := conn.QueryRowContext(ctx, stmt("agency_ranks_missing")).Scan(&missing); err != nil {
				return err
			}
			// Ranks this open found out of the names' order (set by hand)
			// are given again too.
			if missing == 0 && db.ranksAgree.v.Load() != keptNo {
				return nil
			}
			res, err := conn.ExecContext(ctx, stmt("agency_ranks_set"))
			if err != nil {
				return err
			}
			ranked, err = res.RowsAffected()
			if ranked > 0 {
				db.writing() // before the commit (Generation)
			}
			return err
		})
	})
	if err != nil {
		return 0, err
	}
	if ranked > 0 {
		// Committed, from one order: they agree with the names, and
		// ranksComplete's kept answer is of the generation before
		// (settle moves it). The places stay kept (PlaceGeneration).
		db.ranksAgree.v.Store(keptYes)
	}
	return ranked, nil
}

// ranksComplete reports whether region_agencies may order the agencies by
// rank: every agency has one (sql/agency_ranks_missing.sql), kept until the
// next write (Generation), and the ranks agree with the names
// (sql/agency_ranks_agree.sql), read once an open: only a hand edit of the
// file, which no other process writes while this one holds it, could make
// them disagree, and then the names are sorted for as long as the file is
// open. An answer out of date costs speed, never a row: the ranked query
// checks for agencies without a rank again in its own snapshot. Its error
// is the database's.
func (db *DB) ranksComplete(ctx context.Context) (bool, error) {
	gen := db.Generation()
	if ok, known := db.ranked.get(gen); known {
		return ok, nil
	}
	var missing int64
	if err := db.db.QueryRowContext(ctx, stmt("agency_ranks_missing")).Scan(&missing); err != nil {
		return false, err
	}
	ok := missing == 0
	if ok {
		agree, err := db.ranksAgree.get(ctx, db, "agency_ranks_agree")
		if err != nil {
			return false, err
		}
		ok = agree
	}
	if db.Unchanged(gen) {
		db.ranked.put(gen, ok)
	}
	return ok, nil
}
