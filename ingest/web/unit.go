package web

import (
	"fmt"
	"slices"
	"strings"

	"gongkai"
	"gongkai/ingest/doc"
	"gongkai/ingest/labels"
)

// yuanColumns returns the columns of block b in a unit of money (万元)
// that a header cell's text states in another ("（单位：元）", "（元）",
// "单位：元"; labels.UnitNotes): the columns whose label (without its
// note) the text names, or every such column when the text is the note
// alone. It returns nil for a header in the column's own unit or without
// one, and the unit stated otherwise.
func yuanColumns(b *gongkai.Block, header string) ([]int, string) {
	var out []int
	stated := ""
	for _, n := range labels.UnitNotes(header) {
		rest := strings.TrimRight(n.Prefix, "(") // "（" before "单位"
		for ci, c := range b.Columns {
			if !strings.HasSuffix(c.Unit, "元") || !n.Other(c.Unit) || slices.Contains(out, ci) {
				continue
			}
			if rest == "" {
				out, stated = append(out, ci), n.OtherUnit(c.Unit)
				continue
			}
			for _, name := range append([]string{c.Label}, c.Aliases...) {
				if stem := labels.Normalize(labelStem(name)); stem != "" && strings.Contains(rest, stem) {
					out, stated = append(out, ci), n.OtherUnit(c.Unit)
					break
				}
			}
		}
	}
	return out, stated
}

// labelStem is a column label without its parenthesised note
// ("本年收费金额（单位：万元）" → "本年收费金额").
func labelStem(s string) string {
	if i := strings.IndexAny(s, "(（"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// yuanMessage is the finding's text for figures left blank under a header
// that states a unit (元) where the format's column is in another (万元).
func yuanMessage(header string, line int, stated, unit string) string {
	return fmt.Sprintf("第%d行的表头“%s”写明单位为%s，模板此列单位为%s；这一列的数字按缺失处理（不换算，请核对原表）", line, header, stated, unit)
}

// blankYuanColumns leaves blank, with an error each, the figures of an HTML
// table under a header cell that states 元 where the format's column is in
// 万元: read by position they would be 10,000 times too large. The rows
// blanked are those right under the header whose labels are rows of the
// column's block; the header's unit is never guessed into a conversion.
func blankYuanColumns(grids []*doc.Grid) []gongkai.Finding {
	var out []gongkai.Finding
	for _, g := range grids {
		for r, row := range g.Rows {
			for c, cell := range row {
				// Most cells state no unit of money: the statement is
				// looked for once a cell, not once a cell and format.
				if len(labels.UnitNotes(cell.Text)) == 0 {
					continue
				}
				for _, f := range gongkai.Formats() {
					out = append(out, blankUnder(labels.For(f), g, r, c)...)
				}
			}
		}
	}
	return out
}

// blankUnder blanks the cells in column c of g under the header cell at
// (r, c), for the 万元 columns of the blocks whose rows follow it.
func blankUnder(d *labels.Dict, g *doc.Grid, r, c int) []gongkai.Finding {
	header := g.Rows[r][c]
	var out []gongkai.Finding
	for rr := r + 1; rr < len(g.Rows); rr++ {
		row := g.Rows[rr]
		if c >= len(row) || c == 0 {
			break
		}
		label := row[0].Text
		var entry *labels.Entry
		for _, e := range d.Lookup(label) {
			if e.Kind == "row" {
				entry = &e
				break
			}
		}
		if entry == nil {
			break
		}
		t := d.Format.Table(entry.Table)
		if t == nil || entry.Block >= len(t.Blocks) {
			break
		}
		b := &t.Blocks[entry.Block]
		cols, stated := yuanColumns(b, header.Text)
		// The label may span columns (merged cells repeat it): the
		// figures start after its last copy.
		lc := 0
		for j := 1; j < c; j++ {
			if row[j].Text == label {
				lc = j
			}
		}
		ci := c - lc - 1
		if !slices.Contains(cols, ci) || strings.TrimSpace(row[c].Text) == "" {
			continue
		}
		line := row[c].Line
		row[c].Text = ""
		out = append(out, gongkai.Finding{
			Rule: "unit", Severity: gongkai.SeverityError, At: doc.LineAt(line),
			RowLabel: b.Rows[entry.Index].Label, ColumnLabel: b.Columns[ci].Label,
			Message: yuanMessage(header.Text, header.Line, stated, b.Columns[ci].Unit),
		})
	}
	return out
}

// yuanHead is a header cell of page text that states 元 over a column the
// format has in 万元.
type yuanHead struct {
	text   string
	line   int
	stated string // the unit it states
}

// blockCol names a column of a block of a table.
type blockCol struct {
	table      string
	block, col int
}

// noteHeads records, for the block of a row just opened, the header cells
// met since the row before that state 元 over a 万元 column.
func (tt *textTables) noteHeads(table string, block int, heads []*tcell) {
	t := tt.format.Table(table)
	if t == nil || block >= len(t.Blocks) {
		return
	}
	for _, h := range heads {
		cols, stated := yuanColumns(&t.Blocks[block], h.text)
		for _, ci := range cols {
			if tt.yuan == nil {
				tt.yuan = map[blockCol]yuanHead{}
			}
			tt.yuan[blockCol{table, block, ci}] = yuanHead{h.text, h.line, stated}
		}
	}
}

// blankYuan leaves blank, with an error each, a row's figures in the
// columns whose header the page states in 元 where the format has 万元.
func (tt *textTables) blankYuan(t *gongkai.Table, bi int, rowLabel string, cells []doc.Cell) {
	for ci := range cells {
		h, ok := tt.yuan[blockCol{t.ID, bi, ci}]
		if !ok || strings.TrimSpace(cells[ci].Text) == "" {
			continue
		}
		cells[ci].Text = ""
		tt.notes = append(tt.notes, gongkai.Finding{
			Rule: "unit", Severity: gongkai.SeverityError, At: doc.LineAt(cells[ci].Line),
			RowLabel: rowLabel, ColumnLabel: t.Blocks[bi].Columns[ci].Label,
			Message: yuanMessage(h.text, h.line, h.stated, t.Blocks[bi].Columns[ci].Unit),
		})
	}
}
