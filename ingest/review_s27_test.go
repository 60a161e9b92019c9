package ingest

import (
	"testing"

	"gongkai"
)

// TestPendingNotOfApplications checks that "尚未办结" after a review is read
// as the review's pending count only when the sentence counts no
// applications before the review (review s27 of 91845c7: "收到申请10件,办结8件,
// 行政复议1件,尚未办结2件" stored review.pending 2 beside review.total 1).
func TestPendingNotOfApplications(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // -1: blank
	}{
		{"(四)复议诉讼。本年度因政府信息公开收到申请10件,办结8件,行政复议1件,尚未办结2件。", -1},
		{"(四)复议诉讼。本年度受理政府信息公开申请10件,均已答复,行政复议1件,尚未办结1件。", -1},
		// The review's own, as the rule reads them.
		{"(四)复议诉讼。全年因政府信息公开共收到行政复议1件,维持结果1件,尚未办结0件。", 0},
		{"(四)复议诉讼。本年度因政府信息公开被申请行政复议2件,维持1件,尚未办结1件。", 1},
		{"(四)复议诉讼。本年度因政府信息公开行政复议1件,尚未办结1件。", 1},
	} {
		vals, _ := readNarrative([]Line{{N: 1, Text: tt.line}}, gongkai.Format2021, 2025, "示例市示例局")
		got := numberOf(vals, "review.pending")
		if got != tt.want {
			t.Errorf("%s: review.pending %v, want %v", tt.line, got, tt.want)
		}
	}
}
