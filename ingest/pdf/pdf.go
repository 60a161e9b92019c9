// Package pdf reads text PDFs (as Word, WPS, LibreOffice and browsers print
// them) into the document model of package ingest/doc. The words and their
// positions come from poppler, a real PDF engine, run in separate processes
// so that a hostile file cannot take the server's memory or crash it: a few
// long-lived workers with libpoppler-cpp linked in (worker.go), or, in a
// build without it, pdftotext (Debian poppler-utils) started for each PDF.
// Both give the words of poppler's TextOutputDev in the same XHTML. The
// table rows and columns are rebuilt here from the geometry (geometry.go).
package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"gongkai"
	"gongkai/ingest/doc"
)

// The messages users see for a PDF that cannot be read, the same whichever
// reader (a poppler worker or pdftotext) found the fault.
const (
	msgPassword     = "PDF 有密码保护，无法读取：请取消密码后另存再上传"
	msgTooManyWords = "PDF 文字过多，不像年度报告"
	msgDamaged      = "PDF 已损坏，无法读取"
	msgTimeout      = "PDF 读取超时，文件可能已损坏或过于复杂"
)

// Limits on one PDF: a report has a few dozen pages and a few thousand words
// (pdftotext takes a run of Chinese characters for one word: a page of
// prose is about a hundred words, a page of table a few hundred). The
// geometry's work grows with the square of a page's words in the worst
// case, so the limit per page is what bounds a hostile file's CPU: about
// 0.5 s for a page at the limit (BenchmarkBuildWorstPage: the blanks of a
// page are found twice, the second time to check that the rows agree), 5 s
// for the whole document.
const (
	maxPages     = 300
	maxOutput    = 32 << 20 // bytes of pdftotext's output
	maxWords     = 50_000
	maxPageWords = 5_000
	timeout      = 60 * time.Second
)

// Tool is the pdftotext program Read runs; a test or a deployment may point
// it elsewhere before the first Read.
var Tool = "pdftotext"

var (
	toolOnce sync.Once
	toolPath string
	toolErr  error
)

// Available reports whether this program can read PDFs: poppler is linked
// in (its workers need nothing else), or pdftotext is installed.
func Available() bool {
	if engine != nil {
		return true
	}
	toolOnce.Do(func() { toolPath, toolErr = exec.LookPath(Tool) })
	return toolErr == nil
}

// Read reads a text PDF: its tables as one grid whose cells keep their page
// (so that locations read "第3页"), a table broken across pages continuing in
// the same grid; the text outside tables as lines.
//
// It returns a *gongkai.Error (CodeInvalid) for a damaged or
// password-protected PDF, for one with no text layer (a scan: OCR is not
// supported), for one larger than a report can be, and for one whose reading
// crashed poppler or passed its memory or time limit; and one of
// CodeUnavailable, saying that the server cannot read PDFs now, when no
// worker can be started, or in a build without poppler no pdftotext.
func Read(data []byte) (*doc.Document, error) {
	return ReadContext(context.Background(), data)
}

// ReadContext is Read for a request: once ctx is done it stops the reading
// (a worker is killed, pdftotext too) and returns ctx's error.
func ReadContext(ctx context.Context, data []byte) (*doc.Document, error) {
	pages, err := words(ctx, data)
	if err != nil {
		return nil, err
	}
	chars := 0
	for _, p := range pages {
		for _, w := range p.words {
			chars += len([]rune(w.text))
		}
	}
	switch {
	case chars == 0:
		return nil, gongkai.Errorf(gongkai.CodeInvalid,
			"这是扫描件（PDF 中只有图片，没有文字层），系统暂不支持文字识别（OCR）：请上传 Word、Excel 原件或可复制文字的 PDF")
	case chars < 20:
		// A text layer of a few characters (a page number, a stamp's
		// words, a short test file) is not "only images": say what was
		// found rather than guess that it is a scan.
		return nil, gongkai.Errorf(gongkai.CodeInvalid,
			"PDF 中可复制的文字只有 %d 个字，不像年度报告；如是扫描件，系统暂不支持文字识别（OCR）：请上传 Word、Excel 原件或可复制文字的 PDF", chars)
	}
	return build(pages), nil
}

