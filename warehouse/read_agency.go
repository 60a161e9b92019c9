package warehouse

import (
	"context"
	"database/sql"
	"fmt"
)

// AgencyReport is one current report of an agency with its figures in the
// applicant column 总计, by measure code (nil for a blank cell).
type AgencyReport struct {
	ID               int64
	Year             int
	Format           string
	Errors, Warnings int
	Totals           map[string]*float64
}

// AgencyReports returns the current reports of agency id for the years
// yearFrom to yearTo (0 leaves that end open), oldest first; none when the
// agency has none (or does not exist).
//
// It reads report by report on purpose: each read is a selective scan by
// report id, where one query joining the agency's reports to every figure of
// the warehouse takes tens of seconds on 100,000 reports.
func (db *DB) AgencyReports(ctx context.Context, id int64, yearFrom, yearTo int) ([]AgencyReport, error) {
	rows, err := db.db.QueryContext(ctx, stmt("read_agency_reports"), id, yearFrom, yearTo)
	if err != nil {
		return nil, fmt.Errorf("warehouse: reports of agency %d: %w", id, err)
	}
	var out []AgencyReport
	for rows.Next() {
		var r AgencyReport
		if err := rows.Scan(&r.ID, &r.Year, &r.Format, &r.Errors, &r.Warnings); err != nil {
			rows.Close()
			return nil, fmt.Errorf("warehouse: reports of agency %d: %w", id, err)
		}
		out = append(out, r)
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("warehouse: reports of agency %d: %w", id, err)
	}
	for i := range out {
		if out[i].Totals, err = db.reportTotals(ctx, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (db *DB) reportTotals(ctx context.Context, id int64) (map[string]*float64, error) {
	rows, err := db.db.QueryContext(ctx, stmt("read_report_totals"), id)
	if err != nil {
		return nil, fmt.Errorf("warehouse: figures of report %d: %w", id, err)
	}
	totals := map[string]*float64{}
	for rows.Next() {
		var m string
		var v sql.NullFloat64
		if err := rows.Scan(&m, &v); err != nil {
			rows.Close()
			return nil, fmt.Errorf("warehouse: figures of report %d: %w", id, err)
		}
		if v.Valid {
			f := v.Float64
			totals[m] = &f
		} else {
			totals[m] = nil
		}
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("warehouse: figures of report %d: %w", id, err)
	}
	return totals, nil
}
