package pdf

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gongkai"
	"gongkai/ingest/doc"
	"gongkai/ingest/labels"
)

// The geometry of a page, from the words up:
//
//   - a visual line is the words whose vertical centres agree, left to right;
//   - a segment is a run of words on a visual line with no wider gap between
//     them than a space: the text of one table cell, or a line of prose;
//   - a table row is the visual lines whose middle halves overlap: a figure
//     centred beside a label wrapped onto two lines overlaps both, so the
//     three lines are one row;
//   - a cell is the segments of a row that overlap horizontally, read top to
//     bottom: the two lines of a wrapped label are one cell.
//
// Rows of two or more cells are table rows and go to the one grid of the
// document, page after page, so that a table broken across pages (with its
// header repeated or not) reads as one; a row of one cell is prose and goes
// to the lines. A figure the geometry cannot place is never moved into
// another column: a cell that is blank in the PDF is blank in the grid, and
// the locator reads a row only when its figures fit the table's columns.

type seg struct {
	x0, y0, x1, y1 float64
	text           string
	words          []word
}

type vline struct {
	words  []word
	segs   []seg
	yc     float64 // centre of the first word
	h      float64 // height of the tallest word
	y0, y1 float64
}

func (l *vline) x1() float64 { return l.segs[len(l.segs)-1].x1 }

func (l *vline) band() (float64, float64) { c := (l.y0 + l.y1) / 2; return c - l.h/4, c + l.h/4 }

// build makes the document of a PDF's pages.
func build(pages []page) *doc.Document {
	d := &doc.Document{Kind: "pdf"}
	var kinds []lineKind // beside d.Lines
	n := 0
	for _, p := range pages {
		lines := visualLines(p.words)
		splitAtColumns(lines)
		rows := tableRows(lines)
		cellRows := make([][]cell, len(rows))
		for i, row := range rows {
			cellRows[i] = rowCells(row)
		}
		unsure := blanks(cellRows)
		right := 0.0
		for _, w := range p.words {
			right = max(right, w.x1)
		}
		var prev *vline // the last prose line
		for i, row := range rows {
			cells := cellRows[i]
			if counts, ok := unsure[i]; ok {
				// Its figures have no columns: the row keeps its label and
				// no figure, and a finding says why.
				label := unsureRow(d, p.n, cells, counts)
				n++
				d.Lines = append(d.Lines, doc.Line{N: n, Text: label, Page: p.n})
				kinds = append(kinds, lineKind{row: true, fig: true})
				n += len(row) - 1
				prev = nil
				continue
			}
			if len(cells) >= 2 {
				// A table row is one line of page text, its cells between
				// pipes; a cell the PDF leaves blank is "-", the blank
				// marker of page text, so that the figures after it keep
				// their columns.
				parts := make([]string, len(cells))
				fig := false
				for i, c := range cells {
					parts[i] = c.text
					if c.text == "" {
						parts[i] = "-"
					}
					fig = fig || c.fig
				}
				n++
				d.Lines = append(d.Lines, doc.Line{N: n, Text: strings.Join(parts, " | "), Page: p.n})
				kinds = append(kinds, lineKind{row: true, fig: fig})
				n += len(row) - 1
				prev = nil
				continue
			}
			for _, l := range row {
				n++
				// A line that ran to the right margin goes on in the next
				// one: a paragraph, or a title wrapped onto two lines. So
				// does a line that stopped short only because the next
				// line's first word, a figure or a Latin word that cannot
				// be broken, did not fit in the room left ("…行政许可" then
				// "1284件"): Chinese text breaks anywhere else. A section
				// heading ("四、政府信息公开行政复议、行政诉讼情况") never goes
				// on in a line that starts with a figure or a Latin word
				// ("2020年，我局未被申请行政复议…"): that is the paragraph under
				// it, which a heading as long as the lines, or the boxes
				// Chromium gives CJK glyphs (twice as tall as the text, so
				// that 1.5 heights are four characters), made look like its
				// second line; glued to it, the heading is no heading, and
				// table 四 after it was not read.
				if k := len(d.Lines) - 1; k >= 0 && prev != nil && d.Lines[k].Page == p.n &&
					(prev.x1() >= right-1.5*prev.h || right-prev.x1() < unbreakable(l)) &&
					l.yc-prev.yc <= 1.8*max(prev.h, l.h) &&
					(!startsLatin(l) || labels.SectionNumeral(d.Lines[k].Text) == "") {
					d.Lines[k].Text = joinText(d.Lines[k].Text, joinSegs(l.segs), true)
				} else {
					d.Lines = append(d.Lines, doc.Line{N: n, Text: joinSegs(l.segs), Page: p.n})
					kinds = append(kinds, lineKind{})
				}
				prev = l
			}
			continue
		}
	}
	dropRepeatedHeaders(d, kinds)
	return d
}

