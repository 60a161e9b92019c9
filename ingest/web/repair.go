package web

import (
	"fmt"
	"slices"
	"strings"

	"gongkai"
	"gongkai/ingest/doc"
	"gongkai/ingest/labels"
	"gongkai/ingest/value"
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
// the same width) obey the rules that bind a row. Given the first cells of
// a row only, it judges the groups they complete and accepts the rest: the
// splitter prunes a reading as soon as one of its groups fails.
type rowCheck func(vals []tcell) bool

// anyRow accepts every reading: table 二 has no rule inside a row, only the
// column count.
func anyRow([]tcell) bool { return true }

// applicantSums is R2 for table 三: in every run of seven, the 总计 column is
// the sum of the six applicant columns.
var applicantSums = groupSums(7)

// reviewSums is R3 for table 四: each 总计 is the sum of the four results.
var reviewSums = groupSums(5)

// groupSums returns the rule that, in every run of width values, the last
// is the sum of the others.
func groupSums(width int) func([]tcell) bool {
	return func(vals []tcell) bool {
		for i := 0; i+width <= len(vals); i += width {
			sum := 0.0
			for _, v := range vals[i : i+width-1] {
				sum += cellNumber(v.text)
			}
			if sum != cellNumber(vals[i+width-1].text) {
				return false
			}
		}
		return true
	}
}

// cellNumber is the number of a cell's text for the sum rules: a blank is
// 0. The splitter checks every reading it builds, so the common cells
// (blank, plain digits) are read without scanValue.
func cellNumber(text string) float64 {
	if text == "" {
		return 0
	}
	if len(text) <= 15 && plainDigits(text) {
		n := 0
		for i := 0; i < len(text); i++ {
			n = n*10 + int(text[i]-'0')
		}
		return float64(n)
	}
	return value.Scan(text).F
}

// maxCands is how many distinct readings of one row are kept for the
// second pass over the whole table; a row with more stays ambiguous.
const maxCands = 8

// rowReading is the outcome of fitting figures to n cells.
type rowReading struct {
	vals  []tcell   // the n cells; nil unless exactly one reading fits
	cands [][]tcell // the distinct readings that fit, up to maxCands
	many  bool      // more than maxCands fit, or the search was cut short
	how   string    // "", "split" (digits cut apart) or "window" (stray figures left out)
	// whole says that the readings are only those that keep every
	// figure of the row, the cells left out all empty.
	whole bool
}

// count is the number of distinct readings, maxCands+1 meaning "more".
func (rd rowReading) count() int {
	if rd.many {
		return maxCands + 1
	}
	return len(rd.cands)
}

// fitRow places figures into n cells. With exactly n figures they are the
// row. With fewer, figures made only of digits that ran together may be
// several cells: every way to cut them into n cells is tried. With more,
// every window of n consecutive figures is tried. Readings that give the
// same texts are one reading.
func fitRow(vals []tcell, n int, check rowCheck) rowReading {
	rd := rowReading{}
	switch {
	case n <= 0:
		return rd
	case len(vals) == n && !slices.ContainsFunc(vals, func(v tcell) bool { return v.fused && value.AllDigits(v.text) && !ValidPart(v.text) }):
		return rowReading{vals: vals, cands: [][]tcell{vals}}
	case len(vals) == n:
		// "00" or "07" is not one figure: the run hides more cells than
		// the row has room for.
		rd.how = "split"
	case len(vals) > n:
		rd.how = "window"
		for i := 0; i+n <= len(vals); i++ {
			if w := vals[i : i+n]; check(w) {
				rd.add(w)
			}
		}
		// A reading that leaves out figures of the row is no reading
		// when one that keeps every figure fits: the cells left out are
		// then empty ones (bare pipes), not stray figures. Only when the
		// sums leave more than one reading, so a row they single out
		// keeps its note.
		if first, last := filledSpan(vals); rd.count() > 1 && first >= 0 && last-first < n {
			kept := rowReading{how: "window", whole: true}
			for i := max(0, last-n+1); i <= first && i+n <= len(vals); i++ {
				if w := vals[i : i+n]; check(w) {
					kept.add(w)
				}
			}
			if len(kept.cands) > 0 {
				rd = kept
			}
		}
	default:
		rd.how = "split"
		vals = mergeRuns(vals)
		s := &digitSplitter{vals: vals, n: n, check: check, rd: &rd}
		s.walk(0, 0)
		if s.work > maxSplitWork {
			rd.many = true // not searched to the end: another reading may exist
		}
	}
	if rd.count() == 1 {
		rd.vals = rd.cands[0]
	}
	return rd
}

// mergeRuns joins the figures of each run (digits on one line separated
// only by spaces) into one run of digits, for a row with fewer figures than
// columns: there the spaces cannot all be cell boundaries ("150 000015" for
// seven cells, "申请数量 4750000052"), and reading them as one run of digits
// only adds readings, so a reading the rules still single out is the only one.
func mergeRuns(vals []tcell) []tcell {
	var out []tcell
	for _, v := range vals {
		if v.run == 0 {
			out = append(out, v)
			continue
		}
		if last := len(out) - 1; last >= 0 && out[last].run == v.run {
			out[last].text += v.text
			continue
		}
		v.fused = true
		out = append(out, v)
	}
	return out
}

// filledSpan is the index of the first and the last cell of vals that is
// not empty (a bare pipe; a blank marker such as "/" is not empty), or -1, -1
// when every cell is. A page printed one cell a line follows a one-column row
// with the empty cells of the table's last line ("行政事业性收费 | 0.092 |"
// then five bare "|", a real 2021 street office's), and a page whose header
// opens with empty cells leaves them before the first figure of table 四.
func filledSpan(vals []tcell) (first, last int) {
	first, last = -1, -1
	for i, v := range vals {
		if v.text != "" {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	return first, last
}

// add records a reading unless an identical one is known.
func (rd *rowReading) add(vals []tcell) {
	for _, c := range rd.cands {
		if sameTexts(c, vals) {
			return
		}
	}
	if len(rd.cands) == maxCands {
		rd.many = true
		return
	}
	rd.cands = append(rd.cands, append([]tcell(nil), vals...))
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

// digitSplitter searches the ways to cut run-together digits into n cells.
// The cells of the reading being built live in buf, so the search does not
// allocate.
type digitSplitter struct {
	vals  []tcell
	n     int
	check rowCheck
	rd    *rowReading
	buf   []tcell
	work  int
	// need[i] is the fewest cells vals[i:] fill; blanks says whether a
	// blank cell may stand anywhere (the row has digits that ran together).
	need   []int
	blanks bool
}

// maxPartDigits is the longest figure a cut may make: no count in a report
// reaches a billion.
const maxPartDigits = 9

func (s *digitSplitter) done() bool { return s.rd.many || s.work > maxSplitWork }

// walk places vals[i:] after the depth cells already in buf. In a row
// whose digits ran together, a blank cell left no trace in the text, so a
// blank may stand before any figure, between the parts of a run, or at the
// end: "100" in three cells is 1 0 0, but also 100 and two blanks. Only the
// row's rules can tell them apart; where they cannot, the row stays blank.
func (s *digitSplitter) walk(i, depth int) {
	if s.buf == nil {
		s.buf = make([]tcell, s.n)
		s.need = make([]int, len(s.vals)+1)
		for k := len(s.vals) - 1; k >= 0; k-- {
			s.need[k] = s.need[k+1] + minCells(s.vals[k])
			s.blanks = s.blanks || (s.vals[k].fused && value.AllDigits(s.vals[k].text))
		}
	}
	s.work++
	if s.done() || depth+s.need[i] > s.n || depth < s.n && !s.check(s.buf[:depth]) {
		return
	}
	if s.blanks && depth+1+s.need[i] <= s.n {
		s.buf[depth] = s.blank()
		s.walk(i, depth+1)
	}
	if i == len(s.vals) {
		if depth == s.n && s.check(s.buf) {
			s.rd.add(s.buf)
		}
		return
	}
	v := s.vals[i]
	if !v.fused || !value.AllDigits(v.text) {
		s.buf[depth] = v
		s.walk(i+1, depth+1)
		return
	}
	s.cut(i, v, v.text, depth)
}

// blank is a cell the reading leaves empty, at the row's line.
func (s *digitSplitter) blank() tcell {
	return tcell{line: s.vals[0].line, idx: s.vals[0].idx, value: true}
}

// cut tries every first part of rest and recurses on the remainder as if it
// were a cell of its own; between two parts a blank cell may stand.
func (s *digitSplitter) cut(i int, v tcell, rest string, depth int) {
	if depth+minParts(rest)+s.need[i+1] > s.n || !s.check(s.buf[:depth]) {
		return
	}
	if rest != v.text && s.blanks && depth+1+minParts(rest)+s.need[i+1] <= s.n {
		s.buf[depth] = s.blank()
		s.cut(i, v, rest, depth+1)
	}
	room := s.n - depth - s.need[i+1] // cells this figure may still take
	if room <= 0 || len(rest) > room*maxPartDigits {
		return
	}
	part := func(p string) tcell { return tcell{text: p, line: v.line, idx: v.idx, value: true} }
	if room == 1 || len(rest) == 1 {
		if ValidPart(rest) {
			s.buf[depth] = part(rest)
			s.walk(i+1, depth+1)
		}
		return
	}
	for k := 1; k <= len(rest) && !s.done(); k++ {
		if !ValidPart(rest[:k]) {
			break // a longer part would start with the same zero, or be too long
		}
		s.buf[depth] = part(rest[:k])
		if k == len(rest) {
			s.walk(i+1, depth+1)
		} else {
			s.cut(i, v, rest[k:], depth+1)
		}
		s.work++
	}
}

// minCells is the fewest cells a figure can fill: one, or for digits that
// ran together the fewest parts they can be cut into.
func minCells(v tcell) int {
	if v.fused && value.AllDigits(v.text) {
		return minParts(v.text)
	}
	return 1
}

// minParts is the fewest figures a run of digits can be cut into: a zero
// that starts a part is a part of its own (no figure is written "07"), any
// other part takes as many digits as a figure may have.
func minParts(d string) int {
	n := 0
	for i := 0; i < len(d); n++ {
		if d[i] == '0' {
			i++
			continue
		}
		i = min(i+maxPartDigits, len(d))
	}
	return n
}

// ValidPart rejects numbers written with a leading zero ("07"): published
// tables never print them, so "007" is three cells, not one.
func ValidPart(p string) bool {
	return p != "" && len(p) <= maxPartDigits && (len(p) == 1 || p[0] != '0')
}

// oneColumn returns a row's figures as the block's cells when the
// sub-table it stands in heads exactly one of the block's columns and the
// row states one figure: a 2019 table 二 whose sub-tables (五) and (六) are
// printed on the 2021 form ("信息内容 | 本年处理决定数量" over "行政许可 | 5", a
// real 2021 district bureau's page) has its one figure in that column, the
// others not on the page (blank). Any other row is returned as it is, for
// place to fit.
func oneColumn(b *gongkai.Block, r *rowAcc) []tcell {
	if len(r.vals) != 1 || len(b.Columns) < 2 || !r.vals[0].value || strings.TrimSpace(r.vals[0].text) == "" {
		return r.vals
	}
	col := -1
	for ci, c := range b.Columns {
		label := labels.Normalize(c.Label)
		for _, h := range r.heads {
			if strings.Contains(labels.Normalize(h.text), label) {
				if col >= 0 && col != ci {
					return r.vals
				}
				col = ci
			}
		}
	}
	if col < 0 {
		return r.vals
	}
	v := r.vals[0]
	out := make([]tcell, len(b.Columns))
	for ci := range out {
		out[ci] = tcell{line: v.line, idx: v.idx, value: true}
	}
	out[col] = v
	return out
}

// otherFormatColumn returns the label of a column of another format's block
// of the same row that the sub-table a row stands in heads, and that
// format's name, when the row states one figure and its sub-table heads none
// of b's own columns: "信息内容 | 本年收费金额（单位：万元）" over "行政事业性收费 |
// N" in a table 二 read as the 2019 format, whose row counts items (上一
// 年项目数量, 本年增/减) and has no amount (the shape of a real 2021 district
// bureau's page). It gives "" when no other format's column is headed.
func otherFormatColumn(f *gongkai.Format, b *gongkai.Block, r *rowAcc) (label, name string) {
	if len(r.vals) != 1 || len(r.heads) == 0 || r.row < 0 || r.row >= len(b.Rows) {
		return "", ""
	}
	measure := b.Rows[r.row].Measure
	for _, o := range gongkai.Formats() {
		t := o.Table(r.table)
		if o.ID == f.ID || t == nil {
			continue
		}
		for bi := range t.Blocks {
			ob := &t.Blocks[bi]
			if !slices.ContainsFunc(ob.Rows, func(row gongkai.Row) bool { return row.Measure == measure && !row.Group }) {
				continue
			}
			for _, c := range ob.Columns {
				for _, l := range append([]string{c.Label}, c.Aliases...) {
					l = labels.Normalize(l)
					for _, h := range r.heads {
						if strings.Contains(labels.Normalize(h.text), l) {
							return c.Label, o.Name
						}
					}
				}
			}
		}
	}
	return "", ""
}

// columnLabels joins a block's column labels, each in quotation marks.
func columnLabels(b *gongkai.Block) string {
	var out []string
	for _, c := range b.Columns {
		out = append(out, c.Label)
	}
	return strings.Join(out, "”“")
}

// placedRow holds the figures resolved for one template row: one cell per
// column, an empty text for a cell left blank.
type placedRow struct {
	label *tcell
	vals  []tcell
	line  int // the line of its first figure, where blank cells point
}

type rowKey struct {
	table        string
	block, index int
}

// pendingRow is a row of table 三 whose own total allows several readings;
// the rules across rows decide (joint).
type pendingRow struct {
	key   rowKey
	label string
	raw   string
	at    string
	rd    rowReading
}

// resolve turns the rows met in the text into figures per template row,
// adding a note for every repair and every cell left blank.
func (tt *textTables) resolve() map[rowKey]*placedRow {
	out := map[rowKey]*placedRow{}
	seen := map[rowKey]*rowAcc{}
	var reviews []tcell
	var apps []*rowAcc
	for _, r := range tt.rows {
		switch r.table {
		case "proactive":
			if r.row < 0 || r.group {
				continue
			}
			b := &tt.format.Table("proactive").Blocks[r.block]
			key := rowKey{"proactive", r.block, r.row}
			place := func() *placedRow {
				vals := oneColumn(b, r)
				// Only a row that will be blank for too few figures is
				// asked why: the look-up folds labels, and most rows of
				// one figure are digits run together, one a cell.
				if len(vals) == 1 && len(b.Columns) > 1 && digitCount(vals) < len(b.Columns) {
					if col, name := otherFormatColumn(tt.format, b, r); col != "" {
						if tt.fewWhy == nil {
							tt.fewWhy = map[rowKey]string{}
						}
						tt.fewWhy[key] = fmt.Sprintf("，其所在小表的表头是“%s”，是%s的一栏；本表按%s读取，这一行只有“%s”，没有这一栏", col, name, tt.format.Name, columnLabels(b))
					}
				}
				return tt.place(key, r.label, vals, len(b.Columns), anyRow, b.Rows[r.row].Label, false)
			}
			if first, dup := seen[key]; !dup {
				seen[key], out[key] = r, place()
			} else if tt.again(out, key, first, r, place) {
				seen[key] = r
			}
		case "applications":
			apps = append(apps, r)
		case "reviews":
			reviews = append(reviews, r.vals...)
		}
	}
	if t := tt.format.Table("reviews"); t != nil && len(reviews) > 0 {
		key := rowKey{"reviews", 0, 0}
		out[key] = tt.place(key, nil, reviews, len(t.Blocks[0].Columns), reviewSums, t.Title, false)
	}
	if len(apps) > 0 {
		tt.resolveApplications(apps, out)
		tt.joint(out)
	}
	if len(tt.trivial) > 0 {
		tt.note("run_together", gongkai.SeverityWarning, doc.LineAt(tt.trivial[0].line), "",
			fmt.Sprintf("表格中有%d行的数字之间没有分隔符；这些行的位数与列数相同，每格一位数，只有一种读法", len(tt.trivial)))
	}
	return out
}

// place fits figures to one row and notes what it did. With pending set, a
// row with a few readings waits for the rules across rows instead.
func (tt *textTables) place(key rowKey, label *tcell, vals []tcell, n int, check rowCheck, rowLabel string, pending bool) *placedRow {
	p := &placedRow{label: label}
	if len(vals) == 0 {
		return p
	}
	start := len(tt.notes)
	defer func() {
		if tt.placedNotes == nil {
			tt.placedNotes = map[rowKey][]int{}
		}
		tt.placedNotes[key] = nil
		for i := start; i < len(tt.notes); i++ {
			tt.placedNotes[key] = append(tt.placedNotes[key], i)
		}
	}()
	if last := vals[len(vals)-1]; len(vals) < n && last.trail >= n-len(vals) && last.cells == n+1 && label != nil && label.line == last.line && vals[0].line == last.line && !hasFused(vals) {
		// "| 规章 | 0 | 0 | |" under a header of four cells: the row's
		// pipes put its blank in the last column, and the row is read
		// 0, 0 and blank (before: no figure, "2 numbers of 3").
		pad := n - len(vals)
		vals = slices.Clip(vals)
		for range pad {
			vals = append(vals, tcell{line: last.line, idx: last.idx, value: true})
		}
	}
	if len(vals) == n+1 && vals[n].opener {
		// One cell too many, the last a pipe alone on its line before the
		// next row's label: it opens that row (see tcell.opener). Only the
		// last can be an opener, so there is one reading.
		vals = vals[:n]
	} else if tt.openers && n > 1 && len(vals) == n && vals[n-1].opener {
		// On a page that opens its rows with such a pipe, a row whose last
		// cell is one lacks a cell of its own: which column its figures
		// stand in cannot be told, so none is read.
		p.line = vals[0].line
		tt.note("few_figures", gongkai.SeverityError, doc.LineAt(vals[0].line), rowLabel,
			fmt.Sprintf("「%s」只有%d格（%s；应为%d格，本页每行以单独一行的“|”开头），各在哪一列无法确定，未填入，请核对原文", rowLabel, n-1, joinTexts(vals[:n-1]), n))
		return p
	}
	p.line = vals[0].line
	rd := fitRow(vals, n, check)
	at := doc.LineAt(vals[0].line)
	raw := joinTexts(vals)
	switch {
	case rd.count() == 1 && rd.how == "":
	case rd.count() == 1 && rd.how == "split" && digitCount(vals) == n:
		tt.trivial = append(tt.trivial, trivialRow{key, vals[0].line})
	case rd.count() == 1 && rd.how == "split":
		tt.note("run_together", gongkai.SeverityWarning, at, rowLabel,
			fmt.Sprintf("「%s」的数字连在一起（%s），按模板的%d列和本行合计只有一种拆法：%s", rowLabel, raw, n, joinTexts(rd.vals)))
	case rd.count() == 1 && rd.whole:
		tt.note("extra_figures", gongkai.SeverityWarning, at, rowLabel,
			fmt.Sprintf("「%s」有%d格（其中%d格是空的；应为%d格），只有一种读法把数字都留在本行：%s", rowLabel, len(vals), emptyCount(vals), n, joinTexts(rd.vals)))
	case rd.count() == 1:
		tt.note("extra_figures", gongkai.SeverityWarning, at, rowLabel,
			fmt.Sprintf("「%s」有%d个数字（应为%d个），按本行合计只有一种读法：%s", rowLabel, len(vals), n, joinTexts(rd.vals)))
	case pending && rd.count() > 1 && !rd.many:
		tt.pending = append(tt.pending, pendingRow{key: key, label: rowLabel, raw: raw, at: at, rd: rd})
	case rd.how == "split" && digitCount(vals) < n:
		// Fewer digits than columns: nothing is run together; the row
		// lacks cells (merged or left out) and which columns its figures
		// stand in cannot be told.
		if why := tt.fewWhy[key]; why != "" {
			// The row's own sub-table heads a column of another format
			// (otherFormatColumn): where its figure belongs is known, and
			// this format has no such cell.
			tt.note("few_figures", gongkai.SeverityError, at, rowLabel,
				fmt.Sprintf("「%s」只有%d个数字（%s）%s，未填入，请核对原文", rowLabel, digitCount(vals), raw, why))
			break
		}
		tt.note("few_figures", gongkai.SeverityError, at, rowLabel,
			fmt.Sprintf("「%s」只有%d个数字（%s；应为%d个），各在哪一列无法确定，未填入，请核对原文", rowLabel, digitCount(vals), raw, n))
	case rd.how == "split":
		tt.note("run_together", gongkai.SeverityError, at, rowLabel,
			fmt.Sprintf("「%s」的数字连在一起（%s），%s，未填入，请核对原文", rowLabel, raw, readingsText(rd.count(), n)))
	default:
		tt.note("extra_figures", gongkai.SeverityError, at, rowLabel,
			fmt.Sprintf("「%s」有%d个数字（应为%d个），%s，未填入，请核对原文", rowLabel, len(vals), n, readingsText(rd.count(), n)))
	}
	p.vals = rd.vals
	return p
}

// hasFused reports whether any of vals is digits run onto a label.
func hasFused(vals []tcell) bool {
	for _, v := range vals {
		if v.fused {
			return true
		}
	}
	return false
}

// emptyCount is the number of empty cells (bare pipes) among vals.
func emptyCount(vals []tcell) int {
	n := 0
	for _, v := range vals {
		if v.text == "" {
			n++
		}
	}
	return n
}

func digitCount(vals []tcell) int {
	n := 0
	for _, v := range vals {
		if v.fused && value.AllDigits(v.text) {
			n += len(v.text)
		} else {
			n++
		}
	}
	return n
}

func readingsText(count, n int) string {
	if count == 0 {
		return fmt.Sprintf("没有一种分成%d列的读法符合表内规则", n)
	}
	return fmt.Sprintf("有不止一种分成%d列的读法，表内规则无法区分", n)
}

// maxJoint bounds the combinations the second pass tries.
const maxJoint = 4096

// joint decides the rows of table 三 that their own total left open, with
// the format's per-column sum rules (（七）总计 = the outcomes; 一 + 二 = 三 + 四):
// when exactly one combination of their readings obeys every rule, it is
// placed; otherwise they stay blank.
func (tt *textTables) joint(out map[rowKey]*placedRow) {
	pend := tt.pending
	tt.pending = nil
	if len(pend) == 0 {
		return
	}
	combos := 1
	for _, p := range pend {
		combos *= len(p.rd.cands)
		if combos > maxJoint {
			break
		}
	}
	b := &tt.format.Table("applications").Blocks[0]
	var rules []gongkai.Rule
	for _, r := range tt.format.Rules {
		if r.Kind == "sum" && r.Table == "applications" && r.PerApplicant {
			rules = append(rules, r)
		}
	}
	matches := 0
	var found []int
	if combos <= maxJoint && len(rules) > 0 && !tt.conflicted {
		choice := make([]int, len(pend))
		for c := 0; c < combos && matches < 2; c++ {
			rest := c
			for i, p := range pend {
				choice[i] = rest % len(p.rd.cands)
				rest /= len(p.rd.cands)
			}
			if tt.obeys(b, rules, out, pend, choice) {
				if matches++; matches == 1 {
					found = append([]int(nil), choice...)
				}
			}
		}
	}
	if matches == 1 {
		for i, p := range pend {
			vals := p.rd.cands[found[i]]
			out[p.key].vals = vals
			tt.note("run_together", gongkai.SeverityWarning, p.at, p.label,
				fmt.Sprintf("「%s」的数字连在一起（%s），按本行合计有%d种拆法，再按表内各列的勾稽关系只有一种：%s",
					p.label, p.raw, len(p.rd.cands), joinTexts(vals)))
		}
		return
	}
	for _, p := range pend {
		tt.note("run_together", gongkai.SeverityError, p.at, p.label,
			fmt.Sprintf("「%s」的数字连在一起（%s），按本行合计有%d种拆法，表内各列的勾稽关系也不能确定唯一一种，未填入，请核对原文",
				p.label, p.raw, len(p.rd.cands)))
	}
}

// obeys reports whether table 三, with the pending rows read as choice, obeys
// every per-column sum rule. Blank and missing cells count 0.
func (tt *textTables) obeys(b *gongkai.Block, rules []gongkai.Rule, out map[rowKey]*placedRow, pend []pendingRow, choice []int) bool {
	byMeasure := map[string][]tcell{}
	for i, r := range b.Rows {
		if p := out[rowKey{"applications", 0, i}]; p != nil && r.Measure != "" {
			byMeasure[r.Measure] = p.vals
		}
	}
	for i, p := range pend {
		byMeasure[b.Rows[p.key.index].Measure] = p.rd.cands[choice[i]]
	}
	for col := range b.Columns {
		for _, r := range rules {
			side := func(ms []string) float64 {
				sum := 0.0
				for _, m := range ms {
					if vals := byMeasure[m]; col < len(vals) {
						sum += value.Scan(vals[col].text).F
					}
				}
				return sum
			}
			if side(r.LHS) != side(r.RHS) {
				return false
			}
		}
	}
	return true
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
	seen := map[rowKey]*rowAcc{}
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
		at := doc.LineAt(pool[0].line)
		if len(missing) == 0 {
			tt.note("lost_label", gongkai.SeverityWarning, at, under,
				fmt.Sprintf("「%s」下有%d个数字对应不到模板中的任何行，未采用：%s", under, len(pool), joinTexts(pool)))
			return
		}
		var labels []string
		for _, i := range missing {
			labels = append(labels, b.Rows[i].Label)
		}
		rd := rowReading{many: true}
		if len(pool) >= n*len(missing) || hasDigitRuns(pool) {
			// Fewer figures than the missing rows hold cannot say which
			// rows they belong to.
			rd = fitRow(pool, n*len(missing), applicantSums)
		}
		if rd.count() != 1 {
			tt.note("lost_label", gongkai.SeverityError, at, under,
				fmt.Sprintf("「%s」下的%d个数字缺少行标签，可能属于%s，但不止一种或没有一种读法符合模板和本行合计，未填入，请核对原文",
					under, len(pool), "「"+strings.Join(labels, "」「")+"」"))
			return
		}
		for k, i := range missing {
			out[rowKey{"applications", 0, i}] = &placedRow{vals: rd.vals[k*n : (k+1)*n], line: pool[0].line}
		}
		extra := ""
		if len(pool) != n*len(missing) {
			extra = fmt.Sprintf("（%d个数字中多出的%d个不影响读数）", len(pool), len(pool)-n*len(missing))
		}
		tt.note("lost_label", gongkai.SeverityWarning, at, labels[0],
			fmt.Sprintf("「%s」下的数字缺少行标签，按模板的行结构和本行合计归入%s%s",
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
		key := rowKey{"applications", 0, r.row}
		if first, dup := seen[key]; !dup {
			seen[key] = r
			out[key] = tt.place(key, r.label, r.vals, n, applicantSums, b.Rows[r.row].Label, true)
		} else {
			if tt.again(out, key, first, r, func() *placedRow {
				return tt.place(key, r.label, r.vals, n, applicantSums, b.Rows[r.row].Label, true)
			}) {
				seen[key] = r
			}
		}
		prev = r.row
	}
	gap(len(b.Rows))
}

// again settles a row of table 三 that the page names twice. A label met
// without figures (a header word such as 其他, cut from a heading printed one
// character per line, is also the row 3.其他) stands for nothing: the
// occurrence with figures is the row. Two occurrences with the same figures
// are one row. Two with different figures cannot both be it and neither is
// taken: the row is left blank with an error, never read from a guess, and
// what placing the first one noted (a repair of its figures, its share of
// the rows whose digits ran together) is dropped with it. A row given a
// third time with other figures again is named in the same error.
// It reports whether r is now the row.
func (tt *textTables) again(out map[rowKey]*placedRow, key rowKey, first, r *rowAcc, place func() *placedRow) bool {
	label := tt.format.Table(key.table).Blocks[key.block].Rows[key.index].Label
	switch {
	case len(r.vals) == 0 || joinTexts(first.vals) == joinTexts(r.vals):
		return false
	case len(first.vals) == 0:
		out[key] = place()
		return true
	}
	if d := tt.dups[key]; d != nil {
		if figs := joinTexts(r.vals); !slices.Contains(d.readings, figs) {
			d.readings = append(d.readings, figs)
			tt.notes[d.note].Message = duplicateMessage(label, d.readings)
		}
		return false
	}
	kept := tt.pending[:0]
	for _, p := range tt.pending {
		if p.key != key {
			kept = append(kept, p)
		}
	}
	tt.pending = kept
	for _, i := range tt.placedNotes[key] {
		tt.notes[i].Rule = "" // dropped when the notes are handed on
	}
	delete(tt.placedNotes, key)
	tt.trivial = slices.DeleteFunc(tt.trivial, func(t trivialRow) bool { return t.key == key })
	tt.conflicted = tt.conflicted || key.table == "applications"
	out[key] = &placedRow{label: first.label, line: first.vals[0].line}
	d := &dupRow{readings: []string{joinTexts(first.vals), joinTexts(r.vals)}, note: len(tt.notes)}
	if tt.dups == nil {
		tt.dups = map[rowKey]*dupRow{}
	}
	tt.dups[key] = d
	tt.note("duplicate_row", gongkai.SeverityError, doc.LineAt(r.vals[0].line), label, duplicateMessage(label, d.readings))
	return false
}

// trivialRow is a row whose run-together digits were one per cell.
type trivialRow struct {
	key  rowKey
	line int
}

// dupRow is a row the page gives with different figures: the figures of
// each reading, and the index of its duplicate_row note.
type dupRow struct {
	readings []string
	note     int
}

// duplicateMessage is the message of a duplicate_row note.
func duplicateMessage(label string, readings []string) string {
	if len(readings) == 2 {
		return fmt.Sprintf("「%s」在表格中出现两次，数字不同（%s 与 %s），无法确定哪一行是本表的数字，未填入，请核对原文",
			label, readings[0], readings[1])
	}
	return fmt.Sprintf("「%s」在表格中多次出现，数字有%d种（%s），无法确定哪一行是本表的数字，未填入，请核对原文",
		label, len(readings), strings.Join(readings, " 与 "))
}

func hasDigitRuns(vals []tcell) bool {
	for _, v := range vals {
		if len(v.text) > 1 && value.AllDigits(v.text) {
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
