package ingest

import (
	"fmt"
	"maps"
	"sort"
	"strconv"
	"strings"
	"testing"

	"gongkai"
	"gongkai/ingest/value"
)

// reportOf makes a report of cell texts keyed by measure|applicant; each
// value's At is its key, so that a finding names the cell it stands at.
func reportOf(format string, cells map[string]string) *gongkai.Report {
	r := &gongkai.Report{Agency: "测试局", Year: 2021, Format: format}
	keys := make([]string, 0, len(cells))
	for k := range cells {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		m, a, _ := strings.Cut(k, "|")
		kind := gongkai.CatalogueByCode()[m].Kind
		n, unit, _ := value.Parse(cells[k], kind)
		r.Values = append(r.Values, gongkai.Value{Measure: m, Applicant: a, Number: n, Unit: unit, Raw: cells[k], At: k})
	}
	return r
}

func findingSet(r *gongkai.Report) []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.Rule+"@"+f.At)
	}
	sort.Strings(out)
	return out
}

// TestValidateRules breaks one thing at a time in a report that obeys every
// rule and checks each rule fires at the right cell and nowhere else.
func TestValidateRules(t *testing.T) {
	tests := []struct {
		name   string
		format string
		change map[string]string // cell → new text; "" blanks it, "<absent>" removes it
		want   []string          // rule@cell
	}{
		{"consistent 2021", "2021", nil, nil},
		{"consistent 2019", "2019", nil, nil},
		{"total too small", "2021", map[string]string{"apps.total|natural": "20"},
			[]string{"R1@apps.total|natural", "R2@apps.total|total", "stated_balance@apps.new|natural"}},
		{"outcome too big", "2021", map[string]string{"apps.granted|other": "9"},
			[]string{"R1@apps.total|other", "R2@apps.granted|total"}},
		// "+" is no figure: the sums over it are unknown, and the total
		// column's R1 and the row's R2 cannot be told (they said "应为"
		// with "+" taken as 0); the values finding says why.
		{"2019 other outcome", "2019", map[string]string{"apps.other|ngo": "9", "apps.other|total": "+"},
			[]string{"R1@apps.total|ngo", "values@apps.other|total"}},
		{"balance in two columns", "2021", map[string]string{"apps.new|business": "99", "apps.new|total": "213"},
			[]string{"stated_balance@apps.new|business", "stated_balance@apps.new|total"}},
		{"review total", "2021", map[string]string{"review.total|total": "5"}, []string{"R3@review.total|total"}},
		{"blank counts 0", "2021", map[string]string{"litigation_after_review.pending|total": ""},
			[]string{"R3@litigation_after_review.total|total"}},
		{"slash counts 0", "2019", map[string]string{"litigation_direct.upheld|total": "/"},
			[]string{"R3@litigation_direct.total|total"}},
		{"all blank does not fire", "2021", map[string]string{
			"litigation_direct.upheld|total": "", "litigation_direct.corrected|total": "", "litigation_direct.other|total": "",
			"litigation_direct.pending|total": "", "litigation_direct.total|total": "-"}, nil},
		{"all absent does not fire", "2021", map[string]string{
			"review.upheld|total": "<absent>", "review.corrected|total": "<absent>", "review.other|total": "<absent>",
			"review.pending|total": "<absent>", "review.total|total": "<absent>"}, nil},
		// A cell not in the source is not 0 (a page cut short): no sum with it.
		{"total absent is not 0", "2021", map[string]string{"review.total|total": "<absent>"}, nil},
		{"not a number", "2021", map[string]string{"licensing.decisions|total": "十二"}, []string{"values@licensing.decisions|total"}},
		{"negative count", "2021", map[string]string{"rules.issued|total": "-1"}, []string{"values@rules.issued|total"}},
		{"fractional count", "2021", map[string]string{"penalty.decisions|total": "1.5"}, []string{"values@penalty.decisions|total"}},
		{"negative money", "2021", map[string]string{"fees.amount_wan|total": "-3"}, []string{"values@fees.amount_wan|total"}},
		{"signed delta", "2019", map[string]string{"licensing.items_delta|total": "减4"}, nil},
		{"money with unit", "2019", map[string]string{"procurement.amount|total": "251000元"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := gongkai.FormatByID(tt.format)
			cells := coreValues(t, f)
			for k, v := range tt.change {
				if v == "<absent>" {
					delete(cells, k)
				} else {
					cells[k] = v
				}
			}
			r := reportOf(tt.format, cells)
			Validate(r)
			got := findingSet(r)
			sort.Strings(tt.want)
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("findings\n got %q\nwant %q", got, tt.want)
				for _, f := range r.Findings {
					t.Logf("%s at %s: %s", f.Rule, f.At, f.Message)
				}
			}
			n := len(r.Findings)
			Validate(r)
			if len(r.Findings) != n {
				t.Errorf("validating twice: %d findings, then %d", n, len(r.Findings))
			}
		})
	}
}

