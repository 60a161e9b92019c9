// Package template writes the official workbook of a report format: blank,
// for agencies to fill in (WriteTemplate), or filled with a report
// (WriteFilled). It is a writer only; package ingest reads what it writes
// like any other workbook, and nothing on the reading path depends on it.
package template

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"gongkai"
	"gongkai/ingest/doc"
	"gongkai/ingest/value"
)

// The blank official workbook is laid out entirely from the format
// definitions (gongkai.FormatByID, gongkai.CommonDefs): every label, every
// merge of a group header and every total formula comes from the data, so
// that a change to formats/*.json changes the template with it. Layout is a
// pure function producing a tplLayout (cells, merges, sheets); rendering it
// with excelize is a separate step, which lets the tests fill exactly the
// cells the template offers and lay the same tables out in other ways.

// CoverSheet is the name of the sheet with the report's metadata.
const CoverSheet = "封面"

// WriteTemplate writes the blank official workbook of format ("2021" or
// "2019") to w: a cover sheet for the agency, year, region and level, and one
// sheet per table (表二, 表三, 表四) laid out as the official format, with
// data validation on the input cells and formulas in the total cells.
//
// It returns a *gongkai.Error with CodeInvalid for an unknown format, and the
// error of w when writing fails.
func WriteTemplate(w io.Writer, format string) error {
	return WriteLayout(w, format, Layout{}, nil)
}

// WriteFilled writes the workbook of r's format filled with r: its metadata
// on the cover sheet and every figure it states in its cell. A total the
// report states replaces the total's formula, so that a report whose figures
// break the rules keeps them; a figure the report leaves out stays blank.
//
// The same report gives the same bytes at every call. It returns a
// *gongkai.Error with CodeInvalid when r has no format with tables (pre-2019
// reports have none) or when a value's Raw reads as a plain number other
// than its Number (rawAgrees), and the error of w when writing fails.
func WriteFilled(w io.Writer, r *gongkai.Report) error {
	if r == nil {
		return gongkai.Errorf(gongkai.CodeInvalid, "没有报告可写入")
	}
	f := gongkai.FormatByID(r.Format)
	if f == nil || len(f.Tables) == 0 {
		return gongkai.Errorf(gongkai.CodeInvalid, "格式 %q 没有统计表模板，无法写成工作簿", r.Format)
	}
	return renderWorkbook(w, layoutWorkbook(f, Layout{}), r)
}

// WriteLayout writes the workbook of format laid out as l, filled with r
// when r is not nil (r's own format is then ignored). The fixtures of the
// readers' tests use it to write the shapes real workbooks come in.
//
// It returns a *gongkai.Error with CodeInvalid for a format without tables,
// and the error of w when writing fails.
func WriteLayout(w io.Writer, format string, l Layout, r *gongkai.Report) error {
	f := gongkai.FormatByID(format)
	if f == nil || len(f.Tables) == 0 {
		return gongkai.Errorf(gongkai.CodeInvalid, "未知的格式 %q：可选 2021 或 2019", format)
	}
	return renderWorkbook(w, layoutWorkbook(f, l), r)
}

// Layout varies how a workbook lays its tables out, the ways real workbooks
// differ from the official one; the tests of the readers and the table
// locator write their fixtures in these shapes. The zero value is the
// official layout.
type Layout struct {
	OneSheet   bool // cover and all tables on one sheet, one below the other
	TotalFirst bool // the 总计 column of table 三 before the applicants
	Spacers    bool // a blank row between blocks and a blank column before the figures
	NoTitles   bool // no table title rows ("二、主动公开政府信息情况")
	Unmerged   bool // no merges: a header's text only in its first cell, as after "unmerge cells"
	AsText     bool // figures stored as text, as in cells formatted as text before typing
}

// Figure is one figure cell of a laid-out workbook.
type Figure struct {
	Sheet, Ref         string // "表三", "D12"
	Measure, Applicant string
	Kind               string // "count", "signed" or "money"
	Formula            string // the total's formula; empty for a cell typed in
}

