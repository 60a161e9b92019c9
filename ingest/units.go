package ingest

import (
	"fmt"
	"strings"

	"gongkai"
	"gongkai/ingest/labels"
)

// A report may state the unit of its figures outside the cells the locator
// reads them from: in a table's caption, in a line just above the table
// ("单位：元", "（金额单位：元）"), in a merged title row, in a note under it
// ("注：收费金额单位为元"), or once for the whole report. The format's column
// of fees is in 万元; a figure the report states in 元, read as 万元, would be
// 10,000 times too large without anyone seeing it. This file finds those
// statements for each located figure of money.

// unitStatement is a statement of unit found in a report, and where.
type unitStatement struct {
	note  labels.UnitNote
	text  string // the text it stands in, as written
	where string // "line 7", "第3页", "表二!A1", "表格1 第1行第1列"
}

// statedUnits leaves blank, with a unit error each, the located figures of
// money whose column the format has in a unit (万元) other than the one the
// report states for them outside the column's header: in the lines between
// the heading of the figure's table and the table, in the table's caption,
// in the rows of its grid above or below the figure up to the next table,
// in the lines under it up to the next heading or table, or for the whole
// report. The figure is never converted: a statement outside the column
// may not be meant for it, so it is left for a person to check, with the
// statement and where it stands in the finding. A statement of the
// format's own unit ("单位：个、件、万元") changes nothing. It blanks the cells
// in the grids, so it runs before the values are read.
func statedUnits(d *Document, loc *location) []gongkai.Finding {
	var out []gongkai.Finding
	var whole []unitStatement
	wholeDone := false
	for bi, lb := range loc.lf.blocks {
		for ci, lc := range lb.cols {
			unit := lc.def.Unit
			if !strings.HasSuffix(unit, "元") {
				continue
			}
			for ri, lr := range lb.rows {
				if lr.def.Group {
					continue
				}
				at, ok := loc.cell(locKey{bi, ri, ci})
				if !ok || strings.TrimSpace(at.g.Text(at.r, at.c)) == "" {
					continue
				}
				if !wholeDone {
					whole, wholeDone = wholeReportUnits(d), true
				}
				st, found := unitInScope(d, loc, lb, at, unit, whole)
				if !found {
					continue
				}
				cell := &at.g.Rows[at.r][at.c]
				raw := strings.TrimSpace(cell.Text)
				cell.Text = ""
				measure, applicant := lb.block.Cell(*lr.def, *lc.def)
				out = append(out, gongkai.Finding{
					Rule: "unit", Severity: gongkai.SeverityError, At: at.g.Loc(at.r, at.c),
					RowLabel: lr.def.Label, ColumnLabel: lc.def.Label, Measure: measure, Applicant: applicant,
					Message: fmt.Sprintf("%s写明“%s”，与模板此栏的单位（%s）不同；本格的“%s”按缺失处理（不换算：无法确定这一说明是否针对本栏，请核对原表）",
						st.where, st.text, unit, raw),
				})
			}
		}
	}
	return out
}

// wholeReportUnits returns the statements of a unit of money the report
// makes for all of itself ("本报告中涉及金额的单位均为元"), wherever they stand.
func wholeReportUnits(d *Document) []unitStatement {
	var out []unitStatement
	for _, l := range d.Lines {
		for _, n := range labels.UnitNotes(l.Text) {
			if n.WholeReport() {
				out = append(out, unitStatement{note: n, text: l.Text, where: lineWhere(l)})
			}
		}
	}
	for _, g := range d.Grids {
		if g == nil {
			continue
		}
		for r, row := range g.Rows {
			for c, cell := range row {
				if c > 0 && cell.Text == row[c-1].Text {
					continue // a merge the reader repeated
				}
				for _, n := range labels.UnitNotes(cell.Text) {
					if n.WholeReport() {
						out = append(out, unitStatement{note: n, text: cell.Text, where: cellWhere(g, r, c)})
					}
				}
			}
		}
	}
	return out
}

// lineWhere names a line as a person finds it: its page for a paged
// source, else its number.
func lineWhere(l Line) string {
	if l.Page > 0 {
		return fmt.Sprintf("第%d页", l.Page)
	}
	return fmt.Sprintf("第%d行", l.N)
}

// cellWhere names a grid cell as a person finds it: its page or line for
// a cell of published text, else its place in the grid ("表二!A1").
func cellWhere(g *Grid, r, c int) string {
	if cell := g.Rows[r][c]; cell.Page > 0 || cell.Line > 0 {
		return lineWhere(Line{N: cell.Line, Page: cell.Page})
	}
	return g.Loc(r, c)
}

