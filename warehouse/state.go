package warehouse

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"gongkai"
)

// state is what the single writer remembers between loads, so that loading a
// report needs no lookups: the next ids, agencies by folded name, reports by
// source hash, the current version of every agency and year, and the figures
// of current reports that the rules across years compare with, and the
// string dictionary (store.texts) figures are written with. It is read
// from the file at Open and changed only after a commit succeeds.
type state struct {
	nextAgency int64
	nextReport int64
	agencies   map[string]*agencyState // by nameKey
	bySHA      map[shaKey]shaRef       // the first report loaded from each source file
	current    map[agencyYear]*reportState
	versions   map[agencyYear]int // the highest version, where it is above the current one (a version waits)
	texts      map[string]any     // store.texts: string → id (boxed int32)
	nextText   int32
	nextPack   int32     // the next pack file of source files
	sim        *simIndex // section fingerprints; nil until a report with sections loads
}

type agencyState struct {
	id           int64
	regionSource string // "", "report", "derived", "admin"
}

type agencyYear struct {
	agency int64
	year   int
}

// reportState is a current report as the rules across years need it.
type reportState struct {
	id      int64
	version int
	format  string
	prior   priorCells // the figures named by prior_year rules
}

type cellKey struct{ measure, applicant string }

// The writer's state holds one reportState per current report, a million
// and more on a national warehouse: it is kept compact, a source hash as 32
// bytes and the figures of the rules across years as a short slice, instead
// of strings and a map per report.

// shaKey is a source file's SHA-256; a stated hash that is not 64 hex
// digits is keyed by its own SHA-256.
type shaKey [32]byte

func shaKeyOf(s string) shaKey {
	var k shaKey
	if len(s) == 64 {
		if _, err := hex.Decode(k[:], []byte(s)); err == nil {
			return k
		}
	}
	return sha256.Sum256([]byte("gongkai-sha:" + s))
}

// shaRef is the report first loaded from a source file.
type shaRef struct {
	report, agency int64
	version        int32
}

func (r shaRef) result() LoadResult {
	return LoadResult{ReportID: r.report, AgencyID: r.agency, Version: int(r.version)}
}

// priorCell is one figure a rule across years reads: idx numbers its measure
// and applicant in priorKeys; blank marks a cell stated without a number.
type priorCell struct {
	idx   uint16
	blank bool
	v     float64
}

type priorCells []priorCell

// priorKeys numbers the cells the rules across years read.
var priorKeys = sync.OnceValues(func() ([]cellKey, map[cellKey]uint16) {
	var keys []cellKey
	idx := map[cellKey]uint16{}
	for _, m := range priorMeasures() {
		for _, app := range gongkai.Applicants {
			k := cellKey{m, app}
			idx[k] = uint16(len(keys))
			keys = append(keys, k)
		}
	}
	return keys, idx
})

// add records the figure of cell k; v nil is a blank cell.
func (pc *priorCells) add(k cellKey, v *float64) {
	_, idx := priorKeys()
	i, ok := idx[k]
	if !ok {
		return // not a cell the rules read
	}
	c := priorCell{idx: i, blank: v == nil}
	if v != nil {
		c.v = *v
	}
	*pc = append(*pc, c)
}

// values returns the cells as values, the form the rules across years
// compare.
func (pc priorCells) values() map[cellKey]gongkai.Value {
	keys, _ := priorKeys()
	cells := make(map[cellKey]gongkai.Value, len(pc))
	for _, c := range pc {
		k := keys[c.idx]
		v := gongkai.Value{Measure: k.measure, Applicant: k.applicant}
		if !c.blank {
			v.Number = gongkai.Float(c.v)
		}
		cells[k] = v
	}
	return cells
}

// get returns the figure of cell k (nil when blank) and whether the report
// states the cell.
func (pc priorCells) get(k cellKey) (*float64, bool) {
	_, idx := priorKeys()
	i, ok := idx[k]
	if !ok {
		return nil, false
	}
	for _, c := range pc {
		if c.idx == i {
			if c.blank {
				return nil, true
			}
			return gongkai.Float(c.v), true
		}
	}
	return nil, false
}

