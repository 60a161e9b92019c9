package ingest

import (
	"strings"

	"gongkai"
	"gongkai/ingest/labels"
	"gongkai/ingest/value"
)

// Columns: mapping a block's columns to grid columns from its header rows,
// and reading a row's figures when the header does not line up.

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
	if ng.g.Kind == "text" && len(row) <= labelCol+1 {
		// Page text lays out a row the page does not have as its label
		// alone: the row is absent, not a row of blanks.
		return nil
	}
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
	// A partial mapping stands when the row's cells are exactly the mapped
	// ones (part of a table: 行政复议 alone), or in a workbook, whose columns
	// line up, when the header lost a few columns.
	if mapped > 0 && consistent(row, labelCol, colMap) &&
		(filledAfter(row, labelCol) == mapped || ng.g.Kind == "xlsx" && mapped*2 >= len(colMap)) {
		return colMap
	}
	return nil
}

// filledAfter counts the non-blank cells after the label.
func filledAfter(row []Cell, labelCol int) int {
	n := 0
	for c := labelCol + 1; c < len(row); c++ {
		if strings.TrimSpace(row[c].Text) != "" {
			n++
		}
	}
	return n
}

// officialOrder reads the cells after the label as the block's columns in
// order: all of them (blank cells included) when their count matches, else
// the non-blank ones (spacer columns) when theirs does.
func officialOrder(row []Cell, labelCol, n int) []int {
	end := len(row)
	for end > labelCol+1 && strings.TrimSpace(row[end-1].Text) == "" {
		end--
	}
	var cols, filled []int
	words := 0
	for c := labelCol + 1; c < end; c++ {
		cols = append(cols, c)
		if strings.TrimSpace(row[c].Text) != "" {
			filled = append(filled, c)
			if !value.FigureCell(row[c].Text) && wordy(labels.Normalize(row[c].Text)) {
				words++
			}
		}
	}
	// Words where figures belong (a note, a second header) are not a row
	// of figures, even when their count fits.
	if words*2 > len(filled) {
		return nil
	}
	switch n {
	case len(cols):
		return cols
	case len(filled):
		return filled
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
		if c >= 0 && c < len(row) && !value.FigureCell(row[c].Text) && strings.TrimSpace(row[c].Text) != "" {
			return false
		}
	}
	for c := labelCol + 1; c < len(row); c++ {
		// A figure repeated from its left neighbour is a merged cell
		// (colspan) the reader spread out, not a figure of its own.
		if !in[c] && value.FigureCell(row[c].Text) && (c == 0 || row[c].Text != row[c-1].Text) {
			return false
		}
	}
	return true
}

// maxLayoutFindings caps the rows reported as unreadable in one report.
const maxLayoutFindings = 20

// layoutFinding records a row whose figures could not be assigned to
// columns: saying so is better than guessing.
func (l *location) layoutFinding(lb *locBlock, ng *normGrid, h locHit) {
	if len(l.findings) >= maxLayoutFindings {
		return // a page this broken needs reading by a person, not a longer list
	}
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
