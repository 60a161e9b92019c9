package ingest

import (
	"context"
	"strings"
	"testing"

	"gongkai"
)

// TestHandledAfterCarried checks every verb of handling said right after a
// count carried in ("本年度收到申请10件,上年结转2件,已办结2件", left from
// session 35, which fixed 办理完成 alone): the 2 may be those carried in that
// were handled, and the year's handled total is not said. It was stored as
// apps.total 2 (已办结, 已答复, 已回复, 均已办结, 办结 …), or passed over with
// no word (已处理完毕, 办理完毕, 已办理完成). Now blank with a warning, unless
// the sentence's counts settle it: more than either count and no more than
// both (some of each), or the four counts balancing. 共, 全年 and the like
// make it the year's whole, as before; none carried in leaves nothing to
// mistake it for.
func TestHandledAfterCarried(t *testing.T) {
	const head = "(二)依申请公开。"
	for _, tt := range []struct {
		line string
		want float64 // -1: blank
		said string  // words of a finding on apps.total, "" for none
	}{
		{"本年度收到申请10件,上年结转2件,已办结2件。", -1, "紧接在上年结转"},
		{"本年度收到申请10件,上年结转2件,已答复2件。", -1, "紧接在上年结转"},
		{"本年度收到申请10件,上年结转2件,已回复2件。", -1, "紧接在上年结转"},
		{"本年度收到申请10件,上年结转2件,均已办结2件。", -1, "紧接在上年结转"},
		{"本年度收到申请10件,上年结转2件,已全部办结2件。", -1, "紧接在上年结转"},
		{"本年度收到申请10件,上年结转2件,办结2件。", -1, "紧接在上年结转"},
		{"本年度收到申请10件,上年结转2件,答复完毕2件。", -1, "紧接在上年结转"},
		{"本年度收到申请10件,上年结转2件,已处理完毕2件。", -1, "紧接在上年结转"},
		{"本年度收到申请10件,上年结转2件,已办理完成2件。", -1, "紧接在上年结转"},
		{"本年度收到申请10件,上年度结转申请2件,办理完毕2件。", -1, "紧接在上年结转"},
		{"本年度收到申请10件,结转上年度申请2件,已办结申请2件。", -1, "紧接在上年结转"},
		// In a sentence of its own after the count carried in.
		{"本年度收到申请10件,上年结转2件。已办结2件。", -1, "紧接在上年结转"},
		// A 其中 of the count carried in, not of the count handled.
		{"本年度收到申请12件,其中上年结转2件,已办结2件。", -1, "紧接在上年结转"},
		// Another count handled beside it: the two disagree, as before.
		{"上年结转2件,已办结2件;本年度收到申请10件,已办结8件,2件结转下年。", -1, "不一致"},
		// Fewer than the new ones: of the new ones, or of all.
		{"本年度收到申请10件,上年结转2件,已办结9件。", -1, "紧接在上年结转"},
		// The count carried out said: only the balance settles it
		// (review s36: 10+2 ≠ 11+2 kept 11).
		{"本年度收到申请10件,上年结转2件,已办结11件,结转下年2件。", -1, "紧接在上年结转"},
		// More than both: one of the counts is wrong.
		{"本年度收到申请10件,上年结转2件,已办结13件。", -1, "紧接在上年结转"},
		// Bare 办理, 处理: received or handled, said so as before.
		{"本年度收到申请10件,上年结转2件,已办理2件。", -1, "只写“办理”"},
		{"本年度收到申请10件,上年结转2件,已处理2件。", -1, "只写“处理”"},
		// Settled: some of each, or the four counts balance.
		{"本年度收到申请10件,上年结转2件,已办结12件。", 12, ""},
		{"本年度收到申请10件,上年结转2件,已处理完毕11件。", 11, ""},
		{"本年度收到申请10件,上年结转2件,已办结2件,结转下年10件。", 2, ""},
		{"本年度收到申请10件,上年结转2件,已答复9件,3件正在办理中。", 9, ""},
		// The year's whole in words, or none carried in: as before.
		{"本年度收到申请10件,上年结转2件,共办结2件。", 2, ""},
		{"本年度收到申请10件,上年结转2件,全年办结2件。", 2, ""},
		{"本年度收到申请10件,上年结转0件,已办结10件。", 10, ""},
		{"本年度收到申请10件,上年无结转,已办结10件。", 10, ""},
		{"本年度收到申请10件,已办结10件。", 10, ""},
		// 办理完毕, 处理完毕 at a clause's start are 已办结 (passed over
		// with no word before).
		{"本年度收到申请10件,已办理完毕10件。", 10, ""},
		{"本年度收到申请10件,处理完毕10件。", 10, ""},
		{"本年度收到申请10件,均已办理完成10件。", 10, ""},
	} {
		vals, finds := readNarrative([]Line{{N: 1, Text: head + tt.line}}, gongkai.Format2021, 2024, "示例县某某局")
		if got := numberOf(vals, "apps.total"); got != tt.want {
			t.Errorf("%s: apps.total %v, want %v", tt.line, got, tt.want)
		}
		if tt.said != "" && !hasFinding(finds, "apps.total", tt.said) {
			t.Errorf("%s: no finding on apps.total saying %q: %+v", tt.line, tt.said, finds)
		}
		if tt.said == "" && namesMeasure(finds, "apps.total") {
			t.Errorf("%s: a finding on apps.total, want none: %+v", tt.line, finds)
		}
	}
	// A review's count carried in, and those of it concluded: the review's,
	// not the applications' (no apps.total, no word of applications).
	for _, line := range []string{
		"(四)行政复议。因政府信息公开被申请行政复议3件,上年结转1件,已办结2件。",
		"(四)行政复议。因政府信息公开被申请行政复议3件,上年结转1件。已办结2件。",
	} {
		vals, finds := readNarrative([]Line{{N: 1, Text: line}}, gongkai.Format2021, 2024, "示例县某某局")
		if numberOf(vals, "apps.total") != -1 || namesMeasure(finds, "apps.total") {
			t.Errorf("%s: apps.total %v, findings %+v", line, numberOf(vals, "apps.total"), finds)
		}
	}
}