// nameKey folds an agency name for matching: compatibility forms (full-width
// letters, digits and brackets) to their plain forms, and no white space.
func nameKey(name string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, norm.NFKC.String(name))
}

// priorMeasures lists the measures the prior_year rules read.
func priorMeasures() []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range gongkai.CommonDefs().Rules {
		if r.Kind != "prior_year" {
			continue
		}
		for _, m := range append(append([]string{}, r.LHS...), r.RHS...) {
			if !seen[m] {
				seen[m] = true
				out = append(out, m)
			}
		}
	}
	return out
}

func loadState(ctx context.Context, db *sql.DB) (*state, error) {
	st := &state{
		nextAgency: 1,
		nextReport: 1,
		agencies:   map[string]*agencyState{},
		bySHA:      map[shaKey]shaRef{},
		current:    map[agencyYear]*reportState{},
		versions:   map[agencyYear]int{},
		texts:      map[string]any{},
		nextText:   1,
	}
	err := scanRows(ctx, db, stmt("state_texts"), nil, func(rows *sql.Rows) error {
		var id int32
		var text string
		if err := rows.Scan(&id, &text); err != nil {
			return err
		}
		st.texts[text] = id
		st.nextText = max(st.nextText, id+1)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("warehouse: read texts: %w", err)
	}
	if err := db.QueryRowContext(ctx, stmt("state_packs")).Scan(&st.nextPack); err != nil {
		return nil, fmt.Errorf("warehouse: read source packs: %w", err)
	}
	st.nextPack++
	err = scanRows(ctx, db, stmt("state_agencies"), nil, func(rows *sql.Rows) error {
		var a agencyState
		var key string
		if err := rows.Scan(&a.id, &key, &a.regionSource); err != nil {
			return err
		}
		st.agencies[key] = &a
		st.nextAgency = max(st.nextAgency, a.id+1)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("warehouse: read agencies: %w", err)
	}
	byID := map[int64]*reportState{}
	err = scanRows(ctx, db, stmt("state_reports"), nil, func(rows *sql.Rows) error {
		var (
			id, agency int64
			year, ver  int
			format     string
			current    bool
			sha        string
		)
		if err := rows.Scan(&id, &agency, &year, &format, &ver, &current, &sha); err != nil {
			return err
		}
		st.nextReport = max(st.nextReport, id+1)
		if sha != "" {
			k := shaKeyOf(sha)
			if old, ok := st.bySHA[k]; !ok || id < old.report {
				st.bySHA[k] = shaRef{report: id, agency: agency, version: int32(ver)}
			}
		}
		if current {
			rs := &reportState{id: id, version: ver, format: format}
			st.current[agencyYear{agency, year}] = rs
			byID[id] = rs
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("warehouse: read reports: %w", err)
	}
	err = scanRows(ctx, db, stmt("state_versions"), nil, func(rows *sql.Rows) error {
		var k agencyYear
		var v int
		if err := rows.Scan(&k.agency, &k.year, &v); err != nil {
			return err
		}
		st.versions[k] = v
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("warehouse: read versions: %w", err)
	}
	err = scanRows(ctx, db, stmt("state_prior_values"), []any{priorMeasures()}, func(rows *sql.Rows) error {
		var (
			id                 int64
			measure, applicant string
			value              sql.NullFloat64
		)
		if err := rows.Scan(&id, &measure, &applicant, &value); err != nil {
			return err
		}
		if rs := byID[id]; rs != nil {
			var v *float64
			if value.Valid {
				v = &value.Float64
			}
			rs.prior.add(cellKey{measure, applicant}, v)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("warehouse: read figures for the rules across years: %w", err)
	}
	return st, nil
}

// scanRows runs query and calls fn for every row.
func scanRows(ctx context.Context, db *sql.DB, query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
