package ingest

import (
	"testing"

	"gongkai"
)

// TestRound24TitleYears checks round 24's years inside a document's title
// ("出台《某某行动实施方案(2025—2035年)》等行政规范性文件N件", the shape of a real
// 2025 national bureau's page): the title's years are the plan's, not the
// year the count is of, and the count, the year's issued, is read. A year
// named outside a title still sets the clause in that year.
func TestRound24TitleYears(t *testing.T) {
	for _, tt := range []struct {
		line    string
		measure string
		want    float64 // -1: blank
	}{
		{"全年主动公开政府信息45条,出台《示例行动实施方案(2025—2035年)》等行政规范性文件4件。", "normative_docs.issued", 4},
		{"印发《示例县2024年度工作要点》等规范性文件2件。", "normative_docs.issued", 2},
		{"依据《示例2019年办法》,全年共收到政府信息公开申请7件。", "apps.new", 7},
		// Another year named outside a title: that year's count.
		{"2024年出台行政规范性文件3件。", "normative_docs.issued", -1},
		{"出台《示例行动实施方案》等行政规范性文件3件,2024年出台2件。", "normative_docs.issued", 3},
	} {
		lines := []Line{{N: 1, Text: "主动公开政府信息情况。" + tt.line}}
		vals, _ := readNarrative(lines, gongkai.Format2021, 2025, "示例省某某管理局")
		if got := numberOf(vals, tt.measure); got != tt.want {
			t.Errorf("%s: %s %v, want %v", tt.line, tt.measure, got, tt.want)
		}
	}
}
