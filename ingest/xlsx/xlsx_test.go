package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai"
	"gongkai/ingest/doc"
	"gongkai/ingest/internal/fixture"
)

// zipParts builds a workbook package from raw parts, for shapes that
// excelize does not write (prefixed elements, inline strings, shared
// formulas, phonetic runs).
func zipParts(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range parts {
		// Stored, not deflated: the fuzz targets build a package per input.
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// minimalPackage is a one-sheet workbook; sheet is the content of its
// <sheetData> element, after which extra follows (merges, say).
func minimalPackage(t testing.TB, sheet, extra, sharedStrings string) []byte {
	ws := `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
		sheet + `</x:sheetData>` + extra + `</x:worksheet>`
	if sharedStrings != "" {
		sharedStrings = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + sharedStrings + `</sst>`
	}
	return sheetPackage(t, ws, sharedStrings)
}

// sheetPackage is a one-sheet workbook with the given worksheet part and
// shared string part (none when empty). Its sheet is named "表&三", and its
// parts are spelled as various writers spell them (prefixed elements, an
// absolute target).
func sheetPackage(t testing.TB, worksheet, sharedStrings string) []byte {
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<x:sheets><x:sheet name="表&amp;三" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/worksheets/data.xml": worksheet,
	}
	if sharedStrings != "" {
		parts["xl/sharedStrings.xml"] = sharedStrings
	}
	return zipParts(t, parts)
}

// officialWorkbook is the golden workbook in the official layout, filled
// by the template writer with a synthetic report.
func officialWorkbook(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "official-2021.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// gridText renders a grid as rows of "|"-joined cell text, for comparisons.
func gridText(g *doc.Grid) []string {
	var out []string
	for _, row := range g.Rows {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = c.Text
		}
		out = append(out, strings.Join(cells, "|"))
	}
	return out
}

func TestReadXLSXCellKinds(t *testing.T) {
	sst := `<si><t>规章</t></si>` +
		`<si><r><rPr><b/></rPr><t>行政</t></r><r><t xml:space="preserve">许可 </t></r><rPh sb="0" eb="2"><t>ぎょうせい</t></rPh></si>` +
		`<si><t>12</t></si>` +
		`<si><t>第一行_x000D_第二行</t></si>` +
		`<si/><si><t/></si><si><t>空串之后</t></si>`
	sheet := `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>3</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c></x:row>` +
		`<x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="B2" t="b"><x:v>1</x:v></x:c><x:c r="C2" t="inlineStr"><x:is><x:r><x:t>内联</x:t></x:r><x:r><x:t>文字</x:t></x:r></x:is></x:c></x:row>` +
		// No r attributes: cells follow one another, rows too.
		`<x:row><x:c><x:v>1.1000000000000001</x:v></x:c><x:c t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c><x:c t="e"><x:v>#DIV/0!</x:v></x:c></x:row>` +
		// Formulas with cached values keep them; without, simple ones are computed.
		`<x:row r="5"><x:c r="A5"><x:f>SUM(B1,A3)</x:f><x:v>9</x:v></x:c><x:c r="B5"><x:f>B1*2+A3</x:f></x:c><x:c r="C5"><x:f>SUM(A5:B5)</x:f><x:v></x:v></x:c><x:c r="D5"><x:f>VLOOKUP(1,A1:B2,2)</x:f></x:c></x:row>` +
		`<x:row r="6"><x:c r="A6" t="s"><x:v>3</x:v></x:c><x:c r="B6" t="s"><x:v>99</x:v></x:c></x:row>` +
		`<x:row r="7"><x:c r="A7" t="s"><x:v>4</x:v></x:c><x:c r="B7" t="s"><x:v>5</x:v></x:c><x:c r="C7" t="s"><x:v>6</x:v></x:c><x:c r="D7" t="inlineStr"><x:is/></x:c></x:row>`
	d, err := Read(minimalPackage(t, sheet, "", sst))
	if err != nil {
		t.Fatal(err)
	}
	if d.Kind != "xlsx" || len(d.Grids) != 1 {
		t.Fatalf("got kind %q with %d grids, want one xlsx grid", d.Kind, len(d.Grids))
	}
	g := d.Grids[0]
	if g.Name != "表&三" || g.Kind != "xlsx" {
		t.Errorf("grid name %q kind %q, want 表&三 xlsx", g.Name, g.Kind)
	}
	want := []string{
		"规章|3|12",
		"行政许可 |TRUE|内联文字",
		"1.1|ab|#DIV/0!",
		"",
		"9|7.1|16.1|", // a cached result wins; a formula it cannot compute stays blank
		"第一行\r第二行",
		"||空串之后", // empty shared strings keep their places
	}
	got := gridText(g)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("grid:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if loc := g.Loc(4, 2); loc != "表&三!C5" {
		t.Errorf("Loc(4, 2) = %q, want 表&三!C5", loc)
	}
}

func TestReadXLSXFormulas(t *testing.T) {
	sheet := `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1" t="s"><v>0</v></c><c r="D1"><f>SUM(A1:C1)</f></c></row>` +
		`<row r="2"><c r="A2"><v>10</v></c><c r="B2"><v>20</v></c><c r="D2"><f t="shared" ref="D2:D3" si="0">A2+B2</f></c></row>` +
		`<row r="3"><c r="A3"><v>100</v></c><c r="B3"><v>200</v></c><c r="D3"><f t="shared" si="0"/></c></row>` +
		`<row r="4"><c r="A4"><f>SUM(D1:D3)-$A$1</f></c><c r="B4"><f>B4+1</f></c><c r="C4"><f>'表&amp;三'!A1 + 表&amp;三!B1</f></c><c r="D4"><f>Sheet2!A1</f></c></row>` +
		`<row r="5"><c r="A5"><f>A1/0</f></c><c r="B5"><f>SUM(A5,1)</f></c><c r="C5"><f>(((1+2)*3))</f></c><c r="D5"><f>C1+1</f></c></row>` +
		`<row r="6"><c r="A6"><f>SUM(A1:XFD3)</f></c><c r="B6"><f>-A1+ +2</f></c><c r="C6"><f>A1:B1</f></c></row>`
	d, err := Read(minimalPackage(t, sheet, "", `<si><t>text</t></si>`))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"1|2|text|3",
		"10|20||30",
		"100|200||300",
		"332||3|", // B4 is circular; D4 refers to another sheet
		"||9|",    // division by zero; SUM over an error; text in arithmetic
		"666|1|",  // a range to the last column visits only the cells there are
	}
	got := gridText(d.Grids[0])
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("grid:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A long chain of formulas, each referring to the next, must neither
// overflow the stack nor take long: evaluation gives up past a depth.
func TestReadXLSXFormulaChain(t *testing.T) {
	var sheet strings.Builder
	const n = 5000
	for i := 1; i < n; i++ {
		fmt.Fprintf(&sheet, `<row r="%d"><c r="A%d"><f>A%d+1</f></c></row>`, i, i, i+1)
	}
	fmt.Fprintf(&sheet, `<row r="%d"><c r="A%d"><v>1</v></c></row>`, n, n)
	d, err := Read(minimalPackage(t, sheet.String(), "", ""))
	if err != nil {
		t.Fatal(err)
	}
	g := d.Grids[0]
	if got := g.Text(n-2, 0); got != "2" {
		t.Errorf("A%d = %q, want 2", n-1, got)
	}
	if len(g.Rows) != n {
		t.Errorf("%d rows, want %d", len(g.Rows), n)
	}
}

func TestReadXLSXMerges(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", "表四"))
	must(f.SetCellStr("表四", "A1", "行政复议"))
	must(f.MergeCell("表四", "A1", "C1"))
	must(f.SetCellStr("表四", "A2", "维持"))
	must(f.SetCellInt("表四", "B2", 5))
	must(f.SetCellStr("表四", "E1", "纵向"))
	must(f.MergeCell("表四", "E1", "E3"))
	must(f.SetCellStr("表四", "A4", "尾"))
	must(f.MergeCell("表四", "A4", "E4"))
	_, err := f.NewSheet("空表")
	must(err)
	var buf bytes.Buffer
	must(f.Write(&buf))

	d, err := Read(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Grids) != 2 || d.Grids[0].Name != "表四" || d.Grids[1].Name != "空表" {
		t.Fatalf("grids %v, want 表四 and 空表", gridNames(d))
	}
	want := []string{
		"行政复议|行政复议|行政复议||纵向",
		"维持|5|||纵向",
		"||||纵向",
		"尾|尾|尾|尾|尾",
	}
	got := gridText(d.Grids[0])
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("grid:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(d.Grids[1].Rows) != 0 {
		t.Errorf("empty sheet has %d rows", len(d.Grids[1].Rows))
	}
}

// A merge reaching to the last cell of the sheet is clipped to the cells
// there are, not filled.
func TestReadXLSXHugeMerge(t *testing.T) {
	data := minimalPackage(t, `<x:row r="2"><x:c r="B2"><x:v>7</x:v></x:c><x:c r="C2" t="inlineStr"><x:is><x:t>尾</x:t></x:is></x:c></x:row>`,
		`<x:mergeCells count="2"><x:mergeCell ref="B2:XFD1048576"/><x:mergeCell ref="C1:C1"/></x:mergeCells>`, "")
	d, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(gridText(d.Grids[0]), "\n"); got != "\n|7|7" {
		t.Errorf("grid %q, want %q", got, "\n|7|7")
	}
}

func gridNames(d *doc.Document) []string {
	var names []string
	for _, g := range d.Grids {
		names = append(names, g.Name)
	}
	return names
}

func TestReadXLSXRejects(t *testing.T) {
	ods := zipParts(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"})
	docx := zipParts(t, map[string]string{"word/document.xml": "<x/>"})
	noSheets := zipParts(t, map[string]string{"xl/workbook.xml": "<workbook><sheets/></workbook>"})
	huge := minimalPackage(t, `<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`, "", "")
	wide := minimalPackage(t, `<row r="1"><c r="ZZZ1"><v>1</v></c></row>`, "", "")
	truncated := minimalPackage(t, `<row r="1"><c r="A1"><v>1</v></c></row>`, "", "")
	truncated = truncated[:len(truncated)/2]
	badSheet := minimalPackage(t, `<row r="1"><c r="A1"><v>1</v></c></row><!-- never closed`, "", "")
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "文件为空"},
		{"csv", []byte("单位名称,年度\n某局,2021\n"), "不是有效的 .xlsx"},
		{"xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), ".xls"},
		{"truncated zip", truncated, "不是有效的 .xlsx"},
		{"ods", ods, ".ods"},
		{"docx", docx, "Word"},
		{"no sheets", noSheets, "没有工作表"},
		{"cell at XFD1048576", huge, "过大"},
		{"cell at column ZZZ", wide, "过大"},
		{"unterminated sheet xml", badSheet, "已损坏"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Read(tt.data)
			var ge *gongkai.Error
			if !errors.As(err, &ge) || ge.Code != gongkai.CodeInvalid {
				t.Fatalf("Read = %v, %v; want a CodeInvalid *gongkai.Error", d, err)
			}
			if !strings.Contains(ge.Message, tt.want) {
				t.Errorf("message %q does not mention %q", ge.Message, tt.want)
			}
		})
	}
}

func TestDecodeHelpers(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a &lt;&gt;&amp;&quot;&apos; b", `a <>&"' b`},
		{"&#20013;&#x6587;", "中文"},
		{"&unknown; & &#xZZ; &#1114112;", "&unknown; & &#xZZ; &#1114112;"},
	}
	for _, tt := range tests {
		if got := decodeEntities([]byte(tt.in)); got != tt.want {
			t.Errorf("decodeEntities(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := decodeXString("a_x000D__x005F_x000A_b_x00"); got != "a\r_x000A_b_x00" {
		t.Errorf("decodeXString = %q", got)
	}
	for in, want := range map[string]string{"3": "3", "0.30000000000000004": "0.3", "-0": "0", "1e-12": "1e-12", "abc": "abc", " 7 ": "7"} {
		if got := displayNumber(in); got != want {
			t.Errorf("displayNumber(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzReadXLSX feeds Read arbitrary bytes, seeded with the golden
// workbooks and hand-made packages: it must return a document or a
// *gongkai.Error, never panic, and keep its grids within the limits.
func FuzzReadXLSX(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "*.xlsx"))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(minimalPackage(f, `<x:row r="1"><x:c r="A1"><x:f>SUM(B1:C1)</x:f></x:c><x:c r="B1" t="s"><x:v>0</x:v></x:c></x:row>`,
		`<x:mergeCells><x:mergeCell ref="A1:B2"/></x:mergeCells>`, `<si><t>1</t></si>`))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Read(data)
		if err != nil {
			var ge *gongkai.Error
			if !errors.As(err, &ge) || ge.Code != gongkai.CodeInvalid || ge.Message == "" {
				t.Fatalf("error %v is not a CodeInvalid *gongkai.Error", err)
			}
			return
		}
		cells := 0
		for _, g := range d.Grids {
			if len(g.Rows) > maxRows {
				t.Fatalf("grid %q has %d rows", g.Name, len(g.Rows))
			}
			for _, row := range g.Rows {
				cells += len(row)
			}
		}
		if cells > maxGridCells {
			t.Fatalf("%d cells", cells)
		}
	})
}

// FuzzXLSXSheetXML fuzzes what lies inside the archive — the worksheet and
// shared strings XML — which FuzzReadXLSX rarely reaches, since most
// mutations of a compressed part fail its checksum. It is seeded with the
// parts of the golden workbooks.
func FuzzXLSXSheetXML(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "*.xlsx"))
	for _, p := range paths[:min(len(paths), 3)] {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			f.Fatal(err)
		}
		var sst string
		var sheets []string
		for _, zf := range zr.File {
			rc, err := zf.Open()
			if err != nil {
				f.Fatal(err)
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				f.Fatal(err)
			}
			switch {
			case zf.Name == "xl/sharedStrings.xml":
				sst = string(b)
			case strings.HasPrefix(zf.Name, "xl/worksheets/"):
				sheets = append(sheets, string(b))
			}
		}
		for _, s := range sheets {
			f.Add(s, sst)
		}
	}
	f.Add(`<worksheet><sheetData><row><c><f>A1+B1</f></c><c t="shared"><f t="shared" si="1" ref="A1:A9">SUM(A2:XFD9)</f></c></row></sheetData>`+
		`<mergeCells><mergeCell ref="A1:C1"/></mergeCells></worksheet>`, `<sst><si><r><t>a</t></r><rPh><t>x</t></rPh></si></sst>`)
	f.Fuzz(func(t *testing.T, sheet, sst string) {
		d, err := Read(sheetPackage(t, sheet, sst))
		if err != nil {
			if gongkai.ErrorCode(err) != gongkai.CodeInvalid {
				t.Fatalf("error %v is not CodeInvalid", err)
			}
			return
		}
		if len(d.Grids) != 1 || len(d.Grids[0].Rows) > maxRows {
			t.Fatalf("%d grids", len(d.Grids))
		}
	})
}

