// Package xlsx reads Office Open XML workbooks (.xlsx, .xlsm, and a real
// .xlsx under a .xls or .et name) into the document model of package doc,
// one grid per worksheet. It is gongkai's own reader, not excelize's: it
// reads several times faster, evaluates the simple sums a template's totals
// hold when no spreadsheet program has calculated them, and caps size and
// work so that a hostile workbook cannot exhaust memory. A differential test
// holds it to excelize cell by cell on every fixture.
package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"

	"gongkai"
	"gongkai/ingest/doc"
)

// Limits that keep a hostile or absurd workbook from exhausting memory. A
// real annual report fits in a few hundred cells; these are generous.
const (
	maxPartSize  = 32 << 20 // bytes of one decompressed part
	maxTotalSize = 96 << 20 // bytes of all decompressed parts together
	maxSheets    = 256
	maxRows      = 20000     // rows of one worksheet that may hold text
	maxCols      = 1000      // columns of one worksheet that may hold text
	maxGridCells = 1_000_000 // cells of all grids after merges are resolved
	maxStrings   = 1_000_000 // shared strings
)

// Read reads a workbook into one doc.Grid per worksheet, in workbook order,
// each named after its sheet and holding the text a person sees in every
// cell: shared and inline strings (rich text runs joined), numbers, booleans,
// the cached results of formulas, and — for formulas no spreadsheet program
// has calculated yet — the result of simple sums over the same sheet. Every
// cell a merge covers holds the merge's text.
//
// It returns a *gongkai.Error with CodeInvalid and a message in Chinese when
// data is not a readable workbook: empty, not a zip archive, an archive
// without a workbook, a legacy .xls or OpenDocument file, or a sheet too large
// to be an annual report. It never panics.
func Read(data []byte) (*doc.Document, error) {
	if len(data) == 0 {
		return nil, invalidXLSX("文件为空", nil)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		if bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
			return nil, invalidXLSX("这是旧版 Excel（.xls）文件或加密的工作簿，请在 Excel 或 WPS 中另存为未加密的 .xlsx 后再上传", err)
		}
		return nil, invalidXLSX("不是有效的 .xlsx 文件（无法按 zip 压缩包读取），文件可能已损坏，或是改了扩展名的其他文件", err)
	}
	p := &xlsxPackage{files: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		p.files[normPartName(f.Name)] = f
	}
	return p.read()
}

func invalidXLSX(msg string, err error) error {
	return &gongkai.Error{Code: gongkai.CodeInvalid, Message: msg, Err: err}
}

// xlsxPackage is an opened workbook archive.
type xlsxPackage struct {
	files    map[string]*zip.File // by normalised part name
	unzipped int64                // decompressed bytes so far

	// Number formats, for cells that show dates (see xlsx_date.go).
	stylesPath string
	stylesRead bool
	dateFmt    []string
	date1904   bool
	cells      int               // grid cells so far, against maxGridCells
	numbers    map[string]string // the text of whole numbers seen, shared
}