// unsureRow adds the finding for a row of page n whose figures could not be
// given their columns, and returns the row's text without its figures: its
// label cells, between pipes.
func unsureRow(d *doc.Document, n int, cells []cell, counts [2]int) string {
	var label, figs []string
	for _, c := range cells {
		switch {
		case c.fig:
			figs = append(figs, c.text)
		case c.text != "":
			label = append(label, c.text)
		}
	}
	name := strings.Join(label, "")
	if name == "" {
		name = "（无行标签）"
	}
	d.Notes = append(d.Notes, gongkai.Finding{
		Rule: "columns_unclear", Severity: gongkai.SeverityError, At: "第" + strconv.Itoa(n) + "页", RowLabel: name,
		Message: fmt.Sprintf("第%d页「%s」的数字（%s）对不上表格的列：同页其他行在这些数字之前或之间显示的列数不一致"+
			"（有的%d列，有的%d列），无法分辨每个数字属于哪一列，未填入，请核对原文", n, name, strings.Join(figs, " "), counts[0], counts[1]),
	})
	return strings.Join(label, " | ")
}

// startsLatin reports whether a line starts with a digit or a Latin letter.
func startsLatin(l *vline) bool {
	r, _ := utf8.DecodeRuneInString(l.words[0].text)
	return latin(r)
}

// unbreakable returns the width of a line's first word when a producer
// could not have broken it across lines (digits or Latin letters, no
// Chinese: pdftotext ends a word where the script changes), and 0
// otherwise.
func unbreakable(l *vline) float64 {
	w := l.words[0]
	if !startsLatin(l) {
		return 0
	}
	for _, r := range w.text {
		if r >= 0x2E80 {
			return 0
		}
	}
	return w.x1 - w.x0
}

// lineKind tells what a line of the document is: a table row (two cells or
// more), and one with a figure in it.
type lineKind struct{ row, fig bool }

// dropRepeatedHeaders removes the header rows a page repeats at its top for
// a table that runs on from the page before (Word's and Writer's "repeat
// heading rows", a browser's <thead>), so that the rows after them read as
// rows of the same table: the reading of page text would otherwise take a
// header line for a row ("自然人 | 总计" for "（七）总计").
//
// A page's top lines are dropped only when all of them (two or more, one a
// table row, no figure) repeat the last lines of the run of lines without
// figures above the most recent table's first row of figures, and that run
// had more lines (the table's title, at least). None of them may look like a
// title ("三、…", "表三", a year): a header repeated by the producer never
// holds the title, while a second table that opens a page, even a copy of
// the first (last year's, say), comes with one, and merging it into the
// first would read its figures as this table's. The table must also have
// run to the foot of the page before: its last row of figures is one of
// that page's last three lines.
func dropRepeatedHeaders(d *doc.Document, kinds []lineKind) {
	for start := 0; start < len(d.Lines); {
		page := d.Lines[start].Page
		end := start
		for end < len(d.Lines) && d.Lines[end].Page == page {
			end++
		}
		top := start // the lines above the page's first row of figures
		for top < end && !kinds[top].fig {
			top++
		}
		if start > 0 && d.Lines[start-1].Page == page-1 && top < end && top-start >= 2 &&
			slices.ContainsFunc(kinds[start:top], func(k lineKind) bool { return k.row }) &&
			!slices.ContainsFunc(d.Lines[start:top], func(l doc.Line) bool { return titleRE.MatchString(l.Text) }) &&
			lastFigureNearEnd(kinds[:start], 3) {
			if h := lastHeader(d.Lines[:start], kinds[:start]); len(h) > top-start &&
				sameTexts(h[len(h)-(top-start):], d.Lines[start:top]) {
				d.Lines = slices.Delete(d.Lines, start, top)
				kinds = slices.Delete(kinds, start, top)
				end -= top - start
			}
		}
		start = end
	}
}

