package ingest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gongkai"
	"gongkai/ingest/internal/fixture"
)

// TestHandledBalance holds that a count handled up to a date ("截至12月底已
// 回复N件") and a count in progress on a line naming the year before ("K件
// 正在办理中") are read only when the sentence's four counts balance
// (received + carried in = handled + in progress), and are otherwise blank
// with a warning that says why. Before, both were blank with no word after
// a list of ways of applying, and the first was said to be the whole area's
// elsewhere. Figures invented.
func TestHandledBalance(t *testing.T) {
	const head = "(二)依申请公开情况。"
	for _, tt := range []struct {
		body               string
		handled, carried   float64 // -1: blank
		handledW, carriedW bool    // a finding names apps.total / apps.carried_out
	}{
		// The ways of applying and their total, then the other three.
		{"2024年,我区共收到群众网上申请58件,信函申请6件,合计64件,上年结转5件,截至12月底已回复61件,8件正在办理中。", 61, 8, false, false},
		{"2024年,我区共收到群众网上申请58件,快递6件,合计64件,上年结转5件,截至2024年12月31日,已答复61件,正在办理8件。", 61, 8, false, false},
		{"2024年共收到政府信息公开申请64件,上年无结转,截至年底已办结56件,8件正在办理中。", 56, 8, false, false},
		// They do not add up: which one is wrong is not said.
		{"2024年,我区共收到群众网上申请58件,信函申请6件,合计64件,上年结转5件,截至12月底已回复60件,8件正在办理中。", -1, -1, true, true},
		// No count in progress, or none carried in said: nothing balances
		// (the count in progress after the date is said to be so far, as
		// before).
		{"2024年,我区共收到群众网上申请58件,信函申请6件,合计64件,上年结转5件,截至12月底已回复61件。", -1, -1, true, false},
		{"2024年,我区共收到群众网上申请58件,信函申请6件,合计64件,截至12月底已回复56件,8件正在办理中。", -1, -1, true, true},
		// Not up to a date: read as before, and the count in progress
		// too once the four balance.
		{"2024年共收到政府信息公开申请12件,上年结转1件,已答复11件,2件正在办理中。", 11, 2, false, false},
		{"2024年共收到政府信息公开申请12件,已答复10件,2件正在办理中。", 10, 2, false, false},
		// A review's counts are not applications': not balanced, and
		// not said to be the applications' either (the review's pending
		// count is warned; TestReviewCountsNotApplications).
		{"2024年共收到政府信息公开申请12件。行政复议14件,截至12月底已办结12件,2件正在办理中。", -1, -1, false, false},
	} {
		vals, finds := readNarrative([]Line{{N: 1, Text: head + tt.body}}, gongkai.Format2021, 2024, "示例市示例区人民政府")
		h, c := numberOf(vals, "apps.total"), numberOf(vals, "apps.carried_out")
		hw, cw := namesMeasure(finds, "apps.total"), namesMeasure(finds, "apps.carried_out")
		if h != tt.handled || c != tt.carried || hw != tt.handledW || cw != tt.carriedW {
			t.Errorf("%s: handled %v (warned %v), carried out %v (warned %v); want %v (%v), %v (%v)",
				tt.body, h, hw, c, cw, tt.handled, tt.handledW, tt.carried, tt.carriedW)
		}
	}
}