// Figures returns the figure cells of format's workbook laid out as l, in
// layout order, so that tests and fixture writers can fill or find exactly
// the cells the workbook offers. It returns nil for a format without tables.
func Figures(format string, l Layout) []Figure {
	f := gongkai.FormatByID(format)
	if f == nil || len(f.Tables) == 0 {
		return nil
	}
	var out []Figure
	for _, c := range layoutWorkbook(f, l).figures() {
		out = append(out, Figure{Sheet: c.sheet, Ref: c.ref(), Measure: c.measure, Applicant: c.applicant, Kind: c.kind, Formula: c.formula})
	}
	return out
}

// Cell styles of the layout.
const (
	styleTitle = iota
	styleHeader
	styleLabel
	styleInput
	styleTotal
	styleCoverLabel
	styleCoverInput
	styleHint
	styleCount
	styleMoneyTotal
	numStyles
)

// tplCell is one cell of a laid-out workbook (1-based row and column).
type tplCell struct {
	sheet    string
	row, col int
	text     string // a label, for label cells
	style    int

	// Figure cells: the measure and applicant, the kind of value, and for a
	// total cell its formula.
	measure, applicant string
	kind               string
	formula            string

	// Cover value cells: the field they hold.
	cover *gongkai.CoverField
}

func (c *tplCell) ref() string { return cellName(c.row, c.col) }

type tplMerge struct {
	sheet          string
	r0, c0, r1, c1 int
}

type tplSheet struct {
	name       string
	widths     map[int]float64 // column widths by 1-based column
	heights    map[int]float64 // row heights by 1-based row
	freezeRows int
	freezeCols int
}

type tplLayout struct {
	opts   Layout
	sheets []*tplSheet
	cells  []*tplCell
	merges []tplMerge
}

func cellName(row, col int) string { return doc.ColumnName(col-1) + strconv.Itoa(row) }

func (l *tplLayout) sheet(name string) *tplSheet {
	for _, s := range l.sheets {
		if s.name == name {
			return s
		}
	}
	s := &tplSheet{name: name, widths: map[int]float64{}, heights: map[int]float64{}}
	l.sheets = append(l.sheets, s)
	return s
}

func (l *tplLayout) add(c *tplCell) *tplCell {
	l.cells = append(l.cells, c)
	return c
}

// label places text at (row, col) spanning to (r1, c1), merged unless the
// layout is unmerged.
func (l *tplLayout) label(sheet string, row, col, r1, c1 int, text string, style int, o Layout) {
	l.add(&tplCell{sheet: sheet, row: row, col: col, text: text, style: style})
	if r1 > row || c1 > col {
		if !o.Unmerged {
			l.merges = append(l.merges, tplMerge{sheet, row, col, r1, c1})
		}
		// The borders of the covered cells, so that a merged box is outlined.
		for r := row; r <= r1; r++ {
			for c := col; c <= c1; c++ {
				if r != row || c != col {
					l.add(&tplCell{sheet: sheet, row: r, col: c, style: style})
				}
			}
		}
	}
}

// figures returns the figure cells of the layout (the cells the rules and
// the reader care about), in layout order.
func (l *tplLayout) figures() []*tplCell {
	var out []*tplCell
	for _, c := range l.cells {
		if c.measure != "" && c.cover == nil {
			out = append(out, c)
		}
	}
	return out
}

// layoutWorkbook lays out the cover sheet and the tables of f.
func layoutWorkbook(f *gongkai.Format, o Layout) *tplLayout {
	l := &tplLayout{opts: o}
	row := layoutCover(l, CoverSheet, f, o)
	for i := range f.Tables {
		t := &f.Tables[i]
		name := "表" + t.Numeral
		if o.OneSheet {
			name = CoverSheet
			row += 2
		} else {
			row = 1
		}
		row = layoutTable(l, name, row, f, t, o)
	}
	return l
}