// normPartName folds the ways writers spell part names: backslashes, a
// leading slash and letter case.
func normPartName(name string) string {
	name = strings.ReplaceAll(name, `\`, "/")
	return strings.ToLower(strings.TrimPrefix(name, "/"))
}

// part returns the decompressed content of a part, or nil when the archive
// has no such part.
func (p *xlsxPackage) part(name string) ([]byte, error) {
	f := p.files[normPartName(name)]
	if f == nil {
		return nil, nil
	}
	if f.UncompressedSize64 > maxPartSize || p.unzipped+int64(f.UncompressedSize64) > maxTotalSize {
		return nil, invalidXLSX("工作簿过大（解压后超过上限），不像年度报告表格", nil)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, invalidXLSX("工作簿已损坏，无法读取其中的 "+f.Name, err)
	}
	defer rc.Close()
	// The declared size is not trusted: read at most one byte more than allowed.
	// Room for the declared size plus what ReadFrom wants free to see the
	// end, so that the buffer is not grown (doubled) for the last read.
	buf := bytes.NewBuffer(make([]byte, 0, int(f.UncompressedSize64)+bytes.MinRead))
	n, err := io.Copy(buf, io.LimitReader(rc, maxPartSize+1))
	if err != nil {
		return nil, invalidXLSX("工作簿已损坏，无法读取其中的 "+f.Name, err)
	}
	if n > maxPartSize || p.unzipped+n > maxTotalSize {
		return nil, invalidXLSX("工作簿过大（解压后超过上限），不像年度报告表格", nil)
	}
	p.unzipped += n
	return buf.Bytes(), nil
}

func (p *xlsxPackage) read() (*doc.Document, error) {
	wbPath := p.officeDocument()
	wb, err := p.part(wbPath)
	if err != nil {
		return nil, err
	}
	if wb == nil {
		switch {
		case p.files["content.xml"] != nil:
			return nil, invalidXLSX("这是 OpenDocument 表格（.ods）或其他格式，请在 WPS 或 Excel 中另存为 .xlsx 后再上传", nil)
		case p.files["word/document.xml"] != nil:
			return nil, invalidXLSX("这是 Word 文档，不是 Excel 工作簿（.xlsx）", nil)
		}
		return nil, invalidXLSX("压缩包中没有工作簿（xl/workbook.xml），不是有效的 .xlsx 文件", nil)
	}
	relData, err := p.part(relsPath(wbPath))
	if err != nil {
		return nil, err
	}
	rels := parseRels(relData)
	p.stylesPath = stylesPart(wbPath, rels)
	sheets, err := p.sheetList(wbPath, wb, rels)
	if err != nil {
		return nil, err
	}
	strs, err := p.sharedStrings(wbPath, rels)
	if err != nil {
		return nil, err
	}
	d := &doc.Document{Kind: "xlsx"}
	for _, sh := range sheets {
		data, err := p.part(sh.path)
		if err != nil {
			return nil, err
		}
		if data == nil {
			continue // a sheet whose part is missing has nothing to read
		}
		g, err := p.readSheet(sh.name, data, strs)
		if err != nil {
			return nil, err
		}
		g.Hidden = sh.hidden
		d.Grids = append(d.Grids, g)
	}
	if len(d.Grids) == 0 {
		return nil, invalidXLSX("工作簿中没有可读取的工作表", nil)
	}
	return d, nil
}

// officeDocument returns the path of the workbook part named by the package
// relationships, or the conventional xl/workbook.xml.
func (p *xlsxPackage) officeDocument() string {
	data, err := p.part("_rels/.rels")
	if err == nil && data != nil {
		for _, r := range parseRels(data) {
			if strings.HasSuffix(r.typ, "/officeDocument") && r.target != "" {
				return resolvePart("", r.target)
			}
		}
	}
	return "xl/workbook.xml"
}

type xlsxRel struct{ id, typ, target string }

func parseRels(data []byte) []xlsxRel {
	var rels []xlsxRel
	s := newXMLScanner(data)
	for k := s.next(); k != xmlEOF; k = s.next() {
		if k == xmlStart && s.is("Relationship") {
			var r xlsxRel
			r.id, _ = s.attr("Id")
			r.typ, _ = s.attr("Type")
			r.target, _ = s.attr("Target")
			if mode, _ := s.attr("TargetMode"); mode == "External" {
				continue
			}
			rels = append(rels, r)
		}
	}
	return rels
}

// resolvePart resolves a relationship target against the folder of the part
// that holds the relationship.
func resolvePart(dir, target string) string {
	target = strings.ReplaceAll(target, `\`, "/")
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean(path.Join("/", dir, target)), "/")
}

func relsPath(part string) string {
	return path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
}

type xlsxSheet struct {
	name, path string
	hidden     bool // state="hidden" or "veryHidden"
}

// sheetList returns the worksheets in workbook order. Chart sheets and other
// sheet kinds are skipped: they hold no cells.
func (p *xlsxPackage) sheetList(wbPath string, wb []byte, wbRels []xlsxRel) ([]xlsxSheet, error) {
	rels := map[string]xlsxRel{}
	for _, r := range wbRels {
		rels[r.id] = r
	}
	dir := path.Dir(wbPath)
	var sheets []xlsxSheet
	s := newXMLScanner(wb)
	for k := s.next(); k != xmlEOF; k = s.next() {
		if k == xmlStart && s.is("workbookPr") {
			v, _ := s.attr("date1904")
			p.date1904 = v == "1" || v == "true"
		}
		if k != xmlStart || !s.is("sheet") {
			continue
		}
		name, _ := s.attr("name")
		id, _ := s.attr("id") // r:id
		var target string
		if r, ok := rels[id]; ok {
			if !strings.HasSuffix(r.typ, "/worksheet") {
				continue
			}
			target = resolvePart(dir, r.target)
		} else {
			// Without relationships, fall back on the conventional part name.
			target = path.Join(dir, "worksheets/sheet"+strconv.Itoa(len(sheets)+1)+".xml")
		}
		state, _ := s.attr("state")
		sheets = append(sheets, xlsxSheet{name: name, path: target, hidden: state == "hidden" || state == "veryHidden"})
		if len(sheets) > maxSheets {
			return nil, invalidXLSX("工作簿中的工作表过多（超过 "+strconv.Itoa(maxSheets)+" 个），不像年度报告表格", nil)
		}
	}
	if s.err != nil {
		return nil, invalidXLSX("工作簿已损坏（workbook.xml 无法解析）", s.err)
	}
	if len(sheets) == 0 {
		return nil, invalidXLSX("工作簿中没有工作表", nil)
	}
	return sheets, nil
}

// sharedStrings reads the shared string table. Phonetic runs (<rPh>) are
// not part of the text a person sees and are skipped.
func (p *xlsxPackage) sharedStrings(wbPath string, wbRels []xlsxRel) ([]string, error) {
	name := path.Join(path.Dir(wbPath), "sharedStrings.xml")
	for _, r := range wbRels {
		if strings.HasSuffix(r.typ, "/sharedStrings") {
			name = resolvePart(path.Dir(wbPath), r.target)
		}
	}
	data, err := p.part(name)
	if err != nil || data == nil {
		return nil, err
	}
	var strs []string
	s := newXMLScanner(data)
	for k := s.next(); k != xmlEOF; k = s.next() {
		if k == xmlStart && s.is("si") {
			strs = append(strs, richText(s))
			if len(strs) > maxStrings {
				return nil, invalidXLSX("工作簿中的文字过多，不像年度报告表格", nil)
			}
		}
	}
	if s.err != nil {
		return nil, invalidXLSX("工作簿已损坏（sharedStrings.xml 无法解析）", s.err)
	}
	return strs, nil
}

// richText reads the text of an <si> or <is> element whose start tag was
// just read: its <t>, or the <t> of each rich text run, without phonetic runs.
func richText(s *xmlScanner) string {
	if s.pendingEnd { // <si/>: an empty string
		s.next()
		return ""
	}
	// The common case, <si><t>规章</t></si>.
	save := s.pos
	if s.next() == xmlStart && s.is("t") && !s.pendingEnd {
		t := s.elementText()
		if s.next() == xmlEnd {
			return decodeXString(t)
		}
	}
	s.pos, s.pendingEnd, s.kind = save, false, xmlStart
	var b strings.Builder
	depth := 1
	for depth > 0 {
		switch s.next() {
		case xmlEOF:
			depth = 0
		case xmlStart:
			switch {
			case s.is("t"):
				b.WriteString(s.elementText())
			case s.is("rPh"):
				s.skipElement()
			default:
				depth++
			}
		case xmlEnd:
			depth--
		}
	}
	return decodeXString(b.String())
}

// sheetCell is one cell as read from a worksheet, before the grid is built.
type sheetCell struct {
	row, col int
	text     string
}

// sheetFormula is a formula cell without a cached value, kept to be
// evaluated once every cell of the sheet is known.
type sheetFormula struct {
	row, col int
	text     string // the formula, or for a shared formula the master's
	dr, dc   int    // offset from the master of a shared formula
}

type sheetRange struct{ r0, c0, r1, c1 int }

// readSheet reads one worksheet part into a doc.Grid.
func (p *xlsxPackage) readSheet(name string, data []byte, strs []string) (*doc.Grid, error) {
	var (
		cells    = make([]sheetCell, 0, min(len(data)/48, 1<<14)) // a guess that saves regrowing
		formulas []sheetFormula
		merges   []sheetRange
		shared   map[string]sheetFormula // shared formula masters by si
		row      = 0                     // 1-based row of the current <row>
		col      = 0                     // 1-based column of the last <c>
	)
	tooBig := func() error {
		return invalidXLSX("工作表“"+name+"”过大（超过 "+strconv.Itoa(maxRows)+" 行或 "+
			strconv.Itoa(maxCols)+" 列有内容），不像年度报告表格", nil)
	}
	s := newXMLScanner(data)
	for k := s.next(); k != xmlEOF; k = s.next() {
		if k != xmlStart {
			continue
		}
		switch {
		case s.is("row"):
			if r, ok := s.attrRaw("r"); ok {
				if n, err := strconv.Atoi(string(r)); err == nil && n > 0 {
					row = n
				} else {
					row++
				}
			} else {
				row++
			}
			col = 0
		case s.is("c"):
			c := p.readCell(s, row, col, strs)
			if c.row <= 0 || c.col <= 0 {
				continue
			}
			row, col = c.row, c.col
			if c.formula != "" || c.sharedIndex != "" {
				f := sheetFormula{row: c.row, col: c.col, text: c.formula}
				if c.sharedIndex != "" {
					if c.formula != "" {
						if shared == nil {
							shared = map[string]sheetFormula{}
						}
						shared[c.sharedIndex] = f
					} else if m, ok := shared[c.sharedIndex]; ok {
						f = sheetFormula{row: c.row, col: c.col, text: m.text, dr: c.row - m.row, dc: c.col - m.col}
					}
				}
				if !c.hasValue && f.text != "" {
					if len(formulas) >= maxGridCells {
						return nil, tooBig()
					}
					formulas = append(formulas, f)
					continue
				}
			}
			if c.text == "" {
				continue
			}
			if c.row > maxRows || c.col > maxCols || len(cells) >= maxGridCells {
				return nil, tooBig()
			}
			cells = append(cells, sheetCell{row: c.row, col: c.col, text: c.text})
		case s.is("mergeCell"):
			ref, _ := s.attr("ref")
			if m, ok := parseRange(ref); ok {
				merges = append(merges, m)
			}
		}
	}
	if s.err != nil {
		return nil, invalidXLSX("工作表“"+name+"”已损坏（XML 无法解析）", s.err)
	}
	return p.buildGrid(name, cells, formulas, merges, tooBig)
}

// rawCell is what readCell makes of one <c> element.
type rawCell struct {
	row, col    int
	style       int // index of the cell's style, or -1
	text        string
	hasValue    bool
	formula     string
	sharedIndex string
}

// readCell reads the <c> element whose start tag was just read. A cell
// without an r attribute follows the previous cell of its row.
func (p *xlsxPackage) readCell(s *xmlScanner, row, prevCol int, strs []string) rawCell {
	c := rawCell{row: row, col: prevCol + 1, style: -1}
	if ref, ok := s.attrRaw("r"); ok {
		if r, cc, ok := parseCellRef(ref); ok {
			c.row, c.col = r, cc
		}
	}
	typ, _ := s.attrRaw("t")
	if st, ok := s.attrRaw("s"); ok {
		if n, ok := smallIndex(st); ok {
			c.style = n
		}
	}
	if s.pendingEnd {
		s.next()
		return c
	}
	var v []byte
	for depth := 1; depth > 0; {
		switch s.next() {
		case xmlEOF:
			depth = 0
		case xmlStart:
			switch {
			case s.is("v"):
				v = s.elementBytes()
				c.hasValue = true
			case s.is("f"):
				if t, _ := s.attr("t"); t == "shared" {
					c.sharedIndex, _ = s.attr("si")
				}
				if s.pendingEnd {
					s.next()
				} else {
					c.formula = strings.TrimSpace(s.elementText())
				}
			case s.is("is"):
				c.text = richText(s)
				c.hasValue = true
			default:
				depth++
			}
		case xmlEnd:
			depth--
		}
	}
	v = bytes.TrimSpace(v)
	switch string(typ) {
	case "s":
		if i, ok := smallIndex(v); ok && i < len(strs) {
			c.text = strs[i]
		}
	case "inlineStr":
		// the text came from <is>
	case "b":
		switch string(v) {
		case "1":
			c.text = "TRUE"
		case "0":
			c.text = "FALSE"
		}
	case "str", "e", "d":
		c.text = decodeXString(string(v))
	default:
		if c.text = p.dateText(v, c.style); c.text == "" {
			c.text = p.number(v)
		}
	}
	if c.hasValue && len(v) == 0 && c.text == "" && c.formula != "" {
		// <v></v> under a formula: no cached value either.
		c.hasValue = false
	}
	return c
}

// smallIndex parses a non-negative decimal index without allocating.
func smallIndex(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// number returns the displayed text of a numeric cell. Small whole numbers,
// by far the most common figures, come from a table shared by all reads,
// which saves an allocation per cell.
func (p *xlsxPackage) number(v []byte) string {
	if n, ok := smallIndex(v); ok && n < len(smallNumbers) && (v[0] != '0' || len(v) == 1) {
		return smallNumbers[n]
	}
	return displayNumber(string(v))
}

// smallNumbers holds the text of 0 … 999. It is never written after init.
var smallNumbers = func() []string {
	s := make([]string, 1000)
	for i := range s {
		s[i] = strconv.Itoa(i)
	}
	return s
}()

// displayNumber renders the stored text of a numeric cell the way a
// spreadsheet shows it in the General format, to 15 significant digits:
// "1.1000000000000001" → "1.1". Text that is not a number stays as it is.
func displayNumber(v string) string {
	v = strings.TrimSpace(v)
	if v == "" {
		return ""
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return v
	}
	return doc.FormatNumber(f)
}

// parseCellRef parses "B12" (or "$B$12") into 1-based row and column.
func parseCellRef[T string | []byte](ref T) (row, col int, ok bool) {
	i := 0
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	start := i
	for i < len(ref) && (ref[i]|0x20) >= 'a' && (ref[i]|0x20) <= 'z' {
		col = col*26 + int(ref[i]|0x20-'a'+1)
		i++
		if col > 1<<20 {
			return 0, 0, false
		}
	}
	if i == start {
		return 0, 0, false
	}
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	start = i
	for i < len(ref) && ref[i] >= '0' && ref[i] <= '9' {
		row = row*10 + int(ref[i]-'0')
		i++
		if row > 1<<24 {
			return 0, 0, false
		}
	}
	if i == start || i != len(ref) || row == 0 {
		return 0, 0, false
	}
	return row, col, true
}

// parseRange parses "A1:C3" (or a single cell) into a 1-based range.
func parseRange(ref string) (sheetRange, bool) {
	a, b, found := strings.Cut(ref, ":")
	r0, c0, ok := parseCellRef(strings.TrimSpace(a))
	if !ok {
		return sheetRange{}, false
	}
	r1, c1 := r0, c0
	if found {
		if r1, c1, ok = parseCellRef(strings.TrimSpace(b)); !ok {
			return sheetRange{}, false
		}
	}
	return sheetRange{min(r0, r1), min(c0, c1), max(r0, r1), max(c0, c1)}, true
}

// buildGrid lays the cells out as rows and resolves merges. Merges are
// clipped to the extent of the cells with text, so that a merge spanning a
// whole column costs nothing, and only merges whose first cell has text
// change the grid.
func (p *xlsxPackage) buildGrid(name string, cells []sheetCell, formulas []sheetFormula, merges []sheetRange, tooBig func() error) (*doc.Grid, error) {
	g := &doc.Grid{Name: name, Kind: "xlsx"}
	if len(cells) == 0 && len(formulas) == 0 {
		return g, nil
	}
	// Formula cells get their place in the grid before they are computed.
	lastRow, lastCol := 0, 0
	for _, c := range cells {
		if c.row > maxRows || c.col > maxCols {
			return nil, tooBig()
		}
		lastRow, lastCol = max(lastRow, c.row), max(lastCol, c.col)
	}
	for _, f := range formulas {
		if f.row > maxRows || f.col > maxCols {
			return nil, tooBig()
		}
		lastRow, lastCol = max(lastRow, f.row), max(lastCol, f.col)
	}
	rowLen := make([]int, lastRow)
	for _, c := range cells {
		rowLen[c.row-1] = max(rowLen[c.row-1], c.col)
	}
	for _, f := range formulas {
		rowLen[f.row-1] = max(rowLen[f.row-1], f.col)
	}
	total := 0
	for _, n := range rowLen {
		total += n
	}
	if total > maxGridCells {
		return nil, tooBig()
	}
	// One backing array for the whole grid keeps allocations down.
	backing := make([]doc.Cell, total)
	g.Rows = make([][]doc.Cell, lastRow)
	for i, n := range rowLen {
		g.Rows[i], backing = backing[:n:n], backing[n:]
	}
	for _, c := range cells {
		g.Rows[c.row-1][c.col-1].Text = c.text
	}
	if len(formulas) > 0 {
		evalFormulas(name, g, formulas)
	}
	// Overlapping merges are invalid but possible; the area budget bounds
	// the work they can cause.
	budget := maxGridCells
	for _, m := range merges {
		m.r1, m.c1 = min(m.r1, lastRow), min(m.c1, lastCol)
		if m.r0 > m.r1 || m.c0 > m.c1 || (m.r0 == m.r1 && m.c0 == m.c1) {
			continue
		}
		t := g.Text(m.r0-1, m.c0-1)
		if t == "" {
			continue
		}
		area := (m.r1 - m.r0 + 1) * (m.c1 - m.c0 + 1)
		if budget -= area; budget < 0 {
			return nil, tooBig()
		}
		for r := m.r0 - 1; r < m.r1; r++ {
			row := g.Rows[r]
			if len(row) < m.c1 {
				total += m.c1 - len(row)
				row = append(row, make([]doc.Cell, m.c1-len(row))...)
				g.Rows[r] = row
			}
			for c := m.c0 - 1; c < m.c1; c++ {
				row[c].Text = t
			}
		}
	}
	if p.cells += total; p.cells > maxGridCells {
		return nil, tooBig()
	}
	return g, nil
}
