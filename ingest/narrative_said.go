package ingest

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"gongkai"
	"gongkai/ingest/labels"
)

// errOtherYearBefore is the bad of a count in a clause after one that names
// another year than the report's, in a sentence that spoke of the report's
// year first ("2024年共收到申请12件,其中2023年提出的2件,办结12件"): whether
// the count is the report's year's or the other year's the words do not
// say.
var errOtherYearBefore = errors.New("after a clause of another year")

// ownYearFirst reports whether the sentence before a clause spoke of the
// report's year before its first clause that names another year: it names
// the year ("2024年"), says 本年, 今年 or 全年, or states a count, before
// that clause. A sentence that opens on another year ("2023年收到申请8件,
// 办结8件" in a 2024 report) is that year's throughout, and its counts are
// passed over with no word as before: they are not the report's figures.
// Only called once otherYearBefore holds, which is rare.
func ownYearFirst(before string, year int) bool {
	for p := range strings.FieldsFuncSeq(before, func(r rune) bool { return r == ',' || r == ':' }) {
		if otherYear(p, year) && !hasAny(p, comparisonWords...) {
			return false
		}
		if namesYear(p, year) || hasAny(p, "本年", "今年", "全年") || tokenRE.MatchString(p) {
			return true
		}
	}
	return false
}

// errReasonOnly is the bad of a count of applications stated before the
// kind of information they touch on, a reason table 三 withholds by, with no
// outcome ("其中N件属行政执法案卷信息"): such information may be withheld,
// and the words do not say it was.
var errReasonOnly = errors.New("a reason's kind, no outcome")

// errWithdrawn is the bad of a count of applications withdrawn ("M件申请人
// 主动撤件"): table 三 has no row of withdrawals, and which row the organ
// counts them in (其他处理, most likely) the words do not say.
var errWithdrawn = errors.New("applications withdrawn")

// reasonKinds are table 三's reasons for withholding by the words that name
// them after a count.
var reasonKinds = []struct {
	words []string
	k     nkind
}{
	{[]string{"国家秘密"}, nSecret},
	{[]string{"法律行政法规禁止公开", "法律、行政法规禁止公开"}, nProhibited},
	{[]string{"三安全一稳定"}, nSafety},
	{[]string{"第三方合法权益"}, nThirdParty},
	{[]string{"内部事务信息"}, nInternal},
	{[]string{"过程性信息"}, nProcess},
	{[]string{"行政执法案卷"}, nEnforcement},
	{[]string{"行政查询事项"}, nQuery},
}

// outcomeUnsaid reports the kind and bad of a count of applications whose
// words come after it, in a list of outcomes after the count received
// ("其中N件属行政执法案卷信息,M件申请人主动撤件", the shape of a real 2022
// district bureau's page), when those words give no outcome table 三 has a
// row for: the kind of information alone (属, 属于), or a withdrawal ("其他
// N件(申请人…撤销)", the shape of a real 2022 district office's, says 其他 with no
// row of its own). Both were passed over with no word.
func outcomeUnsaid(after string) (nkind, error, bool) {
	if (hasAny(after, "撤回", "撤件", "撤销申请", "撤销了申请") || strings.Contains(after, "申请人") && strings.Contains(after, "撤销")) && !hasAny(after, "复议", "诉讼") {
		return nOtherHandling, errWithdrawn, true
	}
	if !hasPrefixAny(after, "属", "系", "均属", "均系", "因属") {
		return 0, nil, false
	}
	// Withheld for the reason named, in so many words ("属于国家秘密不予
	// 公开"), is that reason's row; any other outcome word leaves it unsure.
	withheld := strings.HasSuffix(after, "不予公开") && !hasAny(after, "部分", "予以公开", "同意", "提供", "处理", "告知")
	if !withheld && hasAny(after, "公开", "不予", "提供", "处理", "告知") {
		return 0, nil, false
	}
	found, n := nkind(0), 0
	for _, r := range reasonKinds {
		if hasAny(after, r.words...) {
			found, n = r.k, n+1
		}
	}
	switch {
	case n != 1:
		return 0, nil, false
	case withheld:
		return found, nil, true
	}
	return found, errReasonOnly, true
}

// errAfterCarried is the bad of an outcome stated count-first after a count
// of applications carried in from the year before ("…上年结转1件,其中1件属于
// 国家秘密不予公开,6件予以公开"): whether it is of the applications received,
// of those carried in, or of both, the words do not say.
var errAfterCarried = errors.New("an outcome after a count carried in")

