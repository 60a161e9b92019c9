package ingest

import (
	"testing"

	"gongkai"
)

// TestRound21OwnNameHoldsTopic checks the shape of round 21's real page of a
// petition bureau (信访局) that names itself as the subject of its counts:
// 信访 is a word of another matter, so the count was passed over with no
// word. The organ's own name is the organ; another organ's name, and a
// count of petitions, still are not read.
func TestRound21OwnNameHoldsTopic(t *testing.T) {
	const head = "(二)依申请公开情况。"
	for _, tt := range []struct {
		agency  string
		line    string
		measure string
		want    float64 // -1: blank
	}{
		{"示例县信访局", "2025年,示例县信访局共受理政府信息公开申请4件。", "apps.new", 4},
		{"示例县信访局", "2025年,信访局共受理政府信息公开申请4件。", "apps.new", 4},
		{"示例县信访局", "2025年示例县信访局未收到政府信息公开申请。", "apps.new", 0},
		{"示例县人民政府信访局", "2025年,示例县政府信访局收到政府信息公开申请3件。", "apps.new", 3},
		// Another organ's, or petitions, not applications.
		{"示例县信访局", "2025年,示例市信访局共受理政府信息公开申请4件。", "apps.new", -1},
		{"示例县信访局", "2025年,示例县信访局受理群众信访件4件。", "apps.new", -1},
		{"示例县教育局", "2025年,示例县信访局共受理政府信息公开申请4件。", "apps.new", -1},
	} {
		lines := []Line{{N: 1, Text: head + tt.line}}
		vals, _ := readNarrative(lines, gongkai.Format2021, 2025, tt.agency)
		if got := numberOf(vals, tt.measure); got != tt.want {
			t.Errorf("%s (%s): %s %v, want %v", tt.line, tt.agency, tt.measure, got, tt.want)
		}
	}
	if n := ownTopicNames("示例县教育局"); n != nil {
		t.Errorf("ownTopicNames(示例县教育局) = %q, want none", n)
	}
}

// TestRound21AnsweredShapes checks round 21's two shapes of applications
// answered that were blank with no word: every one received granted
// ("均已…予以公开"), and a count of them answered with 已 alone ("N件已…
// 答复"). Each beside the case that reads and one that must not.
func TestRound21AnsweredShapes(t *testing.T) {
	const head = "(二)依申请公开情况。"
	for _, tt := range []struct {
		line    string
		measure string
		want    float64 // -1: blank
		warned  bool    // a finding names the measure
	}{
		{"2025年,我街道共受理政府信息公开申请3件,均已按规定及时予以公开。", "apps.granted", -1, true},
		{"2025年,我街道共受理政府信息公开申请3件,均已按规定及时予以公开。", "apps.total", -1, true},
		{"2025年,我街道共受理政府信息公开申请3件,无上年结转,均已按规定及时予以公开。", "apps.granted", 3, false},
		{"2025年,我街道共受理政府信息公开申请3件,无上年结转,均已按规定及时予以公开。", "apps.total", 3, false},
		{"2025年,我街道共受理政府信息公开申请3件,均已部分予以公开。", "apps.granted", -1, false},
		{"2025年,我街道共受理政府信息公开申请3件,均不予公开。", "apps.granted", -1, false},
		{"2025年,我街道主动公开政府信息30条,均已予以公开。", "apps.granted", -1, false},
		// A count answered with 已 alone.
		{"2025年,区政府共收到依申请公开20件,19件已按照规定时限和程序依法依规进行了答复,1件结转下年。", "apps.total", -1, true},
		{"2025年,区政府共收到依申请公开20件,20件已按照规定时限进行了答复。", "apps.total", -1, true},
		{"2025年,区政府共收到依申请公开20件,无上年结转,20件已按照规定时限进行了答复。", "apps.total", 20, false},
		{"2025年,区政府共收到依申请公开20件,19件已延期答复。", "apps.total", -1, false},
	} {
		lines := []Line{{N: 1, Text: head + tt.line}}
		vals, finds := readNarrative(lines, gongkai.Format2021, 2025, "示例市示例局")
		got := numberOf(vals, tt.measure)
		warned := namesMeasure(finds, tt.measure)
		if got != tt.want || warned != tt.warned {
			t.Errorf("%s: %s %v (warned %v), want %v (warned %v)", tt.line, tt.measure, got, warned, tt.want, tt.warned)
		}
	}
}

