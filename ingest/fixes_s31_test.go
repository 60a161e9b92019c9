package ingest

import (
	"strings"
	"testing"

	"gongkai"
)

// s31Case is one sentence-reader case of session 31's fixes: the lines of a
// report of 2025, the measure looked at, the figure it must hold (-1:
// blank), whether a finding must name it, and words that finding must (say)
// and must not (unsaid) hold. Figures and agencies invented.
type s31Case struct {
	lines   []string
	agency  string // "" for 示例市示例局
	measure string
	want    float64
	warned  bool
	say     string
	unsaid  string
}

func runS31(t *testing.T, cases []s31Case) {
	t.Helper()
	for _, tt := range cases {
		var lines []Line
		for i, s := range tt.lines {
			lines = append(lines, Line{N: i + 1, Text: s})
		}
		agency := tt.agency
		if agency == "" {
			agency = "示例市示例局"
		}
		vals, finds := readNarrative(lines, gongkai.Format2021, 2025, agency)
		msg := ""
		for _, f := range finds {
			if f.Measure == tt.measure {
				msg = f.Message
			}
		}
		got, warned := numberOf(vals, tt.measure), msg != ""
		if got != tt.want || warned != tt.warned || tt.say != "" && !strings.Contains(msg, tt.say) || tt.unsaid != "" && strings.Contains(msg, tt.unsaid) {
			t.Errorf("%s (%s): %s %v, finding %q; want %v, warned %v (saying %q, not %q)",
				strings.Join(tt.lines, " / "), agency, tt.measure, got, msg, tt.want, tt.warned, tt.say, tt.unsaid)
		}
	}
}

// TestOtherYearClauseSaid holds that a count after a clause naming another
// year, in a sentence that spoke of the report's year first, is blank with
// a warning that says so; before, every clause after the other year's was
// passed over with no word. A sentence that opens on another year is that
// year's, and a year named to compare with changes nothing.
func TestOtherYearClauseSaid(t *testing.T) {
	const head = "(二)依申请公开。"
	runS31(t, []s31Case{
		{lines: []string{head + "2025年共收到政府信息公开申请12件,其中2024年12月提出的2件,办结12件。"}, measure: "apps.total", want: -1, warned: true, say: "另一年度"},
		{lines: []string{head + "本年度共收到政府信息公开申请12件,其中2024年提出的2件,办结11件,结转下年度1件。"}, measure: "apps.carried_out", want: -1, warned: true, say: "另一年度"},
		{lines: []string{head + "共收到政府信息公开申请12件,其中2024年提出的2件,办结12件。"}, measure: "apps.total", want: -1, warned: true},
		// "办结M件(含YYYY-1年转入YYYY年办结K件)": a part of M, those carried
		// in; the clause was another year's whole, M passed over.
		{lines: []string{head + "2025年共受理政府信息公开申请12件,办结12件(含2024年转入2025年办结2件),结转下年度1件。"}, measure: "apps.total", want: 12},
		{lines: []string{head + "2025年共受理政府信息公开申请12件,办结12件(含2024年转入2025年办结2件),结转下年度1件。"}, measure: "apps.carried_in", want: -1},
		// Another year's sentence throughout: not the report's figures.
		{lines: []string{head + "2024年共收到政府信息公开申请8件,办结8件。"}, measure: "apps.total", want: -1, warned: false},
		// A comparison, and the year before's carry, as before.
		{lines: []string{head + "2025年共收到政府信息公开申请12件,较2024年增加3件,办结12件。"}, measure: "apps.total", want: 12, warned: false},
		{lines: []string{head + "2025年共收到政府信息公开申请12件,2024年结转1件,办结13件。"}, measure: "apps.total", want: 13, warned: false},
	})
}

