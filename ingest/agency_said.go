package ingest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongkai"
	"gongkai/ingest/labels"
)

// openingLines is how many lines of a page, from its top, may name the
// organ a report is of in its opening words (who compiled it, whose work it
// is of, whom to ask about it), before the first section's heading.
const openingLines = 8

// officeNamed sets the agency of a report whose title and first sentence
// name none, from its opening's other words, when they make it certain:
//   - an office of the organ, named with it, compiled the report ("由示例县
//     某镇人民政府党政办公室编制", the shape of a real 2020 town's page): the
//     office compiles its own organ's report (labels.CompilerOffice);
//   - the first sentence opens with the organ that compiles the report by
//     the rules it names ("示例市某区司法局(区某某局)根据…等规定编制本报告",
//     a real 2022 district bureau's shape; labels.SubjectCompiler);
//   - the report is compiled from an organ's actual work, named
//     mid-paragraph ("现结合示例市某区某委员会实际工作,编制本报告", a real 2025
//     district commission's shape; labels.WorkOfName);
//   - the organ is named mid-sentence as the one compiling the report
//     ("为深入贯彻落实《条例》,…,示例镇人民政府特此编制YYYY年度政府信息公开工作
//     年度报告", a real 2024 town's shape; labels.ClauseCompiler);
//   - the line of contact names an office of the organ, with it ("请联系:
//     示例区某街道办事处党政综合办公室", a real 2025 street office's shape;
//     or its office for information disclosure, a real 2016 city centre's
//     shape; labels.ContactOffice).
//
// Each was refused for want of a name. The name is said to be taken from
// those words, to be checked. A people's government's 办公室 (an organ of
// its own, which may report for the government or for itself) gives none:
// the page stays refused, and unsureOfficeMessage says why.
func officeNamed(doc *Document, r *gongkai.Report) {
	for i, l := range doc.Lines {
		if i >= openingLines {
			break
		}
		if num, _ := heading(l.Text); num != "" && i > 0 {
			break
		}
		var msg string
		if organ, office, verb := labels.CompilerOffice(l.Text); organ != "" {
			msg = fmt.Sprintf("单位名称“%s”取自首句“由%s%s”（本机关的办公室编制本机关的报告）：请核对", organ, office, verb)
			if organ == office {
				// An office that is an organ of its own (labels.selfOffice:
				// "由北京市信访办编制").
				msg = fmt.Sprintf("单位名称“%s”取自首句“由%s%s”（编制报告的机关本身，名称以“办”结尾而不是某机关的办公室）：请核对", organ, office, verb)
			}
			r.Agency = organ
		} else if a := labels.SubjectCompiler(l.Text); a != "" && i < 3 {
			msg = fmt.Sprintf("单位名称“%s”取自首句“%s…编制本报告”（标题未写单位名称）：请核对", a, a)
			r.Agency = a
		} else if a := labels.PurposeOfName(l.Text); a != "" && i < 3 {
			msg = fmt.Sprintf("单位名称“%s”取自首句“为做好%s政府信息公开工作”（其后以本机关自称；标题未写单位名称）：请核对", a, a)
			r.Agency = a
		} else if a := labels.WorkOfName(l.Text); a != "" {
			msg = fmt.Sprintf("单位名称“%s”取自开头“结合%s实际…编制本报告”（标题和首句未写单位名称）：请核对", a, a)
			r.Agency = a
		} else if a := labels.ClauseCompiler(l.Text); a != "" {
			msg = fmt.Sprintf("单位名称“%s”取自开头“%s…编制…报告”（编制报告的机关；标题未写单位名称）：请核对", a, a)
			r.Agency = a
		} else if organ, office := labels.ContactOffice(sourceText(doc, l.N)); organ != "" {
			kind := "办公室"
			if strings.HasSuffix(office, "科") || strings.HasSuffix(office, "股") {
				kind = "内设科室"
			}
			msg = fmt.Sprintf("单位名称“%s”取自联系方式“%s”（本机关的%s；标题和首句未写单位名称）：请核对", organ, office, kind)
			r.Agency = organ
		} else if town := townOfficeOrgan(doc, office); town != "" {
			msg = fmt.Sprintf("单位名称“%s”取自联系方式“%s”（乡镇人民政府的办公室是乡镇政府内设的工作机构，不单独编制报告，报告自称“%s”；标题和首句未写单位名称）：请核对", town, office, townSelfWord(town))
			r.Agency = town
		}
		if r.Agency != "" {
			r.Findings = append(r.Findings, gongkai.Finding{Rule: "agency", Severity: gongkai.SeverityWarning, At: lineAt(l.N), Message: msg})
			return
		}
	}
	if kindReportNamed(doc, r) {
		return
	}
	overviewNamed(doc, r)
	if r.Agency == "" {
		preambleNamed(doc, r)
	}
	if r.Agency == "" {
		contactSelfNamed(doc, r)
	}
}

