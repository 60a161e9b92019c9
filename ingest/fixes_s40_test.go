package ingest

import (
	"testing"

	"gongkai"
)

// TestCarriedPlusNewPre2019 checks a count of those carried in and the new
// ones together ("上年结转及收到申请共12件", left from session 39) in the old
// regime's reader: its 上年 passed it over as another year's with no word,
// where the sentence reader says it (errCarriedPlusNew). Blank with that
// word now, the count carried in said beside it too (this reader takes no
// difference); a count received with one carried in beside it is read as
// before.
func TestCarriedPlusNewPre2019(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // -1: blank, with a finding on apps.new
	}{
		{"本年度上年结转及收到申请共12件。", -1},
		{"上年结转和新收申请共12件。", -1},
		{"上年结转及本年收到申请共12件,其中上年结转2件。", -1},
		{"本年度收到申请10件,上年结转2件。", 10},
	} {
		wantOldRegime(t, tt.line, "apps.new", tt.want)
	}
}

// TestOutcomeAfterCarriedPre2019 checks an outcome that opens its sentence
// after a sentence that names those carried in ("…(含上年结转2件)。同意公开9件",
// left from session 39): the old regime's reader took the clause of
// apps.granted's rule, which opens on the character before its words, from
// the stop back into the sentence before, whose 上年 made it another
// year's: 9 was blank with no word. The outcomes count the applications
// answered, those carried in with them, so 9 is read; a sum over years in
// the sentence before still makes it unsure, now with the word.
func TestOutcomeAfterCarriedPre2019(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // -1: blank, with a finding on apps.granted
	}{
		{"本年度收到申请12件(含上年结转2件)。同意公开9件,不予公开3件。", 9},
		{"本年度收到申请12件,上年结转2件。同意公开9件。", 9},
		{"本年度收到申请12件,较上年增加2件。同意公开9件。", 9},
		{"截至2015年底累计受理申请100件。同意公开80件。", -1},
		{"累计受理申请100件,同意公开80件。", -1},
	} {
		wantOldRegime(t, tt.line, "apps.granted", tt.want)
	}
}

// TestHandledAnsweredPre2019 checks the count handled given with 答复, or
// as "均已办结", on a page the old regime's words mark ("收到申请12件,已答复
// 10件", left from session 39): the old regime's reader reads 办结 alone,
// and nothing else reads such a page's narrative, so it was blank with no
// word. The sentence reader's rules read it now, or say it: "均已办结"
// with no count carried in said may leave out those carried in and
// handled; "无上年结转" settles it. A count said with 答复 alone is the
// applications answered in the old tables' words (申请答复数, review's
// MEDIUM on a12c766): read as pre2019.apps_answered, apps.total unstated.
func TestHandledAnsweredPre2019(t *testing.T) {
	for _, tt := range []struct {
		line    string
		measure string
		want    float64 // -1: blank, with a finding on measure
	}{
		{"2016年,我局收到申请12件,已答复10件。", "pre2019.apps_answered", 10},
		{"2016年,我局收到申请12件,上年结转2件,已答复14件。", "pre2019.apps_answered", 14},
		{"2016年,我局收到申请12件,无上年结转,均已办结。", "apps.total", 12},
		{"2016年,我局收到申请12件,均已答复。", "apps.total", -1},
		{"2016年,我局收到申请12件,均已办结。", "apps.total", -1},
		{"2016年,我局收到申请12件,已全部办结。", "apps.total", -1},
		// This reader's own rule, as before.
		{"2016年,我局收到申请12件,已办结11件。", "apps.total", 11},
	} {
		wantOldRegimePage(t, tt.line, tt.measure, tt.want)
	}
	// Answered, not handled: no apps.total, and no word on it.
	for _, line := range []string{"2016年,我局收到申请12件,已答复10件。", "2016年,我局收到申请12件,上年结转2件,已答复14件。"} {
		doc := &Document{Kind: "text", Lines: []Line{
			{N: 1, Text: "示例县示例局2016年政府信息公开工作年度报告"},
			{N: 2, Text: "根据《条例》第三十二条,现将2016年工作情况报告如下。"},
			{N: 3, Text: "2016年,我局主动公开政府信息56条。"},
			{N: 4, Text: "三、依申请公开政府信息情况"},
			{N: 5, Text: line},
		}}
		r := &gongkai.Report{Agency: "示例县示例局", Year: 2016}
		pre2019Extras(doc, r)
		if got := numberOf(r.Values, "apps.total"); got != -1 {
			t.Errorf("%s: apps.total %v, want none (the count answered is not the count handled)", line, got)
		}
	}
}