// errBesideCarried is the bad of an outcome stated count-first of the
// applications received, on a line that counts some carried in from the
// year before elsewhere ("收到申请5件,对其中3件予以公开。上年结转2件已办结"):
// table 三's outcomes hold those carried in and handled this year, whose
// outcomes the words do not give.
var errBesideCarried = errors.New("an outcome beside a count carried in")

// errOfCarried is the bad of an outcome stated count-first after a count of
// applications carried in from the year before, named alone ("上年结转申请3
// 件。其中2件予以公开"): the outcomes of those carried in, while table 三's
// hold the year's new applications too, whose outcomes the words do not
// give.
var errOfCarried = errors.New("an outcome of the applications carried in")

// errDocsReviewed is the bad of a count of documents issued, repealed or in
// force after the words of documents reviewed (审查, 审核, 备案, 解读) in
// the same sentence: the year's own, or a part of those reviewed, the words
// do not say.
var errDocsReviewed = errors.New("documents, after documents reviewed")

// errLevelDocs is the bad of a count of documents of a government's level
// ("区本级规范性文件") in the report of an organ that is not that
// government (a department, the government's office): the government's
// documents, which the organ may have drafted or checked, are not certain
// to be the organ's own.
var errLevelDocs = errors.New("a government level's documents")

// docKinds are the kinds of table 二's documents.
var docKinds = map[nkind]bool{nNormIssued: true, nNormRepealed: true, nNormInForce: true, nRuleIssued: true, nRuleRepealed: true, nRuleInForce: true}

// levelDocs reports whether the words before a count of documents name the
// documents of a government's level ("清理区本级规范性文件", "市本级行政规范
// 性文件") in the report of agency, which is not a people's government: a
// bureau's own level ("局本级") is the bureau's.
func levelDocs(upTo, agency string) bool {
	// The documents named last before the count: "区本级规范性文件",
	// "市本级行政规范性文件", "县本级规章".
	i := max(strings.LastIndex(upTo, "规范性文件"), strings.LastIndex(upTo, "规章"))
	if i < 0 {
		return false
	}
	lead := strings.TrimSuffix(strings.TrimSuffix(upTo[:i], "行政"), "政府")
	lead, ok := strings.CutSuffix(lead, "本级")
	if !ok || !hasSuffixAny(lead, "省", "市", "区", "县", "州", "旗", "镇", "乡") {
		return false
	}
	key := labels.Normalize(agency)
	return !strings.HasSuffix(key, "人民政府") && !strings.HasSuffix(key, "政府")
}

// errTopicUnsaid is the bad of a count of reviews brought against the organ
// on a line, and in a part of the report, that do not say they arose from
// information disclosure: they may be those of any of its work.
var errTopicUnsaid = errors.New("reviews, cause unsaid")

// reviewUnsaid reports whether the words before a count in cases are of
// reviews brought against the organ ("被申请行政复议N件", the shape of round
// 21's probe) while neither the line nor its part names disclosure: the
// rule of reviews wants the topic, and the count was passed over with no
// word.
func reviewUnsaid(seg, unit string, ctx nctx) bool {
	return strings.Contains(unitsCases, unit) && hasAny(seg, "被申请行政复议", "被提起行政复议", "被申请复议") &&
		!hasAny(seg, "维持", "纠正", "撤销", "撤回", "驳回", "审结", "其中", "诉讼") && !ctx.about(topicDisclosure)
}

// errSuitTopicUnsaid is errTopicUnsaid's for a count of suits brought against
// the organ.
var errSuitTopicUnsaid = errors.New("suits, cause unsaid")

// suitUnsaid reports whether the words before a count in cases are of suits
// brought against the organ ("被提起行政诉讼N件") while neither the line nor
// its part names disclosure, as reviewUnsaid does for reviews: the rule of
// suits wants the topic, and the count was passed over with no word.
func suitUnsaid(seg, unit string, ctx nctx) bool {
	return strings.Contains(unitsCases, unit) && hasAny(seg, "被提起行政诉讼", "被提起诉讼", "被起诉", "被诉") &&
		!hasAny(seg, "复议", "维持", "纠正", "撤销", "撤回", "驳回", "审结", "判决", "败诉", "胜诉", "其中") && !ctx.about(topicDisclosure)
}

