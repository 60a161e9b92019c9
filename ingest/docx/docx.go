// Package docx reads Word documents (.docx, Office Open XML, as Word, WPS and
// LibreOffice write them) into the document model of package ingest/doc:
// paragraphs become lines, tables (w:tbl) become grids with their merged cells
// (gridSpan, vMerge) resolved so that every cell a merge covers holds its
// text.
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"gongkai"
	"gongkai/ingest/doc"
)

// Limits that keep a hostile document from taking the memory or the time of
// the server: a report's document.xml is well under a megabyte and its tables
// have a few hundred cells; Word allows 63 columns.
const (
	maxXML     = 32 << 20 // bytes of word/document.xml, uncompressed
	maxCells   = 1 << 18  // grid cells laid out, all tables together
	maxSpan    = 64       // columns one cell may span
	maxTokens  = 4 << 20  // XML tokens read
	maxNesting = 8        // tables inside table cells
	// maxText bounds the text of w:t elements read: twice what package
	// ingest lets a report hold (maxDocumentText, 2 MB), which it checks
	// only once the document is read. 30 MB of sentences in a thousand
	// runs (0.1 MB zipped, under maxTokens) took 5.8 s of CPU and 752 MB
	// of Go heap before that check refused them (ingest's
	// TestHostileUploads).
	maxText = 4 << 20
)

// Read reads a .docx file. Paragraph i of the body (1-based, counting table
// cells' paragraphs too) is line i, so that a finding's "line 87" can be
// found by counting paragraphs; a table is the grid "表格N". Text in tables
// nested inside a cell is read as part of that cell's text.
//
// It returns a *gongkai.Error (CodeInvalid) for a file that is not a Word
// document, is damaged, or is larger than a report can be.
func Read(data []byte) (*doc.Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, invalid("文件已损坏，无法作为 Word 文档（.docx）打开", err)
	}
	var part *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			part = f
		}
	}
	if part == nil {
		return nil, invalid("不是 Word 文档（.docx）：缺少正文 word/document.xml", nil)
	}
	if part.UncompressedSize64 > maxXML {
		return nil, invalid("Word 文档正文过大，不像年度报告", nil)
	}
	rc, err := part.Open()
	if err != nil {
		return nil, invalid("Word 文档已损坏，无法解压正文", err)
	}
	defer rc.Close()
	r := &reader{d: xml.NewDecoder(io.LimitReader(rc, maxXML))}
	if err := r.run(); err != nil {
		return nil, err
	}
	return &doc.Document{Kind: "docx", Grids: r.grids, Lines: r.lines}, nil
}

func invalid(msg string, err error) error {
	return &gongkai.Error{Code: gongkai.CodeInvalid, Message: msg, Err: err}
}

// reader walks the tokens of word/document.xml once.
type reader struct {
	d       *xml.Decoder
	grids   []*doc.Grid
	lines   []doc.Line
	para    int // paragraphs met so far: the line number of the current one
	text    strings.Builder
	inText  bool // inside w:t
	textLen int  // bytes of w:t text read, against maxText
	inPara  int  // depth of open w:p
	inRun   int  // depth of open w:r: w:tab and w:br count only there
	tables  []*table
	cells   int
}

// table is a w:tbl being read: its rows of cells as written, before merges
// are laid out.
type table struct {
	rows  [][]*cell
	cell  *cell
	start int // the number of its first paragraph: where it stands among the lines
}

type cell struct {
	text   strings.Builder
	span   int
	vMerge string
}

func (r *reader) table() *table {
	if len(r.tables) == 0 {
		return nil
	}
	return r.tables[len(r.tables)-1]
}

