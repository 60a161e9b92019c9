package warehouse

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math"
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
	ambiguous  map[string][]int64      // nameKeys two or more stored agencies fold to, their ids (nil: none)
	bySHA      map[shaKey]shaRef       // the first report loaded from each source file
	current    map[agencyYear]*reportState
	versions   map[agencyYear]int // the highest version, where it is above the current one (a version waits)
	texts      map[string]int32   // store.texts: string → id
	nextText   int32
	nextPack   int32     // the next pack file of source files
	sim        *simIndex // section fingerprints; nil until a report with sections loads
	ready      bool      // read from the file (see DB.writer)
}

// writer returns the writer's state, reading it from the file the first
// time: a server that only answers pages never holds it. At a million
// reports it is ~350 MB of Go heap, and reading it takes ~13 s and briefly
// ~3 GB (the figures the rules across years compare), which a server paid
// at every start before. The caller holds db.mu and has checked that the
// file is open read-write. Errors are the warehouse's; the state is read
// again at the next write.
func (db *DB) writer(ctx context.Context) (*state, error) {
	if !db.state.ready {
		st, err := loadState(ctx, db.db)
		if err != nil {
			return nil, err
		}
		st.ready = true
		// The pointer stays: the read-only checks read it without db.mu.
		*db.state = *st
	}
	return db.state, nil
}

type agencyState struct {
	id           int64
	regionSource string // "", "report", "derived", "admin"
	plain        string // plainKey of the name stored (store.agencies.name_key)
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

// shaRef is the report first loaded from a source file; year (in the
// padding of the struct, no larger for it) lets a load tell a file loaded
// for another agency-year from a repeat (LoadResult.Elsewhere).
type shaRef struct {
	report, agency int64
	version        int32
	year           int16
}

func (r shaRef) result() LoadResult {
	return LoadResult{ReportID: r.report, AgencyID: r.agency, Version: int(r.version)}
}

// priorCells are the figures of a report that the rules across years read,
// encoded in a few bytes each: per cell the uvarint of its number in
// priorKeys times four plus its kind (priorBlank, priorInt: a zigzag varint
// follows, priorFloat: the 8 bytes of the float follow). About twenty cells a
// report, mostly small counts: ~80 bytes instead of 16 a cell in a struct,
// a quarter of a gigabyte less at a million reports. Build with add, then
// clip.
type priorCells []byte

const (
	priorBlank = iota
	priorInt
	priorFloat
)

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
	b := []byte(*pc)
	switch {
	case v == nil:
		b = binary.AppendUvarint(b, uint64(i)<<2|priorBlank)
	case *v == math.Trunc(*v) && math.Abs(*v) < 1<<53 && !(*v == 0 && math.Signbit(*v)):
		b = binary.AppendUvarint(b, uint64(i)<<2|priorInt)
		b = binary.AppendVarint(b, int64(*v))
	default:
		b = binary.AppendUvarint(b, uint64(i)<<2|priorFloat)
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(*v))
	}
	*pc = b
}

// clip returns the cells in a slice of their exact size, for keeping.
func (pc priorCells) clip() priorCells {
	if len(pc) == 0 {
		return nil
	}
	return append(priorCells(make([]byte, 0, len(pc))), pc...)
}

// each calls fn with every cell's number in priorKeys and its figure (nil
// when blank).
func (pc priorCells) each(fn func(idx uint64, v *float64)) {
	for b := []byte(pc); len(b) > 0; {
		h, n := binary.Uvarint(b)
		b = b[n:]
		switch h & 3 {
		case priorBlank:
			fn(h>>2, nil)
		case priorInt:
			x, n := binary.Varint(b)
			b = b[n:]
			fn(h>>2, gongkai.Float(float64(x)))
		default:
			fn(h>>2, gongkai.Float(math.Float64frombits(binary.LittleEndian.Uint64(b))))
			b = b[8:]
		}
	}
}

