// Package pdf reads text PDFs (as Word, WPS, LibreOffice and browsers print
// them) into the document model of package ingest/doc. The words and their
// positions come from poppler's pdftotext (Debian poppler-utils, installed
// by the Makefile), a real PDF engine run as a separate process, so that a
// hostile file cannot take the server's memory or crash it; the table rows
// and columns are rebuilt here from the geometry (geometry.go).
package pdf

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"

	"gongkai"
	"gongkai/ingest/doc"
)

// Limits on one PDF: a report has a few dozen pages and a few thousand words.
const (
	maxPages  = 300
	maxOutput = 32 << 20 // bytes of pdftotext's output
	maxWords  = 200_000
	timeout   = 60 * time.Second
)

// Tool is the pdftotext program Read runs; a test or a deployment may point
// it elsewhere before the first Read.
var Tool = "pdftotext"

var (
	toolOnce sync.Once
	toolPath string
	toolErr  error
)

// Read reads a text PDF: its tables as one grid whose cells keep their page
// (so that locations read "第3页"), a table broken across pages continuing in
// the same grid; the text outside tables as lines.
//
// It returns a *gongkai.Error (CodeInvalid) for a damaged or
// password-protected PDF, for one with no text layer (a scan: OCR is not
// supported), and for one larger than a report can be; and when pdftotext is
// not installed, a message saying so.
func Read(data []byte) (*doc.Document, error) {
	pages, err := words(data)
	if err != nil {
		return nil, err
	}
	chars := 0
	for _, p := range pages {
		for _, w := range p.words {
			chars += len([]rune(w.text))
		}
	}
	if chars < 20 {
		return nil, gongkai.Errorf(gongkai.CodeInvalid,
			"这是扫描件（PDF 中只有图片，没有文字层），系统暂不支持文字识别（OCR）：请上传 Word、Excel 原件或可复制文字的 PDF")
	}
	return build(pages), nil
}

// words runs pdftotext -bbox on the PDF and reads the words of each page.
func words(data []byte) ([]page, error) {
	toolOnce.Do(func() { toolPath, toolErr = exec.LookPath(Tool) })
	if toolErr != nil {
		return nil, &gongkai.Error{Code: gongkai.CodeInvalid,
			Message: "暂时无法读取 PDF：服务器未安装 PDF 读取程序 pdftotext（poppler-utils），请联系管理员", Err: toolErr}
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, toolPath, "-bbox", "-enc", "UTF-8", "-f", "1", "-l", strconv.Itoa(maxPages), "-", "-")
	cmd.Stdin = bytes.NewReader(data)
	out := &capped{max: maxOutput}
	var stderr capped
	stderr.max = 4096
	cmd.Stdout, cmd.Stderr = out, &stderr
	err := cmd.Run()
	switch {
	case out.over:
		return nil, gongkai.Errorf(gongkai.CodeInvalid, "PDF 文字过多，不像年度报告")
	case ctx.Err() != nil:
		return nil, &gongkai.Error{Code: gongkai.CodeInvalid, Message: "PDF 读取超时，文件可能已损坏或过于复杂", Err: ctx.Err()}
	case err != nil && strings.Contains(strings.ToLower(stderr.b.String()), "password"):
		return nil, &gongkai.Error{Code: gongkai.CodeInvalid, Message: "PDF 有密码保护，无法读取：请取消密码后另存再上传", Err: err}
	case err != nil:
		return nil, &gongkai.Error{Code: gongkai.CodeInvalid, Message: "PDF 已损坏，无法读取",
			Err: fmt.Errorf("%s: %w: %s", Tool, err, strings.TrimSpace(stderr.b.String()))}
	}
	return parseBBox(out.b.Bytes())
}

// capped is a buffer that stops taking bytes past max.
type capped struct {
	b    bytes.Buffer
	max  int
	over bool
}

func (c *capped) Write(p []byte) (int, error) {
	if c.b.Len()+len(p) > c.max {
		c.over = true
		return 0, errors.New("output too large")
	}
	return c.b.Write(p)
}

// page is one page's words in PDF points, y growing downwards.
type page struct {
	n             int
	width, height float64
	words         []word
}

type word struct {
	x0, y0, x1, y1 float64
	text           string
}

func (w word) h() float64  { return w.y1 - w.y0 }
func (w word) yc() float64 { return (w.y0 + w.y1) / 2 }

// parseBBox reads the XHTML pdftotext -bbox writes: <page width height>
// holding <word xMin yMin xMax yMax>text</word>.
func parseBBox(b []byte) ([]page, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	var pages []page
	var cur *word
	var text strings.Builder
	n := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return pages, nil
		}
		if err != nil {
			return nil, &gongkai.Error{Code: gongkai.CodeInvalid, Message: "PDF 已损坏，无法读取", Err: err}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "page":
				pages = append(pages, page{n: len(pages) + 1, width: fattr(t, "width"), height: fattr(t, "height")})
			case "word":
				if len(pages) == 0 {
					continue
				}
				if n++; n > maxWords {
					return nil, gongkai.Errorf(gongkai.CodeInvalid, "PDF 文字过多，不像年度报告")
				}
				cur = &word{x0: fattr(t, "xMin"), y0: fattr(t, "yMin"), x1: fattr(t, "xMax"), y1: fattr(t, "yMax")}
				text.Reset()
			}
		case xml.CharData:
			if cur != nil {
				text.Write(t)
			}
		case xml.EndElement:
			if t.Name.Local == "word" && cur != nil {
				cur.text = strings.TrimSpace(text.String())
				if cur.text != "" && cur.x1 >= cur.x0 && cur.y1 >= cur.y0 {
					p := &pages[len(pages)-1]
					p.words = append(p.words, *cur)
				}
				cur = nil
			}
		}
	}
}

func fattr(e xml.StartElement, name string) float64 {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			f, _ := strconv.ParseFloat(a.Value, 64)
			return f
		}
	}
	return 0
}
