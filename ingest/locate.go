package ingest

import (
	"slices"
	"strings"
	"unicode/utf8"

	"gongkai"
	"gongkai/ingest/labels"
	"gongkai/ingest/value"
)

// The locator finds tables 二, 三 and 四 in a document's grids by their labels.
// It knows no label itself: every label, alias, group and column comes from
// the format definitions, normalized once per format (locFormats).
//
// Rows are found by their labels wherever they stand (one sheet with all
// tables, one sheet per table, title and spacer rows in between), with the
// group rows above them as context. Columns are found from the header rows
// above a block's first row, so that any column order works; header cells
// that fit more than one column ("结果") take their columns in the official
// order within their group. Where headers do not line up with the values
// (page text), a row's values are read in the official column order after its
// label, provided their count matches.
//
// locate_index.go holds the prepared formats and label lookups,
// locate_columns.go the column mapping; this file walks the grids.

// normGrid is a grid with every cell's normalized text, and whether it
// holds a figure, worked out once.
type normGrid struct {
	g    *Grid
	norm [][]string
	fig  [][]bool
}

// normalizeGrids prepares the grids of a document. Labels repeat (merges,
// the same group in every row), so each distinct text is normalized once.
func normalizeGrids(grids []*Grid) []*normGrid {
	cache := make(map[string]string, 64) // grows for large documents; most hold fewer distinct labels
	ngs := make([]*normGrid, 0, len(grids))
	for _, g := range grids {
		if g == nil {
			continue
		}
		ng := &normGrid{g: g, norm: make([][]string, len(g.Rows)), fig: make([][]bool, len(g.Rows))}
		for r, row := range g.Rows {
			ns, fs := make([]string, len(row)), make([]bool, len(row))
			for c, cell := range row {
				if c > 0 && cell.Text == row[c-1].Text {
					ns[c], fs[c] = ns[c-1], fs[c-1] // a merge the reader repeated
					continue
				}
				if fs[c] = value.FigureCell(cell.Text); fs[c] {
					continue // figures are not labels
				}
				n, ok := cache[cell.Text]
				if !ok {
					n = labels.Normalize(cell.Text)
					cache[cell.Text] = n
				}
				ns[c] = n
			}
			ng.norm[r], ng.fig[r] = ns, fs
		}
		ngs = append(ngs, ng)
	}
	return ngs
}

func (ng *normGrid) at(r, c int) string {
	if r < 0 || r >= len(ng.norm) || c < 0 || c >= len(ng.norm[r]) {
		return ""
	}
	return ng.norm[r][c]
}

// locKey names one figure cell of a format: block, row and column indexes.
type locKey struct{ b, r, c int }

// locCell is where a figure cell was found.
type locCell struct {
	g         *Grid
	r, c      int
	tentative bool // taken from a group row whose first row's label is missing
}

// location is the result of locating one format's tables in a document.
type location struct {
	lf       *locFormat
	cells    []locCell // by locFormat.cellIndex; g is nil where none was found
	found    int       // the cells found
	findings []gongkai.Finding
	// copies is set when a second grid states cells already placed from
	// another: two copies of a table, which the first statement must not
	// silently win (see workbookCopies).
	copies bool
	// ties are the locations of other formats that fit the grids as well,
	// labels and cells alike (see byYear).
	ties []*location
}

// cell returns the cell found for k, if any. The cells are a slice rather
// than a map: hashing keys was a tenth of locating.
func (l *location) cell(k locKey) (locCell, bool) {
	c := l.cells[l.lf.cellIndex(k)]
	return c, c.g != nil
}

// set records the cell found for k.
func (l *location) set(k locKey, c locCell) {
	i := l.lf.cellIndex(k)
	if l.cells[i].g == nil {
		l.found++
	}
	l.cells[i] = c
}

