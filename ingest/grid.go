// Package ingest turns source files (workbooks, web pages and page text,
// Word and PDF reports) into gongkai.Report values. It does no HTTP and no
// SQL.
//
// Every source kind is told by its content (package sniff) and read by its
// own reader (packages xlsx, xls, xmlsheet, web, docx, pdf) into the one
// document model of package doc; one label-anchored locator here then finds
// tables 二, 三 and 四 in its grids using the format definitions of package
// gongkai, and the extraction, the narrative reading and the rules work on
// the document alone, so that every medium shares the same matching and the
// same rules. Below the readers are only doc, labels (label folding and the
// words of reports) and value (reading figures); the template writer that
// makes workbooks is package template, off the reading path. Every value and finding
// carries a location a person can act on: "表三!D12" for a sheet cell,
// "line 87" for page text, "第3页" for a PDF.
package ingest

import "gongkai/ingest/doc"

// The document model lives in package doc so that readers in their own
// packages can produce it; these names keep ingest's code and API unchanged.
type (
	Cell     = doc.Cell
	Grid     = doc.Grid
	Document = doc.Document
	Line     = doc.Line
)

// ColumnName returns the spreadsheet column letters of the 0-based column c
// (0 → "A", 26 → "AA").
func ColumnName(c int) string { return doc.ColumnName(c) }