// TestMoreApplicantsNoVerb checks a count received followed at once by a
// count of applications by applicant with no verb ("收到群众申请10件,公民、法人
// 或其他组织申请12件", left from session 35): the second was passed over with
// no word, and the first stored as the year's count. One whole side and the
// other are read as their sum; the public's count with both whole sides
// adding up to it is that count; anything else is blank with a warning.
func TestMoreApplicantsNoVerb(t *testing.T) {
	const head = "(二)依申请公开情况。"
	for _, tt := range []struct {
		line  string
		fresh float64 // -1: blank
		said  bool    // a finding on apps.new naming the second count
	}{
		{"收到群众申请10件,公民、法人或其他组织申请12件。", -1, true},
		{"全年共收到政府信息公开申请10件,公民申请8件。", -1, true},
		{"收到群众申请10件,公民申请8件,法人或其他组织申请3件。", -1, true},
		{"收到公民申请10件,企业申请2件。", -1, true},
		// Certain: the two whole sides, or every applicant's count and
		// both sides adding up to it.
		{"收到自然人申请10件,法人或其他组织申请12件。", 22, false},
		{"收到公民申请10件,法人或其他组织提出的申请2件。", 12, false},
		{"收到群众申请10件,公民申请8件,法人或其他组织申请2件。", 10, false},
		// Anything else the sentence counts: a stated total unlike the
		// sum, or a further count (review s36); a total equal to it
		// confirms it.
		{"收到自然人申请10件,法人或其他组织申请12件,共计20件。", -1, true},
		{"收到自然人申请10件、法人或其他组织申请12件、其他申请3件。", -1, true},
		{"收到自然人申请10件,法人或其他组织申请12件,共计22件。", 22, false},
		{"收到群众申请10件,公民申请8件,法人或其他组织申请2件,其中网上申请5件。", -1, true},
		// After 其中 they are parts, read as before.
		{"收到群众申请10件,其中公民申请8件,法人或其他组织申请2件。", 10, false},
		{"收到政府信息公开申请10件,上年结转2件。", 10, false},
	} {
		vals, finds := readNarrative([]Line{{N: 1, Text: head + tt.line}}, gongkai.Format2021, 2024, "示例县某某局")
		if got := numberOf(vals, "apps.new"); got != tt.fresh {
			t.Errorf("%s: apps.new %v, want %v", tt.line, got, tt.fresh)
		}
		if got := hasFinding(finds, "apps.new", "另写有某类申请人的申请件数"); got != tt.said {
			t.Errorf("%s: finding %v, want %v: %+v", tt.line, got, tt.said, finds)
		}
	}
}

