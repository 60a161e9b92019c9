package ingest

import (
	"errors"
	"os"
	"strings"
	"testing"

	"gongkai"
)

// readWithFindings returns the figure readNarrative reads for measure from
// one line of a report of format, -1 when it is blank, and whether a
// finding names the measure.
func readWithFindings(line, format, measure string) (float64, bool) {
	vals, finds := readNarrative([]Line{{N: 1, Text: line}}, format, 2025, "示例县示例局")
	got := numberOf(vals, measure)
	found := namesMeasure(finds, measure)
	return got, found
}

// TestReceivedFromApplicantsNoApplications holds that what applicants sent
// besides applications for information is no count of applications
// received: "收到申请人补正材料6件" (the shape of real county pages) was
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
		{"本年度收到申请人补正材料6件。", -1, true},
		{"本年度收到申请人提交的补正材料6件。", -1, true},
		{"本年度收到6件申请人提交的补正材料。", -1, true},
		{"本年度受理申请人补正申请6件。", -1, true},
		{"本年度收到申请人补正材料0件。", -1, true},
		{"本年度收到申请人提出的更正个人信息申请2件。", -1, true},
		{"本年度收到申请人撤回政府信息公开申请3件。", -1, true},
		{"本年度收到申请人申诉3件。", -1, true},
		{"本年度收到申请人异议3件。", -1, true},
		{"本年度收到申请人复核申请2件。", -1, true},
		{"本年度收到申请人重复申请2件。", -1, true},
		{"本年度收到申请人10件。", -1, true},
		// Beside the count received, the material is no second count.
		{"本年度收到政府信息公开申请10件,收到申请人补正材料6件。", 10, false},
		{"本年度收到政府信息公开申请10件,其中申请人补正后受理3件。", 10, false},
		{"本年度收到政府信息公开申请10件,未收到申请人补正材料。", 10, false},
		// Applications, the applicant named before them: read.
		{"本年度收到申请人提交的信息公开申请表10份。", 10, false},
		{"本年度收到申请人的政府信息公开申请10件。", 10, false},
		{"本年度收到政府信息公开申请10件。", 10, false},
		// A part in brackets is of the applications.
		{"本年度共收到政府信息公开申请(含重复申请)10件。", 10, false},
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
// reader and of the reader beside tables: "收到申请人补正材料6件" was stored
// as apps.new by the first, and by the second as the count received the
// narrative states, set against the table's as a contradiction.
func TestReceivedFromApplicantsOtherReaders(t *testing.T) {
	line := "(二)依申请公开。本年度收到申请人补正材料6件。"
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

// TestTitlePassedOn holds that the organ a title says passed the report on
// (转发, 印发, 报送…) is no part of the agency's name: "示例县交通运输局转发
// 2021年…年度报告" stored the agency "示例县交通运输局转发", and "示例县人民
// 政府办公室转发示例县青柳镇人民政府2021年…" the office and the town in one
// name. The name after the verb is the agency; with none, a later line may
// name it, else the page is refused with a message that says why.
func TestTitlePassedOn(t *testing.T) {
	data, err := os.ReadFile("testdata/web/narrative-2021-bureau.txt")
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := strings.Cut(string(data), "\n") // the page without its title line
	for _, tt := range []struct {
		title  string
		agency string // "": refused for want of an agency
		why    string // words the refusal's message must hold
	}{
		{"示例县交通运输局转发 2021年政府信息公开工作年度报告", "", "“示例县交通运输局转发”"},
		{"示例县人民政府办公室转发2021年政府信息公开工作年度报告", "", "“示例县人民政府办公室转发”"},
		{"示例县交通运输局报送2021年政府信息公开工作年度报告", "", "“示例县交通运输局报送”"},
		{"示例县人民政府办公室转发示例县青柳镇人民政府2021年政府信息公开工作年度报告", "示例县青柳镇人民政府", ""},
		{"示例县人民政府办公室关于转发《示例县青柳镇人民政府2021年政府信息公开工作年度报告》的通知", "示例县青柳镇人民政府", ""},
		{"转发:示例县交通运输局2021年政府信息公开工作年度报告", "示例县交通运输局", ""},
		{"示例县交通运输局发布2021年政府信息公开工作年度报告", "示例县交通运输局", ""},
		{"示例县交通运输局公开2021年政府信息公开工作年度报告", "示例县交通运输局", ""},
		// The poster's title, the report's agency named by the first
		// sentence.
		{"示例县人民政府办公室转发2021年政府信息公开工作年度报告\n根据有关规定,特向社会公布示例县青柳镇人民政府2021年政府信息公开工作年度报告。", "示例县青柳镇人民政府", ""},
	} {
		r, err := Parse("page.txt", []byte(tt.title+"\n"+body), Options{})
		switch {
		case tt.agency == "" && !errors.Is(err, ErrNoAgency):
			t.Errorf("%s: agency %q, err %v; want refused for want of an agency", tt.title, agencyOf(r), err)
		case tt.agency == "" && !strings.Contains(err.Error(), tt.why):
			t.Errorf("%s: refused with %q, want it to name %s", tt.title, err, tt.why)
		case tt.agency != "" && (err != nil || r.Agency != tt.agency):
			t.Errorf("%s: agency %q, err %v; want %q", tt.title, agencyOf(r), err, tt.agency)
		}
	}
}

func agencyOf(r *gongkai.Report) string {
	if r == nil {
		return ""
	}
	return r.Agency
}

// TestCountsReadBlankUnsaid holds five shapes of real county and department
// pages that each left a count blank with no word: the count all of which
// was answered ("87件均已在法定期限内完成答复"), those handled after 其中, a
// comparison in brackets after the count received, applications put off
// (顺延) to the next year, table 三's 其他处理 and normative documents 发布
// in prose. Each is read where the words settle it, else blank with a
// finding; the shapes beside them keep their readings.
func TestCountsReadBlankUnsaid(t *testing.T) {
	const apps, pro = "(二)依申请公开。", "(一)主动公开。"
	for _, tt := range []struct {
		format, line, measure string
		want                  float64 // -1: blank
		finding               bool
	}{
		// All of a count answered: the count received, none carried in.
		{gongkai.Format2021, apps + "本年度共收到政府信息公开申请87件,上年无结转,87件均已在法定期限内完成答复。", "apps.total", 87, false},
		{gongkai.Format2021, apps + "本年度共收到政府信息公开申请87件,87件均已在法定期限内完成答复。", "apps.total", -1, true},
		{gongkai.Format2021, apps + "本年度共收到政府信息公开申请87件。87件均已在法定期限内完成答复。", "apps.total", -1, true},
		{gongkai.Format2021, apps + "本年度共收到政府信息公开申请130件,87件均已在法定期限内完成答复。", "apps.total", -1, true},
		{gongkai.Format2021, apps + "87件均已在法定期限内完成答复。", "apps.total", -1, true},
		{gongkai.Format2021, apps + "本年度共收到政府信息公开申请87件,上年无结转,87件均已基本办结。", "apps.total", -1, false},
		{gongkai.Format2021, apps + "本年度共收到政府信息公开申请87件,上年无结转,87件均已部分答复。", "apps.total", -1, false},
		{gongkai.Format2021, apps + "本年度因政府信息公开被申请行政复议2件,2件均已办结。", "apps.total", -1, false},
		// Those handled after 其中: of the year's received only.
		{gongkai.Format2021, apps + "本年度收到政府信息公开申请60件,其中办结43件。", "apps.total", -1, true},
		{gongkai.Format2021, apps + "本年度收到政府信息公开申请60件,其中已办结43件,结转下年度9件。", "apps.total", -1, true},
		{gongkai.Format2021, apps + "本年度收到政府信息公开申请60件,已办结43件。", "apps.total", 43, false},
		{gongkai.Format2021, apps + "本年度收到政府信息公开申请60件,其中办结43件。", "apps.new", 60, false},
		// A comparison in brackets after the count is no part of it.
		{gongkai.Format2021, apps + "本年度新收到政府信息公开申请964件(同比增长8.3%)。", "apps.new", 964, false},
		{gongkai.Format2021, apps + "本年度新收到政府信息公开申请964件(较上年增加74件)。", "apps.new", 964, false},
		{gongkai.Format2021, apps + "本年度新收到政府信息公开申请964件,同比增长8.3%。", "apps.new", 964, false},
		{gongkai.Format2021, apps + "本年度新收到政府信息公开申请较上年增加74件。", "apps.new", -1, false},
		{gongkai.Format2021, apps + "本年度新收到政府信息公开申请964件(含上年度结转12件)。", "apps.new", -1, true},
		// A bracket of parts with a comparison among them is read as
		// parts: the carried-in count was lost with the comparison.
		{gongkai.Format2021, apps + "本年度收到政府信息公开申请10件(其中上年结转2件,同比增长5%)。", "apps.carried_in", 2, false},
		{gongkai.Format2021, apps + "本年度收到政府信息公开申请10件(其中上年结转2件,同比增长5%)。", "apps.new", -1, true},
		// Put off to the next year: carried out.
		{gongkai.Format2021, apps + "本年度收到政府信息公开申请100件,另有37件申请顺延到下年度答复。", "apps.carried_out", 37, false},
		{gongkai.Format2021, apps + "本年度收到政府信息公开申请100件,37件申请顺延至下年度办理。", "apps.carried_out", 37, false},
		{gongkai.Format2021, apps + "本年度收到政府信息公开申请100件,另有37件申请顺延办理。", "apps.carried_out", -1, false},
		// 其他处理: the 2019 form's row; three rows with no total in the
		// 2021 form, whose zero is each one's; a review's is neither.
		{gongkai.Format2019, apps + "本年度收到政府信息公开申请300件,予以公开80件,其他处理173件。", "apps.other", 173, false},
		{gongkai.Format2021, apps + "本年度收到政府信息公开申请300件,予以公开80件,其他处理173件。", "apps.other.other", -1, false},
		{gongkai.Format2021, apps + "本年度收到政府信息公开申请300件,其他处理0件。", "apps.other.no_fee", 0, false},
		{gongkai.Format2019, "(四)复议诉讼。本年度因政府信息公开被申请行政复议3件,维持2件,其他处理1件。", "apps.other", -1, false},
		// Normative documents 发布: issued or published, unsaid.
		{gongkai.Format2021, pro + "本年度发布行政规范性文件3篇。", "normative_docs.issued", -1, true},
		{gongkai.Format2021, pro + "本年度制发行政规范性文件3篇。", "normative_docs.issued", 3, false},
		{gongkai.Format2021, pro + "本年度新发布行政规范性文件3件。", "normative_docs.issued", 3, false},
		{gongkai.Format2019, pro + "本年度发布行政规范性文件3篇。", "normative_docs.made", -1, true},
	} {
		got, finding := readWithFindings(tt.line, tt.format, tt.measure)
		if got != tt.want || finding != tt.finding {
			t.Errorf("%s %s: %s %v, finding %v; want %v, %v", tt.format, tt.line, tt.measure, got, finding, tt.want, tt.finding)
		}
	}
	// The 2021 form's 其他处理 count is said to be left out, once.
	_, finds := readNarrative([]Line{{N: 1, Text: apps + "本年度收到政府信息公开申请300件,其他处理173件。"}}, gongkai.Format2021, 2025, "示例县示例局")
	if n := countFindings(finds, "其他处理173件"); n != 1 {
		t.Errorf("2021 其他处理173件: %d findings, want 1: %+v", n, finds)
	}
}

func countFindings(fs []gongkai.Finding, words string) int {
	n := 0
	for _, f := range fs {
		if strings.Contains(f.Message, words) {
			n++
		}
	}
	return n
}

// TestReceivedSaidNotApplications holds that a count received the clause
// after it says was no application for information ("收到依申请公开1件,经核实
// 不属于政府信息公开申请", the shape of real 2020 county pages) is no count
// of applications: it was stored as apps.new 1 by the sentence reader and
// the pre-2019 reader, and beside tables as the count the narrative states.
// A part said to be none after 其中, or words of none in a later clause,
// leave the count as it was read.
func TestReceivedSaidNotApplications(t *testing.T) {
	const head = "(二)依申请公开情况。"
	for _, tt := range []struct {
		body    string
		want    float64 // -1: blank
		finding bool
	}{
		{"本年度收到依申请公开1件,经核实不属于政府信息公开申请,已告知申请人通过信访渠道反映。", -1, true},
		{"本年度收到政府信息公开申请1件,但不属于政府信息公开范畴,已回复。", -1, true},
		{"本年度收到政府信息公开申请3件,均不是政府信息公开申请。", -1, true},
		{"本年度收到政府信息公开申请3件,其中1件不属于政府信息公开申请。", 3, false},
		{"本年度收到政府信息公开申请5件,非政府信息公开申请2件。", 5, false},
		{"本年度收到政府信息公开申请3件,已全部办结,不属于政府信息公开范畴的咨询另行答复。", 3, false},
	} {
		for _, format := range []string{gongkai.Format2021, gongkai.FormatPre2019} {
			got, finding := readWithFindings(head+tt.body, format, "apps.new")
			if got != tt.want || finding != tt.finding {
				t.Errorf("%s %s: apps.new %v, finding %v; want %v, %v", format, tt.body, got, finding, tt.want, tt.finding)
			}
		}
	}
	line := head + "本年度收到依申请公开1件,经核实不属于政府信息公开申请,已告知申请人通过信访渠道反映。"
	vals, totals := pre2019FromNarrative([]Line{{N: 1, Text: line}}, "示例县示例局")
	for _, v := range vals {
		if v.Measure == "apps.new" {
			t.Errorf("pre-2019: apps.new %v from %q, want blank", num(*v.Number), v.Raw)
		}
	}
	if !hasFinding(totals, "apps.new", "不属于") {
		t.Errorf("pre-2019: no finding of apps.new, got %+v", totals)
	}
	r := &gongkai.Report{Format: gongkai.Format2021, Year: 2025, Agency: "示例县示例局",
		Values: []gongkai.Value{{Measure: "apps.new", Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(0), At: "表三"}}}
	narrativeExtras([]Line{{N: 1, Text: line}}, r)
	if v, ok := r.Lookup("narrative.apps_received", gongkai.ApplicantTotal); ok {
		t.Errorf("beside tables: narrative.apps_received %v from %q, want blank", num(*v.Number), v.Raw)
	}
	if n := countFindings(r.Findings, "不一致"); n != 0 {
		t.Errorf("beside tables: %d contradictions: %+v", n, r.Findings)
	}
}

// TestPre2019OutcomesOfInformation holds that the pre-2019 reader takes no
// count of information items for applications answered: "共制作政府信息2140
// 条,其中主动公开信息820条,依申请公开信息315条,不予公开信息1005条" (the
// shape of a real 2018 district government's page) stored 1005 as the
// applications withheld. Outcomes of applications are read as before.
func TestPre2019OutcomesOfInformation(t *testing.T) {
	for _, tt := range []struct {
		line, measure string
		want          float64 // -1: blank
	}{
		{"2018年,共制作政府信息2140条,其中主动公开信息820条,依申请公开信息315条,不予公开信息1005条。", "pre2019.apps_withheld", -1},
		{"2018年,共制作政府信息300条,其中予以公开信息200条,部分公开信息30条。", "apps.granted", -1},
		{"2018年,共制作政府信息300条,其中予以公开信息200条,部分公开信息30条。", "apps.partial", -1},
		{"2018年,共受理政府信息公开申请40件,同意公开30件,部分公开5件,不予公开5件。", "pre2019.apps_withheld", 5},
		{"2018年,共受理政府信息公开申请40件,同意公开30件,部分公开5件,不予公开5件。", "apps.granted", 30},
		{"2018年,共受理政府信息公开申请40件,其中不予公开的申请5件。", "pre2019.apps_withheld", 5},
	} {
		vals, _ := pre2019FromNarrative([]Line{{N: 1, Text: tt.line}}, "示例区人民政府")
		got := numberOf(vals, tt.measure)
		if got != tt.want {
			t.Errorf("%s: %s %v, want %v", tt.line, tt.measure, got, tt.want)
		}
	}
}

// TestProactiveKindIsNoTotal holds that a count of one kind of information
// published proactively is no count of every item: "公开政府信息新增信息23条。
// 具体情况是:政策文件2条、法定主动公开信息16条(…);其他主动公开信息5条" (the
// shape of a real 2020 county bureau's page) stored 16 as the year's items
// (the sentence reader), and 16 or 5 (the pre-2019 reader, beside tables).
// Each of the three readers leaves it blank, said; a total beside its
// statutory part, and channels' counts that disagree, are as before.
func TestProactiveKindIsNoTotal(t *testing.T) {
	const head = "二、主动公开政府信息情况。"
	kinds := "2025年,我局公开政府信息新增信息23条。具体情况是:政策文件2条、法定主动公开信息16条(财政预决算信息5条、行政事业性收费信息11条);其他主动公开信息5条(人大代表建议办理结果5条)。"
	for _, tt := range []struct {
		format, body string
		want         float64 // -1: blank
		finding      bool
	}{
		{gongkai.Format2019, kinds, -1, true},
		{gongkai.FormatPre2019, kinds, -1, true},
		{gongkai.Format2021, "2025年,我局主动公开政府信息300条,法定主动公开信息200条。", 300, false},
		{gongkai.Format2021, "2025年,我局主动公开政府信息300条、政策解读5篇。", 300, false},
		{gongkai.Format2021, "2025年,我局通过门户网站主动公开政府信息300条、通过微信公众号主动公开政府信息200条。", -1, true},
	} {
		got, finding := readWithFindings(head+tt.body, tt.format, "narrative.proactive_items")
		if got != tt.want || finding != tt.finding {
			t.Errorf("%s %s: proactive %v, finding %v; want %v, %v", tt.format, tt.body, got, finding, tt.want, tt.finding)
		}
	}
	lines := []Line{{N: 1, Text: head + kinds}}
	vals, totals := pre2019FromNarrative(lines, "示例县示例局")
	for _, v := range vals {
		if v.Measure == "narrative.proactive_items" {
			t.Errorf("pre-2019: proactive %v from %q, want blank", num(*v.Number), v.Raw)
		}
	}
	if !hasFinding(totals, "narrative.proactive_items", "某一类") {
		t.Errorf("pre-2019: no finding of the proactive items, got %+v", totals)
	}
	r := &gongkai.Report{Format: gongkai.Format2019, Year: 2025, Agency: "示例县示例局"}
	narrativeExtras(lines, r)
	if v, ok := r.Lookup("narrative.proactive_items", gongkai.ApplicantTotal); ok {
		t.Errorf("beside tables: proactive %v from %q, want blank", num(*v.Number), v.Raw)
	}
}

// TestNoneOfOtherRequests holds that none of another request than an
// application for information is no none of applications: "未收到申请人提出
// 的政府信息更正申请", "…撤回…", "…申诉", "…重复的…申请" each stored apps.new 0
// (the sentence reader, and the pre-2019 reader for the first). None of
// applications beside none of another thing is read as before.
func TestNoneOfOtherRequests(t *testing.T) {
	const head = "(二)依申请公开。"
	for _, tt := range []struct {
		body string
		want float64 // -1: blank
	}{
		{"本年度未收到申请人提出的政府信息更正申请。", -1},
		{"本年度未收到申请人撤回政府信息公开申请的情况。", -1},
		{"本年度未收到政府信息公开申请的申诉。", -1},
		{"本年度未收到重复的政府信息公开申请。", -1},
		{"本年度未收到政府信息公开申请。", 0},
		{"本年度未收到政府信息公开申请和群众意见。", 0},
		{"本年度未收到政府信息公开申请,也未收到申诉。", 0},
	} {
		for _, format := range []string{gongkai.Format2021, gongkai.FormatPre2019} {
			if got, _ := readWithFindings(head+tt.body, format, "apps.new"); got != tt.want {
				t.Errorf("%s %s: apps.new %v, want %v", format, tt.body, got, tt.want)
			}
		}
		vals, _ := pre2019FromNarrative([]Line{{N: 1, Text: head + tt.body}}, "示例县示例局")
		got := numberOf(vals, "apps.new")
		if got != tt.want {
			t.Errorf("pre-2019 reader %s: apps.new %v, want %v", tt.body, got, tt.want)
		}
	}
}