// TestCountFirstOutcomesSaid holds that outcomes stated count-first after
// the count received ("其中N件属行政执法案卷信息,M件申请人主动撤件") are blank
// with a warning when their words name no outcome table 三 has a row for,
// and read when they name a reason and 不予公开 both. All were passed over
// with no word.
func TestCountFirstOutcomesSaid(t *testing.T) {
	const head = "(二)依申请公开。"
	runS31(t, []s31Case{
		{lines: []string{head + "本年度收到要求公开政府信息的申请7件,其中1件属行政执法案卷信息,6件申请人主动撤件。"}, measure: "apps.withheld.enforcement_file", want: -1, warned: true, say: "未写办理结果"},
		{lines: []string{head + "本年度收到要求公开政府信息的申请7件,其中1件属行政执法案卷信息,6件申请人主动撤件。"}, measure: "apps.other", want: -1, warned: true, say: "撤回"},
		{lines: []string{head + "本年度收到政府信息公开申请7件,其中1件属于国家秘密不予公开,6件予以公开。"}, measure: "apps.withheld.state_secret", want: 1, warned: false},
		{lines: []string{head + "本年度收到政府信息公开申请7件,其中1件属于国家秘密不予公开,6件予以公开。"}, measure: "apps.granted", want: 6, warned: false},
		// Two reasons, or granted in part: no one row.
		{lines: []string{head + "本年度收到政府信息公开申请7件,其中1件属于国家秘密和内部事务信息不予公开,6件予以公开。"}, measure: "apps.withheld.state_secret", want: -1, warned: false},
		// 其他 with the withdrawal in brackets: no row of its own.
		{lines: []string{head + "共收到政府信息公开申请9件。其中予以公开6件,部分公开2件,其他1件(申请人撤销申请)。"}, measure: "apps.other", want: -1, warned: true, say: "撤回"},
		// A withdrawn review is no application's.
		{lines: []string{head + "本年度收到政府信息公开申请7件,其中6件予以公开,1件申请人撤回复议。"}, measure: "apps.other", want: -1, warned: false},
	})
}

// TestWithheldForOneReason holds that a count withheld for one reason the
// words name ("因申请事项属于行政查询范畴依法不予公开N件", "因属于国家秘密不予
// 公开N件") is that reason's row: 行政查询 is in row 8's label and no other
// row's, 范畴 or 事项. Before, both were said to fit no row.
func TestWithheldForOneReason(t *testing.T) {
	const head = "(二)依申请公开。2025年共收到政府信息公开申请12件,予以公开8件,"
	runS31(t, []s31Case{
		{lines: []string{head + "因申请事项属于行政查询范畴依法不予公开4件。"}, measure: "apps.withheld.query_matter", want: 4},
		{lines: []string{head + "因申请事项属于行政查询事项依法不予公开4件。"}, measure: "apps.withheld.query_matter", want: 4},
		{lines: []string{head + "因涉及第三方合法权益不予公开4件。"}, measure: "apps.withheld.third_party", want: 4},
		// No reason, two reasons, or one denied: the group's warning.
		{lines: []string{head + "不予公开4件。"}, measure: "apps.withheld", want: -1, warned: true},
		{lines: []string{head + "因属于国家秘密及过程性信息不予公开4件。"}, measure: "apps.withheld", want: -1, warned: true},
		{lines: []string{head + "因不属于行政查询事项不予公开4件。"}, measure: "apps.withheld.query_matter", want: -1},
	})
}

// TestReviewCountsNotApplications holds that the counts handled and in
// progress after a review in the sentence are the review's: the first has no
// row, the second is the review still pending. Before, they were taken for
// the applications' (apps.total beside another figure, apps.carried_out
// stored) or, up to a date, said to be the applications' counts.
func TestReviewCountsNotApplications(t *testing.T) {
	const head = "(二)依申请公开。2025年共收到政府信息公开申请12件,办结12件。"
	runS31(t, []s31Case{
		{lines: []string{head + "行政复议4件,已办结3件,1件正在办理中。"}, measure: "apps.carried_out", want: -1},
		{lines: []string{head + "行政复议4件,已办结3件,1件正在办理中。"}, measure: "apps.total", want: 12},
		{lines: []string{head + "行政复议4件,已办结3件,1件正在办理中。"}, measure: "review.pending", want: 1},
		{lines: []string{head + "因政府信息公开被申请行政复议4件,已办结3件,正在办理1件。"}, measure: "review.pending", want: 1},
		{lines: []string{head + "行政复议4件,截至12月底已办结3件,1件正在办理中。"}, measure: "apps.total", want: 12},
		{lines: []string{head + "行政复议4件,截至12月底已办结3件,1件正在办理中。"}, measure: "review.pending", want: -1, warned: true},
		// A review of none leaves the counts after it the applications'.
		{lines: []string{"(二)依申请公开。2025年共收到政府信息公开申请12件,行政复议0件,办结12件。"}, measure: "apps.total", want: 12},
	})
}

// TestReviewCauseUnsaid holds that a review brought against the organ, on a
// line and in a part that never name disclosure, is blank with a warning
// (it may be any of the organ's work), and its none is read: none of any
// cause is none of disclosure. Before, both were passed over with no word.
func TestReviewCauseUnsaid(t *testing.T) {
	runS31(t, []s31Case{
		{lines: []string{"一、总体情况", "(四)行政复议和诉讼。2025年被申请行政复议2件,申请人撤回复议申请2件。"}, measure: "review.total", want: -1, warned: true, say: "未说是因政府信息公开"},
		{lines: []string{"一、总体情况", "(四)行政复议和诉讼。2025年被申请行政复议0件。"}, measure: "review.total", want: 0},
		{lines: []string{"四、政府信息公开行政复议、行政诉讼情况", "2025年被申请行政复议2件,申请人撤回复议申请2件。"}, measure: "review.total", want: 2},
		{lines: []string{"四、政府信息公开行政复议、行政诉讼情况", "2025年被申请行政复议2件,申请人撤回复议申请2件。"}, measure: "review.other", want: 2},
	})
}

