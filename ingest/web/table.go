package web

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"gongkai"
	"gongkai/ingest/doc"
	"gongkai/ingest/labels"
)

// rowAcc is a row of a table as met in page text: the template row its label
// names (row < 0 when the label is unknown) and the figures that follow it.
type rowAcc struct {
	table string
	block int
	row   int
	group bool
	label *tcell
	vals  []tcell
	// heads are the header cells of the sub-table the row stands in: those
	// met right before it, or before the first row of its block.
	heads []*tcell
}

// textTables is the result of reading the tables out of page text.
type textTables struct {
	format   *gongkai.Format
	rows     []*rowAcc
	consumed []bool // by line index: the line belongs to a table body
	notes    []gongkai.Finding

	pending []pendingRow // table 三 rows waiting for the rules across rows
	// trivial are the rows whose run-together digits were one per cell,
	// in the order they were placed, with the line of their first figure.
	trivial []trivialRow
	// placedNotes are the notes placing a row added (indices into notes),
	// by row: a row the page gives twice with different figures is blank,
	// and what its first reading said must not stay behind.
	placedNotes map[rowKey][]int
	// dups are the rows the page gives with different figures, each with
	// its readings and its duplicate_row note (an index into notes).
	dups map[rowKey]*dupRow
	// conflicted is set when a row of table 三 is blank because the page
	// gives it twice with different figures: its figures are unknown, not
	// 0, so the rules across rows cannot choose between readings.
	conflicted bool
	// openers is set when the page opens its rows with a pipe alone on its
	// line (see tcell.opener): one stands after a label or heading, where
	// it can be no row's last cell.
	openers bool
	// yuan are the columns in 万元 whose header the page states in 元:
	// their figures are left blank with a finding, not read 10,000 times
	// too large.
	yuan map[blockCol]yuanHead
	// fewWhy says, by row, why a row of one figure has no cell for it in
	// this format: its sub-table heads another format's column
	// (otherFormatColumn).
	fewWhy map[rowKey]string
}

// ReadLines is the shared back end of ReadText, of HTML pages whose tables
// are not HTML tables, and of Word and PDF reports whose tables came as
// lines: it finds the tables in the lines and returns the document of kind,
// holding them as grids and the other lines as lines. It never fails: lines
// without tables make a document without grids.
func ReadLines(lines []doc.Line, kind string) *doc.Document {
	lines = cutLongLines(lines)
	toks := tokenize(lines)
	d := labels.For(pickFormat(toks, yearHint(lines)))
	tt := parseTables(toks, d, len(lines))
	out := &doc.Document{Kind: kind}
	out.Grids = tt.grids()
	// Notes of a reading dropped later (a row met again with other
	// figures) have no rule.
	out.Notes = slices.DeleteFunc(tt.notes, func(f gongkai.Finding) bool { return f.Rule == "" })
	// A line the tables consumed but put in no grid ("我局历年累计主动公开信息
	// 210条,其中2018年度55条." under "二、主动公开政府信息情况", a real
	// 2018 county bureau's page, its full stop in ASCII) stays a line: lost,
	// its figures would be blank with no finding.
	inGrid := map[int]bool{}
	for _, g := range out.Grids {
		for _, row := range g.Rows {
			for _, c := range row {
				inGrid[c.Line] = true
			}
		}
	}
	sign := signature(lines)
	for i, l := range lines {
		// A line read as a table's header that states a unit of money
		// ("单位：元" over the table) stays a line too: Extract holds the
		// table's figures to it. So does the closing signature, the organ's
		// name over a date: a table still open at the report's end took
		// them for its labels, and the county a town's signature names
		// ("<县><镇>人民政府", a real 2018 town's page) was lost to the
		// reading of the agency.
		if t := strings.TrimSpace(l.Text); t != "" && (!tt.consumed[i] || !inGrid[l.N] && (prose(t) || i >= sign) || len(labels.UnitNotes(t)) > 0) {
			out.Lines = append(out.Lines, doc.Line{N: l.N, Text: t, Page: l.Page})
		}
	}
	return out
}

// signature returns the index of the first line of a report's closing
// signature, or len(lines) when it has none: the last two lines that are
// not blank, a name that ends as an organ's does (signatureEnds), short and
// with no digit or stop, over a date alone ("2018年12月31日").
func signature(lines []doc.Line) int {
	var last []int // the indexes of the last two lines that are not blank, the last first
	for i := len(lines) - 1; i >= 0 && len(last) < 2; i-- {
		if strings.TrimSpace(lines[i].Text) != "" {
			last = append(last, i)
		}
	}
	if len(last) < 2 || !dateAlone(strings.TrimSpace(lines[last[0]].Text)) {
		return len(lines)
	}
	name := strings.TrimSpace(lines[last[1]].Text)
	if utf8.RuneCountInString(name) > 30 || strings.ContainsAny(name, "0123456789０１２３４５６７８９。，,；;：:|") || !hasSuffixAny(name, signatureEnds...) {
		return len(lines)
	}
	return last[1]
}

