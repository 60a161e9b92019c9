package value

import (
	"strings"
	"testing"

	"gongkai/ingest/labels"
)

func TestParseValue(t *testing.T) {
	tests := []struct {
		raw, kind string
		want      any // nil: blank; float64: the number; "error": not a number
		unit      string
		err       string // part of the error message, when the value is not allowed
	}{
		{"", "count", nil, "", ""},
		{"  ", "count", nil, "", ""},
		{"/", "count", nil, "", ""},
		{"／", "count", nil, "", ""},
		{"-", "count", nil, "", ""},
		{"—", "count", nil, "", ""},
		{"——", "count", nil, "", ""},
		{"无", "count", nil, "", ""},
		{"0", "count", 0.0, "", ""},
		{"12", "count", 12.0, "", ""},
		{"１２", "count", 12.0, "", ""},
		{" 1 2 ", "count", 12.0, "", ""},
		{"1,234", "count", 1234.0, "", ""},
		{"1，234", "count", 1234.0, "", ""},
		{"12,34", "count", "error", "", "不是有效的数字"},
		{"3件", "count", 3.0, "件", ""},
		{"928条", "count", 928.0, "条", ""},
		{"5个", "count", 5.0, "个", ""},
		{"+2", "count", 2.0, "", "正号"}, // a change's sign in a column of counts: stored, with the error
		{"-1", "count", -1.0, "", "不能为负数"},
		{"-0", "count", 0.0, "", "不能为负数"},
		{"1.5", "count", 1.5, "", "应为整数"},
		{"+2", "signed", 2.0, "", ""},
		{"-1", "signed", -1.0, "", ""},
		{"－1", "signed", -1.0, "", ""},
		{"减4", "signed", -4.0, "", ""},
		{"增3", "signed", 3.0, "", ""},
		{"减少2", "signed", -2.0, "", ""},
		{"0.5", "signed", 0.5, "", "应为整数"},
		{"251000元", "money", 251000.0, "元", ""},
		{"79000.1元", "money", 79000.1, "元", ""},
		{"11.876", "money", 11.876, "", ""},
		{"1.5万元", "money", 1.5, "万元", ""},
		{"-3", "money", -3.0, "", "不能为负数"},
		{"十二", "count", "error", "", "不是有效的数字"},
		{"abc", "count", "error", "", "不是有效的数字"},
		{"3.", "count", "error", "", "不是有效的数字"},
		{".5", "money", "error", "", "不是有效的数字"},
		{"1.2.3", "money", "error", "", "不是有效的数字"},
		{"元", "money", "error", "", "不是有效的数字"},
		{"2-3", "count", "error", "", "不是有效的数字"},
	}
	for _, tt := range tests {
		n, unit, err := Parse(tt.raw, tt.kind)
		name := tt.kind + " " + tt.raw
		switch want := tt.want.(type) {
		case nil:
			if n != nil || err != nil {
				t.Errorf("%s: got %v, %v; want blank", name, deref(n), err)
			}
			continue
		case string:
			if n != nil || err == nil {
				t.Errorf("%s: got %v, %v; want an error", name, deref(n), err)
			}
		case float64:
			if n == nil || *n != want {
				t.Errorf("%s: number %v, want %v", name, deref(n), want)
			}
			if unit != tt.unit {
				t.Errorf("%s: unit %q, want %q", name, unit, tt.unit)
			}
			if tt.err == "" && err != nil {
				t.Errorf("%s: unexpected error %v", name, err)
			}
		}
		if tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
			t.Errorf("%s: error %v, want one saying %q", name, err, tt.err)
		}
	}
}

func deref(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

func FuzzParseValue(f *testing.F) {
	for _, s := range []string{"0", "+2", "减4", "251000元", "1,234.5", "十二", "／"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		for _, kind := range []string{"count", "signed", "money"} {
			n, _, err := Parse(raw, kind)
			if n == nil && err == nil && strings.TrimSpace(Fold(raw)) != "" && !blankMarks[Fold(raw)] {
				t.Errorf("%q (%s): blank without being a blank mark", raw, kind)
			}
		}
		labels.Normalize(raw)
	})
}

