package sniff

import (
	"os"
	"path/filepath"
	"testing"
)

func TestKind(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string
	}{
		{"empty", " \r\n", Empty},
		{"pdf", "%PDF-1.7\n%âãÏÓ\n", PDF},
		{"pdf after junk", "\r\n\x00junk%PDF-1.4\n", PDF},
		{"html", "<!DOCTYPE html><html><body><table></table>", HTML},
		{"html with BOM", "\xef\xbb\xbf  <html>", HTML},
		{"html UTF-16LE", "\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00", HTML},
		{"excel html export", `<html xmlns:x="urn:schemas-microsoft-com:office:excel"><table>`, HTML},
		{"spreadsheetml 2003", `<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">`, XML2003},
		{"text", "某市测试局2021年政府信息公开工作年度报告\n行政许可 | 1\n", Text},
		{"text GBK", "\xc4\xb3\xca\xd0", Text},
		{"png", "\x89PNG\r\n\x1a\n\x00\x00\x00", Binary},
		{"broken zip", "PK\x03\x04rest", Zip},
		{"broken compound file", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", OLE},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Kind([]byte(tt.data)); got != tt.want {
				t.Errorf("Kind = %s, want %s", got, tt.want)
			}
		})
	}
}

// TestKindFixtures tells the kinds of files made by real producers
// (LibreOffice, Chromium), whatever their names say.
func TestKindFixtures(t *testing.T) {
	tests := map[string]string{
		"../xlsx/testdata/official-2021.xlsx":      XLSX,
		"../testdata/media/xlsx-named.xls":         XLSX,
		"../testdata/media/xlsx-named.et":          XLSX,
		"../testdata/media/excel-export-utf8.xls":  HTML,
		"../testdata/media/excel-export-gbk.xls":   HTML,
		"../testdata/media/shape6-rowspan.docx":    DOCX,
		"../testdata/media/shape6-rowspan.doc":     DOC,
		"../testdata/media/official-2021.xls":      XLS,
		"../testdata/media/biff8-named.et":         XLS,
		"../testdata/media/scan.pdf":               PDF,
		"../testdata/media/official-2021.ods":      ODS,
		"../testdata/media/spreadsheetml-2003.xls": XML2003,
	}
	for path, want := range tests {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got := Kind(data); got != want {
				t.Errorf("Kind = %s, want %s", got, want)
			}
		})
	}
}
