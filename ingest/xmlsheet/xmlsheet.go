// Package xmlsheet reads the spreadsheets that are plain XML into the
// document model of package ingest/doc: Excel 2003 XML (SpreadsheetML, what
// many government systems' "导出Excel" buttons write under a .xls name) and
// OpenDocument spreadsheets (.ods, a zip holding content.xml). One grid per
// worksheet; merged cells resolved so that every cell a merge covers holds
// its text; numbers read as stored, not as displayed.
package xmlsheet

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"gongkai"
	"gongkai/ingest/doc"
)

// Limits that keep a hostile file from taking the memory or the time of the
// server, as for the other spreadsheet readers.
const (
	maxXML       = 64 << 20  // bytes of XML
	maxSheets    = 256       // worksheets
	maxRows      = 20000     // rows of one worksheet that may hold text
	maxCols      = 1000      // columns
	maxGridCells = 1_000_000 // cells of all grids after merges are resolved
	maxTokens    = 8 << 20   // XML tokens read
)

func invalid(msg string, err error) error {
	return &gongkai.Error{Code: gongkai.CodeInvalid, Message: msg, Err: err}
}

// sheet collects one worksheet's cells and merges as a reader meets them.
type sheet struct {
	g      *doc.Grid
	merges [][4]int // row, column, rows down, columns across
}

// set puts text at (r, c), ignoring cells past the limits (a report's
// tables are far inside them).
func (s *sheet) set(r, c int, text string) {
	if r < 0 || c < 0 || r >= maxRows || c >= maxCols || text == "" {
		return
	}
	for len(s.g.Rows) <= r {
		s.g.Rows = append(s.g.Rows, nil)
	}
	for len(s.g.Rows[r]) <= c {
		s.g.Rows[r] = append(s.g.Rows[r], doc.Cell{})
	}
	s.g.Rows[r][c].Text = text
}

// book is the sheets read so far, with the count of cells against the limit.
type book struct {
	sheets []*sheet
	cells  int
}

func (b *book) add(kind, name string) (*sheet, error) {
	if len(b.sheets) >= maxSheets {
		return nil, invalid("工作表过多，不像年度报告", nil)
	}
	s := &sheet{g: &doc.Grid{Kind: kind, Name: name}}
	b.sheets = append(b.sheets, s)
	return s, nil
}

// finish spreads each merge's text over the cells it covers, counting them
// against the limit before laying any out, and returns the document.
func (b *book) finish(kind string) (*doc.Document, error) {
	d := &doc.Document{Kind: kind}
	for _, s := range b.sheets {
		for _, row := range s.g.Rows {
			b.cells += len(row)
		}
		for _, m := range s.merges {
			r0, c0 := m[0], m[1]
			r1, c1 := min(r0+m[2], maxRows-1), min(c0+m[3], maxCols-1)
			if r0 >= len(s.g.Rows) || c0 >= len(s.g.Rows[r0]) || s.g.Rows[r0][c0].Text == "" {
				continue
			}
			if b.cells += (r1 - r0 + 1) * (c1 - c0 + 1); b.cells > maxGridCells {
				return nil, invalid(fmt.Sprintf("工作表“%s”的合并单元格过大，不像年度报告", s.g.Name), nil)
			}
			text := s.g.Rows[r0][c0].Text
			for r := r0; r <= r1; r++ {
				for c := c0; c <= c1; c++ {
					s.set(r, c, text)
				}
			}
		}
		if b.cells > maxGridCells {
			return nil, invalid("工作簿的单元格过多，不像年度报告", nil)
		}
		d.Grids = append(d.Grids, s.g)
	}
	if len(d.Grids) == 0 {
		return nil, invalid("工作簿中没有工作表", nil)
	}
	return d, nil
}

// tokens walks the tokens of an XML stream, at most maxTokens of them,
// calling fn for each; a parse error is a damaged file.
func tokens(r io.Reader, what string, fn func(xml.Token) error) error {
	d := xml.NewDecoder(io.LimitReader(r, maxXML))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	for n := 0; ; n++ {
		if n > maxTokens {
			return invalid(what+"结构过于复杂，不像年度报告", nil)
		}
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return invalid(what+"已损坏（XML 无法解析）", err)
		}
		if err := fn(tok); err != nil {
			return err
		}
	}
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// count reads a positive count attribute (an index, a span, a repeat),
// capped at limit; absent or bad is def.
func count(e xml.StartElement, local string, def, limit int) int {
	n, err := strconv.Atoi(strings.TrimSpace(attr(e, local)))
	if err != nil || n < 1 {
		return def
	}
	return min(n, limit)
}

// number returns a stored number as plain decimal text, or "" when v is not
// a finite number.
func number(v string) string {
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || f != f || f > 1e300 || f < -1e300 {
		return ""
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}
