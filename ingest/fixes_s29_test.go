package ingest

import (
	"testing"

	"gongkai"
)

// TestSaidAnsweredSaysWhyBlank holds that a count handled the words leave
// unsaid is blank with a finding: every application received answered, the
// 均 in one clause and the verb alone in the next ("均已登记,已答复"), and
// some answered ("已部分办结"). Both were blank with no word. Words that
// say neither stay as they were.
func TestSaidAnsweredSaysWhyBlank(t *testing.T) {
	const head = "(二)依申请公开。本年度共收到政府信息公开申请12件,"
	for _, tt := range []struct {
		body    string
		want    float64 // apps.total; -1: blank
		finding bool
	}{
		{"均已登记,已答复。", -1, true},
		{"12件均已登记,已答复。", -1, true},
		{"均已受理,并按时答复。", -1, true},
		{"全部登记在册,已在法定期限内答复。", -1, true},
		{"无上年度结转,均已登记,已答复。", 12, false}, // none carried in: the count received, exactly
		{"已部分办结。", -1, true},
		{"已基本答复。", -1, true},
		{"大部分已办结,其余正在办理。", -1, true},
		{"已有两件办结。", -1, true},
		// Not said of every application, or not of answering.
		{"10件均已登记,已答复。", -1, false}, // a count of its own, not the count received
		{"均已登记,正在办理。", -1, false},
		{"均已登记,尚未答复。", -1, false},
		{"均已登记。", -1, false},
		{"其中部分公开2件。", -1, false},
	} {
		for _, format := range []string{gongkai.Format2021, gongkai.FormatPre2019} {
			got, finding := readWithFindings(head+tt.body, format, "apps.total")
			if got != tt.want || finding != tt.finding {
				t.Errorf("%s %s: apps.total %v, finding %v; want %v, %v", format, tt.body, got, finding, tt.want, tt.finding)
			}
		}
	}
	// A review's or a suit's words are not the applications'.
	for _, line := range []string{
		"(二)依申请公开。本年度共收到政府信息公开申请12件。行政复议2件,均已受理,已答复。",
		"(二)依申请公开。本年度共收到政府信息公开申请12件。行政复议2件,已部分办结。",
	} {
		if got, finding := readWithFindings(line, gongkai.Format2021, "apps.total"); got != -1 || finding {
			t.Errorf("%s: apps.total %v, finding %v; want blank, no finding", line, got, finding)
		}
	}
}

