package labels

import (
	"regexp"
	"strings"
)

// internalOffices are the offices inside an organ that compile its report or
// answer questions on it: a town's or a street's 党政办公室, a bureau's 办公室,
// a public institution's office for information disclosure ("请与示例市某某
// 中心政府信息公开办公室联系", the shape of a real 2016 city centre's page).
// None reports by itself. Longest first. A bureau's 综合科 (a county
// bureau's 综合股) is its office by another name: "如对本报告有任何疑问,请与示例区
// 某某局综合科联系" (the shape of a real 2022 district bureau's page, whose
// title and first sentence name no organ) was refused for want of a name.
var internalOffices = []string{"政府信息公开办公室", "信息公开办公室", "党政综合办公室", "党政办公室", "综合办公室", "党政综合办", "党政办", "办公室", "综合科", "综合股"}

// OfficeOf returns the organ an office is inside of, when name is that
// organ's full name and then one of its internal offices
// ("示例县某镇人民政府党政办公室" is 示例县某镇人民政府's, "示例区某局办公室" 示例区某局's),
// or "". A people's government's 办公室 is an organ of its own, which
// publishes its own report: whether "某区人民政府办公室" speaks for the
// government or for itself the words do not say, so it gives "" (as an
// office for information disclosure, 公开办, does).
func OfficeOf(name string) string {
	for _, o := range internalOffices {
		organ, ok := strings.CutSuffix(name, o)
		if !ok {
			continue
		}
		// "示例区某某局局党政办公室" (the shape of a real 2024 district
		// bureau's contact line): the office is the bureau's own (局党政办公室),
		// the 局 said twice; the organ was taken as "示例区某某局局".
		for _, e := range []string{"局", "委", "厅", "院", "署", "馆", "所", "站", "中心"} {
			if strings.HasSuffix(organ, e+e) {
				organ = strings.TrimSuffix(organ, e)
				break
			}
		}
		if (o == "办公室" || o == "综合科" || o == "综合股") && hasSuffixAny(organ, "人民政府", "政府") {
			return ""
		}
		if strings.Contains(o, "公开") && hasSuffixAny(organ, "人民政府", "政府", "省", "市", "州", "盟", "县", "区", "旗") {
			// An area's or its government's office for information
			// disclosure ("示例县政府信息公开办公室") may compile the
			// area's report as well as the government's.
			return ""
		}
		if !agencyName(organ) || !hasSuffixAny(organ, organEndings...) || hasSuffixAny(organ, "办公室", "办", "室", "科", "股", "组") ||
			strings.Contains(organ, "公开") || strings.ContainsAny(organ, "0123456789()") || hasAny(organ, compilerOthers...) ||
			hasAny(organ, "及", "与", "、", "各", "全") || strings.Contains(organ, "和") && !joinedName(organ) {
			return ""
		}
		return organ
	}
	return ""
}

// officeCompilerRE finds who compiled a report, the name ending in an
// office: "本报告…由示例县某镇人民政府党政办公室编制" (the shape of a real 2020
// town's page), "由示例县某局办公室编制的YYYY年度…报告", "由示例县某局办公室
// 认真编写了YYYY年…报告" (the report named after the verb, group 3).
var officeCompilerRE = regexp.MustCompile(`由([^,;:。《》由]{2,40}?(?:办公室|办))(?:负责)?((?:认真|依法|及时|如实|组织)?(?:编制|编写))(?:而成)?(?:。|$|,|[了的]([^,;。]{0,80}?(?:报告|年报)))`)

