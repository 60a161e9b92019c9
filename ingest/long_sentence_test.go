package ingest

import (
	"strings"
	"testing"

	"gongkai"
)

// TestLongSentenceNotRead holds the bound on a sentence's length
// (maxSentenceBytes): a line holding a sentence longer than it is not read,
// with a warning that says so, while the same counts in sentences under it
// are read as before. Figures invented.
func TestLongSentenceNotRead(t *testing.T) {
	const head = "(二)依申请公开情况。"
	clause := "全年共收到政府信息公开申请12件,"
	long := strings.Repeat(clause, maxSentenceBytes/len(clause)+1)
	short := strings.Repeat(clause, (maxSentenceBytes-len(head))/len(clause)-1)
	for _, tt := range []struct {
		name, line string
		want       float64 // -1: blank
		warned     bool
	}{
		{"over the bound", head + long + "。", -1, true},
		{"over the bound, a sentence after it", head + long + "。全年共收到政府信息公开申请12件。", -1, true},
		{"under the bound", head + short + "。", 12, false},
		{"short sentences, a long line", head + strings.Repeat("全年共收到政府信息公开申请12件。", 2*maxSentenceBytes/len(clause)), 12, false},
	} {
		vals, finds := readNarrative([]Line{{N: 7, Text: tt.line}}, gongkai.Format2021, 2024, "示例县示例局")
		warned := false
		for _, f := range finds {
			warned = warned || strings.Contains(f.Message, "超过可读取的长度") && f.At == "line 7"
		}
		if got := numberOf(vals, "apps.new"); got != tt.want || warned != tt.warned {
			t.Errorf("%s: apps.new %v (warned %v), want %v (warned %v)", tt.name, got, warned, tt.want, tt.warned)
		}
	}
	if n := longestSentence("一句。两句话!三;" + strings.Repeat("字", 10)); n != 30 {
		t.Errorf("longestSentence = %d, want 30", n)
	}
}
