package web_test

import (
	"testing"

	"gongkai/ingest"
	"gongkai/ingest/internal/fixture"
	"gongkai/ingest/web"
)

// FuzzReadText feeds arbitrary bytes to the text reader and to Extract with
// what it returns: neither may panic (Parse would turn a panic into a
// rejection; the fuzzer must see it), and every figure must point at a line.
func FuzzReadText(f *testing.F) {
	fixture.WebSeeds(f, ".txt")
	f.Add([]byte("一、本年新收政府信息公开申请数量1200000012\n行政许可3960181\n（三）不予公开\n0\n0\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := web.ReadText(data)
		if err != nil {
			return
		}
		for _, g := range d.Grids {
			for _, row := range g.Rows {
				for _, c := range row {
					if c.Text != "" && c.Line <= 0 && web.IsFigure(c.Text) {
						t.Fatalf("figure %q without a line", c.Text)
					}
				}
			}
		}
		ingest.Extract(d, ingest.Options{Agency: "测试局", Year: 2021})
	})
}

// FuzzReadHTML does the same for the HTML reader.
func FuzzReadHTML(f *testing.F) {
	fixture.WebSeeds(f, ".html", ".htm")
	f.Add([]byte(`<table><tr><td rowspan="999999" colspan="99999">1</td><td>2<table><tr><td>x`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := web.ReadHTML(data)
		if err != nil {
			return
		}
		ingest.Extract(d, ingest.Options{Agency: "测试局", Year: 2021})
	})
}