// TestUpToDateReason holds that a count passed over for a date it is given
// up to ("截至12月底已答复N件") says so, and not that it is the whole area's,
// which it said when the sentence named the year's span (全年). Figures
// invented.
func TestUpToDateReason(t *testing.T) {
	const head = "(二)依申请公开情况。"
	for _, tt := range []struct {
		body, measure string
		reason        string // a word the finding must hold
	}{
		{"全年共收到政府信息公开申请12件,截至12月底已答复11件。", "apps.total", "截至"},
		{"截至2024年12月31日本年度共受理政府信息公开申请21件。", "apps.new", "截至"},
		{"全年共收到政府信息公开申请12件。截至12月底已答复11件。", "apps.total", "截至"},
		// The whole area named: its reason stays.
		{"全县共收到政府信息公开申请12件。", "apps.new", "全辖区"},
		{"全年共收到政府信息公开申请12件,截至12月底全县已答复11件。", "apps.total", "全辖区"},
	} {
		_, finds := readNarrative([]Line{{N: 1, Text: head + tt.body}}, gongkai.Format2021, 2024, "示例县某局")
		msg := ""
		for _, f := range finds {
			if f.Measure == tt.measure {
				msg = f.Message
			}
		}
		if !strings.Contains(msg, tt.reason) || tt.reason == "截至" && strings.Contains(msg, "全辖区") {
			t.Errorf("%s: %s's finding %q, want one that says %s", tt.body, tt.measure, msg, tt.reason)
		}
	}
}

// TestSilentBlanksSaid holds that three shapes round 20 met on real pages
// leave their figure blank with a warning, not with no word: a total of ways
// of applying unlike their sum, a kind of table 二's decisions counted with
// no verb, and "上述申请已部分答复" on a line of its own. Figures invented.
func TestSilentBlanksSaid(t *testing.T) {
	for _, tt := range []struct {
		lines   []string
		measure string
		want    float64 // -1: blank
		warned  bool
	}{
		{[]string{"(二)依申请公开。2024年共收到网上申请41件,信函申请7件,合计47件。"}, "apps.new", -1, true},
		{[]string{"(二)依申请公开。2024年共收到网上申请41件,信函申请7件,合计48件。"}, "apps.new", 48, false},
		{[]string{"(二)依申请公开。2024年共收到申请41件,上年结转7件,合计47件。"}, "apps.new", 41, false},
		{[]string{"(一)主动公开。2024年制定并公开规范性文件1件,行政许可项目2项,行政处罚0件,行政强制0件。"}, "licensing.decisions", -1, true},
		{[]string{"(一)主动公开。2024年制定并公开规范性文件1件,行政许可项目2项,行政处罚0件,行政强制0件。"}, "penalty.decisions", -1, true},
		{[]string{"(一)主动公开。2024年制定并公开规范性文件1件,行政许可项目2项,行政处罚0件,行政强制0件。"}, "coercion.decisions", -1, true},
		{[]string{"(一)主动公开。2024年行政处罚2件。"}, "penalty.decisions", -1, true},
		// With a verb they are decisions made, read as before.
		{[]string{"(一)主动公开。2024年作出行政处罚决定3件,行政强制0件。"}, "penalty.decisions", 3, false},
		{[]string{"(一)主动公开。2024年办理行政许可89件、行政处罚18件。"}, "penalty.decisions", 18, false},
		// A part of something else is not a bare count.
		{[]string{"(四)行政复议。2024年被申请行政复议3件,其中涉及行政处罚2件。"}, "penalty.decisions", -1, false},
		{[]string{"(二)依申请公开。2024年度收到政府信息公开申请17份。", "上述申请已部分答复。"}, "apps.total", -1, true},
		{[]string{"(二)依申请公开。2024年度收到政府信息公开申请17份。", "上述申请已全部答复。"}, "apps.total", -1, true},
		{[]string{"(二)依申请公开。2024年度收到政府信息公开申请17份。", "上述申请未作答复。"}, "apps.total", -1, false},
	} {
		var lines []Line
		for i, s := range tt.lines {
			lines = append(lines, Line{N: i + 1, Text: s})
		}
		vals, finds := readNarrative(lines, gongkai.Format2021, 2024, "示例县某局")
		if got, w := numberOf(vals, tt.measure), namesMeasure(finds, tt.measure); got != tt.want || w != tt.warned {
			t.Errorf("%s: %s %v (warned %v), want %v (warned %v)", strings.Join(tt.lines, " / "), tt.measure, got, w, tt.want, tt.warned)
		}
	}
}