// TestMoreApplicantsOwnPlace checks that what follows a count received is
// read from the count's own place in its line (review s36's LOW: the first
// occurrence of its clause was taken), and that a count passed over as
// unsure still disagrees with another count read: the line contradicts
// itself, so neither is kept.
func TestMoreApplicantsOwnPlace(t *testing.T) {
	const line = "(二)依申请公开情况。收到自然人申请10件,法人或其他组织申请2件,共计20件。收到自然人申请10件,法人或其他组织申请2件。"
	vals, finds := readNarrative([]Line{{N: 1, Text: line}}, gongkai.Format2021, 2024, "示例县某某局")
	if got := numberOf(vals, "apps.new"); got != -1 || !hasFinding(finds, "apps.new", "不一致") {
		t.Errorf("apps.new %v, want blank with a finding of the disagreement: %+v", got, finds)
	}
	vals, _ = readNarrative([]Line{{N: 1, Text: "(二)依申请公开情况。2023年收到公民申请10件,法人或其他组织申请2件,共计20件。2024年收到自然人申请10件,法人或其他组织申请2件。"}}, gongkai.Format2021, 2024, "示例县某某局")
	if got := numberOf(vals, "apps.new"); got != 12 {
		t.Errorf("the year's own sentence: apps.new %v, want 12", got)
	}
}

// TestSplitUnequalBlank checks one rule for a count received whose parts by
// applicant do not add up to it (left from session 35): in one sentence
// ("…10件,其中公民申请8件,法人或其他组织申请3件", applySplits) the count was
// kept, the warning on the columns; in statements of their own ("…10件。收到
// 公民申请8件。收到法人或其他组织申请3件", checkSides) it was blank. Now both
// leave it blank with a warning on the count: the rule that never shows a
// figure that may be wrong. Parts that add up leave it read.
func TestSplitUnequalBlank(t *testing.T) {
	const head = "(二)依申请公开情况。"
	for _, tt := range []struct {
		line   string
		format string
		fresh  float64 // -1: blank
	}{
		{"全年共收到群众申请10件,其中公民申请8件,法人或其他组织申请3件。", gongkai.Format2021, -1},
		{"全年共收到群众申请10件。其中公民申请8件,法人或其他组织申请3件。", gongkai.Format2021, -1},
		{"本年度共收到政府信息公开申请12件,其中自然人13件。", gongkai.Format2021, -1},
		{"全年共收到群众申请10件,其中公民申请8件,法人和其他组织申请3件。", gongkai.FormatPre2019, -1},
		{"全年共收到群众申请10件。收到公民申请8件。收到法人或其他组织申请3件。", gongkai.Format2021, -1},
		// They add up.
		{"全年共收到群众申请10件,其中公民申请7件,法人或其他组织申请3件。", gongkai.Format2021, 10},
		{"全年共收到群众申请10件,其中公民申请7件,法人和其他组织申请3件。", gongkai.FormatPre2019, 10},
		{"全年共收到群众申请10件。收到公民申请7件。收到法人或其他组织申请3件。", gongkai.Format2021, 10},
	} {
		year := 2024
		if tt.format == gongkai.FormatPre2019 {
			year = 2016
		}
		vals, finds := readNarrative([]Line{{N: 1, Text: head + tt.line}}, tt.format, year, "示例县某某局")
		if got := numberOf(vals, "apps.new"); got != tt.fresh {
			t.Errorf("%s %s: apps.new %v, want %v", tt.format, tt.line, got, tt.fresh)
		}
		said := false
		for _, f := range finds {
			if f.Measure == "apps.new" && f.Applicant == gongkai.ApplicantTotal && strings.Contains(f.Message, "未填入") {
				said = true
			}
		}
		if said != (tt.fresh == -1) {
			t.Errorf("%s %s: a finding on the count %v, want %v: %+v", tt.format, tt.line, said, tt.fresh == -1, finds)
		}
	}
}

