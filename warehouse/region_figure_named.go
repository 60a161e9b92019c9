package warehouse

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strconv"
	"strings"
	"sync"

	"gongkai/queries"
)

// agencyPlace is what region_figure lists of an agency: its name, city and
// level as store.agencies holds them (city and level may be NULL).
type agencyPlace struct {
	name        string
	city, level sql.NullString
}

// placeCache keeps agencies' places by id, as agency_places.sql read them,
// for region_figure's form named in Go (regionFigureNamed), for as long as
// PlaceGeneration does not change. An agency's city and level change with
// an administrator's correction (SetAgencyRegion), a load or confirmation
// that moves it to the region its report states, and its name never, and
// agencies come only with a load: each marks PlaceGeneration odd before
// its commit and moves it before it returns (DB.placesMoving, DB.wrote),
// so the first read after it keeps the places afresh and a correction
// shows on the next request. The other writes (a load of reports of
// agencies known and in place, CopyCells, RankAgencies) leave them kept:
// before, every write dropped them, and in serve an upload threw away the
// read ahead (WarmPlaces) until the next warm-up. At most placeCacheMax
// are kept, the first read.
type placeCache = genCache[int64, agencyPlace]

// placeCacheMax bounds the places kept (at 1M reports store.agencies holds
// 170,068 agencies; ~15 MB of short strings at most).
const placeCacheMax = 1 << 18

// byAgencyIDsSQL returns the texts of region_figure's form by agency named
// in Go by half (byAgencyHalf): each half of byAgencySQL with the CTEs of
// sql/region_figure_by_agency_ids.sql in place of its own and its words
// dropped. Built at Open (formTexts), so a text laid out as the builders do
// not expect stops Open, never a request.
var byAgencyIDsSQL = sync.OnceValue(func() map[string]string {
	ids := stmt("region_figure_by_agency_ids")
	out := map[string]string{}
	for half, text := range byAgencySQL() {
		out[half] = dropCTEs(replaceCTEs(text, ids, "listed", "named"), "words")
	}
	return out
})

// regionFigureNamed runs form, region_figure's form by agency (a half of
// byAgencyIDsSQL) for filter f, and gives its rows the agencies' names,
// cities and levels and the figures' texts by id (agencyPlacesByID,
// textsByID), ordered and cut to the limit as the half's listed orders and
// cuts them: the half's rows. none is true when the form returned no rows,
// as the half then does (their final WHERE is one, and listed is empty
// exactly when top is). ok is false when it returned none or an agency or
// text could not be given exactly (an id without a place, an id twice), or
// a write came during the run: the caller then runs the half itself, whose
// rows are the same. Its error is the database's.
func (db *DB) regionFigureNamed(ctx context.Context, form queries.Query, f Filter) (t *Table, ok, none bool, err error) {
	t, ok, err = db.regionFigureNamedRun(ctx, form, f, &none)
	return t, ok, none, err
}

