package warehouse

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"sync/atomic"

	"gongkai/queries"
)

// agencyRanked is one agency as region_agencies' form in Go reads it
// (sql/region_agencies_all.sql): its rank by name, its region and its
// status pattern (NULL without a status row).
type agencyRanked struct {
	id, rank              int64
	province, city, level sql.NullString
	pattern               sql.NullInt64
}

// rankedAgencies is every agency of store.agencies by rank, or none
// (usable false) when some agency has no rank or two share one: then the
// rank alone does not order them as the named query's names do.
type rankedAgencies struct {
	usable bool
	rows   []agencyRanked
}

// rankedAgencyCache keeps rankedAgencies for as long as Generation does
// not change: an agency's region changes with SetAgencyRegion, its
// pattern with a load or a confirmation, its rank with RankAgencies, and
// agencies come only with a load, each a write that moves the generation
// (DB.wrote), as the places kept for region_figure (placeCache).
type rankedAgencyCache = genCache[struct{}, *rankedAgencies]

// patternStateCache keeps the state each status pattern gives an agency in
// a filter's years (sql/region_agencies_states.sql) until the next write.
type patternStateCache = genCache[[2]int, map[int64]int64]

// regionAgenciesInGoRuns counts the runs regionAgenciesInGo answered, for
// the tests: that the comparisons hold the form, not the SQL after it.
var regionAgenciesInGoRuns atomic.Int64

// regionAgenciesColumns are region_agencies' columns, which the form in Go
// gives (queries/region_agencies.sql's header).
var regionAgenciesColumns = []string{"status", "agency_id", "agency", "city", "level", "report_id", "format", "errors", "agencies"}

// regionAgenciesInGo answers region_agencies for filter f as
// sql/region_agencies_ranked.sql (ranked, the form Query runs when every
// agency is ranked and each id is in store.agencies once) would, its
// agency column left NULL for Query to name: the agencies are kept by rank
// until the next write (rankedAgencies) and so are the patterns' states
// for the years, so that the selection, its states, the counts of missing
// and later agencies and the three lists are made in Go, by walking the
// agencies in rank order once; only the listed reported agencies' reports
// of the years and the region's count of current reports are read
// (sql/region_agencies_listed.sql). The ranked form scanned and
// materialized the selected agencies (170,068 for the whole country at 1M
// reports) and ordered each status by rank, on every request.
//
// ok is false, and Query runs the ranked form, when it cannot answer
// exactly: the kept agencies not usable (an agency without a rank, or two
// with one), a pattern with two states, no row to list (the ranked form
// then returns none too, and Query runs the named query), or a write
// during the run (the agencies kept and the reports read may be of
// different states). Its error is the database's.
func (db *DB) regionAgenciesInGo(ctx context.Context, ranked queries.Query, f Filter) (t *Table, ok bool, err error) {
	if !slices.Equal(ranked.Columns, regionAgenciesColumns) {
		return nil, false, nil
	}
	gen := db.Generation()
	all, err := db.rankedAgenciesAt(ctx, gen)
	if err != nil || !all.usable {
		return nil, false, err
	}
	states, ok, err := db.patternStates(ctx, gen, f)
	if err != nil || !ok {
		return nil, false, err
	}
	// The lists' limits, as the ranked form's: coalesce($limit, 200), at
	// least 0 for the missing and reported agencies and 1 for the later.
	limit := int64(200)
	if f.Limit != 0 {
		limit = int64(f.Limit)
	}
	listMax, laterMax := max(limit, 0), max(limit, 1)
	province, city, level := nullText(f.Province), nullText(f.City), nullText(f.Level)
	in := func(v sql.NullString, want any) bool {
		return want == nil || (v.Valid && v.String == want.(string))
	}
	var missing, reported, later []*agencyRanked
	var missingN, laterN int64
	for i := range all.rows {
		a := &all.rows[i]
		if !in(a.province, province) || !in(a.city, city) || !in(a.level, level) {
			continue
		}
		// An agency without a pattern, or with one of no status row, is
		// later (the ranked form's coalesce(p.st, 3) after its LEFT JOIN).
		st := int64(3)
		if a.pattern.Valid {
			if s, found := states[a.pattern.Int64]; found {
				st = s
			}
		}
		switch st {
		case 1:
			missingN++
			if int64(len(missing)) < listMax {
				missing = append(missing, a)
			}
		case 2:
			if int64(len(reported)) < listMax {
				reported = append(reported, a)
			}
		default:
			laterN++
			if int64(len(later)) < laterMax {
				later = append(later, a)
			}
		}
	}
	t = &Table{Columns: slices.Clone(regionAgenciesColumns), Rows: [][]any{}}
	row := func(status string, a *agencyRanked, report, format, errors, count any) []any {
		return []any{status, a.id, nil, nullString(a.city), nullString(a.level), report, format, errors, count}
	}
	for _, a := range missing {
		t.Rows = append(t.Rows, row("missing", a, nil, nil, nil, missingN))
	}
	if len(reported) > 0 {
		rows, ok, err := db.regionAgenciesReported(ctx, reported, f, listMax)
		if err != nil || !ok {
			return nil, false, err
		}
		t.Rows = append(t.Rows, rows...)
	}
	for _, a := range later {
		t.Rows = append(t.Rows, row("later", a, nil, nil, nil, laterN))
	}
	if len(t.Rows) == 0 || !db.Unchanged(gen) {
		return nil, false, nil
	}
	regionAgenciesInGoRuns.Add(1)
	return t, true, nil
}

