package ingest

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongkai"
)

// groupFinding is the warning for a count of a row group of table 三 that
// has no total row of its own (不予公开, 不予处理; 其他处理, a sum the 2021
// format derives), said at line n. It names the group by its code and
// label, applicant total, so that the report's page marks the group's
// cells; without a measure the finding said no cell.
func groupFinding(code string, n int, msg string) gongkai.Finding {
	return gongkai.Finding{
		Rule: "narrative", Severity: gongkai.SeverityWarning, At: lineAt(n),
		Measure: code, Applicant: gongkai.ApplicantTotal, RowLabel: groupLabels[code],
		Message: msg,
	}
}

// groupLabels are the row groups' labels in table 三 of the 2019 and 2021
// formats.
var groupLabels = map[string]string{
	"apps.withheld":      "（三）不予公开",
	"apps.not_processed": "（五）不予处理",
	"apps.other":         "（六）其他处理",
}

// eachClauseRE and bareAnsweredRE find "均已登记,已答复": a clause that says
// something of every application (均, 都, 全部) with no verb of answering,
// then one that is only that verb. The second carries the first's 均:
// every application received was answered. Read apart, neither clause
// said it (allAnsweredRE wants the two in one clause), and the count
// handled was blank with no word.
var (
	eachClauseRE   = regexp.MustCompile(`^(?:([0-9]+)(?:件|条|个)(?:申请)?)?(?:均|都|全部|皆)(?:已经|已)?[^,;:0-9]{1,10}$`)
	bareAnsweredRE = regexp.MustCompile(`^(?:并|且)?(?:已经|已)?(?:(?:在|于)[^,;:0-9]{0,10}?|按时|按期|及时|依法)?(?:予以|进行|作出|完成)?(?:答复|回复|办结)(?:完毕)?[。.]?$`)
	answerVerbRE   = regexp.MustCompile(`答复|回复|办结|办理完毕|办理完成|处理完毕`)
)

// clauses splits a sentence at its commas, semicolons and colons (the
// folded text's), dropping empty pieces: the clauses the rules of a count
// answered or handled look at one by one.
func clauses(sent string) []string {
	return strings.FieldsFunc(sent, func(r rune) bool { return r == ',' || r == ';' || r == ':' })
}

// allAnsweredAfter reports whether a sentence says every application it
// received (got of them, or -1 when unread) was answered by a clause of 均
// followed by a bare verb of answering ("121件均已登记,已答复"); a count in
// the first clause must be the count received. Not in a sentence of
// reviews, suits or other matters (otherTopics).
func allAnsweredAfter(sent string, got float64) bool {
	if hasAny(sent, otherTopics...) {
		return false
	}
	cs := clauses(sent)
	for i := 0; i+1 < len(cs); i++ {
		c, next := cs[i], cs[i+1]
		m := eachClauseRE.FindStringSubmatch(c)
		if m == nil || answerVerbRE.MatchString(c) || hasAny(c, "未", "没有", "尚未", "不予") || partAnsweredRE.MatchString(c) {
			continue
		}
		if m[1] != "" {
			if f, err := strconv.ParseFloat(m[1], 64); err != nil || f != got {
				continue
			}
		}
		if bareAnsweredRE.MatchString(next) && !hasAny(next, "未", "没有", "尚未", "不予") {
			return true
		}
	}
	return false
}

// answeredAloneRE finds a clause that is 已 and the verb of answering alone,
// with how or when it was done: "已按时答复", "已答复", "已依法作出答复",
// "已按时办理答复", "已及时回复". "在法定时限内完成审查、办理与答复" (round 31,
// a real 2025 county bureau's page, right after its count received) says
// the same with the term for 已 and the steps before the answer: the count
// handled was blank with no word.
var answeredAloneRE = regexp.MustCompile(`^(?:并|且)?(?:(?:已经|已)(?:(?:在|于)[^,;:0-9]{0,10}?|按时|按期|及时|依法|依规)*|(?:在|于)(?:法定|规定)(?:期限|时限)内(?:依法)?)` +
	`(?:予以|进行|作出|完成|办理)?(?:(?:审查|审核|办理)(?:、|和|与|及|并)?){0,3}(?:答复|回复)(?:完毕)?[。.]?$`)

