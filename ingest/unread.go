package ingest

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"gongkai"
)

// The readers of the narrative take a count of items published proactively
// only where its sentence says exactly that it is the organ's own, of the
// year, every item and every channel; any doubt leaves the measure blank.
// Most of their rules say why when they pass a count over, but not all can:
// a count written "发布总量为N件", "以部门网站为主要公开平台发布信息N条",
// "N余条" under a table page, or with the whole county as its subject
// passed over in silence, and a blank with no word of why breaks the first
// rule as surely as a wrong figure. unreadProactive is the last word: when
// no figure and no finding stand for the proactive count, the first
// statement of one the page makes is named in a warning, with the reason it
// could not be read where the words show one.

// proactiveMeasure is the measure of the count of items published
// proactively, the same in every format.
const proactiveMeasure = "narrative.proactive_items"

// unreadProactive adds to r a warning at the first sentence of the page
// that states a count of information published (主动公开, or 公开/发布/发送
// with 信息) when r holds neither the proactive count nor a finding of it. It
// never sets a figure. A sentence of another year, of applications, reviews,
// suits, fees, or of one kind of document (规范性文件, 规章, 许可, 处罚) is
// not such a statement.
func unreadProactive(lines []Line, r *gongkai.Report) {
	if accountedFor(r, proactiveMeasure) {
		return
	}
	for _, l := range lines {
		t := l.Text
		if longestSentence(t) > maxSentenceBytes {
			continue // not read, and said (readNarrative)
		}
		if !strings.ContainsAny(t, "0123456789０１２３４５６７８９") || strings.Count(t, "|") > 1 ||
			!(strings.Contains(t, "公开") || strings.Contains(t, "公開") || strings.Contains(t, "发布") || strings.Contains(t, "發佈") || strings.Contains(t, "發布") || strings.Contains(t, "发送") || strings.Contains(t, "编发") || strings.Contains(t, "編發")) {
			continue
		}
		fl := foldLine(t)
		for _, m := range unreadCountRE.FindAllStringSubmatchIndex(fl.s, -1) {
			unit := fl.s[m[4]:m[5]]
			if !countAt(fl.s, m) {
				continue
			}
			upTo := sentenceUpTo(fl.s, m[0]) // the sentence up to the count
			clause := clauseOf(fl.s, m[0], m[0])
			if !statesPublished(upTo, fl.s[m[1]:], clause, unit, strings.Contains(fl.s, "主动公开")) || otherYear(clause, r.Year) || otherYearBefore(upTo, r.Year) {
				continue
			}
			raw := sentence(t, fl.pos[m[0]], fl.pos[m[1]])
			label := gongkai.MeasureLabel(proactiveMeasure)
			r.Findings = append(r.Findings, gongkai.Finding{
				Rule: "narrative", Severity: gongkai.SeverityWarning, At: lineAt(l.N),
				Measure: proactiveMeasure, Applicant: gongkai.ApplicantTotal, RowLabel: label,
				Message: fmt.Sprintf("正文所述%s%s（“%s”），未填入：请核对", strings.TrimPrefix(label, "正文所述"),
					unreadWhy(fl.s, m, upTo, clause), raw),
			})
			return
		}
	}
}

// unreadCountRE finds a count of items in a folded line, rough or not
// ("60余条", "88件", "36篇", "2.96万条"), and its unit.
var unreadCountRE = regexp.MustCompile(`([0-9][0-9,]*(?:\.[0-9]+)?万|[0-9][0-9,]*|[零〇一二两三四五六七八九十百千万]+)(?:余|多)?(条|件|篇|份|项)`)

