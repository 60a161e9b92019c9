package ingest

import (
	"testing"

	"gongkai"
)

// TestCumulativeOutcomesBlank holds that the outcomes stated beside a count
// of applications received that may be a running total ("截至某日,累计受理
// …N件") are blank with the same warning as the count, each naming its
// measure: they may run over as many years. Before, the count was blank
// with a finding and its outcomes were stored as the year's. Outcomes the
// words give as the year's own, and those beside a count of the year, are
// read as before. Figures invented.
func TestCumulativeOutcomesBlank(t *testing.T) {
	const head = "(二)依申请公开。"
	for _, tt := range []struct {
		body             string
		granted, partial float64 // -1: blank
		finding          bool    // a finding names apps.granted
	}{
		// After the count, in the next sentence of the paragraph.
		{"截至2025年12月31日,我局累计共受理政府信息公开申请9件。“同意公开”6件,“部分公开”1件。", -1, -1, true},
		// In the same sentence.
		{"截至2025年12月31日,累计受理政府信息公开申请9件,同意公开6件,部分公开1件。", -1, -1, true},
		{"截至2025年底,累计受理政府信息公开申请9件,其中予以公开6件,部分公开1件。", -1, -1, true},
		// Before the count.
		{"予以公开6件,部分公开1件。截至2025年12月31日,累计受理政府信息公开申请9件。", -1, -1, true},
		// The words say the outcomes are the year's own.
		{"截至2025年12月31日,累计受理政府信息公开申请9件。本年度予以公开6件,部分公开1件。", 6, 1, false},
		{"截至2025年12月31日,累计受理政府信息公开申请9件。2025年予以公开6件,部分公开1件。", 6, 1, false},
		// Beside a count of the year: read as before.
		{"本年度共受理政府信息公开申请9件。“同意公开”6件,“部分公开”1件。", 6, 1, false},
		{"2025年共受理政府信息公开申请9件,予以公开6件,部分公开1件。", 6, 1, false},
	} {
		vals, finds := readNarrative([]Line{{N: 1, Text: head + tt.body}}, gongkai.Format2021, 2025, "示例县某局")
		granted, partial := numberOf(vals, "apps.granted"), numberOf(vals, "apps.partial")
		if granted != tt.granted || partial != tt.partial || namesMeasure(finds, "apps.granted") != tt.finding {
			t.Errorf("%s: granted %v, partial %v, finding %v; want %v, %v, %v", tt.body, granted, partial,
				namesMeasure(finds, "apps.granted"), tt.granted, tt.partial, tt.finding)
		}
		if tt.finding && !namesMeasure(finds, "apps.partial") {
			t.Errorf("%s: apps.partial blank with no finding", tt.body)
		}
	}
}