// receivedCountEndRE finds the clause of a count received that ends on its
// count: "我局收到政府信息公开申请10件".
var receivedCountEndRE = regexp.MustCompile(`(?:收到|受理|接到|接收|新收)[^,;:0-9]{0,30}?([0-9]+)(?:件|条|个|份|宗)$`)

// answeredAfterCount reports whether a sentence says every application it
// received (got of them) was answered by a clause of 已 and the verb alone
// (answeredAloneRE) right after the clause of the count received, or after
// that and a clause of the count carried in (carriedClauseRE): "收到政府信息
// 公开申请10件,已按时答复", "…10件,无上年结转,已按时答复" (left from session
// 38, the shape of six of our fixtures: the count handled was blank with no
// word). After a clause with a count of its own ("12件,10件均已登记,已答复")
// the verb is that count's, and says nothing of every one received. Not in
// a sentence of reviews, suits or other matters (otherTopics).
func answeredAfterCount(sent string, got float64) bool {
	if got <= 0 || hasAny(sent, otherTopics...) {
		return false
	}
	cs := clauses(sent)
	for i := 1; i < len(cs); i++ {
		if !answeredAloneRE.MatchString(cs[i]) {
			continue
		}
		j := i - 1
		if carriedClauseRE.MatchString(cs[j]) && j > 0 {
			j--
		}
		if m := receivedCountEndRE.FindStringSubmatch(cs[j]); m != nil {
			if f, err := strconv.ParseFloat(m[1], 64); err == nil && f == got {
				return true
			}
		}
	}
	return false
}

// errHandledAfterPart is the bad of a count handled said right after a
// part of the count received listed after 其中 (handledAfterPart).
var errHandledAfterPart = errors.New("handled, after a part listed after 其中")

// partCountEndRE finds the count a clause ends on: "其中当面申请5件".
var partCountEndRE = regexp.MustCompile(`([0-9]+)(?:件|条|个|份|宗)$`)

// bareHandledCountRE finds a clause that is a count handled and nothing
// else: "已办结5件", "答复5件", "办理完毕5件".
//
// Review's MEDIUM on eabef5e: the same clause in other words ("全部办结5件",
// "已全部办结5件", "已依法答复5件", "已答复申请人5件", "已按时办结5件",
// "已办理5件") stored the part's count, or left it with no word; any
// adverb of all, of the law or of time, and 申请人 as the object, are the
// clause's too.
var bareHandledCountRE = regexp.MustCompile(`^(?:已经|已|共|均已|都已)?(?:全部|均|都)?(?:依法|依规|按时|按期|及时|(?:在|于)?(?:法定|规定)(?:期限|时限)内)*(?:予以|作出|完成)?` + bareHandledVerbs + `(?:完毕)?(?:了)?(?:申请人|申请)?([0-9]+)件$`)

// bareHandledVerbs are the verbs of a count handled (or only dealt with, 办理
// or 处理 alone) that bareHandledCountRE and bareHandledEndRE know.
const bareHandledVerbs = `(?:办结|答复|回复|办理完毕|答复完毕|处理完毕|办理完成|办理|处理)`

// partsText returns s with the stops that go on a list after 其中 as its
// clauses do made commas: the semicolons between its parts ("其中当面申请5件;
// 已办结5件") and the brackets around a clause ("其中当面申请5件(已办结5件)"),
// byte for byte where they are ASCII (the folded text's).
func partsText(s string) string {
	return strings.NewReplacer(";", ",", "；", ",", "(", ",", ")", ",", "（", ",", "）", ",").Replace(s)
}