// TestValidateFinding checks what a finding says: labels, the two sides and
// the message a person reads.
func TestValidateFinding(t *testing.T) {
	cells := coreValues(t, gongkai.FormatByID("2021"))
	cells["apps.total|natural"] = "20"
	cells["review.total|total"] = "5"
	cells["licensing.decisions|total"] = "十二"
	r := reportOf("2021", cells)
	Validate(r)
	byRule := map[string]gongkai.Finding{}
	for _, f := range r.Findings {
		byRule[f.Rule+" "+f.Applicant] = f
	}
	r1 := byRule["R1 natural"]
	if r1.RowLabel != "（七）总计" || r1.ColumnLabel != "自然人" || r1.Measure != "apps.total" ||
		r1.Expected == nil || *r1.Expected != 21 || r1.Actual == nil || *r1.Actual != 20 || r1.Severity != "error" {
		t.Errorf("R1 finding = %+v", r1)
	}
	if want := "（七）总计 × 自然人：应为 21（各项办理结果之和），实为 20"; r1.Message != want {
		t.Errorf("R1 message = %q, want %q", r1.Message, want)
	}
	r2 := byRule["R2 total"]
	if want := "（七）总计 × 总计：应为 125（各类申请人之和），实为 126"; r2.Message != want || r2.At != "apps.total|total" {
		t.Errorf("R2 finding at %s: %q, want %q", r2.At, r2.Message, want)
	}
	r3 := byRule["R3 total"]
	if want := "行政复议 × 总计：应为 4（维持、纠正、其他、尚未审结之和），实为 5"; r3.Message != want {
		t.Errorf("R3 message = %q, want %q", r3.Message, want)
	}
	v := byRule["values total"]
	if want := "行政许可 × 本年处理决定数量：“十二”不是有效的数字"; v.Message != want || v.At != "licensing.decisions|total" {
		t.Errorf("values finding at %s: %q, want %q", v.At, v.Message, want)
	}
	sb := byRule["stated_balance natural"]
	if !strings.HasPrefix(sb.Message, "一、本年新收政府信息公开申请数量 + 二、上年结转政府信息公开申请数量 × 自然人：应为 20") {
		t.Errorf("stated balance message = %q", sb.Message)
	}
}

// TestValidateBlankTotal checks that a sum finding on a total left blank
// says it is blank: the blank counts as 0 in the sum, but "实为 0" would read
// as a 0 printed in the cell, and the finding's Actual is nil.
func TestValidateBlankTotal(t *testing.T) {
	cells := coreValues(t, gongkai.FormatByID("2021"))
	cells["apps.granted|total"] = ""
	cells["apps.total|natural"] = ""
	r := reportOf("2021", cells)
	Validate(r)
	want := map[string]string{ // the message's end: the sums are coreValues'
		"R2@apps.granted|total": "（各类申请人之和），实为空白",
		"R1@apps.total|natural": "（各项办理结果之和），实为空白",
	}
	for _, f := range r.Findings {
		w, ok := want[f.Rule+"@"+f.At]
		if !ok {
			continue
		}
		delete(want, f.Rule+"@"+f.At)
		if !strings.HasSuffix(f.Message, w) || f.Actual != nil || f.Expected == nil {
			t.Errorf("%s@%s: %q (actual %v), want %q and no actual", f.Rule, f.At, f.Message, f.Actual, w)
		}
	}
	for k := range want {
		t.Errorf("no finding %s", k)
	}
}