// signatureEnds end an organ's name under its report.
var signatureEnds = []string{"人民政府", "政府", "办事处", "局", "委员会", "委", "办公室", "中心", "院", "所", "站", "厅", "署", "处", "室", "会"}

// dateAloneRE matches a line that is a date alone, in digits, its day or
// not: "2018年12月31日", "2024年1月" (many signatures give the month alone,
// as "二〇二四年一月" does in Chinese numerals; over it the signature was no
// signature, and the county it names was lost with it, left from session 35).
var dateAloneRE = regexp.MustCompile(`^[\s(（]*(?:19|20)\d\d\s*年\s*(?:0?[1-9]|1[0-2])\s*月(?:\s*\d{1,2}\s*日)?[\s)）]*$`)

// dateAlone reports whether a line is a date alone: in digits with its day
// or not (dateAloneRE), or in Chinese numerals with or without it
// ("二〇二四年一月二十日", "二〇二四年一月", labels.ChineseDate). A signature
// over the latter was no signature, and the county it names was lost with
// it (the page refused for a bare town name; left from session 34).
func dateAlone(t string) bool {
	if dateAloneRE.MatchString(t) {
		return true
	}
	_, _, _, ok := labels.ChineseDate(t)
	return ok
}

// hasSuffixAny reports whether s ends with any of the words.
func hasSuffixAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// prose reports whether a line reads as a sentence with a figure (a comma
// and a digit), not a table's label or cell: only such a line is worth
// keeping when the tables consumed it (labels kept would cost the readers
// after for nothing).
//
// A statement of none is prose too, with no comma or figure of its own:
// "2020年全年我局未收到政务信息公开申请" (a real 2020 emergency bureau's line,
// under a sub-heading the tables took for table 三's title, with no full
// stop) states the count received, 0.
func prose(t string) bool {
	return strings.ContainsAny(t, "，,") && strings.ContainsAny(t, "0123456789") ||
		strings.Contains(t, "申请") && containsAny(t, "未收到", "未接到", "未受理", "未发生", "没有收到", "没有发生", "无受理", "无收到")
}

// containsAny reports whether s holds any of the words.
func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// yearHint is the year a page's title or statistics period states, or 0:
// only to break a tie between formats that the labels cannot.
func yearHint(lines []doc.Line) int {
	for i, l := range lines {
		if i >= 40 {
			break
		}
		if _, y := labels.TitleMeta(l.Text, true); y != 0 {
			return y
		}
	}
	if p, ok := labels.StatPeriod(lines); ok {
		return p.Year
	}
	return 0
}

// pickFormat tells the format from the labels only in it. Where they cannot
// tell (a PDF's text that lost the labels only one format has), a report for
// 2020 or before is in the 2019 format, any other in the 2021 format.
func pickFormat(toks []tcell, year int) *gongkai.Format {
	prefer := gongkai.Format2021
	if year != 0 && year <= 2020 {
		prefer = gongkai.Format2019
	}
	var b strings.Builder
	for _, t := range toks {
		if !t.value && len(t.key) <= 240 {
			b.WriteString(t.key)
		}
	}
	all := b.String()
	var best *gongkai.Format
	bestN := -1
	for _, f := range gongkai.Formats() {
		n := 0
		for _, k := range labels.For(f).Detect {
			if strings.Contains(all, k) {
				n++
			}
		}
		if n > bestN || (n == bestN && f.ID == prefer) {
			best, bestN = f, n
		}
	}
	return best
}

