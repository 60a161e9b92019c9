package ingest

import (
	"slices"
	"strings"
	"testing"

	"gongkai"
)

// TestSectionNones: a section of a pre-2019 report whose whole body says
// none gives the kinds its title names; a body with anything else, a
// sub-heading or one channel's "无", gives none.
func TestSectionNones(t *testing.T) {
	tests := []struct {
		name, text string
		want       []nkind // the kinds found, in order
	}{
		{"applications", "三、依申请公开政府信息情况\n无。", []nkind{nReceived}},
		{"applications and refusals", "三、依申请公开政府信息和不予公开政府信息的情况\n本年度无", []nkind{nReceived}},
		{"reviews, not applications", "五、因政府信息公开申请行政复议、提起行政诉讼的情况\n暂无此类情况。", []nkind{nReview, nLitigation}},
		{"fees on the heading's line", "四、政府信息公开的收费及减免情况：无。", []nkind{nInfoFees}},
		{"proactive", "二、主动公开政府信息情况\n无", []nkind{nProactive}},
		{"problems", "六、存在的主要问题和改进措施\n无。", nil},
		{"two lines of none", "五、因政府信息公开申请行政复议、提起行政诉讼的情况\n无。\n无。", []nkind{nReview, nLitigation}},
		{"a figure after", "三、依申请公开政府信息情况\n无。\n本年度受理申请2件。", nil},
		{"one channel", "三、依申请公开政府信息情况\n当面申请：无", nil},
		{"sub-section", "三、依申请公开政府信息情况\n（一）申请情况\n无。", []nkind{nReceived}},
		{"sub-sections", "三、依申请公开情况\n(一)申请情况\n本年度收到申请2件。\n(二)答复情况\n无。\n(三)依申请公开政府信息收费情况\n无。", []nkind{nInfoFees}},
		{"sub-heading with a stop", "三、依申请公开政府信息情况\n（一）申请情况。\n无。", nil},
		{"no body", "三、依申请公开政府信息情况\n四、政府信息公开的收费及减免情况\n无", []nkind{nInfoFees}},
		{"a long answer", "三、依申请公开政府信息情况\n无人申请的情况下我局仍做好准备。", nil},
	}
	for _, tt := range tests {
		var lines []Line
		for i, s := range strings.Split(tt.text, "\n") {
			lines = append(lines, Line{N: i + 1, Text: s})
		}
		var got []nkind
		for _, nb := range sectionNones(runOnSections(lines)) {
			got = append(got, nb.kinds...)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: kinds %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestCatalogueWords: a count of licence kinds in the catalogue is no count
// of decisions; 事项 that are handled are.
func TestCatalogueWords(t *testing.T) {
	for _, tt := range []struct {
		before, between, unit string
		want                  bool
	}{
		{"公开", "事项", "项", true}, {"梳理", "事项清单", "项", true}, {"", "目录", "个", true}, {"办理", "项目共", "项", true},
		{"主动公开", "处理事项", "件", false}, {"", "办理事项", "项", false}, {"", "决定", "项", false}, {"全年办理", "", "件", false},
		{"办理", "事项", "项", false}, {"共审批", "事项", "项", false}, {"", "共", "项", false},
		// A verb in an earlier clause: the cases say decisions.
		{"", "事项", "件", false}, {"", "事项", "宗", false}, {"公布", "事项", "个", true}, {"", "事项清单", "件", true},
		// Cases, but the clause says the catalogue was published: either reading fits.
		{"公开", "事项", "件", true}, {"全年梳理", "事项", "次", true},
	} {
		if got := catalogueWords(tt.before, tt.between, tt.unit); got != tt.want {
			t.Errorf("catalogueWords(%q, %q, %q) = %v, want %v", tt.before, tt.between, tt.unit, got, tt.want)
		}
	}
}

// TestFeesAndWaivers: "没有…收费和减免情况" is no fees, in both pre-2019
// readers; no fees charged against the rules says nothing of the others.
// Both read a page in traditional script through its simplified text.
func TestFeesAndWaivers(t *testing.T) {
	for _, tt := range []struct {
		sentence    string
		zero, zeroA bool
	}{
		{"2017年没有公民、法人和其他组织的政府信息公开收费和减免情况。", true, true},
		{"2017年沒有公民、法人和其他組織的政府信息公開收費和減免情況。", true, true},
		{"本年度未发生政府信息公开收费及减免情况。", true, true},
		{"2017年没有违规收费和减免情况。", false, false},
		{"没有行政事业性收费和减免情况。", false, false},
		{"本年度，我镇政府信息公开没有收费。", true, true},
		{"办理行政许可没有收费。", false, false},
		{"2017年，没有向政府信息公开申请人收费的情况。", true, true},
		{"2017年，沒有向政府信息公開申請人收費的情況。", true, true},
		{"我街道未对任何公民、法人和组织收取任何费用。", true, true},
		{"没有向企业收费。", false, false},
	} {
		lines := []Line{{N: 1, Text: tt.sentence}}
		vals, _ := readNarrative(lines, gongkai.FormatPre2019, 2017, "示例局")
		got := slices.ContainsFunc(vals, func(v gongkai.Value) bool { return v.Measure == "pre2019.fees" && *v.Number == 0 })
		said, _ := pre2019FromNarrative(lines, "")
		gotA := slices.ContainsFunc(said, func(v gongkai.Value) bool { return v.Measure == "pre2019.fees" && *v.Number == 0 })
		if got != tt.zero || gotA != tt.zeroA {
			t.Errorf("%s: fees 0 read %v (sentences) and %v (old words), want %v and %v", tt.sentence, got, gotA, tt.zero, tt.zeroA)
		}
	}
}

// TestReviewAppliedNoApplication holds the 申请 of "申请行政复议" to no
// application for information, in both readers of zeros, and reads the count
// of a system of applications ("依申请公开系统共收到2宗").
func TestReviewAppliedNoApplication(t *testing.T) {
	for _, tt := range []struct {
		sentence string
		want     float64 // apps.new from the reader of the old regime's words; -1: none
		wantS    float64 // the same from the sentence reader
	}{
		{"2016年未发生申请行政复议和提起行政诉讼情况。", -1, -1},
		{"2016年未發生申請行政復議和提起行政訴訟情況。", -1, -1},
		{"本年度没有申请了复议的情况。", -1, -1},
		{"2016年未收到政府信息公开申请。", 0, 0},
		{"2016年,政府信息依申请公开系统共收到2宗信息。", 2, 2},
		{"2016年依申请公开工作共受理3件。", 3, 3},
	} {
		lines := []Line{{N: 1, Text: tt.sentence}}
		said, _ := pre2019FromNarrative(lines, "")
		vals, _ := readNarrative(lines, gongkai.FormatPre2019, 2016, "示例镇")
		if a, s := numberOf(said, "apps.new"), numberOf(vals, "apps.new"); a != tt.want || s != tt.wantS {
			t.Errorf("%s: apps.new %v (old words) and %v (sentences), want %v and %v", tt.sentence, a, s, tt.want, tt.wantS)
		}
	}
}

// TestJointOutcomes holds a count of two outcomes together ("同意公开及部分公开
// 的有6件") to no partial count, in both readers, while each outcome's own
// count is read.
func TestJointOutcomes(t *testing.T) {
	for _, tt := range []struct {
		format, sentence string
		partial          float64 // -1: none
	}{
		{gongkai.FormatPre2019, "2016年共受理政府信息公开申请12件,同意公开及部分公开的有6件,不予公开6件。", -1},
		{gongkai.Format2021, "2024年共受理依申请公开12件,予以公开及部分公开的有6件,无法提供的有6件。", -1},
		{gongkai.Format2021, "2024年共收到政府信息公开申请12件,予以公开和部分公开6件。", -1},
		{gongkai.FormatPre2019, "2016年共受理政府信息公开申请12件,同意公开4件,部分公开2件。", 2},
		{gongkai.Format2021, "2024年共收到政府信息公开申请12件,其中予以公开4件,部分公开2件。", 2},
	} {
		lines := []Line{{N: 1, Text: tt.sentence}}
		vals, _ := readNarrative(lines, tt.format, 2024, "示例局")
		if tt.format == gongkai.FormatPre2019 {
			vals, _ = pre2019FromNarrative(lines, "")
		}
		if got := numberOf(vals, "apps.partial"); got != tt.partial {
			t.Errorf("%s: partial %v, want %v", tt.sentence, got, tt.partial)
		}
	}
}
