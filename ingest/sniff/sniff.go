// Package sniff tells the kind of a source file from its bytes. Government
// systems' "导出Excel" buttons write HTML or SpreadsheetML under a .xls name,
// offices rename workbooks, and WPS saves Word and Excel formats under its own
// extensions, so the extension is never trusted: it only words messages.
//
// The package imports nothing of the project, so that the readers, the
// command line and the dashboard (for the content type of a download) can all
// ask it.
package sniff

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"

	"github.com/richardlehane/mscfb"
)

// The kinds Kind tells apart.
const (
	Empty   = "empty"
	XLSX    = "xlsx"    // Office Open XML workbook (.xlsx, .xlsm, also under .xls/.et)
	DOCX    = "docx"    // Office Open XML document
	ODS     = "ods"     // OpenDocument spreadsheet
	ODT     = "odt"     // OpenDocument text
	Zip     = "zip"     // any other zip archive
	XLS     = "xls"     // BIFF workbook in a compound file (.xls, WPS .et)
	DOC     = "doc"     // Word 97 document in a compound file (.doc, WPS .wps)
	PPT     = "ppt"     // PowerPoint in a compound file
	Crypted = "crypted" // a password-protected Office file (EncryptedPackage)
	OLE     = "ole"     // any other compound file
	PDF     = "pdf"
	XML2003 = "spreadsheetml" // Excel 2003 XML (SpreadsheetML)
	HTML    = "html"
	Text    = "text"
	Binary  = "binary" // none of the above and not text
)

// Kind returns the kind of a file from its content alone. It never fails:
// what it cannot tell is Binary or Text.
func Kind(data []byte) string {
	if len(bytes.TrimSpace(data)) == 0 {
		return Empty
	}
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return zipKind(data)
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		return oleKind(data)
	}
	// A PDF may have a few bytes of junk before its header (the format allows
	// 1024); anything text-like is looked at after its byte-order mark.
	if i := bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-")); i >= 0 {
		return PDF
	}
	head := textHead(data)
	if head == "" {
		return Binary
	}
	low := strings.ToLower(head)
	switch {
	case strings.Contains(low, "urn:schemas-microsoft-com:office:spreadsheet") && !strings.Contains(low, "<html"):
		return XML2003
	case strings.HasPrefix(low, "<?xml") && strings.Contains(low, "<workbook"):
		return XML2003
	case strings.HasPrefix(low, "<"):
		return HTML
	case strings.Contains(low, "<html") || strings.Contains(low, "<table"):
		return HTML
	}
	return Text
}

// textHead returns the first 4 KB of data as text with any
// byte-order mark and leading blanks removed, or "" when data is not text
// (it holds zero bytes outside UTF-16).
func textHead(data []byte) string {
	head := data[:min(len(data), 4096)]
	switch {
	case bytes.HasPrefix(head, []byte("\xef\xbb\xbf")):
		head = head[3:]
	case bytes.HasPrefix(head, []byte("\xff\xfe")), bytes.HasPrefix(head, []byte("\xfe\xff")):
		// UTF-16: keep the ASCII bytes, which is all the markers need.
		le := head[0] == 0xff
		var b []byte
		for i := 2; i+1 < len(head); i += 2 {
			c, hi := head[i], head[i+1]
			if !le {
				c, hi = hi, c
			}
			if hi == 0 {
				b = append(b, c)
			} else {
				b = append(b, ' ')
			}
		}
		head = b
	default:
		if bytes.IndexByte(head, 0) >= 0 {
			return ""
		}
	}
	return strings.TrimLeft(string(head), " \t\r\n")
}

// zipKind tells the Office Open XML and OpenDocument kinds apart by the
// archive's [Content_Types].xml or mimetype entry.
func zipKind(data []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return Zip
	}
	for _, f := range zr.File {
		switch f.Name {
		case "[Content_Types].xml":
			ct := readEntry(f, 1<<20)
			switch {
			case strings.Contains(ct, "spreadsheetml.sheet.main") || strings.Contains(ct, "ms-excel.sheet.macroEnabled.main") || strings.Contains(ct, "spreadsheetml.template.main"):
				return XLSX
			case strings.Contains(ct, "wordprocessingml.document.main") || strings.Contains(ct, "ms-word.document.macroEnabled.main") || strings.Contains(ct, "wordprocessingml.template.main"):
				return DOCX
			}
		case "mimetype":
			switch strings.TrimSpace(readEntry(f, 256)) {
			case "application/vnd.oasis.opendocument.spreadsheet":
				return ODS
			case "application/vnd.oasis.opendocument.text":
				return ODT
			}
		}
	}
	// Some writers omit the content types; the part names still tell.
	for _, f := range zr.File {
		switch f.Name {
		case "xl/workbook.xml":
			return XLSX
		case "word/document.xml":
			return DOCX
		}
	}
	return Zip
}

func readEntry(f *zip.File, limit int64) string {
	rc, err := f.Open()
	if err != nil {
		return ""
	}
	defer rc.Close()
	b, _ := io.ReadAll(io.LimitReader(rc, limit))
	return string(b)
}

// oleKind tells the compound-file kinds apart by their streams: Workbook
// (BIFF8) or Book (BIFF5) for a workbook, WordDocument for a Word or WPS
// document, EncryptedPackage for a password-protected OOXML file.
func oleKind(data []byte) string {
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return OLE
	}
	kind := OLE
	for i := 0; i < 10000; i++ {
		e, err := r.Next()
		if err != nil {
			break
		}
		switch e.Name {
		case "Workbook", "Book", "WORKBOOK", "BOOK":
			kind = XLS
		case "WordDocument":
			kind = DOC
		case "PowerPoint Document":
			kind = PPT
		case "EncryptedPackage":
			return Crypted
		}
	}
	return kind
}

// ContentType returns the media type to serve a file of the given kind with.
func ContentType(kind string) string {
	switch kind {
	case XLSX:
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case DOCX:
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case ODS:
		return "application/vnd.oasis.opendocument.spreadsheet"
	case ODT:
		return "application/vnd.oasis.opendocument.text"
	case XLS:
		return "application/vnd.ms-excel"
	case DOC:
		return "application/msword"
	case PDF:
		return "application/pdf"
	case XML2003:
		return "application/xml"
	case HTML:
		return "text/html"
	case Text:
		return "text/plain"
	case Zip:
		return "application/zip"
	}
	return "application/octet-stream"
}
