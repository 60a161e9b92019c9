package ingest

import (
	"strings"
	"testing"

	"gongkai"
)

// TestHandledAfterNewCarriedFirst checks a count handled right after the
// count received when a count carried in stands before both in the sentence
// ("上年结转2件,本年度收到申请10件,已办结2件", left from session 36): the 2 may
// be the new ones handled alone, the year's handled total unsaid. It was
// stored as apps.total 2. Now the rule after a count carried in holds here
// too: blank with a warning that names the order, unless the sentence's
// counts settle it (more than either count and no more than both, or the
// four counts balancing); 共, 全年 make it the year's whole; none carried in
// leaves nothing to mistake it for. Both readers, the pre-2019 one too.
func TestHandledAfterNewCarriedFirst(t *testing.T) {
	const head = "(二)依申请公开。"
	for _, format := range []string{gongkai.Format2021, gongkai.FormatPre2019} {
		for _, tt := range []struct {
			line string
			want float64 // -1: blank
			said string  // words of a finding on apps.total, "" for none
		}{
			{"上年结转2件,本年度收到申请10件,已办结2件。", -1, "紧接在本年收到的件数之后"},
			{"上年结转申请2件,本年度收到申请10件,已答复10件。", -1, "紧接在本年收到的件数之后"},
			{"上年结转2件,本年度新收政府信息公开申请10件,已办结9件。", -1, "紧接在本年收到的件数之后"},
			{"上年度结转2件,本年度受理申请10件,均已办结10件。", -1, "紧接在本年收到的件数之后"},
			// Settled: some of each, or the four counts balance.
			{"上年结转2件,本年度收到申请10件,已办结12件。", 12, ""},
			{"上年结转2件,本年度收到申请10件,已办结11件。", 11, ""},
			{"上年结转2件,本年度收到申请10件,已办结10件,结转下年2件。", 10, ""},
			// The year's whole in words, or none carried in.
			{"上年结转2件,本年度收到申请10件,共办结12件。", 12, ""},
			{"上年结转0件,本年度收到申请10件,已办结10件。", 10, ""},
			{"本年度收到申请10件,已办结10件。", 10, ""},
		} {
			year := 2024
			if format == gongkai.FormatPre2019 {
				year = 2016
			}
			vals, finds := readNarrative([]Line{{N: 1, Text: head + tt.line}}, format, year, "示例县某某局")
			if got := numberOf(vals, "apps.total"); got != tt.want {
				t.Errorf("%s %s: apps.total %v, want %v", format, tt.line, got, tt.want)
			}
			if tt.said != "" && !hasFinding(finds, "apps.total", tt.said) {
				t.Errorf("%s %s: no finding on apps.total saying %q: %+v", format, tt.line, tt.said, finds)
			}
			if tt.said == "" && namesMeasure(finds, "apps.total") {
				t.Errorf("%s %s: a finding on apps.total, want none: %+v", format, tt.line, finds)
			}
			if format != gongkai.FormatPre2019 {
				continue
			}
			// The reader of the old regime's words, alone on such pages
			// (its rules read 办结, not 答复).
			vals, finds = pre2019FromNarrative([]Line{{N: 1, Text: "二、依申请公开情况。" + tt.line}}, "示例县示例局")
			if got := numberOf(vals, "apps.total"); got != tt.want {
				t.Errorf("pre2019FromNarrative %s: apps.total %v, want %v", tt.line, got, tt.want)
			}
			if tt.said != "" && strings.Contains(tt.line, "办结") && !hasFinding(finds, "apps.total", tt.said) {
				t.Errorf("pre2019FromNarrative %s: no finding on apps.total saying %q: %+v", tt.line, tt.said, finds)
			}
		}
	}
}