// TestRound21UnsaidCounts checks round 21's two counts passed over with no
// word: applications "处理申请数量N件" (received or handled), and those not
// given for "未掌握…等情形" (not held among other reasons). Each beside one
// that must stay silent.
func TestRound21UnsaidCounts(t *testing.T) {
	const head = "(二)依申请公开情况。"
	for _, tt := range []struct {
		line    string
		measure string
		warned  bool
	}{
		{"全年处理申请数量423件。", "apps.new", true},
		{"全年处理申请数量423件。", "apps.total", true},
		{"全年办理申请件数12件。", "apps.total", true},
		{"全年处理申请人补正材料423件。", "apps.new", false},
		{"全年处理群众来信数量42件。", "apps.new", false},
		{"收到申请17件,因未掌握相关信息、经检索无对应信息等情形依规答复8件。", "apps.unavailable.not_held", true},
		{"收到申请17件,因本机关未掌握相关信息等原因无法提供8件。", "apps.unavailable.not_held", true},
		{"收到申请17件,依规答复8件。", "apps.unavailable.not_held", false},
	} {
		lines := []Line{{N: 1, Text: head + tt.line}}
		vals, finds := readNarrative(lines, gongkai.Format2021, 2025, "示例市示例局")
		got := numberOf(vals, tt.measure)
		warned := namesMeasure(finds, tt.measure)
		if got != -1 || warned != tt.warned {
			t.Errorf("%s: %s %v (warned %v), want blank (warned %v)", tt.line, tt.measure, got, warned, tt.warned)
		}
	}
}

// TestRound21OuterWebIsAChannel checks that a count on a government's
// external website (外网) beside other channels' counts is one channel's,
// not the year's total; alone on its line it is the year's.
func TestRound21OuterWebIsAChannel(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // -1: blank
	}{
		{"2019年度,我镇在县人民政府外网主动公开政府信息数13条;在某某APP公开发布内容26条;在信息公示栏公开内容145条。", -1},
		{"2019年度,我镇在县人民政府外网主动公开政府信息数13条。", 13},
	} {
		lines := []Line{{N: 1, Text: "(一)主动公开情况。" + tt.line}}
		vals, _ := readNarrative(lines, gongkai.Format2019, 2019, "示例县某镇")
		if got := numberOf(vals, "narrative.proactive_items"); got != tt.want {
			t.Errorf("%s: proactive %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestRound21ReviewWithdrawn checks that a review its applicant withdrew
// ("撤销复议申请N件" after the review's count) is table 四's 其他结果, and that
// an application withdrawn is no review's.
func TestRound21ReviewWithdrawn(t *testing.T) {
	for _, tt := range []struct {
		line    string
		measure string
		want    float64 // -1: blank
	}{
		{"信息公开行政复议案件3件,维持1件,纠正1件,撤销复议申请1件。", "review.other", 1},
		{"信息公开行政复议案件3件,维持1件,纠正1件,撤回行政复议申请1件。", "review.other", 1},
		{"收到申请5件,申请人撤回申请1件。", "review.other", -1},
		{"行政诉讼2件,撤销复议申请1件。", "litigation_direct.other", -1},
	} {
		lines := []Line{{N: 1, Text: "(四)行政复议、行政诉讼情况。" + tt.line}}
		vals, _ := readNarrative(lines, gongkai.Format2021, 2025, "示例市示例局")
		if got := numberOf(vals, tt.measure); got != tt.want {
			t.Errorf("%s: %s %v, want %v", tt.line, tt.measure, got, tt.want)
		}
	}
}

// TestRound21LettersAsAWay checks that 来信 named among the ways
// applications came by ("通过…来信等方式提出的…申请") does not make a clause
// about petitions; a petitions' count stays unread.
func TestRound21LettersAsAWay(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // -1: blank
	}{
		{"2020年,我院未收到通过受理电话、网络平台、来信等方式提出的相关政府信息公开申请。", 0},
		{"2020年,我院通过网络平台、来信等方式收到政府信息公开申请3件。", 3},
		{"2020年,我院收到群众来信等方式反映问题12件。", -1},
		{"2020年,我院收到群众来信12件。", -1},
	} {
		lines := []Line{{N: 1, Text: "(二)依申请公开办理情况。" + tt.line}}
		vals, _ := readNarrative(lines, gongkai.Format2019, 2020, "示例县医院")
		if got := numberOf(vals, "apps.new"); got != tt.want {
			t.Errorf("%s: apps.new %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestRound21RulesDocsJoined checks that a count after rules and normative
// documents written as one, the verb of issuing before them, is blank with
// a warning; a review of them is no count issued.
func TestRound21RulesDocsJoined(t *testing.T) {
	for _, tt := range []struct {
		line   string
		warned bool
	}{
		{"及时公开2022年制定的规章规范性文件5件。", true},
		{"及时公开2022年制定的规章和规范性文件5件。", true},
		{"对2022年制定的规章规范性文件进行合法性审查5件。", false},
		{"及时清理以前制定的规章规范性文件5件。", false},
	} {
		lines := []Line{{N: 1, Text: "(一)主动公开情况。" + tt.line}}
		vals, finds := readNarrative(lines, gongkai.Format2021, 2022, "示例省示例委")
		if got, warned := numberOf(vals, "rules.issued"), namesMeasure(finds, "rules.issued"); got != -1 || warned != tt.warned {
			t.Errorf("%s: rules.issued %v (warned %v), want blank (warned %v)", tt.line, got, warned, tt.warned)
		}
	}
}
