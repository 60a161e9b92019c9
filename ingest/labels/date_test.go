package labels

import (
	"testing"

	"gongkai/ingest/doc"
)

// TestChineseDate checks the dates in Chinese numerals that close reports
// ("二〇二四年一月二十日", "二〇二四年一月"), and what is no such date.
func TestChineseDate(t *testing.T) {
	for _, tt := range []struct {
		s       string
		y, m, d int
		ok      bool
	}{
		{"二〇二四年一月二十日", 2024, 1, 20, true},
		{"  二〇二四年一月  ", 2024, 1, 0, true},
		{"二○一八年十二月三十一日", 2018, 12, 31, true},
		{"二零二五年三月九日", 2025, 3, 9, true},
		{"二〇二一年十月十日", 2021, 10, 10, true},
		{"二〇二三年二月二十九日", 0, 0, 0, false}, // no such day
		{"二〇二四年二月二十九日", 2024, 2, 29, true},
		{"二〇二四年四月三十一日", 0, 0, 0, false},
		{"二〇二四年十三月", 0, 0, 0, false},
		{"2024年1月20日", 0, 0, 0, false}, // digits: dateOnlyRE's
		{"二〇二四年一月二十日发布", 0, 0, 0, false},
		{"一九八九年一月", 0, 0, 0, false},
	} {
		y, m, d, ok := ChineseDate(tt.s)
		if y != tt.y || m != tt.m || d != tt.d || ok != tt.ok {
			t.Errorf("%q: %d %d %d %v, want %d %d %d %v", tt.s, y, m, d, ok, tt.y, tt.m, tt.d, tt.ok)
		}
	}
}

// TestStatPeriodChinese checks a statistics period written in Chinese
// numerals: read as the one in digits is (it was none).
func TestStatPeriodChinese(t *testing.T) {
	for _, tt := range []struct {
		line      string
		year, end int
		ok        bool
	}{
		{"本报告所列数据的统计期限为二〇二三年一月一日至二〇二三年十二月三十一日。", 2023, 2023, true},
		{"统计期限自二○二二年一月一日起至十二月三十一日止。", 2022, 2022, true},
		{"统计期限为二〇二二年一月一日至二〇二三年十二月三十一日。", 2022, 2023, true},
		{"统计期限为2023年1月1日至2023年12月31日。", 2023, 2023, true},
		{"统计期限为本年度。", 0, 0, false},
	} {
		p, ok := StatPeriod([]doc.Line{{N: 1, Text: tt.line}})
		if ok != tt.ok || p.Year != tt.year || p.EndYear != tt.end {
			t.Errorf("%s: %+v %v, want %d–%d %v", tt.line, p, ok, tt.year, tt.end, tt.ok)
		}
	}
}

// TestTitleChineseYear checks a title whose year is in Chinese numerals:
// read as the one in digits is (no title was read, and the page refused).
func TestTitleChineseYear(t *testing.T) {
	for _, tt := range []struct {
		title  string
		agency string
		year   int
	}{
		{"示例县某某局二〇二三年政府信息公开工作年度报告", "示例县某某局", 2023},
		{"示例县某某局二○二二年度政府信息公开工作年度报告", "示例县某某局", 2022},
		{"二〇二四年示例市某某委员会政府信息公开工作年度报告", "示例市某某委员会", 2024},
		{"示例县某某局2023年政府信息公开工作年度报告", "示例县某某局", 2023},
		// A date under a title with no year is no title's year.
		{"示例县某某局政府信息公开工作年度报告 二〇二四年一月", "", 0},
	} {
		a, y := TitleMeta(tt.title, true)
		if a != tt.agency || y != tt.year {
			t.Errorf("%s: %q %d, want %q %d", tt.title, a, y, tt.agency, tt.year)
		}
	}
}
