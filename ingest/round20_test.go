package ingest

import (
	"strings"
	"testing"

	"gongkai"
)

// TestRound20SampleSaysWhyBlank checks the shapes of round 20's real pages
// (2023-2025 provincial and city departments, district bureaus and street
// offices) whose figures were blank with no word: each is now read where the
// words are certain, or blank with a warning that names the measure. Each
// case beside one that must not read.
func TestRound20SampleSaysWhyBlank(t *testing.T) {
	const head = "(二)依申请公开情况。"
	for _, tt := range []struct {
		lines   []string // one line each
		measure string
		want    float64 // -1: blank
		warned  bool    // a finding names the measure
	}{
		// Every one answered, a law's title between 均 and the verb.
		{[]string{head + "2025年共收到依申请公开5件,均已按照《中华人民共和国政府信息公开条例》按时答复办结。"}, "apps.total", -1, true},
		{[]string{head + "2025年共收到依申请公开5件,无上年结转,均已按照《中华人民共和国政府信息公开条例》按时答复办结。"}, "apps.total", 5, false},
		{[]string{head + "2025年共收到依申请公开5件,均未按照《中华人民共和国政府信息公开条例》答复。"}, "apps.total", -1, false},
		{[]string{head + "2025年共收到依申请公开5件,均已按照《中华人民共和国政府信息公开条例》部分答复。"}, "apps.total", -1, true},
		// The full stop lost before the next sentence's year.
		{[]string{head + "本年度我局受理政府信息公开申请7条,无上年度结转,均已按期答复2025年因政府信息公开被申请行政复议1件。"}, "apps.total", 7, false},
		{[]string{head + "本年度我局受理政府信息公开申请7条,无上年度结转,均已按期答复2025年因政府信息公开被申请行政复议1件。"}, "review.total", 1, false},
		{[]string{head + "本年度我局受理政府信息公开申请7条,均已按期答复2025年因政府信息公开被申请行政复议1件。"}, "apps.total", -1, true},
		{[]string{head + "本年度我局受理政府信息公开申请7条,无上年度结转,其中3件已答复2025年继续办理4件。"}, "apps.total", -1, true},
		// A count of those who applied, not of the applications.
		{[]string{head + "2025年,我局共收到3个自然人的政府信息公开申请。"}, "apps.new", -1, true},
		{[]string{head + "2025年,我局共收到3个申请人提出的申请。"}, "apps.new", -1, true},
		{[]string{head + "2025年,我局共收到3个政府信息公开申请。"}, "apps.new", 3, false},
		{[]string{head + "2025年,我局共收到3件自然人提出的申请。"}, "apps.new", -1, true},
		// Every one of the line before's answered, said on a line of its own.
		{[]string{head + "2025年度我局接收到政府信息公开申请21件,内容多涉及土地。", "对上述申请,我局已全部按期答复完毕。"}, "apps.total", -1, true},
		// Some answered, how many unsaid: blank, and said (fixes s30).
		{[]string{head + "2025年度我局接收到政府信息公开申请21件,内容多涉及土地。", "上述申请已部分答复。"}, "apps.total", -1, true},
		{[]string{head, "对上述申请,我局已全部按期答复完毕。"}, "apps.total", -1, false},
		{[]string{head + "2025年度我局接收到政府信息公开申请21件。", "四、政府信息公开行政复议、行政诉讼情况", "上述申请均已答复。"}, "apps.total", -1, false},
		// Every one handled, said with 均已办理 as the whole clause.
		{[]string{head + "2025年收到要求公开信息的申请31件,均已办理。"}, "apps.total", -1, true},
		{[]string{head + "2025年收到要求公开信息的申请31件,无上年结转,均已办理完毕。"}, "apps.total", 31, false},
		{[]string{head + "2025年收到要求公开信息的申请31件,均已转交相关科室办理。"}, "apps.total", -1, false},
		{[]string{head + "2025年收到要求公开信息的申请31件,均已部分办理。"}, "apps.total", -1, false},
		// Those still being handled, the count before the words.
		{[]string{head + "2025年收到申请14件,已办结11件,3件正在办理中,结转至2026年继续办理。"}, "apps.carried_out", 3, false},
		{[]string{head + "2025年收到申请14件,已办结11件,3件正在办理。"}, "apps.carried_out", 3, false},
		// On a line naming 上年 the count in progress is read only when the
		// four counts balance, 14+2 = 13+3 (fixes s30).
		{[]string{head + "2025年收到申请14件,上年结转2件,已办结13件,3件正在办理中。"}, "apps.carried_out", 3, false},
		{[]string{head + "2025年收到申请14件,上年结转2件,已办结12件,3件正在办理中。"}, "apps.carried_out", -1, true},
		{[]string{head + "2025年收到申请14件,已办结11件,其中3件正在办理中。"}, "apps.carried_out", -1, false},
		// The ways of applying, then their total.
		{[]string{head + "2025年,我区共收到群众网上申请64件,快递9件,合计73件。"}, "apps.new", 73, false},
		{[]string{head + "2025年,我区共收到网上申请64件,信函申请9件,合计73件,上年结转4件。"}, "apps.new", 73, false},
		// The ways do not add up to their total: blank, and said (fixes s30).
		{[]string{head + "2025年,我区共收到网上申请64件,信函申请9件,合计74件。"}, "apps.new", -1, true},
		{[]string{head + "2025年,我区共收到申请64件,上年结转9件,合计73件。"}, "apps.new", 64, false},
		// The applications made to the organ itself, the count before them.
		{[]string{head + "本局2025年度收到6件针对本部门有关政府信息公开事务的申请。"}, "apps.new", 6, false},
		{[]string{head + "本局2025年度收到6件针对本部门的政府信息公开申请。"}, "apps.new", 6, false},
		{[]string{head + "本局2025年度收到6件针对其他部门的政府信息公开申请。"}, "apps.new", -1, false},
		{[]string{head + "本局2025年度收到6件有关行政复议的申请。"}, "apps.new", -1, false},
		// Replied is answered.
		{[]string{head + "2025年共收到申请12件,上年结转1件,已回复13件。"}, "apps.total", 13, false},
		{[]string{head + "2025年共收到申请12件,上年结转1件,已回复留言13件。"}, "apps.total", -1, false},
		{[]string{head + "2025年度,我街受理依申请公开政府信息0件,回复处理0件。"}, "apps.total", 0, false},
		{[]string{head + "2025年度,我街回复处理群众留言13件。"}, "apps.total", -1, false},
	} {
		var lines []Line
		for i, s := range tt.lines {
			lines = append(lines, Line{N: i + 1, Text: s})
		}
		vals, finds := readNarrative(lines, gongkai.Format2021, 2025, "示例市示例局")
		got := numberOf(vals, tt.measure)
		warned := namesMeasure(finds, tt.measure)
		if got != tt.want || warned != tt.warned {
			t.Errorf("%s: %s %v (warned %v), want %v (warned %v)", strings.Join(tt.lines, " / "), tt.measure, got, warned, tt.want, tt.warned)
		}
	}
}