// unitInScope returns the first statement that states, for the figure at
// at of block lb, a unit of money other than unit. The scope is the
// figure's table: its grid's rows above and below the figure up to a row
// of another table, and the lines around the grid up to the heading of
// another section or another table's grid. Above the table's own heading
// only the line just before it counts, when it is a statement alone: a
// "单位：元" set there is ambiguous, and blank with a finding is the safe
// reading of it.
func unitInScope(d *Document, loc *location, lb *locBlock, at locCell, unit string, whole []unitStatement) (unitStatement, bool) {
	for _, s := range whole {
		if s.note.Other(unit) {
			return s, true
		}
	}
	g := at.g
	other := otherTableRows(loc, lb, g)
	check := func(text, where string) (unitStatement, bool) {
		for _, n := range labels.UnitNotes(text) {
			if n.Other(unit) && aboutColumn(loc.lf, lb, n.Prefix) {
				return unitStatement{note: n, text: strings.TrimSpace(text), where: where}, true
			}
		}
		return unitStatement{}, false
	}
	checkAlone := func(l Line) (unitStatement, bool) {
		for _, n := range labels.UnitNotes(l.Text) {
			if n.Other(unit) && strings.Trim(n.Prefix, "(:注") == "" {
				return unitStatement{note: n, text: strings.TrimSpace(l.Text), where: lineWhere(l)}, true
			}
		}
		return unitStatement{}, false
	}
	inRow := func(r int) (unitStatement, bool) {
		row := g.Rows[r]
		for c, cell := range row {
			if c > 0 && cell.Text == row[c-1].Text {
				continue
			}
			if s, ok := check(cell.Text, cellWhere(g, r, c)); ok {
				return s, true
			}
		}
		return unitStatement{}, false
	}
	for r := at.r - 1; r >= 0 && !other[r]; r-- {
		if s, ok := inRow(r); ok {
			return s, true
		}
	}
	for r := at.r + 1; r < len(g.Rows) && !other[r]; r++ {
		if s, ok := inRow(r); ok {
			return s, true
		}
	}
	first, last := gridLines(g)
	if first == 0 {
		return unitStatement{}, false // a worksheet: no lines around it
	}
	// The lines around the grid, up to the next grid of the report's
	// tables on either side.
	before, after := 0, int(^uint(0)>>1)
	seen := map[*Grid]bool{g: true}
	for _, c := range loc.cells {
		if c.g == nil || seen[c.g] {
			continue // each grid once: its span walks all its cells
		}
		seen[c.g] = true
		f, l := gridLines(c.g)
		if l > 0 && l < first {
			before = max(before, l)
		}
		if f > last {
			after = min(after, f)
		}
	}
	numeral := lb.table.Numeral
	for i := len(d.Lines) - 1; i >= 0; i-- {
		l := d.Lines[i]
		if l.N >= first {
			continue
		}
		if l.N <= before {
			break
		}
		// The table's own heading may state the unit too, and so may the
		// line set just before it ("单位：元" over "二、主动公开政府信息情况"),
		// when it is a statement alone: the prose of the section before
		// is about other things.
		n := labels.SectionNumeral(l.Text)
		if n != "" && n != numeral {
			break
		}
		if s, ok := check(l.Text, lineWhere(l)); ok {
			return s, true
		}
		if n == numeral {
			if i > 0 && d.Lines[i-1].N > before {
				if s, ok := checkAlone(d.Lines[i-1]); ok {
					return s, true
				}
			}
			break
		}
	}
	for _, l := range d.Lines {
		if l.N <= last {
			continue
		}
		if l.N >= after || labels.SectionNumeral(l.Text) != "" {
			break
		}
		if s, ok := check(l.Text, lineWhere(l)); ok {
			return s, true
		}
	}
	return unitStatement{}, false
}

// otherTableRows marks the rows of grid g that hold figures of a table other
// than lb's, or name another table in a title: the figure's table ends there.
func otherTableRows(loc *location, lb *locBlock, g *Grid) map[int]bool {
	out := map[int]bool{}
	for _, ob := range loc.lf.blocks {
		if ob.table == lb.table {
			continue
		}
		for ri := range ob.rows {
			for ci := range ob.cols {
				if c, ok := loc.cell(locKey{ob.index, ri, ci}); ok && c.g == g {
					out[c.r] = true
				}
			}
		}
	}
	var titles []string
	for ti := range loc.lf.f.Tables {
		if t := &loc.lf.f.Tables[ti]; t != lb.table {
			titles = append(titles, labels.Normalize(t.Title))
		}
	}
	for r, row := range g.Rows {
		for c, cell := range row {
			if c > 0 && cell.Text == row[c-1].Text || len(cell.Text) > 200 {
				continue
			}
			n := labels.Normalize(cell.Text)
			for _, t := range titles {
				if strings.Contains(n, t) {
					out[r] = true
				}
			}
		}
	}
	return out
}

// aboutColumn reports whether a statement of unit may be about the columns
// of block lb: it stands alone ("单位：元"), or names the table, the money or
// the fees, not another block's column ("本年处理决定数量（元）").
func aboutColumn(lf *locFormat, lb *locBlock, prefix string) bool {
	if prefix == "" || strings.Contains(prefix, "金额") || strings.Contains(prefix, "收费") || strings.Contains(prefix, "费用") {
		return true
	}
	for _, ob := range lf.blocks {
		if ob == lb {
			continue
		}
		for _, c := range ob.cols {
			if stem, _, _ := strings.Cut(c.label, "("); len([]rune(stem)) >= 4 && strings.Contains(prefix, stem) {
				return false
			}
		}
	}
	return true
}

// gridLines returns the first and last line a grid's cells stand on, or
// the line of a grid whose cells carry none (Word), or 0, 0 (a worksheet).
func gridLines(g *Grid) (first, last int) {
	if g.Line > 0 {
		return g.Line, g.Line
	}
	for _, row := range g.Rows {
		for _, c := range row {
			if c.Line <= 0 {
				continue
			}
			if first == 0 || c.Line < first {
				first = c.Line
			}
			last = max(last, c.Line)
		}
	}
	return first, last
}
