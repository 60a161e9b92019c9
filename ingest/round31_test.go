package ingest

import (
	"strings"
	"testing"
)

// TestRound31ZoneLed checks a name led by a generic zone word with no place
// before it ("高新区社会发展局", the shape of a real 2022 zone bureau's title,
// fixture identity-2022-zone-led-name): every city with a 高新区 has one,
// and the name was stored as the agency with no word. A zone its place
// names ("东湖高新区…", "石嘴山高新区…"), a township named 新区镇 (the
// township rules' to judge) and the word alone are not led by one.
func TestRound31ZoneLed(t *testing.T) {
	for name, want := range map[string]string{
		"高新区社会发展局":       "高新区",
		"经开区财政局":         "经开区",
		"高新技术产业开发区管理委员会": "高新技术产业开发区",
		"经济技术开发区经济发展局":   "经济技术开发区",
		"新区管委会":          "新区",
		"东湖高新区社会发展局":     "",
		"石嘴山市高新区社会发展局":   "",
		"运城经济技术开发区管理委员会": "",
		"高新区":      "",
		"示例县卫生健康局": "",
	} {
		got, ok := zoneLed(name)
		if got != want || ok != (want != "") {
			t.Errorf("zoneLed(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
}

// TestRound31ZoneCompleted checks that a zone-led name the body writes after
// one city (a real division region.Derive knows), in a mention that is the
// report's own (a title, heading or signature line, the organ naming itself
// or as the report's maker), is completed with a warning, and that two
// different places, none, or only another's mention ("我局赴杭州市高新区…
// 学习交流", review's LOW on 71069f8) refuse the page.
func TestRound31ZoneCompleted(t *testing.T) {
	const title = "高新区示例发展局2022年政府信息公开工作年度报告\n一、总体情况\n"
	for _, tt := range []struct {
		body, agency, err string
	}{
		{"本报告由石嘴山市高新区示例发展局编制。2022年,我局未收到政府信息公开申请。\n", "石嘴山市高新区示例发展局", ""},
		{"2022年,我局在高新区官网公开信息85条,未收到政府信息公开申请。\n", "", "只写了“高新区”"},
		// Another zone's organ beside the report's own maker is another's:
		// the maker's place completes the name. Two own places refuse.
		{"本报告由石嘴山市高新区示例发展局编制,银川市高新区示例发展局另报。2022年,我局未收到政府信息公开申请。\n", "石嘴山市高新区示例发展局", ""},
		{"本报告由石嘴山市高新区示例发展局编制。2022年,我局未收到政府信息公开申请。\n银川市高新区示例发展局\n", "", "只写了“高新区”"},
		// Review's probe: the one place written before the name is of
		// another zone's organ the bureau visited; it was completed as
		// 杭州市高新区示例发展局 with a warning only.
		{"2022年,我局赴杭州市高新区示例发展局学习交流。2022年,我局未收到政府信息公开申请。\n", "", "不是本机关的自称"},
		{"2022年,我局与杭州市高新区示例发展局开展交流,未收到政府信息公开申请。\n", "", "不是本机关的自称"},
		// The report's own mentions: a signature line, the organ naming
		// itself, a heading; another's beside them completes nothing.
		{"2022年,我局赴银川市高新区示例发展局学习交流,未收到政府信息公开申请。\n石嘴山市高新区示例发展局\n2023年1月20日\n", "石嘴山市高新区示例发展局", ""},
		{"我局(石嘴山市高新区示例发展局)2022年未收到政府信息公开申请。\n", "石嘴山市高新区示例发展局", ""},
		{"二、石嘴山市高新区示例发展局依申请公开情况\n2022年,我局未收到政府信息公开申请。\n", "石嘴山市高新区示例发展局", ""},
		{"石嘴山市高新区示例发展局编制本报告。2022年,我局未收到政府信息公开申请。\n", "石嘴山市高新区示例发展局", ""},
	} {
		r, err := Parse("p.txt", []byte(title+tt.body), Options{})
		switch {
		case tt.err != "":
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: err %v, want one saying %q", tt.body, err, tt.err)
			}
		case err != nil:
			t.Errorf("%s: %v", tt.body, err)
		case r.Agency != tt.agency:
			t.Errorf("%s: agency %q, want %q", tt.body, r.Agency, tt.agency)
		default:
			warned := false
			for _, f := range r.Findings {
				warned = warned || f.Rule == "agency" && strings.Contains(f.Message, "按正文补全")
			}
			if !warned {
				t.Errorf("%s: no warning that the name was completed", tt.body)
			}
		}
	}
}

// TestRound31PartYearLead checks a count, or a none, after a clause that is
// a time alone naming part of the year ("2022年1-6月,我局收到…5件", found by
// probing the shape of a real 2018 county bureau's page, "2018年1月至今,通过
// 政府门户网站主动公开信息256条", fixture narrative-2022-half-year-lead):
// blank, with a word; before, each was stored as the year's with no word,
// where the same months in the count's own clause were passed over (round
// 30). From January to the day of writing ("1月至今", "1月以来", "1月起")
// is part of the year too, set off or in its own clause: 至今 is the day the
// report was written, before the year's end or in the next year (8e3caf7
// read it as the year's, review's LOW); a month span in the count's own
// clause is said to be blank (it was blank with no word). The year's whole
// span ("1月1日至12月31日", "1月至年底"), a month named after the first
// count, and a month in a clause that is no time alone read as before.
func TestRound31PartYearLead(t *testing.T) {
	for _, tt := range []struct {
		line, measure string
		want          float64 // -1: blank
		finding       bool
	}{
		{"(一)主动公开政府信息的数量:2022年1月至今,通过政府门户网站主动公开信息256条。", "narrative.proactive_items", -1, true},
		{"2022年1月至今共收到政府信息公开申请5件。", "apps.new", -1, true},
		{"2022年1月以来,我局共收到政府信息公开申请5件。", "apps.new", -1, true},
		{"2022年1月起,我局收到政府信息公开申请5件。", "apps.new", -1, true},
		{"2022年1月1日至今,我局收到政府信息公开申请5件。", "apps.new", -1, true},
		{"2022年1-6月收到政府信息公开申请5件。", "apps.new", -1, true},
		{"2022年1月起至12月31日,我局收到政府信息公开申请5件。", "apps.new", 5, false},
		{"2022年1月至年底共收到政府信息公开申请5件。", "apps.new", 5, false},
		{"2022年1-6月,我局收到政府信息公开申请5件,办结5件。", "apps.new", -1, true},
		{"2022年1-6月,我局收到政府信息公开申请5件,办结5件。", "apps.total", -1, true},
		{"2022年1-6月,我局未收到政府信息公开申请。", "apps.new", -1, true},
		{"自2022年7月以来,我局收到政府信息公开申请5件。", "apps.new", -1, true},
		{"2022年3月起,我局主动公开信息256条。", "narrative.proactive_items", -1, true},
		{"2022年1月1日至12月31日,我局收到政府信息公开申请5件,办结5件。", "apps.new", 5, false},
		{"2022年1-12月,我局收到政府信息公开申请5件。", "apps.new", 5, false},
		{"2022年,我局收到政府信息公开申请12件,其中1-6月收到5件,办结12件。", "apps.total", 12, false},
		{"2022年,我局于6月修订了指南,全年收到政府信息公开申请5件。", "apps.new", 5, false},
	} {
		vals, fs := readNarrative([]Line{{N: 1, Text: tt.line}}, "2021", 2022, "示例县示例局")
		if got := numberOf(vals, tt.measure); got != tt.want {
			t.Errorf("%s: %s = %v, want %v", tt.line, tt.measure, got, tt.want)
		}
		found := false
		for _, f := range fs {
			found = found || f.Measure == tt.measure && strings.Contains(f.Message, "一部分月份")
		}
		if found != tt.finding {
			t.Errorf("%s: a part-of-year finding on %s %v, want %v", tt.line, tt.measure, found, tt.finding)
		}
	}
}

// TestRound31PathYearAboveTitle checks a site's path that names a year above
// a title of another ("…政府信息公开年报>2023年>部门公开年报" over "示例县
// 示例局2022年政府信息公开工作年度报告", found by probing the shape of a real
// 2023 street's page, fixture identity-2022-path-year-above-title): the
// title's year, with a warning; the path's was taken, the report filed
// under 2023 and its "2022年" figures passed over with no word. A path of
// the title's own year, or a title that names no agency, leaves it as it was.
func TestRound31PathYearAboveTitle(t *testing.T) {
	const path = "当前位置: 首页>政府信息公开>政府信息公开年报>2023年>部门公开年报\n\n"
	const body = "一、总体情况\n2022年,我局主动公开政府信息50条,未收到政府信息公开申请。\n"
	for _, tt := range []struct {
		title   string
		year    int
		warned  bool
		figures int
	}{
		{"示例县示例局2022年政府信息公开工作年度报告\n", 2022, true, 2},
		{"示例县示例局2023年政府信息公开工作年度报告\n", 2023, false, 0},
	} {
		r, err := Parse("p.txt", []byte(path+tt.title+body), Options{})
		if err != nil {
			t.Fatalf("%s: %v", tt.title, err)
		}
		warned := false
		for _, f := range r.Findings {
			warned = warned || f.Rule == "period" && strings.Contains(f.Message, "按标题读作")
		}
		n := 0
		for _, v := range r.Values {
			if v.Number != nil {
				n++
			}
		}
		if r.Year != tt.year || warned != tt.warned || n != tt.figures {
			t.Errorf("%s: year %d, warned %v, %d figures; want %d, %v, %d", tt.title, r.Year, warned, n, tt.year, tt.warned, tt.figures)
		}
	}
	if _, ok := titleYearBelow([]Line{{N: 3, Text: "2022年政府信息公开工作年度报告"}}, Line{N: 1, Text: "年报>2023年>部门公开年报"}, 2023); ok {
		t.Error("a title naming no agency overrode the path's year")
	}
}