// handledAfterPart reports whether the count handled a sentence states in
// its last clause of upTo (the sentence up to and with that count: "…10件。
// 其中当面申请5件,已办结5件") follows, in the clause right before, a part of
// the count received listed after 其中, and is no more than that part:
// "收到申请10件。其中当面申请5件,已办结5件" (left from session 38) may say
// that the five made in person were handled, or five of all ten; which,
// the words do not say. The pre-2019 reader stored 5 as the year's count
// handled, the sentence reader too where the two stood in one sentence
// ("…10件,其中当面申请5件,已办结5件"), and in a sentence of its own it was
// passed over with no word. A count handled more than the part
// ("其中当面申请5件,已办结8件") is no part's alone, and read as before; nor
// is a part as many as the whole it is of (whole, the count received the
// line said before, -1 when unknown, or the count of the clause right
// before 其中): "本年度收到申请5件。其中当面申请5件。已办结5件。" (review's LOW on
// fe76314) is 5 either way, and read as "收到申请5件,已办结5件" is.
func handledAfterPart(upTo string, whole float64) bool {
	if !strings.Contains(upTo, "其中") {
		return false
	}
	cs := clauses(partsText(strings.TrimRight(upTo, "。.;!? ")))
	if len(cs) < 2 {
		return false
	}
	m := bareHandledCountRE.FindStringSubmatch(cs[len(cs)-1])
	if m == nil {
		return false
	}
	prev := cs[len(cs)-2]
	p := partCountEndRE.FindStringSubmatch(prev)
	if p == nil || answerVerbRE.MatchString(prev) || hasAny(prev, "结转", "转结", "上年") {
		return false
	}
	// The part's list: from a clause opened by 其中 to the one before the
	// count handled, every clause a count with no verb of handling.
	opened := false
	for i, c := range cs[:len(cs)-1] {
		if strings.HasPrefix(c, "其中") && !opened {
			opened = true
			if w := partCountEndRE.FindStringSubmatch(strings.TrimRight(cs[max(i-1, 0)], "(")); i > 0 && w != nil && whole < 0 {
				whole, _ = strconv.ParseFloat(w[1], 64)
			}
		}
	}
	if !opened {
		return false
	}
	h, err1 := strconv.ParseFloat(m[1], 64)
	n, err2 := strconv.ParseFloat(p[1], 64)
	return err1 == nil && err2 == nil && h <= n && n != whole
}

// handledAfterParts returns the counts handled that text states, from byte
// from on, right after a part listed after 其中 (handledAfterPart); text
// runs from the start of the sentence the semicolons join (periodStart), so
// that a part before a semicolon is seen.
func handledAfterParts(text string, from int, whole float64) []float64 {
	if !strings.Contains(text, "其中") {
		return nil
	}
	var out []float64
	for _, m := range bareHandledEndRE.FindAllStringSubmatchIndex(text, -1) {
		if m[0] >= from && handledAfterPart(text[:m[1]], whole) {
			f, _ := strconv.ParseFloat(text[m[2]:m[3]], 64)
			out = append(out, f)
		}
	}
	return out
}

// handledAfterPartSentence reports whether a count handled that opens its
// sentence, upTo its words up to and with the count ("已办结5件"), follows a
// sentence of parts opened by 其中 (prev, "其中当面申请5件") as
// handledAfterPart judges it in one sentence: "本年度收到申请10件。其中当面申请
// 5件。已办结5件。" (review's LOW on 446bf61: 5 was stored as the year's
// handled total). Words of the year's whole ("本年度已办结5件", "共办结申请5件",
// handledWholeWords) make it the year's, read as before.
func handledAfterPartSentence(prev, upTo string, whole float64) bool {
	p := strings.TrimLeft(strings.TrimRight(prev, "。.;!? "), " ,")
	if !strings.HasPrefix(p, "其中") || len(clauses(partsText(upTo))) != 1 || hasAny(upTo, handledWholeWords...) {
		return false
	}
	return handledAfterPart(p+","+strings.TrimSpace(upTo), whole)
}

// periodStart returns where the sentence that holds byte i of s starts when
// only full stops, not semicolons, end one.
func periodStart(s string, i int) int {
	start := 0
	for _, stop := range []string{"。", "!", "?", "！", "？"} {
		if k := strings.LastIndex(s[:i], stop); k >= 0 && k+len(stop) > start {
			start = k + len(stop)
		}
	}
	return start
}

// bareHandledEndRE finds where a count handled ends in a sentence, for
// handledAfterParts.
var bareHandledEndRE = regexp.MustCompile(bareHandledVerbs + `(?:完毕)?(?:了)?(?:申请人|申请)?([0-9]+)件`)

// errOnTimeRate is the bad of the count handled a sentence leaves unsaid by
// giving only the rate of those handled in time (onTimeRate).
var errOnTimeRate = errors.New("only a rate handled in time")

// onTimeRateRE finds a rate of applications handled or answered in time:
// "按时办结率100%", "按期答复率为98.5%".
var onTimeRateRE = regexp.MustCompile(`(?:按时|按期|及时)(?:办结|答复|回复)率(?:为|达|达到|是)?[0-9]+(?:\.[0-9]+)?[%％]`)