// titleRE matches a line that may be a title: a section heading ("三、"), a
// table's name ("表三") or a year.
var titleRE = regexp.MustCompile(`^[一二三四五六七八九十]+、|表[一二三四五六七八九十]|(19|20)[0-9]{2}年`)

// lastFigureNearEnd reports whether one of the last n lines has figures.
func lastFigureNearEnd(kinds []lineKind, n int) bool {
	for i := len(kinds) - 1; i >= 0 && i >= len(kinds)-n; i-- {
		if kinds[i].fig {
			return true
		}
	}
	return false
}

// lastHeader returns the most recent run of two or more lines without
// figures, one a table row, that stands right above a row of figures on the
// same page: the title and header of the table that row opens.
func lastHeader(lines []doc.Line, kinds []lineKind) []doc.Line {
	for f := len(lines) - 1; f > 0; f-- {
		if !kinds[f].fig || kinds[f-1].fig || lines[f-1].Page != lines[f].Page {
			continue
		}
		s, row := f, false
		for s > 0 && !kinds[s-1].fig && lines[s-1].Page == lines[f].Page {
			s--
			row = row || kinds[s].row
		}
		if f-s >= 2 && row {
			return lines[s:f]
		}
	}
	return nil
}

func sameTexts(a, b []doc.Line) bool {
	return slices.EqualFunc(a, b, func(x, y doc.Line) bool { return x.Text == y.Text })
}

// visualLines groups a page's words into lines, top to bottom, and each
// line's words into segments.
func visualLines(ws []word) []*vline {
	ws = slices.Clone(ws)
	if len(ws) == 0 {
		return nil
	}
	// Words share a line when their centres agree within a quarter of the
	// page's median word height: browsers give Chinese glyphs boxes twice
	// the height of the text, so a line's own height would take in the
	// fragments of a label centred beside it.
	hs := make([]float64, len(ws))
	for i, w := range ws {
		hs[i] = w.h()
	}
	slices.Sort(hs)
	tol := max(0.5, hs[len(hs)/2]/4)
	slices.SortStableFunc(ws, func(a, b word) int { return cmpFloat(a.yc(), b.yc()) })
	var lines []*vline
	for _, w := range ws {
		if k := len(lines) - 1; k >= 0 {
			l := lines[k]
			if abs(w.yc()-l.yc) <= tol {
				l.words = append(l.words, w)
				l.h, l.y0, l.y1 = max(l.h, w.h()), min(l.y0, w.y0), max(l.y1, w.y1)
				continue
			}
		}
		lines = append(lines, &vline{words: []word{w}, yc: w.yc(), h: w.h(), y0: w.y0, y1: w.y1})
	}
	for _, l := range lines {
		slices.SortFunc(l.words, func(a, b word) int { return cmpFloat(a.x0, b.x0) })
		var cur *seg
		minH := l.h
		for _, w := range l.words {
			minH = min(minH, w.h())
		}
		gap := max(2, 0.35*minH)
		for _, w := range l.words {
			if cur != nil && w.x0-cur.x1 <= gap && !cellGap(cur.words[len(cur.words)-1], w) {
				cur.text = joinText(cur.text, w.text, w.x0-cur.x1 > 0.1*minH)
				cur.x1, cur.y0, cur.y1 = max(cur.x1, w.x1), min(cur.y0, w.y0), max(cur.y1, w.y1)
				cur.words = append(cur.words, w)
				continue
			}
			l.segs = append(l.segs, seg{w.x0, w.y0, w.x1, w.y1, w.text, []word{w}})
			cur = &l.segs[len(l.segs)-1]
		}
	}
	return lines
}

// cellGap reports whether the gap between two words of Chinese text on a
// line is a cell's border rather than a space: more than 0.35 em, the em
// taken from the characters' width, not from their boxes, which Writer makes
// a third taller and Chromium two or three times. Chinese has no spaces
// between words, so pdftotext ends a word inside Chinese text only at a gap;
// a narrow column's wrapped label ("三、本") stands that close to the label
// of the next column ("（一）予以公开"), and joined they match no row.
func cellGap(a, b word) bool {
	ra, _ := utf8.DecodeLastRuneInString(a.text)
	rb, _ := utf8.DecodeRuneInString(b.text)
	if ra < 0x2E80 || rb < 0x2E80 {
		return false
	}
	e := min(em(segOf([]word{a})), em(segOf([]word{b})))
	return b.x0-a.x1 > max(2, 0.35*e)
}

