package ingest

import (
	"os"
	"strings"
	"testing"

	"gongkai"
)

// TestCarriedAnsweredOf checks a count said of the applications carried in
// with a handled word right after it ("其中上年结转的2件已答复", left from
// session 34): those of the carried in that were answered, not the count
// carried in, so it is blank with a warning. It was stored as carried_in. A
// word of all (均, 全部) keeps it the count, as does the count with no 的 or
// 其中 before it (the count, then what became of it).
func TestCarriedAnsweredOf(t *testing.T) {
	const head = "(二)依申请公开情况。"
	for _, tt := range []struct {
		line  string
		carry float64 // -1: blank
		said  bool    // a finding on apps.carried_in saying 已办结
	}{
		{"其中上年结转的2件已答复。", -1, true},
		{"上年结转的2件已答复,其余继续办理。", -1, true},
		{"本年收到申请10件。上年结转申请的办理:其中上年结转的2件已办结。", -1, true},
		{"上年结转的3件已于2024年1月答复。", -1, true},
		{"本年收到申请10件,上年结转3件,其中上年结转的2件已答复。", 3, false},
		// Every one of them, or the count and then its end.
		{"本年收到申请10件,上年结转的3件均已办结。", 3, false},
		{"本年收到申请10件,上年结转的3件已全部办结。", 3, false},
		{"本年收到申请10件,上年结转3件已办结。", 3, false},
		{"本年收到申请10件,上年结转3件。", 3, false},
	} {
		vals, finds := readNarrative([]Line{{N: 1, Text: head + tt.line}}, gongkai.Format2021, 2024, "示例县某某局")
		if got := numberOf(vals, "apps.carried_in"); got != tt.carry {
			t.Errorf("%s: apps.carried_in %v, want %v", tt.line, got, tt.carry)
		}
		if got := hasFinding(finds, "apps.carried_in", "已办结"); got != tt.said {
			t.Errorf("%s: finding of those handled %v, want %v: %+v", tt.line, got, tt.said, finds)
		}
	}
}

// TestCarriedEarlierYears checks a count carried in from the years before
// ("往年结转3件", left from session 34; "以往年度结转", "2022年结转" in a 2024
// report): it may hold more than the year before's carry, table 三's row 二,
// so it is blank with a warning. It was passed over with no word, and after
// a count received ("其中往年结转") read as 上年结转. The year before named
// as a year is 上年 still.
func TestCarriedEarlierYears(t *testing.T) {
	const head = "(二)依申请公开情况。"
	for _, tt := range []struct {
		line  string
		carry float64 // -1: blank
		said  bool    // a finding on apps.carried_in saying 往年
	}{
		{"本年收到申请10件,往年结转3件。", -1, true},
		{"本年收到申请10件,往年结转申请3件,办结12件。", -1, true},
		{"本年收到申请10件,以往年度结转3件。", -1, true},
		{"本年收到申请10件,往年遗留3件。", -1, true},
		{"本年收到申请10件,其中往年结转3件。", -1, true},
		{"本年收到申请10件,2022年结转3件。", -1, true},
		{"本年收到申请10件,2023年结转3件。", 3, false},
		{"本年收到申请10件,上年结转3件。", 3, false},
		// The internal form of "(含2023年转入2024年办结2件)": no count carried in.
		{"2024年共受理申请12件,办结12件(含2023年转入2024年办结2件),结转下年度1件。", -1, false},
	} {
		vals, finds := readNarrative([]Line{{N: 1, Text: head + tt.line}}, gongkai.Format2021, 2024, "示例县某某局")
		if got := numberOf(vals, "apps.carried_in"); got != tt.carry {
			t.Errorf("%s: apps.carried_in %v, want %v", tt.line, got, tt.carry)
		}
		if got := hasFinding(finds, "apps.carried_in", "往年"); got != tt.said {
			t.Errorf("%s: finding of the years before %v, want %v: %+v", tt.line, got, tt.said, finds)
		}
	}
}

// TestPublicAgainstSides checks the count received said of the public or of
// every applicant (群众, 公众, 公民、法人或其他组织) against the counts of one
// side of applicants the text also gives (left from session 34): a side's
// count above it, or the two whole sides adding up to another number, leave
// it blank with a warning that names both. The side's counts were passed
// over as no whole, and the count received stored with no word. Sides that
// fit it, or a part of a side (企业), leave it read.
func TestPublicAgainstSides(t *testing.T) {
	const head = "(二)依申请公开情况。"
	for _, tt := range []struct {
		line  string
		fresh float64 // -1: blank
		words string  // words of the finding on apps.new ("": none of checkSides)
	}{
		{"全年共收到群众申请10件。收到公民申请12件。", -1, "多于前者"},
		{"全年共收到公众申请10件。收到企业申请12件。", -1, "多于前者"},
		{"本年度没有接到群众主动要求公开政府信息的申请。全年收到公民申请3件。", -1, "多于前者"},
		{"全年共收到群众申请10件。收到公民申请8件。收到法人或其他组织申请3件。", -1, "合计11件"},
		{"全年共收到公民、法人或其他组织申请10件。收到公民申请8件,收到法人或其他组织申请3件。", -1, "合计11件"},
		// They fit, or a part of a side.
		{"全年共收到群众申请10件。收到公民申请7件。收到法人或其他组织申请3件。", 10, ""},
		{"全年共收到公众申请10件。收到企业申请1件。收到公民申请8件。", 10, ""},
		{"全年收到群众申请5件。全年未收到公民申请。", 5, ""},
		{"全年共收到群众申请10件。收到公民申请10件。", 10, ""},
	} {
		vals, finds := readNarrative([]Line{{N: 1, Text: head + tt.line}}, gongkai.Format2021, 2024, "示例县某某局")
		if got := numberOf(vals, "apps.new"); got != tt.fresh {
			t.Errorf("%s: apps.new %v, want %v", tt.line, got, tt.fresh)
		}
		said := hasFinding(finds, "apps.new", "哪一个数有误")
		if said != (tt.words != "") || tt.words != "" && !hasFinding(finds, "apps.new", tt.words) {
			t.Errorf("%s: finding %v, want %q: %+v", tt.line, said, tt.words, finds)
		}
	}
}

