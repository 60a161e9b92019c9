package ingest

import (
	"strings"
	"testing"

	"gongkai"
)

// TestRound24TitleYears checks round 24's years inside a document's title
// ("出台《某某行动实施方案(2025—2035年)》等行政规范性文件N件", the shape of a real
// 2025 national bureau's page): the title's years are the plan's, not the
// year the count is of, and the count, the year's issued, is read. A year
// named outside a title still sets the clause in that year.
func TestRound24TitleYears(t *testing.T) {
	for _, tt := range []struct {
		line    string
		measure string
		want    float64 // -1: blank
	}{
		{"全年主动公开政府信息45条,出台《示例行动实施方案(2025—2035年)》等行政规范性文件4件。", "normative_docs.issued", 4},
		{"印发《示例县2024年度工作要点》等规范性文件2件。", "normative_docs.issued", 2},
		{"依据《示例2019年办法》,全年共收到政府信息公开申请7件。", "apps.new", 7},
		// Another year named outside a title: that year's count.
		{"2024年出台行政规范性文件3件。", "normative_docs.issued", -1},
		{"出台《示例行动实施方案》等行政规范性文件3件,2024年出台2件。", "normative_docs.issued", 3},
	} {
		lines := []Line{{N: 1, Text: "主动公开政府信息情况。" + tt.line}}
		vals, _ := readNarrative(lines, gongkai.Format2021, 2025, "示例省某某管理局")
		if got := numberOf(vals, tt.measure); got != tt.want {
			t.Errorf("%s: %s %v, want %v", tt.line, tt.measure, got, tt.want)
		}
	}
}

// TestRound24UndatedOverview checks round 24's overview that opens on the
// organ with no year before it ("示例局坚持以…为指导,…依法、及时发布政府信息", the
// shape of a real 2025 national bureau's page, refused for want of a name):
// the organ is taken when the report names it again as the one doing its
// work, and the page stays refused when it does not, or when the name is
// only inside another's.
func TestRound24UndatedOverview(t *testing.T) {
	const head = "根据《中华人民共和国政府信息公开条例》第五十条规定,编制本年度报告。本报告中所列数据的统计期限自2025年1月1日起至12月31日止。\n一、总体情况\n"
	const first = "示例省某某管理局坚持以新思想为指导,按照政府信息公开要求,依法、及时发布政府信息。\n"
	for _, tt := range []struct {
		body string
		want string // "": refused for want of a name
	}{
		{first + "(一)主动公开情况。示例省某某管理局官方网站全年主动公开政府信息38条。\n", "示例省某某管理局"},
		{first + "(一)主动公开情况。2025年示例省某某管理局共主动公开政府信息38条。\n", "示例省某某管理局"},
		{first + "(一)主动公开情况。全年主动公开政府信息38条。\n", ""},
		{first + "(一)主动公开情况。示例市示例省某某管理局分局主动公开政府信息38条。\n", ""},
	} {
		r, err := Parse("p.txt", []byte(head+tt.body), Options{})
		got := ""
		if err == nil {
			got = r.Agency
		}
		if got != tt.want {
			t.Errorf("%q: agency %q (err %v), want %q", tt.body, got, err, tt.want)
		}
	}
}

// TestRound24NewAfterCarry checks round 24's count received followed by the
// count of the new ones ("共受理依申请公开事项N件,结转上年后新收到依申请公开事项M件",
// the shape of a real 2024 district's page): N was stored as the year's new
// and M as the carried in, both wrong. N may hold those carried in: blank,
// with a finding; M is not the carried in, nor is a sum of both. The outcome
// "“无法提供”N件" in quotation marks is said to be unsplit, as it is
// without them; it was passed over with no word. Probes of the same family:
// a count said to hold those carried in, their number unsaid ("N件(含上年
// 结转)"), was stored as the year's new. Session 34 (fixes): M, the new ones
// named with nothing else, is read, N's passing over still said; the sum of
// both ("上年结转及新收申请共N件") is said; 去年 on a line that names the year is
// the year before.
func TestRound24NewAfterCarry(t *testing.T) {
	const head = "(二)依申请公开情况。"
	for _, tt := range []struct {
		line          string
		fresh, carry  float64 // -1: blank
		findingNew    bool    // a finding on apps.new
		findingSaying string  // a finding whose message holds this ("": none wanted)
	}{
		{"2024年共受理依申请公开事项59件,结转上年后新收到依申请公开事项47件,较上一年度增加42件。", 47, -1, true, "按后者填入"},
		{"2024年共受理申请20件,其中新收到18件。", 18, -1, true, "按后者填入"},
		{"2024年共受理申请20件,新收到申请18件。", 18, -1, true, "按后者填入"},
		{"2024年上年结转及新收申请共5件。", -1, -1, true, "合在一起"},
		{"2024年新收到申请10件,结转上年2件。", 10, 2, false, ""},
		{"2024年共收到申请12件,其中新收12件,上年结转0件。", 12, 0, false, ""},
		{"2024年共收到申请9件。“不予公开”2件,占22%;“无法提供”3件,占33%。", 9, -1, false, "只写“无法提供”"},
		// Probes of the same family: said to hold those carried in, their
		// number unsaid.
		{"2024年共收到政府信息公开申请59件(含上年结转)。", -1, -1, true, ""},
		{"2024年共收到政府信息公开申请59件,包括上年结转的申请。", -1, -1, true, ""},
		{"2024年共收到政府信息公开申请59件,上年结转2件。", 59, 2, false, ""},
		{"2024年共收到政府信息公开申请20件,其中去年结转3件。", -1, 3, true, ""},
		{"2024年受理政府信息公开申请20件(其中往年结转3件)。", -1, -1, true, ""},
	} {
		lines := []Line{{N: 1, Text: head + tt.line}}
		vals, finds := readNarrative(lines, gongkai.Format2021, 2024, "示例区某某局")
		if got := numberOf(vals, "apps.new"); got != tt.fresh {
			t.Errorf("%s: apps.new %v, want %v", tt.line, got, tt.fresh)
		}
		if got := numberOf(vals, "apps.carried_in"); got != tt.carry {
			t.Errorf("%s: apps.carried_in %v, want %v", tt.line, got, tt.carry)
		}
		onNew, saying := false, false
		for _, f := range finds {
			onNew = onNew || f.Measure == "apps.new"
			saying = saying || tt.findingSaying != "" && strings.Contains(f.Message, tt.findingSaying)
		}
		if onNew != tt.findingNew {
			t.Errorf("%s: finding on apps.new %v, want %v (%v)", tt.line, onNew, tt.findingNew, finds)
		}
		if tt.findingSaying != "" && !saying {
			t.Errorf("%s: no finding saying %q (%v)", tt.line, tt.findingSaying, finds)
		}
	}
}
