package ingest

import (
	"strings"
	"sync"
	"unicode/utf8"

	"gongkai"
	"gongkai/ingest/labels"
)

// The locator's index: each format definition with its labels normalized
// once, and the lookups that match a cell against them.

// locFormat is one format definition prepared for matching.
type locFormat struct {
	f       *gongkai.Format
	detect  []string
	blocks  []*locBlock
	rowKeys map[string][]locRowRef // label, alias, or either without its enumeration → rows
	enums   map[string][]locRowRef // enumeration alone ("1.", "(一)") → rows
	prefix  []locPrefixKey         // keys long enough to match a truncated or extended label

	cellCount int // figure cells of all blocks: the length of location.cells
}

// cellIndex returns the index of a figure cell in location.cells.
func (lf *locFormat) cellIndex(k locKey) int {
	lb := lf.blocks[k.b]
	return lb.offset + k.r*len(lb.cols) + k.c
}

// locBlock is one block of a table: its columns and rows, normalized.
type locBlock struct {
	index      int
	table      *gongkai.Table
	block      *gongkai.Block
	title      string
	groups     []string // the group and subgroup labels over its columns
	cols       []locCol
	colNames   map[string]bool // every column label and alias, for spotting header rows
	rows       []locRow
	headerOnly bool // the block has no row labels (table 四): found from its header
	offset     int  // the index of its first cell in location.cells
}

type locCol struct {
	def             *gongkai.Column
	label           string
	aliases         []string
	group, subgroup string
}

type locRow struct {
	def        *gongkai.Row
	label      string
	parent     string
	firstChild int // for a group row, the index of its first figure row; -1 when none
}

// locRowRef is a candidate row for a label cell, with how well the cell
// matched: 3 the label itself, 2 an alias, 1 a weaker form.
type locRowRef struct {
	b       *locBlock
	ri      int
	quality int
}

type locPrefixKey struct {
	key   string
	runes int
	ref   locRowRef
}

var locFormats = sync.OnceValue(func() []*locFormat {
	var out []*locFormat
	for _, f := range gongkai.Formats() {
		out = append(out, newLocFormat(f))
	}
	return out
})

func newLocFormat(f *gongkai.Format) *locFormat {
	lf := &locFormat{f: f, rowKeys: map[string][]locRowRef{}, enums: map[string][]locRowRef{}}
	for _, d := range f.Detect {
		lf.detect = append(lf.detect, labels.Normalize(d))
	}
	for ti := range f.Tables {
		t := &f.Tables[ti]
		for bi := range t.Blocks {
			b := &t.Blocks[bi]
			lb := &locBlock{index: len(lf.blocks), table: t, block: b, title: labels.Normalize(b.Title), headerOnly: true,
				colNames: map[string]bool{}}
			for ci := range b.Columns {
				c := &b.Columns[ci]
				lc := locCol{def: c, label: labels.Normalize(c.Label), group: labels.Normalize(c.Group), subgroup: labels.Normalize(c.Subgroup)}
				for _, a := range c.Aliases {
					lc.aliases = append(lc.aliases, labels.Normalize(a))
				}
				lb.groups = appendNew(appendNew(lb.groups, lc.group), lc.subgroup)
				lb.colNames[lc.label] = true
				for _, a := range lc.aliases {
					lb.colNames[a] = true
				}
				lb.cols = append(lb.cols, lc)
			}
			for ri := range b.Rows {
				r := &b.Rows[ri]
				lr := locRow{def: r, label: labels.Normalize(r.Label), parent: labels.Normalize(r.Parent), firstChild: -1}
				if lr.label != "" {
					lb.headerOnly = false
				}
				lb.rows = append(lb.rows, lr)
			}
			for ri := range lb.rows {
				lr := &lb.rows[ri]
				if !lr.def.Group {
					continue
				}
				for rj := ri + 1; rj < len(lb.rows); rj++ {
					if lb.rows[rj].parent == lr.label && !lb.rows[rj].def.Group {
						lr.firstChild = rj
						break
					}
				}
			}
			lb.offset = lf.cellCount
			lf.cellCount += len(lb.rows) * len(lb.cols)
			lf.blocks = append(lf.blocks, lb)
		}
	}
	for _, lb := range lf.blocks {
		for ri, lr := range lb.rows {
			if lr.label == "" {
				continue
			}
			lf.addKey(lr.label, locRowRef{lb, ri, 3})
			for _, a := range lr.def.Aliases {
				lf.addKey(labels.Normalize(a), locRowRef{lb, ri, 2})
			}
		}
	}
	for _, lb := range lf.blocks {
		for ri, lr := range lb.rows {
			if lr.label == "" {
				continue
			}
			for _, k := range append([]string{lr.label}, normalizeAll(lr.def.Aliases)...) {
				enum, rest := splitEnum(k)
				if rest != "" && rest != k {
					lf.addKey(rest, locRowRef{lb, ri, 1})
				}
				if enum != "" && k == lr.label {
					lf.enums[enum] = append(lf.enums[enum], locRowRef{lb, ri, 1})
				}
				if n := utf8.RuneCountInString(k); n >= 4 {
					lf.prefix = append(lf.prefix, locPrefixKey{k, n, locRowRef{lb, ri, 1}})
				}
			}
		}
	}
	return lf
}

