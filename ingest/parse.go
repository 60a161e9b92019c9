package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"strings"

	"gongkai"
	"gongkai/ingest/docx"
	"gongkai/ingest/pdf"
	"gongkai/ingest/sniff"
	"gongkai/ingest/web"
	"gongkai/ingest/xls"
	"gongkai/ingest/xlsx"
	"gongkai/ingest/xmlsheet"
)

// Parse reads one source file into a report: a workbook (.xlsx), an HTML page
// (.html, .htm) or published page text (.txt and anything else that is
// text). The kind is told by the content alone (package sniff): a page saved
// as .txt is read as HTML, a workbook named .xls as a workbook; the extension
// only words the messages. Text under a spreadsheet's extension (a renamed
// CSV) is rejected.
//
// The error, a *gongkai.Error with code CodeInvalid and a Chinese message
// starting with the file name, means the file is rejected: it is
// empty, corrupt or of a kind gongkai does not read, none of tables 二, 三 and
// 四 is in it, or its agency or year is unknown (see Extract). Findings do not
// reject a report. The one exception is CodeUnavailable, for a PDF when the
// server cannot read PDFs now (no PDF reader can be started, see pdf.Read):
// the server's problem, not the file's.
func Parse(name string, data []byte, opts Options) (r *gongkai.Report, err error) {
	return ParseContext(context.Background(), name, data, opts)
}

// ParseContext is Parse for a request: once ctx is done (the request timed
// out, or its client went away) it stops at the next step, between the
// reader and the rules and between lines of the narrative, and returns a
// *gongkai.Error with CodeTimeout whose message says nothing was read or
// stored, with ctx's error as text for the log. Of the readers only the
// PDF reader looks at ctx (its worker is killed: a PDF can hold one for the
// reader's whole time limit, 60 s); the others are bounded by the file's
// size (MaxUpload, the workbooks' decompressed bound, the pages' text) to a
// few seconds of CPU (TestHostileUploads).
func ParseContext(ctx context.Context, name string, data []byte, opts Options) (r *gongkai.Report, err error) {
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	defer func() {
		// A reader that fails on hostile input must not take the process down.
		if p := recover(); p != nil {
			r, err = nil, &gongkai.Error{Code: gongkai.CodeInvalid,
				Message: "无法读取文件，文件可能已损坏", Err: fmt.Errorf("panic: %v", p)}
		}
		if err != nil {
			err = withFileName(base, err)
		}
	}()
	if err := stopped(ctx); err != nil {
		return nil, err
	}
	read, kind, err := reader(base, data)
	if err != nil {
		return nil, err
	}
	doc, err := read(ctx, data)
	if err != nil {
		// A reader stopped by ctx (the PDF reader's worker killed) says
		// so as the steps around it do.
		if err := stopped(ctx); err != nil {
			return nil, err
		}
		return nil, err
	}
	if err := stopped(ctx); err != nil {
		return nil, err
	}
	if doc == nil {
		return nil, gongkai.Errorf(gongkai.CodeInvalid, "文件中没有可读取的内容")
	}
	if err := checkTextSize(doc); err != nil {
		return nil, err
	}
	doc.Name = base
	if doc.Kind == "" {
		doc.Kind = kind
	}
	r, err = ExtractContext(ctx, doc, opts)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	r.Source = gongkai.Source{Kind: doc.Kind, Name: base, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data))}
	return r, nil
}

// stopped is the error of work stopped because ctx is done, nil while it
// is not.
func stopped(ctx context.Context) error {
	err := ctx.Err()
	if err == nil {
		return nil
	}
	msg := "读取文件时请求已取消，已停止，未保存任何内容"
	if errors.Is(err, context.DeadlineExceeded) {
		msg = "读取文件超过了请求的时限，已停止，未保存任何内容：请稍后重试；若仍超时，请只上传年度报告本身"
	}
	// ctx's error as text, not wrapped: the server answers a wrapped
	// context error with its pages' 查询超时 message, and this one says
	// more (what was stopped, that nothing was stored).
	return &gongkai.Error{Code: gongkai.CodeTimeout, Message: msg, Err: fmt.Errorf("parse stopped: %v", err)}
}

