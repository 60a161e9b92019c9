package ingest

import (
	"testing"

	"gongkai/ingest/labels"
)

// TestRound27CollectionPiece checks the ordinal a site that collects
// reports sets before each ("第一篇:YYYY年示例市某局…年度报告", the shape of
// a real 2009 municipal bureau's report on such a site): it is no part of
// the agency's name, which was stored as "第一篇".
func TestRound27CollectionPiece(t *testing.T) {
	for _, tt := range []struct {
		line, want string
	}{
		{"第一篇:2009年示例市文化局政府信息公开年度报告", "示例市文化局"},
		{"第12篇：2009年示例市文化局政府信息公开年度报告", "示例市文化局"},
		{"篇2:示例县民政局2016年政府信息公开工作年度报告", "示例县民政局"},
		{"示例市文化局2009年政府信息公开年度报告", "示例市文化局"},
	} {
		if got, _ := labels.TitleMeta(tt.line, true); got != tt.want {
			t.Errorf("TitleMeta(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}
