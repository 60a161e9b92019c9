package ingest

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"gongkai"
)

// Page text loses structure: a row label goes missing and its figures hang
// under the group label above ("1.属于国家秘密" in the sample), a stray cell
// adds a figure, or the figures of a row run together ("行政许可3960181").
// The repairs here place figures only when exactly one reading of them fits
// the template's columns and the format's rules; otherwise the cells stay
// blank and a note says why. They never guess.

// maxSplitWork bounds the search over ways to cut run-together digits, so
// that a hostile input cannot make it slow; a search cut short counts as
// ambiguous.
const maxSplitWork = 200000

// rowCheck tells whether figures placed in a row (or in consecutive rows of
// the same width) obey the rules that bind a row.
type rowCheck func(vals []tcell) bool

// anyRow accepts every reading: table 二 has no rule inside a row, only the
// column count.
func anyRow([]tcell) bool { return true }

// applicantSums is R2 for table 三: in every run of seven, the 总计 column is
// the sum of the six applicant columns.
func applicantSums(vals []tcell) bool {
	for i := 0; i+7 <= len(vals); i += 7 {
		sum := 0.0
		for _, v := range vals[i : i+6] {
			sum += sumFigure(v.text)
		}
		if sum != sumFigure(vals[i+6].text) {
			return false
		}
	}
	return true
}

// reviewSums is R3 for table 四: each 总计 is the sum of the four results.
func reviewSums(vals []tcell) bool {
	for i := 0; i+5 <= len(vals); i += 5 {
		sum := 0.0
		for _, v := range vals[i : i+4] {
			sum += sumFigure(v.text)
		}
		if sum != sumFigure(vals[i+4].text) {
			return false
		}
	}
	return true
}

// figure is the number a cell counts as in a sum: blank markers and text
// count 0.
func sumFigure(s string) float64 {
	s = strings.TrimSpace(width.Fold.String(s))
	s = strings.TrimRight(s, "元万件条个项")
	s = strings.ReplaceAll(s, ",", "")
	s = strings.TrimPrefix(s, "增")
	if strings.HasPrefix(s, "减") {
		s = "-" + strings.TrimPrefix(s, "减")
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0
	}
	return f
}

// reading is the outcome of fitting figures to n cells.
type rowReading struct {
	vals  []tcell // the n cells; nil unless exactly one rowReading fits
	count int     // distinct readings that fitRow (2 means "two or more")
	how   string  // "", "split" (digits cut apart) or "window" (stray figures left out)
}

// fit places figures into n cells. With exactly n figures they are the row.
// With fewer, figures made only of digits may be several cells run together:
// every way to cut them into n cells is tried. With more, every window of n
// consecutive figures is tried. Readings that give the same texts are one
// reading.
func fitRow(vals []tcell, n int, check rowCheck) rowReading {
	switch {
	case n <= 0:
		return rowReading{}
	case len(vals) == n:
		return rowReading{vals: vals, count: 1}
	case len(vals) > n:
		var found []tcell
		count := 0
		for i := 0; i+n <= len(vals); i++ {
			w := vals[i : i+n]
			if !check(w) {
				continue
			}
			if count == 0 {
				found, count = w, 1
			} else if !sameTexts(found, w) {
				count = 2
				break
			}
		}
		if count != 1 {
			found = nil
		}
		return rowReading{vals: found, count: count, how: "window"}
	}
	s := &digitSplitter{vals: vals, n: n, check: check}
	s.walk(0, nil)
	if s.work > maxSplitWork && s.count == 1 {
		s.count = 2 // not searched to the end: another rowReading may exist
	}
	if s.count != 1 {
		s.found = nil
	}
	return rowReading{vals: s.found, count: s.count, how: "split"}
}

func sameTexts(a, b []tcell) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].text != b[i].text {
			return false
		}
	}
	return true
}

// splitter searches the ways to cut run-together digits into n cells.
type digitSplitter struct {
	vals  []tcell
	n     int
	check rowCheck
	found []tcell
	count int
	work  int
}

