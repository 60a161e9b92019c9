package warehouse

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// WriteCSV writes the table as CSV with a header row. With bom it starts
// with a UTF-8 byte-order mark, which Excel needs to read Chinese text.
func (t *Table) WriteCSV(w io.Writer, bom bool) error {
	if bom {
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(t.Columns); err != nil {
		return err
	}
	rec := make([]string, len(t.Columns))
	for _, row := range t.Rows {
		for i, v := range row {
			rec[i] = csvText(v)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvText is text(v) for a CSV cell that a spreadsheet opens: a text that
// a spreadsheet would read as a formula (SpreadsheetSafe) gets a leading
// apostrophe. Numbers, times and NULL are written as text writes them.
func csvText(v any) string {
	switch plain(v).(type) {
	case string, []byte:
		return SpreadsheetSafe(text(v))
	}
	return text(v)
}

// SpreadsheetSafe returns s with a leading apostrophe when a spreadsheet
// opening it as a CSV cell would read it as a formula: it starts with =, @,
// a tab or a carriage return, or with + or - and is not a number (nor
// dashes only, "-" or "--", a blank's mark). Agency names and a cell's raw
// text come from uploaded files: an agency named
// =HYPERLINK("http://…","详情") went into every CSV export that lists
// agencies as a live formula (review s38). The apostrophe is what Excel
// and LibreOffice take as "text", and shows nothing. Workbooks
// (WriteXLSX) are not touched: their strings are typed as strings.
func SpreadsheetSafe(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '@', '\t', '\r':
		return "'" + s
	case '+', '-':
		if strings.Trim(s, "-") == "" {
			return s
		}
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return s
		}
		return "'" + s
	}
	return s
}

// WriteXLSX writes the table as a workbook with one sheet of the given name.
func (t *Table) WriteXLSX(w io.Writer, sheet string) error {
	return t.WriteXLSXNotes(w, sheet, "", nil)
}

// WriteXLSXNotes writes the table as WriteXLSX does, after a first sheet
// named notesSheet with one line of notes per row (what the data covers,
// when it was exported); with no notes there is no such sheet. Errors are
// excelize's or w's.
func (t *Table) WriteXLSXNotes(w io.Writer, sheet, notesSheet string, notes []string) error {
	f := excelize.NewFile()
	defer f.Close()
	first := sheet
	if len(notes) > 0 {
		first = notesSheet
	}
	if err := f.SetSheetName("Sheet1", first); err != nil {
		return err
	}
	if len(notes) > 0 {
		for i, n := range notes {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetCellStr(notesSheet, cell, n); err != nil {
				return err
			}
		}
		if err := f.SetColWidth(notesSheet, "A", "A", 100); err != nil {
			return err
		}
		if _, err := f.NewSheet(sheet); err != nil {
			return err
		}
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	header := make([]any, len(t.Columns))
	for i, c := range t.Columns {
		header[i] = c
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	for r, row := range t.Rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(cell, xlsxRow(row)); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(w)
}

// xlsxRow converts one result row to worksheet cells: numbers and booleans
// stay typed so that Excel can sum them, NULL stays an empty cell, and
// everything else is written as its text.
func xlsxRow(vals []any) []any {
	cells := make([]any, len(vals))
	for i, v := range vals {
		switch x := plain(v).(type) {
		case nil:
		case float64, int64, int32, bool:
			cells[i] = x
		default:
			cells[i] = text(x)
		}
	}
	return cells
}
