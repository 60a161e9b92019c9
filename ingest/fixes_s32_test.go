package ingest

import (
	"os"
	"strings"
	"testing"
)

// TestOutcomesAfterCarriedSaid holds that outcomes stated count-first after
// a count carried in from the year before ("…上年结转1件,其中1件属于国家秘密
// 不予公开,6件予以公开") are blank with a warning that says why: of the
// applications received, of those carried in, or of both, the words do not
// say. They were passed over with no word (session 31's left-out list).
// Without a count carried in they are read as before.
func TestOutcomesAfterCarriedSaid(t *testing.T) {
	const head = "(二)依申请公开。"
	runS31(t, []s31Case{
		{lines: []string{head + "本年度收到政府信息公开申请7件,上年结转1件,其中1件属于国家秘密不予公开,6件予以公开。"}, measure: "apps.withheld.state_secret", want: -1, warned: true, say: "上年结转"},
		{lines: []string{head + "本年度收到政府信息公开申请7件,上年结转1件,其中1件属于国家秘密不予公开,6件予以公开。"}, measure: "apps.granted", want: -1, warned: true, say: "上年结转"},
		{lines: []string{head + "本年度收到政府信息公开申请9件,上年结转2件,其中5件予以公开,3件部分公开,3件本机关不掌握相关政府信息。"}, measure: "apps.partial", want: -1, warned: true},
		{lines: []string{head + "本年度收到政府信息公开申请9件,上年结转2件,其中5件予以公开,3件部分公开,3件本机关不掌握相关政府信息。"}, measure: "apps.unavailable.not_held", want: -1, warned: true},
		{lines: []string{head + "本年度收到政府信息公开申请7件,上年结转1件。"}, measure: "apps.carried_in", want: 1},
		// The count carried in after the outcomes, on the same line (review s28's shape).
		{lines: []string{head + "今年共收到政府信息公开申请5件,对其中3件予以公开,1件部分公开。上年结转2件已办结。"}, measure: "apps.granted", want: -1, warned: true, say: "同一行另写有上年结转"},
		// No count carried in: read as before.
		{lines: []string{head + "本年度收到政府信息公开申请7件,其中1件属于国家秘密不予公开,6件予以公开。"}, measure: "apps.granted", want: 6},
	})
}

// TestProceedingsSaid holds that a review's or suit's count concluded
// ("行政复议4件,已办结3件", "行政诉讼3件,已审结2件"), which table 四 counts
// only by result, is said to be left blank, and that a suit brought against
// the organ on a line and in a part that never name disclosure is blank with
// a warning, as a review is (TestReviewCauseUnsaid), and its none read. All
// were passed over with no word (session 31's left-out list).
func TestProceedingsSaid(t *testing.T) {
	const head = "(四)行政复议和诉讼。"
	runS31(t, []s31Case{
		{lines: []string{"四、政府信息公开行政复议、行政诉讼情况", "2025年因政府信息公开被申请行政复议4件,已办结3件。"}, measure: "review.upheld", want: -1, warned: true, say: "已办结（审结）3件"},
		{lines: []string{"四、政府信息公开行政复议、行政诉讼情况", "2025年因政府信息公开被申请行政复议4件,已办结3件。"}, measure: "review.total", want: 4},
		// The results given: the concluded count is their sum, not said.
		{lines: []string{"四、政府信息公开行政复议、行政诉讼情况", "2025年因政府信息公开被申请行政复议4件,已办结3件,其中维持2件,纠正1件。"}, measure: "review.upheld", want: 2},
		{lines: []string{"四、政府信息公开行政复议、行政诉讼情况", "2025年因政府信息公开被提起行政诉讼3件,已审结2件。"}, measure: "", want: -1, warned: true, say: "行政诉讼已办结（审结）2件"},
		// The applications' handled count is theirs, as before.
		{lines: []string{"(二)依申请公开。2025年共收到政府信息公开申请5件,已办结5件。"}, measure: "apps.total", want: 5},
		{lines: []string{"一、总体情况", head + "2025年被提起行政诉讼2件。"}, measure: "litigation_direct.total", want: -1, warned: true, say: "未说是因政府信息公开"},
		{lines: []string{"一、总体情况", head + "2025年被提起行政诉讼0件。"}, measure: "litigation_direct.total", want: 0},
		{lines: []string{"一、总体情况", head + "2025年被提起行政诉讼0件。"}, measure: "litigation_after_review.total", want: 0},
		{lines: []string{"四、政府信息公开行政复议、行政诉讼情况", "2025年被提起行政诉讼2件。"}, measure: "litigation_direct.total", want: -1, warned: true, say: "未分"},
	})
}

// TestFeesRowOfOtherFormat holds that a 2021 report whose table 二 is read
// as the 2019 form (its sub-table (一) under the 2019 headers) says exactly
// why its fees row, one figure under the 2021 form's "本年收费金额（单位：万元）",
// is blank: the 2019 form's row counts items and has no amount. It said only
// that the row had 1 figure of 2 and which column each stood in could not be
// told, which the page's own header does tell.
func TestFeesRowOfOtherFormat(t *testing.T) {
	data, err := os.ReadFile("testdata/web/form-2019-subtables-2021.txt")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse("form-2019-subtables-2021.txt", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	msg := ""
	for _, f := range r.Findings {
		if f.Rule == "few_figures" && strings.Contains(f.Message, "行政事业性收费") {
			msg = f.Message
		}
	}
	for _, want := range []string{"本年收费金额（单位：万元）", "2021年版格式", "2019年版格式", "没有这一栏"} {
		if !strings.Contains(msg, want) {
			t.Errorf("fees row's finding %q does not say %q", msg, want)
		}
	}
	if strings.Contains(msg, "各在哪一列无法确定") {
		t.Errorf("fees row's finding %q says the columns cannot be told; the page's header tells them", msg)
	}
	for _, v := range r.Values {
		if strings.HasPrefix(v.Measure, "fees.") && v.Number != nil {
			t.Errorf("%s = %v, want blank", v.Measure, *v.Number)
		}
	}
}