// onTimeRate reports whether a sentence gives a rate of applications
// handled in time (onTimeRateRE), and is not of reviews, suits or other
// matters: "按时办结率100%" says every one handled was handled in time, not
// that every one received was handled (fullRateRE leaves it out), and the
// count handled is unsaid.
func onTimeRate(sent string) bool {
	return strings.Contains(sent, "率") && onTimeRateRE.MatchString(sent) && !hasAny(sent, otherTopics...)
}

// someAnswered reports whether a sentence has a clause with no figure that
// says some of the applications were answered or handled, and not how
// many: "已部分办结", "已基本答复", "大部分已办结", "已有两件办结", "已将其中
// 一件办结" (partAnsweredRE); not "其中办结" before a count (partHandledRE).
// 部分公开 is an outcome, not a part handled.
func someAnswered(sent string) bool {
	if hasAny(sent, otherTopics...) {
		return false
	}
	for _, c := range clauses(sent) {
		c = strings.ReplaceAll(c, "部分公开", "")
		if strings.ContainsAny(c, "0123456789") || !answerVerbRE.MatchString(c) || hasAny(c, "未", "没有", "尚未", "不予", "申请人") || partHandledRE.MatchString(c) {
			continue
		}
		if partAnsweredRE.MatchString(c) {
			return true
		}
	}
	return false
}

// errSomeAnswered is the bad of the count handled a sentence leaves unsaid
// by saying some of the applications received were handled (someAnswered).
var errSomeAnswered = errors.New("some received answered")

// applicantSplitRE finds a count received and the parts of it by applicant
// that follow it: "收到政府信息公开申请12件,其中自然人10件、法人或其他组织2件"
// (a real 2024 municipal office's page, the shape of
// narrative-2024-carried-out-parenthesis.txt). Groups: the count
// received, then the rest of the sentence from 其中 on.
var applicantSplitRE = regexp.MustCompile(`(?:收到|受理|接到|接收|新收)[^,;:。0-9]{0,30}?申请[^,;:。0-9]{0,6}?([0-9]+)(?:件|条|个|份)[,(（]?(其中[,:]?.*)$`)

// applicantPartRE finds one part of the list after 其中: the kind of
// applicant (natural persons, or legal persons and other organisations),
// then its count.
var applicantPartRE = regexp.MustCompile(`^(自然人|公民|法人(?:或者|或|和|及)其他组织|法人)(?:提出|提交|申请|的|提出的|提交的|申请的)*(?:申请)?([0-9]+)(?:件|条|个|份)`)

// applicantSplit is a count received split by applicant in one sentence.
type applicantSplit struct {
	got            float64 // the count received
	natural, legal float64 // -1 when the sentence gives no such part
	// corporate is a part of legal persons alone ("法人2件"), -1 when none:
	// other organisations (社会公益组织, 其他) are not in it, so nothing
	// is deduced from it (review s29).
	corporate float64
	raw, at   string
}

// readApplicantSplit returns the parts by applicant a sentence gives of the
// count received it read (got), and whether it gives any. The list must
// follow the count at once, each part a kind of applicant and its count.
func readApplicantSplit(sent string, got float64) (applicantSplit, bool) {
	sp := applicantSplit{got: got, natural: -1, legal: -1, corporate: -1}
	m := applicantSplitRE.FindStringSubmatch(sent)
	if m == nil {
		return sp, false
	}
	if f, err := strconv.ParseFloat(m[1], 64); err != nil || f != got {
		return sp, false
	}
	rest := strings.TrimLeft(strings.TrimPrefix(m[2], "其中"), ",:")
	for rest != "" {
		p := applicantPartRE.FindStringSubmatch(rest)
		if p == nil {
			break
		}
		f, err := strconv.ParseFloat(p[2], 64)
		if err != nil {
			return sp, false
		}
		switch {
		case p[1] == "自然人" || p[1] == "公民":
			if sp.natural >= 0 {
				return sp, false
			}
			sp.natural = f
		case p[1] == "法人":
			if sp.corporate >= 0 {
				return sp, false
			}
			sp.corporate = f
		default:
			if sp.legal >= 0 {
				return sp, false
			}
			sp.legal = f
		}
		rest = rest[len(p[0]):]
		if r, _ := utf8.DecodeRuneInString(rest); rest != "" && !strings.ContainsRune("、,;)）。和及", r) {
			// "其中自然人申请的10件已办结": a count of something
			// else of the part, not the part's count received.
			return sp, false
		}
		rest = strings.TrimLeft(rest, "、,;和及")
	}
	return sp, sp.natural >= 0 || sp.legal >= 0 || sp.corporate >= 0
}

