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

// agencyIDsUnique reports whether store.agencies holds each agency id once
// (sql/agency_ids_unique.sql), which region_agencies' ranked form needs to
// join the listed agencies back to their names by id. The answer is read
// once and kept for as long as the file is open: the writer keeps it (an
// agency is written with its first report under a new id, never deleted
// or renumbered), so that only a hand edit of the file breaks it, and no
// other process writes the file while this one holds it. Its error is the
// database's; nothing is kept then.
func (db *DB) agencyIDsUnique(ctx context.Context) (bool, error) {
	return db.agencyIDs.get(ctx, db, "agency_ids_unique")
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
// When every agency has a name rank (ranksComplete) and each agency id is
// in store.agencies once (agencyIDsUnique) it also returns ranked:
// sql/region_agencies_ranked.sql, the form without the guard that orders
// the agencies by rank and reads their states from the pattern each keeps,
// under a name of its own (its statement is kept apart).
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
	if ok, err = db.agencyIDsUnique(ctx); err != nil || !ok {
		return q, nil, err
	}
	r := q
	r.Name, r.SQL = q.Name+" (ranked)", stmt("region_agencies_ranked")
	return q, &r, nil
}
