package ingest

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	"gongkai"
	"gongkai/ingest/labels"
	"gongkai/ingest/value"
)

// narrativeFigure is a figure the narrative states: its measure, the table
// measure it restates (empty when no table has it), and how to find it.
type narrativeFigure struct {
	measure string
	table   string
	label   string
	word    string // a word every statement holds, to skip other lines cheaply
	re      *regexp.Regexp
}

// The phrases are the ones reports use; a clause that compares with another
// year ("较上年增加12件") or sums over years ("累计") states no figure of
// this year and is skipped.
var narrativeFigures = []narrativeFigure{
	{"narrative.proactive_items", "", "主动公开信息", "主动公开",
		regexp.MustCompile(`主动公开[^。；;，,：:]{0,16}?([0-9０-９][0-9０-９,]*)\s*条`)},
	{"narrative.apps_received", "apps.new", "收到政府信息公开申请", "申请",
		regexp.MustCompile(`(?:收到|受理|接收|接到)[^。；;，,]{0,16}?申请[^。；;，,]{0,8}?([0-9０-９][0-9０-９,]*)\s*(?:件|个|次|条)`)},
	{"narrative.licensing", "licensing.decisions", "行政许可", "行政许可",
		regexp.MustCompile(`行政许可[^。；;，,、]{0,10}?([0-9０-９][0-9０-９,]*)\s*(?:件|项|个|次|宗)`)},
	{"narrative.penalty", "penalty.decisions", "行政处罚", "行政处罚",
		regexp.MustCompile(`行政处罚[^。；;，,、]{0,10}?([0-9０-９][0-9０-９,]*)\s*(?:件|项|个|次|宗)`)},
}

// totalWords are words of a total the sentence reader's proactiveWords does
// not pass over ("主动公开信息共有40条", "主动公开政府信息总数171条").
var totalWords = strings.NewReplacer("共有", "", "总数", "", "总量", "")

// notThisYearWords are the words of such a clause. They are plain words, so
// strings.Contains finds them faster than a regular expression would.
var notThisYearWords = []string{"较", "同比", "增加", "减少", "增长", "下降", "累计", "上年", "上一年", "历年"}

// yearTotals are sums over this year alone ("全年累计主动公开政府信息46条"):
// read as the year's words, they keep their 累计 from counting other years.
var yearTotals = strings.NewReplacer("全年累计", "全年", "全年累計", "全年", "本年度累计", "本年度", "本年累计", "本年",
	"年内累计", "年内", "当年累计", "当年", "年度累计", "年度")

