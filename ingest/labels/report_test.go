package labels

import (
	"testing"

	"gongkai/ingest/doc"
)

// TestStatPeriod reads the statistics period a report states, with the
// end's year written out or left to the start's.
func TestStatPeriod(t *testing.T) {
	for _, tt := range []struct {
		line      string
		ok        bool
		year, end int
	}{
		{"本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。", true, 2023, 2023},
		{"本报告中所列数据的统计期限自2023年1月1日起至12月31日止。", true, 2023, 2023},
		{"统计期限为2022年1月1日至2023年12月31日。", true, 2022, 2023},
		{"统计期限为2023年1—12月。", false, 0, 0},
		{"2023年1月1日至12月31日,我局主动公开信息12条。", false, 0, 0},
	} {
		p, ok := StatPeriod([]doc.Line{{N: 1, Text: tt.line}})
		if ok != tt.ok || p.Year != tt.year || p.EndYear != tt.end {
			t.Errorf("%s: %v %d-%d, want %v %d-%d", tt.line, ok, p.Year, p.EndYear, tt.ok, tt.year, tt.end)
		}
	}
}
