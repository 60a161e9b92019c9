package web

import (
	"slices"
	"testing"
)

// TestSignatureKept checks that a report's closing signature, the organ's
// name over a date alone, stays a line of the document when a table the
// text reader still holds open at the report's end (a last section on
// reviews opens table 四) takes it for its labels: the county it names may
// be the only one on the page. Lines that are no signature stay consumed.
func TestSignatureKept(t *testing.T) {
	const head = "四、复议、诉讼和申诉情况\n我镇本年度没有发生有关政府信息公开事务的行政复议案。\n"
	for _, tt := range []struct {
		tail string
		kept []string // lines that must stay
		lost []string // lines that must not
	}{
		{"沛县青石镇人民政府\n2018年12月31日", []string{"沛县青石镇人民政府", "2018年12月31日"}, nil},
		{"  沛县青石镇人民政府  \n\n  2018年12月31日  \n", []string{"沛县青石镇人民政府", "2018年12月31日"}, nil},
		// The date in digits without its day (left from session 35).
		{"沛县青石镇人民政府\n2019年1月", []string{"沛县青石镇人民政府", "2019年1月"}, nil},
		{"沛县青石镇人民政府\n（2019年12月）", []string{"沛县青石镇人民政府", "（2019年12月）"}, nil},
		// The date in Chinese numerals, with or without its day.
		{"沛县青石镇人民政府\n二〇一八年十二月", []string{"沛县青石镇人民政府", "二〇一八年十二月"}, nil},
		{"沛县青石镇人民政府\n二〇一九年一月二十日", []string{"沛县青石镇人民政府", "二〇一九年一月二十日"}, nil},
		// Not a date alone under it, or not an organ's name over it.
		{"沛县青石镇人民政府\n二〇一八年十二月发布", nil, []string{"沛县青石镇人民政府"}},
		{"沛县青石镇人民政府\n二〇一八年", nil, []string{"沛县青石镇人民政府"}},
		{"行政复议\n2018年12月31日", nil, []string{"行政复议"}},
		{"行政复议\n二〇一八年十二月", nil, []string{"行政复议"}},
		{"行政复议\n2018年12月", nil, []string{"行政复议"}},
		{"沛县青石镇人民政府\n2018年13月", nil, []string{"沛县青石镇人民政府"}},
	} {
		d, err := ReadText([]byte(head + tt.tail))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, l := range d.Lines {
			got = append(got, l.Text)
		}
		for _, k := range tt.kept {
			if !slices.Contains(got, k) {
				t.Errorf("%q: line %q dropped, lines %q", tt.tail, k, got)
			}
		}
		for _, k := range tt.lost {
			if slices.Contains(got, k) {
				t.Errorf("%q: line %q kept, lines %q", tt.tail, k, got)
			}
		}
	}
}