// notThisYear reports whether a clause compares with or sums over other years.
func notThisYear(s string) bool {
	s = yearTotals.Replace(s)
	for _, w := range notThisYearWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// sinceWords open a count up to a date ("截至2015年底我局共主动公开政府信息
// 300条"): the sum of every year so far or this year's alone, and the
// sentence does not say which unless it names this year's span.
var sinceWords = []string{"截至", "截止"}

// allYearsWords sum over years outright.
var allYearsWords = []string{"累计", "累計", "历年", "歷年", "目前"}

// thisYearSpans name the span of this year, which makes a count up to a date
// this year's ("截至2015年12月31日，本年度共受理申请21件").
var thisYearSpans = []string{"本年", "今年", "全年", "年内", "年內", "当年", "當年", "1月1日", "１月１日", "年初", "1月起", "1月至", "一月一日"}

// sinceDate reports whether a sentence counts up to a date without naming
// this year's span: its figures may be sums over every year so far.
func sinceDate(s string) bool {
	for _, w := range sinceWords {
		if strings.Contains(s, w) {
			for _, y := range thisYearSpans {
				if strings.Contains(s, y) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// yearOpenedRE finds a sentence that opens with a year set off by a comma,
// nothing before it but a heading's number: "2025年,某镇累计主动公开…",
// "（一）2024年度，…". The comma makes the year the scope of what follows;
// "2020年累计主动公开…" with none may be "(截至)2020年累计", the year the
// end of a running total, and is not taken.
var yearOpenedRE = regexp.MustCompile(`^\s*(?:[(（][一二三四五六七八九十0-9]{1,2}[)）]\s*)?((?:19|20)[0-9][0-9])年度?[,，]`)

// yearSpanWords name a span other than the year a sentence opens with, or
// a date it counts up to ("截至", "以来", "上线以来"), which leave its 累计 a
// sum that may run over other years.
var yearSpanWords = []string{"截至", "截止", "以来", "以來", "至今", "迄今", "历年", "歷年", "目前", "月", "底", "末", "开通", "開通",
	"建站", "上线", "上線", "运行", "運行", "累计至", "累計至", "同比", "上年", "去年"}

// yearsOwnTotal reports whether a sentence opens with the report's year
// ("2025年,徐望镇累计主动公开政务信息145条" in a report of 2025), names no
// other year and no other span (yearSpanWords), states no figure before its
// 累计, and names neither the year again nor a part of it (yearPartWords):
// its 累计 then sums over that year alone, as "全年累计" does, and its count
// is the year's.
func yearsOwnTotal(sent string, year int) bool {
	if !strings.Contains(sent, "累计") && !strings.Contains(sent, "累計") {
		return false
	}
	m := yearOpenedRE.FindStringSubmatchIndex(sent)
	if m == nil || sent[m[2]:m[3]] != strconv.Itoa(year) || hasAny(sent, yearSpanWords...) || hasAny(sent, yearPartWords...) {
		return false
	}
	// "2016年，我乡主动公开政府信息86条，累计主动公开1200条": a figure
	// stated before the 累计 is the year's, and the 累计 after it a sum
	// beside it, not the year's again.
	first := len(sent)
	for _, w := range []string{"累计", "累計"} {
		if i := strings.Index(sent, w); i >= 0 && i < first {
			first = i
		}
	}
	if strings.ContainsAny(sent[m[1]:first], "0123456789０１２３４５６７８９") {
		return false
	}
	// "2021年，我镇网站累计主动公开信息1500条，其中2021年公开120条": the
	// year named again scopes a part, the 累计 a sum over more years.
	for _, y := range yearRE4.FindAllStringIndex(sent, -1) {
		if y[0] >= m[3] && namedYear(sent, y[0], y[1]) {
			return false
		}
	}
	return true
}

// yearPartWords name the year's own count beside a 累计 ("累计主动公开
// 1200条，其中本年度主动公开97条", "全年新增97条", "逐年递增"): the 累计
// is then a sum over more years than the one the sentence opens with.
var yearPartWords = []string{"本年", "今年", "当年", "當年", "年内", "年內", "新增", "逐年", "递增", "遞增",
	// "其中近三年公开300条" (a part over more than the year), "现已累计",
	// "建成后累计", "多年来累计": the 累计 runs from before the year.
	"近", "已累计", "已累計", "现已", "現已", "建成", "成立", "创建", "創建", "启用", "啟用", "后累计", "後累計", "年来", "年來"}

// yearsOwn reads the 累计 of a sentence yearsOwnTotal passes as 全年 (the
// same length in bytes, so that every offset into it holds).
var yearsOwn = strings.NewReplacer("累计", "全年", "累計", "全年")

// mayBeAllYears reports whether a statement, of which clause is the clause
// and upTo the sentence up to its figure, may count every year so far:
// its clause sums over years (累计, 历年) or its sentence counts up to a
// date (sinceDate). Such a figure is never taken for this year's.
func mayBeAllYears(clause, upTo string) bool {
	clause = yearTotals.Replace(clause)
	for _, w := range allYearsWords {
		if strings.Contains(clause, w) {
			return true
		}
	}
	if strings.Contains(clause, "年") && manyYearsRE.MatchString(clause) {
		return true
	}
	// "近三年来,我局共收到申请30件": the span set off before the clause,
	// which names no year of its own ("…,2025年收到10件" is the year's).
	if !strings.Contains(clause, "年") && strings.Contains(upTo, "年") && manyYearsRE.MatchString(upTo) {
		return true
	}
	return sinceDate(upTo)
}

// manyYearsRE finds words of a span of several years: "近三年因政府信息公开
// 引发行政复议5件", "近两年", "多年来共收到…申请30件", "三年来", "近年来",
// "过去五年". A count over such a span was stored as the year's with no
// word, for every measure the sentence reader reads (review.total,
// apps.new, the proactive items); with or without 累计 it may count every
// year of the span.
// One year ("近一年", "一年来", "过去一年") is the report's own.
var manyYearsRE = regexp.MustCompile(`(?:近|过去|最近)(?:[二两三四五六七八九十]|十[一二三四五六七八九]|[2-9]|[1-9][0-9]|几|些)个?年|(?:[二两三四五六七八九十]|几|多)年(?:以)?来|近年来|近年以来`)

// allYearsFinding is the warning for a measure left blank because its only
// statement may count every year so far: without it the blank would say
// nothing, and with the figure a running total would pass for this year's.
func allYearsFinding(measure, raw, at string) gongkai.Finding {
	label := gongkai.MeasureLabel(measure)
	return gongkai.Finding{
		Rule: "narrative", Severity: gongkai.SeverityWarning, At: at,
		Measure: measure, Applicant: gongkai.ApplicantTotal, RowLabel: label,
		Message: fmt.Sprintf("正文所述%s可能是截至某日或历年累计的数，不一定是本年度的（“%s”），未填入：请核对", label, raw),
	}
}

// forwardedWords say that applications came through another organ ("收到
// 县政府转办的申请3件"): they may be all the organ received or a part of it,
// and the sentence does not say which.
var forwardedWords = []string{"转办", "转交", "转来", "转送", "转递", "移交", "移送"}

// forwarded reports whether the words before a count of applications
// received say they were forwarded by another organ.
func forwarded(before string) bool {
	for _, w := range forwardedWords {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
}

// forwardedFinding is the warning for a count of applications received left
// blank because its only statement counts those another organ forwarded:
// read, a part might pass for the whole.
func forwardedFinding(measure, raw, at string) gongkai.Finding {
	label := gongkai.MeasureLabel(measure)
	return gongkai.Finding{
		Rule: "narrative", Severity: gongkai.SeverityWarning, At: at,
		Measure: measure, Applicant: gongkai.ApplicantTotal, RowLabel: label,
		Message: fmt.Sprintf("正文所述%s是其他机关转办的申请（“%s”），不一定是本机关收到的全部申请，未填入：请核对",
			strings.TrimPrefix(label, "正文所述"), raw),
	}
}

// noted reports whether r has a finding of the narrative about measure
// already (its rough figure, a sum over years): one says why it is blank.
func noted(r *gongkai.Report, measure string) bool {
	for _, f := range r.Findings {
		if f.Rule == "narrative" && f.Measure == measure {
			return true
		}
	}
	return false
}

// sentenceUpTo returns the sentence of t before byte j: from the previous
// full stop or semicolon.
func sentenceUpTo(t string, j int) string {
	start := 0
	for _, sep := range []string{"。", "；", ";", "！", "？"} {
		if k := strings.LastIndex(t[:j], sep); k >= 0 && k+len(sep) > start {
			start = k + len(sep)
		}
	}
	return t[start:j]
}

// narrativeExtras adds the figures the narrative states, each with its
// sentence as Raw and its line as At, and a warning wherever one contradicts
// the table figure it restates (the sample says 行政处罚 "1件" in the text and
// 11 in the table). Only the first statement of each figure counts.
func narrativeExtras(lines []Line, r *gongkai.Report) {
	narrativeExtrasOf(lines, r, func(narrativeFigure) bool { return true })
}

// narrativeExtrasOf is narrativeExtras for the narrative figures pick
// chooses.
func narrativeExtrasOf(lines []Line, r *gongkai.Report, pick func(narrativeFigure) bool) {
	// A sentence the page-text reader cut at a table label inside it
	// ("截至2023年12月31日,法定" | "主动公开政府信息共180条。") is read
	// whole, as readNarrative reads it: the piece alone lost the date that
	// makes its figure maybe a sum over every year so far.
	lines = rejoinCuts(lines)
	for _, nf := range narrativeFigures {
		if !pick(nf) {
			continue
		}
		if nf.table == "apps.new" && r.Format == gongkai.FormatPre2019 {
			continue // a pre-2019 narrative is where apps.new itself comes from
		}
		v, ok, total := findNarrative(lines, nf, r.Agency, r.Year)
		if ok && v.Number == nil {
			// Beyond what gongkai stores: blank with the error, unless
			// another reader (a cover sheet, the pre-2019 reader) has
			// this measure, whose own reading stands.
			if _, has := r.Lookup(nf.measure, gongkai.ApplicantTotal); !has {
				r.Values = append(r.Values, v)
				r.Findings = append(r.Findings, *total)
			}
			continue
		}
		if !ok {
			if _, has := r.Lookup(nf.measure, gongkai.ApplicantTotal); !has && total != nil && !noted(r, nf.measure) {
				r.Findings = append(r.Findings, *total)
			}
			continue
		}
		if old, has := r.Lookup(nf.measure, gongkai.ApplicantTotal); has {
			// The cover sheet already states it; a different narrative
			// figure is worth a look, a second value is not.
			if old.Number != nil && *old.Number != *v.Number {
				r.Findings = append(r.Findings, contradiction(nf, v, old))
			}
			continue
		}
		r.Values = append(r.Values, v)
		if nf.table == "" {
			continue
		}
		if tv, has := r.Lookup(nf.table, gongkai.ApplicantTotal); has && tv.Number != nil && *tv.Number != *v.Number {
			r.Findings = append(r.Findings, contradiction(nf, v, tv))
		}
	}
}

// figureLimitFinding is the error of the values rule at a figure a reader
// of sentences or of a statistics table read beyond what gongkai stores
// (bad, from value.Holds: 1e15 or more, or more than 15 significant digits,
// which a float64 changes): the figure is blank, as a table cell's would
// be, and a sentence's message quotes it. The finding names the row and
// column of the measure's cell in the tables of format, if they have one.
func figureLimitFinding(v gongkai.Value, format string, bad error) gongkai.Finding {
	var cells map[valueKey]cellLabel
	if f := gongkai.FormatByID(format); f != nil {
		cells = cellLabels(f)
	}
	lbl, where := labelsOf(cells, v, gongkai.MeasureLabel(v.Measure))
	msg := where + "：" + gongkai.ErrorMessage(bad)
	if v.Source == gongkai.SourceNarrative {
		msg = fmt.Sprintf("正文所述%s：%s（%s）", strings.TrimPrefix(where, "正文所述"),
			strings.Replace(gongkai.ErrorMessage(bad), "原表", "原文", 1), strings.TrimSpace(v.Raw))
	}
	return gongkai.Finding{
		Rule: ruleValues, Severity: gongkai.SeverityError, At: v.At,
		RowLabel: lbl.row, ColumnLabel: lbl.col, Measure: v.Measure, Applicant: v.Applicant, Message: msg,
	}
}

func contradiction(nf narrativeFigure, said, table gongkai.Value) gongkai.Finding {
	measure := nf.table
	if measure == "" {
		measure = nf.measure
	}
	return gongkai.Finding{
		Rule: "narrative", Severity: gongkai.SeverityWarning, At: said.At,
		RowLabel: nf.label, Measure: measure, Applicant: gongkai.ApplicantTotal,
		Message: fmt.Sprintf("正文所述%s为%s，与表格（%s）的%s不一致：%s",
			nf.label, num(*said.Number), table.At, num(*table.Number), said.Raw),
		Expected: table.Number, Actual: said.Number,
	}
}

// findNarrative returns the first statement of a figure in the lines. When
// there is none and a statement was passed over because it may count every
// year so far, total is the warning that says so. When the first statement's
// figure is beyond what gongkai stores, v is blank and total is the error
// that says so (narrativeLimitFinding).
// A clause that addresses another organ's government is not the agency's,
// nor is a proactive count stated as a part (其中) of a whole that is not
// the organ's own of year (wholeIsOwn): that one is said to be left out.
func findNarrative(lines []Line, nf narrativeFigure, agency string, year int) (v gongkai.Value, ok bool, total *gongkai.Finding) {
	key := labels.Normalize(agency)
	notGovernment := key != "" && !strings.Contains(key, "政府")
	for _, l := range lines {
		t := l.Text
		if !strings.Contains(t, nf.word) {
			continue
		}
		for _, m := range nf.re.FindAllStringSubmatchIndex(t, -1) {
			// The whole clause: its 累计 may come before the phrase; and
			// the whole sentence: "截至2015年底我局共主动公开…300条"
			// may be a sum over every year so far.
			clause := clauseOf(t, m[0], m[1])
			upTo := sentenceUpTo(t, m[1])
			if yearsOwnTotal(sentence(t, m[0], m[1]), year) {
				clause, upTo = yearsOwn.Replace(clause), yearsOwn.Replace(upTo)
			}
			if notGovernment && toGovernmentRE.MatchString(labels.Normalize(clause)) {
				continue
			}
			if all := mayBeAllYears(clause, upTo); all || notThisYear(clause) {
				if all && total == nil {
					f := allYearsFinding(nf.measure, sentence(t, m[0], m[1]), lineAt(l.N))
					total = &f
				}
				continue
			}
			if nf.measure == "narrative.proactive_items" && strings.HasPrefix(t[m[1]:], "次") {
				// "在政府网站主动公开信息12条次" (a real 2019 county
				// bureau's, beside its tables): items counted once per
				// channel they went out on, as readCounts passes them over
				// (errPerChannel), not the items published.
				if total == nil {
					f := passedFinding(errPerChannel, nf.measure, sentence(t, m[0], m[1]), lineAt(l.N))
					total = &f
				}
				continue
			}
			if nf.measure == "narrative.proactive_items" && proactiveKindBefore(labels.Normalize(clauseOf(t, m[0], m[0]))) {
				// "…政策文件2条、法定主动公开信息16条" (kindOfProactive).
				if total == nil {
					f := passedFinding(errOneKind, nf.measure, sentence(t, m[0], m[1]), lineAt(l.N))
					total = &f
				}
				continue
			}
			if nf.measure == "narrative.proactive_items" && strings.HasPrefix(labels.Normalize(clause), "其中") {
				before := labels.Normalize(sentenceUpTo(t, m[0]))
				whole := strings.TrimSuffix(before, labels.Normalize(clauseOf(t, m[0], m[0])))
				if !strings.Contains(whole, "主动") && !wholeIsOwn(whole, nctx{year: year, agency: agency}) {
					if total == nil {
						f := passedFinding(errPartOf, nf.measure, sentence(t, m[0], m[1]), lineAt(l.N))
						total = &f
					}
					continue
				}
			}
			if area, whole := areaScope(t, m[1], agency); area && !(whole && zeroFigure(t[m[2]:m[3]])) {
				// The area's count ("全县各部门主动公开政府信息14189条")
				// may sum every organ of it: not the organ's.
				if total == nil {
					f := passedFinding(errWholeArea, nf.measure, sentence(t, m[0], m[1]), lineAt(l.N))
					total = &f
				}
				continue
			}
			if nf.measure == "narrative.proactive_items" && !proactiveWords(totalWords.Replace(labels.Normalize(clauseOf(t, m[0], m[2])))) &&
				!strings.HasPrefix(labels.Normalize(clause), "其中") && !channelClause(labels.Normalize(clauseOf(t, m[0], m[2]))) {
				// "主动公开本单位文件28条,发布公告22条" (a real 2024 district
				// bureau's page): one kind of information, not every item.
				if total == nil {
					f := passedFinding(errOneKind, nf.measure, sentence(t, m[0], m[1]), lineAt(l.N))
					total = &f
				}
				continue
			}
			if nf.measure == "narrative.proactive_items" && hasAny(labels.Normalize(clause), channelWords...) &&
				channelCounts(labels.Normalize(t)) > 1 && !manyChannels(labels.Normalize(clause)) {
				// One channel's share: the line gives another channel a
				// count of its own (as readNarrative reads it).
				continue
			}
			if nf.table == "apps.new" && hasAny(labels.Normalize(clause), appChannelWords...) &&
				appChannelCounts(labels.Normalize(t)) > 1 {
				continue // likewise, one way of applying's count
			}
			if nf.table == "apps.new" && oneWay(labels.Normalize(clauseOf(t, m[0], m[2]))) {
				// One way's count on a line counting no other (errOneWay).
				if total == nil {
					f := passedFinding(errOneWay, nf.measure, sentence(t, m[0], m[1]), lineAt(l.N))
					total = &f
				}
				continue
			}
			if nf.table == "apps.new" {
				if bad, fresh, read := receivedHolds(t, m[2]); read {
					// "共受理申请N件,其中新收到M件" beside the tables: M is the
					// count received new (newInside); N, which may hold those
					// carried in, was stored and set against the table's count
					// new as a contradiction.
					return gongkai.Value{
						Measure: nf.measure, Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(fresh),
						Raw: sentence(t, m[0], m[1]), At: lineAt(l.N), Source: gongkai.SourceNarrative,
					}, true, nil
				} else if bad != nil {
					// "收到申请N件,其中上年结转K件" beside the tables: N may hold
					// those carried in (errCarriedInside, errNewInside).
					if total == nil {
						f := passedFinding(bad, nf.measure, sentence(t, m[0], m[1]), lineAt(l.N))
						total = &f
					}
					continue
				}
			}
			if nf.table == "apps.new" {
				if more, after := moreApplicants(labels.Normalize(sentenceRest(t, m[1]))); len(more) > 0 {
					// "收到群众申请10件,公民、法人或其他组织申请12件" beside the
					// tables, as readCounts reads it (moreApplicants): the
					// two whole sides are the sum, anything else unsure.
					// The first count was stored and set against the
					// table's, the second passed over.
					said := labels.Normalize(clauseOf(t, m[0], m[2]))
					side := applicantSide(said)
					f, err := strconv.ParseFloat(strings.ReplaceAll(width.Fold.String(t[m[2]:m[3]]), ",", ""), 64)
					if sum, ok := bothSides(side, sideError(side, said), f, more, after); ok && err == nil {
						return gongkai.Value{
							Measure: nf.measure, Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(sum),
							Raw: sentence(t, m[0], m[1]), At: lineAt(l.N), Source: gongkai.SourceNarrative,
						}, true, nil
					}
					if total == nil {
						f := passedFinding(errMoreApplicants, nf.measure, sentence(t, m[0], m[1]), lineAt(l.N))
						total = &f
					}
					continue
				}
			}
			if nf.table == "apps.new" && applicantSide(labels.Normalize(clauseOf(t, m[0], m[2]))) != sideAll {
				// "收到公民申请3件" beside the tables: one side of the
				// applicants' count (errOneApplicant), not every one.
				if total == nil {
					f := passedFinding(errOneApplicant, nf.measure, sentence(t, m[0], m[1]), lineAt(l.N))
					total = &f
				}
				continue
			}
			if nf.table == "apps.new" && receivedOther(labels.Normalize(clauseOf(t, m[0], m[2]))) {
				// "收到申请人补正材料6件" beside the tables: the applicants'
				// material, not applications (errNotApplication); it was
				// stored as narrative.apps_received, and set against the
				// table's count received as a contradiction.
				if total == nil {
					f := passedFinding(errNotApplication, nf.measure, sentence(t, m[0], m[1]), lineAt(l.N))
					total = &f
				}
				continue
			}
			if nf.table == "apps.new" && declaredNotApplications(labels.Normalize(sentenceRest(t, m[1]))) {
				// "收到依申请公开1件,经核实不属于政府信息公开申请" beside the
				// tables (errDeclaredNot).
				if total == nil {
					f := passedFinding(errDeclaredNot, nf.measure, sentence(t, m[0], m[1]), lineAt(l.N))
					total = &f
				}
				continue
			}
			if nf.table == "apps.new" && forwarded(clauseOf(t, m[0], m[2])) {
				if total == nil {
					f := forwardedFinding(nf.measure, sentence(t, m[0], m[1]), lineAt(l.N))
					total = &f
				}
				continue
			}
			if nf.word == "行政许可" || nf.word == "行政处罚" {
				// "公开行政许可事项56项" counts the kinds of licence in
				// the catalogue, not the decisions: "主动公开行政许可处理
				// 事项746件" and "办理行政许可事项1234件" count decisions.
				if catalogueWords(clauseOf(t, m[0], m[0]), t[m[0]+len(nf.word):m[2]], t[m[3]:m[1]]) {
					continue
				}
				// "其中双公示系统中公开行政许可信息N项" (the shape of a real
				// 2025 zone bureau's page, beside its table's other figure): the
				// records of decisions published, not the decisions made.
				// It was stored as narrative.licensing, with the table's
				// figure said to disagree.
				if strings.Contains(labels.Normalize(t[m[0]+len(nf.word):m[2]]), "信息") {
					if total == nil {
						f := passedFinding(errDecisionsPublished, nf.measure, sentence(t, m[0], m[1]), lineAt(l.N))
						total = &f
					}
					continue
				}
			}
			text := width.Fold.String(t[m[2]:m[3]])
			f, err := strconv.ParseFloat(strings.ReplaceAll(text, ",", ""), 64)
			if err != nil && !errors.Is(err, strconv.ErrRange) {
				continue
			}
			v := gongkai.Value{
				Measure: nf.measure, Applicant: gongkai.ApplicantTotal, Number: &f,
				Raw: sentence(t, m[0], m[1]), At: lineAt(l.N), Source: gongkai.SourceNarrative,
			}
			if bad := value.Holds(f, value.Scan(text).Digits, text); bad != nil {
				v.Number = nil
				f := figureLimitFinding(v, "", bad)
				return v, true, &f
			}
			return v, true, nil
		}
	}
	return gongkai.Value{}, false, total
}

// receivedHolds tells of the count received at byte at of line t whether
// its sentence says it may hold those carried in: it is followed by the
// count of the new ones (newInside; read, with that count fresh, when the
// new ones' count is the year's whole count new) or by a count carried in
// among it (carriedInsideRE, carriedUnsaidRE; bad). bad is nil when neither.
func receivedHolds(t string, at int) (bad error, fresh float64, read bool) {
	fl := foldLine(t)
	k, _ := slices.BinarySearch(fl.pos, at)
	if strings.Contains(fl.s, "新收") || strings.Contains(fl.s, "新受理") || strings.Contains(fl.s, "新接收") {
		for _, c := range newInside(fl.s) {
			if c.a <= k && k < c.b {
				return errNewInside, c.m, c.read
			}
		}
	}
	if strings.Contains(fl.s, "结转") || strings.Contains(fl.s, "转结") {
		for _, re := range []*regexp.Regexp{carriedInsideRE, carriedUnsaidRE} {
			for _, sp := range re.FindAllStringIndex(fl.s, -1) {
				if sp[0] <= k && k < sp[1] {
					return errCarriedInside, 0, false
				}
			}
		}
	}
	return nil, 0, false
}

// catalogueWords reports whether the words between 行政许可 (or 行政处罚)
// and a figure name the catalogue of such powers (事项, 清单, 目录) rather
// than decisions; before is the clause up to 行政许可 and unit what follows
// the figure. 事项 are decisions when handling is said, between (处理事项,
// 办理事项, 决定) or before (办理行政许可事项), or when they are counted in
// cases (件, 宗, 次) and the clause does not say the catalogue was worked on
// (公开, 公布, 梳理 …): a catalogue counts kinds (项, 个), and a verb may
// govern a list of clauses ("全年共办理行政许可事项867件，行政处罚事项1件").
// "公开行政许可事项56件" may be either, so it is not taken.
func catalogueWords(before, between, unit string) bool {
	if hasAny(between, "清单", "目录", "项目", "权力", "种类", "类别") {
		return true
	}
	cases := hasAny(unit, "件", "宗", "次") && !hasAny(before, "公开", "公布", "梳理", "编制", "清理", "调整", "取消", "下放")
	return strings.Contains(between, "事项") && !hasAny(between, "处理", "办理", "决定", "结果", "案件") &&
		!hasAny(before, "办理", "办结", "审批", "作出", "做出", "处理", "决定") && !cases
}

// sentence returns the sentence of t around bytes [i, j): from the previous
// full stop or semicolon to the next one.
func sentence(t string, i, j int) string {
	start := i - len(sentenceUpTo(t, i))
	end := len(t)
	for _, sep := range []string{"。", "；", ";", "！", "？"} {
		if k := strings.Index(t[j:], sep); k >= 0 && j+k+len(sep) < end {
			end = j + k + len(sep)
		}
	}
	return strings.TrimSpace(t[start:end])
}

// areaScope reports whether the statement of a figure in line t, whose
// match ends at byte j, counts for the whole area the organ is in or its
// parts ("2017年,全县各级各部门主动公开政府信息共计14189条"), as the
// sentence reader's scope tells it (readSentence): a clause of the sentence
// up to the figure naming the area (scopeRE) sets the scope, one naming the
// organ (selfRE, namesOwnOrgan) ends it, and a sentence opening with 其中
// carries the scope of the sentence before. whole is set when every scope
// named is the whole area (全县), whose zero is the organ's zero too.
// Such a figure may sum every organ of the area: the readers of the old
// regime's words and of narrativeFigures leave it blank with errWholeArea's
// warning rather than store it as the organ's.
func areaScope(t string, j int, agency string) (area, whole bool) {
	upTo := sentenceUpTo(t, j)
	text := upTo
	if strings.HasPrefix(strings.TrimSpace(upTo), "其中") {
		if start := j - len(upTo); start > 0 {
			// The sentence before, without its own stop.
			_, size := utf8.DecodeLastRuneInString(t[:start])
			text = sentenceUpTo(t, start-size) + "，" + upTo
		}
	}
	if !strings.ContainsAny(text, "全各下所直局系分") {
		return false, false // no word of scopeRE (the common case, without normalising)
	}
	for _, c := range strings.FieldsFunc(labels.Normalize(text), func(r rune) bool { return r == ',' || r == ':' }) {
		if selfRE.MatchString(c) || area && namesOwnOrgan(c, agency) {
			area, whole = false, false
		}
		if scopes := scopeRE.FindAllString(c, -1); len(scopes) > 0 {
			area, whole = true, true
			for _, x := range scopes {
				whole = whole && strings.HasPrefix(x, "全")
			}
		}
	}
	return area, whole
}

// zeroFigure reports whether raw, a figure as written, is 0.
func zeroFigure(raw string) bool {
	sv := value.Scan(raw)
	return sv.OK && sv.F == 0
}