// values returns one Value per located cell, in the order of the format
// definition.
func (l *location) values() []gongkai.Value {
	out := make([]gongkai.Value, 0, l.found+4)
	for bi, lb := range l.lf.blocks {
		for ri, lr := range lb.rows {
			if lr.def.Group {
				continue
			}
			for ci, lc := range lb.cols {
				at, ok := l.cell(locKey{bi, ri, ci})
				if !ok {
					continue
				}
				measure, applicant := lb.block.Cell(*lr.def, *lc.def)
				raw := at.g.Text(at.r, at.c)
				n, unit, _ := value.ParseIn(raw, gongkai.CellKind(*lr.def, *lc.def), lc.def.Unit)
				out = append(out, gongkai.Value{
					Measure: measure, Applicant: applicant, Number: n, Unit: unit,
					Raw: raw, At: at.g.Loc(at.r, at.c),
				})
			}
		}
	}
	return out
}

// guessFindings says where figures were placed under a row whose label is
// missing (the figures of a group row taken as its first row's), one
// warning per row, so that a person checks the guess.
func (l *location) guessFindings() []gongkai.Finding {
	var out []gongkai.Finding
	for bi, lb := range l.lf.blocks {
		for ri, lr := range lb.rows {
			for ci := range lb.cols {
				at, ok := l.cell(locKey{bi, ri, ci})
				if !ok || !at.tentative {
					continue
				}
				out = append(out, gongkai.Finding{
					Rule: "lost_label", Severity: gongkai.SeverityWarning, At: at.g.Loc(at.r, at.c),
					RowLabel: lr.def.Label, Measure: lr.def.Measure,
					Message: "这一行的数字没有自己的行标签，写在“" + lr.def.Parent + "”一行，按模板的行结构归入“" +
						lr.def.Label + "”；请核对原表",
				})
				break
			}
		}
	}
	return out
}

// locate finds the tables of the format that best fits the grids: the one
// whose format-only labels occur most, and on a tie (a report with only
// table 三 or 四) the one that places more cells. Where that ties too, the
// labels cannot tell the format (table 四 is the same in both): the
// location keeps the others in ties, for the report's year to decide
// (byYear), not the order of the formats.
func locate(ngs []*normGrid) *location {
	var best *location
	bestScore := -1
	var tied []*locFormat
	for _, lf := range locFormats() {
		s := lf.detectScore(ngs)
		switch {
		case s > bestScore:
			bestScore, tied = s, []*locFormat{lf}
		case s == bestScore:
			tied = append(tied, lf)
		}
	}
	bestFirm := -1
	var same []*location
	for _, lf := range tied {
		l := lf.locate(ngs)
		switch n := l.firm(); {
		case n > bestFirm:
			best, bestFirm, same = l, n, nil
		case n == bestFirm:
			same = append(same, l)
		}
	}
	if best != nil {
		best.ties = same
	}
	return best
}

// byYear returns, among l and the locations that tied with it, the one in
// the format a report of year was due in (the 2019 format up to 2020, the
// 2021 format after), or l when none is.
func (l *location) byYear(year int) *location {
	if l == nil || len(l.ties) == 0 || year == 0 {
		return l
	}
	want := gongkai.Format2021
	if year <= 2020 {
		want = gongkai.Format2019
	}
	for _, c := range append([]*location{l}, l.ties...) {
		if c.lf.f.ID == want {
			return c
		}
	}
	return l
}

// firm counts the cells found under their own labels: a format that reads a
// 2019 row (（六）其他处理 with figures) as a group with a lost first row
// places as many cells, but fewer firmly.
func (l *location) firm() int {
	n := 0
	for _, c := range l.cells {
		if c.g != nil && !c.tentative {
			n++
		}
	}
	return n
}

