package ingest

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"gongkai"
)

// stripEnum removes a leading enumeration from a folded label: "1.", "2、",
// "(三)", "三、". The web readers match labels folded by Normalize, which keeps
// enumerations so that "3.其他" and the column "其他" stay apart; the bare
// form is only a fallback for labels written without them.
func stripEnum(key string) string {
	i := 0
	for i < len(key) && i < 2 && key[i] >= '0' && key[i] <= '9' {
		i++
	}
	if i > 0 {
		if rest, ok := cutAny(key[i:], ".", "、"); ok {
			return rest
		}
		return key
	}
	rest := strings.TrimPrefix(key, "(")
	n := 0
	for n < 3 {
		r, size := utf8.DecodeRuneInString(rest)
		if !strings.ContainsRune("一二三四五六七八九十", r) {
			break
		}
		rest, n = rest[size:], n+1
	}
	if n == 0 {
		return key
	}
	if rest, ok := cutAny(rest, ")", "、", "."); ok {
		return rest
	}
	return key
}

func cutAny(s string, prefixes ...string) (string, bool) {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return s[len(p):], true
		}
	}
	return s, false
}

// entry is what a label means in a format.
type labelEntry struct {
	kind  string // "table", "title", "corner", "header", "colgroup", "col", "row", "group"
	table string // table id
	block int    // block index in the table
	index int    // row or column index in the block
}

// labelDict maps folded labels of one format to their meanings.
type labelDict struct {
	format  *gongkai.Format
	exact   map[string][]labelEntry // full label or alias
	bare    map[string][]labelEntry // the same without a leading enumeration
	longest int                     // longest key in runes, for segmenting run-together headers
	detect  []string                // the format's own labels (Format.Detect), folded once
}

var dictCache sync.Map // format id → *labelDict; the formats are immutable

func dictFor(f *gongkai.Format) *labelDict {
	if d, ok := dictCache.Load(f.ID); ok {
		return d.(*labelDict)
	}
	d := &labelDict{format: f, exact: map[string][]labelEntry{}, bare: map[string][]labelEntry{}}
	for _, l := range f.Detect {
		d.detect = append(d.detect, Normalize(l))
	}
	add := func(e labelEntry, labels ...string) {
		for _, l := range labels {
			k := Normalize(l)
			if k == "" {
				continue
			}
			if !slices.Contains(d.exact[k], e) {
				d.exact[k] = append(d.exact[k], e)
			}
			if b := stripEnum(k); b != "" && b != k && !slices.Contains(d.bare[b], e) {
				d.bare[b] = append(d.bare[b], e)
			}
			if n := utf8.RuneCountInString(k); n > d.longest {
				d.longest = n
			}
		}
	}
	for _, t := range f.Tables {
		add(labelEntry{kind: "table", table: t.ID}, append([]string{t.Numeral + "、" + t.Title, t.Title}, t.Aliases...)...)
		for bi, b := range t.Blocks {
			if b.Title != "" {
				add(labelEntry{kind: "title", table: t.ID, block: bi}, b.Title)
			}
			if b.Corner != "" {
				add(labelEntry{kind: "corner", table: t.ID, block: bi}, b.Corner, "信息内容")
			}
			if b.Header != "" {
				add(labelEntry{kind: "header", table: t.ID, block: bi}, b.Header)
			}
			for ci, c := range b.Columns {
				add(labelEntry{kind: "col", table: t.ID, block: bi, index: ci}, append([]string{c.Label}, c.Aliases...)...)
				if c.Group != "" {
					add(labelEntry{kind: "colgroup", table: t.ID, block: bi}, c.Group)
				}
				if c.Subgroup != "" {
					add(labelEntry{kind: "colgroup", table: t.ID, block: bi}, c.Subgroup)
				}
			}
			for ri, r := range b.Rows {
				kind := "row"
				if r.Group {
					kind = "group"
				}
				add(labelEntry{kind: kind, table: t.ID, block: bi, index: ri}, append([]string{r.Label}, r.Aliases...)...)
			}
		}
	}
	dictCache.Store(f.ID, d)
	return d
}

// lookup returns the meanings of a label: by its full folded form, else
// without its enumeration.
func (d *labelDict) lookup(label string) []labelEntry {
	return d.lookupKey(Normalize(label))
}

// lookupKey is lookup for a label already folded.
func (d *labelDict) lookupKey(k string) []labelEntry {
	if es := d.exact[k]; len(es) > 0 {
		return es
	}
	return d.bare[stripEnum(k)]
}

// knownAny reports whether a folded label is a label of any format with
// tables, for the reader's work before it knows the format.
func knownAny(key string) bool {
	for _, f := range gongkai.Formats() {
		if dictFor(f).known(key) {
			return true
		}
	}
	return false
}

// longestLabel is the longest label of any format, in runes.
func longestLabel() int {
	n := 0
	for _, f := range gongkai.Formats() {
		n = max(n, dictFor(f).longest)
	}
	return n
}

// known reports whether a folded label is any label of the format.
func (d *labelDict) known(key string) bool {
	return len(d.exact[key]) > 0 || len(d.bare[stripEnum(key)]) > 0
}