// TestSideAgainstTable checks a count received of one side of applicants in
// the narrative beside table 三 ("收到公民申请10件" over a table whose 自然人
// column says 8, left from session 35): the table's figure stays, and the
// disagreement is a warning on its cell. It was dropped with no word of the
// table. A whole side is set against its column (法人或其他组织 against the
// five summed), any side against the total; counts that agree say nothing.
func TestSideAgainstTable(t *testing.T) {
	table := func(natural float64, legal [5]float64, total float64) []gongkai.Value {
		vs := []gongkai.Value{
			{Measure: "apps.new", Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(total), At: "表三 第2行"},
			{Measure: "apps.new", Applicant: gongkai.ApplicantNatural, Number: gongkai.Float(natural), At: "表三 第2行"},
		}
		for i, a := range legalApplicants {
			vs = append(vs, gongkai.Value{Measure: "apps.new", Applicant: a, Number: gongkai.Float(legal[i]), At: "表三 第2行"})
		}
		return vs
	}
	const head = "(二)依申请公开情况。"
	for _, tt := range []struct {
		line      string
		applicant string // the cell a warning names, "" for none
	}{
		{"全年收到公民申请10件。", gongkai.ApplicantNatural},
		{"全年收到自然人提出的申请8件,均已按时答复。", ""},
		{"全年收到法人或其他组织申请3件。", gongkai.ApplicantBusiness},
		{"全年收到法人或其他组织申请2件。", ""},
		{"全年收到企业申请11件。", gongkai.ApplicantTotal},
		{"全年收到企业申请1件。", ""},
	} {
		r := &gongkai.Report{Format: gongkai.Format2021, Year: 2024, Agency: "示例县某某局", Values: table(8, [5]float64{1, 0, 0, 1, 0}, 10)}
		doc := &Document{Lines: []Line{{N: 1, Text: "二、收到和处理政府信息公开申请情况"}, {N: 2, Text: head + tt.line}}}
		readBesideTables(context.Background(), doc, r)
		said := ""
		for _, f := range r.Findings {
			if f.Measure == "apps.new" && strings.Contains(f.Message, "表格") {
				said = f.Applicant
			}
		}
		if said != tt.applicant {
			t.Errorf("%s: warning on %q, want %q: %+v", tt.line, said, tt.applicant, r.Findings)
		}
		if v, _ := r.Lookup("apps.new", gongkai.ApplicantNatural); v.Number == nil || *v.Number != 8 {
			t.Errorf("%s: table's natural column changed: %+v", tt.line, v)
		}
	}
}

// TestPublishedMonthOnly checks the date under a signature written in
// digits with its month alone ("2024年1月", left from session 35, now a
// signature's date): it gives no publication date, and a date with its day
// before it stands.
func TestPublishedMonthOnly(t *testing.T) {
	for _, tt := range []struct {
		lines []string
		want  string
	}{
		{[]string{"某某局2023年政府信息公开工作年度报告", "某某局", "2024年1月"}, ""},
		{[]string{"某某局2023年政府信息公开工作年度报告", "2024年1月5日", "某某局", "2024年1月"}, "2024-01-05"},
		{[]string{"某某局2023年政府信息公开工作年度报告", "某某局", "2024年1月20日"}, "2024-01-20"},
	} {
		var lines []Line
		for i, s := range tt.lines {
			lines = append(lines, Line{N: i + 1, Text: s})
		}
		if got := publishedDate(lines); got != tt.want {
			t.Errorf("%q: published %q, want %q", tt.lines, got, tt.want)
		}
	}
}

