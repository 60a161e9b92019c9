package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"gongkai"
)

// Region is where an agency stands and its level of government, as an
// administrator corrects it. Empty fields mean unknown.
type Region struct {
	Province, City, County, Level string
}

// SetAgencyRegion records an administrator's correction of an agency's region
// and level. Later loads never overwrite it. It returns a *gongkai.Error with
// CodeNotFound when there is no such agency.
func (db *DB) SetAgencyRegion(ctx context.Context, agencyID int64, r Region) error {
	return db.SetAgencyRegionAudited(ctx, agencyID, r, nil)
}

// SetAgencyRegionAudited is SetAgencyRegion that writes e (when not nil) to
// the audit log in the change's own transaction, as the account changes
// write theirs (auth.go): the correction and its audit entry stand or fall
// together. The dashboard's admin correction wrote its entry after the
// commit and only logged a failure, so a correction could stand with no
// entry (review s37).
func (db *DB) SetAgencyRegionAudited(ctx context.Context, agencyID int64, r Region, e *AuditEntry) error {
	if db.state == nil {
		return gongkai.Errorf(gongkai.CodeInvalid, "数据库以只读方式打开，不能修改")
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	defer db.wrote() // after the commit, before the next writer
	// Under way before the commit (Generation): the places too.
	db.writing()
	db.placesMoving()
	if _, err := db.writer(ctx); err != nil {
		return err
	}
	var key string
	for k, a := range db.state.agencies {
		if a.id == agencyID {
			key = k
		}
	}
	keyed := key != ""
	for k, ids := range db.state.ambiguous {
		// An agency whose key another agency's folds to is not in
		// state.agencies (loads of that name are refused), but it is there.
		if !keyed && slices.Contains(ids, agencyID) {
			key = k
		}
	}
	if key == "" {
		return gongkai.Errorf(gongkai.CodeNotFound, "没有编号为 %d 的机关", agencyID)
	}
	trim := strings.TrimSpace
	// The agency's current reports move to the new region's group of the
	// roll-up in the same transaction, and the agency is noted as changed
	// for store.agency_totals, whose kept region (0064) is then no longer
	// read.
	err := db.withConn(ctx, func(conn *sql.Conn) error {
		// A bulk load's sums held so far are merged first (Bulk).
		if err := db.flushBulk(ctx, conn); err != nil {
			return err
		}
		return inConnTx(ctx, conn, func() error {
			return withRollup(ctx, conn, rollupChange{lo: 1, hi: 0, moving: []int64{agencyID}}, func() error {
				_, err := conn.ExecContext(ctx, stmt("agency_region"), agencyID, null(trim(r.Province)), null(trim(r.City)),
					null(trim(r.County)), null(trim(r.Level)), nil, "admin")
				if err != nil {
					return err
				}
				if err := noteTotals(ctx, conn, []int64{agencyID}); err != nil {
					return err
				}
				// 报送与质量's list of findings selects the agency's reports
				// by the region and level they keep (0124).
				if err := writeFindingReports(ctx, conn, []int64{agencyID}); err != nil {
					return err
				}
				if e != nil {
					return audit(ctx, conn, *e)
				}
				return nil
			})
		})
	})
	if err != nil {
		return fmt.Errorf("warehouse: set region of agency %d: %w", agencyID, err)
	}
	if keyed {
		db.state.agencies[key] = &agencyState{id: agencyID, regionSource: "admin", plain: db.state.agencies[key].plain}
	}
	return nil
}