// TestApplicantSplitInProse holds that the count received split by
// applicant in prose fills its columns where the words are certain:
// natural persons' count is its column; legal persons' and other
// organisations' is five columns, filled only when none, else blank with a
// warning. Parts that do not add up, or a split of another count, fill
// nothing. All were blank with no word.
func TestApplicantSplitInProse(t *testing.T) {
	const head = "(二)依申请公开。"
	for _, tt := range []struct {
		body              string
		natural, business float64 // -1: blank
		naturalFinding    bool    // a finding names apps.new for natural persons
		businessFinding   bool
	}{
		{"本年度共收到政府信息公开申请12件,其中自然人10件、法人或其他组织2件。", 10, -1, false, true},
		{"本年度共收到政府信息公开申请12件,其中自然人申请10件,法人或其他组织申请2件,均已按时办结。", 10, -1, false, true},
		{"本年度共受理政府信息公开申请12件(其中公民提出的申请12件,法人或其他组织0件)。", 12, 0, false, false},
		// A part not given is the count less the other (review s29).
		{"本年度共收到政府信息公开申请12件,其中自然人12件。", 12, 0, false, false},
		{"本年度共收到政府信息公开申请12件,其中自然人10件。", 10, -1, false, true},
		{"本年度共收到政府信息公开申请12件,其中法人或其他组织0件。", 12, 0, false, false},
		{"本年度共收到政府信息公开申请12件,其中法人或其他组织2件。", 10, -1, false, true},
		// Legal persons alone leave out other organisations: nothing
		// deduced from them (review s29).
		{"本年度共收到政府信息公开申请12件,其中法人2件。", -1, -1, true, false},
		{"本年度共收到政府信息公开申请12件,其中法人0件。", -1, -1, true, false},
		{"本年度共收到政府信息公开申请12件,其中自然人10件、法人2件。", 10, -1, false, true},
		// Parts that do not add up: nothing filled, the count neither
		// (session 36: one rule with checkSides), said on the count
		// (TestSplitUnequalBlank).
		{"本年度共收到政府信息公开申请12件,其中自然人10件、法人3件。", -1, -1, false, false},
		{"本年度共收到政府信息公开申请12件,其中自然人10件、法人或其他组织3件。", -1, -1, false, false},
		{"本年度共收到政府信息公开申请12件,其中自然人13件。", -1, -1, false, false},
		// Not a split by applicant of the count received.
		{"本年度共收到政府信息公开申请12件,其中网上申请10件、信函申请2件。", -1, -1, false, false},
		{"本年度办结政府信息公开申请12件,其中自然人10件。", -1, -1, false, false},
		{"本年度共收到政府信息公开申请12件,其中自然人申请的10件已办结。", -1, -1, false, false},
	} {
		vals, finds := readNarrative([]Line{{N: 1, Text: head + tt.body}}, gongkai.Format2021, 2025, "示例县示例局")
		cell := func(app string) float64 {
			for _, v := range vals {
				if v.Measure == "apps.new" && v.Applicant == app && v.Number != nil {
					return *v.Number
				}
			}
			return -1
		}
		said := func(app string) bool {
			for _, f := range finds {
				if f.Measure == "apps.new" && f.Applicant == app {
					return true
				}
			}
			return false
		}
		if got := cell(gongkai.ApplicantNatural); got != tt.natural {
			t.Errorf("%s: natural %v, want %v", tt.body, got, tt.natural)
		}
		for _, app := range legalApplicants {
			if got := cell(app); got != tt.business {
				t.Errorf("%s: %s %v, want %v", tt.body, app, got, tt.business)
			}
		}
		if said(gongkai.ApplicantNatural) != tt.naturalFinding || said(gongkai.ApplicantBusiness) != tt.businessFinding {
			t.Errorf("%s: findings natural %v, business %v; want %v, %v", tt.body, said(gongkai.ApplicantNatural), said(gongkai.ApplicantBusiness), tt.naturalFinding, tt.businessFinding)
		}
		if cell(gongkai.ApplicantTotal) != 12 && tt.natural >= 0 {
			t.Errorf("%s: apps.new total %v, want 12", tt.body, cell(gongkai.ApplicantTotal))
		}
	}
	// The pre-2019 format has no columns by applicant: nothing to fill.
	vals, _ := readNarrative([]Line{{N: 1, Text: head + "本年度共收到政府信息公开申请12件,其中自然人10件、法人或其他组织2件。"}}, gongkai.FormatPre2019, 2015, "示例县示例局")
	for _, v := range vals {
		if v.Applicant != gongkai.ApplicantTotal {
			t.Errorf("pre-2019: %s/%s read", v.Measure, v.Applicant)
		}
	}
}

// TestGroupFindingsNameTheirRows holds that the warning for a count of 不予
// 公开, 不予处理 or 其他处理 the narrative gives, which fits no one row of
// table 三, names the group's measure and row, so that the report's page can
// mark its cells: it named none.
func TestGroupFindingsNameTheirRows(t *testing.T) {
	const head = "(二)依申请公开。本年度共收到政府信息公开申请12件,"
	for _, tt := range []struct{ body, measure, row string }{
		{"其中予以公开5件,不予处理2件。", "apps.not_processed", "（五）不予处理"},
		{"其中予以公开5件,其他处理2件。", "apps.other", "（六）其他处理"},
		{"其中予以公开5件,不予公开2件。", "apps.withheld", "（三）不予公开"},
		{"其中网上申请8件,不予处理0件;信函申请4件,不予处理1件。", "apps.not_processed", "（五）不予处理"},
	} {
		_, finds := readNarrative([]Line{{N: 1, Text: head + tt.body}}, gongkai.Format2021, 2025, "示例县示例局")
		found := false
		for _, f := range finds {
			if f.Measure == tt.measure {
				found = true
				if f.RowLabel != tt.row || f.Applicant != gongkai.ApplicantTotal {
					t.Errorf("%s: finding of %s row %q applicant %q, want %q, total", tt.body, tt.measure, f.RowLabel, f.Applicant, tt.row)
				}
			}
		}
		if !found {
			t.Errorf("%s: no finding names %s; got %+v", tt.body, tt.measure, finds)
		}
	}
}
