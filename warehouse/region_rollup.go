package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"sync"

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

// rollupApplicants are the applicant columns of the official tables that
// region_rollup lists (its named query's IN list).
var rollupApplicants = map[string]bool{
	"natural": true, "business": true, "research": true, "ngo": true, "legal_services": true, "other": true, "total": true,
}

// catalogue is store.measures as region_rollup reads it: each code, and
// whether it is a sum of money whose unit the format does not give.
type catalogue struct {
	mu          sync.Mutex
	read        bool
	moneyNoUnit map[string]bool // every code; true for money without a unit
}

// measureCatalogue returns store.measures' codes (sql/measure_catalogue.sql),
// read once an open and kept: only a read-write Open writes the table
// (writeCatalogue), before any query, and no other process writes the file
// while this one holds it. Its error is the database's; nothing is kept
// then.
func (db *DB) measureCatalogue(ctx context.Context) (map[string]bool, error) {
	c := &db.catalogue
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.read {
		return c.moneyNoUnit, nil
	}
	rows, err := db.db.QueryContext(ctx, stmt("measure_catalogue"))
	if err != nil {
		return nil, err
	}
	m := map[string]bool{}
	for rows.Next() {
		var code string
		var money bool
		if err := rows.Scan(&code, &money); err != nil {
			rows.Close()
			return nil, err
		}
		m[code] = m[code] || money
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	c.read, c.moneyNoUnit = true, m
	return m, nil
}

// textsByID returns the texts of ids in store.texts: those kept by id
// (db.texts, textCache) and the others read (sql/read_texts.sql), which it
// keeps. An id with no text, or a NULL text, is absent from the map. A
// text's id never changes while the file is open (see textCache), so the
// statement's snapshot does not matter. Its error is the database's.
func (db *DB) textsByID(ctx context.Context, ids []int64) (map[int64]string, error) {
	texts := make(map[int64]string, len(ids))
	gen := db.Generation()
	miss := db.texts.lookup(gen, ids, func(id int64, t string) { texts[id] = t })
	if len(miss) == 0 {
		return texts, nil
	}
	s, err := db.keptRead(ctx, "read_texts")
	if err != nil {
		return nil, err
	}
	rows, err := s.QueryContext(ctx, miss)
	if err != nil {
		return nil, err
	}
	keep := make(map[int64]string, len(miss))
	for rows.Next() {
		var id int64
		var text sql.NullString
		if err := rows.Scan(&id, &text); err != nil {
			rows.Close()
			return nil, err
		}
		if _, dup := keep[id]; dup {
			rows.Close()
			return nil, fmt.Errorf("text id %d twice in store.texts", id)
		}
		if text.Valid {
			keep[id] = text.String
			texts[id] = text.String
		}
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	if db.Unchanged(gen) {
		db.texts.putAll(gen, keep)
	}
	return texts, nil
}

// regionRollupByID runs region_rollup q for filter f as its sums by id
// (regionRollupSums) when each text is in store.texts once (textsUnique):
// then an id is a text, and the named query's second sum by text adds one
// row to nothing. ok is false when a text repeats (only a hand edit of the
// file makes one), and Query runs the named query, which sums the ids of
// one text into one row. Its error is the database's.
func (db *DB) regionRollupByID(ctx context.Context, q queries.Query, f Filter) (t *Table, ok bool, err error) {
	if unique, err := db.textsUnique(ctx); err != nil || !unique {
		return nil, false, err
	}
	if t, err = db.regionRollupSums(ctx, q, f); err != nil {
		return nil, false, err
	}
	return t, true, nil
}

// regionRollupSums runs region_rollup q for filter f as
// sql/region_rollup_by_id.sql, its sums by measure and applicant id, and
// does in Go what the named query's SQL does after them: names the ids
// (textsByID; a row whose id has no text is dropped, as the inner join
// drops it), keeps the measures of the catalogue (measureCatalogue) and
// the official applicant columns, shows a sum of money without a unit
// only when it is 0, and orders the rows by measure and applicant (byte
// order, as DuckDB orders VARCHAR). Same columns, rows and types
// (VARCHAR, VARCHAR, DOUBLE, BIGINT) as the named query when each text is
// in store.texts once; a repeated text would make a row per id
// (regionRollupByID does not run it then). TestRegionRollupForms holds it
// to the named query. Its error is the database's.
func (db *DB) regionRollupSums(ctx context.Context, q queries.Query, f Filter) (*Table, error) {
	cat, err := db.measureCatalogue(ctx)
	if err != nil {
		return nil, err
	}
	form := q
	form.Name, form.SQL = q.Name+" (by id)", stmt("region_rollup_by_id")
	s, err := db.stmt(ctx, form)
	if err != nil {
		return nil, err
	}
	var rows *sql.Rows
	if s != nil {
		rows, err = s.QueryContext(ctx, f.bind(form.Params)...)
	} else {
		rows, err = db.db.QueryContext(ctx, form.SQL, f.bind(form.Params)...)
	}
	if err != nil {
		return nil, err
	}
	type sum struct {
		measure, applicant int64
		value              sql.NullFloat64
		zero               sql.NullBool
		stated             int64
	}
	var sums []sum
	var ids []int64
	seen := map[int64]bool{}
	for rows.Next() {
		var r sum
		if err := rows.Scan(&r.measure, &r.applicant, &r.value, &r.zero, &r.stated); err != nil {
			rows.Close()
			return nil, err
		}
		sums = append(sums, r)
		for _, id := range []int64{r.measure, r.applicant} {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	texts, err := db.textsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	t := &Table{Columns: []string{"measure", "applicant", "value", "stated"}, Rows: [][]any{}}
	for _, r := range sums {
		m, okm := texts[r.measure]
		a, oka := texts[r.applicant]
		if !okm || !oka || !rollupApplicants[a] {
			continue
		}
		moneyNoUnit, inCatalogue := cat[m]
		if !inCatalogue {
			continue
		}
		// CASE WHEN stated > 0 AND (value = 0 OR the measure is not money
		// without a unit) THEN value END; a NULL value stays NULL.
		var v any
		if r.stated > 0 && r.value.Valid && ((r.zero.Valid && r.zero.Bool) || !moneyNoUnit) {
			v = r.value.Float64
		}
		t.Rows = append(t.Rows, []any{m, a, v, r.stated})
	}
	slices.SortFunc(t.Rows, func(x, y []any) int {
		if c := strings.Compare(x[0].(string), y[0].(string)); c != 0 {
			return c
		}
		return strings.Compare(x[1].(string), y[1].(string))
	})
	return t, nil
}