// CompilerOffice returns the organ whose own office, named with it, a
// page's first sentence says compiled the report ("本报告…由示例县某镇人民政府
// 党政办公室编制。", "由示例县某局办公室编制的YYYY年度…报告"), the office's
// name as written, and the verb; "" when the sentence names no such office,
// or an office whose organ is not certain (OfficeOf: "由某区人民政府办公室
// 编制" may be the government's report or the office's own; the office is
// then given, and the organ ""). The sentence must speak of the report, as
// CompilerName's must, or name it after the verb.
func CompilerOffice(s string) (organ, office, verb string) {
	s = Normalize(s)
	if i := strings.Index(s, "。"); i >= 0 {
		s = s[:i+len("。")]
	}
	if len(s) > 600 {
		return "", "", ""
	}
	m := officeCompilerRE.FindStringSubmatchIndex(s)
	if m == nil || m[6] < 0 && !strings.Contains(s[:m[0]], "报告") && !strings.Contains(s[:m[0]], "年报") {
		return "", "", ""
	}
	if strings.Contains(s[:m[0]], "委托") {
		// "受某县人民政府委托,由某局办公室编制的…": the report is the
		// commissioning organ's, or the office's organ's; not certain.
		return "", "", ""
	}
	office = trimName(s[m[2]:m[3]])
	if organ := OfficeOf(office); organ != "" {
		return organ, office, s[m[4]:m[5]]
	}
	if selfOffice(office) {
		// "由北京市信访办编制的2009年度…报告" (a real 2009 municipal
		// bureau's page): an office that is an organ of its own, its
		// report its own.
		return office, office, s[m[4]:m[5]]
	}
	return "", office, s[m[4]:m[5]]
}

// selfOfficeKinds end the names of offices that are organs of their own (a
// government's working departments named 办 or 办公室), not an office inside
// an organ: 信访办 (letters and calls), 法制办, 外事办, 侨办, 台办, 人防办.
var selfOfficeKinds = []string{"信访办", "信访办公室", "信访局", "法制办", "法制办公室", "外事办", "外事办公室", "外事侨务办公室", "侨务办公室", "侨办",
	"台办", "台湾事务办公室", "人防办", "人民防空办公室"}

// selfOffice reports whether an office compiling a report is an organ of
// its own (selfOfficeKinds), placed by the words before its kind ("北京市信访办"):
// a bare kind ("信访办") or a government's office ("示例县人民政府办公室") is
// none.
func selfOffice(office string) bool {
	for _, k := range selfOfficeKinds {
		if head, ok := strings.CutSuffix(office, k); ok && head != "" && hasSuffixAny(head, "省", "市", "县", "区", "州", "盟", "旗") && agencyName(office) &&
			!strings.Contains(head, "政府") && !hasAny(head, "和", "及", "与", "、", "公开") {
			return true
		}
	}
	return false
}

// contactRE finds the office a report names to ask about it: "如对本报告有
// 疑问,请与X联系", "如本报告有疑问,请联系:X,地址…" (the shapes of real 2025
// pages of a street office and a district government).
var contactRE = regexp.MustCompile(`(?:请与|请联系:?|联系单位:?|联系部门:?)([^,;:。《》()由]{2,40}?)(?:联系|[,;(。]|地址|电话|$)`)

// ContactOffice returns the organ whose own office a report's line of
// contact names ("如本报告有疑问,请联系:示例区某街道办事处党政综合办公室,地址…"),
// and the office as written; "" when the line names none, or an office whose
// organ is not certain (OfficeOf). The line must speak of the report.
func ContactOffice(s string) (organ, office string) {
	m := contactRE.FindStringSubmatch(reportContact(s))
	if m == nil {
		return "", ""
	}
	office = trimName(m[1])
	return OfficeOf(office), office
}

// reportContact is the normalized line from its first 报告 on, where a line
// of contact speaks of the report (a question, an opinion, a suggestion or
// an inquiry about it); "" for any other line.
func reportContact(s string) string {
	s = Normalize(s)
	i := strings.Index(s, "报告")
	if i < 0 || !hasAny(s, "疑问", "意见", "建议", "咨询") {
		return ""
	}
	return s[i:]
}

