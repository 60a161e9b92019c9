package web

import (
	"fmt"
	"strings"

	"gongkai"
	"gongkai/ingest/doc"
)

// grids lays the figures read from page text out as the official tables:
// the headers and row labels of the format (page text mangles them; the
// figures are what it is read for), every figure at the line it came from.
// A table that the text does not contain gets no grid.
func (tt *textTables) grids() []*doc.Grid {
	if len(tt.rows) == 0 {
		return nil
	}
	rows := tt.resolve()
	var grids []*doc.Grid
	for ti := range tt.format.Tables {
		t := &tt.format.Tables[ti]
		present := false
		for k := range rows {
			if k.table == t.ID {
				present = true
				break
			}
		}
		if !present {
			continue
		}
		g := &doc.Grid{Kind: "text", Name: "表" + t.Numeral}
		g.Rows = append(g.Rows, []doc.Cell{{Text: t.Numeral + "、" + t.Title}})
		for bi := range t.Blocks {
			b := &t.Blocks[bi]
			if t.ID == "reviews" {
				g.Rows = append(g.Rows, reviewHeader(b)...)
				g.Rows = append(g.Rows, valueCells(rows[rowKey{t.ID, bi, 0}], len(b.Columns)))
				continue
			}
			g.Rows = append(g.Rows, blockHeader(b)...)
			for ri, r := range b.Rows {
				label := doc.Cell{Text: r.Label}
				p := rows[rowKey{t.ID, bi, ri}]
				if p != nil && p.label != nil {
					label.Line = p.label.line
				}
				row := []doc.Cell{label}
				// A row the page does not have gets no cells: absent, not
				// blank, so that no sum counts it as 0.
				if !r.Group && p != nil {
					vals := valueCells(p, len(b.Columns))
					tt.blankYuan(t, bi, r.Label, vals)
					row = append(row, vals...)
				}
				g.Rows = append(g.Rows, row)
			}
		}
		tt.missingRows(t, rows)
		grids = append(grids, g)
	}
	return grids
}

// missingRows notes the rows of a table the page has that it does not have
// figures for: a page cut short, or rows whose labels were lost. Their cells
// are absent, and the rules that need them are not evaluated.
func (tt *textTables) missingRows(t *gongkai.Table, rows map[rowKey]*placedRow) {
	var missing []string
	last := 0
	for bi := range t.Blocks {
		b := &t.Blocks[bi]
		for ri, r := range b.Rows {
			if r.Group || t.ID == "reviews" {
				continue
			}
			p := rows[rowKey{t.ID, bi, ri}]
			if p == nil {
				missing = append(missing, r.Label)
				continue
			}
			last = max(last, p.line)
		}
	}
	if len(missing) == 0 {
		return
	}
	at := ""
	if last > 0 {
		at = doc.LineAt(last)
	}
	tt.note("missing_row", gongkai.SeverityWarning, at, t.Title,
		fmt.Sprintf("表%s中有%d行在页面上没有找到（页面可能不完整，或行标签缺失），按缺失处理、不按0计，相关的勾稽关系不检查：「%s」",
			t.Numeral, len(missing), strings.Join(missing, "」「")))
}

// blockHeader is the header of a block with a label column: its title row
// when it has one, the column groups, and the column labels under the corner.
func blockHeader(b *gongkai.Block) [][]doc.Cell {
	var out [][]doc.Cell
	if b.Title != "" {
		row := []doc.Cell{{Text: b.Title}}
		for range b.Columns {
			row = append(row, doc.Cell{Text: b.Title})
		}
		out = append(out, row)
	}
	if b.Header != "" {
		row := []doc.Cell{{Text: b.Corner}}
		for range b.Columns {
			row = append(row, doc.Cell{Text: b.Header})
		}
		out = append(out, row)
	}
	grouped := false
	for _, c := range b.Columns {
		grouped = grouped || c.Group != ""
	}
	if grouped {
		row := []doc.Cell{{Text: b.Corner}}
		for _, c := range b.Columns {
			if c.Group != "" {
				row = append(row, doc.Cell{Text: c.Group})
			} else {
				row = append(row, doc.Cell{Text: c.Label})
			}
		}
		out = append(out, row)
	}
	row := []doc.Cell{{Text: b.Corner}}
	for _, c := range b.Columns {
		row = append(row, doc.Cell{Text: c.Label})
	}
	return append(out, row)
}

// reviewHeader is the three header rows of table 四, which has no label column.
func reviewHeader(b *gongkai.Block) [][]doc.Cell {
	var groups, subs, labels []doc.Cell
	for _, c := range b.Columns {
		groups = append(groups, doc.Cell{Text: c.Group})
		sub := c.Subgroup
		if sub == "" {
			sub = c.Group
		}
		subs = append(subs, doc.Cell{Text: sub})
		labels = append(labels, doc.Cell{Text: c.Label})
	}
	return [][]doc.Cell{groups, subs, labels}
}

// valueCells is the n figure cells of a row; cells without a figure are blank.
func valueCells(p *placedRow, n int) []doc.Cell {
	cells := make([]doc.Cell, n)
	if p == nil {
		return cells
	}
	for i := range cells {
		cells[i].Line = p.line // a cell left blank points at its row
	}
	for i := 0; i < n && i < len(p.vals); i++ {
		cells[i] = doc.Cell{Text: p.vals[i].text, Line: p.vals[i].line}
	}
	return cells
}
