package labels

import (
	"regexp"
	"strings"
)

// internalOffices are the offices inside an organ that compile its report or
// answer questions on it: a town's or a street's 党政办公室, a bureau's 办公室.
// None reports by itself. Longest first.
var internalOffices = []string{"党政综合办公室", "党政办公室", "综合办公室", "党政综合办", "党政办", "办公室"}

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
		if o == "办公室" && hasSuffixAny(organ, "人民政府", "政府") {
			return ""
		}
		if !agencyName(organ) || !hasSuffixAny(organ, organEndings...) || hasSuffixAny(organ, "办公室", "办", "室", "科", "股", "组") ||
			strings.Contains(organ, "公开") || strings.ContainsAny(organ, "0123456789()") || hasAny(organ, compilerOthers...) ||
			hasAny(organ, "和", "及", "与", "、", "各", "全") {
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
	return OfficeOf(office), office, s[m[4]:m[5]]
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
	s = Normalize(s)
	i := strings.Index(s, "报告")
	if i < 0 || !hasAny(s, "疑问", "意见", "建议", "咨询") {
		return "", ""
	}
	m := contactRE.FindStringSubmatchIndex(s[i:])
	if m == nil {
		return "", ""
	}
	office = trimName(s[i+m[2] : i+m[3]])
	return OfficeOf(office), office
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