// workOfNameRE finds the organ a report is compiled from the work of, named
// mid-paragraph: "现结合示例市某区某委员会实际工作,编制本报告" (the shape of a
// real 2025 district commission's page, whose title and first sentence
// name no organ).
var workOfNameRE = regexp.MustCompile(`(?:^|[。,;])现?结合([^,;:。《》()由]{2,40}?)的?(?:政府信息公开|政务公开|信息公开)?(?:工作)?实际(?:工作|情况)?,?特?(?:编制|制作)了?本(?:年度)?(?:报告|年报)`)

// WorkOfName returns the organ a sentence of a report's opening compiles
// the report from the actual work of ("现结合X实际工作,编制本报告"), or "":
// the name must be an organ's (an agency's name that ends as an organ's
// does), not the organ's own words for itself (我局, 本单位) or an area's
// (全区, 各部门).
func WorkOfName(s string) string {
	s = Normalize(s)
	m := workOfNameRE.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	a := trimName(m[1])
	if !agencyName(a) || !hasSuffixAny(a, organEndings...) || hasSuffixAny(a, "办公室", "办", "室", "科", "股", "组") ||
		strings.ContainsAny(a, "0123456789") || hasAny(a, "我", "本", "全", "各", "和", "及", "与", "、", "公开") || hasAny(a, compilerOthers...) {
		return ""
	}
	return a
}

// purposeOfNameRE finds the organ a report's first sentence names as the
// one whose disclosure work it is for, the organ then speaking of itself as
// the subject: "为认真做好示例市某健康局政府信息公开工作,我局按照《…条例》…"
// (the shape of a real 2022 city bureau's page, whose page has no title).
var purposeOfNameRE = regexp.MustCompile(`^为(?:了)?(?:认真|切实|进一步|更好地?)?做好([^,;:。《》()由为]{2,40}?)的?政府信息公开工作,(?:我|本)(局|委|厅|署|院|中心|公司|馆|站|所|队|社)`)

// PurposeOfName returns the organ a page's first sentence does its
// disclosure work for, when the sentence goes on with the organ's own word
// for itself of the same kind (…局…工作,我局; …委员会…工作,我委), or "": the
// name must be an organ's, as WorkOfName's must.
func PurposeOfName(s string) string {
	s = Normalize(s)
	m := purposeOfNameRE.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	a := trimName(m[1])
	if !(strings.HasSuffix(a, m[2]) || (m[2] == "委" && strings.HasSuffix(a, "委员会"))) {
		return ""
	}
	if !agencyName(a) || !hasSuffixAny(a, organEndings...) || hasSuffixAny(a, "办公室", "办", "室", "科", "股", "组") ||
		strings.ContainsAny(a, "0123456789") || hasAny(a, "我", "本", "全", "各", "和", "及", "与", "、", "公开") || hasAny(a, compilerOthers...) {
		return ""
	}
	return a
}

// subjectCompilerRE finds an organ, the subject of a report's first
// sentence, compiling the report by the rules it names: "示例市某区司法局(区
// 某某局)根据《…条例》《…办法》等规定编制本报告。" (the shape of a real 2022
// district justice bureau's page). A second name in brackets after the
// first (the organ's other title) is no part of it.
var subjectCompilerRE = regexp.MustCompile(`^([^,;:。《》()由]{2,40}?)(?:\([^()]{1,20}\))?(?:根据|按照|依据|依照)[^。]{0,300}?(?:规定|要求|精神),?编制了?本(?:年度)?(?:报告|年报)`)

// SubjectCompiler returns the organ a page's first sentence opens with as
// the subject that compiles the report (subjectCompilerRE), or "": the name
// must be an organ's, as WorkOfName's must.
func SubjectCompiler(s string) string {
	s = Normalize(s)
	m := subjectCompilerRE.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	a := trimName(m[1])
	if !agencyName(a) || !hasSuffixAny(a, organEndings...) || hasSuffixAny(a, "办公室", "办", "室", "科", "股", "组") ||
		strings.ContainsAny(a, "0123456789") || hasAny(a, "我", "本", "全", "各", "和", "及", "与", "、", "公开", "为") || hasAny(a, compilerOthers...) {
		return ""
	}
	return a
}