// splitAtColumns splits a segment before a figure that stands where the
// page's figure columns are, when the gap before it was too narrow to tell
// ("行政规范性文件2", a label filling its cell). A column is where two or
// more lines have a figure segment of their own starting, or centred, at the
// same x.
func splitAtColumns(lines []*vline) {
	var starts, centres []float64
	for _, l := range lines {
		for k, sg := range l.segs {
			if k > 0 && isFigure(sg.text) {
				starts = append(starts, sg.x0)
				centres = append(centres, (sg.x0+sg.x1)/2)
			}
		}
	}
	column := func(w word) bool {
		return support(starts, w.x0) >= 2 || support(centres, (w.x0+w.x1)/2) >= 2
	}
	for _, l := range lines {
		var out []seg
		for _, sg := range l.segs {
			cut := -1
			for k := len(sg.words) - 1; k > 0; k-- {
				if isFigure(sg.words[k].text) && !isFigure(sg.words[k-1].text) && column(sg.words[k]) {
					cut = k
					break
				}
			}
			if cut < 0 {
				out = append(out, sg)
				continue
			}
			out = append(out, segOf(sg.words[:cut]), segOf(sg.words[cut:]))
		}
		l.segs = out
	}
}

// support counts the values within a point of x.
func support(xs []float64, x float64) int {
	n := 0
	for _, v := range xs {
		if abs(v-x) <= 1 {
			n++
		}
	}
	return n
}

func segOf(ws []word) seg {
	sg := seg{x0: ws[0].x0, y0: ws[0].y0, x1: ws[0].x1, y1: ws[0].y1, text: ws[0].text, words: ws}
	for _, w := range ws[1:] {
		sg.text = joinText(sg.text, w.text, w.x0-sg.x1 > 0.1*w.h())
		sg.x1, sg.y0, sg.y1 = max(sg.x1, w.x1), min(sg.y0, w.y0), max(sg.y1, w.y1)
	}
	return sg
}

