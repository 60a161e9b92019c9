// Package xls reads legacy Excel workbooks (.xls, Excel 97–2003 BIFF8, and WPS
// .et, which is the same format) into the document model of package
// ingest/doc: one grid per worksheet, merged cells resolved so that every cell
// a merge covers holds its text.
//
// The compound file around the workbook is opened with
// github.com/richardlehane/mscfb. The BIFF8 records are read here: of the Go
// readers we tried on workbooks saved by LibreOffice, github.com/extrame/xls
// crashed, and github.com/shakinm/xlsReader skips formula results, rich-text
// labels and merged cells, which would leave every total of a report blank.
// Only the records that carry cell text are read: shared strings, labels,
// numbers, formula results, merges, sheet names and number formats (for
// dates).
package xls

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"

	"gongkai"
	"gongkai/ingest/doc"
)

// Limits that keep a hostile workbook from taking the memory or the time of
// the server. BIFF8 itself allows 65,536 rows and 256 columns.
const (
	maxStream    = 64 << 20  // bytes of the Workbook stream
	maxSheets    = 256       // worksheets
	maxRows      = 20000     // rows of one worksheet that may hold text
	maxCols      = 256       // columns
	maxGridCells = 1_000_000 // cells of all grids after merges are resolved
	maxStrings   = 1_000_000 // shared strings
)

// BIFF8 record types.
const (
	recBOF        = 0x0809
	recEOF        = 0x000A
	recFilePass   = 0x002F
	recBoundSheet = 0x0085
	recSST        = 0x00FC
	recContinue   = 0x003C
	recFormat     = 0x041E
	recXF         = 0x00E0
	recDate1904   = 0x0022
	recLabelSST   = 0x00FD
	recLabel      = 0x0204
	recRString    = 0x00D6
	recNumber     = 0x0203
	recRK         = 0x027E
	recMulRK      = 0x00BD
	recFormula    = 0x0006
	recString     = 0x0207
	recBoolErr    = 0x0205
	recMergeCells = 0x00E5
)

// Read reads a BIFF8 workbook. A worksheet's cells read as Excel shows them
// as far as figures go: numbers as they are stored (not rounded by their
// display format), formulas by the result the producer saved, dates as
// 2006-01-02. Chart sheets and macro sheets are skipped.
//
// It returns a *gongkai.Error (CodeInvalid) for a file that is not a BIFF8
// workbook (an Excel 5.0/95 one says so), is password-protected, damaged, or
// larger than a report can be.
func Read(data []byte) (d *doc.Document, err error) {
	defer func() {
		// The record walk checks every length; this is the last line against
		// a mistake in it, so that a hostile file is a rejection.
		if p := recover(); p != nil {
			d, err = nil, invalid("工作簿已损坏，无法读取", fmt.Errorf("panic: %v", p))
		}
	}()
	stream, err := workbookStream(data)
	if err != nil {
		return nil, err
	}
	return readStream(stream)
}

// readStream reads the Workbook stream of a compound file.
func readStream(stream []byte) (*doc.Document, error) {
	wb := &workbook{data: stream, formats: map[uint16]string{}}
	if err := wb.globals(); err != nil {
		return nil, err
	}
	d := &doc.Document{Kind: "xls"}
	cells := 0
	for _, s := range wb.sheets {
		if s.kind != 0 {
			continue // a chart or macro sheet
		}
		g, err := wb.sheet(s, &cells)
		if err != nil {
			return nil, err
		}
		d.Grids = append(d.Grids, g)
	}
	return d, nil
}

func invalid(msg string, err error) error {
	return &gongkai.Error{Code: gongkai.CodeInvalid, Message: msg, Err: err}
}

