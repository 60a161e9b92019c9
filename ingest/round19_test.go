package ingest

import (
	"testing"

	"gongkai"
)

// TestRound19SampleSaysWhyBlank checks the shapes of round 19's real pages
// (2019-2025 street offices and bureaus) whose counts were blank with no
// word: each is now read where the words are certain, or blank with a
// warning that names the measure.
func TestRound19SampleSaysWhyBlank(t *testing.T) {
	for _, tt := range []struct {
		line, measure string
		want          float64 // -1: blank
		warned        bool    // a finding names the measure
	}{
		// Every application received handled, said with a bare 办结: those
		// carried in and handled are not said.
		{"(二)依申请公开情况。全年共收到政府信息公开申请3件,已按规定时限和程序办结,未发生因信息公开申请引发的行政复议或行政诉讼。", "apps.total", -1, true},
		{"(二)依申请公开情况。2025年依申请公开共受理4件,为信函申请,按时办结,完成率100%。", "apps.total", -1, true},
		{"(二)依申请公开情况。2025年依申请公开共受理4件,已办结。", "apps.total", -1, true},
		// None carried in: the count handled is the count received.
		{"(二)依申请公开情况。全年共收到政府信息公开申请3件,无上年度结转,已按规定时限和程序办结。", "apps.total", 3, false},
		// A count of its own stays what it was.
		{"(二)依申请公开情况。全年共收到政府信息公开申请3件,已办结2件。", "apps.total", 2, false},
		{"(二)依申请公开情况。全年共收到政府信息公开申请3件,按时办结2件。", "apps.total", -1, true},
		// Not every application: a part, or not handled.
		{"(二)依申请公开情况。全年共收到政府信息公开申请3件,其中2件已办结。", "apps.total", -1, true},
		{"(二)依申请公开情况。全年共收到政府信息公开申请3件,尚未办结。", "apps.total", -1, false},
		// None by letter: one way's none.
		{"(二)依申请公开工作情况。2025 年,全年未收到依申请公开来信,无意见投诉情况。", "apps.new", -1, true},
		{"(二)依申请公开工作情况。2025年未收到信息公开申请来信。", "apps.new", -1, true},
		{"(二)依申请公开工作情况。2025年未收到依申请公开申请。", "apps.new", 0, false},
		{"(二)依申请公开工作情况。2025年未收到群众来信。", "apps.new", -1, false},
	} {
		vals, finds := readNarrative([]Line{{N: 1, Text: tt.line}}, gongkai.Format2021, 2025, "示例市示例局")
		got := -1.0
		for _, v := range vals {
			if v.Measure == tt.measure && v.Number != nil {
				got = *v.Number
			}
		}
		warned := false
		for _, f := range finds {
			warned = warned || f.Measure == tt.measure
		}
		if got != tt.want || warned != tt.warned {
			t.Errorf("%s: %s %v (warned %v), want %v (warned %v)", tt.line, tt.measure, got, warned, tt.want, tt.warned)
		}
	}
}
