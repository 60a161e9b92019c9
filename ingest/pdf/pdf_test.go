package pdf

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"gongkai"
	"gongkai/ingest/doc"
)

// needTool skips a test where pdftotext is not installed (`make deps`
// installs it; `make test` runs deps first): a test of pdftotext itself.
func needTool(t testing.TB) {
	if _, err := exec.LookPath(Tool); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
}

// needReader skips a test of Read where no PDF reader is available: a build
// without poppler (-tags nopoppler), and no pdftotext.
func needReader(t testing.TB) {
	if !Available() {
		t.Skip("no PDF reader: built without poppler, and pdftotext (poppler-utils) is not installed")
	}
}

// lines returns the text of a document's lines.
func linesOf(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read(data)
	if err != nil {
		t.Fatal(gongkai.ErrorMessage(err))
	}
	var out []string
	for _, l := range d.Lines {
		out = append(out, l.Text)
	}
	return out
}

// TestReadGeometry checks the rows rebuilt from PDFs printed by LibreOffice
// Writer and Chromium: a blank cell kept in its column, labels wrapped over
// two and three lines joined whatever the vertical alignment, a figure
// pressed against its label cut off, a title wrapped onto two lines joined,
// and a short label kept apart from the line below it.
func TestReadGeometry(t *testing.T) {
	needReader(t)
	tests := []struct {
		file string
		want []string
	}{
		{"shape6-rowspan-writer.pdf", []string{
			"示例市生态环境局2021年政府信息公开工作年度报告",
			"规章 | 0 | - | 0",
			"行政规范性文件 | 2 | 1 | 15",
			"| （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 1 | 0 | 0 | 0 | 0 | 0 | 1",
			"其他处理 | 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
			"行政事业性收费 | 0.5",
		}},
		{"gbk-meta-landscape-chromium.pdf", []string{
			// A short label under a section row as wide as the table:
			// not a label wrapped onto the line below.
			"行政强制 | 1 | 0 | 0",
			"第二十条第（八）项",
		}},
		{"pdf-2020-narrow-chromium.pdf", []string{
			// A heading that ends near the right edge, over a paragraph
			// that starts with a year: two lines, not one.
			"四、政府信息公开行政复议、行政诉讼情况",
		}},
		{"shape6-rowspan-chromium.pdf", []string{
			"示例市生态环境局2021年政府信息公开工作年度报告",
			"规章 | 0 | - | 0",
			"（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 1 | 0 | 0 | 0 | 0 | 0 | 1",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got := "\n" + strings.Join(linesOf(t, "../testdata/media/"+tt.file), "\n") + "\n"
			for _, w := range tt.want {
				// A row may start with a piece of a group label beside it.
				if !strings.Contains(got, "\n"+w+"\n") && !strings.Contains(got, " "+w+"\n") {
					t.Errorf("no line %q in:%s", w, got)
				}
			}
		})
	}
}

// TestReadColumnsDisagree checks a page whose rows disagree on the columns
// between two figures (Writer's print of a report with a quarterly table
// above table 二, its first and last figure columns in line with table 二's
// and two narrower ones between): "规章 0 _ 0" has one column between beside
// "行政规范性文件 2 1 15" and two beside "机构职能类 12 3 4 5", and
// "财政资金类 _ _ _ 9" three before it beside 机构职能类 and two beside
// "规划计划类 7 6 8", whose 7 is centred across two columns. Their figures
// are left out, each with a finding that names the page and the row; rows
// whose neighbours agree read as before.
func TestReadColumnsDisagree(t *testing.T) {
	needReader(t)
	data, err := os.ReadFile("../testdata/media/columns-disagree-writer.pdf")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, l := range d.Lines {
		got[l.Text] = true
	}
	for _, w := range []string{"规章", "财政资金类", "行政规范性文件 | 2 | 1 | 15", "机构职能类 | 12 | 3 | 4 | 5", "行政许可 | 120"} {
		if !got[w] {
			t.Errorf("no line %q", w)
		}
	}
	var notes []string
	for _, n := range d.Notes {
		notes = append(notes, n.Rule+" "+n.At+" "+n.RowLabel)
		if !strings.Contains(n.Message, "第1页「"+n.RowLabel+"」") || !strings.Contains(n.Message, "无法分辨每个数字属于哪一列") {
			t.Errorf("message %q", n.Message)
		}
	}
	slices.Sort(notes)
	if want := []string{"columns_unclear 第1页 规章", "columns_unclear 第1页 财政资金类"}; !slices.Equal(notes, want) {
		t.Errorf("notes %q, want %q", notes, want)
	}
}