// preambleNamed sets the agency of a report whose page opens, before any
// heading and with no title, on the sentence an overview would open on
// ("2024年,示例市水务集团有限公司严格贯彻落实《条例》…,全面推进政务公开" then
// "一、总体情况", the shape of a real 2024 public enterprise's page, refused
// for want of a name): its subject (labels.OverviewSubject), said to be
// taken from there, to be checked.
func preambleNamed(doc *Document, r *gongkai.Report) {
	if len(doc.Lines) < 2 {
		return
	}
	first := doc.Lines[0]
	if num, _ := heading(first.Text); num != "" {
		return
	}
	if num, _ := heading(doc.Lines[1].Text); num == "" {
		return // the opening runs on: not a preamble before the parts
	}
	a := labels.OverviewSubject(first.Text)
	if a == "" {
		return
	}
	r.Agency = a
	r.Findings = append(r.Findings, gongkai.Finding{Rule: "agency", Severity: gongkai.SeverityWarning, At: lineAt(first.N),
		Message: fmt.Sprintf("单位名称“%s”取自页面首句的主语（页面没有标题，开头也未写单位名称）：请核对", a)})
}

// townOfficeOrgan returns the township's people's government whose office
// a line of contact names ("请与参内乡人民政府办公室联系", the shape of a real
// 2012 township's page, whose title and opening name no organ and which
// calls itself 我乡), or "". A township's government office (党政办) is no
// organ of its own, as a county's government office is: it reports nothing
// apart from its township. The opening must call the report the township's
// own (我乡, 我镇) for it to be taken.
func townOfficeOrgan(doc *Document, office string) string {
	gov, ok := strings.CutSuffix(office, "办公室")
	if !ok || !hasSuffixAny(gov, "乡人民政府", "镇人民政府") {
		return ""
	}
	own := townSelfWord(gov)
	for i, l := range doc.Lines {
		if i >= openingLines {
			break
		}
		if strings.Contains(l.Text, own) {
			return gov
		}
	}
	return ""
}

// townSelfWord is the word a township's government calls itself by: 我乡 or
// 我镇.
func townSelfWord(gov string) string {
	if strings.HasSuffix(gov, "镇人民政府") {
		return "我镇"
	}
	return "我乡"
}