// layoutCover writes the cover fields as label | value | hint rows and
// returns the last row used.
func layoutCover(l *tplLayout, sheet string, f *gongkai.Format, o Layout) int {
	s := l.sheet(sheet)
	s.widths[1], s.widths[2], s.widths[3] = 30, 40, 60
	l.label(sheet, 1, 1, 1, 3, f.Name, styleTitle, o)
	s.heights[1] = 28
	row := 2
	for i := range gongkai.CommonDefs().Cover {
		cf := &gongkai.CommonDefs().Cover[i]
		row++
		l.add(&tplCell{sheet: sheet, row: row, col: 1, text: cf.Label, style: styleCoverLabel})
		v := l.add(&tplCell{sheet: sheet, row: row, col: 2, style: styleCoverInput, cover: cf})
		if cf.Measure != "" {
			v.measure, v.applicant = cf.Measure, gongkai.ApplicantTotal
			v.kind = gongkai.CatalogueByCode()[cf.Measure].Kind
		}
		if cf.Key == "year" {
			v.kind = "year"
		}
		if cf.Hint != "" {
			l.add(&tplCell{sheet: sheet, row: row, col: 3, text: cf.Hint, style: styleHint})
		}
	}
	return row
}

// tableShape is what every block of a table shares: the number of label
// columns (the depth of the row tree) and of figure columns.
type tableShape struct {
	labels, values int
}

func shapeOf(t *gongkai.Table) tableShape {
	var s tableShape
	for _, b := range t.Blocks {
		s.values = max(s.values, len(b.Columns))
		depth := rowDepths(b)
		for i, r := range b.Rows {
			if r.Label != "" {
				s.labels = max(s.labels, depth[i]+1)
			}
		}
	}
	return s
}

// rowDepths returns how many group rows stand above each row of b.
func rowDepths(b gongkai.Block) []int {
	byLabel := map[string]int{}
	depth := make([]int, len(b.Rows))
	for i, r := range b.Rows {
		if r.Parent != "" {
			depth[i] = byLabel[r.Parent] + 1
		}
		if r.Group {
			byLabel[r.Label] = depth[i]
		}
	}
	return depth
}

// layoutTable lays out table t from row on, and returns the last row used.
func layoutTable(l *tplLayout, sheet string, row int, f *gongkai.Format, t *gongkai.Table, o Layout) int {
	s := l.sheet(sheet)
	shape := shapeOf(t)
	valueCol := 1 + shape.labels // first figure column
	if o.Spacers {
		valueCol++
	}
	width := valueCol - 1 + shape.values
	setWidths(s, t, shape, valueCol)
	if !o.NoTitles {
		l.label(sheet, row, 1, row, width, t.Numeral+"、"+t.Title, styleTitle, o)
		s.heights[row] = 24
		if s.freezeRows == 0 && !o.OneSheet {
			s.freezeRows = row
		}
	} else {
		row--
	}
	for bi, b := range t.Blocks {
		if o.Spacers && bi > 0 {
			row++
		}
		if b.Title != "" {
			row++
			l.label(sheet, row, 1, row, width, b.Title, styleHeader, o)
		}
		cols := columnOrder(b, o)
		spans := columnSpans(len(cols), shape.values)
		headerTop := row + 1
		row = layoutHeader(l, sheet, row, valueCol, b, cols, spans, o)
		if shape.labels > 0 {
			l.label(sheet, headerTop, 1, row, shape.labels, b.Corner, styleHeader, o)
		}
		if len(t.Blocks) == 1 && !o.OneSheet {
			// The header of a single-block table stays in view while scrolling.
			s.freezeRows, s.freezeCols = row, shape.labels
		}
		row = layoutRows(l, sheet, row, valueCol, shape, f, t, b, cols, spans, o)
	}
	return row
}

func setWidths(s *tplSheet, t *gongkai.Table, shape tableShape, valueCol int) {
	// Label columns are as wide as the longest label that sits in them alone.
	labelWidth := make([]float64, shape.labels)
	for _, b := range t.Blocks {
		depth := rowDepths(b)
		for i, r := range b.Rows {
			w := float64(textWidth(r.Label)) + 2
			if r.Group || depth[i] == shape.labels-1 {
				labelWidth[depth[i]] = max(labelWidth[depth[i]], min(w, 44))
			}
		}
		if shape.labels == 1 {
			labelWidth[0] = max(labelWidth[0], float64(textWidth(b.Corner))+4)
		}
	}
	for i, w := range labelWidth {
		s.widths[i+1] = max(s.widths[i+1], max(w, 8))
	}
	if valueCol > shape.labels+1 {
		s.widths[valueCol-1] = 3
	}
	colWidth := 11.0
	if shape.values <= 3 {
		colWidth = 22
	}
	for c := 0; c < shape.values; c++ {
		s.widths[valueCol+c] = max(s.widths[valueCol+c], colWidth)
	}
}

