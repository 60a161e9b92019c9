// Package ingest turns source files (.xlsx workbooks, HTML pages, published
// page text) into gongkai.Report values. It does no HTTP and no SQL.
//
// Every source kind is first read into the one document model of package
// ingest/doc; one label-anchored locator then finds tables 二, 三 and 四 in its
// grids using the format definitions of package gongkai, so that every
// medium shares the same matching and the same rules. Every value and finding
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
