package ingest

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"context"
	"flag"
	"fmt"
	"gongkai/ingest/pdf"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"gongkai"
)

var hostile = flag.String("hostile", "", "bench: TestHostileUploads reads crafted uploads (comma-separated names, or all) and reports each one's time, CPU and peak Go heap, and how soon a cancelled context stops it")

// zipParts is a zip archive of the given parts (name, content, ...), deflated.
func zipParts(t testing.TB, parts ...string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(parts); i += 2 {
		w, err := zw.Create(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(parts[i+1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func repeatTo(unit string, n int) string { return strings.Repeat(unit, n/len(unit)) }

// hostileFiles are crafted uploads, each under the server's default
// MaxUpload (32 MiB) but built to cost the readers as much as their limits
// allow.
func hostileFiles(t testing.TB) map[string]func() (string, []byte) {
	const ssNS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	wbParts := func(sheets int, sheet func(i int) string, shared string) []byte {
		wb := `<workbook ` + ssNS + ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>`
		rels := `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
		var parts []string
		for i := 1; i <= sheets; i++ {
			wb += fmt.Sprintf(`<sheet name="S%d" sheetId="%d" r:id="rId%d"/>`, i, i, i)
			rels += fmt.Sprintf(`<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i, i)
			parts = append(parts, fmt.Sprintf("xl/worksheets/sheet%d.xml", i), sheet(i))
		}
		wb += `</sheets></workbook>`
		rels += `<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
		parts = append(parts, "xl/workbook.xml", wb, "xl/_rels/workbook.xml.rels", rels)
		if shared != "" {
			parts = append(parts, "xl/sharedStrings.xml", shared)
		}
		return zipParts(t, parts...)
	}
	cells := func(rows, cols int, cell func(r, c int) string) string {
		var b strings.Builder
		b.WriteString(`<worksheet ` + ssNS + `><sheetData>`)
		for r := 1; r <= rows; r++ {
			fmt.Fprintf(&b, `<row r="%d">`, r)
			for c := 1; c <= cols; c++ {
				b.WriteString(cell(r, c))
			}
			b.WriteString(`</row>`)
		}
		b.WriteString(`</sheetData></worksheet>`)
		return b.String()
	}
	col := func(c int) string {
		s := ""
		for ; c > 0; c = (c - 1) / 26 {
			s = string(rune('A'+(c-1)%26)) + s
		}
		return s
	}
	docx := func(body string) []byte {
		return zipParts(t, "word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`+body+`</w:body></w:document>`)
	}
	pdfOf := func(objs ...string) []byte {
		var b bytes.Buffer
		b.WriteString("%PDF-1.4\n")
		var offs []int
		for i, o := range objs {
			offs = append(offs, b.Len())
			fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
		}
		x := b.Len()
		fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
		for _, o := range offs {
			fmt.Fprintf(&b, "%010d 00000 n \n", o)
		}
		fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
		return b.Bytes()
	}
	return map[string]func() (string, []byte){
		// 1M one-letter shared strings and a sheet of 20,000 rows of 40 cells
		// naming them: every limit of the reader at once (~30 MB of XML, a
		// few hundred kB zipped).
		"xlsx-million-cells": func() (string, []byte) {
			ss := `<sst ` + ssNS + `>` + strings.Repeat(`<si><t>x</t></si>`, 999_000) + `</sst>`
			return "bomb.xlsx", wbParts(1, func(int) string {
				return cells(20000, 40, func(r, c int) string {
					return fmt.Sprintf(`<c r="%s%d" t="s"><v>%d</v></c>`, col(c), r, (r*40+c)%999_000)
				})
			}, ss)
		},
		// Three sheets of 32 MB of whitespace inside <sheetData>: the
		// decompressed bound (96 MB) read to the byte.
		"xlsx-zip-bomb": func() (string, []byte) {
			return "bomb.xlsx", wbParts(3, func(int) string {
				return `<worksheet ` + ssNS + `><sheetData>` + strings.Repeat(" ", 32<<20-200) + `</sheetData></worksheet>`
			}, "")
		},
		// Formulas no program has calculated: SUMs over the whole sheet.
		"xlsx-formulas": func() (string, []byte) {
			return "f.xlsx", wbParts(1, func(int) string {
				return cells(2000, 100, func(r, c int) string {
					if r == 1 {
						return fmt.Sprintf(`<c r="%s%d"><v>1</v></c>`, col(c), r)
					}
					return fmt.Sprintf(`<c r="%s%d"><f>SUM(A1:%s%d)</f></c>`, col(c), r, col(c), r-1)
				})
			}, "")
		},
		// 32 MB of one table's cells (the reader's cap 2^18 cells).
		"html-32MB-table": func() (string, []byte) {
			return "big.html", []byte("<html><body><table>" + repeatTo("<tr><td>1</td><td>2</td><td>3</td><td>4</td></tr>", 32<<20-100) + "</table></body></html>")
		},
		// 32 MB of nested, never-closed elements.
		"html-32MB-nesting": func() (string, []byte) {
			return "big.html", []byte("<html><body>" + repeatTo("<div><span>", 32<<20-100) + "</body></html>")
		},
		// 32 MB of text in one paragraph, no line breaks.
		"html-32MB-text": func() (string, []byte) {
			return "big.html", []byte("<html><body><p>" + repeatTo("全年共收到申请12件,", 32<<20-100) + "</p></body></html>")
		},
		// 32 MB of short paragraphs.
		"html-32MB-paragraphs": func() (string, []byte) {
			return "big.html", []byte("<html><body>" + repeatTo("<p>收到申请12件</p>", 32<<20-100) + "</body></html>")
		},
		// Short paragraphs holding just under the reader's bound on text
		// (maxPageText, 4 MB): the most an HTML page now costs.
		"html-paragraphs-at-bound": func() (string, []byte) {
			return "big.html", []byte("<html><body>" + repeatTo("<p>收到申请12件</p>", (4<<20)*24/17*95/100) + "</body></html>")
		},
		// Plain text just under maxTextFile (4 MB) of short lines.
		"text-4MB-lines": func() (string, []byte) {
			return "big.txt", []byte(repeatTo("第一项 收到申请12件\n", 4<<20-4096))
		},
		// 50 MB (past MaxUpload: gongkai ingest or a raised --max-upload).
		"html-50MB-table": func() (string, []byte) {
			return "big.html", []byte("<html><body><table>" + repeatTo("<tr><td>1</td><td>2</td><td>3</td><td>4</td></tr>", 50<<20-100) + "</table></body></html>")
		},
		// A document.xml of 32 MB of runs (maxXML), zipped to ~100 kB.
		"docx-32MB-runs": func() (string, []byte) {
			return "bomb.docx", docx(repeatTo(`<w:p><w:r><w:t>收到申请12件</w:t></w:r></w:p>`, 32<<20-300))
		},
		// 32 MB of text in few tokens: short sentences, a thousand to a
		// paragraph (maxTokens does not reach them).
		"docx-32MB-text": func() (string, []byte) {
			return "text.docx", docx(repeatTo(`<w:p><w:r><w:t>`+strings.Repeat("收到申请12件。\n", 1000)+`</w:t></w:r></w:p>`, 32<<20-300))
		},
		"docx-32MB-paragraphs": func() (string, []byte) {
			return "text.docx", docx(repeatTo(`<w:p><w:r><w:t>收到申请12件</w:t></w:r></w:p>`, 3<<20))
		},
		// A table of 2^18 one-digit cells.
		"docx-table": func() (string, []byte) {
			return "t.docx", docx("<w:tbl>" + repeatTo(`<w:tr>`+strings.Repeat(`<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>`, 60)+`</w:tr>`, 32<<20-300) + "</w:tbl>")
		},
		// A page tree whose Kids point back at itself.
		"pdf-loop": func() (string, []byte) {
			return "loop.pdf", pdfOf("<< /Type /Catalog /Pages 2 0 R >>",
				"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1000000 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>")
		},
		// A content stream of ~1 GB of text operators zipped to a few MB:
		// 300 pages sharing it.
		"pdf-content-bomb": func() (string, []byte) { return "bomb.pdf", contentBomb(256 << 20) },
	}
}

// contentBomb is a PDF of 300 pages that share one content stream of n
// bytes of text operators, deflated: poppler interprets it for each page.
func contentBomb(n int) []byte {
	pdfOf := func(objs ...string) []byte {
		var b bytes.Buffer
		b.WriteString("%PDF-1.4\n")
		var offs []int
		for i, o := range objs {
			offs = append(offs, b.Len())
			fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
		}
		x := b.Len()
		fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
		for _, o := range offs {
			fmt.Fprintf(&b, "%010d 00000 n \n", o)
		}
		fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
		return b.Bytes()
	}
	{
		content := []byte("BT /F1 12 Tf 72 720 Td " + repeatTo("(x) Tj 1 0 Td ", n) + " ET")
		var zb bytes.Buffer
		w, _ := zlib.NewWriterLevel(&zb, zlib.BestSpeed)
		w.Write(content)
		w.Close()
		z := zb.Bytes()
		kids := ""
		for i := range 300 {
			kids += fmt.Sprintf("%d 0 R ", 5+i)
		}
		objs := []string{"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [" + kids + "] /Count 300 >>",
			"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
			fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", len(z), z)}
		for range 300 {
			objs = append(objs, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
		}
		return pdfOf(objs...)
	}
}

// heapPeak samples the Go heap's live objects every millisecond until stop
// is closed, and sends the most it saw.
func heapPeak(stop chan struct{}, out chan uint64) {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var most uint64
	for {
		metrics.Read(s)
		most = max(most, s[0].Value.Uint64())
		select {
		case <-stop:
			out <- most
			return
		case <-time.After(time.Millisecond):
		}
	}
}

func cpuNow() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestHostileUploads reads each crafted upload twice: once to the end,
// reporting its wall time, this process's CPU and the Go heap's peak; once
// with a context cancelled 100 ms in, reporting how long ParseContext took
// to return after that.
func TestHostileUploads(t *testing.T) {
	if *hostile == "" {
		t.Skip("-hostile not given")
	}
	files := hostileFiles(t)
	names := strings.Split(*hostile, ",")
	if *hostile == "all" {
		names = nil
		for n := range files {
			names = append(names, n)
		}
	}
	for _, name := range names {
		fn, data := files[name]()
		runtime.GC()
		stop, peak := make(chan struct{}), make(chan uint64)
		go heapPeak(stop, peak)
		start, cpu0 := time.Now(), cpuNow()
		_, err := ParseContext(context.Background(), fn, data, Options{Agency: "示例市示例局", Year: 2021})
		wall, cpu := time.Since(start), cpuNow()-cpu0
		close(stop)
		p := <-peak
		runtime.GC()
		ctx, cancel := context.WithCancel(context.Background())
		var cancelled atomic.Int64
		time.AfterFunc(100*time.Millisecond, func() { cancelled.Store(time.Now().UnixNano()); cancel() })
		_, cerr := ParseContext(ctx, fn, data, Options{Agency: "示例市示例局", Year: 2021})
		after := time.Duration(0)
		if c := cancelled.Load(); c > 0 {
			after = time.Duration(time.Now().UnixNano() - c)
		}
		cancel()
		t.Logf("%-22s %6.1f MB in: %7.2f s wall %7.2f s CPU, Go heap peak %5d MB; %.90s | cancelled at 100 ms: returned %.2f s after (%s)",
			name, float64(len(data))/(1<<20), wall.Seconds(), cpu.Seconds(), p>>20, gongkai.ErrorMessage(err), after.Seconds(), gongkai.ErrorCode(cerr))
	}
}

// TestHostileUploadsBounded holds the readers to what a crafted upload
// under MaxUpload may cost, and ParseContext to a cancelled request:
//   - 32 MB of short HTML paragraphs are refused while read, at the page
//     text bound (maxPageText), with a Go heap under 300 MB: before the
//     bound they were read whole and refused after the rules' checks
//     (5.3 s of CPU, a heap of 825 MB);
//   - 32 MB of one-digit table cells are refused at the cell bound while
//     read, under 300 MB too (379 MB at the layout before);
//   - a .docx of 30 MB of sentences in few runs is refused before its lines
//     are read for tables, under 300 MB (752 MB, 5.8 s of CPU before);
//   - a PDF whose pages share a deflated stream of text operators stops
//     within seconds of its request's cancellation, with CodeTimeout:
//     before, the worker read on to its time limit (60 s) and the upload
//     waited for it.
func TestHostileUploadsBounded(t *testing.T) {
	opts := Options{Agency: "示例市示例局", Year: 2021}
	for _, tt := range []struct {
		name, file, want string
		data             string
	}{
		{"paragraphs", "big.html", "网页中的文字超过 4 MB", "<html><body>" + repeatTo("<p>收到申请12件</p>", 32<<20-100) + "</body></html>"},
		{"cells", "big.html", "表格过大", "<html><body><table>" + repeatTo("<tr><td>1</td><td>2</td><td>3</td><td>4</td></tr>", 32<<20-100) + "</table></body></html>"},
		{"docx text", "text.docx", "Word 文档中的文字超过 4 MB", ""},
	} {
		data := []byte(tt.data)
		if tt.file == "text.docx" {
			// 30 MB of sentences in a thousand runs: 0.1 MB zipped.
			_, data = hostileFiles(t)["docx-32MB-text"]()
		}
		tt.data = ""
		runtime.GC()
		stop, peak := make(chan struct{}), make(chan uint64)
		go heapPeak(stop, peak)
		_, err := Parse(tt.file, data, opts)
		close(stop)
		p := <-peak
		if msg := gongkai.ErrorMessage(err); !strings.Contains(msg, tt.want) {
			t.Errorf("%s: %q, want refused with %q", tt.name, msg, tt.want)
		}
		// The peak counts the page itself (32 MB) and its decoded copy.
		if p > 300<<20 {
			t.Errorf("%s: the Go heap reached %d MB reading 32 MB", tt.name, p>>20)
		}
		t.Logf("%s: Go heap peak %d MB", tt.name, p>>20)
	}

	t.Run("pdf cancelled", func(t *testing.T) {
		if !pdf.Available() {
			t.Skip("no PDF reader")
		}
		data := contentBomb(32 << 20)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var at atomic.Int64
		time.AfterFunc(300*time.Millisecond, func() { at.Store(time.Now().UnixNano()); cancel() })
		_, err := ParseContext(ctx, "bomb.pdf", data, opts)
		c := at.Load()
		if c == 0 {
			t.Skipf("read before the cancellation: %v", err)
		}
		after := time.Duration(time.Now().UnixNano() - c)
		if gongkai.ErrorCode(err) != gongkai.CodeTimeout || after > 5*time.Second {
			t.Errorf("returned %v after the cancellation: %v; want CodeTimeout within seconds", after, err)
		}
		t.Logf("returned %v after the cancellation: %s", after.Round(time.Millisecond), gongkai.ErrorMessage(err))
	})
}