// addKey adds a lookup key for a row, keeping the best quality when the same
// key names the same row twice.
func (lf *locFormat) addKey(key string, ref locRowRef) {
	if key == "" {
		return
	}
	refs := lf.rowKeys[key]
	for i, r := range refs {
		if r.b == ref.b && r.ri == ref.ri {
			if ref.quality > r.quality {
				refs[i].quality = ref.quality
			}
			return
		}
	}
	lf.rowKeys[key] = append(refs, ref)
}

// lookup returns the rows a label cell may name.
func (lf *locFormat) lookup(cell string) []locRowRef {
	if refs, ok := lf.rowKeys[cell]; ok {
		return refs
	}
	enum, rest := splitEnum(cell)
	if enum != "" {
		if rest == "" {
			return lf.enums[enum]
		}
		if refs, ok := lf.rowKeys[rest]; ok {
			return refs
		}
	}
	// A truncated label ("本年新收政府信息") or one with a note after it
	// ("行政许可(件)"); only long keys, so that short words do not match prose.
	n := utf8.RuneCountInString(cell)
	if n < 4 {
		return nil
	}
	var best []locRowRef
	bestLen := 0
	for _, p := range lf.prefix {
		var ok bool
		switch {
		case n < p.runes:
			ok = n >= 5 && strings.HasPrefix(p.key, cell)
		case n > p.runes:
			ok = strings.HasPrefix(cell, p.key) && (p.runes >= 6 || cell[len(p.key)] == '(')
		}
		switch {
		case !ok || p.runes < bestLen:
		case p.runes > bestLen:
			best, bestLen = []locRowRef{p.ref}, p.runes
		default:
			best = append(best, p.ref)
		}
	}
	return best
}

// splitEnum splits a leading enumeration from a normalized label and returns
// it in one spelling per kind, so that "1.", "1、", "(1)" and "1)" all read
// "1." and "(一)" and "一、" keep theirs. It returns empty strings when the
// label has no enumeration.
func splitEnum(s string) (enum, rest string) {
	open := strings.HasPrefix(s, "(")
	k := 0
	if open {
		k = 1
	}
	i := k
	for i < len(s) && i-k < 2 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > k {
		digits := s[k:i]
		for _, sep := range []string{".", "、", ")"} {
			if strings.HasPrefix(s[i:], sep) && (sep == ")" || !open) {
				return digits + ".", s[i+len(sep):]
			}
		}
		return "", ""
	}
	for n := 0; n < 3 && i < len(s); n++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !strings.ContainsRune("一二三四五六七八九十", r) {
			break
		}
		i += size
	}
	switch {
	case i == k:
	case open && strings.HasPrefix(s[i:], ")"):
		return s[:i+1], s[i+1:]
	case !open && strings.HasPrefix(s[i:], "、"):
		return s[:i+len("、")], s[i+len("、"):]
	}
	return "", ""
}

// matchGroup returns the group or subgroup label of the block that a header
// cell names, or "".
func (b *locBlock) matchGroup(t string) string {
	for _, g := range b.groups {
		if t == g || (utf8.RuneCountInString(t) >= 2 && strings.HasPrefix(g, t)) {
			return g
		}
	}
	return ""
}

// match returns how well a header cell names the column: 3 its label, 2 an
// alias, 1 a truncated label ("结果" for "结果维持") or a label with a note
// after it, 0 not at all.
func (c *locCol) match(t string) int {
	if t == c.label {
		return 3
	}
	for _, a := range c.aliases {
		if t == a {
			return 2
		}
	}
	if utf8.RuneCountInString(t) >= 2 {
		if strings.HasPrefix(c.label, t) {
			return 1
		}
		for _, a := range c.aliases {
			if strings.HasPrefix(a, t) {
				return 1
			}
		}
	}
	if len(c.label) >= 6 && strings.HasPrefix(t, c.label+"(") {
		return 1
	}
	return 0
}
