package ingest

import (
	"strings"
	"testing"
	"unicode/utf8"

	"gongkai"
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
			for _, fd := range r.Findings {
				t.Errorf("finding %s at %s: %s", fd.Rule, fd.At, fd.Message)
			}
		})
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

// toTraditional writes labels in traditional script, using the fold map backwards.
func toTraditional(s string) string {
	back := map[rune]rune{}
	for tr, sc := range t2s {
		if _, ok := back[sc]; !ok || tr < back[sc] {
			back[sc] = tr
		}
	}
	var b strings.Builder
	for _, r := range s {
		if tr, ok := back[r]; ok {
			r = tr
		}
		b.WriteRune(r)
	}
	return b.String()
}

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