// textWidth approximates the display width of s in character widths: CJK
// characters count twice.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		if r < 0x1100 {
			n++
		} else {
			n += 2
		}
	}
	return n
}

// columnOrder returns the columns of b in the order the layout shows them.
func columnOrder(b gongkai.Block, o Layout) []gongkai.Column {
	cols := append([]gongkai.Column(nil), b.Columns...)
	if o.TotalFirst && b.Dimension == "applicant" {
		for i, c := range cols {
			if c.Key == gongkai.ApplicantTotal {
				cols = append([]gongkai.Column{c}, append(cols[:i:i], cols[i+1:]...)...)
				break
			}
		}
	}
	return cols
}

// columnSpans spreads n columns over width sheet columns: each takes one,
// and the last takes what is left, as the official table does for the
// one-column blocks of table 二.
func columnSpans(n, width int) []int {
	spans := make([]int, n)
	for i := range spans {
		spans[i] = 1
	}
	if n > 0 && width > n {
		spans[n-1] += width - n
	}
	return spans
}

// layoutHeader writes the header rows of a block below row and returns the
// last header row. The levels are: the block header ("申请人情况"), column
// groups ("法人或其他组织", "行政复议"), subgroups ("未经复议直接起诉"), and
// the column labels. A column without a group has its label reach up
// through the group levels; a column with a group but no subgroup has its
// group reach down through the subgroup level.
func layoutHeader(l *tplLayout, sheet string, row, valueCol int, b gongkai.Block, cols []gongkai.Column, spans []int, o Layout) int {
	hasGroup, hasSub := false, false
	for _, c := range cols {
		hasGroup = hasGroup || c.Group != ""
		hasSub = hasSub || c.Subgroup != ""
	}
	var levels [][]string // levels[level][column]
	if b.Header != "" {
		lv := make([]string, len(cols))
		for i := range lv {
			lv[i] = b.Header
		}
		levels = append(levels, lv)
	}
	group := make([]string, len(cols))
	sub := make([]string, len(cols))
	label := make([]string, len(cols))
	for i, c := range cols {
		group[i], sub[i], label[i] = c.Group, c.Subgroup, c.Label
		if sub[i] == "" && hasSub {
			sub[i] = group[i]
		}
		if group[i] == "" {
			group[i], sub[i] = label[i], label[i]
		}
	}
	if hasGroup {
		levels = append(levels, group)
	}
	if hasSub {
		levels = append(levels, sub)
	}
	levels = append(levels, label)

	// Sheet column of each block column.
	start := make([]int, len(cols))
	c := valueCol
	for i := range cols {
		start[i] = c
		c += spans[i]
	}
	top := row + 1
	done := make([][]bool, len(levels))
	for i := range done {
		done[i] = make([]bool, len(cols))
	}
	for lv := range levels {
		for i := range cols {
			if done[lv][i] {
				continue
			}
			t := levels[lv][i]
			// Grow right over columns with the same text under the same parents.
			j := i
			for j+1 < len(cols) && levels[lv][j+1] == t && samePath(levels, lv, i, j+1) {
				j++
			}
			// Grow down while the text below is the same over the whole span.
			k := lv
			for k+1 < len(levels) && sameRun(levels[k+1], i, j, t) {
				k++
			}
			for a := lv; a <= k; a++ {
				for b := i; b <= j; b++ {
					done[a][b] = true
				}
			}
			l.label(sheet, top+lv, start[i], top+k, start[j]+spans[j]-1, t, styleHeader, o)
		}
	}
	last := top + len(levels) - 1
	s := l.sheet(sheet)
	for lv := range levels {
		s.heights[top+lv] = max(s.heights[top+lv], headerHeight(levels[lv], spans, s, start))
	}
	return last
}