// words reads the words of each page, by a worker, or by pdftotext -bbox
// in a build without poppler. Its errors are Read's.
func words(ctx context.Context, data []byte) ([]page, error) {
	out, err := defaultPool.bboxContext(ctx, data)
	if errors.Is(err, errNoWorker) {
		out, err = bbox(ctx, data)
	}
	if err != nil {
		return nil, err
	}
	return parseBBox(out)
}

// bbox runs pdftotext -bbox on the PDF and returns its output, the XHTML
// page of every word with its box. Its errors are words' errors.
func bbox(req context.Context, data []byte) ([]byte, error) {
	toolOnce.Do(func() { toolPath, toolErr = exec.LookPath(Tool) })
	if toolErr != nil {
		return nil, &gongkai.Error{Code: gongkai.CodeUnavailable,
			Message: "暂时无法读取 PDF：服务器未安装 PDF 读取程序 pdftotext（poppler-utils），请联系管理员", Err: toolErr}
	}
	ctx, cancel := context.WithTimeout(req, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, toolPath, "-bbox", "-enc", "UTF-8", "-f", "1", "-l", strconv.Itoa(maxPages), "-", "-")
	// Like a worker, pdftotext dies with the server and has its memory
	// limited; the limit is put on it before it is given the PDF.
	cmd.SysProcAttr = workerAttr()
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, unavailable(err)
	}
	out := &capped{max: maxOutput}
	var stderr capped
	stderr.max = 4096
	cmd.Stdout, cmd.Stderr = out, &stderr
	if err := cmd.Start(); err != nil {
		return nil, unavailable(err)
	}
	if err := limitProcess(cmd.Process.Pid, workerMemory); err != nil {
		cmd.Process.Kill()
		in.Close()
		cmd.Wait()
		return nil, unavailable(err)
	}
	go func() {
		// An error here is pdftotext's end, which Wait reports.
		in.Write(data)
		in.Close()
	}()
	err = cmd.Wait()
	switch {
	case out.over:
		return nil, gongkai.Errorf(gongkai.CodeInvalid, msgTooManyWords)
	case req.Err() != nil:
		return nil, req.Err()
	case ctx.Err() != nil:
		return nil, &gongkai.Error{Code: gongkai.CodeInvalid, Message: msgTimeout, Err: ctx.Err()}
	case err != nil && strings.Contains(strings.ToLower(stderr.b.String()), "password"):
		return nil, &gongkai.Error{Code: gongkai.CodeInvalid, Message: msgPassword, Err: err}
	case err != nil:
		return nil, &gongkai.Error{Code: gongkai.CodeInvalid, Message: msgDamaged,
			Err: fmt.Errorf("%s: %w: %s", Tool, err, strings.TrimSpace(stderr.b.String()))}
	}
	return out.b.Bytes(), nil
}