// clauseCompilerRE finds an organ named mid-sentence as the subject that
// compiles the year's report, after the purposes the sentence opens with:
// "为深入贯彻落实《条例》,…,示例镇人民政府特此编制YYYY年度政府信息公开工作年度
// 报告" (the shape of a real 2024 town's page, whose title and opening words
// name no organ).
//
// "根据《条例》第三十二条规定,沙塘镇政府结合实际工作,认真编制了2016年度政府信息
// 公开年度报告" (a real 2016 town's page, refused for want of a name): the
// organ's own work it compiles the report from may stand between, in a
// clause of its own, and 认真 before the verb.
var clauseCompilerRE = regexp.MustCompile(`[,;]([^,;:。《》()由]{2,40}?)(?:结合(?:本单位|本镇|本乡|自身)?实际(?:工作)?,)?(?:认真|特此|特|现|依法)?(?:编制|编写)了?(?:本(?:年度)?(?:报告|年报)|(?:19|20)\d\d年度?(?:政府信息公开|信息公开)(?:工作)?(?:年度)?(?:报告|年报))`)

// ClauseCompiler returns the organ a sentence of a report's opening names
// mid-sentence as the subject that compiles the report (clauseCompilerRE),
// or "": the name must be an organ's, as SubjectCompiler's must, and the
// sentence must not say the report is compiled for another (委托).
func ClauseCompiler(s string) string {
	s = Normalize(s)
	if i := strings.Index(s, "。"); i >= 0 {
		s = s[:i]
	}
	if len(s) > 600 || strings.Contains(s, "委托") {
		return ""
	}
	m := clauseCompilerRE.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	a := trimName(m[1])
	if !agencyName(a) || !hasSuffixAny(a, organEndings...) || hasSuffixAny(a, "办公室", "办", "室", "科", "股", "组") ||
		strings.ContainsAny(a, "0123456789") || hasAny(a, "我", "本", "全", "各", "和", "及", "与", "、", "公开", "为", "汇总") || hasAny(a, compilerOthers...) {
		return ""
	}
	return a
}

// overviewSubjectRE finds the subject of the first sentence of a report's
// overview (一、总体情况), after the year it opens with: "YYYY年,示例路街道全面
// 贯彻落实…", "YYYY年以来,示例街道深入学习…", "YYYY年度,示例市司法局在市委…的正确
// 领导下" (the shapes of real 2025 pages of streets, a municipal bureau and a
// managing zone, whose title and opening name no organ). The words after the
// name are those of an organ going about its work.
//
// "YYYY年,在市委市政府的正确领导下,示例市某某局结合…工作实际,坚持以…" (the
// shape of a real 2025 municipal bureau's page, refused for want of a name):
// the leadership it works under may stand between the year and the organ,
// and 结合 may be its first verb.
//
// "YYYY年,示例医药高新区管委会根据工作实际,结合《条例》…有关规定,建立健全工作机制"
// (the shape of a real 2017 managing zone's page, refused for want of a
// name): 根据 (依据) may be its first verb.
//
// "根据《中华人民共和国政府信息公开条例》(简称《条例》),YYYY年度示例市交通运输局认真
// 贯彻实施,…" (the shape of a real 2022 municipal bureau's page, refused for
// want of a name): the law the work follows, named alone in a clause of its
// own, may come before the year.
var overviewSubjectRE = regexp.MustCompile(`^(?:(?:根据|依据|按照)《[^》]{2,40}》(?:\([^)]{0,20}\))?(?:的?(?:规定|要求))?,)?(?:(?:19|20)\d\d年度?(?:以来|全年|期间)?|今年以来|本年度?)[,:]?(?:在[^,;:。《》]{2,30}?(?:领导|指导|部署)下,)?([^,;:。《》()、0-9]{2,20}?)(?:深入|全面|认真|坚持|始终|持续|严格|积极|进一步|紧紧|紧密|高度|在|围绕|按照|根据|依据|以|贯彻|聚焦|立足|着力|扎实|不断|把|将|对|结合)`)