// samePath reports whether block columns i and j have the same text on every
// level above lv.
func samePath(levels [][]string, lv, i, j int) bool {
	for a := 0; a < lv; a++ {
		if levels[a][i] != levels[a][j] {
			return false
		}
	}
	return true
}

// sameRun reports whether columns i..j of a level all hold t and the
// columns just outside them do not, so that a merge may grow into it.
func sameRun(level []string, i, j int, t string) bool {
	for c := i; c <= j; c++ {
		if level[c] != t {
			return false
		}
	}
	return (i == 0 || level[i-1] != t) && (j+1 == len(level) || level[j+1] != t)
}

func headerHeight(texts []string, spans []int, s *tplSheet, start []int) float64 {
	lines := 1
	for i, t := range texts {
		w := 0.0
		for c := start[i]; c < start[i]+spans[i]; c++ {
			w += s.widths[c]
		}
		if w > 0 {
			lines = max(lines, int(math.Ceil(float64(textWidth(t))/w)))
		}
	}
	return float64(16 * lines)
}

// layoutRows writes the rows of a block below row and returns the last row.
func layoutRows(l *tplLayout, sheet string, row, valueCol int, shape tableShape, f *gongkai.Format, t *gongkai.Table, b gongkai.Block, cols []gongkai.Column, spans []int, o Layout) int {
	s := l.sheet(sheet)
	depth := rowDepths(b)
	// A group row has no row of its own: its label stands merged down the
	// left of its members, as in the official table. Find each row's place.
	at := make([]int, len(b.Rows)) // sheet row of each leaf row
	groupStart := map[string]int{}
	groupEnd := map[string]int{}
	parents := map[string]string{}
	for _, r := range b.Rows {
		if r.Group {
			parents[r.Label] = r.Parent
		}
	}
	for i, r := range b.Rows {
		if r.Group {
			continue
		}
		row++
		at[i] = row
		for p := r.Parent; p != ""; p = parents[p] {
			if _, ok := groupStart[p]; !ok {
				groupStart[p] = row
			}
			groupEnd[p] = row
		}
	}
	for i, r := range b.Rows {
		if !r.Group {
			continue
		}
		r0, ok := groupStart[r.Label]
		if !ok {
			continue // a group without members has nothing to show
		}
		l.label(sheet, r0, depth[i]+1, groupEnd[r.Label], depth[i]+1, r.Label, styleLabel, o)
	}
	for i, r := range b.Rows {
		if r.Group {
			continue
		}
		if r.Label != "" {
			l.label(sheet, at[i], depth[i]+1, at[i], shape.labels, r.Label, styleLabel, o)
			w := 0.0
			for c := depth[i] + 1; c <= shape.labels; c++ {
				w += s.widths[c]
			}
			if lines := int(math.Ceil(float64(textWidth(r.Label)) / w)); lines > 1 {
				s.heights[at[i]] = float64(16 * lines)
			}
		}
		c := valueCol
		for j, col := range cols {
			measure, applicant := b.Cell(r, col)
			cell := &tplCell{sheet: sheet, row: at[i], col: c, style: styleInput,
				measure: measure, applicant: applicant, kind: gongkai.CellKind(r, col)}
			l.add(cell)
			if spans[j] > 1 {
				// The merge's first cell is the figure cell above: drop the
				// blank one label adds there, whose count style would
				// otherwise replace the figure's own (a fee printed as a
				// whole number).
				n := len(l.cells)
				l.label(sheet, at[i], c, at[i], c+spans[j]-1, "", styleInput, o)
				l.cells = append(l.cells[:n], l.cells[n+1:]...)
			}
			c += spans[j]
		}
	}
	addFormulas(l, sheet, f, t)
	return row
}

