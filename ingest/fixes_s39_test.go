package ingest

import (
	"strings"
	"testing"

	"gongkai"
)

// TestAnsweredNoCount checks a count received followed by 已 and the verb of
// answering alone ("收到申请10件,已按时答复", left from session 38): the count
// handled was blank with no word in both narrative readers, where "均已办结"
// is said. It is said now, as every received answered with those carried in
// unsaid, and read where none was carried in.
func TestAnsweredNoCount(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // -1: blank, with a finding on apps.total
	}{
		{"本年度收到申请10件,已按时答复。", -1},
		{"本年度收到申请10件,已答复。", -1},
		{"本年度共受理政府信息公开申请2件,已依法作出答复。", -1},
		{"本年度收到申请3件,已按时办理答复。", -1},
		{"本年度收到申请10件,已及时回复。", -1},
		{"本年度收到申请10件,无上年结转,已按时答复。", 10},
	} {
		wantSentenceReaders(t, tt.line, "apps.total", tt.want)
	}
}

// TestHandledAfterReviewSentence checks a count handled that opens its
// sentence right after a sentence counting applications for review
// ("上年结转2件,本年度收到申请10件。收到行政复议申请1件。已办结12件。", left from
// session 38): the rule of a count handled alone in its sentence read it as
// the year's applications handled whatever its figure (12, or the review's
// 1); its subject is the review's as much as the applications'. Blank now,
// said, as after a count of inquiries, in both narrative readers; in the
// old regime's reader, which has no rules of reviews, in the review's own
// sentence too. After a none of reviews it is read as before.
func TestHandledAfterReviewSentence(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // -1: blank, with a finding on apps.total
		own  bool    // in the review's own sentence: the old regime's reader alone
	}{
		{"上年结转2件,本年度收到申请10件。收到行政复议申请1件。已办结12件。", -1, false},
		{"上年结转2件,本年度收到申请10件。收到行政复议申请1件。已办结1件。", -1, false},
		{"上年结转2件,本年度收到申请10件。收到行政复议申请1件。已办结10件。", -1, false},
		{"本年度收到申请10件。收到信访申请3件。已办结10件。", -1, false},
		{"本年度收到申请10件。收到行政复议申请1件,已办结1件。", -1, true},
		// A none of reviews, or no review between: read as before.
		{"本年度收到申请10件。行政复议0件。已办结10件。", 10, false},
		{"上年结转2件,本年度收到申请10件。已办结12件。", 12, false},
	} {
		if !tt.own {
			wantSentenceReaders(t, tt.line, "apps.total", tt.want)
		}
		wantOldRegime(t, tt.line, "apps.total", tt.want)
	}
}

// TestHandledAfterPart checks a count handled right after a part of the
// count received listed after 其中 ("…收到申请10件。其中当面申请5件,已办结5件。",
// left from session 38): the five made in person handled, or five of all
// ten, the words do not say. The old regime's reader stored 5 as the year's
// handled total; the sentence reader did too in one sentence, and passed
// it over with no word in a sentence of its own. Blank now, with a word,
// where it is no more than the part; more than the part, it is no part's
// alone and is read as before.
func TestHandledAfterPart(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // -1: blank, with a finding on apps.total
	}{
		{"本年度收到申请10件。其中当面申请5件,已办结5件。", -1},
		{"本年度收到申请10件,其中当面申请5件,已办结5件。", -1},
		{"本年度收到申请10件,其中当面申请5件,网上申请5件,已办结5件。", -1},
		{"本年度收到申请10件。其中当面申请5件,已办结3件。", -1},
		// Not a part's alone, or not after a part: read as before.
		{"本年度收到申请10件,其中当面申请5件,已办结8件。", 8},
		{"本年度收到申请10件,其中当面申请5件,网上申请5件,已办结10件。", 10},
		{"本年度收到申请10件,已办结10件,其中当面申请5件。", 10},
	} {
		wantSentenceReaders(t, tt.line, "apps.total", tt.want)
		wantOldRegime(t, tt.line, "apps.total", tt.want)
	}
}

// TestProgressSettledByAccount checks a count still being handled said in
// the sentence after the counts received and carried in
// ("本年度新收申请10件,上年结转2件。已答复11件,1件正在办理。", left from session
// 38): on a line that names 上年 it is not read alone (it may be the year
// before's), and the balance that settles it in one sentence saw only its
// own sentence's counts, so the count carried out was blank with no word.
// The account's counts settle it now where the four balance (10 + 2 =
// 11 + 1); where they do not, or nothing balances it, it is blank with a
// word.
func TestProgressSettledByAccount(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // apps.carried_out; -1: blank, with a finding
	}{
		{"本年度新收申请10件,上年结转2件。已答复11件,1件正在办理。", 1},
		{"上年结转2件。本年度新收申请10件。已答复11件,1件正在办理。", 1},
		{"本年度新收申请10件,无上年结转。已答复9件,1件正在办理中。", 1},
		{"本年度新收申请10件,上年结转2件,已答复11件,1件正在办理。", 1}, // one sentence, as before
		{"本年度新收申请10件,上年结转2件。已答复11件,2件正在办理。", -1},
		{"本年度新收申请10件,上年结转2件。收到行政复议申请1件。已答复11件,1件正在办理。", -1},
	} {
		vals, finds := readNarrative([]Line{{N: 1, Text: "(二)依申请公开。" + tt.line}}, gongkai.Format2021, 2024, "示例县某某局")
		wantFigure(t, gongkai.Format2021, tt.line, "apps.carried_out", tt.want, vals, finds)
	}
}