// parseTables walks the cells once. A label the format knows opens a table,
// a header or a row; figures go to the open row. Section headings of the
// narrative and long sentences close the table.
func parseTables(toks []tcell, d *labels.Dict, lines int) *textTables {
	tt := &textTables{format: d.Format, consumed: make([]bool, lines)}
	for i := 1; i < len(toks); i++ {
		if toks[i].opener && !toks[i-1].value {
			tt.openers = true
			break
		}
	}
	state := ""        // the table being read
	var cur *rowAcc    // the open row
	lastApp := -1      // index of the last table 三 row met
	appRows := false   // a table 三 row has been met, so "其他" and "总计" are rows now
	begun := false     // the open table has rows: a sentence now ends it
	var heads []*tcell // header cells met since the last row, for their unit
	// stray is an unknown label inside table 二 or 三 that no row takes, and
	// strayVals the cells after it, which no row takes either: said in a
	// warning (strayNote) when they hold a figure, not dropped in silence.
	var stray *tcell
	var strayOf *rowAcc // the row before stray, when it has no cell of its own
	var strayVals []tcell
	flush := func() {
		if stray != nil {
			tt.strayNote(stray, strayOf, strayVals)
		}
		stray, strayOf, strayVals = nil, nil, nil
	}
	defer flush()
	for i := range toks {
		t := &toks[i]
		if t.value {
			switch {
			case cur != nil:
				cur.vals = append(cur.vals, *t)
				tt.consume(t)
				begun = true
			case stray != nil:
				strayVals = append(strayVals, *t)
			case state == "reviews" && t.opener:
				// A pipe that opens a header row of table 四 before its
				// figures begin: no cell of the table.
			case state == "reviews":
				cur = &rowAcc{table: "reviews", vals: []tcell{*t}}
				tt.rows = append(tt.rows, cur)
				tt.consume(t)
				begun = true
			}
			continue
		}
		flush()
		es := d.LookupKey(t.key)
		if len(es) == 0 && (state == "applications" || strings.HasPrefix(t.text, "四")) && reviewsTitle(leadingHeading(t.text)) {
			// Table 四's title in other words, or with a typo ("行政法复议"):
			// its figures must not fall to the table before it. The line
			// stays narrative: it is section 四's heading.
			state, cur, begun = "reviews", nil, false
			continue
		}
		if len(es) == 0 {
			if closesTable(t.text) {
				// A sentence between a table's title and its first row
				// ("具体情况见下表。") is narrative inside the table, not
				// its end; a section heading always ends it.
				if begun || state == "" || labels.SectionNumeral(t.text) != "" {
					state, cur, begun = "", nil, false
				}
				continue
			}
			if state != "" {
				// An unknown short label inside a table: a header cut short
				// ("结果", "尚未") or a row label in unusual words.
				tt.consume(t)
				heads = append(heads, t)
				if state == "applications" && appRows {
					cur = &rowAcc{table: state, row: -1, label: t}
					tt.rows = append(tt.rows, cur)
				} else if state != "reviews" {
					cur = nil
					stray = t
					if n := len(tt.rows); n > 0 && tt.rows[n-1].table == state && len(tt.rows[n-1].vals) == 0 {
						strayOf = tt.rows[n-1]
					}
				}
			}
			continue
		}
		if state == "" && genericHeader(t.key) {
			// "发布单位: | 市某局 | 主题分类: | 其他 |" (a real 2023
			// municipal bureau's page, the site's box of metadata over the
			// report): a word that is a column or a row of table 三 as much
			// as any page's word opens no table. It opened table 三, whose
			// rows then stood blank (an error of a blank template), and
			// the figures the prose states were not read.
			continue
		}
		e := pickEntry(es, state, appRows, lastApp)
		if state != "" && e.Table != state && e.Kind != "table" && utf8.RuneCountInString(t.text) <= 4 {
			// A short label of another table inside this one is a header
			// cut short ("其他" for 其他结果 in table 四), not a jump.
			tt.consume(t)
			continue
		}
		switch e.Kind {
		case "table":
			state, cur, begun = e.Table, nil, false
			heads = heads[:0]
			continue
		case "row", "group":
			if state != e.Table {
				begun = false
			}
			begun = begun || e.Kind == "row"
			state = e.Table
			cur = &rowAcc{table: e.Table, block: e.Block, row: e.Index, group: e.Kind == "group", label: t, vals: make([]tcell, 0, 7)}
			if len(heads) > 0 {
				cur.heads = slices.Clone(heads)
			} else if n := len(tt.rows); n > 0 && tt.rows[n-1].table == e.Table && tt.rows[n-1].block == e.Block {
				cur.heads = tt.rows[n-1].heads
			}
			tt.rows = append(tt.rows, cur)
			tt.noteHeads(e.Table, e.Block, heads)
			heads = heads[:0]
			if e.Table == "applications" {
				lastApp, appRows = e.Index, true
			}
		default: // a header cell
			heads = append(heads, t)
			state = e.Table
			if e.Table != "reviews" {
				cur = nil
			}
		}
		tt.consume(t)
	}
	return tt
}

// genericHeader reports whether a header cell's folded label is a word any
// page uses outside a table ("其他", "总计"): alone, before any table, it is
// no column of one.
func genericHeader(key string) bool {
	switch key {
	case "其他", "其它", "总计", "合计", "小计", "其他结果", "结果":
		return true
	}
	return false
}