// detectScore counts the label cells that hold one of the format's own
// labels, or a truncation of one ("本年增/").
func (lf *locFormat) detectScore(ngs []*normGrid) int {
	score := 0
	for _, ng := range ngs {
		for _, row := range ng.norm {
			for c, t := range row {
				if t == "" || (c > 0 && t == row[c-1]) {
					continue
				}
				n := utf8.RuneCountInString(t)
				for _, d := range lf.detect {
					if strings.Contains(t, d) || (n >= 4 && strings.HasPrefix(d, t)) {
						score++
						break
					}
				}
			}
		}
	}
	return score
}

// locHit is a grid row recognised as a row of a block.
type locHit struct {
	b         *locBlock
	ri        int
	r         int
	labelCol  int // the column of the matched label
	textEnd   int // the last label column: the row's figures stand after it
	tentative bool
}

// locate places the format's blocks in the grids.
func (lf *locFormat) locate(ngs []*normGrid) *location {
	l := &location{lf: lf, cells: make([]locCell, lf.cellCount)}
	for _, ng := range ngs {
		hits := lf.rowHits(ng)
		isHit := map[int]bool{}
		for _, h := range hits {
			isHit[h.r] = true
		}
		for _, lb := range lf.blocks {
			if lb.headerOnly {
				l.placeHeaderBlock(lb, ng, isHit)
				continue
			}
			var bh []locHit
			for _, h := range hits {
				if h.b == lb {
					bh = append(bh, h)
				}
			}
			if len(bh) > 0 {
				l.placeRows(lb, ng, bh, isHit)
			}
		}
	}
	return l
}

// rowHits walks the grid's rows and recognises those that are rows of one
// of the format's blocks, keeping the group rows above them as context: "1."
// under （三）不予公开 is not "1." under （四）无法提供.
func (lf *locFormat) rowHits(ng *normGrid) []locHit {
	var hits []locHit
	group := map[*locBlock]string{}
	// Hits are values, not pointers, so that trying the label cells of a
	// row allocates nothing; b is nil for no hit.
	var last *locHit
	var lastHit locHit
	for r, row := range ng.g.Rows {
		// The label cells are those before the first figure, not counting
		// figures in front of every label (a serial-number column).
		labelEnd, seenLabel := len(row), false
		for c := range row {
			if ng.fig[r][c] {
				if seenLabel {
					labelEnd = c
					break
				}
			} else if ng.norm[r][c] != "" {
				seenLabel = true
			}
		}
		var hit, groupHit locHit
		unmatched := 0
		for c := 0; c < labelEnd; c++ {
			t := ng.norm[r][c]
			if t == "" || (c > 0 && t == ng.norm[r][c-1]) {
				continue
			}
			refs := lf.lookup(t)
			if len(refs) == 0 {
				unmatched++
				continue
			}
			ref := choose(refs, group, last)
			h := locHit{b: ref.b, ri: ref.ri, r: r, labelCol: c}
			if ref.b.rows[ref.ri].def.Group {
				group[ref.b] = ref.b.rows[ref.ri].label
				groupHit = h
				continue
			}
			hit = h
		}
		if hit.b == nil && groupHit.b != nil && labelEnd < len(row) {
			// A group row with figures: the label of its first row went missing
			// and the figures hang under the group (seen in published pages).
			gr := groupHit.b.rows[groupHit.ri]
			if gr.firstChild >= 0 {
				hit = locHit{b: groupHit.b, ri: gr.firstChild, r: r, labelCol: groupHit.labelCol, tentative: true}
			}
		}
		if hit.b == nil {
			continue
		}
		// A note split off the label ("（二）部分公开 | （区分处理的……）")
		// stands between the label and the figures; a short word there is a
		// figure written wrong ("十二") and stays a figure.
		hit.textEnd = hit.labelCol
		for c := hit.labelCol + 1; c < labelEnd && wordy(ng.norm[r][c]) && !value.WrittenFigure(ng.norm[r][c]); c++ {
			hit.textEnd = c
		}
		if labelEnd == len(row) && (unmatched >= 2 || lf.headerLike(ng, r) || lf.wordsAfter(ng, r, hit.labelCol)) {
			// Words and no figures: a header ("自然人 | 法人或其他组织 | 总计")
			// or a note. A short word ("十二") is a bad figure, read and flagged.
			continue
		}
		hits = append(hits, hit)
		lastHit = hit
		last = &lastHit
		if p := hit.b.rows[hit.ri].parent; p != "" && !hit.tentative {
			group[hit.b] = p
		}
	}
	return hits
}