// contactSelfNamed sets the agency of a report whose title and opening name
// none from its line of contact when that names an organ itself, placed
// above a township ("如对本年度报告有任何疑问,请与示例县卫生健康局联系。", the shape of
// a real 2021 county bureau's page, refused for want of a name), and the
// report calls itself by that organ's own word ("我局") in its first lines:
// the organ asked about the report is the one whose words it is, most often.
// Said with an error finding: the contact may be another organ's (a parent
// bureau's for its 分局's page), which the words cannot tell. A contact
// naming a government, an office or a township, or a report that never says
// 我局 (我委…), gives none.
func contactSelfNamed(doc *Document, r *gongkai.Report) {
	for i, l := range doc.Lines {
		if i >= openingLines {
			return
		}
		organ, own := labels.ContactSelf(sourceText(doc, l.N))
		if organ == "" || namePlaceKind(organ) != placeAbove {
			continue
		}
		for j, o := range doc.Lines {
			if j >= 2*openingLines {
				break
			}
			if strings.Contains(o.Text, own) {
				// An error, not a warning (review's MEDIUM on the first
				// version): nothing but the word 我局 ties the contact to
				// the report's organ ("请与示例市生态环境局联系" on a 分局's
				// page names its parent), so the version waits for its
				// uploader before it replaces a current one of that organ
				// and year (warehouse pendingReason), and the page shows
				// the doubt.
				r.Agency = organ
				r.Findings = append(r.Findings, gongkai.Finding{Rule: "agency", Severity: gongkai.SeverityError, At: lineAt(l.N),
					Message: fmt.Sprintf("单位名称“%s”只取自联系方式（报告以“%s”自称；标题、开头和概述都未写单位名称）：联系方式所写的机关不一定是报告的机关（可能是上级机关或代为答复的机关），不能确定：请核对并指定单位名称", organ, own)})
				return
			}
		}
		return
	}
}

// kindReportRE finds a first sentence that names the report as its organ's
// by the organ's kind alone ("…特编制并向社会公布2021年度街道信息公开年度
// 报告", the shape of a real 2021 street office's page).
var kindReportRE = regexp.MustCompile(`(?:19|20)[0-9]{2}年度?(街道|镇|乡)(?:政府)?(?:政府信息公开|政务公开|信息公开)[^。]{0,12}报告`)

// kindReportNamed sets the agency of a report whose first sentence calls it
// the report of a street (镇, 乡) with no name, from the opening's line of
// contact when that names one organ of the kind in full, its place read
// ("请与示例市示例区某某街道办事处联系"): the page was refused for want of a
// name that line gives. Said, to be checked.
func kindReportNamed(doc *Document, r *gongkai.Report) bool {
	kind := ""
	for i, l := range doc.Lines {
		if i >= 3 {
			break
		}
		if m := kindReportRE.FindStringSubmatch(labels.Normalize(l.Text)); m != nil {
			kind = m[1]
			break
		}
	}
	if kind == "" {
		return false
	}
	for i, l := range doc.Lines {
		if i >= openingLines {
			break
		}
		a := labels.ContactOrgan(sourceText(doc, l.N), kind)
		if a == "" || !hasAny(a, kind+"办事处", kind+"人民政府") && !strings.HasSuffix(a, kind) || namePlaceKind(a) != placeAbove {
			continue
		}
		r.Agency = a
		r.Findings = append(r.Findings, gongkai.Finding{Rule: "agency", Severity: gongkai.SeverityWarning, At: lineAt(l.N),
			Message: fmt.Sprintf("单位名称“%s”取自联系方式（首句称本报告为“%s”的报告，未写名称；标题未写单位名称）：请核对", a, kind)})
		return true
	}
	return false
}

// namedElsewhere reports whether the report names the organ again on a line
// other than line n, as the one doing its work ("示例局官方网站累计主动公开…",
// "YYYY年示例局共办结…"): the name followed by words of its own, not inside
// another's name.
func namedElsewhere(doc *Document, name string, n int) bool {
	for i, l := range doc.Lines {
		if i >= 60 {
			break
		}
		if l.N == n {
			continue
		}
		t := labels.Normalize(l.Text)
		for j := strings.Index(t, name); j >= 0; {
			if before := t[:j]; before == "" || hasSuffixAny(before, ",", ";", ":", "。", "(", ")") || yearBefore(before) {
				return true
			}
			k := strings.Index(t[j+len(name):], name)
			if k < 0 {
				break
			}
			j += len(name) + k
		}
	}
	return false
}

// yearBefore reports whether s ends with a year ("2025年", "2025年度"), as
// the words before a name that opens a clause do.
func yearBefore(s string) bool {
	s = strings.TrimSuffix(strings.TrimSuffix(s, ","), "度")
	if !strings.HasSuffix(s, "年") {
		return false
	}
	s = strings.TrimSuffix(s, "年")
	return len(s) >= 4 && strings.Trim(s[len(s)-4:], "0123456789") == ""
}

