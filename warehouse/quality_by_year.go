package warehouse

import (
	"context"
	"database/sql"
	"math/big"
)

// qualityCounts is what quality_by_year reads, as sql/quality_by_year_counts.sql
// read it in one snapshot: the agencies counted per region, level and
// pattern, the patterns' bit sets of years, and the years any agency
// reported (as bits). Kept until the next write (DB.Generation), by
// qualityByYearKept.
type qualityCounts struct {
	counts   []placeCount
	patterns map[int32][]yearPattern // by pattern number, as the join on pattern reads them
	span     bits128                 // the years 1990–2100 of summary_rollup's groups with a current report
}

// placeCount is how many agencies of one province, city and level (each
// NULL or not: valid) keep one pattern (NULL: no current report).
type placeCount struct {
	province, city, level sql.NullString
	pattern               sql.NullInt32
	n                     int64
}

// yearPattern is one row of store.pattern_bits: its first year and bit sets.
type yearPattern struct {
	firstYear                  int32
	reported, errors, warnings bits128
}

// bits128 is a HUGEINT bit set of years (bit y-1990 for year y, 1990–2100).
type bits128 [2]uint64

func (b bits128) has(i int) bool { return i >= 0 && i < 128 && b[i/64]&(1<<(i%64)) != 0 }

// bitsOf reads a non-negative HUGEINT's low 128 bits.
func bitsOf(x *big.Int) bits128 {
	var b bits128
	for i := range 128 {
		if x.Bit(i) == 1 {
			b[i/64] |= 1 << (i % 64)
		}
	}
	return b
}

// qualityCountsKept returns the counts kept at the current generation,
// reading them when none are.
func (db *DB) qualityCountsKept(ctx context.Context) (*qualityCounts, error) {
	return db.qualityCountsAt(ctx, db.Generation())
}

// qualityCountsAt is qualityCountsKept for generation gen, read by the caller
// before: a caller that reads more after the counts checks Unchanged(gen).
func (db *DB) qualityCountsAt(ctx context.Context, gen int64) (*qualityCounts, error) {
	if c, ok := db.qualityCounts.get(gen, struct{}{}); ok {
		return c, nil
	}
	rows, err := db.db.QueryContext(ctx, stmt("quality_by_year_counts"))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	c := &qualityCounts{patterns: map[int32][]yearPattern{}}
	for rows.Next() {
		var kind string
		var pc placeCount
		var n, firstYear sql.NullInt64
		var rep, errs, warns *big.Int
		if err := rows.Scan(&kind, &pc.province, &pc.city, &pc.level, &pc.pattern, &n, &firstYear, &rep, &errs, &warns); err != nil {
			return nil, err
		}
		switch kind {
		case "c":
			pc.n = n.Int64
			c.counts = append(c.counts, pc)
		case "p":
			c.patterns[pc.pattern.Int32] = append(c.patterns[pc.pattern.Int32], yearPattern{
				firstYear: int32(firstYear.Int64), reported: bitsOf(rep), errors: bitsOf(errs), warnings: bitsOf(warns)})
		case "y":
			i := int(firstYear.Int64) - 1990
			c.span[i/64] |= 1 << (i % 64)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// Kept only when read at gen with no write under way or since (the
	// generation's contract, DB.Unchanged).
	if db.Unchanged(gen) {
		db.qualityCounts.put(gen, struct{}{}, c)
	}
	return c, nil
}

// qualityByYearKept returns quality_by_year's rows for filter f computed in
// Go from the counts kept until the next write (qualityCountsKept), the same
// rows as the named query's, and false for a filter with a piece of a name,
// which the counts do not hold: the named query then runs. At 1M reports
// the named query costs ~10 ms of CPU a run, most of it planning, on every
// /quality request.
func (db *DB) qualityByYearKept(ctx context.Context, f Filter) (*Table, bool, error) {
	if nullText(f.Agency) != nil {
		return nil, false, nil
	}
	c, err := db.qualityCountsKept(ctx)
	if err != nil {
		return nil, false, err
	}
	return c.byYear(f), true, nil
}

// byYear is quality_by_year for f (no piece of a name) over the counts.
func (c *qualityCounts) byYear(f Filter) *Table {
	t := &Table{Columns: []string{"year", "reported", "missing", "with_errors", "with_warnings"}, Rows: [][]any{}}
	match := func(v sql.NullString, want any) bool {
		return want == nil || v.Valid && v.String == want.(string)
	}
	province, city, level := nullText(f.Province), nullText(f.City), nullText(f.Level)
	// counted: the selected agencies per pattern; any says one is selected.
	perPattern := map[int32]int64{}
	selected := false
	for _, pc := range c.counts {
		if !match(pc.province, province) || !match(pc.city, city) || !match(pc.level, level) {
			continue
		}
		selected = true
		if pc.pattern.Valid {
			perPattern[pc.pattern.Int32] += pc.n
		}
	}
	if !selected {
		return t
	}
	// span: the years reported, within the filter's (store.year_bits).
	lo, hi := 1990, 2100
	if f.YearFrom != 0 {
		lo = max(f.YearFrom, 1990)
	}
	if f.YearTo != 0 {
		hi = min(f.YearTo, 2100)
	}
	for y := lo; y <= hi; y++ {
		i := y - 1990
		if !c.span.has(i) {
			continue
		}
		var reported, missing, withErrors, withWarnings int64
		for pattern, n := range perPattern {
			for _, p := range c.patterns[pattern] {
				if p.reported.has(i) {
					reported += n
				} else if int(p.firstYear) < y {
					missing += n
				}
				if p.errors.has(i) {
					withErrors += n
				}
				if p.warnings.has(i) {
					withWarnings += n
				}
			}
		}
		t.Rows = append(t.Rows, []any{int32(y), reported, missing, withErrors, withWarnings})
	}
	return t
}