// readAllNatural returns the split of a sentence that says, in a clause of
// its own after the count received, that every applicant was a natural
// person ("全年收到依申请公开件10件,申请人均为自然人", the shape of a real 2024
// town's page): natural persons got, legal persons and other organisations
// none. The columns were passed over with no word. A clause that names a
// part first ("其中3件申请人均为自然人") gives none.
func readAllNatural(sent string, got float64) (applicantSplit, bool) {
	sp := applicantSplit{got: got, natural: -1, legal: -1, corporate: -1}
	m := receivedCountRE.FindStringSubmatchIndex(sent)
	if m == nil {
		return sp, false
	}
	if f, err := strconv.ParseFloat(sent[m[2]:m[3]], 64); err != nil || f != got {
		return sp, false
	}
	for _, c := range strings.FieldsFunc(sent[m[1]:], func(r rune) bool { return strings.ContainsRune(",;。", r) }) {
		if allNaturalRE.MatchString(c) {
			sp.natural, sp.legal = got, 0
			return sp, true
		}
	}
	return sp, false
}

// allNaturalRE finds a clause that says every applicant was a natural
// person: "申请人均为自然人", "均为自然人申请", "全部为公民提出".
var allNaturalRE = regexp.MustCompile(`^(?:申请人|申请者|申请主体)?(?:均为|均是|全部为|全部是|都是|皆为)(?:自然人|公民)(?:申请|提出)?(?:的申请)?$`)

// receivedCountRE finds a count of applications received with its verb:
// "收到群众申请10件", "受理公民申请10件". Group 1 is the count.
var receivedCountRE = regexp.MustCompile(`(?:收到|受理|接到|接收|新收)[^,;:。0-9]{0,30}?申请[^,;:。0-9]{0,6}?([0-9]+)(?:件|条|个|份)`)

// readMoreApplicantSplit returns the parts by applicant that a count
// received of sent and the counts by applicant after it, their verb left out
// (moreApplicants), give of got, the count read: "收到群众申请10件,公民申请8件,
// 法人或其他组织申请2件" (every applicant's count, both whole sides adding up
// to it) and "收到自然人申请10件,法人或其他组织申请2件" (one whole side, then
// the other: got is their sum) are natural persons' and legal persons' and
// other organisations' counts, as bothSides reads their sum. Anything else
// gives none (the count itself was passed over with a word, errMoreApplicants).
// Before, the count was read and its parts dropped with no word.
func readMoreApplicantSplit(sent string, got float64) (applicantSplit, bool) {
	sp := applicantSplit{got: got, natural: -1, legal: -1, corporate: -1}
	for _, m := range receivedCountRE.FindAllStringSubmatchIndex(sent, -1) {
		f, err := strconv.ParseFloat(sent[m[2]:m[3]], 64)
		if err != nil {
			continue
		}
		more, after := moreApplicants(sent[m[1]:])
		if len(more) == 0 {
			continue
		}
		seg := sent[m[0]:m[2]]
		side := applicantSide(seg)
		sum, ok := bothSides(side, sideError(side, seg), f, more, after)
		if !ok || sum != got {
			return sp, false
		}
		parts := more
		if side != sideAll {
			parts = append([]applicantCount{{side: side, whole: true, f: f}}, more...)
		}
		for _, c := range parts {
			switch c.side {
			case sidePeople:
				sp.natural = c.f
			case sideOrgs:
				sp.legal = c.f
			}
		}
		return sp, sp.natural >= 0 && sp.legal >= 0
	}
	return sp, false
}

// unequal reports whether the parts of a split do not add up to its count:
// a part above it, or both sides summing to another number (legal persons
// alone, 法人, may be less than the rest: other organisations are not in
// it).
func (sp applicantSplit) unequal() bool {
	return sp.natural > sp.got || sp.legal > sp.got || sp.corporate > sp.got || sp.natural >= 0 && sp.legal >= 0 && sp.natural+sp.legal != sp.got ||
		sp.natural >= 0 && sp.corporate >= 0 && sp.natural+sp.corporate > sp.got
}