// BenchmarkReadXLSX measures the workbook reader alone on the golden
// official workbook, the one BenchmarkParseXLSX (package ingest) parses.
func BenchmarkReadXLSX(b *testing.B) {
	data := officialWorkbook(b)
	fixture.BenchReports(b, data, func() error {
		_, err := Read(data)
		return err
	})
}

// Cells formatted as dates show the date; a figure in a cell formatted as a
// date by mistake keeps its number.
func TestReadXLSXDates(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	yearFmt := `yyyy"年"`
	yearStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &yearFmt})
	if err != nil {
		t.Fatal(err)
	}
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	countFmt := `0"件"`
	countStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &countFmt})
	if err != nil {
		t.Fatal(err)
	}
	// Formats built on General are numbers: the "e" of General is not a year.
	general := map[string]int{}
	for _, code := range []string{`General"件"`, `[$-804]General`, `G/通用格式`, `general;-General`} {
		code := code
		if general[code], err = f.NewStyle(&excelize.Style{CustomNumFmt: &code}); err != nil {
			t.Fatal(err)
		}
	}
	cells := []struct {
		ref   string
		value float64
		style int
		want  string
	}{
		{"A1", 44197, yearStyle, "2021年"},        // 2021-01-01
		{"A2", 44581, dateStyle, "2022/1/20"},    // 2022-01-20
		{"A3", 5, dateStyle, "5"},                // not a plausible date
		{"A4", 44581, countStyle, "44581"},       // not a date format
		{"A5", 44581.75, dateStyle, "2022/1/20"}, // the time of day is dropped
		{"A6", 45678, general[`General"件"`], "45678"},
		{"A7", 45678, general[`[$-804]General`], "45678"},
		{"A8", 45678, general[`G/通用格式`], "45678"},
		{"A9", 45678, general[`general;-General`], "45678"},
	}
	for _, c := range cells {
		if err := f.SetCellFloat("Sheet1", c.ref, c.value, -1, 64); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellStyle("Sheet1", c.ref, c.ref, c.style); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	d, err := Read(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cells {
		if got := d.Grids[0].Text(i, 0); got != c.want {
			t.Errorf("%s (%v) reads %q, want %q", c.ref, c.value, got, c.want)
		}
	}
	if got := formatDate(43465, `yyyy"年"m"月"d"日" h:mm`, true); got != "2023年1月1日" {
		t.Errorf("1904 date system: %q", got)
	}
}

// FuzzXLSXDateFormat checks that any number format is read without panicking.
func FuzzXLSXDateFormat(f *testing.F) {
	for _, code := range []string{`yyyy"年"m"月"d"日"`, `[$-804]yyyy/mm/dd\ h:mm;@`, `0"件"`, `"unterminated`, `[red`, "d-mmm-yy"} {
		f.Add(code, 44581.5)
	}
	f.Fuzz(func(t *testing.T, code string, serial float64) {
		if isDateFormat(code) {
			_ = formatDate(serial, code, false)
		}
	})
}
