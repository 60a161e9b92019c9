package web

import (
	"bytes"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"

	"golang.org/x/net/html"

	"gongkai"
	"gongkai/ingest/doc"
	"gongkai/ingest/labels"
)

// Limits that keep a hostile page from taking the memory of the server: the
// HTML standard caps colspan at 1000 and rowspan at 65534; a report's tables
// have a few hundred cells, so a page may hold 2^18 in all.
const (
	maxColspan   = 1000
	maxHTMLCells = 1 << 18
	// maxPageText bounds the text a page's lines and cells hold, white
	// space aside, while the page is read: twice what package ingest lets
	// a report's document hold (maxDocumentText), which it checks only once
	// the reader is done. A page of 32 MB of short paragraphs (22.7 MB of
	// text) took 5.3 s of CPU and a Go heap of 825 MB before that check
	// refused it (ingest's TestHostileUploads), most of it reading the
	// lines for tables (ReadLines): two such uploads at once could take a
	// capped server past its cap.
	maxPageText = 4 << 20
)

// ReadHTML reads an HTML page into grids (one per <table>, merged cells
// expanded so that every cell a rowspan or colspan covers holds its text,
// &nbsp; cells blank) and lines (the text outside tables: title, narrative,
// publication date). Every cell and line keeps the line of the source it
// starts on, which is where its location points ("line 87"). The encoding is
// detected: a byte-order mark, else valid UTF-8, else the page's declared
// <meta charset>, else GB18030/GBK.
//
// When the page has no table holding report labels (the tables were pasted
// as paragraphs), its lines are read the way ReadText reads page text.
//
// It returns a *gongkai.Error (CodeInvalid) for an empty page, one that does
// not decode, or a table too large to be a report.
func ReadHTML(data []byte) (*doc.Document, error) {
	s, err := decodeWeb(data, true)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(s) == "" {
		return nil, gongkai.Errorf(gongkai.CodeInvalid, "文件为空")
	}
	p := &htmlReader{z: html.NewTokenizer(strings.NewReader(s)), line: 1}
	if err := p.run(); err != nil {
		return nil, err
	}
	if !GridsHaveLabels(p.grids) {
		// No report table in <table> form: read the page's text lines for
		// tables, keeping any real tables as they are.
		d := ReadLines(p.lines, "html")
		d.Grids = append(p.grids, d.Grids...)
		return d, nil
	}
	return &doc.Document{Kind: "html", Grids: p.grids, Lines: p.lines, Notes: blankYuanColumns(p.grids)}, nil
}

// htmlReader walks the tokens of a page once.
type htmlReader struct {
	z       *html.Tokenizer
	line    int // the source line the next token starts on
	skip    int // inside <script>, <style> …
	tables  []*htmlTable
	grids   []*doc.Grid
	lines   []doc.Line
	text    strings.Builder // the narrative line being collected
	textN   int             // its source line
	tagLine int             // the source line of the tag being read
	cells   int             // grid cells laid out so far, against maxHTMLCells
	textLen int             // bytes of text read so far, against maxPageText
	written int             // cells written (<td>, <th>) so far, against maxHTMLCells
	name    []byte          // the current tag's name (tagName)
}

type htmlTable struct {
	rows [][]*htmlCell
	cell *htmlCell
	open bool // a <tr> is open
	// caption is set inside the table's <caption>: its text is a line of
	// its own above the table ("单位：元"), which states what the table's
	// figures are in.
	caption bool
}

type htmlCell struct {
	text             strings.Builder
	line             int
	hasText          bool
	rowspan, colspan int
	// value is the number a spreadsheet's HTML export stores beside the
	// text it displays (LibreOffice's sdval, Excel's x:num): a cell shown as
	// "4" under a "0" number format may hold 3.5.
	value string
}

func (p *htmlReader) run() error {
	for {
		tt := p.z.Next()
		raw := p.z.Raw()
		start := p.line
		p.line += bytes.Count(raw, newline)
		switch tt {
		case html.ErrorToken:
			if err := p.z.Err(); err != nil && !errors.Is(err, io.EOF) {
				return gongkai.Errorf(gongkai.CodeInvalid, "HTML 无法解析（第%d行附近）", start)
			}
			for len(p.tables) > 0 {
				if err := p.endTable(); err != nil {
					return err
				}
			}
			p.flush()
			return nil
		case html.TextToken:
			if t := p.table(); p.skip > 0 || t != nil && t.cell == nil && !t.caption {
				continue // addText drops text between cells: no need to copy it
			}
			s := string(p.z.Text())
			if p.textLen += len(strings.TrimSpace(s)); p.textLen > maxPageText {
				return gongkai.Errorf(gongkai.CodeInvalid, "网页中的文字超过 %d MB（读到第%d行），超过一份报告可有的：年度报告的正文和表格通常不到 1 MB，请只上传年度报告本身",
					maxPageText>>20, start)
			}
			p.addText(s, start+leadingNewlines(raw))
		case html.StartTagToken, html.SelfClosingTagToken:
			p.tagLine = start
			if err := p.start(p.tagName(raw), tt == html.SelfClosingTagToken); err != nil {
				return err
			}
		case html.EndTagToken:
			if err := p.end(p.tagName(raw)); err != nil {
				return err
			}
		}
	}
}