// TestSplitNextSentence checks the parts by applicant given in the sentence
// after the count received, opened by 其中 ("…申请10件。其中公民申请8件,法人
// 或其他组织申请3件"): they are the count's, and parts that do not add up to
// it are said. They were passed over with no word, as were a pre-2019
// report's parts in any sentence (that form has no columns by applicant, so
// only the disagreement is said).
func TestSplitNextSentence(t *testing.T) {
	const head = "(二)依申请公开情况。"
	vals, finds := readNarrative([]Line{{N: 1, Text: head + "全年共收到群众申请10件。其中公民申请8件,法人或其他组织申请3件。"}}, gongkai.Format2021, 2024, "示例县某某局")
	if !hasFinding(finds, "apps.new", "各类之和与总数不符") {
		t.Errorf("parts 8 + 3 of 10: no finding: %+v", finds)
	}
	// The pre-2019 form has no columns by applicant: parts that do not
	// add up are said all the same, and nothing is filled.
	vals, finds = readNarrative([]Line{{N: 1, Text: head + "全年共收到群众申请10件,其中公民申请8件,法人和其他组织申请3件。"}}, gongkai.FormatPre2019, 2016, "示例县某某局")
	if !hasFinding(finds, "apps.new", "各类之和与总数不符") {
		t.Errorf("pre-2019, parts 8 + 3 of 10: no finding: %+v", finds)
	}
	for _, v := range vals {
		if v.Measure == "apps.new" && v.Applicant != gongkai.ApplicantTotal {
			t.Errorf("pre-2019: a column by applicant filled: %+v", v)
		}
	}
	_, finds = readNarrative([]Line{{N: 1, Text: head + "全年共收到群众申请10件,其中公民申请7件,法人和其他组织申请3件。"}}, gongkai.FormatPre2019, 2016, "示例县某某局")
	if hasFinding(finds, "apps.new", "") {
		t.Errorf("pre-2019, parts 7 + 3 of 10: a finding: %+v", finds)
	}
	vals, _ = readNarrative([]Line{{N: 1, Text: head + "全年共收到群众申请10件。其中公民申请10件,法人或其他组织申请0件。"}}, gongkai.Format2021, 2024, "示例县某某局")
	for _, v := range vals {
		if v.Measure == "apps.new" && v.Applicant == gongkai.ApplicantNatural && (v.Number == nil || *v.Number != 10) {
			t.Errorf("natural persons: %+v, want 10", v)
		}
	}
}

// TestConflictNamesBoth checks that the warning of a measure stated
// differently in several places names two figures that differ: with three
// statements (0, 0, 17) it named the first two, "0；0".
func TestConflictNamesBoth(t *testing.T) {
	_, finds := readNarrative([]Line{{N: 1, Text: "(二)依申请公开情况。本年度没有接到群众主动要求公开政府信息的申请。全年共接收公民、法人及其他组织政府信息公开申请17件。"}}, gongkai.Format2021, 2024, "示例县某某局")
	for _, f := range finds {
		if f.Measure == "apps.new" && strings.Contains(f.Message, "不一致") && !strings.Contains(f.Message, "：17）") {
			t.Errorf("conflict names figures that agree: %s", f.Message)
		}
	}
	if !hasFinding(finds, "apps.new", "不一致") {
		t.Errorf("no conflict said: %+v", finds)
	}
}

// TestPublishedChineseDate checks the publication date read from the date
// under the signature written in Chinese numerals (left from session 34):
// with its day it is the date; without it no date is read from it, and the
// date in digits before stands as it did. Nothing was read from it before.
func TestPublishedChineseDate(t *testing.T) {
	for _, tt := range []struct {
		lines []string
		want  string
	}{
		{[]string{"某某局2023年政府信息公开工作年度报告", "某某局", "二〇二四年一月二十日"}, "2024-01-20"},
		{[]string{"某某局2023年政府信息公开工作年度报告", "某某局", "二○二四年一月三十一日"}, "2024-01-31"},
		{[]string{"某某局2023年政府信息公开工作年度报告", "某某局", "二〇二四年一月"}, ""},
		{[]string{"某某局2023年政府信息公开工作年度报告", "2024年1月5日", "某某局", "二〇二四年一月"}, "2024-01-05"},
		{[]string{"某某局2023年政府信息公开工作年度报告", "某某局", "二〇二四年二月三十日"}, ""},
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

// TestPeriodChineseNumerals checks that a statistics period in Chinese
// numerals that differs from the title's year is said (a period in digits
// was; this one was no period, and the year went unchecked).
func TestPeriodChineseNumerals(t *testing.T) {
	data, err := os.ReadFile("testdata/web/period-chinese-numerals-mismatch.txt")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse("period-chinese-numerals-mismatch.txt", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	said := false
	for _, f := range r.Findings {
		said = said || f.Rule == "period" && strings.Contains(f.Message, "2022")
	}
	if !said || r.Year != 2023 {
		t.Errorf("year %d, period finding %v; want 2023 and the finding: %+v", r.Year, said, r.Findings)
	}
}
