package labels

import (
	"testing"

	"gongkai"
)

// TestLookupNote holds the lookup of a label the format does not know that
// ends in a note: a filling instruction is dropped, but a note that names
// money's unit is not, since it may say 元 where the format's column is
// 万元, and the figure would be read 10,000 times too large without a word.
func TestLookupNote(t *testing.T) {
	for _, tc := range []struct {
		format, label string
		known         bool
	}{
		{"2021", "行政事业性收费", true},
		{"2021", "规章（设区的市、自治州人民政府应提供相关数据）", true},
		{"2019", "其他对外管理服务事项（指行政许可以外的其他事项）", true},
		{"2021", "行政事业性收费（元）", false},
		{"2021", "行政事业性收费（单位：元）", false},
		{"2021", "行政事业性收费（单位：万元）", false},
		{"2019", "政府集中采购（单位：元）", false},
		{"2021", "（元）", false},
	} {
		d := For(gongkai.FormatByID(tc.format))
		if got := len(d.Lookup(tc.label)) > 0; got != tc.known {
			t.Errorf("%s: Lookup(%q) finds a meaning: %v, want %v", tc.format, tc.label, got, tc.known)
		}
	}
}