// TestRound20ReviewsHeard checks a count of reviews on a line that says the
// organ made review decisions: those it heard as the reviewing organ, blank
// with a warning; one said to be brought against it, or arising from its
// disclosure, stays read.
func TestRound20ReviewsHeard(t *testing.T) {
	const head = "(二)依申请公开情况。2025年,我区共收到申请73件。"
	for _, tt := range []struct {
		line   string
		want   float64 // -1: blank
		warned bool
	}{
		{head + "行政复议88件,70件做了复议决定,行政诉讼41件。", -1, true},
		{head + "行政复议88件,作出复议决定70件。", -1, true},
		{head + "行政复议8件。", 8, false},
		{head + "因政府信息公开被申请行政复议3件,复议机关作出复议决定3件。", 3, false},
		{head + "被申请行政复议3件,3件已作出复议决定。", 3, false},
		{head + "行政复议3件,复议机关均已作出复议决定。", 3, false},
	} {
		vals, finds := readNarrative([]Line{{N: 1, Text: tt.line}}, gongkai.Format2021, 2025, "示例市示例区人民政府")
		if got, warned := numberOf(vals, "review.total"), namesMeasure(finds, "review.total"); got != tt.want || warned != tt.warned {
			t.Errorf("%s: review.total %v (warned %v), want %v (warned %v)", tt.line, got, warned, tt.want, tt.warned)
		}
	}
}

// TestRound20LicensingMatters checks licensing matters concluded, in cases,
// read as the decisions, and the counts listed after them with their verb;
// the kinds of licence an organ grants, or matters received, are no
// decisions.
func TestRound20LicensingMatters(t *testing.T) {
	for _, tt := range []struct {
		line                         string
		licensing, penalty, coercion float64 // -1: blank
	}{
		{"2025年,我局共办结行政许可事项2360件、行政处罚118件、实施行政强制9件。", 2360, 118, 9},
		{"2025年,我局共办结各类行政许可事项2360件。", 2360, -1, -1},
		{"2025年,我局共受理行政许可事项2360件、行政处罚118件。", -1, -1, -1},
		{"2025年,我局梳理行政许可事项24项,办理行政处罚118件。", -1, 118, -1},
		{"2025年,我局共办结行政许可事项24项。", -1, -1, -1},
	} {
		vals, _ := readNarrative([]Line{{N: 1, Text: tt.line}}, gongkai.Format2021, 2025, "示例市示例局")
		for _, c := range []struct {
			m    string
			want float64
		}{{"licensing.decisions", tt.licensing}, {"penalty.decisions", tt.penalty}, {"coercion.decisions", tt.coercion}} {
			if got := numberOf(vals, c.m); got != c.want {
				t.Errorf("%s: %s %v, want %v", tt.line, c.m, got, c.want)
			}
		}
	}
}

// TestRound20NoAdminFees checks "无行政事业性收费" among the rows of table 二
// said in prose: nothing charged is an amount of none; a word of the fee
// items, or of waivers, is no amount.
func TestRound20NoAdminFees(t *testing.T) {
	const head = "2024年,我局全年作出行政许可决定95件、行政处罚430件"
	for _, tt := range []struct {
		line string
		want float64 // -1: blank
	}{
		{head + ",无行政事业性收费。", 0},
		{head + "、无行政事业性收费。", 0},
		{head + ",未收取行政事业性收费。", 0},
		{head + ",无行政事业性收费项目。", -1},
		{head + ",无行政事业性收费减免情况。", -1},
		{head + ",行政事业性收费12.5万元。", 12.5},
		{"2024年,我局无行政事业性收费标准调整。", -1},
	} {
		vals, _ := readNarrative([]Line{{N: 1, Text: tt.line}}, gongkai.Format2021, 2024, "示例市示例局")
		if got := numberOf(vals, "fees.amount_wan"); got != tt.want {
			t.Errorf("%s: fees.amount_wan %v, want %v", tt.line, got, tt.want)
		}
	}
}