// TestOnTimeRateSaid checks a rate of applications handled in time after
// the count received ("收到申请10件,按时办结率100%", left from session 38): it
// says every one handled was handled in time, not how many were handled,
// and was left unread on purpose with no word. The count handled is blank
// with a word now, in both narrative readers, where nothing else reads or
// says it; a count handled said beside it is read as before.
func TestOnTimeRateSaid(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // -1: blank, with a finding on apps.total
	}{
		{"本年度收到申请10件,按时办结率100%。", -1},
		{"本年度收到申请10件。按时办结率100%。", -1},
		{"本年度收到申请10件,无上年结转,按期答复率为100%。", -1},
		{"本年度收到申请10件,已办结10件,按时办结率100%。", 10},
	} {
		wantSentenceReaders(t, tt.line, "apps.total", tt.want)
		wantOldRegime(t, tt.line, "apps.total", tt.want)
	}
}

// TestHandledAfterPartWordings checks review's MEDIUM on eabef5e: the same
// count handled right after a part listed after 其中, in other words
// ("全部办结5件", "已全部办结5件", "已答复申请人5件", "已依法答复5件"), after a
// semicolon or in brackets, still stored the part's count as the year's
// handled total, and "已按时办结5件" and "已办理5件" there left it blank with
// no word, in one reader or another. Each is blank with a word now in all
// three (the sentence reader in both formats, and the old regime's).
func TestHandledAfterPartWordings(t *testing.T) {
	for _, tail := range []string{
		"全部办结5件。", "已全部办结5件。", "已答复申请人5件。", "已依法答复5件。", "已按时办结5件。", "已办理5件。",
	} {
		for _, line := range []string{
			"本年度收到申请10件,其中当面申请5件," + tail,
			"本年度收到申请10件,其中当面申请5件;" + tail,
			"本年度收到申请10件,其中当面申请5件(" + strings.TrimSuffix(tail, "。") + ")。",
		} {
			for _, format := range []string{gongkai.Format2021, gongkai.FormatPre2019} {
				vals, finds := readNarrative([]Line{{N: 1, Text: "(二)依申请公开。" + line}}, format, 2024, "示例县某某局")
				if got := numberOf(vals, "apps.total"); got != -1 || !namesMeasure(finds, "apps.total") {
					t.Errorf("%s %s: apps.total %v, a finding %v; want blank with a finding: %+v", format, line, got, namesMeasure(finds, "apps.total"), finds)
				}
			}
			vals, finds := pre2019FromNarrative([]Line{{N: 1, Text: "二、依申请公开情况。" + line}}, "示例县示例局")
			if got := numberOf(vals, "apps.total"); got != -1 || !namesMeasure(finds, "apps.total") {
				t.Errorf("pre2019FromNarrative %s: apps.total %v, a finding %v; want blank with a finding: %+v", line, got, namesMeasure(finds, "apps.total"), finds)
			}
			if got := numberOf(vals, "pre2019.apps_on_time"); got != -1 {
				t.Errorf("pre2019FromNarrative %s: pre2019.apps_on_time %v, want blank", line, got)
			}
		}
	}
}

// TestHandledAfterPartSentence checks review's LOW on 446bf61: the part and
// the count handled in sentences of their own ("本年度收到申请10件。其中当面申请
// 5件。已办结5件。") read the part's count as the year's handled total in all
// three readers, the same ambiguity as in one sentence. Blank with the word
// now; words of the year's whole before it ("本年度已办结5件", "共办结申请5件")
// make it the year's, and a count more than the part is no part's: read as
// before.
func TestHandledAfterPartSentence(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // -1: blank, with a finding on apps.total
	}{
		{"本年度收到申请10件。其中当面申请5件。已办结5件。", -1},
		{"本年度收到申请10件。其中当面申请5件,网上申请5件。已答复申请人5件。", -1},
		{"本年度收到申请10件。其中当面申请5件。已全部办结5件,同意公开5件。", -1},
		{"本年度收到申请10件。其中当面申请5件。本年度已办结5件。", 5},
		{"本年度收到申请10件。其中当面申请5件。共办结申请5件。", 5},
		{"本年度收到申请10件。其中当面申请5件。已办结8件。", 8},
	} {
		wantSentenceReaders(t, tt.line, "apps.total", tt.want)
		wantOldRegime(t, tt.line, "apps.total", tt.want)
	}
}

