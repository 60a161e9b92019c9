package ingest

import (
	"testing"

	"gongkai"
)

// TestRound22PartsAnswered checks round 22's shape of the count answered
// after a 其中 standing alone as a clause ("…。其中,答复依申请公开政府信息
// K件,…"): a part of the applications before, as "其中K件已答复" is. It was
// passed over with no word, or, when the count received came before 其中 in
// the same sentence, stored as the year's count handled.
func TestRound22PartsAnswered(t *testing.T) {
	const head = "(二)依申请公开情况。"
	for _, tt := range []struct {
		line    string
		measure string
		want    float64 // -1: blank
		warned  bool    // a finding names the measure
	}{
		{"新收到依申请公开政府信息40件,结转上年度办理2件。其中,答复依申请公开政府信息37件,均在法定期限内予以答复,结转下年度继续办理2件。", "apps.total", -1, true},
		{"新收到依申请公开政府信息40件,结转上年度办理2件。其中,答复依申请公开政府信息37件,均在法定期限内予以答复,结转下年度继续办理2件。", "apps.new", 40, false},
		{"新收到依申请公开政府信息40件,结转上年度办理2件。其中,答复依申请公开政府信息37件,均在法定期限内予以答复,结转下年度继续办理2件。", "apps.carried_out", 2, false},
		{"新收到依申请公开政府信息40件。其中答复依申请公开政府信息37件。", "apps.total", -1, true},
		{"新收到依申请公开政府信息40件,其中,答复依申请公开政府信息37件。", "apps.total", -1, true},
		{"新收到依申请公开政府信息40件。其中,已答复37件。", "apps.total", -1, true},
		// Not after 其中: the count answered, as before.
		{"新收到依申请公开政府信息40件,上年结转2件,答复依申请公开政府信息40件,结转下年度继续办理2件。", "apps.total", 40, false},
		// Parts that are no count handled stay as they were.
		{"新收到依申请公开政府信息40件,其中,予以公开25件。", "apps.granted", 25, false},
		{"全年共收到申请10件,其中,网上申请6件。", "apps.new", 10, false},
	} {
		lines := []Line{{N: 1, Text: head + tt.line}}
		vals, finds := readNarrative(lines, gongkai.Format2021, 2025, "示例区政府办公室")
		got := numberOf(vals, tt.measure)
		warned := namesMeasure(finds, tt.measure)
		if got != tt.want || warned != tt.warned {
			t.Errorf("%s: %s %v (warned %v), want %v (warned %v)", tt.line, tt.measure, got, warned, tt.want, tt.warned)
		}
	}
}

// TestRound22HadCount checks round 22's count of "依申请公开信息" with no verb,
// the count before the noun ("2025年度有1件依申请公开信息"): applications
// received, or items given on application, the words do not say. It was
// passed over with no word; it is blank with errUnsaid's warning.
func TestRound22HadCount(t *testing.T) {
	const head = "(二)依申请公开情况。"
	for _, tt := range []struct {
		line   string
		warned bool
	}{
		{"2025年度有1件依申请公开信息。", true},
		{"本年共有3件依申请公开事项。", true},
		{"2025年度有2件依申请公开的政府信息。", true},
		// A verb of receiving says received, and is read.
		{"2025年度收到1件依申请公开申请。", false},
	} {
		lines := []Line{{N: 1, Text: head + tt.line}}
		vals, finds := readNarrative(lines, gongkai.Format2021, 2025, "示例市卫生健康委员会")
		if tt.warned && (numberOf(vals, "apps.new") != -1 || !namesMeasure(finds, "apps.new")) {
			t.Errorf("%s: apps.new %v (warned %v), want blank, warned", tt.line, numberOf(vals, "apps.new"), namesMeasure(finds, "apps.new"))
		}
		if !tt.warned && numberOf(vals, "apps.new") == -1 {
			t.Errorf("%s: apps.new blank, want read", tt.line)
		}
	}
}

// TestRound22LevelCount checks round 22's count of one level's organs
// ("YYYY年度区本级主动公开信息N条" in a district office's report): the level's
// government and its departments, not the reporting organ alone. It was
// stored as the office's own count; it is blank with errLevel's warning, and
// the level's none is the organ's, as the whole area's is.
func TestRound22LevelCount(t *testing.T) {
	const head = "(一)主动公开情况。"
	for _, tt := range []struct {
		agency  string
		line    string
		measure string
		want    float64 // -1: blank
		warned  bool
	}{
		{"示例区人民政府办公室", "2025年度区本级主动公开信息1830条。", "narrative.proactive_items", -1, true},
		{"示例区人民政府", "2025年度区本级主动公开信息1830条。", "narrative.proactive_items", -1, true},
		{"示例县人民政府办公室", "2025年,县本级共收到政府信息公开申请42件。", "apps.new", -1, true},
		{"示例县人民政府办公室", "2025年,县本级未收到政府信息公开申请。", "apps.new", 0, false},
		// The organ's own level ("局本级") is no area's, and the organ's own
		// count stays read.
		{"示例区人民政府办公室", "2025年度区政府办公室主动公开信息530条。", "narrative.proactive_items", 530, false},
	} {
		lines := []Line{{N: 1, Text: head + tt.line}}
		vals, finds := readNarrative(lines, gongkai.Format2021, 2025, tt.agency)
		got := numberOf(vals, tt.measure)
		warned := namesMeasure(finds, tt.measure)
		if got != tt.want || warned != tt.warned {
			t.Errorf("%s (%s): %s %v (warned %v), want %v (warned %v)", tt.line, tt.agency, tt.measure, got, warned, tt.want, tt.warned)
		}
	}
}