// TestUpToYearEndSaid checks a count received up to the last day of the
// report's year with nothing that scopes it to the year ("截至2020年12月31日,
// 共收到申请12件", review's LOW in session 39): such a count may run from
// before the year (sinceDate), so it stays blank, and every narrative
// reader says so; with the year's word it is read.
func TestUpToYearEndSaid(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // -1: blank, with a finding on apps.new
	}{
		{"截至2020年12月31日,共收到申请12件。", -1},
		{"截止2020年12月31日,我局共收到政府信息公开申请12件。", -1},
		{"截至2020年底,共受理申请12件。", -1},
		{"截至2020年12月31日,本年度共收到申请12件。", 12},
	} {
		for _, format := range []string{gongkai.Format2019, gongkai.FormatPre2019} {
			vals, finds := readNarrative([]Line{{N: 1, Text: "(二)依申请公开。" + tt.line}}, format, 2020, "示例县某某局")
			wantFigure(t, format, tt.line, "apps.new", tt.want, vals, finds)
		}
		wantOldRegime(t, tt.line, "apps.new", tt.want)
	}
}

// wantOldRegimePage reads line on a page the old regime's words mark
// (pre2019Extras: the old regime's reader and what it adds) and checks
// measure as wantFigure does.
func wantOldRegimePage(t *testing.T, line, measure string, want float64) {
	t.Helper()
	doc := &Document{Kind: "text", Lines: []Line{
		{N: 1, Text: "示例县示例局2016年政府信息公开工作年度报告"},
		{N: 2, Text: "根据《条例》第三十二条,现将2016年工作情况报告如下。"},
		{N: 3, Text: "2016年,我局主动公开政府信息56条。"},
		{N: 4, Text: "三、依申请公开政府信息情况"},
		{N: 5, Text: line},
	}}
	r := &gongkai.Report{Agency: "示例县示例局", Year: 2016}
	pre2019Extras(doc, r)
	if r.Format != gongkai.FormatPre2019 {
		t.Fatalf("%s: read as format %q, want the old regime's", line, r.Format)
	}
	wantFigure(t, "pre2019Extras", line, measure, want, r.Values, r.Findings)
}

// TestOutcomeAfterPart checks an outcome said right after a part of the
// count received listed after 其中 ("收到申请10件,其中当面申请5件,同意公开5件",
// left from session 39): the five made in person granted, or five of all
// ten; the real pages give the outcomes of all after the count answered,
// never inside the list of the ways of applying, so nothing settles it.
// Every narrative reader stored 5 as the year's granted; blank with a word
// now where the outcomes after the part are no more than it. More than the
// part, a part as many as the whole, or the outcomes in a sentence of their
// own are read as before.
func TestOutcomeAfterPart(t *testing.T) {
	for _, tt := range []struct {
		line    string
		measure string
		want    float64 // -1: blank, with a finding on measure
	}{
		{"本年度收到申请10件。其中当面申请5件,同意公开5件。", "apps.granted", -1},
		{"本年度收到申请10件,其中当面申请5件,同意公开5件。", "apps.granted", -1},
		{"本年度收到申请10件,其中当面申请5件,网上申请5件,同意公开3件。", "apps.granted", -1},
		{"本年度收到申请10件,其中当面申请5件,同意公开3件,部分公开2件。", "apps.granted", -1},
		{"本年度收到申请10件,其中当面申请5件,同意公开3件,部分公开2件。", "apps.partial", -1},
		// Read as before.
		{"本年度收到申请10件,其中当面申请5件,网上申请5件,同意公开8件。", "apps.granted", 8},
		{"本年度收到申请5件,其中当面申请5件,同意公开5件。", "apps.granted", 5},
		{"本年度收到申请10件,其中当面申请5件,网上申请5件。同意公开3件。", "apps.granted", 3},
		{"本年度收到申请10件,同意公开5件,其中当面申请5件。", "apps.granted", 5},
	} {
		wantSentenceReaders(t, tt.line, tt.measure, tt.want)
		wantOldRegime(t, tt.line, tt.measure, tt.want)
	}
}

