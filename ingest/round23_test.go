package ingest

import (
	"testing"

	"gongkai"
)

// TestRound23DocsMade checks round 23's verb of documents made (制作) before
// table 二's kinds ("全年新制作规章0个,制作规范性文件0件", the shape of a real
// 2024 public institution's page): the year's issued, as 制定 and 制发 are.
// Both counts were passed over with no word.
func TestRound23DocsMade(t *testing.T) {
	const head = "主动公开政府信息情况。"
	for _, tt := range []struct {
		line    string
		measure string
		want    float64 // -1: blank
	}{
		{"全年新制作规章0个,制作规范性文件0件。", "rules.issued", 0},
		{"全年新制作规章0个,制作规范性文件0件。", "normative_docs.issued", 0},
		{"2025年,共制作规范性文件3件。", "normative_docs.issued", 3},
		{"本年度制作规章2件。", "rules.issued", 2},
		// Documents made for something else are not the year's issued.
		{"制作规范性文件解读材料3件。", "normative_docs.issued", -1},
		{"全年制作规章制度4个。", "rules.issued", -1},
		{"全年制作政府信息236条。", "normative_docs.issued", -1},
	} {
		lines := []Line{{N: 1, Text: head + tt.line}}
		vals, _ := readNarrative(lines, gongkai.Format2021, 2025, "示例区检验检测中心")
		if got := numberOf(vals, tt.measure); got != tt.want {
			t.Errorf("%s: %s %v, want %v", tt.line, tt.measure, got, tt.want)
		}
	}
}

// TestRound23AnsweredAmong checks round 23's count of the applications
// answered as the frame of their outcomes, the old template's words ("在已经
// 答复的N件申请中,“同意公开”的A件…", the shape of a real 2017 municipal
// bureau's page): the year's answered. It was passed over with no word.
func TestRound23AnsweredAmong(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // -1: blank
	}{
		{"在已经答复的9件申请中,“同意公开”的7件,占总数的70%。", 9},
		{"在已答复的12件申请中,同意公开8件。", 12},
		{"在已答复的5件政府信息公开申请中,同意公开的3件。", 5},
		// Not the frame of the outcomes: another count.
		{"已答复的9件申请已全部归档。", -1},
		{"在已经答复的申请中,同意公开的7件。", -1},
	} {
		vals, _ := pre2019FromNarrative([]Line{{N: 1, Text: tt.line}}, "示例市示例局")
		if got := numberOf(vals, "pre2019.apps_answered"); got != tt.want {
			t.Errorf("%s: pre2019.apps_answered %v, want %v", tt.line, got, tt.want)
		}
	}
}