// errSplitUnequal is the bad of a count received whose parts by applicant,
// in its sentence, do not add up to it (applicantSplit.unequal), for the
// pre-2019 reader of the old regime's words (applySplits says it for the
// sentence reader).
var errSplitUnequal = errors.New("parts by applicant unlike the count")

// legalApplicants are the columns of table 三 that legal persons and other
// organisations split into.
var legalApplicants = []string{gongkai.ApplicantBusiness, gongkai.ApplicantResearch, gongkai.ApplicantNGO, gongkai.ApplicantLegalServices, gongkai.ApplicantOther}

// applySplits adds to what readNarrative read the counts received by
// applicant that splits give, where the count received they split is the
// one read: natural persons' count is its column; legal persons' and other
// organisations' is five columns (商业企业 … 其他), filled only when it is
// none, else blank with a warning that says so; a part not given is the
// count less the other. Parts that do not add up to the count, or splits
// that differ, fill nothing and say why. Without columns (the pre-2019 form,
// which has none by applicant) only parts that do not add up, or splits
// that differ, are said.
func applySplits(splits []applicantSplit, vals []gongkai.Value, finds []gongkai.Finding, columns bool) ([]gongkai.Value, []gongkai.Finding) {
	if len(splits) == 0 {
		return vals, finds
	}
	var total *float64
	for _, v := range vals {
		if v.Measure == "apps.new" && v.Applicant == gongkai.ApplicantTotal {
			total = v.Number
		}
	}
	label := gongkai.MeasureLabel("apps.new")
	warn := func(sp applicantSplit, applicant, why string) {
		finds = append(finds, gongkai.Finding{
			Rule: "narrative", Severity: gongkai.SeverityWarning, At: sp.at,
			Measure: "apps.new", Applicant: applicant, RowLabel: label,
			Message: fmt.Sprintf("正文所述收到申请%s件的申请人分类（“%s”）%s：请核对", num(sp.got), sp.raw, why),
		})
	}
	sp := splits[0]
	for _, o := range splits[1:] {
		if o.natural != sp.natural || o.legal != sp.legal || o.got != sp.got {
			warn(o, gongkai.ApplicantNatural, fmt.Sprintf("与另一处（%s）不一致，各列未填入", sp.at))
			return vals, finds
		}
	}
	// Parts that do not add up to the count: the count or a part is wrong,
	// which the words do not say. The count is blank, as checkSides leaves
	// it when the parts stand in statements of their own: one rule, which
	// never shows a figure that may be wrong (before, the count in the
	// same sentence was kept, the warning on the columns).
	if sp.unequal() && total != nil && *total == sp.got {
		vals = slices.DeleteFunc(vals, func(v gongkai.Value) bool {
			return v.Measure == "apps.new" && v.Applicant == gongkai.ApplicantTotal
		})
		why := "各类之和与总数不符，哪一个数有误不能确定，总数和各列均未填入"
		if !columns {
			why = "各类之和与总数不符，哪一个数有误不能确定，总数未填入"
		}
		warn(sp, gongkai.ApplicantTotal, why)
		return vals, finds
	}
	if !columns {
		return vals, finds
	}
	switch {
	case total == nil || *total != sp.got:
		// The count split is not the count read (stated twice, or
		// another's): its parts are not this report's columns.
		warn(sp, gongkai.ApplicantNatural, "所分的不是采用的本年新收申请数，各列未填入")
		return vals, finds
	case sp.natural < 0 && sp.legal < 0:
		// Legal persons alone: natural persons are not the rest, other
		// organisations may hold some of it.
		warn(sp, gongkai.ApplicantNatural, fmt.Sprintf("只写法人%s件，未写自然人和其他组织的：表三自然人及法人或其他组织五列未填入", num(sp.corporate)))
		return vals, finds
	}
	// Table 三's seven columns add up: natural persons plus the five of
	// legal persons are the total, so a part the words leave out is the
	// count less the part they give ("其中法人或其他组织0件" says every
	// application was a natural person's; review s29).
	switch {
	case sp.natural < 0 && sp.legal >= 0:
		sp.natural = sp.got - sp.legal
	case sp.legal < 0 && sp.natural >= 0:
		sp.legal = sp.got - sp.natural // 法人 alone beside it is a part of this
	}
	add := func(applicant string, f float64) {
		vals = append(vals, gongkai.Value{
			Measure: "apps.new", Applicant: applicant, Number: gongkai.Float(f),
			Raw: sp.raw, At: sp.at, Source: gongkai.SourceNarrative,
		})
	}
	add(gongkai.ApplicantNatural, sp.natural)
	if sp.legal == 0 {
		for _, a := range legalApplicants {
			add(a, 0)
		}
	} else {
		warn(sp, gongkai.ApplicantBusiness, fmt.Sprintf("中法人或其他组织%s件：表三分商业企业、科研机构、社会公益组织、法律服务机构、其他五列，各是多少不能确定，未填入", num(sp.legal)))
	}
	return vals, finds
}

