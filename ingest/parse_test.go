package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai"
	"gongkai/ingest/internal/fixture"
	"gongkai/template"
)

func TestParseRejects(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string
	}{
		{"空.xlsx", "", "空.xlsx：文件为空"},
		{"blank.txt", " \r\n\t", "blank.txt：文件为空"},
		{"data.xlsx", "单位,年度\n测试局,2021\n", "data.xlsx：扩展名是 .xlsx，但内容不是 Excel 工作簿"},
		{"export.xls", "单位\t年度\n测试局\t2021\n", "export.xls：扩展名是 .xls，但内容不是 Excel 工作簿"},
		{"reports.zip", zipOf(t, "a.txt"), "reports.zip：文件是压缩包"},
		{"broken.xls", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "broken.xls：文件已损坏，或不是可识别的 Office 文件"},
		{"report.docx", "PK\x03\x04rest", "report.docx：文件是压缩包"},
		{"image.png", "\x89PNG\r\n\x1a\n\x00\x00\x00", "不是可识别的文件"},
		{`C:\上传\x.xlsx`, "", "x.xlsx：文件为空"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse(tt.name, []byte(tt.data), Options{})
			if err == nil || r != nil {
				t.Fatalf("got report %v, error %v; want rejection", r != nil, err)
			}
			if gongkai.ErrorCode(err) != gongkai.CodeInvalid || !strings.Contains(gongkai.ErrorMessage(err), tt.want) {
				t.Errorf("error %q (code %s), want %q", gongkai.ErrorMessage(err), gongkai.ErrorCode(err), tt.want)
			}
		})
	}
}

// zipOf returns a zip archive holding empty files of the given names.
func zipOf(t *testing.T, names ...string) string {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		if _, err := zw.Create(n); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestParseRejectsFixtures rejects files made by real producers that gongkai
// does not read, with a message that says what they are and what to do.
func TestParseRejectsFixtures(t *testing.T) {
	tests := []struct{ fixture, name, want string }{
		{"scan.pdf", "扫描.pdf", "扫描.pdf：这是扫描件（PDF 中只有图片，没有文字层），系统暂不支持文字识别（OCR）"},
		{"shape6-rowspan.doc", "报告.wps", "报告.wps：这是旧版 Word（.doc）或 WPS 文字（.wps）文档：暂不能读取，请在 Word 或 WPS 中另存为 .docx 或 PDF"},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "media", tt.fixture))
			if err != nil {
				t.Fatal(err)
			}
			_, err = Parse(tt.name, data, Options{})
			if gongkai.ErrorCode(err) != gongkai.CodeInvalid || !strings.Contains(gongkai.ErrorMessage(err), tt.want) {
				t.Errorf("error %q, want %q", gongkai.ErrorMessage(err), tt.want)
			}
		})
	}
}

func TestParseText(t *testing.T) {
	text := "测试市测试局2021年政府信息公开工作年度报告\n" +
		"二、主动公开政府信息情况\n" +
		"信息内容 | 本年处理决定数量\n" +
		"行政许可 | 867\n" +
		"行政处罚 | 11\n"
	r, err := Parse("page.txt", []byte(text), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Source.Kind != "text" || r.Source.Name != "page.txt" || r.Source.Size != int64(len(text)) || len(r.Source.SHA256) != 64 {
		t.Errorf("source = %+v", r.Source)
	}
	if r.Agency != "测试市测试局" || r.Year != 2021 {
		t.Errorf("agency, year = %q, %d", r.Agency, r.Year)
	}
	if v, ok := r.Lookup("licensing.decisions", "total"); !ok || v.Number == nil || *v.Number != 867 {
		t.Errorf("licensing.decisions = %+v", v)
	}
}

// BenchmarkExtract measures locating and validating one complete report in
// an in-memory workbook: the share of ingest-core in the reports/s budget.
func BenchmarkExtract(b *testing.B) {
	f := gongkai.FormatByID("2021")
	doc := coreDoc(f, coreValues(b, f), coreLayout{merged: true, perTable: true, titles: true, cover: coreCover})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Extract(doc, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestExtractConcurrent checks Extract shares nothing mutable between calls:
// the warehouse and the upload handler parse files in parallel. Run it with
// -race to make it bite.
func TestExtractConcurrent(t *testing.T) {
	f := gongkai.FormatByID("2019")
	doc := coreDoc(f, coreValues(t, f), coreLayout{merged: true, cover: coreCover})
	done := make(chan int)
	for range 4 {
		go func() {
			r, err := Extract(doc, Options{})
			if err != nil {
				t.Error(err)
				done <- 0
				return
			}
			done <- len(r.Values)
		}()
	}
	want := -1
	for range 4 {
		n := <-done
		if want >= 0 && n != want {
			t.Errorf("concurrent Extract calls found %d and %d values", want, n)
		}
		want = n
	}
}

// TestParseRejectsBadWorkbooks checks that Parse turns every kind of bad
// workbook into a clear error, never a report or a panic.
func TestParseRejectsBadWorkbooks(t *testing.T) {
	filled, err := os.ReadFile(fixture.WorkbookPath("official-2021"))
	if err != nil {
		t.Fatal(err)
	}
	var blank bytes.Buffer
	if err := template.WriteTemplate(&blank, gongkai.Format2021); err != nil {
		t.Fatal(err)
	}
	noTables := excelize.NewFile()
	defer noTables.Close()
	if err := noTables.SetCellStr("Sheet1", "A1", "单位名称"); err != nil {
		t.Fatal(err)
	}
	if err := noTables.SetCellStr("Sheet1", "B1", "某市测试局"); err != nil {
		t.Fatal(err)
	}
	var noTablesBuf bytes.Buffer
	if err := noTables.Write(&noTablesBuf); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "为空"},
		{"corrupt zip", filled[:len(filled)*2/3], ".xlsx"},
		{"csv renamed", []byte("单位名称,某市测试局\n年度,2021\n"), "xlsx"},
		{"no tables", noTablesBuf.Bytes(), "未找到"},
		{"blank template: no agency", blank.Bytes(), "单位名称"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse(tt.name+".xlsx", tt.data, Options{})
			var ge *gongkai.Error
			if !errors.As(err, &ge) || ge.Code != gongkai.CodeInvalid {
				t.Fatalf("Parse = %v, %v; want a CodeInvalid *gongkai.Error", r, err)
			}
			if !strings.Contains(ge.Message, tt.want) {
				t.Errorf("message %q does not mention %q", ge.Message, tt.want)
			}
		})
	}
	// With the agency given, the blank template still lacks its year.
	_, err = Parse("blank.xlsx", blank.Bytes(), Options{Agency: "某市测试局"})
	if ge := (*gongkai.Error)(nil); !errors.As(err, &ge) || !strings.Contains(ge.Message, "年度") {
		t.Errorf("Parse(blank, agency) = %v, want an error about the year", err)
	}
}

// BenchmarkParseXLSX measures what a bulk load does per workbook: Parse
// (read, locate, validate) of a filled official workbook (about 13 KB).
func BenchmarkParseXLSX(b *testing.B) {
	data, err := os.ReadFile(fixture.WorkbookPath("official-2021"))
	if err != nil {
		b.Fatal(err)
	}
	fixture.BenchReports(b, data, func() error {
		_, err := Parse("filled.xlsx", data, Options{})
		return err
	})
}
