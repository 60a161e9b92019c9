package ingest

import (
	"strings"
	"testing"

	"gongkai"
)

// readWithFindings returns the figure readNarrative reads for measure from
// one line of a report of format, -1 when it is blank, and whether a
// finding names the measure.
func readWithFindings(line, format, measure string) (float64, bool) {
	vals, finds := readNarrative([]Line{{N: 1, Text: line}}, format, 2025, "示例县示例局")
	got := -1.0
	for _, v := range vals {
		if v.Measure == measure && v.Number != nil {
			got = *v.Number
		}
	}
	found := false
	for _, f := range finds {
		found = found || f.Measure == measure
	}
	return got, found
}

// TestReceivedFromApplicantsNoApplications holds that what applicants sent
// besides applications for information is no count of applications
// received: "收到申请人补正材料7件" (the shape of real county pages) was
// stored as apps.new 7, its 申请 the applicant's. Such a count is blank
// with a finding, unless another statement gives the count received; one
// of applications, or with the applicant named before the applications, is
// read as before.
func TestReceivedFromApplicantsNoApplications(t *testing.T) {
	const head = "(二)依申请公开。"
	for _, tt := range []struct {
		body    string
		want    float64 // -1: blank
		finding bool
	}{
		{"本年度收到申请人补正材料7件。", -1, true},
		{"本年度收到申请人提交的补正材料7件。", -1, true},
		{"本年度收到7件申请人提交的补正材料。", -1, true},
		{"本年度受理申请人补正申请7件。", -1, true},
		{"本年度收到申请人补正材料0件。", -1, true},
		{"本年度收到申请人提出的更正个人信息申请2件。", -1, true},
		{"本年度收到申请人撤回政府信息公开申请3件。", -1, true},
		{"本年度收到申请人申诉3件。", -1, true},
		{"本年度收到申请人异议3件。", -1, true},
		{"本年度收到申请人复核申请2件。", -1, true},
		{"本年度收到申请人重复申请2件。", -1, true},
		{"本年度收到申请人10件。", -1, true},
		// Beside the count received, the material is no second count.
		{"本年度收到政府信息公开申请10件,收到申请人补正材料7件。", 10, false},
		{"本年度收到政府信息公开申请10件,其中申请人补正后受理3件。", 10, false},
		{"本年度收到政府信息公开申请10件,未收到申请人补正材料。", 10, false},
		// Applications, the applicant named before them: read.
		{"本年度收到申请人提交的信息公开申请表10份。", 10, false},
		{"本年度收到申请人的政府信息公开申请10件。", 10, false},
		{"本年度收到政府信息公开申请10件。", 10, false},
	} {
		for _, format := range []string{gongkai.Format2021, gongkai.FormatPre2019} {
			got, finding := readWithFindings(head+tt.body, format, "apps.new")
			if got != tt.want || finding != tt.finding {
				t.Errorf("%s %s: apps.new %v, finding %v; want %v, %v", format, tt.body, got, finding, tt.want, tt.finding)
			}
		}
	}
}

// TestReceivedFromApplicantsOtherReaders holds the same of the pre-2019
// reader and of the reader beside tables: "收到申请人补正材料7件" was stored
// as apps.new by the first, and by the second as the count received the
// narrative states, set against the table's as a contradiction.
func TestReceivedFromApplicantsOtherReaders(t *testing.T) {
	line := "(二)依申请公开。本年度收到申请人补正材料7件。"
	vals, totals := pre2019FromNarrative([]Line{{N: 1, Text: line}}, "示例县示例局")
	for _, v := range vals {
		if v.Measure == "apps.new" {
			t.Errorf("pre-2019: apps.new %v from %q, want blank", num(*v.Number), v.Raw)
		}
	}
	if !hasFinding(totals, "apps.new", "补正") {
		t.Errorf("pre-2019: no finding of apps.new, got %+v", totals)
	}
	r := &gongkai.Report{Format: gongkai.Format2021, Year: 2025, Agency: "示例县示例局",
		Values: []gongkai.Value{{Measure: "apps.new", Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(10), At: "表三"}}}
	narrativeExtras([]Line{{N: 1, Text: line}}, r)
	if v, ok := r.Lookup("narrative.apps_received", gongkai.ApplicantTotal); ok {
		t.Errorf("beside tables: narrative.apps_received %v from %q, want blank", num(*v.Number), v.Raw)
	}
	for _, f := range r.Findings {
		if strings.Contains(f.Message, "不一致") {
			t.Errorf("beside tables: %s", f.Message)
		}
	}
	if !hasFinding(r.Findings, "narrative.apps_received", "补正") {
		t.Errorf("beside tables: no finding of narrative.apps_received, got %+v", r.Findings)
	}
}

// hasFinding reports whether a finding of measure quotes words.
func hasFinding(fs []gongkai.Finding, measure, words string) bool {
	for _, f := range fs {
		if f.Measure == measure && strings.Contains(f.Message, words) {
			return true
		}
	}
	return false
}