// values returns the cells as values, the form the rules across years
// compare.
func (pc priorCells) values() map[cellKey]gongkai.Value {
	keys, _ := priorKeys()
	cells := map[cellKey]gongkai.Value{}
	pc.each(func(i uint64, v *float64) {
		k := keys[i]
		cells[k] = gongkai.Value{Measure: k.measure, Applicant: k.applicant, Number: v}
	})
	return cells
}

// get returns the figure of cell k (nil when blank) and whether the report
// states the cell (its first figure, if added twice). It reads the
// encoding itself, not through each, so that only the figure returned is
// allocated: each made one for every cell read, for every cell a rule
// across years asks, ~3 % of a demo load's writer.
func (pc priorCells) get(k cellKey) (*float64, bool) {
	_, idx := priorKeys()
	i, ok := idx[k]
	if !ok {
		return nil, false
	}
	want := uint64(i)
	for b := []byte(pc); len(b) > 0; {
		h, n := binary.Uvarint(b)
		b = b[n:]
		switch h & 3 {
		case priorBlank:
			if h>>2 == want {
				return nil, true
			}
		case priorInt:
			x, n := binary.Varint(b)
			b = b[n:]
			if h>>2 == want {
				return gongkai.Float(float64(x)), true
			}
		default:
			f := math.Float64frombits(binary.LittleEndian.Uint64(b))
			b = b[8:]
			if h>>2 == want {
				return gongkai.Float(f), true
			}
		}
	}
	return nil, false
}

// nameKey folds an agency name for matching: compatibility forms (full-width
// letters, digits and brackets) to their plain forms, no white space, and
// every traditional character the readers fold to its simplified form
// (gongkai.SimplifiedName). The readers fold a name on a page in
// traditional script as far as their table goes; a name stored before the
// table held one of its characters ("涇溪县…" before 涇 folded) keys the same
// as the name read now ("泾溪县…"), and a name typed in a cell the same as
// the name read from a title, so a re-upload is a new version of the same
// agency, not a second agency whose years count twice. Names that differ by
// a character simplified writing uses too (於 and 于) key the same: the
// loader says so (nameDiffers).
func nameKey(name string) string {
	return gongkai.SimplifiedName(plainKey(name))
}

// plainKey is nameKey without the fold of traditional characters.
func plainKey(name string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, norm.NFKC.String(name))
}

// nameDiffers reports whether two names of one key (plainKey forms) differ
// by a character simplified writing uses too (gongkai.SimplifiedToo: 於 for
// 于 …), so that they may be two organs' names, not one written two ways.
func nameDiffers(a, b string) bool {
	if a == b {
		return false
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return false
	}
	for i := range ra {
		if ra[i] != rb[i] && (gongkai.SimplifiedToo(ra[i]) || gongkai.SimplifiedToo(rb[i])) {
			return true
		}
	}
	return false
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
		texts:      map[string]int32{},
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
		a.plain = key
		// The stored key is the name's plain key (every loader wrote
		// that); its traditional characters are folded here, so that the
		// fold can grow with the readers' table and an older name matches
		// as the name is read now. It is NFKC already: only the fold runs
		// (~1.5 µs an agency less than nameKey, 0.24 s at 170k agencies). Two agencies stored under keys that fold to one were
		// stored apart (a re-upload between the readers' fold and the
		// key's): which of the two a new report belongs to, and whether they
		// are one organ, is not known here, so loads of that name are
		// refused (state.ambiguous) rather than filed under either.
		key = gongkai.SimplifiedName(key)
		st.nextAgency = max(st.nextAgency, a.id+1)
		if prev, ok := st.agencies[key]; ok {
			if st.ambiguous == nil {
				st.ambiguous = map[string][]int64{}
			}
			if len(st.ambiguous[key]) == 0 {
				st.ambiguous[key] = []int64{prev.id}
			}
			st.ambiguous[key] = append(st.ambiguous[key], a.id)
			if a.id > prev.id {
				return nil
			}
		}
		st.agencies[key] = &a
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
				st.bySHA[k] = shaRef{report: id, agency: agency, version: int32(ver), year: int16(year)}
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
	for _, rs := range byID {
		rs.prior = rs.prior.clip()
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