// reviewCountedLast reports whether the sentence so far (said) named a
// review or suit after its last word of applications (proceedingNamedLast),
// in a clause that counts some: what it says next of handling and in
// progress is the proceeding's. A proceeding counted none ("行政复议0件,办结
// 12件") leaves nothing of its own to handle.
func reviewCountedLast(said string) bool {
	// Most sentences name no proceeding: a byte scan spares them
	// proceedingNamedLast's replacer.
	if !strings.Contains(said, "复议") && !strings.Contains(said, "诉讼") || !proceedingNamedLast(said) {
		return false
	}
	p := max(strings.LastIndex(said, "复议"), strings.LastIndex(said, "诉讼"))
	a := strings.LastIndexAny(said[:p], ",;:") + 1
	b := strings.IndexAny(said[p:], ",;:")
	if b < 0 {
		b = len(said)
	} else {
		b += p
	}
	clause := said[a:b]
	if hasAny(clause, "无", "未", "没有", "零") || zeroCountRE.MatchString(clause) {
		return false
	}
	return tokenRE.MatchString(clause)
}

// zeroCountRE finds a count of none in digits ("0件").
var zeroCountRE = regexp.MustCompile(`(?:^|[^0-9.,])0(?:件|起|宗|次|个)`)

// withheldFor returns the reason of table 三 (2019 and 2021) that the words
// before a count withheld give ("因属于国家秘密不予公开", "因申请事项属于行政
// 查询范畴依法不予公开"), and n, how many reasons they name: with one, the
// count is that reason's row. Each reason's row is named by words no other
// row holds: "行政查询" is in row 8's label (属于行政查询事项) and in no
// other, so "行政查询范畴" names it as much as "行政查询事项" does.
func withheldFor(seg string) (nkind, int) {
	if !strings.Contains(seg, "不予公开") || hasAny(seg, "部分", "不属于", "不涉及", "非") {
		return 0, 0
	}
	found, n := nkind(0), 0
	for _, r := range reasonKinds {
		if hasAny(seg, r.words...) || r.k == nQuery && strings.Contains(seg, "行政查询") {
			found, n = r.k, n+1
		}
	}
	return found, n
}

// errHandledGranted and errHandledWithheld are errAllAnswered's for a
// sentence that says every application received was granted ("均已按规定
// 及时予以公开") or withheld ("均为不同意公开"), not answered in so many
// words: the warning quotes what the page wrote (errAllAnswered's named
// 答复).
var (
	errHandledGranted  = fmt.Errorf("all received granted, so answered: %w", errAllAnswered)
	errHandledWithheld = fmt.Errorf("all received withheld, so answered: %w", errAllAnswered)
)

// handledAllWhy returns the bad of the count handled of a sentence that says
// every application received was answered (allAnswered, or answeredCount's
// count said again: counted), granted (allGranted) or withheld
// (allWithheld): the words the page used, 答复 when it said that too. The
// cheap tests of granted and withheld go first, so that a sentence of
// neither costs no second split into clauses.
func handledAllWhy(sent string, counted bool) error {
	switch {
	case counted:
	case allGranted(sent) && !allAnswered(sent):
		return errHandledGranted
	case allWithheld(sent) && !allAnswered(sent):
		return errHandledWithheld
	}
	return errAllAnswered
}

// concludedFinding returns the warning for a review's (k nReviewConcluded)
// or suit's (nLitConcluded) count concluded, f, stated in the sentence raw
// at line n of a report of format, and the key it is said once under. Table
// 四 counts concluded proceedings only by result (结果维持, 结果纠正, 其他
// 结果), with no column of concluded, so the count fits no cell; the results'
// cells stay blank. The review's is said on its upheld cell, which a result
// read from the page (维持N件) would fill, and then it is not said; a suit's,
// in a 2019 or 2021 report, on no cell, since which suits (direct or after
// a review) the words do not say either.
func concludedFinding(k nkind, format string, f float64, raw string, n int) (string, gongkai.Finding) {
	what, results := "行政复议", "结果维持、结果纠正、其他结果"
	code := ""
	if k == nReviewConcluded {
		code = codesFor(nReviewUpheld, format, false)[0]
	} else {
		what = "行政诉讼"
		if format == gongkai.FormatPre2019 {
			code = "pre2019.litigation_upheld"
		}
	}
	fd := gongkai.Finding{
		Rule: "narrative", Severity: gongkai.SeverityWarning, At: lineAt(n),
		Message: fmt.Sprintf("正文所述%s已办结（审结）%s件（“%s”）：表四按结果（%s）分列、没有“已办结”一栏，各结果的件数正文未说，未填入：请核对", what, num(f), raw, results),
	}
	key := code
	if code != "" {
		fd.Measure, fd.Applicant, fd.RowLabel = code, gongkai.ApplicantTotal, gongkai.MeasureLabel(code)
	} else {
		key = fmt.Sprintf("~concluded %09d", n)
	}
	return key, fd
}