// reader chooses the reader for a file from its content (package sniff);
// the extension only words the messages, so that a workbook renamed .xls, or
// an HTML "Excel export" saved as .xls, is read for what it is.
func reader(name string, data []byte) (readFunc, string, error) {
	ext := strings.ToLower(path.Ext(name))
	kind := sniff.Kind(data)
	switch kind {
	case sniff.Empty:
		return nil, "", gongkai.Errorf(gongkai.CodeInvalid, "文件为空")
	case sniff.XLSX:
		return noContext(xlsx.Read), "xlsx", nil
	case sniff.HTML:
		return noContext(web.ReadHTML), "html", nil
	case sniff.Text:
		if len(data) > maxTextFile {
			return nil, "", gongkai.Errorf(gongkai.CodeInvalid, "纯文本文件有 %s，超过可读取的 %s：一份年度报告的文字通常不到 1 MB，请只上传年度报告本身",
				megabytes(len(data)), megabytes(maxTextFile))
		}
		if spreadsheetExt(ext) {
			return nil, "", gongkai.Errorf(gongkai.CodeInvalid, "扩展名是 %s，但内容不是 Excel 工作簿，而是纯文本（可能是改了扩展名的 CSV）：请在 Excel 或 WPS 中另存为 .xlsx", ext)
		}
		return noContext(web.ReadText), "text", nil
	}
	if read, ok := readers[kind]; ok {
		return read, kind, nil
	}
	return nil, "", gongkai.Errorf(gongkai.CodeInvalid, "%s", unreadable(kind, ext))
}

// The text a report may hold. A real report's text, its tables' included,
// is well under 1 MB (PDFs are held to 50,000 words by their reader). The
// readers and the rules cost time and memory with the text: a page of 8 MB
// of short lines took 3 s of CPU and 0.9 GB, 1 MB of sentences just under
// the sentence bound ~3 s (the rules look back over a sentence once a
// clause), so an upload of 32 MB took minutes in the request's goroutine.
const (
	// maxTextFile bounds a plain-text file before it is read: decoding and
	// splitting it into lines is most of its memory.
	maxTextFile = 4 << 20
	// maxDocumentText bounds the text a reader found, lines and cells
	// together, before the rules read it.
	maxDocumentText = 2 << 20
)

// checkTextSize refuses a document whose text is over maxDocumentText, saying
// how much the narrative and the tables each hold.
func checkTextSize(doc *Document) error {
	lines, cells := textSize(doc)
	if lines+cells <= maxDocumentText {
		return nil
	}
	return tooMuchText(lines, cells)
}

// textSize is the bytes of text of doc's lines and of its grids' cells.
func textSize(doc *Document) (lines, cells int) {
	for _, l := range doc.Lines {
		lines += len(l.Text)
	}
	for _, g := range doc.Grids {
		for _, row := range g.Rows {
			for _, c := range row {
				cells += len(c.Text)
			}
		}
	}
	return lines, cells
}

// tooMuchText is checkTextSize's refusal of a document whose lines and
// cells hold lines and cells bytes of text.
func tooMuchText(lines, cells int) error {
	return gongkai.Errorf(gongkai.CodeInvalid, "文件中的文字有 %s（正文 %s，表格 %s），超过一份报告可有的 %s：年度报告的正文和表格通常不到 1 MB，请只上传年度报告本身",
		megabytes(lines+cells), megabytes(lines), megabytes(cells), megabytes(maxDocumentText))
}