// addFormulas turns the total cells of table t on sheet into formulas, from
// the format's rules: a sum rule with one left-hand measure makes that
// measure's cell the sum of the right-hand cells (per applicant when the
// rule says so), and an applicant_sum rule makes the 总计 column the sum of
// the other applicant columns.
func addFormulas(l *tplLayout, sheet string, f *gongkai.Format, t *gongkai.Table) {
	type key struct{ measure, applicant string }
	cells := map[key]*tplCell{}
	byMeasure := map[string][]*tplCell{}
	for _, c := range l.figures() {
		if c.sheet == sheet {
			cells[key{c.measure, c.applicant}] = c
			byMeasure[c.measure] = append(byMeasure[c.measure], c)
		}
	}
	setFormula := func(target *tplCell, parts []*tplCell) {
		if target == nil || target.formula != "" || len(parts) == 0 {
			return
		}
		refs := make([]string, len(parts))
		for i, p := range parts {
			refs[i] = p.ref()
		}
		target.formula = "SUM(" + compactRefs(refs) + ")"
		target.style = styleTotal
	}
	for _, rule := range f.Rules {
		if rule.Table != t.ID {
			continue
		}
		switch rule.Kind {
		case "sum":
			if len(rule.LHS) != 1 {
				continue
			}
			applicants := []string{gongkai.ApplicantTotal}
			if rule.PerApplicant {
				applicants = gongkai.Applicants
			}
			for _, a := range applicants {
				var parts []*tplCell
				for _, m := range rule.RHS {
					if c := cells[key{m, a}]; c != nil {
						parts = append(parts, c)
					}
				}
				setFormula(cells[key{rule.LHS[0], a}], parts)
			}
		case "applicant_sum":
			for m, cs := range byMeasure {
				var parts []*tplCell
				for _, c := range cs {
					if c.applicant != gongkai.ApplicantTotal {
						parts = append(parts, c)
					}
				}
				setFormula(cells[key{m, gongkai.ApplicantTotal}], parts)
			}
		}
	}
}

// compactRefs joins cell references, writing runs of adjacent cells in one
// row or column as a range: "D5,D6,D7,F9" → "D5:D7,F9".
func compactRefs(refs []string) string {
	var out []string
	for i := 0; i < len(refs); {
		c0, r0, _ := excelize.CellNameToCoordinates(refs[i])
		j := i
		for j+1 < len(refs) {
			c, r, _ := excelize.CellNameToCoordinates(refs[j+1])
			pc, pr, _ := excelize.CellNameToCoordinates(refs[j])
			if (r == pr+1 && c == c0 && pc == c0) || (r == r0 && pr == r0 && c == pc+1) {
				j++
				continue
			}
			break
		}
		if j > i {
			out = append(out, refs[i]+":"+refs[j])
		} else {
			out = append(out, refs[i])
		}
		i = j + 1
	}
	return strings.Join(out, ",")
}

// renderWorkbook writes layout l with excelize, filled with r when r is not nil.
func renderWorkbook(w io.Writer, l *tplLayout, r *gongkai.Report) error {
	x := excelize.NewFile()
	defer x.Close()
	if err := render(x, l, r); err != nil {
		return fmt.Errorf("生成工作簿: %w", err)
	}
	if _, err := x.WriteTo(w); err != nil {
		return err
	}
	return nil
}

func render(x *excelize.File, l *tplLayout, r *gongkai.Report) error {
	styles, err := newStyles(x)
	if err != nil {
		return err
	}
	for i, s := range l.sheets {
		if i == 0 {
			if err := x.SetSheetName("Sheet1", s.name); err != nil {
				return err
			}
		} else if _, err := x.NewSheet(s.name); err != nil {
			return err
		}
		if err := setupSheet(x, s); err != nil {
			return err
		}
	}
	for _, m := range l.merges {
		if err := x.MergeCell(m.sheet, cellName(m.r0, m.c0), cellName(m.r1, m.c1)); err != nil {
			return err
		}
	}
	validations := map[string]map[string][]string{} // sheet → kind → refs
	for _, c := range l.cells {
		ref := c.ref()
		// Counts show as whole numbers; money (万元) keeps the General
		// format, which shows every decimal, so that a printed fee is the
		// fee stated.
		style := styles[c.style]
		switch {
		case c.style == styleInput && c.kind != "money":
			style = styles[styleCount]
		case c.style == styleTotal && c.kind == "money":
			style = styles[styleMoneyTotal]
		}
		if err := x.SetCellStyle(c.sheet, ref, ref, style); err != nil {
			return err
		}
		if c.text != "" {
			if err := x.SetCellStr(c.sheet, ref, c.text); err != nil {
				return err
			}
		}
		if c.cover != nil {
			// Cover fields are few: each gets its own validation, which
			// shows the field's hint when the cell is selected.
			if err := addValidation(x, c.sheet, c.kind, []string{ref}, c.cover); err != nil {
				return err
			}
		} else if c.kind != "" {
			if validations[c.sheet] == nil {
				validations[c.sheet] = map[string][]string{}
			}
			if c.formula == "" {
				validations[c.sheet][c.kind] = append(validations[c.sheet][c.kind], ref)
			}
		}
		if err := fillCell(x, c, r, l.opts.AsText); err != nil {
			return err
		}
	}
	for _, s := range l.sheets {
		for _, kind := range []string{"count", "signed", "money", "year"} {
			if refs := validations[s.name][kind]; len(refs) > 0 {
				if err := addValidation(x, s.name, kind, refs, nil); err != nil {
					return err
				}
			}
		}
	}
	x.SetActiveSheet(0)
	return nil
}