// workbookStream returns the Workbook stream of a compound file.
func workbookStream(data []byte) ([]byte, error) {
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, invalid("文件已损坏，无法作为 Excel 工作簿（.xls）打开", err)
	}
	for i := 0; i < 10000; i++ {
		e, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, invalid("文件已损坏，无法作为 Excel 工作簿（.xls）打开", err)
		}
		switch {
		case len(e.Path) > 0:
		case e.Name == "Workbook" || e.Name == "WORKBOOK":
			if e.Size > maxStream {
				return nil, invalid("工作簿过大，不像年度报告", nil)
			}
			// A stream cannot hold more than the file: a sector chain that
			// loops must not make the reader read on.
			if e.Size > int64(len(data)) {
				return nil, invalid("工作簿已损坏，无法读取", nil)
			}
			b, err := io.ReadAll(io.LimitReader(e, e.Size))
			if err != nil {
				return nil, invalid("工作簿已损坏，无法读取", err)
			}
			return b, nil
		case e.Name == "Book" || e.Name == "BOOK":
			return nil, invalid("这是 Excel 5.0/95 格式的工作簿：请在 Excel 或 WPS 中另存为 .xlsx 后再上传", nil)
		case e.Name == "EncryptedPackage":
			return nil, invalid("工作簿有密码保护（已加密），无法读取：请取消密码后另存再上传", nil)
		}
	}
	return nil, invalid("不是 Excel 工作簿：文件中没有工作簿数据", nil)
}

// record is one BIFF record: its type and data.
type record struct {
	typ  uint16
	data []byte
}

// records walks the records of a stream from offset off; next returns false
// at the end of the stream or at a record whose length runs past it.
type records struct {
	b   []byte
	off int
}

func (rs *records) next() (record, bool) {
	if rs.off+4 > len(rs.b) {
		return record{}, false
	}
	typ := binary.LittleEndian.Uint16(rs.b[rs.off:])
	n := int(binary.LittleEndian.Uint16(rs.b[rs.off+2:]))
	if rs.off+4+n > len(rs.b) {
		return record{}, false
	}
	r := record{typ, rs.b[rs.off+4 : rs.off+4+n]}
	rs.off += 4 + n
	return r, true
}

type sheetRef struct {
	name string
	off  int
	kind byte // 0 worksheet, 1 macro sheet, 2 chart, 6 VB module
}

type workbook struct {
	data     []byte
	sheets   []sheetRef
	sst      []string
	xfs      []uint16 // number format of each XF
	formats  map[uint16]string
	date1904 bool
}

// globals reads the workbook globals substream: sheets, shared strings, number
// formats.
func (wb *workbook) globals() error {
	rs := &records{b: wb.data}
	first, ok := rs.next()
	if !ok || first.typ != recBOF || len(first.data) < 4 {
		return invalid("不是 Excel 工作簿：工作簿数据的开头已损坏", nil)
	}
	if v := binary.LittleEndian.Uint16(first.data); v != 0x0600 {
		return invalid("这是 Excel 5.0/95 或更早格式的工作簿：请在 Excel 或 WPS 中另存为 .xlsx 后再上传", nil)
	}
	for {
		r, ok := rs.next()
		if !ok || r.typ == recEOF {
			break
		}
		switch r.typ {
		case recFilePass:
			return invalid("工作簿有密码保护（已加密），无法读取：请取消密码后另存再上传", nil)
		case recDate1904:
			wb.date1904 = len(r.data) >= 2 && r.data[0] == 1
		case recBoundSheet:
			if len(r.data) < 8 {
				return invalid("工作簿已损坏：工作表目录不完整", nil)
			}
			if len(wb.sheets) >= maxSheets {
				return invalid("工作表过多，不像年度报告", nil)
			}
			name, _, _ := shortString(r.data[6:])
			wb.sheets = append(wb.sheets, sheetRef{name: name, off: int(binary.LittleEndian.Uint32(r.data)), kind: r.data[5]})
		case recFormat:
			if len(r.data) >= 2 {
				s, _, _ := unicodeString(r.data[2:], 2)
				wb.formats[binary.LittleEndian.Uint16(r.data)] = s
			}
		case recXF:
			if len(r.data) >= 4 {
				wb.xfs = append(wb.xfs, binary.LittleEndian.Uint16(r.data[2:]))
			}
		case recSST:
			// The table goes on in the CONTINUE records that follow.
			parts := [][]byte{r.data}
			for {
				save := rs.off
				c, ok := rs.next()
				if !ok || c.typ != recContinue {
					rs.off = save
					break
				}
				parts = append(parts, c.data)
			}
			sst, err := readSST(parts)
			if err != nil {
				return err
			}
			wb.sst = sst
		}
	}
	if len(wb.sheets) == 0 {
		return invalid("工作簿中没有工作表", nil)
	}
	return nil
}