// overviewUndatedRE finds the subject of an overview's first sentence that
// opens on the organ itself, with no year before it: "示例局坚持以…为指导,…依法、
// 及时发布政府信息" (the shape of a real 2025 national bureau's page, whose
// title and opening name no organ). The words after the name are those of
// overviewSubjectRE.
var overviewUndatedRE = regexp.MustCompile(`^([^,;:。《》()、0-9]{2,20}?)(?:深入|全面|认真|坚持|始终|持续|严格|积极|进一步|紧紧|紧密|高度|围绕|按照|贯彻|聚焦|立足|着力|扎实|不断)`)

// subjectEndings are the endings of an organ's name that the subject of an
// overview's first sentence may have: an organ, a street or township, a
// managing zone. A bare area (示例区, 示例县) is not one: its government's, or
// the area's whole, the words do not say.
// A people's government is none either: a department's report may open on
// its government's year ("YYYY年,某县人民政府高度重视…,我局…", review's
// finding on session 32's first version).
//
// A public enterprise's name ends in 公司 or 集团 ("YYYY年,示例市水务集团有限公司严格
// 贯彻落实《条例》…", the shape of a real 2024 water group's page, refused for
// want of a name): it reports under the 条例 as a public institution does.
var subjectEndings = []string{"局", "委员会", "委", "街道", "街道办事处", "办事处", "镇", "乡", "管理区", "管委会", "中心", "厅", "署", "支队", "大队", "公司", "集团"}

// contactEndings are the endings of an organ's name a line of contact may
// name it by in full: subjectEndings, and a township's people's government.
var contactEndings = append([]string{"镇人民政府", "乡人民政府"}, subjectEndings...)

// ownWords are an organ's words for itself ("我局", "本单位"): a line that
// uses them speaks of the report's organ so, and another organ it names is
// not certainly the report's.
var ownWords = []string{"我", "本局", "本委", "本办", "本单位", "本机关", "本部门", "本中心", "本街道", "本镇", "本乡"}

// OverviewSubject returns the organ a report's overview opens its first
// sentence with as the subject doing the work of disclosure ("YYYY年,示例路街道
// 全面贯彻落实《条例》…"), or "": the sentence must speak of disclosure (公开,
// 条例), and the name must end as an organ's does (subjectEndings), not be the
// organ's words for itself (我局, 本单位), an area's (全区, 各部门) or a party
// committee's (区委). A line that speaks of an organ in its own words
// anywhere ("YYYY年,某县人民政府高度重视…,我局认真贯彻落实…", "…,我中心积极
// 配合") gives none: the organ it names may be another than the report's.
func OverviewSubject(s string) string {
	s = Normalize(s)
	if hasAny(s, ownWords...) {
		return ""
	}
	if i := strings.Index(s, "。"); i >= 0 {
		s = s[:i]
	}
	if len(s) > 900 || !strings.Contains(s, "公开") && !strings.Contains(s, "条例") {
		return ""
	}
	m := overviewSubjectRE.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	a := trimName(m[1])
	if !agencyName(a) || !hasSuffixAny(a, subjectEndings...) || hasAny(a, "我", "本", "全", "各", "和", "及", "与", "党委", "区委", "县委", "市委", "公开") ||
		hasAny(a, compilerOthers...) {
		return ""
	}
	return a
}

// OverviewSubjectUndated returns the organ an overview's first sentence
// opens on with no year before it (overviewUndatedRE), under the checks of
// OverviewSubject, or "". The caller must find the name again in the
// report's words: with no year to set it in the report's, the sentence
// alone is less sure to be the organ's own.
func OverviewSubjectUndated(s string) string {
	s = Normalize(s)
	if hasAny(s, ownWords...) {
		return ""
	}
	if i := strings.Index(s, "。"); i >= 0 {
		s = s[:i]
	}
	if len(s) > 900 || !strings.Contains(s, "公开") && !strings.Contains(s, "条例") {
		return ""
	}
	m := overviewUndatedRE.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	a := trimName(m[1])
	if !agencyName(a) || !hasSuffixAny(a, subjectEndings...) || hasAny(a, "我", "本", "全", "各", "和", "及", "与", "党委", "区委", "县委", "市委", "公开", "在") ||
		hasAny(a, compilerOthers...) {
		return ""
	}
	return a
}

