package ingest

import (
	"testing"

	"gongkai"
	"gongkai/ingest/labels"
)

// TestRound29SpamName checks a name a mirror site filled with its own words
// in Chinese ("新葡京博彩官网区人民政府…街道办事处", fixture
// identity-2020-spam-district-street): refused, as a name with a Latin
// letter is. A lottery's public institution keeps its name.
func TestRound29SpamName(t *testing.T) {
	for name, want := range map[string]bool{
		"新葡京博彩官网区人民政府示例街道办事处": true, "示例体彩网交通运输局": true,
		"示例市福利彩票发行中心": false, "示例县示例镇人民政府": false, "示例市文化广电旅游局": false,
	} {
		if got := latinNameMessage(name) != ""; got != want {
			t.Errorf("latinNameMessage(%q) != \"\" is %v, want %v", name, got, want)
		}
	}
}

// TestRound29OverviewSubjectAfterLaw checks an overview's first sentence
// that names the law before the year and the organ ("根据《条例》(简称《条例》),
// YYYY年度示例县交通运输局认真贯彻实施", the shape of a real 2022 municipal
// bureau's page, fixture identity-2022-overview-after-law-cell-lines): the
// organ is its subject. A government after the law, or a law's clause that
// runs on, gives none.
func TestRound29OverviewSubjectAfterLaw(t *testing.T) {
	for _, tt := range []struct{ line, want string }{
		{"根据《中华人民共和国政府信息公开条例》(简称《条例》),2022年度示例县交通运输局认真贯彻实施,及时、准确地公开相关政府信息。", "示例县交通运输局"},
		{"根据《中华人民共和国政府信息公开条例》的规定,2022年,示例县示例局全面推进政务公开工作。", "示例县示例局"},
		{"根据《中华人民共和国政府信息公开条例》,2022年度示例县人民政府认真贯彻实施,及时公开政府信息。", ""},
		{"根据《条例》和市政府的要求,2022年度示例县示例局认真贯彻实施,及时公开政府信息。", ""},
	} {
		if got := labels.OverviewSubject(tt.line); got != tt.want {
			t.Errorf("OverviewSubject(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestRound29PlaceOfSiteColumn checks a township's county read before its
// column on the county's government site ("更新完善西秀区政府网站示例街道办事处
// 栏目", fixture identity-2020-street-city-site-column): the county, not a
// place of its own ("西秀区政府网站"), which set the page's places apart.
func TestRound29PlaceOfSiteColumn(t *testing.T) {
	for _, tt := range []struct{ before, want string }{
		{"更新完善西秀区政府网站", "西秀区"},
		{"更新完善西秀区人民政府门户网站", "西秀区"},
		{"更新完善西秀区人民政府", "西秀区"},
		{"更新完善示例网站", ""},
	} {
		if got := townPlaceBefore(tt.before, "示例街道"); got != tt.want {
			t.Errorf("townPlaceBefore(%q) = %q, want %q", tt.before, got, tt.want)
		}
	}
}

// TestRound29CommissionedByPaper checks the county named inside the title of
// the paper on the annual report that a township's opening follows
// ("根据《条例》规定和《YYYY年度西秀区人民政府和区直各部门单位的政府信息公开年度
// 报告编制》的要求", fixture identity-2022-township-county-paper-title): it
// commissions the report, as its office's notice does. A paper on another
// matter, or 政府信息 inside the law's title, does not.
func TestRound29CommissionedByPaper(t *testing.T) {
	for _, tt := range []struct {
		line string
		want bool
	}{
		{"示例乡根据《条例》规定和《2022年度西秀区人民政府和区直各部门单位的政府信息公开年度报告编制》的要求,特向社会公开", true},
		{"示例乡根据《西秀区人民政府关于加强乡村振兴工作的意见》的要求,特向社会公开", false},
		{"示例乡根据《中华人民共和国政府信息公开条例》的要求,特向社会公开年度报告", false},
		{"按照西秀区人民政府办公室《关于做好2022年度政府信息公开年度报告编制公布工作的通知》要求", true},
	} {
		t2 := labels.Normalize(tt.line)
		got := false
		for off := 0; ; {
			k := indexFrom(t2, "政府", off)
			if k < 0 {
				break
			}
			k += len("政府")
			off = k
			got = got || commissioned(t2, k)
		}
		if got != tt.want {
			t.Errorf("%s: commissioned %v, want %v", tt.line, got, tt.want)
		}
	}
}

// indexFrom is strings.Index of sub in s from off, or -1.
func indexFrom(s, sub string, off int) int {
	for i := off; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

// TestRound29Interpretation checks a page that interprets an annual report
// ("【文稿解读】…年度报告", fixture identity-2020-report-interpretation): refused,
// as it states none of the report's figures. A report whose title or
// opening lists 政策解读 among its parts, a page with the tables, or one
// that names an interpretation (a link) but never says it interprets, is
// read.
func TestRound29Interpretation(t *testing.T) {
	for _, tt := range []struct {
		line string
		want bool
	}{
		{"【文稿解读】示例街道办事处2020年政府信息公开工作年度报告", true},
		{"解读:《示例县示例局2022年政府信息公开工作年度报告》", true},
		{"《示例县示例局2022年政府信息公开工作年度报告》解读", true},
		{"示例县示例局2022年政府信息公开工作年度报告", false},
		{"全文包括概述、政策解读、复议诉讼等,现公开2022年度政府信息公开年度报告", false},
	} {
		doc := &Document{Lines: []Line{{N: 1, Text: tt.line}, {N: 2, Text: "现对《报告》解读如下:"}}}
		if got := interpretationMessage(doc, false) != ""; got != tt.want {
			t.Errorf("%s: refused %v, want %v", tt.line, got, tt.want)
		}
		if interpretationMessage(doc, true) != "" {
			t.Errorf("%s: refused with the tables found", tt.line)
		}
		// A report's own page that links to its interpretation, and
		// says nothing of interpreting: read.
		doc.Lines[1].Text = "一、总体情况"
		if interpretationMessage(doc, false) != "" {
			t.Errorf("%s: refused with no word of interpreting", tt.line)
		}
	}
}

// TestRound29EnterprisePreamble checks a page with no title that opens,
// before its first heading, on an overview's sentence whose subject is a
// public enterprise ("2024年,示例市水务集团有限公司严格贯彻落实《条例》…", fixture
// identity-2024-enterprise-preamble): the enterprise is the reporting
// organ. An opening that runs on with no heading after it, or whose subject
// is a government, gives none.
func TestRound29EnterprisePreamble(t *testing.T) {
	const opening = "2024年,示例市水务集团有限公司严格贯彻落实《中华人民共和国政府信息公开条例》要求,全面推进政务公开。"
	for _, tt := range []struct {
		lines []string
		want  string
	}{
		{[]string{opening, "一、总体情况", "(一)主动公开情况。"}, "示例市水务集团有限公司"},
		{[]string{opening, "集团全年发布信息214条。", "一、总体情况"}, ""},
		{[]string{"2024年,示例市人民政府严格贯彻落实《条例》要求,全面推进政务公开。", "一、总体情况"}, ""},
	} {
		doc := &Document{}
		for i, s := range tt.lines {
			doc.Lines = append(doc.Lines, Line{N: i + 1, Text: s})
		}
		r := &gongkai.Report{}
		preambleNamed(doc, r)
		if r.Agency != tt.want {
			t.Errorf("%q: agency %q, want %q", tt.lines, r.Agency, tt.want)
		}
	}
	if got := labels.OverviewSubject("2024年,示例市公共交通集团有限公司严格贯彻落实《条例》要求,全面推进政务公开。"); got != "示例市公共交通集团有限公司" {
		t.Errorf("OverviewSubject of a 公交集团: %q", got)
	}
}

// TestRound29TownshipOfficeContact checks a township government's office
// named as the contact of a report that calls itself the township's (我乡),
// fixture identity-2012-township-office-contact: the township government is
// the organ (its office reports nothing apart from it). A county
// government's office, or a township report that never says 我乡, gives
// none.
func TestRound29TownshipOfficeContact(t *testing.T) {
	doc := func(lines ...string) *Document {
		d := &Document{}
		for i, s := range lines {
			d.Lines = append(d.Lines, Line{N: i + 1, Text: s})
		}
		return d
	}
	const own = "结合我乡工作实际编制2012年我乡政府信息公开工作年度报告。"
	for _, tt := range []struct {
		d      *Document
		office string
		want   string
	}{
		{doc(own), "示例乡人民政府办公室", "示例乡人民政府"},
		{doc("结合我镇工作实际编制本报告。"), "示例镇人民政府办公室", "示例镇人民政府"},
		{doc(own), "示例县人民政府办公室", ""},
		{doc("结合工作实际编制2012年政府信息公开工作年度报告。"), "示例乡人民政府办公室", ""},
		{doc(own), "示例乡人民政府党政办公室", ""},
	} {
		if got := townOfficeOrgan(tt.d, tt.office); got != tt.want {
			t.Errorf("townOfficeOrgan(%q) = %q, want %q", tt.office, got, tt.want)
		}
	}
}

// TestRound29CompilerAfterWork checks the organ compiling the report with
// its own work between it and the verb ("…规定,示例镇政府结合实际工作,认真编制了
// 2016年度政府信息公开年度报告", fixture identity-2016-town-compiler-after-work):
// it is the report's organ. Another clause between, or a report of
// another kind compiled, gives none.
func TestRound29CompilerAfterWork(t *testing.T) {
	for _, tt := range []struct{ line, want string }{
		{"根据《中华人民共和国政府信息公开条例》第三十二条规定,示例镇政府结合实际工作,认真编制了2016年度政府信息公开年度报告。", "示例镇政府"},
		{"根据《条例》规定,示例县示例局结合本单位实际,编制了2016年度政府信息公开工作年度报告。", "示例县示例局"},
		{"根据《条例》规定,示例镇政府结合实际工作,多次召开会议,认真编制了2016年度政府信息公开年度报告。", ""},
		{"根据《条例》规定,示例镇政府结合实际工作,认真编制了2016年度工作总结。", ""},
	} {
		if got := labels.ClauseCompiler(tt.line); got != tt.want {
			t.Errorf("ClauseCompiler(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}