// TestHandledWholeBesideAfterCarried checks the year's whole stated in words
// ("全年共办结12件") beside a count handled passed over after a count carried
// in ("上年结转2件,已办结2件"), left from session 36: the two were said to
// disagree and apps.total left blank, and the reader of the old regime's
// words stopped at the first, so a later "共办结N件" on its line was not
// read. The whole stands where the counts received and carried in settle it:
// more than the count received (so not the new ones' alone) and no more than
// the two together; else they still disagree.
func TestHandledWholeBesideAfterCarried(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // -1: blank, with a finding
	}{
		{"本年度收到申请10件,上年结转2件,已办结2件,全年共办结12件。", 12},
		{"本年度收到申请10件,上年结转2件,已办结2件。全年共办结12件。", 12},
		{"本年度收到申请10件,上年结转2件,已办结2件。共办结申请11件。", 11},
		{"上年结转2件,本年度收到申请10件,已办结10件。本年度共办结12件。", 12},
		// Not settled: no more than the new ones (may be theirs alone),
		// fewer than the one passed over, or more than both.
		{"上年结转2件,已办结2件;本年度收到申请10件,共办结8件。", -1},
		{"本年度收到申请10件,上年结转5件,已办结5件,全年共办结3件。", -1},
		{"本年度收到申请10件,上年结转2件,已办结2件。全年共办结13件。", -1},
		// No word of the whole: as before.
		{"上年结转2件,已办结2件;本年度收到申请10件,已办结8件,2件结转下年。", -1},
	} {
		for _, format := range []string{gongkai.Format2021, gongkai.FormatPre2019} {
			vals, finds := readNarrative([]Line{{N: 1, Text: "(二)依申请公开。" + tt.line}}, format, 2024, "示例县某某局")
			if got := numberOf(vals, "apps.total"); got != tt.want {
				t.Errorf("%s %s: apps.total %v, want %v", format, tt.line, got, tt.want)
			}
			if said := namesMeasure(finds, "apps.total"); said != (tt.want == -1) {
				t.Errorf("%s %s: finding on apps.total %v, want %v: %+v", format, tt.line, said, tt.want == -1, finds)
			}
		}
		vals, finds := pre2019FromNarrative([]Line{{N: 1, Text: "二、依申请公开情况。" + tt.line}}, "示例县示例局")
		if got := numberOf(vals, "apps.total"); got != tt.want {
			t.Errorf("pre2019FromNarrative %s: apps.total %v, want %v", tt.line, got, tt.want)
		}
		if said := namesMeasure(finds, "apps.total"); said != (tt.want == -1) {
			t.Errorf("pre2019FromNarrative %s: finding on apps.total %v, want %v: %+v", tt.line, said, tt.want == -1, finds)
		}
	}
}

// TestMoreApplicantsParts checks the counts by applicant after a count
// received with no verb ("收到群众申请10件,公民申请8件,法人或其他组织申请2件",
// left from session 36): the count was read where the parts add up to it,
// and the parts dropped with no word. They are its columns now, as after
// 其中 (applySplits): natural persons' count, and legal persons' five
// columns where none, else said; parts that do not add up leave everything
// blank with a word, as before.
func TestMoreApplicantsParts(t *testing.T) {
	const head = "(二)依申请公开。"
	for _, tt := range []struct {
		line             string
		total, natural   float64 // -1: blank
		business         float64 // -1: blank
		said, saidColumn bool    // a finding on the total, on the business column
	}{
		{"收到群众申请10件,公民申请8件,法人或其他组织申请2件。", 10, 8, -1, false, true},
		{"收到群众申请10件,法人或其他组织申请2件,公民申请8件。", 10, 8, -1, false, true},
		{"收到群众申请10件,公民申请10件,法人或其他组织申请0件。", 10, 10, 0, false, false},
		{"收到群众申请10件,公民申请8件,法人或其他组织申请2件,共计10件。", 10, 8, -1, false, true},
		{"收到自然人申请10件,法人或其他组织申请2件。", 12, 10, -1, false, true},
		{"收到自然人申请10件,法人或其他组织申请0件。", 10, 10, 0, false, false},
		// Parts that do not add up, or a part of a side: as before.
		{"收到群众申请10件,公民申请8件,法人或其他组织申请3件。", -1, -1, -1, true, false},
		{"收到群众申请10件,公民申请8件,企业申请2件。", -1, -1, -1, true, false},
	} {
		vals, finds := readNarrative([]Line{{N: 1, Text: head + tt.line}}, gongkai.Format2021, 2024, "示例县某某局")
		got := func(applicant string) float64 {
			for _, v := range vals {
				if v.Measure == "apps.new" && v.Applicant == applicant && v.Number != nil {
					return *v.Number
				}
			}
			return -1
		}
		if got(gongkai.ApplicantTotal) != tt.total || got(gongkai.ApplicantNatural) != tt.natural || got(gongkai.ApplicantBusiness) != tt.business {
			t.Errorf("%s: apps.new total %v natural %v business %v, want %v %v %v", tt.line,
				got(gongkai.ApplicantTotal), got(gongkai.ApplicantNatural), got(gongkai.ApplicantBusiness), tt.total, tt.natural, tt.business)
		}
		said, saidColumn := false, false
		for _, f := range finds {
			said = said || f.Measure == "apps.new" && f.Applicant == gongkai.ApplicantTotal
			saidColumn = saidColumn || f.Measure == "apps.new" && f.Applicant == gongkai.ApplicantBusiness
		}
		if said != tt.said || saidColumn != tt.saidColumn {
			t.Errorf("%s: finding on the total %v, on business %v, want %v %v: %+v", tt.line, said, saidColumn, tt.said, tt.saidColumn, finds)
		}
	}
}