// TestDocumentsOfWhom holds that table 二's documents counted after the
// words of documents reviewed, or named as a government level's own (区本级)
// in the report of an organ that is not that government, are blank with a
// warning. The first was passed over with no word, the second stored as the
// organ's own.
func TestDocumentsOfWhom(t *testing.T) {
	const head = "(一)主动公开。2025年,"
	runS31(t, []s31Case{
		{lines: []string{head + "依法审查规范性文件,清理区本级规范性文件0件,保留4件,新制发1件。"}, agency: "示例市示例区人民政府办公室", measure: "normative_docs.issued", want: -1, warned: true, say: "审查"},
		{lines: []string{head + "审查规范性文件5件,制定2件。"}, measure: "normative_docs.issued", want: -1, warned: true},
		{lines: []string{head + "清理区本级规范性文件0件,保留4件,新制发1件。"}, agency: "示例市示例区司法局", measure: "normative_docs.issued", want: -1, warned: true, say: "本级"},
		{lines: []string{head + "新制发区本级规范性文件1件。"}, agency: "示例市示例区人民政府办公室", measure: "normative_docs.issued", want: -1, warned: true},
		// The government's own level, and a bureau's own (局本级).
		{lines: []string{head + "新制发区本级规范性文件1件。"}, agency: "示例市示例区人民政府", measure: "normative_docs.issued", want: 1},
		{lines: []string{head + "制发6份局本级规范性文件。"}, agency: "示例市示例区司法局", measure: "normative_docs.issued", want: 6},
		{lines: []string{head + "清理规范性文件3件,保留4件,新制发1件。"}, agency: "示例市示例区司法局", measure: "normative_docs.issued", want: 1},
	})
}

// TestWarningsSayThePagesWords holds that the count handled of "收到…N件,均
// 已…予以公开" (or 不予公开) is said to be blank in the page's words, not as
// if it said 答复, and that a count answered of those received is not said
// to be written "其中N件" when the page wrote "N件已…答复".
func TestWarningsSayThePagesWords(t *testing.T) {
	const head = "(二)依申请公开。2025年共收到政府信息公开申请3件,"
	runS31(t, []s31Case{
		{lines: []string{head + "均已按规定及时予以公开。"}, measure: "apps.total", want: -1, warned: true, say: "“全部（均）予以公开”", unsaid: "已答复（办结）”"},
		{lines: []string{head + "均为不同意公开。"}, measure: "apps.total", want: -1, warned: true, say: "“全部（均）不予公开”", unsaid: "已答复（办结）”"},
		{lines: []string{head + "均已答复。"}, measure: "apps.total", want: -1, warned: true, say: "“全部（均）已答复（办结）”"},
		{lines: []string{head + "2件已按照规定时限依法进行了答复,1件结转下年。"}, measure: "apps.total", want: -1, warned: true, unsaid: "写作“其中N件"},
	})
}

// TestUniversityRefused holds that a university's disclosure report (the
// Ministry of Education's rules, an academic year) is refused by a message
// that names its format, with or without the uploader's agency and year
// (before: refused for want of a name, and loaded with a period warning
// when both were given), and that an organ's report speaking of the
// universities it oversees is read as before. Names and figures invented.
func TestUniversityRefused(t *testing.T) {
	const university = "示例大学2020年度信息公开工作年度报告\n按照《高等学校信息公开办法》要求,现将我校2020年度(2019年9月1日-2020年8月31日)信息公开工作总结如下:\n一、概述\n学校主动公开信息120条。\n"
	const bureau = "示例省教育厅2020年政府信息公开工作年度报告\n本报告所列数据的统计期限为2020年1月1日至2020年12月31日。\n一、总体情况\n(一)主动公开。2020年,我厅指导高校信息公开工作,主动公开政府信息230条。\n"
	for _, tt := range []struct {
		page    string
		opts    Options
		refused bool
	}{
		{university, Options{}, true},
		{university, Options{Agency: "示例大学", Year: 2020}, true},
		{bureau, Options{}, false},
	} {
		_, err := Parse("page.txt", []byte(tt.page), tt.opts)
		refused := err != nil && strings.Contains(gongkai.ErrorMessage(err), "高等学校的信息公开年度报告")
		if refused != tt.refused {
			t.Errorf("%.40s… %+v: err %v, want refused %v", tt.page, tt.opts, err, tt.refused)
		}
	}
}