// errOutcomeAfterPart is the bad of an outcome's count said right after a
// part of the count received listed after 其中 (outcomesAfterPart).
var errOutcomeAfterPart = errors.New("an outcome, after a part listed after 其中")

// outcomeClauseRE finds a clause that is an outcome's count and nothing
// else: "同意公开5件", "予以公开的3件", "部分公开2件", "不予公开1件", "信息不存在1件",
// "非本机关1件"; no application's words (a part: "网上申请5件") and no verb
// of answering (handledAfterPart's).
var outcomeClauseRE = regexp.MustCompile(`^(?:其中)?[^0-9,]{0,8}?(?:公开|不存在|非本(?:行政)?机关|不属于本(?:行政)?机关|不掌握)[^0-9,]{0,6}?([0-9]+)(?:件|条|个|份|宗)$`)

// outcomesAfterPart returns the outcomes' counts that upTo (a sentence, or
// the words the semicolons join, up to its end) states right after a part
// of the count received listed after 其中, when together they are no more
// than that part: "收到申请10件,其中当面申请5件,同意公开5件" (left from session
// 39) may give the outcome of the five made in person, or five of all ten;
// the words do not say which. The real pages state the outcomes of all
// after the count answered ("在已经答复的8件申请中,“同意公开”的5件",
// "共完成答复N件…其中,予以公开答复M件"), never inside the list of the ways of
// applying, so nothing settles the list's. The sentence readers stored 5
// as the year's granted. More than the part ("其中当面申请5件,网上申请5件,同意
// 公开8件") is no part's alone, and a part as many as the whole (whole: the
// count received said before, -1 when unknown, or the count of the clause
// right before 其中) is the whole either way: both read as before, as
// handledAfterPart reads the count handled.
func outcomesAfterPart(upTo string, whole float64) []float64 {
	if !strings.Contains(upTo, "其中") || !strings.Contains(upTo, "申请") {
		return nil
	}
	cs := clauses(partsText(strings.TrimRight(upTo, "。.;!? ")))
	opened := false
	for i := 0; i < len(cs); i++ {
		c := cs[i]
		if strings.HasPrefix(c, "其中") && !opened {
			opened = true
			if w := partCountEndRE.FindStringSubmatch(cs[max(i-1, 0)]); i > 0 && w != nil && whole < 0 {
				whole, _ = strconv.ParseFloat(w[1], 64)
			}
		}
		if !opened || i+1 >= len(cs) || !strings.Contains(c, "申请") || outcomeClauseRE.MatchString(c) {
			continue
		}
		p := partCountEndRE.FindStringSubmatch(c)
		if p == nil || answerVerbRE.MatchString(c) || hasAny(c, "结转", "转结", "上年", "复议", "诉讼") {
			continue
		}
		n, err := strconv.ParseFloat(p[1], 64)
		if err != nil || n == whole {
			continue
		}
		var out []float64
		sum := 0.0
		for _, o := range cs[i+1:] {
			m := outcomeClauseRE.FindStringSubmatch(o)
			if m == nil || strings.Contains(o, "申请") || strings.Contains(o, "主动") || answerVerbRE.MatchString(o) {
				break
			}
			f, err := strconv.ParseFloat(m[1], 64)
			if err != nil {
				break
			}
			out = append(out, f)
			sum += f
		}
		if len(out) > 0 && sum <= n {
			return out
		}
	}
	return nil
}