// sheet reads one worksheet's cells into a grid, counting them against the
// limit on all grids.
func (wb *workbook) sheet(s sheetRef, total *int) (*doc.Grid, error) {
	if s.off < 0 || s.off >= len(wb.data) {
		return nil, invalid(fmt.Sprintf("工作表“%s”已损坏", s.name), nil)
	}
	g := &doc.Grid{Kind: "xls", Name: s.name}
	// laid counts the cells laid out so far (this sheet's and the grids'
	// before it), as the check after the sheet counts them, so that a sheet
	// stops at the limit rather than after it: one sheet may address
	// 20,000 × 256 cells, and a 31 MB stream of MULRK rows laid out all 5.1
	// million (4.2 s and ~310 MB of heap) before the check refused them
	// (review s39).
	laid, over := *total, false
	set := func(row, col int, text string) {
		if row >= maxRows || col >= maxCols || text == "" || over {
			return
		}
		for len(g.Rows) <= row {
			g.Rows = append(g.Rows, nil)
		}
		if n := len(g.Rows[row]); n <= col {
			if laid += col + 1 - n; laid > maxGridCells {
				over = true
				return
			}
		}
		for len(g.Rows[row]) <= col {
			g.Rows[row] = append(g.Rows[row], doc.Cell{})
		}
		g.Rows[row][col].Text = text
	}
	var merges [][4]int
	rs := &records{b: wb.data, off: s.off}
	if r, ok := rs.next(); !ok || r.typ != recBOF {
		return nil, invalid(fmt.Sprintf("工作表“%s”已损坏", s.name), nil)
	}
	var formulaAt [2]int // the cell of a string formula waiting for its STRING record
	formulaAt[0] = -1
	for depth := 1; depth > 0; {
		if over {
			return nil, invalid("工作簿的单元格过多，不像年度报告", nil)
		}
		r, ok := rs.next()
		if !ok {
			break
		}
		switch r.typ {
		case recBOF: // an embedded chart's substream, ended by its own EOF
			depth++
			continue
		case recEOF:
			depth--
			continue
		}
		if depth > 1 {
			continue
		}
		d := r.data
		if len(d) < 6 && r.typ != recString && r.typ != recMergeCells {
			continue
		}
		var row, col, xf int
		if len(d) >= 6 {
			row, col, xf = int(le16(d)), int(le16(d[2:])), int(le16(d[4:]))
		}
		switch r.typ {
		case recLabelSST:
			if len(d) >= 10 {
				if i := int(binary.LittleEndian.Uint32(d[6:])); i < len(wb.sst) {
					set(row, col, wb.sst[i])
				}
			}
		case recLabel, recRString:
			text, _, _ := unicodeString(d[6:], 2)
			set(row, col, text)
		case recNumber:
			if len(d) >= 14 {
				set(row, col, wb.number(math.Float64frombits(binary.LittleEndian.Uint64(d[6:])), xf))
			}
		case recRK:
			if len(d) >= 10 {
				set(row, col, wb.number(rk(binary.LittleEndian.Uint32(d[6:])), xf))
			}
		case recMulRK:
			// row, first column, then (xf, rk) pairs, then the last column.
			for i, c := 4, col; i+6 <= len(d)-2; i, c = i+6, c+1 {
				set(row, c, wb.number(rk(binary.LittleEndian.Uint32(d[i+2:])), int(le16(d[i:]))))
			}
		case recBoolErr:
			if len(d) >= 8 && d[7] == 0 {
				set(row, col, boolText(d[6] != 0))
			}
		case recFormula:
			if len(d) < 14 {
				continue
			}
			res := d[6:14]
			if res[6] == 0xFF && res[7] == 0xFF {
				switch res[0] {
				case 0: // a string, in the STRING record that follows
					formulaAt = [2]int{row, col}
				case 1:
					set(row, col, boolText(res[2] != 0))
				}
				continue // errors and empty strings read blank
			}
			set(row, col, wb.number(math.Float64frombits(binary.LittleEndian.Uint64(res)), xf))
		case recString:
			if formulaAt[0] >= 0 {
				text, _, _ := unicodeString(d, 2)
				set(formulaAt[0], formulaAt[1], text)
				formulaAt[0] = -1
			}
		case recMergeCells:
			if len(d) < 2 {
				continue
			}
			n := int(le16(d))
			for i := 0; i < n && 2+8*i+8 <= len(d); i++ {
				m := d[2+8*i:]
				merges = append(merges, [4]int{int(le16(m)), int(le16(m[2:])), int(le16(m[4:])), int(le16(m[6:]))})
			}
		}
	}
	// A merge's text is in its top-left cell; every cell it covers shows it.
	// The cells merges cover count against the limit on all grids before
	// any is laid out, so that many large merges cannot cost unbounded work.
	spread := 0
	for _, m := range merges {
		r0, r1, c0, c1 := m[0], min(m[1], maxRows-1), m[2], min(m[3], maxCols-1)
		if r0 > r1 || c0 > c1 || r0 >= len(g.Rows) || c0 >= len(g.Rows[r0]) || g.Rows[r0][c0].Text == "" {
			continue
		}
		text := g.Rows[r0][c0].Text
		if spread += (r1 - r0 + 1) * (c1 - c0 + 1); spread+*total > maxGridCells {
			return nil, invalid(fmt.Sprintf("工作表“%s”的合并单元格过大，不像年度报告", s.name), nil)
		}
		for r := r0; r <= r1; r++ {
			for c := c0; c <= c1; c++ {
				set(r, c, text)
			}
		}
	}
	if over {
		return nil, invalid("工作簿的单元格过多，不像年度报告", nil)
	}
	for _, row := range g.Rows {
		*total += len(row)
	}
	if *total > maxGridCells {
		return nil, invalid("工作簿的单元格过多，不像年度报告", nil)
	}
	return g, nil
}

