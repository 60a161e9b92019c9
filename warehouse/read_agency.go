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
	// Each report's figures by id first, then all their measures and
	// applicants named in one read (read_report_figures, read_texts).
	figures := make([][]figureRow, len(out))
	var all []figureRow
	for i := range out {
		if figures[i], err = reportFigures(ctx, db.db, out[i].ID); err != nil {
			return nil, fmt.Errorf("warehouse: figures of report %d: %w", out[i].ID, err)
		}
		all = append(all, figures[i]...)
	}
	texts, err := readTexts(ctx, db.db, all, false)
	if err != nil {
		return nil, fmt.Errorf("warehouse: reports of agency %d: %w", id, err)
	}
	for i := range out {
		if out[i].Totals, err = reportTotals(texts, figures[i]); err != nil {
			return nil, fmt.Errorf("warehouse: figures of report %d: %w", out[i].ID, err)
		}
	}
	return out, nil
}

// reportTotals is a report's figures in the applicant column 总计 (text
// "total"), by measure code: what the first form, read_report_totals,
// selected. A figure whose measure or applicant has no text is left out,
// as its inner joins left it out.
func reportTotals(texts map[int64]sql.NullString, figures []figureRow) (map[string]*float64, error) {
	totals := map[string]*float64{}
	for _, f := range figures {
		// A NULL applicant text is not 'total': the first form's WHERE
		// dropped it.
		if ap, ok := texts[f.applicant]; !ok || !ap.Valid || ap.String != "total" {
			continue
		}
		m, ok, err := namedText(texts, f.measure)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		if f.value.Valid {
			v := f.value.Float64
			totals[m] = &v
		} else {
			totals[m] = nil
		}
	}
	return totals, nil
}