func TestReadRejects(t *testing.T) {
	needReader(t)
	scan, err := os.ReadFile("../testdata/media/scan.pdf")
	if err != nil {
		t.Fatal(err)
	}
	password, err := os.ReadFile("../testdata/media/password.pdf")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"scan", scan, "这是扫描件（PDF 中只有图片，没有文字层），系统暂不支持文字识别（OCR）"},
		{"password", password, "PDF 有密码保护，无法读取"},
		{"damaged", []byte("%PDF-1.7\n1 0 obj garbage"), "PDF 已损坏"},
		{"truncated", scan[:len(scan)/3], "PDF"},
		// A text layer of five characters is no scan: on the old code
		// "这是扫描件（PDF 中只有图片，没有文字层）".
		{"few characters", fewCharsPDF(), "PDF 中可复制的文字只有 5 个字，不像年度报告"},
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

// TestBuildWords rebuilds rows from words placed by hand: figures centred
// between the two lines of a label, a blank cell between two figures whose
// columns another row confirms, and prose that stays prose.
func TestBuildWords(t *testing.T) {
	w := func(x0, y0, x1, y1 float64, s string) word { return word{x0, y0, x1, y1, s} }
	p := page{n: 3, words: []word{
		w(50, 10, 300, 22, "一、总体情况"),
		w(50, 40, 110, 52, "信息内容"), w(150, 40, 200, 52, "甲"), w(220, 40, 270, 52, "乙"), w(290, 40, 340, 52, "丙"),
		w(50, 60, 130, 72, "（二）部分公开"), w(160, 69, 166, 81, "1"), w(230, 69, 236, 81, "2"), w(300, 69, 306, 81, "3"),
		w(50, 78, 120, 90, "只计这一情形"),
		w(50, 110, 90, 122, "规章"), w(160, 110, 166, 122, "4"), w(300, 110, 306, 122, "6"),
	}}
	d := build([]page{p})
	var got []string
	for _, l := range d.Lines {
		if l.Page != 3 {
			t.Errorf("line %q on page %d", l.Text, l.Page)
		}
		got = append(got, l.Text)
	}
	want := "一、总体情况|信息内容 | 甲 | 乙 | 丙|（二）部分公开只计这一情形 | 1 | 2 | 3|规章 | 4 | - | 6"
	if strings.Join(got, "|") != want {
		t.Errorf("lines\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
}

// FuzzBuild feeds the geometry words made from arbitrary bytes: no panic,
// and every word's text lands somewhere.
func FuzzBuild(f *testing.F) {
	f.Add([]byte("\x10\x20\x30\x40a\x10\x22\x30\x42b\x50\x20\x60\x40c"))
	f.Fuzz(func(t *testing.T, b []byte) {
		var ws []word
		for i := 0; i+5 <= len(b) && len(ws) < 2000; i += 5 {
			x0, y0 := float64(b[i]), float64(b[i+1])
			ws = append(ws, word{x0, y0, x0 + float64(b[i+2]%64), y0 + float64(b[i+3]%32), string(rune('a' + b[i+4]%26))})
		}
		d := build([]page{{n: 1, words: ws}})
		want, got := map[rune]int{}, map[rune]int{}
		for _, w := range ws {
			want[rune(w.text[0])]++
		}
		for _, l := range d.Lines {
			for _, r := range l.Text {
				if r >= 'a' && r <= 'z' {
					got[r]++
				}
			}
		}
		if !maps.Equal(got, want) {
			t.Errorf("letters %v, the words have %v", got, want)
		}
	})
}

// FuzzParseBBox checks the reading of pdftotext's output never panics on
// any bytes, and never takes more words than the cap.
func FuzzParseBBox(f *testing.F) {
	f.Add([]byte(`<html><body><doc><page width="595" height="842"><word xMin="1" yMin="2" xMax="3" yMax="4">字</word></page></doc></body></html>`))
	f.Add([]byte(`<page width='1'><word xMin="1" yMin="2" xMax="3" yMax="4">a &amp;&#x5b57;&#22; &bogus; &`))
	f.Fuzz(func(t *testing.T, b []byte) {
		pages, _ := parseBBox(b)
		n := 0
		for _, p := range pages {
			n += len(p.words)
		}
		if n > maxWords {
			t.Errorf("%d words", n)
		}
	})
}

// FuzzParseBBoxXML holds the scanner to a real XML decoder on output
// written the way pdftotext writes it: the same pages, boxes and texts.
func FuzzParseBBoxXML(f *testing.F) {
	f.Add("示例市", 56.8, 45.2, 248.8, 76.4, "a<b>&\"c'", 1.5)
	f.Add(" 12 ", 0.0, 0.0, 0.0, 0.0, "", -3.0)
	f.Fuzz(func(t *testing.T, t1 string, x0, y0, x1, y1 float64, t2 string, dx float64) {
		if !utf8.ValidString(t1) || !utf8.ValidString(t2) {
			return // pdftotext writes UTF-8
		}
		for _, r := range t1 + t2 {
			if r < 0x20 && r != '\t' && r != '\n' || r == utf8.RuneError || r == 0xFFFE || r == 0xFFFF {
				// Characters XML has not: the decoder rejects them, where
				// the scanner keeps the word.
				return
			}
		}
		esc := strings.NewReplacer("&", "&amp;", "'", "&apos;", `"`, "&quot;", "<", "&lt;", ">", "&gt;")
		var b strings.Builder
		b.WriteString(`<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><head><title>` + esc.Replace(t2) + "</title></head><body><doc>\n")
		for p := 0; p < 2; p++ {
			fmt.Fprintf(&b, "  <page width=\"%f\" height=\"%f\">\n", 595.3+dx, 841.9)
			for _, w := range []string{t1, t2, t1 + t2} {
				fmt.Fprintf(&b, "    <word xMin=\"%f\" yMin=\"%f\" xMax=\"%f\" yMax=\"%f\">%s</word>\n", x0, y0, x1+dx, y1, esc.Replace(w))
			}
			b.WriteString("  </page>\n")
		}
		b.WriteString("</doc></body></html>\n")
		got, err1 := parseBBox([]byte(b.String()))
		want, err2 := parseBBoxXML([]byte(b.String()))
		if err1 != nil || err2 != nil {
			t.Fatalf("errors %v, %v", err1, err2)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("scanner %+v\nxml     %+v", got, want)
		}
	})
}

// parseBBoxXML is the reading of pdftotext's output by encoding/xml that
// parseBBox replaced, kept as FuzzParseBBoxXML's reference.
func parseBBoxXML(b []byte) ([]page, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	var pages []page
	var cur *word
	var text strings.Builder
	fattr := func(e xml.StartElement, name string) float64 {
		for _, a := range e.Attr {
			if a.Name.Local == name {
				f, _ := strconv.ParseFloat(a.Value, 64)
				return f
			}
		}
		return 0
	}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return pages, nil
		}
		if err != nil {
			return nil, err
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

// BenchmarkRead measures reading a report printed to PDF: all of Read,
// pdftotext included (its CPU time is measured by BenchmarkParseMedia in
// ingest), and the Go side alone (reading pdftotext's output and rebuilding
// the rows, pdftotext run once before the loop).
func BenchmarkRead(b *testing.B) {
	for _, f := range []string{"shape6-rowspan-writer.pdf", "shape6-rowspan-chromium.pdf"} {
		b.Run(f, func(b *testing.B) {
			needTool(b)
			data, err := os.ReadFile("../testdata/media/" + f)
			if err != nil {
				b.Fatal(err)
			}
			out, err := bbox(context.Background(), data)
			if err != nil {
				b.Fatal(err)
			}
			b.Run("read", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := Read(data); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("geometry", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					pages, err := parseBBox(out)
					if err != nil {
						b.Fatal(err)
					}
					build(pages)
				}
			})
		})
	}
}

// TestDropRepeatedHeaders drops a header a page repeats for a table that
// runs on from the page before, and keeps the top of a page in the shapes
// where it may be a table of its own.
func TestDropRepeatedHeaders(t *testing.T) {
	// A line is "page:text", "|" in the text making it a table row and a
	// digit in a row making it a row of figures.
	title, h1, h2 := "1:三、收到和处理政府信息公开申请情况", "1:申请人情况 | 总计", "1:自然人 | 法人"
	first := []string{"1:一、总体情况", title, h1, h2, "1:一、本年新收 | 10 | 13", "1:二、上年结转 | 1 | 1"}
	again := []string{"2:申请人情况 | 总计", "2:自然人 | 法人"}
	tests := []struct {
		name  string
		lines []string
		drop  int // lines of page 2 dropped
	}{
		{"repeated", append(append(first[:6:6], again...), "2:（七）总计 | 10 | 12"), 2},
		{"a running footer below the table", append(append(append(first[:6:6], "1:- 1 -"), again...), "2:（七）总计 | 10 | 12"), 2},
		{"a copy opening the page with its title",
			append(append(first[:6:6], "2:三、收到和处理政府信息公开申请情况"), append(again, "2:一、本年新收 | 10 | 13")...), 0},
		{"the table ended on the page before",
			append(append(first[:6:6], "1:五、存在的主要问题", "1:一是时效性有待提高", "1:二是形式单一", "1:三是渠道不多"), append(again, "2:一、本年新收 | 10 | 13")...), 0},
		{"a copy opening the page with a heading of its own",
			append(append(first[:6:6], "2:2020年度"), append(again, "2:一、本年新收 | 10 | 13")...), 0},
		{"one line repeated", append(append(first[:6:6], "2:自然人 | 法人"), "2:（七）总计 | 10 | 12"), 0},
		{"header without a title above it", append(append([]string{h1, h2, "1:一、本年新收 | 10 | 13"}, again...), "2:（七）总计 | 10 | 12"), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &doc.Document{}
			var kinds []lineKind
			for i, l := range tt.lines {
				p, text, _ := strings.Cut(l, ":")
				d.Lines = append(d.Lines, doc.Line{N: i + 1, Text: text, Page: int(p[0] - '0')})
				row := strings.Contains(text, "|")
				kinds = append(kinds, lineKind{row: row, fig: row && strings.ContainsAny(text, "0123456789")})
			}
			dropRepeatedHeaders(d, kinds)
			if got := len(tt.lines) - len(d.Lines); got != tt.drop {
				t.Errorf("dropped %d lines, want %d: %v", got, tt.drop, d.Lines)
			}
		})
	}
}

// TestParseBBoxCaps refuses a PDF with a page, or in all, more words than a
// report has, and reads one at the limits.
func TestParseBBoxCaps(t *testing.T) {
	out := func(pages, words int) []byte {
		var b bytes.Buffer
		for p := 0; p < pages; p++ {
			b.WriteString(`<page width="595" height="842">`)
			for i := 0; i < words; i++ {
				fmt.Fprintf(&b, `<word xMin="%d" yMin="%d" xMax="%d" yMax="%d">字</word>`, i%500, i%800, i%500+5, i%800+5)
			}
			b.WriteString("</page>\n")
		}
		return b.Bytes()
	}
	tests := []struct {
		name         string
		pages, words int
		want         string // in the error; "" reads
	}{
		{"a page at the limit", 2, maxPageWords, ""},
		{"a page over it", 2, maxPageWords + 1, "PDF 第1页文字过多（超过5000个词）"},
		{"the document over it", maxWords/maxPageWords + 1, maxPageWords, "PDF 文字过多"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages, err := parseBBox(out(tt.pages, tt.words))
			switch {
			case tt.want == "" && (err != nil || len(pages) != tt.pages || len(pages[0].words) != tt.words):
				t.Errorf("error %v, %d pages", err, len(pages))
			case tt.want != "" && !strings.Contains(gongkai.ErrorMessage(err), tt.want):
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

// BenchmarkBuildWorstPage measures the geometry on pages at the word limit
// in the shapes that cost it most, which bounds the CPU a hostile PDF can
// take: words strewn at random (no two pairs of figures at the same
// places), one column of labels (every line starting at the same x), and a
// grid of figures.
func BenchmarkBuildWorstPage(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	shapes := map[string][]word{}
	for i := 0; i < maxPageWords; i++ {
		x, y := rng.Float64()*500, rng.Float64()*800
		shapes["random"] = append(shapes["random"], word{x, y, x + 10, y + 10, strconv.Itoa(i % 10)})
		y = float64(i) * 12
		shapes["labels"] = append(shapes["labels"], word{50, y, 150, y + 10, "信息内容"})
		r, c := float64(i/10), float64(i%10)
		shapes["grid"] = append(shapes["grid"], word{50 + c*50, r * 12, 60 + c*50, r*12 + 10, strconv.Itoa(i % 7)})
	}
	for _, name := range []string{"random", "labels", "grid"} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				build([]page{{n: 1, words: shapes[name]}})
			}
		})
	}
}

// fewCharsPDF is a one-page PDF whose text layer is the word "hello".
func fewCharsPDF() []byte {
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		"<< /Length 36 >>\nstream\nBT /F1 12 Tf 72 700 Td (hello) Tj ET\nendstream",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
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
