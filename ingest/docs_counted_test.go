package ingest

import (
	"testing"

	"gongkai"
)

// TestDocsCountedNoun holds that a count of normative documents is read only
// when the words before it end with the documents, or what is done to them,
// and words of counting: a noun between them and the count is what is
// counted ("围绕出台的规范性文件制作图解5份": graphics; "制定规范性文件目录1份": a
// catalogue), and those counts were stored as the documents issued or in
// force.
func TestDocsCountedNoun(t *testing.T) {
	const head = "主动公开政府信息情况。"
	for _, tt := range []struct {
		line    string
		measure string
		want    float64 // -1: blank
	}{
		{"围绕出台的规范性文件制作图解5份。", "normative_docs.issued", -1},
		{"对新制定的规范性文件制作图解5份。", "normative_docs.issued", -1},
		{"全年制定规范性文件目录1份。", "normative_docs.issued", -1},
		{"全年印发规范性文件汇编2份。", "normative_docs.issued", -1},
		{"对废止的规范性文件制作清单1份。", "normative_docs.repealed", -1},
		{"现行有效的规范性文件图解3份。", "normative_docs.in_force", -1},
		// The documents counted, in the words that count them.
		{"全年制发规范性文件2件。", "normative_docs.issued", 2},
		{"规范性文件制发数量为3件。", "normative_docs.issued", 3},
		{"印发规范性文件共计4件。", "normative_docs.issued", 4},
		{"2024年度新发布的行政规范性文件2件。", "normative_docs.issued", 2},
		{"制发行政规范性文件2件,废止行政规范性文件10件,现行有效件数14件。", "normative_docs.repealed", 10},
		{"制发行政规范性文件2件,废止行政规范性文件10件,现行有效件数14件。", "normative_docs.in_force", 14},
		{"制定规范性文件4件,废除规范性文件1件,正在实施的规范性文件0件。", "normative_docs.in_force", 0},
	} {
		lines := []Line{{N: 1, Text: head + tt.line}}
		vals, _ := readNarrative(lines, gongkai.Format2021, 2024, "示例县某某局")
		if got := numberOf(vals, tt.measure); got != tt.want {
			t.Errorf("%s: %s %v, want %v", tt.line, tt.measure, got, tt.want)
		}
	}
}
