package ingest

import (
	"os"
	"strings"
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

// TestRound28ParkNoPlace checks a park's name that places nothing
// ("示例电子产业园", "台创园": the shapes of a real 2018 county park's and a
// real 2017 district park's pages): the page is refused with a word, as a
// township's name alone is; it was stored alone with no word. A park the
// atlas places, or one the body completes, and a kindergarten, are not.
func TestRound28ParkNoPlace(t *testing.T) {
	for _, tt := range []struct {
		name    string
		refused bool
	}{
		{"示例电子产业园", true},
		{"台创园", true},
		{"示例高新技术产业园区", true},
		{"苏州工业园区", false},
		{"示例县示例产业园", false},
		{"示例实验幼儿园", false},
		{"示例县示例局", false},
	} {
		if got := parkMessage(tt.name) != ""; got != tt.refused {
			t.Errorf("parkMessage(%q) refuses %v, want %v", tt.name, got, tt.refused)
		}
	}
	data, err := os.ReadFile("testdata/web/identity-2018-park-no-place.txt")
	if err != nil {
		t.Fatal(err)
	}
	if r, err := Parse("identity-2018-park-no-place.txt", data, Options{}); err == nil {
		t.Errorf("agency %q stored, want the page refused", r.Agency)
	}
	// The body writing the park after its county completes it.
	body := strings.Replace(string(data), "2018年,示例电子产业园按照", "2018年,示例县示例电子产业园按照", 1)
	if r, err := Parse("identity-2018-park-no-place.txt", []byte(body), Options{}); err != nil || r.Agency != "示例县示例电子产业园" {
		t.Errorf("completed: agency %v, %v; want 示例县示例电子产业园", r, err)
	}
}

// TestRound28LevelLedInBody checks a name led by a bare level ("省示例委" of
// a title "省示例委2017年政府信息公开年度报告.doc", the shape of a real 2017
// provincial commission's report on a site of documents) completed from the
// body's "本报告由贵州省示例委…编制": the page was refused though its first
// sentence gave the province. Two provinces, a city where the level is a
// province's, or none, leave it refused.
func TestRound28LevelLedInBody(t *testing.T) {
	data, err := os.ReadFile("testdata/web/identity-2017-level-led-province-in-body.txt")
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	const first = "本报告由贵州省示例委根据"
	if !strings.Contains(page, first) || !strings.Contains(page, "请与贵州省示例委办公室联系") {
		t.Fatal("the fixture no longer has the shape this test varies")
	}
	for _, tt := range []struct {
		from, to, want string
	}{
		{"", "", "贵州省示例委"},
		{first, "本报告由云南省示例委根据", ""},        // two provinces
		{"贵州省示例委", "贵阳市示例委", ""},           // a city's: not the province's level
		{"贵州省示例委", "我委", ""},               // none
		{first, "本报告由贵州省 示例委根据", "贵州省示例委"}, // the contact still names it
	} {
		p := page
		if tt.from != "" {
			p = strings.ReplaceAll(p, tt.from, tt.to)
		}
		r, err := Parse("identity-2017-level-led-province-in-body.txt", []byte(p), Options{})
		got := ""
		if err == nil {
			got = r.Agency
		}
		if got != tt.want {
			t.Errorf("%q → %q: agency %q (%v), want %q", tt.from, tt.to, got, err, tt.want)
		}
	}
}

// TestRound28OverviewInlineSubheading checks the overview's first
// sub-heading written with its text on one line ("(一)主动公开情况。2022年示例市
// 教育局全面贯彻落实《条例》精神,…", the shape of a real 2022 municipal bureau's
// page with no title): the subject of that text names the organ, said, as
// the overview's first sentence does. The page was refused for want of a
// name. Its own words (我局) or a government's name give none.
func TestRound28OverviewInlineSubheading(t *testing.T) {
	data, err := os.ReadFile("testdata/web/identity-2022-overview-inline-subheading.txt")
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	const first = "(一)主动公开情况。2022年示例市教育局全面贯彻"
	if !strings.Contains(page, first) {
		t.Fatal("the fixture no longer has the shape this test varies")
	}
	for _, tt := range []struct{ to, want string }{
		{first, "示例市教育局"},
		{"(一)主动公开情况。2022年我局全面贯彻", ""},
		{"(一)主动公开情况。2022年示例市人民政府全面贯彻", ""},
		{"(二)主动公开情况。2022年示例市教育局全面贯彻", ""}, // not the overview's first sub-heading
	} {
		p := strings.Replace(page, first, tt.to, 1)
		p = strings.Replace(p, "2022年示例市教育局未收到", "2022年我局未收到", 1)
		r, err := Parse("identity-2022-overview-inline-subheading.txt", []byte(p), Options{})
		got := ""
		if err == nil {
			got = r.Agency
		}
		if got != tt.want {
			t.Errorf("%q: agency %q (%v), want %q", tt.to, got, err, tt.want)
		}
	}
}

// TestRound28CityNamedXiang checks a clause that names the organ's own city
// whose name ends in 乡 or 镇 before its level ("本局2014年通过桐乡市政府信息公开网
// 主动公开政府信息92条", the shape of a real 2014 county-level city bureau's
// page): the 乡 of 桐乡市 ends no township, and the count is the organ's.
// It was left blank as another organ's. A township named is another organ
// still.
func TestRound28CityNamedXiang(t *testing.T) {
	for _, tt := range []struct {
		clause string
		other  bool
	}{
		{"本局2014年通过例乡市政府信息公开网主动公开政府信息64条", false},
		{"本局2014年在例镇区政务网主动公开政府信息64条", false},
		{"示例乡主动公开政府信息64条", true},
		{"协助示例镇办理政府信息公开申请2件", true},
	} {
		if got := namesOtherOrgan(tt.clause, "例乡市交通运输局"); got != tt.other {
			t.Errorf("namesOtherOrgan(%q) = %v, want %v", tt.clause, got, tt.other)
		}
	}
}

// TestRound28OverviewSubjectGenju checks an overview's first sentence whose
// subject's first verb is 根据 ("2017年,示例县医药高新区管委会根据工作实际,结合
// 《条例》…", the shape of a real 2017 managing zone's page with no title):
// the subject names the organ, as before 按照. The page was refused for want
// of a name. The organ's own words give none.
func TestRound28OverviewSubjectGenju(t *testing.T) {
	for _, tt := range []struct{ line, want string }{
		{"2017年,示例县医药高新区管委会根据工作实际,结合《中华人民共和国政府信息公开条例》等有关规定,有序推进政府信息公开工作。", "示例县医药高新区管委会"},
		{"2017年,示例县示例局依据《条例》规定,扎实推进政务公开工作。", "示例县示例局"},
		{"2017年,我委根据工作实际,有序推进政府信息公开工作。", ""},
		{"2017年,示例县人民政府根据工作实际,有序推进政府信息公开工作。", ""},
	} {
		if got := labels.OverviewSubject(tt.line); got != tt.want {
			t.Errorf("OverviewSubject(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestRound28DealtCountBeforeNoun checks two counts of applications whose
// words do not say received, handled or given: the count before the noun
// after a bare 办理 ("2023年我局共办理1件依申请公开", the shape of a real 2023
// district bureau's page) and "依申请公开政务信息数3件" (a real 2022 bureau's).
// Each was passed over with no word; each is now blank with its word, as
// "办理依申请公开N件" and "依申请公开政府信息N件" are.
func TestRound28DealtCountBeforeNoun(t *testing.T) {
	for _, tt := range []struct {
		line string
		said []string // the measures said, blank
	}{
		{"(二)依申请公开情况。2023年我局共办理1件依申请公开,答复书已回复。", []string{"apps.new", "apps.total"}},
		{"(二)依申请公开情况。2023年共办理2件政府信息公开申请。", []string{"apps.new", "apps.total"}},
		{"(二)依申请公开情况。2023年度我局依申请公开政务信息数3件,已按要求办理。", []string{"apps.new"}},
		// Received, said so: read as before.
		{"(二)依申请公开情况。2023年我局共收到政府信息公开申请2件,已全部办结。", nil},
	} {
		vals, finds := readNarrative([]Line{{N: 1, Text: tt.line}}, gongkai.Format2021, 2023, "示例区示例局")
		for _, m := range tt.said {
			if got := numberOf(vals, m); got != -1 {
				t.Errorf("%s: %s %v, want blank", tt.line, m, got)
			}
			said := false
			for _, f := range finds {
				if f.Measure == m {
					said = true
				}
			}
			if !said {
				t.Errorf("%s: no finding of %s", tt.line, m)
			}
		}
	}
}

// TestRound28DocumentDateLabel checks a district site's list of metadata
// that dates a report "公文生成日期:YYYY-MM-DD" (the shape of a real 2018
// district government's page): the date of publication, as 成文日期 is; it
// was left blank, and no deadline checked. A page's bare "生成时间" (a
// footer's stamp) is no date of the report's.
func TestRound28DocumentDateLabel(t *testing.T) {
	for _, tt := range []struct{ line, want string }{
		{"  • 公文生成日期:2019-04-08", "2019-04-08"},
		{"页面生成时间:2024-05-06 10:00", ""},
	} {
		if got := publishedDate([]Line{{N: 1, Text: tt.line}}); got != tt.want {
			t.Errorf("publishedDate(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestRound28SelfOfficeCompiler checks a first sentence that says an office
// which is an organ of its own compiled the report ("由北京市信访办编制的2009年度…
// 报告", the shape of a real 2009 municipal office's page): the report is
// that organ's, said to be checked. It was refused as if the office might
// compile for another. A government's 办公室, an organ's own office and a
// bare kind are as before.
func TestRound28SelfOfficeCompiler(t *testing.T) {
	for _, tt := range []struct{ line, organ, office string }{
		{"本报告是根据《条例》要求,由示例市信访办编制的2009年度政府信息公开年度报告。", "示例市信访办", "示例市信访办"},
		{"本报告是根据《条例》要求,由示例县法制办公室编制的2012年度政府信息公开年度报告。", "示例县法制办公室", "示例县法制办公室"},
		{"本报告是根据《条例》要求,由示例县人民政府办公室编制的2012年度政府信息公开年度报告。", "", "示例县人民政府办公室"},
		{"本报告是根据《条例》要求,由示例县民政局办公室编制的2012年度政府信息公开年度报告。", "示例县民政局", "示例县民政局办公室"},
		{"本报告是根据《条例》要求,由信访办编制的2012年度政府信息公开年度报告。", "", "信访办"},
	} {
		organ, office, _ := labels.CompilerOffice(tt.line)
		if organ != tt.organ || office != tt.office {
			t.Errorf("CompilerOffice(%q) = %q, %q; want %q, %q", tt.line, organ, office, tt.organ, tt.office)
		}
	}
}
