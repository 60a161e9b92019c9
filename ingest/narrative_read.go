package ingest

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gongkai"
	"gongkai/ingest/labels"
	"gongkai/ingest/value"
)

// A report without the statutory tables states its figures in sentences:
// "全年共收到政府信息公开申请十一件，其中予以公开8件，部分公开2件"; "未发生因
// 政府信息公开引起的行政复议和行政诉讼". readNarrative reads them into the
// canonical measure codes, each Value marked as read from the narrative
// (Source gongkai.SourceNarrative) with its sentence as Raw and its line as
// At.
//
// The first rule of the project decides every choice here: a sentence that
// could mean two things yields no figure. A clause is read only when it
// states one figure of this year, of this organ, exactly: a clause that
// compares with or sums over other years (同比, 较上年, 累计), that names
// another year, a month or a quarter, a share (占, %, 率), an approximate
// count (约, 100余条, 左右), the whole region or its parts (全区, 各部门,
// 其中区教育局), or two subjects at once (收到并办结) is skipped. Two
// statements of the same measure that disagree leave it blank with a
// warning.

// nkind is one kind of figure a narrative states.
type nkind int

const (
	nReceived nkind = iota
	nCarriedIn
	nCarriedOut
	nHandled
	nGranted
	nPartial
	nWithheld
	nNotExist
	nNotThisOrgan
	nNotHeld
	// The reasons the 2021 table 三 withholds applications by, and the two
	// reasons besides 不掌握 it could not give information for: each its
	// own row, with no total row.
	nSecret
	nProhibited
	nSafety
	nThirdParty
	nInternal
	nProcess
	nEnforcement
	nQuery
	nNeedsCreation
	nUnclear
	nReview
	nReviewUpheld
	nReviewCorrected
	nReviewOther
	nReviewPending
	nLitigation
	nLitUpheld
	nLitCorrected
	nLitOther
	nProactive
	nLicensing
	nPenalty
	nCoercion
	nInfoFees  // fees charged for supplying information (old 条例)
	nAdminFees // 行政事业性收费 in 万元 (2021 table 二)
	// The normative documents of the 2021 table 二: issued this year,
	// repealed this year, in force.
	nNormIssued
	nNormRepealed
	nNormInForce
	// The rules (规章) of the same table: issued, repealed, in force.
	nRuleIssued
	nRuleRepealed
	nRuleInForce
	// The suits of the 2019 and 2021 table 四 named by their columns:
	// brought without a review first, and after one.
	nLitDirect
	nLitAfterReview
	// The applications not processed (不予处理) and otherwise handled (其他
	// 处理) of table 三: the 2021 form splits each into rows by case with
	// no total; the 2019 form splits the first and gives the second one row.
	nNotProcessed
	nOtherHandling
	// A review's or suit's count concluded ("行政复议4件,已办结3件"): table
	// 四 counts those by result (维持, 纠正, 其他), with no column of
	// concluded, so it has no measure and is said (concludedFinding).
	nReviewConcluded
	nLitConcluded
)

// codesFor returns the measures a figure of kind k is stored as in a report
// of format, or nil when that format has no measure of the same meaning: a
// litigation count cannot be split into 2019/2021's direct and after-review
// suits, except a zero, which is zero in both.
func codesFor(k nkind, format string, zero bool) []string {
	old := format == gongkai.FormatPre2019
	pick := func(pre, table string) []string {
		c := table
		if old {
			c = pre
		}
		if c == "" {
			return nil
		}
		return []string{c}
	}
	switch k {
	case nReceived:
		return []string{"apps.new"}
	case nCarriedIn:
		return pick("", "apps.carried_in")
	case nCarriedOut:
		return pick("", "apps.carried_out")
	case nHandled:
		return []string{"apps.total"}
	case nGranted:
		return []string{"apps.granted"}
	case nPartial:
		return []string{"apps.partial"}
	case nWithheld:
		if zero && !old {
			// None withheld is none for every reason.
			return []string{"apps.withheld.state_secret", "apps.withheld.prohibited_by_law", "apps.withheld.three_safeties",
				"apps.withheld.third_party", "apps.withheld.internal_affairs", "apps.withheld.process_info",
				"apps.withheld.enforcement_file", "apps.withheld.query_matter"}
		}
		return pick("pre2019.apps_withheld", "")
	case nNotExist:
		return pick("pre2019.not_exist", "")
	case nNotThisOrgan:
		return pick("pre2019.not_this_organ", "")
	case nNotHeld:
		return pick("", "apps.unavailable.not_held")
	case nSecret, nProhibited, nSafety, nThirdParty, nInternal, nProcess, nEnforcement, nQuery, nNeedsCreation, nUnclear:
		return pick("", map[nkind]string{nSecret: "apps.withheld.state_secret", nProhibited: "apps.withheld.prohibited_by_law",
			nSafety: "apps.withheld.three_safeties", nThirdParty: "apps.withheld.third_party", nInternal: "apps.withheld.internal_affairs",
			nProcess: "apps.withheld.process_info", nEnforcement: "apps.withheld.enforcement_file", nQuery: "apps.withheld.query_matter",
			nNeedsCreation: "apps.unavailable.needs_creation", nUnclear: "apps.unavailable.unclear"}[k])
	case nReview:
		return []string{"review.total"}
	case nReviewUpheld:
		return pick("pre2019.review_upheld", "review.upheld")
	case nReviewCorrected:
		return pick("pre2019.review_corrected", "review.corrected")
	case nReviewOther:
		return pick("pre2019.review_other", "review.other")
	case nReviewPending:
		return pick("", "review.pending")
	case nLitigation:
		if old {
			return []string{"pre2019.litigation_total"}
		}
		if zero {
			return []string{"litigation_direct.total", "litigation_after_review.total"}
		}
	case nLitDirect:
		return pick("", "litigation_direct.total")
	case nLitAfterReview:
		return pick("", "litigation_after_review.total")
	case nLitUpheld:
		return pick("pre2019.litigation_upheld", "")
	case nLitCorrected:
		return pick("pre2019.litigation_corrected", "")
	case nLitOther:
		return pick("pre2019.litigation_other", "")
	case nProactive:
		return []string{"narrative.proactive_items"}
	case nLicensing:
		return pick("", "licensing.decisions")
	case nPenalty:
		return pick("", "penalty.decisions")
	case nCoercion:
		return pick("", "coercion.decisions")
	case nInfoFees:
		return pick("pre2019.fees", "")
	case nAdminFees:
		if format == gongkai.Format2021 {
			return []string{"fees.amount_wan"}
		}
	case nNotProcessed:
		if zero && !old {
			return []string{"apps.not_processed.petition", "apps.not_processed.duplicate", "apps.not_processed.publication",
				"apps.not_processed.vexatious", "apps.not_processed.confirmation"}
		}
	case nOtherHandling:
		if format == gongkai.Format2019 {
			return []string{"apps.other"}
		}
		if zero && format == gongkai.Format2021 {
			return []string{"apps.other.no_correction", "apps.other.no_fee", "apps.other.other"}
		}
	case nNormIssued, nNormRepealed, nNormInForce:
		// Only the 2021 form counts documents issued, repealed and in
		// force; the 2019 form's made and published are other measures.
		if format == gongkai.Format2021 {
			return []string{map[nkind]string{nNormIssued: "normative_docs.issued", nNormRepealed: "normative_docs.repealed", nNormInForce: "normative_docs.in_force"}[k]}
		}
	case nRuleIssued, nRuleRepealed, nRuleInForce:
		if format == gongkai.Format2021 {
			return []string{map[nkind]string{nRuleIssued: "rules.issued", nRuleRepealed: "rules.repealed", nRuleInForce: "rules.in_force"}[k]}
		}
	}
	return nil
}

// nrule recognises one kind of figure in the words before it: every group
// of any must have a word in the text, and no word of not may be there.
type nrule struct {
	kind  nkind
	any   [][]string
	not   []string
	units string // the units the figure may have
	topic string // the subject the line or sentence must be about, when the words do not say it
	total bool   // a total: a clause with 其中 states a part, not this
}

// normNot are the words of a clause about normative documents that counts
// something else than those issued, repealed or in force: documents
// reviewed, filed, explained, cleaned up, or rules (规章, another row).
var normNot = []string{"清理", "审查", "审核", "备案", "解读", "征求", "意见", "合法性", "规章", "修订", "修改", "宣传", "其中"}

const (
	unitsDocs   = "件个份篇"
	unitsApps   = "件个条份次宗起项例"
	unitsCases  = "件起宗次个"
	unitsDecide = "件起宗次个"
)

// otherTopics are the subjects a clause about applications must not name.
var otherTopics = []string{"复议", "诉讼", "许可", "处罚", "强制", "投诉", "举报", "信访", "咨询", "建议", "提案", "留言", "来信", "热线", "12345"}

var nrules = []nrule{
	{kind: nCarriedIn, any: [][]string{{"上年结转", "上一年结转", "上年度结转", "上一年度结转", "上年转结", "上一年转结", "上年度转结", "上一年度转结",
		// "结转上年度政府信息公开申请3件" (the shape of a real 2024
		// municipal bureau's page): the same words in the other order.
		"结转上年", "结转上一年", "转结上年", "转结上一年"}},
		// "结转上年后新收到依申请公开事项N件" (the shape of a real 2024
		// district's page) counts the new ones, after the carry;
		// "上年结转及新收申请共N件" both together: neither is the carried.
		not: []string{"下年", "下一年", "新收", "新受理", "新接收", "新接到", "本年收", "本年度收", "本年受理", "本年度受理", "本年新",
			// "其中上年结转申请已办结2件", "上年结转的2件已答复" (review
			// s34's probes): those of the carried in that were handled,
			// not the count carried in; it was stored as carried_in.
			"已办结", "已答复", "已回复", "已公开", "予以公开", "办理完毕"}, units: unitsApps},
	{kind: nCarriedOut, any: [][]string{{"结转下年", "结转至下年", "结转到下年", "结转下一年", "结转至下一年", "结转到下一年", "转入下年", "转入下一年", "转下年", "转下一年", "转至下年", "转至下一年",
		// "下年度继续办理0件" (a real 2024 municipal bureau's, after those
		// handled): left to be handled the year after, 结转 unsaid.
		"下年度继续办理", "下一年度继续办理", "下年继续办理",
		// "…共办理并答复信息公开申请3件、纸质申请36件,顺延至下一年答复2件"
		// (a real 2023 street office's): put off to the next year.
		"顺延至下一年", "顺延至下年", "顺延到下一年", "顺延到下年"}}, units: unitsApps},
	// "全年收政府信息公开申请46件" (the shape of a real 2024 municipal
	// bureau's page): 收 alone, after the year's words.
	{kind: nReceived, any: [][]string{{"收到", "受理", "接收", "接到", "接受", "新收", "共收", "全年收", "本年收", "年度收"}, {"申请"}},
		not: append([]string{"办结", "答复", "结转", "转结", "处理", "公开了"}, otherTopics...), units: unitsApps, total: true},
	{kind: nGranted, any: [][]string{{"予以公开", "同意公开", "全部公开"}}, not: append([]string{"不予", "不同意", "部分", "主动", "信息", "制作"}, otherTopics...), units: unitsApps, topic: "申请"},
	// "予以公开及部分公开的有6件" counts both outcomes together: no one
	// measure's figure (it was stored as the partial count alone).
	{kind: nPartial, any: [][]string{{"部分公开"}}, not: append([]string{"不予", "信息", "制作", "予以公开", "同意公开", "全部公开"}, otherTopics...), units: unitsApps, topic: "申请"},
	{kind: nWithheld, any: [][]string{{"不予公开", "不同意公开"}}, not: append([]string{"部分", "信息", "制作"}, otherTopics...), units: unitsApps, topic: "申请"},
	{kind: nNotExist, any: [][]string{{"信息不存在"}}, not: otherTopics, units: unitsApps, topic: "申请"},
	{kind: nNotThisOrgan, any: [][]string{{"非本机关", "非本行政机关", "不属于本机关", "不属于本行政机关"}}, not: otherTopics, units: unitsApps, topic: "申请"},
	{kind: nNotHeld, any: [][]string{{"不掌握"}}, not: otherTopics, units: unitsApps, topic: "申请"},
	// "予以公开2件,无法提供1件,不予处理2件,其他处理1件" (a real 2024 street
	// office's list of outcomes): the rows 不予处理 and 其他处理 by name, not
	// a reason or case under them (重复申请, 逾期不补正, which are their rows).
	{kind: nNotProcessed, any: [][]string{{"不予处理"}}, not: append([]string{"信访", "重复", "出版物", "反复", "确认", "重新出具", "部分", "予以公开"}, otherTopics...), units: unitsApps, topic: "申请"},
	{kind: nOtherHandling, any: [][]string{{"其他处理"}}, not: append([]string{"补正", "缴纳", "收费", "部分", "予以公开"}, otherTopics...), units: unitsApps, topic: "申请"},
	// "其中予以公开45件,部分公开4件,属于国家秘密1件,其他法律行政法规禁止公开
	// 2件,属于行政执法案卷1件,本机关不掌握相关政府信息2件" (a real 2025
	// city government's page, its table 三 told in a sentence): table 三's
	// row names, each its own row. They were passed over with no word.
	// A count of information found to be no secret ("经审查不属于国家秘密的
	// 信息120条") or withheld for two reasons at once ("因属于国家秘密不予
	// 公开", which the rule of 不予公开 matches too) is none of them; nor
	// is a count of what applicants asked for or what the applications
	// touch on ("其中申请公开过程性信息3件,经审查后予以公开2件", "涉及内部
	// 事务信息2件,经审查予以公开", "申请公开行政执法案卷信息的5件均已公开"),
	// whose outcome the words after it give (reasonAsked).
	{kind: nSecret, any: [][]string{{"属于国家秘密", "涉及国家秘密"}}, not: append([]string{"不属于", "不涉及", "审查", "主动", "不予", "其他", "申请", "要求公开"}, otherTopics...), units: unitsApps, topic: "申请"},
	{kind: nProhibited, any: [][]string{{"法律行政法规禁止公开", "法律、行政法规禁止公开"}}, not: append([]string{"不属于", "主动", "不予", "国家秘密"}, append(reasonAsked, otherTopics...)...), units: unitsApps, topic: "申请"},
	{kind: nSafety, any: [][]string{{"三安全一稳定"}}, not: append([]string{"不属于", "主动", "不予"}, append(reasonAsked, otherTopics...)...), units: unitsApps, topic: "申请"},
	{kind: nThirdParty, any: [][]string{{"保护第三方合法权益"}}, not: append([]string{"不属于", "主动", "不予", "征求"}, append(reasonAsked, otherTopics...)...), units: unitsApps, topic: "申请"},
	{kind: nInternal, any: [][]string{{"三类内部事务信息", "内部事务信息"}}, not: append([]string{"不属于", "主动", "不予"}, append(reasonAsked, otherTopics...)...), units: unitsApps, topic: "申请"},
	{kind: nProcess, any: [][]string{{"四类过程性信息", "过程性信息"}}, not: append([]string{"不属于", "主动", "不予"}, append(reasonAsked, otherTopics...)...), units: unitsApps, topic: "申请"},
	{kind: nEnforcement, any: [][]string{{"属于行政执法案卷", "行政执法案卷信息"}}, not: append([]string{"不属于", "主动", "不予"}, append(reasonAsked, otherTopics...)...), units: unitsApps, topic: "申请"},
	{kind: nQuery, any: [][]string{{"属于行政查询事项"}}, not: append([]string{"不属于", "主动", "不予"}, append(reasonAsked, otherTopics...)...), units: unitsApps, topic: "申请"},
	{kind: nNeedsCreation, any: [][]string{{"没有现成信息需要另行制作"}}, not: append([]string{"不掌握", "主动", "不明确"}, append(reasonAsked, otherTopics...)...), units: unitsApps, topic: "申请"},
	{kind: nUnclear, any: [][]string{{"补正后申请内容仍不明确"}}, not: append([]string{"不掌握", "主动", "另行制作", "申请公开", "要求公开", "涉及"}, otherTopics...), units: unitsApps, topic: "申请"},
	// "上年结转N件,截至12月底已回复M件" (a real 2024 district government's
	// page): 回复 is 答复 (replied); it was blank with no word. So is
	// "受理…0件,回复处理0件" (a real 2024 street office's).
	// "收到申请10件,已办复10件" (found in session 37): 办复 is 办理答复,
	// handled and answered; it was blank with no word.
	{kind: nHandled, any: [][]string{{"办结", "答复", "已回复", "回复处理", "办复"}}, not: append([]string{"按时", "延期", "逾期", "超期", "顺延", "下一年", "下年", "未办结", "尚未", "正在", "予以", "部分", "不予", "同意", "不存在", "非本", "不属于", "结转", "收到", "受理"}, otherTopics...), units: unitsApps, topic: "申请", total: true},
	{kind: nReview, any: [][]string{{"行政复议"}}, not: []string{"诉讼", "起诉", "维持", "纠正", "纠错", "撤销", "撤回", "驳回", "审结", "审理", "办理", "受理复议", "其他"}, units: unitsCases, topic: topicDisclosure, total: true},
	{kind: nLitigation, any: [][]string{{"行政诉讼"}}, not: []string{"复议", "维持", "纠正", "纠错", "撤销", "驳回", "审结", "审理", "办理", "其他", "判决", "败诉", "胜诉"}, units: unitsCases, topic: topicDisclosure, total: true},
	// "全年共收到行政复议1件,维持结果1件;未经复议直接诉讼0件,复议后诉讼0件" (a
	// real 2020 municipal bureau's page): table 四's two suits by their
	// columns' names, a part of the suits after 其中 as much as alone. They
	// were passed over with no word.
	{kind: nLitDirect, any: [][]string{{"未经复议直接起诉", "未经复议直接诉讼", "未经复议直接提起", "未经行政复议直接起诉", "未经行政复议直接提起"}},
		not: []string{"维持", "纠正", "纠错", "撤销", "驳回", "审结", "审理", "判决", "败诉", "胜诉", "其他", "复议后"}, units: unitsCases, topic: topicDisclosure},
	{kind: nLitAfterReview, any: [][]string{{"复议后起诉", "复议后诉讼", "复议后提起", "复议后又起诉", "复议后又提起"}},
		not: []string{"维持", "纠正", "纠错", "撤销", "驳回", "审结", "审理", "判决", "败诉", "胜诉", "其他", "直接"}, units: unitsCases, topic: topicDisclosure},
	{kind: nProactive, any: [][]string{{"主动公开", "主动在", "主动通过"}, {"公开"}}, units: "条件", total: true},
	// "制发行政规范性文件2件,废止行政规范性文件10件,现行有效件数14件" (a
	// real 2023 district office's prose, its table 二 not on the page).
	// "2024年度新发布的行政规范性文件2件" (the shape of a real 2024
	// municipal health commission's page): newly published is issued.
	// "全年新制作规章0个,制作规范性文件0件" (the shape of a real 2024
	// public institution's page): made is issued too.
	{kind: nNormIssued, any: [][]string{{"规范性文件"}, {"制发", "印发", "出台", "制定", "新发布", "制作"}}, not: normNot, units: unitsDocs, total: true},
	{kind: nNormRepealed, any: [][]string{{"规范性文件"}, {"废止", "废除"}}, not: normNot, units: unitsDocs, total: true},
	// "…街道制定规范性文件N件,废除规范性文件M件,正在实施的规范性文件
	// 0件" (a real 2024 street office's page): repealed and in force in
	// other words (废除, 正在实施).
	{kind: nNormInForce, any: [][]string{{"现行有效", "正在实施"}}, not: append([]string{"制发", "印发", "出台", "制定", "废止", "废除"}, normNot...), units: unitsDocs, topic: "规范性文件", total: true},
	{kind: nLicensing, any: [][]string{{"行政许可"}, {"作出", "办理", "办结", "实施", "决定", "准予"}}, not: []string{"申请", "受理", "事项", "清单", "目录", "项目", "权力", "公示", "公开", "信息", "处罚", "强制"}, units: unitsDecide, total: true},
	{kind: nPenalty, any: [][]string{{"行政处罚"}, {"作出", "办理", "办结", "实施", "决定", "查处", "案件"}}, not: []string{"立案", "申请", "事项", "清单", "目录", "权力", "公示", "公开", "信息", "听证", "复议", "诉讼", "许可", "强制"}, units: unitsDecide, total: true},
	{kind: nCoercion, any: [][]string{{"行政强制"}, {"作出", "实施", "采取", "决定", "措施"}}, not: []string{"申请", "事项", "清单", "目录", "权力", "公示", "公开", "信息", "复议", "诉讼", "许可", "处罚"}, units: unitsDecide, total: true},
	{kind: nAdminFees, any: [][]string{{"行政事业性收费"}}, not: []string{"项目", "项", "目录", "清单", "标准"}, units: "万元元", total: true},
	{kind: nInfoFees, any: [][]string{{"收取"}, {"费"}}, not: []string{"行政事业性", "免"}, units: "元万元", topic: "", total: true},
}

// Outcome words of reviews and suits: the proceeding is the one the sentence
// named last before them.
var outcomeRules = []struct {
	words                []string
	review, litigation   nkind
	noReview, noLitigate bool
	// afterReview: the words are as much those of applications, and are a
	// review's only when nothing about applications was said after the
	// review (pendingOfReview).
	afterReview bool
}{
	{words: []string{"维持"}, review: nReviewUpheld, litigation: nLitUpheld},
	{words: []string{"纠正", "纠错"}, review: nReviewCorrected, litigation: nLitCorrected},
	{words: []string{"其他结果", "其他情形"}, review: nReviewOther, litigation: nLitOther},
	// "信息公开行政复议案件3件,维持1件,纠正1件,撤销复议申请1件" (the shape of
	// a real 2025 district office's page): the applicant withdrew, which
	// table 四 counts among 其他结果. It was passed over with no word.
	{words: []string{"撤销复议申请", "撤回复议申请", "撤销行政复议申请", "撤回行政复议申请"}, review: nReviewOther, noLitigate: true},
	{words: []string{"尚未审结", "未审结", "正在审理", "审理中"}, review: nReviewPending, noLitigate: true},
	// "全年共收到行政复议1件,维持结果1件,尚未办结0件" (a real 2020
	// municipal bureau's page): a review not yet concluded, said as of an
	// application; only right after the review (pendingOfReview).
	{words: []string{"尚未办结"}, review: nReviewPending, noLitigate: true, afterReview: true},
}

// skipWords mark a clause that does not state one exact figure of this year:
// comparisons, sums over years, shares, averages, parts of the year.
var skipWords = []string{"同比", "环比", "较", "增长", "增加", "减少", "下降", "持平", "累计", "历年", "上一年", "去年", "前年",
	"以来", "截至", "截止", "目前", "%", "百分之", "占", "率", "平均", "月份", "季度", "上半年", "下半年", "人次", "每"}

// soFarWords are the skip words of a clause that counts every year up to a
// date: its count is not this year's, but its zero is.
var soFarWords = []string{"累计", "历年", "以来", "截至", "截止", "目前"}

// approxBefore and approxAfter are the words that make a figure approximate.
var (
	approxBefore = []string{"约", "近", "逾", "超过", "不到", "不足", "将近", "大约", "上千", "上百", "数"}
	approxAfter  = []string{"左右", "以上", "以下", "之多", "上下", "余", "多"}
)

// scopeRE finds a clause about the whole region or its parts rather than the
// reporting organ itself.
var scopeRE = regexp.MustCompile(`全(?:区|县|市|省|州|盟|旗|镇|乡|系统|行业)|各(?:部门|单位|乡|镇|街道|村|社区|居委会|科室|县|区|市|成员|职能|级|地|处室|股室|委办|机关|所|站|队|分局|直属|下属|类主体)|下属|所属|直属|局属|系统内|分别`)

// orgSuffixes end the name of an organ; a clause that names one other than
// the reporting organ speaks of someone else.
var orgSuffixes = []string{"局", "委员会", "镇", "乡", "街道", "部门", "单位", "中心", "公司", "院", "学校", "分局", "办事处", "大队", "支队", "中队"}

// yearRE4 finds what may be a year written in a clause; namedYear tells
// whether it is one.
var yearRE4 = regexp.MustCompile(`(?:19|20)\d\d`)

// namedYear reports whether the four digits s[a:b] that yearRE4 found are a
// year: not part of a longer figure ("9007199254740993件" holds 1992) nor a
// count themselves ("主动公开信息2035条"), which are figures to read, not
// another year's.
func namedYear(s string, a, b int) bool {
	if a > 0 && (s[a-1] >= '0' && s[a-1] <= '9' || s[a-1] == '.' || s[a-1] == ',') {
		return false
	}
	if b < len(s) && (s[b] >= '0' && s[b] <= '9' || s[b] == '.' || s[b] == ',') {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[b:])
	return !strings.ContainsRune(narrativeUnits+"万", r)
}

// narrativeUnits are the units a count is written with (tokenRE's), and
// narrativeNones the words a zero in words starts with (zeroRules').
const (
	narrativeUnits = "件条个次起宗项份篇元例"
	narrativeNones = "未没无不"
)

// mayState reports whether a line may state a figure: a unit of count right
// after a numeral, or a word that starts a zero in words. Table labels
// ("本年制发件数", "不予公开") and prose without figures fail it, which keeps
// the reader cheap on the pages that have tables.
func mayState(t string) bool {
	prev := rune(0)
	for _, r := range t {
		if unicode.IsSpace(r) {
			continue
		}
		if strings.ContainsRune(narrativeUnits+"條個項", r) && isNumeral(prev) {
			return true
		}
		prev = r
	}
	return hasAny(t, "未", "没有", "沒有", "不收取", "无政府", "无信息", "无依申请", "无行政", "無政府", "無信息", "無依申請", "無行政",
		"无一", "無一", "无任何", "無任何", "无申请", "無申請", "无依法申请", "無依法申請",
		// "我局无因政务公开引起的行政复议和行政诉讼" (the shape of a real 2024
		// district bureau's page): none arising from it.
		"无因", "無因", "不存在因",
		// "不存在政府信息公开的收费及减免等情况" (a real 2016 prefecture
		// bureau's page), "也不存在不予公开政府信息": there was none.
		"不存在政府", "不存在信息", "不存在不予",
		// "并无引起行政复议及行政诉讼情况", "信息公开无收费情况" (a real 2018
		// science city's page): none arising, none charged.
		"无引起", "無引起", "无收费", "無收費",
		// "依申请办理事项为零", "收费和减免为零" (a real 2009 town's page):
		// a zero stated as the figure, in words.
		"为零", "為零",
		// "全年实现答复“零复议、零诉讼”" (a real 2024 street office's
		// page): none of either proceeding, 零 before its noun.
		"零复议", "零诉讼", "零行政复议", "零行政诉讼", "零復議", "零訴訟",
		// "…依申请受理信息公开申请:无。" (a real 2008 forestry bureau's
		// page): a label, a colon and none.
		":无", "：无", ":無", "：無",
		// "我镇对申请公开政府信息暂免收费" (round 31, a real 2017 town's
		// page, under the heading of fees): fees waived, none charged.
		"暂免收费", "暫免收費") ||
		strings.Contains(t, "申请") && strings.ContainsAny(t, "0123456789") && unitlessRE.MatchString(t) // its unit lost
}

func isNumeral(r rune) bool {
	return r >= '0' && r <= '9' || r >= '０' && r <= '９' || strings.ContainsRune("零〇一二两兩三四五六七八九十百千万萬", r)
}

// tokenRE finds a figure and its unit.
var tokenRE = regexp.MustCompile(`([0-9][0-9,]*(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万]+)(万元|元|件|条|个|次|起|宗|项|份|篇|例)`)

// outcomeWords name what happened to a review or suit, so that a clause
// holding them ("未被行政复议纠错", "尚未审结的行政诉讼") states no zero count.
var outcomeWords = []string{"审结", "办理", "审理", "纠错", "纠正", "撤销", "维持", "败诉", "确认违法", "驳回"}

// zeroRules read a zero stated in words: "未收到政府信息公开申请", "未发生
// 行政复议和行政诉讼", "未收取任何费用".
var zeroRules = []struct {
	word  string // a word every match holds, to skip the expression cheaply
	re    *regexp.Regexp
	kinds []nkind
	not   []string
}{
	{"申请", regexp.MustCompile(`(?:未|没有)(?:收到|接到|受理|接收|接受|发生|有)[^,;:]{0,40}?申请|无(?:收到|接到|受理|接收)[^,;:]{0,40}?申请|(?:未|没有)(?:任何)?(?:公民|法人|群众|个人|单位)[^,;:]{0,40}?(?:提出|提交)[^,;:]{0,20}?申请|(?:无|没有)(?:政府信息公开|信息公开|依申请公开)申请|无依法?申请公开|无(?:任何)?申请`),
		[]nkind{nReceived}, append(append([]string{"办结", "答复", "处理", "结转", "全部", "均", "予", "补正", "逾期", "超期"}, zeroOtherRequests...), otherTopics...)},
	// "未接到群众要求公开的信息" (a real 2025 street office's): no one
	// asked for information, in other words than 申请.
	{"要求公开", regexp.MustCompile(`(?:未|没有)(?:收到|接到|受理|接收)[^,;:]{0,12}?要求公开`),
		[]nkind{nReceived}, append(append([]string{"办结", "答复", "处理", "结转", "全部", "均", "予", "补正"}, zeroOtherRequests...), otherTopics...)},
	// "本年度没有申请公开政府信息和不予公开政府信息的情况": the old 条例's
	// section of applications answered with its own title, both of its
	// counts none; "没有依申请公开政府信息的情况" the first alone.
	// "无依申请公开和不予以公开情况" (a real 2018 science city's) and "沒有
	// 依申請公開和不予公開的政府信息" (a real 2009 town's mirror) say the same
	// with 信息 once, after both, or not at all.
	{"申请公开", regexp.MustCompile(`(?:无|没有)(?:任何)?依?申请公开的?(?:政府)?(?:信息)?(?:和|及|与|、|或)不予以?公开的?(?:政府)?(?:信息)?的?(?:情况|情形|事项)|(?:无|没有)(?:任何)?依?申请公开(?:和|及|与|、|或)不予以?公开的(?:政府)?信息`),
		[]nkind{nReceived, nWithheld}, append([]string{"收费", "费用"}, otherTopics...)},
	// "我镇没有依申请公开政府信息办理事项" (a real 2014 town's page): none
	// to handle, so none received.
	{"申请公开", regexp.MustCompile(`(?:无|没有)(?:任何)?依?申请公开的?(?:政府)?信息的?(?:办理)?(?:情况|情形|事项)`),
		[]nkind{nReceived}, otherTopics},
	// "全镇政府信息公开依申请办理事项为零" (a real 2009 town's page):
	// none handled, so none received, as "没有依申请公开政府信息办理事项".
	// Not where the clause names a part of those received ("其中不予公开
	// 的申请事项为零", "补正申请事项为零"): the zero is the part's.
	{"为零", regexp.MustCompile(`依?申请(?:公开)?(?:办理)?(?:事项|申请)(?:数)?为零`),
		[]nkind{nReceived}, append([]string{"其中", "不予", "未予", "部分", "补正", "驳回", "撤回", "逾期", "超期", "延期"}, otherTopics...)},
	// "全镇信息公开的收费和减免为零" (the same page): nothing charged.
	{"为零", regexp.MustCompile(`收费(?:和|及|与|、)减免(?:情况)?为零`), []nkind{nInfoFees}, []string{"行政事业性"}},
	// "也无不予公开信息的情况发生" (a real 2013 town's page, after no
	// application received): none withheld, the old 条例's count.
	// "未收到要求公开其它信息的申请,也不存在不予公开政府信息" (a real
	// 2012 street office's page): 不存在 with the information itself, at
	// the statement's end: "不存在不予公开的信息被申请人起诉的情况" is of
	// suits, not of the applications withheld.
	// "2015年未收到信息公开的申请和未涉及“不予公开”的政府信息" (a real 2015
	// county bureau's page): none withheld, in quotes, at the statement's
	// end as 不存在's.
	// "没有出现不予公开政府信息的情况" (round 31, a real 2017 town's page,
	// after no application received): 出现 or 发生 between, as the same
	// words of reviews have them; blank with no word before.
	{"不予公开", regexp.MustCompile(`(?:无|没有|没有出现|没有发生|未出现|未发生)(?:任何)?不予公开的?(?:政府)?信息的?(?:情况|情形|事项)|不存在(?:任何)?不予公开的?(?:政府)?信息的?(?:情况|情形|事项)?(?:$|[,;:。])|(?:未|没有)涉及["“”]?不予公开["“”]?的?(?:政府)?信息(?:$|[,;:。])`),
		[]nkind{nWithheld}, otherTopics},
	// "全年实现答复“零复议、零诉讼”" (a real 2024 street office's page,
	// after its applications): none of either proceeding, 零 before the
	// noun; the section or the line says they are of the disclosure.
	// Not an aim ("力争实现零复议、零诉讼", "确保零诉讼"): what the organ
	// means to keep or reach is no count of the year.
	{"零", zeroReviewRE, []nkind{nReview}, append(slices.Clone(outcomeWords), aimWords...)},
	{"零", zeroSuitRE, []nkind{nLitigation}, append(slices.Clone(outcomeWords), aimWords...)},
	// "未接到有关政府信息公开方面的复议、诉讼和申诉", "无涉及政府信息公开
	// 行政复议、诉讼案件": 复议 and 诉讼 named as a pair are the two
	// proceedings, 行政 said once or not at all.
	// "不存在因信息公开申请引起的行政复议和行政诉讼情况" (the shape of a real
	// 2024 prefecture bureau's page): 不存在 (there is none) too.
	{"复议", regexp.MustCompile(`(?:未|没有|无|不存在)(?:一例|一起|一件|任何)?(?:发生|收到|出现|接到|被提起|被申请|因|涉及|引起|产生)?[^,;:]{0,24}?行政复议|(?:未|没有|无|不存在)[^,;:]{0,24}?复议(?:案件?)?(?:、|和|及|或|与)?(?:提起)?(?:行政)?诉讼`),
		[]nkind{nReview}, outcomeWords},
	// "今年没有发生群众申请行政复议、质疑、投诉、诉讼等问题" (a real 2016
	// prefecture bureau's page, under its section of reviews and suits):
	// the suit listed after the review with other matters between.
	{"诉讼", regexp.MustCompile(`(?:未|没有|无|不存在)(?:一例|一起|一件|任何)?(?:发生|收到|出现|接到|被提起|被申请|因|涉及|引起|产生)?[^,;:]{0,24}?行政诉讼|(?:未|没有|无|不存在)[^,;:]{0,24}?复议(?:案件?)?(?:、|和|及|或|与)?(?:提起)?(?:行政)?诉讼|(?:未|没有|无|不存在)[^,;:]{0,24}?行政复议(?:、[^、,;:]{1,4}){1,3}、诉讼`),
		[]nkind{nLitigation}, outcomeWords},
	// "未向申请人收取费用"; "未发生政府信息公开的收费及减免情况"; "信息公开无收费情况";
	// "不存在政府信息公开的收费及减免等情况" (a real 2016 prefecture
	// bureau's page): there was none.
	// "没有任何信息公开的收费项目" (a real 2012 bureau's): nothing to charge.
	// "没有公民、法人和其他组织的政府信息公开收费和减免情况": the old
	// 条例's words for the section of fees. "政府信息公开没有收费": the
	// disclosure charged nothing (a bare "没有收费" may be of a licence).
	// "没有向政府信息公开申请人收费的情况", "未对任何公民、法人和组织收取
	// 任何费用": charging the applicants, named, is the disclosure's fee.
	// "我镇对申请公开政府信息暂免收费" (round 31, a real 2017 town's page):
	// fees waived, none charged; blank with no word before.
	{"费", regexp.MustCompile(`暂免收费|(?:未|没有|不)(?:(?:向|对)[^,;:]{1,16}?)?收取[^,;:]{0,16}?费|(?:未|没有|不)(?:向|对)[^,;:]{0,14}?申请人收费|(?:未|没有)(?:发生|产生)[^,;:]{0,16}?收费|(?:未|没有)因[^,;:]{0,16}?(?:发生|产生)的?(?:任何)?收费|(?:未|没有|不存在)[^,;:]{0,30}?收费(?:和|及|与|、|或)减免|公开(?:工作)?(?:未|没有|无)收费(?:情况)?(?:$|[,;:。])|(?:没有|无)(?:任何)?(?:政府)?信息公开的?收费项目`), []nkind{nInfoFees}, []string{"行政事业性", "违规", "违法", "乱收"}},
	// "无上年度结转": none carried in from the year before.
	// "上年无结转" (the shape of a real 2024 district bureau's page): the
	// same, the year first.
	{"上", regexp.MustCompile(`(?:无|没有)上一?年度?(?:结转|转结)|上一?年度?(?:无|没有)(?:结转|转结)`), []nkind{nCarriedIn}, append([]string{"下年", "下一年"}, otherTopics...)},
	// "无结转2024年继续办理件" (the next year's number folded to 下年 before,
	// a real 2023 district office's), "没有结转到下一年度的申请": none
	// carried out to the year after.
	{"下", regexp.MustCompile(`(?:无|没有)(?:结转|转入)(?:至|到)?下一?年`), []nkind{nCarriedOut}, append([]string{"上年", "上一年"}, otherTopics...)},
	// "无行政规范性文件出台及更新情况" (the shape of a real 2025 street
	// office's page), "未制发行政规范性文件": none issued.
	// "2023年度未制定发布、废止行政规范性文件" (the shape of a real 2023
	// county bureau's page): none issued, none repealed.
	{"规范性文件", regexp.MustCompile(`(?:无|没有|未)(?:制发|出台|印发|制定)(?:发布)?(?:、|和|及|或)废止(?:任何)?(?:行政)?规范性文件`), []nkind{nNormIssued, nNormRepealed}, []string{"审查", "审核", "备案", "清理", "解读", "征求", "意见", "合法性"}},
	{"规范性文件", regexp.MustCompile(`(?:无|没有|未)(?:制发|出台|印发|制定)(?:发布)?(?:任何)?(?:行政)?规范性文件|(?:无|没有)(?:任何)?(?:行政)?规范性文件(?:出台|制发|印发|制定)`), []nkind{nNormIssued}, []string{"审查", "审核", "备案", "清理", "解读", "征求", "意见", "合法性"}},
	{"行政处罚", regexp.MustCompile(`(?:未|没有)(?:作出|实施|办理|发生)(?:任何)?行政处罚(?:决定|案件)?`), []nkind{nPenalty}, []string{"事项", "申请"}},
	{"行政许可", regexp.MustCompile(`(?:未|没有)(?:作出|实施|办理|发生)(?:任何)?行政许可(?:决定)?`), []nkind{nLicensing}, []string{"事项", "申请"}},
	{"行政强制", regexp.MustCompile(`(?:未|没有)(?:作出|实施|采取|发生)(?:任何)?行政强制(?:措施|决定)?`), []nkind{nCoercion}, []string{"事项", "申请"}},
	// "全年行政许可决定N件、行政处罚N件、行政强制N件、无行政事业性收费"
	// (a real 2024 county-level bureau's page, the rows of table 二 in
	// one sentence): nothing charged, so the amount is none. It was blank
	// with no word beside the three counts read.
	{"行政事业性收费", regexp.MustCompile(`(?:^|[,;:、])(?:无|没有|未(?:收取|发生|产生))(?:任何)?行政事业性收费(?:$|[,;:。])`), []nkind{nAdminFees}, []string{"项目", "目录", "清单", "标准", "减免", "申请"}},
}

// zeroReviewRE and zeroSuitRE find a proceeding said to be none by 零
// before its noun ("零复议", "零行政诉讼"); not 零 ending a numeral of a
// count ("一零复议" is no word) nor a rate ("复议纠错率为零" is no count).
var (
	zeroReviewRE = regexp.MustCompile(`(?:^|[^零〇一二三四五六七八九十百千万0-9])零(?:行政)?复议`)
	zeroSuitRE   = regexp.MustCompile(`(?:^|[^零〇一二三四五六七八九十百千万0-9])零(?:行政)?诉讼`)
)

// aimWords make a statement of none an aim, not a count of the year.
var aimWords = []string{"力争", "争取", "确保", "努力", "目标", "保持", "持续", "防止", "避免", "杜绝", "减少", "将", "要", "继续", "推动", "打造", "创建", "建设"}

// zeroProceeding reports whether a clause says a proceeding was none by 零
// before its noun (zeroReviewRE, zeroSuitRE).
func zeroProceeding(clause string) bool {
	return strings.Contains(clause, "零") && (zeroReviewRE.MatchString(clause) || zeroSuitRE.MatchString(clause))
}

// folded is a line folded for matching (full-width to half-width,
// traditional to simplified, no white space) with the byte offset in the
// original of every folded byte, so that a match maps back to the sentence
// as published.
type folded struct {
	s   string
	pos []int // pos[i] is the offset in the original of folded byte i; pos[len(s)] = len(original)
}

func foldLine(t string) folded {
	var b strings.Builder
	pos := make([]int, 0, len(t)+1)
	var prev rune // the last rune written, for the pinyin rule
	for i := 0; i < len(t); {
		r, size := utf8.DecodeRuneInString(t[i:])
		at := i
		i += size
		r = labels.FoldRune(r)
		if r < 0 {
			continue
		}
		if r == '(' && unicode.Is(unicode.Han, prev) {
			// "主動(dòng)公開…行政復(fù)議" (a mirror site's pinyin after
			// characters, real pages of 2024): dropped, as Normalize
			// drops it from labels, or no word of the sentence matches.
			if n := labels.PinyinLen(t[i:]); n > 0 {
				i += n
				continue
			}
		}
		n := utf8.RuneLen(r)
		if n < 0 {
			continue
		}
		b.WriteRune(r)
		for k := 0; k < n; k++ {
			pos = append(pos, at)
		}
		prev = r
	}
	pos = append(pos, len(t))
	s := b.String()
	if strings.Contains(s, "办理完") || strings.Contains(s, "处理完") {
		s = doneHandlingRE.ReplaceAllString(s, "${1}${2}完${3}办结${4}")
	}
	return folded{s: s, pos: pos}
}

// doneHandlingRE finds 办理完成 (handling done) before its count, after 共
// or at the text's start, which the fold says "完成办结", 办结 before the
// figure as the rules of applications handled know it: "共办理完成164件"
// (the shape of a real 2020 provincial office's page, after the counts
// received and carried in) is the year's handled total, and was passed over
// with no word. The words are of one length, so the offsets stay. 办理完成
// with no count after it ("并已办理完成") says every one received handled,
// and after a term ("在规定时限内办理完毕2件") those handled in time: both
// are left to their own rules. 处理完毕 is the same. At a clause's start,
// after 已 or not ("收到申请10件,已办理完毕10件"), it is 已办结 too, which was
// passed over with no word: right after a count carried in ("上年结转2件,
// 已办理完成2件") it may say those carried in were done, not the year's
// whole (review, session 35), which handledAfterCarried says of every verb
// of handling, 办结 as much as 办理完成. Inside a clause ("上年结转申请已办理
// 完毕2件") it is left to the words before it.
var doneHandlingRE = regexp.MustCompile(`(^|[共,;:])((?:已经|已|均已|已全部|全部)?)(?:办理|处理)完([成毕])([0-9])`)

// runOnHeadingRE finds a section heading run on in a line after white
// space ("…取得较好成绩。 二、主动公开政府信息的情况 根据…"): a page that
// sets the whole report in one paragraph.
var runOnHeadingRE = regexp.MustCompile(`\s+[一二三四五六七八九十]、`)

// runOnSections splits the lines that hold section headings run on after
// white space, each heading on a line of its own with the same line number:
// a heading's words ("依申请公开政府信息和不予公开政府信息的情况") must not
// stand in the clause of the sentence after it, nor its section stay
// unknown. Other lines are returned as they are.
func runOnSections(lines []Line) []Line {
	lines = rejoinCuts(lines)
	var out []Line
	for i, l := range lines {
		var ms [][]int
		if strings.Contains(l.Text, "、") {
			ms = runOnHeadingRE.FindAllStringIndex(l.Text, -1)
		}
		if len(ms) == 0 && !opensWithHeading(l.Text) {
			if out != nil {
				out = append(out, l)
			}
			continue
		}
		if out == nil {
			out = append(make([]Line, 0, len(lines)+len(ms)), lines[:i]...)
		}
		add := func(t string) {
			t = strings.TrimSpace(t)
			if t == "" {
				return
			}
			// The heading on its own line, then its paragraph.
			head, rest, ok := labels.LeadingHeading(t)
			if !ok {
				if i := strings.IndexFunc(t, unicode.IsSpace); i > 0 && labels.SectionNumeral(t[:i]) != "" {
					head, rest, ok = t[:i], strings.TrimSpace(t[i:]), true
				}
			}
			if ok && labels.SectionNumeral(head) != "" {
				out = append(out, Line{N: l.N, Text: head, Page: l.Page}, Line{N: l.N, Text: rest, Page: l.Page})
				return
			}
			out = append(out, Line{N: l.N, Text: t, Page: l.Page})
		}
		start := 0
		for _, m := range ms {
			add(l.Text[start:m[0]])
			start = m[0]
		}
		add(l.Text[start:])
	}
	if out == nil {
		return lines
	}
	return out
}

// rejoinCuts joins again the pieces of one source line (the same N) that
// the page-text reader cut inside a sentence: it cuts a page set on one line
// before every table label, and "行政复议、行政诉讼情况" is table 四's title as
// well as the end of "本单位没有因…而出现行政复议、行政诉讼情况。", whose zero
// no piece states alone. A piece that ends a sentence, or is a heading,
// stays apart. Lines are returned as they are when nothing is joined.
func rejoinCuts(lines []Line) []Line {
	var out []Line
	// run holds the text of the last line of out while pieces are joined to
	// it, so that a line cut into many pieces (a page of <br>s) is joined in
	// time linear in its length, not by copying it again for each piece.
	var run strings.Builder
	joining := false
	last := func() string {
		if joining {
			return run.String()
		}
		return out[len(out)-1].Text
	}
	closeRun := func() {
		if joining {
			out[len(out)-1].Text = run.String()
			run = strings.Builder{}
			joining = false
		}
	}
	for i := 1; i < len(lines); i++ {
		prev, l := lines[i-1], lines[i]
		prevText := prev.Text
		if out != nil {
			prev = out[len(out)-1]
			prevText = last()
		}
		join := l.N == prev.N && !endsSentence(prevText) && !opensWithHeading(l.Text)
		if join {
			if num, _ := heading(prevText); num != "" {
				join = false
			}
		}
		switch {
		case join && out == nil:
			out = append(make([]Line, 0, len(lines)), lines[:i]...)
			run.WriteString(prev.Text)
			run.WriteString(l.Text)
			joining = true
		case join:
			if !joining {
				run.WriteString(prevText)
				joining = true
			}
			run.WriteString(l.Text)
		case out != nil:
			closeRun()
			out = append(out, l)
		}
	}
	if out == nil {
		return lines
	}
	closeRun()
	return out
}

// endsSentence reports whether a piece of text ends a sentence.
func endsSentence(t string) bool {
	t = strings.TrimSpace(t)
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune("。！？；!?;", r)
}

// opensWithHeading reports whether a line starts with a section's numeral
// and 、 and runs on with more than a heading ("三、依申请公开…的情况 本单位
// 2014年没有收到…").
func opensWithHeading(t string) bool {
	r, size := utf8.DecodeRuneInString(t)
	return strings.ContainsRune("一二三四五六七八九十", r) && strings.HasPrefix(t[size:], "、") &&
		(strings.Contains(t, "。") || strings.Contains(t, "，") || strings.Contains(t, ","))
}

// replace returns f with every old replaced by new, each byte of new
// mapped to where old began in the original.
func (f folded) replace(old, new string) folded {
	if !strings.Contains(f.s, old) {
		return f
	}
	var b strings.Builder
	pos := make([]int, 0, len(f.pos))
	i := 0
	for {
		j := strings.Index(f.s[i:], old)
		if j < 0 {
			break
		}
		j += i
		b.WriteString(f.s[i:j])
		pos = append(pos, f.pos[i:j]...)
		b.WriteString(new)
		for range len(new) {
			pos = append(pos, f.pos[j])
		}
		i = j + len(old)
	}
	b.WriteString(f.s[i:])
	pos = append(pos, f.pos[i:]...)
	return folded{s: b.String(), pos: pos}
}

// maxSentenceBytes bounds the sentences readNarrative reads (bytes between
// marks that end one: 。！？；!?;). Its rules scan a sentence, and the line
// it stands on, once a clause, so their cost grows with the square of a
// sentence's length: measured on one sentence of a count received and its
// parts repeated, 4.7 s of CPU at 32 kB, 18.9 s at 64 kB, 73 s at 128 kB,
// which an upload of a few hundred kB of text turns into hours. The longest
// sentence among round 19-21's real pages is 1,227 bytes; a line holding a
// longer one than this is not read, with a warning (longestSentence).
const maxSentenceBytes = 4096

// longestSentence returns the length in bytes of the longest sentence of
// text, sentences ending at 。！？；!?; (as splitKeep cuts the folded line).
func longestSentence(text string) int {
	longest, start := 0, 0
	for i, r := range text {
		switch r {
		case '。', '！', '？', '；', '!', '?', ';':
			longest, start = max(longest, i-start), i+utf8.RuneLen(r)
		}
	}
	return max(longest, len(text)-start)
}

// readNarrative reads the figures the narrative lines state into canonical
// measures for a report of format and year (see the comment at the top of
// this file). agency is the reporting organ, so that a clause naming it is
// not taken for one about another organ. It returns the values, each once,
// and a warning for each measure stated twice with different figures (left
// blank).
func readNarrative(lines []Line, format string, year int, agency string) ([]gongkai.Value, []gongkai.Finding) {
	return readNarrativeUntil(context.Background(), lines, format, year, agency)
}

// readNarrativeUntil is readNarrative that stops between lines once ctx is
// done (a sentence costs up to ~6 ms of the rules; 2 MB of them ~3–7 s):
// what it returns then is partial, and the caller, seeing ctx done, must not
// keep it.
func readNarrativeUntil(ctx context.Context, lines []Line, format string, year int, agency string) ([]gongkai.Value, []gongkai.Finding) {
	vals, finds, _ := readNarrativeSides(ctx, lines, format, year, agency)
	return vals, finds
}

// readNarrativeSides is readNarrativeUntil that also returns the counts
// received of one side of applicants it passed over (sideCount), which
// readBesideTables sets against table 三's columns (checkSidesTable).
func readNarrativeSides(ctx context.Context, lines []Line, format string, year int, agency string) ([]gongkai.Value, []gongkai.Finding, []sideCount) {
	hits := map[string][]gongkai.Value{}
	totals := map[string]gongkai.Finding{} // counts passed over as maybe sums over years
	var order []string
	beyond := map[string]gongkai.Finding{}        // the first statement of each measure beyond value.Holds
	ofCarried := map[string][2]string{}           // the first outcome stated of the applications carried in, named alone: raw, at
	carriedListed := map[string]float64{}         // the figure of each outcome ofCarried holds
	var firstCarried [2]string                    // the first outcome of those carried in, named alone: raw, at
	var newRead []gongkai.Finding                 // counts received passed over for the count new after them (newInside), said beside it
	var splits []applicantSplit                   // counts received split by applicant (readApplicantSplit)
	carriedHandled := map[string]gongkai.Value{}  // the first count passed over as unsure that main read (errHandledAfterCarried, errMoreApplicants), by measure
	wholeHandled := map[string]map[float64]bool{} // the counts handled stated as the year's whole in words (errWholeHandled), by measure
	carriedSeen := -1.0                           // the count carried in read, in any format (the pre-2019 one has no measure of it), -2: two unlike
	var sides []sideCount                         // counts received of one side of applicants (sideError), for checkSides
	ownNames := ownTopicNames(agency)
	add := func(k nkind, zero bool, f float64, unit string, bad error, raw string, n int) {
		if se := (*oneSide)(nil); k == nReceived && errors.As(bad, &se) {
			sides = append(sides, sideCount{oneSide: *se, f: f, raw: raw, at: lineAt(n)})
		}
		if k == nLitigation && !zero && errors.Is(bad, errSuitTopicUnsaid) && codesFor(k, format, zero) == nil {
			// "被提起行政诉讼N件" on a line and in a part that never name
			// disclosure: of any of the organ's work, and of which suit
			// the words do not say either. Said once, apart from a count
			// of suits from disclosure said below.
			if _, ok := totals["litigation_direct.total~cause"]; !ok {
				totals["litigation_direct.total~cause"] = gongkai.Finding{
					Rule: "narrative", Severity: gongkai.SeverityWarning, At: lineAt(n),
					Measure: "litigation_direct.total", Applicant: gongkai.ApplicantTotal, RowLabel: gongkai.MeasureLabel("litigation_direct.total"),
					Message: fmt.Sprintf("正文所述行政诉讼%s件所在的一行和部分都未说是因政府信息公开引起的（可能是本机关其他工作被提起的行政诉讼），也未分“未经复议直接起诉”和“复议后起诉”（“%s”），两项均未填入：请核对", num(f), raw),
				}
			}
			return
		}
		if k == nLitigation && !zero && bad == nil && codesFor(k, format, zero) == nil {
			// "行政诉讼21件" in a report of a format that counts suits
			// apart, direct and after review: which is which the
			// sentence does not say, so both stay blank, said once.
			if _, ok := totals["litigation_direct.total"]; !ok {
				totals["litigation_direct.total"] = gongkai.Finding{
					Rule: "narrative", Severity: gongkai.SeverityWarning, At: lineAt(n),
					Measure: "litigation_direct.total", Applicant: gongkai.ApplicantTotal, RowLabel: gongkai.MeasureLabel("litigation_direct.total"),
					Message: fmt.Sprintf("正文所述行政诉讼%s件未分“未经复议直接起诉”和“复议后起诉”（“%s”），两项均未填入：请核对", num(f), raw),
				}
			}
			return
		}
		if (k == nNotProcessed || k == nOtherHandling) && zero && (bad == nil || errors.Is(bad, errPartZero)) && format != gongkai.FormatPre2019 {
			// A zero of a part's list ("其中网上申请3件,不予处理0件;信函申请
			// 2件,不予处理1件") is that part's: not each case's 0.
			name := map[nkind]string{nNotProcessed: "不予处理", nOtherHandling: "其他处理"}[k]
			if bad != nil || partKindRE.MatchString(raw) || strings.Count(raw, name) > 1 {
				key := map[nkind]string{nNotProcessed: "apps.not_processed", nOtherHandling: "apps.other"}[k]
				if _, ok := totals[key]; !ok {
					totals[key] = groupFinding(key, n, fmt.Sprintf("正文所述%s0件（“%s”）是所列一部分申请的，不一定是全部申请的：表三“%s”各行未填入：请核对", name, raw, name))
				}
				return
			}
		}
		if (k == nNotProcessed || k == nOtherHandling) && !zero && bad == nil && codesFor(k, format, zero) == nil && format != gongkai.FormatPre2019 {
			// "其中包括予以公开N件,无法提供M件,不予处理K件,其他处理L件" (a
			// real 2024 street office's page): table 三 counts these by
			// case, with no total row, so the count fits no row; it was
			// dropped unsaid.
			key, name, by := "apps.not_processed", "不予处理", "按情形分列（信访举报投诉类、重复申请等）"
			if k == nOtherHandling {
				key, name, by = "apps.other", "其他处理", "按情形分列（逾期不补正、逾期未缴费、其他）"
			}
			if _, ok := totals[key]; !ok {
				totals[key] = groupFinding(key, n, fmt.Sprintf("正文所述%s%s件（“%s”）：表三的“%s”%s、没有合计行，正文的数填入哪一行不能确定，未填入：请核对", name, num(f), raw, name, by))
			}
			return
		}
		if k == nWithheld && zero && (bad == nil || errors.Is(bad, errPartZero)) && format != gongkai.FormatPre2019 && (bad != nil || partKindRE.MatchString(raw) || strings.Count(raw, "不予公开") > 1) {
			// "其中网上申请3件,不予公开0件;信函申请2件,不予公开1件": a part's
			// none, not every application's; read as each reason's 0 it
			// hid the other part's 1. Said, as a count withheld is.
			if _, ok := totals["apps.withheld"]; !ok {
				totals["apps.withheld"] = groupFinding("apps.withheld", n, fmt.Sprintf("正文所述不予公开0件（“%s”）是所列一部分申请的，不一定是全部申请的：表三“不予公开”各行未填入：请核对", raw))
			}
			return
		}
		if k == nWithheld && !zero && bad == nil && codesFor(k, format, zero) == nil {
			// "不予公開7件(均屬於行政查詢事項)" (a real 2023 municipal
			// justice bureau's page) in a report of a format whose table
			// 三 counts the applications withheld by reason alone, with
			// no total: the count fits no row, and was dropped unsaid.
			if _, ok := totals["apps.withheld"]; !ok {
				totals["apps.withheld"] = groupFinding("apps.withheld", n, fmt.Sprintf("正文所述不予公开%s件（“%s”）：表三的“不予公开”按理由分列、没有合计行，正文的数填入哪一行不能确定，未填入：请核对", num(f), raw))
			}
			return
		}
		if k == nReviewConcluded || k == nLitConcluded {
			key, fd := concludedFinding(k, format, f, raw, n)
			if _, ok := totals[key]; !ok {
				totals[key] = fd
			}
			return
		}
		if errors.Is(bad, errWithdrawn) {
			// "M件申请人主动撤件" (the shape of a real 2022 district
			// bureau's page): no row of table 三 is named; said once for
			// the group it most likely falls in (before: no word).
			if _, ok := totals["apps.other"]; !ok && format != gongkai.FormatPre2019 {
				totals["apps.other"] = groupFinding("apps.other", n, fmt.Sprintf("正文所述申请人撤回（撤件）的申请%s件（“%s”）：表三没有“撤回申请”一行，计入哪一行（如“其他处理”）正文未说，未填入：请核对", num(f), raw))
			}
			return
		}
		if (k == nNormIssued || k == nRuleIssued) && format == gongkai.Format2019 {
			// "制发规范性文件1份" in a report of the 2019 format (a real
			// 2020 municipal tax bureau's page): its table 二 counts the
			// documents made (本年新制作) and published (本年新公开) this
			// year, and which of the two 制发 is the words do not say.
			code := map[nkind]string{nNormIssued: "normative_docs.made", nRuleIssued: "rules.made"}[k]
			if _, ok := totals[code]; !ok {
				label := gongkai.MeasureLabel(code)
				totals[code] = gongkai.Finding{
					Rule: "narrative", Severity: gongkai.SeverityWarning, At: lineAt(n),
					Measure: code, Applicant: gongkai.ApplicantTotal, RowLabel: label,
					Message: fmt.Sprintf("正文所述%s件数（“%s”）：2019年格式的表二分“本年新制作数量”和“本年新公开数量”，正文所说的是哪一项不能确定，未填入：请核对", strings.TrimSuffix(label, " 本年新制作数量"), raw),
				}
			}
			return
		}
		for _, code := range codesFor(k, format, zero) {
			passedOver := errors.Is(bad, errForwarded) || errors.Is(bad, errPartsSum) || errors.Is(bad, errPartOf) || errors.Is(bad, errEither) || errors.Is(bad, errDealt) || errors.Is(bad, errProcessed) || errors.Is(bad, errCombined) ||
				errors.Is(bad, errWholeArea) || errors.Is(bad, errOtherOrgan) || errors.Is(bad, errJointOrgans) || errors.Is(bad, errOnTime) || errors.Is(bad, errJoint) || errors.Is(bad, errUnsaid) || errors.Is(bad, errUnsaidProactive) ||
				errors.Is(bad, errNoUnit) || errors.Is(bad, errReleasedSoFar) || errors.Is(bad, errOneWay) || errors.Is(bad, errOneApplicant) || errors.Is(bad, errApplicantsCounted) || errors.Is(bad, errReviewer) || errors.Is(bad, errReviewHandled) || errors.Is(bad, errAllNotHeld) || errors.Is(bad, errQualifiedNone) || errors.Is(bad, errOneKind) || errors.Is(bad, errReleased) || errors.Is(bad, errChannelPart) || errors.Is(bad, errPerChannel) || errors.Is(bad, errAmended) || errors.Is(bad, errBothDocs) ||
				errors.Is(bad, errStillValid) || errors.Is(bad, errDocsPublished) || errors.Is(bad, errDocsReleased) || errors.Is(bad, errAnsweredPart) ||
				errors.Is(bad, errJointOutcome) || errors.Is(bad, errDecisionsPublished) || errors.Is(bad, errAddressedElsewhere) || errors.Is(bad, errUnavailableMixed) || errors.Is(bad, errUnavailableUnsplit) || errors.Is(bad, errAllAnswered) || errors.Is(bad, errSomeAnswered) || errors.Is(bad, errCarriedInside) || errors.Is(bad, errNewInside) || errors.Is(bad, errNotApplication) || errors.Is(bad, errDeclaredNot) ||
				errors.Is(bad, errUpToDate) || errors.Is(bad, errUnbalanced) || errors.Is(bad, errBareDecisions) || errors.Is(bad, errOtherYearBefore) ||
				errors.Is(bad, errReasonOnly) || errors.Is(bad, errDocsReviewed) || errors.Is(bad, errLevelDocs) || errors.Is(bad, errTopicUnsaid) || errors.Is(bad, errSuitTopicUnsaid) || errors.Is(bad, errAfterCarried) || errors.Is(bad, errBesideCarried) || errors.Is(bad, errOfCarried) || errors.Is(bad, errLastYearWord) || errors.Is(bad, errCarriedPlusNew) || errors.Is(bad, errCarriedHandled) || errors.Is(bad, errEarlierYears) || errors.Is(bad, errHandledAfterCarried) || errors.Is(bad, errMoreApplicants) || errors.Is(bad, errHandledAfterOther) || errors.Is(bad, errHandledAfterPart) || errors.Is(bad, errOutcomeAfterPart) || errors.Is(bad, errProgressUnsettled) || errors.Is(bad, errOnTimeRate)
			if _, ok := hits[code]; !ok && !passedOver {
				order = append(order, code)
			}
			v := gongkai.Value{
				Measure: code, Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(f), Unit: unit,
				Raw: raw, At: lineAt(n), Source: gongkai.SourceNarrative,
			}
			if _, ok := carriedHandled[code]; !ok && (errors.Is(bad, errHandledAfterCarried) || errors.Is(bad, errMoreApplicants)) {
				carriedHandled[code] = v
			}
			if _, ok := ofCarried[code]; !ok && errors.Is(bad, errOfCarried) {
				ofCarried[code] = [2]string{raw, lineAt(n)}
				carriedListed[code] = f
				if firstCarried[0] == "" {
					firstCarried = ofCarried[code]
				}
			}
			if passedOver {
				// Said only if nothing else states the count.
				if _, ok := totals[code]; !ok {
					totals[code] = passedFinding(bad, code, raw, lineAt(n))
				}
				continue
			}
			if bad != nil {
				v.Number = nil
				if _, ok := beyond[code]; !ok {
					beyond[code] = figureLimitFinding(v, format, bad)
				}
			}
			hits[code] = append(hits[code], v)
		}
	}
	section, sub := "", ""
	secChannels := 0 // the most channels with a count of their own one line of the section gave so far
	lines = runOnSections(lines)
	if format == gongkai.FormatPre2019 {
		for _, nb := range sectionNones(lines) {
			for _, k := range nb.kinds {
				add(k, true, 0, "", nil, nb.raw, nb.n)
			}
		}
	}
	var pc *physical                           // the line as published the lines since the last heading were cut from
	recvSet, recvSec, recvSub := false, "", "" // the section and sub-title of the last line that stated a count of applications received
	for i, l := range lines {
		if ctx.Err() != nil {
			break
		}
		if num, title := heading(l.Text); num != "" {
			section, sub = labels.Normalize(title), ""
			pc, secChannels = nil, 0
			continue
		}
		if t, outer, ok := subTitle(l.Text); ok {
			// "（一）主动公开" over "1.主动公开政府信息数量": the inner
			// title adds to the outer one's.
			if outer {
				sub = t
			} else {
				sub = strings.SplitN(sub, "|", 2)[0] + "|" + t
			}
			pc = nil
			continue
		}
		if n := longestSentence(l.Text); n > maxSentenceBytes {
			// Not read, and said: the sentence reader's rules scan the
			// sentence and its line once a clause, so a sentence of
			// thousands of clauses costs minutes (a 128 kB one 73 s of
			// CPU) on the upload path, where nothing stops it.
			totals[fmt.Sprintf("~line %09d", l.N)] = gongkai.Finding{
				Rule: "narrative", Severity: gongkai.SeverityWarning, At: lineAt(l.N),
				Message: fmt.Sprintf("正文第%d行有一句长达%d字节、中间没有句号、问号或分号，超过可读取的长度（%d字节），此行的数字未读取：请核对原文", l.N, n, maxSentenceBytes),
			}
			continue
		}
		if pc == nil || pc.lines[0].N != l.N {
			pc = nil
			if i+1 < len(lines) && lines[i+1].N == l.N {
				pc = &physical{lines: lines[i:]}
			}
		}
		if recvSet && recvSec == section && recvSub == sub && hasAny(l.Text, aboveApps...) {
			// "…接收到申请书N份,…" then, on a line of its own, "上述申请
			// 已全部…答复…" (a real 2025 municipal bureau's page):
			// every application of the line before answered, said with no
			// figure, so the line never reached the sentence reader and
			// the count handled was blank with no word. Those carried in
			// are not said: blank with errAllAnswered's warning.
			fl := foldLine(l.Text)
			for _, sent := range splitKeep(fl.s, "。!?;") {
				if t := fl.s[sent.a:sent.b]; hasAny(t, aboveApps...) && allAnswered(t) {
					add(nHandled, false, 0, "", errAllAnswered, sentence(l.Text, fl.pos[sent.a], fl.pos[sent.b]), l.N)
					break
				} else if hasAny(t, aboveApps...) && someAnswered(t) {
					// "上述申请已部分答复" on its line (round 20's shape):
					// some answered, how many unsaid; blank with no word
					// before, as "已部分办结" beside the count was.
					add(nHandled, false, 0, "", errSomeAnswered, sentence(l.Text, fl.pos[sent.a], fl.pos[sent.b]), l.N)
					break
				}
			}
		}
		// A line with neither a unit of count nor a word of "none" (in
		// either script) states nothing; nor does a row of a pipe table.
		if !mayState(l.Text) || strings.Count(l.Text, "|") > 1 {
			continue
		}
		fl := foldLine(l.Text)
		lastYearWord := false // the line's carried in was said with 去年 or 前一年, which year's unsure
		if strings.Contains(fl.s, "转") {
			// "结转至2024年办理1件" in a 2023 report: the next year named
			// as where the carried-out applications go, not a figure of
			// another year's; "0件转结2023年办结" in a 2022 report (a
			// real county commission's page, 转结 for 结转) too.
			next := strconv.Itoa(year + 1)
			for _, verb := range []string{"结转至", "结转到", "转结至", "转结到", "结转", "转结", "转入", "转至"} {
				fl = fl.replace(verb+next+"年", verb+"下年")
			}
			// "含2022年结转1件" in a 2023 report: carried in from the
			// year before, as 上年结转 says it.
			prev := strconv.Itoa(year - 1)
			for _, w := range []string{"年度结转", "年结转", "年度转结", "年转结"} {
				fl = fl.replace(prev+w, "上"+w)
				// "2022年结转3件" in a 2024 report: carried in from a
				// year before the year before, which table 三's row 二
				// (上年结转) may not be; it was passed over with no word,
				// as another year's. Said as 往年 is (errEarlierYears).
				for y := year - 2; y >= year-6; y-- {
					fl = fl.replace(strconv.Itoa(y)+w, "往"+w)
				}
				// "2025年新收63件,上一年度结转1件" (a real 2025 national
				// bureau's page): 上一年 is a skip word (a comparison with
				// the year before), which left every such count blank
				// with no finding; it is the year before's carry, as
				// 上年度结转 says it.
				fl = fl.replace("上一"+w, "上"+w)
				// "去年结转K件", "前一年度结转K件" (probes of round 24):
				// the year before in other words (去年 is a skip word), as
				// carriedInsideRE has them; the count was passed over with
				// no word. Which year 去年 is before, the report's or the
				// one it was written in, only a line that names the
				// report's year or 本年 settles; else the count is said to
				// be left out (errLastYearWord). Not 往年 (the years before,
				// loosely).
				// "结转上年后新收到依申请公开事项M件" (the shape of a real
				// 2024 district's page): the new ones, counted after the
				// carry; its 结转 kept the count received off, and alone
				// it was blank with no word.
				fl = fl.replace("结转上"+w[:len(w)-len("结转")]+"后新收", "新收")
				for _, last := range []string{"去", "前一"} {
					if strings.Contains(fl.s, last+w) {
						lastYearWord = lastYearWord || !hasAny(fl.s, "本年", "今年", "当年", strconv.Itoa(year)+"年")
						fl = fl.replace(last+w, "上"+w)
					}
				}
			}
			// "全年共办理…申请N件,含2023年转至今年办理的M件,办结K件,剩余J件
			// 结转下一年度处理" in a 2024 report (the shape of a real 2024
			// district government's page): carried in from the year
			// before, in other words. Named as a year, it made every
			// clause after it another year's (otherYearBefore), and the
			// counts carried in, handled and carried out were passed over
			// with no word.
			if own := strconv.Itoa(year); strings.Contains(fl.s, "(含"+prev+"年转入"+own+"年") {
				// "办结M件(含YYYY-1年转入YYYY年办结K件)" in a YYYY report
				// (the shape of a real page round 22 met): a part of the
				// count handled, those carried in from the year before;
				// named by a year, it made the whole clause another
				// year's, and M was passed over with no word. Said as a
				// part of M (其中) that names no year, so M is read and K,
				// a part, is not (those carried in may be more than K).
				fl = fl.replace("(含"+prev+"年转入"+own+"年", "(其中往年转入本年")
			}
			if strings.Contains(fl.s, prev) && hasAny(fl.s, "转至今年", "转至本年", "转入今年", "转入本年") {
				for _, w := range []string{"年转至今年", "年度转至今年", "年转至本年", "年度转至本年", "年转入今年", "年度转入今年", "年转入本年", "年度转入本年"} {
					fl = fl.replace(prev+w, "上年结转至本年")
				}
			}
		}
		if strings.Contains(fl.s, "部分予以公开") {
			// "予以公开35件;部分予以公开1件" (a real 2025 county bureau's
			// page): granted in part, as 部分公开 says it; it was passed
			// over with no word (部分公开's rule did not match it, and
			// 予以公开's shuns 部分).
			fl = fl.replace("部分予以公开", "部分公开")
		}
		for _, w := range []string{"转结下", "转结至下", "转结到下"} {
			// "已按期答复1件,无转结下年度继续办理件" (a real 2024 town's
			// page): 结转 with its characters swapped; the none carried
			// over was passed over with no word. Only before the next
			// year (下), where no other reading of 转结 fits.
			fl = fl.replace(w, "结转"+strings.TrimPrefix(w, "转结"))
		}
		for _, n := range ownNames {
			fl = fl.replace(n[0], n[1])
		}
		if strings.Contains(fl.s, "来信等方式") && strings.Contains(fl.s, "申请") {
			// "未收到通过受理电话、网络平台、来信等方式提出的相关政府信息公开
			// 申请" (the shape of a real 2020 county hospital's page): 来信
			// is a way applications came by, as 信函 is, not a petition's
			// letter (otherTopics); the none was passed over with no word.
			fl = fl.replace("来信等方式", "信函等方式")
		}
		ctx := nctx{line: fl.s, cut: pc, section: section, sub: sub, year: year, agency: agency, secChannels: secChannels, byReason: format != gongkai.FormatPre2019}
		if strings.Contains(fl.s, "条") {
			secChannels = max(secChannels, channelCounts(fl.s))
		}
		if t, outer, ok := openingSubTitle(l.Text); ok {
			// "（一）主动公开。2024年,县政府网站累计发布…" (a real 2024
			// county office's page): the heading opens the line of its
			// count, and stands over that line alone.
			if outer {
				ctx.sub = t
			} else {
				ctx.sub = strings.SplitN(sub, "|", 2)[0] + "|" + t
			}
		}
		var inside [][]int // where a count received holds those carried in (carriedInsideRE)
		if strings.Contains(fl.s, "结转") || strings.Contains(fl.s, "转结") {
			inside = carriedInsideRE.FindAllStringIndex(fl.s, -1)
			inside = append(inside, carriedUnsaidRE.FindAllStringIndex(fl.s, -1)...)
		}
		var newIn [][]int // where a count received is followed by another, the new ones (newInside)
		var newCounts []newCount
		if strings.Contains(fl.s, "新收") || strings.Contains(fl.s, "新受理") || strings.Contains(fl.s, "新接收") {
			newCounts = newInside(fl.s)
			newIn = newSpans(newCounts)
		}
		newClean := make([]bool, len(newCounts)) // N of newCounts[i] was read as the organ's count of this year, before errNewInside
		// The count received the last sentence of the line stating one
		// read, and whether it said none was carried in.
		lineGot, lineNone := -1.0, false
		prevReceived := false // the sentence before on the line states a count received
		prevSent := ""        // the sentence before on the line
		var sc scope          // the scope of the sentence before, for one that opens with 其中
		own := ""             // the sentence before, when all of it is the organ's own
		soFar := false        // a sentence of the line counts so far, and semicolons join it to this one
		parts := false        // a sentence of the line opened with 其中, and semicolons join it to this one
		cumulative := hasAny(fl.s, soFarWords...) && receivedSoFar(fl, ctx, year, agency)
		acct := newAccount() // the line's account of applications so far (account)
		closeAccount := func() {
			// "上年结转2件,本年度收到申请10件。已办结12件。" (left from
			// session 37): a count handled passed over after a count
			// carried in, that its own sentence's counts did not settle,
			// is read where the account's do, as handledSettled judges a
			// sentence's (the counts said in its other sentences too).
			if acct.pending && acct.done == -1 && handledSettled(acct.h, acct.got, acct.carried, acct.dealt, acct.out) {
				n := len(order)
				add(nHandled, false, acct.h, "", nil, acct.raw, l.N)
				if added := slices.Clone(order[n:]); len(added) > 0 && acct.order < n {
					order = slices.Insert(slices.Delete(order, n, len(order)), acct.order, added...)
				}
			}
			acct = newAccount()
		}
		for _, sent := range splitKeep(fl.s, "。!?;") {
			ctx.semi = ""
			if sent.a > 0 && fl.s[sent.a-1] == ';' {
				ctx.semi = own
			} else {
				soFar, parts = false, false
			}
			// "…公开各类信息288条。其中…指南1条;结合…主动公开信息45条;…共241条"
			// (a real 2025 district commission's page): the items after
			// 其中, listed across semicolons, are parts of the count
			// before; 45 was stored as the year's items published
			// proactively, with no word.
			inParts := parts
			opensParts := strings.HasPrefix(strings.TrimLeft(fl.s[sent.a:sent.b], " ,"), "其中")
			parts = parts || opensParts
			switch {
			case opensParts && !inParts:
				ctx.partsOf = prevSent
			case !inParts:
				ctx.partsOf = ""
			}
			ctx.semiSoFar = soFar
			ctx.prev = prevSent
			continues := !acct.changesSubject(fl.s[sent.a:sent.b], year, agency)
			if !continues {
				closeAccount()
			} else if acct.text != "" {
				// The account's sentences, not the one before alone: a
				// count handled that opens its sentence goes on from the
				// last count of the account ("本年度收到申请10件。上年结转2件。
				// 已办结12件。"), and a count carried in said two sentences
				// before the count received ("上年结转2件。本年度收到申请10件。
				// 已办结10件。") makes it unsure as in one sentence; that 10
				// was stored as the year's handled total with no word.
				ctx.prev = acct.text
			}
			soFar = soFar || hasAny(fl.s[sent.a:sent.b], soFarWords...)
			received := false        // the sentence states a count of applications received, read or not
			got, none := -1.0, false // the count received it reads, and whether it says none was carried in
			carried := -1.0          // the count carried in it reads, -1 when unsaid
			total := -1.0            // the count received it reads, the parts by way of applying before it aside (-2: two)
			dealt := -1.0            // a count 办理 it passes over as received or handled (errDealt), -2: two
			done, out := -1.0, -1.0  // the counts handled and carried out it reads (-2: two)
			plusNew := -1.0          // a count of those carried in and the new ones together (errCarriedPlusNew), -2: two
			afterCarried := -1.0     // a count handled right after one carried in (errHandledAfterCarried), -2: two
			afterCarriedOrder := 0   // len(order) when afterCarried was passed over: where its measure goes if settled
			answeredPart := -1.0     // a count of those received answered, passed over (errAnsweredPart, not errAnsweredAmong), -2: two
			inTime := -1.0           // a count handled in time, passed over (errOnTime), -2: two
			// The counts handled right after a part listed after 其中 (handledAfterPart).
			ps := periodStart(fl.s, sent.a)
			// Within the sentence the whole is the count before 其中 alone: a
			// sentence opened by 其中 ("…5件。其中当面申请5件,已办结5件。") states
			// no count this reader reads, and its word stays.
			afterPart := handledAfterParts(fl.s[ps:sent.b], sent.a-ps, -1)
			if m := bareHandledEndRE.FindStringSubmatchIndex(fl.s[sent.a:sent.b]); len(afterPart) == 0 && m != nil && handledAfterPartSentence(prevSent, fl.s[sent.a:sent.a+m[1]], lineGot) {
				f, _ := strconv.ParseFloat(fl.s[sent.a+m[2]:sent.a+m[3]], 64)
				afterPart = []float64{f}
			}
			afterPartSaid := false
			// The outcomes right after a part listed after 其中
			// (outcomesAfterPart), in the sentence or in one opened by 其中.
			outcomeParts := outcomesAfterPart(fl.s[ps:sent.b], -1)
			if strings.HasPrefix(strings.TrimLeft(fl.s[sent.a:sent.b], " ,"), "其中") && !strings.Contains(fl.s[ps:sent.a], "其中") {
				outcomeParts = outcomesAfterPart(fl.s[sent.a:sent.b], lineGot)
			}
			sc = readSentence(fl, sent, ctx, year, agency, sc, func(k nkind, zero bool, f float64, unit string, bad error, a, b int) {
				if k == nHandled && bad == nil && slices.Contains(afterPart, f) {
					bad, afterPartSaid = errHandledAfterPart, true
				}
				if k != nHandled && k != nCarriedOut && outcomeKinds[k] && bad == nil && slices.Contains(outcomeParts, f) {
					bad = errOutcomeAfterPart
				}
				if errors.Is(bad, errWholeHandled) {
					bad = nil
					for _, code := range codesFor(k, format, zero) {
						if wholeHandled[code] == nil {
							wholeHandled[code] = map[float64]bool{}
						}
						wholeHandled[code][f] = true
					}
				}
				if k == nReceived && !zero && bad == nil {
					for i, c := range newCounts {
						if c.a < b && a < c.b && f == c.n {
							newClean[i] = true
						}
					}
				}
				if k == nReceived && !zero && bad == nil && carriedInside(inside, a, b) {
					bad = errCarriedInside
				}
				if k == nCarriedIn && !zero && bad == nil && lastYearWord {
					bad = errLastYearWord
				}
				if k == nReceived && !zero && bad == nil && carriedInside(newIn, a, b) {
					bad = errNewInside
				}
				if cumulative && bad == nil && outcomeKinds[k] && !saysOwnYear(fl.s[sent.a:sent.b], year) {
					if codes := codesFor(k, format, zero); len(codes) > 0 {
						// "截至12月31日,累计受理…N件。同意公开M件,…": the
						// outcomes of a count that may run over more than
						// the year may too; read, a running total would
						// pass for the year's while its count is blank.
						for _, code := range codes {
							if _, ok := totals[code]; !ok {
								totals[code] = allYearsFinding(code, sentence(l.Text, fl.pos[a], fl.pos[b]), lineAt(l.N))
							}
						}
						return
					}
				}
				received = received || k == nReceived && !zero
				if k == nReceived && bad == nil {
					total = once(total, f)
				}
				if bad == nil || k == nReceived && errors.Is(bad, errDealt) {
					switch {
					case k == nReceived && bad != nil:
						dealt = once(dealt, f)
					case k == nHandled:
						done = once(done, f)
					case k == nCarriedOut:
						out = once(out, f)
					}
				}
				if k == nReceived && errors.Is(bad, errCarriedPlusNew) {
					plusNew = once(plusNew, f)
				}
				if k == nHandled && errors.Is(bad, errHandledAfterCarried) {
					afterCarried = once(afterCarried, f)
					afterCarriedOrder = len(order)
				}
				if k == nHandled && errors.Is(bad, errAnsweredPart) && !errors.Is(bad, errAnsweredAmong) {
					answeredPart = once(answeredPart, f)
				}
				if k == nHandled && errors.Is(bad, errOnTime) {
					inTime = once(inTime, f)
				}
				switch {
				case k == nReceived && bad == nil && got == -1:
					got = f
				case k == nReceived:
					got = -2 // stated twice, or unsure: no count
				case k == nCarriedIn && zero && bad == nil:
					none, carried = true, 0
				case k == nCarriedIn && bad == nil:
					carried = f
				}
				if k == nCarriedIn && bad == nil {
					carriedSeen = once(carriedSeen, f)
				}
				if inParts && k == nProactive && !zero && bad == nil {
					bad = errPartOf
				}
				if inParts && zero && bad == nil && format != gongkai.FormatPre2019 && (k == nWithheld || k == nNotProcessed || k == nOtherHandling) {
					// "其中网上申请3件,不予公开1件;信函申请2件,不予公开0件":
					// the second part's none, not every application's.
					bad = errPartZero
				}
				add(k, zero, f, unit, bad, sentence(l.Text, fl.pos[a], fl.pos[b]), l.N)
			}, func(k nkind, a, b int) {
				received = received || k == nReceived
				for _, code := range codesFor(k, format, false) {
					if _, ok := totals[code]; !ok {
						totals[code] = allYearsFinding(code, sentence(l.Text, fl.pos[a], fl.pos[b]), lineAt(l.N))
					}
				}
			})
			if len(afterPart) > 0 && !afterPartSaid && ctx.about(topicDisclosure) {
				// "收到申请10件。其中当面申请5件,已办结5件。": the sentence
				// of parts states no count the rules read; the count
				// handled in it was passed over with no word.
				add(nHandled, false, afterPart[0], "", errHandledAfterPart, sentence(l.Text, fl.pos[sent.a], fl.pos[sent.b]), l.N)
			}
			if plusNew >= 0 && carried >= 0 && carried <= plusNew && carriedAloneRE.MatchString(fl.s[sent.a:sent.b]) && !newSaidApart(fl.s[sent.a:sent.b]) {
				// "上年结转及新收申请共12件,其中上年结转2件": the new ones
				// are the rest, 10.
				add(nReceived, plusNew == carried, plusNew-carried, "", nil, sentence(l.Text, fl.pos[sent.a], fl.pos[sent.b]), l.N)
			}
			// "收到…申请87件,87件均已在法定期限内完成答复" (the shape of
			// real county pages): every one of a count answered, the count
			// said again; as the count received (in this sentence or the
			// one before on the line) it says every application was
			// answered, as a clause with no count does. It was passed
			// over with no word.
			said, counted := answeredCount(fl.s[sent.a:sent.b])
			if counted && !received && lineGot > 0 {
				received, got, none = true, lineGot, lineNone
			}
			if !received && lineGot > 0 && (hasAny(fl.s[sent.a:sent.b], everyApps...) || prevReceived && onlyAllAnswered(fl.s[sent.a:sent.b])) && allAnswered(fl.s[sent.a:sent.b]) {
				// "收到…申请10件。已全部按时办结。" (found in session 37):
				// a sentence of those words alone, right after the
				// sentence that counted the applications received, says
				// it of them as "所有申请均已办结" does; the count handled
				// was blank with no word.
				// "…共收到…N宗政府信息公开申请,…上年结转为0宗。主要涉及…
				// 等方面,所有申请均已做到按时办结" (the shape of a real 2024
				// district bureau's page): every application the sentence
				// before on the line counted was handled, as "均已办结" in
				// that sentence says. It was passed over with no word.
				received, got, none = true, lineGot, lineNone
			} else if !received && lineGot > 0 && prevReceived && carriedThenAllAnswered(fl.s[sent.a:sent.b]) {
				// "本年度收到申请10件。无上年结转,办结率100%。" (left from
				// session 37, the order of '办结率100%' its rules read in
				// one sentence): the sentence right after the count
				// received says of the year's applications only what was
				// carried in and that every one was handled; the count
				// handled was blank with no word. Read as in one sentence:
				// none carried in, the count received; else blank, said.
				received, got, none = true, lineGot, none || lineNone
			}
			if counted && received && said != got && done == -1 && afterCarried == -1 && answeredPart == -1 && ctx.about(topicDisclosure) &&
				(handledSettled(said, total, carried, dealt, out) || continues && handledSettled(said, acct.or(total, acct.got), acct.or(carried, acct.carried), acct.or(dealt, acct.dealt), acct.or(out, acct.out))) {
				// "收到申请10件,上年结转2件,12件已办结" (found in session 38;
				// "…上年结转2件。12件已办结。" by the account's counts):
				// those handled, said count-first, more than either count
				// and no more than both (or balancing the four counts), as
				// a count handled after a count carried in is settled
				// (handledSettled): it holds some of those carried in, so it
				// is no part of the new ones'. It was blank with
				// errAnsweredPart's word.
				add(nHandled, false, said, "", nil, sentence(l.Text, fl.pos[sent.a], fl.pos[sent.b]), l.N)
				done = said
			} else if counted && (!received || said != got) {
				if ctx.about(topicDisclosure) && strings.Contains(fl.s, "申请") {
					// Of a count received it does not repeat, or of none:
					// those answered, which may leave out any carried in.
					add(nHandled, false, said, "", errAnsweredPart, sentence(l.Text, fl.pos[sent.a], fl.pos[sent.b]), l.N)
				}
			} else if received && got > 0 && !counted && allNotHeld(fl.s[sent.a:sent.b]) {
				// "2023年收到政府信息公开申请1件,为本机关不掌握的政府信息"
				// (a real 2023 banner bureau's page): every one received
				// was of information the organ does not hold, those
				// carried in unsaid, so table 三's 本机关不掌握 may hold
				// more; the count was passed over with no word.
				add(nNotHeld, false, 0, "", errAllNotHeld, sentence(l.Text, fl.pos[sent.a], fl.pos[sent.b]), l.N)
			} else if received && (counted || allAnswered(fl.s[sent.a:sent.b]) || allAnsweredAfter(fl.s[sent.a:sent.b], got) || answeredAfterCount(fl.s[sent.a:sent.b], got) || allGranted(fl.s[sent.a:sent.b]) || allWithheld(fl.s[sent.a:sent.b])) {
				// "2024年新受理依申请政府信息公开8件,全部依规及时完成回复"
				// (a real 2024 street office's page): every application
				// received was answered, so at least that many were
				// handled, and those carried in and answered are not
				// said. The count handled was blank with no word.
				// "受理依申请公开政府信息7条，无上年度结转，均在法定期限
				// 内予以答复" says none was carried in: the count handled
				// is the count received, exactly.
				raw := sentence(l.Text, fl.pos[sent.a], fl.pos[sent.b])
				// Any word of a count still open or going into the next
				// year ("其中2件结转至2026年", read 结转至下年; "1件延期至下年度
				// 答复"; "1件待答复") leaves it unsure.
				sure := got > 0 && none && !hasAny(fl.s[sent.a:sent.b], "除", "结转下", "转下", "转入下", "继续办理", "正在", "尚未", "未办结",
					"下年", "下一年", "次年", "延期", "待", "办理中", "补正", "中止")
				if sure {
					add(nHandled, false, got, "", nil, raw, l.N)
				} else {
					add(nHandled, false, 0, "", handledAllWhy(fl.s[sent.a:sent.b], counted), raw, l.N)
				}
				// "共受理…申请3件,均已按规定及时予以公开" (the shape of a
				// real 2025 street office's page): every one received was
				// granted, and answered; those carried in are not said.
				// Both counts were blank with no word.
				granted := allGranted(fl.s[sent.a:sent.b])
				switch {
				case granted && sure:
					add(nGranted, false, got, "", nil, raw, l.N)
				case granted:
					add(nGranted, false, 0, "", errAllGranted, raw, l.N)
				}
				// "共收到依申请公开信息N件,均为不同意公开" (the shape of a real
				// 2024 district bureau's page): every one received was
				// withheld, and answered. Table 三 of 2019 and 2021 splits
				// the withheld by reason with no total row, and the
				// reasons are unsaid: the rows are blank, said once for
				// the group; a pre-2019 report's one row is read as the
				// count granted is. Both counts were blank with no word.
				withheld := !granted && allWithheld(fl.s[sent.a:sent.b])
				switch {
				case withheld && format == gongkai.FormatPre2019 && sure:
					add(nWithheld, false, got, "", nil, raw, l.N)
				case withheld && format == gongkai.FormatPre2019:
					add(nWithheld, false, 0, "", errAllWithheld, raw, l.N)
				case withheld:
					if _, ok := totals["apps.withheld"]; !ok {
						totals["apps.withheld"] = groupFinding("apps.withheld", l.N, fmt.Sprintf("正文所述收到的申请“均不予公开”（“%s”）：表三的“不予公开”按理由分列、没有合计行，各理由的件数正文未说，未填入：请核对", raw))
					}
				}
			} else if received && someAnswered(fl.s[sent.a:sent.b]) {
				// "收到…申请12件,已部分办结" (review s28): some were
				// handled, how many is not said; the count handled was
				// blank with no word.
				add(nHandled, false, 0, "", errSomeAnswered, sentence(l.Text, fl.pos[sent.a], fl.pos[sent.b]), l.N)
			}
			if (received || prevReceived && lineGot > 0) && done == -1 && onTimeRate(fl.s[sent.a:sent.b]) && ctx.about(topicDisclosure) {
				// "收到申请10件,按时办结率100%" (left from session 38,
				// unread on purpose: those handled were all in time, how
				// many were handled is unsaid, fullRateRE): said now,
				// where nothing else reads or says the count handled (a
				// passed-over count is said only then).
				add(nHandled, false, 0, "", errOnTimeRate, sentence(l.Text, fl.pos[sent.a], fl.pos[sent.b]), l.N)
			}
			if answeredPart >= 0 && none && got > 0 && (answeredPart == got || out >= 0 && answeredPart+out == got) && done == -1 && afterCarried == -1 {
				// "收到申请10件,无上年结转,其中已办结10件" (found in session
				// 37): those of the year's applications handled, and the
				// sentence says none was carried in, so they are every
				// one handled. It was blank with errAnsweredPart's word
				// that those carried in are not in it. Only when they are
				// all received, or with the count carried out all of it
				// ("其中已办结9件,结转下年1件"): "其中3件已答复" alone may be
				// one outcome's count of several, and a garbled rest
				// ("其中3件已答复2025年继续办理4件", round 20) stays unsure.
				add(nHandled, false, answeredPart, "", nil, sentence(l.Text, fl.pos[sent.a], fl.pos[sent.b]), l.N)
				done = answeredPart
			}
			if answeredPart >= 0 && done == -1 && afterCarried == -1 && handledSettled(answeredPart, total, carried, dealt, out) {
				// "收到申请10件,上年结转2件,12件已办结" (found in session 38):
				// those handled, said count-first, more than either count
				// and no more than both (or balancing the four counts), as
				// a count handled after a count carried in is settled
				// (handledSettled): it holds some of those carried in, so
				// it is no part of the new ones'. It was blank with
				// errAnsweredPart's word.
				add(nHandled, false, answeredPart, "", nil, sentence(l.Text, fl.pos[sent.a], fl.pos[sent.b]), l.N)
				done = answeredPart
			}
			if inTime > 0 && got > 0 && carried >= 0 && inTime == got+carried && done == -1 && afterCarried == -1 {
				// "收到…申请10件,无上年结转,按时办结10件" (found in session
				// 37): those handled in time are every one on hand (the
				// count received and the count carried in, said, none
				// here), so every one was handled, all in time. It was
				// blank with errOnTime's word that more may have been
				// handled.
				add(nHandled, false, inTime, "", nil, sentence(l.Text, fl.pos[sent.a], fl.pos[sent.b]), l.N)
				done = inTime
			}
			if afterCarried >= 0 && done == -1 && handledSettled(afterCarried, total, carried, dealt, out) {
				// "收到申请10件,上年结转2件,已办结12件", "…,已办结2件,结转下年
				// 10件": a count handled after the count carried in that
				// must hold some of both (more than either, no more than
				// the two), or that balances the sentence's four counts, is
				// the year's handled total whichever it counts.
				// Its measure takes its place in the order where the count
				// stood, before any the sentence stated after it.
				n := len(order)
				add(nHandled, false, afterCarried, "", nil, sentence(l.Text, fl.pos[sent.a], fl.pos[sent.b]), l.N)
				if added := slices.Clone(order[n:]); len(added) > 0 && afterCarriedOrder < n {
					order = slices.Insert(slices.Delete(order, n, len(order)), afterCarriedOrder, added...)
				}
				done = afterCarried
			} else if afterCarried >= 0 && done == -1 && continues && !acct.pending {
				// Not settled by its sentence: the account's other
				// sentences may settle it when it closes (closeAccount).
				acct.pending, acct.h, acct.order, acct.raw = true, afterCarried, afterCarriedOrder, sentence(l.Text, fl.pos[sent.a], fl.pos[sent.b])
			} else if answeredPart >= 0 && afterCarried == -1 && done == -1 && continues && !acct.pending {
				// So the count handled said count-first ("…上年结转2件。12件
				// 已办结。"), settled by the account's counts alone.
				acct.pending, acct.h, acct.order, acct.raw = true, answeredPart, len(order), sentence(l.Text, fl.pos[sent.a], fl.pos[sent.b])
			}
			if total < 0 && dealt >= 0 && carried > 0 && done >= 0 && out >= 0 && ctx.about(topicDisclosure) {
				// "全年共办理…申请N件,含上年M件,办结K件,剩余J件结转下一年度"
				// (the shape of a real 2024 district government's page):
				// 办理 N is received or handled, the words do not say
				// (errDealt); the sum does. N = K+J (those handled and
				// carried out): N is every application on hand, and those
				// received are N less the M carried in. N+M = K+J: N is
				// those received. Neither, and the count stays blank with
				// errDealt's warning.
				raw := sentence(l.Text, fl.pos[sent.a], fl.pos[sent.b])
				switch {
				case dealt == done+out:
					add(nReceived, false, dealt-carried, "", nil, raw, l.N)
				case dealt+carried == done+out:
					add(nReceived, false, dealt, "", nil, raw, l.N)
				}
			}
			recv, carr := total, carried
			balanced := false // balanceCounts settled or said the count carried out
			if total == -1 && !received && continues && acct.got >= 0 && !opensParts && !inParts {
				// "本年度新收申请10件,上年结转2件。已答复11件,1件正在办理。"
				// (left from session 38): the counts received and carried
				// in said in the sentences before of the account balance
				// the count in progress as they do in one sentence; on a
				// line that names 上年 it was blank with no word (it may be
				// the year before's), here the sum settles it. Not in a
				// sentence of parts after 其中 ("…无上年结转。其中,答复申请8件,
				// 结转下年2件。"), whose count handled session 37 leaves to
				// errAnsweredAmong.
				recv, carr = acct.got, acct.or(carried, acct.carried)
			}
			if recv >= 0 && ctx.about(topicDisclosure) {
				// The count handled up to a date, and the count in
				// progress, settled by the four counts' sum (balanceCounts).
				if out, n := balanceCounts(fl.s[sent.a:sent.b], year, recv, carr, fl.s); n > 0 {
					raw := sentence(l.Text, fl.pos[sent.a], fl.pos[sent.b])
					for _, c := range out[:n] {
						add(c.k, false, c.f, "", c.bad, raw, l.N)
						balanced = balanced || c.k == nCarriedOut
					}
				}
			}
			if !balanced && out == -1 && strings.Contains(fl.s, "上年") && strings.Contains(fl.s, "申请") && ctx.about(topicDisclosure) {
				// "…上年结转2件。…已答复11件,1件正在办理。" with nothing
				// that balances it (a review's sentence between, no count
				// received): the count in progress on a line naming 上年
				// may be the year before's and is not read; it was blank
				// with no word.
				if b, ok := readBalance(fl.s[sent.a:sent.b], year); ok && b.progress >= 0 {
					add(nCarriedOut, false, b.progress, "", errProgressUnsettled, sentence(l.Text, fl.pos[sent.a], fl.pos[sent.b]), l.N)
				}
			}
			if received && got > 0 {
				// The pre-2019 form has no columns by applicant, but parts
				// that do not add up to the count are said all the same
				// (applySplits): they were passed over with no word.
				if sp, ok := readApplicantSplit(fl.s[sent.a:sent.b], got); ok {
					sp.raw, sp.at = sentence(l.Text, fl.pos[sent.a], fl.pos[sent.b]), lineAt(l.N)
					splits = append(splits, sp)
				} else if sp, ok := readMoreApplicantSplit(fl.s[sent.a:sent.b], got); ok {
					// "收到群众申请10件,公民申请8件,法人或其他组织申请2件"
					// (session 36 read 10, left from it): the counts by
					// applicant after it, with no verb, are its parts as
					// much as after 其中; they were dropped with no word.
					sp.raw, sp.at = sentence(l.Text, fl.pos[sent.a], fl.pos[sent.b]), lineAt(l.N)
					splits = append(splits, sp)
				} else if sp, ok := readAllNatural(fl.s[sent.a:sent.b], got); ok {
					sp.raw, sp.at = sentence(l.Text, fl.pos[sent.a], fl.pos[sent.b]), lineAt(l.N)
					splits = append(splits, sp)
				} else if b, ok := splitNext(fl.s, sent.b); ok {
					// "全年共收到群众申请10件。其中公民申请8件,法人或其他组织
					// 申请3件。": the parts by applicant in the next sentence,
					// opened by 其中, are as much the count's; they were
					// passed over with no word, and parts that do not add up
					// to the count went unseen.
					if sp, ok := readApplicantSplit(fl.s[sent.a:sent.b]+","+fl.s[sent.b+len("。"):b], got); ok {
						sp.raw, sp.at = sentence(l.Text, fl.pos[sent.a], fl.pos[b]), lineAt(l.N)
						splits = append(splits, sp)
					}
				}
			}
			if received {
				lineGot, lineNone = got, none
			}
			prevReceived = received
			if continues {
				end := sent.b
				if end < len(fl.s) {
					_, size := utf8.DecodeRuneInString(fl.s[end:])
					end += size // its stop
				}
				acct.take(fl.s[sent.a:end], total, carried, out, dealt, done)
			}
			own = ""
			prevSent = fl.s[sent.a:sent.b]
			if sent.b < len(fl.s) && fl.s[sent.b] == ';' && !sc.set && ownSentence(fl.s[sent.a:sent.b], year, agency) {
				own = fl.s[sent.a:sent.b]
			}
		}
		closeAccount()
		for i, c := range newCounts {
			if !newClean[i] || !c.read {
				continue
			}
			// "共受理申请N件,其中新收到M件", "共受理…N件,结转上年后新收到…M件"
			// (the shape of a real 2024 district's page): N may hold those
			// carried in and is not read; M, the new ones in the noun of
			// applications alone, is the year's count new. It was blank.
			// N's passing over is still said, with what was read instead.
			raw := sentence(l.Text, fl.pos[c.a], fl.pos[c.b])
			add(nReceived, false, c.m, "", nil, raw, l.N)
			label := gongkai.MeasureLabel("apps.new")
			newRead = append(newRead, gongkai.Finding{
				Rule: "narrative", Severity: gongkai.SeverityWarning, At: lineAt(l.N),
				Measure: "apps.new", Applicant: gongkai.ApplicantTotal, RowLabel: label,
				Message: fmt.Sprintf("正文所述%s：所说收到（受理）的%s件之后另写有新收到的%s件，前者可能含上年结转的申请，未采用，按后者填入（“%s”）：请核对",
					label, num(c.n), num(c.m), raw),
			})
		}
		if lineGot != -1 {
			recvSet, recvSec, recvSub = true, section, sub
		}
	}
	var vals []gongkai.Value
	var finds []gongkai.Finding
	if _, ok := hits["apps.new"]; ok {
		finds = append(finds, newRead...)
	}
	carriedWhole := carriedListWhole(carriedListed, hits["apps.carried_in"])
	for _, code := range order {
		hs := hits[code]
		if f, ok := beyond[code]; ok {
			// A figure the sentence states beyond what gongkai stores: the
			// measure is blank, whatever another sentence says.
			for _, h := range hs {
				if h.Number == nil {
					vals = append(vals, h)
					break
				}
			}
			finds = append(finds, f)
			continue
		}
		if c, ok := ofCarried[code]; ok {
			// "上年结转申请3件。其中2件予以公开…" beside "本年收到申请6件,
			// 其中予以公开4件" on another line: table 三's outcome holds
			// both, the page gives no sum, and the year's new ones alone
			// were read as the year's.
			finds = append(finds, gongkai.Finding{
				Rule: "narrative", Severity: gongkai.SeverityWarning, At: hs[0].At,
				Measure: code, Applicant: gongkai.ApplicantTotal, RowLabel: gongkai.MeasureLabel(code),
				Message: fmt.Sprintf("正文所述%s：%s写有%s件（“%s”），%s另写有上年结转申请的（“%s”）；表三的办理结果含两者，正文未写合计，未填入：请核对",
					gongkai.MeasureLabel(code), hs[0].At, num(*hs[0].Number), hs[0].Raw, c[1], c[0]),
			})
			continue
		}
		if len(ofCarried) > 0 && outcomeCode(code) && carriedWhole != "" {
			// "上年结转申请3件。其中2件予以公开。" beside "本年收到申请6件,
			// 其中…本机关不掌握相关政府信息1件" on another line: the new
			// ones' outcome that the list of those carried in does not
			// name is the year's only when that list is whole (its
			// outcomes add up to the count carried in); else some of
			// those carried in may have had it too. It was read from
			// the new ones' list alone.
			finds = append(finds, gongkai.Finding{
				Rule: "narrative", Severity: gongkai.SeverityWarning, At: hs[0].At,
				Measure: code, Applicant: gongkai.ApplicantTotal, RowLabel: gongkai.MeasureLabel(code),
				Message: fmt.Sprintf("正文所述%s：%s写有%s件（“%s”），%s另写有上年结转申请的办理结果（“%s”），其中没有这一项，但%s，上年结转的申请中有无这一项不能确定；表三的办理结果含两者，未填入：请核对",
					gongkai.MeasureLabel(code), hs[0].At, num(*hs[0].Number), hs[0].Raw, firstCarried[1], firstCarried[0], carriedWhole),
			})
			continue
		}
		same, other := true, hs[0]
		for _, h := range hs[1:] {
			if *h.Number != *hs[0].Number && same {
				same, other = false, h
			}
		}
		if c, ok := carriedHandled[code]; ok && same && *c.Number != *hs[0].Number && !wholeSettled(wholeHandled[code], *hs[0].Number, *c.Number, hits, carriedSeen) {
			// "上年结转2件,已办结2件;本年度收到申请10件,已办结8件": the first,
			// passed over after its count carried in, may be those carried
			// in, the second those received; the year's is neither, or
			// either. Read, the second alone stood with no word (before,
			// the two were said to disagree, as now). So with a count
			// received passed over for the counts by applicant after it
			// (errMoreApplicants) beside another read.
			// A count stated as the year's whole in words that the counts
			// received and carried in settle ("本年度收到申请10件,上年结转2件,
			// 已办结2件,全年共办结12件") is not contradicted by it
			// (wholeSettled).
			same, other = false, c
		}
		if same {
			vals = append(vals, hs[0])
			continue
		}
		finds = append(finds, gongkai.Finding{
			Rule: "narrative", Severity: gongkai.SeverityWarning, At: hs[0].At,
			Measure: code, Applicant: gongkai.ApplicantTotal, RowLabel: gongkai.MeasureLabel(code),
			Message: fmt.Sprintf("正文多处所述%s不一致（%s：%s；%s：%s），未采用：请核对", gongkai.MeasureLabel(code),
				hs[0].At, num(*hs[0].Number), other.At, num(*other.Number)),
		})
	}
	if _, read := hits["apps.new"]; !read {
		if _, said := totals["apps.new"]; !said {
			// "2016年,没有依申请公开政府信息。" (a real 2016 prefecture
			// bureau's page): no information given on application, which
			// may be no application received, or none granted; the count
			// received was blank with no word.
			for _, l := range lines {
				fl := foldLine(l.Text)
				if m := noneOnApplicationRE.FindStringIndex(fl.s); m != nil {
					totals["apps.new"] = passedFinding(errUnsaid, "apps.new", sentence(l.Text, fl.pos[m[0]], fl.pos[m[1]-1]), lineAt(l.N))
					break
				}
			}
		}
	}
	for _, code := range slices.Sorted(maps.Keys(totals)) {
		if _, read := hits[code]; !read {
			finds = append(finds, totals[code])
		}
	}
	vals, finds = checkSides(sides, vals, finds)
	vals, finds = applySplits(splits, vals, finds, format != gongkai.FormatPre2019)
	return vals, finds, sides
}

// account is the one account of applications the sentences of a line give
// one after another (a paragraph: "上年结转2件,本年度收到申请10件。已办结12件。"):
// its sentences so far, and the counts they read, for the rules that settle
// a count handled (handledSettled) and find what it comes after
// (handledAfterCarried). A sentence that changes the subject
// (changesSubject) closes it: the counts of another year, of reviews, suits
// or petitions (otherTopics), of proactive disclosure or of another organ
// are never joined to the applications'.
type account struct {
	text                           string  // the account's sentences, each with its stop
	got, carried, out, dealt, done float64 // the counts read: received, carried in (0: none), carried out, 办理 (errDealt), handled; -1 unsaid, -2 two unlike
	pending                        bool    // a count handled after a count carried in that its sentence did not settle
	h                              float64 // its figure
	order                          int     // len(order) when it was passed over
	raw                            string  // its sentence
}

func newAccount() account { return account{got: -1, carried: -1, out: -1, dealt: -1, done: -1} }

// changesSubject reports whether sent, a sentence of the line, is no part of
// the account of applications: it names another year (otherYear), another
// topic (otherTopics: 复议, 诉讼, 信访 …), proactive disclosure, or another
// organ (namesOtherOrgan).
func (a *account) changesSubject(sent string, year int, agency string) bool {
	return otherYear(sent, year) || hasAny(sent, otherTopics...) || strings.Contains(sent, "主动公开") || namesOtherOrgan(sent, agency)
}

// or returns f, a count of the sentence being read, when said, else the
// account's (acc).
func (a *account) or(f, acc float64) float64 {
	if f != -1 {
		return f
	}
	return acc
}

// take adds a sentence (sent, with its stop) and the counts it read to the
// account: a count the account holds already, said again unlike, makes it
// -2 (two accounts, or the parts of one: nothing settles from it).
func (a *account) take(sent string, got, carried, out, dealt, done float64) {
	a.text += sent
	join := func(old *float64, f float64) {
		switch {
		case f == -1 || *old == -2:
		case *old == -1 || *old == f:
			*old = f
		default:
			*old = -2
		}
	}
	join(&a.got, got)
	join(&a.carried, carried)
	join(&a.out, out)
	join(&a.dealt, dealt)
	join(&a.done, done)
}

// wholeSettled reports whether w, the count handled read, stands beside c,
// a count handled passed over after a count carried in
// (errHandledAfterCarried): w stated as the year's whole in words (whole,
// errWholeHandled), more than c, more than the count received read and no
// more than it and the count carried in together. Then w holds some of
// those carried in, so it is not the new ones' alone ("上年结转2件,已办结2件;
// 本年度收到申请10件,共办结8件" may count the new ones handled, and stays
// unsure), and c, fewer, may be those carried in that were handled: the two
// do not disagree. The count received must be read once (hits), and the
// count carried in (carried, once's).
func wholeSettled(whole map[float64]bool, w, c float64, hits map[string][]gongkai.Value, carried float64) bool {
	if !whole[w] || c >= w {
		return false
	}
	figure := func(code string) float64 {
		hs := hits[code]
		if len(hs) == 0 {
			return -1
		}
		for _, h := range hs {
			if h.Number == nil || *h.Number != *hs[0].Number {
				return -1
			}
		}
		return *hs[0].Number
	}
	got := figure("apps.new")
	return got >= 0 && carried > 0 && w > got && w <= got+carried
}

// outcomeCode reports whether code is one of table 三's outcomes of the
// applications handled (予以公开 to 其他处理), not a count received, carried
// or handled in all.
func outcomeCode(code string) bool {
	return hasPrefixAny(code, "apps.granted", "apps.partial", "apps.withheld.", "apps.unavailable.", "apps.not_processed.", "apps.other")
}

// carriedListWhole returns "" when the outcomes a page lists of the
// applications carried in, named alone (listed, by measure), add up to the
// count carried in (carried, the values read of apps.carried_in): every one
// of them is then accounted for, and an outcome the list does not name is
// none of theirs. Else it returns why the list may not be whole, in the
// words of a finding.
func carriedListWhole(listed map[string]float64, carried []gongkai.Value) string {
	sum := 0.0
	for _, f := range listed {
		sum += f
	}
	k := -1.0
	for _, v := range carried {
		if v.Number == nil || k >= 0 && *v.Number != k {
			return fmt.Sprintf("所列结果共%s件，上年结转的件数正文未写明", num(sum))
		}
		k = *v.Number
	}
	switch {
	case k < 0:
		return fmt.Sprintf("所列结果共%s件，上年结转的件数正文未写明", num(sum))
	case sum != k:
		return fmt.Sprintf("所列结果共%s件，与上年结转的%s件不符（其余的办理结果未说）", num(sum), num(k))
	}
	return ""
}

// countFirstOutcome returns the outcome of table 三 that the words after a
// count of applications name, with nothing else in the clause ("予以公开",
// "部分公开", "本机关不掌握相关政府信息", "属于国家秘密不予公开"), and whether
// they name one; line is the count's line.
func countFirstOutcome(after, line string) (nkind, bool) {
	switch after {
	case "予以公开", "同意公开", "全部公开":
		return nGranted, true
	case "已公开", "已全部公开", "已予公开", "已予以公开":
		// Set against 部分公开 in the same list, 已公开 is granted in
		// whole; alone it may be information already published, whose
		// row the words do not say.
		return nGranted, strings.Contains(line, "部分公开")
	case "公开":
		// "全年共受理…申请3件,均按时答复。其中2件公开,1件…不予公开" (the
		// shape of a real 2022 district bureau's page): set against 不予公开
		// or 部分公开 in the same list, as 已公开 is, the bare word is
		// granted in whole. It was passed over with no word.
		return nGranted, hasAny(line, "部分公开", "不予公开")
	case "部分公开", "部分予以公开":
		return nPartial, true
	case "本机关不掌握相关政府信息", "本机关不掌握相关信息", "不掌握相关政府信息", "本机关不掌握该政府信息":
		return nNotHeld, true
	}
	if notHeldFirstRE.MatchString(after) {
		// "其中,1件予以公开,2件因本机关不掌握相关政府信息而无法提供" (a real
		// 2024 town's page): the reason given as the cause of 无法提供,
		// and nothing else. It was passed over with no word.
		return nNotHeld, true
	}
	// "其中N件属于国家秘密不予公开": withheld, for the one reason named
	// (outcomeUnsaid). It was passed over with no word.
	if rk, bad, said := outcomeUnsaid(after); said && bad == nil {
		return rk, true
	}
	// "其中2件予以公开,1件不予公开" (the same page's shape): withheld, with
	// no reason named. Table 三 of the 2019 and 2021 formats counts the
	// applications withheld by reason alone, so the count is said to fit
	// no row (emit's rule for nWithheld); the old regime's has its row. It
	// was passed over with no word. A reason named, or another outcome
	// word, leaves it to outcomeUnsaid and the readers before.
	if strings.HasSuffix(after, "不予公开") && !hasAny(after, "部分", "予以公开", "提供", "处理", "告知", "撤") {
		for _, r := range reasonKinds {
			if hasAny(after, r.words...) {
				return 0, false
			}
		}
		return nWithheld, true
	}
	return 0, false
}

// notHeldFirstRE finds the words after a count that give the organ's not
// holding the information as the one cause of its not being given
// ("因本机关不掌握相关政府信息而无法提供"): 等原因 (one cause among others)
// or another reason does not fit.
var notHeldFirstRE = regexp.MustCompile(`^(?:因|由于)(?:本机关|本行政机关|本单位)?不掌握(?:相关|该)?(?:政府)?信息(?:而)?(?:无法提供|不能提供|未能提供|无法公开)$`)

// noneOnApplicationRE finds a clause that says no information was given on
// application and no more ("没有依申请公开政府信息。"): whether applications
// came the words do not say.
var noneOnApplicationRE = regexp.MustCompile(`(?:^|[,;:。])[^,;:。]{0,12}?(?:没有|无|未)依申请公开(?:的)?(?:政府)?信息(?:[。;]|$)`)

// span is a part [a, b) of a folded line.
type span struct{ a, b int }

// splitNext returns the end of the sentence after the one that ends at b in
// s (a 。 at b), when that sentence opens with 其中 ("…申请10件。其中公民
// 申请8件,…"); its end is before its own stop.
func splitNext(s string, b int) (int, bool) {
	if b >= len(s) || !strings.HasPrefix(s[b:], "。") {
		return 0, false
	}
	rest := s[b+len("。"):]
	if !strings.HasPrefix(rest, "其中") {
		return 0, false
	}
	end := len(rest)
	for i, r := range rest {
		if strings.ContainsRune("。!?;！？", r) {
			end = i
			break
		}
	}
	return b + len("。") + end, true
}

// splitKeep splits s[from:to] at any rune of seps, returning the spans.
func splitKeep(s, seps string) []span {
	var out []span
	start := 0
	for i, r := range s {
		if strings.ContainsRune(seps, r) || r == '。' || r == '！' || r == '？' {
			if i > start {
				out = append(out, span{start, i})
			}
			start = i + utf8.RuneLen(r)
		}
	}
	if start < len(s) {
		out = append(out, span{start, len(s)})
	}
	return out
}

// scope is what a clause that counts speaks of, for the clauses after it:
// set when it counts for the whole area (全区) or its parts (各部门), whole
// when only for the whole area.
// area when one of the scopes named is the whole area (全县各部门).
type scope struct {
	set, whole, area bool
	// organ is set by a clause that names another organ as the subject of
	// its count ("某某局收到申请5件,予以公开3件"): the clauses after it
	// are that organ's too, until one names the reporting organ.
	organ bool
	// joint is set with organ by a clause whose subject is several organs
	// (jointSubject): the counts after it are their sum, and a zero of
	// the sum is each one's zero.
	joint bool
}

// selfRE finds the organ naming itself ("我局", "本单位"), which ends the
// scope an earlier clause set.
var selfRE = regexp.MustCompile(`[我本](?:局|委|办|厅|镇|乡|街道|单位|机关|部门|中心|馆|站|所|院|处|室)`)

// namesOwnOrgan reports whether a clause names the reporting organ by the
// tail of its name from its last level on ("区政府办公室", "区政府办" in the
// report of 示例区人民政府办公室): after a count for the whole area
// ("全区共收到…1499件,区政府办公室收到…58件") such a clause speaks of the
// organ itself again, as one naming it 我办 or 本单位 does.
func namesOwnOrgan(clause, agency string) bool {
	key := strings.ReplaceAll(labels.Normalize(agency), "人民", "")
	last := -1
	for i, r := range key {
		if strings.ContainsRune("省市区县州旗盟镇乡", r) {
			last = i
		}
	}
	if last < 0 {
		return false
	}
	tail := key[last:]
	if utf8.RuneCountInString(tail) < 4 {
		return false
	}
	c := strings.ReplaceAll(clause, "人民", "")
	if strings.Contains(c, tail) {
		return true
	}
	short, ok := strings.CutSuffix(tail, "办公室")
	return ok && strings.Contains(c, short+"办")
}

// ownTopicNames returns the ways a line may name the reporting organ when
// its name holds a word of another matter (otherTopics), each with what
// stands for it: "示例县信访局" and "信访局" after a year or a mark in a
// 信访局's report are the organ, 本机关, not a clause about petitions. "2025
// 年,示例县信访局共受理政府信息公开申请4件" (the shape of a real 2025 county
// bureau's page) was passed over with no word, as "信访件" rightly is. The
// tail alone after a level ("省信访局") is another organ and stays.
func ownTopicNames(agency string) [][2]string {
	// Normalize allocates for any name in Chinese: most names hold no
	// topic word in either script, and cost nothing.
	if !hasAny(agency, otherTopics...) && !hasAny(agency, "訪", "議", "訟", "許", "罰", "強", "訴", "舉", "諮", "熱", "來") {
		return nil
	}
	key := labels.Normalize(agency)
	at := -1
	for _, w := range otherTopics {
		if i := strings.Index(key, w); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 {
		return nil
	}
	tail := key[at:]
	names := [][2]string{{key, "本机关"}}
	if short := strings.ReplaceAll(key, "人民政府", "政府"); short != key {
		names = append(names, [2]string{short, "本机关"})
	}
	if tail == key || !hasSuffixAny(tail, "局", "办", "办公室", "委", "委员会", "中心", "室", "处") {
		return names
	}
	for _, before := range []string{",", ":", ";", "年", "度", "、"} {
		names = append(names, [2]string{before + tail, before + "本机关"})
	}
	return names
}

// partsLeadRE matches a clause that opens with the area's parts as who
// acts ("全市各级行政机关通过…专栏", "我局及下属各单位通过…"), after at most a
// year, the whole area or the organ joined to them.
var partsLeadRE = regexp.MustCompile(`^(?:[0-9]{4}年度?|本年度?|今年|全年|年内)?` +
	`(?:[我本](?:局|委|办|厅|镇|乡|街道|单位|机关|部门|中心|馆|站|所|院|处|室|区|县|市)(?:及其?|和|与|、|以及|连同))?` +
	`(?:全(?:区|县|市|省|州|盟|旗|镇|乡|系统|行业))?(?:各(?:部门|单位|乡|镇|街道|村|社区|居委会|科室|县|区|市|成员|职能|级|地|处室|股室|委办|机关|所|站|队|分局|直属|下属)|下属|所属|直属|局属|系统内)`)

// partsLead reports whether a clause with no count names the area's parts
// as the ones acting (partsLeadRE), not followed by 领导 or 的: only then
// are the counts after it theirs. Parts named anywhere else in the clause
// are an object or a circumstance of the organ's own work ("我局督促各部门
// 及时公开信息", "在各级领导的关心支持下", "通过局属网站和政务新媒体",
// "分别发布", "为方便各类主体查询"), and 1066c0c left the count after them
// blank, the organ's own, as a part of another total.
func partsLead(clause string) bool {
	m := partsLeadRE.FindString(clause)
	return m != "" && !hasPrefixAny(clause[len(m):], "领导", "的")
}

// scopeOf returns the scope the area words a clause names (scopeRE's)
// set: whole when every one is the whole area (全区), area when one is.
func scopeOf(scopes []string) scope {
	sc := scope{set: true, whole: true}
	for _, x := range scopes {
		sc.whole = sc.whole && strings.HasPrefix(x, "全")
		sc.area = sc.area || strings.HasPrefix(x, "全")
	}
	return sc
}

// bareNoneRE matches a clause that is only a word of none ("无", "没有"),
// and receivedLabelRE a clause before it that ends naming applications
// received with no count: "依申请受理信息公开申请" over ":无". Its object
// is applications for information and nothing narrower ("涉及个人隐私的信息
// 公开申请", "信息公开行政复议申请", "减免收费的信息公开申请" are a part or
// another thing); ownReceiverRE is all the words before its verb may be
// (receivedLabel).
var (
	bareNoneRE      = regexp.MustCompile(`^(?:暂无|无|没有)[。.]?$`)
	receivedLabelRE = regexp.MustCompile(`(?:收到|受理|接到|接收)的?(?:依申请)?(?:(?:政府|政务)?信息)?(?:公开)?的?申请(?:数|件数|数量|情况)?$`)
	ownReceiverRE   = regexp.MustCompile(`^(?:[0-9]{1,2}[.、]|[(][一二三四五六七八九十0-9]{1,2}[)]|[一二三四五六七八九十]、)?` +
		`(?:(?:我|本)(?:局|委|办|镇|乡|街道|区|县|市|厅|署|院|所|站|处|中心|单位|机关|部门|政府|办公室|公司)|全年|本年度?|今年|年内|[0-9]{4}年度?|年度|依申请|依法|共计?|总共|一共|已)*$`)
)

// receivedLabel reports whether the clause before a bare none names the
// applications received, all of them, as the organ's own: receivedLabelRE
// at its end, and before the verb only the organ, the year and words that
// narrow nothing (ownReceiverRE; the organ's name as given is taken out
// first). "不予受理信息公开申请:无", "通过网络受理信息公开申请:无",
// "上年度结转受理信息公开申请:无", "收到申请人撤回的信息公开申请:无" deny
// a part or another count, not the applications received; reading them as
// none received stored a 0 with no finding, whatever came in otherwise.
func receivedLabel(label, agency string) bool {
	m := receivedLabelRE.FindStringIndex(label)
	if m == nil || !hasAny(label, "信息", "依申请") {
		return false
	}
	before := label[:m[0]]
	if i := strings.LastIndexAny(before, ":;"); i >= 0 {
		before = before[i+1:]
	}
	if agency != "" {
		before = strings.ReplaceAll(before, agency, "")
	}
	return ownReceiverRE.MatchString(before)
}

// readSentence reads the clauses of one sentence of a folded line.
// passed is told of each count not read because it may be a sum over
// every year so far. A count for the whole area or its parts ("全区各职能
// 部门、镇街共完成…答复1453件") sets the scope of the clauses after it in
// the sentence ("包括上年结转…30件"), and of a next sentence that opens
// with 其中 (prev): they are not the organ's own either, unless they name
// the organ. It returns the scope at the sentence's end.
func readSentence(fl folded, sent span, ctx nctx, year int, agency string, prev scope, emit func(k nkind, zero bool, f float64, unit string, bad error, a, b int), passed func(k nkind, a, b int)) scope {
	s := fl.s
	if yearsOwnTotal(s[sent.a:sent.b], year) {
		// "2025年,某镇累计主动公开…" in a report of 2025: the year's own
		// total (offsets kept, the raw text is the page's).
		s = s[:sent.a] + yearsOwn.Replace(s[sent.a:sent.b]) + s[sent.b:]
	}
	maybe := func(sent span) countFunc {
		return func(k nkind, _ bool, _ float64, _ string, _ error) { passed(k, sent.a, sent.b) }
	}
	var clauses []span
	start := sent.a
	for i := sent.a; i < sent.b; {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == ',' || r == ':' {
			if i > start {
				clauses = append(clauses, span{start, i})
			}
			start = i + size
		}
		if (r == '比' || r == '较') && i > start && comparedYearAfter(s[:sent.b], i) {
			// "2020年共办理行政许可处理决定数量313件比2019年减少15件" (the
			// shape of a real 2020 development zone's page, last year's
			// count in the clause before): the comparison run on after a
			// count, with no comma, is a clause of its own, skipped as
			// one, as "…12件,比2022年增加3件" is. With it, the count's
			// clause named another year and was skipped, the count blank
			// with no word.
			clauses = append(clauses, span{start, i})
			start = i
		}
		if r == '(' {
			if j := comparedAfter(s[:sent.b], i); j > 0 {
				// "新收到政府信息公开申请964件(同比增长8.3%)" (the shape
				// of real 2020–2024 pages): the comparison in brackets
				// after a count is a clause of its own, skipped as one;
				// with it, the count's clause was skipped, and the count
				// blank with no word.
				clauses = append(clauses, span{start, i}, span{i + size, j})
				start = j + 1
				i = j + 1
				continue
			}
		}
		i += size
	}
	if start < sent.b {
		clauses = append(clauses, span{start, sent.b})
	}
	sc := scope{}
	if len(clauses) > 0 && strings.HasPrefix(s[clauses[0].a:clauses[0].b], "其中") {
		sc = prev
	}
	lastReview := -1.0    // the review count the sentence stated so far, for "全部维持" after it
	countedSince := false // a clause after that review count states a count of its own
	noneReview := false   // the clause before said there was no review
	for _, c := range clauses {
		clause := s[c.a:c.b]
		// Most clauses state no count and no "none": two byte scans
		// spare them the rules.
		counts, nones := strings.ContainsAny(clause, narrativeUnits), strings.ContainsAny(clause, narrativeNones) || strings.Contains(clause, "为零") || zeroProceeding(clause) || strings.Contains(clause, "暂免收费")
		countedSince = countedSince || counts
		if strings.Contains(clause, "申请") && strings.ContainsAny(clause, "0123456789") {
			// "本年度共收到依申请公开事项0三是…" (a real 2024 county
			// bureau's page, its unit and stop lost): where the
			// number ends cannot be told; said to be left out.
			if m := unitlessRE.FindStringSubmatch(clause); m != nil {
				if skip, _ := clauseSkipped(clause, year, agency); !skip && !sc.set && !otherYearBefore(s[sent.a:c.a], year) {
					f, _ := strconv.ParseFloat(m[1]+m[2], 64) // one of the two forms matched
					emit(nReceived, false, f, "", errNoUnit, sent.a, sent.b)
				}
			}
		}
		if c.a > sent.a && bareNoneRE.MatchString(clause) {
			// "我局2008年度依申请受理信息公开申请:无。" (a real 2008
			// forestry bureau's page): the applications for information
			// received, named before the colon, and none of them after
			// it. Before, the bare 无 held no word of what it denied and
			// the count was blank with no finding.
			if prev := lastClause(strings.TrimRight(s[sent.a:c.a], ":")); receivedLabelRE.MatchString(prev) && hasAny(prev, "信息", "依申请") {
				// After 其中 the label names a part of a count before it.
				if skip, _ := clauseSkipped(prev, year, agency); !skip && !sc.set && receivedLabel(prev, agency) && !strings.Contains(s[sent.a:c.a], "其中") {
					emit(nReceived, true, 0, "", nil, sent.a, sent.b)
				}
				continue
			}
		}
		if noneReview && suitTailRE.MatchString(clause) {
			// "无因政府信息产生行政复议,提起行政诉讼情况发生" (a real 2024
			// county bureau's page): the suit after the review the clause
			// before said none of, with no word of its own that could
			// assert one (its 起 is no unit).
			emit(nLitigation, true, 0, "", nil, sent.a, sent.b)
			noneReview = false
			continue
		}
		if lastReview > 0 && strings.Contains(clause, "审") && allPending(clause, lastReview) {
			// "发生1起…行政复议案件,该案件至本报告发布之时尚未审结" (the
			// shape of a real 2022 district police bureau's page): the
			// review counted before is still pending.
			emit(nReviewPending, false, lastReview, "", nil, sent.a, sent.b)
			continue
		}
		if !counts && !nones {
			if lastReview >= 0 && allUpheld(clause) {
				if countedSince && lastReview > 0 {
					// "被申请行政复议5件,已审结3件,均予以维持", "…5件,结转下
					// 年度2件,均予以维持" (review s28): every one upheld of
					// those the clause before counts (concluded), not of the
					// five; 5 was stored as upheld, beside 2 pending.
					emit(nReviewUpheld, false, lastReview, "", errUpheldOfPart, sent.a, sent.b)
				} else {
					// "被行政复议9件,全部维持": every review upheld.
					emit(nReviewUpheld, lastReview == 0, lastReview, "", nil, sent.a, sent.b)
				}
			}
			// "2025年,全市各级行政机关通过政府信息公开专栏,主动公开政府
			// 信息5729条" (a real 2025 city government's page): the area
			// named in a clause with no count is the scope of the counts
			// after it, as areaScope has it for the other reader. Before,
			// the scope was set by counting clauses only, and 5729 was
			// stored as the government's own. Only the area's parts
			// (各级, 各部门) set it: the whole area alone ("2024年全镇依法
			// 规范办理政府信息公开申请,共收到申请4件", a real 2024 town's
			// page) is the organ's own as it was read before. The organ
			// named in a clause with no count does not end the area's
			// scope: it is often how the area's counts came about ("全区
			// 各部门共受理…申请100件,经我办督促,结转下年度5件", "…,在我局
			// 指导下,办结95件"), and 1066c0c's reset here stored those as
			// the organ's own with no finding.
			if scopes := scopeRE.FindAllString(clause, -1); len(scopes) > 0 && partsLead(clause) {
				if x := scopeOf(scopes); !x.whole {
					sc = x
				}
			}
			continue
		}
		before := s[sent.a:c.a] // the sentence up to this clause
		ctx.clauseAt, ctx.sentEnd = c.a, sent.b
		if f, ok := yearsPart(clause, before, year); ok {
			// "我局历年累计主动公开信息210条,其中2018年度55条" (a real
			// 2018 county bureau's page): the report's year's part of a
			// count over every year is the year's count.
			emit(nProactive, f == 0, f, "", nil, sent.a, sent.b)
			continue
		}
		// The year a clause speaks of may be named before it in the
		// sentence: "2020年，我局收到申请12件".
		skip, whole := clauseSkipped(clause, year, agency)
		if !skip && (counts || nones) && partYearLead(before) {
			// "2022年1-6月,我局收到申请5件,办结5件", "自2022年7月以来,我局未
			// 收到…" (found by probing the shape of a real 2018 county
			// bureau's page, "2018年1月至今,通过门户网站主动公开信息256条",
			// which from January on is the year's): the months set off
			// before the count are its time, as they are in its own
			// clause, which partOfYear passes over. Each count, and each
			// none, was stored as the year's with no word.
			if counts {
				readCounts(clause, before, ctx, func(k nkind, _ bool, f float64, _ string, _ error) {
					emit(k, false, f, "", errPartYear, sent.a, sent.b)
				})
			}
			if nones && !labelOfCount(s, c, sent) {
				readZeros(clause, ctx, func(k nkind, _ error) { emit(k, false, 0, "", errPartYear, sent.a, sent.b) })
			}
			continue
		}
		if selfRE.MatchString(clause) || sc.set && namesOwnOrgan(clause, agency) {
			sc = scope{}
		}
		inherited := sc.set
		// The area and its parts named together ("全县各级各部门"), in this
		// clause or inherited: not the whole area's zero, but a count of
		// the area all the same, said to be left out.
		areaParts := false
		if skip && !whole && counts {
			areaParts = areaPartsClause(clause, year, agency)
		}
		if counts {
			if scopes := scopeRE.FindAllString(clause, -1); len(scopes) > 0 {
				sc = scopeOf(scopes)
			}
		}
		if counts && !inherited && jointSubject(clause) && !otherYearBefore(before, year) {
			// "2025年市政府本级、政府办办理政府信息公开申请61件,办结54件,
			// 结转下一年办理7件,行政复议7件" (a real 2025 city government
			// office's page): the counts of several organs together, the
			// reporting one among them or not; the clauses after it in
			// the sentence are the same sum. Before, each count was
			// stored as the office's own.
			sc = scope{set: true, organ: true, joint: true}
			readJoint(clause, before, ctx, nones, func(k nkind, zero bool, f float64, unit string, bad error) {
				emit(k, zero, f, unit, bad, sent.a, sent.b)
			})
			continue
		}
		if inherited && !skip && sc.organ {
			if !otherYearBefore(before, year) && sc.joint {
				readJoint(clause, before, ctx, nones, func(k nkind, zero bool, f float64, unit string, bad error) {
					emit(k, zero, f, unit, bad, sent.a, sent.b)
				})
			} else if !otherYearBefore(before, year) {
				readCounts(clause, before, ctx, func(k nkind, _ bool, f float64, _ string, _ error) {
					emit(k, false, f, "", errOtherOrgan, sent.a, sent.b)
				})
				if nones {
					readZeros(clause, ctx, func(k nkind, _ error) { emit(k, false, 0, "", errOtherOrgan, sent.a, sent.b) })
				}
			}
			continue
		}
		if inherited && !skip {
			areaParts = counts && !sc.whole && sc.area
			if counts {
				// A proactive count in such a clause is a part of the
				// area's whole: said to be left out, as wholeIsOwn's.
				readCounts(clause, before, ctx, func(k nkind, _ bool, f float64, _ string, _ error) {
					if k == nProactive {
						emit(k, false, f, "", errPartOf, sent.a, sent.b)
					}
				})
			}
			skip, whole = true, sc.whole
		}
		if otherYearBefore(before, year) && !ownYearLead(clause, before, year) {
			if counts && ownYearFirst(before, year) {
				// "2024年共收到申请12件,其中2023年提出的2件,办结12件": the
				// clause after the other year's may be either year's.
				// Blank, and said to be (before: no word).
				readCounts(clause, before, ctx, func(k nkind, _ bool, f float64, _ string, _ error) {
					emit(k, false, f, "", errOtherYearBefore, sent.a, sent.b)
				})
			}
			continue
		}
		// A count that may be a sum over every year so far ("截至2021年底
		// 共主动公开…700条", "累计…") is not read, and said to be left
		// out; a zero so far is a zero this year too.
		allYears := counts && (mayBeAllYears(clause, s[sent.a:c.b]) || ctx.semiSoFar)
		if skip && !whole {
			switch {
			case allYears:
				readCounts(clause, before, ctx, maybe(sent))
			case !inherited && partYearOnly(clause, year, agency):
				// "2022年1月至今共收到申请5件", "2022年1-6月收到申请5件":
				// months of the year in the count's own clause, and
				// nothing else to pass it over for. Blank, and said to be,
				// as when the months are set off before it (before: no
				// word; from January on was read as the year's, 8e3caf7).
				if counts {
					readCounts(clause, before, ctx, func(k nkind, _ bool, f float64, _ string, _ error) {
						emit(k, false, f, "", errPartYear, sent.a, sent.b)
					})
				}
				if nones && !labelOfCount(s, c, sent) {
					readZeros(clause, ctx, func(k nkind, _ error) { emit(k, false, 0, "", errPartYear, sent.a, sent.b) })
				}
			case !inherited && otherOrganOnly(clause, year, agency):
				if !sc.set {
					sc = scope{set: true, organ: true}
				}
				// "2023年某某市卫生健康局全年新收到…申请2件" in the report of
				// an organ not so named: another organ's count, or the
				// organ's own under a name the reader cannot match (a
				// short form); left blank, and said to be (before: no word).
				readCounts(clause, before, ctx, func(k nkind, _ bool, f float64, _ string, _ error) {
					emit(k, false, f, "", errOtherOrgan, sent.a, sent.b)
				})
				if nones {
					readZeros(clause, ctx, func(k nkind, _ error) { emit(k, false, 0, "", errOtherOrgan, sent.a, sent.b) })
				}
			case areaParts || counts && partsScope(clause, inherited, year, agency):
				// "全县各部门…" (areaParts), and a count of the area's
				// organs or parts with no 全 ("各级行政机关累计办理…申请
				// N件，结转下年度继续办理M件", a real 2022 province's
				// summary: the second clause inherits 各级): not this
				// organ's, said to be left out (before, the second was
				// passed over with no word).
				readCounts(clause, before, ctx, func(k nkind, zero bool, f float64, _ string, _ error) {
					if !zero {
						emit(k, false, f, "", errWholeArea, sent.a, sent.b)
					}
				})
			}
			continue
		}
		// "全乡未发生行政复议": none in the whole area is none here too; a
		// count for the whole area is not this organ's.
		noneReview = false
		if nones && !labelOfCount(s, c, sent) {
			readZeros(clause, ctx, func(k nkind, bad error) {
				if bad != nil {
					emit(k, true, 0, "", bad, sent.a, sent.b)
					return
				}
				noneReview = noneReview || k == nReview
				emit(k, true, 0, "", nil, sent.a, sent.b)
			})
			if !skip && noLettersRE.MatchString(clause) && !tokenRE.MatchString(clause) {
				// "2023 年,全年未收到依申请公开来信" (a real 2023 street
				// office's page): no application came by letter; whether
				// any came another way the words do not say (zeroRules
				// shun 来信, and the count was blank with no word).
				emit(nReceived, false, 0, "", errOneWay, sent.a, sent.b)
			}
		}
		if skip || !counts {
			switch {
			case skip && allYears:
				readCounts(clause, before, ctx, maybe(sent))
				if f, ok := publishedSoFar(clause, ctx); ok {
					emit(nProactive, false, f, "", errReleasedSoFar, sent.a, sent.b)
				}
			case skip && counts:
				// A count for the whole area: not the organ's (it may
				// sum every organ of the area), and said to be left
				// out; its zero is the organ's too.
				// A clause that names no area and inherits none was
				// passed over for its date alone ("全年共收到…申请12件,截至
				// 12月底已答复12件", the sentence naming the year's span so
				// that sinceDate does not take it): a count up to a date,
				// not the whole area's, which its warning said.
				why := errWholeArea
				if levelOnly(clause) {
					why = errLevel
				} else if !inherited && !scopeRE.MatchString(clause) {
					why = errUpToDate
				}
				readCounts(clause, before, ctx, func(k nkind, zero bool, f float64, unit string, bad error) {
					if zero {
						emit(k, true, 0, unit, nil, sent.a, sent.b)
						return
					}
					emit(k, false, f, "", why, sent.a, sent.b)
				})
			}
			continue
		}
		if allYears {
			readCounts(clause, before, ctx, maybe(sent))
			continue
		}
		readCounts(clause, before, ctx, func(k nkind, zero bool, f float64, unit string, bad error) {
			if k == nReview && bad == nil {
				lastReview, countedSince = f, false
			}
			if k == nHandled && !zero && bad == nil && hasAny(clause, handledWholeWords...) && len(tokenRE.FindAllStringIndex(clause, 2)) == 1 {
				// "全年共办结12件": the year's whole in words, told apart
				// from a count handled passed over after a count carried
				// in, which it does not contradict (errWholeHandled).
				bad = errWholeHandled
			}
			emit(k, zero, f, unit, bad, sent.a, sent.b)
		})
	}
	return sc
}

// errWholeHandled marks, between readSentence and its caller, a count
// handled read in its clause alone with words that make it the year's whole
// (handledWholeWords: "全年共办结12件"). It is no fault: the caller reads the
// count as if bad were nil, and a count passed over after a count carried in
// (errHandledAfterCarried), fewer than it, does not disagree with it: "上年结转
// 2件,已办结2件,全年共办结12件" may say the 2 carried in were handled, and the
// year's 12. The two were said to disagree, and 12 left blank.
var errWholeHandled = errors.New("handled, the year's whole in words")

// comparedWords are the words of a comparison with another year or a share.
var comparedWords = []string{"同比", "环比", "较上", "较去", "比上年", "比上一年", "比去年", "上年同期", "%", "百分之"}

// comparedAfter returns where the bracket opened at s[i] closes when it
// follows a count right after its unit ("964件(") and holds a comparison
// (comparedWords) and no bracket of its own, and is not a list of parts
// (a comma, 其中, 含), or 0.
// comparedYearAfter reports whether the 比 or 较 at byte i of s, right after
// a count and its unit ("313件比2019年减少15件"), compares with a year named
// in digits or last year's ("比上年", "较去年").
func comparedYearAfter(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	if !strings.ContainsRune(narrativeUnits, r) {
		return false
	}
	before := strings.TrimSuffix(s[:i], string(r))
	if d, _ := utf8.DecodeLastRuneInString(before); d < '0' || d > '9' {
		return false
	}
	return comparedYearRE.MatchString(s[i:])
}

// ownYearLead reports whether a clause opens on the report's year, as a new
// statement of it after a complete count of another year's ("2019年行政许可
// 处理决定数量328件, 2020年共办理行政许可处理决定数量313件", the shape of a
// real 2020 development zone's page): the year set before does not reach
// past it. Only when the other year's clause states a count of its own, of
// no applications whose handling goes on ("2019年提出的申请3件", "2019年受理
// 的申请中", "2019年底未办结的2件": the year's clause after them counts last
// year's applications handled now, not the year's total), and the year's
// clause is no count handled (办结, 答复). A clause after 其中 is a part of a
// count ("其中2024年提出的10件"), left as it was.
func ownYearLead(clause, before string, year int) bool {
	y := strconv.Itoa(year)
	c := strings.TrimLeft(clause, " ")
	if !strings.HasPrefix(c, y) || !namedYear(c, 0, len(y)) || strings.Contains(before, "其中") ||
		hasAny(c, "办结", "答复", "回复", "完毕", "结转", "转结") {
		return false
	}
	// The year as a whole (2020年, 2020年度, 2020年全年), never a part of it
	// or years together: "2020年12月收到申请5件", "2020年两年共收到申请22件"
	// (review's probes of round 30).
	rest := strings.TrimPrefix(strings.TrimPrefix(c[len(y):], "年"), "度")
	if r, _ := utf8.DecodeRuneInString(rest); r >= '0' && r <= '9' || strings.Contains(c, "月") ||
		hasAny(c, "两年", "二年", "三年", "多年", "近年", "累计", "以来", "截至", "截止", "上半年", "下半年", "季度") {
		return false
	}
	parts := strings.FieldsFunc(before, func(r rune) bool { return r == ',' || r == ':' || r == '。' || r == ';' })
	for i := len(parts) - 1; i >= 0; i-- {
		p := parts[i]
		if !otherYear(p, year) {
			continue
		}
		return countedRE.MatchString(p) && !hasAny(p, "申请中", "提出", "未办结", "未答复", "结转", "转结", "受理的", "办结", "答复")
	}
	return false
}

// countedRE finds a count with its unit.
var countedRE = regexp.MustCompile(`[0-9]+(?:件|条|项|个|次|起|宗)`)

// comparedYearRE finds a comparison with another year at a clause's start.
var comparedYearRE = regexp.MustCompile(`^(?:比|较)(?:[0-9]{4}年度?|上一?年度?|去年)(?:同期)?(?:增加|减少|增长|下降|上升|多|少|持平)`)

func comparedAfter(s string, i int) int {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	if !strings.ContainsRune(narrativeUnits, r) {
		return 0
	}
	j := strings.IndexAny(s[i+1:], "()")
	if j < 0 || s[i+1+j] != ')' || !hasAny(s[i+1:i+1+j], comparedWords...) {
		return 0
	}
	// A bracket of parts ("(其中网上申请8件,占80%)") is read as before.
	if strings.ContainsAny(s[i+1:i+1+j], ",;:") || hasAny(s[i+1:i+1+j], "其中", "含", "包括") {
		return 0
	}
	return i + 1 + j
}

// onTimeRE finds the words of handling in time in other words: "法定期限内予以
// 答复306件" (a real 2021 municipal government's page, after 308 received
// and 1 carried in) is those answered in time, as 按时答复 is.
var onTimeRE = regexp.MustCompile(`^(?:在|于)?(?:法定|规定)(?:期限|时限|时间)内(?:依法)?(?:予以|进行|作出)?`)

// onTime returns seg with onTimeRE's words said as 按时; seg itself, with no
// work, when it names no term.
func onTime(seg string) string {
	if !strings.Contains(seg, "法定") && !strings.Contains(seg, "规定") {
		return seg
	}
	return onTimeRE.ReplaceAllString(seg, "按时")
}

// suitTailRE finds a clause that only names a suit, as the rest of a
// statement of none the clause before it began about a review ("无…行政复议,
// 提起行政诉讼情况发生"): no count, no word of its own that a suit was brought.
var suitTailRE = regexp.MustCompile(`^(?:或|和|及|与|、)?(?:被)?(?:提起|引起|引发|发生)?行政诉讼(?:的)?(?:情况|案件|事项|情形)?(?:发生)?[。.]?$`)

// pendingRE finds a clause that says every review counted before it is still
// pending: "该案件至本报告发布之时尚未审结" (the one case), "均尚未审结".
var pendingRE = regexp.MustCompile(`^(?:(该(?:复议)?案件?|该(?:行政)?复议)|均|全部|上述(?:复议)?案件均?)[^0-9,;:]{0,20}?(?:尚未审结|未审结|正在审理|仍在审理|审理中)[。.]?$`)

// allPending reports whether a clause says that the n reviews counted
// before it are all still pending; "该案件" (that case) says so of one only.
func allPending(clause string, n float64) bool {
	m := pendingRE.FindStringSubmatch(clause)
	return m != nil && (m[1] == "" || n == 1)
}

// allUpheld reports whether a clause says only that every review was
// upheld ("全部维持", "均予以维持"), after the count of reviews.
func allUpheld(clause string) bool {
	switch strings.Trim(clause, "。 ") {
	// "行政复议N件,均维持结果" (the shape of a real 2023 municipal bureau's page): the
	// result named after the verb. It was passed over with no word.
	case "全部维持", "均维持", "均予维持", "均予以维持", "全部予以维持", "均被维持", "全部被维持", "结果均为维持", "结果全部维持",
		"均维持结果", "全部维持结果", "均为维持", "全部为维持", "结果均维持", "均为维持结果":
		return true
	}
	return false
}

// carriedInsideRE finds a count of applications received followed by those
// carried in from the year before stated as a part of it: after 其中 in the
// same sentence or at the start of the next ("新收…10件,其中上年度结转2件",
// "收到…10件。其中上年度结转2件"), or after 含, 包括 ("…10件(含上年度结转2件)").
// Whether the 10 holds the 2 (then 8 were new) or the 其中 is loose the words
// do not settle; apps.new 10 was stored beside carried_in 2, with no finding.
// A 其中 closed by a bracket before the carry ("30件(其中:网上申请28件,邮寄
// 2件),上年度结转0件") holds only what is in the bracket, and none carried in
// leaves the count received the count new whatever the 其中 meant. 去年,
// 往年 and 前一年 say the year before as 上年 does ("收到申请N件,其中去年结转
// K件", probes of round 24: N was stored as new).
var carriedInsideRE = regexp.MustCompile(`(?:收到|受理|接收|接到|接受|新收|共收|收)[^。;]*?(?:[0-9]+|[零〇一二两三四五六七八九十百]+)(?:件|个|条|份|次|宗|项)` +
	`(?:[^。;]*?(?:其中|[^不](?:含|包括|包含))|含|包括|包含|[^。;]*?[。;]其中)[^。;)]*?(?:上一?年度?|去年|往年|前一?年度?)(?:结转|转结)` +
	`[^0-9。;,零〇一二两三四五六七八九十]{0,20}(?:[1-9]|[一二两三四五六七八九十])`)

// carriedUnsaidRE finds a count of applications received said to hold those
// carried in, their number unsaid: "共收到申请N件(含上年结转)", "…N件,包括上年
// 结转的申请". The count newly received is then not known; N was stored as
// the year's new, with no word.
var carriedUnsaidRE = regexp.MustCompile(`(?:收到|受理|接收|接到|接受|新收|共收|收)[^。;]*?(?:[0-9]+|[零〇一二两三四五六七八九十百]+)(?:件|个|条|份|次|宗|项)[(,]?(?:含|包括|包含)(?:了)?上一?年度?(?:结转|转结)(?:的|申请|在内|政府信息公开申请)*(?:[),。;]|$)`)

// newInsideRE finds a count of applications received followed in its
// sentence by a count of those newly received: "共受理依申请公开事项N件,结转
// 上年后新收到依申请公开事项M件" (the shape of a real 2024 district's page),
// "共受理申请N件,其中新收到M件". Where M is another number, N holds more than
// the new ones (those carried in): N was stored as the year's new, and M as
// the carried in, with no word.
// The next sentence may give M when it opens with 其中 ("共受理申请N件。其中新
// 收到M件"): N was stored as the year's new.
var newInsideRE = regexp.MustCompile(`(?:收到|受理|接收|接到|接受|共收)[^。;]*?([0-9]+)(?:件|个|条|份|次|宗|项)((?:[^。;]|[。;]其中)*?)(?:新收到?|新受理|新接收)([^。;,0-9]{0,20}?)([0-9]+)(?:件|个|条|份|次|宗|项)`)

// newLeadRE and newNounRE are what may stand between a count received N and
// the count of the new ones M for M to be the year's whole count new: after N
// only a comma or a stop, 其中, and the words of the carry before ("结转上年
// 后") or of the year; between the verb and M the noun of applications alone.
// "其中新收到网上申请M件" is one way's.
var (
	newLeadRE = regexp.MustCompile(`^[,。;]?(?:其中)?[,:]?(?:结转上一?年度?(?:的申请)?后|除上一?年度?结转(?:的申请)?外)?[,]?(?:本年度?|今年|当年)?$`)
	newNounRE = regexp.MustCompile(`^的?(?:政府信息公开|信息公开|依申请公开|公开)?的?(?:申请)?(?:事项)?(?:数量?)?(?:共计?|合计)?(?:为)?$`)
)

// newCount is a count received N that its sentence follows with the count
// of the new ones M (newInsideRE), at [a, b) of the folded line.
type newCount struct {
	a, b int
	n, m float64
	read bool // M is the year's whole count new (newLeadRE, newNounRE, M < N)
}

// newInside returns the spans of s where newInsideRE finds a count received
// followed by another count of the new ones.
func newInside(s string) []newCount {
	var out []newCount
	for _, m := range newInsideRE.FindAllStringSubmatchIndex(s, -1) {
		if s[m[2]:m[3]] == s[m[8]:m[9]] {
			continue
		}
		n, _ := strconv.ParseFloat(s[m[2]:m[3]], 64)
		f, _ := strconv.ParseFloat(s[m[8]:m[9]], 64)
		out = append(out, newCount{a: m[0], b: m[1], n: n, m: f,
			read: f < n && newLeadRE.MatchString(s[m[4]:m[5]]) && newNounRE.MatchString(s[m[6]:m[7]])})
	}
	return out
}

// newSpans returns the spans of counts.
func newSpans(counts []newCount) [][]int {
	out := make([][]int, len(counts))
	for i, c := range counts {
		out[i] = []int{c.a, c.b}
	}
	return out
}

// errNewInside is the bad of a count of applications received that its
// sentence follows with another count, of those newly received (newInsideRE):
// the first may hold those carried in.
var errNewInside = errors.New("received, the new ones counted apart")

// carriedInside reports whether the sentence a..b holds a count received that
// carriedInsideRE found holding those carried in.
func carriedInside(inside [][]int, a, b int) bool {
	for _, m := range inside {
		if m[0] < b && a < m[1] {
			return true
		}
	}
	return false
}

// carriedPlusNewRE finds the words of a count of the applications carried in
// and the new ones together: "上年结转及新收申请共", "本年新收和上年结转的申请".
var carriedPlusNewRE = regexp.MustCompile(`(?:上一?年度?(?:结转|转结)|结转上一?年度?)(?:的)?(?:申请)?(?:和|及|与|、|以及|加)(?:本年度?|今年)?(?:新收|新受理|新接收|收到|受理)|(?:新收|新受理|新接收)(?:到)?(?:的)?(?:申请)?(?:和|及|与|、|以及|加)(?:上一?年度?(?:结转|转结)|结转上一?年度?)`)

// carriedHandledRE finds the words of a count of the applications carried
// in that were handled ("上年结转申请已办结", "上年结转的已答复").
var carriedHandledRE = regexp.MustCompile(`(?:上一?年度?(?:结转|转结)|结转上一?年度?)[^,;:]{0,12}?(?:已办结|已答复|已回复|已公开|予以公开|办理完毕)`)

// carriedHandledAfterRE finds, right after a count said of those carried in,
// that the count was handled ("其中上年结转的2件已答复", "上年结转的2件已于1月答复"):
// those of the carried in that were answered, not the count carried in. A
// word of all (均, 全部, 都) before the handled word says every one was:
// the count stays the count carried in.
var carriedHandledAfterRE = regexp.MustCompile(`^(?:申请|事项)?(?:已经?|业已)(?:于[^,;:。]{1,12}?)?(?:按时|依法|按期|及时|在法定期限内)?(?:办结|答复|回复|公开|予以公开|予以答复|作出答复|书面答复|办理完毕|处理完毕|完成答复)`)

// earlierCarriedRE finds the words of a count carried in from the years
// before, not the year before alone: "往年结转", "以往年度结转", "历年结转",
// "以前年度遗留".
var earlierCarriedRE = regexp.MustCompile(`(?:往年|往年度|以往|以往年度|历年|以前年度|前几年|前些年|前两年|往期)(?:的)?(?:结转|转结|遗留)`)

// errEarlierYears is the bad of a count carried in from the years before
// (earlierCarriedRE): it may hold more than the year before's carry.
var errEarlierYears = errors.New("carried in from the years before")

// errCarriedHandled is the bad of a count of those carried in that were
// handled (carriedHandledRE): not the count carried in.
var errCarriedHandled = errors.New("carried in and handled")

// errHandledAfterCarried is the bad of a count handled said right after a
// count carried in, with no word that makes it the year's whole (共, 合计,
// 全年 …): "收到申请10件,上年结转2件,已办结2件" may say the 2 carried in were
// handled, the new ones' handled count unsaid, or every one handled. It was
// stored as the year's handled total (session 35 fixed only 办理完成).
// readNarrativeUntil reads it all the same where the sentence's counts
// settle it (handledSettled).
var errHandledAfterCarried = errors.New("handled, after a count carried in")

// errHandledAfterNew is errHandledAfterCarried of a count handled right
// after the count received, a count carried in said before both in the
// sentence ("上年结转2件,本年度收到申请10件,已办结2件") or after it ("本年度收到
// 申请10件,已办结10件,上年结转2件"): the new ones' handled count alone, or
// every one's. It is read where the sentence's counts
// settle it, as errHandledAfterCarried is.
var errHandledAfterNew = fmt.Errorf("%w: after the count received, one carried in before it", errHandledAfterCarried)

// errHandledAfterNewApart is errHandledAfterNew of a count handled that
// opens its sentence, the count received and the count carried in said in
// the sentences of its paragraph before it (account): "上年结转2件,本年度收到
// 申请10件。已办结2件。" Its word said "同一句" (the same sentence) of them.
var errHandledAfterNewApart = fmt.Errorf("%w, in the sentences before", errHandledAfterNew)

// handledVerbRE finds the words of a count handled standing alone in their
// clause, every verb of the family: "已办结", "均已答复", "已处理完毕",
// "办理完成", "已回复", "答复完毕", the applications' noun after the verb
// or not. A bare 办理 or 处理 (group 1) may be the count received as well.
// Session 37 found more of the family stored as the year's total after a
// count carried in ("上年结转2件,…"): a time before the verb ("现已办结",
// "年底前已办结"), 已经全部, the term ("在法定期限内答复", which onTime reads as
// 按时 only after this), 已予答复, and 的 or 申请人 after it ("已办结的2件",
// "已答复申请人2件").
var handledVerbRE = regexp.MustCompile(`^(?:本年度?|全年|年内|今年)?(?:共|共计|合计|总计|累计)?(?:现|目前|年底前|年末前)?(?:已经|已|均已|都已|已全部|已经全部|均已全部|全部|均|业已)?(?:依法|按时|按期|及时|(?:在|于)?(?:法定|规定)(?:期限|时限)内(?:依法)?)?(?:(办理|处理)|办结|答复|回复|完成办结|完毕办结|办理完成|办理完毕|处理完毕|处理完成|完成办理|完成答复|答复完毕|办结完毕|回复完毕|办结答复|作出答复|予以答复|予答复|予以回复|办复)(?:了)?` + appsNounAfter + `(?:的|申请人)?$`)

// handledWholeWords make a count handled the year's whole even after a
// count carried in: "上年结转2件,共办结12件", "本年度办结12件".
var handledWholeWords = []string{"共", "合计", "总计", "全年", "本年", "今年", "年内", "年度"}

// handledAfterCarried reports whether a count handled, its words seg (in the
// family of handledVerbRE), comes right after a count carried in that is not
// none: the last count before it in its sentence (upTo, the sentence up to
// the count), or, when it is the first of its sentence, the last of the
// sentence before on the line (prev) when nothing follows that count there.
// Only then may it be the count of those carried in that were handled.
// It returns the verb's group 1 (办理, 处理) when the verb is bare.
// It comes after the count carried in too (afterNew) when the count before
// it in its sentence is a count received and a count carried in, not none,
// stands before that or after it (rest, the sentence after the count):
// "上年结转2件,本年度收到申请10件,已办结2件" may count the new ones handled
// alone.
func handledAfterCarried(seg, upTo, prev, rest string) (bare string, ok bool, afterNew bool) {
	v := strings.Trim(seg, "、,;: ")
	m := handledVerbRE.FindStringSubmatch(v)
	if m == nil || hasAny(v, handledWholeWords...) {
		return "", false, false
	}
	s := upTo
	ms := tokenRE.FindAllStringSubmatchIndex(s, -1)
	opens := len(ms) == 0 // it opens its sentence: the count before is the sentence before's
	if opens {
		s = strings.TrimRight(prev, "。.;!? ")
		ms = tokenRE.FindAllStringSubmatchIndex(s, -1)
		if len(ms) == 0 || ms[len(ms)-1][1] != len(s) || hasAny(s, otherTopics...) {
			// No count closing it, or one of a review, a suit or
			// another matter ("行政复议上年结转1件。已办结1件。").
			return "", false, false
		}
	}
	carriedAt := func(i int) bool {
		from := 0
		if i > 0 {
			from = ms[i-1][1]
		}
		words := s[from:ms[i][0]]
		if j := strings.LastIndexAny(words, ",;:。"); j >= 0 {
			words = words[j+1:]
		}
		if num := s[ms[i][2]:ms[i][3]]; strings.Trim(num, "0,零〇") == "" {
			return false // none carried in: no count of theirs to be
		}
		return carriedInRE.MatchString(words) && !hasAny(words, "无", "没有", "下年", "下一年") && !carriedHandledRE.MatchString(words)
	}
	last := len(ms) - 1
	if carriedAt(last) {
		return m[1], true, false
	}
	// "上年结转2件,本年度收到申请10件,已办结2件" (left from session 36): right
	// after the count received, a count carried in said before it in the
	// sentence, the count handled may be the new ones' alone as much as
	// everything's; 2 was stored as the year's handled total. So after the
	// count received's parts ("…10件,其中网上申请8件,信函申请2件,已办结2件",
	// "…10件(其中网上申请8件),已办结2件"), found in session 37.
	wordsAt := func(i int) string {
		from := 0
		if i > 0 {
			from = ms[i-1][1]
		}
		words := s[from:ms[i][0]]
		if j := strings.LastIndexAny(words, ",;:。"); j >= 0 {
			words = words[j+1:]
		}
		return words
	}
	recv := last
	for recv >= 0 && receivedPart(wordsAt(recv)) {
		recv--
	}
	if recv < 0 {
		return "", false, false
	}
	if words := wordsAt(recv); !receivedWordsRE.MatchString(words) || hasAny(words, "办结", "答复", "回复", "办理", "处理", "结转", "转结", "其中", "含", "包括") {
		return "", false, false
	}
	for i := range recv {
		if carriedAt(i) {
			return m[1], true, true
		}
	}
	// "本年度收到申请10件,已办结10件,上年结转2件": the count carried in
	// said after it in the sentence (rest) leaves it as unsure.
	if carriedCounted(rest) {
		return m[1], true, true
	}
	// "上年结转2件。本年度收到申请10件,已办结10件。" (found in session 38):
	// the count carried in said in a sentence before, of the same account
	// (prev, when the count received is in this one), as much as in this
	// one; the 10 was stored as the year's handled total with no word.
	// Not when the sentences before count those carried in that were
	// handled themselves ("上年结转2件,已办结2件;本年度收到申请10件,已办结8件"):
	// the two counts handled then disagree, as they are said to.
	if len(ms) > 0 && s == upTo && carriedCounted(prev) && !hasAny(prev, "办结", "答复", "回复", "办理", "处理") {
		return m[1], true, true
	}
	return "", false, false
}

// otherMatters are the words of a count of what is not an application for
// information, that a count handled after it may be of (handledAfterOther).
var otherMatters = append([]string{"信件", "诉求", "来电", "来访", "意见"}, otherTopics...)

// errHandledAfterOther is the bad of a count handled said right after a
// count of other matters (otherMatters): "收到信件11件,已办结11件".
var errHandledAfterOther = errors.New("handled, after a count of other matters")

// handledAfterOther reports whether a count handled, its words seg (in the
// family of handledVerbRE, no word of the year's whole), comes right after
// a count of other matters (otherMatters): the last count before it in its
// sentence (upTo), or, when it is the first of its sentence, the last count
// of the sentence before (prev) that closes it. A count of an application
// for review, a suit or a petition ("收到行政复议申请1件") is another matter's
// before a count handled that opens its sentence, or in its own sentence
// when ownSentence (the old regime's reader, which has no rules of reviews).
func handledAfterOther(seg, upTo, prev string, ownSentence bool) bool {
	v := strings.Trim(seg, "、,;: ")
	if handledVerbRE.FindStringSubmatch(v) == nil || hasAny(v, handledWholeWords...) || strings.Contains(v, "申请") {
		return false
	}
	s := upTo
	ms := tokenRE.FindAllStringSubmatchIndex(s, -1)
	opens := len(ms) == 0 // it opens its sentence: the count before is the sentence before's
	if opens {
		s = strings.TrimRight(prev, "。.;!? ")
		ms = tokenRE.FindAllStringSubmatchIndex(s, -1)
		if len(ms) == 0 || ms[len(ms)-1][1] != len(s) {
			return false
		}
	}
	last := ms[len(ms)-1]
	from := 0
	if len(ms) > 1 {
		from = ms[len(ms)-2][1]
	}
	words := s[from:last[0]]
	if j := strings.LastIndexAny(words, ",;:。"); j >= 0 {
		words = words[j+1:]
	}
	if strings.Trim(s[last[2]:last[3]], "0,零〇") == "" {
		return false // none of them ("行政复议0件,办结12件"): the count handled is not theirs
	}
	// "…收到行政复议申请1件。已办结12件。" (left from session 38): an
	// application for review, a suit or a petition is that matter's, its
	// 申请 no application for information; the 12 (and a 1 or a 10 in its
	// place) was read as the year's applications handled by the rule of a
	// count handled alone in its sentence. It may be the review's: blank,
	// said, as after 咨询 ("受理咨询15件。已办结12件。"), even where it
	// equals the counts received and carried in said before the review.
	// In the review's own sentence ("被申请行政复议4件,已办结3件") the
	// sentence reader's rules of reviews say it, as before; the old
	// regime's reader has none, and asks for it there too (ownSentence).
	return hasAny(words, otherMatters...) && (!hasAny(words, "申请", "依申请") || (opens || ownSentence) && hasAny(words, proceedingWords...))
}

// proceedingWords name an application for review, a suit or a petition:
// a 申请 beside them is that matter's (handledAfterOther).
var proceedingWords = []string{"复议", "诉讼", "信访"}

// receivedPart reports whether words, those before a count, make it a part
// of a count received before it by way or by applicant: after 其中 ("其中网上
// 申请8件", "(其中网上申请8件"), or the noun of applications with no verb and
// nothing carried ("信函申请2件").
func receivedPart(words string) bool {
	if hasAny(words, "结转", "转结", "办结", "答复", "回复", "办理", "处理", "公开", "收到", "受理", "接收", "新收", "共", "合计", "总计") {
		return false
	}
	return strings.Contains(words, "其中") || strings.Contains(words, "申请") && !hasAny(words, otherTopics...)
}

// carriedCounted reports whether s, words of a sentence after a count,
// states a count carried in that is not none ("上年结转2件", "另有上年结转的
// 申请2件"), not of those carried in that were handled, nor said to be in
// the count ("(含上年度转结申请6件)").
func carriedCounted(s string) bool {
	if hasPrefixAny(strings.TrimLeft(s, ",( "), "含", "包括", "包含", "其中") {
		// "答复…申请43件(含上年度转结申请6件,…)": the count handled
		// holds those carried in; it is every one's.
		return false
	}
	ms := tokenRE.FindAllStringSubmatchIndex(s, -1)
	for i, t := range ms {
		from := 0
		if i > 0 {
			from = ms[i-1][1]
		}
		words := s[from:t[0]]
		if j := strings.LastIndexAny(words, ",;:。"); j >= 0 {
			words = words[j+1:]
		}
		if strings.Trim(s[t[2]:t[3]], "0,零〇") != "" && carriedInRE.MatchString(words) && !hasAny(words, "无", "没有", "下年", "下一年") &&
			!carriedHandledRE.MatchString(words) && !hasAny(words, otherTopics...) {
			return true
		}
	}
	return false
}

// restOfSentence returns the words of the sentence after byte i of clause,
// the clause readCounts reads: from the clause's own place in the line when
// known (the same clause twice on a line read what followed the first,
// review s36), else after its first occurrence (sentenceAfter).
func restOfSentence(ctx nctx, clause string, i int) string {
	if ctx.sentEnd > 0 && ctx.clauseAt+i <= ctx.sentEnd && ctx.sentEnd <= len(ctx.line) && strings.HasPrefix(ctx.line[ctx.clauseAt:], clause) {
		return ctx.line[ctx.clauseAt+i : ctx.sentEnd]
	}
	return sentenceAfter(ctx.line, clause, i)
}

// receivedWordsRE finds the words of a count of applications received
// ("本年度收到申请", "新收政府信息公开申请", "受理依申请公开事项").
var receivedWordsRE = regexp.MustCompile(`(?:收到|受理|接收|接到|新收|共收)[^,;:。]*?(?:申请|事项)`)

// handledSettled reports whether the counts of a sentence settle h, a count
// handled right after a count carried in (errHandledAfterCarried), as the
// year's handled total: with got received and carried in (> 0), h above
// both and no more than their sum counts some of each, so it is not the
// carried in's alone nor the new ones'; got and carried balancing h and
// out, the count carried out, make h everything handled whichever it
// names, and when out is said only that balance does. A count 办理 (dealt, errDealt) stands for got when it is either
// those received or every one on hand, as the sum says. -1 is unsaid.
func handledSettled(h, got, carried, dealt, out float64) bool {
	switch {
	case carried <= 0:
		return false
	case got >= 0 && out >= 0:
		// The count carried out said: the four counts balance, or the
		// sentence contradicts itself ("收到申请10件,上年结转2件,已办结11件,
		// 结转下年2件", review s36: 11 was kept by the rule below).
		return got+carried == h+out
	case got >= 0 && h > got && h > carried && h <= got+carried:
		return true
	case got < 0 && dealt >= 0 && out >= 0 && (dealt == h+out || dealt+carried == h+out):
		return true
	}
	return false
}

// carriedAloneRE finds the count carried in said alone in its clause
// ("其中上年结转2件", "上年结转申请2件。"): only then is the sum less it the new
// ones (review s34: "其中上年结转申请已办结2件" counts those handled).
var carriedAloneRE = regexp.MustCompile(`(?:^|[,:;(])(?:其中|含|包括)?[,:]?(?:上一?年度?(?:结转|转结)|结转上一?年度?)的?(?:政府信息公开|依申请公开)?(?:申请|事项)?(?:数量?)?(?:为|共)?[0-9]+件(?:[,;。)]|$)`)

// newSaidApart reports whether a sentence holding a count of those carried in
// and the new ones together (carriedPlusNewRE) names the new ones again
// elsewhere ("…共12件,其中上年结转2件,本年新收9件"): the sum less the count
// carried in is then not the only reading, and the page's own may differ.
func newSaidApart(sent string) bool {
	rest := carriedPlusNewRE.ReplaceAllString(sent, "")
	return hasAny(rest, "新收", "新受理", "新接收", "本年收", "本年度收", "收到", "受理", "接收")
}

// errCarriedPlusNew is the bad of a count of the applications carried in and
// the new ones together (carriedPlusNewRE).
var errCarriedPlusNew = errors.New("carried in and new together")

// errLastYearWord is the bad of a count carried in said with 去年 or 前一年
// on a line that names neither the report's year nor 本年: the year before
// which year, the words do not settle.
var errLastYearWord = errors.New("carried in from 去年, which year unsure")

// errCarriedInside is the bad of a count of applications received that may
// hold those carried in from the year before (carriedInsideRE): the count
// newly received this year is then not known.
var errCarriedInside = errors.New("received, carried in among them")

// errForwarded is the bad of a count of applications received that another
// organ forwarded (forwarded): it is left out, and said to be, unless
// another statement gives the count.
var errForwarded = errors.New("forwarded applications")

// errPartsSum is the bad of a bare total of items ("合计193条") under a
// sub-heading of proactive disclosure whose parts, listed before it in the
// sentence, do not add up to it: what it sums is then not known.
var errPartsSum = errors.New("total unlike its parts")

// errPartOf is the bad of a count of items published proactively stated as
// a part (其中) of a whole the reader cannot take for the organ's own of this
// year: the whole of the region, of another organ, or a comparison.
var errPartOf = errors.New("part of an unknown whole")

// errUpheldOfPart is the bad of "every review upheld" said after the count
// of reviews and another count between ("行政复议5件,已审结3件,均予以维持"):
// those upheld are some of the reviews, which and how many the words do not
// settle. It wraps errPartOf, so that it is passed over, said to be, as a
// part is.
var errUpheldOfPart = fmt.Errorf("upheld of a part: %w", errPartOf)

// errOtherOrgan is the bad of a count, or a none, whose clause names an
// organ that is not the reporting one (namesOtherOrgan) and nothing else
// that would pass it over: another organ's, or the organ's own under a name
// the reader cannot match to the one given.
var errOtherOrgan = errors.New("another organ named")

// errJointOrgans is the bad of a count whose sentence's subject is several
// organs named together (jointSubject): their sum, not one organ's.
var errJointOrgans = errors.New("several organs together")

// jointHeadRE finds what a clause may open with before its subject: a
// heading's number, the year.
var jointHeadRE = regexp.MustCompile(`^(?:[(][一二三四五六七八九十0-9]{1,2}[)]|[一二三四五六七八九十]、|[0-9]{1,2}[.、])?(?:[0-9]{4}年度?|本年度?|今年|年内)?`)

// jointVerbs end the subject of a clause that counts: the first of them
// found is where the subject stops.
var jointVerbs = []string{"办理", "收到", "受理", "接到", "接收", "共", "累计", "新收", "公开", "发生", "办结", "答复", "处理", "被", "涉及",
	"制发", "制定", "发布", "印发", "出台", "废止", "未", "没有", "无", "依申请", "按时", "全年", "年内", "分别", "合计", "总计", "一共", "均", "都", "作出", "实施", "办件"}

// jointEndings end the name of an organ, or of the part of one, in a
// subject (jointSubject): orgSuffixes and the short forms a subject uses.
var jointEndings = append([]string{"政府", "本级", "机关", "办公室", "办", "委", "厅", "室", "所", "站", "队", "处", "科", "股", "馆", "署"}, orgSuffixes...)

// jointSubject reports whether the subject of a clause that counts, the
// words before its first verb (jointVerbs), is two organs or more named
// together: parts joined by 、, or by 和, 及, 与 when there is no 、 ("市政府
// 本级、政府办办理…申请61件", "我局和下属单位共收到申请10件"), each of them
// ending as an organ's name does (jointEndings). The count is then the
// organs' sum, not the reporting one's, whether it is named among them or
// not. A subject that opens with a preposition ("通过区政府网站、政务
// 微博…", "向市政府、区政府申请…"), one naming the whole area or its parts
// (全, 各: another rule's), and one whose parts are not all organs ("网上
// 申请、信函申请", "公民、法人和其他组织", "人力资源和社会保障局" alone)
// are not.
func jointSubject(clause string) bool {
	head := clause
	for _, v := range jointVerbs {
		if i := strings.Index(head, v); i >= 0 {
			head = head[:i]
		}
	}
	head = strings.TrimSpace(jointHeadRE.ReplaceAllString(head, ""))
	if head == "" || hasPrefixAny(head, "通过", "在", "经", "由", "向", "对", "为", "按", "根据", "依据", "依托", "利用", "针对", "对于", "围绕", "除", "其中", "另") ||
		strings.ContainsAny(head, "全各") {
		return false
	}
	parts := strings.Split(head, "、")
	if len(parts) < 2 {
		parts = nil
		for _, p := range strings.FieldsFunc(strings.ReplaceAll(head, "以及", "及"), func(r rune) bool { return r == '和' || r == '及' || r == '与' }) {
			parts = append(parts, p)
		}
		if len(parts) < 2 {
			return false
		}
	}
	for _, p := range parts {
		if utf8.RuneCountInString(p) < 2 || !hasSuffixAny(p, jointEndings...) {
			return false
		}
	}
	return true
}

// readJoint reads a clause of a sentence whose subject is several organs
// (jointSubject): a count is their sum and is passed over with
// errJointOrgans; a zero, or a none, is each organ's zero and read.
func readJoint(clause, before string, ctx nctx, nones bool, emit countFunc) {
	readCounts(clause, before, ctx, func(k nkind, zero bool, f float64, unit string, bad error) {
		if zero && f == 0 {
			emit(k, true, 0, unit, bad)
			return
		}
		emit(k, false, f, "", errJointOrgans)
	})
	if nones {
		readZeros(clause, ctx, func(k nkind, bad error) { emit(k, true, 0, "", bad) })
	}
}

// otherOrganOnly reports whether clauseSkipped passes over a clause only
// because it names another organ: no word of a share, a comparison or a
// time so far, no other year, no scope.
func otherOrganOnly(clause string, year int, agency string) bool {
	return namesOtherOrgan(clause, agency) && !hasAny(yearTotals.Replace(clause), skipWords...) &&
		!otherYear(clause, year) && !scopeRE.MatchString(clause)
}

// errWholeArea is the bad of a count stated for the whole area the organ
// is in ("全区共收到依申请公开85件"): it may be every organ's of the area.
var errWholeArea = errors.New("count of the whole area")

// errLevel is the bad of a count stated for one level of the area's
// organs ("区本级主动公开信息N条", the shape of a real 2025 district office's
// page): the level's government and its departments, not the reporting
// organ alone. It is a kind of errWholeArea.
var errLevel = fmt.Errorf("count of one level's organs: %w", errWholeArea)

// levelRE finds a clause about one level of the area's organs ("区本级"); the
// organ's own level ("局本级") and the government's ("政府本级") are not one.
var levelRE = regexp.MustCompile(`(?:区|县|市|省|州|盟|旗|镇|乡)本级`)

// levelOnly reports whether a clause names one level of the area's organs
// (levelRE) and no scope of the whole area or its parts (scopeRE).
func levelOnly(clause string) bool {
	return strings.Contains(clause, "本级") && levelRE.MatchString(clause) && !scopeRE.MatchString(clause)
}

// errOnTime is the bad of a count of applications handled in time ("按时
// 办结N件"): a part of those handled, which may be more.
var errOnTime = errors.New("handled in time")

// errJoint is the bad of a count of applications "受理并办结": those both
// received and handled, which either count may exceed.
var errJoint = errors.New("received and handled together")

// errUnsaid is the bad of a count of "依申请公开" with no verb ("依申请公开0件",
// "发生依申请公开1次"): applications received, or information given on
// application, the words do not say.
var errUnsaid = errors.New("applications or disclosures")

// unitlessRE finds a count of applications received written with no unit
// after it ("收到依申请公开事项0三是…"), or before the noun of applications
// ("共受理4申请公开政府信息", a real 2020 street office's): the first form's
// figure is the first group, the second's the second.
var unitlessRE = regexp.MustCompile(`(?:收到|受理|接收|接到)[^,;:]{0,12}?(?:依申请公开|信息公开申请|公开申请)(?:事项|申请)?(?:共|为)?([0-9]+)(?:[^0-9.,件条个次宗份起项例]|$)|(?:收到|受理|接收|接到)(?:共|了)?([0-9]+)(?:依?申请公开|信息公开申请)`)

// errNoUnit is the bad of a count written with no unit after it: where
// the number ends the text does not show.
var errNoUnit = errors.New("count without a unit")

// submittedRE finds the words of requests received for disclosure with the
// noun 申请 left out: "接收网络方式提交政府信息公开".
var submittedRE = regexp.MustCompile(`(?:收到|接收|受理|接到)[^,;:]{0,12}?提交的?(?:政府)?信息公开$`)

// publishedSoFar reports whether a clause under a heading of proactive
// disclosure counts every item released so far ("2023年1—12月,我委在…网站
// 累计发布信息313条", a real 2023 municipal commission's): 发布 is not read
// as 公开 for a figure (a channel named 发布 would pass for every item), but
// such a count leaves the proactive count blank, said to be (errReleasedSoFar),
// as '累计公开信息97条' is. It returns the count.
func publishedSoFar(clause string, ctx nctx) (float64, bool) {
	if !strings.Contains(clause, "发布") || !ctx.proactiveSub() {
		return 0, false
	}
	m := tokenRE.FindStringSubmatchIndex(clause)
	if m == nil || clause[m[4]:m[5]] != "条" || !releasedWords(clause[:m[0]]) {
		return 0, false
	}
	return figureValue(clause, m, clause[m[2]:m[3]])
}

// releasedWords reports whether the words before a count of items say only
// that information was released (发布), as publishedWords says it was
// published; text before the last year named is passed over, a full stop
// before it may be lost ("…工作水平2024年我乡通过政府网站…").
func releasedWords(seg string) bool {
	if !strings.Contains(seg, "发布") || besides(seg) {
		return false
	}
	s := leadingYearRE.ReplaceAllString(afterLastYear(strings.ReplaceAll(seg, "发布", "公开")), "")
	for _, w := range []string{"本年度", "本年", "全年", "今年", "年内", "当年", ","} {
		s = strings.TrimPrefix(s, w)
	}
	if m := selfRE.FindStringIndex(s); m != nil && m[0] == 0 {
		s = s[m[1]:]
	}
	// The channel may be named with no preposition ("县政府网站累计发布…"),
	// or as the government's web ("通过…区政府网发布…"); what was released
	// may go unnamed ("通过政府门户网站共发布78条").
	s = releasedChannelRE.ReplaceAllString(s, "")
	if !strings.Contains(s, "信息") {
		s += "信息"
	}
	return publishedWords(s)
}

// lastClause returns the last clause of s (after its last comma), the one a
// channel named without a count gives its count to ("通过政务微信公众号，发布
// 信息45条").
func lastClause(s string) string {
	s = strings.TrimRight(s, ",")
	if i := strings.LastIndex(s, ","); i >= 0 {
		return s[i+1:]
	}
	return s
}

// besides reports whether words say what follows is besides the count
// before ("此外,还通过…公众号,发布信息977条"): no whole.
func besides(s string) bool {
	return hasAny(s, "此外", "另外", "还通过", "另通过")
}

var releasedChannelRE = regexp.MustCompile(`^(?:通过|在|依托|利用)?[^,;:]{0,16}?(?:网站|政府网站?|官网|门户网站?)上?`)

// afterLastYear returns s from its last year (2024年, 2024年度) on, or s.
func afterLastYear(s string) string {
	if ms := yearAnyRE.FindAllStringIndex(s, -1); len(ms) > 0 {
		return s[ms[len(ms)-1][0]:]
	}
	return s
}

var yearAnyRE = regexp.MustCompile(`(?:19|20)\d\d年度?`)

// errPerChannel is the bad of a count of items in 条次, each item counted
// once for every channel it was published on.
var errPerChannel = errors.New("items counted per channel")

// errReleased is the bad of a count of items released (发布) under a heading
// of proactive disclosure: the items may be more than the information
// disclosed proactively.
var errReleased = errors.New("released")

// errReleasedSoFar is the bad of a count of items "累计发布" under a heading of
// proactive disclosure (publishedSoFar).
var errReleasedSoFar = errors.New("released so far")

// errUnsaidProactive is the bad of a count of items published with no word
// saying they were published proactively ("完成政府信息公开301条") outside a
// section or sub-heading of proactive disclosure.
var errUnsaidProactive = errors.New("published, proactively or not")

// publishedUnsaid reports whether the words before a count of items say
// only that information was published ("完成政府信息公开", "共公开政府信息"),
// not that it was published proactively nor on application.
func publishedUnsaid(seg string) bool {
	if hasAny(seg, "主动", "申请", "其中", "累计", "累計") || hasAny(seg, channelWords...) {
		// One channel's count ("通过统计信息专栏公开政府信息19条" under a
		// heading of platforms) is no whole.
		return false
	}
	return publishedWords(strings.Replace(seg, "完成", "", 1))
}

// jointHandledRE finds, right before a count, the words of applications
// received and answered in one ("受理并办结依申请公开", "收到并答复政府信息公开
// 申请"). "收到并办理" is not one: every application received is dealt
// with, and it stays the count received.
var jointHandledRE = regexp.MustCompile(`(?:收到|受理|接收|接到)(?:并|且|和|及|、)(?:办结|答复)(?:完毕)?了?(?:政府信息公开|信息公开|依申请公开)?(?:的)?(?:政府信息)?(?:申请)?(?:共计|共|总计|合计)?$`)

// hadBeforeRE is the words before a count that say only that there was
// that many ("2025年度有", "本年共有"), and unsaidNounAfterRE the noun after it
// that does not say applications ("依申请公开信息", "依申请公开事项").
var (
	hadBeforeRE       = regexp.MustCompile(`^(?:(?:19|20)[0-9]{2}年度?|本年度?|全年|今年|年内)?,?(?:共有|有)$`)
	unsaidNounAfterRE = regexp.MustCompile(`^依申请公开的?(?:政府)?(?:信息|事项)[。.]?$`)
	// dealtNounAfterRE is the noun of applications after a count that
	// 办理 comes before ("共办理1件依申请公开", "办理2件政府信息公开申请").
	dealtNounAfterRE = regexp.MustCompile(`^的?(?:依申请公开|政府信息公开申请|信息公开申请)(?:的?(?:政府)?(?:信息|事项|申请))?[。.]?$`)
)

// unsaidApplications reports whether the words before a count name 依申请公开
// (its information, its matters) and no verb saying what of it is counted:
// "2020年度某街道发生依申请公开", "依申请公开信息".
func unsaidApplications(seg string) bool {
	i := strings.LastIndex(seg, "依申请公开")
	if i < 0 {
		return false
	}
	// "2022年度某局依申请公开政务信息数3件" (the shape of a real 2022
	// county-level city bureau's page) says 政务信息 and 数: passed over
	// with no word. (Not "信息数" alone: the old regime's "共制作政府信息N条,
	// 其中…依申请公开信息数M条" counts information made, see
	// pre2019-2013-made-by-disclosure, and stays as it was.)
	switch strings.TrimRight(seg[i+len("依申请公开"):], "共计为有") {
	case "", "信息", "政府信息", "事项", "的信息", "的政府信息", "政务信息", "的政务信息", "政务信息数":
	default:
		return false
	}
	return !hasAny(seg, "收到", "受理", "接收", "接到", "接受", "新收", "办结", "答复", "办理", "处理", "主动", "不予", "予以", "同意", "部分", "其中", "结转", "复议", "诉讼")
}

// handledUnsaid reports whether the words before a count say only that
// applications were dealt with ("2022年办理依申请公开0件", a real 2022 county
// bureau's): received or handled, as 办理（回复） is.
func handledUnsaid(seg string) bool {
	tail, ok := "", false
	for _, stem := range handledStems {
		if i := strings.LastIndex(seg, stem); i >= 0 {
			tail, ok = seg[i+len(stem):], true
			break
		}
	}
	if !ok {
		// "累计办理公民、法人或其他组织通过市政府门户网站、邮寄等途径依申请
		// 公开信息合计N件" (the shape of a real 2023 county-level city's
		// page): the applicants and the ways between 办理 and the
		// applications. Passed over with no word.
		m := dealtApartRE.FindStringIndex(seg)
		if m == nil {
			return false
		}
		tail = seg[m[1]:]
	}
	// "办理…依申请公开信息合计N件" (the shape of a real 2023 county-level
	// city's page) puts 合计 before the count, as 共计: passed over with
	// no word, where 共计 is said.
	switch strings.TrimRight(tail, "共计为有合") {
	case "", "信息", "事项", "申请", "政府信息", "数量", "申请数量", "件数", "申请件数":
	default:
		return false
	}
	return !hasAny(seg, "收到", "受理", "接收", "接到", "接受", "新收", "办结", "答复", "结转", "复议", "诉讼", "其中", "不予", "予以")
}

// handledStems are the words of handledUnsaid: 办理依申请公开, and 处理 with
// the applications ("全年处理政府信息公开申请2条，全部按时处理办结", the shape
// of a real 2023 municipal justice bureau's page), which says no more than
// 办理 whether the count is of those received or of those handled.
// "全年办理政府信息依申请公开13件" (a real 2020 municipal government
// office's) puts the information between 办理 and 依申请公开.
// "全年处理申请数量423件" (the shape of a real 2025 zone committee's page)
// names the applications alone and their 数量.
var handledStems = []string{"办理依申请公开", "办理政府信息公开", "办理信息公开", "处理依申请公开", "处理政府信息公开", "处理信息公开", "办理政府信息依申请公开", "处理政府信息依申请公开", "处理申请", "办理申请"}

// dealtApartRE finds 办理 with the applications named after the ones who
// applied or the ways they did (handledUnsaid), no clause between.
var dealtApartRE = regexp.MustCompile(`办理[^,;:。]{0,40}?(?:途径|方式|渠道|提出|提交)的?(?:依申请公开|政府信息公开申请|信息公开申请)`)

// errDealt is the bad of a count of applications "办理" (handledUnsaid).
var errDealt = errors.New("dealt with")

// errCombined is the bad of one count of reviews and suits together.
var errCombined = errors.New("reviews and suits together")

// errProcessed is errDealt's bad for the word 处理 (handledStems).
var errProcessed = errors.New("processed")

// errEither is the bad of a count of applications "办理（回复）", which may
// be those received or those handled: the words do not say which.
var errEither = errors.New("received or handled")

// passedWhy says why a count passed over with each kind of bad was left
// blank; where bad is of more than one kind, the last listed says.
var passedWhy = []struct {
	err error
	why string
}{
	{errPartOf, "是另一总数“其中”的一部分，而该总数不能确定是本机关本年度的"},
	{errUpheldOfPart, "写作“均（全部）维持”，但此前另写有审结、未审结或结转的件数：维持的是其中哪些、共几件不能确定"},
	{errWholeArea, "是全辖区（全区、全县、全镇等）的数，可能是辖区内各机关的合计，不一定是本机关的"},
	{errOrganPart, "之后“其中”另写有局机关（本级）的数：所述的是本系统（本机关及其下属单位）的合计，本机关的年度报告应填哪一个不能确定"},
	{errLevel, "是一级（区本级、县本级等）的数，可能是该级政府及其各部门的合计，不一定是本机关的"},
	{errJointOrgans, "所在句子的主语是几个机关（用“、”“和”等并列），是它们合计的数，不是本机关一家的"},
	{errOtherOrgan, "所在的句子可能说的是另一机关（句中写有机关名称，不是“我局”“本单位”，也不是所填的单位名称），不能确定是本机关的数"},
	{errEither, "写作“办理（回复）”，可能是收到的申请数，也可能是办结的申请数，不能确定"},
	{errDealt, "只写“办理”，可能是收到的申请数，也可能是办结的申请数，不能确定"},
	{errProcessed, "只写“处理”，可能是收到的申请数，也可能是办结的申请数，不能确定"},
	{errCombined, "是行政复议和行政诉讼合在一起的数，不能分开"},
	{errOnTime, "只写“按时办结（答复）”，是按时办结的申请数，本年办结的申请可能多于此数，不能确定"},
	{errJoint, "写作“受理并办结”，是既收到又办结的申请数，本年收到或办结的申请可能多于此数，不能确定"},
	{errReleasedSoFar, "写作“累计发布”或截至某日“发布”：可能是历年累计的数，所“发布”的也不一定都是主动公开的政府信息，不能确定"},
	{errReleased, "写作“发布”：所“发布”的（新闻、通知等）不一定都是主动公开的政府信息，不能确定"},
	{errNoUnit, "的数字后没有单位（件），原文可能缺字，数字到哪里为止不能确定"},
	{errUnsaidProactive, "只写“政府信息公开”而未说是主动公开，可能含依申请公开的，不能确定"},
	{errUnsaid, "只写“依申请公开”而未说收到、办结还是予以公开，不能确定是收到的申请数"},
	{errOneKind, "只是某一类信息的数（主动公开的可能还有其他类），不一定是主动公开信息的总数"},
	{errChannelPart, "只是某一渠道（网站、微信、信函等）的数，同一行还列有其他渠道的数，不一定是总数"},
	{errPerChannel, "写作“条次”，是各渠道发布次数之和（同一条信息在几个渠道发布即计几次），不是主动公开信息的条数"},
	{errBothDocs, "写在“规章和规范性文件”之后，可能是其中一类的件数，也可能是两类合计，不能确定"},
	{errAmended, "写作“新制定”，同一行另有修改（修订）的件数：表二“本年制发件数”是否含修改的，不能确定"},
	{errStillValid, "写作“确定继续有效”：是清理后确定继续有效的件数，不一定是现行有效的全部，不能确定"},
	{errDocsReleased, "写作“发布”：可能是本年制发的件数，也可能是在网站等处发布（公开）的件数，不一定都是本年制发的，不能确定"},
	{errDocsPublished, "写作“公开”：是所公开的规范性文件件数，不一定都是本年制发的，不能确定"},
	{errAddressedElsewhere, "写作“办理向…申请的”：是本机关经办的、向另一机关（上级、管委会等）提出的申请，不能确定是本机关收到或办结的数"},
	{errDecisionsPublished, "写作“公开（公示）…处理事项（决定）”：是所公开的处理决定数，不一定是本年作出的处理决定的全部，不能确定"},
	{errJointOutcome, "是“予以公开”与“部分公开”合在一起的数，各是多少不能确定"},
	{errUnavailableMixed, "是“本机关不掌握”与其他无法提供的情形（需要另行制作、加工汇总等）合在一起的数，各是多少不能确定"},
	{errUnavailableUnsplit, "只写“无法提供”，未分“本机关不掌握相关政府信息”“没有现成信息需要另行制作”“补正后申请内容仍不明确”，各是多少不能确定"},
	{errAnsweredPart, "是所述收到的申请中已答复（回复、办结）的件数（如“其中N件已答复”“N件已…答复”“其中办结N件”）：上年结转而本年办结的不在其内，不一定是本年办结的全部，不能确定"},
	{errAllAnswered, "只写收到的申请“全部（均）已答复（办结）”：本年收到的申请都已办结，但上年结转而本年办结的正文未说，本年办结的件数不能确定"},
	{errAllWithheld, "只写收到的申请“全部（均）不予公开”：本年收到的申请都不予公开，但上年结转而本年不予公开的正文未说有无，不予公开的件数不能确定"},
	{errAllNotHeld, "只写收到的申请“为本机关不掌握的政府信息”：本年收到的申请都属本机关不掌握，但上年结转而本年如此答复的正文未说有无，件数不能确定"},
	{errHandledGranted, "只写收到的申请“全部（均）予以公开”：本年收到的申请都已答复（办结），但上年结转而本年办结的正文未说，本年办结的件数不能确定"},
	{errHandledWithheld, "只写收到的申请“全部（均）不予公开”：本年收到的申请都已答复（办结），但上年结转而本年办结的正文未说，本年办结的件数不能确定"},
	{errAllGranted, "只写收到的申请“全部（均）予以公开”：本年收到的申请都予以公开，但上年结转而本年予以公开的正文未说有无，予以公开的件数不能确定"},
	{errOnTimeRate, "只写“按时办结率”：是已办结的申请中按时办结的比例，办结了多少件（是否全部办结）正文未说，本年办结的件数不能确定"},
	{errSomeAnswered, "只写收到的申请“部分（基本、大部分）已办结（答复）”：办结了多少正文未说，本年办结的件数不能确定"},
	{errCarriedInside, "之后写有“其中（含、包括）上年结转N件”：所说收到的申请数可能含上年结转的，本年新收的申请数不能确定"},
	{errNewInside, "之后另写有新收到的申请数（如“新收到N件”）：所说收到（受理）的申请数可能含上年结转的，本年新收的申请数不能确定"},
	{errNotApplication, "写作收到“补正”材料（或“更正”“撤回”“复核”“申诉”等），或只写收到“申请人”的：所收到的不是（或不全是）政府信息公开申请，不能确定是本年新收的申请数"},
	{errDeclaredNot, "之后写明所收到的“不属于政府信息公开申请”（或范畴）：不能确定是否计入本年新收的申请数（2021年格式可能计入“不予处理”）"},
	{errOneWay, "只是一种方式（网上、信函、当面等）提交的申请数，其他方式的申请正文未说有无，不能确定是全部申请"},
	{errOneApplicant, "只是一类申请人（自然人、法人等）提出的申请数，其他申请人的申请正文未说有无，不能确定是全部申请"},
	{errReviewer, "所在的一行写有本机关“作出复议决定”的件数：所述的可能是本机关作为复议机关办理的行政复议，不是因本机关政府信息公开被申请的行政复议"},
	{errReviewHandled, "写作“办理”的行政复议：所述的可能含本机关作为复议机关办理的行政复议，不一定都是因本机关政府信息公开被申请的行政复议，不能确定"},
	{errApplicantsCounted, "是提出申请的人数（“N个自然人的申请”），不是申请件数：一人可提出多件申请，其他申请人的申请正文也未说有无"},
	{errQualifiedNone, "只说没有因某种原因（答复不当、违法等）引起的，其他原因引起的正文未说有无，不能确定为0"},
	{errBareDecisions, "只写“行政许可（行政处罚、行政强制）N件（项）”而无动词：是本年作出的处理决定数，还是许可事项（项目）数、公开（公示）的件数，不能确定"},
	{errUpToDate, "写作“截至（截止）某日”：是到该日为止的数，可能含往年的，不能确定是本年度的"},
	{errPartYear, "写在只说本年一部分月份的时段（如“1-6月”“7月以来”“3月起”，或“1月至今”：至今是写报告之日，可能在年底之前或已到次年）之后：是那段时间的数，不是本年度全年的，不能确定本年度的数"},
	{errOtherYearBefore, "所在句子先说本年度，其后的分句写有另一年度（如“其中上一年提出的N件”），此后所述的数是本年度的还是那一年度的不能确定"},
	{errReasonOnly, "写作“N件属（属于）…信息”而未写办理结果：是申请所涉信息的类别（表三“不予公开”的一个理由），是否不予公开正文未说，不能确定"},
	{errDocsReviewed, "写在审查（审核、备案、解读）规范性文件之后：是本年制发（废止、现行有效）的件数，还是所审查的件数的一部分，不能确定"},
	{errLevelDocs, "写作“区（市、县）本级”规范性文件：是本级人民政府的规范性文件，本机关不是该人民政府，不能确定是本机关的数"},
	{errOtherApplications, "只写收到“申请”，而所在的句子或前文写的是行政复议（诉讼、信访等）：所收到的可能不是政府信息公开申请，不能确定是本年新收的申请数"},
	{errHandledAfterOther, "紧接在信件、咨询、诉求、行政复议等其他事项的件数之后：所说的可能是那些事项中已办结的，不能确定是政府信息公开申请的办结数"},
	{errHandledAfterPart, "紧接在“其中”所列一部分申请（如当面申请）的件数之后，且不多于该部分：所说的可能是那一部分申请中已办结的，不能确定是全部申请的办结数"},
	{errOutcomeAfterPart, "紧接在“其中”所列一部分申请（如当面申请）的件数之后，且合计不多于该部分：所说的可能是那一部分申请的办理结果，不能确定是全部申请的"},
	{errTopicUnsaid, "所在的一行和部分都未说是因政府信息公开引起的（可能是本机关其他工作被申请的行政复议），不能确定"},
	{errSuitTopicUnsaid, "所在的一行和部分都未说是因政府信息公开引起的（可能是本机关其他工作被提起的行政诉讼），不能确定"},
	{errProgressUnsettled, "是年末仍在办理的件数，而所在一行写有上年结转（所说的可能是上年的申请），本年新收、上年结转与已办结的件数又不能印证，不能确定是结转下年度继续办理的件数"},
	{errUnbalanced, "所在句子所述本年新收、上年结转的件数之和，与已办结（答复）、仍在办理（结转下年度）的件数之和不符，哪一个数有误不能确定"},
	{errAfterCarried, "写在上年结转的件数之后：所说的是本年新收的申请、上年结转的申请，还是两者合计的办理结果，正文未说；表三的办理结果含上年结转而本年办理的，不能确定是本年该项的全部"},
	{errBesideCarried, "是本年新收申请的办理结果，同一行另写有上年结转的申请：表三的办理结果含上年结转而本年办理的，其办理结果正文未分项说明，不能确定是本年该项的全部"},
	{errOfCarried, "是上年结转申请的办理结果：表三的办理结果也含本年新收申请的，其办理结果正文未说，不能确定是本年该项的全部"},
	{errCarriedHandled, "是上年结转的申请中已办结（答复、公开）的件数，上年结转的申请可能多于此数，不能确定是上年结转的件数"},
	{errEarlierYears, "写作“往年（以往年度、历年）结转”：可能含上年以前各年度结转的，不一定只是上年结转（表三第二行）的件数，不能确定"},
	{errCarriedPlusNew, "是上年结转与本年新收的申请合在一起的数，表三没有这一行，本年新收的是多少正文未分开写，不能确定"},
	{errLastYearWord, "写作“去年（前一年）结转”，所在的一行没有写本年或报告年度：“去年”是报告年度的上一年，还是写报告那一年的上一年（即报告年度，此时是结转到下一年的），不能确定"},
	{errHandledAfterCarried, "紧接在上年结转的件数之后：所说的可能只是上年结转的申请中已办结（答复）的，也可能是本年新收的或全部申请中已办结的，正文未说（未写“共”“全年”等），不能确定是本年办结的全部"},
	{errHandledAfterNew, "紧接在本年收到的件数之后，而同一句另写有上年结转的件数：所说的可能只是本年新收的申请中已办结（答复）的，也可能是全部申请中已办结的，正文未说（未写“共”“全年”等），不能确定是本年办结的全部"},
	{errHandledAfterNewApart, "紧接在本年收到的件数之后，而同一段前文另写有上年结转的件数：所说的可能只是本年新收的申请中已办结（答复）的，也可能是全部申请中已办结的，正文未说（未写“共”“全年”等），本段其他数字也不能确定是本年办结的全部"},
	{errSplitUnequal, "之后“其中”所列各类申请人的件数之和与之不符，哪一个数有误不能确定"},
	{errMoreApplicants, "之后紧接着另写有某类申请人的申请件数（未写“收到”，也未写“其中”）：后者是前者的一部分，还是另一类申请人的、应与前者相加，正文未说，不能确定本年新收的申请数"},
	{errAnsweredAmong, "写在“其中”之后：是前面所述申请中已答复（回复、办结）的一部分，其余的如何办理正文未全说，不一定是本年办结的全部，不能确定"},
}

// passedFinding is the warning for a count passed over with bad
// (errForwarded, errPartsSum, errPartOf), at the line at and with its
// sentence raw: without it the measure would be blank with no word why.
func passedFinding(bad error, measure, raw, at string) gongkai.Finding {
	if errors.Is(bad, errForwarded) {
		return forwardedFinding(measure, raw, at)
	}
	label := gongkai.MeasureLabel(measure)
	why := "是所列各项的合计，但与各项之和不符，所合计的是什么不能确定"
	for _, p := range passedWhy {
		if errors.Is(bad, p.err) {
			why = p.why
		}
	}
	return gongkai.Finding{
		Rule: "narrative", Severity: gongkai.SeverityWarning, At: at,
		Measure: measure, Applicant: gongkai.ApplicantTotal, RowLabel: label,
		Message: fmt.Sprintf("正文所述%s%s（“%s”），未填入：请核对", strings.TrimPrefix(label, "正文所述"), why, raw),
	}
}

// countFunc is told of each count a clause states: its kind, whether it is
// zero, the figure in its measure's unit, and bad, the error of value.Holds
// when the figure as written is beyond what gongkai stores (1e15 or more,
// more than 15 significant digits): such a figure is left blank, never
// rounded to the nearest float; or errForwarded.
type countFunc func(k nkind, zero bool, f float64, unit string, bad error)

// readCounts reads the counts a clause states, each with its kind; before
// is the sentence up to the clause.
func readCounts(clause, before string, ctx nctx, emit countFunc) {
	{
		prev := 0
		decideVerb := "" // the verb of the last count of decisions in the clause, for one listed after it
		for _, m := range tokenRE.FindAllStringSubmatchIndex(clause, -1) {
			seg := clause[prev:m[0]]
			prev = m[1]
			numText, unit := clause[m[2]:m[3]], clause[m[4]:m[5]]
			f, ok := figureValue(clause, m, numText)
			if !ok {
				continue
			}
			if (unit == "项" || unit == "个") && hasPrefixAny(clause[m[1]:], "内容", "部分", "方面") {
				// "全文包括:总体情况,…,收到和处理政府信息公开申请情况等3项
				// 内容" (a probe of round 25, a real county bureau's list of
				// its report's parts cut short): the parts the report has,
				// no count; stored as the year's applications received.
				continue
			}
			if k, ok := decisionsPublished(seg, clause[:m[0]], unit); ok {
				emit(k, false, f, "", errDecisionsPublished)
				continue
			}
			if strings.Contains(unitsApps, unit) && addressedElsewhereRE.MatchString(seg) && ctx.about("申请") {
				emit(nReceived, false, f, "", errAddressedElsewhere)
				emit(nHandled, false, f, "", errAddressedElsewhere)
				continue
			}
			if k, bad, ok := outcomeMix(seg, unit, ctx); ok {
				for _, k := range k {
					emit(k, false, f, "", bad)
				}
				continue
			}
			if unit == "条" && (strings.HasPrefix(clause[m[1]:], "次") || strings.HasPrefix(clause[m[1]:], "(次)")) {
				// "主动公开各类政府信息共计3862条次。其中门户网站公开818条、
				// 微信发布1468条、微博发布1576条" (a real 2022 municipal
				// bureau's): items counted once per channel they went out
				// on, not the items published. "主動公開政務信息1010條(次)。
				// 其中…公示公告17條,…新聞信息報道298條(次),…工作信息695條"
				// (a real 2022 development zone's) puts the 次 in brackets
				// and was stored as the items published.
				if k, ok := classify(seg, clause, clause[:m[1]], before, ctx, unit); ok && k == nProactive {
					emit(k, false, f, "", errPerChannel)
				}
				continue
			}
			// Table 四's suits by their columns ("复议后诉讼2件", "未经复议直接
			// 诉讼1件") name both words for one count, a suit's.
			if f != 0 && strings.Contains(seg, "复议") && strings.Contains(seg, "诉讼") && strings.Contains("件起宗", unit) &&
				!hasAny(seg, "报告", "部分", "组成", "包括") && ctx.about(topicDisclosure) && strings.Contains(suitColumns.Replace(seg), "复议") {
				// "涉行政复议、行政诉讼案件743件", "被申请行政复议、提起行政
				// 诉讼2件" (the shape of a real 2022 province's summary):
				// reviews and suits counted together, which neither
				// count is; said to be left out (before: no word). A
				// report's list of its parts ("…行政诉讼情况…等七个部分")
				// is no count.
				emit(nReview, false, f, "", errCombined)
				continue
			}
			if handledUnsaid(seg) && strings.Contains(unitsApps, unit) && ctx.about(topicDisclosure) {
				bad := errDealt
				if !strings.Contains(seg, "办理") {
					bad = errProcessed
				}
				emit(nReceived, false, f, "", bad)
				emit(nHandled, false, f, "", bad)
				continue
			}
			if hasAny(seg, "办理(回复)", "办理(答复)", "办理回复", "办理答复") && strings.Contains(seg, "申请") && strings.Contains(unitsApps, unit) && ctx.about(topicDisclosure) {
				// "共办理（回复）政府信息公开申请5件", "共办理回复依申请公开
				// 事项N件" (the shape of a real 2023 public security
				// bureau's page): received or handled, the words do not
				// say; both are said to be left out.
				emit(nReceived, false, f, "", errEither)
				emit(nHandled, false, f, "", errEither)
				continue
			}
			if strings.Contains(unitsApps, unit) && ctx.about(topicDisclosure) && strings.Contains(ctx.line, "申请") && handledAfterOther(seg, before+clause[:m[0]], ctx.prev, false) {
				// "收到信件11件,已办结11件", "…受理咨询15件。已办结12件。"
				// (review s38, in a paragraph of applications): right after
				// a count of letters, requests or inquiries the count handled
				// may be theirs; it was stored as the year's applications
				// handled.
				emit(nHandled, false, f, "", errHandledAfterOther)
				continue
			}
			if bare, after, afterNew := handledAfterCarried(seg, before+clause[:m[0]], ctx.prev, restOfSentence(ctx, clause, m[1])); after && strings.Contains(unitsApps, unit) && ctx.about(topicDisclosure) &&
				!hasAny(before+clause[:m[0]], otherTopics...) && !proceedingNamedLast(before+clause[:m[0]]) &&
				!strings.Contains(seg, "其中") && !afterBareParts(before) && ctx.partsOf == "" {
				// After a 其中 of its own (",其中,答复…37件", "其中办结43件",
				// a sentence opening with 其中) the count is a part of the
				// count before, which errAnsweredAmong and its kin say. A
				// 其中 of the count carried in ("收到申请12件,其中上年结转2件,
				// 已办结2件") leaves it after that count all the same; it was
				// stored as apps.total 2.
				// "本年度收到申请10件,上年结转2件,已办结2件": every verb of
				// handling (已办结, 已答复, 已处理完毕, 办理完成 …) right after
				// a count carried in may count those carried in alone; 2
				// was stored as the year's handled total. Blank, said to
				// be, unless the sentence's counts settle it (readNarrativeUntil).
				// A bare 办理 or 处理 may be the count received too, and is
				// said so, as before.
				if t := strings.Trim(seg, "、,共计已均全部"); onTime(t) != t {
					// "上年结转2件,在法定期限内答复2件": those answered
					// in the term, of all handled (errOnTime, below);
					// it was stored as the year's total where the words
					// before it named no applications.
					emit(nHandled, false, f, "", errOnTime)
					continue
				}
				switch bare {
				case "办理":
					emit(nHandled, false, f, "", errDealt)
				case "处理":
					emit(nHandled, false, f, "", errProcessed)
				case "":
					switch {
					case afterNew && !carriedCounted(before+clause[:m[0]]) && !carriedCounted(restOfSentence(ctx, clause, m[1])):
						emit(nHandled, false, f, "", errHandledAfterNewApart)
					case afterNew:
						emit(nHandled, false, f, "", errHandledAfterNew)
					default:
						emit(nHandled, false, f, "", errHandledAfterCarried)
					}
				}
				continue
			}
			if v := strings.TrimSuffix(strings.Trim(seg, "、,共计已均全部"), "的"); v == "办理" && hasAny(before, "依申请", "政府信息公开", "信息公开申请", "公开申请") &&
				strings.Contains(unitsApps, unit) && ctx.about(topicDisclosure) {
				// "新收到…申请N件，上年无结转，已办理N件" (the shape of a real
				// 2024 district bureau's page): a bare 办理 after the
				// applications, handled or only taken up the word does not
				// say, as errDealt's 办理 does not.
				emit(nHandled, false, f, "", errDealt)
				continue
			}
			if v := onTime(strings.Trim(seg, "、,共计已均全部")); (v == "按时办结" || v == "按期办结" || v == "按时答复" || v == "按期答复") &&
				hasAny(before, "依申请", "政府信息公开", "信息公开申请", "公开申请") && strings.Contains(unitsApps, unit) && ctx.about(topicDisclosure) {
				// "受理…申请2件,按时办结2件" (the shape of a real 2024
				// county bureau's page): those handled in time, of all
				// handled; said to be left out (before: no word).
				emit(nHandled, false, f, "", errOnTime)
				continue
			}
			if jointHandledRE.MatchString(seg) && strings.Contains(seg, "申请") && strings.Contains(unitsApps, unit) && ctx.about(topicDisclosure) {
				// "年内受理并办结依申请公开23件" (a real 2023 town's): those
				// received and handled both; more may have been received,
				// or handled (carried in), so neither count is this.
				emit(nReceived, false, f, "", errJoint)
				emit(nHandled, false, f, "", errJoint)
				continue
			}
			if unsaidApplications(seg) && strings.Contains(unitsApps, unit) {
				// "发生依申请公开1次", "依申请公开信息0条": applications
				// received, or information given on application? The
				// words do not say.
				emit(nReceived, false, f, "", errUnsaid)
				continue
			}
			if strings.HasSuffix(seg, "办理") && strings.Contains(unitsApps, unit) && dealtNounAfterRE.MatchString(clause[m[1]:]) && ctx.about(topicDisclosure) &&
				!hasAny(seg, "收到", "受理", "接收", "接到", "接受", "新收", "办结", "答复", "结转", "复议", "诉讼", "其中", "不予", "予以") {
				// "2023年我局共办理1件依申请公开,…答复书已回复" (the shape of a
				// real 2023 district bureau's page): the count before the
				// noun, after a bare 办理; received or handled, the words do
				// not say, as "办理依申请公开N件" does not (handledUnsaid).
				// It was passed over with no word.
				emit(nReceived, false, f, "", errDealt)
				emit(nHandled, false, f, "", errDealt)
				continue
			}
			if strings.HasSuffix(seg, "有") && strings.Contains(unitsApps, unit) && hadBeforeRE.MatchString(seg) && unsaidNounAfterRE.MatchString(clause[m[1]:]) {
				// "2025年度有1件依申请公开信息" (the shape of a real 2025
				// municipal commission's page): the count before the
				// noun, with no verb; applications received, or items
				// given on application, the words do not say. It was
				// passed over with no word.
				emit(nReceived, false, f, "", errUnsaid)
				continue
			}
			if f == 0 && hasAny(seg, "行政复议") && hasAny(seg, "行政诉讼") && ctx.about(topicDisclosure) {
				// "行政复议、行政诉讼0件": none of either.
				emit(nReview, true, 0, "", nil)
				emit(nLitigation, true, 0, "", nil)
				continue
			}
			if unit == "条" && publishedWords(seg) && !strings.Contains(seg, "主动") && ctx.proactiveSub() && !listsParts(before+clause[:m[0]]) &&
				(!hasAny(seg, channelWords...) || channelCounts(ctx.paragraph()) <= 1) {
				// "全年共公开信息253条" under "（一）主动公开政府信息的数量".
				// Not a part listed after 其中: "门户网站发布信息总数为83条,
				// 其中政务动态34条,…,信息公开7条" (a real 2018 development
				// zone's) names a column of the site 信息公开, whose 7 was
				// stored as the proactive count; so does "在主动公开的信息中,
				// …,信息公开30条" (a real 2023 district statistics bureau's).
				if f == float64(int64(f)) {
					emit(nProactive, f == 0, f, "", nil)
				}
				continue
			}
			if unit == "条" && ctx.proactiveSub() && releasedWords(seg) && !hasAny(seg, "主动", "累计") && !besides(before) &&
				(!hasAny(seg+lastClause(before), channelWords...) || channelCounts(ctx.paragraph()) <= 1) {
				// "本年度我局通过政府门户网站发布信息共175条" under "（一）
				// 政府信息主动公开情况" (real 2024 district bureaus'
				// pages): what was released may hold more than the
				// information disclosed proactively (news, notices).
				emit(nProactive, false, f, "", errReleased)
				continue
			}
			if unit == "条" && !ctx.proactiveSub() && publishedUnsaid(seg) {
				// "2019年度完成政府信息公开301条" (a real 2019 county
				// bureau's, under no heading of proactive disclosure):
				// items published, proactively or on application, the
				// words do not say.
				emit(nProactive, false, f, "", errUnsaidProactive)
				continue
			}
			if unit == "条" && bareTotal(seg) && ctx.proactiveSub() {
				// "合计193条" under "1.主动公开政府信息数量": the items
				// the sentence listed before it, when they add up to it.
				if f != float64(int64(f)) {
					continue
				}
				if partsSum(before+seg, f) {
					emit(nProactive, f == 0, f, "", nil)
				} else {
					emit(nProactive, false, f, "", errPartsSum)
				}
				continue
			}
			// "共收到并妥善处理依申请公开信息13件" (a real 2024 municipal
			// bureau's): every application received is dealt with, so
			// the count is those received, as 收到并处理 is (readZeros).
			if strings.Contains(unitsApps, unit) && (receivedOther(seg) || receivedBefore(seg) && strings.HasPrefix(clause[m[1]:], "申请人") && receivedOther(seg+clause[m[1]:])) &&
				ctx.about(topicDisclosure) {
				// "收到申请人补正材料6件", "收到6件申请人提交的补正材料": what
				// the applicants sent, not the applications; said to be left
				// out, unless another statement gives the count received
				// (the first was stored as apps.new).
				emit(nReceived, false, f, "", errNotApplication)
				continue
			}
			if unit == "件" && bareTotal(seg) && ctx.about(topicDisclosure) && hasAny(before+seg, "收到", "受理", "接到", "接收") && waysSum(before+seg, f) {
				// "共收到群众网上申请N件,快递M件,合计T件" (a real 2024 district
				// government's page): the total of the ways of applying
				// listed before it is the count received. It was blank,
				// with only the first way's warning; "…网上申请N件,信函申请M
				// 件,合计T件" had no word at all.
				emit(nReceived, f == 0, f, "", nil)
				continue
			}
			if unit == "件" && bareTotal(seg) && ctx.about(topicDisclosure) && hasAny(before+seg, "收到", "受理", "接到", "接收") {
				if n, _, ok := waysParts(before + seg); ok && n >= 2 {
					// "…网上申请N件,信函申请M件,合计T件" where N+M is not T
					// (round 20's shape): the total or a part is wrong,
					// which the words do not say; the total was blank with
					// no word.
					emit(nReceived, false, f, "", errPartsSum)
					continue
				}
			}
			if strings.Contains(unitsApps, unit) && carriedHandledRE.MatchString(seg) && !hasAny(seg, otherTopics...) && !proceedingNamedLast(before+seg) {
				// "其中上年结转申请已办结2件" (review s34's probe): those of
				// the carried in that were handled, which the count carried
				// in may exceed; it was stored as carried_in. Said to be
				// left out.
				emit(nCarriedIn, false, f, "", errCarriedHandled)
				continue
			}
			if strings.Contains(unitsApps, unit) && carriedInRE.MatchString(seg) && (strings.HasSuffix(seg, "的") || strings.Contains(seg, "其中")) && carriedHandledAfterRE.MatchString(clause[m[1]:]) &&
				!hasAny(seg, otherTopics...) && !proceedingNamedLast(before+seg) {
				// "其中上年结转的2件已答复" (left from session 34's review):
				// the handled word after the count makes it those of the
				// carried in that were answered, which the count carried
				// in may exceed; the words before it were the carried
				// in's alone, and 2 was stored as carried_in. "上年结转的
				// 3件均已办结" (均, 全部: every one) stays the count, as
				// does "上年结转3件已办结" (no 的 or 其中: the count carried
				// in, then what became of it).
				emit(nCarriedIn, false, f, "", errCarriedHandled)
				continue
			}
			if strings.Contains(unitsApps, unit) && earlierCarriedRE.MatchString(seg) && !hasAny(seg, otherTopics...) &&
				(ctx.about("申请") || ctx.about(topicDisclosure)) {
				// "往年结转3件", "以往年度结转申请3件": carried in from the
				// years before, which may hold more than last year's carry
				// (table 三's row 二); it was passed over with no word,
				// while "其中往年结转3件" after a count received was read as
				// 上年结转. Said to be left out.
				emit(nCarriedIn, false, f, "", errEarlierYears)
				continue
			}
			if strings.Contains(unitsApps, unit) && carriedPlusNewRE.MatchString(seg) && !hasAny(seg, otherTopics...) {
				// "上年结转及新收申请共N件" (a probe of round 24, silent
				// before): those carried in and the new ones together,
				// which no row of table 三 counts. Said to be left out;
				// with the count carried in beside it, the new ones are
				// the rest (readNarrativeUntil).
				emit(nReceived, false, f, "", errCarriedPlusNew)
				continue
			}
			said := seg
			if strings.Contains(seg, "处理") {
				said = dealtWithRE.ReplaceAllString(seg, "$1")
			}
			if unit == "件" && strings.HasSuffix(said, "行政许可事项") && concludedMattersRE.MatchString(said) {
				// "我局共办结行政许可事项N件、行政处罚N件、实施行政强制N件"
				// (a real 2024 district bureau's page): licensing matters
				// concluded, in cases, are its decisions; 事项 (which also
				// names the kinds of licence an organ grants, "行政许可
				// 事项24项") kept the rule off, and the counts listed after
				// it, which take its verb, were blank with no word. Same
				// length, so offsets stay.
				said = strings.TrimSuffix(said, "行政许可事项") + "行政许可决定"
			}
			k, ok := classify(said, clause, clause[:m[1]], before, ctx, unit)
			if ok && k == nProactive && strings.HasPrefix(seg, "其中") && !wholeIsOwn(before, ctx) {
				emit(k, false, f, "", errPartOf)
				continue
			}
			if ok && k == nProactive && restOfList(seg) {
				// "具体包括：…信息A条、…B条、其他主动公开的信息C条" (the
				// shape of a real 2024 district bureau's page): the rest of
				// a list of kinds is a part, whatever the whole is.
				emit(k, false, f, "", errPartOf)
				continue
			}
			if ok && k == nProactive && kindOfProactive(seg, clause[:m[0]]) {
				// "具体情况是:政策文件2条、法定主动公开信息16条(…);其他主动
				// 公开信息5条" (the shape of a real 2020 county bureau's
				// page, after "公开政府信息新增信息23条"): an item of a list
				// of kinds, or the statutory kind (法定主动公开), not every
				// item published; 16 was stored as the year's items.
				emit(k, false, f, "", errOneKind)
				continue
			}
			if !ok && strings.Contains(unitsCases, unit) && strings.Trim(seg, "其中,、;:") == "" {
				if w := outcomeAfterRE.FindStringSubmatch(clause[m[1]:]); w != nil {
					// "发生行政复议5件,其中4件维持,1件尚未审结" (the shape of
					// a real 2020 provincial office's page): the outcome
					// after its count, as "维持3件" before it. Passed
					// over with no word.
					k, ok = classify(seg+w[1], clause, clause[:m[1]], before, ctx, unit)
				}
			}
			if !ok && submittedRE.MatchString(seg) {
				// "我委接收网络方式提交政府信息公开5件" (a real 2023
				// municipal commission's): what was submitted for
				// disclosure is an application, the noun left out.
				k, ok = classify(seg+"申请", clause, clause[:m[1]], before, ctx, unit)
				ok = ok && k == nReceived
			}
			if !ok && unit == "件" && strings.TrimLeft(seg, "另有其余剩除(") == "" && carriedAfterRE.MatchString(clause[m[1]:]) &&
				strings.Contains(ctx.line, "申请") && !strings.Contains(carriedInRE.ReplaceAllString(ctx.line, ""), "上年") {
				// "2件结转下年办理" (a real 2024 district bureau's page,
				// its own sentence after the applications received): the
				// count before the words carried out. After 除 (except) or
				// inside a parenthesis too ("除N件结转下年继续办理",
				// "（含上年度转结申请M件，另有N件申请转结下年度继续办理）"),
				// on a line that names 上年 only for the carried-in count.
				k, ok = nCarriedOut, ctx.about("依申请") || ctx.about("信息公开") || ctx.about("政府信息")
			}
			if !ok && strings.Contains(unitsCases, unit) && (inProgress(seg) || strings.Trim(seg, "、,和及另有其余剩尚仍") == "" && inProgress(clause[m[1]:])) &&
				reviewCountedLast(before+clause[:m[0]]) && ctx.about(topicDisclosure) {
				// "行政复议N件,已办结K件,M件正在办理中" (the shape round 30
				// built of a real district's line): the review's count in
				// progress, still pending, as allPending reads "尚未审结";
				// it was stored as the applications carried out.
				k, ok = nReviewPending, true
			}
			if !ok && unit == "件" && inProgress(seg) && strings.Contains(ctx.line, "申请") && !strings.Contains(ctx.line, "上年") &&
				ctx.about(topicDisclosure) {
				// "答复完毕N件,办理中M件" (the shape of a real 2021 district bureau's
				// page, after the applications received): those still
				// being handled when the year closed are carried out to
				// the next.
				k, ok = nCarriedOut, true
			}
			if !ok && unit == "件" && strings.Trim(seg, "、,和及另有其余剩尚仍") == "" && inProgress(clause[m[1]:]) && strings.Contains(ctx.line, "申请") && !strings.Contains(ctx.line, "上年") &&
				ctx.about(topicDisclosure) {
				// "已办结N件,M件正在办理中,结转至下年继续办理" (the shape of a
				// real 2024 district bureau's page): the count before the
				// words of those still being handled, carried out to the
				// next year as "办理中M件" is. It was blank with no word.
				k, ok = nCarriedOut, true
			}
			if !ok && unit == "条" && proactiveObjectRE.MatchString(clause[m[1]:]) && onlyVerbs(seg) {
				// "2009年共整理、录入、发布14条主动公开政府信息" (a real
				// 2009 town's page): the count before its noun.
				k, ok = nProactive, true
			}
			if !ok && unit == "条" && ctx.proactiveSub() && infoObjectRE.MatchString(clause[m[1]:]) && publishedWords(seg+"信息") &&
				!hasAny(seg, channelWords...) {
				// "2025年全年公开401条信息" (a real 2025 bureau's page)
				// under "（一）主动公开方面": the count before its noun, as
				// "全年共公开信息253条" is read there.
				k, ok = nProactive, true
			}
			if !ok && unit == "件" && newlyReceived(seg) && (strings.Contains(ctx.sub, "依申请") || strings.Contains(ctx.sub, "公开申请")) &&
				!strings.Contains(before, "其中") && !hasAny(ctx.line[:partsAt(ctx.line)], appChannelWords...) &&
				newlyReceivedAlone(clause[m[1]:], sentenceAfter(ctx.line, clause, m[1])) {
				// "(二)依申请公开情况。2025年新收63件,上一年度结转1件,共计
				// 64件。其中,通过信函提交申请的6件,…" (a real 2025 national
				// bureau's page): 新收 alone under the heading of
				// applications, the noun carried by the heading. The ways of
				// applying the line names are parts after 其中, not the way
				// this count came by; a line naming one before it ("以信函
				// 方式新收2件") still leaves the count one way's.
				k, ok = nReceived, true
			}
			if !ok && receivedObjectRE.MatchString(clause[m[1]:]) {
				// "共收到9份政府信息公开申请": the count before its noun.
				k, ok = classify(seg+strings.TrimPrefix(receivedObjectRE.FindString(clause[m[1]:]), "的"), clause, clause[:m[1]], before, ctx, unit)
				ok = ok && k == nReceived
			}
			if noun := bareAppsObject(clause[m[1]:]); !ok && noun != "" {
				// "2023年,我局共收到1件依申请公开,已按时答复" (found in
				// session 37), "共受理3件依申请公开", "收到2件依申请公开信息",
				// "共收到3件申请": the count before a noun that ends its
				// clause, as "共收到依申请公开1件" and "共受理依申请公开信息3条"
				// say it after; they are read so, through the same rules
				// (a count received only). They were blank with no word.
				k, ok = classify(seg+noun, clause, clause[:m[1]], before, ctx, unit)
				ok = ok && k == nReceived
			}
			if !ok && strings.Contains(clause[m[1]:], "信息公开") && ownAppsObjectRE.MatchString(clause[m[1]:]) {
				// "本局YYYY年度收到N件针对本部门有关政府信息公开事务的申请"
				// (a real 2024 municipal bureau's page, traditional script):
				// the count before its noun, the applications made to the
				// organ itself; blank with no word before.
				k, ok = classify(seg+"政府信息公开申请", clause, clause[:m[1]], before, ctx, unit)
				ok = ok && k == nReceived
			}
			if !ok && decideVerb != "" && strings.Contains(unitsDecide, unit) {
				// "办理行政许可89件、行政处罚18件" (the shape of a real
				// bureau's page): the kind listed after a count of
				// decisions takes its verb.
				if kind := strings.Trim(seg, "、,和及与"); kind == "行政处罚" || kind == "行政许可" || kind == "行政强制" ||
					kind == "行政处罚案件" || kind == "行政处罚决定" || kind == "行政许可决定" || kind == "行政强制措施" {
					k, ok = classify(decideVerb+kind, clause, clause[:m[1]], before, ctx, unit)
					ok = ok && (k == nLicensing || k == nPenalty || k == nCoercion)
				}
			}
			if !ok && strings.Contains(unitsCases, unit) && strings.Contains(seg, "行政复议") && strings.Contains(seg, "办理") &&
				!hasAny(seg, "诉讼", "起诉", "维持", "纠正", "纠错", "撤销", "撤回", "驳回", "审结", "审理", "受理复议", "其他", "复议机关") && ctx.about(topicDisclosure) {
				// "依法办理示例省某厅为被申请人的政府信息公开类行政复议17件"
				// (the shape of a real 2023 provincial department's page,
				// after its applications): reviews the organ handled. They
				// may be those it heard as the reviewing organ as well as
				// those brought against it, so the count is no review.total
				// (rule nReview keeps 办理 out); it was passed over with no
				// word. Those said to be heard "作为复议机关" are none of
				// table 四's, and need no word.
				emit(nReview, false, f, "", errReviewHandled)
				continue
			}
			if ok && k == nReview && strings.Contains(ctx.line, "复议决定") && reviewerRE.MatchString(ctx.line) && !hasAny(before+seg, respondentWords...) {
				// "行政复议N件,M件做了复议决定,行政诉讼N件" (a real 2024
				// district government's page, after its applications): the
				// organ made the review decisions, so the reviews counted
				// are those it heard as the reviewing organ, not those
				// brought against its disclosure; the count was stored as
				// review.total with no word.
				emit(nReview, false, f, "", errReviewer)
				continue
			}
			if ok && (k == nLicensing || k == nPenalty || k == nCoercion) {
				for _, v := range []string{"作出", "办理", "办结", "实施", "决定", "准予", "查处"} {
					if strings.Contains(seg, v) {
						decideVerb = v
						break
					}
				}
			}
			if !ok && strings.Contains(unitsDocs, unit) && strings.Contains(seg, "规范性文件") && !strings.Contains(seg, "规章") {
				switch {
				case strings.Contains(seg, "继续有效") && !hasAny(seg, "现行有效", "废止", "失效", "修改", "修订"):
					emit(nNormInForce, false, f, "", errStillValid)
					continue
				case hasAny(seg, "主动公开", "公开了", "予以公开") && !hasAny(seg, "制发", "印发", "出台", "制定", "发布", "废止", "现行有效", "继续有效", "其中") && !hasAny(seg, normNot...):
					emit(nNormIssued, false, f, "", errDocsPublished)
					continue
				case hasAny(seg, "发布", "公布") && !hasAny(seg, "新发布", "制发", "印发", "出台", "制定", "废止", "现行有效", "继续有效", "解读") && !hasAny(seg, normNot...):
					// "发布行政规范性文件3篇" (the shape of real 2019–2021
					// county pages): issued this year (制发), or put out on
					// the site (公开) whenever made, the words do not say;
					// said to be left out (before: no word).
					emit(nNormIssued, false, f, "", errDocsReleased)
					continue
				}
			}
			if !ok && strings.Contains(unitsDocs, unit) && hasSuffixAny(seg, "制发", "印发", "出台", "制定", "新发布") && !hasAny(seg, normNot...) &&
				normObjectRE.MatchString(clause[m[1]:]) {
				// "2024年制发6份局本级规范性文件" (the shape of a real
				// bureau's page): the documents issued, the count before
				// its noun.
				k, ok = nNormIssued, true
			}
			if !ok && strings.Contains(unitsApps, unit) && hasAny(seg, "收到", "接到", "受理", "接收") && hasAny(seg, "依申请公开来信", "信息公开来信", "申请来信") {
				// "2024年收到依申请公开来信1件次" (a real 2024 street
				// office's page): the applications that came by letter;
				// whether others came another way the words do not say.
				emit(nReceived, false, f, "", errOneWay)
				continue
			}
			if !ok && strings.Contains(unitsApps, unit) && hasAny(seg, "收到", "接到", "受理", "接收") && byApplicantObjectRE.MatchString(clause[m[1]:]) {
				// "全街收到N件由自然人发起的政府信息公开申请" (the shape of a real 2024
				// street office's page): the count before its noun, of the
				// applications of one kind of applicant; whether others
				// applied the words do not say. It was passed over with no
				// word.
				emit(nReceived, false, f, "", errOneApplicant)
				continue
			}
			if !ok && unit == "个" && hasAny(seg, "收到", "接到", "受理", "接收") && applicantsObjectRE.MatchString(clause[m[1]:]) {
				// "共收到N个自然人的政府信息公开申请" (a real 2023 municipal
				// bureau's page): a count of those who applied, not of the
				// applications (one may make several), and of one kind of
				// applicant. It was passed over with no word.
				emit(nReceived, false, f, "", errApplicantsCounted)
				continue
			}
			if !ok && strings.Contains(unitsApps, unit) && hasAny(seg, "收到", "接到", "受理", "接收") && viaChannelObjectRE.MatchString(clause[m[1]:]) {
				// "某区税务局收到N条公众通过“…依申请公开栏目”提交的
				// 申请" (a real 2023 district tax bureau's page): the count
				// before its noun, of the applications that came through
				// one channel; whether others came another way the words
				// do not say.
				emit(nReceived, false, f, "", errOneWay)
				continue
			}
			ante := before
			if ctx.partsOf != "" {
				// "共收到政府信息公开申请N件,…。其中A件已公开;B件部分公开;C条
				// 本机关不掌握相关政府信息" (a real 2024 district commission's
				// page): the list after 其中 is of the sentence before, across
				// its semicolons. It was passed over with no word.
				ante = ctx.partsOf + before
			}
			if !ok && strings.Contains(unitsApps, unit) && strings.Trim(seg, "对其中,、") == "" && ctx.about("申请") && !hasAny(ante+ctx.ownSentence(before), otherTopics...) &&
				hasAny(ante, "收到", "受理", "接到", "接收", "新收") && !hasAny(ante, "结转", "转结", "上年") && outcomesOfAll(ante, ctx) {
				// "今年共收到政府信息公开申请5件,对其中3件予以公开,1件部分
				// 公开,1件不公开并告知行政查询途径" (a real 2022 district
				// bureau's page): the outcome after its count, and nothing
				// else in the clause, of the applications the sentence
				// said received (not of those carried in). They were
				// passed over with no word.
				k, ok = countFirstOutcome(strings.TrimRight(clause[m[1]:], "。."), ctx.line)
			}
			if !ok && strings.Contains(unitsApps, unit) && strings.Trim(seg, "对其中,、") == "" && ctx.about("申请") && !hasAny(ante+ctx.ownSentence(before), otherTopics...) &&
				hasAny(ante, "收到", "受理", "接到", "接收", "新收") && (hasAny(ante, "结转", "转结", "上年") || carriedSomeRE.MatchString(ctx.line)) {
				// "收到申请7件,上年结转1件,其中1件属于国家秘密不予公开,6件予以
				// 公开" (the shape session 31 met on a real page): the same
				// outcomes after a count carried in. Of the applications
				// received, of those carried in, or of both, the words do
				// not say, and table 三's outcomes hold those carried in
				// and handled this year. They were passed over with no
				// word; each is now blank with errAfterCarried's warning.
				// "今年共收到申请5件,对其中3件予以公开,1件部分公开。上年结转2件
				// 已办结" (review s28's shape): the outcomes of those
				// received, but the year's hold those carried in too,
				// whose outcomes are not said (errBesideCarried).
				if ck, said := countFirstOutcome(strings.TrimRight(clause[m[1]:], "。."), ctx.line); said {
					bad := errAfterCarried
					if !hasAny(ante, "结转", "转结", "上年") {
						bad = errBesideCarried
					}
					emit(ck, false, f, "", bad)
					continue
				}
			}
			if !ok && strings.Contains(unitsApps, unit) && strings.Trim(seg, "对其中,、") == "" && ctx.about("申请") && !hasAny(ante+ctx.ownSentence(before), otherTopics...) &&
				!hasAny(ante, "收到", "受理", "接到", "接收", "新收") && hasAny(ante, "结转", "转结", "上年") {
				// "上年结转申请3件。其中2件予以公开" (the shape round 19 met
				// on a real page): outcomes of the applications carried in,
				// named alone. Table 三's outcomes hold the year's new ones
				// too; these were passed over with no word.
				if ck, said := countFirstOutcome(strings.TrimRight(clause[m[1]:], "。."), ctx.line); said {
					emit(ck, false, f, "", errOfCarried)
					continue
				}
			}
			if !ok && strings.Contains(unitsApps, unit) && (strings.Trim(seg, "对其中,、") == "" || strings.Trim(seg, "、,") == "其他") && ctx.about("申请") && !hasAny(ante+ctx.ownSentence(before), otherTopics...) &&
				hasAny(ante, "收到", "受理", "接到", "接收", "新收") {
				if k, bad, said := outcomeUnsaid(strings.TrimRight(clause[m[1]:], "。.")); said && bad != nil && (strings.Trim(seg, "对其中,、") == "" || bad == errWithdrawn) {
					emit(k, false, f, "", bad)
					continue
				}
			}
			if !ok && strings.Contains(unitsApps, unit) && !receivedBefore(seg) && receivedNounRE.MatchString(clause[m[1]:]) {
				if own, named := organBeforeVerb(seg, ctx.agency); named && own {
					// "2024年,示例桥街道接到2项政府信息公开的申请" (the shape
					// of a real 2024 street office's page): the organ's own
					// name before the verb. It was passed over with no word.
					k, ok = nReceived, true
				} else if named {
					// Another organ's name, or one that is not quite the
					// page's ("某某街道" in 某某街's report, a real page's shape; "市政府办公室"
					// in a bureau's, review s28): not read as this organ's,
					// and said to be.
					emit(nReceived, false, f, "", errOtherOrgan)
					continue
				}
			}
			if !ok && strings.Contains(unitsApps, unit) && receivedBefore(seg) && receivedNounRE.MatchString(clause[m[1]:]) {
				// "2021年度,我委收到7条依申请公开政府信息的申请,并已办理完成"
				// (a real 2021 commission's page): the count before its
				// noun, which is all the clause says after it. It was
				// passed over with no word.
				k, ok = nReceived, true
			}
			if !ok && f == 0 && strings.Contains(seg, "不予公开") && hasAny(seg, "依申请和", "依申请及", "依申请、") {
				// "全年发生依申请和不予公开政府信息条数0条" (a real 2013
				// town's page): no item given on application and none
				// withheld, so none withheld; whether applications came
				// (answered that the information does not exist, say)
				// the words do not say.
				emit(nWithheld, true, 0, "", nil)
				emit(nReceived, false, 0, "", errUnsaid)
				continue
			}
			if !ok && strings.Trim(seg, "其中,、") == "" && strings.HasPrefix(strings.TrimLeft(seg, ",、"), "其中") && strings.Contains(unitsApps, unit) &&
				strings.Contains(ctx.line, "申请") && answeredPartRE.MatchString(clause[m[1]:]) && ctx.about(topicDisclosure) {
				// "收到…申请4件…。其中3件已按照相关要求进行书面回复,1件结转
				// 2023年度继续办理" (a real 2022 district police bureau's
				// page): those of the year's applications answered, which
				// leaves out any carried in and answered; said to be left
				// out (before: no word).
				emit(nHandled, false, f, "", errAnsweredPart)
				continue
			}
			if (!ok || k == nHandled) && strings.Contains(unitsApps, unit) && (!ok && partHandledRE.MatchString(strings.Trim(seg, ",、")) || afterBareParts(before) && handledAfterPartsRE.MatchString(strings.Trim(seg, ",、"))) &&
				strings.Contains(ctx.line, "申请") && hasAny(ctx.partsOf+before, receiveVerbs...) && !hasAny(before, otherTopics...) && ctx.about(topicDisclosure) {
				// "新收到…申请N件,结转上年度办理M件。其中,答复依申请公开政府
				// 信息K件,…,结转下年度继续办理J件" (the shape of a real 2025
				// district office's page): 其中 alone, its clause cut from
				// the count by a comma, with the applications' noun after
				// the verb; the count sentences before said received.
				// A part, as "其中办结43件" is: the count was passed over
				// with no word, or, when the sentence had said received
				// before 其中, stored as the year's count handled.
				// "收到政府信息公开申请60件,其中办结43件" (the shape of real
				// county pages): those of the year's applications handled,
				// which leaves out any carried in and handled; said to be
				// left out, as "其中43件已办结" is (before: no word).
				bad := errAnsweredPart
				if ctx.partsOf != "" || afterBareParts(before) {
					// Of the applications the sentence before counted,
					// which may hold those carried in: said in words of
					// its own.
					bad = errAnsweredAmong
				}
				emit(nHandled, false, f, "", bad)
				continue
			}
			if !ok && strings.Trim(seg, "其中,、") == "公开" && strings.Contains(unitsApps, unit) &&
				(hasAny(ctx.line, "答复", "办结", "回复") || strings.Contains(ctx.line, "不予公开") && hasAny(before, "收到", "受理") && !hasAny(before, "结转", "转结", "上年", "其中") && ctx.partsOf == "") &&
				strings.Contains(ctx.line, "申请") && ctx.about(topicDisclosure) {
				// "…共收到依申请公开0件,公开0件,不予公开0件" (the shape of a real
				// 2022 township's page): 公开 set against 不予公开 in the list
				// after the count received is granted too.
				// "共收到信息公开申请22起,…答复22起。其中公开1起,不属于政府
				// 信息4起,…" (a real 2023 public security bureau's page): in
				// the list of the answers, 公开 alone is the applications
				// granted.
				k, ok = nGranted, true
			}
			if !ok && strings.Contains(unitsCases, unit) && strings.Trim(seg, "其中共计发生收到被申请有了") == "" && strings.Contains(clause[m[1]:], "复议") &&
				reviewObjectRE.MatchString(clause[m[1]:]) && (strings.Contains(clause, "信息公开") || ctx.about(topicDisclosure)) {
				// "其中,发生1起有关政府信息公开的行政复议案件" (the shape of a
				// real 2022 district police bureau's page): the count of
				// reviews before its noun.
				k, ok = nReview, true
			}
			if !ok && unit == "件" && strings.Contains(clause[m[1]:], "不掌握") && notHeldAfterRE.MatchString(clause[m[1]:]) && strings.Contains(ctx.line, "申请") &&
				ctx.about(topicDisclosure) {
				// "已办理的3件均属于《条例》所指本机关不掌握相关政府信息"
				// (the shape of a real 2022 district police bureau's page):
				// every one of them answered that the organ holds no such
				// information.
				k, ok = nNotHeld, true
			}
			if !ok && strings.HasSuffix(seg, "对") && receivedObjectRE.MatchString(clause[m[1]:]) && answeredAfterRE.MatchString(clause[m[1]:]) &&
				!hasAny(seg, "按时", "按期", "逾期", "延期", "其中") {
				// "2020年省税务局对49份政府信息公开申请依法作出答复" (a real
				// 2020 provincial tax bureau's page): the applications
				// answered, the count before its noun and verb.
				k, ok = nHandled, true
			}
			if !ok && (strings.Contains(unitsDocs, unit) || unit == "条" && docsTripleInTiao(ctx.line) && strings.TrimSpace(clause[m[1]:]) == "") {
				// "…规范性文件清理工作，本年度制发N件，废止M件，现行有效K件",
				// "主动公开市政府规章N件（含新制定A件，废止C件）" (the shapes
				// of a real 2024 public security bureau's and a real 2022
				// municipal government's pages): table 二's words alone,
				// after the kind of document they count.
				if dk, bad, doc := docVerb(seg, before+clause[:m[0]], ctx.line); doc {
					if bad != nil {
						emit(dk, false, f, "", bad)
						continue
					}
					k, ok = dk, true
				}
			}
			if !ok && ctx.byReason && strings.Contains(unitsApps, unit) && ctx.about("申请") && !hasAny(seg, otherTopics...) {
				if _, n := withheldFor(seg); n > 1 {
					// "因属于国家秘密及过程性信息不予公开N件": withheld,
					// for two reasons at once; the rule of 不予公开 shuns
					// 信息, and the count was passed over with no word.
					// Said to fit no one row.
					k, ok = nWithheld, true
				}
			}
			if !ok && suitUnsaid(seg, unit, ctx) {
				// None of any cause is none from disclosure too, of
				// either suit.
				if f == 0 {
					emit(nLitigation, true, 0, "", nil)
				} else {
					emit(nLitigation, false, f, "", errSuitTopicUnsaid)
				}
				continue
			}
			if !ok && reviewUnsaid(seg, unit, ctx) {
				// None of any cause is none from disclosure too.
				if f == 0 {
					emit(nReview, true, 0, "", nil)
				} else {
					emit(nReview, false, f, "", errTopicUnsaid)
				}
				continue
			}
			if !ok {
				if k, bare := bareDecisions(seg, unit); bare {
					// "…规范性文件N件,行政许可项目N项,行政处罚N件,行政强制N件"
					// (the shape of a real 2021 township's prose): the
					// kind alone, no verb; decisions made, matters
					// listed or decisions published, the words do not
					// say. They were passed over with no word.
					emit(k, false, f, "", errBareDecisions)
					continue
				}
				if k, part := channelPart(seg, unit, ctx); part {
					// One channel's count, the line giving another its
					// own: no whole, said to be unless another statement
					// gives the count.
					emit(k, false, f, "", errChannelPart)
				}
				continue
			}
			if k == nWithheld && ctx.byReason {
				if rk, n := withheldFor(seg); n == 1 {
					// "因申请事项属于行政查询范畴依法不予公开N件",
					// "因属于国家秘密不予公开N件": withheld, for the one
					// reason the words name, which is that reason's row;
					// it was said to fit no row.
					k = rk
				}
			}
			if docKinds[k] && levelDocs(before+clause[:m[0]], ctx.agency) {
				emit(k, false, f, "", errLevelDocs)
				continue
			}
			if k == nReceived && declaredNotApplications(sentenceAfter(ctx.line, clause, m[1])) {
				// "收到依申请公开1件,经核实不属于政府信息公开申请" (the shape
				// of real 2020 county pages): the organ says what it
				// received was no application for information; it was
				// stored as apps.new 1. The 2021 form may count it all the
				// same (不予处理, 信访举报投诉类申请): which the organ did the
				// words do not say.
				emit(k, false, f, "", errDeclaredNot)
				continue
			}
			if k == nReceived {
				if more, after := moreApplicants(restOfSentence(ctx, clause, m[1])); len(more) > 0 {
					// "收到群众申请10件,公民、法人或其他组织申请12件": a second
					// count of applications by applicant right after, its
					// verb left out. Passed over with no word, and 10
					// stored as the year's count. One whole side and the
					// other are the count together; the public's count and
					// the two whole sides adding up to it, its parts; any
					// other the words leave unsure (a part, or more).
					if sum, ok := bothSides(applicantSide(seg), sideError(applicantSide(seg), seg), f, more, after); ok {
						emit(k, sum == 0, sum, "", nil)
					} else {
						emit(k, false, f, "", errMoreApplicants)
					}
					continue
				}
			}
			if side := applicantSide(seg); k == nReceived && side != sideAll {
				// "全年收到公民申请N件": the applications of citizens; whether
				// a legal person or another organisation applied the words
				// do not say. It was stored as apps.new N.
				emit(k, false, f, "", sideError(side, seg))
				continue
			}
			if k == nReceived && oneWay(seg) {
				// "我委接收网络方式提交政府信息公开5件": the online
				// applications; whether others came by letter or in person
				// the words do not say (real reports that count by way of
				// applying give the total beside the parts).
				emit(k, false, f, "", errOneWay)
				continue
			}
			if numText[0] >= '0' && numText[0] <= '9' {
				// Before the test of a whole count, which a figure beyond
				// int64 would fail silently.
				if bad := value.Holds(f, value.Scan(numText).Digits, numText); bad != nil {
					emit(k, false, f, "", bad)
					continue
				}
			}
			if f != float64(int64(f)) && k != nInfoFees && k != nAdminFees {
				continue // a count is whole
			}
			if k == nReceived && forwarded(seg) {
				emit(k, false, f, "", errForwarded)
				continue
			}
			// An amount is kept in its measure's unit, converted exactly
			// from the unit the sentence gives it: fees.amount_wan in 万元
			// ("125000元" is 12.5), pre2019.fees in 元 ("1.2万元" is 12000).
			u := ""
			switch {
			case k == nAdminFees && unit == "元":
				f = value.ScaleDecimal(f, -4)
			case k == nInfoFees && unit == "万元":
				f, u = value.ScaleDecimal(f, 4), "元"
			case k == nInfoFees:
				u = unit
			}
			emit(k, f == 0, f, u, nil)
		}
	}
}

// clauseSkipped reports whether a clause cannot state an exact figure of the
// organ for the year.
// When the only reasons are that the clause speaks of the whole area the
// organ is in (全区, 全乡) or of every year up to now (soFarWords), whole is
// true: a zero stated for it holds for the organ, and for this year, as well
// ("截止目前我镇未接受申请", with no comma to put 截止 in a clause of its
// own).
func clauseSkipped(clause string, year int, agency string) (skip, whole bool) {
	words := yearTotals.Replace(clause) // "全年累计…46条" is the year's
	soFar := false
	for _, w := range skipWords {
		if strings.Contains(words, w) {
			if slices.Contains(soFarWords, w) {
				soFar = true
				continue
			}
			return true, false
		}
	}
	if otherYear(clause, year) || namesOtherOrgan(clause, agency) || partOfYear(clause) {
		return true, false
	}
	scopes := scopeRE.FindAllString(clause, -1)
	if len(scopes) == 0 {
		if levelOnly(clause) && !strings.Contains(clause, "规范性文件") {
			// "区本级" is the level's organs, the reporting one among
			// them when it is of that level: its none is the organ's, as
			// the whole area's is. The level's normative documents are
			// docVerb's to tell.
			return true, true
		}
		return soFar, soFar
	}
	for _, sc := range scopes {
		if !strings.HasPrefix(sc, "全") {
			return true, false
		}
	}
	return true, true
}

// partYearOnly reports whether a clause is passed over (clauseSkipped) only
// because it counts over part of the year (partOfYear): no share, other
// year, other organ or area, nor a sum over years ("2022年1-6月收到申请5
// 件", "2022年1月至今共收到申请5件"; a time so far, 以来, is no other).
func partYearOnly(clause string, year int, agency string) bool {
	if !partOfYear(clause) || otherYear(clause, year) || namesOtherOrgan(clause, agency) || scopeRE.MatchString(clause) {
		return false
	}
	words := yearTotals.Replace(clause)
	for _, w := range skipWords {
		if strings.Contains(words, w) && (w != "以来" || !strings.Contains(words, "月以来")) {
			return false
		}
	}
	return true
}

// monthSpanRE finds a span of months: "1-6月", "1—6月", "1月至6月",
// "1月1日至6月30日".
var monthSpanRE = regexp.MustCompile(`([0-9]{1,2})(?:月(?:[0-9]{1,2}日)?)?(?:-|—|–|~|～|至|到)([0-9]{1,2})月`)

// partOfYear reports whether a clause counts over months that are not the
// whole year ("2020年1-6月收到申请5件", a probe of round 30: stored as the
// year's applications received, as 上半年 is not): only 1 to 12 is the year.
func partOfYear(clause string) bool {
	if !strings.Contains(clause, "月") {
		return false
	}
	// Only the months said before the clause's first count set its time:
	// "收到申请12件(其中12月收到3件)" is the year's 12 with a part after.
	if m := countedRE.FindStringIndex(clause); m != nil {
		clause = clause[:m[0]]
	}
	for _, m := range monthSpanRE.FindAllStringSubmatch(clause, -1) {
		if m[1] != "1" && m[1] != "01" || m[2] != "12" {
			return true
		}
	}
	// A month named alone, not as a span's end nor as a date's ("2020年12月
	// 收到申请5件", "自2020年7月起收到申请5件", review's probes): a month's
	// count, or one from a month on. A date (12月31日, 1月1日) bounds the
	// year or a time so far, which the skip words tell.
	if hasAny(clause, "截至", "截止") {
		return false // a time so far, the skip words' to tell
	}
	if fromJanuary(clause) {
		return true
	}
	rest := monthSpanRE.ReplaceAllString(clause, "")
	for _, m := range monthAloneRE.FindAllStringSubmatchIndex(rest, -1) {
		after := rest[m[1]:]
		if d, _ := utf8.DecodeRuneInString(after); d >= '0' && d <= '9' || d == '底' || d == '末' {
			continue // a date (N月D日), or the year's end (12月底)
		}
		if month := strings.TrimLeftFunc(rest[m[0]:m[1]], func(r rune) bool { return r < '0' || r > '9' }); (month == "1月" || month == "01月" || month == "1月份") && yearEnd(after) {
			continue // "2022年1月起至年底": the year
		}
		return true
	}
	return false
}

// yearEnd reports whether what follows the start of a span ends it with the
// year: "…至12月31日", "…至年底".
func yearEnd(after string) bool {
	return hasAny(after, "年底", "年末", "年终", "12月31日", "12月底", "12月末")
}

// fromJanuary reports whether a clause counts from the year's first month
// to the day of writing ("2022年1月至今", "1月以来", "1月起", "2022年1月1日
// 至今") without saying that the span ends with the year ("…至12月31日",
// "…至年底"): 至今 is the day the report was written, often after the
// year's end (by 31 January of the next, or later) and sometimes before it
// (a real 2018 county bureau's page, dated 12-26, "2018年1月至今…256条"),
// so the count may run into the next year or stop short of December. It
// is part of the year (partOfYear), not the year's.
func fromJanuary(clause string) bool {
	for _, m := range januaryOnRE.FindAllStringIndex(clause, -1) {
		if m[0] > 0 {
			if d, _ := utf8.DecodeLastRuneInString(clause[:m[0]]); d >= '0' && d <= '9' {
				continue // 11月, 21日
			}
		}
		if !yearEnd(clause[m[1]:]) {
			return true
		}
	}
	return false
}

// januaryOnRE finds a span from January on: "1月至今", "01月以来", "1月份
// 起", "1月1日至今".
var januaryOnRE = regexp.MustCompile(`0?1月(?:份|1日)?(?:至今|以来|起|开始|至目前|到现在|至现在)|0?1月1日(?:至今|以来|至目前)`)

// monthAloneRE finds a month named in digits: "12月", "7月份".
var monthAloneRE = regexp.MustCompile(`(?:^|[^0-9])[0-9]{1,2}月(?:份)?`)

// ownSentence reports whether no clause of a sentence is passed over for
// its scope, another organ, another year or a share (clauseSkipped), nor
// set in another year by one before it: what it names is the organ's own
// of the year, and a sentence joined to it by a semicolon may lean on it.
func ownSentence(sent string, year int, agency string) bool {
	if otherYear(sent, year) {
		return false
	}
	for _, c := range strings.FieldsFunc(sent, func(r rune) bool { return r == ',' || r == ':' }) {
		if skip, _ := clauseSkipped(c, year, agency); skip {
			return false
		}
	}
	return true
}

// areaPartsClause reports whether clauseSkipped passes over a clause only
// for the scope it names, the whole area among it with its parts ("2017年,
// 全县各级各部门主动公开政府信息共计14189条"): a count of the area, which may
// sum every organ of it, whose zero is not surely the organ's.
func areaPartsClause(clause string, year int, agency string) bool {
	// The parts named are no other organ ("各部门" ends in 部门).
	if hasAny(yearTotals.Replace(clause), skipWords...) || otherYear(clause, year) ||
		namesOtherOrgan(scopeRE.ReplaceAllString(clause, ""), agency) {
		return false
	}
	for _, x := range scopeRE.FindAllString(clause, -1) {
		if strings.HasPrefix(x, "全") {
			return true
		}
	}
	return false
}

// partsScope reports whether a clause passed over (clauseSkipped) was passed
// over only for the scope it names or inherits, the area's organs or parts
// (各级, 各部门, 下属): no word of a comparison, a share or a time so far,
// no other year, no other organ named beside the scope.
func partsScope(clause string, inherited bool, year int, agency string) bool {
	if !inherited && !scopeRE.MatchString(clause) {
		return false
	}
	return !hasAny(yearTotals.Replace(clause), skipWords...) && !otherYear(clause, year) &&
		!namesOtherOrgan(scopeRE.ReplaceAllString(clause, ""), agency)
}

// carriedInRE finds the words of the carried-in count, 上年结转 and the
// 上年转结 many pages write for it ("上年转结1件"), with or without 度.
var carriedInRE = regexp.MustCompile(`上一?年度?(?:无|没有)?(?:结转|转结)|(?:结转|转结)上一?年度?`)

// otherYear reports whether s speaks of another year than the report's: it
// names one, or says 上年 (other than in 上年结转 or 上年转结, the carried-in
// count: taken for another year's, it left every clause after it unread,
// "发生行政复议1件" too).
//
// A year inside a document's title in book-title marks is the title's, not
// the year the clause's count is of: "出台《某某行动实施方案(2025—2035年)》等
// 行政规范性文件N件" (the shape of a real 2025 national bureau's page) names
// the years the document plans for, and its count, the year's issued, was
// passed over with no word.
func otherYear(s string, year int) bool {
	if strings.Contains(s, "上年") && !carriedInRE.MatchString(s) {
		return true
	}
	var titles [][]int
	if strings.Contains(s, "《") {
		titles = bookTitleRE.FindAllStringIndex(s, -1)
	}
	for _, m := range yearRE4.FindAllStringIndex(s, -1) {
		if n, _ := strconv.Atoi(s[m[0]:m[1]]); n != year && namedYear(s, m[0], m[1]) && !inSpans(titles, m[0]) {
			return true
		}
	}
	return false
}

// bookTitleRE finds a document's title in book-title marks (《…》).
var bookTitleRE = regexp.MustCompile(`《[^《》]{1,100}》`)

// inSpans reports whether the byte offset i falls inside one of spans.
func inSpans(spans [][]int, i int) bool {
	for _, sp := range spans {
		if i > sp[0] && i < sp[1] {
			return true
		}
	}
	return false
}

// comparisonWords mark a clause that names a year only to compare with it
// ("比2022年增加3件", "与2022年相比", "较上年增长33%").
var comparisonWords = []string{"比", "较", "相比", "增加", "减少", "增长", "下降", "上升", "持平"}

// otherYearBefore reports whether the sentence before a clause sets another
// year than the report's for it: the last clause before it that names a
// year does, unless it names that year only to compare with it. Before, any
// year named anywhere before counted, so '收到申请12件,比2022年增加3件,办结
// 12件' or '与2022年相比,2023年我局共收到申请12件' left this year's counts
// after the comparison unread.
func otherYearBefore(before string, year int) bool {
	if !otherYear(before, year) {
		return false // no clause before names another year (the common case, without splitting)
	}
	parts := strings.FieldsFunc(before, func(r rune) bool { return r == ',' || r == ':' })
	for i := len(parts) - 1; i >= 0; i-- {
		p := parts[i]
		other := otherYear(p, year)
		if !other && !namesYear(p, year) {
			continue
		}
		if hasAny(p, comparisonWords...) {
			continue
		}
		return other
	}
	return false
}

// namesYear reports whether s names the year year in digits ("2023年").
func namesYear(s string, year int) bool {
	y := strconv.Itoa(year)
	for i := 0; ; {
		j := strings.Index(s[i:], y)
		if j < 0 {
			return false
		}
		j += i
		if namedYear(s, j, j+len(y)) {
			return true
		}
		i = j + len(y)
	}
}

// toGovernmentRE finds a people's government named in a clause as the one
// addressed ("向市政府", "向区人民政府"); a government's website named as a
// channel ("通过县政府门户网站主动公开") is not.
var toGovernmentRE = regexp.MustCompile(`向[^,;:]{0,6}?(?:[省市区县州旗镇乡]|人民)政府`)

// namesOtherOrgan reports whether the clause names an organ ("区教育局",
// "某某镇") that is not the reporting organ ("我局", "本单位", or a part of
// the agency's name). In the report of an organ that is no government (a
// department, a street office) a government addressed is another organ:
// "向市政府及市政府办公室提出的政府信息公开申请5件" counts the city's.
func namesOtherOrgan(clause, agency string) bool {
	key := labels.Normalize(agency)
	if key != "" && !strings.Contains(key, "政府") && toGovernmentRE.MatchString(clause) {
		return true
	}
	for _, suf := range orgSuffixes {
		for i := 0; ; {
			j := strings.Index(clause[i:], suf)
			if j < 0 {
				break
			}
			j += i
			i = j + len(suf)
			if hasPrefixAny(clause[i:], "网站", "门户", "宣传栏", "公开栏", "公示栏", "公告栏", "公众号", "微信", "微博", "专栏", "平台") {
				// "通过…市政府镇宣传栏…主动公开": the organ owns a channel
				// the count went through, it does not report the count.
				continue
			}
			if strings.HasPrefix(clause[i:], "本级") && strings.Contains(key, suf) {
				// "制发6份局本级规范性文件" in a 局's report: the organ's
				// own level, not another organ.
				continue
			}
			if hasPrefixAny(clause[i:], "和个人", "或个人", "及个人", "、个人", "和公民", "或公民") {
				// "没有与有关单位和个人因…申请行政复议": the people and
				// bodies a proceeding is with, not an organ that reports.
				continue
			}
			r, size := utf8.DecodeLastRuneInString(clause[:j])
			if size == 0 || !unicode.Is(unicode.Han, r) || strings.ContainsRune("我本该此全", r) {
				continue
			}
			if suf == "乡" && (r == '城' || strings.HasPrefix(clause[i:], "村")) {
				// "围绕乡村振兴…", "统筹城乡…": words of a policy, no township.
				continue
			}
			if (suf == "乡" || suf == "镇") && hasPrefixAny(clause[i:], "市", "县", "区", "旗") {
				// "本局2014年通过桐乡市政府信息公开网主动公开政府信息92条" (a real
				// 2014 county-level city bureau's page): the 乡 of 桐乡市 (新乡市,
				// 东乡区) ends no township; the city's own name was taken for
				// another organ, and the count left blank with that word.
				continue
			}
			if selfByLevel(r, suf, key) {
				continue // "区局" in the report of a 区's 税务局: the organ itself
			}
			if key != "" && strings.Contains(key, suf) && afterYear(clause[:j]) {
				continue // "2019年度街道发生…" in a 街道办事处's report: the organ named by its kind alone
			}
			if key != "" && strings.Contains(key, suf) && hasPrefixAny(clause[i:], "各项工作", "工作人员", "干部职工") {
				// "统筹推进疫情防控和抓紧抓实抓细街道各项工作,…,主动公开政府
				// 信息232条" in a street's report (a real 2020 street
				// office's page): the organ named by its kind alone before
				// its own work, not another organ ("抓细街道"). The count
				// was left blank, said to be maybe another organ's.
				continue
			}
			r2, size2 := utf8.DecodeLastRuneInString(clause[:j-size])
			name := clause[j-size : j+len(suf)]
			if size2 > 0 && unicode.Is(unicode.Han, r2) {
				name = clause[j-size-size2 : j+len(suf)]
			}
			if key != "" && strings.Contains(key, name) {
				continue // the organ's own name, or its end
			}
			if key != "" && ownAltName(clause[:j+len(suf)], key) {
				continue // "嘉兴市市场监管局" in 嘉兴市市场监督管理局's report
			}
			if key != "" && strings.Contains(shortNames.Replace(key), name) {
				// "开福区卫健局通过…主动公开信息124条" in 开福区卫生健康局's
				// report: its short name. A level before the short name
				// must be the organ's own: "市应急局" in a 区应急管理局's
				// report is the city's bureau.
				start := j + len(suf) - len(name) // where name begins in clause
				if lv, n := utf8.DecodeLastRuneInString(clause[:start]); n == 0 || !strings.ContainsRune("省市县区", lv) ||
					strings.Contains(shortNames.Replace(key), string(lv)+name) {
					continue
				}
			}
			if suf == "办事处" && strings.HasSuffix(clause[:j], "街道") && strings.HasSuffix(key, "街道") {
				// "东湖街道办事处在…系统上主动公开政府信息47条" in the report of
				// "绍兴市越城区东湖街道" (a real 2023 street office's): the
				// office is the street's own, its full name.
				if st := strings.TrimSuffix(clause[:j], "街道"); lastHan(st, 2) != "" && strings.HasSuffix(key, lastHan(st, 2)+"街道") {
					continue
				}
			}
			return true
		}
	}
	return false
}

// lastHan returns the last n characters of s when they are all Chinese, or "".
func lastHan(s string, n int) string {
	end := len(s)
	for range n {
		r, size := utf8.DecodeLastRuneInString(s[:end])
		if size == 0 || !unicode.Is(unicode.Han, r) {
			return ""
		}
		end -= size
	}
	return s[end:]
}

// shortNames folds an organ's name to the short form its reports use for
// itself: 卫生健康局 is 卫健局, 人力资源和社会保障局 人社局.
var shortNames = strings.NewReplacer("卫生健康", "卫健", "人力资源和社会保障", "人社", "人力资源社会保障", "人社",
	"市场监督管理", "市监", "发展和改革", "发改", "发展改革", "发改", "住房和城乡建设", "住建", "住房城乡建设", "住建",
	"文化和旅游", "文旅", "文化广电和旅游", "文广旅", "退役军人事务", "退役军人", "医疗保障", "医保",
	"工业和信息化", "工信", "经济和信息化", "经信", "教育和体育", "教体", "教育体育", "教体",
	// "2021年,区应急局主动公开政府信息21条" in 鲤城区应急管理局's report (a
	// real 2021 district bureau's): its own short name, taken for another
	// organ's and left blank.
	"应急管理", "应急")

// altShortNames are short forms of a kind of organ that keep more of it than
// shortNames' ("市场监管局" beside "市监局"): a Replacer holds one form only.
var altShortNames = []struct{ full, short string }{{"市场监督管理", "市场监管"}}

// ownAltName reports whether upTo, a clause up to an organ's ending, ends in
// the reporting organ's name (key) in a short form of altShortNames, with
// its level or its whole name, or the kind alone, as shortNames' are read:
// "2022年,嘉兴市市场监管局受理…申请11件" in
// 嘉兴市市场监督管理局's report (a real 2022 city bureau's page) was taken
// for another organ and its counts left blank. The tail of another name
// ("省市场监管局", "杭州市市场监管局", "市市场监管局" in a district's report)
// is not its own.
func ownAltName(upTo, key string) bool {
	for _, a := range altShortNames {
		i := strings.LastIndex(key, a.full)
		if i < 0 {
			continue
		}
		alt := key[:i] + a.short + key[i+len(a.full):]
		kind := alt[i:]
		if !strings.HasSuffix(upTo, kind) {
			continue
		}
		n := 0 // the bytes upTo and alt end in alike, on runes
		for n < len(upTo) && n < len(alt) {
			r1, s1 := utf8.DecodeLastRuneInString(upTo[:len(upTo)-n])
			r2, _ := utf8.DecodeLastRuneInString(alt[:len(alt)-n])
			if r1 != r2 {
				break
			}
			n += s1
		}
		if n == len(alt) || n == len(upTo) {
			return true
		}
		// The name's tail matched up to a word's start ("区市场监管局" after
		// a comma), not inside another name ("杭州市市场监管局").
		if r, _ := utf8.DecodeLastRuneInString(upTo[:len(upTo)-n]); !unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// afterYear reports whether s ends with a year's words ("2019年度", "本年",
// "全年"): a kind of organ right after them (街道, 镇, 局) has no name of its
// own before it, so it is the organ's own when its name is of that kind.
func afterYear(s string) bool {
	return strings.HasSuffix(s, "年度") || strings.HasSuffix(s, "年")
}

// levelLookalikes are words of agencies' names that hold the character of
// an administrative level without naming one (城市管理局, 市场监督管理局,
// 社区, 园区 …).
var levelLookalikes = []string{"城市", "市场", "市政", "都市", "社区", "园区", "景区", "区域", "小区", "街区", "县域", "省级", "市级", "区级", "县级"}

// selfByLevel reports whether level and suf ("区" and "局": "区局") are the
// short name of the organ whose normalised name is key: it ends with suf, and
// level is the last of the administrative levels it names ("…宜昌市西陵区
// 税务局": 区局 is itself, 市局 the city's bureau).
// A name holding one of levelLookalikes ("…东岸区城市管理局") uses a level's
// character in another word, so its last level is not known from the
// characters alone: the short name is then not taken for the organ (left
// to the rule of other organs, which reads nothing rather than a figure
// that may be the city's).
func selfByLevel(level rune, suf, key string) bool {
	if !strings.ContainsRune("省市区县州旗盟", level) || !strings.HasSuffix(key, suf) {
		return false
	}
	for _, w := range levelLookalikes {
		if strings.Contains(key, w) {
			return false
		}
	}
	last := rune(0)
	for _, r := range strings.TrimSuffix(key, suf) {
		if strings.ContainsRune("省市区县州旗盟", r) {
			last = r
		}
	}
	return last == level
}

// hasPrefixAny reports whether s starts with any of prefixes.
func hasPrefixAny(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// figureValue reads the figure of a token match, refusing approximate ones,
// ordinals ("第一件") and words that only look like figures ("一件事").
func figureValue(clause string, m []int, numText string) (float64, bool) {
	pre, post := clause[:m[0]], clause[m[1]:]
	for _, w := range approxBefore {
		if w == "数" && numText[0] >= '0' && numText[0] <= '9' {
			continue // "数百条" is rough; "政府信息数700条" is a count (数 of 数量)
		}
		if strings.HasSuffix(pre, w) || strings.HasSuffix(strings.TrimSuffix(pre, "共"), w) {
			return 0, false
		}
	}
	for _, w := range approxAfter {
		if strings.HasPrefix(post, w) {
			return 0, false
		}
	}
	if strings.HasSuffix(pre, "第") || strings.HasSuffix(pre, ".") {
		return 0, false
	}
	if numText[0] >= '0' && numText[0] <= '9' {
		f, err := strconv.ParseFloat(strings.ReplaceAll(numText, ",", ""), 64)
		return f, err == nil
	}
	// A Chinese numeral stands in a sentence after a word that takes a
	// figure; "统一", "进一步", "一件事一次办" do not state one.
	r, _ := utf8.DecodeLastRuneInString(pre)
	if pre != "" && !strings.ContainsRune("共计理到收请开结议讼为了有出予均件定罚可条息报办达复案起申", r) {
		return 0, false
	}
	if strings.HasPrefix(post, "事") {
		return 0, false
	}
	n, ok := chineseNumber(numText)
	return float64(n), ok
}

// chineseNumber reads a number written in Chinese numerals: "十一" 11,
// "一百零五" 105, "两" 2, "二〇" is not one (digits read one by one are
// years and codes, not counts).
func chineseNumber(s string) (int, bool) {
	digits := map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	units := map[rune]int{'十': 10, '百': 100, '千': 1000}
	total, section, digit := 0, 0, -1
	lastDigit, lastUnit := false, 10000
	for _, r := range s {
		if d, ok := digits[r]; ok {
			if lastDigit && (digit != 0 || d == 0) {
				// "二三" is no number, nor "一零" or "二〇": digits read
				// one by one ("行政复议一零件" was stored as 0 reviews).
				// Only 零 may stand before a digit ("一百零五").
				return 0, false
			}
			digit, lastDigit = d, true
			continue
		}
		lastDigit = false
		if u, ok := units[r]; ok {
			if u >= lastUnit {
				return 0, false // "十十", "十百": units fall within a section
			}
			lastUnit = u
			if digit < 0 {
				digit = 1 // "十一": the ten stands alone
			}
			section += digit * u
			digit = -1
			continue
		}
		if r == '万' {
			if digit > 0 {
				section += digit
			}
			total += section * 10000
			section, digit, lastUnit = 0, -1, 10000
			continue
		}
		return 0, false
	}
	if digit > 0 {
		section += digit
	}
	if digit < 0 && section == 0 && total == 0 {
		return 0, !strings.ContainsAny(s, "十百千万") && strings.ContainsAny(s, "零〇")
	}
	return total + section, true
}

// unitIn reports whether unit is one of the units a rule allows, written
// one after another ("件个条", "元万元"): 元 is not the 元 of 万元.
func unitIn(units, unit string) bool {
	if unit == "元" {
		units = strings.ReplaceAll(units, "万元", "")
	}
	return strings.Contains(units, unit)
}

// classify tells the kind of figure the words before it state, or false
// when no kind or more than one fits.
//
// upTo is the clause up to the end of the figure: a 其中 in it makes the
// figure a part of another, while one after it opens the figure's own parts
// ("收到政府信息公开申请8件（其中:网上申请8件…）", where the colon cuts the
// clause before the parts).
func classify(seg, clause, upTo, before string, ctx nctx, unit string) (nkind, bool) {
	found, n := nkind(0), 0
	concluded := false // the words of handling, after a review or suit counted (reviewCountedLast)
	// A sentence that opens with 其中 lists parts of the whole before it
	// ("…收到依申请公开6条…。其中,商业企业申请…1条,…,收到自然人申请政府信息
	// 公开申请5条", a real 2024 district commission's): none of its counts
	// is a total.
	hasPart := strings.Contains(upTo, "其中") || strings.HasPrefix(before, "其中")
	// "主动发布政府信息1942条" (a real 2021 provincial department's) says
	// 主动公开 in other words; same length, so offsets stay.
	seg = strings.ReplaceAll(seg, "主动发布", "主动公开")
	if strings.Trim(seg, "、,和及并共计被有") == "诉讼" && strings.Contains(before+"|"+ctx.semi, "行政复议") {
		// "被行政复议9件,全部维持;诉讼1件" (a real 2023 district
		// bureau's): the suit after a review is an administrative one.
		seg = "行政" + seg
	}
	if bare := strings.Trim(seg, "、,和及并共计被有涉"); (bare == "复议" || bare == "诉讼" && strings.Contains(before, "复议")) && ctx.about(topicDisclosure) {
		// "涉及复议0件,诉讼0件" (a real 2024 town's paragraph on
		// applications): a review and then a suit named bare, in a
		// paragraph on disclosure, are the administrative ones of table
		// 四. They were passed over with no word.
		seg = "行政" + bare
	}
	for _, r := range nrules {
		if !unitIn(r.units, unit) || (r.total && hasPart && !(r.kind == nProactive && proactivePart(seg, before)) && !(r.kind == nReview && reviewAfterParts(seg, before+upTo))) {
			continue
		}
		if !allGroups(seg, r.any) || hasAny(seg, r.not...) {
			continue
		}
		if r.topic != "" && !ctx.about(r.topic) {
			continue
		}
		if (r.kind == nNormIssued || r.kind == nNormRepealed || r.kind == nNormInForce) && !docsCounted(seg) {
			// "围绕出台的规范性文件制作图解5份", "全年制定规范性文件目录1份":
			// what is counted is named after the documents (graphics, a
			// catalogue). They were stored as the documents issued.
			continue
		}
		switch r.kind {
		case nCarriedIn, nCarriedOut, nNotProcessed, nOtherHandling:
			// The same of "被申请行政复议3件,维持2件,其他处理1件": the
			// review's, not table 三's 其他处理 (nOtherHandling stored it
			// as apps.other in a 2019 report).
			// "因政府信息公开引发行政复议2件,其中上年结转1件", "被申请行政
			// 复议2件,维持1件,结转下年度1件", "被提起行政诉讼2件,结转至下一
			// 年度审理1件": carried in or over after a review or suit the
			// sentence named after its last application is the
			// proceeding's, not the applications' (apps.carried_in and
			// apps.carried_out were stored, with no word).
			if proceedingNamedLast(before + upTo) {
				continue
			}
		case nNormInForce:
			// "本年度制定规章1件,废止0件,现行有效5件;另制发规范性文件2件",
			// "规章:本年制发0件,废止0件,现行有效3件。规范性文件:…": the
			// count in force after 规章, on a line that names normative
			// documents elsewhere, is the rules' (docVerb reads it so). It
			// was stored as the normative documents in force, with no word.
			said := before + upTo
			if strings.LastIndex(said, "规章") > strings.LastIndex(said, "规范性文件") {
				continue
			}
		case nProactive:
			if !proactiveWords(strings.TrimPrefix(seg, "其中")) {
				continue
			}
			// In 件 a count of documents is meant ("主动公开规范性文件
			// 5件") unless it counts information ("主动公开信息143件",
			// "主动公开信息数量为46件", a real 2009 town's page).
			if unit == "件" && !strings.HasSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimRight(seg, "共计为达"), "数量"), "件数"), "信息") {
				continue
			}
			// "在门户网站公开…50条" is every item when the line names no
			// other channel with a count of its own, and one channel's
			// share when it does.
			if hasAny(seg, channelWords...) && ctx.channels() > 1 && !manyChannels(seg) {
				continue
			}
		case nReceived, nHandled:
			// "行政复议14件,已办结12件": the review's concluded, which no
			// row of table 四 counts (it was stored as apps.total).
			if r.kind == nHandled && reviewCountedLast(before+upTo) {
				concluded = true
				continue
			}
			// Applications for what? Those for information, said in the
			// words or by the section they stand in.
			// A sub-heading of applications for information says it too
			// ("二是依申请公开情况" over "收到申请3件"), on a line that
			// names no way of applying: "以信函方式，收到申请2件" after the
			// online applications is one way's count.
			// "收到申请数0件,其中,网络申请0件,…" (a real 2025 fire
			// brigade's page): the ways of applying after the line's 其中
			// are its parts, not the way the count before came by.
			ownSub := (strings.Contains(ctx.sub, "依申请") || strings.Contains(ctx.sub, "公开申请")) && !hasAny(ctx.line[:partsAt(ctx.line)], appChannelWords...)
			if !hasAny(seg, "信息", "依申请", "公开申请") && !strings.Contains(ctx.section, "申请") && !ownSub &&
				!(r.kind == nHandled && handledAfterReceived(seg, clause, before+"|"+ctx.semi)) &&
				!(r.kind == nReceived && receivedAfterApplications(seg, before)) {
				continue
			}
			// "通过政府门户网站共办理并答复信息公开申请3件、纸质申请36件":
			// one channel's count when the line gives another its own, as
			// for items published (channelCounts).
			if hasAny(seg, appChannelWords...) && appChannelCounts(ctx.line) > 1 {
				continue
			}
			if !ctx.about("信息公开") && !ctx.about("依申请") && !ctx.about("政府信息") && !ownSub {
				continue
			}
		}
		if n == 0 || found != r.kind {
			n++
		}
		found = r.kind
	}
	if n == 0 && !concluded && hasAny(seg, "审结", "结案") && !hasAny(seg, "未", "尚", "正在", "中") && strings.Contains(unitsCases, unit) {
		// "被提起行政诉讼3件,已审结2件": the words of a proceeding
		// concluded, which no rule of applications takes.
		concluded = reviewCountedLast(before + upTo)
	}
	if n == 0 && concluded && strings.Contains(unitsCases, unit) && ctx.about(topicDisclosure) {
		// "因政府信息公开被申请行政复议4件,已办结3件": the proceeding's
		// concluded count, which table 四 splits by result with no
		// column of its own. It was passed over with no word; now said
		// (nReviewConcluded, nLitConcluded).
		said := suitColumns.Replace(before + seg)
		if strings.LastIndex(said, "诉讼") > strings.LastIndex(said, "复议") {
			return nLitConcluded, true
		}
		return nReviewConcluded, true
	}
	if n == 0 {
		// An outcome of a review or suit: the proceeding the sentence named last.
		for _, o := range outcomeRules {
			if !hasAny(seg, o.words...) || !strings.Contains(unitsCases, unit) {
				continue
			}
			said := suitColumns.Replace(before + seg)
			rv, lt := strings.LastIndex(said, "复议"), strings.LastIndex(said, "诉讼")
			if rv < 0 && lt < 0 || !ctx.about(topicDisclosure) {
				return 0, false
			}
			if rv > lt && !o.noReview {
				if o.afterReview && !pendingOfReview(suitColumns.Replace(before), seg) {
					return 0, false
				}
				return o.review, true
			}
			if lt > rv && !o.noLitigate {
				return o.litigation, true
			}
			return 0, false
		}
	}
	return found, n == 1
}

// pendingOfReview reports whether "尚未办结" in seg is said of the review the
// words before it (before, suits named as suitColumns has them) name last:
// between that review and seg nothing about applications is said, and seg
// holds nothing more than the words of a count pending ("发生行政复议1件,
// 收到申请10件,尚未办结2件" counts applications not handled, "…行政复议1件,
// 尚未办结的申请2件" too).
func pendingOfReview(before, seg string) bool {
	rv := strings.LastIndex(before, "复议")
	if rv < 0 {
		return false
	}
	tail := before[rv+len("复议"):]
	if hasAny(tail, "申请", "收到", "受理", "答复", "诉讼", "办理", "公开") {
		return false
	}
	// "因政府信息公开收到申请10件,办结8件,行政复议1件,尚未办结2件": the
	// sentence counts applications before the review, and those not
	// handled may be theirs (review.pending 2 of 1 review was stored).
	// "被申请行政复议", "复议申请" name the review itself.
	head := strings.NewReplacer("申请行政复议", "行政复议", "申请复议", "复议").Replace(before[:rv+len("复议")])
	if hasAny(head, "申请", "办结", "答复", "受理") {
		return false
	}
	rest := strings.Trim(strings.ReplaceAll(seg, "尚未办结", ""), ",、;的其中有数为")
	return rest == "" || rest == "案件" || rest == "件数"
}

// proceedingNamedLast reports whether said names a review or suit after
// its last application: "行政复议申请" and "诉讼申请" are the proceeding's
// own, and "申请行政复议" names the proceeding last.
func proceedingNamedLast(said string) bool {
	said = strings.NewReplacer("复议申请", "复议", "诉讼申请", "诉讼").Replace(said)
	p := max(strings.LastIndex(said, "复议"), strings.LastIndex(said, "诉讼"))
	return p >= 0 && p > strings.LastIndex(said, "申请")
}

// suitColumns says the names of table 四's two suits with no 复议 in them:
// "因政府信息公开被提起行政诉讼2件,其中复议后起诉1件,结果维持1件" names a suit
// last, and its outcome was stored as a review's (review.upheld). Only a
// 复议后 that goes on to a suit is one: "经行政复议后维持原行政行为2件",
// "复议后维持2件,纠正1件" are the review's outcomes, which a bare 复议后 read
// as a suit's and left blank with no word.
var suitColumns = strings.NewReplacer("未经行政复议直接", "直接诉讼", "未经复议直接", "直接诉讼",
	"行政复议后起诉", "诉讼", "行政复议后诉讼", "诉讼", "行政复议后提起", "诉讼", "行政复议后又起诉", "诉讼", "行政复议后又提起", "诉讼",
	"复议后起诉", "诉讼", "复议后诉讼", "诉讼", "复议后提起", "诉讼", "复议后又起诉", "诉讼", "复议后又提起", "诉讼")

// reasonAsked are the words before a count that make it a count of what
// was asked for or touched on, not of the applications withheld for a
// reason of table 三 (the rules of nSecret and the others).
var reasonAsked = []string{"申请", "要求公开", "涉及"}

// allAnsweredRE finds a clause saying every application was answered or
// handled, with no count of its own: "全部依规及时完成回复", "均在法定时限内
// 完成答复", "都已及时准确地进行了答复".
// "2020年受理依申请公开1件次,已在规定时限内办理完毕" (a real 2020 municipal
// bureau's page): 已 opening a clause that is only the verb of handling
// says it of those received too; "…的申请,并已办理完成" (a real 2021
// commission's) says the same. "全年共收到政府信息公开申请N件,已按规定时限和
// 程序办结" (a real 2025 city bureau's page) and "…共受理N件,…,按时办结,完成
// 率100%" (a real 2019 street office's) say it with a bare 办结, after 已 or
// 按时 alone: the count handled was blank with no word. "收到要求公开信息的
// 申请N件,均已办理" (a real 2024 district bureau's, traditional script) says
// it with 均已办理 as the whole clause.
//
// "已全部办理结束" (a real 2021 street office's page, after its count
// received) ends as 办理完毕 does; the count handled was blank with no word.
var allAnsweredRE = regexp.MustCompile(`(?:全部|均|都|皆)[^,;:0-9]{0,16}?(?:答复|回复|办结|办复)|^(?:全部|均|都|皆)(?:已|已经)(?:依法|依规|按时|按期|及时)?办理(?:完毕|完成|结束)?[。.]?$|^并?已(?:在|于)?[^,;:0-9]{0,10}?(?:办理完毕|办理完成|办理结束|办结完毕|答复完毕|全部办结|办结)[。.]?$|^(?:并|且)?(?:按时|按期|及时)(?:办结|答复完毕|办理完毕|办理结束)[。.]?$`)

// onlyAllAnswered reports whether a sentence is one clause of the words of
// every application handled and nothing else ("已全部按时办结", "均已依法答复",
// "办结率100%"): no count, no subject of its own, so it speaks of the count
// of the sentence before.
func onlyAllAnswered(sent string) bool {
	t := strings.Trim(sent, "。.;!? ")
	return t != "" && !strings.ContainsAny(t, ",;:") && !tokenRE.MatchString(t) && noSubjectRE.MatchString(t) && allAnswered(t) && utf8.RuneCountInString(t) <= 16
}

// carriedClauseRE finds a clause of the count carried in alone, none or a
// count: "无上年结转", "上年无结转", "上年度结转0件", "上年结转申请2件".
var carriedClauseRE = regexp.MustCompile(`^(?:无|没有)(?:上一?年度?)(?:的)?(?:结转|转结)(?:的)?(?:申请|事项)?$|^上一?年度?(?:无|没有)(?:结转|转结)(?:申请|事项)?$|^上一?年度?(?:结转|转结)(?:的)?(?:申请|事项)?(?:为|共)?[0-9]+件$`)

// carriedThenAllAnswered reports whether a sentence is a clause of the
// count carried in (carriedClauseRE) and clauses that say alone, with no
// subject of their own, that every application was handled
// (onlyAllAnswered): "无上年结转,办结率100%", "上年结转2件,已全部办结".
func carriedThenAllAnswered(sent string) bool {
	cs := strings.Split(strings.Trim(sent, "。.;!? "), ",")
	if len(cs) < 2 {
		return false
	}
	carried, answered := 0, 0
	for _, c := range cs {
		switch {
		case carriedClauseRE.MatchString(c):
			carried++
		case onlyAllAnswered(c):
			answered++
		default:
			return false
		}
	}
	return carried == 1 && answered > 0
}

// noSubjectRE finds the start of words of handling with no subject of
// their own ("已全部…", "均已…", "办结率…"); "群众来信均已按时答复" names its own.
var noSubjectRE = regexp.MustCompile(`^(?:并|且|现|目前)?(?:已|均|全部|都|皆|按时|按期|及时|依法|办结率|答复率|回复率)`)

// fullRateRE finds a clause that says every application was handled as a
// rate: "办结率100%", "办结率达100%", "答复率为100%" (found in session 37:
// the count handled was blank with no word, as "均已办结" was before it was
// read). The rate of those on hand: with none carried in, the count
// received is the count handled, as allAnswered's other words make it.
//
// A rate in time ("按时办结率100%") is not one: it may be of those handled
// alone, every one of them in time, with some still open (said blank:
// onTimeRate, errOnTimeRate).
var fullRateRE = regexp.MustCompile(`^(?:申请)?(?:的)?(?:办结|答复|回复)率(?:为|达|达到|是)?100(?:\.0+)?[%％]$`)

// partAnsweredRE finds, in a clause of handling, a part or a count in words:
// "已部分办结", "已基本办结", "已大部分办理完毕", "已有两件办结", "已将其中一件
// 办结" (review s28) say some were handled, not all; read as all, with "无上年度
// 结转" they stored the count received as the count handled, with no word.
var partAnsweredRE = regexp.MustCompile(`部分|基本|大部|多数|大多|其中|已有|将[^,;:]{0,6}?办|[一二两三四五六七八九十几]+[件个条项宗份次起]`)

// lawTitleRE finds the title of a law or document in book marks: "均已按照
// 《中华人民共和国政府信息公开条例》按时答复办结" (a real 2025 district
// commission's page) is every application answered, the title no words of
// the clause's own, but its length put 答复 past allAnsweredRE's reach and
// the count handled was blank with no word.
var lawTitleRE = regexp.MustCompile(`《[^《》]{1,40}》`)

// lostStopRE finds the verb of answering run into a year that opens the
// next sentence, its full stop lost: "…无上年度结转,均…予以答复YYYY年因…行政
// 复议N件" (a real 2024 district bureau's page). The clause ends at the verb; the year's figures are another
// sentence's, and with them the clause held a digit and said nothing.
var lostStopRE = regexp.MustCompile(`(?:答复|回复|办结|办理完毕|答复完毕)((?:19|20)[0-9]{2}年)`)

// allAnswered reports whether a sentence has a clause with no figure that
// says every application was answered (allAnsweredRE).
func allAnswered(sent string) bool {
	for _, c := range clauses(sent) {
		if strings.Contains(c, "《") {
			c = lawTitleRE.ReplaceAllString(c, "《》")
		}
		if strings.Contains(c, "年") {
			if m := lostStopRE.FindStringSubmatchIndex(c); m != nil {
				c = c[:m[2]]
			}
		}
		if allAnsweredRE.MatchString(c) && !strings.ContainsAny(c, "0123456789") && !hasAny(c, "未", "没有", "尚未", "不予", "申请人") && !partAnsweredRE.MatchString(c) {
			return true
		}
		if fullRateRE.MatchString(strings.Trim(c, "。. ")) {
			return true
		}
	}
	return false
}

// partHandledRE finds the words of a part handled after 其中, before its
// count: "其中办结", "其中已答复".
var partHandledRE = regexp.MustCompile(`^其中,?(?:已|共|已经)?(?:办结|答复|回复|办理完毕|答复完毕)` + appsNounAfter + `$`)

// handledAfterPartsRE is partHandledRE's verb with no 其中, for the clause
// that follows a 其中 standing alone (afterBareParts).
var handledAfterPartsRE = regexp.MustCompile(`^(?:已|共|已经)?(?:办结|答复|回复|办理完毕|答复完毕)` + appsNounAfter + `$`)

// appsNounAfter is the applications' noun a verb of handling may take
// before their count ("答复依申请公开政府信息75件").
const appsNounAfter = `(?:依申请公开的?(?:政府)?信息|政府信息公开申请|依申请公开申请|信息公开申请|公开申请|申请)?`

// afterBareParts reports whether the words of a sentence before a clause
// end in 其中 standing alone as a clause ("…78件,其中,答复…75件"): the
// clause is a part of a count before, as one opening with 其中 is.
func afterBareParts(before string) bool {
	b := strings.TrimRight(before, ",、: ")
	return len(b) < len(before) && strings.HasSuffix(b, "其中")
}

// answeredCountRE finds a clause that is a count and the words of all of it
// answered, and no more: "87件均已在法定期限内完成答复". "19件已按照规定时限
// 和程序依法依规进行了答复" (the shape of a real 2025 district office's page,
// after 20 received, before "1件结转下年") says the same of its count with
// 已 alone; it was passed over with no word.
var answeredCountRE = regexp.MustCompile(`^([0-9]+)件(?:申请)?(?:均已|都已|均|都|全部|已全部|已经|已)[^0-9,;:]{0,16}?(?:答复|回复|办结)(?:完毕)?[。.]?$`)

// answeredCount returns the count of the first clause of a sentence that
// says all of a count was answered (answeredCountRE), and whether there is
// one; not in a sentence of reviews, suits or other matters (otherTopics).
func answeredCount(sent string) (float64, bool) {
	if !strings.Contains(sent, "件") || hasAny(sent, otherTopics...) {
		return 0, false
	}
	for _, c := range clauses(sent) {
		// "87件均已部分办结", "87件均已基本答复": a part answered, not all.
		if m := answeredCountRE.FindStringSubmatch(c); m != nil && !hasAny(c, "未", "没有", "尚未", "不予", "部分", "基本", "大部", "多数", "大多", "其中", "延期", "逾期", "超期", "正在") {
			f, err := strconv.ParseFloat(m[1], 64)
			return f, err == nil && f == float64(int64(f))
		}
	}
	return 0, false
}

// everyApps are the words that name every application counted before on
// the line: "所有申请均已按时办结" after the count received.
var everyApps = append([]string{"所有申请", "全部申请", "所有依申请", "所有政府信息公开申请"}, aboveApps...)

// aboveApps are the words that name the applications a line before counted:
// "上述申请已全部…答复".
var aboveApps = []string{"上述申请", "以上申请", "前述申请", "上述依申请", "以上依申请", "上述政府信息公开申请", "以上政府信息公开申请"}

// allGrantedRE finds a clause with no figure that says every application
// was granted: "均已按规定及时予以公开".
var allGrantedRE = regexp.MustCompile(`(?:全部|均|都|皆)[^,;:0-9]{0,16}?(?:予以公开|同意公开)`)

// allGranted reports whether a sentence has a clause with no figure that
// says every application was granted (allGrantedRE), not in part nor
// refused; not in a sentence of reviews, suits or other matters.
func allGranted(sent string) bool {
	if !hasAny(sent, "予以公开", "同意公开") || hasAny(sent, otherTopics...) {
		return false
	}
	for _, c := range clauses(sent) {
		if allGrantedRE.MatchString(c) && !strings.ContainsAny(c, "0123456789") && !hasAny(c, "未", "没有", "不予", "不同意", "申请人", "主动") && !partAnsweredRE.MatchString(c) {
			return true
		}
	}
	return false
}

// allWithheldRE finds a clause with no figure that says every application
// was withheld: "均为不同意公开", "均不予公开".
var allWithheldRE = regexp.MustCompile(`(?:全部|均|都|皆)(?:为|是|已|被|已被)?[^,;:0-9]{0,12}?(?:不予公开|不同意公开)`)

// allWithheld reports whether a sentence has a clause with no figure that
// says every application was withheld (allWithheldRE), not a part of them;
// not in a sentence of reviews, suits or other matters.
func allWithheld(sent string) bool {
	if !strings.Contains(sent, "不予公开") && !strings.Contains(sent, "不同意公开") || hasAny(sent, otherTopics...) {
		return false
	}
	for _, c := range clauses(sent) {
		if allWithheldRE.MatchString(c) && !strings.ContainsAny(c, "0123456789") && !hasAny(c, "部分", "其中", "申请人", "主动", "未不予") && !partAnsweredRE.MatchString(c) {
			return true
		}
	}
	return false
}

// allNotHeldRE finds a clause that says what was received is, all of it,
// information the organ does not hold: "为本机关不掌握的政府信息", "均属于
// 本单位不掌握的信息".
var allNotHeldRE = regexp.MustCompile(`^(?:全部|均|都|皆)?(?:为|是|系|属|属于)(?:本机关|本单位|本部门|我局|我委|我办|我厅|我单位)?不掌握(?:的|相关)?(?:政府)?信息$`)

// allNotHeld reports whether a clause of the sentence says every
// application received was of information the organ does not hold.
func allNotHeld(sent string) bool {
	for _, c := range clauses(sent) {
		if allNotHeldRE.MatchString(strings.TrimRight(c, "。;")) {
			return true
		}
	}
	return false
}

// errAllNotHeld is the bad of the count not held a sentence implies by
// saying every application received was of information not held, those
// carried in unsaid.
var errAllNotHeld = errors.New("all received not held")

// errAllWithheld is the bad of the count withheld a sentence implies by
// saying every application received was withheld (allWithheld), those
// carried in unsaid: errAllAnswered's kind, passed over with a word.
var errAllWithheld = fmt.Errorf("all received withheld: %w", errAllAnswered)

// errAllGranted is the bad of the count granted a sentence implies by
// saying every application received was granted (allGranted): those
// carried in and granted are not said. It is errAllAnswered's kind, so
// that it is passed over with a word as that one is.
var errAllGranted = fmt.Errorf("all received granted: %w", errAllAnswered)

// errAllAnswered is the bad of the count handled a sentence implies by
// saying every application received was answered ("收到…申请8件,全部…完成
// 回复"): those carried in from the year before and answered are not said.
var errAllAnswered = errors.New("all received answered")

// newlyReceived reports whether the words before a count are the verb of the
// applications received alone, as table 三's row words it (本年新收), after
// the year: "2025年新收".
func newlyReceived(seg string) bool {
	rest := leadingYearRE.ReplaceAllString(strings.Trim(seg, ",、"), "")
	for _, p := range []string{"全年", "本年度", "本年", "共"} {
		rest = strings.TrimPrefix(rest, p)
	}
	switch rest {
	case "新收", "新收到", "新受理", "新接收":
		return true
	}
	return false
}

// newlyReceivedAlone reports whether the words after a bare 新收 count
// leave the heading's noun its own: nothing after it in its clause but a
// bracket ("新收12件(含转办件5件)"), and nothing after it in its sentence
// that makes it a count of other things: what it counts named after it
// ("新收2件行政复议申请", "新收3件举报投诉", "新收12件人大建议和政协提案"), said
// to be none ("均为咨询类事项,不属于政府信息公开申请"), or applications for
// information a part of it ("其中依申请公开申请60件,咨询3件"). Each was
// stored as apps.new with no word (a54829d).
func newlyReceivedAlone(clauseAfter, sentAfter string) bool {
	t := strings.TrimSpace(clauseAfter)
	if t != "" && !strings.HasPrefix(t, "(") && !strings.HasPrefix(t, "（") {
		return false
	}
	if hasAny(sentAfter, "不属于", "咨询") {
		return false
	}
	i := strings.Index(sentAfter, "其中")
	return i < 0 || !hasAny(sentAfter[i:], "依申请", "公开申请")
}

// sentenceAfter returns the words of line after the figure that ends at
// end in clause, up to the end of their sentence; clause's own words after
// the figure when clause is not found in line.
func sentenceAfter(line, clause string, end int) string {
	rest := clause[end:]
	if i := strings.Index(line, clause); i >= 0 {
		rest = line[i+end:]
	}
	if j := strings.IndexAny(rest, "。;!?"); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

// partsAt returns where the first 其中 of a line opens its list of parts,
// or the line's length when it has none.
func partsAt(line string) int {
	if i := strings.Index(line, "其中"); i >= 0 {
		return i
	}
	return len(line)
}

// reviewAfterParts reports whether a count of reviews brought by disclosure
// ("因政府信息公开引发行政复议2件") closes a 其中 list of the applications'
// outcomes: "其中予以公开45件,…,结转下年度办理1件,因政府信息公开引发行政复议
// 2件" (a real 2025 city government's page). The list is of the outcomes
// (予以公开, 不予公开, 不掌握, 结转 after its 其中), and names no review before
// the count: a 其中 of the reviews themselves ("行政复议3件,其中引发…") or a
// review named earlier in the list leaves the count a part, as before. said
// is the sentence up to the count.
func reviewAfterParts(seg, said string) bool {
	if !hasAny(seg, "引发", "引起") || !strings.Contains(seg, "行政复议") || strings.Contains(seg, "其中") {
		return false
	}
	i := strings.LastIndex(said, "其中")
	if i < 0 {
		return false
	}
	list := said[i:]
	return hasAny(list, "予以公开", "部分公开", "不予公开", "不掌握", "结转") && strings.Count(list, "复议") == strings.Count(seg, "复议")
}

// handledAfterReceived reports whether seg is a bare 办结 or 答复 that goes
// on from a count of applications for information in the same clause
// ("受理依申请公开0件、办结0件"): its words are those of the count before it.
//
// The count of applications may stand in an earlier clause of the sentence
// ("收到政府信息公开申请44件（…），上年度结转0件，本年度办结39件"), before.
func handledAfterReceived(seg, clause, before string) bool {
	verb := strings.Trim(seg, "、,和及并共计已全部均")
	if rest, ok := strings.CutPrefix(verb, "本年度"); ok && before != "" {
		verb = strings.Trim(rest, "共计已全部均")
	}
	verb = strings.TrimSuffix(verb, "完毕") // "答复完毕15件" (a real 2023 district bureau's)
	// "收到政府信息公开申请总数N条，对申请的答复总数N条" (the shape of a real
	// 2024 district bureau's page).
	verb = strings.TrimSuffix(strings.TrimPrefix(verb, "对申请的"), "总数")
	words := []string{"依申请", "政府信息公开", "信息公开申请", "公开申请"}
	return (verb == "办结" || verb == "答复") && (hasAny(clause, words...) || hasAny(before, words...))
}

// receivedAfterApplications reports whether a bare count received
// ("共收到申请0件") follows, in its sentence, words naming applications for
// information: "依法规范办理政府信息公开申请,共收到申请0件,共办结0件" (a real
// 2024 town's). The 申请 alone says nothing of what was applied for; the
// sentence before it does.
func receivedAfterApplications(seg, before string) bool {
	verb := strings.Trim(seg, "、,和及并共计已全部均")
	switch verb {
	case "收到申请", "受理申请", "接收申请", "接到申请":
		return hasAny(before, "依申请", "政府信息公开", "信息公开申请", "公开申请")
	}
	return false
}

// proactiveWords reports whether the words between 主动公开 and the figure
// name information in general ("主动公开政府信息共"), not one kind of it
// ("主动公开规范性文件").
func proactiveWords(seg string) bool {
	i, rest := strings.LastIndex(seg, "主动公开"), ""
	if i >= 0 {
		rest = seg[i+len("主动公开"):]
	} else if m := proactiveViaRE.FindStringIndex(seg); m != nil {
		// "主动在门户网站公开政府信息50条": the channel stands between.
		i, rest = m[0], seg[m[1]:]
	} else {
		return false
	}
	// "主动公开包括机构职能等信息144条", "主动公开警务资讯、公示公告等各类
	// 政府信息656条": examples of what the information holds, before 等,
	// and information in general after it.
	if j := strings.LastIndex(rest, "等"); j > 0 && strings.Contains(rest[j:], "信息") {
		rest = strings.TrimPrefix(rest[j+len("等"):], "方面") // "涉及疫情防控、…等方面信息423条"
	}
	// "主动公开各类政府信息总数达498条" (a real 2020 street office's): 总数
	// (总量) is the whole.
	// "其中主动公开信息有103条" (the shape of a real 2010 township's page,
	// after the count of the information it made): 有 is the verb's filler
	// too; the count was blank, said to be unsure.
	for _, w := range []string{"各类", "各项", "政府", "政务", "工作", "信息", "件数", "条数", "总数", "总量", "共计", "合计", "总计", "共", "计", "数量", "数", "了", "为", "达", "的", "有", "\""} {
		rest = strings.ReplaceAll(rest, w, "")
	}
	return rest == "" && !hasAny(seg[:i], "其中", "依申请")
}

var (
	leadingYearRE = regexp.MustCompile(`^(?:19|20)\d\d年度?`)
	// The channel runs to its last word ("通过示范区管委会网站审计信息栏目").
	publishedChannelRE = regexp.MustCompile(`(?:通过|在|依托|利用)[^,;:]{0,24}(?:网站|平台|专栏|栏目|公开栏|公示栏|宣传栏|公众号|客户端)上?`)
)

// publishedWords reports whether the words before a count of items say
// only that information was published ("全年共公开信息253条"), which under a
// heading of proactive disclosure ("（一）主动公开政府信息的数量") is the
// proactive count.
//
// The year ("2022年度共计公开各类信息236条") and one channel ("全年通过区政府
// 信息公开网站共公开信息314条") may stand before the words; the caller tells
// whether the line gives another channel a count of its own.
func publishedWords(seg string) bool {
	// "2024年度我局公布政府信息N条" (the shape of a real 2024 municipal
	// health bureau's page): 公布 (made public) says what 公开 does.
	if !hasAny(seg, "公开", "公布") || !strings.Contains(seg, "信息") {
		return false
	}
	rest := leadingYearRE.ReplaceAllString(seg, "")
	if m := selfRE.FindStringIndex(rest); m != nil && m[0] == 0 {
		rest = rest[m[1]:] // "2022年,我局通过…网站审计信息栏目公开信息20条"
	}
	rest = publishedChannelRE.ReplaceAllString(rest, "")
	// 累计 stays for the caller to judge: "全年累计" is the year's
	// (yearTotals), a bare 累计 may be every year's (mayBeAllYears warns).
	for _, w := range []string{"全年", "本年度", "本年", "年度", "共计", "累计", "共", "计", "公开", "公布", "了", "各类", "政府", "政务", "信息", "的"} {
		rest = strings.ReplaceAll(rest, w, "")
	}
	return rest == ""
}

// manyChannels reports whether the words before a count name several
// channels as one ("通过…网站、…公众号、镇宣传栏等多种渠道主动公开各类信息1186
// 条", a real 2023 town's): the count is every channel's, though the line
// gives one of them a count of its own ("其中政务微信公开信息数923条").
func manyChannels(seg string) bool {
	return hasAny(seg, "多种渠道", "多渠道", "各渠道", "等渠道", "各类渠道", "等多种方式", "等方式", "等载体", "等平台")
}

// channelWords name a channel items are published through ("微媒体",
// "融媒体" and "新媒体" all end in 媒体; "青岛政务网", "县政府网" are the
// government's web, a channel like 网站).
var channelWords = []string{"网站", "网页", "政务网", "政府网", "外网", "专栏", "公开栏", "公示栏", "宣传栏", "微信", "微博", "公众号", "客户端", "公报", "报纸", "电视", "广播", "媒体", "平台",
	// "充分利用爱某某APP主动公开信息102条" beside the website's counts (the
	// shape of a real 2023 county bureau's page): an app is a channel too.
	"APP", "App", "app", "小程序", "抖音", "视频号", "头条号",
	// "通过某市某业网主动公开信息N条" beside the platform's and the
	// website's counts (the shape of a real 2024 city bureau's page): a site
	// whose name ends in 网, the verb right after it, is a channel too (网上
	// and 网络 are not matched: the verb does not follow 网 there).
	"网主动", "网公开", "网发布", "网共", "网累计", "网刊"}

// appChannelWords name a way applications come in.
var appChannelWords = []string{"网站", "网上", "网络", "在线", "平台", "信函", "邮寄", "当面", "现场", "纸质", "书面", "传真", "电子邮件", "邮件", "电话"}

// errChannelPart is the bad of a count of one channel ("通过门户网站主动公开
// 信息522条", "通过政府门户网站共办理并答复信息公开申请3件、纸质申请36件") on a
// line that gives another channel a count of its own: a part, whose whole
// the line may not state.
var errChannelPart = errors.New("one channel's part")

// channelPart reports whether the words before a count, which classify did
// not take, count items published proactively (条) or applications (件)
// through one channel of several the line counts, and of which kind.
func channelPart(seg, unit string, ctx nctx) (nkind, bool) {
	switch {
	case unit == "条" && hasAny(seg, channelWords...) && !manyChannels(seg) && ctx.channels() > 1 &&
		proactiveWords(strings.TrimPrefix(seg, "其中")):
		return nProactive, true
	case unit == "件" && hasAny(seg, appChannelWords...) && appChannelCounts(ctx.line) > 1 &&
		hasAny(seg, "收到", "受理", "接收", "接到") && hasAny(seg, "信息公开", "依申请", "公开申请") && !hasAny(seg, "办结", "答复", "办理"):
		return nReceived, true
	}
	return 0, false
}

// byApplicantObjectRE finds, right after a count, applications of one kind
// of applicant: "由自然人发起的政府信息公开申请", "企业提出的申请".
var byApplicantObjectRE = regexp.MustCompile(`^由?(?:自然人|公民|群众|个人|市民|企业|法人|律师|商业企业|社会组织)(?:或其他组织)?(?:发起|提出|提交|申请)的?(?:政府信息公开|信息公开|依申请公开)?申请`)

// applicantsObjectRE finds, right after a count in 个, the applicants whose
// applications the clause names: "N个自然人的政府信息公开申请", "N个申请人提出
// 的申请".
var applicantsObjectRE = regexp.MustCompile(`^(?:自然人|公民|群众|个人|市民|企业|法人|申请人|律师|商业企业|社会组织|单位)(?:或其他组织)?(?:(?:发起|提出|提交)的|的)(?:政府信息公开|信息公开|依申请公开)?申请`)

// ownAppsObjectRE finds, right after a count, applications named as made
// to the organ itself, or about its disclosure's affairs: "针对本部门有关政府
// 信息公开事务的申请", "有关政府信息公开事务的申请".
var ownAppsObjectRE = regexp.MustCompile(`^(?:针对|向)本(?:部门|机关|单位|局|委|办|厅)(?:提出)?的?(?:有关)?(?:政府)?信息公开(?:事务|事项|工作)?的?申请|^有关(?:政府)?信息公开(?:事务|事项|工作)的申请`)

// reviewerRE finds a count of review decisions the organ made: "120件做了复议
// 决定", "作出复议决定120件".
var reviewerRE = regexp.MustCompile(`[0-9]+件(?:已)?(?:做了|作出|做出)(?:了)?(?:行政)?复议决定|(?:做了|作出|做出)(?:了)?(?:行政)?复议决定[0-9]+件`)

// respondentWords say a review was brought against the organ, or arose from
// its disclosure: "被申请行政复议", "因政府信息公开引起的行政复议".
var respondentWords = []string{"被", "因", "涉及", "针对", "引起", "引发", "对本", "对我"}

// errReviewer is the bad of a count of reviews on a line that says the organ
// decided reviews (reviewerRE): those it heard as the reviewing organ, not
// those brought against it.
var errReviewer = errors.New("reviews heard, not brought")

// errReviewHandled is the bad of a count of reviews the organ says it
// handled (办理): those heard as the reviewing organ may be among them.
var errReviewHandled = errors.New("reviews handled, maybe heard")

// concludedMattersRE finds licensing matters concluded before a count:
// "办结行政许可事项", "办结各类行政许可事项".
var concludedMattersRE = regexp.MustCompile(`办结(?:了)?(?:各类|各项)?行政许可事项$`)

// errApplicantsCounted is the bad of a count of applicants where the count of
// applications is asked (applicantsObjectRE).
var errApplicantsCounted = errors.New("applicants counted, not applications")

// errOneApplicant is the bad of a count of applications of one kind of
// applicant (byApplicantObjectRE): the total may be more.
var errOneApplicant = errors.New("applications of one kind of applicant")

// personWords name applicants who are people, orgWords those that are
// organisations: the 2021 table 三 counts 自然人 apart from 法人或其他组织.
// publicWords (the public) name no side, nor does a phrase naming both
// ("公民、法人或其他组织", "任何单位和个人").
var (
	personWords = []string{"公民", "市民", "居民", "村民", "个人", "自然人"}
	orgWords    = []string{"法人", "组织", "单位", "企业", "机构"}
	publicWords = []string{"群众", "公众"}
)

// applicantTopics hold a person's word and name what is asked for, not who
// asks ("查询个人信息的申请").
var applicantTopics = strings.NewReplacer("个人信息", "", "个人隐私", "")

// Sides of applicants a statement names (applicantSide).
const (
	sideAll    = iota // none named, both, or the public
	sidePeople        // people only: "公民", "个人"
	sideOrgs          // organisations only: "法人", "企业"
)

// applicantSide returns which side of applicants s, the words of a count or
// a none of applications received, names: people alone ("未收到公民申请",
// "收到个人申请3件"), organisations alone ("未收到企业提出的申请"), or all
// (none named, both, or the public). A count of one side is not the count
// received: the other side's applications are unsaid. Only the words after
// the first verb of receiving are the applicants' ("我单位收到群众…" names
// the organ before it).
func applicantSide(s string) int {
	if i := indexAny(s, "收到", "接到", "受理", "接收", "接受"); i >= 0 {
		s = s[i:]
	}
	s = applicantTopics.Replace(s)
	people, orgs := hasAny(s, personWords...), hasAny(s, orgWords...)
	switch {
	case people == orgs || hasAny(s, publicWords...):
		return sideAll
	case people:
		return sidePeople
	}
	return sideOrgs
}

// otherSideNone reports whether line, by re (a rule of none received), also
// says none came from the side of applicants other than side.
func otherSideNone(re *regexp.Regexp, line string, side int) bool {
	line = strings.ReplaceAll(line, "申请人", "提请人")
	for _, m := range re.FindAllStringIndex(line, -1) {
		if s := applicantSide(line[m[0]:m[1]]); s != sideAll && s != side {
			return true
		}
	}
	return false
}

// oneSide is errOneApplicant told of which side of applicants a count or a
// none received names (applicantSide), and whether the words name that
// whole side (公民, 自然人, 个人; 法人或其他组织) or a part of it (企业,
// 单位, 市民): checkSides sets such counts against the count received.
type oneSide struct {
	side  int
	whole bool
}

func (e *oneSide) Error() string { return errOneApplicant.Error() }
func (e *oneSide) Unwrap() error { return errOneApplicant }

// sideError returns errOneApplicant for a count or a none of side, named by
// the words s.
func sideError(side int, s string) error {
	whole := hasAny(s, "公民", "自然人", "个人")
	if side == sideOrgs {
		whole = strings.Contains(s, "其他组织")
	}
	return &oneSide{side: side, whole: whole}
}

// sideCount is a count received of one side of applicants, passed over
// (errOneApplicant), kept for checkSides.
type sideCount struct {
	oneSide
	f       float64
	raw, at string
}

// checkSides sets the count received read (apps.new, said of every
// applicant: "收到群众申请10件", "收到公民、法人或其他组织申请10件") against the
// counts of one side of applicants the text also gives, which were passed
// over as no whole (errOneApplicant). A side's count above it, or the two
// whole sides' counts adding up to another number, say one of the figures
// is wrong, and which the words do not settle: the count received is left
// blank with a warning that names both. Before, "全年共收到群众申请10件。收到
// 公民申请12件" stored 10 with no word (session 34's left-out).
func checkSides(sides []sideCount, vals []gongkai.Value, finds []gongkai.Finding) ([]gongkai.Value, []gongkai.Finding) {
	if len(sides) == 0 {
		return vals, finds
	}
	at := slices.IndexFunc(vals, func(v gongkai.Value) bool {
		return v.Measure == "apps.new" && v.Applicant == gongkai.ApplicantTotal && v.Number != nil
	})
	if at < 0 {
		return vals, finds
	}
	total := vals[at]
	why := ""
	people, orgs := map[float64]sideCount{}, map[float64]sideCount{}
	for _, c := range sides {
		if c.f > *total.Number && why == "" {
			why = fmt.Sprintf("%s写有一类申请人的申请%s件（“%s”），多于前者", c.at, num(c.f), c.raw)
		}
		if c.whole && c.side == sidePeople {
			people[c.f] = c
		} else if c.whole {
			orgs[c.f] = c
		}
	}
	if why == "" && len(people) == 1 && len(orgs) == 1 {
		for p, pc := range people {
			for o, oc := range orgs {
				if p+o != *total.Number {
					why = fmt.Sprintf("%s写有自然人（公民）的申请%s件（“%s”），%s写有法人或其他组织的申请%s件（“%s”），合计%s件，与前者不符", pc.at, num(p), pc.raw, oc.at, num(o), oc.raw, num(p+o))
				}
			}
		}
	}
	if why == "" {
		return vals, finds
	}
	vals = slices.Delete(vals, at, at+1)
	return vals, append(finds, gongkai.Finding{
		Rule: "narrative", Severity: gongkai.SeverityWarning, At: total.At,
		Measure: "apps.new", Applicant: gongkai.ApplicantTotal, RowLabel: gongkai.MeasureLabel("apps.new"),
		Message: fmt.Sprintf("正文所述%s%s件（“%s”），%s，哪一个数有误不能确定，未填入：请核对", gongkai.MeasureLabel("apps.new"), num(*total.Number), total.Raw, why),
	})
}

// moreApplicantRE finds, at the start of what follows a count received, a
// count of the applications of applicants named with no verb: ",公民、法人或
// 其他组织申请12件", "、法人或其他组织提出的申请3件". Group 1 is the
// applicants, 2 the count.
var moreApplicantRE = regexp.MustCompile(`^[,、;和及]?(?:另有|还有|另)?((?:(?:自然人|公民|群众|公众|个人|市民|居民|商业企业|企业|法人|律师|科研机构|社会公益组织|法律服务机构|社会组织|其他组织|单位)(?:[、和及与或]|或者|以及)?)+)(?:提出|提交)?的?(?:政府信息公开|信息公开|依申请公开)?申请(?:的)?([0-9]+)(?:件|条|个|份)`)

// errMoreApplicants is the bad of a count received followed at once by
// another count of applications by applicant, its verb left out (moreApplicants),
// when the two are not surely the sum or its parts.
var errMoreApplicants = errors.New("another count by applicant after it")

// applicantCount is a count of one kind of applicant moreApplicants found.
type applicantCount struct {
	side  int
	whole bool
	f     float64
	raw   string
}

// moreApplicants returns the counts by applicant, with no verb, that follow
// a count received at once in its sentence (rest, from the count's end),
// and what follows the last of them in the sentence.
func moreApplicants(rest string) ([]applicantCount, string) {
	var out []applicantCount
	for {
		m := moreApplicantRE.FindStringSubmatchIndex(rest)
		if m == nil {
			return out, rest
		}
		who := rest[m[2]:m[3]]
		f, err := strconv.ParseFloat(rest[m[4]:m[5]], 64)
		if err != nil {
			return nil, rest
		}
		side := applicantSide(who)
		whole := side == sideAll
		if side != sideAll {
			whole = sideError(side, who).(*oneSide).whole
		}
		out = append(out, applicantCount{side: side, whole: whole, f: f, raw: rest[:m[1]]})
		rest = rest[m[1]:]
	}
}

// statedTotalRE finds the words of a total before a count after the counts
// by applicant: ",共计22件", ",合计申请22件".
var statedTotalRE = regexp.MustCompile(`^[,、;:]?(?:共计|合计|总计|总共|共)(?:为|有)?(?:申请)?$`)

// bothSides returns the count received that a count f of side (its error
// from sideError) and the counts by applicant after it (more) make surely:
// one whole side, then the other whole side, are the sum; every applicant's
// count, then both whole sides adding up to it, is that count. after, the
// rest of the sentence, must count nothing else: a further count
// ("、其他申请3件"), or a stated total unlike the sum ("共计20件"), leaves it
// unsure (review s36); a total equal to it confirms it.
func bothSides(side int, e error, f float64, more []applicantCount, after string) (float64, bool) {
	whole := func(c applicantCount, s int) bool { return c.side == s && c.whole }
	sum, ok := 0.0, false
	switch {
	case side == sideAll && len(more) == 2 && more[0].f+more[1].f == f &&
		(whole(more[0], sidePeople) && whole(more[1], sideOrgs) || whole(more[0], sideOrgs) && whole(more[1], sidePeople)):
		sum, ok = f, true
	case side != sideAll && len(more) == 1 && e.(*oneSide).whole && more[0].whole && more[0].side != sideAll && more[0].side != side:
		sum, ok = f+more[0].f, true
	}
	if !ok {
		return 0, false
	}
	ms := tokenRE.FindAllStringSubmatchIndex(after, -1)
	switch {
	case len(ms) == 0:
		return sum, true
	case len(ms) == 1 && statedTotalRE.MatchString(after[:ms[0][0]]) && after[ms[0][2]:ms[0][3]] == strconv.FormatFloat(sum, 'f', -1, 64):
		return sum, true
	}
	return 0, false
}

// checkSidesTable sets the counts received of one side of applicants the
// narrative gives beside table 三 ("收到公民申请10件", passed over as no
// whole, errOneApplicant) against the table's figures: a whole side's count
// against its column (自然人) or columns (法人或其他组织, the five summed),
// and any side's count against the table's total. The table wins, and its
// figures stay; a disagreement is a warning on the cell, as a count the
// narrative restates is (before, none: the side's count was dropped beside
// the tables with no word of the table).
func checkSidesTable(sides []sideCount, r *gongkai.Report) {
	figure := func(applicant string) (float64, gongkai.Value, bool) {
		v, has := r.Lookup("apps.new", applicant)
		if !has || v.Number == nil || v.Source == gongkai.SourceNarrative {
			return 0, v, false
		}
		return *v.Number, v, true
	}
	label := gongkai.MeasureLabel("apps.new")
	seen := map[string]bool{}
	for _, c := range sides {
		name, applicant, f, tv, ok := "", "", 0.0, gongkai.Value{}, false
		switch {
		case c.whole && c.side == sidePeople:
			name, applicant = "自然人（公民）", gongkai.ApplicantNatural
			f, tv, ok = figure(gongkai.ApplicantNatural)
		case c.whole && c.side == sideOrgs:
			name, applicant, ok = "法人或其他组织", gongkai.ApplicantBusiness, true
			for _, a := range legalApplicants {
				g, v, has := figure(a)
				if !has {
					ok = false
					break
				}
				if tv.At == "" {
					tv = v
				}
				f += g
			}
		}
		if ok && f != c.f && !seen[applicant] {
			seen[applicant] = true
			r.Findings = append(r.Findings, gongkai.Finding{
				Rule: "narrative", Severity: gongkai.SeverityWarning, At: c.at,
				RowLabel: label, Measure: "apps.new", Applicant: applicant,
				Message:  fmt.Sprintf("正文所述%s的%s为%s件，与表格（%s）的%s不一致：%s", name, label, num(c.f), tv.At, num(f), c.raw),
				Expected: gongkai.Float(f), Actual: gongkai.Float(c.f),
			})
			continue
		}
		if total, tv, has := figure(gongkai.ApplicantTotal); has && c.f > total && !seen[gongkai.ApplicantTotal] {
			seen[gongkai.ApplicantTotal] = true
			r.Findings = append(r.Findings, gongkai.Finding{
				Rule: "narrative", Severity: gongkai.SeverityWarning, At: c.at,
				RowLabel: label, Measure: "apps.new", Applicant: gongkai.ApplicantTotal,
				Message:  fmt.Sprintf("正文所述一类申请人的%s为%s件，多于表格（%s）的总计%s：%s", label, num(c.f), tv.At, num(total), c.raw),
				Expected: gongkai.Float(total), Actual: gongkai.Float(c.f),
			})
		}
	}
}

// indexAny returns the index in s of the first of words found first, or -1.
func indexAny(s string, words ...string) int {
	at := -1
	for _, w := range words {
		if i := strings.Index(s, w); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	return at
}

// errPartZero is the bad of a none (withheld, not processed, otherwise
// handled) in a list of a part's outcomes after 其中, across semicolons.
var errPartZero = errors.New("a part's none")

// noLettersRE finds a clause saying no application came by letter ("未收到
// 依申请公开来信"): one way's none, not every way's.
var noLettersRE = regexp.MustCompile(`(?:未|没有)(?:收到|接到|接收|受理)[^,;:]{0,12}?(?:依申请公开|信息公开|公开申请|申请)的?来信`)

// errOneWay is the bad of a count of applications made one way ("通过网上
// 平台收到…申请5件") on a line that counts no other way: it is that way's
// count, and the total may be more, so it is left blank, said to be, unless
// another statement gives the count.
var errOneWay = errors.New("applications of one way")

// errOneKind is the bad of a count of items of one kind published
// proactively ("主动公开本单位文件28条"), which the reader beside tables took
// for every item: the other kinds may be more.
var errOneKind = errors.New("items of one kind")

// channelClause reports whether the words before a count of items published
// proactively hold a channel ("主动在门户网站公开…"), which the rules of
// channels judge, not the words of kinds.
func channelClause(seg string) bool {
	return hasAny(seg, channelWords...) || proactiveViaRE.MatchString(seg)
}

// oneWay reports whether the words before a count of applications name one
// way of applying (网上, 信函, 当面 …) and not several as one ("通过线上、信函
// 等渠道收到…16件", "网上及信函申请15件" are every way's).
func oneWay(seg string) bool {
	if manyChannels(seg) {
		return false
	}
	n := 0
	for _, w := range appChannelWords {
		if strings.Contains(seg, w) {
			n++
		}
	}
	// 网站 and 平台 name one way together ("网上平台", "门户网站"), as do
	// 网上 and 网站: the web.
	if hasAny(seg, "网上", "网络", "在线") && hasAny(seg, "网站", "平台") {
		n--
	}
	if strings.Contains(seg, "网站") && strings.Contains(seg, "平台") {
		n--
	}
	if strings.Contains(seg, "邮件") && strings.Contains(seg, "电子邮件") {
		n--
	}
	return n == 1
}

// waysSum reports whether the clauses before a bare total are each one count
// of applications made one way (oneWay, or by courier), two or more, and
// add up to it; a clause of anything else (those carried in, a part) makes
// the total no count received.
func waysSum(before string, total float64) bool {
	n, sum, ok := waysParts(before)
	return ok && n >= 2 && sum == total
}

// waysParts returns how many counts of applications made one way the
// clauses before a bare total give, and their sum; ok is false when a
// clause gives anything else (waysSum).
func waysParts(before string) (n int, sum float64, ok bool) {
	for _, c := range strings.FieldsFunc(before, func(r rune) bool { return r == ',' || r == ';' || r == '、' || r == ':' }) {
		ms := appCountRE.FindAllStringIndex(c, -1)
		if len(ms) == 0 {
			continue
		}
		if len(ms) > 1 || !strings.HasSuffix(c, "件") || hasAny(c, "余", "多", "结转", "其中", "办结", "答复") || !(oneWay(c[:ms[0][0]]) || strings.Contains(c[:ms[0][0]], "快递")) {
			return 0, 0, false
		}
		f, err := strconv.ParseFloat(strings.TrimSuffix(c[ms[0][0]:], "件"), 64)
		if err != nil {
			return 0, 0, false
		}
		n, sum = n+1, sum+f
	}
	return n, sum, true
}

// appCountRE finds a count of applications in a piece of a line.
var appCountRE = regexp.MustCompile(`[0-9零一二两三四五六七八九十百千万]+(?:件|份|个)`)

// appChannelCounts counts the pieces of a line (between , ; 。 and 、) that
// give a way of applying a count of its own: "通过网站办理申请3件、纸质申请
// 36件" has two.
func appChannelCounts(line string) int {
	return piecesWithCounts(line, ",、", appChannelWords, appCountRE)
}

// piecesWithCounts counts the pieces of a line (cut at the runes of cuts
// and at the ends of sentences) that give a channel, one of words, a count
// that re matches. A channel named in a piece without a count ("通过微信
// 公众号，发布信息80条") gives it the count of the next piece in its
// sentence.
func piecesWithCounts(line, cuts string, words []string, re *regexp.Regexp) int {
	n := 0
	for _, sent := range strings.FieldsFunc(line, func(r rune) bool { return strings.ContainsRune(";。!?", r) }) {
		pending := false
		for _, c := range strings.FieldsFunc(sent, func(r rune) bool { return strings.ContainsRune(cuts, r) }) {
			named, counted := hasAny(c, words...), re.MatchString(c)
			switch {
			case counted && (named || pending):
				n++
				pending = false
			case named:
				pending = true
			}
		}
	}
	return n
}

// countRE finds a count of items in a line, approximate or not.
var countRE = regexp.MustCompile(`[0-9零一二两三四五六七八九十百千万]+(?:余|多)?条`)

// channelCounts counts the clauses of a line that give a channel a count
// of items: "在门户网站公开260余条，在公开栏公开48条" has two.
func channelCounts(line string) int {
	return piecesWithCounts(line, ",", channelWords, countRE)
}

// proactiveViaRE finds 主动 and 公开 with the channel between them.
var proactiveViaRE = regexp.MustCompile(`主动(?:在|通过)[^,;:]{1,20}?公开`)

// carriedAfterRE finds the words of applications carried out to the next
// year right after their count ("2件结转下年办理"; the next year's number is
// folded to 下年 before). "另有37件申请顺延到下年度答复" (the shape of real
// county pages) puts them off (顺延) in other words; it was passed over with
// no word. "0件转结2023年办结" in a 2022 report (a real 2022 county
// commission's page; the next year folded to 下年 before, 转结 as 结转 is)
// puts them to be concluded next year; it was passed over with no word.
var carriedAfterRE = regexp.MustCompile(`^(?:申请)?(?:结转|转入|转结|顺延)(?:至|到)?下一?年度?(?:办理|继续办理|答复|处理|继续处理|办结)?\)?$`)

// physical is a line as published that the page's reader cut into
// sentences, one line each with its number: lines holds its first cut line
// after the last heading, and what follows it.
type physical struct {
	lines []Line
	text  string // folded, once asked for
	done  bool
}

// paragraph returns the folded text of the line as published the clause's
// line was cut from, up to a heading, or the line itself when it was not
// cut. It is folded only when asked for (a channel named): most lines never
// are.
func (c nctx) paragraph() string {
	if c.cut == nil {
		return c.line
	}
	if !c.cut.done {
		var sb strings.Builder
		for k, l := range c.cut.lines {
			if l.N != c.cut.lines[0].N || k > 0 && headingLine(l.Text) {
				break
			}
			sb.WriteString(foldLine(l.Text).s)
		}
		c.cut.text, c.cut.done = sb.String(), true
	}
	return c.cut.text
}

// channels returns how many channels with a count of their own the clause's
// paragraph gives, or an earlier line of its section, whichever is more.
func (c nctx) channels() int {
	if c.secChannels > 1 {
		return c.secChannels
	}
	return channelCounts(c.paragraph())
}

// headingLine reports whether t is a section heading or a sub-heading alone.
func headingLine(t string) bool {
	if num, _ := heading(t); num != "" {
		return true
	}
	_, _, ok := subTitle(t)
	return ok
}

// inProgress reports whether the words before a count of applications say
// only that they are still being handled ("办理中", "正在办理"): at the close of
// the year, those carried out to the next.
func inProgress(seg string) bool {
	switch strings.Trim(strings.TrimPrefix(seg, "其中"), "、,和及另有其余剩尚仍均") {
	case "办理中", "正在办理", "正在办理中", "在办理中", "在办":
		return true
	}
	return false
}

// proactiveObjectRE finds the noun of items published proactively right
// after a count ("14条主动公开政府信息").
var proactiveObjectRE = regexp.MustCompile(`^的?主动公开的?(?:政府)?信息$`)

// onlyVerbs reports whether the words before a count say only that the
// organ published, in the year ("2009年共整理、录入、发布", "全年公开").
func onlyVerbs(seg string) bool {
	rest := leadingYearRE.ReplaceAllString(seg, "")
	if m := selfRE.FindStringIndex(rest); m != nil && m[0] == 0 {
		rest = rest[m[1]:]
	}
	for _, w := range []string{"全年", "本年度", "本年", "共计", "共", "整理", "录入", "编制", "发布", "公开", "了", "、"} {
		rest = strings.ReplaceAll(rest, w, "")
	}
	return rest == "" && hasAny(seg, "发布", "公开")
}

// infoObjectRE finds the bare noun of information right after a count
// ("401条信息"), the clause ending there.
var infoObjectRE = regexp.MustCompile(`^的?(?:政府|政务)?信息$`)

// answeredPartRE finds the words after a count of applications that say they
// were answered: "3件已按照相关要求进行书面回复", "14件均按照工作流程规范给予了
// 答复" (a real 2024 district bureau's page, passed over with no word before).
var answeredPartRE = regexp.MustCompile(`^(?:已|均已|都已|均|都)[^0-9,;:]{0,16}?(?:答复|回复|办结)`)

// normObjectRE finds the noun of normative documents after their count, the
// organ's own ("局本级").
var normObjectRE = regexp.MustCompile(`^(?:局本级|本级|本机关|本局|我局)?的?(?:行政)?规范性文件[。.]?$`)

// reviewObjectRE finds the noun of a review after its count: "1起有关政府信息
// 公开的行政复议案件"; a suit named with it makes it no count of reviews.
var reviewObjectRE = regexp.MustCompile(`^(?:有关|涉及)?(?:政府信息公开|信息公开)?(?:的|方面的)?行政复议(?:案件|案|申请)?$`)

// notHeldAfterRE finds the words after a count of applications that say all
// of them were answered that the organ holds no such information.
var notHeldAfterRE = regexp.MustCompile(`^(?:均|全部|都)(?:属于|属|为|是)[^0-9,;:]{0,16}?(?:本机关|本行政机关|本单位)?不掌握`)

// answeredAfterRE finds the verb of answering after the noun of a count of
// applications: "…申请依法作出答复".
var answeredAfterRE = regexp.MustCompile(`申请(?:依法|均|及时)*(?:作出|予以|进行)?答复[。.]?$`)

// receivedObjectRE finds the noun of applications right after a count.
var receivedObjectRE = regexp.MustCompile(`^的?(?:政府)?信息公开申请|^的?依申请公开申请|^的?(?:政府)?信息依申请公开|^的?依申请公开(?:政府信息)?事项|` +
	// "共收到10件依申请公开请求" (round 31, a real 2022 city government's
	// page): 请求 (requests) for 申请; blank with no word before.
	`^的?依申请公开请求`)

// bareAppsObjectRE is a noun of applications right after a count that
// receivedObjectRE does not take: 依申请公开 alone or with its 信息, or
// 申请 (公开申请) alone.
var bareAppsObjectRE = regexp.MustCompile(`^的?(依申请公开(?:的?(?:政府)?信息)?|(?:公开)?申请)`)

// bareAppsObject returns the noun of bareAppsObjectRE that rest (the words
// of a clause after a count) opens with, without its 的, when the noun ends
// the clause or its sentence (nothing but a stop after it), else "": "依申请
// 公开" of "1件依申请公开,已按时答复", not of "3件申请人补正材料" or "2件申请公开
// 的信息".
func bareAppsObject(rest string) string {
	m := bareAppsObjectRE.FindStringSubmatchIndex(rest)
	if m == nil {
		return ""
	}
	if after := strings.TrimLeft(rest[m[1]:], " "); after != "" && !hasPrefixAny(after, "。", ".", ",", "，", ";", "；", "、", "!", "?") {
		return ""
	}
	return rest[m[2]:m[3]]
}

// receivedNounRE finds, right after a count, the noun of applications for
// information and nothing after it: "7条依申请公开政府信息的申请".
var receivedNounRE = regexp.MustCompile(`^(?:依申请公开的?(?:政府)?信息的?|依申请公开的?|(?:政府)?信息公开的?|政府信息依申请公开的?)申请[。.]?$`)

// receivedVerbRE is the words before such a count: the organ, the year and
// the verb of receiving, and nothing else ("2021年度我委收到", "本年共受理").
var receivedVerbRE = regexp.MustCompile(`^(?:(?:我|本)(?:局|委|办|镇|乡|街道|区|县|市|厅|署|院|所|站|处|中心|单位|机关|部门|政府|办公室)|全年|本年度?|今年|年内|[0-9]{4}年度?|年度|共计?|总共|一共|依法)*(?:收到|受理|接到|接收|新收)(?:了)?$`)

// partKindRE finds, in the words before a list of outcomes, a part of the
// applications counted after 其中 ("其中网上申请12件"): the list may be that
// part's, not the whole's (review s28: "共收到申请21件,其中网上申请12件。其中9件
// 予以公开;3件部分公开" stored 9 granted of 21). carriedSomeRE finds a count of
// applications carried in from the year before that is not none: the
// outcomes of the year hold those handled too ("上年结转2件", "去年结转2件",
// "上年度遗留的2件", "上年结转两件"; review s28).
var (
	partKindRE    = regexp.MustCompile(`其中[^,;:。]*?申请`)
	carriedSomeRE = regexp.MustCompile(`(?:(?:上一?年度?|去年|前一年度?)[^,;:。0-9]{0,4}?(?:结转|转结|遗留|未办结|转入|顺延)|(?:结转|转结)(?:自|于)?(?:上一?年度?|去年))[^,;:。0-9]{0,12}?(?:[1-9][0-9]*|[一二两三四五六七八九十]+)(?:件|条|个|份)`)
)

// outcomesOfAll reports whether a list of outcomes after the count received
// (ante, the words before it) is of every application the year handled:
// no part of them named after 其中 before the list, no parts by a way of
// applying or a kind of applicant after 包括 that may be the list's (unless
// both kinds of applicant, which together are the whole), and none carried
// in from the year before on the line.
func outcomesOfAll(ante string, ctx nctx) bool {
	if partKindRE.MatchString(ctx.partsOf) || ctx.partsOf == "" && partKindRE.MatchString(ante) {
		return false
	}
	if strings.Contains(ctx.partsOf, "包括") && !(strings.Contains(ctx.partsOf, "自然人") && strings.Contains(ctx.partsOf, "法人")) {
		return false
	}
	return !carriedSomeRE.MatchString(ctx.line)
}

// organSuffixRE finds where an organ's name may end.
var organSuffixRE = regexp.MustCompile(`(?:街道办事处|办事处|街道|人民政府|政府|委员会|办公室|局|委|镇|乡|中心)`)

// organBeforeVerb reports whether the words before a count are an organ's
// name and then only the words receivedBefore takes (named), and whether
// that name is the reporting organ's own (own): the agency's name, its tail
// from a place on (namesOwnOrgan), or the name with 办事处 or 人民政府 cut.
func organBeforeVerb(seg, agency string) (own, named bool) {
	seg = strings.Trim(seg, ",、 ")
	for _, m := range organSuffixRE.FindAllStringIndex(seg, -1) {
		name, rest := seg[:m[1]], seg[m[1]:]
		if !receivedBefore(rest) || utf8.RuneCountInString(name) < 2 {
			continue
		}
		a := labels.Normalize(agency)
		n := labels.Normalize(name)
		if n == a || strings.HasSuffix(a, n) && utf8.RuneCountInString(n) >= 4 || namesOwnOrgan(name, agency) {
			return true, true
		}
		for _, cut := range []string{"办事处", "人民政府"} {
			if b, ok := strings.CutSuffix(a, cut); ok && (n == b || strings.HasSuffix(b, n) && utf8.RuneCountInString(n) >= 4) {
				return true, true
			}
		}
		return false, true
	}
	return false, false
}

// receiveVerbs are the verbs of applications received (the nReceived rule's).
var receiveVerbs = []string{"收到", "受理", "接收", "接到", "接受", "新收", "共收", "全年收", "本年收", "年度收"}

// otherRequests name what an applicant sends besides an application for
// information, or a kind of application that is only a part of those
// received: supplementary material (补正), a request to correct a record
// (更正), a withdrawal (撤回), a request to review an answer (复核), a
// complaint or objection (申诉, 异议), a reminder (催办), views (意见), a
// fee paid (缴费), a repeated application (重复).
var otherRequests = []string{"补正", "更正", "撤回", "复核", "申诉", "异议", "催办", "意见", "缴费", "重复"}

// zeroOtherRequests are the otherRequests whose none is no none of
// applications: "未收到申请人提出的政府信息更正申请", "未收到…撤回…申请的情况",
// "未收到重复的政府信息公开申请" each stored apps.new 0. 意见 and 缴费 are
// left out: "未收到政府信息公开申请和群众意见" is none of both.
var zeroOtherRequests = []string{"更正", "撤回", "复核", "申诉", "异议", "催办", "重复"}

// receivedOther reports whether words of receiving before a count ("收到
// 申请人补正材料") say that what was received is something other than the
// applications for information: its 申请 is only the applicant's (申请人),
// or it names one of otherRequests. "收到6件申请人提交的补正材料" (the shape
// of real county pages, 2015–2023) counts supplementary material for
// applications already pending, and "收到申请人补正材料6件" was stored as 7
// applications received. It reports false when seg names no verb of
// receiving, or names applications alone after it.
func receivedOther(seg string) bool {
	at := -1
	for _, v := range receiveVerbs {
		if i := strings.LastIndex(seg, v); i >= 0 && i+len(v) > at {
			at = i + len(v)
		}
	}
	if at < 0 {
		return false
	}
	// A part in brackets ("政府信息公开申请(含重复申请)") is of the
	// applications, not what was received instead of them.
	what := partInBracketsRE.ReplaceAllString(seg[at:], "")
	if !strings.Contains(what, "申请") {
		return false
	}
	return hasAny(what, otherRequests...) || !strings.Contains(strings.ReplaceAll(what, "申请人", ""), "申请")
}

// declaredNotRE finds the words after a count received that say it was no
// application for information: "经核实不属于政府信息公开申请", "但不属于政府
// 信息公开范畴", "均不是政府信息公开申请".
var declaredNotRE = regexp.MustCompile(`^[^0-9,;:零一二两三四五六七八九十]{0,8}?(?:不属于|不是|并非|非)[^0-9,;:]{0,12}?(?:政府信息公开|信息公开|依申请公开)[^0-9,;:]{0,6}?(?:申请|范畴|范围|事项)`)

// declaredNotApplications reports whether the words after a count received,
// open by saying, in the clause after it, that it was no application for
// information (declaredNotRE), with no count of a part before.
func declaredNotApplications(after string) bool {
	if !strings.Contains(after, "不") && !strings.Contains(after, "非") {
		return false
	}
	after = strings.TrimLeft(after, ",、")
	// "…5件,非政府信息公开申请2件": a part with its own count.
	if c := clauseRest(after); strings.ContainsFunc(c, isNumeral) {
		return false
	}
	return declaredNotRE.MatchString(after)
}

// errDeclaredNot is the bad of a count received the words after it say was
// no application for information (declaredNotApplications).
var errDeclaredNot = errors.New("received, said not applications")

// partInBracketsRE finds a part named in brackets: "(含重复申请)".
var partInBracketsRE = regexp.MustCompile(`[(（](?:含|包括|包含|其中)[^()（）]*[)）]`)

// errNotApplication is the bad of a count of things received that are not
// (or not all) applications for information (receivedOther).
var errNotApplication = errors.New("received, not applications")

// receivedBefore reports whether the words before a count are only the
// organ, the year and the verb of receiving (receivedVerbRE): no channel,
// no part, no one who forwarded them.
func receivedBefore(seg string) bool {
	return receivedVerbRE.MatchString(strings.Trim(seg, ",、 "))
}

// viaChannelObjectRE finds, right after a count, applications submitted
// through a channel: "公众通过“某某栏目”提交的申请".
var viaChannelObjectRE = regexp.MustCompile(`^(?:公众|群众|申请人|公民|市民)?通过[^,;:。]{1,30}?提交的?(?:政府信息公开|信息公开|依申请公开)?申请`)

// countAfterRE finds a clause that is only a count or a word of none: what a
// label before a colon is given as ("…申请:无", "…申请:3件").
var countAfterRE = regexp.MustCompile(`^(?:暂无|无|没有|[0-9]+(?:件|条|个|次|起|宗|项|份)|[零〇一二两三四五六七八九十]+(?:件|条|个|次|起|宗|项|份))[。.]?$`)

// labelOfCount reports whether clause c of sentence sent is a label its next
// clause, after a colon, gives the count of: "逾期未受理信息公开申请:无" (the
// shape of a real row of a report's list) names the applications not accepted
// in time, of which there were none. Its 未受理…申请 is no statement that no
// application was received (apps.new 0 was stored, with no finding); what
// the label counts the colon's clause says.
func labelOfCount(s string, c, sent span) bool {
	if c.b >= sent.b || s[c.b] != ':' {
		return false
	}
	next := s[c.b+1 : sent.b]
	if i := strings.IndexAny(next, ",:"); i >= 0 {
		next = next[:i]
	}
	if !countAfterRE.MatchString(next) {
		return false
	}
	// "本年度未收到政府信息公开申请:无", "…:0件", "本年度未发生行政复议:无":
	// a none after the colon says again the none the words before it
	// state, which are a label of a part only when they name one (未受理,
	// 逾期, 超期, or an outcome). d78a58f left these blank, with no word,
	// where the zero had been read right.
	return !noneAfterRE.MatchString(next) || hasAny(s[c.a:c.b], "受理", "逾期", "超期", "予", "办理", "办结", "答复", "处理")
}

// noneAfterRE finds a clause that is only a word of none or a count of 0.
var noneAfterRE = regexp.MustCompile(`^(?:暂无|无|没有|0+(?:件|条|个|次|起|宗|项|份)|[零〇]+(?:件|条|个|次|起|宗|项|份))[。.]?$`)

// causedRE finds, after the review or suit a statement of none names, the
// words that make it the cause of applications: "今年未出现因行政复议、信访、
// 举报、诉讼引发的政府信息公开申请" says no application came of a review, not
// that there was no review.
var causedRE = regexp.MustCompile(`(?:引发|引起|导致|产生|而提出|而产生)的?[^,;:]{0,20}?申请`)

// outcomeAfterRE finds an outcome of a review or suit said after its count
// and nothing else in the clause ("3件维持", "1件尚未审结", "1件被纠正"):
// the outcome word, for classify's outcome rules.
var outcomeAfterRE = regexp.MustCompile(`^(?:被|予以|均|已)?(维持|纠正|纠错|尚未审结|未审结|正在审理中|正在审理|审理中)(?:原?(?:具体)?(?:行政行为|决定|结果|答复))?[。.]?$`)

// organOnly reports whether the words before a statement of none are only
// the year and the organ itself ("2024年,区教育局未发生行政复议、行政诉讼事项",
// the shape of a real 2024 district bureau's page under its sub-heading
// "(四)行政复议、行政诉讼情况"): no review or suit of any of the organ's work,
// so none of its disclosure either. A statement of one kind of work
// ("行政执法工作均无被申请行政复议") is not.
func organOnly(pre, agency string) bool {
	p := yearLeadRE.ReplaceAllString(strings.TrimSpace(pre), "")
	p = strings.Trim(selfRE.ReplaceAllString(p, ""), ",、 共均")
	if p == "" {
		return true
	}
	return utf8.RuneCountInString(p) <= 12 && namesOwnOrgan(p, agency) && !hasAny(p, "工作", "案件", "执法", "许可", "处罚", "强制", "信访", "事项", "业务")
}

// yearLeadRE finds the year words a statement opens with.
var yearLeadRE = regexp.MustCompile(`^(?:[0-9]{4}年度?|全年|本年度?|年内|今年)[,]?`)

// costRE finds, after the review or suit a statement of none names, the
// words that make it the matter of an expense: "未产生与诉讼(行政复议、行政申诉)
// 有关的费用支出" (the shape of a real 2016 county bureau's page, the old
// 条例's section of costs) denies the expense, not the proceedings; it was
// stored as review.total 0.
// "未发生行政复议及相关支出" (none of either, the expense joined by 及) is
// no such matter: the words of the expense follow 与…, not 及 or 和.
var costRE = regexp.MustCompile(`(?:^|[^及和与并])(?:有关|相关)的(?:费用|支出|开支)|(?:^|[^及和与并])有关费用支出`)

// readZeros reads the zeros a clause states in words.
func readZeros(clause string, ctx nctx, emit func(k nkind, bad error)) {
	// "未收到和处理政府信息公开申请" says nothing was received either.
	clause = receivedAndHandled.Replace(clause)
	for _, z := range zeroRules {
		if !strings.Contains(clause, z.word) {
			continue
		}
		k := z.kinds[0]
		matched := clause
		if k == nReceived {
			// "未收到申请人补正材料" holds no application: its 申请 is
			// the applicant's. Masked (same length), the expression finds
			// the application a longer clause names after the applicant:
			// "未收到申请人提出的依申请公开申请".
			matched = strings.ReplaceAll(clause, "申请人", "提请人")
		}
		m := z.re.FindStringIndex(matched)
		// The whole statement decides: "未被行政复议纠错" states no zero
		// count. A second statement of none joined to it ("未收到信息公开的
		// 申请和未涉及“不予公开”的政府信息", a real 2015 bureau's) is its own.
		if m == nil || hasAny(clause[:statementEnd(clause, m[1])], z.not...) {
			continue
		}
		switch k {
		case nReceived:
			if side := applicantSide(matched[m[0]:m[1]]); side != sideAll && !otherSideNone(z.re, ctx.line, side) {
				// "全年未收到公民申请公开要求" (held out of round 24, a real
				// 2022 bureau's page): none from citizens, and whether a
				// legal person or another organisation applied the words
				// do not say. It was stored as apps.new 0. With the other
				// side's none on the line too, none at all.
				emit(k, sideError(side, matched[m[0]:m[1]]))
				continue
			}
			if feesSection(ctx.section) && !hasAny(clause, "公开", "信息") {
				// "四、依申请公开政府信息收费及减免情况" over "我镇2016年度无
				// 申请" (a real 2016 town's page): no application, so no
				// fee charged either.
				emit(nInfoFees, nil)
			}
			if proceedingsSection(ctx.section) && !hasAny(clause, "公开", "信息") {
				// "五、因政府信息公开申请行政复议、提起行政诉讼的情况" over
				// "我镇N年度无申请" (the shape of a real 2016 town's page):
				// the section's whole statement, none of either proceeding;
				// not no application for information, which read there
				// could store a wrong 0.
				emit(nReview, nil)
				emit(nLitigation, nil)
				continue
			}
			if !hasAny(clause, "公开", "信息") && !strings.Contains(ctx.section, "申请") {
				continue
			}
		case nReview, nLitigation:
			if !ctx.about(topicDisclosure) && !proceedingsSection(ctx.section) &&
				!(proceedingsSection(ctx.sub) && organOnly(clause[:m[0]], ctx.agency)) {
				continue
			}
			// The proceeding named as the cause of the applications the
			// statement denies ("未出现因行政复议、诉讼引发的…申请"): no
			// zero of reviews or suits (review.total and both suits' 0
			// were stored, with no finding).
			if end := statementEnd(clause, m[1]); causedRE.MatchString(clause[m[1]:end]) || costRE.MatchString(clause[m[1]:end]) {
				continue
			}
			if qualifiedNoneRE.MatchString(clause[:statementEnd(clause, m[1])]) {
				// "未出现因答复不当引起的行政复议、行政诉讼等情况" (a real 2024
				// county office's page, fixes s28): none caused by wrong
				// answers, which leaves the others unsaid; review.total and
				// both suits' 0 were stored with no word.
				for _, k := range z.kinds {
					emit(k, errQualifiedNone)
				}
				continue
			}
		}
		for _, k := range z.kinds {
			emit(k, nil)
		}
	}
}

// qualifiedNoneRE finds a statement of no review or suit that names a cause
// of a kind ("因答复不当引起的", "因违法公开导致的"): only those are denied.
var qualifiedNoneRE = regexp.MustCompile(`因[^,;:。]{0,12}?(?:不当|不规范|违法|违规|错误|过错|不及时|不到位|失误|不满意)[^,;:。]{0,16}?(?:复议|诉讼)`)

// errQualifiedNone is the bad of a zero of reviews or suits said only of
// those of one cause (qualifiedNoneRE).
var errQualifiedNone = errors.New("none of one cause")

// feesSection reports whether a report's section is its section of the
// fees charged for information ("四、依申请公开政府信息收费及减免情况"), not
// of the administrative fees of table 二.
func feesSection(section string) bool {
	return strings.Contains(section, "收费") && !hasAny(section, "行政事业性", "许可", "处罚")
}

// proceedingsSection reports whether a report's section is its section of
// reviews and suits ("四、申请行政复议和提起行政诉讼情况", the statutory
// "因政府信息公开申请行政复议、提起行政诉讼的情况" without its first words):
// a review or suit it says there was none of is one about disclosure.
func proceedingsSection(section string) bool {
	return strings.Contains(section, "复议") && strings.Contains(section, "诉讼") &&
		!hasAny(section, "许可", "处罚", "强制", "执法", "信访", "收费")
}

// statementEnd returns where the statement of none that ends at i in a
// clause ends: at a second statement of none joined to it by 和, 及, 也 or 且
// ("…申请和未涉及…"), or at the clause's end.
func statementEnd(clause string, i int) int {
	end := len(clause)
	for _, w := range []string{"和未", "和没有", "及未", "及没有", "也未", "也没有", "且未", "且没有"} {
		if j := strings.Index(clause[i:], w); j >= 0 && i+j < end {
			end = i + j
		}
	}
	return end
}

// dealtWithRE finds a verb of receiving joined to one of dealing with
// ("收到并妥善处理"), which counts those received.
var dealtWithRE = regexp.MustCompile(`(收到|受理|接收|接到)(?:并|且|和|及)(?:妥善|及时|依法|认真)?处理`)

var receivedAndHandled = strings.NewReplacer("收到和处理", "收到", "收到并处理", "收到", "收到和办理", "收到", "接收和处理", "接收", "受理和办理", "受理")

// nctx is what a clause is about beyond its own words: its line, the
// title of the section it stands in and of the sub-headings under it ("（一）
// 主动公开|1.主动公开政府信息数量", until the next of the outer level or the
// next section), and the report's year and organ.
type nctx struct {
	line, section, sub string
	// cut is the line as published when the page's reader cut it into
	// sentences (one line each, with its number): the channels and their
	// counts are judged on it (paragraph), not on one sentence ("在…网站主动
	// 公开…N条。在微信公众号…发布信息M条" cut in two read N as every
	// channel's).
	cut    *physical
	year   int
	agency string
	// byReason tells that the report's table 三 counts the applications
	// withheld by reason, with no total row (the 2019 and 2021 formats).
	byReason bool
	// secChannels is the most channels with a count of their own that an
	// earlier line of the section gave: "通过区政府门户网站发布信息31条;通过政务
	// 公开网站公开政务信息31条" over "在政务公开网站主动公开政务信息数32条" (a
	// real 2020 district bureau's, the second under a sub-heading of its
	// own) makes the second one channel's count, not the year's (it was
	// stored as the proactive count, the year's 62 passed over).
	secChannels int
	// semi is the sentence before on the line when a semicolon joins it to
	// this one and all of it is the organ's own of the year: '收到依申请公开申请
	// 15件;答复完毕15件' names the applications in the sentence before.
	semi string
	// semiSoFar tells that a sentence before on the line, joined to this
	// one by semicolons, counts up to a date or over years ("截至2021年12月
	// 31日,累计主动公开政府规章0件、规范性文件0件;行政许可处理决定数量324宗;…",
	// a real 2021 district commission's): the list after it may be the
	// same running total, so its counts are not the year's.
	semiSoFar bool
	// partsOf is the sentence before on the line when this one opens with
	// 其中, or is joined by semicolons to one that does: the whole its
	// list counts the parts of ("共收到…申请N件…。其中A件已公开;B件部分公开").
	partsOf string
	// prev is the sentence before on the line, whatever joins it to this
	// one: a count handled that opens a sentence may go on from the count
	// carried in that closed it (handledAfterCarried).
	prev string
	// clauseAt and sentEnd are where the clause readCounts reads starts
	// in line, and where its sentence ends (sentEnd 0: not known), so
	// that what follows a count is read from its own place (moreApplicants;
	// sentenceAfter finds the clause's first occurrence, review s36).
	clauseAt, sentEnd int
}

// ownSentence returns the sentence the clause being read stands in, given
// the words of it before the clause: the other topics (复议, 诉讼, 许可…)
// that make the outcomes counted in a sentence another matter's than the
// applications' are those of the sentence, not of the whole line. "全年共受理
// 政府信息公开申请3件,其中2件予以公开,1件不予公开。不存在有关政府信息公开行政复议
// 和行政诉讼情况。" (the shape of a real 2022 district bureau's paragraph)
// had its granted count passed over with no word for the next sentence's
// 复议. With the clause's place unknown, the line.
func (c nctx) ownSentence(before string) string {
	if c.sentEnd > 0 && c.clauseAt <= c.sentEnd && c.sentEnd <= len(c.line) {
		return before + c.line[c.clauseAt:c.sentEnd]
	}
	return c.line
}

// proactiveSub reports whether the clause stands under a sub-heading of
// proactive disclosure and no other topic, or, with no sub-heading, in a
// section of it ("二、主动公开政府信息情况": a page's reader may have taken
// the sub-heading "（一）主动公开政府信息的数量" for a table label).
func (c nctx) proactiveSub() bool {
	t := c.sub
	if t == "" {
		t = c.section
	}
	return strings.Contains(t, "主动公开") && !hasAny(t, "依申请", "申请", "复议", "诉讼", "收费", "许可", "处罚", "强制", "规范性文件", "规章")
}

// listHeading returns the length of the numeral of a part named in a list
// that opens t ("二是"), or 0: it heads a part only when the words after it
// are a title ending in 情况. (A test of two runes, not an expression: it
// runs on every line of a page.)
func listHeading(t string) int {
	r, n := utf8.DecodeRuneInString(t)
	if !strings.ContainsRune("一二三四五六七八九十", r) || !strings.HasPrefix(t[n:], "是") {
		return 0
	}
	return n + len("是")
}

// subTitleRE finds a sub-heading's numeral: "（一）" (outer), or "(1)",
// "1." and "1、" (inner).
var subTitleRE = regexp.MustCompile(`^(?:([（(][一二三四五六七八九十]+[）)])|[（(][0-9]+[）)]|[0-9]+[.．、])`)

// subTitle returns the normalised title of a line that is a sub-heading
// alone (a numeral and a few words, no figure and no sentence), and whether
// its numeral is of the outer level (（一）) rather than the inner one (1.).
func subTitle(t string) (title string, outer, ok bool) {
	t = strings.TrimSuffix(strings.TrimSpace(t), "。") // "（四）政府信息公开平台建设情况。"
	if h := listHeading(t); h > 0 && strings.HasSuffix(t, "情况") && utf8.RuneCountInString(t) <= 20 &&
		!strings.ContainsAny(t, "。，,；;0123456789") && !mayState(t[h:]) {
		// "二是依申请公开情况" on a line of its own, or opening one ("二是依
		// 申请公开情况。收到申请3件", the shape of a real county bureau's
		// page): the heading of a part, as "（二）依申请公开情况" is.
		return labels.Normalize(t[h:]), true, true
	}
	m := subTitleRE.FindStringSubmatchIndex(t)
	if m == nil || utf8.RuneCountInString(t) > 30 || strings.ContainsAny(t, "。，,；;") {
		return "", false, false
	}
	rest := t[m[1]:]
	if rest == "" || strings.ContainsAny(rest, "0123456789") || mayState(rest) {
		return "", false, false
	}
	return labels.Normalize(rest), m[2] >= 0, true
}

// openingSubTitle returns the title of a sub-heading that opens a line and
// ends at its first full stop, the line going on with its text ("（一）主动
// 公开。2024年,…"), as subTitle returns it for a heading alone.
func openingSubTitle(t string) (title string, outer, ok bool) {
	t = strings.TrimSpace(t)
	i := strings.Index(t, "。")
	if i < 0 || i+len("。") == len(t) || !subTitleRE.MatchString(t) && listHeading(t) == 0 {
		return "", false, false
	}
	return subTitle(t[:i])
}

// yearsPart returns the count of a clause that gives the report's year's
// part ("其中2018年度55条", "其中2014年主动公开政府信息130条") of a count of
// items published proactively over every year, the clause before in its
// sentence ("历年累计主动公开信息210条", "到2014年底累计共主动公开政府信息
// 1323条"). Other words in the clause, or another year, read nothing.
func yearsPart(clause, before string, year int) (float64, bool) {
	rest, ok := strings.CutPrefix(strings.TrimRight(clause, ". "), "其中") // "其中2018年度55条." (a full stop in ASCII)
	if year == 0 {
		return 0, false
	}
	// "截至2012年12月30日,我乡…共主动公开政府信息615条,今年新增94条" (a
	// real 2012 township's): the year's items added to the running total,
	// with no 其中, are its part as well; 新增 must follow the year's word.
	added := !ok
	if added {
		rest = strings.TrimRight(clause, ". ")
	}
	y := strconv.Itoa(year)
	named := false
	for _, w := range []string{y + "年度", y + "年", "本年度", "本年", "当年", "今年"} {
		if r, ok := strings.CutPrefix(rest, w); ok {
			rest, named = r, true
			break
		}
	}
	if added && !strings.HasPrefix(rest, "新增") {
		return 0, false
	}
	m := tokenRE.FindStringSubmatchIndex(rest)
	if !named || m == nil || rest[m[4]:m[5]] != "条" || m[5] != len(rest) {
		return 0, false
	}
	if words := strings.TrimPrefix(rest[:m[0]], "新增"); words != "" && !proactiveWords(words) {
		return 0, false
	}
	whole := lastClause(before)
	if !proactiveWords(allYearsRE.ReplaceAllString(whole, "")) || !mayBeAllYears(whole, before) {
		return 0, false
	}
	return figureValue(rest, m, rest[m[2]:m[3]])
}

// allYearsRE finds what makes a count of items published proactively one of
// every year so far ("历年累计", "到2014年底累计共"), and its count, so that
// proactiveWords judges the words of what is counted.
var allYearsRE = regexp.MustCompile(`^.*?(?:累计|历年)|[0-9][0-9,]*条$`)

// bareTotal reports whether the words before a figure are only those of a
// total ("合计", "共计", "总计"): the clause names nothing counted.
func bareTotal(seg string) bool {
	rest := strings.TrimLeft(seg, "、")
	if !hasAny(rest, "合计", "共计", "总计") {
		return false
	}
	for _, w := range []string{"合计", "共计", "总计", "共", "计", "为", "达", "了", "各类", "信息"} {
		rest = strings.ReplaceAll(rest, w, "")
	}
	return rest == ""
}

// partsSum reports whether the sentence before a total lists two or more
// counts of items (条) that add up to it, none of them rough.
func partsSum(before string, total float64) bool {
	ms := countRE.FindAllString(before, -1)
	if len(ms) < 2 {
		return false
	}
	sum := 0.0
	for _, m := range ms {
		if strings.ContainsAny(m, "余多") {
			return false
		}
		n := strings.TrimSuffix(m, "条")
		f, err := strconv.ParseFloat(n, 64)
		if err != nil {
			c, ok := chineseNumber(n)
			if !ok {
				return false
			}
			f = float64(c)
		}
		sum += f
	}
	return sum == total
}

// proactivePart reports whether seg opens its clause with 其中 right before
// the words of a proactive count ("其中主动公开信息1027条") after a whole
// counted in items that is not itself a proactive count ("共发布各类信息
// 1500条"): of everything published, the part published proactively is the
// proactive count. After "主动公开…1500条" the part is a kind or a
// channel's share of it, not the count.
//
// A whole of the information made ("同步推进主动公开与依申请公开工作全年共制作
// 政府信息236条,其中主动公开信息数为158条,依申请公开信息数54条", a real 2013
// district bureau's) is no proactive count, whatever 主动 the sentence said
// before it: its part published proactively is the count.
func proactivePart(seg, before string) bool {
	return strings.HasPrefix(seg, "其中") && strings.Contains(seg, "主动") &&
		countRE.MatchString(before) && (!strings.Contains(before, "主动") || madeWholeRE.MatchString(before))
}

// madeWholeRE finds, at the end of the words before a 其中, a count of the
// information made ("共制作政府信息236条,").
var madeWholeRE = regexp.MustCompile(`制作(?:各类)?(?:政府)?信息(?:共计|共|总数为?|数为?)?[0-9]+条[,;]?$`)

// docVerb reports whether the words before a count in 件 are one of table
// 二's columns alone (制发, 制定, 印发, 出台, 废止, 现行有效; after 本年度,
// 含, 新), and of which kind of document: the one the sentence named last
// before the count, 规章 or 规范性文件 (upTo). A sentence of documents
// reviewed or filed (审查, 备案), or a line giving the outcome of a review
// (梳理, 继续有效, 失效), counts something else, and is not read.
// bad is errAmended for a count issued on a line that counts amended
// documents too (修改, 修订): whether 本年制发 holds them the words do not
// say; errBothDocs when the words name both kinds joined (规章和规范性文件):
// the count may be of both together.
func docVerb(seg, upTo, line string) (k nkind, bad error, ok bool) {
	// "及时公开2022年制定的规章规范性文件5件" (the shape of a real 2022
	// national commission's page): the verb before both kinds named as one,
	// the count after them; which kind it counts, or both, is not said. It
	// was passed over with no word.
	for _, both := range []string{"规章规范性文件", "规章和规范性文件", "规章及规范性文件", "规章、规范性文件"} {
		if rest, ok := strings.CutSuffix(seg, both); ok && hasAny(rest, "制定的", "制发的", "出台的", "印发的") &&
			!hasAny(rest, "审查", "审核", "备案", "清理", "解读", "征求", "修改", "修订", "废止") {
			return nRuleIssued, errBothDocs, true
		}
	}
	verb := strings.TrimLeft(seg, "、,(和及")
	verb = strings.TrimPrefix(verb, "含")
	for _, p := range []string{"本年度", "本年", "全年", "年内", "共", "新"} {
		verb = strings.TrimPrefix(verb, p)
	}
	triple := docsTriple(line)
	if k, ok := ruleWithVerb(verb); ok {
		// "本年度制定规章1件", "规章现行有效12件", "现行有效规章12件":
		// the rules' verb and their kind in one piece, which the rules of
		// normative documents leave to this reader and this reader read
		// only with the verb alone. They were passed over with no word.
		verb = k
	}
	if triple {
		// "本年度行政规范性文件发布0条,废止数量0条,现行有效数量0条" (a
		// real 2025 town's page): table 二's three columns in words, the
		// kind before the first verb and 数量 after the others. On a line
		// that names all three, 发布 is the first column's, as 制发 is.
		for _, kind := range []string{"行政规范性文件", "规范性文件", "规章"} {
			verb = strings.TrimPrefix(verb, kind)
		}
		for _, p := range []string{"本年度", "本年", "全年", "年内", "共", "新"} {
			verb = strings.TrimPrefix(verb, p)
		}
		verb = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(verb, "为"), "数量"), "件数")
	}
	col := 0
	switch verb {
	case "制发", "制定", "印发", "出台":
	case "发布":
		if !triple {
			return 0, nil, false
		}
	case "废止":
		col = 1
	case "现行有效":
		col = 2
	default:
		return 0, nil, false
	}
	r, n := strings.LastIndex(upTo, "规章"), strings.LastIndex(upTo, "规范性文件")
	if r < 0 && n < 0 {
		return 0, nil, false
	}
	reviewed := hasAny(upTo, "审查", "审核", "备案", "合法性", "解读", "征求", "意见")
	// "…进行全面梳理，继续有效N件，失效M件、废止K件" (a real 2024 county's
	// page): the outcome of a review of some documents, not the year's.
	if hasAny(line, "梳理", "继续有效", "失效") {
		return 0, nil, false
	}
	kinds := []nkind{nRuleIssued, nRuleRepealed, nRuleInForce}
	if n > r {
		kinds = []nkind{nNormIssued, nNormRepealed, nNormInForce}
	}
	switch {
	case reviewed:
		// "依法审查规范性文件,清理区本级规范性文件0件,保留4件,新制发1件"
		// (the shape of a real 2025 district office's page): the verb
		// alone after documents reviewed (filed, explained): those issued,
		// or a part of those reviewed, the words do not say. It was passed
		// over with no word.
		return kinds[col], errDocsReviewed, true
	case hasAny(upTo, "规章和规范性文件", "规章及规范性文件", "规章、规范性文件", "规章与规范性文件",
		"规范性文件和规章", "规范性文件及规章", "规范性文件、规章", "规范性文件与规章"):
		return kinds[col], errBothDocs, true
	case col == 0 && hasAny(line, "修改", "修订", "修正"):
		return kinds[col], errAmended, true
	}
	return kinds[col], nil, true
}

// ruleYearRE finds the year a piece of words about rules opens with.
var ruleYearRE = regexp.MustCompile(`^[0-9]{4}年度?`)

// ruleWithVerb returns the verb of a piece of words before a count that is
// table 二's verb and the kind 规章 together, the kind before the verb or
// after it ("制定规章", "规章现行有效", "现行有效的规章", after a year or
// not), and whether it is one. Any other word in the piece ("参与制定规章",
// "制定规章制度", "制定市政府规章", "规章和规范性文件现行有效") makes it
// none: what is counted is then not the organ's rules of the year, or not
// rules alone.
func ruleWithVerb(piece string) (string, bool) {
	v := ruleYearRE.ReplaceAllString(piece, "")
	if w, ok := strings.CutPrefix(v, "规章"); ok {
		v = w
	} else if w, ok := strings.CutSuffix(v, "规章"); ok {
		v = strings.TrimSuffix(w, "的")
	} else {
		return "", false
	}
	switch v {
	case "制发", "制定", "印发", "出台", "废止", "现行有效":
		return v, true
	case "制作":
		// "全年新制作规章0个": made is issued, as 制定 is.
		return "制定", true
	}
	return "", false
}

// docsTriple reports whether a line names table 二's three counts of
// documents: those issued (制发, 发布), repealed (废止) and in force (现行有效).
// On such a line the counts are the table's, whatever their unit: "…发布0条,
// 废止数量0条,现行有效数量0条" counts documents in 条.
func docsTriple(line string) bool {
	return hasAny(line, "规范性文件", "规章") && strings.Contains(line, "废止") && strings.Contains(line, "现行有效") &&
		hasAny(line, "制发", "发布", "制定", "印发", "出台")
}

// docsTiaoRE finds a count of documents repealed or in force written in 条
// ("废止数量0条", "现行有效9条").
var docsTiaoRE = regexp.MustCompile(`(废止|现行有效)[^,;:。0-9]{0,6}?[0-9]+条`)

// docsTripleInTiao reports whether a line names table 二's three counts
// (docsTriple) and writes both its repealed and its in-force counts in 条:
// only then is a count in 条 on it one of documents ("本年度行政规范性文件
// 发布0条,废止数量0条,现行有效数量0条"). A line that counts its documents
// in 件 and something else in 条 ("…废止2件,现行有效30件,清理结果已在网站
// 发布,发布3条", "…现行有效20件;政策解读方面,发布4条") had that count stored
// as the documents issued (a54829d), with no word.
func docsTripleInTiao(line string) bool {
	if !docsTriple(line) {
		return false
	}
	repealed, inForce := false, false
	for _, m := range docsTiaoRE.FindAllStringSubmatch(line, -1) {
		repealed = repealed || m[1] == "废止"
		inForce = inForce || m[1] == "现行有效"
	}
	return repealed && inForce
}

// errBothDocs is the bad of a count after words naming rules and normative
// documents joined ("规章和规范性文件…制发N件"): of one kind, or of both.
var errBothDocs = errors.New("rules and normative documents together")

// errAmended is the bad of a count of documents newly made on a line that
// counts amended ones apart ("含新制定A件，修改B件"): table 二's count issued
// may hold the amended, or not.
var errAmended = errors.New("made, amended apart")

// errStillValid is the bad of a count of normative documents confirmed still
// valid ("确定继续有效的行政规范性文件33件", a real 2023 municipal
// commission's, after its clean-up): those the clean-up kept, which may not
// be every document in force.
var errStillValid = errors.New("kept by a clean-up")

// errAnsweredPart is the bad of a count of applications answered stated as a
// part of those received ("其中3件已…书面回复"): those carried in and
// answered are not in it.
var errAnsweredPart = errors.New("answered, of those received")

// errAnsweredAmong is errAnsweredPart for a count answered after 其中 that
// refers to the sentence before or stands alone ("…结转上年度办理M件。其中,
// 答复…K件"): a part of the applications said, which may hold those carried
// in.
var errAnsweredAmong = fmt.Errorf("answered, of those said before: %w", errAnsweredPart)

// errDocsReleased is the bad of a count of normative documents 发布 (put
// out): issued this year, or published whenever made, the word does not say.
var errDocsReleased = errors.New("documents released")

// errDocsPublished is the bad of a count of normative documents published
// ("主动公开市政府和市政府办公厅行政规范性文件42件", a real 2022 municipal
// government's page): published in the year, issued in it or before.
var errDocsPublished = errors.New("documents published")

// restOfList reports whether the words before a count name the rest of a
// list (其他, 其它, 其余: "、其他主动公开的信息"), a part of some whole.
func restOfList(seg string) bool {
	t := strings.TrimLeft(seg, "、,和及与并")
	t = strings.TrimPrefix(t, "以及")
	return hasPrefixAny(t, "其他", "其它", "其余")
}

// kindOfProactive reports whether a count of items published proactively
// is one kind's: 主动公开 qualified as the statutory kind (法定主动公开), or
// an item of a list of kinds, joined by 、 to a count of another kind
// before it in its clause (upTo).
func kindOfProactive(seg, upTo string) bool {
	if strings.Contains(seg, "法定主动公开") {
		return true
	}
	// Not after a count of items published proactively itself ("通过门户网站
	// 主动公开…300条、通过微信…主动公开…200条" gives each channel's, which
	// disagree and leave the measure blank, said).
	return strings.HasPrefix(seg, "、") && countRE.MatchString(upTo) && !strings.Contains(upTo, "主动")
}

// proactiveKindBefore reports whether the words of a clause before its
// 主动公开 make the count after it one kind's, as kindOfProactive and
// restOfList have it for the sentence reader: 法定 or 其他 right before it,
// or a count of another kind
// joined to it by 、 ("政策信息1条、"). The readers of single expressions
// (beside tables, pre-2019) match from 主动公开 on.
func proactiveKindBefore(head string) bool {
	// 其他 before it: the rest of a list of kinds (restOfList).
	if hasSuffixAny(head, "法定", "其他", "其它", "其余") {
		return true
	}
	i := strings.LastIndex(head, "、")
	return i >= 0 && strings.Trim(head[i+len("、"):], " ") == "" && countRE.MatchString(head[:i]) && !strings.Contains(head, "主动")
}

// wholeIsOwn reports whether the whole a 其中 part belongs to, the last
// clause before it in the sentence that counts items, is the organ's own of
// this year: not skipped for its scope (全区, 各部门), another organ, a
// comparison or a sum over years.
func wholeIsOwn(before string, ctx nctx) bool {
	clauses := strings.FieldsFunc(before, func(r rune) bool { return r == ',' || r == ':' })
	for i := len(clauses) - 1; i >= 0; i-- {
		if countRE.MatchString(clauses[i]) {
			skip, _ := clauseSkipped(clauses[i], ctx.year, ctx.agency)
			return !skip && !mayBeAllYears(clauses[i], before)
		}
	}
	return false
}

func (c nctx) about(topic string) bool {
	if topic == topicDisclosure {
		return c.about("信息公开") || c.about("依申请") || c.about("政府信息")
	}
	// A line the page's reader cut from a longer one (a paragraph of 600
	// bytes or more, cut after each full stop) is about what the line as
	// published is about: "办理结果如下:予以公开35件;…" cut from "(二)依申请
	// 公开:…依申请信息公开办理有69件,…。办理结果如下:…" (a real 2025 county
	// bureau's page) names no application itself, and its outcomes were
	// passed over with no word, as they were not on the line uncut.
	return strings.Contains(c.line, topic) || strings.Contains(c.section, topic) ||
		c.cut != nil && strings.Contains(c.paragraph(), topic)
}

// topicDisclosure stands for information disclosure however a line names it
// (信息公开, 依申请公开, 政府信息).
const topicDisclosure = "\x00disclosure"

// docWords are the words a count of normative documents follows: the
// documents, and what is done to them (docsCounted).
var docWords = []string{"规范性文件", "制发", "印发", "出台", "制定", "新发布", "制作", "废止", "废除", "现行有效", "正在实施"}

// docCountWords are the characters that may stand between the documents (or
// what is done to them) and their count: words of counting ("共计", "数量为",
// "件数", "分别为") and a closing bracket.
const docCountWords = "共计合总累为达是有了的数量件个份分别,:：)） "

// docsCounted reports whether the words before a count (seg) end with the
// normative documents or what is done to them, then words of counting only
// ("制发规范性文件共计2件", "规范性文件制发2件", "现行有效件数14件"): a
// noun after them is what the count counts ("围绕出台的规范性文件制作图解5
// 份": graphics; "制定规范性文件目录1份": a catalogue), not the documents.
func docsCounted(seg string) bool {
	end := -1
	for _, w := range docWords {
		if i := strings.LastIndex(seg, w); i >= 0 && i+len(w) > end {
			end = i + len(w)
		}
	}
	return end < 0 || strings.Trim(seg[end:], docCountWords) == ""
}

func allGroups(s string, groups [][]string) bool {
	for _, g := range groups {
		if !hasAny(s, g...) {
			return false
		}
	}
	return true
}

func hasAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// RuleNoTables is the rule of the error finding a report without the
// statutory tables gets.
const RuleNoTables = "no_tables"

// looksLikeReport reports whether a page without tables is an annual report
// all the same: it states the statistics period, or its title names one
// ("…政府信息公开工作年度报告") and its text speaks of disclosure with a
// figure or a "none". A news page, or a report's title over "页面已迁移", is
// not one.
func looksLikeReport(doc *Document) bool {
	if _, ok := labels.StatPeriod(doc.Lines); ok {
		return true
	}
	title := -1
	for i, l := range doc.Lines {
		if i >= 40 {
			break
		}
		if _, year := labels.TitleMeta(l.Text, true); year != 0 {
			title = i
			break
		}
		// "YYYY年示例区某街道办事处" over "政府信息公开工作年度报告" (the shape of
		// a real 2024 street office's title): the title broken after the
		// name, read together as the agency's reader reads it (readTitle).
		// Each line alone is no title, and the page was refused as a
		// fragment of a report.
		if i+1 < len(doc.Lines) && strings.Contains(l.Text, "年") {
			if next := strings.TrimSpace(doc.Lines[i+1].Text); next != "" && utf8.RuneCountInString(next) <= 20 {
				if _, year := labels.TitleMeta(strings.TrimSpace(l.Text)+next, true); year != 0 {
					title = i + 1
					break
				}
			}
		}
	}
	if title < 0 {
		// No title (a page's text begins at its first section, or names
		// the report only in a sentence, "现公布…街道2020年政府信息公开工作年度
		// 报告"): the report is told by that sentence, or by the sections
		// every report has.
		if title = namesReport(doc.Lines); title < 0 && !reportSections(doc.Lines) {
			return false
		}
	}
	for _, l := range doc.Lines[max(title, -1)+1:] {
		t := value.Fold(l.Text)
		if hasAny(t, "公开", "申请") && strings.ContainsAny(t, "0123456789零一二三四五六七八九十两未无没") {
			return true
		}
	}
	return false
}

// reportNameRE finds the name of an annual report of a year in a sentence.
var reportNameRE = regexp.MustCompile(`(?:19|20)\d\d年度?(?:政府|政务)?信息公开(?:工作)?年度报告`)

// namesReport returns the index of the first of the first 40 lines whose
// sentence names the annual report of a year ("现编制2011年度政府信息公开工作
// 年度报告", "咸宁市…分局2022年政府信息公开工作年度报告,根据…进行编制"), or -1.
func namesReport(lines []Line) int {
	for i, l := range lines {
		if i >= 40 {
			break
		}
		if reportNameRE.MatchString(value.Fold(l.Text)) {
			return i
		}
	}
	return -1
}

// reportSections reports whether the page's headings and sub-headings name
// the parts every annual report has, under the old 条例 and the new: items
// disclosed proactively, applications, and reviews and suits, the
// management of information or its platforms ("（一）主动公开情况 …（三）依申请
// 公开情况（四）政府信息管理情况", the 2021 format's first section). A guide to
// disclosure names the first two, not the third.
func reportSections(lines []Line) bool {
	proactive, applications, third := false, false, false
	for _, l := range lines {
		t, ok := "", false
		if num, title := heading(l.Text); num != "" {
			t, ok = title, true
		} else if title, _, sub := subTitle(l.Text); sub {
			t, ok = title, true
		} else if title, _, sub := openingSubTitle(l.Text); sub {
			t, ok = title, true
		}
		if !ok {
			continue
		}
		t = value.Fold(t)
		switch {
		case strings.Contains(t, "主动公开"):
			proactive = true
		case strings.Contains(t, "申请") && !hasAny(t, "复议", "诉讼"):
			applications = true
		case hasAny(t, "复议", "诉讼", "信息管理", "平台建设"):
			third = true
		}
	}
	return proactive && applications && third
}

// readTableless completes a report whose page has none of the statutory
// tables: the format is the one in force for its year (nothing else tells
// it), a report of 2019 or later gets an error finding that its tables are
// missing, and its figures are read from the narrative. A pre-2019 report
// had no statutory tables, so it gets no such finding.
func readTableless(ctx context.Context, doc *Document, r *gongkai.Report) {
	switch {
	case r.Year < 2019:
		r.Format = gongkai.FormatPre2019
	case r.Year <= 2020:
		r.Format = gongkai.Format2019
	default:
		r.Format = gongkai.Format2021
	}
	if r.Format != gongkai.FormatPre2019 {
		at := ""
		if len(doc.Lines) > 0 {
			at = lineAt(doc.Lines[0].N)
		}
		r.Findings = append(r.Findings, gongkai.Finding{
			Rule: RuleNoTables, Severity: gongkai.SeverityError, At: at,
			Message: "未按规定格式列出统计表：页面中没有表二、表三、表四（《政府信息公开工作年度报告格式》要求以表格报告）；" +
				"正文所述的数字已逐句读取，标为“来自正文”，未能确认的留空",
		})
	}
	vals, finds := readNarrativeUntil(ctx, doc.Lines, r.Format, r.Year, r.Agency)
	held := map[string]bool{}
	for _, v := range r.Values {
		held[v.Measure] = true
	}
	for _, v := range vals {
		if _, has := r.Lookup(v.Measure, v.Applicant); !has {
			r.Values = append(r.Values, v)
			held[v.Measure] = true
		}
	}
	var below, organ []gongkai.Finding
	r.Values, below = belowRoughWhole(doc.Lines, r.Values, held, r.Agency)
	r.Values, organ = wholeWithOrganPart(r.Values)
	below = append(below, organ...)
	approx := append(below, approximateFigures(doc.Lines, held)...)
	rough := map[string]bool{}
	for _, f := range approx {
		rough[f.Measure] = true
	}
	for _, f := range finds {
		if !rough[f.Measure] { // a rough figure of the year says more than a running total
			addNew(r, f)
		}
	}
	r.Findings = append(r.Findings, approx...)
	if r.Format == gongkai.FormatPre2019 {
		// A pre-2019 report's licensing and penalty counts have no measure
		// of its format but the narrative's, which narrativeExtras reads
		// on the pages a pre-2019 statistics table or its words mark
		// (before, a page without them left "主动公开行政许可处理事项
		// 746件" unread).
		narrativeExtrasOf(doc.Lines, r, func(nf narrativeFigure) bool {
			return nf.table == "licensing.decisions" || nf.table == "penalty.decisions"
		})
	}
}

// restatedElsewhere are the measures narrativeExtras already compares with
// the tables (under narrative.* codes, with its own phrases): a second
// warning for them would say the same twice. When their table is not on the
// page there is nothing to compare, and the narrative's figure is added as
// any other's ("没有接到…申请" beside a table 三 that is an image).
var restatedElsewhere = map[string]bool{"apps.new": true, "licensing.decisions": true, "penalty.decisions": true}

// readBesideTables reads the narrative of a page whose tables were found.
// The tables win: a narrative figure for a measure of a table the page has
// is only compared, and a different figure in a table cell is a warning; a
// figure for a table the page lacks altogether (its tables 四 an image, say)
// is added, marked as read from the narrative.
func readBesideTables(ctx context.Context, doc *Document, r *gongkai.Report) {
	if len(doc.Lines) == 0 || r.Format == gongkai.FormatPre2019 {
		return
	}
	cat := gongkai.CatalogueByCode()
	present := map[string]bool{}
	for _, v := range r.Values {
		if v.Source != gongkai.SourceNarrative {
			present[cat[v.Measure].Table] = true
		}
	}
	vals, finds, sides := readNarrativeSides(ctx, doc.Lines, r.Format, r.Year, r.Agency)
	if present[cat["apps.new"].Table] {
		checkSidesTable(sides, r)
	}
	for _, v := range vals {
		table := cat[v.Measure].Table
		if table == "narrative" {
			// narrativeExtras read its own phrases first; a count only
			// this reader finds ("合计193条" under a sub-heading of
			// proactive disclosure) is added when they found none.
			if _, has := r.Lookup(v.Measure, v.Applicant); !has && !noted(r, v.Measure) {
				r.Values = append(r.Values, v)
			}
			continue
		}
		if restatedElsewhere[v.Measure] && present[table] {
			if i, ok := blankRow(r, v); ok {
				// "…也未收到公民、法人或其他组织提出的政府信息公开申请"
				// (a real 2022 county bureau's page) over a table 三 whose
				// rows stand with no figure at all: the table says
				// nothing, the sentence says the count.
				r.Values[i] = v
			}
			continue
		}
		if !present[table] {
			if _, has := r.Lookup(v.Measure, v.Applicant); !has {
				r.Values = append(r.Values, v)
			}
			continue
		}
		if tv, has := r.Lookup(v.Measure, v.Applicant); has && tv.Number != nil && v.Number != nil && *tv.Number != *v.Number {
			label := gongkai.MeasureLabel(v.Measure)
			r.Findings = append(r.Findings, gongkai.Finding{
				Rule: "narrative", Severity: gongkai.SeverityWarning, At: v.At,
				RowLabel: label, Measure: v.Measure, Applicant: v.Applicant,
				Message: fmt.Sprintf("正文所述%s为%s，与表格（%s）的%s不一致：%s",
					label, num(*v.Number), tv.At, num(*tv.Number), v.Raw),
				Expected: tv.Number, Actual: v.Number,
			})
		}
	}
	var below, organ []gongkai.Finding
	r.Values, below = belowRoughWhole(doc.Lines, r.Values, map[string]bool{}, r.Agency)
	r.Values, organ = wholeWithOrganPart(r.Values)
	below = append(below, organ...)
	for _, f := range below {
		addNew(r, f)
	}
	for _, f := range finds {
		if below != nil && f.Measure == below[0].Measure {
			continue // the rough whole said it
		}
		if !present[cat[f.Measure].Table] {
			addNew(r, f)
			continue
		}
		if restatedElsewhere[f.Measure] && f.Measure != "" {
			// "全年未收到公民申请…" (held out of round 24, a real 2022
			// bureau's page) over a table 三 whose rows stand with no
			// figure: the sentence that would have filled the blank row
			// is said, as it is on a page without the table.
			if _, ok := blankRow(r, gongkai.Value{Measure: f.Measure, Applicant: f.Applicant, Number: gongkai.Float(0)}); ok {
				addNew(r, f)
			}
		}
	}
}

// blankRow returns the index in r.Values of the table's cell for v's measure
// and applicant when the page gives that row of the table no figure at all:
// every cell of the measure blank with no text, and no finding at the cell
// (a row whose figures could not be placed, few_figures, is not blank). A
// narrative figure stands for such a row; a row with any figure of its own
// is the table's word.
func blankRow(r *gongkai.Report, v gongkai.Value) (int, bool) {
	if v.Number == nil {
		return 0, false
	}
	at := -1
	for i, tv := range r.Values {
		if tv.Measure != v.Measure || tv.Source == gongkai.SourceNarrative {
			continue
		}
		if tv.Number != nil || strings.TrimSpace(tv.Raw) != "" {
			return 0, false
		}
		for _, f := range r.Findings {
			if f.At == tv.At {
				return 0, false
			}
		}
		if tv.Applicant == v.Applicant {
			at = i
		}
	}
	return at, at >= 0
}

// addNew appends f to r's findings unless an equal one is there: the two
// readers of the narrative (narrativeExtras and readNarrative) may both
// pass over the same running total.
func addNew(r *gongkai.Report, f gongkai.Finding) {
	for _, g := range r.Findings {
		if g.Rule == f.Rule && g.Measure == f.Measure && g.At == f.At && g.Message == f.Message {
			return
		}
	}
	r.Findings = append(r.Findings, f)
}

// errJointOutcome is the bad of a count of applications granted and granted
// in part stated as one ("予以公开与部分公开4宗", a real 2021 public security
// bureau's): neither row's figure. It was passed over with no word.
var errJointOutcome = errors.New("granted and granted in part together")

// errUnavailableMixed is the bad of a count of applications that could not
// be answered for the organ not holding the information or for another
// reason, as one ("因本机关不掌握或需要加工汇总等原因无法提供5宗", the same
// page): it was stored as the count of information not held.
var errUnavailableMixed = errors.New("not held and other reasons together")

// errUnavailableUnsplit is the bad of a count of applications that could not
// be answered, no reason given ("予以公开3件,无法提供4件", a real 2022 street
// office's): the 2021 table counts each of its three reasons apart and has
// no row of their sum. It was passed over with no word.
var errUnavailableUnsplit = errors.New("unavailable, reason unsaid")

// notHeldAmongRE finds the organ's not holding the information named as one
// reason of several (等原因, 等情形): "因本机关不掌握等原因无法提供".
// "因不属于本单位公开范围且未掌握相关信息、经检索无对应信息等情形依规答复8件"
// (the shape of a real 2025 district bureau's page) writes 未掌握, its
// reasons longer; it was passed over with no word.
var notHeldAmongRE = regexp.MustCompile(`[不未]掌握[^,;:。0-9]{0,16}?等(?:原因|情形|理由|情况|因素)`)

// jointOutcomeRE finds the granted and granted-in-part outcomes named as one.
var jointOutcomeRE = regexp.MustCompile(`(?:予以公开|同意公开|全部公开)(?:与|和|及|、|或|以及)部分公开|部分公开(?:与|和|及|、|或|以及)(?:予以公开|同意公开|全部公开)`)

// outcomeMix tells the outcomes of applications a count's words state
// together, none of whose rows the count is: granted with granted in part
// (errJointOutcome), the organ not holding the information with another
// reason it could not be given (errUnavailableMixed), or could not be
// given with no reason (errUnavailableUnsplit). ok is false for any other
// words; the caller then classifies them as before.
func outcomeMix(seg, unit string, ctx nctx) (kinds []nkind, bad error, ok bool) {
	if !strings.Contains(unitsApps, unit) || !hasAny(seg, "公开", "提供", "不掌握", "未掌握") ||
		hasAny(seg, otherTopics...) || !ctx.about("申请") {
		return nil, nil, false
	}
	switch {
	case jointOutcomeRE.MatchString(seg) && !hasAny(seg, "不予", "不同意", "分别"):
		// "予以公开、部分公开分别为3件、1件" names each its own.
		return []nkind{nGranted, nPartial}, errJointOutcome, true
	case strings.Contains(seg, "不掌握") && hasAny(seg, "加工", "汇总", "另行制作", "重新制作", "没有现成", "无现成", "不明确"):
		return []nkind{nNotHeld}, errUnavailableMixed, true
	case notHeldAmongRE.MatchString(seg):
		// "因本机关不掌握等原因无法提供846件" (a real 2025 city commission's
		// page): not holding it is one reason among others unnamed. It was
		// stored as the count not held, with no word.
		return []nkind{nNotHeld}, errUnavailableMixed, true
	case strings.HasSuffix(strings.TrimRight(seg, "的共计为均”\"」’'"), "无法提供") && !hasAny(seg, "不掌握", "制作", "加工", "汇总", "现成", "不明确", "补正"):
		// The outcome in quotation marks ("“无法提供”N件,占P%", the shape
		// of a real 2024 district's page) too: it was passed over with no
		// word.
		return []nkind{nNotHeld}, errUnavailableUnsplit, true
	}
	return nil, nil, false
}

// errDecisionsPublished is the bad of a count of decisions published
// ("主动公开行政许可处理事项746件、行政处罚处理事项887件", a real 2021 public
// security bureau's): the decisions made this year, table 二's count, may
// be more (not all are published) or fewer (published from other years).
// It was passed over with no word.
var errDecisionsPublished = errors.New("decisions published")

// decisionsPublished reports whether the words before a count in a unit of
// decisions say the decisions of licensing, penalty or coercion were
// published (公开 or 公示 in the clause up to it, the kind and 处理 or 决定 in
// its own words), and which kind.
func decisionsPublished(seg, upTo, unit string) (nkind, bool) {
	if !strings.Contains(unitsDecide, unit) || !hasAny(upTo, "公开", "公示") || !hasAny(seg, "处理", "决定") || hasAny(seg, "申请", "复议", "诉讼") {
		return 0, false
	}
	kinds := []struct {
		word string
		k    nkind
	}{{"行政许可", nLicensing}, {"行政处罚", nPenalty}, {"行政强制", nCoercion}}
	found, n := nkind(0), 0
	for _, x := range kinds {
		if strings.Contains(seg, x.word) {
			found, n = x.k, n+1
		}
	}
	return found, n == 1
}

// listsParts reports whether the words of a sentence up to a count open a
// list of the parts of a whole: 其中, "在主动公开的信息中" (among the
// information published), or a list by kind ("发布信息总数为90条,按类别分,
// …,信息公开20条": the column 信息公开's 20 was stored as the proactive count).
func listsParts(s string) bool {
	return hasAny(s, "其中", "的信息中", "按类别", "按类型", "分类别", "分类型", "按信息类别", "从类别", "从类型", "按内容分", "按栏目")
}

// errAddressedElsewhere is the bad of a count of applications the organ
// dealt with that were addressed to another ("办公室牵头办理向管委会申请的政府
// 信息48件", a real 2023 zone office's): whose received and handled counts
// they are, the office's or the committee's, the words do not say. It was
// passed over with no word.
var errAddressedElsewhere = errors.New("applications addressed to another organ")

// addressedElsewhereRE finds, in the words before a count, applications
// dealt with (办理, 处理, 答复) that were made to another organ (向…申请).
var addressedElsewhereRE = regexp.MustCompile(`(?:办理|处理|答复)[^,;:]{0,4}?向[^,;:我本]{1,12}?(?:提出|提交)?的?(?:政府信息公开)?申请`)

// outcomeKinds are the kinds that say what became of the applications
// received (granted, withheld, not processed, handled, carried over, ...):
// stated beside a count received that may run over more than the year, they
// may too.
var outcomeKinds = map[nkind]bool{
	nCarriedOut: true, nHandled: true, nGranted: true, nPartial: true, nWithheld: true, nNotExist: true, nNotThisOrgan: true, nNotHeld: true,
	nSecret: true, nProhibited: true, nSafety: true, nThirdParty: true, nInternal: true, nProcess: true, nEnforcement: true, nQuery: true,
	nNeedsCreation: true, nUnclear: true, nNotProcessed: true, nOtherHandling: true,
}

// receivedSoFar reports whether a sentence of the line states a count of
// applications received that the reader passes over as maybe a running
// total ("截至12月31日,累计受理…N件"): its outcomes on the same line are
// then unsure too.
func receivedSoFar(fl folded, ctx nctx, year int, agency string) bool {
	found := false
	soFar := false
	for _, sent := range splitKeep(fl.s, "。!?;") {
		if !(sent.a > 0 && fl.s[sent.a-1] == ';') {
			soFar = false
		}
		ctx.semiSoFar = soFar
		soFar = soFar || hasAny(fl.s[sent.a:sent.b], soFarWords...)
		readSentence(fl, sent, ctx, year, agency, scope{}, func(nkind, bool, float64, string, error, int, int) {}, func(k nkind, _, _ int) {
			found = found || k == nReceived
		})
	}
	return found
}

// sinceYearRE finds the date a running total counts up to ("截至2024年12月31日"),
// which names the year without making the count the year's.
var sinceYearRE = regexp.MustCompile(`(?:截至|截止)[0-9]{4}年`)

// saysOwnYear reports whether a sentence says its counts are the year's own
// ("本年度同意公开M件", "其中2024年…"), besides the date a total runs to.
func saysOwnYear(sent string, year int) bool {
	if hasAny(sent, "本年", "全年", "当年", "今年", "年内") {
		return true
	}
	return year > 0 && strings.Contains(sinceYearRE.ReplaceAllString(sent, ""), fmt.Sprintf("%d年", year))
}
