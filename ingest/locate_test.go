package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"gongkai"
	"gongkai/ingest/labels"
)

// TestLocateLayouts lays the same figures out in the shapes real workbooks
// and pages take and checks every cell is found, and nothing else.
func TestLocateLayouts(t *testing.T) {
	trunc := func(n int) func(string) string {
		return func(s string) string {
			if utf8.RuneCountInString(s) > n {
				return string([]rune(s)[:n])
			}
			return s
		}
	}
	tests := []struct {
		name   string
		format string
		lay    coreLayout
	}{
		{"stacked", "2021", coreLayout{}},
		{"stacked 2019", "2019", coreLayout{}},
		{"per table", "2021", coreLayout{perTable: true}},
		{"merged", "2021", coreLayout{merged: true}},
		{"merged 2019", "2019", coreLayout{merged: true, perTable: true}},
		{"total first", "2021", coreLayout{totalFirst: true, merged: true}},
		{"spacers and titles", "2021", coreLayout{spacerCol: true, spacerRow: true, titles: true}},
		{"truncated headers", "2021", coreLayout{merged: true, header: trunc(2)}},
		{"truncated headers 2019", "2019", coreLayout{header: trunc(4)}},
		{"full width", "2021", coreLayout{label: toFullWidth}},
		{"traditional", "2021", coreLayout{merged: true, label: toTraditional}},
		{"mirror mangling", "2019", coreLayout{label: mangle}},
		{"soft breaks", "2021", coreLayout{label: softBreaks}},
		{"html", "2021", coreLayout{kind: "html", merged: true}},
		{"text", "2019", coreLayout{kind: "text"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := gongkai.FormatByID(tt.format)
			want := coreValues(t, f)
			lay := tt.lay
			lay.cover = coreCover
			doc := coreDoc(f, want, lay)
			r, err := Extract(doc, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if r.Format != tt.format {
				t.Errorf("format = %q, want %q", r.Format, tt.format)
			}
			for _, d := range diffValues(r, want) {
				t.Error(d)
			}
			// The cover says 2021: a 2019 layout is warned of once.
			mismatch := tt.format != yearFormat(r.Year)
			warned := false
			for _, fd := range r.Findings {
				if fd.Rule == RuleFormatYear && mismatch && !warned {
					warned = true
					continue
				}
				t.Errorf("finding %s at %s: %s", fd.Rule, fd.At, fd.Message)
			}
			if mismatch && !warned {
				t.Errorf("no %q warning for a %d report on the %s form", RuleFormatYear, r.Year, tt.format)
			}
		})
	}
}

// TestNormalizeFormatLabels checks that every label of every format survives
// traditional script, full width and mangling: the locator relies on it.
func TestNormalizeFormatLabels(t *testing.T) {
	for _, f := range gongkai.Formats() {
		for _, tb := range f.Tables {
			for _, b := range tb.Blocks {
				var names []string
				for _, r := range b.Rows {
					names = append(names, r.Label)
				}
				for _, c := range b.Columns {
					names = append(names, c.Label, c.Group, c.Subgroup)
				}
				for _, l := range names {
					want := labels.Normalize(l)
					for _, in := range []string{toTraditional(l), toFullWidth(l), mangle(l), softBreaks(l)} {
						if got := labels.Normalize(in); got != want {
							t.Errorf("%s: labels.Normalize(%q) = %q, want %q", f.ID, in, got, want)
						}
					}
				}
			}
		}
	}
}

func toFullWidth(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r > ' ' && r < 0x7f:
			r += 0xFEE0
		}
		b.WriteRune(r)
	}
	return b.String()
}

// toTraditional writes labels in traditional script, using the fold map of
// package gongkai (its t2s.txt, which package labels folds with) backwards.
func toTraditional(s string) string {
	back := traditional()
	var b strings.Builder
	for _, r := range s {
		if tr, ok := back[r]; ok {
			r = tr
		}
		b.WriteRune(r)
	}
	return b.String()
}

// traditional maps each simplified character of gongkai's t2s.txt to the first
// traditional one that folds to it.
var traditional = sync.OnceValue(func() map[rune]rune {
	data, err := os.ReadFile(filepath.Join("..", "t2s.txt"))
	if err != nil {
		panic(err)
	}
	back := map[rune]rune{}
	for _, line := range strings.Split(string(data), "\n") {
		rs := []rune(strings.TrimSpace(line))
		if len(rs) != 2 || rs[0] == '#' {
			continue
		}
		if tr, ok := back[rs[1]]; !ok || rs[0] < tr {
			back[rs[1]] = rs[0]
		}
	}
	return back
})

// mangle adds pinyin after a few characters the way mirror sites do.
func mangle(s string) string {
	r := strings.NewReplacer("规", "規(guī)", "许", "許(xǔ)", "处", "處(chù)", "结", "结(jié)")
	return r.Replace(s)
}

func softBreaks(s string) string {
	rs := []rune(s)
	if len(rs) < 4 {
		return s
	}
	return string(rs[:2]) + "\u00a0\n" + string(rs[2:])
}

// FuzzExtract feeds arbitrary grids to the locator, the metadata readers and
// the rules: whatever the input, Extract returns a report or a rejection,
// never a panic, and every value it returns names where it stands.
func FuzzExtract(f *testing.F) {
	f.Add("单位名称|测试局\n年度|2021\n自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计\n一、本年新收政府信息公开申请数量|1|0|0|0|0|0|1", "xlsx")
	f.Add("（三）不予公开|5|0|0|0|0|0|5\n1.|1\n行政复议|行政诉讼\n结果|结果|其他|尚未|总计\n1|2|3", "text")
	f.Add("信息内容|上一年项目数量|本年增/|处理决定数量\n行政许可|10|减4|867\n規(guī)章|1|2|3", "html")
	f.Fuzz(func(t *testing.T, text, kind string) {
		rows := strings.Split(text, "\n")
		doc := &Document{Kind: kind, Name: "fuzz.xlsx", Grids: []*Grid{coreGrid("表", kind, rows...), nil}}
		r, err := Extract(doc, Options{Agency: "测试局", Year: 2021})
		if err != nil {
			if gongkai.ErrorCode(err) != gongkai.CodeInvalid {
				t.Fatalf("error of code %s: %v", gongkai.ErrorCode(err), err)
			}
			return
		}
		for _, v := range r.Values {
			if v.At == "" || v.Measure == "" {
				t.Fatalf("value without place or measure: %+v", v)
			}
		}
	})
}

func TestSplitEnum(t *testing.T) {
	tests := []struct{ in, enum, rest string }{
		{"1.属于国家秘密", "1.", "属于国家秘密"},
		{"1、属于国家秘密", "1.", "属于国家秘密"},
		{"(1)属于国家秘密", "1.", "属于国家秘密"},
		{"1)属于国家秘密", "1.", "属于国家秘密"},
		{"12.x", "12.", "x"},
		{"1.", "1.", ""},
		{"(三)不予公开", "(三)", "不予公开"},
		{"三、本年度办理结果", "三、", "本年度办理结果"},
		{"(十二)x", "(十二)", "x"},
		{"2021年", "", ""},
		{"(本列数据)", "", ""},
		{"(1.x", "", ""},
		{"三安全", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		enum, rest := splitEnum(tt.in)
		if enum != tt.enum || rest != tt.rest {
			t.Errorf("splitEnum(%q) = %q, %q; want %q, %q", tt.in, enum, rest, tt.enum, tt.rest)
		}
	}
}