// statesPublished reports whether the words of a sentence up to a count say
// that information was published (主动公开; 公开, 发布 or 公布 with 信息,
// before the count or right after it, or on a line that speaks of 主动公开,
// proactiveLine), and those of its clause
// after the examples (before 等) do not speak of applications, proceedings,
// fees or one kind of document.
func statesPublished(upTo, after, clause, unit string, proactiveLine bool) bool {
	if i := strings.LastIndex(clause, "等"); i >= 0 {
		clause = clause[i:] // the kinds listed before 等 are examples of what was published
	}
	if hasAny(clause, "申请", "复议", "诉讼", "收费", "规范性文件", "规章", "许可", "处罚", "强制", "热线", "诉求", "信访", "建议", "提案", "解读", "会议", "培训", "宣传") {
		return false
	}
	bare := strings.TrimRight(upTo, "共计为达")
	if unit == "项" {
		// Items (项) are information only right after 信息: "全年累计公开政府
		// 信息2874项" (a real 2023 development zone office's). 项 count a
		// catalogue's entries ("对2045项应主动公开政府信息…明确") or
		// standards ("全年共发布卫生健康标准80项,已全部…主动公开") as often.
		return hasAny(upTo, "公开", "发布", "公布") && strings.HasSuffix(bare, "信息")
	}
	if strings.Contains(upTo, "主动公开") || strings.Contains(upTo, "主动发布") {
		return true
	}
	if unit == "篇" || unit == "份" {
		// Articles and copies are counted as information only in the
		// words of 主动公开, or right after it: "局网站发布信息1995篇" (a real
		// 2024 municipal bureau's).
		return hasAny(upTo, "公开", "发布", "公布") && strings.HasSuffix(bare, "信息")
	}
	// 公示 is published too: "全年在…官网公示的信息共计227条" (a real 2022
	// district bureau's); so are documents right after the verb, "在政府
	// 信息公开基础平台公开文件38件" (a real 2024 municipal bureau's).
	if unit == "件" && proactiveLine && strings.Contains(upTo, "印发") && hasSuffixAny(bare, "公文", "文件") {
		// "通过政府门户网站主动公开政府信息,全文电子化率达100%。全年共印发公文
		// 155件,其中,机构设置类信息33条…" (a real 2015 town's): the
		// documents issued, on a line of proactive disclosure, may be its
		// count.
		return true
	}
	// 政务 right before the count is the published matter too: "累计对外公示
	// 2021年政务135条" (a real 2021 street office's).
	// So is 发送 (sent out): "政府门户网站共发送9条信息" (a real 2020
	// township's, under its heading of proactive disclosure).
	// 更新 (updated) too: "开发区网站共及时更新各类信息317条" (a real 2013
	// development zone's, under its heading of proactive disclosure) was a
	// blank with no word; updated items may be more or fewer than those
	// published proactively, so it is warned, never read.
	// 编发 (compiled and sent out) too: "截至2016年底,我中心累计主动编发信息
	// 30条" (a real 2016 disease control centre's, under its heading of
	// proactive disclosure) was a blank with no word.
	return hasAny(upTo, "公开", "发布", "公布", "公示", "发送", "更新", "编发") &&
		(strings.Contains(upTo, "信息") || strings.HasSuffix(bare, "政务") || hasPrefixAny(after, "信息", "政府信息") || proactiveLine) &&
		(unit == "条" || strings.Contains(upTo, "总量") || unit == "件" && hasSuffixAny(bare, "公开文件", "发布文件"))
}

