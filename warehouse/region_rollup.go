package warehouse

import (
	"context"

	"gongkai/queries"
)

// textsUnique reports whether store.texts holds no text under two ids
// (sql/texts_repeated.sql). The answer is read once and kept for as long
// as the file is open: the writer appends to store.texts only the texts
// its map of the whole table does not hold (plan.textID), nothing else
// writes the table but a migration, which Open runs before any query, and
// no other process writes the file while this one holds it; so that only
// a hand edit of the file makes a text repeat. Its error is the
// database's; nothing is kept then.
func (db *DB) textsUnique(ctx context.Context) (bool, error) {
	repeated, err := db.uniqueTexts.get(ctx, db, "texts_repeated")
	return err == nil && !repeated, err
}

// regionRollupForm returns the form of region_rollup q to run: the named
// query, which sums the roll-up rows by id and then again by text, or,
// when each text is in store.texts once (textsUnique),
// sql/region_rollup_unique_texts.sql, the same query without the second
// sum (same parameters and rows, ~3 ms less CPU a run at 1M reports). The
// answer, once read, holds for as long as the file is open, so that every
// run of an open warehouse runs the same form and its statement is kept
// under the query's name. Its error is the database's.
func (db *DB) regionRollupForm(ctx context.Context, q queries.Query) (queries.Query, error) {
	unique, err := db.textsUnique(ctx)
	if err != nil || !unique {
		return q, err
	}
	q.SQL = stmt("region_rollup_unique_texts")
	return q, nil
}
