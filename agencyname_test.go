package gongkai

import (
	"strings"
	"testing"
)

func TestCleanAgencyName(t *testing.T) {
	tests := []struct {
		in, want, err string
	}{
		{"  示例市交通运输局 ", "示例市交通运输局", ""},
		{"示例市\u200b交通\u200d运输局\ufeff", "示例市交通运输局", ""},
		{"示例市\u00ad交通运输局", "示例市交通运输局", ""},
		{"示例市\t交通  运输局", "示例市 交通 运输局", ""},
		{"示例市\u202e局输运通交", "", "改变文字方向"},
		{"示例市\u2066交通运输局\u2069", "", "改变文字方向"},
		{"示例市\u200f交通运输局", "", "改变文字方向"},
		{"示例市\x00交通运输局", "", "控制字符"},
		{"示例市\u2062交通运输局", "", "控制字符"},
		{"\u200b \u200b", "", "缺少机关名称"},
		{strings.Repeat("局", MaxAgencyName), strings.Repeat("局", MaxAgencyName), ""},
		{strings.Repeat("局", MaxAgencyName+1), "", "过长"},
		{strings.Repeat("局", 100000), "", "过长"},
		{"\xff示例", "", "编码"},
	}
	for _, tt := range tests {
		got, err := CleanAgencyName(tt.in)
		if tt.err == "" {
			if err != nil || got != tt.want {
				t.Errorf("%q: %q %v, want %q", tt.in, got, err, tt.want)
			}
			continue
		}
		if ErrorCode(err) != CodeInvalid || !strings.Contains(ErrorMessage(err), tt.err) {
			t.Errorf("%q: %q %v, want an error saying %q", tt.in, got, err, tt.err)
		}
		if len(ErrorMessage(err)) > 300 {
			t.Errorf("%q: the message repeats the whole name (%d bytes)", tt.in[:10], len(ErrorMessage(err)))
		}
	}
}