// TestNewlyReceivedPre2019 checks the count received said with 新收
// ("本年度新收申请10件,上年结转2件。", item 1's words, left from session 38) on
// a page the old regime's words mark, which the old regime's reader alone
// reads: its rules knew 收到, 受理, 接到, 接收 and not 新收, and the count was
// blank with no word. It is read as 收到 is now.
func TestNewlyReceivedPre2019(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64
	}{
		{"本年度新收申请10件,上年结转2件。", 10},
		{"2016年,我局新收政府信息公开申请10件,同意公开9件。", 10},
		{"本年度新收到申请10件。", 10},
	} {
		vals, _ := pre2019FromNarrative([]Line{{N: 1, Text: "二、依申请公开情况。" + tt.line}}, "示例县示例局")
		if got := numberOf(vals, "apps.new"); got != tt.want {
			t.Errorf("pre2019FromNarrative %s: apps.new %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestHandledAfterWholePart checks review's LOW on fe76314: a part after
// 其中 as many as the whole count received it is of
// ("本年度收到申请5件。其中当面申请5件。已办结5件。") left the count handled blank
// with the word, though the part's count handled and the whole's are 5
// either way. It is read as "收到申请5件,已办结5件" is; a part less than the
// whole stays blank with the word.
func TestHandledAfterWholePart(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // -1: blank, with a finding on apps.total
	}{
		{"本年度收到申请5件。其中当面申请5件。已办结5件。", 5},
		{"本年度收到申请5件,其中当面申请5件,已办结5件。", 5},
		{"本年度收到申请5件,其中当面申请5件;已办结5件。", 5},
		{"本年度收到申请10件。其中当面申请5件。已办结5件。", -1},
		{"本年度收到申请10件,其中当面申请5件,已办结5件。", -1},
	} {
		wantSentenceReaders(t, tt.line, "apps.total", tt.want)
		wantOldRegime(t, tt.line, "apps.total", tt.want)
	}
}

// TestCarriedInsidePre2019 checks review's MEDIUM (on main, and f429547
// extends it to 新收): the old regime's reader stored a count received said
// to hold those carried in ("收到申请10件(含上年结转2件)", "…10件,其中上年结转
// 2件") as the year's new, 10; the sentence reader leaves it blank with its
// word. Blank with that word now; a count carried in beside it
// ("收到申请10件,上年结转2件") is read as before.
func TestCarriedInsidePre2019(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // -1: blank, with a finding on apps.new
	}{
		{"本年度收到申请10件(含上年结转2件)。", -1},
		{"本年度受理申请10件(含上年结转2件)。", -1},
		{"本年度收到申请10件,其中上年结转2件。", -1},
		{"本年度新收申请10件(含上年结转2件)。", -1},
		{"本年度新收申请10件,其中上年结转2件。", -1},
		{"本年度收到申请10件,上年结转2件。", 10},
		{"本年度新收申请10件。", 10},
	} {
		wantOldRegime(t, tt.line, "apps.new", tt.want)
	}
}

// wantFigure fails t unless measure is want in vals (-1: blank) and a
// finding names it exactly when it is blank; reader and line say which
// reading failed.
func wantFigure(t *testing.T, reader, line, measure string, want float64, vals []gongkai.Value, finds []gongkai.Finding) {
	t.Helper()
	if got := numberOf(vals, measure); got != want {
		t.Errorf("%s %s: %s %v, want %v", reader, line, measure, got, want)
	}
	if said := namesMeasure(finds, measure); said != (want == -1) {
		t.Errorf("%s %s: a finding on %s %v, want %v: %+v", reader, line, measure, said, want == -1, finds)
	}
}

// wantSentenceReaders reads line under a 依申请公开 heading with the sentence
// reader in both formats (the 2021 report's and the old regime's) and
// checks measure as wantFigure does.
func wantSentenceReaders(t *testing.T, line, measure string, want float64) {
	t.Helper()
	for _, format := range []string{gongkai.Format2021, gongkai.FormatPre2019} {
		vals, finds := readNarrative([]Line{{N: 1, Text: "(二)依申请公开。" + line}}, format, 2024, "示例县某某局")
		wantFigure(t, format, line, measure, want, vals, finds)
	}
}

// wantOldRegime reads line under a 依申请公开情况 heading with the old
// regime's reader and checks measure as wantFigure does.
func wantOldRegime(t *testing.T, line, measure string, want float64) {
	t.Helper()
	vals, finds := pre2019FromNarrative([]Line{{N: 1, Text: "二、依申请公开情况。" + line}}, "示例县示例局")
	wantFigure(t, "pre2019FromNarrative", line, measure, want, vals, finds)
}