// rawAgrees returns an error when v's printed text reads as a plain number
// other than v.Number: the cell can hold only one of them, and writing
// either would put a figure in the workbook that the report's other half
// contradicts (a test that changed a Number and kept its Raw wrote the old
// figure, and so the same file as before). Text that is no plain number
// ("1517（含转办）", "288930元", "+1" for 1) is not judged here.
func rawAgrees(v gongkai.Value) error {
	if v.Number == nil || v.Unit != "" || strings.TrimSpace(v.Raw) == "" {
		return nil
	}
	s := value.Scan(v.Raw)
	if s.OK && !s.Blank && s.Unit == "" && s.F != *v.Number {
		return gongkai.Errorf(gongkai.CodeInvalid, "数值 %s × %s 的原文“%s”与数值 %s 不符，无法写入工作簿",
			v.Measure, v.Applicant, strings.TrimSpace(v.Raw), doc.FormatNumber(*v.Number))
	}
	return nil
}

// fillCell writes the formula of a total cell, or r's figure or metadata.
func fillCell(x *excelize.File, c *tplCell, r *gongkai.Report, asText bool) error {
	ref := c.ref()
	if r != nil && c.cover != nil && c.cover.Key != "" {
		if v := reportMeta(r, c.cover.Key); v != "" {
			if c.cover.Key == "year" {
				return x.SetCellInt(c.sheet, ref, int64(r.Year))
			}
			return x.SetCellStr(c.sheet, ref, v)
		}
		return nil
	}
	if c.measure == "" {
		return nil
	}
	if r != nil {
		if v, ok := r.Lookup(c.measure, c.applicant); ok {
			if err := rawAgrees(v); err != nil {
				return err
			}
			switch {
			case v.Number != nil && v.Unit == "" && strings.TrimSpace(v.Raw) == doc.FormatNumber(*v.Number) && !asText:
				return x.SetCellFloat(c.sheet, ref, *v.Number, -1, 64)
			case v.Raw != "":
				return x.SetCellStr(c.sheet, ref, v.Raw)
			case v.Number != nil:
				return x.SetCellFloat(c.sheet, ref, *v.Number, -1, 64)
			}
		}
	}
	if c.formula != "" {
		return x.SetCellFormula(c.sheet, ref, c.formula)
	}
	return nil
}

// reportMeta returns the metadata of r a cover field names.
func reportMeta(r *gongkai.Report, key string) string {
	switch key {
	case "agency":
		return r.Agency
	case "year":
		if r.Year != 0 {
			return strconv.Itoa(r.Year)
		}
	case "province":
		return r.Province
	case "city":
		return r.City
	case "county":
		return r.County
	case "level":
		return r.Level
	case "published":
		return r.Published
	}
	return ""
}

