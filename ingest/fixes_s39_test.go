package ingest

import (
	"testing"

	"gongkai"
)

// TestAnsweredNoCount checks a count received followed by 已 and the verb of
// answering alone ("收到申请10件,已按时答复", left from session 38): the count
// handled was blank with no word in both narrative readers, where "均已办结"
// is said. It is said now, as every received answered with those carried in
// unsaid, and read where none was carried in.
func TestAnsweredNoCount(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // -1: blank, with a finding on apps.total
	}{
		{"本年度收到申请10件,已按时答复。", -1},
		{"本年度收到申请10件,已答复。", -1},
		{"本年度共受理政府信息公开申请2件,已依法作出答复。", -1},
		{"本年度收到申请3件,已按时办理答复。", -1},
		{"本年度收到申请10件,已及时回复。", -1},
		{"本年度收到申请10件,无上年结转,已按时答复。", 10},
	} {
		for _, format := range []string{gongkai.Format2021, gongkai.FormatPre2019} {
			vals, finds := readNarrative([]Line{{N: 1, Text: "(二)依申请公开。" + tt.line}}, format, 2024, "示例县某某局")
			if got := numberOf(vals, "apps.total"); got != tt.want {
				t.Errorf("%s %s: apps.total %v, want %v", format, tt.line, got, tt.want)
			}
			if said := namesMeasure(finds, "apps.total"); said != (tt.want == -1) {
				t.Errorf("%s %s: a finding on apps.total %v, want %v: %+v", format, tt.line, said, tt.want == -1, finds)
			}
		}
	}
}