// TestMoreApplicantsBesideTables holds TestMoreApplicantsNoVerb's reading
// beside the tables (narrativeExtras): the first count was stored as the
// narrative's count received, and set against the table's, the second
// passed over.
func TestMoreApplicantsBesideTables(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // -1: blank, with a finding
	}{
		{"(二)依申请公开。本年度收到群众申请10件,公民、法人或其他组织申请12件。", -1},
		{"(二)依申请公开。本年度收到自然人申请10件,法人或其他组织申请12件。", 22},
		{"(二)依申请公开。本年度收到自然人申请10件,法人或其他组织申请12件,共计20件。", -1},
		{"(二)依申请公开。本年度收到政府信息公开申请10件。", 10},
	} {
		r := &gongkai.Report{Format: gongkai.Format2021, Year: 2024, Agency: "示例县示例局",
			Values: []gongkai.Value{{Measure: "apps.new", Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(22), At: "表三"}}}
		narrativeExtras([]Line{{N: 1, Text: tt.line}}, r)
		got := -1.0
		if v, ok := r.Lookup("narrative.apps_received", gongkai.ApplicantTotal); ok && v.Number != nil {
			got = *v.Number
		}
		if got != tt.want {
			t.Errorf("%s: narrative.apps_received %v, want %v", tt.line, got, tt.want)
		}
		if tt.want == -1 && !hasFinding(r.Findings, "narrative.apps_received", "另写有某类申请人") {
			t.Errorf("%s: no finding: %+v", tt.line, r.Findings)
		}
	}
}

// TestPre2019NarrativeSame holds session 36's readings in the pre-2019
// reader of the old regime's words (pre2019FromNarrative), which reads such
// pages alone: '…上年结转2件,已办结2件' was stored as apps.total 2, '收到群众
// 申请10件,公民、法人或其他组织申请12件' and '收到公民申请10件' as apps.new 10.
func TestPre2019NarrativeSame(t *testing.T) {
	const head = "二、依申请公开情况。"
	for _, tt := range []struct {
		line    string
		measure string
		want    float64 // -1: blank, with a finding
	}{
		{"本年度收到政府信息公开申请10件,上年结转2件,已办结2件。", "apps.total", -1},
		{"本年度收到政府信息公开申请10件,上年结转2件。已办结2件。", "apps.total", -1},
		{"上年结转2件,已办结2件;本年度收到申请10件,已办结8件,2件结转下年。", "apps.total", -1},
		{"本年度收到政府信息公开申请10件,上年结转2件,已办结12件。", "apps.total", 12},
		{"本年度收到政府信息公开申请10件,上年结转2件,已办结2件,结转下年10件。", "apps.total", 2},
		{"本年度收到政府信息公开申请10件,上年结转2件,共办结2件。", "apps.total", 2},
		{"本年度收到政府信息公开申请10件,已办结10件。", "apps.total", 10},
		{"本年度收到群众申请10件,公民、法人或其他组织申请12件。", "apps.new", -1},
		{"本年度收到公民申请10件。", "apps.new", -1},
		{"本年度收到自然人申请10件,法人或其他组织申请2件。", "apps.new", 12},
		{"本年度收到自然人申请10件,法人或其他组织申请2件,共计20件。", "apps.new", -1},
		{"本年度收到自然人申请10件、法人或其他组织申请2件、其他申请3件。", "apps.new", -1},
		{"本年度收到政府信息公开申请10件。", "apps.new", 10},
		// Parts by applicant that do not add up (TestSplitUnequalBlank).
		{"全年共收到群众申请10件,其中公民申请8件,法人和其他组织申请3件。", "apps.new", -1},
		{"全年共收到群众申请10件,其中公民申请7件,法人和其他组织申请3件。", "apps.new", 10},
	} {
		vals, totals := pre2019FromNarrative([]Line{{N: 1, Text: head + tt.line}}, "示例县示例局")
		if got := numberOf(vals, tt.measure); got != tt.want {
			t.Errorf("%s: %s %v, want %v", tt.line, tt.measure, got, tt.want)
		}
		if said := namesMeasure(totals, tt.measure); said != (tt.want == -1) {
			t.Errorf("%s: finding on %s %v, want %v: %+v", tt.line, tt.measure, said, tt.want == -1, totals)
		}
	}
}
