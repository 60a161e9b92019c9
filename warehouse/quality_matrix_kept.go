package warehouse

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strconv"
	"strings"

	"gongkai/queries"
)

// bitsRange is store.year_bits(y0, y1) for years 1990–2100, an end 0 open.
func bitsRange(y0, y1 int) bits128 {
	var b bits128
	lo, hi := 1990, 2100
	if y0 != 0 {
		lo = max(y0, 1990)
	}
	if y1 != 0 {
		hi = min(y1, 2100)
	}
	for y := lo; y <= hi; y++ {
		i := y - 1990
		b[i/64] |= 1 << (i % 64)
	}
	return b
}

func (b bits128) and(o bits128) bits128 { return bits128{b[0] & o[0], b[1] & o[1]} }
func (b bits128) not() bits128          { return bits128{^b[0], ^b[1]} }
func (b bits128) zero() bool            { return b[0] == 0 && b[1] == 0 }

// qualityMatrixKept returns quality_matrix's rows for filter f, the named
// query's, with what its span, flags, counted, listed, groups, wanted and
// reach compute counted in Go from the counts kept until the next write
// (qualityCountsKept), and only the page's agencies named, ordered and
// given their cells by sql/quality_matrix_reach.sql. false for a filter with
// a piece of a name (the counts hold none), a negative limit or offset, or
// counts the form cannot read as the named query does (a pattern number
// below 1 or given twice, a first year outside 1990–2100: hand edits):
// the named query then runs.
func (db *DB) qualityMatrixKept(ctx context.Context, f Filter) (*Table, bool, error) {
	if nullText(f.Agency) != nil || f.Limit < 0 || f.Offset < 0 {
		return nil, false, nil
	}
	gen := db.Generation()
	c, err := db.qualityCountsAt(ctx, gen)
	if err != nil {
		return nil, false, err
	}
	empty := &Table{Columns: []string{"agency_id", "agency", "city", "level", "agencies_total", "year", "status", "report_id", "errors", "warnings"},
		Rows: [][]any{}}
	span := c.span.and(bitsRange(f.YearFrom, f.YearTo))
	if span.zero() {
		return empty, true, nil
	}
	// counted: the selected agencies per pattern (0: none).
	province, city, level := nullText(f.Province), nullText(f.City), nullText(f.Level)
	match := func(v sql.NullString, want any) bool {
		return want == nil || v.Valid && v.String == want.(string)
	}
	counted := map[int32]int64{}
	for _, pc := range c.counts {
		if !match(pc.province, province) || !match(pc.city, city) || !match(pc.level, level) {
			continue
		}
		p := int32(0)
		if pc.pattern.Valid {
			if p = pc.pattern.Int32; p < 1 {
				return nil, false, nil
			}
		}
		counted[p] += pc.n
	}
	// listed: each pattern's flags (none for the agencies without a
	// report, or a pattern not in store.status_patterns: the LEFT JOIN),
	// kept by the status.
	type listedPattern struct {
		pattern, first int32
		n              int64
		key            int // the combination's place: missing, errors, warnings first
	}
	var listed []listedPattern
	status := nullText(f.Status)
	for p, n := range counted {
		if n <= 0 {
			continue
		}
		var missing, errs, warns, ok, none bool
		first := int32(0)
		if ps := c.patterns[p]; p != 0 && len(ps) > 0 {
			if len(ps) > 1 {
				return nil, false, nil
			}
			pb := ps[0]
			if pb.firstYear < 1990 || pb.firstYear > 2100 {
				return nil, false, nil
			}
			first = pb.firstYear
			after := bitsRange(int(pb.firstYear)+1, 0)
			if pb.firstYear+1 > 2100 {
				after = bits128{}
			}
			missing = !span.and(pb.reported.not()).and(after).zero()
			errs = !span.and(pb.errors).zero()
			warns = !span.and(pb.warnings).zero()
			ok = !span.and(pb.reported).and(pb.errors.not()).and(pb.warnings.not()).zero()
			none = !span.and(pb.reported.not()).and(after.not()).zero()
		} else if p == 0 {
			none = true
		}
		if status != nil {
			keep := false
			switch status.(string) {
			case "missing":
				keep = missing
			case "errors":
				keep = errs
			case "warnings":
				keep = warns
			case "ok":
				keep = ok
			case "none":
				keep = none
			}
			if !keep {
				continue
			}
		}
		key := 0
		for i, b := range []bool{missing, errs, warns} {
			if !b {
				key |= 4 >> i
			}
		}
		listed = append(listed, listedPattern{pattern: p, first: first, n: n, key: key})
	}
	// groups: per combination, the agencies before it and in all.
	var per [8]int64
	var total int64
	for _, l := range listed {
		per[l.key] += l.n
		total += l.n
	}
	offset, limit := int64(f.Offset), int64(f.Limit)
	if limit == 0 {
		limit = 50
	}
	var wanted [8]bool
	ahead, minAhead, anyWanted := int64(0), int64(0), false
	for k := range 8 {
		if per[k] == 0 {
			continue
		}
		if ahead < offset+limit && ahead+per[k] > offset {
			wanted[k] = true
			if !anyWanted {
				minAhead, anyWanted = ahead, true
			}
		}
		ahead += per[k]
	}
	if !anyWanted {
		return empty, true, nil
	}
	var pats, firsts, keys []string
	slices.SortFunc(listed, func(a, b listedPattern) int { return cmp.Compare(a.pattern, b.pattern) })
	for _, l := range listed {
		if wanted[l.key] {
			pats = append(pats, strconv.Itoa(int(l.pattern)))
			firsts = append(firsts, strconv.Itoa(int(l.first)))
			keys = append(keys, strconv.Itoa(l.key))
		}
	}
	var years []string
	for y := 1990; y <= 2100; y++ {
		if span.has(y - 1990) {
			years = append(years, strconv.Itoa(y))
		}
	}
	if qualityMatrixHook != nil {
		qualityMatrixHook()
	}
	q := queries.Query{Name: "quality_matrix (reach)", SQL: stmt("quality_matrix_reach")}
	s, err := db.stmtTyped(ctx, q)
	if err != nil {
		return nil, false, err
	}
	args := []any{sql.Named("patterns", strings.Join(pats, ",")), sql.Named("firsts", strings.Join(firsts, ",")),
		sql.Named("keys", strings.Join(keys, ",")), sql.Named("years", strings.Join(years, ",")),
		sql.Named("ahead", minAhead), sql.Named("total", total), sql.Named("offset", offset), sql.Named("limit", limit),
		sql.Named("province", province), sql.Named("city", city), sql.Named("level", level),
		sql.Named("year_from", nullNum(int64(f.YearFrom))), sql.Named("year_to", nullNum(int64(f.YearTo)))}
	var rows *sql.Rows
	if s != nil {
		rows, err = s.QueryContext(ctx, args...)
	} else {
		rows, err = db.db.QueryContext(ctx, q.SQL, args...)
	}
	if err != nil {
		return nil, false, err
	}
	t, err := readTableClose(rows)
	if err != nil {
		return nil, false, err
	}
	if !db.Unchanged(gen) {
		return nil, false, nil
	}
	return t, true, nil
}

// qualityMatrixHook, when a test sets it, runs between the counts' read and
// the page's (a write there must make the form decline).
var qualityMatrixHook func()