// unavailable is the error of a PDF reader that cannot be started: the
// server's problem, logged, and a message saying so for the user.
func unavailable(err error) error {
	slog.Error("pdf reader cannot start", "error", err)
	return &gongkai.Error{Code: gongkai.CodeUnavailable,
		Message: "暂时无法读取 PDF：服务器的 PDF 读取程序无法启动，请联系管理员", Err: err}
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
// holding <word xMin yMin xMax yMax>text</word>, one element a line, the
// text escaped with the five XML entities. It scans for the two elements
// rather than decoding the page as XML: the generic decoder took more CPU
// than all of the geometry, and nothing else in the output matters (the
// document title in <head> is escaped, so it cannot hold a tag).
//
// It returns a *gongkai.Error (CodeInvalid) when the output ends inside a
// word, and when a PDF, or one of its pages, has more words than a report
// can have.
func parseBBox(b []byte) ([]page, error) {
	var pages []page
	n := 0
	for {
		i := bytes.IndexByte(b, '<')
		if i < 0 {
			return pages, nil
		}
		b = b[i+1:]
		switch {
		case isTag(b, "page"):
			var attrs []byte
			attrs, b = tagAttrs(b[len("page"):])
			pages = append(pages, page{n: len(pages) + 1, width: attr(attrs, "width"), height: attr(attrs, "height")})
		case isTag(b, "word"):
			var attrs []byte
			attrs, b = tagAttrs(b[len("word"):])
			end := bytes.Index(b, []byte("</word>"))
			if end < 0 {
				return nil, &gongkai.Error{Code: gongkai.CodeInvalid, Message: msgDamaged,
					Err: errors.New("pdftotext output ends inside a word")}
			}
			raw := b[:end]
			b = b[end+len("</word>"):]
			if len(pages) == 0 {
				continue
			}
			if n++; n > maxWords {
				return nil, gongkai.Errorf(gongkai.CodeInvalid, msgTooManyWords)
			}
			if p := &pages[len(pages)-1]; len(p.words) >= maxPageWords {
				return nil, gongkai.Errorf(gongkai.CodeInvalid, "PDF 第%d页文字过多（超过%d个词），不像年度报告", p.n, maxPageWords)
			}
			w := word{x0: attr(attrs, "xMin"), y0: attr(attrs, "yMin"), x1: attr(attrs, "xMax"), y1: attr(attrs, "yMax"),
				text: strings.TrimSpace(unescape(raw))}
			if w.text != "" && w.x1 >= w.x0 && w.y1 >= w.y0 {
				p := &pages[len(pages)-1]
				p.words = append(p.words, w)
			}
		}
	}
}

// isTag reports whether b, just after a "<", opens element name.
func isTag(b []byte, name string) bool {
	if len(b) <= len(name) || string(b[:len(name)]) != name {
		return false
	}
	switch b[len(name)] {
	case ' ', '\t', '\n', '\r', '>', '/':
		return true
	}
	return false
}

// tagAttrs splits b, the rest of a start tag, at its ">": the attributes,
// and what follows the tag.
func tagAttrs(b []byte) (attrs, rest []byte) {
	i := bytes.IndexByte(b, '>')
	if i < 0 {
		return b, nil
	}
	return b[:i], b[i+1:]
}

// attr returns the number in attribute name of a tag's attributes, or 0.
func attr(attrs []byte, name string) float64 {
	for len(attrs) > 0 {
		i := bytes.Index(attrs, []byte(name))
		if i < 0 {
			return 0
		}
		before := i == 0 || attrs[i-1] == ' ' || attrs[i-1] == '\t' || attrs[i-1] == '\n'
		attrs = attrs[i+len(name):]
		if !before || len(attrs) < 2 || attrs[0] != '=' || attrs[1] != '"' && attrs[1] != '\'' {
			continue
		}
		q := attrs[1]
		attrs = attrs[2:]
		end := bytes.IndexByte(attrs, q)
		if end < 0 {
			return 0
		}
		f, err := strconv.ParseFloat(string(attrs[:end]), 64)
		if err != nil {
			return 0
		}
		return f
	}
	return 0
}

// unescape returns the text of a word: pdftotext escapes &, <, >, " and '
// as entities; numeric character references are read too, and anything else
// after an "&" is kept as it stands.
func unescape(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 {
		return string(b)
	}
	var out strings.Builder
	out.Grow(len(b))
	for len(b) > 0 {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			out.Write(b)
			break
		}
		out.Write(b[:i])
		b = b[i:]
		end := bytes.IndexByte(b, ';')
		if end < 0 || end > 10 {
			out.WriteByte('&')
			b = b[1:]
			continue
		}
		name := string(b[1:end])
		r, ok := entities[name]
		if !ok && len(name) > 1 && name[0] == '#' {
			var n uint64
			var err error
			if name[1] == 'x' || name[1] == 'X' {
				n, err = strconv.ParseUint(name[2:], 16, 32)
			} else {
				n, err = strconv.ParseUint(name[1:], 10, 32)
			}
			r, ok = rune(n), err == nil && utf8.ValidRune(rune(n))
		}
		if !ok {
			out.WriteByte('&')
			b = b[1:]
			continue
		}
		out.WriteRune(r)
		b = b[end+1:]
	}
	return out.String()
}

var entities = map[string]rune{"amp": '&', "lt": '<', "gt": '>', "quot": '"', "apos": '\''}