// unreadWhy says, as far as the words show it, why a count of items
// published, at match m of the folded line s, is not the proactive count.
func unreadWhy(s string, m []int, upTo, clause string) string {
	pre := strings.TrimSuffix(s[:m[0]], "共")
	switch {
	case strings.Contains(s[m[0]:m[1]], "万") && s[m[0]] >= '0' && s[m[0]] <= '9':
		return "以“万”为单位，是约数，不是确数"
	case strings.Contains(s[m[0]:m[1]], "余") || strings.Contains(s[m[0]:m[1]], "多") || hasPrefixAny(s[m[1]:], "左右", "以上") ||
		hasSuffixAny(pre, "约", "近", "逾", "超过", "将近", "大约", "不到", "不足"):
		return "是约数，不是确数"
	case strings.Contains(upTo, "印发") && !hasAny(upTo, "公开", "发布", "公布"):
		return "写作“印发”：所印发的公文不一定都主动公开了，不能确定是主动公开信息的总数"
	case strings.Contains(upTo, "发布") && !strings.Contains(upTo, "主动公开") && !strings.Contains(upTo, "主动发布"):
		return "写作“发布”：所“发布”的（新闻、通知等）不一定都是主动公开的政府信息，不能确定"
	case strings.Contains(upTo, "更新") && !hasAny(upTo, "公开", "发布", "公布", "发送"):
		return "写作“更新”：所更新的信息不一定都是本年主动公开的政府信息，不能确定"
	case strings.Contains(upTo, "发送") && !hasAny(upTo, "公开", "发布", "公布"):
		return "写作“发送”：所发送的信息不一定都是主动公开的政府信息，不能确定"
	case strings.Contains(upTo, "编发") && !hasAny(upTo, "公开", "发布", "公布"):
		return "写作“编发”：所编发的信息不一定都是主动公开的政府信息，不能确定"
	case hasAny(clause, "累计", "累計"):
		return "写作“累计”：可能是历年累计的数，不能确定是本年度的"
	case hasAny(upTo, channelWords...) && channelCounts(s) > 1:
		return "只是某一渠道（网站、微信、平台等）的数，同一段还列有其他渠道的数，不一定是总数"
	}
	return "不能确定是本机关本年度主动公开政府信息的总数（所述的可能是全辖区、某一渠道或某一类信息的数）"
}

