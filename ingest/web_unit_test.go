package ingest

import (
	"errors"
	"os"
	"strings"
	"testing"

	"gongkai/ingest/labels"
)

// TestLabelFolding checks the labels of our fixtures (traditional script,
// mirror-site mangling, full width, soft breaks, enumerations) against the
// format's labels through Normalize (package labels tests the enumeration
// folding).
func TestLabelFolding(t *testing.T) {
	tests := []struct{ label, want string }{
		{"規(guī)章", "规章"},
		{"行政規(guī)范性文件", "行政规范性文件"},
		{"本年處理决定數量", "本年处理决定数量"},
		{"第二十條第（一）項", "第二十条第(一)项"},
		{"商业 企业", "商业企业"},
		{"（三）不予公開", "(三)不予公开"},
		{"３．危及“三安全一稳定”", `3.危及"三安全一稳定"`},
	}
	for _, tt := range tests {
		if got := labels.Normalize(tt.label); got != labels.Normalize(tt.want) {
			t.Errorf("labels.Normalize(%q) = %q, want %q", tt.label, got, labels.Normalize(tt.want))
		}
	}
}

// TestAgencyFromText checks that a sentence fragment before a title's year
// is not taken for the agency: a later title names it, else the page is
// rejected with ErrNoAgency, which asks for the agency.
func TestAgencyFromText(t *testing.T) {
	data, err := os.ReadFile("testdata/web/shape2-pipe-rows.txt")
	if err != nil {
		t.Fatal(err)
	}
	fragment := "根据《示例市人民政府办公室关于做好2021年政府信息公开工作年度报告编制发布工作的通知》要求，现公布本报告。\n"
	r, err := Parse("page.txt", append([]byte(fragment), data...), Options{})
	if err != nil || r.Agency != "示例市生态环境局" {
		t.Errorf("agency %v, err %v; want 示例市生态环境局 from the title after the fragment", r, err)
	}
	_, title, _ := strings.Cut(string(data), "\n") // the page without its title line
	_, err = Parse("page.txt", []byte(fragment+"为切实做好2021年政府信息公开工作年度报告工作\n"+title), Options{})
	if !errors.Is(err, ErrNoAgency) {
		t.Errorf("err = %v, want ErrNoAgency", err)
	}
}

// TestPre2019Words checks the provinces' words for applications received
// and a zero stated in words, and the split of a run-together statistics row.
func TestPre2019Words(t *testing.T) {
	for _, s := range []string{"本年度我局未收到政府信息公开申请。", "全年没有收到公民、法人和其他组织的信息公开申请。"} {
		vals, _ := pre2019FromNarrative([]Line{{N: 3, Text: s}}, "")
		found := false
		for _, v := range vals {
			found = found || v.Measure == "apps.new" && v.Number != nil && *v.Number == 0 && v.At == "line 3"
		}
		if !found {
			t.Errorf("%s: %+v, want apps.new 0 at line 3", s, vals)
		}
	}
	for _, tt := range []struct{ line, year, cum string }{
		{"受理依申请公开信息总数条00", "0", "0"},
		{"收到申请数件1215", "", ""},  // 1|215 and 12|15 both fit
		{"申请总数件970", "9", "70"}, // 97|0 has 历年累计 below 本年度
	} {
		sl, f, ok := statRunTogether(tt.line, "line 1", true)
		if !ok || sl.raw != tt.year || sl.cum != tt.cum || (tt.year == "") != (f != nil) {
			t.Errorf("statRunTogether(%q) = %+v, %v, %v; want %q, %q", tt.line, sl, f, ok, tt.year, tt.cum)
		}
	}
}

// TestSectionGluedHeading holds that a section heading with its paragraph run
// on in the same line ("四、政府信息公开行政复议、行政诉讼情况 2020年，我局…",
// as a PDF's reader joins them) opens its section, whose text is that
// paragraph: section 四 was missing from the report, its text lost.
func TestSectionGluedHeading(t *testing.T) {
	data, err := os.ReadFile("testdata/web/pdf-2020-heading-glued.txt")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse("pdf-2020-heading-glued.txt", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range r.Sections {
		got = append(got, s.Numeral)
		if s.Numeral == "四" {
			if s.Title != "政府信息公开行政复议、行政诉讼情况" || !strings.HasPrefix(s.Text, "2020年，我局未被申请行政复议") {
				t.Errorf("section 四: title %q, text %q", s.Title, s.Text)
			}
		}
	}
	if strings.Join(got, "") != "一二三四五六" {
		t.Errorf("sections %v, want 一 to 六", got)
	}
	for _, s := range []string{"四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政复议、行政诉讼情况。", "一是加强领导，做好情况通报工作"} {
		if _, _, ok := labels.LeadingHeading(s); ok {
			t.Errorf("LeadingHeading(%q) split a line that is no heading with a paragraph", s)
		}
	}
}
