package labels

import "testing"

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