func (db *DB) regionFigureNamedRun(ctx context.Context, form queries.Query, f Filter, none *bool) (t *Table, ok bool, err error) {
	limit := f.Limit
	if limit == 0 {
		limit = 500
	}
	if limit < 0 {
		return nil, false, nil
	}
	// The run's rows and places are of one state when no write was under
	// way or came during it (Unchanged); the places kept are those of
	// every state since PlaceGeneration was pgen (placeCache).
	gen, pgen := db.Generation(), db.PlaceGeneration()
	if gen&1 != 0 {
		return nil, false, nil
	}
	if t, err = db.runKept(ctx, form, f); err != nil {
		return nil, false, err
	}
	if len(t.Rows) == 0 {
		*none = true
		return nil, false, nil
	}
	want := []string{"agency_id", "agency", "city", "level", "report_id", "value", "raw", "at", "reports_total"}
	if !slices.Equal(t.Columns, want) {
		return nil, false, nil
	}
	const cID, cName, cCity, cLevel, cReport, cValue, cRaw, cAt = 0, 1, 2, 3, 4, 5, 6, 7
	agencies := make([]int64, 0, len(t.Rows))
	for _, r := range t.Rows {
		id, isInt := r[cID].(int64)
		if !isInt {
			return nil, false, nil
		}
		agencies = append(agencies, id)
	}
	places, ok, err := db.agencyPlacesByID(ctx, pgen, agencies)
	if err != nil || !ok {
		return nil, false, err
	}
	for i, r := range t.Rows {
		p := places[agencies[i]]
		r[cName], r[cCity], r[cLevel] = p.name, nullString(p.city), nullString(p.level)
	}
	// As the half's listed: value descending, blanks last, then the name,
	// the agency's id and the report's (strings compare by their bytes, as
	// DuckDB compares VARCHAR without a collation).
	var bad bool
	slices.SortStableFunc(t.Rows, func(a, b []any) int {
		if c := cmpValueDesc(a[cValue], b[cValue], &bad); c != 0 {
			return c
		}
		if c := strings.Compare(a[cName].(string), b[cName].(string)); c != 0 {
			return c
		}
		if c := cmp.Compare(a[cID].(int64), b[cID].(int64)); c != 0 {
			return c
		}
		ra, okA := a[cReport].(int64)
		rb, okB := b[cReport].(int64)
		if !okA || !okB {
			bad = true
			return 0
		}
		return cmp.Compare(ra, rb)
	})
	if bad {
		return nil, false, nil
	}
	if len(t.Rows) > limit {
		t.Rows = t.Rows[:limit]
	}
	var textIDs []int64
	for _, r := range t.Rows {
		for _, c := range []int{cRaw, cAt} {
			if r[c] == nil {
				continue
			}
			id, isInt := intID(r[c])
			if !isInt {
				return nil, false, nil
			}
			textIDs = append(textIDs, id)
		}
	}
	// The texts by id (textsByID): an id never changes its text while
	// the file is open, so their snapshot does not matter.
	texts, err := db.textsByID(ctx, textIDs)
	if err != nil {
		return nil, false, err
	}
	for _, r := range t.Rows {
		for _, c := range []int{cRaw, cAt} {
			if r[c] == nil {
				continue
			}
			id, _ := intID(r[c])
			// A LEFT JOIN: an id without a text, or a NULL text, is blank.
			if text, found := texts[id]; found {
				r[c] = text
			} else {
				r[c] = nil
			}
		}
	}
	// A write under way or come during the run (a correction of a region):
	// the rows and the places may be of different states; the half reads
	// both in one.
	if !db.Unchanged(gen) {
		return nil, false, nil
	}
	return t, true, nil
}

// cmpValueDesc orders two values of region_figure's value column (DOUBLE
// or NULL) as ORDER BY value DESC NULLS LAST; it sets *bad for any other
// type or a NaN, which DuckDB orders its own way.
func cmpValueDesc(a, b any, bad *bool) int {
	if a == nil || b == nil {
		switch {
		case a == nil && b == nil:
			return 0
		case a == nil:
			return 1
		default:
			return -1
		}
	}
	x, okA := a.(float64)
	y, okB := b.(float64)
	if !okA || !okB || x != x || y != y {
		*bad = true
		return 0
	}
	return cmp.Compare(y, x)
}

// intID is a text id as the driver returns an INTEGER or BIGINT column.
func intID(v any) (int64, bool) {
	switch x := v.(type) {
	case int64:
		return x, true
	case int32:
		return int64(x), true
	}
	return 0, false
}

// nullString is s as readTable gives a VARCHAR: its text, or nil for NULL.
func nullString(s sql.NullString) any {
	if !s.Valid {
		return nil
	}
	return s.String
}