// tableRows makes the rows of a page: a line with figures is a table row,
// and a line without figures next to it joins it when it stands in the
// label area (left of the first figure) within a line's pitch of it (a
// quarter more, for baselines that differ): the
// other lines of a label wrapped onto two or three lines, whether the figures
// sit on the first line (top-aligned cells) or between (centred cells). Any
// other line is a row of its own.
func tableRows(lines []*vline) [][]*vline {
	// The pitch of text is the least distance between two lines that start
	// at the same x (a paragraph, or a label wrapped in its cell); lines of
	// other cells may stand in between.
	pitch := 0.0
	for i := range lines {
		for j := i + 1; j < min(len(lines), i+5); j++ {
			a, b := lines[i], lines[j]
			d := b.yc - a.yc
			if abs(a.segs[0].x0-b.segs[0].x0) <= 1 && d > 0.6*min(a.h, b.h) && (pitch == 0 || d < pitch) {
				pitch = d
			}
		}
	}
	owner := make([]int, len(lines)) // the figure line a line joins, or itself
	firstFig := make([]float64, len(lines))
	for i, l := range lines {
		owner[i] = i
		firstFig[i] = -1
		for _, sg := range l.segs {
			if isFigure(sg.text) {
				firstFig[i] = sg.x0
				break
			}
		}
	}
	// The right edge of the text of each column: the widest line starting
	// at the same x.
	full := func(sg seg) bool {
		right := sg.x1
		for _, l := range lines {
			for _, o := range l.segs {
				if abs(o.x0-sg.x0) <= 2 {
					right = max(right, o.x1)
				}
			}
		}
		return sg.x1 >= right-2.5*em(sg)
	}
	// A line goes on a label of the figure line when each of its segments
	// stands under or over a label segment, aligned left or centred with it.
	// A figure line with no label of its own (figures centred beside a
	// label wrapped above and below them) takes the lines left of its
	// figures.
	inLabelArea := func(i, f int) bool {
		l := lines[i]
		if len(lines[f].segs) > 0 && isFigure(lines[f].segs[0].text) {
			for _, sg := range l.segs {
				if isFigure(sg.text) || sg.x1 > firstFig[f]+0.5 {
					return false
				}
			}
			return true
		}
		for _, sg := range l.segs {
			ok := false
			if !isFigure(sg.text) && sg.x1 <= firstFig[f]+0.5 && !labelOver(lines[f], firstFig[f], sg) {
				// The figure line has no label in this column: the
				// figures are centred beside a label wrapped above and
				// below them, and the figure line holds only a piece of
				// the label of the column before ("（五）" of "（五）不予处
				// 理"). The line above the figures joins when it runs to
				// the right of its column; a line below them when the line
				// over it in the column joined this row and ran full.
				if l.yc < lines[f].yc {
					ok = full(sg)
				} else {
					for u := i - 1; u >= 0 && !ok; u-- {
						if owner[u] != f || u == f {
							continue
						}
						for _, us := range lines[u].segs {
							if abs(us.x0-sg.x0) <= 2 && full(us) {
								ok = true
							}
						}
					}
				}
			}
			for _, fs := range lines[f].segs {
				if fs.x0 >= firstFig[f] || isFigure(fs.text) {
					break
				}
				// The upper of the two lines must run to the right of its
				// column: a short label ("行政强制") did not wrap, and the
				// line under it is the next row ("第二十条第（八）项").
				upper := fs
				if l.yc < lines[f].yc {
					upper = sg
				}
				if (abs(sg.x0-fs.x0) <= 2 || abs((sg.x0+sg.x1)/2-(fs.x0+fs.x1)/2) <= 2) && full(upper) {
					ok = true
				}
			}
			if isFigure(sg.text) || !ok {
				return false
			}
		}
		return true
	}
	for i, l := range lines {
		if firstFig[i] >= 0 {
			continue
		}
		best, dist := -1, 1.25*pitch
		for _, j := range []int{i - 1, i + 1, i - 2, i + 2} {
			if j < 0 || j >= len(lines) || firstFig[j] < 0 {
				continue
			}
			// A line two away joins only across a line that joins too.
			if j == i-2 && firstFig[i-1] >= 0 || j == i+2 && firstFig[i+1] >= 0 {
				continue
			}
			if d := rowDist(lines[j], firstFig[j], l); d <= dist && inLabelArea(i, j) {
				best, dist = j, d
			}
		}
		if best >= 0 {
			owner[i] = best
		}
	}
	var rows [][]*vline
	index := map[int]int{} // figure line → its row
	for i, l := range lines {
		o := owner[i]
		if k, ok := index[o]; ok {
			rows[k] = append(rows[k], l)
			continue
		}
		index[o] = len(rows)
		rows = append(rows, []*vline{l})
	}
	return rows
}

// rowDist is how far a line stands from a figure line it may join: from
// the figure line's centre (its first word's) or from its label segment in
// the column of the line's first segment, whichever is nearer. Figures set
// in the middle of a cell sit a point or two off the label line beside
// them, which made a label's last line ("已获取信息") nearer to the next
// row's figures than to its own row's label line.
func rowDist(f *vline, firstFig float64, l *vline) float64 {
	d := abs(f.yc - l.yc)
	sg := l.segs[0]
	for _, fs := range f.segs {
		if fs.x0 >= firstFig || isFigure(fs.text) {
			break
		}
		if fs.x0 < sg.x1 && sg.x0 < fs.x1 {
			d = min(d, abs((fs.y0+fs.y1)/2-l.yc))
		}
	}
	return d
}

// labelOver reports whether a figure line has a label segment (left of its
// first figure) over any part of sg's width.
func labelOver(f *vline, firstFig float64, sg seg) bool {
	for _, fs := range f.segs {
		if fs.x0 >= firstFig || isFigure(fs.text) {
			break
		}
		if fs.x0 < sg.x1 && sg.x0 < fs.x1 {
			return true
		}
	}
	return false
}