// tagName returns the lower-cased name of a tag token from its raw text
// ("<TD rowspan=2>", "</td>"), as the tokenizer reads it, in a buffer the
// reader reuses. Tokenizer.TagName copies every name, which cost a tenth of
// the time of reading a page; the slice is only valid until the next tag.
func (p *htmlReader) tagName(raw []byte) []byte {
	raw = bytes.TrimPrefix(raw, []byte("<"))
	raw = bytes.TrimPrefix(raw, []byte("/"))
	p.name = p.name[:0]
	for _, c := range raw {
		switch {
		case c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '/' || c == '>':
			return p.name
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		p.name = append(p.name, c)
	}
	return p.name
}

// leadingNewlines counts the line breaks before the first visible character,
// so that a text token starting with blank lines is placed where its text is.
func leadingNewlines(raw []byte) int {
	n := 0
	for _, r := range raw {
		switch {
		case r == '\n':
			n++
		case r == ' ' || r == '\t' || r == '\r':
		default:
			return n
		}
	}
	return n
}

func (p *htmlReader) table() *htmlTable {
	if len(p.tables) == 0 {
		return nil
	}
	return p.tables[len(p.tables)-1]
}

// start handles a start tag. Switching on string(name) does not copy it.
func (p *htmlReader) start(name []byte, selfClosing bool) error {
	switch string(name) {
	case "script", "style", "noscript", "template", "head":
		if string(name) == "head" {
			return nil // the <title> inside it is wanted
		}
		if !selfClosing {
			p.skip++
		}
		return nil
	case "table":
		p.flush()
		p.tables = append(p.tables, &htmlTable{})
		return nil
	case "tr":
		if t := p.table(); t != nil {
			t.cell, t.caption = nil, false
			t.rows = append(t.rows, nil)
			t.open = true
		}
		return nil
	case "td", "th":
		t := p.table()
		if t == nil {
			p.flush()
			return nil
		}
		if !t.open {
			t.rows = append(t.rows, nil)
			t.open = true
		}
		// Every cell written takes at least one place on its grid, so a
		// page with more cells than maxHTMLCells is refused here, as its
		// tables' layout would refuse it, before they are all held: 50 MB
		// of one-digit cells took 3.8 s of CPU and 534 MB of Go heap to
		// reach the layout (TestHostileUploads).
		if p.written++; p.written > maxHTMLCells {
			return gongkai.Errorf(gongkai.CodeInvalid, "第%d行附近的表格过大，不像年度报告的表格", p.tagLine)
		}
		c := &htmlCell{rowspan: 1, colspan: 1, line: p.tagLine}
		for more := true; more; {
			var k, v []byte
			k, v, more = p.z.TagAttr() // nil, nil, false for a tag without attributes
			switch string(k) {
			case "rowspan":
				c.rowspan = spanAttr(string(v), 1<<16)
			case "colspan":
				c.colspan = spanAttr(string(v), maxColspan)
			case "sdval", "x:num":
				c.value = string(v)
			}
		}
		t.rows[len(t.rows)-1] = append(t.rows[len(t.rows)-1], c)
		t.cell = c
		return nil
	case "caption":
		if t := p.table(); t != nil && t.cell == nil {
			p.flush()
			t.caption = true
			return nil
		}
		p.lineBreak()
	case "br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "title", "section", "article", "header", "footer", "blockquote", "pre", "hr":
		if t := p.table(); t != nil && t.caption {
			p.flush() // a caption's paragraphs are lines of their own
			return nil
		}
		p.lineBreak()
	}
	return nil
}

func (p *htmlReader) end(name []byte) error {
	switch string(name) {
	case "script", "style", "noscript", "template":
		if p.skip > 0 {
			p.skip--
		}
	case "table":
		if len(p.tables) > 0 {
			return p.endTable()
		}
	case "td", "th":
		if t := p.table(); t != nil {
			t.cell = nil
		}
	case "tr":
		if t := p.table(); t != nil {
			t.cell, t.open = nil, false
		}
	case "caption":
		if t := p.table(); t != nil && t.caption {
			p.flush()
			t.caption = false
			return nil
		}
		p.lineBreak()
	case "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "title", "section", "article", "header", "footer", "blockquote", "pre":
		if t := p.table(); t != nil && t.caption {
			p.flush()
			return nil
		}
		p.lineBreak()
	}
	return nil
}

func spanAttr(v string, limit int) int {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 1 {
		return 1
	}
	return min(n, limit)
}

// addText adds text to the open cell, or to the narrative line.
func (p *htmlReader) addText(s string, line int) {
	if t := p.table(); t != nil && !(t.caption && t.cell == nil) {
		if t.cell == nil {
			return // text between cells is markup noise
		}
		if !t.cell.hasText && strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " ")) != "" {
			t.cell.line, t.cell.hasText = line, true // a blank cell keeps the line of its tag
		}
		t.cell.text.WriteString(s)
		return
	}
	if p.textN == 0 && strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " ")) != "" {
		p.textN = line
	}
	p.text.WriteString(s)
}