// sourceText returns the whole of the page's line n, the pieces the reader
// split it into joined: a line of contact asks about the report named
// before it ("…年度报告由概述、主动公开政府信息情况、…组成,…如有疑问请与示例市
// 某某中心政府信息公开办公室联系", the shape of a real 2016 city centre's page,
// split where a section's name starts inside it).
func sourceText(doc *Document, n int) string {
	var b strings.Builder
	for _, l := range doc.Lines {
		if l.N == n {
			b.WriteString(l.Text)
		} else if l.N > n {
			break
		}
	}
	return b.String()
}

// overviewNamed sets the agency of a report whose title and opening name
// none from the subject of its overview's first sentence ("一、总体情况" then
// "YYYY年,示例路街道全面贯彻落实《条例》…", labels.OverviewSubject): the organ
// whose year of disclosure work the report opens on (the shapes of real 2025
// pages of streets, a municipal bureau and a managing zone, refused for want
// of a name). Where the opening's line of contact names that organ in full
// ("请联系:示例区人民政府示例街道办事处"), the full name is taken
// (labels.ContactOrgan). Either is said to be taken from those words, to be
// checked.
func overviewNamed(doc *Document, r *gongkai.Report) {
	for i, l := range doc.Lines {
		if i >= 2*openingLines {
			return
		}
		num, title := heading(l.Text)
		// "一、工作概述" then "YYYY年,示例县水利局坚持以《条例》…" (the shape
		// of a real 2025 county bureau's page, refused for want of a name):
		// the overview under the other headings overviewYear knows.
		if num == "" || !hasAny(labels.Normalize(title), "总体情况", "概述", "总体工作情况", "基本情况") {
			continue
		}
		// The overview's first line of text; a sub-heading ("(一)…")
		// may stand before it.
		for _, s := range doc.Lines[i+1 : min(i+3, len(doc.Lines))] {
			if n, _ := heading(s.Text); n != "" {
				return
			}
			text, where := s.Text, title
			if m := inlineSubRE.FindStringSubmatchIndex(labels.Normalize(text)); m != nil {
				// "(一)主动公开情况。2022年示例市教育局全面贯彻落实《条例》
				// 精神,…全年公开各类信息165条。" (the shape of a real 2022
				// municipal bureau's page, whose opening and overview name
				// no organ before it): the overview's first sub-heading
				// and its text on one line; the subject is that text's.
				nt := labels.Normalize(text)
				where = title + "”下“" + nt[m[2]:m[3]]
				text = nt[m[1]:]
			}
			a := labels.OverviewSubject(text)
			msg := fmt.Sprintf("单位名称“%s”取自“%s”首句的主语（标题和开头未写单位名称）：请核对", a, where)
			if a == "" {
				// An overview that opens on the organ with no year
				// ("示例局坚持以…", a real 2025 national bureau's page):
				// the organ must be named again elsewhere in the report.
				if a = labels.OverviewSubjectUndated(text); a == "" || !namedElsewhere(doc, a, s.N) {
					continue
				}
				msg = fmt.Sprintf("单位名称“%s”取自“%s”首句的主语（报告另处也以此名称述及本机关；标题和开头未写单位名称）：请核对", a, title)
			}
			for j, c := range doc.Lines {
				if j >= 2*openingLines {
					break
				}
				if full := labels.ContactOrgan(c.Text, a); full != "" {
					msg = fmt.Sprintf("单位名称“%s”取自联系方式（“%s”首句的主语“%s”即此机关；标题和开头未写单位名称）：请核对", full, title, a)
					a = full
					break
				}
			}
			r.Agency = a
			r.Findings = append(r.Findings, gongkai.Finding{Rule: "agency", Severity: gongkai.SeverityWarning, At: lineAt(s.N), Message: msg})
			return
		}
		return
	}
}

// inlineSubRE finds an overview's sub-heading that opens a line with its
// text after it ("(一)主动公开情况。2022年…"): the heading's title is group 1.
var inlineSubRE = regexp.MustCompile(`^\(一\)([^。,;:()]{2,16}?情况)。`)

