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
// The reports and their figures are read in one transaction, so that the
// figures are those of the reports listed: the figures in one statement
// (read_agency_figures), whose scan of store.figures DuckDB filters by the
// reports' ids; one query joining the agency's reports to every figure
// through the report_figures view took tens of seconds on 100,000 reports,
// and one read a report ~10 ms of CPU for six reports at 1M against ~3.
func (db *DB) AgencyReports(ctx context.Context, id int64, yearFrom, yearTo int) ([]AgencyReport, error) {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("warehouse: reports of agency %d: %w", id, err)
	}
	// Nothing is written: rolling back ends the reads' snapshot.
	defer tx.Rollback()
	q := pageReads{db, tx}
	rows, err := q.query(ctx, "read_agency_reports", id, yearFrom, yearTo)
	if err != nil {
		return nil, fmt.Errorf("warehouse: reports of agency %d: %w", id, err)
	}
	var out []AgencyReport
	at := map[int64]int{} // report id to its place in out
	for rows.Next() {
		var r AgencyReport
		if err := rows.Scan(&r.ID, &r.Year, &r.Format, &r.Errors, &r.Warnings); err != nil {
			rows.Close()
			return nil, fmt.Errorf("warehouse: reports of agency %d: %w", id, err)
		}
		at[r.ID] = len(out)
		out = append(out, r)
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("warehouse: reports of agency %d: %w", id, err)
	}
	if len(out) == 0 {
		return nil, nil
	}
	// The reports' figures by id first, then all their measures and
	// applicants named in one read (read_texts).
	figures := make([][]figureRow, len(out))
	var all []figureRow
	rows, err = q.query(ctx, "read_agency_figures", id, yearFrom, yearTo)
	if err != nil {
		return nil, fmt.Errorf("warehouse: figures of agency %d: %w", id, err)
	}
	for rows.Next() {
		var rid int64
		var f figureRow
		if err := rows.Scan(&rid, &f.measure, &f.applicant, &f.value, &f.unit, &f.raw, &f.at, &f.narrative); err != nil {
			rows.Close()
			return nil, fmt.Errorf("warehouse: figures of agency %d: %w", id, err)
		}
		i, ok := at[rid]
		if !ok {
			// The same snapshot lists the same reports: a figure of
			// another report is a fault of the statements, not data.
			rows.Close()
			return nil, fmt.Errorf("warehouse: figures of agency %d: report %d is not among its reports", id, rid)
		}
		figures[i] = append(figures[i], f)
		all = append(all, f)
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("warehouse: figures of agency %d: %w", id, err)
	}
	texts, err := db.readTexts(ctx, q, all, false)
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