func setupSheet(x *excelize.File, s *tplSheet) error {
	for c, w := range s.widths {
		name := doc.ColumnName(c - 1)
		if err := x.SetColWidth(s.name, name, name, w); err != nil {
			return err
		}
	}
	for r, h := range s.heights {
		if err := x.SetRowHeight(s.name, r, h); err != nil {
			return err
		}
	}
	a4, landscape, one, zero, fit := 9, "landscape", 1, 0, true
	if err := x.SetPageLayout(s.name, &excelize.PageLayoutOptions{
		Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero,
	}); err != nil {
		return err
	}
	if err := x.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if s.freezeRows > 0 || s.freezeCols > 0 {
		top := cellName(s.freezeRows+1, s.freezeCols+1)
		return x.SetPanes(s.name, &excelize.Panes{
			Freeze: true, XSplit: s.freezeCols, YSplit: s.freezeRows, TopLeftCell: top, ActivePane: "bottomRight",
			Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomRight"}},
		})
	}
	return nil
}

// addValidation limits the input cells of one kind: counts are non-negative
// whole numbers, 本年增/减 any whole number, money a non-negative decimal, a
// year a year; other cover fields take any text. For a cover field the hint
// shows as the cell's input message.
func addValidation(x *excelize.File, sheet, kind string, refs []string, cover *gongkai.CoverField) error {
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(strings.Join(strings.Split(compactRefs(refs), ","), " "))
	if cover != nil && cover.Hint != "" {
		dv.SetInput(cover.Label, cover.Hint)
	}
	var err error
	switch kind {
	case "":
		// any value: the validation carries only the input message
	case "signed":
		err = dv.SetRange(-1000000000, 1000000000, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween)
		dv.SetError(excelize.DataValidationErrorStyleStop, "数值无效", "请填写整数（增加为正数，减少为负数）。")
	case "money":
		err = dv.SetRange(0, 0, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorGreaterThanOrEqual)
		dv.SetError(excelize.DataValidationErrorStyleStop, "数值无效", "请填写不小于 0 的金额（可带小数）。")
	case "year":
		err = dv.SetRange(1990, 2100, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween)
		dv.SetError(excelize.DataValidationErrorStyleStop, "年度无效", "请填写数据所属年份，如 2021。")
	default:
		err = dv.SetRange(0, 0, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorGreaterThanOrEqual)
		dv.SetError(excelize.DataValidationErrorStyleStop, "数值无效", "请填写不小于 0 的整数；没有发生的填 0。")
	}
	if err != nil {
		return err
	}
	return x.AddDataValidation(sheet, dv)
}

func newStyles(x *excelize.File) (map[int]int, error) {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	left := &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}
	font := &excelize.Font{Family: "宋体", Size: 11}
	bold := &excelize.Font{Family: "宋体", Size: 11, Bold: true}
	integer := "0"
	defs := map[int]*excelize.Style{
		styleTitle:      {Font: &excelize.Font{Family: "黑体", Size: 14, Bold: true}, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}},
		styleHeader:     {Font: bold, Alignment: center, Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7EEF7"}}},
		styleLabel:      {Font: font, Alignment: left, Border: border},
		styleInput:      {Font: font, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}, Border: border, Protection: &excelize.Protection{Locked: false}},
		styleCount:      {Font: font, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}, Border: border, CustomNumFmt: &integer, Protection: &excelize.Protection{Locked: false}},
		styleTotal:      {Font: bold, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}, Border: border, CustomNumFmt: &integer, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}},
		styleMoneyTotal: {Font: bold, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}, Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}},
		styleCoverLabel: {Font: bold, Alignment: left, Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7EEF7"}}},
		styleCoverInput: {Font: font, Alignment: left, Border: border, Protection: &excelize.Protection{Locked: false}},
		styleHint:       {Font: &excelize.Font{Family: "宋体", Size: 10, Color: "808080"}, Alignment: left},
	}
	// In the order of their constants, not the map's: the styles' order is
	// in the file's bytes, and the same report must give the same file, or
	// a workbook re-uploaded is now a new file and now the same one
	// (TestIngestPendingAndConfirm failed about once in 1,100 runs when two
	// writes of one report happened to draw the same order).
	ids := map[int]int{}
	for k := range numStyles {
		st := defs[k]
		if st == nil {
			return nil, fmt.Errorf("template: style %d has no definition", k)
		}
		id, err := x.NewStyle(st)
		if err != nil {
			return nil, err
		}
		ids[k] = id
	}
	return ids, nil
}
