package web

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"gongkai/ingest/value"
)

// TestCutLine checks where a page on one line is cut: before the labels of
// table rows, after headings and full stops, and not inside a sentence that
// names 行政许可 with its unit.
func TestCutLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"一、本年新收政府信息公开申请数量150 000015二、上年结转政府信息公开申请数量1000001",
			"一、本年新收政府信息公开申请数量150 000015/二、上年结转政府信息公开申请数量1000001"},
		{"全年办理行政许可120件、行政处罚9件。规章000行政许可3960181",
			"全年办理行政许可120件、行政处罚9件。/规章000/行政许可3960181"},
		{"（七）总计1000001四、结转下年度继续办理0000000四、政府信息公开行政法复议、行政诉讼情况",
			"（七）总计1000001/四、结转下年度继续办理0000000/四、政府信息公开行政法复议、行政诉讼情况"},
		{"五、存在的主要问题及改进情况一是公开不够及时。", "五、存在的主要问题及改进情况/一是公开不够及时。"},
		{"行政处罚 31行政强制 0", "行政处罚 31/行政强制 0"},
	}
	for _, tt := range tests {
		if got := strings.Join(cutLine(tt.in), "/"); got != tt.want {
			t.Errorf("cutLine(%q)\n got  %q\n want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzCutLine checks that cutting a line never loses or reorders text (only
// the spaces at the cuts may go) and that every piece is valid where the
// input was.
func FuzzCutLine(f *testing.F) {
	f.Add("一、本年新收政府信息公开申请数量150 000015二、上年结转政府信息公开申请数量1000001。")
	f.Add("规章000行政许可3960181四、行政复议1件")
	f.Fuzz(func(t *testing.T, s string) {
		pieces := cutLine(s)
		noSpace := func(x string) string {
			return strings.Map(func(r rune) rune {
				if unicode.IsSpace(r) {
					return -1
				}
				return r
			}, x)
		}
		if got, want := noSpace(strings.Join(pieces, "")), noSpace(s); got != want {
			t.Fatalf("pieces %q lose text of %q", pieces, s)
		}
		for _, p := range pieces {
			if p == "" || (utf8.ValidString(s) && !utf8.ValidString(p)) {
				t.Fatalf("piece %q of %q", p, s)
			}
		}
	})
}

// FuzzFitRow checks the splitter of run-together digits: whatever it places
// is n cells whose digits, read in order, are exactly the row's digits, with
// no figure written with a leading zero, and every placed row obeys R2.
func FuzzFitRow(f *testing.F) {
	f.Add("120000012", uint8(7))
	f.Add("100", uint8(3))
	f.Add("100010001100000", uint8(15))
	f.Fuzz(func(t *testing.T, digits string, n uint8) {
		if len(digits) == 0 || len(digits) > 40 || !value.AllDigits(digits) || n == 0 || n > 21 {
			return
		}
		check := anyRow
		if n%7 == 0 {
			check = applicantSums
		}
		rd := fitRow([]tcell{{text: digits, value: true, fused: true, line: 1}}, int(n), check)
		if rd.vals == nil {
			return
		}
		var b strings.Builder
		for _, v := range rd.vals {
			if v.text != "" && !ValidPart(v.text) {
				t.Fatalf("%q in %d cells: part %q", digits, n, v.text)
			}
			b.WriteString(v.text)
		}
		if len(rd.vals) != int(n) || b.String() != digits || !check(rd.vals) {
			t.Fatalf("%q in %d cells read as %q", digits, n, joinTexts(rd.vals))
		}
	})
}