// rowCells returns the text of a row's cells, left to right: segments that
// overlap horizontally are one cell, read top to bottom.
func rowCells(row []*vline) []cell {
	var segs []seg
	for _, l := range row {
		segs = append(segs, l.segs...)
	}
	slices.SortStableFunc(segs, func(a, b seg) int { return cmpFloat(a.x0, b.x0) })
	var groups [][]seg
	var right float64
	for _, s := range segs {
		if k := len(groups) - 1; k >= 0 && s.x0 < right-0.5 {
			groups[k] = append(groups[k], s)
			right = max(right, s.x1)
			continue
		}
		groups = append(groups, []seg{s})
		right = s.x1
	}
	out := make([]cell, len(groups))
	for i, g := range groups {
		slices.SortStableFunc(g, func(a, b seg) int {
			if c := cmpFloat(a.y0, b.y0); abs(a.y0-b.y0) > 0.5 && c != 0 {
				return c
			}
			return cmpFloat(a.x0, b.x0)
		})
		text := ""
		for _, s := range g {
			text = joinText(text, s.text, true)
		}
		x0, x1 := g[0].x0, g[0].x1
		for _, s := range g {
			x0, x1 = min(x0, s.x0), max(x1, s.x1)
		}
		out[i] = cell{text: text, x0: x0, x1: x1, fig: isFigure(text)}
	}
	return out
}

// em estimates the font size of a segment's text: the height of its box,
// or its width over its characters (a Chinese character one em wide, any
// other half) where that is less, since Chromium and Writer give CJK glyphs
// boxes two or three times the height of the text.
func em(sg seg) float64 {
	n := 0.0
	for _, r := range sg.text {
		if r >= 0x2E80 {
			n++
		} else {
			n += 0.5
		}
	}
	h := sg.y1 - sg.y0
	if n == 0 {
		return h
	}
	return min(h, (sg.x1-sg.x0)/n)
}

// cell is one cell of a row as the geometry found it.
type cell struct {
	text   string
	x0, x1 float64
	fig    bool
}

func (c cell) xc() float64 { return (c.x0 + c.x1) / 2 }

// blanks puts a blank cell where a row skips a figure column between two of
// its figures: "规章 0 _ 0" beside "行政规范性文件 2 1 15". A column counts
// only when another row of the page has figures in it and in the columns of
// both figures around the gap, so that a gap is never guessed from columns
// of another table.
//
// Every other row with figures around the gap must show the same number of
// columns there. Where they disagree (one shows one column between the two
// figures, another two: two tables on a page whose columns line up only in
// part, or a table whose rows split its width differently), any reading
// would be a guess: the row is left as it is, and blanks returns it, by its
// index, with two of the numbers of columns the other rows showed, so that
// build leaves its figures blank with a finding.
//
// A row shows fewer columns than it has while its own blank cells have not
// been found, so the rows are read twice: the first time each row takes the
// most columns any other row shows (rows found before count with their
// blanks), and the second time the rows, each with the blanks of the first,
// must agree.
func blanks(rows [][]cell) map[int][2]int {
	orig := slices.Clone(rows)
	fillBlanks(rows, rows, false)
	first := slices.Clone(rows)
	copy(rows, orig)
	return fillBlanks(rows, first, true)
}

// fillBlanks puts the blanks into rows, taking the columns from the rows of
// ev (rows itself, as blanks go in, or a finished first reading). Strict,
// it returns the rows whose columns the rows of ev disagree on, and leaves
// them as they are; otherwise the most columns shown win.
func fillBlanks(rows, ev [][]cell, strict bool) map[int][2]int {
	// Figures of a column share their centre, their left edge, or (set
	// right, as many reports set them) their right edge: "12" over "2".
	same := func(a, b cell) bool {
		return abs(a.xc()-b.xc()) <= 2 || abs(a.x0-b.x0) <= 1 || abs(a.x1-b.x1) <= 1
	}
	// cols returns the last figures of row o under c and under next.
	cols := func(o []cell, c, next cell) (a, b int) {
		a, b = -1, -1
		for m, oc := range o {
			if oc.fig && same(oc, c) {
				a = m
			}
			if oc.fig && same(oc, next) {
				b = m
			}
		}
		return a, b
	}
	// The rows with figures under two neighbouring figures and a column
	// between them, by the place of the two: the figures of a column stand
	// at the same place row after row, so each pair is looked for once
	// instead of in every row (which made this the most of the geometry's
	// time). Blanks going into the rows read change their answers, so they
	// empty the cache.
	type pair struct{ ax, a0, bx, b0 float64 }
	cache := map[pair][]int{}
	var unsure map[int][2]int
	for i, r := range rows {
		var out []cell
		ok := true
		var counts [2]int
		for k, c := range r {
			if k > 0 && c.fig && !r[k-1].fig && r[k-1].text != "" {
				lead, n, agreed := leadingBlanks(ev, i, r[k-1], c, same, strict)
				if !agreed && ok {
					ok, counts = false, n
				}
				out = append(out, lead...)
			}
			out = append(out, c)
			if !c.fig || k+1 >= len(r) || !r[k+1].fig {
				continue
			}
			next := r[k+1]
			key := pair{c.xc(), c.x0, next.xc(), next.x0}
			js, cached := cache[key]
			if !cached {
				for j, o := range ev {
					if a, b := cols(o, c, next); a >= 0 && b > a+1 {
						js = append(js, j)
					}
				}
				cache[key] = js
			}
			var shown [][]cell
			for _, j := range js {
				if j == i {
					continue
				}
				o := ev[j]
				a, b := cols(o, c, next)
				m := a + 1
				// A blank put into that row earlier stands in a column
				// too: it came from a figure of a third row.
				for m < b && (o[m].fig || o[m].text == "") {
					m++
				}
				shown = append(shown, o[a+1:m])
			}
			gap, n, agreed := agree(shown, strict)
			if !agreed && ok {
				ok, counts = false, n
			}
			out = append(out, gap...)
		}
		if !ok {
			if unsure == nil {
				unsure = map[int][2]int{}
			}
			unsure[i] = counts
			continue
		}
		if len(out) != len(r) && !strict {
			clear(cache)
		}
		rows[i] = out
	}
	return unsure
}

