package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// webSeeds adds the fixtures of testdata/web (and the published sample, when
// the workspace has it) with the given extensions to a fuzz corpus.
func webSeeds(f *testing.F, exts ...string) {
	paths, _ := filepath.Glob("testdata/web/*")
	paths = append(paths, "../../shared/samples/anshun-emergency-2021.txt")
	for _, p := range paths {
		for _, ext := range exts {
			if strings.HasSuffix(p, ext) {
				if data, err := os.ReadFile(p); err == nil {
					f.Add(data)
				}
			}
		}
	}
}

// FuzzReadText feeds arbitrary bytes to the text reader and to Extract with
// what it returns: neither may panic (Parse would turn a panic into a
// rejection; the fuzzer must see it), and every figure must point at a line.
func FuzzReadText(f *testing.F) {
	webSeeds(f, ".txt")
	f.Add([]byte("一、本年新收政府信息公开申请数量1200000012\n行政许可3960181\n（三）不予公开\n0\n0\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := ReadText(data)
		if err != nil {
			return
		}
		for _, g := range doc.Grids {
			for _, row := range g.Rows {
				for _, c := range row {
					if c.Text != "" && c.Line <= 0 && isFigure(c.Text) {
						t.Fatalf("figure %q without a line", c.Text)
					}
				}
			}
		}
		Extract(doc, Options{Agency: "测试局", Year: 2021})
	})
}

// FuzzReadHTML does the same for the HTML reader.
func FuzzReadHTML(f *testing.F) {
	webSeeds(f, ".html", ".htm")
	f.Add([]byte(`<table><tr><td rowspan="999999" colspan="99999">1</td><td>2<table><tr><td>x`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := ReadHTML(data)
		if err != nil {
			return
		}
		Extract(doc, Options{Agency: "测试局", Year: 2021})
	})
}