// TestTraditionalYuWarned holds that a title in traditional script whose 於
// is folded into the agency's name as 于 warns, naming both forms, as the
// load does when a stored name differs from an upload's by 於 alone: 於 is
// a simplified character of place names too, and the name may be one no
// organ has. Before, the name was stored with no word. A 於 outside the
// name (關於) and a simplified title (which keeps 於) say nothing. Names
// invented.
func TestTraditionalYuWarned(t *testing.T) {
	const body = "\n一、總體情況\n(二)依申請公開。2023年共收到政府信息公開申請3件。\n"
	for _, tt := range []struct {
		title, agency string
		warned        bool
	}{
		{"示例縣於溪鎮人民政府2023年政府信息公開工作年度報告", "示例县于溪镇人民政府", true},
		{"示例區於溪鎮人民政府2023年度政府信息公開工作年度報告", "示例区于溪镇人民政府", true},
		{"關於示例縣青禾鎮人民政府2023年政府信息公開工作年度報告", "示例县青禾镇人民政府", false},
		{"示例县於溪镇人民政府2023年政府信息公开工作年度报告", "示例县於溪镇人民政府", false},
		{"示例縣于溪鎮人民政府2023年政府信息公開工作年度報告", "示例县于溪镇人民政府", false},
	} {
		r, err := Parse("t.txt", []byte(tt.title+body), Options{})
		if err != nil {
			t.Fatalf("%s: %v", tt.title, err)
		}
		warned := false
		for _, f := range r.Findings {
			if f.Rule == "agency" && strings.Contains(f.Message, "於") {
				warned = true
				kept := strings.ReplaceAll(tt.agency, "于", "於")
				if !strings.Contains(f.Message, "“"+tt.agency+"”") || !strings.Contains(f.Message, "“"+kept+"”") {
					t.Errorf("%s: warning %q does not name %s and %s", tt.title, f.Message, tt.agency, kept)
				}
			}
		}
		if r.Agency != tt.agency || warned != tt.warned {
			t.Errorf("%s: agency %s (warned %v), want %s (warned %v)", tt.title, r.Agency, warned, tt.agency, tt.warned)
		}
	}
	// Given by the uploader, the name is theirs: the title's warning goes.
	r, err := Parse("t.txt", []byte("示例縣於溪鎮人民政府2023年政府信息公開工作年度報告"+body), Options{Agency: "示例县於溪镇人民政府"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range r.Findings {
		if f.Rule == "agency" {
			t.Errorf("with the agency given: %q", f.Message)
		}
	}
}

// TestRefusedPagesRead holds that three shapes of real pages refused though
// their identity is certain are read, and that a page whose identity is not
// certain stays refused: a title whose name is led by a bare level over a
// first sentence naming the same year's report in full; a first sentence
// naming the compiler before the rules it compiled by; and the first part
// of a report alone ("一、总体情况") when the uploader gives both the agency
// and the year, with an error finding that it is a part. Names and figures
// invented.
func TestRefusedPagesRead(t *testing.T) {
	const body = "一、总体情况\n(一)主动公开。2024年主动公开政府信息86条。\n(二)依申请公开。2024年共收到政府信息公开申请4件。\n"
	for _, tt := range []struct {
		name, text string
		opts       Options
		agency     string // "": refused
		rule       string // a finding of this rule must be there
	}{
		{"level-led title, full first sentence", "市人民政府办公室2024年政府信息公开工作年度报告\n现公开示例市人民政府办公室2024年政府信息公开工作年度报告。\n" + body,
			Options{}, "示例市人民政府办公室", "agency"},
		{"level-led title, first sentence of another year", "市人民政府办公室2024年政府信息公开工作年度报告\n现公开示例市人民政府办公室2023年政府信息公开工作年度报告。\n" + body,
			Options{}, "", ""},
		{"level-led title, first sentence level-led too", "市人民政府办公室2024年政府信息公开工作年度报告\n现公开市人民政府办公室2024年政府信息公开工作年度报告。\n" + body,
			Options{}, "", ""},
		{"compiler before its rules", "本报告由示例县示例镇人民政府按照《中华人民共和国政府信息公开条例》要求编制。\n本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。\n" + body,
			Options{}, "示例县示例镇人民政府", ""},
		{"first part alone, both given", body, Options{Agency: "示例县某局", Year: 2024}, "示例县某局", "fragment"},
		{"first part alone, agency only", body, Options{Agency: "示例县某局"}, "", ""},
		{"first part alone, year only", body, Options{Year: 2024}, "", ""},
		{"first part alone, another year's counts", body, Options{Agency: "示例县某局", Year: 2023}, "", ""},
		{"two parts of a guide", "一、主动公开\n(一)公开范围\n本机关主动公开机构职能等信息,共12类。\n二、依申请公开\n申请人可以通过网络、信函提出申请。\n",
			Options{Agency: "示例县某局", Year: 2024}, "", ""},
	} {
		r, err := Parse("page.txt", []byte(tt.text), tt.opts)
		if tt.agency == "" {
			if err == nil {
				t.Errorf("%s: read as %s %d, want refused", tt.name, r.Agency, r.Year)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if r.Agency != tt.agency {
			t.Errorf("%s: agency %s, want %s", tt.name, r.Agency, tt.agency)
		}
		if tt.rule != "" && !slices.ContainsFunc(r.Findings, func(f gongkai.Finding) bool { return f.Rule == tt.rule }) {
			t.Errorf("%s: no %s finding", tt.name, tt.rule)
		}
	}
}

// TestFragmentGolden is the golden file of a page that is the first part of
// a report alone, read with the agency and year given (testdata/fragment).
func TestFragmentGolden(t *testing.T) {
	const in = "testdata/fragment/section-one-only.txt"
	data, err := os.ReadFile(in)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse(filepath.Base(in), data, Options{Agency: "示例县某局", Year: 2024})
	got, jerr := json.MarshalIndent(checkObject(r, err), "", " ")
	if jerr != nil {
		t.Fatal(jerr)
	}
	got = append(got, '\n')
	if *fixture.Update {
		if err := os.WriteFile(in+".golden.json", got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(in + ".golden.json")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("Parse of %s differs from its golden file (run go test -run TestFragmentGolden -update):\n%s", in, got)
	}
}

// TestCarriedInNamedYear holds that applications "转至今年" from the year
// before, the year named ("含2023年转至今年办理的M件" in a 2024 report), are
// those carried in, and that the clauses after them are this year's: before,
// the named year made them another year's, and carried in, handled and
// carried out were blank with no word. "结转下一年度处理" is carried out.
// Figures invented.
func TestCarriedInNamedYear(t *testing.T) {
	const head = "(二)依申请公开方面。"
	for _, tt := range []struct {
		body                       string
		carriedIn, handled, carOut float64 // -1: blank
	}{
		{"全年共办理政府信息公开申请45件,含2023年转至今年办理的4件,办结43件,剩余2件结转下一年度处理。", 4, 43, 2},
		{"全年共收到政府信息公开申请41件,2023年度转入本年办理的4件,办结43件,剩余2件结转下一年度处理。", 4, 43, 2},
		{"全年共收到政府信息公开申请41件,办结39件,2件结转下一年度继续处理。", -1, 39, 2},
		// Not the year before: as before.
		{"全年共收到政府信息公开申请41件,含2022年转至今年办理的4件。", -1, -1, -1},
	} {
		vals, _ := readNarrative([]Line{{N: 1, Text: head + tt.body}}, gongkai.Format2021, 2024, "示例市示例区人民政府")
		ci, h, co := numberOf(vals, "apps.carried_in"), numberOf(vals, "apps.total"), numberOf(vals, "apps.carried_out")
		if ci != tt.carriedIn || h != tt.handled || co != tt.carOut {
			t.Errorf("%s: carried in %v, handled %v, carried out %v; want %v, %v, %v", tt.body, ci, h, co, tt.carriedIn, tt.handled, tt.carOut)
		}
	}
}

// TestAllWithheld holds that "均为不同意公开" or "均不予公开" after a count
// received says every application was withheld and answered: the count
// handled is read when none was carried in, and blank with a warning
// otherwise; the withheld rows of 2019 and 2021 (by reason, no total) are
// blank with one warning for the group, and a pre-2019 report's one row is
// read as the count granted is. Before, all were blank with no word.
// Figures invented.
func TestAllWithheld(t *testing.T) {
	const head = "(二)依申请公开情况。"
	for _, tt := range []struct {
		body, format      string
		handled, withheld float64 // -1: blank
		handledW, groupW  bool    // a finding names apps.total / the withheld
	}{
		{"2024年,我局共收到依申请公开信息19件,均为不同意公开。", gongkai.Format2021, -1, -1, true, true},
		{"2024年,我局共收到政府信息公开申请19件,上年无结转,均不予公开。", gongkai.Format2021, 19, -1, false, true},
		{"2024年,我局共收到政府信息公开申请19件,均予以公开。", gongkai.Format2021, -1, -1, true, false},
		{"2024年,我局共收到政府信息公开申请19件,其中部分不予公开。", gongkai.Format2021, -1, -1, false, false},
		{"2016年,我局共收到政府信息公开申请19件,均不予公开。", gongkai.FormatPre2019, -1, -1, true, true},
	} {
		year := 2024
		withheldCode := "apps.withheld"
		if tt.format == gongkai.FormatPre2019 {
			year, withheldCode = 2016, "pre2019.apps_withheld"
		}
		vals, finds := readNarrative([]Line{{N: 1, Text: head + tt.body}}, tt.format, year, "示例市示例区某局")
		h, w := numberOf(vals, "apps.total"), numberOf(vals, withheldCode)
		hw, gw := namesMeasure(finds, "apps.total"), namesMeasure(finds, withheldCode)
		if h != tt.handled || w != tt.withheld || hw != tt.handledW || gw != tt.groupW {
			t.Errorf("%s: handled %v (warned %v), withheld %v (warned %v); want %v (%v), %v (%v)", tt.body, h, hw, w, gw, tt.handled, tt.handledW, tt.withheld, tt.groupW)
		}
	}
}

// TestDealtBalanced holds that a count 办理 (received or handled, errDealt)
// is read as received where the sentence's counts settle which it is: N =
// handled + carried out makes it every application on hand, received N
// less those carried in; N + carried in = handled + carried out makes it
// those received. Otherwise it stays blank with errDealt's warning. Figures
// invented.
func TestDealtBalanced(t *testing.T) {
	const head = "(二)依申请公开方面。"
	for _, tt := range []struct {
		body     string
		received float64 // -1: blank
	}{
		{"全年共办理政府信息公开申请45件,含2023年转至今年办理的4件,办结43件,剩余2件结转下一年度处理。", 41},
		{"全年共办理政府信息公开申请45件,上年结转4件,办结47件,剩余2件结转下一年度处理。", 45},
		{"全年共办理政府信息公开申请45件,含2023年转至今年办理的4件,办结42件,剩余2件结转下一年度处理。", -1},
		{"全年共办理政府信息公开申请45件,办结43件,剩余2件结转下一年度处理。", -1},
	} {
		vals, finds := readNarrative([]Line{{N: 1, Text: head + tt.body}}, gongkai.Format2021, 2024, "示例市示例区人民政府")
		if got := numberOf(vals, "apps.new"); got != tt.received || got == -1 && !namesMeasure(finds, "apps.new") {
			t.Errorf("%s: apps.new %v (warned %v), want %v", tt.body, got, namesMeasure(finds, "apps.new"), tt.received)
		}
	}
}
