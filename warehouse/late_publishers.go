package warehouse

import (
	"context"
	"strings"
)

// lateRows is every row late_publishers lists for some filter, in its
// order (sql/late_publishers_all.sql), as read at one generation; too says
// there were more than lateKeptMax, and none are kept.
type lateRows struct {
	rows [][]any // report_id, agency_id, agency, province, city, level, year, published, message, seq
	too  bool
}

// lateKeptMax bounds the rows kept: past it late_publishers runs as named.
// At 1M reports the warehouse holds 1,375 (~0.3 MB kept); a demo with a
// deadline finding on every fifth report would hold 200,000.
const lateKeptMax = 20000

// lateRowsKept returns the rows kept at the current generation, reading
// them when none are.
func (db *DB) lateRowsKept(ctx context.Context) (*lateRows, error) {
	gen := db.Generation()
	if l, ok := db.late.get(gen, struct{}{}); ok {
		return l, nil
	}
	rows, err := db.db.QueryContext(ctx, stmt("late_publishers_all"), lateKeptMax+1)
	if err != nil {
		return nil, err
	}
	t, err := readTableClose(rows)
	if err != nil {
		return nil, err
	}
	l := &lateRows{rows: t.Rows}
	if len(l.rows) > lateKeptMax {
		l.rows, l.too = nil, true
	}
	// Kept only when read at gen with no write under way or since (the
	// generation's contract, DB.Unchanged).
	if db.Unchanged(gen) {
		db.late.put(gen, struct{}{}, l)
	}
	return l, nil
}

// latePublishersKept returns late_publishers' rows for filter f cut in Go
// from every late row, kept until the next write (lateRowsKept): the same
// rows, in the same order, as the named query's, which costs ~8 ms of CPU
// a run at 1M reports on every /quality request. false when the rows are
// too many to keep or the filter's limit or offset is negative (the named
// query then runs, and says what DuckDB says of those).
func (db *DB) latePublishersKept(ctx context.Context, f Filter) (*Table, bool, error) {
	if f.Limit < 0 || f.Offset < 0 {
		return nil, false, nil
	}
	l, err := db.lateRowsKept(ctx)
	if err != nil || l.too {
		return nil, false, err
	}
	province, city, level, piece := nullText(f.Province), nullText(f.City), nullText(f.Level), nullText(f.Agency)
	is := func(v any, want any) bool {
		if want == nil {
			return true
		}
		s, ok := v.(string)
		return ok && s == want.(string)
	}
	limit := f.Limit
	if limit == 0 {
		limit = 50
	}
	t := &Table{Columns: []string{"report_id", "agency_id", "agency", "province", "city", "level", "year", "published", "message", "late_total"},
		Rows: [][]any{}}
	var total int64
	for _, r := range l.rows {
		year, ok := asInt64(r[6])
		if !ok {
			return nil, false, nil
		}
		if f.YearFrom != 0 && year < int64(f.YearFrom) || f.YearTo != 0 && year > int64(f.YearTo) ||
			!is(r[3], province) || !is(r[4], city) || !is(r[5], level) {
			continue
		}
		if piece != nil {
			name, ok := r[2].(string)
			if !ok || !strings.Contains(name, piece.(string)) {
				continue
			}
		}
		if total >= int64(f.Offset) && total < int64(f.Offset)+int64(limit) {
			t.Rows = append(t.Rows, append(append([]any{}, r[:9]...), nil))
		}
		total++
	}
	for _, r := range t.Rows {
		r[9] = total
	}
	return t, true, nil
}