// TestHandledAfterCarriedMoreWords checks the rest of the family that
// session 37's probes found stored as the year's handled total after a count
// carried in (brief's item 5): a time before the verb ("现已办结", "年底前已
// 办结"), 已经全部, 已予答复, 的 or 申请人 after the verb, the term ("在法定期限
// 内答复", errOnTime: those answered in the term), and the count carried in
// said after the count handled that follows the count received ("本年度收到
// 申请10件,已办结10件,上年结转2件"). Each stored the count as apps.total with
// no word; now blank with a warning, and read where the counts settle it.
func TestHandledAfterCarriedMoreWords(t *testing.T) {
	const head = "(二)依申请公开。"
	for _, tt := range []struct {
		line string
		want float64 // -1: blank
		said string  // words of a finding on apps.total, "" for none
	}{
		{"收到申请10件,上年结转2件,现已办结2件。", -1, "紧接在上年结转"},
		{"收到申请10件,上年结转2件,年底前已办结2件。", -1, "紧接在上年结转"},
		{"收到申请10件,上年结转2件,已经全部办结2件。", -1, "紧接在上年结转"},
		{"收到申请10件,上年结转2件,已予答复2件。", -1, "紧接在上年结转"},
		{"收到申请10件,上年结转2件,已办结的2件。", -1, "紧接在上年结转"},
		{"收到申请10件,上年结转2件,已答复申请人2件。", -1, "紧接在上年结转"},
		{"上年结转2件,本年度收到申请10件,已答复申请人2件。", -1, "紧接在本年收到的件数之后"},
		{"收到申请10件,上年结转2件,在法定期限内答复2件。", -1, "按时办结"},
		{"收到申请10件,上年结转2件,均在法定期限内答复10件。", -1, "按时办结"},
		{"本年度收到申请10件,已办结10件,上年结转2件。", -1, "紧接在本年收到的件数之后"},
		{"本年度收到申请10件,已办结10件,另有上年结转申请2件。", -1, "紧接在本年收到的件数之后"},
		// Settled as before: more than either and no more than both, or
		// the balance; none carried in.
		{"收到申请10件,上年结转2件,现已办结12件。", 12, ""},
		{"本年度收到申请10件,已办结12件,上年结转2件。", 12, ""},
		{"本年度收到申请10件,已办结9件,上年结转2件,结转下年3件。", 9, ""},
		{"本年度收到申请10件,已办结10件,上年结转0件。", 10, ""},
		{"本年度收到申请10件,已办结10件,上年无结转。", 10, ""},
		{"本年度收到申请10件,已办结10件。", 10, ""},
		// A review's count carried in after it: not the applications'.
		{"本年度收到申请10件,已办结10件,行政复议上年结转1件。", 10, ""},
		// After the count received's parts, or with the count received
		// closing the sentence before.
		{"上年结转2件,本年度收到申请10件,其中网上申请8件,已办结10件。", -1, "紧接在本年收到的件数之后"},
		{"上年结转2件,本年度收到申请10件,其中网上申请8件,信函申请2件,已办结2件。", -1, "紧接在本年收到的件数之后"},
		{"上年结转2件,本年度收到申请10件(其中网上申请8件),已办结2件。", -1, "紧接在本年收到的件数之后"},
		{"本年度收到申请10件。已办结10件,上年结转2件。", -1, "紧接在本年收到的件数之后"},
		{"上年结转2件,本年度收到申请10件。已办结10件。", -1, "紧接在本年收到的件数之后"},
		{"上年结转2件,本年度收到申请10件,其中网上申请8件,已办结12件。", 12, ""},
		{"收到申请10件,其中网上申请8件,已办结10件。", 10, ""},
		// Those carried in said to be in the count handled: every one's.
		{"受理申请41件,其中自然人申请38件,法人或其他组织申请3件。答复申请43件(含上年度结转申请6件)。", 43, ""},
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
		if !strings.Contains(tt.line, "办结") || strings.Contains(tt.line, "行政复议") {
			continue
		}
		// The reader of the old regime's words (its rules read 办结).
		vals, finds = pre2019FromNarrative([]Line{{N: 1, Text: "二、依申请公开情况。" + tt.line}}, "示例县示例局")
		if got := numberOf(vals, "apps.total"); got != tt.want {
			t.Errorf("pre2019FromNarrative %s: apps.total %v, want %v", tt.line, got, tt.want)
		}
		if tt.said != "" && !hasFinding(finds, "apps.total", tt.said) {
			t.Errorf("pre2019FromNarrative %s: no finding on apps.total saying %q: %+v", tt.line, tt.said, finds)
		}
	}
}