// TestValidateProgramReport checks a report built by a program, with numbers
// and no cell text, gets the same value checks.
func TestValidateProgramReport(t *testing.T) {
	r := &gongkai.Report{Format: "2021", Values: []gongkai.Value{
		{Measure: "rules.issued", Applicant: "total", Number: gongkai.Float(-2), At: "x"},
		{Measure: "fees.amount_wan", Applicant: "total", Number: gongkai.Float(2.5), At: "y"},
	}}
	Validate(r)
	if got := findingSet(r); strings.Join(got, " ") != "values@x" {
		t.Errorf("findings = %q, want values@x", got)
	}
	Validate(nil)
	Validate(&gongkai.Report{Format: "no-such-format"})
}

// TestValidateUnreadRow checks the sums over a table 三 row that could not
// be read (blank with a reader's error, or text that is no figure): the
// row is unknown, not 0, so R1 and R2 no longer state an "应为" that leaves
// it out; they fire only when the total is below the part that was read,
// and then say so.
func TestValidateUnreadRow(t *testing.T) {
	f := gongkai.FormatByID("2021")
	base := coreValues(t, f)
	num := func(k string) int { n, _ := strconv.Atoi(base[k]); return n }
	total, partial := num("apps.total|natural"), num("apps.partial|natural")
	if partial == 0 {
		t.Fatal("apps.partial|natural is 0 in coreValues: the cases below need a figure")
	}
	label := cellLabels(f)[valueKey{"apps.partial", "natural"}].row
	fewFigures := gongkai.Finding{Rule: "few_figures", Severity: gongkai.SeverityError, At: "line 34", RowLabel: label,
		Message: "只有2个数字（应为7个），各在哪一列无法确定"}
	for _, tc := range []struct {
		name    string
		change  map[string]string
		reader  []gongkai.Finding
		rule    string // rule@cell that must fire; "" when no R1 or R2 may
		message string
	}{
		{"row blank with a reader's error", map[string]string{"apps.partial|natural": ""}, []gongkai.Finding{fewFigures}, "", ""},
		{"cell that is no figure", map[string]string{"apps.partial|natural": "一l"}, nil, "", ""},
		{"total below the part read", map[string]string{"apps.partial|natural": "", "apps.total|natural": "0"}, []gongkai.Finding{fewFigures},
			"R1@apps.total|natural", fmt.Sprintf("（七）总计 × 自然人：应不少于 %d（各项办理结果之和，其中“%s”未能读取），实为 0", total-partial, label)},
		{"applicant unread, total below the rest", map[string]string{"apps.granted|business": "x", "apps.granted|total": "0"}, nil,
			"R2@apps.granted|total", ""},
		{"the page's own blank counts 0", map[string]string{"apps.partial|natural": ""}, nil,
			"R1@apps.total|natural", fmt.Sprintf("（七）总计 × 自然人：应为 %d（各项办理结果之和），实为 %d", total-partial, total)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cells := maps.Clone(base)
			maps.Copy(cells, tc.change)
			r := reportOf("2021", cells)
			r.Findings = append(r.Findings, tc.reader...)
			Validate(r)
			var sums []gongkai.Finding
			var hit *gongkai.Finding
			for i, fd := range r.Findings {
				if fd.Rule != "R1" && fd.Rule != "R2" {
					continue
				}
				sums = append(sums, fd)
				if fd.Rule+"@"+fd.At == tc.rule {
					hit = &r.Findings[i]
				}
			}
			if tc.rule == "" {
				if len(sums) != 0 {
					t.Errorf("sum findings %+v, want none: the sum is unknown", sums)
				}
				return
			}
			if hit == nil {
				t.Fatalf("sum findings %+v, want %s", sums, tc.rule)
			}
			if tc.message != "" && hit.Message != tc.message {
				t.Errorf("message %q, want %q", hit.Message, tc.message)
			}
			if strings.Contains(hit.Message, "应不少于") != (hit.Expected == nil) {
				t.Errorf("expected %v with message %q", hit.Expected, hit.Message)
			}
		})
	}
}