// agencyPlacesByID returns the places of the agencies ids, from those kept
// at place generation gen (db.places, PlaceGeneration) and, for the
// others, from store.agencies (sql/agency_places.sql), which it keeps when
// no write that moves places was under way or came meanwhile. ok is false
// when an id has no agency or more than one row. Its error is the
// database's.
func (db *DB) agencyPlacesByID(ctx context.Context, gen int64, ids []int64) (map[int64]agencyPlace, bool, error) {
	out := make(map[int64]agencyPlace, len(ids))
	miss := db.places.lookup(gen, ids, func(id int64, p agencyPlace) { out[id] = p })
	if len(miss) == 0 {
		return out, true, nil
	}
	slices.Sort(miss)
	miss = slices.Compact(miss)
	s, err := db.keptRead(ctx, "agency_places")
	if err != nil {
		return nil, false, err
	}
	rows, err := s.QueryContext(ctx, idList(miss))
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	read := make(map[int64]agencyPlace, len(miss))
	for rows.Next() {
		var id int64
		var p agencyPlace
		if err := rows.Scan(&id, &p.name, &p.city, &p.level); err != nil {
			return nil, false, err
		}
		if _, dup := read[id]; dup {
			return nil, false, nil
		}
		read[id] = p
	}
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	if len(read) != len(miss) {
		return nil, false, nil
	}
	for id, p := range read {
		out[id] = p
	}
	if db.placesUnchanged(gen) {
		db.places.putAll(gen, read)
	}
	return out, true, nil
}

// idList is ids as agency_places.sql and agency_names.sql read them:
// comma-separated.
func idList(ids []int64) string {
	var b strings.Builder
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(id, 10))
	}
	return b.String()
}

// WarmPlaces reads every agency's place (agency_places_all.sql) into those
// kept by id for region_figure's form named in Go (agencyPlacesByID), at
// the present generation, when they fit (placeCacheMax): the dashboard's
// warm-up runs it after a start and after an upload, so that the form's
// requests find their agencies kept. A first read of a request's ~510
// places by id costs about the join it replaces (7-24 ms of CPU at 1M
// reports); the read ahead ~0.3 s once, and not again while the places
// read ahead are kept (PlaceGeneration unmoved). An id held twice is not
// kept (its request reads it by id, finds two rows, and the half runs
// itself); the cities and levels, a few hundred texts, are kept once each.
// It also reads the agencies by rank that region_agencies' form in Go
// keeps (rankedAgenciesAt), every time: they are kept by Generation, which
// every write moves, so that the first /regions request after a start or
// an upload does not read them. Its error is the database's.
func (db *DB) WarmPlaces(ctx context.Context) error {
	if _, err := db.rankedAgenciesAt(ctx, db.Generation()); err != nil {
		return err
	}
	gen := db.PlaceGeneration()
	if gen&1 == 0 && db.placesWarm.Load() == gen+1 {
		return nil
	}
	var n int64
	if err := db.db.QueryRowContext(ctx, "SELECT count(*) FROM store.agencies").Scan(&n); err != nil {
		return err
	}
	if n > placeCacheMax {
		return nil
	}
	rows, err := db.db.QueryContext(ctx, stmt("agency_places_all"))
	if err != nil {
		return err
	}
	defer rows.Close()
	read := make(map[int64]agencyPlace, n)
	twice := map[int64]bool{}
	words := texts{}
	for rows.Next() {
		var id int64
		var p agencyPlace
		if err := rows.Scan(&id, &p.name, &p.city, &p.level); err != nil {
			return err
		}
		words.intern(&p.city)
		words.intern(&p.level)
		if _, dup := read[id]; dup {
			twice[id] = true
		}
		read[id] = p
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for id := range twice {
		delete(read, id)
	}
	if db.placesUnchanged(gen) {
		db.places.putAll(gen, read)
		db.placesWarm.Store(gen + 1)
	}
	return nil
}

// texts holds one copy of each text read, so that the ~170,000 agencies'
// places kept in memory share their cities' and levels' strings.
type texts map[string]string

// intern makes s hold the copy of its text kept in w (a NULL stays NULL).
func (w texts) intern(s *sql.NullString) {
	if !s.Valid {
		return
	}
	if k, ok := w[s.String]; ok {
		s.String = k
	} else {
		w[s.String] = s.String
	}
}
