// Package ingest turns source files (.xlsx workbooks, HTML pages, published
// page text) into gongkai.Report values. It does no HTTP and no SQL.
//
// Every source kind is first read into Grids of cell text; one label-anchored
// locator then finds tables 二, 三 and 四 in those grids using the format
// definitions of package gongkai, so that spreadsheets and web pages share the
// same matching and the same rules. Every value and finding carries a location
// a person can act on: "表三!D12" for a sheet cell, "line 87" for page text.
package ingest

import (
	"fmt"
	"strconv"

	"gongkai"
)

// Cell is the displayed text of one grid cell. Line is the 1-based line of
// the source text the cell came from, or 0 for spreadsheet cells.
type Cell struct {
	Text string
	Line int
}

// Grid is one rectangular sheet of cells: a worksheet, an HTML table, or the
// rows recovered from page text. Rows may have different lengths. Merged
// cells are resolved by the reader: every cell a merge covers holds the
// merge's text, so the locator can read headers split over merged cells.
type Grid struct {
	Name string // worksheet name; empty for page text and HTML
	Kind string // "xlsx", "html" or "text"
	Rows [][]Cell
}

// Document is what a reader makes of one source file: its grids, and for web
// sources the page's lines of text outside the tables (title, narrative,
// publication date), each with its line number.
type Document struct {
	Kind  string // "xlsx", "html" or "text"
	Name  string // the file name
	Grids []*Grid
	Lines []Line
	// Notes are problems the reader met and resolved or gave up on (a lost
	// row label, digits run together); Extract adds them to the findings.
	Notes []gongkai.Finding
}

// Line is one line of narrative text with its 1-based line number.
type Line struct {
	N    int
	Text string
}

// Text returns the text of cell (r, c), or "" outside the grid.
func (g *Grid) Text(r, c int) string {
	if r < 0 || r >= len(g.Rows) || c < 0 || c >= len(g.Rows[r]) {
		return ""
	}
	return g.Rows[r][c].Text
}

// Loc returns the location of cell (r, c), 0-based, as a person reads it:
// "表三!D12" for a worksheet cell, "line 87" for text that came from a
// numbered line, and "表格2 第12行第4列" for an HTML table.
func (g *Grid) Loc(r, c int) string {
	if r >= 0 && r < len(g.Rows) && c >= 0 && c < len(g.Rows[r]) && g.Rows[r][c].Line > 0 {
		return "line " + strconv.Itoa(g.Rows[r][c].Line)
	}
	if g.Kind == "xlsx" {
		return g.Name + "!" + ColumnName(c) + strconv.Itoa(r+1)
	}
	name := g.Name
	if name == "" {
		name = "表格"
	}
	return fmt.Sprintf("%s 第%d行第%d列", name, r+1, c+1)
}

// ColumnName returns the spreadsheet column letters of the 0-based column c
// (0 → "A", 26 → "AA").
func ColumnName(c int) string {
	name := ""
	for c++; c > 0; c = (c - 1) / 26 {
		name = string(rune('A'+(c-1)%26)) + name
	}
	return name
}