func (s *digitSplitter) walk(i int, acc []tcell) {
	s.work++
	if s.count > 1 || s.work > maxSplitWork {
		return
	}
	left := len(s.vals) - i
	if len(acc)+left > s.n {
		return
	}
	if i == len(s.vals) {
		if len(acc) != s.n || !s.check(acc) {
			return
		}
		if s.count == 0 {
			s.found, s.count = append([]tcell(nil), acc...), 1
		} else if !sameTexts(s.found, acc) {
			s.count = 2
		}
		return
	}
	v := s.vals[i]
	if !v.fused || !digitsOnly(v.text) {
		s.walk(i+1, append(acc, v))
		return
	}
	// Cut v.text into parts: the first part is a prefix, the rest recurse
	// on the remainder as if it were a token of its own.
	s.cut(i, v, v.text, acc)
}

func (s *digitSplitter) cut(i int, v tcell, rest string, acc []tcell) {
	room := s.n - len(acc) - (len(s.vals) - i - 1) // cells this tcell may still take
	if room <= 0 {
		return
	}
	if room == 1 || len(rest) == 1 {
		if validPart(rest) {
			s.walk(i+1, append(acc, tcell{text: rest, line: v.line, value: true}))
		}
		return
	}
	for k := 1; k <= len(rest); k++ {
		part := rest[:k]
		if !validPart(part) {
			break // a longer part would start with the same zero
		}
		next := append(acc, tcell{text: part, line: v.line, value: true})
		if k == len(rest) {
			s.walk(i+1, next)
		} else {
			s.cut(i, v, rest[k:], next)
		}
		if s.count > 1 || s.work > maxSplitWork {
			return
		}
		s.work++
	}
}

// validPart rejects numbers written with a leading zero ("07"): published
// tables never print them, so "007" is three cells, not one.
func validPart(p string) bool { return p != "" && (len(p) == 1 || p[0] != '0') }

