package labels

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"gongkai"
)

// StripEnum removes a leading enumeration from a folded label: "1.", "2、",
// "(三)", "三、". The web readers match labels folded by Normalize, which keeps
// enumerations so that "3.其他" and the column "其他" stay apart; the bare
// form is only a fallback for labels written without them.
func StripEnum(key string) string {
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

// cutAny cuts the first of prefixes that s starts with.
func cutAny(s string, prefixes ...string) (string, bool) {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return s[len(p):], true
		}
	}
	return s, false
}

// Entry is what a label means in a format.
type Entry struct {
	Kind  string // "table", "title", "corner", "header", "colgroup", "col", "row", "group"
	Table string // table id
	Block int    // block index in the table
	Index int    // row or column index in the block
}

// Dict maps folded labels of one format to their meanings.
type Dict struct {
	Format  *gongkai.Format
	exact   map[string][]Entry // full label or alias
	bare    map[string][]Entry // the same without a leading enumeration
	Longest int                // longest key in runes, for segmenting run-together headers
	Detect  []string           // the format's own labels (Format.Detect), folded once
}

var dictCache sync.Map // format id → *Dict; the formats are immutable

// For returns the dictionary of format f's labels, built on first use and
// shared afterwards (it is read-only, so safe for concurrent use). It never
// fails: a format without tables has an empty dictionary.
func For(f *gongkai.Format) *Dict {
	if d, ok := dictCache.Load(f.ID); ok {
		return d.(*Dict)
	}
	d := &Dict{Format: f, exact: map[string][]Entry{}, bare: map[string][]Entry{}}
	for _, l := range f.Detect {
		d.Detect = append(d.Detect, Normalize(l))
	}
	add := func(e Entry, labels ...string) {
		for _, l := range labels {
			k := Normalize(l)
			if k == "" {
				continue
			}
			if !slices.Contains(d.exact[k], e) {
				d.exact[k] = append(d.exact[k], e)
			}
			if b := StripEnum(k); b != "" && b != k && !slices.Contains(d.bare[b], e) {
				d.bare[b] = append(d.bare[b], e)
			}
			if n := utf8.RuneCountInString(k); n > d.Longest {
				d.Longest = n
			}
		}
	}
	for _, t := range f.Tables {
		add(Entry{Kind: "table", Table: t.ID}, append([]string{t.Numeral + "、" + t.Title, t.Title}, t.Aliases...)...)
		for bi, b := range t.Blocks {
			if b.Title != "" {
				add(Entry{Kind: "title", Table: t.ID, Block: bi}, b.Title)
			}
			if b.Corner != "" {
				add(Entry{Kind: "corner", Table: t.ID, Block: bi}, b.Corner, "信息内容")
			}
			if b.Header != "" {
				add(Entry{Kind: "header", Table: t.ID, Block: bi}, b.Header)
			}
			for ci, c := range b.Columns {
				add(Entry{Kind: "col", Table: t.ID, Block: bi, Index: ci}, append([]string{c.Label}, c.Aliases...)...)
				if c.Group != "" {
					add(Entry{Kind: "colgroup", Table: t.ID, Block: bi}, c.Group)
				}
				if c.Subgroup != "" {
					add(Entry{Kind: "colgroup", Table: t.ID, Block: bi}, c.Subgroup)
				}
			}
			for ri, r := range b.Rows {
				kind := "row"
				if r.Group {
					kind = "group"
				}
				add(Entry{Kind: kind, Table: t.ID, Block: bi, Index: ri}, append([]string{r.Label}, r.Aliases...)...)
			}
		}
	}
	dictCache.Store(f.ID, d)
	return d
}

// Lookup returns the meanings of a label: by its full folded form, else
// without its enumeration.
func (d *Dict) Lookup(label string) []Entry {
	return d.LookupKey(Normalize(label))
}

// LookupKey is Lookup for a label already folded. A label the format does
// not know that ends in a note in parentheses is looked up without the note
// ("规章(设区的市、自治州人民政府应提供相关数据)" is 规章): provinces print
// the template's labels with their filling instructions.
func (d *Dict) LookupKey(k string) []Entry {
	if es := d.lookup(k); len(es) > 0 {
		return es
	}
	if base := cutNote(k); base != "" {
		return d.lookup(base)
	}
	return nil
}

func (d *Dict) lookup(k string) []Entry {
	if es := d.exact[k]; len(es) > 0 {
		return es
	}
	return d.bare[StripEnum(k)]
}

// cutNote returns a folded label without the parenthesised note it ends in,
// or "" when it ends in none, the note is all there is, or the note names
// money's unit: "行政事业性收费(单位:元)" may be in 元 where the format's
// column is 万元, and read as the row it would be 10,000 times too large
// without a finding; unknown, the row is left blank with one. Parentheses
// inside the note nest.
func cutNote(k string) string {
	if !strings.HasSuffix(k, ")") {
		return ""
	}
	depth := 0
	for i := len(k) - 1; i >= 0; i-- {
		switch k[i] {
		case ')':
			depth++
		case '(':
			if depth--; depth == 0 {
				if strings.Contains(k[i:], "元") {
					return ""
				}
				return strings.TrimSpace(k[:i])
			}
		}
	}
	return ""
}

// KnownAny reports whether a folded label is a label of any format with
// tables, for the reader's work before it knows the format.
func KnownAny(key string) bool {
	for _, f := range gongkai.Formats() {
		if For(f).Known(key) {
			return true
		}
	}
	return false
}

// LongestAny is the longest label of any format, in runes.
func LongestAny() int {
	n := 0
	for _, f := range gongkai.Formats() {
		n = max(n, For(f).Longest)
	}
	return n
}

// Known reports whether a folded label is any label of the format.
func (d *Dict) Known(key string) bool {
	return len(d.LookupKey(key)) > 0
}