// strayNote warns of the figures that follow an unknown label inside a table
// (label) and that no row takes: "其他对外管理服务事项" with no figure of its
// own, then "行政检查 | 0 | 0 | 0" and "行政确认 | 0 | 0 | 0" (a real 2019
// street office's page splits the row in two). Which row of the format such
// figures belong to, or whether they add up to the row before (of), the
// labels do not say: they stay unread, and the row before, its cells blank,
// is named. Cells without a digit (blank markers, pipes) say nothing.
func (tt *textTables) strayNote(label *tcell, of *rowAcc, vals []tcell) {
	var figures []tcell
	for _, v := range vals {
		if strings.ContainsAny(v.text, "0123456789") {
			figures = append(figures, v)
		}
	}
	if len(figures) == 0 || !hasHan(label.text) {
		return // no figure, or a page's footer ("Page 2") in the table's way
	}
	row, msg := "", fmt.Sprintf("「%s」不是表中的行，其后的数字（%s）未读取", label.text, joinTexts(figures))
	// A sub-row's label is short ("行政检查"); a long one may be a row's label
	// run together with the next header ("行政规范性文件第二十条第（五）项"),
	// its figures no sub-row's.
	if of != nil && of.row >= 0 && tt.format != nil && utf8.RuneCountInString(label.text) <= 8 {
		// The template's label, as the row's other findings name it.
		row = tt.format.Table(of.table).Blocks[of.block].Rows[of.row].Label
		msg += fmt.Sprintf("；「%s」一行没有自己的数字，可能分列在这样的子行中，按空白处理", row)
	}
	tt.note("unknown_row", gongkai.SeverityWarning, doc.LineAt(label.line), row, msg+"：请核对原表")
}

// hasHan reports whether s holds a Chinese character.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// pickEntry picks the meaning of a label from its candidates, by context:
// a table title first; in table 三, once its rows have begun, the next row in
// template order (so "其他" is 3.其他, not the column); else a header of the
// table being read; else a row of any table.
func pickEntry(es []labels.Entry, state string, appRows bool, lastApp int) labels.Entry {
	for _, e := range es {
		if e.Kind == "table" {
			return e
		}
	}
	isRow := func(e labels.Entry) bool { return e.Kind == "row" || e.Kind == "group" }
	if state == "applications" && appRows {
		best, found := labels.Entry{}, false
		for _, e := range es {
			if e.Table == "applications" && isRow(e) && e.Index > lastApp && (!found || e.Index < best.Index) {
				best, found = e, true
			}
		}
		if found {
			return best
		}
	}
	for _, e := range es {
		if e.Table == state && !isRow(e) {
			return e
		}
	}
	best, found := labels.Entry{}, false
	for _, e := range es {
		if isRow(e) && (!found || (e.Table == "applications" && e.Index > lastApp && (best.Index <= lastApp || e.Index < best.Index))) {
			best, found = e, true
		}
	}
	if found {
		return best
	}
	return es[0]
}

// reviewsTitle reports whether an unknown label is the heading of table 四
// in words the formats do not list: section 四's numeral, or review and
// litigation named together, in a heading, not a sentence.
func reviewsTitle(s string) bool {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "。") || utf8.RuneCountInString(s) > 120 {
		return false
	}
	// "复议" and "诉讼" are written alike in both scripts.
	review, suit := strings.Index(s, "复议"), strings.Index(s, "诉讼")
	if review < 0 || suit < 0 {
		return false
	}
	return strings.HasPrefix(s, "四") || strings.HasPrefix(s, "（四）") || strings.HasPrefix(s, "(四)") ||
		strings.Contains(s[:max(review, suit)], "政府信息公开") || strings.Contains(s, "情况")
}

// leadingHeading returns the heading a line starts with when the paragraph
// under it runs on in the same line (labels.LeadingHeading), else the line.
func leadingHeading(s string) string {
	if head, _, ok := labels.LeadingHeading(s); ok {
		return head
	}
	return strings.TrimSpace(s)
}

// closesTable reports whether an unknown label ends the table being read: a
// numbered section heading, or a sentence.
func closesTable(s string) bool {
	s = strings.TrimSpace(s)
	if labels.SectionNumeral(s) != "" {
		return true
	}
	return strings.Contains(s, "。") || strings.Contains(s, "；") || strings.Contains(s, ";") || utf8.RuneCountInString(s) > 60
}

// consume marks the lines of a cell as table body, not narrative.
func (tt *textTables) consume(t *tcell) {
	tt.consumed[t.idx] = true
	for i := t.idx + 1; i <= t.end; i++ {
		tt.consumed[i] = true
	}
}
