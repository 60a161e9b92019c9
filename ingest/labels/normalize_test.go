package labels

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"（一）予以公开", "(一)予以公开"},
		{"(一)予以公开", "(一)予以公开"},
		{"商业 企业", "商业企业"},
		{"商业\u00a0企业", "商业企业"},
		{"商业\r\n企业", "商业企业"},
		{"商\u200b业企\u00ad业", "商业企业"},
		{"\u3000总计\t", "总计"},
		{"本年收费金额（单位：万元）", "本年收费金额(单位:万元)"},
		{"本年增／减", "本年增/减"},
		{"１．属于国家秘密", "1.属于国家秘密"},
		{"3.危及“三安全一稳定”", `3.危及"三安全一稳定"`},
		{`3.危及"三安全一稳定"`, `3.危及"三安全一稳定"`},
		{"3.危及「三安全一稳定」", `3.危及"三安全一稳定"`},
		{"1.申请人无正当理由逾期不补正，行政机关不再处理", "1.申请人无正当理由逾期不补正,行政机关不再处理"},
		{"規章", "规章"},
		{"行政許可", "行政许可"},
		{"行政處罰", "行政处罚"},
		{"行政強制", "行政强制"},
		{"本年製發件數", "本年制发件数"},
		{"本年廢止件數", "本年废止件数"},
		{"（三）不予公開", "(三)不予公开"},
		{"行政復議", "行政复议"},
		{"行政訴訟", "行政诉讼"},
		{"結果維持", "结果维持"},
		{"4.無正當理由大量反覆申請", "4.无正当理由大量反复申请"},
		{"1.屬於國家祕密", "1.属于国家秘密"},
		{"規(guī)章", "规章"},
		{"规(guī)章", "规章"},
		{"許(xǔ)可", "许可"},
		{"行政许(xǔ)可", "行政许可"},
		{"规（guī）章", "规章"},
		{"处(chu3)罚", "处罚"},
		{"部分公开(区分处理的)", "部分公开(区分处理的)"},
		{"收费(元)", "收费(元)"},
		{"附件(A)", "附件(a)"},
		{"", ""},
		{"0", "0"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestT2SData(t *testing.T) {
	for i, line := range strings.Split(t2sData, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if n := utf8.RuneCountInString(line); n != 2 {
			t.Errorf("t2s.txt line %d: %q has %d characters, want 2", i+1, line, n)
		}
	}
}

func BenchmarkNormalize(b *testing.B) {
	for b.Loop() {
		Normalize("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
	}
}

// TestStripEnum checks that enumerations are cut from folded labels and
// nothing else is.
func TestStripEnum(t *testing.T) {
	for _, tt := range []struct{ key, want string }{
		{"1.属于国家秘密", "属于国家秘密"}, {"(三)不予公开", "不予公开"}, {"四、结转下年度继续办理", "结转下年度继续办理"},
		{"3.其他", "其他"}, {"其他", "其他"}, {"2021年", "2021年"}, {"十一、", ""},
	} {
		if got := StripEnum(tt.key); got != tt.want {
			t.Errorf("StripEnum(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}