// TestAllHandledRateAndNextSentence checks two ways of saying every
// application was handled that left the count handled blank with no word
// (found in session 37): a rate ("办结率100%", "答复率为100%"; not "按时办结率",
// which may be of those handled alone),
// and a sentence of those words alone after the sentence that counted the
// applications received ("收到申请10件。已全部按时办结。"). They are read as
// "均已办结" is: the count received where none was carried in, else blank
// with the word that those carried in are unsaid.
func TestAllHandledRateAndNextSentence(t *testing.T) {
	const head = "(二)依申请公开。"
	for _, tt := range []struct {
		line string
		want float64 // -1: blank
		said string  // words of a finding on apps.total, "" for none
	}{
		{"收到申请10件,办结率100%。", -1, "全部（均）已答复"},
		// A rate in time may be of those handled alone.
		{"收到申请10件,无上年结转,按时办结率100%。", -1, ""},
		{"收到申请10件,上年结转2件,办结率达100%。", -1, "全部（均）已答复"},
		{"收到申请10件,无上年结转,办结率100%。", 10, ""},
		{"收到申请10件,无上年结转,答复率为100%。", 10, ""},
		{"收到申请10件。已全部按时办结。", -1, "全部（均）已答复"},
		{"收到申请10件,上年无结转。均已依法按时答复。", 10, ""},
		// Not every one, or a subject of its own: as before.
		{"收到申请10件,无上年结转,办结率95%。", -1, ""},
		{"收到申请10件,上年结转0件。群众来信均已按时答复。", -1, ""},
	} {
		vals, finds := readNarrative([]Line{{N: 1, Text: head + tt.line}}, gongkai.Format2021, 2024, "示例县某某局")
		if got := numberOf(vals, "apps.total"); got != tt.want {
			t.Errorf("%s: apps.total %v, want %v", tt.line, got, tt.want)
		}
		if tt.said != "" && !hasFinding(finds, "apps.total", tt.said) {
			t.Errorf("%s: no finding on apps.total saying %q: %+v", tt.line, tt.said, finds)
		}
		if tt.want >= 0 && namesMeasure(finds, "apps.total") {
			t.Errorf("%s: a finding on apps.total, want none: %+v", tt.line, finds)
		}
	}
}

