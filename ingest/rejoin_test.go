package ingest

import (
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// TestRejoinCuts holds rejoinCuts to what it joins: pieces of one source line
// that do not end a sentence run on into one line; a piece that ends a
// sentence, a heading, or another line's piece stays apart.
func TestRejoinCuts(t *testing.T) {
	tests := []struct {
		name  string
		lines []Line
		want  []string
	}{
		{"nothing to join", []Line{{N: 1, Text: "一、总体情况"}, {N: 2, Text: "本机关收到申请3件。"}}, []string{"一、总体情况", "本机关收到申请3件。"}},
		{"cut inside a sentence", []Line{{N: 4, Text: "本单位没有因政府信息公开而出现"}, {N: 4, Text: "行政复议、行政诉讼情况"}, {N: 4, Text: "。"}, {N: 5, Text: "下一行。"}},
			[]string{"本单位没有因政府信息公开而出现行政复议、行政诉讼情况。", "下一行。"}},
		{"a sentence's end stays apart", []Line{{N: 7, Text: "收到申请2件。"}, {N: 7, Text: "办结2件"}, {N: 7, Text: "。"}},
			[]string{"收到申请2件。", "办结2件。"}},
		{"a heading stays apart", []Line{{N: 9, Text: "二、主动公开情况"}, {N: 9, Text: "全年主动公开信息12条"}}, []string{"二、主动公开情况", "全年主动公开信息12条"}},
		{"two runs", []Line{{N: 1, Text: "甲"}, {N: 1, Text: "乙"}, {N: 2, Text: "丙"}, {N: 2, Text: "丁"}, {N: 3, Text: "戊。"}},
			[]string{"甲乙", "丙丁", "戊。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, l := range rejoinCuts(tt.lines) {
				got = append(got, l.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("rejoinCuts = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestRejoinCutsManyPieces holds rejoinCuts to work in proportion to a line's
// length when the line comes in many pieces (one paragraph of numbers between
// <br>s): it copied the joined text again for every piece, so a 1 MB upload
// of that shape cost a minute of CPU. The bytes it allocates are counted, not
// timed: 40,000 pieces of about 3 bytes copied again each time come to ~2.4 GB.
func TestRejoinCutsManyPieces(t *testing.T) {
	const pieces = 40000
	lines := make([]Line, pieces)
	var want strings.Builder
	for i := range lines {
		lines[i] = Line{N: 3, Text: strconv.Itoa(i % 100)}
		want.WriteString(lines[i].Text)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	got := rejoinCuts(lines)
	runtime.ReadMemStats(&after)
	if len(got) != 1 || got[0].Text != want.String() {
		t.Fatalf("rejoinCuts gave %d lines, want one line of the pieces joined", len(got))
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
		t.Errorf("rejoinCuts allocated %d MB for a line of %d bytes in %d pieces; want it linear (< 64 MB)", alloc>>20, want.Len(), pieces)
	}
}