// contactOrganRE finds the organ a report's line of contact names, itself
// and not an office of it: "如本报告有疑问,请联系:示例区人民政府示例街道办事处,地址…"
// (the shape of a real 2025 street office's page).
var contactOrganRE = regexp.MustCompile(`(?:请与|请联系:?|联系单位:?)([^,;:。《》()由]{2,40}?)(?:联系|[,;(。]|地址|电话|$)`)

// ContactOrgan returns the organ a report's line of contact names when its
// name holds short, the name the report goes by in its own words ("示例街道"
// of "示例区人民政府示例街道办事处"), or "": the line must speak of the report,
// and the organ be named whole, not an office of it.
func ContactOrgan(s, short string) string {
	s = Normalize(s)
	i := strings.Index(s, "报告")
	if i < 0 || short == "" || !hasAny(s, "疑问", "意见", "建议", "咨询") {
		return ""
	}
	m := contactOrganRE.FindStringSubmatch(s[i:])
	if m == nil {
		return ""
	}
	a := trimName(m[1])
	if !strings.Contains(a, strings.TrimSuffix(short, "办事处")) || !agencyName(a) || !hasSuffixAny(a, contactEndings...) ||
		hasSuffixAny(a, internalOffices...) || hasAny(a, "公开", "和", "及", "与", "、") {
		return ""
	}
	return a
}

// selfKinds are the endings of an organ's name that a line of contact may
// name the organ itself by (ContactSelf), each with the word the organ calls
// itself by ("我局" for a 局).
var selfKinds = []struct{ ending, own string }{
	{"委员会", "我委"}, {"局", "我局"}, {"委", "我委"}, {"厅", "我厅"}, {"中心", "我中心"},
}

// ContactSelf returns the organ a report's line of contact names itself,
// whole and not an office of it ("如对本年度报告有任何疑问,请与示例县卫生健康局联系",
// the shape of a real 2021 county bureau's page whose title and opening name
// no organ), and the word the organ calls itself by ("我局"); "" when the
// line names no such organ, names a government or an office, or names more
// than one. The caller must find that word in the report: the contact alone
// might be another organ's (a superior's, a government's office).
func ContactSelf(s string) (organ, own string) {
	m := contactOrganRE.FindStringSubmatch(reportContact(s))
	if m == nil {
		return "", ""
	}
	a := trimName(m[1])
	if !agencyName(a) || hasSuffixAny(a, internalOffices...) || hasSuffixAny(a, "办", "室", "科", "股", "组", "政府") ||
		hasAny(a, "公开", "和", "及", "与", "、", "或") || strings.ContainsAny(a, "0123456789") || hasAny(a, compilerOthers...) {
		return "", ""
	}
	for _, k := range selfKinds {
		if strings.HasSuffix(a, k.ending) {
			return a, k.own
		}
	}
	return "", ""
}

// joinedName reports whether an organ's name holds its 和 as one organ's
// name does ("示例区水务和湖泊局", "某县人力资源和社会保障局": two matters
// joined, the name's ending after them), not two organs joined ("某局和某委",
// "某镇党委和政府"): one 和, and what stands before it is no organ's name.
// "如对本报告有疑问,请联系:示例区水务和湖泊局党政办公室" (the shape of a real
// 2025 district bureau's contact line) was refused for want of a name.
func joinedName(organ string) bool {
	i := strings.Index(organ, "和")
	if i < 0 || strings.Count(organ, "和") > 1 {
		return false
	}
	return !hasSuffixAny(organ[:i], organEndings...) && !hasSuffixAny(organ[:i], "党委", "党工委", "人大", "政协")
}