func (r *reader) run() error {
	depth := 0
	for n := 0; ; n++ {
		if n > maxTokens {
			return invalid("Word 文档结构过于复杂，不像年度报告", nil)
		}
		// RawToken skips namespace translation (the local names are all the
		// reader needs), a third of the time; the depth count still tells a
		// truncated body.
		tok, err := r.d.RawToken()
		if errors.Is(err, io.EOF) {
			if depth != 0 {
				return invalid("Word 文档正文不完整，文件可能已损坏", nil)
			}
			return nil
		}
		if err != nil {
			return invalid("Word 文档正文已损坏（XML 无法解析）", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if err := r.start(t); err != nil {
				return err
			}
		case xml.EndElement:
			depth--
			if err := r.end(t.Name.Local); err != nil {
				return err
			}
		case xml.CharData:
			if r.inText {
				if r.textLen += len(bytes.TrimSpace(t)); r.textLen > maxText {
					return invalid(fmt.Sprintf("Word 文档中的文字超过 %d MB，超过一份报告可有的：年度报告的正文和表格通常不到 1 MB，请只上传年度报告本身", maxText>>20), nil)
				}
				r.text.Write(t)
			}
		}
	}
}

func (r *reader) start(e xml.StartElement) error {
	switch e.Name.Local {
	case "p":
		if r.inPara == 0 {
			r.para++
			r.text.Reset()
		}
		r.inPara++
	case "r":
		r.inRun++
	case "t":
		r.inText = true
	case "tab":
		if r.inRun > 0 {
			r.text.WriteByte('\t')
		}
	case "br", "cr":
		// A page break inside a paragraph is a break of the line too.
		if r.inRun > 0 {
			r.text.WriteByte('\n')
		}
	case "tbl":
		if len(r.tables) >= maxNesting {
			return invalid("Word 文档中表格嵌套过深，不像年度报告", nil)
		}
		r.flushPara()
		r.tables = append(r.tables, &table{start: r.para + 1})
	case "tr":
		if t := r.table(); t != nil {
			t.rows = append(t.rows, nil)
			t.cell = nil
		}
	case "tc":
		if t := r.table(); t != nil {
			if len(t.rows) == 0 {
				t.rows = append(t.rows, nil)
			}
			c := &cell{span: 1}
			t.rows[len(t.rows)-1] = append(t.rows[len(t.rows)-1], c)
			t.cell = c
		}
	case "gridSpan":
		if t := r.table(); t != nil && t.cell != nil {
			if n, err := strconv.Atoi(attr(e, "val")); err == nil && n > 1 {
				t.cell.span = min(n, maxSpan)
			}
		}
	case "vMerge":
		if t := r.table(); t != nil && t.cell != nil {
			if v := attr(e, "val"); v == "restart" {
				t.cell.vMerge = "restart"
			} else {
				t.cell.vMerge = "continue" // w:val absent or "continue"
			}
		}
	}
	return nil
}

func (r *reader) end(name string) error {
	switch name {
	case "r":
		if r.inRun > 0 {
			r.inRun--
		}
	case "t":
		r.inText = false
	case "p":
		if r.inPara > 0 {
			r.inPara--
		}
		if r.inPara == 0 {
			r.flushPara()
		} else {
			r.text.WriteByte('\n')
		}
	case "tc":
		if t := r.table(); t != nil {
			t.cell = nil
		}
	case "tbl":
		if t := r.table(); t != nil {
			r.tables = r.tables[:len(r.tables)-1]
			if outer := r.table(); outer != nil && outer.cell != nil {
				// A table inside a cell: its text is the cell's text.
				for _, row := range t.rows {
					for _, c := range row {
						outer.cell.text.WriteString(c.text.String())
						outer.cell.text.WriteByte(' ')
					}
				}
				return nil
			}
			return r.layout(t)
		}
	}
	return nil
}

// flushPara ends the current paragraph: its text goes to the open table
// cell, or becomes lines of the document.
func (r *reader) flushPara() {
	s := r.text.String()
	r.text.Reset()
	if t := r.table(); t != nil {
		if t.cell != nil {
			if t.cell.text.Len() > 0 {
				t.cell.text.WriteByte(' ')
			}
			t.cell.text.WriteString(s)
		}
		return
	}
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			r.lines = append(r.lines, doc.Line{N: r.para, Text: l})
		}
	}
}

// layout lays a table's cells out on a grid: a cell spanning columns is
// repeated across them, and a cell continuing a vertical merge takes the
// text of the cell that started it in the same column.
func (r *reader) layout(t *table) error {
	rows := make([][]doc.Cell, len(t.rows))
	for i, tr := range t.rows {
		col := 0
		for _, c := range tr {
			text := collapse(c.text.String())
			if c.vMerge == "continue" && i > 0 && col < len(rows[i-1]) {
				text = rows[i-1][col].Text
			}
			for k := 0; k < c.span; k++ {
				if r.cells++; r.cells > maxCells {
					return invalid("Word 文档中的表格过大，不像年度报告", nil)
				}
				rows[i] = append(rows[i], doc.Cell{Text: text})
			}
			col += c.span
		}
	}
	r.grids = append(r.grids, &doc.Grid{Kind: "docx", Name: "表格" + strconv.Itoa(len(r.grids)+1), Rows: rows, Line: t.start})
	return nil
}

// collapse turns runs of white space (tabs, breaks, no-break spaces) into
// single spaces.
func collapse(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