// choose picks among the rows a label cell may name: first a row of the
// group the grid is in, then a row of the block of the previous row and after
// it, then the best match.
func choose(refs []locRowRef, group map[*locBlock]string, last *locHit) locRowRef {
	best, bestScore := refs[0], -1
	for _, ref := range refs {
		s := ref.quality
		lr := ref.b.rows[ref.ri]
		if lr.parent != "" && group[ref.b] == lr.parent {
			s += 100
		}
		if last != nil && last.b == ref.b {
			s += 20
			if ref.ri > last.ri {
				s += 10
			}
		}
		if s > bestScore {
			best, bestScore = ref, s
		}
	}
	return best
}

// headerLike reports whether grid row r is a header row: it names two or
// more columns of one block. A column label such as "总计" or "其他" must not
// be taken for a row label there.
func (lf *locFormat) headerLike(ng *normGrid, r int) bool {
	for _, b := range lf.blocks {
		n := 0
		for c, t := range ng.norm[r] {
			if t == "" || (c > 0 && t == ng.norm[r][c-1]) {
				continue
			}
			if b.colNames[t] {
				n++
			}
		}
		if n >= 2 {
			return true
		}
	}
	return false
}

// placeRows places the figure cells of a block's rows found in one grid.
func (l *location) placeRows(lb *locBlock, ng *normGrid, hits []locHit, isHit map[int]bool) {
	// Header cells over the label columns hold the corner text, so the
	// columns are searched from the leftmost label on.
	first, labelCol := hits[0].r, hits[0].labelCol
	for _, h := range hits {
		first = min(first, h.r)
		labelCol = min(labelCol, h.labelCol)
	}
	var header []int
	for r := first - 1; r >= 0 && r >= first-6; r-- {
		if isHit[r] || rowHasNumber(ng.g, r) {
			break
		}
		header = append([]int{r}, header...)
		if lb.title != "" && slices.Contains(ng.norm[r], lb.title) {
			break
		}
	}
	colMap := resolveColumns(lb, ng, header, labelCol+1)
	for _, h := range hits {
		cols := rowCells(lb, ng, h.r, h.textEnd, colMap)
		if cols == nil {
			if rowHasText(ng.g, h.r, h.textEnd+1) {
				l.layoutFinding(lb, ng, h)
			}
			continue
		}
		for ci, c := range cols {
			if c < 0 {
				continue
			}
			k := locKey{lb.index, h.ri, ci}
			if old, ok := l.cell(k); ok && !old.tentative {
				l.copies = l.copies || old.g != ng.g
				continue // the first statement of a cell wins
			}
			l.set(k, locCell{g: ng.g, r: h.r, c: c, tentative: h.tentative})
		}
	}
}

