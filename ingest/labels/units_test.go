package labels

import (
	"slices"
	"testing"
)

// TestUnitNotes checks which texts state a unit of money, which units, and
// which of them are other than the format's 万元.
func TestUnitNotes(t *testing.T) {
	for _, tc := range []struct {
		text  string
		money []string // nil: no statement of money
		other bool     // other than 万元
		whole bool
	}{
		{"单位：元", []string{"元"}, true, false},
		{"（单位：万元）", []string{"万元"}, false, false},
		{"金额单位：元", []string{"元"}, true, false},
		{"单位：个、件、万元", []string{"万元"}, false, false},
		{"单位：个、件、元", []string{"元"}, true, false},
		{"单位:件,万元", []string{"万元"}, false, false},
		{"注：收费金额单位为元。", []string{"元"}, true, false},
		{"单位均为人民币元", []string{"元"}, true, false},
		{"以元为单位", []string{"元"}, true, false},
		{"本年收费金额（元）", []string{"元"}, true, false},
		{"本年收费金额（千元）", []string{"千元"}, true, false},
		{"單位：元", []string{"元"}, true, false}, // traditional script
		{"本报告中涉及金额的单位均为元。", []string{"元"}, true, true},
		{"以下各表金额单位：元", []string{"元"}, true, true},
		{"单位：件", nil, false, false},           // counts: no money
		{"收取费用0元", nil, false, false},         // a figure, not a statement
		{"我单位为元旦假期做好值班安排", nil, false, false}, // 单位 the organ
		{"行政事业性收费", nil, false, false},
	} {
		notes := UnitNotes(tc.text)
		if tc.money == nil {
			if len(notes) != 0 {
				t.Errorf("UnitNotes(%q) = %+v, want none", tc.text, notes)
			}
			continue
		}
		if len(notes) != 1 {
			t.Errorf("UnitNotes(%q) = %+v, want one statement", tc.text, notes)
			continue
		}
		n := notes[0]
		if !slices.Equal(n.Money, tc.money) || n.Other("万元") != tc.other || n.WholeReport() != tc.whole {
			t.Errorf("UnitNotes(%q) = %+v (other %v, whole %v), want money %v, other %v, whole %v",
				tc.text, n, n.Other("万元"), n.WholeReport(), tc.money, tc.other, tc.whole)
		}
	}
}