// unsureOfficeMessage returns the message of a page's rejection for want of
// an agency when its opening names an office whose organ is not certain
// ("由某区人民政府办公室编制", "请与某区人民政府办公室联系": the government's
// report, or the office's own; "由某县政务公开领导小组办公室编制的…报告": an
// office that works for organs it does not name), or "".
func unsureOfficeMessage(doc *Document) string {
	for i, l := range doc.Lines {
		if i >= openingLines {
			break
		}
		office, compiled := "", false
		if organ, o, _ := labels.CompilerOffice(l.Text); organ == "" && o != "" {
			office, compiled = o, true
		} else if organ, o := labels.ContactOffice(sourceText(doc, l.N)); organ == "" && o != "" {
			office = o
		}
		if gov, ok := strings.CutSuffix(office, "办公室"); ok && strings.HasSuffix(gov, "政府") {
			return fmt.Sprintf("缺少单位名称：标题和首句未写单位名称，开头只写了“%s”（编制或联系的办公室）：人民政府办公室是机关本身，报告可能是其所属人民政府的，也可能是办公室本身的，不能确定是哪个机关的报告：请指定单位名称", office)
		}
		if compiled {
			return fmt.Sprintf("缺少单位名称：标题和首句未写单位名称，第%d行只写了报告由“%s”编制：办公室可能为其所属机关或政府编制报告，也可能是为自己编制，不能确定是哪个机关的报告：请指定单位名称", l.N, office)
		}
	}
	return ""
}

// universityRE finds the words of a university's disclosure report: the
// rules it is made under (《高等学校信息公开办法》, "高校信息公开年度报告"), or
// the academic year it counts ("2019-2020学年", "2019—2020学年").
var universityRE = regexp.MustCompile(`高等学校信息公开办法|高校信息公开|(?:19|20)\d\d\s*[-—–~至]\s*(?:19|20)?\d\d\s*学年`)

// schoolSelfWords are a university's words for itself.
var schoolSelfWords = []string{"我校", "本校", "学校", "大学", "学院"}

// interpretationMessage returns the message of the rejection of a page that
// interprets an annual report rather than being one ("【文稿解读】示例街道办事处
// YYYY年政府信息公开工作年度报告", then "现对《报告》解读如下", the shape of a
// real 2020 street office's page), or "". Read as the organ's report, it was
// stored as the year's report with no figures (an error finding only), and
// could stand for the report itself. A page with the statutory tables is
// read as any report is; a title that lists 政策解读 among the report's parts
// is none.
func interpretationMessage(doc *Document, tables bool) string {
	if tables {
		return ""
	}
	for i, l := range doc.Lines {
		if i >= 15 {
			break
		}
		if !strings.Contains(l.Text, "解读") {
			continue
		}
		t := labels.Normalize(l.Text)
		if utf8.RuneCountInString(t) > 80 || !strings.Contains(t, "年度报告") || strings.Contains(t, "政策解读") {
			continue
		}
		if interpretationTitleRE.MatchString(t) && interprets(doc) {
			return fmt.Sprintf("这是对年度报告的解读（第%d行“%s”），不是报告本身：解读不列报告的统计数字，未载入；请导入报告原文", l.N, strings.TrimSpace(l.Text))
		}
	}
	return ""
}

// interprets reports whether the page says it interprets the report
// ("现对《报告》解读如下"): a report's own page may link to its interpretation
// ("相关解读:《…年度报告》解读") among its first lines.
func interprets(doc *Document) bool {
	for i, l := range doc.Lines {
		if i >= 40 {
			break
		}
		if hasAny(l.Text, "解读如下", "作如下解读", "如下解读") {
			return true
		}
	}
	return false
}

// interpretationTitleRE finds a title that names an interpretation of an
// annual report: "【文稿解读】…年度报告", "解读:《…年度报告》", "…年度报告》解读",
// "图文解读…年度报告".
var interpretationTitleRE = regexp.MustCompile(`【[^】]{0,6}解读】|^解读[:《]|年度报告》?(?:的)?(?:图文|文字|文稿|图片)?解读$|^图文解读`)