// digitsOnly reports whether s is a non-empty run of ASCII digits.
func digitsOnly(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// placed holds the figures resolved for one template row: one token per
// column, an empty text for a cell left blank.
type placedRow struct {
	label *tcell
	vals  []tcell
}

type rowKey struct {
	table        string
	block, index int
}

// resolve turns the rows met in the text into figures per template row,
// adding a note for every repair and every cell left blank.
func (tt *textTables) resolve() map[rowKey]*placedRow {
	out := map[rowKey]*placedRow{}
	var reviews []tcell
	var reviewLabel *tcell
	var apps []*rowAcc
	for _, r := range tt.rows {
		switch r.table {
		case "proactive":
			if r.row < 0 || r.group {
				continue
			}
			b := &tt.format.Table("proactive").Blocks[r.block]
			row := b.Rows[r.row]
			out[rowKey{"proactive", r.block, r.row}] = tt.place(r.label, r.vals, len(b.Columns), anyRow, row.Label)
		case "applications":
			apps = append(apps, r)
		case "reviews":
			reviews = append(reviews, r.vals...)
			if reviewLabel == nil && len(r.vals) > 0 {
				reviewLabel = &r.vals[0]
			}
		}
	}
	if t := tt.format.Table("reviews"); t != nil && len(reviews) > 0 {
		out[rowKey{"reviews", 0, 0}] = tt.place(nil, reviews, len(t.Blocks[0].Columns), reviewSums, t.Title)
	}
	if len(apps) > 0 {
		tt.resolveApplications(apps, out)
	}
	return out
}

// place fits figures to one row and notes what it did.
func (tt *textTables) place(label *tcell, vals []tcell, n int, check rowCheck, rowLabel string) *placedRow {
	p := &placedRow{label: label}
	if len(vals) == 0 {
		return p
	}
	rd := fitRow(vals, n, check)
	at := "line " + strconv.Itoa(vals[0].line)
	raw := joinTexts(vals)
	switch {
	case rd.count == 1 && rd.how == "":
	case rd.count == 1 && rd.how == "split":
		tt.note("run_together", gongkai.SeverityWarning, at, rowLabel,
			fmt.Sprintf("「%s」的数字连在一起（%s），按模板的%d列和表内规则只有一种拆法：%s", rowLabel, raw, n, joinTexts(rd.vals)))
	case rd.count == 1:
		tt.note("extra_figures", gongkai.SeverityWarning, at, rowLabel,
			fmt.Sprintf("「%s」有%d个数字（应为%d个），按表内规则只有一种读法：%s", rowLabel, len(vals), n, joinTexts(rd.vals)))
	case rd.how == "split":
		tt.note("run_together", gongkai.SeverityError, at, rowLabel,
			fmt.Sprintf("「%s」的数字连在一起（%s），%s，未填入，请核对原文", rowLabel, raw, readingsText(rd.count, n)))
	default:
		tt.note("extra_figures", gongkai.SeverityError, at, rowLabel,
			fmt.Sprintf("「%s」有%d个数字（应为%d个），%s，未填入，请核对原文", rowLabel, len(vals), n, readingsText(rd.count, n)))
	}
	p.vals = rd.vals
	return p
}

func readingsText(count, n int) string {
	if count == 0 {
		return fmt.Sprintf("没有一种分成%d列的读法符合表内规则", n)
	}
	return fmt.Sprintf("有不止一种分成%d列的读法符合表内规则", n)
}

// resolveApplications places table 三. Rows whose labels were found anchor
// the rest; figures met under a group label (（三）不予公开) or an unknown label
// belong to the template rows between two anchors whose labels are missing.
func (tt *textTables) resolveApplications(apps []*rowAcc, out map[rowKey]*placedRow) {
	b := &tt.format.Table("applications").Blocks[0]
	n := len(b.Columns)
	prev := -1
	var pool []tcell
	var poolLabel *tcell
	gap := func(next int) {
		defer func() { pool, poolLabel = nil, nil }()
		if len(pool) == 0 {
			return
		}
		var missing []int
		for i := prev + 1; i < next && i < len(b.Rows); i++ {
			if !b.Rows[i].Group {
				if _, ok := out[rowKey{"applications", 0, i}]; !ok {
					missing = append(missing, i)
				}
			}
		}
		under := "表格"
		if poolLabel != nil {
			under = poolLabel.text
		}
		at := "line " + strconv.Itoa(pool[0].line)
		if len(missing) == 0 {
			tt.note("lost_label", gongkai.SeverityWarning, at, under,
				fmt.Sprintf("「%s」下有%d个数字对应不到模板中的任何行，未采用：%s", under, len(pool), joinTexts(pool)))
			return
		}
		var labels []string
		for _, i := range missing {
			labels = append(labels, b.Rows[i].Label)
		}
		rd := rowReading{}
		if len(pool) >= n*len(missing) || hasDigitRuns(pool) {
			rd = fitRow(pool, n*len(missing), applicantSums)
		} else {
			rd.count = 2 // fewer figures than the missing rows hold: which rows have them is unknown
		}
		if rd.count != 1 {
			tt.note("lost_label", gongkai.SeverityError, at, under,
				fmt.Sprintf("「%s」下的%d个数字缺少行标签，可能属于%s，但不止一种或没有一种读法符合模板和表内规则，未填入，请核对原文",
					under, len(pool), "「"+strings.Join(labels, "」「")+"」"))
			return
		}
		for k, i := range missing {
			out[rowKey{"applications", 0, i}] = &placedRow{vals: rd.vals[k*n : (k+1)*n]}
		}
		extra := ""
		if len(pool) != n*len(missing) {
			extra = fmt.Sprintf("（%d个数字中多出的%d个不影响读数）", len(pool), len(pool)-n*len(missing))
		}
		tt.note("lost_label", gongkai.SeverityWarning, at, labels[0],
			fmt.Sprintf("「%s」下的数字缺少行标签，按模板的行结构和表内规则归入%s%s",
				under, "「"+strings.Join(labels, "」「")+"」", extra))
	}
	for _, r := range apps {
		if r.row < 0 || r.group {
			pool = append(pool, r.vals...)
			if poolLabel == nil {
				poolLabel = r.label
			}
			continue
		}
		gap(r.row)
		if _, dup := out[rowKey{"applications", 0, r.row}]; !dup {
			out[rowKey{"applications", 0, r.row}] = tt.place(r.label, r.vals, n, applicantSums, b.Rows[r.row].Label)
		}
		prev = r.row
	}
	gap(len(b.Rows))
}

func hasDigitRuns(vals []tcell) bool {
	for _, v := range vals {
		if len(v.text) > 1 && digitsOnly(v.text) {
			return true
		}
	}
	return false
}

func joinTexts(vals []tcell) string {
	parts := make([]string, len(vals))
	for i, v := range vals {
		parts[i] = v.text
	}
	return strings.Join(parts, " ")
}

func (tt *textTables) note(rule, severity, at, row, msg string) {
	tt.notes = append(tt.notes, gongkai.Finding{Rule: rule, Severity: severity, At: at, RowLabel: row, Message: msg})
}
