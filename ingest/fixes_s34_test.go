package ingest

import (
	"strings"
	"testing"

	"gongkai"
)

// TestApplicantSide checks a count or a none of applications that names its
// applicants on one side only ("全年未收到公民申请公开要求", held out of round
// 24, a real 2022 bureau's page): citizens or persons alone, or
// organisations alone, leave the other side's applications unsaid, so the
// count received is blank with a warning. It was stored (0, or the count).
// Both sides named, the public (群众), the other side's none on the same
// line, or a person's word that names what is asked for ("个人信息") give the
// count as before.
func TestApplicantSide(t *testing.T) {
	const head = "(二)依申请公开情况。"
	for _, tt := range []struct {
		line string
		want float64 // -1: blank, with the finding
	}{
		{"全年未收到公民申请公开要求。", -1},
		{"本年度没有公民提出政府信息公开申请。", -1},
		{"本年度未收到企业提出的政府信息公开申请。", -1},
		{"全年收到公民申请3件。", -1},
		{"全年共收到个人提出的政府信息公开申请4件。", -1},
		{"全年收到社会公益组织提出的政府信息公开申请2件。", -1},
		// The whole count.
		{"全年未收到公民、法人或其他组织提出的政府信息公开申请。", 0},
		{"本年度未收到任何单位和个人提出的政府信息公开申请。", 0},
		{"本年度没有接到群众主动要求公开政府信息的申请。", 0},
		{"全年未收到公民提出的政府信息公开申请,也未收到法人或其他组织提出的申请。", 0},
		{"本年度未收到政府信息公开申请。", 0},
		{"全年共接收公民、法人及其他组织政府信息公开申请17件。", 17},
		{"2024年,我单位收到群众依申请公开申请2件。", 2},
		{"全年收到社会公众提出的政府信息公开申请5件。", 5},
		{"全年收到查询个人信息的政府信息公开申请3件。", 3},
	} {
		vals, finds := readNarrative([]Line{{N: 1, Text: head + tt.line}}, gongkai.Format2021, 2024, "示例县某某局")
		got := numberOf(vals, "apps.new")
		if got != tt.want {
			t.Errorf("%s: apps.new %v, want %v", tt.line, got, tt.want)
		}
		if said := hasFinding(finds, "apps.new", "一类申请人"); said != (tt.want == -1) {
			t.Errorf("%s: finding of one side %v, want %v", tt.line, said, tt.want == -1)
		}
	}
}

// TestNewCountAfterReceived checks counts of the new applications that a
// careful reading makes certain, and those it does not. "共受理申请N件,其中新
// 收到M件" and "共受理…N件,结转上年后新收到…M件" (the shape of a real 2024
// district's page) give M, the year's new, which was blank; "共受理申请N件。其中
// 新收到M件" stored N. "结转上年后新收到…M件" alone was blank with no word. "上年
// 结转及新收申请共N件" (both together, no row of table 三) was silent: now said,
// and read as N less the count carried in when the sentence gives it. "去年
// 结转K件" was silent: read as carried in when the line names the year or
// 本年, else said (去年 may be the report's year, written a year on).
func TestNewCountAfterReceived(t *testing.T) {
	const head = "(二)依申请公开情况。"
	for _, tt := range []struct {
		line         string
		fresh, carry float64 // -1: blank
		findingNew   string  // words of a finding on apps.new ("": none)
		findingCarry string  // words of a finding on apps.carried_in ("": none)
	}{
		{"2024年共受理申请34件,其中新收到29件。", 29, -1, "按后者填入", ""},
		{"2024年共受理依申请公开事项34件,结转上年后新收到依申请公开事项29件。", 29, -1, "按后者填入", ""},
		{"2024年共受理申请34件。其中新收到29件。", 29, -1, "按后者填入", ""},
		{"2024年共受理申请34件,其中新收到29件,上年结转5件。", 29, 5, "按后者填入", ""},
		{"结转上年后新收到依申请公开事项29件。", 29, -1, "", ""},
		// Not the whole count new: one way's, more than N, the whole area's.
		{"2024年共受理申请34件,其中新收到网上申请29件。", -1, -1, "可能含上年结转", ""},
		{"2024年共受理申请34件,其中新收到40件。", -1, -1, "可能含上年结转", ""},
		{"全县共受理申请34件,其中新收到29件。", -1, -1, "全辖区", ""},
		// Both together.
		{"上年结转及新收申请共12件。", -1, -1, "合在一起", ""},
		{"上年结转及新收申请共12件,其中上年结转2件。", 10, 2, "", ""},
		// Review s34's probes: the new ones said apart, and a count of
		// those carried in that were handled, are no ground for N less K.
		{"上年结转及新收申请共12件,其中上年结转2件,本年新收9件。", -1, 2, "合在一起", ""},
		{"上年结转及新收申请共12件,其中上年结转申请已办结2件。", -1, -1, "合在一起", "已办结"},
		{"上年结转申请已办结2件。", -1, -1, "", "已办结"},
		{"上年结转未办结的申请3件。", -1, 3, "", ""},
		// 去年.
		{"去年结转3件。", -1, -1, "", "去年"},
		{"本年收到申请10件,去年结转3件。", 10, 3, "", ""},
	} {
		vals, finds := readNarrative([]Line{{N: 1, Text: head + tt.line}}, gongkai.Format2021, 2024, "示例县某某局")
		if got := numberOf(vals, "apps.new"); got != tt.fresh {
			t.Errorf("%s: apps.new %v, want %v", tt.line, got, tt.fresh)
		}
		if got := numberOf(vals, "apps.carried_in"); got != tt.carry {
			t.Errorf("%s: apps.carried_in %v, want %v", tt.line, got, tt.carry)
		}
		for _, c := range []struct{ measure, words string }{{"apps.new", tt.findingNew}, {"apps.carried_in", tt.findingCarry}} {
			if c.words == "" {
				if hasFinding(finds, c.measure, "") {
					t.Errorf("%s: a finding on %s, want none: %+v", tt.line, c.measure, finds)
				}
			} else if !hasFinding(finds, c.measure, c.words) {
				t.Errorf("%s: no finding on %s saying %q: %+v", tt.line, c.measure, c.words, finds)
			}
		}
	}
}

// TestReceivedHolds checks what the reader beside the tables (narrativeExtras)
// learns of a count received from its sentence: followed by the new ones'
// count, that count is read; followed by a count carried in among it, it is
// passed over. Both were stored as narrative.apps_received and set against
// table 三's count new as a contradiction.
func TestReceivedHolds(t *testing.T) {
	for _, tt := range []struct {
		line  string
		bad   bool
		fresh float64 // -1: none read
	}{
		{"本年度共受理政府信息公开申请16件，其中新收到13件，均已按时答复。", true, 13},
		{"本年度共受理政府信息公开申请16件，其中新收到网上申请13件。", true, -1},
		{"本年度共收到政府信息公开申请15件，其中上年结转2件。", true, -1},
		{"本年度共收到政府信息公开申请15件(含上年结转)。", true, -1},
		{"本年度共收到政府信息公开申请15件，上年结转2件。", false, -1},
		{"本年度共收到政府信息公开申请15件，均已按时答复。", false, -1},
	} {
		at := strings.Index(tt.line, "1")
		bad, fresh, read := receivedHolds(tt.line, at)
		if (bad != nil) != tt.bad {
			t.Errorf("%s: bad %v, want %v", tt.line, bad, tt.bad)
		}
		if got := map[bool]float64{true: fresh, false: -1}[read]; got != tt.fresh {
			t.Errorf("%s: read %v, want %v", tt.line, got, tt.fresh)
		}
	}
}