// TestHandledBanfu checks 办复 (办理答复, handled and answered), found in
// session 37: '收到申请10件,已办复10件' and '…已全部办复' left the count
// handled blank with no word. It is a verb of handling as 办结 is, after a
// count carried in too; a proposal's or a letter's 办复 is not the
// applications'.
func TestHandledBanfu(t *testing.T) {
	const head = "(二)依申请公开。"
	for _, tt := range []struct {
		line string
		want float64 // -1: blank
		said string  // words of a finding on apps.total, "" for none
	}{
		{"收到申请10件,已办复10件。", 10, ""},
		{"收到申请10件,上年结转2件,已办复2件。", -1, "紧接在上年结转"},
		{"收到申请10件,上年结转2件,已办复12件。", 12, ""},
		{"收到申请10件,已全部办复。", -1, "全部（均）已答复"},
		{"收到申请10件,无上年结转,已全部办复。", 10, ""},
		{"办复人大代表建议10件。", -1, ""},
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
}

// TestAnsweredPartNoneCarried checks a count of those received handled
// after 其中 ("收到申请10件,无上年结转,其中已办结10件", the brief's item 5,
// '其中…已办结'): it was blank with errAnsweredPart's word that those carried
// in are not in it, though the sentence says none was carried in, so it is
// every one handled. Read now where it is every one received, or with the
// count carried out every one of them; fewer, with a count carried in, or
// of the count of the sentence before (errAnsweredAmong), as before.
func TestAnsweredPartNoneCarried(t *testing.T) {
	const head = "(二)依申请公开。"
	for _, tt := range []struct {
		line string
		want float64 // -1: blank, with a finding
	}{
		{"收到申请10件,无上年结转,其中已办结10件。", 10},
		{"上年无结转,本年度收到申请10件,其中已办结10件。", 10},
		{"收到申请10件,上年结转0件,其中已办结9件,结转下年1件。", 9},
		{"收到申请10件,其中已办结8件。", -1},
		{"收到申请10件,无上年结转,其中已办结8件。", -1},
		{"收到申请10件,其中已办结8件,上年结转2件。", -1},
		{"收到申请10件,上年结转2件,其中已办结10件。", -1},
		{"收到申请10件,无上年结转。其中,答复申请8件,结转下年2件。", -1},
	} {
		vals, finds := readNarrative([]Line{{N: 1, Text: head + tt.line}}, gongkai.Format2021, 2024, "示例县某某局")
		if got := numberOf(vals, "apps.total"); got != tt.want {
			t.Errorf("%s: apps.total %v, want %v", tt.line, got, tt.want)
		}
		if said := namesMeasure(finds, "apps.total"); said != (tt.want == -1) {
			t.Errorf("%s: finding on apps.total %v, want %v: %+v", tt.line, said, tt.want == -1, finds)
		}
	}
}

// TestInTimeEveryOne checks a count handled in time that is every
// application on hand ("收到…申请10件,无上年结转,按时办结10件"): found in
// session 37 blank with errOnTime's word that more may have been handled,
// though none could be. Read where the count received and the count carried
// in (or none) are said in the sentence and sum to it; else as before.
func TestInTimeEveryOne(t *testing.T) {
	const head = "(二)依申请公开。"
	for _, tt := range []struct {
		line string
		want float64 // -1: blank, with a finding
	}{
		{"收到政府信息公开申请10件,无上年结转,按时办结10件。", 10},
		{"收到政府信息公开申请10件,上年结转0件,按时答复10件。", 10},
		{"收到政府信息公开申请10件,上年结转2件,按时办结12件。", 12},
		{"收到政府信息公开申请10件,按时办结10件。", -1},
		{"收到政府信息公开申请10件,上年结转0件,按时答复9件。", -1},
		{"收到政府信息公开申请10件,上年结转2件,按时办结10件。", -1},
	} {
		vals, finds := readNarrative([]Line{{N: 1, Text: head + tt.line}}, gongkai.Format2021, 2024, "示例县某某局")
		if got := numberOf(vals, "apps.total"); got != tt.want {
			t.Errorf("%s: apps.total %v, want %v", tt.line, got, tt.want)
		}
		if said := namesMeasure(finds, "apps.total"); said != (tt.want == -1) {
			t.Errorf("%s: finding on apps.total %v, want %v: %+v", tt.line, said, tt.want == -1, finds)
		}
	}
}
