// Package doc holds the one document model that every reader of package
// ingest produces: grids of cell text with their locations, and lines of
// narrative text. The locator, the rules and the narrative reading in ingest
// work on this model only, so they never know which medium a report came in
// (workbook, web page, page text, PDF, Word).
//
// Readers live in their own packages under ingest/ and import this one;
// this package imports nothing of the project but package gongkai.
package doc

import (
	"fmt"
	"strconv"

	"gongkai"
)

// Cell is the displayed text of one grid cell. Line is the 1-based line of
// the source text the cell came from, or 0 for spreadsheet cells. Page is the
// 1-based page of a paged source (PDF) the cell came from, or 0.
type Cell struct {
	Text string
	Line int
	Page int
}

// Grid is one rectangular sheet of cells: a worksheet, an HTML table, a Word
// table, a table rebuilt from a PDF page's geometry, or the rows recovered
// from page text. Rows may have different lengths. Merged cells are resolved
// by the reader: every cell a merge covers holds the merge's text, so the
// locator can read headers split over merged cells.
type Grid struct {
	Name string // worksheet name; empty for page text and HTML
	Kind string // "xlsx", "html", "text", "pdf", "docx", "xls", "ods" …
	Rows [][]Cell
	// Hidden is set for a worksheet the workbook hides: a copy of last
	// year's table is often kept that way.
	Hidden bool
	// Line is where the grid stands among the document's lines when its
	// cells carry no line of their own (a Word table: the number of its
	// first paragraph), so that a line above it ("单位：元") is known to be
	// above it; 0 otherwise.
	Line int
}

// Document is what a reader makes of one source file: its grids, and for web
// and paged sources the lines of text outside the tables (title, narrative,
// publication date), each with its line number.
type Document struct {
	Kind  string // "xlsx", "html", "text", "pdf", "docx", "xls" …
	Name  string // the file name
	Grids []*Grid
	Lines []Line
	// Notes are problems the reader met and resolved or gave up on (a lost
	// row label, digits run together); Extract adds them to the findings.
	Notes []gongkai.Finding
}

// Line is one line of narrative text with its 1-based line number, and the
// 1-based page it stands on for paged sources (0 otherwise).
type Line struct {
	N    int
	Text string
	Page int
}

// Text returns the text of cell (r, c), or "" outside the grid.
func (g *Grid) Text(r, c int) string {
	if r < 0 || r >= len(g.Rows) || c < 0 || c >= len(g.Rows[r]) {
		return ""
	}
	return g.Rows[r][c].Text
}

// Loc returns the location of cell (r, c), 0-based, as a person reads it:
// "表三!D12" for a worksheet cell, "第3页" for a cell of a paged source,
// "line 87" for text that came from a numbered line, and "表格2 第12行第4列"
// for an HTML table. A cell outside a row of a paged source, or one with no
// place of its own, is on the page of its row's other cells.
func (g *Grid) Loc(r, c int) string {
	inside := r >= 0 && r < len(g.Rows) && c >= 0 && c < len(g.Rows[r])
	if inside && g.Rows[r][c].Page > 0 {
		return "第" + strconv.Itoa(g.Rows[r][c].Page) + "页"
	}
	if inside && g.Rows[r][c].Line > 0 {
		return LineAt(g.Rows[r][c].Line)
	}
	// A cell a paged source leaves blank has no place of its own (the
	// reader made it to keep the columns): it stands on its row's page.
	if r >= 0 && r < len(g.Rows) {
		for _, cell := range g.Rows[r] {
			if cell.Page > 0 {
				return "第" + strconv.Itoa(cell.Page) + "页"
			}
		}
	}
	if g.Kind == "xlsx" || g.Kind == "xls" || g.Kind == "ods" {
		return g.Name + "!" + ColumnName(c) + strconv.Itoa(r+1)
	}
	name := g.Name
	if name == "" {
		name = "表格"
	}
	return fmt.Sprintf("%s 第%d行第%d列", name, r+1, c+1)
}

// LineAt is the location of line n of a text source: "line 87".
func LineAt(n int) string { return "line " + strconv.Itoa(n) }

// ColumnName returns the spreadsheet column letters of the 0-based column c
// (0 → "A", 26 → "AA").
func ColumnName(c int) string {
	name := ""
	for c++; c > 0; c = (c - 1) / 26 {
		name = string(rune('A'+(c-1)%26)) + name
	}
	return name
}

// FormatNumber renders a number the way a spreadsheet shows it in the General
// format, to 15 significant digits (0.1+0.2 → "0.3", 1e21 → "1e+21"): the
// text a reader gives a numeric cell, and the text the template writer
// compares a report's raw figure with to store it as a number.
func FormatNumber(f float64) string {
	if f == 0 {
		return "0" // also for -0
	}
	g, err := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 15, 64), 64)
	if err != nil {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	if g >= 1e21 || g <= -1e21 || (g > -1e-9 && g < 1e-9) {
		return strconv.FormatFloat(g, 'g', -1, 64)
	}
	return strconv.FormatFloat(g, 'f', -1, 64)
}
