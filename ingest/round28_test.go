package ingest

import (
	"os"
	"testing"

	"gongkai"
	"gongkai/ingest/labels"
)

// TestRound28OutcomesBesideReview checks the outcomes counted count-first
// after the applications received ("全年共受理…申请5件,其中3件予以公开,2件不予
// 公开", the shape of a real 2022 district bureau's paragraph) when a
// sentence on reviews follows on the same line ("不存在有关…行政复议和行政诉讼
// 情况"): the granted count is read, and a count withheld with no reason is
// said to fit no row of the 2021 table 三. Both were passed over with no
// word: the other topic (复议) was looked for on the whole line. A review's
// or a suggestion's outcomes, in their own sentence, stay unread.
func TestRound28OutcomesBesideReview(t *testing.T) {
	const review = "不存在有关政府信息公开行政复议和行政诉讼情况。"
	for _, tt := range []struct {
		line     string
		granted  float64 // -1: blank
		withheld bool    // a finding of the count withheld
	}{
		{"(二)依申请公开政府信息情况。全年共受理政府信息公开申请5件,其中3件予以公开,2件不予公开。" + review, 3, true},
		{"(二)依申请公开政府信息情况。全年共受理政府信息公开申请5件,其中3件予以公开。" + review, 3, false},
		{"(二)依申请公开政府信息情况。全年共受理政府信息公开申请4件,均按时答复。其中3件公开,1件经与申请者沟通同意对答复内容不予公开。" + review, 3, true},
		// The bare word alone, set against no other outcome: not read.
		{"(二)依申请公开政府信息情况。全年共受理政府信息公开申请4件,其中3件公开。" + review, -1, false},
		// A reason named is read as that reason's, not said as no row's.
		{"(二)依申请公开政府信息情况。全年共受理政府信息公开申请4件,其中3件予以公开,1件属于国家秘密不予公开。" + review, 3, false},
		// Another matter's outcomes in their own sentence stay unread.
		{"(二)依申请公开政府信息情况。收到行政复议申请3件,其中2件予以公开。", -1, false},
		{"(二)依申请公开政府信息情况。共收到行政复议申请3件。其中2件予以公开。", -1, false},
	} {
		vals, finds := readNarrative([]Line{{N: 1, Text: tt.line}}, gongkai.Format2021, 2022, "示例县示例局")
		if got := numberOf(vals, "apps.granted"); got != tt.granted {
			t.Errorf("%s: apps.granted %v, want %v", tt.line, got, tt.granted)
		}
		said := false
		for _, f := range finds {
			if f.Measure == "apps.withheld" {
				said = true
			}
		}
		if said != tt.withheld {
			t.Errorf("%s: finding of apps.withheld %v, want %v", tt.line, said, tt.withheld)
		}
	}
}

// TestRound28ContactSection checks a line of contact that names the
// organ's 综合科 with the organ ("如对本报告有任何疑问,请与示例区教育局综合科联系
// (地址:…)", the shape of a real 2022 district bureau's page whose title and
// first sentence name no organ): the section is the organ's office by
// another name, and the organ is the report's, said to be checked. The page
// was refused for want of a name. A government's or an office's section
// names no organ surely.
func TestRound28ContactSection(t *testing.T) {
	for _, tt := range []struct{ line, organ string }{
		{"如对本报告有任何疑问,请与示例区教育局综合科联系(地址:示例路1号)。", "示例区教育局"},
		{"如对本报告有疑问,请与示例县民政局综合股联系。", "示例县民政局"},
		{"如对本报告有疑问,请与示例市人民政府重点建设项目领导小组办公室综合科联系。", ""},
		{"如对本报告有疑问,请与示例县人民政府综合科联系。", ""},
	} {
		if organ, _ := labels.ContactOffice(tt.line); organ != tt.organ {
			t.Errorf("ContactOffice(%q) = %q, want %q", tt.line, organ, tt.organ)
		}
	}
	data, err := os.ReadFile("testdata/web/identity-2022-contact-section.txt")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse("identity-2022-contact-section.txt", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Agency != "示例区教育局" || r.Year != 2022 {
		t.Errorf("agency %q year %d, want 示例区教育局 2022", r.Agency, r.Year)
	}
}
