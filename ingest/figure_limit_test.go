package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongkai"
)

// TestFigureBeyondLimits holds the first rule for figures a float64 cannot
// hold as printed, or that no report states (a typo of many digits): the cell
// is blank with an error at it that names its row, its column and the text,
// and the rest of the report loads. A 万元 amount of more decimals than the
// roll-up counts (6, the 分) is read with a warning at its cell. Each case
// edits one line of a fixture.
func TestFigureBeyondLimits(t *testing.T) {
	tests := []struct {
		name, file, from, to string
		measure              string
		want                 *float64 // nil: blank
		severity, row, text  string   // the finding at the cell
	}{
		{"21 digits", "blank-cells.txt", "行政许可 | 35 |", "行政许可 | 123456789012345678901 |",
			"licensing.decisions", nil, gongkai.SeverityError, "行政许可", "123456789012345678901"},
		{"beyond 1e32", "blank-cells.txt", "行政许可 | 35 |", "行政许可 | 1" + strings.Repeat("0", 40) + " |",
			"licensing.decisions", nil, gongkai.SeverityError, "行政许可", "1" + strings.Repeat("0", 40)},
		{"16 digits, not exact in float64", "blank-cells.txt", "行政许可 | 35 |", "行政许可 | 9007199254740993 |",
			"licensing.decisions", nil, gongkai.SeverityError, "行政许可", "9007199254740993"},
		{"thousands separators", "blank-cells.txt", "行政许可 | 35 |", "行政许可 | 1,234,567,890,123,456 |",
			"licensing.decisions", nil, gongkai.SeverityError, "行政许可", "1,234,567,890,123,456"},
		{"17 significant digits of money", "blank-cells.txt", "行政事业性收费 | 0 |", "行政事业性收费 | 1.2345678901234567 |",
			"fees.amount_wan", nil, gongkai.SeverityError, "行政事业性收费", "1.2345678901234567"},
		{"money to a tenth of a fen", "blank-cells.txt", "行政事业性收费 | 0 |", "行政事业性收费 | 0.1234567 |",
			"fees.amount_wan", gongkai.Float(0.1234567), gongkai.SeverityWarning, "行政事业性收费", "0.1234567"},
		{"a narrative's count", "pre2019-narrative.txt", "共315条", "共123456789012345678901条",
			"narrative.proactive_items", nil, gongkai.SeverityError, "", "123456789012345678901"},
		{"a pre-2019 fee", "pre2019-narrative.txt", "共计36.5元", "共计3650000000000000000000元",
			"pre2019.fees", nil, gongkai.SeverityError, "", "3650000000000000000000"},
		// Below 1e15 but of more significant digits than a float64 holds:
		// before, the sentence's figure was stored rounded, with no finding.
		{"17 significant digits of a pre-2019 fee", "pre2019-narrative.txt", "共计36.5元", "共计1234567.1234567891元",
			"pre2019.fees", nil, gongkai.SeverityError, "", "1234567.1234567891"},
		{"17 significant digits of a narrative fee in 元", "narrative-2021-fees-yuan.txt", "125000元", "1234567.1234567891元",
			"fees.amount_wan", nil, gongkai.SeverityError, "行政事业性收费", "1234567.1234567891"},
		// Holding "1992", it was taken for another year's count and left
		// out with no finding at all.
		{"16 digits of a narrative count", "narrative-2021-fees-yuan.txt", "行政许可决定132件", "行政许可决定9007199254740993件",
			"licensing.decisions", nil, gongkai.SeverityError, "行政许可", "9007199254740993"},
		{"a narrative count beside tables", "shape2-pipe-rows.txt", "共收到政府信息公开申请13件", "共收到政府信息公开申请130000000000000001件",
			"narrative.apps_received", nil, gongkai.SeverityError, "", "130000000000000001"},
		{"a statistics table's running total", "pre2019-stats.html", "<td>5120</td>", "<td>51200000000000001</td>",
			"pre2019.cumulative.proactive_items", nil, gongkai.SeverityError, "", "51200000000000001"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "web", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(data), tt.from) {
				t.Fatalf("%s has no %q", tt.file, tt.from)
			}
			page := strings.Replace(string(data), tt.from, tt.to, 1)
			r, err := Parse(tt.file, []byte(page), Options{})
			if err != nil {
				t.Fatalf("the report is rejected: %v", err)
			}
			v, ok := r.Lookup(tt.measure, gongkai.ApplicantTotal)
			if !ok {
				t.Fatalf("%s is not read at all", tt.measure)
			}
			switch {
			case tt.want == nil && v.Number != nil:
				t.Errorf("%s = %v, want blank", tt.measure, *v.Number)
			case tt.want != nil && (v.Number == nil || *v.Number != *tt.want):
				t.Errorf("%s = %v, want %v", tt.measure, v.Number, *tt.want)
			}
			var found *gongkai.Finding
			for i, f := range r.Findings {
				if f.Measure == tt.measure && strings.Contains(f.Message, tt.text) {
					found = &r.Findings[i]
				}
			}
			if found == nil {
				t.Fatalf("no finding names %s and %q: %+v", tt.measure, tt.text, r.Findings)
			}
			if found.Severity != tt.severity || found.At == "" || found.At != v.At || !strings.Contains(found.RowLabel, tt.row) {
				t.Errorf("finding %+v, want %s at %s with row %q", *found, tt.severity, v.At, tt.row)
			}
			if tt.row != "" && found.ColumnLabel == "" {
				t.Errorf("finding %+v names no column", *found)
			}
			// The rest of the report loads as before.
			other, fee := "penalty.decisions", 7.0
			switch tt.file {
			case "pre2019-narrative.txt":
				other, fee = "apps.new", 21
			case "pre2019-stats.html":
				other, fee = "apps.new", 37
			case "narrative-2021-fees-yuan.txt":
				other, fee = "penalty.decisions", 18
			case "shape2-pipe-rows.txt":
				other, fee = "penalty.decisions", 9
			}
			if o, _ := r.Lookup(other, gongkai.ApplicantTotal); o.Number == nil || *o.Number != fee {
				t.Errorf("%s = %v, want %v", other, o.Number, fee)
			}
		})
	}
}
