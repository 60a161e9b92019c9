package ingest

import (
	"strings"
	"testing"

	"gongkai"
)

// TestHandledAfterNewCarriedFirst checks a count handled right after the
// count received when a count carried in stands before both in the sentence
// ("上年结转2件,本年度收到申请10件,已办结2件", left from session 36): the 2 may
// be the new ones handled alone, the year's handled total unsaid. It was
// stored as apps.total 2. Now the rule after a count carried in holds here
// too: blank with a warning that names the order, unless the sentence's
// counts settle it (more than either count and no more than both, or the
// four counts balancing); 共, 全年 make it the year's whole; none carried in
// leaves nothing to mistake it for. Both readers, the pre-2019 one too.
func TestHandledAfterNewCarriedFirst(t *testing.T) {
	const head = "(二)依申请公开。"
	for _, format := range []string{gongkai.Format2021, gongkai.FormatPre2019} {
		for _, tt := range []struct {
			line string
			want float64 // -1: blank
			said string  // words of a finding on apps.total, "" for none
		}{
			{"上年结转2件,本年度收到申请10件,已办结2件。", -1, "紧接在本年收到的件数之后"},
			{"上年结转申请2件,本年度收到申请10件,已答复10件。", -1, "紧接在本年收到的件数之后"},
			{"上年结转2件,本年度新收政府信息公开申请10件,已办结9件。", -1, "紧接在本年收到的件数之后"},
			{"上年度结转2件,本年度受理申请10件,均已办结10件。", -1, "紧接在本年收到的件数之后"},
			// Settled: some of each, or the four counts balance.
			{"上年结转2件,本年度收到申请10件,已办结12件。", 12, ""},
			{"上年结转2件,本年度收到申请10件,已办结11件。", 11, ""},
			{"上年结转2件,本年度收到申请10件,已办结10件,结转下年2件。", 10, ""},
			// The year's whole in words, or none carried in.
			{"上年结转2件,本年度收到申请10件,共办结12件。", 12, ""},
			{"上年结转0件,本年度收到申请10件,已办结10件。", 10, ""},
			{"本年度收到申请10件,已办结10件。", 10, ""},
		} {
			year := 2024
			if format == gongkai.FormatPre2019 {
				year = 2016
			}
			vals, finds := readNarrative([]Line{{N: 1, Text: head + tt.line}}, format, year, "示例县某某局")
			if got := numberOf(vals, "apps.total"); got != tt.want {
				t.Errorf("%s %s: apps.total %v, want %v", format, tt.line, got, tt.want)
			}
			if tt.said != "" && !hasFinding(finds, "apps.total", tt.said) {
				t.Errorf("%s %s: no finding on apps.total saying %q: %+v", format, tt.line, tt.said, finds)
			}
			if tt.said == "" && namesMeasure(finds, "apps.total") {
				t.Errorf("%s %s: a finding on apps.total, want none: %+v", format, tt.line, finds)
			}
			if format != gongkai.FormatPre2019 {
				continue
			}
			// The reader of the old regime's words, alone on such pages
			// (its rules read 办结, not 答复).
			vals, finds = pre2019FromNarrative([]Line{{N: 1, Text: "二、依申请公开情况。" + tt.line}}, "示例县示例局")
			if got := numberOf(vals, "apps.total"); got != tt.want {
				t.Errorf("pre2019FromNarrative %s: apps.total %v, want %v", tt.line, got, tt.want)
			}
			if tt.said != "" && strings.Contains(tt.line, "办结") && !hasFinding(finds, "apps.total", tt.said) {
				t.Errorf("pre2019FromNarrative %s: no finding on apps.total saying %q: %+v", tt.line, tt.said, finds)
			}
		}
	}
}
