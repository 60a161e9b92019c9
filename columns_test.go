package gongkai

import "testing"

func TestColumnMeaning(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"apps_new", "本年新收政府信息公开申请数量"},
		{"agency_id", "机构编号"},
		{"列", ""},
		{"no_such_column", ""},
	} {
		if got := ColumnMeaning(tc.name); got != tc.want {
			t.Errorf("ColumnMeaning(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
	if n := len(columnMeanings()); n < 60 {
		t.Errorf("read %d column meanings from docs/schema.md, want the whole table", n)
	}
}
