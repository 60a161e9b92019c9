package ingest

import (
	"os"
	"strings"
	"testing"

	"gongkai/ingest/labels"
)

// TestRound27CollectionPiece checks the ordinal a site that collects
// reports sets before each ("第一篇:YYYY年示例市某局…年度报告", the shape of
// a real 2009 municipal bureau's report on such a site): it is no part of
// the agency's name, which was stored as "第一篇".
func TestRound27CollectionPiece(t *testing.T) {
	for _, tt := range []struct {
		line, want string
	}{
		{"第一篇:2009年示例市文化局政府信息公开年度报告", "示例市文化局"},
		{"第12篇：2009年示例市文化局政府信息公开年度报告", "示例市文化局"},
		{"篇2:示例县民政局2016年政府信息公开工作年度报告", "示例县民政局"},
		{"示例市文化局2009年政府信息公开年度报告", "示例市文化局"},
	} {
		if got, _ := labels.TitleMeta(tt.line, true); got != tt.want {
			t.Errorf("TitleMeta(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestRound27JieStreet checks a street office's name written with 街 for
// 街道 ("示例里街", the shape of a real 2021 Tianjin street's title): it
// places its agency by the street alone, as "示例里街道" does, so that the
// body completes it or the page is refused; it was read as placing nothing
// and stored alone.
func TestRound27JieStreet(t *testing.T) {
	for _, tt := range []struct {
		name string
		kind int
		town string
	}{
		{"示例里街", placeTown, "示例里街"},
		{"示例里街办事处", placeTown, "示例里街"},
		{"西秀区示例里街", placeAbove, ""},
		{"老街", placeNone, ""},       // one character before 街: no street's name
		{"步行街管理办公室", placeNone, ""}, // 街 inside a kind of organ's name
		{"示例路街道办事处", placeTown, "示例路街道"},
	} {
		kind, town := namePlace(tt.name)
		if kind != tt.kind || town != tt.town {
			t.Errorf("namePlace(%q) = %d, %q; want %d, %q", tt.name, kind, town, tt.kind, tt.town)
		}
	}
	if got := townPlaceBefore("请与西秀区", "示例里街"); got != "西秀区" {
		t.Errorf("townPlaceBefore(西秀区, 示例里街) = %q, want 西秀区", got)
	}
}

// TestRound27OverviewWorkSummary checks the overview's subject under the
// other headings of an overview ("一、工作概述" then "YYYY年,示例县水利局坚持
// 以《条例》…", the shape of a real 2025 county bureau's page, fixture
// identity-2025-overview-work-summary): it names the report's organ, said,
// as under "一、总体情况"; the page was refused for want of a name. An
// overview that opens on the organ's own words (我局) names none still.
func TestRound27OverviewWorkSummary(t *testing.T) {
	page, err := os.ReadFile("testdata/web/identity-2025-overview-work-summary.txt")
	if err != nil {
		t.Fatal(err)
	}
	const first = "2025年,示例县水利局坚持以"
	if !strings.Contains(string(page), "一、工作概述\n"+first) {
		t.Fatal("the fixture no longer has the shape this test varies")
	}
	for _, tt := range []struct {
		heading, first, want string
	}{
		{"一、工作概述", first, "示例县水利局"},
		{"一、概述", first, "示例县水利局"},
		{"一、总体情况", first, "示例县水利局"},
		{"一、工作概述", "2025年,我局坚持以", ""},
	} {
		text := strings.Replace(string(page), "一、工作概述\n"+first, tt.heading+"\n"+tt.first, 1)
		r, err := Parse("p.txt", []byte(text), Options{})
		got := ""
		if err == nil {
			got = r.Agency
		}
		if got != tt.want {
			t.Errorf("%s / %s: agency %q (err %v), want %q", tt.heading, tt.first, got, err, tt.want)
		}
	}
}

// TestRound27IssueDateLabel checks a provincial site's table of metadata
// that dates a report "发文日期:YYYY-MM-DD 00:00:00" (the shape of a real
// 2008 city's page): the date of publication, as 发布日期 and 成文日期
// are; it was left blank, and no deadline checked.
func TestRound27IssueDateLabel(t *testing.T) {
	for _, tt := range []struct {
		line, want string
	}{
		{"索引号:430S00/2009-00001 公开方式:政府网站 发文日期:2009-04-20 00:00:00", "2009-04-20"},
		{"发布日期:2018-02-26    点击数:", "2018-02-26"},
		{"《条例》自2007年45日颁布以来,我市于20078月成立了领导小组。", ""},
	} {
		if got := publishedDate([]Line{{N: 1, Text: tt.line}}); got != tt.want {
			t.Errorf("publishedDate(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestRound27PortalPlace checks a township's name completed from the
// government site the opening says the report is read on ("本报告可通过
// 西秀区人民政府门户网站(…)查阅或下载", the shapes of a real 2024 township's
// and a real 2021 street's pages, fixture identity-2024-town-county-portal):
// the county's site is the township's county. Two sites that differ, a
// site named in no sentence about the report, or one Derive does not read
// as a county leave the page refused as before.
func TestRound27PortalPlace(t *testing.T) {
	page, err := os.ReadFile("testdata/web/identity-2024-town-county-portal.txt")
	if err != nil {
		t.Fatal(err)
	}
	const said = "本报告可通过西秀区人民政府门户网站(http://www.example.gov.cn/)查阅或下载。"
	if !strings.Contains(string(page), said) {
		t.Fatal("the fixture no longer has the shape this test varies")
	}
	for _, tt := range []struct {
		sentence, want string
	}{
		{said, "西秀区示例乡"},
		{"本年度报告在西秀区政府门户网站(http://www.example.gov.cn/)全文公开。", "西秀区示例乡"},
		{"本报告可通过西秀区人民政府门户网站查阅,也可通过镇宁布依族苗族自治县人民政府网站下载。", ""},
		{"欢迎登录西秀区人民政府门户网站查看各类政策。", ""},
		{"本报告可通过示例网站查阅或下载。", ""},
	} {
		r, err := Parse("p.txt", []byte(strings.Replace(string(page), said, tt.sentence, 1)), Options{})
		got := ""
		if err == nil {
			got = r.Agency
		}
		if got != tt.want {
			t.Errorf("%s: agency %q (err %v), want %q", tt.sentence, got, err, tt.want)
		}
	}
}

// TestRound27CommissionedPlace checks a township's name completed from the
// county whose government office's notice on the annual report the opening
// says it follows ("按照西秀区人民政府办公室《关于做好YYYY年度政府信息公开
// 年度报告编制公布工作的通知》…要求,现将示例回族镇…报告如下", the shape of a
// real 2022 town's page, fixture identity-2022-town-county-notice). An
// office named only as the contact, or a notice on another matter, leaves
// the page refused as before.
func TestRound27CommissionedPlace(t *testing.T) {
	page, err := os.ReadFile("testdata/web/identity-2022-town-county-notice.txt")
	if err != nil {
		t.Fatal(err)
	}
	const said = "按照西秀区人民政府办公室《关于做好2022年度政府信息公开年度报告编制公布工作的通知》(示政办函〔2023〕1号)文件要求,"
	if !strings.Contains(string(page), said) {
		t.Fatal("the fixture no longer has the shape this test varies")
	}
	for _, tt := range []struct {
		opening, want string
	}{
		{said, "西秀区示例回族镇"},
		{"根据西秀区人民政府办公室关于做好2022年度政府信息公开年度报告工作的通知,", "西秀区示例回族镇"},
		{"按照西秀区人民政府办公室《关于开展政务公开专项检查的通知》要求,", ""},
		{"如有疑问请与西秀区人民政府办公室联系,", ""},
	} {
		r, err := Parse("p.txt", []byte(strings.Replace(string(page), said, tt.opening, 1)), Options{})
		got := ""
		if err == nil {
			got = r.Agency
		}
		if got != tt.want {
			t.Errorf("%s: agency %q (err %v), want %q", tt.opening, got, err, tt.want)
		}
	}
}

// TestRound27KindReportContact checks a first sentence that calls the
// report its street's by the kind alone ("…特编制并向社会公布YYYY年度街道
// 信息公开年度报告", the shape of a real 2021 street office's page, fixture
// identity-2021-street-kind-report-contact): the opening's contact that
// names one street office in full, its district read, names the report's
// organ. A contact with no district, an office of the street, or an organ
// of another kind leaves the page refused as before.
func TestRound27KindReportContact(t *testing.T) {
	page, err := os.ReadFile("testdata/web/identity-2021-street-kind-report-contact.txt")
	if err != nil {
		t.Fatal(err)
	}
	const said = "请与西秀区示例街道办事处联系"
	if !strings.Contains(string(page), said) {
		t.Fatal("the fixture no longer has the shape this test varies")
	}
	for _, tt := range []struct {
		contact, want string
	}{
		{said, "西秀区示例街道办事处"},
		{"请与示例街道办事处联系", ""},
		{"请与西秀区示例镇人民政府联系", ""},
	} {
		r, err := Parse("p.txt", []byte(strings.Replace(string(page), said, tt.contact, 1)), Options{})
		got := ""
		if err == nil {
			got = r.Agency
		}
		if got != tt.want {
			t.Errorf("%s: agency %q (err %v), want %q", tt.contact, got, err, tt.want)
		}
	}
}

// TestRound27AllHandledEnded checks "已全部办理结束" after a count received
// (the shape of a real 2021 street office's page, fixture
// narrative-2021-all-handled-ended): every application received was
// handled, as "已全部办理完毕" says; the count handled is blank with the
// warning that says why. It was blank with no word.
func TestRound27AllHandledEnded(t *testing.T) {
	const head = "示例县示例局2021年政府信息公开工作年度报告\n一、总体情况\n(一)依申请公开\n"
	for _, tt := range []struct {
		line string
		said bool
	}{
		{"2021年受理依申请公开件4件,均通过信函递交,已全部办理结束。\n", true},
		{"2021年受理依申请公开件4件,均通过信函递交,已全部办理完毕。\n", true},
		{"2021年受理依申请公开件4件,均通过信函递交。\n", false},
	} {
		r, err := Parse("p.txt", []byte(head+tt.line), Options{})
		if err != nil {
			t.Fatalf("%q: %v", tt.line, err)
		}
		if v, ok := r.Lookup("apps.total", "total"); ok && v.Number != nil {
			t.Errorf("%q: apps.total %v, want blank", tt.line, *v.Number)
		}
		said := false
		for _, f := range r.Findings {
			if f.Measure == "apps.total" && strings.Contains(f.Message, "全部（均）已答复") {
				said = true
			}
		}
		if said != tt.said {
			t.Errorf("%q: said %v, want %v", tt.line, said, tt.said)
		}
	}
}

// TestRound27NoOrganName checks the guard against a site's label read as
// the agency ("文章三 YYYY年示例市某局…年度报告", review's reproducer of the
// class round 27's "第一篇:" is one shape of; fixture
// identity-2021-site-label-before-title): a name that places nothing and
// ends as no organ's does is refused with a word. Names of organs, zones,
// enterprises and customs houses that place nothing pass.
func TestRound27NoOrganName(t *testing.T) {
	for _, tt := range []struct {
		name   string
		refuse bool
	}{
		{"文章三", true},
		{"栏目二", true},
		{"正文", true},
		{"示例市文化局", false},
		{"党政办公室", false},
		{"示例科技城", false},
		{"示例海关", false},
		{"供电公司", false},
		{"示例林场", false},
		{"示例里街", false},
		{"海关总署(本级机关)", false},
	} {
		if got := noOrganMessage(tt.name) != ""; got != tt.refuse {
			t.Errorf("noOrganMessage(%q) refuses: %v, want %v", tt.name, got, tt.refuse)
		}
	}
}
