package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"gongkai"
)

// Confirm makes pending report version id the current version of its agency
// and year, as its uploader asks after seeing its findings; by names who
// confirmed. The version it replaces stays as history, other versions
// waiting for the same agency and year are superseded, and the next year's
// report is re-checked against it by the rules across years, all in one
// transaction.
//
// It returns a *gongkai.Error with CodeNotFound when there is no such
// report, CodeConflict when it is not waiting for confirmation (already
// current, confirmed, or superseded), and CodeInvalid on a read-only
// warehouse.
func (db *DB) Confirm(ctx context.Context, id int64, by string) (LoadResult, error) {
	return db.ConfirmAudited(ctx, id, by, nil)
}

// ConfirmAudited is Confirm that writes e (when not nil) to the audit log in
// the confirmation's own transaction, with the confirmed version's report
// id, version, agency, year and SHA-256 filled in: the replacement and its
// entry stand or fall together. The dashboard wrote its report.replace entry
// after the commit and only logged a failure, so a confirmation could stand
// with no entry (review s38).
func (db *DB) ConfirmAudited(ctx context.Context, id int64, by string, e *AuditEntry) (LoadResult, error) {
	if db.state == nil {
		return LoadResult{}, gongkai.Errorf(gongkai.CodeInvalid, "数据库以只读方式打开，不能确认报告")
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	defer db.wrote() // after the commit, before the next writer
	db.writing()     // before the first commit (Generation)
	if _, err := db.writer(ctx); err != nil {
		return LoadResult{}, err
	}
	var (
		k       agencyYear
		version int
		format  string
		pending bool
		reason  string
	)
	err := db.db.QueryRowContext(ctx, stmt("pending_of_report"), id).Scan(&k.agency, &k.year, &version, &format, &pending, &reason)
	if errors.Is(err, sql.ErrNoRows) {
		return LoadResult{}, gongkai.Errorf(gongkai.CodeNotFound, "没有编号为 %d 的报告", id)
	}
	if err != nil {
		return LoadResult{}, fmt.Errorf("warehouse: confirm %d: %w", id, err)
	}
	if !pending {
		return LoadResult{}, gongkai.Errorf(gongkai.CodeConflict, "报告 %d 不在待确认状态（已是现行版本、已确认或已被更新的版本取代）", id)
	}
	rs := &reportState{id: id, version: version, format: format}
	err = scanRows(ctx, db.db, stmt("prior_values_of"), []any{id, priorMeasures()}, func(rows *sql.Rows) error {
		var measure, applicant string
		var v sql.NullFloat64
		if err := rows.Scan(&measure, &applicant, &v); err != nil {
			return err
		}
		var f *float64
		if v.Valid {
			f = &v.Float64
		}
		rs.prior.add(cellKey{measure, applicant}, f)
		return nil
	})
	if err != nil {
		return LoadResult{}, fmt.Errorf("warehouse: confirm %d: %w", id, err)
	}
	rs.prior = rs.prior.clip()

	st := db.state
	p := newPlan(st)
	p.current[k] = rs
	p.confirm = []int64{id}
	p.resolve = []resolveRow{{k: k, confirmed: id, by: by}}
	if prev := st.current[k]; prev != nil {
		p.retire = []int64{prev.id}
	}
	// The region the version states, which its load left for now (plan.add),
	// moves the agency as a load of it would have: when the agency's region
	// was only derived from its name, or is not known.
	var stated place
	var name, sha string
	if err := db.db.QueryRowContext(ctx, stmt("report_stated_place"), id).Scan(&stated.Province, &stated.City,
		&stated.County, &stated.Level, &name, &sha); err != nil {
		return LoadResult{}, fmt.Errorf("warehouse: confirm %d: %w", id, err)
	}
	if !stated.empty() {
		for key, a := range st.agencies {
			if a.id == k.agency && (a.regionSource == "" || a.regionSource == "derived") {
				pl, _ := resolvePlace(stated, name)
				p.agencies[key] = &agencyState{id: a.id, regionSource: "report", plain: a.plain}
				p.regions = append(p.regions, regionUpdate{agency: a.id, place: pl})
				break
			}
		}
	}
	if next := st.current[agencyYear{k.agency, k.year + 1}]; next != nil {
		rc := &recheck{}
		cells := next.prior.values()
		for _, f := range priorYearFindings(k.year+1, cells, rs.prior) {
			rc.findings = append(rc.findings, f)
			rc.others = append(rc.others, id)
		}
		p.rechecks[next.id] = rc
	}
	conn, err := db.db.Conn(ctx)
	if err != nil {
		return LoadResult{}, fmt.Errorf("warehouse: confirm %d: %w", id, err)
	}
	defer conn.Close()
	// A confirmation retires and makes current: a bulk load's sums held so
	// far are merged first (Bulk).
	if err := db.flushBulk(ctx, conn); err != nil {
		return LoadResult{}, fmt.Errorf("warehouse: confirm %d: %w", id, err)
	}
	if len(p.regions) > 0 {
		db.placesMoving() // the agency moves (PlaceGeneration)
	}
	err = inConnTx(ctx, conn, func() error {
		if err := p.exec(ctx, conn, time.Now().UTC(), nil); err != nil {
			return err
		}
		if e == nil {
			return nil
		}
		entry := *e
		entry.ReportID, entry.Version, entry.Agency, entry.Year, entry.SHA256 = id, version, name, k.year, sha
		if err := audit(ctx, conn, entry); err != nil {
			return fmt.Errorf("audit %s: %w", entry.Action, err)
		}
		return nil
	})
	if err != nil {
		return LoadResult{}, fmt.Errorf("warehouse: confirm %d: %w", id, err)
	}
	p.apply()
	return LoadResult{ReportID: id, AgencyID: k.agency, Version: version}, nil
}