// TestParseIn holds a cell's unit to its column's: 元 in a column of 万元 is
// blank with an error (10,000 times too large if read), and nothing else
// changes.
func TestParseIn(t *testing.T) {
	tests := []struct {
		raw, kind, unit string
		want            any // nil: blank; float64: the number
		err             string
	}{
		{"12345元", "money", "万元", nil, "写明单位为元"},
		{"1.2345万元", "money", "万元", 1.2345, ""},
		{"3.5", "money", "万元", 3.5, ""},
		{"0元", "money", "万元", nil, "写明单位为元"},
		{"12345元", "money", "", 12345.0, ""},
		{"3件", "count", "件", 3.0, ""},
		{"", "money", "万元", nil, ""},
		{"/", "money", "万元", nil, ""},
	}
	for _, tt := range tests {
		n, _, err := ParseIn(tt.raw, tt.kind, tt.unit)
		switch want := tt.want.(type) {
		case nil:
			if n != nil {
				t.Errorf("ParseIn(%q, %q, %q) = %v, want blank", tt.raw, tt.kind, tt.unit, *n)
			}
		case float64:
			if n == nil || *n != want {
				t.Errorf("ParseIn(%q, %q, %q) = %v, want %v", tt.raw, tt.kind, tt.unit, n, want)
			}
		}
		got := ""
		if err != nil {
			got = err.Error()
		}
		if (tt.err == "") != (got == "") || !strings.Contains(got, tt.err) {
			t.Errorf("ParseIn(%q, %q, %q) error %q, want one containing %q", tt.raw, tt.kind, tt.unit, got, tt.err)
		}
	}
}

// TestParseBeyondLimits leaves blank, with an error, a figure gongkai cannot
// store as printed (15 significant digits, below 1e15), and reads every
// figure within them exactly.
func TestParseBeyondLimits(t *testing.T) {
	tests := []struct {
		raw      string
		want     any // nil: blank; float64: the number
		err      string
		decimals int
	}{
		{"999999999999999", 999999999999999.0, "", 0},
		{"1000000000000000", nil, "过大", 0},
		{"9007199254740993", nil, "过大", 0},
		{"１２３４５６７８９０１２３４５６７８９０１", nil, "过大", 0},
		{"1" + strings.Repeat("0", 40), nil, "过大", 0},
		{"12345678901.2345", 12345678901.2345, "", 4},
		{"12345678901.23456", nil, "有效数字超过 15 位", 5},
		{"0.1234567", 0.1234567, "", 7},
		{"0.0000000000000001", 1e-16, "", 16},
		{"1.500000000000000000", 1.5, "", 1},
		{"000000000000000012", 12.0, "", 0},
	}
	for _, tt := range tests {
		n, _, err := Parse(tt.raw, "money")
		switch want := tt.want.(type) {
		case nil:
			if n != nil {
				t.Errorf("Parse(%q) = %v, want blank", tt.raw, *n)
			}
		case float64:
			if n == nil || *n != want {
				t.Errorf("Parse(%q) = %v, want %v", tt.raw, n, want)
			}
		}
		got := ""
		if err != nil {
			got = err.Error()
		}
		if (tt.err == "") != (got == "") || !strings.Contains(got, tt.err) {
			t.Errorf("Parse(%q) error %q, want one containing %q", tt.raw, got, tt.err)
		}
		if d := Scan(tt.raw).Decimals; d != tt.decimals {
			t.Errorf("Scan(%q).Decimals = %d, want %d", tt.raw, d, tt.decimals)
		}
	}
	if err := Check(1e15, "count"); err == nil {
		t.Errorf("Check(1e15) = nil, want an error")
	}
	if err := Check(0.1+0.2, "money"); err != nil {
		t.Errorf("Check(0.1+0.2) = %v: a computed number's digits are not a report's", err)
	}
}

// TestScaleDecimal checks conversions between 元 and 万元 are exact in the
// decimals a report writes, where multiplying floats is not.
func TestScaleDecimal(t *testing.T) {
	for _, tc := range []struct {
		f      float64
		places int
		want   float64
	}{
		{1.2, 4, 12000},
		{0.07, 4, 700}, // 0.07*10000 is 700.0000000000001
		{36.5, 4, 365000},
		{125000, -4, 12.5},
		{12345, -4, 1.2345},
		{3, -4, 0.0003},
		{0, 4, 0},
		{-2.5, 4, -25000},
		{12.5, 0, 12.5},
	} {
		if got := ScaleDecimal(tc.f, tc.places); got != tc.want {
			t.Errorf("ScaleDecimal(%v, %d) = %v, want %v", tc.f, tc.places, got, tc.want)
		}
	}
}

// TestWrittenFigure: a figure written wrong is kept in its column; words
// and row enumerations are not figures.
func TestWrittenFigure(t *testing.T) {
	for text, want := range map[string]bool{
		"1517（含转办）": true, "约1517": true, "十五": true, "1 035": true,
		"增": true, "减": true, "减少": true, "+": true,
		"本年新收": false, "3.其他": false, "2、重复申请": false, "增减": false, "本年增/减": false, "": false,
	} {
		if got := WrittenFigure(text); got != want {
			t.Errorf("WrittenFigure(%q) = %v, want %v", text, got, want)
		}
	}
}