// TestRequestsReceived checks a count received before its noun 请求
// ("共收到10件依申请公开请求", round 31: a real 2022 city government's page):
// 请求 (requests) stands for 申请, and the count was blank with no word,
// alone or beside its counts carried in, handled and carried out. Read now,
// as "共收到10件政府信息公开申请" is.
func TestRequestsReceived(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64
	}{
		{"本年度共收到10件依申请公开请求。", 10},
		{"本年度共收到10件依申请公开请求,上年结转政府信息公开申请2件,共办结10件,结转下年度继续办理2件。", 10},
	} {
		wantSentenceReaders(t, tt.line, "apps.new", tt.want)
	}
}

// TestAnsweredInTerm checks every application received said answered with
// the term and the steps before the answer, and no 已 ("全年共收到依申请公开申请1件,
// 在法定时限内完成审查、办理与答复", round 31: a real 2025 county bureau's page):
// the count handled was blank with no word, where "…1件,已按时答复" is said.
// Said now, and read where none was carried in.
func TestAnsweredInTerm(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // -1: blank, with a finding on apps.total
	}{
		{"全年共收到依申请公开申请1件,在法定时限内完成审查、办理与答复。", -1},
		{"全年共收到依申请公开申请3件,在规定时限内答复。", -1},
		{"全年共收到依申请公开申请1件,无上年结转,在法定时限内完成审查、办理与答复。", 1},
	} {
		wantSentenceReaders(t, tt.line, "apps.total", tt.want)
	}
}

// TestNoneWithheldOccurred checks a none of applications withheld said with
// 出现 ("没有出现不予公开政府信息的情况", round 31: a real 2017 town's page, after
// no application received): pre2019.apps_withheld was blank with no word,
// where "无不予公开信息的情况" reads 0. Read 0 now.
func TestNoneWithheldOccurred(t *testing.T) {
	for _, line := range []string{
		"2017年,我镇未受理依申请公开政府信息。没有出现不予公开政府信息的情况。",
		"2017年,我镇未受理依申请公开政府信息,未发生不予公开政府信息的情形。",
	} {
		vals, finds := readNarrative([]Line{{N: 1, Text: "二、依申请公开政府信息和不予公开政府信息情况"}, {N: 2, Text: line}}, gongkai.FormatPre2019, 2017, "示例县示例镇人民政府")
		wantFigure(t, gongkai.FormatPre2019, line, "pre2019.apps_withheld", 0, vals, finds)
	}
}

// TestFeesWaived checks fees said waived ("我镇对申请公开政府信息暂免收费",
// round 31: a real 2017 town's page, under the heading of fees): none
// charged, but with no word of negation the sentence was never read, and
// pre2019.fees was blank with no word. Read 0 now, in both readers of the
// old regime's pages.
func TestFeesWaived(t *testing.T) {
	for _, line := range []string{
		"根据上级统一部署,我镇对申请公开政府信息暂免收费。",
		"我局对申请公开政府信息暂免收费。",
	} {
		vals, finds := readNarrative([]Line{{N: 1, Text: "三、政府信息公开的收费及减免情况。"}, {N: 2, Text: line}}, gongkai.FormatPre2019, 2017, "示例县示例镇人民政府")
		wantFigure(t, gongkai.FormatPre2019, line, "pre2019.fees", 0, vals, finds)
		wantOldRegime(t, line, "pre2019.fees", 0)
	}
}