func boolText(b bool) string {
	if b {
		return "TRUE"
	}
	return "FALSE"
}

func le16(b []byte) uint16 { return binary.LittleEndian.Uint16(b) }

// rk decodes an RK number: a 30-bit integer or the high 30 bits of a double,
// divided by 100 when the low bit says so.
func rk(v uint32) float64 {
	var f float64
	if v&2 != 0 {
		f = float64(int32(v) >> 2)
	} else {
		f = math.Float64frombits(uint64(v&^3) << 32)
	}
	if v&1 != 0 {
		f /= 100
	}
	return f
}

// number returns the text of a number cell: the number as stored, or a date
// when its number format is a date format.
func (wb *workbook) number(v float64, xf int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	if xf < len(wb.xfs) && isDateFormat(wb.xfs[xf], wb.formats[wb.xfs[xf]]) && v >= 1 && v < 73051 {
		base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
		if wb.date1904 {
			base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		return base.AddDate(0, 0, int(v)).Format("2006-01-02")
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// isDateFormat tells a date format: the built-in ones (14–22, 45–47, and the
// Chinese 27–36, 50–58) or a format string with date letters outside quotes
// and brackets.
func isDateFormat(id uint16, f string) bool {
	switch {
	case id >= 14 && id <= 22, id >= 45 && id <= 47, id >= 27 && id <= 36, id >= 50 && id <= 58:
		return true
	case f == "":
		return false
	}
	quoted, bracket := false, false
	for _, c := range f {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '[':
			bracket = true
		case c == ']':
			bracket = false
		case bracket:
		case strings.ContainsRune("yYdD年月日", c):
			return true
		}
	}
	return false
}

// shortString reads a ShortXLUnicodeString (one-byte length).
func shortString(b []byte) (string, int, bool) {
	if len(b) < 1 {
		return "", 0, false
	}
	return unicodeString(b, 1)
}

// unicodeString reads an XLUnicodeString whose character count takes
// lenBytes bytes, followed by a flags byte; it returns the string and the
// bytes read. Rich-text runs and phonetic data, which only style the text,
// are skipped.
func unicodeString(b []byte, lenBytes int) (string, int, bool) {
	if len(b) < lenBytes+1 {
		return "", 0, false
	}
	n := int(b[0])
	if lenBytes == 2 {
		n = int(le16(b))
	}
	flags := b[lenBytes]
	i := lenBytes + 1
	runs, ext := 0, 0
	if flags&0x08 != 0 && i+2 <= len(b) {
		runs = int(le16(b[i:]))
		i += 2
	}
	if flags&0x04 != 0 && i+4 <= len(b) {
		ext = int(binary.LittleEndian.Uint32(b[i:]))
		i += 4
	}
	s, used := chars(b[i:], n, flags&1 != 0)
	return s, i + used + 4*runs + ext, used == charBytes(n, flags&1 != 0)
}

func charBytes(n int, wide bool) int {
	if wide {
		return 2 * n
	}
	return n
}

// chars decodes up to n characters, compressed (one byte each, Latin-1) or
// UTF-16LE.
func chars(b []byte, n int, wide bool) (string, int) {
	if wide {
		n = min(n, len(b)/2)
		u := make([]uint16, n)
		for k := range u {
			u[k] = le16(b[2*k:])
		}
		return string(utf16.Decode(u)), 2 * n
	}
	n = min(n, len(b))
	r := make([]rune, n)
	for k := range r {
		r[k] = rune(b[k])
	}
	return string(r), n
}

// readSST reads the shared string table from the SST record and its CONTINUE
// records. A string's characters may break across a CONTINUE boundary, where
// one flags byte says whether the rest is compressed or UTF-16; its header,
// rich-text runs and phonetic data may break anywhere.
func readSST(parts [][]byte) ([]string, error) {
	if len(parts[0]) < 8 {
		return nil, invalid("工作簿已损坏：共享字符串表不完整", nil)
	}
	unique := int(binary.LittleEndian.Uint32(parts[0][4:]))
	if unique > maxStrings {
		return nil, invalid("工作簿的字符串过多，不像年度报告", nil)
	}
	sr := &sstReader{parts: parts, off: 8}
	out := make([]string, 0, min(unique, 1<<16))
	for len(out) < unique {
		s, ok := sr.str()
		if !ok {
			break // a truncated table: the strings read so far stand
		}
		out = append(out, s)
	}
	return out, nil
}

type sstReader struct {
	parts [][]byte
	p     int // the part being read
	off   int // the offset in it
}

// byte reads one byte, moving on to the next part at the end of one.
func (sr *sstReader) byte() (byte, bool) {
	for sr.p < len(sr.parts) && sr.off >= len(sr.parts[sr.p]) {
		sr.p, sr.off = sr.p+1, 0
	}
	if sr.p >= len(sr.parts) {
		return 0, false
	}
	b := sr.parts[sr.p][sr.off]
	sr.off++
	return b, true
}

func (sr *sstReader) u16() (int, bool) {
	lo, ok1 := sr.byte()
	hi, ok2 := sr.byte()
	return int(lo) | int(hi)<<8, ok1 && ok2
}

func (sr *sstReader) skip(n int) bool {
	for ; n > 0; n-- {
		if _, ok := sr.byte(); !ok {
			return false
		}
	}
	return true
}

func (sr *sstReader) str() (string, bool) {
	n, ok := sr.u16()
	if !ok {
		return "", false
	}
	flags, ok := sr.byte()
	if !ok {
		return "", false
	}
	runs, ext := 0, 0
	if flags&0x08 != 0 {
		if runs, ok = sr.u16(); !ok {
			return "", false
		}
	}
	if flags&0x04 != 0 {
		lo, ok1 := sr.u16()
		hi, ok2 := sr.u16()
		if !ok1 || !ok2 {
			return "", false
		}
		ext = lo | hi<<16
	}
	wide := flags&1 != 0
	u := make([]uint16, 0, min(n, 4096))
	for len(u) < n {
		if sr.p < len(sr.parts) && sr.off >= len(sr.parts[sr.p]) {
			// The characters go on in the next CONTINUE record, which
			// starts with its own flags byte.
			sr.p, sr.off = sr.p+1, 0
			f, ok := sr.byte()
			if !ok {
				return "", false
			}
			wide = f&1 != 0
		}
		if wide {
			c, ok := sr.u16()
			if !ok {
				return "", false
			}
			u = append(u, uint16(c))
		} else {
			c, ok := sr.byte()
			if !ok {
				return "", false
			}
			u = append(u, uint16(c))
		}
	}
	// Runs and phonetic data cut short at the end of the table leave the
	// string itself whole.
	sr.skip(4*runs + ext)
	return string(utf16.Decode(u)), true
}
