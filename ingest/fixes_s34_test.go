package ingest

import (
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
