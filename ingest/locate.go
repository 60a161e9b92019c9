package ingest

import (
	"strings"
	"sync"
	"unicode/utf8"

	"gongkai"
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

// locFormat is one format definition prepared for matching.
type locFormat struct {
	f       *gongkai.Format
	detect  []string
	blocks  []*locBlock
	rowKeys map[string][]locRowRef // label, alias, or either without its enumeration → rows
	enums   map[string][]locRowRef // enumeration alone ("1.", "(一)") → rows
	prefix  []locPrefixKey         // keys long enough to match a truncated or extended label
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
		if len(f.Tables) > 0 {
			out = append(out, newLocFormat(f))
		}
	}
	return out
})

func newLocFormat(f *gongkai.Format) *locFormat {
	lf := &locFormat{f: f, rowKeys: map[string][]locRowRef{}, enums: map[string][]locRowRef{}}
	for _, d := range f.Detect {
		lf.detect = append(lf.detect, Normalize(d))
	}
	for ti := range f.Tables {
		t := &f.Tables[ti]
		for bi := range t.Blocks {
			b := &t.Blocks[bi]
			lb := &locBlock{index: len(lf.blocks), table: t, block: b, title: Normalize(b.Title), headerOnly: true,
				colNames: map[string]bool{}}
			for ci := range b.Columns {
				c := &b.Columns[ci]
				lc := locCol{def: c, label: Normalize(c.Label), group: Normalize(c.Group), subgroup: Normalize(c.Subgroup)}
				for _, a := range c.Aliases {
					lc.aliases = append(lc.aliases, Normalize(a))
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
				lr := locRow{def: r, label: Normalize(r.Label), parent: Normalize(r.Parent), firstChild: -1}
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
				lf.addKey(Normalize(a), locRowRef{lb, ri, 2})
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

// splitEnum splits a leading enumeration from a normalized label: "1." or
// "1、", "(一)", "一、". It returns empty strings when there is none.
func splitEnum(s string) (enum, rest string) {
	i := 0
	for i < len(s) && i < 2 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 {
		if strings.HasPrefix(s[i:], ".") {
			return s[:i+1], s[i+1:]
		}
		if strings.HasPrefix(s[i:], "、") {
			return s[:i+len("、")], s[i+len("、"):]
		}
		return "", ""
	}
	j := 0
	if strings.HasPrefix(s, "(") {
		j = 1
	}
	k := j
	for n := 0; n < 3 && k < len(s); n++ {
		r, size := utf8.DecodeRuneInString(s[k:])
		if !strings.ContainsRune("一二三四五六七八九十", r) {
			break
		}
		k += size
	}
	if k == j {
		return "", ""
	}
	if j == 1 && strings.HasPrefix(s[k:], ")") {
		return s[:k+1], s[k+1:]
	}
	if j == 0 && strings.HasPrefix(s[k:], "、") {
		return s[:k+len("、")], s[k+len("、"):]
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
	cache := make(map[string]string, 256)
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
				if fs[c] = figureCell(cell.Text); fs[c] {
					continue // figures are not labels
				}
				n, ok := cache[cell.Text]
				if !ok {
					n = Normalize(cell.Text)
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
	cells    map[locKey]locCell
	findings []gongkai.Finding
}

// tables reports which tables (by id) have at least one located cell.
func (l *location) tables() map[string]bool {
	out := map[string]bool{}
	for k := range l.cells {
		out[l.lf.blocks[k.b].table.ID] = true
	}
	return out
}

// values returns one Value per located cell, in the order of the format
// definition.
func (l *location) values() []gongkai.Value {
	out := make([]gongkai.Value, 0, len(l.cells)+4)
	for bi, lb := range l.lf.blocks {
		for ri, lr := range lb.rows {
			if lr.def.Group {
				continue
			}
			for ci, lc := range lb.cols {
				at, ok := l.cells[locKey{bi, ri, ci}]
				if !ok {
					continue
				}
				measure, applicant := lb.block.Cell(*lr.def, *lc.def)
				raw := at.g.Text(at.r, at.c)
				n, unit, _ := ParseValue(raw, gongkai.CellKind(*lr.def, *lc.def))
				out = append(out, gongkai.Value{
					Measure: measure, Applicant: applicant, Number: n, Unit: unit,
					Raw: raw, At: at.g.Loc(at.r, at.c),
				})
			}
		}
	}
	return out
}

// locate finds the tables of the format that best fits the grids: the one
// whose format-only labels occur most, and on a tie (a report with only
// table 三 or 四) the one that places more cells.
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
	for _, lf := range tied {
		l := lf.locate(ngs)
		if n := l.firm(); n > bestFirm {
			best, bestFirm = l, n
		}
	}
	return best
}

// firm counts the cells found under their own labels: a format that reads a
// 2019 row (（六）其他处理 with figures) as a group with a lost first row
// places as many cells, but fewer firmly.
func (l *location) firm() int {
	n := 0
	for _, c := range l.cells {
		if !c.tentative {
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
	labelCol  int
	tentative bool
}

// locate places the format's blocks in the grids.
func (lf *locFormat) locate(ngs []*normGrid) *location {
	l := &location{lf: lf, cells: map[locKey]locCell{}}
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
	var last *locHit
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
		var hit, groupHit *locHit
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
			h := &locHit{b: ref.b, ri: ref.ri, r: r, labelCol: c}
			if ref.b.rows[ref.ri].def.Group {
				group[ref.b] = ref.b.rows[ref.ri].label
				groupHit = h
				continue
			}
			hit = h
		}
		if hit == nil && groupHit != nil && labelEnd < len(row) {
			// A group row with figures: the label of its first row went missing
			// and the figures hang under the group (seen in published pages).
			gr := groupHit.b.rows[groupHit.ri]
			if gr.firstChild >= 0 {
				hit = &locHit{b: groupHit.b, ri: gr.firstChild, r: r, labelCol: groupHit.labelCol, tentative: true}
			}
		}
		if hit == nil {
			continue
		}
		if labelEnd == len(row) && (textAfter(ng, r, hit.labelCol) || unmatched >= 2 || lf.headerLike(ng, r)) {
			continue // words and no figures: a header ("自然人 | 法人或其他组织 | 总计")
		}
		hits = append(hits, *hit)
		last = &hits[len(hits)-1]
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
		if lb.title != "" && rowHas(ng, r, lb.title) {
			break
		}
	}
	colMap := resolveColumns(lb, ng, header, labelCol+1)
	for _, h := range hits {
		cols := rowCells(lb, ng, h.r, h.labelCol, colMap)
		if cols == nil {
			if rowHasText(ng.g, h.r, h.labelCol+1) {
				l.layoutFinding(lb, ng, h)
			}
			continue
		}
		for ci, c := range cols {
			if c < 0 {
				continue
			}
			k := locKey{lb.index, h.ri, ci}
			if old, ok := l.cells[k]; ok && !old.tentative {
				continue // the first statement of a cell wins
			}
			l.cells[k] = locCell{g: ng.g, r: h.r, c: c, tentative: h.tentative}
		}
	}
}

// placeHeaderBlock places a block without row labels (table 四): its header
// starts at a row naming one of its column groups, or three of its columns;
// its figures are the first row below that holds figures.
func (l *location) placeHeaderBlock(lb *locBlock, ng *normGrid, isHit map[int]bool) {
	for k := range l.cells {
		if k.b == lb.index {
			return // already found in an earlier grid
		}
	}
	start := -1
	for r, row := range ng.norm {
		if isHit[r] {
			continue
		}
		cols := 0
		for c, t := range row {
			if t == "" || (c > 0 && t == row[c-1]) {
				continue
			}
			if containsString(lb.groups, t) {
				cols = 3
				break
			}
			if lb.colNames[t] {
				cols++
			}
		}
		if cols >= 3 {
			start = r
			break
		}
	}
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
		if figureCell(cell.Text) {
			break
		}
		if strings.TrimSpace(cell.Text) != "" {
			labelCol = c
		}
	}
	colMap := resolveColumns(lb, ng, header, labelCol+1)
	ri := 0
	for i, lr := range lb.rows {
		if !lr.def.Group {
			ri = i
			break
		}
	}
	h := locHit{b: lb, ri: ri, r: data, labelCol: labelCol}
	cols := rowCells(lb, ng, data, labelCol, colMap)
	if cols == nil {
		l.layoutFinding(lb, ng, h)
		return
	}
	for ci, c := range cols {
		if c >= 0 {
			l.cells[locKey{lb.index, ri, ci}] = locCell{g: ng.g, r: data, c: c}
		}
	}
}

// resolveColumns maps the block's columns to grid columns from the header
// rows: each grid column's header cells, top to bottom, name a column and
// possibly its group. Header cells that fit several columns of the same
// group ("结果") take the free ones in official order, left to right. The
// result has one grid column per block column, -1 where none was found.
func resolveColumns(lb *locBlock, ng *normGrid, header []int, minCol int) []int {
	colMap := make([]int, len(lb.cols))
	for i := range colMap {
		colMap[i] = -1
	}
	width := 0
	for _, r := range header {
		width = max(width, len(ng.norm[r]))
	}
	type ambiguous struct {
		c    int
		cols []int
	}
	var amb []ambiguous
	var groups, entries []string
	for c := max(minCol, 0); c < width; c++ {
		groups, entries = groups[:0], entries[:0]
		for _, r := range header {
			t := ng.at(r, c)
			if t == "" || t == lb.title {
				continue
			}
			if g := lb.matchGroup(t); g != "" {
				groups = appendNew(groups, g)
				continue
			}
			entries = appendNew(entries, t)
		}
		var cands []int
		bestQ := 0
		for k := range lb.cols {
			lc := &lb.cols[k]
			if !lc.inGroups(groups) {
				continue
			}
			q := 0
			for _, t := range entries {
				q = max(q, lc.match(t))
			}
			switch {
			case q == 0 || q < bestQ:
			case q > bestQ:
				cands, bestQ = append(cands[:0], k), q
			default:
				cands = append(cands, k)
			}
		}
		switch {
		case len(cands) == 1:
			if colMap[cands[0]] < 0 {
				colMap[cands[0]] = c
			}
		case len(cands) > 1:
			amb = append(amb, ambiguous{c, cands})
		}
	}
	for _, a := range amb {
		for _, k := range a.cols {
			if colMap[k] < 0 {
				colMap[k] = a.c
				break
			}
		}
	}
	return colMap
}

// inGroups reports whether every group label found above a grid column is
// the column's group or subgroup.
func (c *locCol) inGroups(groups []string) bool {
	for _, g := range groups {
		if g != c.group && g != c.subgroup {
			return false
		}
	}
	return true
}

// rowCells returns the grid columns that hold the block's figures in grid
// row r, one per block column (-1 when absent), or nil when they cannot be
// told.
//
// It is the seam between finding a row and reading it: the header mapping is
// used when it is complete and, for page text, consistent with the row;
// otherwise the values after the label are taken in the official column
// order when their count matches the block's columns.
func rowCells(lb *locBlock, ng *normGrid, r, labelCol int, colMap []int) []int {
	row := ng.g.Rows[r]
	mapped := 0
	for _, c := range colMap {
		if c >= 0 {
			mapped++
		}
	}
	if mapped == len(colMap) && (ng.g.Kind == "xlsx" || consistent(row, labelCol, colMap)) {
		return colMap
	}
	if cols := officialOrder(row, labelCol, len(lb.cols)); cols != nil {
		return cols
	}
	if ng.g.Kind == "xlsx" && mapped > 0 && mapped*2 >= len(colMap) {
		return colMap
	}
	return nil
}

// officialOrder reads the cells after the label as the block's columns in
// order: all of them (blank cells included) when their count matches, else
// the non-blank ones (spacer columns) when theirs does.
func officialOrder(row []Cell, labelCol, n int) []int {
	end := len(row)
	for end > labelCol+1 && strings.TrimSpace(row[end-1].Text) == "" {
		end--
	}
	if end-(labelCol+1) == n {
		cols := make([]int, n)
		for i := range cols {
			cols[i] = labelCol + 1 + i
		}
		return cols
	}
	var cols []int
	for c := labelCol + 1; c < end; c++ {
		if strings.TrimSpace(row[c].Text) != "" {
			cols = append(cols, c)
		}
	}
	if len(cols) == n {
		return cols
	}
	return nil
}

// consistent reports whether a complete header mapping fits a row of page
// text: the mapped cells hold figures or nothing, and no figure stands
// outside them.
func consistent(row []Cell, labelCol int, colMap []int) bool {
	in := make(map[int]bool, len(colMap))
	for _, c := range colMap {
		in[c] = true
		if c < len(row) && row[c].Text != "" && !figureCell(row[c].Text) && strings.TrimSpace(row[c].Text) != "" {
			return false
		}
	}
	for c := labelCol + 1; c < len(row); c++ {
		if !in[c] && figureCell(row[c].Text) {
			return false
		}
	}
	return true
}

// layoutFinding records a row whose figures could not be assigned to
// columns: saying so is better than guessing.
func (l *location) layoutFinding(lb *locBlock, ng *normGrid, h locHit) {
	lr := lb.rows[h.ri]
	label := lr.def.Label
	if label == "" {
		label = "表" + lb.table.Numeral
	}
	l.findings = append(l.findings, gongkai.Finding{
		Rule: "layout", Severity: gongkai.SeverityWarning, At: ng.g.Loc(h.r, max(h.labelCol, 0)),
		RowLabel: lr.def.Label,
		Message:  "“" + label + "”一行的数字无法与表头各列对应（数量不符），未读取该行；请核对原表",
	})
}

func rowHas(ng *normGrid, r int, t string) bool {
	for _, x := range ng.norm[r] {
		if x == t {
			return true
		}
	}
	return false
}

func rowHasNumber(g *Grid, r int) bool {
	for _, c := range g.Rows[r] {
		if numberCell(c.Text) {
			return true
		}
	}
	return false
}

func rowHasFigure(g *Grid, r int) bool {
	for _, c := range g.Rows[r] {
		if figureCell(c.Text) {
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

// textAfter reports whether row r has text after column c other than the
// text of c repeated by a merge.
func textAfter(ng *normGrid, r, c int) bool {
	row := ng.norm[r]
	for i := c + 1; i < len(row); i++ {
		if row[i] != "" && row[i] != row[c] {
			return true
		}
	}
	return false
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// appendNew appends s when it is not empty and not yet in ss.
func appendNew(ss []string, s string) []string {
	if s == "" || containsString(ss, s) {
		return ss
	}
	return append(ss, s)
}

func normalizeAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = Normalize(s)
	}
	return out
}