// lineBreak ends the narrative line at a block element, or adds a soft
// break inside a cell (labels broken over <br>).
func (p *htmlReader) lineBreak() {
	if t := p.table(); t != nil {
		// A break before any text is dropped with the cell's leading
		// space anyway (collapseSpace); not writing it saves an allocation
		// for every cell that wraps its text in <p>.
		if t.cell != nil && t.cell.text.Len() > 0 {
			t.cell.text.WriteByte(' ')
		}
		return
	}
	p.flush()
}

func (p *htmlReader) flush() {
	text := collapseSpace(p.text.String())
	if text != "" {
		for _, l := range strings.Split(text, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				p.lines = append(p.lines, doc.Line{N: p.textN, Text: l})
			}
		}
	}
	p.text.Reset()
	p.textN = 0
}

var newline = []byte{'\n'}

// collapseSpace turns &nbsp; and runs of white space into single spaces.
func collapseSpace(s string) string {
	// strings.ContainsAny decodes every rune when its set holds a non-ASCII
	// character: the ASCII set and the no-break space are tested apart.
	if plain := strings.TrimSpace(s); !strings.ContainsAny(plain, "\n\r\t") && !strings.Contains(plain, "\u00a0") && !strings.Contains(plain, "  ") {
		return plain
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

// endTable closes the innermost table and lays its cells out on a grid,
// expanding row and column spans.
func (p *htmlReader) endTable() error {
	t := p.tables[len(p.tables)-1]
	p.tables = p.tables[:len(p.tables)-1]
	rows := make([][]doc.Cell, len(t.rows))
	taken := make([][]bool, len(t.rows)) // cells covered by a span from above
	// Rows are cut from one backing array as wide as the widest <tr>, so
	// that place does not grow each row cell by cell; a table too large for
	// a report grows as needed instead, under the maxHTMLCells check.
	width := 0
	for _, tr := range t.rows {
		n := 0
		for _, hc := range tr {
			n += hc.colspan
		}
		width = max(width, n)
	}
	if n := len(t.rows) * width; n > 0 && n <= 1<<12 {
		cells, covered := make([]doc.Cell, n), make([]bool, n)
		for r := range rows {
			rows[r] = cells[r*width : r*width : (r+1)*width]
			taken[r] = covered[r*width : r*width : (r+1)*width]
		}
	}
	for r, tr := range t.rows {
		c := 0
		for _, hc := range tr {
			for c < len(taken[r]) && taken[r][c] {
				c++
			}
			text := collapseSpace(hc.text.String())
			if hc.value != "" {
				text = storedNumber(text, hc.value)
			}
			for dr := 0; dr < min(hc.rowspan, len(t.rows)-r); dr++ {
				for dc := 0; dc < hc.colspan; dc++ {
					if p.cells++; p.cells > maxHTMLCells {
						return gongkai.Errorf(gongkai.CodeInvalid, "第%d行附近的表格过大，不像年度报告的表格", hc.line)
					}
					place(&rows[r+dr], &taken[r+dr], c+dc, doc.Cell{Text: text, Line: hc.line})
				}
			}
			c += hc.colspan
		}
	}
	p.grids = append(p.grids, &doc.Grid{Kind: "html", Name: "表格" + strconv.Itoa(len(p.grids)+1), Rows: rows})
	return nil
}

// storedNumber returns the number a spreadsheet export stored for a cell
// when the cell displays a plain number, so that a figure rounded for display
// is read as it was entered; dates, percentages and text keep their display.
func storedNumber(shown, stored string) string {
	plain := strings.ReplaceAll(shown, ",", "")
	if _, err := strconv.ParseFloat(plain, 64); err != nil || strings.ContainsAny(plain, "eE") {
		return shown
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(stored), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return shown
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// place puts a cell at column c of a row, padding with blank cells.
func place(row *[]doc.Cell, taken *[]bool, c int, cell doc.Cell) {
	for len(*row) <= c {
		*row = append(*row, doc.Cell{})
		*taken = append(*taken, false)
	}
	(*row)[c] = cell
	(*taken)[c] = true
}

// GridsHaveLabels reports whether any grid holds a row label of a report
// table, so that layout tables of a page do not hide the report's text.
func GridsHaveLabels(grids []*doc.Grid) bool {
	for _, f := range gongkai.Formats() {
		d := labels.For(f)
		for _, g := range grids {
			for _, row := range g.Rows {
				for _, c := range row {
					for _, e := range d.Lookup(c.Text) {
						if e.Kind == "row" {
							return true
						}
					}
				}
			}
		}
	}
	return false
}
