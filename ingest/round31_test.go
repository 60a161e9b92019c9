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
// one city (a real division region.Derive knows) is completed with a
// warning, and that two different places, or none, refuse the page.
func TestRound31ZoneCompleted(t *testing.T) {
	const title = "高新区示例发展局2022年政府信息公开工作年度报告\n一、总体情况\n"
	for _, tt := range []struct {
		body, agency, err string
	}{
		{"本报告由石嘴山市高新区示例发展局编制。2022年,我局未收到政府信息公开申请。\n", "石嘴山市高新区示例发展局", ""},
		{"2022年,我局在高新区官网公开信息85条,未收到政府信息公开申请。\n", "", "只写了“高新区”"},
		{"本报告由石嘴山市高新区示例发展局编制,银川市高新区示例发展局另报。2022年,我局未收到政府信息公开申请。\n", "", "只写了“高新区”"},
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
