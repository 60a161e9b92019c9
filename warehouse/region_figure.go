package warehouse

import (
	"context"

	"gongkai/queries"
)

// byAgencyMinReports is the fewest current reports a selection must hold
// for region_figure to be read by agency (regionFigureByAgency): at 1M
// reports the form wins on the whole country (166k a year) and a province
// (76k-90k), and loses on a province and level of a few thousand, as on
// every selection at 100k reports (sql/region_figure_by_agency.sql gives
// the figures). A variable so that the tests can run the form on a few
// reports.
var byAgencyMinReports int64 = 50000

// regionFigureByAgency runs sql/region_figure_by_agency.sql, region_figure
// (q, same parameters, columns and rows) read from the copy by cell by the
// agency each of its rows carries, for filter f as Query bound it. It tries
// only where that form is the faster one: the copy caught up at the last
// look (f.noTail); a selection of at least byAgencyMinReports current
// reports, and not narrow (for a smaller one the join the form saves costs
// less than the form's fixed costs; for a narrow one the named query reads
// only the row groups of the selected reports, while the form scans the
// cell's whole years); the cell's ids bound; and every agency ranked by
// name in agreement with the names (ranksComplete). ok is false when it did
// not try or the form returned no rows (a load after the look, a selected
// report without a row for the cell, as for a cell its year's format lacks,
// or nothing selected): Query then runs the named query, whose rows are the
// same. Its error is the database's.
func (db *DB) regionFigureByAgency(ctx context.Context, q queries.Query, f Filter) (t *Table, ok bool, err error) {
	if !f.noTail || f.narrow || f.selected < byAgencyMinReports || f.measureID == 0 || f.applicantID == 0 {
		return nil, false, nil
	}
	// Many rows tied at the cut are ordered by the agencies' name ranks.
	if ranked, err := db.ranksComplete(ctx); err != nil || !ranked {
		return nil, false, err
	}
	form := q
	form.Name, form.SQL = q.Name+" (by agency)", stmt("region_figure_by_agency")
	if t, err = db.runKept(ctx, form, f); err != nil {
		return nil, false, err
	}
	return t, len(t.Rows) > 0, nil
}
