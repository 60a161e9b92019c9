package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"strings"

	"gongkai"
)

// Parse reads one source file into a report: a workbook (.xlsx), an HTML page
// (.html, .htm) or published page text (.txt and anything else that is
// text). The kind is told by the content first and the extension second, so
// that a page saved as .txt is still read as HTML; a file whose extension
// promises a workbook but whose content is not one is rejected.
//
// The error, always a *gongkai.Error with code CodeInvalid and a Chinese
// message starting with the file name, means the file is rejected: it is
// empty, corrupt or of a kind gongkai does not read, none of tables 二, 三 and
// 四 is in it, or its agency or year is unknown (see Extract). Findings do not
// reject a report.
func Parse(name string, data []byte, opts Options) (r *gongkai.Report, err error) {
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
	read, kind, err := reader(base, data)
	if err != nil {
		return nil, err
	}
	doc, err := read(data)
	if err != nil {
		return nil, err
	}
	if doc == nil {
		return nil, gongkai.Errorf(gongkai.CodeInvalid, "文件中没有可读取的内容")
	}
	doc.Name = base
	if doc.Kind == "" {
		doc.Kind = kind
	}
	r, err = Extract(doc, opts)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	r.Source = gongkai.Source{Kind: doc.Kind, Name: base, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data))}
	return r, nil
}

// reader chooses the reader for a file from its content and extension.
func reader(name string, data []byte) (func([]byte) (*Document, error), string, error) {
	ext := strings.ToLower(path.Ext(name))
	head := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return nil, "", gongkai.Errorf(gongkai.CodeInvalid, "文件为空")
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		if ext != ".xlsx" && ext != ".xlsm" && ext != "" {
			return nil, "", gongkai.Errorf(gongkai.CodeInvalid, "文件是压缩包（扩展名 %s），不是 .xlsx 工作簿", ext)
		}
		return ReadXLSX, "xlsx", nil
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0")):
		return nil, "", gongkai.Errorf(gongkai.CodeInvalid, "这是旧版 Excel（.xls）或 Word（.doc）文件：请在 Excel 中另存为 .xlsx 后再上传")
	case bytes.HasPrefix(data, []byte("%PDF")):
		return nil, "", gongkai.Errorf(gongkai.CodeInvalid, "暂不支持 PDF：请上传 .xlsx 工作簿，或报告网页（.html）/ 网页文本（.txt）")
	case ext == ".xlsx" || ext == ".xlsm" || ext == ".xls":
		return nil, "", gongkai.Errorf(gongkai.CodeInvalid, "扩展名是 %s，但内容不是 Excel 工作簿（可能是改了扩展名的 CSV 或文本文件）：请在 Excel 中另存为 .xlsx", ext)
	case bytes.IndexByte(data[:min(len(data), 8000)], 0) >= 0 && !utf16(data):
		return nil, "", gongkai.Errorf(gongkai.CodeInvalid, "不是可识别的文件：请上传 .xlsx 工作簿、报告网页（.html）或网页文本（.txt）")
	case bytes.HasPrefix(head, []byte("<")) || ext == ".html" || ext == ".htm":
		return ReadHTML, "html", nil
	}
	return ReadText, "text", nil
}

// utf16 reports whether data starts with a UTF-16 byte-order mark: such text
// holds zero bytes and is still text.
func utf16(data []byte) bool {
	return bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff"))
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