// regionAgenciesReported returns the rows of the reported agencies listed
// (by rank, at most limit of them): their current reports of f's years,
// ordered by rank and report id and cut to limit, each with the region's
// count of current reports of the years, as the ranked form's listed
// joins them (sql/region_agencies_listed.sql). ok is false when a value is
// not of the type the form reads. Its error is the database's.
func (db *DB) regionAgenciesReported(ctx context.Context, listed []*agencyRanked, f Filter, limit int64) (out [][]any, ok bool, err error) {
	ids := make([]int64, len(listed))
	byID := make(map[int64]*agencyRanked, len(listed))
	for i, a := range listed {
		ids[i], byID[a.id] = a.id, a
	}
	s, err := db.keptRead(ctx, "region_agencies_listed")
	if err != nil {
		return nil, false, err
	}
	rows, err := s.QueryContext(ctx, idList(ids), nullNum(int64(f.YearFrom)), nullNum(int64(f.YearTo)),
		nullText(f.Province), nullText(f.City), nullText(f.Level))
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	tb, err := readTable(rows, 0)
	if err != nil {
		return nil, false, err
	}
	type hit struct {
		a      *agencyRanked
		report int64
		row    []any
	}
	hits := make([]hit, 0, len(tb.Rows))
	for _, r := range tb.Rows {
		id, okID := r[0].(int64)
		report, okReport := r[1].(int64)
		a := byID[id]
		if !okID || !okReport || a == nil {
			return nil, false, nil
		}
		hits = append(hits, hit{a, report, r})
	}
	slices.SortFunc(hits, func(x, y hit) int {
		if c := cmp.Compare(x.a.rank, y.a.rank); c != 0 {
			return c
		}
		return cmp.Compare(x.report, y.report)
	})
	if int64(len(hits)) > limit {
		hits = hits[:limit]
	}
	for _, h := range hits {
		out = append(out, []any{"reported", h.a.id, nil, nullString(h.a.city), nullString(h.a.level), h.report, h.row[2], h.row[3], h.row[4]})
	}
	return out, true, nil
}

// rankedAgenciesAt returns the agencies kept at generation gen, read
// (sql/region_agencies_all.sql) and kept when there are none. Its error is
// the database's.
func (db *DB) rankedAgenciesAt(ctx context.Context, gen int64) (*rankedAgencies, error) {
	if all, ok := db.rankedAgencies.get(gen, struct{}{}); ok {
		return all, nil
	}
	rows, err := db.db.QueryContext(ctx, stmt("region_agencies_all"))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	all := &rankedAgencies{usable: true}
	words := texts{}
	for rows.Next() {
		var a agencyRanked
		var rank sql.NullInt64
		if err := rows.Scan(&a.id, &rank, &a.province, &a.city, &a.level, &a.pattern); err != nil {
			return nil, err
		}
		// No rank (sorted last), or one shared or out of order: the ranks
		// do not order the agencies as the ranked form's ORDER BY
		// name_rank does exactly.
		if !rank.Valid || (len(all.rows) > 0 && rank.Int64 <= all.rows[len(all.rows)-1].rank) {
			all.usable, all.rows = false, nil
			break
		}
		a.rank = rank.Int64
		words.intern(&a.province)
		words.intern(&a.city)
		words.intern(&a.level)
		all.rows = append(all.rows, a)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if db.Unchanged(gen) { // read at gen, no write under way or since
		db.rankedAgencies.put(gen, struct{}{}, all)
	}
	return all, nil
}

// patternStates returns the state each status pattern gives an agency in
// f's years (sql/region_agencies_states.sql), kept at generation gen. ok
// is false when a pattern has two rows (the ranked form's join would list
// its agencies twice). Its error is the database's.
func (db *DB) patternStates(ctx context.Context, gen int64, f Filter) (map[int64]int64, bool, error) {
	k := [2]int{f.YearFrom, f.YearTo}
	if m, ok := db.patternStatesKept.get(gen, k); ok {
		return m, m != nil, nil
	}
	s, err := db.keptRead(ctx, "region_agencies_states")
	if err != nil {
		return nil, false, err
	}
	rows, err := s.QueryContext(ctx, nullNum(int64(f.YearFrom)), nullNum(int64(f.YearTo)))
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	m := map[int64]int64{}
	for rows.Next() {
		var pattern, st int64
		if err := rows.Scan(&pattern, &st); err != nil {
			return nil, false, err
		}
		if _, twice := m[pattern]; twice {
			m = nil
			break
		}
		m[pattern] = st
	}
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	if db.Unchanged(gen) {
		db.patternStatesKept.put(gen, k, m)
	}
	return m, m != nil, nil
}
