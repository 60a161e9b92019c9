package warehouse

import (
	"context"

	"gongkai/queries"
)

// agenciesListForm returns the form of agencies_list q to run for filter
// f: when the bit sets count every current report (bitsHoldReports),
// sql/agencies_list_plain.sql without a piece of a name, kept as
// "agencies_list (plain)", or sql/agencies_list_piece.sql with one, kept as
// "agencies_list (piece)"; else q as it is. Both read the page's reports
// and years from the agencies' patterns of years instead of the current
// reports, and give the named query's rows (TestAgenciesListForms,
// TestFormsAfterEditsByHand). Its error is the database's.
func (db *DB) agenciesListForm(ctx context.Context, q queries.Query, f Filter) (queries.Query, error) {
	ok, err := db.bitsHoldReports(ctx)
	if err != nil || !ok {
		return q, err
	}
	if nullText(f.Agency) == nil {
		q.Name += " (plain)"
		q.SQL = stmt("agencies_list_plain")
	} else {
		q.Name += " (piece)"
		q.SQL = stmt("agencies_list_piece")
	}
	return q, nil
}
