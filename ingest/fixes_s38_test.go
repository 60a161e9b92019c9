package ingest

import (
	"os"
	"strings"
	"testing"

	"gongkai"
)

// TestPageStampDates checks a site's bare "时间:" stamp under a page's title
// (left from session 37: four real pages, 2015–2018, dated by it alone, were
// stored undated and their deadline never checked): it dates the page where
// it is the page's own stamp, on one of the two lines right after the
// title, one date on a short line with no sentence; a date the report
// gives itself (a label, the date under its signature) stands before it.
// Anywhere else a "时间:" is no publication date.
func TestPageStampDates(t *testing.T) {
	const title = "示例县示例局2015年政府信息公开工作年度报告"
	for _, tt := range []struct {
		name  string
		lines []string
		want  string
	}{
		{"under the title, before 来源", []string{title, "时间: 2016-03-22 来源: 示例县示例局 【字体:  ", "", "示例县示例局2015年政府信息公开工作年度报告根据《条例》编制。"}, "2016-03-22"},
		{"after 来源", []string{"政府信息公开", title, "来源:示例区人民政府办公室 时间:2017-01-12 10:01", "", "本报告根据《条例》编制。"}, "2017-01-12"},
		{"full-width colon", []string{title, "来源:示例省卫生和计划生育委员会 时间：2017-01-11 11:35", "  根据《条例》编制本报告。"}, "2017-01-11"},
		{"a breadcrumb, then the title", []string{"您现在的位置: 首页 > 信息公开 > 2015年信息公开年度报告 > 县级部门", title, "时间: 2016-03-22 来源: 示例县示例局"}, "2016-03-22"},
		{"alone on its line", []string{title, "", "时间:2019-01-04 10:25", "", "一、概述"}, "2019-01-04"},
		// The report's own date comes first, as it did.
		{"a signature's date", []string{title, "时间:2019-01-20", "一、概述", "示例县示例局", "2019年1月10日"}, "2019-01-10"},
		{"a label", []string{title, "时间:2019-01-20", "发布日期:2019-01-18"}, "2019-01-18"},
		// Not the page's stamp.
		{"a document site's upload", []string{"示例省卫生计生委2017年政府信息公开年度报告.doc", "", "ID:29457449", "", "大小:1.13 MB", "", "页数:10页", "", "时间:2018-12-20"}, ""},
		{"in the body", []string{title, "一、概述", "2015年,我局召开政府信息公开工作会议。", "会议时间:2015-05-06", "时间:2015-06-01"}, ""},
		{"another time's word", []string{title, "更新时间:2016-03-22"}, ""},
		{"two dates", []string{title, "时间:2016-03-22 有效期至2016-12-31"}, ""},
		{"in a sentence", []string{title, "时间:2016-03-22,我局召开会议。"}, ""},
		{"no title", []string{"时间:2016-03-22", "一、概述"}, ""},
	} {
		var lines []Line
		for i, s := range tt.lines {
			lines = append(lines, Line{N: i + 1, Text: s})
		}
		if got := publishedDate(lines); got != tt.want {
			t.Errorf("%s: published %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestReceivedCountBeforeBareNoun checks a count received said before a
// noun of applications that ends its clause ("共收到1件依申请公开", left from
// session 37, and its kin "共受理3件依申请公开", "收到2件依申请公开信息",
// "共收到3件申请"): it was blank with no word in both narrative readers,
// where "共收到依申请公开1件" is read. It is read now as that order is; a
// noun that goes on ("3件申请人补正材料") is not one.
func TestReceivedCountBeforeBareNoun(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // -1: blank
	}{
		{"2016年,我局共收到1件依申请公开,同意公开1件。", 1},
		{"2016年,我局共收到1件依申请公开。", 1},
		{"本年度共受理3件依申请公开,均已办结。", 3},
		{"本年度收到2件依申请公开信息。", 2},
		{"本年度共收到3件申请,同意公开3件。", 3},
		{"本年度共收到1件公开申请。", 1},
		// Not a noun of applications that ends the clause.
		{"本年度收到3件申请人补正材料。", -1},
		{"本年度共收到1件申请公开的材料。", -1},
	} {
		for _, format := range []string{gongkai.Format2021, gongkai.FormatPre2019} {
			vals, _ := readNarrative([]Line{{N: 1, Text: "(二)依申请公开。" + tt.line}}, format, 2016, "示例县某某局")
			if got := numberOf(vals, "apps.new"); got != tt.want {
				t.Errorf("%s %s: apps.new %v, want %v", format, tt.line, got, tt.want)
			}
		}
		vals, _ := pre2019FromNarrative([]Line{{N: 1, Text: "二、依申请公开情况。" + tt.line}}, "示例县示例局")
		if got := numberOf(vals, "apps.new"); got != tt.want {
			t.Errorf("pre2019FromNarrative %s: apps.new %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestUnsaidCountsPre2019 checks the counts that name 依申请公开 with no verb
// that says what of it is counted, or a bare 办理 ("依申请公开信息2条",
// "全年依申请公开2件", "共办理1件依申请公开"), on a page the old regime's words
// mark, which the reader of those words alone reads: the sentence reader
// says them on other pages (errUnsaid, errDealt), and here they were blank
// with no word (found in session 37). They are said now, blank; a count
// read beside them stands with no word.
func TestUnsaidCountsPre2019(t *testing.T) {
	for _, tt := range []struct {
		line          string
		said, handled bool // a finding on apps.new, on apps.total
	}{
		{"2016年,我局依申请公开信息2条,同意公开2件。", true, false},
		{"全年依申请公开2件,均已办结。", true, false},
		{"2016年共有依申请公开2件。", true, false},
		{"2016年度有1件依申请公开信息。", true, false},
		{"2016年我局共办理1件依申请公开,答复书已送达。", true, true},
		{"2016年办理依申请公开3件。", true, true},
		{"2016年办理依申请公开3件,已办结3件。", true, false},
		// Read, or none: nothing to say.
		{"2016年收到依申请公开申请2件。", false, false},
		{"2016年未收到依申请公开申请。", false, false},
		{"2016年主动公开信息12条,依申请公开工作有序开展。", false, false},
	} {
		_, finds := pre2019FromNarrative([]Line{{N: 1, Text: "二、依申请公开情况。" + tt.line}}, "示例县示例局")
		if got := namesMeasure(finds, "apps.new"); got != tt.said {
			t.Errorf("%s: a finding on apps.new %v, want %v: %+v", tt.line, got, tt.said, finds)
		}
		if got := namesMeasure(finds, "apps.total"); got != tt.handled {
			t.Errorf("%s: a finding on apps.total %v, want %v: %+v", tt.line, got, tt.handled, finds)
		}
	}
}

// TestNoneOfReviewsNoZeroReceived checks a sentence of no review or suit
// brought by an application ("未发生因政府信息公开申请提起行政复议和行政诉讼的
// 情况", found in session 38 while writing TestUnsaidCountsPre2019's
// fixture): the reader of the old regime's words took its "未发生…申请" for
// no application received, and where no count received was read stored
// apps.new 0. It says nothing of the applications now; a none of them said
// beside it stands.
func TestNoneOfReviewsNoZeroReceived(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // -1: blank
	}{
		{"2016年,我局未发生因政府信息公开申请提起行政复议和行政诉讼的情况。", -1},
		{"本年度未发生因政府信息公开申请而引起的行政复议和行政诉讼。", -1},
		{"本年度未发生政府信息公开申请引发的行政复议。", -1},
		{"全年未收到政府信息公开申请,也未发生因政府信息公开申请引发的行政复议或行政诉讼。", 0},
		{"本年度未发生政府信息公开申请。", 0},
	} {
		vals, _ := pre2019FromNarrative([]Line{{N: 1, Text: "五、行政复议和行政诉讼情况。" + tt.line}}, "示例县示例局")
		if got := numberOf(vals, "apps.new"); got != tt.want {
			t.Errorf("%s: apps.new %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestHandledSettledInParagraph checks a count handled that opens its
// sentence after the counts received and carried in said in the sentences
// before it, one account in one paragraph (left from session 37:
// "…本年度收到申请10件。已办结12件。" was blank with a warning though the
// paragraph settles it, where in one sentence it is read): the rules that
// settle it see the paragraph's counts now, in both narrative readers. A
// count they do not settle stays blank with the word, which now says the
// count carried in is in the paragraph before ("同一段前文"), and one a
// count carried in two sentences before leaves unsure ("上年结转2件。本年度收到
// 申请10件。已办结10件。") is no longer stored as the year's with no word.
// Nothing is joined across a change of subject: another year, another
// organ, reviews or petitions.
func TestHandledSettledInParagraph(t *testing.T) {
	const head = "(二)依申请公开。"
	for _, tt := range []struct {
		line  string
		want  float64 // -1: blank, with a finding on apps.total
		p19   bool    // the old regime's reader too (its rules read 办结 alone)
		quiet bool    // blank with no finding: another year's count, not this one's
	}{
		{"上年结转2件,本年度收到申请10件。已办结12件。", 12, true, false},
		{"本年度收到申请10件。上年结转2件。已办结12件。", 12, true, false},
		{"本年度收到申请10件,上年结转2件。已办结12件。", 12, true, false},
		{"上年结转2件,本年度收到申请10件。主要涉及规划、土地等方面。已办结12件。", 12, true, false},
		{"上年结转2件,本年度收到申请10件。已办结10件,结转下年2件。", 10, true, false},
		{"上年结转2件,本年度收到申请10件。已答复12件。", 12, false, false},
		// Not settled: the new ones' alone, or those carried in.
		{"上年结转2件,本年度收到申请10件。已办结2件。", -1, true, false},
		{"上年结转2件。本年度收到申请10件。已办结10件。", -1, true, false},
		{"上年结转2件,本年度收到申请10件。已办结11件,结转下年2件。", -1, true, false},
		// A change of subject: nothing joined across it.
		{"上年结转2件,本年度收到申请10件。2023年已办结12件。", -1, false, true},
		{"上年结转2件,本年度收到申请10件。示例市公安局已办结12件。", -1, false, false},
	} {
		for _, format := range []string{gongkai.Format2021, gongkai.FormatPre2019} {
			vals, finds := readNarrative([]Line{{N: 1, Text: head + tt.line}}, format, 2024, "示例县某某局")
			if got := numberOf(vals, "apps.total"); got != tt.want {
				t.Errorf("%s %s: apps.total %v, want %v", format, tt.line, got, tt.want)
			}
			if said := namesMeasure(finds, "apps.total"); said != (tt.want == -1 && !tt.quiet) {
				t.Errorf("%s %s: a finding on apps.total %v, want %v: %+v", format, tt.line, said, tt.want == -1 && !tt.quiet, finds)
			}
		}
		if !tt.p19 {
			continue
		}
		vals, finds := pre2019FromNarrative([]Line{{N: 1, Text: "二、依申请公开情况。" + tt.line}}, "示例县示例局")
		if got := numberOf(vals, "apps.total"); got != tt.want {
			t.Errorf("pre2019FromNarrative %s: apps.total %v, want %v", tt.line, got, tt.want)
		}
		if said := namesMeasure(finds, "apps.total"); said != (tt.want == -1) {
			t.Errorf("pre2019FromNarrative %s: a finding on apps.total %v, want %v: %+v", tt.line, said, tt.want == -1, finds)
		}
	}
	// The word of a count passed over after counts said in the sentences
	// before names the paragraph, not the sentence.
	_, finds := readNarrative([]Line{{N: 1, Text: head + "上年结转2件,本年度收到申请10件。已办结2件。"}}, gongkai.Format2021, 2024, "示例县某某局")
	if !hasFinding(finds, "apps.total", "同一段前文") {
		t.Errorf("no word of the paragraph: %+v", finds)
	}
}

// TestAllHandledAfterCarriedSentence checks a sentence of the count carried
// in and that every application was handled, right after the sentence of
// the count received ("本年度收到申请10件。无上年结转,办结率100%。", an order of
// session 37's '办结率100%' left from it): the count handled was blank with
// no word. It is the count received where none was carried in, else blank
// with the word, as in one sentence.
func TestAllHandledAfterCarriedSentence(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // -1: blank, with a finding
	}{
		{"本年度收到申请10件。无上年结转,办结率100%。", 10},
		{"本年度收到申请10件。无上年结转,已全部办结。", 10},
		{"本年度收到申请10件。上年无结转,均已按时办结。", 10},
		{"本年度收到申请10件。上年结转0件,办结率100%。", 10},
		{"本年度收到申请10件。上年结转2件,已全部办结。", -1},
	} {
		for _, format := range []string{gongkai.Format2021, gongkai.FormatPre2019} {
			vals, finds := readNarrative([]Line{{N: 1, Text: "(二)依申请公开。" + tt.line}}, format, 2024, "示例县某某局")
			if got := numberOf(vals, "apps.total"); got != tt.want {
				t.Errorf("%s %s: apps.total %v, want %v", format, tt.line, got, tt.want)
			}
			if said := namesMeasure(finds, "apps.total"); said != (tt.want == -1) {
				t.Errorf("%s %s: a finding on apps.total %v, want %v: %+v", format, tt.line, said, tt.want == -1, finds)
			}
		}
	}
}

// TestHandledFamilyOrders checks two more orders of the family (found in
// session 38): a count carried in said in a sentence before the one of the
// count received and handled ("上年结转2件。本年度收到申请10件,已办结10件。"):
// the 10 may be the new ones' alone, as in one sentence, and was stored as
// the year's handled total with no word; and a count handled said
// count-first after the counts received and carried in ("…上年结转2件,12件
// 已办结"), which those counts settle as they settle "已办结12件": it was
// blank with errAnsweredPart's word.
func TestHandledFamilyOrders(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // -1: blank, with a finding
		p19  bool    // the old regime's reader too
	}{
		{"上年结转2件。本年度收到申请10件,已办结10件。", -1, true},
		{"上年结转2件。本年度收到申请10件,已办结12件。", 12, true},
		{"本年度收到申请10件,上年结转2件,12件已办结。", 12, false},
		{"本年度收到申请10件,上年结转2件。12件已办结。", 12, false},
		{"本年度收到申请10件,上年结转2件,11件已办结,1件结转下年。", 11, false},
		{"本年度收到申请10件,上年结转2件,2件已办结。", -1, false},
		{"本年度收到申请10件,12件已办结。", -1, false},
	} {
		for _, format := range []string{gongkai.Format2021, gongkai.FormatPre2019} {
			vals, finds := readNarrative([]Line{{N: 1, Text: "(二)依申请公开。" + tt.line}}, format, 2024, "示例县某某局")
			if got := numberOf(vals, "apps.total"); got != tt.want {
				t.Errorf("%s %s: apps.total %v, want %v", format, tt.line, got, tt.want)
			}
			if said := namesMeasure(finds, "apps.total"); said != (tt.want == -1) {
				t.Errorf("%s %s: a finding on apps.total %v, want %v: %+v", format, tt.line, said, tt.want == -1, finds)
			}
		}
		if !tt.p19 {
			continue
		}
		vals, finds := pre2019FromNarrative([]Line{{N: 1, Text: "二、依申请公开情况。" + tt.line}}, "示例县示例局")
		if got := numberOf(vals, "apps.total"); got != tt.want {
			t.Errorf("pre2019FromNarrative %s: apps.total %v, want %v", tt.line, got, tt.want)
		}
		if said := namesMeasure(finds, "apps.total"); said != (tt.want == -1) {
			t.Errorf("pre2019FromNarrative %s: a finding on apps.total %v, want %v: %+v", tt.line, said, tt.want == -1, finds)
		}
	}
}

// TestBareApplicationsOtherTopic checks review's MEDIUM on 82a023a: a count
// of bare 申请 said before it ("共收到3件申请") that the old regime's reader
// took as applications received in a sentence or after words of another
// topic ("(四)行政复议情况。本年度共收到3件申请", "…共收到6件申请,涉及信访事
// 项"): it stored apps.new. It is read only where the line names disclosure
// before it and nothing else after; the count said after the noun
// ("(四)行政复议情况。本年度共收到申请3件", stored as apps.new before 82a023a
// too) is blank with a word there.
func TestBareApplicationsOtherTopic(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // -1: blank
		said bool    // a finding on apps.new
	}{
		{"(四)行政复议情况。本年度共收到3件申请,均已办结。", -1, false},
		{"本年度我局作为复议机关共受理3件申请。", -1, false},
		{"本年度共收到6件申请,涉及信访事项。", -1, false},
		{"本年度接到3件申请,均为信访件。", -1, false},
		{"本年度共收到5件申请,其中行政复议申请2件。", -1, false},
		{"(四)行政复议情况。本年度共收到申请3件。", -1, true},
		{"本年度共收到申请5件,其中行政复议申请2件。", -1, true},
		// Disclosure named before it: read.
		{"本年度共收到3件申请,同意公开3件。", 3, false},
		{"本年度共收到申请3件,同意公开3件。", 3, false},
	} {
		vals, finds := pre2019FromNarrative([]Line{{N: 1, Text: "二、依申请公开情况。" + tt.line}}, "示例县示例局")
		if got := numberOf(vals, "apps.new"); got != tt.want {
			t.Errorf("%s: apps.new %v, want %v", tt.line, got, tt.want)
		}
		if said := namesMeasure(finds, "apps.new"); tt.said && !said {
			t.Errorf("%s: no finding on apps.new: %+v", tt.line, finds)
		}
	}
}

// TestPageStampYear checks review's LOW on 8ea50a9: a site's stamp under
// the title is taken as the publication date only up to the end of the
// year after the report's; a later one (a 2015 report re-posted at a site's
// move, "时间: 2020-06-15") was stored as published then and warned ~1,500
// days late. It is no date now, with a word that says why.
func TestPageStampYear(t *testing.T) {
	data, err := os.ReadFile("testdata/web/stamp-2015-bare-time-under-title.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ stamp, want string }{
		{"2016-03-22", "2016-03-22"},
		{"2016-12-31", "2016-12-31"},
		{"2017-01-02", ""},
		{"2020-06-15", ""},
	} {
		page := strings.Replace(string(data), "2016-03-22", tt.stamp, 1)
		r, err := Parse("stamp.txt", []byte(page), Options{})
		if err != nil {
			t.Fatalf("%s: %v", tt.stamp, err)
		}
		if r.Published != tt.want {
			t.Errorf("stamp %s: published %q, want %q", tt.stamp, r.Published, tt.want)
		}
		said := false
		for _, f := range r.Findings {
			if strings.Contains(f.Message, "网站重新发布") {
				said = true
			}
		}
		if said != (tt.want == "") {
			t.Errorf("stamp %s: a word of the stamp %v, want %v: %+v", tt.stamp, said, tt.want == "", r.Findings)
		}
	}
}

// TestHandledAfterOtherMatters checks review's LOW on 821d2bc (pre-existing
// on e3ef2f3): in a paragraph of applications, a count handled right after
// a count of letters, requests or inquiries ("收到信件11件,已办结11件",
// "…受理群众诉求12件,已办结12件", "受理咨询15件。已办结12件。") may be theirs;
// it was stored as the year's applications handled. Blank now, said; after
// a none of another matter ("行政复议0件,办结12件") it is read as before.
func TestHandledAfterOtherMatters(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // -1: blank, with a finding
	}{
		{"上年结转2件,本年度收到申请10件。收到信件11件,已办结11件。", -1},
		{"上年结转2件,本年度收到申请10件。政务服务热线受理群众诉求12件,已办结12件。", -1},
		{"上年结转2件,本年度收到申请10件。受理咨询15件。已办结12件。", -1},
		{"2025年共收到政府信息公开申请12件,行政复议0件,办结12件。", 12},
		{"上年结转2件,本年度收到申请10件。已办结12件。", 12},
	} {
		for _, format := range []string{gongkai.Format2021, gongkai.FormatPre2019} {
			vals, finds := readNarrative([]Line{{N: 1, Text: "(二)依申请公开。" + tt.line}}, format, 2025, "示例县某某局")
			if got := numberOf(vals, "apps.total"); got != tt.want {
				t.Errorf("%s %s: apps.total %v, want %v", format, tt.line, got, tt.want)
			}
			if said := namesMeasure(finds, "apps.total"); said != (tt.want == -1) {
				t.Errorf("%s %s: a finding on apps.total %v, want %v: %+v", format, tt.line, said, tt.want == -1, finds)
			}
		}
	}
}
