package ingest

import (
	"bytes"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai"
)

// TestTextSizeBound holds the bounds on the text a report may hold
// (maxTextFile, maxDocumentText): a plain-text file over 4 MB is refused
// before it is read, and any file whose reader finds more than 2 MB of text
// (an HTML page, a text file under 4 MB, a workbook) before the rules read
// it; each message names the file, the limit and how much it holds, and a
// report of ordinary size still parses. Before the bounds these files were
// read (13 MB of short lines took 125 s of `gongkai check`). Figures invented.
func TestTextSizeBound(t *testing.T) {
	report, err := os.ReadFile("testdata/web/shape2-label-notes.txt")
	if err != nil {
		t.Fatal(err)
	}
	// Short lines of counts, as a page padded with a log or a list would be.
	padding := func(n int) string {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			b.WriteString("第" + strings.Repeat("一", i%5+1) + "项 收到申请12件\n")
		}
		return b.String()
	}
	var book bytes.Buffer
	{
		f := excelize.NewFile()
		for r := 1; r <= 12000; r++ {
			f.SetCellValue("Sheet1", "A"+strconv.Itoa(r), strings.Repeat("某局某项说明文字", 10))
			f.SetCellValue("Sheet1", "B"+strconv.Itoa(r), strings.Repeat("备注", 20))
		}
		if err := f.Write(&book); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		name string
		data []byte
		want []string // in the message; none: parses
	}{
		{"a report", report, nil},
		{"a text file over 4 MB", []byte(string(report) + padding(5<<20)), []string{"big.txt：", "纯文本文件有 5.0 MB，超过可读取的 4.0 MB"}},
		{"a text file of 3 MB", []byte(string(report) + padding(3<<20)), []string{"big.txt：", "文件中的文字有 2.9 MB（正文 2.9 MB，表格 0.0 MB），超过一份报告可有的 2.0 MB"}},
		{"an HTML page of 3 MB of text", []byte("<html><body><pre>" + string(report) + "</pre><p>" + strings.ReplaceAll(padding(3<<20), "\n", "<br>") + "</p></body></html>"), []string{"big.txt：", "超过一份报告可有的 2.0 MB"}},
		{"a workbook of 4 MB of text", book.Bytes(), []string{"big.txt：", "（正文 0.0 MB，表格 4.1 MB）", "超过一份报告可有的 2.0 MB"}},
	} {
		r, err := Parse("big.txt", tt.data, Options{Agency: "示例市示例局", Year: 2021})
		if tt.want == nil {
			if err != nil || r == nil {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		msg := gongkai.ErrorMessage(err)
		var ge *gongkai.Error
		if !errors.As(err, &ge) || ge.Code != gongkai.CodeInvalid {
			t.Errorf("%s: %v, want refused", tt.name, err)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(msg, w) {
				t.Errorf("%s: %q, want it to say %q", tt.name, msg, w)
			}
		}
	}
}