// leadingBlanks returns the blank cells between a row's label and its first
// figure c: the columns where another row of the same table has figures (or
// blanks found before) right of the label and left of c's column, so that
// "2.其他法律行政法规禁止公开 0", its zeros left blank but its 总计, keeps
// its 0 in the 总计 column. The other row must stand in the same block of
// rows with figures as row i, with no line of prose and no header between
// (a row without figures), so that columns of another table, or of another
// block of the same table, are never taken: table 一's "行政许可 1284",
// its figure in a cell across three columns and set right, stands under the
// last column of "行政规范性文件 3 1 27" but has no blanks. The rows must
// agree as agree says.
func leadingBlanks(rows [][]cell, i int, label, c cell, same func(a, b cell) bool, strict bool) ([]cell, [2]int, bool) {
	var shown [][]cell
	for _, step := range []int{-1, 1} {
		for j := i + step; j >= 0 && j < len(rows) && slices.ContainsFunc(rows[j], func(c cell) bool { return c.fig }); j += step {
			o := rows[j]
			b := slices.IndexFunc(o, func(oc cell) bool { return oc.fig && same(oc, c) })
			if b < 0 {
				continue
			}
			m := b
			for m > 0 && (o[m-1].fig || o[m-1].text == "") && o[m-1].x0 > label.x1 {
				m--
			}
			if b > m || strict {
				shown = append(shown, o[m:b])
			}
		}
	}
	return agree(shown, strict)
}

// agree returns blank cells in the columns other rows show in a place
// (shown: each row's cells there). Strict, every row must show as many
// columns as the others, or ok is false and counts holds two numbers that
// differ; otherwise the most columns any row shows win.
func agree(shown [][]cell, strict bool) (blank []cell, counts [2]int, ok bool) {
	var best []cell
	for _, s := range shown {
		if strict && len(s) != len(shown[0]) {
			return nil, [2]int{len(shown[0]), len(s)}, false
		}
		if len(s) > len(best) {
			best = s
		}
	}
	for _, oc := range best {
		blank = append(blank, cell{x0: oc.x0, x1: oc.x1})
	}
	return blank, counts, true
}

func joinSegs(segs []seg) string {
	var b strings.Builder
	for i, s := range segs {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s.text)
	}
	return b.String()
}

// joinText joins two pieces of text; with space, it puts a space between
// them only where both sides are Latin letters or digits, as Chinese text
// has none between characters (a line break in a wrapped cell is no space).
func joinText(a, b string, space bool) string {
	if a == "" {
		return b
	}
	if space {
		r1, _ := utf8.DecodeLastRuneInString(a)
		r2, _ := utf8.DecodeRuneInString(b)
		if latin(r1) && latin(r2) {
			return a + " " + b
		}
	}
	return a + b
}

func latin(r rune) bool { return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

var figureRE = regexp.MustCompile(`^[-+]?[0-9][0-9,]*(\.[0-9]+)?%?$`)

func isFigure(s string) bool { return figureRE.MatchString(s) }

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}