// megabytes writes n bytes as "2.0 MB", or "0.3 MB".
func megabytes(n int) string {
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// readers are the readers of the kinds beyond workbooks and web pages, by
// the kind package sniff tells.
var readers = map[string]readFunc{
	sniff.DOCX:    withTextTables(noContext(docx.Read)),
	sniff.XLS:     noContext(xls.Read),
	sniff.XML2003: noContext(xmlsheet.ReadSpreadsheetML),
	sniff.ODS:     noContext(xmlsheet.ReadODS),
	sniff.PDF:     withTextTables(pdf.ReadContext), // its tables come as rows of page text
}

// readFunc is a reader of one kind of file; ctx is the request's.
type readFunc func(ctx context.Context, data []byte) (*Document, error)

// noContext is a reader that does not look at ctx as a readFunc.
func noContext(read func([]byte) (*Document, error)) readFunc {
	return func(_ context.Context, data []byte) (*Document, error) { return read(data) }
}

// withTextTables wraps the reader of a document medium (Word, PDF): when none
// of the grids it found holds a report table's labels (the tables were typed
// as paragraphs, or drawn without ruling), its lines are read for tables the
// way web.ReadText reads page text, keeping the grids it did find.
func withTextTables(read readFunc) readFunc {
	return func(ctx context.Context, data []byte) (*Document, error) {
		d, err := read(ctx, data)
		if err != nil || d == nil || web.GridsHaveLabels(d.Grids) {
			return d, err
		}
		// Reading lines for tables costs time and memory with their text,
		// which checkTextSize bounds only afterwards: a .docx of 0.1 MB
		// holding 30 MB of sentences in a few runs (under the reader's
		// token bound) took 5.8 s of CPU and 752 MB of Go heap here
		// (TestHostileUploads). Twice maxDocumentText, as web.ReadHTML's
		// bound: what is refused here would be refused after.
		if lines, cells := textSize(d); lines+cells > 2*maxDocumentText {
			return nil, tooMuchText(lines, cells)
		}
		t := web.ReadLines(d.Lines, d.Kind)
		t.Grids = append(d.Grids, t.Grids...)
		t.Notes = append(d.Notes, t.Notes...)
		// A paged source's cells say their page ("第3页"), not the line
		// number the reader gave them.
		page := map[int]int{}
		for _, l := range d.Lines {
			if l.Page > 0 {
				page[l.N] = l.Page
			}
		}
		if len(page) > 0 {
			for _, g := range t.Grids {
				for _, row := range g.Rows {
					for i := range row {
						if p, ok := page[row[i].Line]; ok && row[i].Page == 0 {
							row[i].Page = p
						}
					}
				}
			}
			for i := range t.Lines {
				t.Lines[i].Page = page[t.Lines[i].N]
			}
		}
		return t, nil
	}
}

// spreadsheetExt reports whether ext names a spreadsheet.
func spreadsheetExt(ext string) bool {
	switch ext {
	case ".xlsx", ".xlsm", ".xls", ".et", ".ods":
		return true
	}
	return false
}

// unreadable words the rejection of a kind gongkai does not read.
func unreadable(kind, ext string) string {
	const kinds = "请上传 Excel 工作簿（.xlsx/.xls/.et）、Word 文档（.docx）、PDF、报告网页（.html）或网页文本（.txt）"
	switch kind {
	case sniff.Crypted:
		return "文件有密码保护（已加密），无法读取：请取消密码后另存再上传"
	case sniff.Zip:
		return "文件是压缩包，不是工作簿或文档：请解压后上传其中的报告文件（命令行 ingest 可直接读取 .zip）"
	case sniff.DOC:
		return "这是旧版 Word（.doc）或 WPS 文字（.wps）文档：暂不能读取，请在 Word 或 WPS 中另存为 .docx 或 PDF 后再上传"
	case sniff.ODT:
		return "这是 OpenDocument 文本（.odt）：请在 WPS 或 Word 中另存为 .docx 后再上传"
	case sniff.PPT:
		return "这是 PowerPoint 演示文稿，不是报告：" + kinds
	case sniff.OLE:
		return "文件已损坏，或不是可识别的 Office 文件：" + kinds
	}
	if ext != "" {
		return fmt.Sprintf("不是可识别的文件（扩展名 %s，内容不是工作簿、文档或文本）：%s", ext, kinds)
	}
	return "不是可识别的文件：" + kinds
}

// withFileName puts the file name in front of a rejection's message, so that
// the person reading it knows which file of a batch it is about.
func withFileName(name string, err error) error {
	var ge *gongkai.Error
	if !errors.As(err, &ge) {
		return &gongkai.Error{Code: gongkai.CodeInvalid, Message: name + "：无法读取文件", Err: err}
	}
	out := *ge
	if out.Code == gongkai.CodeInternal || out.Code == "" {
		out.Code = gongkai.CodeInvalid
		out.Message = "无法读取文件"
		out.Err = err
	}
	if name != "" && !strings.HasPrefix(out.Message, name) {
		out.Message = name + "：" + out.Message
	}
	return &out
}
