package ingest

import (
	"strings"
	"testing"

	"gongkai"
)

// TestHandledBalance holds that a count handled up to a date ("截至12月底已
// 回复N件") and a count in progress on a line naming the year before ("K件
// 正在办理中") are read only when the sentence's four counts balance
// (received + carried in = handled + in progress), and are otherwise blank
// with a warning that says why. Before, both were blank with no word after
// a list of ways of applying, and the first was said to be the whole area's
// elsewhere. Figures invented.
func TestHandledBalance(t *testing.T) {
	const head = "(二)依申请公开情况。"
	for _, tt := range []struct {
		body               string
		handled, carried   float64 // -1: blank
		handledW, carriedW bool    // a finding names apps.total / apps.carried_out
	}{
		// The ways of applying and their total, then the other three.
		{"2024年,我区共收到群众网上申请58件,信函申请6件,合计64件,上年结转5件,截至12月底已回复61件,8件正在办理中。", 61, 8, false, false},
		{"2024年,我区共收到群众网上申请58件,快递6件,合计64件,上年结转5件,截至2024年12月31日,已答复61件,正在办理8件。", 61, 8, false, false},
		{"2024年共收到政府信息公开申请64件,上年无结转,截至年底已办结56件,8件正在办理中。", 56, 8, false, false},
		// They do not add up: which one is wrong is not said.
		{"2024年,我区共收到群众网上申请58件,信函申请6件,合计64件,上年结转5件,截至12月底已回复60件,8件正在办理中。", -1, -1, true, true},
		// No count in progress, or none carried in said: nothing balances
		// (the count in progress after the date is said to be so far, as
		// before).
		{"2024年,我区共收到群众网上申请58件,信函申请6件,合计64件,上年结转5件,截至12月底已回复61件。", -1, -1, true, false},
		{"2024年,我区共收到群众网上申请58件,信函申请6件,合计64件,截至12月底已回复56件,8件正在办理中。", -1, -1, true, true},
		// Not up to a date: read as before, and the count in progress
		// too once the four balance.
		{"2024年共收到政府信息公开申请12件,上年结转1件,已答复11件,2件正在办理中。", 11, 2, false, false},
		{"2024年共收到政府信息公开申请12件,已答复10件,2件正在办理中。", 10, 2, false, false},
		// A review's counts are not applications': not balanced (the
		// sentence reader's warnings, as before).
		{"2024年共收到政府信息公开申请12件。行政复议14件,截至12月底已办结12件,2件正在办理中。", -1, -1, true, true},
	} {
		vals, finds := readNarrative([]Line{{N: 1, Text: head + tt.body}}, gongkai.Format2021, 2024, "示例市示例区人民政府")
		h, c := numberOf(vals, "apps.total"), numberOf(vals, "apps.carried_out")
		hw, cw := namesMeasure(finds, "apps.total"), namesMeasure(finds, "apps.carried_out")
		if h != tt.handled || c != tt.carried || hw != tt.handledW || cw != tt.carriedW {
			t.Errorf("%s: handled %v (warned %v), carried out %v (warned %v); want %v (%v), %v (%v)",
				tt.body, h, hw, c, cw, tt.handled, tt.handledW, tt.carried, tt.carriedW)
		}
	}
}

// TestUpToDateReason holds that a count passed over for a date it is given
// up to ("截至12月底已答复N件") says so, and not that it is the whole area's,
// which it said when the sentence named the year's span (全年). Figures
// invented.
func TestUpToDateReason(t *testing.T) {
	const head = "(二)依申请公开情况。"
	for _, tt := range []struct {
		body, measure string
		reason        string // a word the finding must hold
	}{
		{"全年共收到政府信息公开申请12件,截至12月底已答复11件。", "apps.total", "截至"},
		{"截至2024年12月31日本年度共受理政府信息公开申请21件。", "apps.new", "截至"},
		{"全年共收到政府信息公开申请12件。截至12月底已答复11件。", "apps.total", "截至"},
		// The whole area named: its reason stays.
		{"全县共收到政府信息公开申请12件。", "apps.new", "全辖区"},
		{"全年共收到政府信息公开申请12件,截至12月底全县已答复11件。", "apps.total", "全辖区"},
	} {
		_, finds := readNarrative([]Line{{N: 1, Text: head + tt.body}}, gongkai.Format2021, 2024, "示例县某局")
		msg := ""
		for _, f := range finds {
			if f.Measure == tt.measure {
				msg = f.Message
			}
		}
		if !strings.Contains(msg, tt.reason) || tt.reason == "截至" && strings.Contains(msg, "全辖区") {
			t.Errorf("%s: %s's finding %q, want one that says %s", tt.body, tt.measure, msg, tt.reason)
		}
	}
}