// placeHeaderBlock places a block without row labels (table 四): its header
// starts at a row naming one of its column groups, or three of its columns;
// its figures are the first row below that holds figures.
func (l *location) placeHeaderBlock(lb *locBlock, ng *normGrid, isHit map[int]bool) {
	ri := 0
	for i, lr := range lb.rows {
		if !lr.def.Group {
			ri = i
			break
		}
	}
	placed := 0
	var from *Grid
	for ci := range lb.cols {
		if c, ok := l.cell(locKey{lb.index, ri, ci}); ok {
			placed++
			from = c.g
		}
	}
	if placed == len(lb.cols) && from != ng.g && !l.copies && headerStart(lb, ng, isHit, 0) >= 0 {
		l.copies = true // the table again, in another grid
	}
	// Some reports split the table in two (行政复议, then 行政诉讼), each with
	// its own header and row of figures: keep reading until every column is
	// placed or no header is left.
	for from := 0; placed < len(lb.cols); {
		start := headerStart(lb, ng, isHit, from)
		if start < 0 {
			return
		}
		data := -1
		for r := start + 1; r < len(ng.g.Rows) && r <= start+8; r++ {
			if rowHasFigure(ng.g, r) {
				data = r
				break
			}
		}
		if data < 0 {
			return
		}
		header := make([]int, 0, data-start)
		for r := start; r < data; r++ {
			header = append(header, r)
		}
		labelCol := -1
		for c, cell := range ng.g.Rows[data] {
			if ng.fig[data][c] {
				break
			}
			if strings.TrimSpace(cell.Text) != "" {
				labelCol = c
			}
		}
		colMap := resolveColumns(lb, ng, header, labelCol+1)
		cols := rowCells(lb, ng, data, labelCol, colMap)
		if cols == nil {
			if placed == 0 {
				l.layoutFinding(lb, ng, locHit{b: lb, ri: ri, r: data, labelCol: labelCol})
			}
			return
		}
		for ci, c := range cols {
			k := locKey{lb.index, ri, ci}
			if _, ok := l.cell(k); c >= 0 && !ok {
				l.set(k, locCell{g: ng.g, r: data, c: c})
				placed++
			}
		}
		from = data + 1
	}
}

// headerStart returns the first row at or after from that starts the header
// of a block without row labels: it names one of the block's column groups,
// or three of its columns. It returns -1 when there is none.
func headerStart(lb *locBlock, ng *normGrid, isHit map[int]bool, from int) int {
	for r := from; r < len(ng.norm); r++ {
		if isHit[r] {
			continue
		}
		row, cols := ng.norm[r], 0
		for c, t := range row {
			if t == "" || (c > 0 && t == row[c-1]) {
				continue
			}
			if slices.Contains(lb.groups, t) {
				return r
			}
			if lb.colNames[t] {
				cols++
			}
		}
		if cols >= 3 {
			return r
		}
	}
	return -1
}

func rowHasNumber(g *Grid, r int) bool {
	for _, c := range g.Rows[r] {
		if value.NumberCell(c.Text) {
			return true
		}
	}
	return false
}

func rowHasFigure(g *Grid, r int) bool {
	for _, c := range g.Rows[r] {
		if value.FigureCell(c.Text) {
			return true
		}
	}
	return false
}

func rowHasText(g *Grid, r, from int) bool {
	row := g.Rows[r]
	for c := max(from, 0); c < len(row); c++ {
		if strings.TrimSpace(row[c].Text) != "" {
			return true
		}
	}
	return false
}

// wordsAfter reports whether row r has, after column c, a cell that reads
// as words rather than as a figure: a column label, or more than a few
// characters.
func (lf *locFormat) wordsAfter(ng *normGrid, r, c int) bool {
	row := ng.norm[r]
	for i := c + 1; i < len(row); i++ {
		if row[i] == "" || row[i] == row[c] {
			continue
		}
		if wordy(row[i]) && !value.WrittenFigure(row[i]) {
			return true // a figure written with a note ("1517（含转办）") is a bad figure, not words
		}
		for _, b := range lf.blocks {
			if b.colNames[row[i]] {
				return true
			}
		}
	}
	return false
}

// wordy reports whether a normalized cell text is too long to be a figure
// written in words or a mistyped one ("十二", "1O"): a note or a label.
func wordy(t string) bool {
	return utf8.RuneCountInString(t) > 6
}

// appendNew appends s when it is not empty and not yet in ss.
func appendNew(ss []string, s string) []string {
	if s == "" || slices.Contains(ss, s) {
		return ss
	}
	return append(ss, s)
}

func normalizeAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = labels.Normalize(s)
	}
	return out
}
