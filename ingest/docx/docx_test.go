package docx

import (
	"archive/zip"
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"

	"gongkai"
)

// docxOf returns a .docx holding body as the body of word/document.xml.
func docxOf(t testing.TB, body string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRead(t *testing.T) {
	body := `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>某市测试局2021年</w:t></w:r><w:r><w:t xml:space="preserve">政府信息公开工作年度报告</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>一、总体情况</w:t><w:br/><w:t>第二行</w:t></w:r><w:del><w:r><w:delText>删去的</w:delText></w:r></w:del></w:p>` +
		`<w:tbl>` +
		`<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>信息内容</w:t></w:r></w:p></w:tc>` +
		`<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>申请人情况</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>` +
		`<w:tc><w:p><w:r><w:t>自然</w:t></w:r></w:p><w:p><w:r><w:t>人</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>总计</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:tc><w:p><w:r><w:t>行政许可</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>` +
		`<w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr>` +
		`</w:tbl><w:p><w:r><w:t>三、结尾</w:t></w:r></w:p>`
	d, err := Read(docxOf(t, body))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range d.Lines {
		lines = append(lines, l.Text+"@"+itoa(l.N))
	}
	if got, want := strings.Join(lines, "|"), "某市测试局2021年政府信息公开工作年度报告@1|一、总体情况@2|第二行@2|三、结尾@13"; got != want {
		t.Errorf("lines = %s, want %s", got, want)
	}
	if len(d.Grids) != 1 {
		t.Fatalf("%d grids, want 1", len(d.Grids))
	}
	var rows []string
	for _, r := range d.Grids[0].Rows {
		var cells []string
		for _, c := range r {
			cells = append(cells, c.Text)
		}
		rows = append(rows, strings.Join(cells, ","))
	}
	if got, want := strings.Join(rows, "|"), "信息内容,申请人情况,申请人情况|信息内容,自然 人,总计|行政许可,1,2"; got != want {
		t.Errorf("rows = %s, want %s", got, want)
	}
	if loc := d.Grids[0].Loc(2, 1); loc != "表格1 第3行第2列" {
		t.Errorf("Loc = %s", loc)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
func TestReadRejects(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"not a zip", []byte("PK\x03\x04junk"), "文件已损坏"},
		{"no body", zipWith(t, "xl/workbook.xml", "<workbook/>"), "缺少正文"},
		{"bad XML", docxOf(t, "<w:p><w:r><w:t>x</w:r><"), "XML 无法解析"},
		{"truncated", docxOf(t, "<w:p><w:r><w:t>x</w:t></w:r>"), "正文不完整"},
		{"deep nesting", docxOf(t, strings.Repeat("<w:tbl><w:tr><w:tc>", 20)), "嵌套过深"},
		{"huge span", docxOf(t, strings.Repeat(`<w:tbl><w:tr>`+strings.Repeat(`<w:tc><w:tcPr><w:gridSpan w:val="99999"/></w:tcPr></w:tc>`, 5000)+`</w:tr></w:tbl>`, 1)), "表格过大"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(tt.data)
			if gongkai.ErrorCode(err) != gongkai.CodeInvalid || !strings.Contains(gongkai.ErrorMessage(err), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

func zipWith(t testing.TB, name, content string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create(name)
	w.Write([]byte(content))
	zw.Close()
	return buf.Bytes()
}

// FuzzRead checks that no input panics the reader or escapes its limits.
func FuzzRead(f *testing.F) {
	for _, p := range []string{"../testdata/media/shape6-rowspan.docx", "../testdata/media/html-paragraphs.docx"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add(docxOf(f, `<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="3"/><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Read(data)
		if err == nil && d == nil {
			t.Fatal("no document and no error")
		}
		if err != nil && gongkai.ErrorCode(err) != gongkai.CodeInvalid {
			t.Fatalf("error code %s", gongkai.ErrorCode(err))
		}
	})
}

// BenchmarkRead measures reading a report written by LibreOffice Writer.
func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile("../testdata/media/shape6-rowspan.docx")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(data); err != nil {
			b.Fatal(err)
		}
	}
}
