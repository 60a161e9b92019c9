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

// TestRound23RoughCounts checks round 23's rough counts in 万 or after 约
// ("主动公开政府信息2.36万条", the shape of a real 2024 district's page, and
// the shapes round 23 built beside it): no number of them is the figure, and
// each is said to be rough. The district's was said under another sentence
// of its paragraph ("发布N条微博"), the others under none.
func TestRound23RoughCounts(t *testing.T) {
	for _, tt := range []struct {
		line    string
		measure string
	}{
		{"2024年,通过政府门户网站和政务新媒体等形式主动公开政府信息2.36万条。", "narrative.proactive_items"},
		{"全年主动公开政府信息三百余条。", "narrative.proactive_items"},
		{"全年共收到政府信息公开申请约30件。", "apps.new"},
		{"全年共收到政府信息公开申请1.2万件,办结1.1万件。", "apps.new"},
		{"全年共受理政府信息公开申请二十余件。", "apps.new"},
	} {
		finds := approximateFigures([]Line{{N: 1, Text: tt.line}}, map[string]bool{})
		n := 0
		for _, f := range finds {
			if f.Measure == tt.measure {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s: %d findings of %s, want 1: %v", tt.line, n, tt.measure, finds)
		}
	}
	// An exact count is no rough one.
	for _, line := range []string{"全年主动公开政府信息300条。", "全年共收到政府信息公开申请30件。", "约谈2次,主动公开政府信息12条。"} {
		if finds := approximateFigures([]Line{{N: 1, Text: line}}, map[string]bool{}); len(finds) != 0 {
			t.Errorf("%s: %v, want no finding", line, finds)
		}
	}
}
