package web

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"gongkai"
	"gongkai/ingest/doc"
	"gongkai/ingest/labels"
)

// Some pages publish their whole body — narrative and tables — on one line,
// labels and figures run together ("…一、本年新收政府信息公开申请数量150 000015
// 二、上年结转…"). The reader works line by line, so such a line is cut first
// at the labels the formats know, wherever they stand inside it; every piece
// keeps the line number of the line it came from.

// longLine is the length, in bytes, from which a line is searched for labels
// inside it: a table row or a sentence is shorter, a page on one line longer.
const longLine = 600

// cutAnchor is a label to cut a long line before.
type cutAnchor struct {
	text    string
	always  bool // cut wherever it stands; else only before figures of a table row
	heading bool // a section heading: cut after it too, so that it stands alone
}

// cutAnchors returns the labels of every format by their first rune, longest
// first. Labels of six runes or more, or that start with an enumeration
// ("（三）", "2.", "四、"), name table rows, titles and headers and are cut
// wherever they stand; shorter ones ("行政许可", "总计") also occur in
// sentences and are cut only where figures without a unit follow them.
var cutAnchors = sync.OnceValue(func() map[rune][]cutAnchor {
	seen := map[string]bool{}
	byRune := map[rune][]cutAnchor{}
	add := func(l string, heading bool) {
		l = strings.TrimSpace(l)
		for _, v := range []string{l, strings.NewReplacer("（", "(", "）", ")").Replace(l)} {
			if utf8.RuneCountInString(v) < 2 || seen[v] {
				continue
			}
			seen[v] = true
			r, _ := utf8.DecodeRuneInString(v)
			long := utf8.RuneCountInString(v) >= 6 || labels.StripEnum(labels.Normalize(v)) != labels.Normalize(v)
			byRune[r] = append(byRune[r], cutAnchor{text: v, always: long, heading: heading})
		}
	}
	for _, f := range gongkai.Formats() {
		for _, t := range f.Tables {
			add(t.Numeral+"、"+t.Title, false)
			add(t.Title, false)
			for _, a := range t.Aliases {
				add(a, false)
			}
			for _, b := range t.Blocks {
				add(b.Title, false)
				add(b.Corner, false)
				for _, c := range b.Columns {
					add(c.Label, false)
					for _, a := range c.Aliases {
						add(a, false)
					}
				}
				for _, r := range b.Rows {
					add(r.Label, false)
					for _, a := range r.Aliases {
						add(a, false)
					}
				}
			}
		}
	}
	for title, n := range labels.BareTitles {
		add(n+"、"+title, true)
	}
	for _, as := range byRune {
		slices.SortFunc(as, func(a, b cutAnchor) int { return len(b.text) - len(a.text) })
	}
	return byRune
})

// cutLongLines returns the lines with every long line cut into pieces at the
// labels inside it and after each sentence; short lines are returned as they
// are, and so is the slice when no line is long.
func cutLongLines(lines []doc.Line) []doc.Line {
	long := false
	for _, l := range lines {
		long = long || len(l.Text) >= longLine
	}
	if !long {
		return lines
	}
	out := make([]doc.Line, 0, len(lines)+64)
	for _, l := range lines {
		if len(l.Text) < longLine {
			out = append(out, l)
			continue
		}
		for _, p := range cutLine(l.Text) {
			out = append(out, doc.Line{N: l.N, Text: p, Page: l.Page})
		}
	}
	return out
}

// cutLine cuts one long line before the labels inside it and after every
// full stop.
func cutLine(s string) []string {
	anchors := cutAnchors()
	var out []string
	start := 0
	cut := func(at int) {
		if p := strings.TrimSpace(s[start:at]); p != "" {
			out = append(out, p)
		}
		start = at
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '。' {
			cut(i + size)
			i += size
			continue
		}
		if i > 0 && s[i-1] >= '0' && s[i-1] <= '9' && strings.HasPrefix(s[i+size:], "、") && strings.ContainsRune("一二三四五六七八九十", r) {
			// A numbered heading or row right after a row's figures
			// ("…2000002四、…"), whatever words follow.
			cut(i)
		}
		var matched *cutAnchor
		for k, a := range anchors[r] {
			if strings.HasPrefix(s[i:], a.text) && (a.always || figuresFollow(s[i+len(a.text):])) {
				matched = &anchors[r][k]
				break
			}
		}
		if matched == nil {
			i += size
			continue
		}
		cut(i)
		i += len(matched.text)
		if matched.heading {
			cut(i)
		}
	}
	cut(len(s))
	return out
}

// figuresFollow reports whether s starts with figures of a table row: digits,
// perhaps after spaces, that no unit follows ("3960181行政处罚…", not
// "120件，").
func figuresFollow(s string) bool {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	j := i
	for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ' ' || s[j] == '.') {
		j++
	}
	if j == i {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	return !strings.ContainsRune("件条项个次人元万%％年月日号份起宗", r)
}
