package warehouse

import (
	"context"

	"gongkai/queries"
)

// reportsInBitYears reports whether no report of store.reports, whatever
// its state, has a year outside the 1990–2100 of store.agency_status's bit
// sets (sql/reports_years_outside_bits.sql). The answer is read once and
// kept for as long as the file is open: the loader refuses such years
// (prepare) and no writer changes a report's year, so that only a hand
// edit of the file makes one, and no other process writes the file while
// this one holds it. A pending or retired report counts too, as Confirm
// may make it current. Its error is the database's; nothing is kept then.
func (db *DB) reportsInBitYears(ctx context.Context) (bool, error) {
	outside, err := db.bitYears.get(ctx, db, "reports_years_outside_bits")
	return err == nil && !outside, err
}

// statusIDsSound reports whether store.agencies and store.agency_status
// hold each agency id once, and every status row and every report names an
// agency of store.agencies (sql/agency_status_ids_sound.sql): then the two
// tables hold the same agencies exactly when they hold as many. The answer
// is read once and kept for as long as the file is open: the writer keeps
// all of it (an agency is written with its first report, never deleted or
// renumbered; a status row is written from its agency's current reports),
// so that only a hand edit of the file breaks it, and no other process
// writes the file while this one holds it. Its error is the database's;
// nothing is kept then.
func (db *DB) statusIDsSound(ctx context.Context) (bool, error) {
	return db.statusIDs.get(ctx, db, "agency_status_ids_sound")
}

// regionAgenciesForm returns the form of region_agencies q to run: the
// named query, whose guard reads every current report with a year outside
// 1990–2100, or, when the warehouse has no such report
// (reportsInBitYears), sql/region_agencies_in_bits.sql, the same query
// without that guard (same parameters and rows, ~5–8 ms less CPU a run at
// 1M reports). The answer, once read, holds for as long as the file is
// open, so that every run of an open warehouse runs the same form and its
// statement is kept under the query's name. Its error is the database's.
//
// When every agency has a name rank (ranksComplete) and the agencies' ids
// and their status rows' are sound (statusIDsSound) it also returns ranked:
// sql/region_agencies_ranked.sql, the form without the guard that orders
// the agencies by rank and finds agencies without a status row by counting
// the two tables, under a name of its own (its statement is kept apart).
// That form returns no rows when it finds an agency without a rank in its
// own snapshot, and Query then runs the first form returned.
func (db *DB) regionAgenciesForm(ctx context.Context, q queries.Query) (form queries.Query, ranked *queries.Query, err error) {
	in, err := db.reportsInBitYears(ctx)
	if err != nil || !in {
		return q, nil, err
	}
	q.SQL = stmt("region_agencies_in_bits")
	ok, err := db.ranksComplete(ctx)
	if err != nil || !ok {
		return q, nil, err
	}
	if ok, err = db.statusIDsSound(ctx); err != nil || !ok {
		return q, nil, err
	}
	r := q
	r.Name, r.SQL = q.Name+" (ranked)", stmt("region_agencies_ranked")
	return q, &r, nil
}