// universityMessage returns the message of the rejection of a university's
// information-disclosure report, or "". Such a report is made under the
// Ministry of Education's rules for universities (《高等学校信息公开办法》),
// not the State Council's 条例 and its formats, and counts an academic year
// (September to August): its figures, put under a calendar year, would be
// another period's, beside organs' reports of the calendar year. So it is
// refused, with or without --agency and --year, and the message names the
// format. A page with the statutory tables is read as any report is (a
// university may publish its report in the organs' format), and so is one
// whose opening names the 条例's report (政府信息公开工作年度报告).
func universityMessage(doc *Document, tables bool) string {
	if tables {
		return ""
	}
	for i, l := range doc.Lines {
		if i >= 15 {
			break
		}
		// A byte scan spares most lines the folding.
		if !hasAny(l.Text, "学年", "學年", "高等学校", "高等學校", "高校") {
			continue
		}
		t := labels.Normalize(l.Text)
		// The rules' or the reports' name is the school's own only beside
		// its words for itself: an education bureau's report may speak of
		// the universities it oversees.
		m := universityRE.FindString(t)
		if m == "" || !strings.Contains(m, "学年") && !hasAny(t, schoolSelfWords...) {
			continue
		}
		for j, o := range doc.Lines {
			if j >= 15 {
				break
			}
			if o := labels.Normalize(o.Text); strings.Contains(o, "政府信息公开工作年度报告") || strings.Contains(o, "政府信息公开年度报告") {
				return ""
			}
		}
		return fmt.Sprintf("这是高等学校的信息公开年度报告（第%d行写有“%s”）：它依《高等学校信息公开办法》编制、按学年（9月至次年8月）统计，不是依《政府信息公开条例》和国务院办公厅规定格式、按自然年统计的政府信息公开工作年度报告，其数字不能计入某一自然年度，未载入", l.N, m)
	}
	return ""
}

// overviewYearRE finds a year that opens the first sentence of an overview
// ("2020年,示例省人民政府办公厅认真落实…", "2019年我局政府信息公开工作运行良好",
// "根据《条例》要求,2010年,我局继续开展…"), after the words of the basis at most.
var overviewYearRE = regexp.MustCompile(`^(?:根据[^,。]{0,40}?(?:要求|规定)?,)?((?:19|20)[0-9]{2})年度?[,]?`)

// overviewYear returns the year the first sentence of a report's overview
// ("一、总体情况", "一、概述") opens on, and its line, when the page states
// no year otherwise: the year whose disclosure work the report opens on
// (the shapes of real pages of 2010–2020, a provincial office's among them,
// whose titles the page lacks and which name no period; they were refused
// for want of a year while every sentence dated one). A later year named
// anywhere on the page (of a plan, of when it was written) leaves it unsure.
func overviewYear(doc *Document) (int, int, bool) {
	for i, l := range doc.Lines {
		if i >= 2*openingLines {
			return 0, 0, false
		}
		num, title := heading(l.Text)
		if num == "" || !hasAny(labels.Normalize(title), "总体情况", "概述", "总体工作情况", "基本情况") {
			continue
		}
		for _, s := range doc.Lines[i+1 : min(i+3, len(doc.Lines))] {
			if n, _ := heading(s.Text); n != "" {
				break
			}
			m := overviewYearRE.FindStringSubmatch(labels.Simplified(labels.Normalize(s.Text)))
			if m == nil {
				continue
			}
			y, _ := strconv.Atoi(m[1])
			for _, d := range doc.Lines {
				for _, ym := range anyYearRE.FindAllStringSubmatch(d.Text, -1) {
					if n, _ := strconv.Atoi(ym[1]); n > y {
						return 0, 0, false
					}
				}
			}
			return y, s.N, true
		}
		return 0, 0, false
	}
	return 0, 0, false
}

// anyYearRE finds a year named on a page ("2021年", "2021-01-12").
var anyYearRE = regexp.MustCompile(`((?:19|20)[0-9]{2})(?:年|-[01][0-9])`)