// hasSuffixAny reports whether s ends with any of suffixes.
func hasSuffixAny(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// countAt reports whether match m of unreadCountRE in s is a count: not an
// article of a law ("第五十条", "第二十条第(一)项"), nor a law itself
// ("条例"), and a Chinese numeral only after a word that takes a figure, as
// figureValue reads them.
func countAt(s string, m []int) bool {
	pre, post := s[:m[0]], s[m[1]:]
	if strings.HasSuffix(pre, "第") || hasPrefixAny(post, "例", "款", "规定") {
		return false
	}
	if c := s[m[2]]; c >= '0' && c <= '9' {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(pre)
	return pre != "" && strings.ContainsRune("共计理到收请开结议讼为了有出予均件定罚可条息报办达复案起申布", r)
}

// notExistRE finds words saying the information applied for does not exist
// ("经办理,确认为不存在信息", "经查,该信息不存在", "属于信息不存在").
var notExistRE = regexp.MustCompile(`(?:确认|经查|核实|查明)[^,;:。，；：0-9]{0,6}?不存在|属于?信息不存在|申请的?(?:政府)?信息不存在`)

// unreadNotExist adds to r a warning at the first sentence of the page that
// says the information applied for did not exist without counting the
// applications so answered ("2024年度,集团收到政府信息公开申请1条,经办理,确认
// 为不存在信息,予以答复", a real 2024 water group's) when r holds neither
// the count of that outcome (本机关不掌握相关政府信息 in the 2019 and 2021
// tables, 信息不存在 in the old regime's) nor a finding of it. It was a blank
// with no word. It never sets a figure: the outcome's count is unsaid, and
// reading it off the applications received would be a guess.
func unreadNotExist(lines []Line, r *gongkai.Report) {
	measure := "apps.unavailable.not_held"
	if r.Format == gongkai.FormatPre2019 {
		measure = "pre2019.not_exist"
	}
	if accountedFor(r, measure) {
		return
	}
	for _, l := range lines {
		if !strings.Contains(l.Text, "不存在") || strings.Count(l.Text, "|") > 1 {
			continue
		}
		fl := foldLine(l.Text)
		m := notExistRE.FindStringIndex(fl.s)
		if m == nil || !strings.Contains(sentenceUpTo(fl.s, m[0]), "申请") {
			continue
		}
		label := gongkai.MeasureLabel(measure)
		r.Findings = append(r.Findings, gongkai.Finding{
			Rule: "narrative", Severity: gongkai.SeverityWarning, At: lineAt(l.N),
			Measure: measure, Applicant: gongkai.ApplicantTotal, RowLabel: label,
			Message: fmt.Sprintf("正文说所申请的信息不存在，但未写这样答复的件数（“%s”）：%s未填入，请核对", sentence(l.Text, fl.pos[m[0]], fl.pos[m[1]]), label),
		})
		return
	}
}

// accountedFor reports whether r holds the total of measure or a finding
// of it: either way the page's words on it were not passed over in silence.
func accountedFor(r *gongkai.Report, measure string) bool {
	if _, has := r.Lookup(measure, gongkai.ApplicantTotal); has {
		return true
	}
	for _, f := range r.Findings {
		if f.Measure == measure {
			return true
		}
	}
	return false
}

// Shapes whose figure no reader takes, each said so (unreadOddCounts).
var (
	// doubledProcessRE finds a count of information withheld as 过程性信息
	// written with its 性 twice ("属于四类过程性性信息N件", a real page's
	// typo).
	doubledProcessRE = regexp.MustCompile(`过程性性信息[^。；;，,0-9]{0,6}[0-9]+\s*(?:件|条|个)`)
	// capitalNumeralRE finds a count in the capital numerals of money
	// ("申请壹件"): the readers take Arabic and everyday Chinese numerals.
	capitalNumeralRE = regexp.MustCompile(`[壹贰叁肆伍陆柒捌玖拾佰仟][零〇壹贰叁肆伍陆柒捌玖拾佰仟万]*\s*(?:件|条|个|份|次|起|项|宗)`)
	// handledNoCountRE finds "已办结" closing a clause with no count after
	// it ("收到…申请0件,上年结转1件,已办结").
	handledNoCountRE = regexp.MustCompile(`(?:均已|已|全部)?办结(?:完毕)?(?:[。；;，,]|$)`)
)

// unreadOddCounts adds a warning for each count on the page in a shape no
// reader takes, whose figure is therefore blank: a 过程性信息 count written
// 过程性性信息 (the page's doubled character), a count in the capital
// numerals of money (壹件), and "已办结" with no count in a sentence on
// applications carried in, where the year's handled total (办理总数) is
// not written. Nothing is added for a measure already read or said.
func unreadOddCounts(lines []Line, r *gongkai.Report) {
	if r.Format == gongkai.FormatPre2019 {
		return
	}
	said := func(measure string, l Line, quote, why string) {
		label := gongkai.MeasureLabel(measure)
		r.Findings = append(r.Findings, gongkai.Finding{
			Rule: "narrative", Severity: gongkai.SeverityWarning, At: lineAt(l.N),
			Measure: measure, Applicant: gongkai.ApplicantTotal, RowLabel: label,
			Message: fmt.Sprintf("正文“%s”%s：%s未填入，请核对", quote, why, label),
		})
	}
	process, total := "apps.withheld.process_info", "apps.total"
	capital := false
	for _, l := range lines {
		t := l.Text
		if strings.Count(t, "|") > 1 {
			continue
		}
		if m := doubledProcessRE.FindStringIndex(t); m != nil && !accountedFor(r, process) {
			said(process, l, t[m[0]:m[1]], "把“过程性信息”多写了一个“性”字，所指多半是过程性信息，但字面不是表三的这一项")
		}
		if m := capitalNumeralRE.FindStringIndex(t); m != nil && !capital && hasAny(t, "申请", "公开", "复议", "诉讼") {
			capital = true
			r.Findings = append(r.Findings, gongkai.Finding{
				Rule: "narrative", Severity: gongkai.SeverityWarning, At: lineAt(l.N),
				Message: fmt.Sprintf("正文用大写数字写数（“%s”），未读取（只读阿拉伯数字和小写中文数字）：所述的数留空，请核对", sentence(t, m[0], m[1])),
			})
		}
		if m := handledNoCountRE.FindStringIndex(t); m != nil && !accountedFor(r, total) {
			s := sentenceUpTo(t, m[0])
			if hasAny(s, "结转", "上年") && strings.Contains(s, "申请") {
				said(total, l, sentence(t, m[0], m[1]), "写“已办结”而未写件数：办结的是哪些申请、共多少件，正文未说")
			}
		}
	}
}
