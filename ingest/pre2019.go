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
	"gongkai/ingest/web"
)

// Reports for 2008–2018 follow the old 条例 第三十二条: no national table, a
// narrative (items published, applications by channel, granted / partly
// granted / refused / does not exist / not this organ, fees, review and
// litigation), and in some provinces a statistics table with the columns
// 本年度 | 历年累计. The figures that mean the same in every regime take the
// canonical codes (apps.new, apps.granted, apps.partial, apps.total,
// review.total, narrative.proactive_items); the rest take pre2019.* codes
// (formats/pre2019.json). 历年累计 figures are measures of their own,
// pre2019.cumulative.* (cumulativeCode).

// statRow maps a row of the statistics table, by a phrase its label holds,
// to a measure. Order matters: "不同意公开" before "同意公开".
var statRows = []struct{ phrase, measure string }{
	{"主动公开政府信息数", "narrative.proactive_items"},
	{"主动公开信息数", "narrative.proactive_items"},
	{"收到申请数", "apps.new"},
	{"申请总数", "apps.new"},
	// The provinces' other words for applications received.
	{"依申请公开信息总数", "apps.new"},
	{"受理申请数", "apps.new"},
	{"申请受理数", "apps.new"},
	{"受理政府信息公开申请", "apps.new"},
	{"当面申请", "pre2019.apps_in_person"},
	{"传真申请", "pre2019.apps_fax"},
	{"电子邮件申请", "pre2019.apps_email"},
	{"网络申请", "pre2019.apps_online"},
	{"网上申请", "pre2019.apps_online"},
	{"信函申请", "pre2019.apps_letter"},
	{"申请办结数", "apps.total"},
	{"按时办结", "pre2019.apps_on_time"},
	{"延期办结", "pre2019.apps_extended"},
	{"申请答复数", "pre2019.apps_answered"},
	// A provincial form's "3.否决公开答复总数" counts every refusal, of
	// which 不同意公开 is one kind: no measure means it.
	{"否决公开", ""},
	{"对申请的答复总数", "pre2019.apps_answered"},
	{"已主动公开范围", "pre2019.already_public"},
	{"不同意公开", "pre2019.apps_withheld"},
	{"同意部分公开", "apps.partial"},
	{"同意公开", "apps.granted"},
	{"不属于本行政机关", "pre2019.not_this_organ"},
	{"非本机关", "pre2019.not_this_organ"},
	{"信息不存在", "pre2019.not_exist"},
	{"更改补充", "pre2019.asked_to_amend"},
	{"其他途径", "pre2019.other_channel"},
	{"行政复议数", "review.total"},
	{"行政诉讼数", "pre2019.litigation_total"},
	{"举报投诉", "pre2019.complaints"},
	{"收取的费用", "pre2019.fees"},
	{"收取费用", "pre2019.fees"},
}

// The rows under 行政复议 and 行政诉讼 share their labels; the last of the
// two headings met decides.
var statOutcomes = map[string][2]string{
	"维持":   {"pre2019.review_upheld", "pre2019.litigation_upheld"},
	"纠错":   {"pre2019.review_corrected", "pre2019.litigation_corrected"},
	"其他情形": {"pre2019.review_other", "pre2019.litigation_other"},
}

// narrativeRule finds one pre-2019 figure in a sentence.
type narrativeRule struct {
	measure string
	re      *regexp.Regexp
}

const fig = `([0-9０-９][0-9０-９,]*)`

var pre2019Narrative = []narrativeRule{
	{"narrative.proactive_items", narrativeFigures[0].re},
	// "政府信息依申请公开系统共收到1宗": the system of applications received one.
	// "本年度新收申请10件" (left from session 38, the words of item 1 on a
	// page the old regime's words mark): 新收 is received as 收到 is; the
	// count was blank with no word, where the sentence reader reads it.
	{"apps.new", regexp.MustCompile(`(?:(?:收到|受理|接到|接收|新收)[^。；;，,]{0,12}?(?:公开)?申请[^。；;，,]{0,6}?|依申请公开[^。；;，,]{0,8}?(?:收到|受理|接到|接收)[^。；;，,0-9]{0,4}?)` + fig + `\s*(?:件|份|个|条|次|宗)`)},
	{"pre2019.apps_in_person", regexp.MustCompile(`当面(?:申请|提出)?[^。；;，,、]{0,4}?` + fig + `\s*(?:件|份|个|条|次|宗)`)},
	{"pre2019.apps_email", regexp.MustCompile(`电子邮件(?:申请)?[^。；;，,、]{0,4}?` + fig + `\s*(?:件|份|个|条|次|宗)`)},
	{"pre2019.apps_online", regexp.MustCompile(`(?:网络|网上)(?:申请)?[^。；;，,、]{0,4}?` + fig + `\s*(?:件|份|个|条|次|宗)`)},
	{"pre2019.apps_letter", regexp.MustCompile(`信函(?:申请)?[^。；;，,、]{0,4}?` + fig + `\s*(?:件|份|个|条|次|宗)`)},
	{"pre2019.apps_fax", regexp.MustCompile(`传真(?:申请)?[^。；;，,、]{0,4}?` + fig + `\s*(?:件|份|个|条|次|宗)`)},
	{"apps.total", regexp.MustCompile(`(?:已|共|全部)?办结[^。；;，,、]{0,4}?` + fig + `\s*(?:件|份|个|条|次|宗)`)},
	// "我办按时办结数517件,延期办结8件" (a real 2018 city office's page):
	// the two parts of those handled, each its own row of the old tables
	// (statRows' 按时办结 and 延期办结). Their first was stored as apps.total.
	{"pre2019.apps_on_time", regexp.MustCompile(`(?:按时|按期)办结[^。；;，,、]{0,4}?` + fig + `\s*(?:件|份|个|条|次|宗)`)},
	{"pre2019.apps_extended", regexp.MustCompile(`延期办结[^。；;，,、]{0,4}?` + fig + `\s*(?:件|份|个|条|次|宗)`)},
	// "在已经答复的9件申请中,“同意公开”的7件…" (the old template's words,
	// on a real 2017 municipal bureau's page): the applications answered,
	// the frame of the outcomes listed after it. It was passed over with no
	// word.
	{"pre2019.apps_answered", regexp.MustCompile(`(?:^|在)已(?:经)?(?:答复|回复)的` + fig + `\s*(?:件|份|个|宗)(?:政府信息公开|信息公开|依申请公开)?申请(?:中|当中)`)},
	{"pre2019.apps_withheld", regexp.MustCompile(`(?:不予公开|不同意公开)[^。；;，,、]{0,4}?` + fig + `\s*(?:件|份|个|条|次|宗)`)},
	{"apps.partial", regexp.MustCompile(`部分公开[^。；;，,、]{0,4}?` + fig + `\s*(?:件|份|个|条|次|宗)`)},
	{"apps.granted", regexp.MustCompile(`(?:^|[^不部分])(?:同意公开|予以公开|全部公开)[^。；;，,、]{0,4}?` + fig + `\s*(?:件|份|个|条|次|宗)`)},
	{"pre2019.not_exist", regexp.MustCompile(`信息不存在[^。；;，,、]{0,4}?` + fig + `\s*(?:件|份|个|条|次|宗)`)},
	{"pre2019.not_this_organ", regexp.MustCompile(`(?:非本(?:行政)?机关|不属于本(?:行政)?机关)[^。；;，,、]{0,12}?` + fig + `\s*(?:件|份|个|条|次|宗)`)},
	{"review.total", regexp.MustCompile(`行政复议[^。；;，,、]{0,6}?` + fig + `\s*(?:件|起|宗|次)`)},
	{"pre2019.litigation_total", regexp.MustCompile(`行政诉讼[^。；;，,、]{0,6}?` + fig + `\s*(?:件|起|宗|次)`)},
	// 收取的费用 may carry a note of what it covers before its amount
	// ("收取的费用（检索费、邮寄费、复制费等）为0元").
	{"pre2019.fees", regexp.MustCompile(`收取[^。；;，,]{0,12}?费用?(?:[(（][^()（）]{0,30}[)）])?[^。；;，,]{0,4}?([0-9０-９][0-9０-９,]*(?:\.[0-9]+)?)\s*(万元|元)`)},
}

// noneRE reads the sentences that state a zero in words: "未发生行政复议和行政诉讼".
var noneRE = map[string]*regexp.Regexp{
	"apps.new":                 regexp.MustCompile(`(?:未|没有)(?:收到|接到|受理|接受|发生)[^。；;，,]{0,20}?申请`),
	"review.total":             regexp.MustCompile(`(?:未|没有|无(?:一例|一起|一件|任何))(?:发生|收到|出现|接到|被提起|被申请)?[^。；;，,]{0,20}?行政复议`),
	"pre2019.litigation_total": regexp.MustCompile(`(?:未|没有|无(?:一例|一起|一件|任何))(?:发生|收到|出现|接到|被提起|被申请)?[^。；;，,]{0,20}?行政诉讼`),
	// "未收取任何费用", "未向申请人收取费用", "未发生…的收费及减免情况".
	// "没有…的政府信息公开收费和减免情况".
	// "我镇对申请公开政府信息暂免收费" (round 31): fees waived, none charged.
	"pre2019.fees": regexp.MustCompile(`暂免收费|(?:未|没有|不)(?:(?:向|对)[^。；;，,]{1,16}?)?收取[^。；;，,]{0,16}?费|(?:未|没有|不)(?:向|对)[^。；;，,]{0,14}?申请人收费|(?:未|没有)(?:发生|产生)[^。；;，,]{0,16}?收费|(?:未|没有)因[^。；;，,]{0,16}?(?:发生|产生)的?(?:任何)?收费|(?:未|没有)[^。；;，,]{0,30}?收费(?:和|及|与|、|或)减免|公开(?:工作)?(?:未|没有)收费(?:$|[。；;，,])`),
}

// pre2019Extras reads a page without official tables as a pre-2019 report
// when it uses the old regime's words (the detect labels of
// formats/pre2019.json: 同意公开, 信息不存在, 历年累计 …) and its statistics
// table or its narrative states at least two of the figures that report had
// to state; it then sets r.Format to pre2019. Other pages (a 2021 report
// whose tables are images, a news page) leave r untouched, and Extract
// rejects them.
func pre2019Extras(doc *Document, r *gongkai.Report) {
	if !oldRegimeWords(doc) {
		return
	}
	vals, notes := statTable(doc)
	seen := map[string]bool{}
	for _, v := range vals {
		seen[v.Measure] = true
	}
	said, totals := pre2019FromNarrative(doc.Lines, r.Agency)
	for _, v := range said {
		if !seen[v.Measure] {
			seen[v.Measure] = true
			vals = append(vals, v)
		}
	}
	if !seen["apps.total"] && !seen["pre2019.apps_answered"] && !slices.ContainsFunc(totals, func(f gongkai.Finding) bool { return f.Measure == "apps.total" }) {
		// "收到申请12件,已答复10件", "…,均已办结", "…,无上年结转,均已办结"
		// (left from session 39): this reader's rules read 办结 alone, and
		// on a page the old regime's words mark nothing else reads the
		// narrative (readTableless is for pages of no format), so the
		// count handled was blank with no word. The sentence reader's
		// rules of the count handled (answered, all handled, settled by
		// the counts received and carried) read it or say it, as they do
		// on the same year's pages without those words. Not where the
		// applications answered are read (申请答复数, "在已经答复的8件申请
		// 中"): the old tables count them apart from those handled.
		//
		// A count said with 答复 or 回复 alone ("已答复10件") is the
		// applications answered in these tables' words (申请答复数, review's
		// MEDIUM on a12c766), not those handled (申请办结数): it is read as
		// pre2019.apps_answered, and apps.total stays unstated.
		sv, sf := readNarrative(doc.Lines, gongkai.FormatPre2019, r.Year, r.Agency)
		for _, v := range sv {
			if v.Measure != "apps.total" || v.Applicant != gongkai.ApplicantTotal || seen[v.Measure] {
				continue
			}
			if raw := labels.Normalize(v.Raw); hasAny(raw, "答复", "回复") && !hasAny(raw, handledVerbWords...) {
				v.Measure = "pre2019.apps_answered"
			}
			seen[v.Measure] = true
			vals = append(vals, v)
			break
		}
		if !seen["apps.total"] {
			for _, f := range sf {
				if f.Measure == "apps.total" {
					totals = append(totals, f)
				}
			}
		}
	}
	vals, below := belowRoughWhole(doc.Lines, vals, seen, r.Agency)
	notes = append(notes, below...)
	vals, below = wholeWithOrganPart(vals)
	notes = append(notes, below...)
	approx := approximateFigures(doc.Lines, seen)
	notes = append(notes, approx...)
	for _, f := range approx {
		seen[f.Measure] = true // its rough figure is the year's: one warning says enough
	}
	for _, f := range totals {
		if !seen[f.Measure] || f.Rule == ruleValues {
			notes = append(notes, f)
		}
	}
	notes = append(notes, feesWithoutUnit(vals)...)
	stated := 0
	for m := range seen {
		if m != "pre2019.fees" {
			stated++
		}
	}
	if stated < 2 {
		return
	}
	r.Format = gongkai.FormatPre2019
	r.Values = append(r.Values, vals...)
	r.Findings = append(r.Findings, notes...)
}

// handledVerbWords are the words of a count handled (申请办结数) rather than
// answered alone: a statement with one of them is read as apps.total.
var handledVerbWords = []string{"办结", "办理完毕", "处理完毕", "办理完成", "处理完成", "办理结束", "办复"}

// oldRegimeWords reports whether the page uses a word only the old regime's
// reports use.
func oldRegimeWords(doc *Document) bool {
	f := gongkai.FormatByID(gongkai.FormatPre2019)
	if f == nil {
		return false
	}
	has := func(text string) bool {
		t := labels.Normalize(text)
		for _, d := range f.Detect {
			if strings.Contains(t, labels.Normalize(d)) {
				return true
			}
		}
		return false
	}
	for _, l := range doc.Lines {
		if has(l.Text) {
			return true
		}
	}
	for _, g := range doc.Grids {
		for _, row := range g.Rows {
			for _, c := range row {
				if has(c.Text) {
					return true
				}
			}
		}
	}
	return false
}

// statLine is one row of a statistics table: its label, the 本年度 figure
// and where it is.
type statLine struct {
	label, unit, raw, at string
	cum, cumAt           string // the 历年累计 figure, when the row has one
}

// statTable reads the provincial statistics table (指标 | 单位 | 本年度 |
// 历年累计) from the grids or, when the page has it as text, from the lines.
func statTable(doc *Document) ([]gongkai.Value, []gongkai.Finding) {
	order := cumulativeOrder(doc)
	var rows []statLine
	var findings []gongkai.Finding
	var ytd bool // a 本年累计 column beside 本期实际
	for _, g := range doc.Grids {
		var cols statColumns
		for ri, row := range g.Rows {
			var cells []string
			var locs []string
			for ci, c := range row {
				if ci > 0 && c.Text == row[ci-1].Text && c.Text != "" && !web.IsFigure(c.Text) {
					// A merged label repeats its text; equal figures
					// (本年度 0, 历年累计 0) are two cells.
					continue
				}
				cells = append(cells, c.Text)
				locs = append(locs, g.Loc(ri, ci))
			}
			cells, locs = cols.read(cells, locs)
			ytd = ytd || cols.ytd
			if sl, ok := statCells(cells, locs); ok {
				rows = append(rows, sl)
			}
		}
	}
	if len(rows) == 0 {
		var cols statColumns
		for _, l := range doc.Lines {
			cells := web.CellsOf(l.Text)
			locs := make([]string, len(cells))
			for i := range locs {
				locs[i] = lineAt(l.N)
			}
			if len(cells) > 1 {
				cells, locs = cols.read(cells, locs)
				ytd = ytd || cols.ytd
			}
			if len(cells) == 1 {
				sl, f, ok := statRunTogether(cells[0], lineAt(l.N), order != 0)
				if f != nil {
					findings = append(findings, *f)
				}
				if ok {
					rows = append(rows, sl)
				}
				continue
			}
			if len(cells) > 1 {
				if sl, ok := statCells(cells, locs); ok {
					rows = append(rows, sl)
				}
			}
		}
	}
	var out []gongkai.Value
	seen := map[string]bool{}
	under := 0 // 0 行政复议, 1 行政诉讼
	for _, sl := range rows {
		key := labels.Normalize(sl.label)
		measure := ""
		for _, sr := range statRows {
			if strings.Contains(key, sr.phrase) {
				measure = sr.measure
				break
			}
		}
		switch measure {
		case "review.total":
			under = 0
		case "pre2019.litigation_total":
			under = 1
		case "":
			for phrase, ms := range statOutcomes {
				if strings.Contains(key, phrase) {
					measure = ms[under]
				}
			}
		}
		if measure == "" || seen[measure] {
			continue
		}
		seen[measure] = true
		year, yearAt, cum, cumAt := sl.raw, sl.at, sl.cum, sl.cumAt
		switch {
		case order == 0 && ytd && cum != "" && value.Scan(cum).F != value.Scan(year).F:
			// 本期实际 and 本年累计 differ: the year's figure is one of
			// them, and which depends on the period the form was filled
			// for.
			findings = append(findings, gongkai.Finding{
				Rule: "narrative", Severity: gongkai.SeverityWarning, At: yearAt, RowLabel: sl.label,
				Measure: measure, Applicant: gongkai.ApplicantTotal,
				Message: fmt.Sprintf("「%s」的本期实际（%s）与本年累计（%s）不同，无法确定哪个是本年度的数字，未填入：请核对原文", sl.label, year, cum),
			})
			continue
		case order == 0:
			cum = "" // no 历年累计 column: a second figure is not one
		case order == -1:
			year, yearAt, cum, cumAt = cum, cumAt, year, yearAt
		}
		for i := range findings {
			if findings[i].RowLabel == sl.label && findings[i].Measure == "" {
				findings[i].Measure = measure
			}
		}
		if year == "" && cum == "" {
			continue // the figures ran together and could not be told apart
		}
		add := func(measure, raw, at string) {
			v, bad := pre2019Value(measure, raw, sl.unit, at)
			out = append(out, v)
			if bad != nil {
				findings = append(findings, figureLimitFinding(v, gongkai.FormatPre2019, bad))
			}
		}
		if year != "" {
			add(measure, year, yearAt)
		}
		if cum != "" {
			add(cumulativeCode(measure), cum, cumAt)
		}
	}
	return out, findings
}

// statColumns is what the header row of a statistics table says of its
// columns: where the rows' codes stand (代码, 行次: "主动公开信息数 | 条 |
// 01 | 46 | 46", a provincial form), and whether a 本年累计 column stands
// beside 本期实际. A code is no figure: read as one, every row's figure was
// its code.
type statColumns struct {
	code int  // the index of the code column among a row's cells, when seen
	seen bool // a header naming a code column was seen
	ytd  bool // a 本年累计 column
}

// codeHeaders are the headers of a column of row codes.
var codeHeaders = map[string]bool{"代码": true, "行次": true, "编码": true, "代号": true, "栏次": true}

// read notes a header row, and drops the code from a row after one: a cell
// of one to three digits at the code column's index. A blank form's row
// ("主动公开信息数 | 条 | 01 |") then has no figure, as it states none.
func (c *statColumns) read(cells, locs []string) ([]string, []string) {
	if !c.seen {
		for i, t := range cells {
			key := labels.Normalize(t)
			if codeHeaders[key] {
				c.code, c.seen = i, true
			}
			if key == "本年累计" {
				c.ytd = true
			}
		}
		return cells, locs
	}
	if c.code < len(cells) && len(strings.TrimSpace(cells[c.code])) <= 3 && value.AllDigits(strings.TrimSpace(cells[c.code])) {
		cells = append(cells[:c.code:c.code], cells[c.code+1:]...)
		locs = append(locs[:c.code:c.code], locs[c.code+1:]...)
	}
	return cells, locs
}

// cumulativeOrder tells whether the statistics table has a 历年累计 column
// and where: 1 after 本年度 (the usual order), -1 before it, 0 none.
func cumulativeOrder(doc *Document) int {
	order := func(t string) int {
		t = labels.Simplified(t) // a mirror's 歷年累計
		c := strings.Index(t, "历年累计")
		if c < 0 {
			return 0
		}
		if y := strings.Index(t, "本年度"); y > c {
			return -1
		}
		return 1
	}
	for _, g := range doc.Grids {
		for _, row := range g.Rows {
			var b strings.Builder
			for _, c := range row {
				b.WriteString(c.Text)
				b.WriteByte('|')
			}
			if o := order(b.String()); o != 0 {
				return o
			}
		}
	}
	for _, l := range doc.Lines {
		if o := order(l.Text); o != 0 {
			return o
		}
	}
	return 0
}

// statCells reads a row as label, optional unit, then the 本年度 figure.
func statCells(cells, locs []string) (statLine, bool) {
	var sl statLine
	for i, c := range cells {
		c = strings.TrimSpace(c)
		switch {
		case c == "":
		case sl.label == "" && !web.IsFigure(c):
			sl.label = c
		case sl.label != "" && !web.IsFigure(c) && len([]rune(c)) <= 3:
			sl.unit = c // 件, 条, 万元
		case sl.label != "" && web.IsFigure(c) && sl.at == "":
			sl.raw, sl.at = c, locs[i]
		case sl.at != "" && web.IsFigure(c):
			sl.cum, sl.cumAt = c, locs[i] // 历年累计, after 本年度
			return sl, true
		case sl.at != "":
			return sl, true
		default:
			return sl, false
		}
	}
	return sl, sl.at != ""
}

// cumulativeCode is the measure of a figure's 历年累计 (all years so far):
// apps.new → pre2019.cumulative.apps_new.
func cumulativeCode(measure string) string {
	base := strings.TrimPrefix(strings.TrimPrefix(measure, "pre2019."), "narrative.")
	return "pre2019.cumulative." + strings.ReplaceAll(base, ".", "_")
}

var statRunRE = regexp.MustCompile(`^(\D*?\D)(万元|人次|条|件|个|项|次|元|份)?([0-9]+)$`)

// statRunTogether reads a row of the statistics table whose cells ran
// together on one line ("受理依申请公开信息总数条00"): label, unit and the
// digits of 本年度 then 历年累计. The digits split where exactly one cut
// gives two figures (no "07") with 历年累计 at least 本年度, which counts it;
// otherwise ok is true with no figures and a finding says why.
func statRunTogether(text, at string, cumulative bool) (statLine, *gongkai.Finding, bool) {
	m := statRunRE.FindStringSubmatch(strings.TrimSpace(text))
	if m == nil || !statLabel(m[1]) {
		return statLine{}, nil, false
	}
	sl := statLine{label: m[1], unit: m[2], at: at}
	d := m[3]
	if !cumulative {
		sl.raw = d
		return sl, nil, true
	}
	var cuts []int
	for k := 1; k < len(d); k++ {
		year, cum := d[:k], d[k:]
		if web.ValidPart(year) && web.ValidPart(cum) && value.Scan(cum).F >= value.Scan(year).F {
			cuts = append(cuts, k)
		}
	}
	if len(cuts) != 1 {
		return sl, &gongkai.Finding{Rule: "run_together", Severity: gongkai.SeverityError, At: at, RowLabel: m[1],
			Message: fmt.Sprintf("「%s」的本年度和历年累计连在一起（%s），有%d种拆法符合“历年累计不小于本年度”，未填入，请核对原文", m[1], d, len(cuts))}, true
	}
	sl.raw, sl.cum, sl.cumAt = d[:cuts[0]], d[cuts[0]:], at
	return sl, nil, true
}

// statLabel reports whether a label names a row of the statistics table.
func statLabel(label string) bool {
	key := labels.Normalize(label)
	for _, sr := range statRows {
		if strings.Contains(key, sr.phrase) {
			return true
		}
	}
	for phrase := range statOutcomes {
		if strings.Contains(key, phrase) {
			return true
		}
	}
	return false
}

// clauseOf returns s[a:b] widened to the start of its clause: back to the
// comma, stop or colon before a.
func clauseOf(s string, a, b int) string {
	start := 0
	for _, sep := range []string{"，", ",", "。", "；", ";", "：", ":"} {
		if i := strings.LastIndex(s[:a], sep); i >= 0 && i+len(sep) > start {
			start = i + len(sep)
		}
	}
	return s[start:b]
}

// outcomeOfInformation reports whether the words of an outcome of
// applications before its count (granted, partly, withheld) name
// information rather than applications: "不予公开信息1005条" counts items of
// information, "不予公开的申请3件" and "不予公开3件" applications.
func outcomeOfInformation(measure, words string) bool {
	switch measure {
	case "apps.granted", "apps.partial", "pre2019.apps_withheld":
		return strings.Contains(words, "信息") && !strings.Contains(words, "申请")
	}
	return false
}

// afterStop returns i, or the byte after it when s holds there a stop that
// ends a sentence: where the words of a match that opens on the character
// before them start, for clauseOf.
func afterStop(s string, i int) int {
	for _, stop := range []string{"。", "；", ";", "！", "？"} {
		if strings.HasPrefix(s[i:], stop) {
			return i + len(stop)
		}
	}
	return i
}

// clauseRest returns the words of s up to the end of their clause.
func clauseRest(s string) string {
	if i := strings.IndexAny(s, "，,。；;：:"); i >= 0 {
		return s[:i]
	}
	return s
}

// sentenceBefore returns the sentence of t before the one byte i stands in,
// without its stop, or "".
func sentenceBefore(t string, i int) string {
	start := i - len(sentenceUpTo(t, i))
	if start <= 0 {
		return ""
	}
	_, size := utf8.DecodeLastRuneInString(t[:start])
	return sentenceUpTo(t, start-size)
}

// carriedCountRE and carriedOutCountRE find, in a sentence, the count carried
// in and the count carried out (or still being handled): settledPre2019's.
var (
	carriedCountRE    = regexp.MustCompile(`(?:上一?年度?(?:结转|转结)|(?:结转|转结)上一?年度?)[^,;:。0-9]{0,12}?([0-9]+)件`)
	carriedOutCountRE = regexp.MustCompile(`(?:结转|转入|转至)(?:至|到)?下一?年度?[^,;:。0-9]{0,8}?([0-9]+)件|([0-9]+)件[^,;:。0-9]{0,6}?(?:(?:结转|转入|转至)(?:至|到)?下一?年|(?:正在|仍在|尚在)?办理中)`)
)

// settledPre2019 reports whether the counts of sent (normalized) settle a
// count handled (its digits) said right after a count carried in, as
// handledSettled judges it for the sentence reader: the count received
// (the pre-2019 rule of apps.new), the count carried in and the count
// carried out, each the first of the sentence.
func settledPre2019(sent, handled string) bool {
	h, err := strconv.ParseFloat(strings.ReplaceAll(handled, ",", ""), 64)
	if err != nil {
		return false
	}
	return handledSettled(h, receivedPre2019(sent), firstCount(carriedCountRE, sent), -1, firstCount(carriedOutCountRE, sent))
}

// settledPre2019Apart is settledPre2019 over a paragraph (para: the
// sentences of one account before the count handled's and its own,
// paragraphBefore): "上年结转2件,本年度收到申请10件。已办结12件。" (left from
// session 37) is settled as in one sentence. Each count must be said once
// in it: two counts received (or carried in, or out) are two accounts, or
// a count and its parts, and settle nothing.
func settledPre2019Apart(para, handled string) bool {
	for _, re := range []*regexp.Regexp{carriedCountRE, carriedOutCountRE} {
		if len(re.FindAllStringIndex(para, 2)) > 1 {
			return false
		}
	}
	for _, nr := range pre2019Narrative {
		if nr.measure == "apps.new" && len(nr.re.FindAllStringIndex(para, 2)) > 1 {
			return false
		}
	}
	return settledPre2019(para, handled)
}

// paragraphBefore returns the sentences of t before the one byte i stands
// in, each with its stop, that go on with one account of applications: back
// from that sentence until one that changes the subject, which names
// another topic (otherTopics: 复议, 诉讼, 信访 …), proactive disclosure,
// another organ (namesOtherOrgan), or a year other than one the sentences
// after it name (this reader does not know the report's year: two years
// named are two accounts). "" when the sentence before changes it.
func paragraphBefore(t string, i int, agency string) string {
	start := i - len(sentenceUpTo(t, i))
	years := map[string]bool{}
	for _, y := range yearRE4.FindAllString(sentenceUpTo(t, i)+sentenceRest(t, i), -1) {
		years[y] = true
	}
	from := start
	for from > 0 {
		_, size := utf8.DecodeLastRuneInString(t[:from])
		s := sentenceUpTo(t, from-size)
		n := labels.Normalize(s)
		if hasAny(n, otherTopics...) || strings.Contains(n, "主动公开") || namesOtherOrgan(n, agency) {
			break
		}
		other := false
		for _, y := range yearRE4.FindAllString(n, -1) {
			if len(years) > 0 && !years[y] {
				other = true
			}
			years[y] = true
		}
		if other {
			break
		}
		from -= size + len(s)
	}
	return t[from:start]
}

// firstCount returns the figure of re's first match in s (its first group
// that is a number), or -1.
func firstCount(re *regexp.Regexp, s string) float64 {
	m := re.FindStringSubmatch(s)
	if m == nil {
		return -1
	}
	for _, g := range m[1:] {
		if f, err := strconv.ParseFloat(strings.ReplaceAll(g, ",", ""), 64); err == nil {
			return f
		}
	}
	return -1
}

// receivedPre2019 returns the count received that the rules of the old
// regime's words find first in s, or -1.
func receivedPre2019(s string) float64 {
	got := -1.0
	for _, nr := range pre2019Narrative {
		if nr.measure == "apps.new" {
			got = firstCount(nr.re, s)
		}
	}
	return got
}

// wholeAfterPre2019 reports whether a count handled w, its words said, on a
// line (text) whose first count handled, h, was passed over after a count
// carried in, is the year's handled total all the same: stated as the
// whole in words ("全年共办结12件", handledWholeWords), more than h, and
// more than the count received on the line and no more than it and the
// count carried in together (wholeSettled's rule): it holds some of those
// carried in, so it is no count of the new ones alone.
func wholeAfterPre2019(said, text string, w, h float64) bool {
	if !hasAny(said, handledWholeWords...) || w <= h {
		return false
	}
	got, carried := receivedPre2019(text), firstCount(carriedCountRE, text)
	return got >= 0 && carried > 0 && w > got && w <= got+carried
}

// sentenceRest returns the words of s after byte i up to the end of their
// sentence.
func sentenceRest(s string, i int) string {
	rest := s[i:]
	for _, sep := range []string{"。", "；", ";", "！", "？"} {
		if j := strings.Index(rest, sep); j >= 0 {
			rest = rest[:j]
		}
	}
	return rest
}

// simplifiedLines returns lines with their text in simplified script
// (labels.Simplified, which keeps every offset), or lines itself when no
// line changes.
func simplifiedLines(lines []Line) []Line {
	var out []Line
	for i, l := range lines {
		t := labels.Simplified(l.Text)
		if t == l.Text {
			if out != nil {
				out = append(out, l)
			}
			continue
		}
		if out == nil {
			out = append(make([]Line, 0, len(lines)), lines[:i]...)
		}
		l.Text = t
		out = append(out, l)
	}
	if out == nil {
		return lines
	}
	return out
}

// countFirstReceivedRE finds a count received said before its noun, the
// noun ending its clause: "共收到1件依申请公开,", "受理3件依申请公开事项。",
// "收到2件政府信息公开申请" (the verb, an optional 了, the count and its unit,
// the noun, and the stop or end after it).
var countFirstReceivedRE = regexp.MustCompile(`(?:收到|受理|接到|接收)了?([0-9０-９][0-9０-９,]*\s*(?:件|份|个|条|宗))(的?(?:依申请公开的?申请|(?:政府)?信息公开申请|依申请公开(?:的?(?:政府)?信息|事项)?|公开申请|申请))(?:[。；;，,、.]|$)`)

// disclosureSaid reports whether a bare 申请 whose words start at byte i of
// line t is an application for information: the line names 依申请公开 or
// 信息公开 before it with no other topic (otherTopics: 复议, 诉讼, 信访 …)
// after that, and its sentence names no other topic.
func disclosureSaid(t string, i int) bool {
	before := t[:i]
	d := max(strings.LastIndex(before, "依申请公开"), strings.LastIndex(before, "信息公开"))
	return d >= 0 && !otherTopicAfter(before, d) && !hasAny(sentenceUpTo(t, i)+sentenceRest(t, i), otherTopics...)
}

// otherTopicAfter reports whether s names another topic (otherTopics)
// after byte d.
func otherTopicAfter(s string, d int) bool {
	for _, w := range otherTopics {
		if strings.LastIndex(s, w) > d {
			return true
		}
	}
	return false
}

// errOtherApplications is the bad of a count of bare 申请 (no 公开, no
// 信息) on a line or in a sentence of another topic: "(四)行政复议情况。本年度
// 共收到申请3件".
var errOtherApplications = errors.New("applications, in words of another topic")

// nounFirstLines returns lines with each count received said before its
// noun (countFirstReceivedRE) said after it, the count and the noun traded
// in place ("共收到1件依申请公开," → "共收到依申请公开1件,"), so that the rule
// of apps.new reads it as it reads the count said after (found in session
// 37: "共收到1件依申请公开" was blank with no word; "共收到依申请公开1件" is
// read). Every byte outside the two stays where it was, so offsets into the
// printed lines hold; lines is returned itself when no line changes.
func nounFirstLines(lines []Line) []Line {
	var out []Line
	for i, l := range lines {
		ms := countFirstReceivedRE.FindAllStringSubmatchIndex(l.Text, -1)
		if ms == nil {
			if out != nil {
				out = append(out, l)
			}
			continue
		}
		if out == nil {
			out = append(make([]Line, 0, len(lines)), lines[:i]...)
		}
		b := []byte(l.Text)
		for _, m := range ms {
			count, noun := l.Text[m[2]:m[3]], l.Text[m[4]:m[5]]
			if strings.TrimPrefix(noun, "的") == "申请" && !disclosureSaid(l.Text, m[0]) {
				// A bare 申请 is an application for information only where
				// the line names disclosure before it (review's MEDIUM on
				// 82a023a: "(四)行政复议情况。本年度共收到3件申请" and "…共收到
				// 6件申请,涉及信访事项" were stored as apps.new).
				continue
			}
			copy(b[m[2]:], noun)
			copy(b[m[2]+len(noun):], count)
		}
		l.Text = string(b)
		out = append(out, l)
	}
	if out == nil {
		return lines
	}
	return out
}

// approxRules find a figure the narrative gives only roughly ("主动公开政府
// 工作信息、动态755多条", "受理申请20余件"): no number of it is the figure.
//
// A count in 万 ("主动公开政府信息2.36万条", a real 2024 district's page), one
// after 约 (about) or one in Chinese numerals with 余 ("三百余条") is rough
// too (roughRE). The district's was said under another sentence of its
// paragraph ("发布N条微博", errReleased), the others under none.
var approxRules = []narrativeRule{
	// A proactive count after 约 is said by unreadProactive, with its
	// whole sentence.
	{"narrative.proactive_items", regexp.MustCompile(`主动公开[^。；;，,：:约]{0,16}?` + roughNoAboutRE + `\s*条`)},
	{"apps.new", regexp.MustCompile(`(?:收到|受理|接到|接收)[^。；;，,]{0,12}?(?:公开)?申请[^。；;，,]{0,6}?` + roughRE + `\s*(?:件|份|个|条|次|宗)`)},
	// "收到…申请1.2万件,办结1.1万件": the handled total in 万, after the
	// count received (probes of session 32 found it passed over).
	{"apps.total", regexp.MustCompile(`(?:收到|受理|接到|接收)[^。；]{0,40}?办结[^。；;，,]{0,6}?` + roughRE + `\s*(?:件|份|个|条|次|宗)`)},
}

// roughRE is a rough number before its unit: N多, N余, 约N, N万 (余), 三百余;
// roughNoAboutRE the same but 约N.
const (
	roughNoAboutRE = `(?:` + roughForms + `)`
	roughRE        = `(?:(?:约|大约)\s*[0-9０-９][0-9０-９,]*(?:\.[0-9]+)?\s*万?|` + roughForms + `)`
	roughForms     = `[0-9０-９][0-9０-９,]*\s*(?:多|余)|[0-9０-９][0-9０-９,]*(?:\.[0-9]+)?\s*万\s*(?:多|余)?|[零〇一二两三四五六七八九十百千万]+\s*(?:多|余)`
)

// approximateFigures returns a warning for each figure in approxRules that
// the narrative states only roughly and seen does not hold, at its line: the
// figure is left blank, and without the warning nothing would say why.
func approximateFigures(lines []Line, seen map[string]bool) []gongkai.Finding {
	printed := lines
	lines = simplifiedLines(lines) // as pre2019FromNarrative matches them
	var out []gongkai.Finding
	for _, ar := range approxRules {
		if seen[ar.measure] {
			continue
		}
	lines:
		for i, l := range lines {
			for _, m := range ar.re.FindAllStringIndex(l.Text, -1) {
				if notThisYear(clauseOf(l.Text, m[0], m[1])) {
					continue
				}
				out = append(out, gongkai.Finding{
					Rule: "narrative", Severity: gongkai.SeverityWarning, At: lineAt(l.N),
					Measure: ar.measure, Applicant: gongkai.ApplicantTotal, RowLabel: gongkai.MeasureLabel(ar.measure),
					Message: fmt.Sprintf("正文所述%s是约数（“%s”），未填入：请核对", gongkai.MeasureLabel(ar.measure), printed[i].Text[m[0]:m[1]]),
				})
				break lines
			}
		}
	}
	return out
}

// pre2019FromNarrative reads the figures the old 条例 asked for from the
// narrative: the first statement of each. totals holds a warning for each
// measure with no statement read whose statement was passed over because
// it may count every year so far (mayBeAllYears) or counts for the whole
// area the organ is in (areaScope; agency, when known, is the organ, whose
// name ends such a scope), and the values error of each figure read blank
// because it is beyond what gongkai stores.
func pre2019FromNarrative(lines []Line, agency string) (out []gongkai.Value, totals []gongkai.Finding) {
	// The rules are written in simplified script. A mirror site's page in
	// traditional script is matched through its simplified text, whose
	// offsets are the printed text's, and quoted as printed: before, its
	// old regime's words ("網上申請3件") were left to the sentence reader,
	// which has no measure for the channels, and went blank with no finding.
	printed := lines
	lines = nounFirstLines(simplifiedLines(lines))
	var limits []gongkai.Finding
	defer func() { totals = append(totals, limits...) }()
	for _, nr := range pre2019Narrative {
		var total *gongkai.Finding
		after := -1.0 // a count handled passed over after a count carried in, on the line read (apps.total)
	lines:
		for i, l := range lines {
			p := printed[i].Text
			if after >= 0 {
				break
			}
			for _, m := range nr.re.FindAllStringSubmatchIndex(l.Text, -1) {
				// The clause, not only the match: "截至2015年底，累计主动公开
				// 政府信息2046条" is a sum over years, its 累计 before 主动公开;
				// and the sentence: "截至2015年底我局共主动公开…300条" may be.
				//
				// A rule that opens on the character before its words
				// (apps.granted's "(?:^|[^不部分])") takes its clause from
				// the sentence its words stand in: "…(含上年结转2件)。同意公开
				// 9件" (left from session 39) had the full stop as the
				// match's first character, its clause reached back into the
				// sentence before, whose 上年 (notThisYear) passed 9 over
				// with no word. A comma stays in, as before: "累计受理申请
				// 100件,同意公开80件" is the 累计's too; and a sum over years
				// in the sentence before still scopes it ("截至2015年底累计
				// 受理申请100件。同意公开80件。", as the sentence reader reads
				// it), now with the word.
				clause := clauseOf(l.Text, afterStop(l.Text, m[0]), m[1])
				if all := mayBeAllYears(clauseOf(l.Text, m[0], m[1]), sentenceUpTo(l.Text, m[1])); all && clause != clauseOf(l.Text, m[0], m[1]) {
					if total == nil {
						f := allYearsFinding(nr.measure, sentence(p, m[0], m[1]), lineAt(l.N))
						total = &f
					}
					continue
				}
				if nr.measure == "apps.new" && carriedPlusNewRE.MatchString(labels.Normalize(clause)) {
					// "上年结转及收到申请共12件" (left from session 39): those
					// carried in and the new ones together, which no
					// measure counts; its 上年 (notThisYear) passed it over
					// with no word. Blank with the sentence reader's word
					// (errCarriedPlusNew), also where the count carried in
					// is said beside it: this reader reads no difference.
					if total == nil {
						f := passedFinding(errCarriedPlusNew, nr.measure, sentence(p, m[0], m[1]), lineAt(l.N))
						total = &f
					}
					continue
				}
				if all := mayBeAllYears(clause, sentenceUpTo(l.Text, m[1])); all || notThisYear(clause) {
					if all && total == nil {
						f := allYearsFinding(nr.measure, sentence(p, m[0], m[1]), lineAt(l.N))
						total = &f
					}
					continue
				}
				if area, whole := areaScope(l.Text, m[1], agency); area && !(whole && zeroFigure(l.Text[m[2]:m[3]])) {
					// "全县各级各部门主动公开政府信息共计14189条" in a county
					// bureau's report: the area's count, stored before as
					// the organ's. A zero for the whole area is the
					// organ's zero too.
					if total == nil {
						f := passedFinding(errWholeArea, nr.measure, sentence(p, m[0], m[1]), lineAt(l.N))
						total = &f
					}
					continue
				}
				if nr.measure == "narrative.proactive_items" && proactiveKindBefore(clauseOf(l.Text, m[0], m[0])) {
					// "…政策文件2条、法定主动公开信息16条": one kind's count
					// (kindOfProactive); 16 was stored as the year's items.
					if total == nil {
						f := passedFinding(errOneKind, nr.measure, sentence(p, m[0], m[1]), lineAt(l.N))
						total = &f
					}
					continue
				}
				if (nr.measure == "apps.new" || nr.measure == "apps.total") && hasAny(l.Text[m[0]:m[2]], appChannelWords...) &&
					appChannelCounts(labels.Normalize(l.Text)) > 1 {
					continue // one way of applying's count, the line giving another its own (see classify)
				}
				if nr.measure == "apps.new" && oneWay(labels.Normalize(clauseOf(l.Text, m[0], m[2]))) {
					// One way's count on a line counting no other (errOneWay).
					if total == nil {
						f := passedFinding(errOneWay, nr.measure, sentence(p, m[0], m[1]), lineAt(l.N))
						total = &f
					}
					continue
				}
				if strings.HasPrefix(nr.measure, "pre2019.apps_") && nr.measure != "pre2019.apps_withheld" && hasAny(l.Text[m[0]:m[2]], "事项", "公开") {
					// "回复网络申请公开事项5条" in a list of the kinds of
					// items published: items, not applications made online.
					continue
				}
				if outcomeOfInformation(nr.measure, l.Text[m[0]:m[2]]) {
					// "共制作政府信息N条,其中主动公开信息A条,依申请公开信息B条,
					// 不予公开信息C条" (a real 2018 district government's page):
					// the information made, by how it may be disclosed, not
					// applications answered; C was stored as the applications
					// withheld. The sentence reader's rules shun 信息 there too.
					continue
				}
				if nr.measure == "pre2019.apps_withheld" && strings.Contains(l.Text[m[0]:m[2]], "信息数") {
					// "全年共制作政府信息236条,其中主动公开信息数为158条,依申请公开
					// 信息数54条,不予公开信息数24条" (a real 2013 district
					// bureau's): the information made, counted by how it may be
					// disclosed, not applications answered with a refusal. It
					// was stored as 24 applications withheld.
					continue
				}
				if outcomeMeasures[nr.measure] && outcomeAfterPartPre2019(l.Text, m[0], m[1], l.Text[m[2]:m[3]], newRead(out)) {
					// "收到申请10件,其中当面申请5件,同意公开5件" (left from
					// session 39): the part's outcome, or some of all; the
					// words do not say (errOutcomeAfterPart). It was
					// stored as the year's.
					if total == nil {
						f := passedFinding(errOutcomeAfterPart, nr.measure, sentence(p, m[0], m[1]), lineAt(l.N))
						total = &f
					}
					continue
				}
				if nr.measure == "apps.total" {
					// "收到申请10件,上年结转2件,已办结2件" (session 36): right
					// after a count carried in, those carried in and handled
					// may be all it counts (handledAfterCarried), unless the
					// sentence's counts settle it. It was stored as the
					// year's handled total.
					said := labels.Normalize(clauseOf(l.Text, m[0], m[2]))
					upTo := labels.Normalize(sentenceUpTo(l.Text, m[2]))
					h, herr := strconv.ParseFloat(strings.ReplaceAll(labels.Normalize(l.Text[m[2]:m[3]]), ",", ""), 64)
					if after < 0 && handledAfterOther(said, upTo, labels.Normalize(sentenceBefore(l.Text, m[0])), true) {
						// "…收到行政复议申请1件。已办结12件。", "收到信访件3件。已办结
						// 12件。", "收到行政复议申请1件,已办结1件" (left from
						// session 38): right after a count of another matter
						// the count handled may be its, as the sentence reader
						// says (errHandledAfterOther); this reader stored it
						// as the year's handled total.
						if total == nil {
							f := passedFinding(errHandledAfterOther, nr.measure, sentence(p, m[0], m[1]), lineAt(l.N))
							total = &f
						}
						continue
					}
					// The sentences before of its account (paragraphBefore),
					// else the sentence before, as before.
					para := paragraphBefore(l.Text, m[0], agency)
					apart := para != ""
					if !apart {
						para = sentenceBefore(l.Text, m[0])
					}
					if after >= 0 {
						// A later count of the line stands only as the
						// year's whole in words that the line's counts
						// settle ("…上年结转2件,已办结2件。全年共办结12件。",
						// left from session 36: it was not read).
						if herr != nil || !wholeAfterPre2019(said, labels.Normalize(l.Text), h, after) {
							continue
						}
					} else if _, carried, afterNew := handledAfterCarried(said, upTo, labels.Normalize(para), labels.Normalize(sentenceRest(l.Text, m[1]))); carried &&
						!settledPre2019(labels.Normalize(sentence(l.Text, m[0], m[1])), labels.Normalize(l.Text[m[2]:m[3]])) &&
						(!apart || !settledPre2019Apart(labels.Normalize(para+sentence(l.Text, m[0], m[1])), labels.Normalize(l.Text[m[2]:m[3]]))) {
						// The first statement of the count decides: a later
						// one ("…;本年度收到申请10件,已办结8件") may be the
						// new ones' alone, and was stored with no word.
						// Only the year's whole in words, on the same line,
						// is read after it (wholeAfterPre2019).
						why := errHandledAfterCarried
						switch {
						case afterNew && !carriedCounted(upTo) && !carriedCounted(labels.Normalize(sentenceRest(l.Text, m[1]))):
							why = errHandledAfterNewApart // its counts in the sentences before
						case afterNew:
							why = errHandledAfterNew
						}
						f := passedFinding(why, nr.measure, sentence(p, m[0], m[1]), lineAt(l.N))
						total = &f
						if herr != nil {
							break lines
						}
						after = h
						continue
					}
					if after < 0 && (handledAfterPart(labels.Normalize(l.Text[periodStart(l.Text, m[0]):m[1]]), newRead(out)) ||
						handledAfterPartSentence(labels.Normalize(sentenceBefore(l.Text, m[0])), labels.Normalize(sentenceUpTo(l.Text, m[1])), newRead(out))) {
						// "…收到申请10件。其中当面申请5件,已办结5件。" (left from
						// session 38): those made in person handled, or some
						// of all; the words do not say (errHandledAfterPart).
						// It was stored as the year's handled total.
						if total == nil {
							f := passedFinding(errHandledAfterPart, nr.measure, sentence(p, m[0], m[1]), lineAt(l.N))
							total = &f
						}
						continue
					}
				}
				if nr.measure == "apps.new" {
					said := labels.Normalize(clauseOf(l.Text, m[0], m[2]))
					if more, after := moreApplicants(labels.Normalize(sentenceRest(l.Text, m[1]))); len(more) > 0 {
						// "收到群众申请10件,公民、法人或其他组织申请12件" (session
						// 36, moreApplicants): the two whole sides are the
						// sum, anything else unsure. 10 was stored, the 12
						// passed over.
						side := applicantSide(said)
						f, err := strconv.ParseFloat(strings.ReplaceAll(width.Fold.String(l.Text[m[2]:m[3]]), ",", ""), 64)
						if sum, ok := bothSides(side, sideError(side, said), f, more, after); ok && err == nil {
							out = append(out, gongkai.Value{Measure: nr.measure, Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(sum),
								Raw: sentence(p, m[0], m[1]), At: lineAt(l.N), Source: gongkai.SourceNarrative})
							total = nil
							break lines
						}
						if total == nil {
							f := passedFinding(errMoreApplicants, nr.measure, sentence(p, m[0], m[1]), lineAt(l.N))
							total = &f
						}
						continue
					}
					if f, err := strconv.ParseFloat(strings.ReplaceAll(width.Fold.String(l.Text[m[2]:m[3]]), ",", ""), 64); err == nil {
						if sp, ok := readApplicantSplit(labels.Normalize(sentence(l.Text, m[0], m[1])), f); ok && sp.unequal() {
							// "共收到群众申请10件,其中公民申请8件,法人和其他组织
							// 申请3件": the count or a part is wrong, which the
							// words do not say; blank, as the sentence reader
							// leaves it (applySplits). It was stored, 10.
							if total == nil {
								f := passedFinding(errSplitUnequal, nr.measure, sentence(p, m[0], m[1]), lineAt(l.N))
								total = &f
							}
							continue
						}
					}
					if applicantSide(said) != sideAll {
						// "收到公民申请10件": one side of the applicants'
						// count (errOneApplicant), as the sentence reader and
						// narrativeExtras pass it over; this reader stored
						// it as the year's count received.
						if total == nil {
							f := passedFinding(errOneApplicant, nr.measure, sentence(p, m[0], m[1]), lineAt(l.N))
							total = &f
						}
						continue
					}
				}
				if (nr.measure == "pre2019.apps_on_time" || nr.measure == "pre2019.apps_extended") && (handledAfterPart(labels.Normalize(l.Text[periodStart(l.Text, m[0]):m[1]]), newRead(out)) ||
					handledAfterPartSentence(labels.Normalize(sentenceBefore(l.Text, m[0])), labels.Normalize(sentenceUpTo(l.Text, m[1])), newRead(out))) {
					// "其中当面申请5件,已按时办结5件" (review's MEDIUM on
					// eabef5e): the part's, or some of all, as the count
					// handled there (errHandledAfterPart).
					if total == nil {
						f := passedFinding(errHandledAfterPart, nr.measure, sentence(p, m[0], m[1]), lineAt(l.N))
						total = &f
					}
					continue
				}
				if nr.measure == "apps.total" && onTimeBefore(l.Text[:m[0]]) {
					// "按时办结数517件,延期办结8件": those handled in time,
					// a part of the total (pre2019.apps_on_time reads it).
					continue
				}
				if (nr.measure == "pre2019.apps_on_time" || nr.measure == "pre2019.apps_extended") && notDoneBefore(l.Text[:m[0]]) {
					// "办结64件,其中未能按期办结3件": those not handled in
					// time, the count's opposite. It was stored as the count
					// handled in time (3, of 64).
					continue
				}
				if nr.measure == "apps.partial" && jointOutcome(l.Text[:m[0]]) {
					continue // "同意公开及部分公开的有6件": both outcomes together, no one measure's
				}
				if nr.measure == "apps.new" && !hasAny(l.Text[m[0]:m[2]], "公开", "信息") &&
					(hasAny(sentenceUpTo(l.Text, m[1])+sentenceRest(l.Text, m[1]), otherTopics...) || otherTopicAfter(l.Text[:m[0]], max(strings.LastIndex(l.Text[:m[0]], "依申请公开"), strings.LastIndex(l.Text[:m[0]], "信息公开")))) {
					// "(四)行政复议情况。本年度共收到申请3件", "本年度共收到
					// 申请5件,其中行政复议申请2件" (review s38): a bare 申请 in
					// the words of another topic may be no application for
					// information; it was stored as apps.new.
					if total == nil {
						f := passedFinding(errOtherApplications, nr.measure, sentence(p, m[0], m[1]), lineAt(l.N))
						total = &f
					}
					continue
				}
				if nr.measure == "apps.new" && hasAny(l.Text, "结转", "转结") {
					if t := labels.Normalize(sentence(l.Text, m[0], m[1])); carriedInsideRE.MatchString(t) || carriedUnsaidRE.MatchString(t) {
						// "收到申请10件(含上年结转2件)", "…10件,其中上年结转2件"
						// (review's MEDIUM, on main): a count received said to
						// hold those carried in, the new ones unsaid; the
						// sentence reader leaves it blank with its word
						// (errCarriedInside), this reader stored 10.
						if total == nil {
							f := passedFinding(errCarriedInside, nr.measure, sentence(p, m[0], m[1]), lineAt(l.N))
							total = &f
						}
						continue
					}
				}
				if nr.measure == "apps.new" && receivedOther(labels.Normalize(clauseOf(l.Text, m[0], m[2]))) {
					// "收到申请人补正材料6件": the applicants' material, not
					// applications (errNotApplication); it was stored as
					// apps.new.
					if total == nil {
						f := passedFinding(errNotApplication, nr.measure, sentence(p, m[0], m[1]), lineAt(l.N))
						total = &f
					}
					continue
				}
				if nr.measure == "apps.new" && declaredNotApplications(labels.Normalize(sentenceRest(l.Text, m[1]))) {
					// "收到依申请公开1件,经核实不属于政府信息公开申请": said to be
					// no application (errDeclaredNot); it was stored as apps.new.
					if total == nil {
						f := passedFinding(errDeclaredNot, nr.measure, sentence(p, m[0], m[1]), lineAt(l.N))
						total = &f
					}
					continue
				}
				if nr.measure == "apps.new" && forwarded(clauseOf(l.Text, m[0], m[2])) {
					if total == nil {
						f := forwardedFinding(nr.measure, sentence(p, m[0], m[1]), lineAt(l.N))
						total = &f
					}
					continue
				}
				unit := ""
				if len(m) > 4 && m[4] >= 0 {
					unit = l.Text[m[4]:m[5]]
				}
				v, bad := pre2019Value(nr.measure, l.Text[m[2]:m[3]], unit, lineAt(l.N))
				v.Raw = sentence(p, m[0], m[1])
				v.Source = gongkai.SourceNarrative
				out = append(out, v)
				if bad != nil {
					limits = append(limits, figureLimitFinding(v, gongkai.FormatPre2019, bad))
				}
				total = nil
				break lines
			}
		}
		if total != nil {
			totals = append(totals, *total)
		}
	}
	// "未发生行政复议和行政诉讼" states two zeros; "尚未审结" states none.
	have := map[string]bool{}
	for _, v := range out {
		have[v.Measure] = true
	}
	for _, measure := range []string{"apps.new", "review.total", "pre2019.litigation_total", "pre2019.fees"} {
		if have[measure] {
			continue
		}
	search:
		for i, l := range lines {
			text := l.Text
			if measure == "apps.new" {
				// The applicant's 申请 is no application (see readZeros).
				text = strings.ReplaceAll(text, "申请人", "提请人")
			}
			for _, m := range noneRE[measure].FindAllStringIndex(text, -1) {
				if strings.HasSuffix(l.Text[:m[0]], "尚") ||
					measure == "pre2019.fees" && hasAny(sentence(l.Text, m[0], m[1]), "行政事业性", "违规", "违法", "乱收") {
					continue // fees of the 2021 table are another measure; no fees charged against the rules say nothing of the others
				}
				if measure == "apps.new" && hasAny(text[m[0]:m[1]]+clauseRest(text[m[1]:]), zeroOtherRequests...) {
					continue // "未收到申请人提出的政府信息更正申请": none of another request, not of applications
				}
				if measure == "apps.new" && reviewApplied(text[m[1]:]) {
					continue // "未发生申请行政复议…": an application for review, not for information
				}
				if measure == "apps.new" && reviewCaused(text[m[0]:m[1]], text[m[1]:]) {
					// "未发生因政府信息公开申请提起行政复议和行政诉讼的情况"
					// (found in session 38): no review or suit an
					// application brought, nothing of how many applications
					// came. On a page whose count received no rule read
					// (said, rough or unsaid) it was stored as apps.new 0.
					continue
				}
				zero := 0.0
				out = append(out, gongkai.Value{Measure: measure, Applicant: gongkai.ApplicantTotal, Number: &zero,
					Raw: sentence(printed[i].Text, m[0], m[1]), At: lineAt(l.N), Source: gongkai.SourceNarrative})
				break search
			}
		}
	}
	if !have["apps.total"] && !slices.ContainsFunc(totals, func(f gongkai.Finding) bool { return f.Measure == "apps.total" }) {
		// "其中当面申请5件,已答复申请人5件", "…,已依法答复5件", "…,已办理5件"
		// (review's MEDIUM on eabef5e): a count handled right after a part
		// listed after 其中 in words this reader's rules do not read
		// (answered, dealt with) was blank with no word; said as the
		// count handled there is (errHandledAfterPart).
	parts:
		for i, l := range lines {
			if !strings.Contains(l.Text, "其中") {
				continue
			}
			t := labels.Normalize(l.Text)
			for _, m := range bareHandledEndRE.FindAllStringIndex(t, -1) {
				if handledAfterPart(t[periodStart(t, m[0]):m[1]], newRead(out)) || handledAfterPartSentence(sentenceBefore(t, m[0]), sentenceUpTo(t, m[1]), newRead(out)) {
					raw := sentence(printed[i].Text, 0, 0)
					if j := strings.Index(printed[i].Text, "其中"); j >= 0 {
						raw = sentence(printed[i].Text, j, j)
					}
					totals = append(totals, passedFinding(errHandledAfterPart, "apps.total", raw, lineAt(l.N)))
					break parts
				}
			}
		}
	}
	if have["apps.new"] && !have["apps.total"] && !slices.ContainsFunc(totals, func(f gongkai.Finding) bool { return f.Measure == "apps.total" }) {
		// "收到申请10件,按时办结率100%" (left from session 38): the rate
		// of those handled in time, the count handled unsaid
		// (errOnTimeRate); on a page the old regime's words mark it was
		// blank with no word.
	rate:
		for i, l := range lines {
			t := labels.Normalize(l.Text)
			if !strings.Contains(t, "率") {
				continue
			}
			for _, m := range onTimeRateRE.FindAllStringIndex(l.Text, -1) {
				if onTimeRate(labels.Normalize(sentence(l.Text, m[0], m[1]))) {
					totals = append(totals, passedFinding(errOnTimeRate, "apps.total", sentence(printed[i].Text, m[0], m[1]), lineAt(l.N)))
					break rate
				}
			}
		}
	}
	if !have["apps.new"] {
		totals = append(totals, unsaidPre2019(lines, printed, have["apps.total"], totals)...)
	}
	return sectionZeros(printed, out, totals)
}

// newRead returns the count received out holds (apps.new), or -1: the whole
// a part after 其中 is of, for handledAfterPart.
func newRead(out []gongkai.Value) float64 {
	for _, v := range out {
		if v.Measure == "apps.new" && v.Number != nil {
			return *v.Number
		}
	}
	return -1
}

// unsaidCountRE finds a count of applications (its figure, its unit) for
// unsaidPre2019.
var unsaidCountRE = regexp.MustCompile(`([0-9０-９][0-9０-９,]*)\s*(?:件|条|次|项|个|宗)`)

// unsaidPre2019 returns the warnings the sentence reader gives where a
// count names 依申请公开 with no verb that says what of it is counted
// ("依申请公开信息2条", "全年依申请公开2件", "共有依申请公开2件", "有1件依申请公开
// 信息": errUnsaid), or only a bare 办理 ("办理依申请公开3件", "共办理1件依申请
// 公开": errDealt, of the count handled too unless read), for a page the
// old regime's words mark, whose apps.new nothing read: on such a page this
// reader alone reads the narrative, and the count was blank with no word
// (found in session 37; the sentence reader said it on other pages). The
// first such count says it, unless another warning of the measure is
// already in totals.
func unsaidPre2019(lines, printed []Line, handledRead bool, totals []gongkai.Finding) []gongkai.Finding {
	for _, f := range totals {
		if f.Measure == "apps.new" {
			return nil
		}
	}
	for i, l := range lines {
		if !strings.Contains(l.Text, "依申请公开") {
			continue
		}
		for _, m := range unsaidCountRE.FindAllStringIndex(l.Text, -1) {
			clause := clauseOf(l.Text, m[0], m[1])
			if notThisYear(clause) || mayBeAllYears(clause, sentenceUpTo(l.Text, m[1])) {
				continue
			}
			seg := labels.Normalize(clause[:len(clause)-(m[1]-m[0])])
			rest := labels.Normalize(clauseRest(l.Text[m[1]:]) + sentenceEnd(l.Text[m[1]:]))
			raw, at := sentence(printed[i].Text, m[0], m[1]), lineAt(l.N)
			switch {
			case unsaidApplications(seg),
				strings.HasSuffix(seg, "有") && hadBeforeRE.MatchString(seg) && unsaidNounAfterRE.MatchString(rest):
				return []gongkai.Finding{passedFinding(errUnsaid, "apps.new", raw, at)}
			case handledUnsaid(seg),
				strings.HasSuffix(seg, "办理") && dealtNounAfterRE.MatchString(rest) &&
					!hasAny(seg, "收到", "受理", "接收", "接到", "接受", "新收", "办结", "答复", "结转", "复议", "诉讼", "其中", "不予", "予以"):
				out := []gongkai.Finding{passedFinding(errDealt, "apps.new", raw, at)}
				if !handledRead {
					out = append(out, passedFinding(errDealt, "apps.total", raw, at))
				}
				return out
			}
		}
	}
	return nil
}

// sentenceEnd returns "。" when s, the words after a count, ends its clause
// at the end of a sentence or of the text, else "": the stop
// unsaidNounAfterRE and dealtNounAfterRE allow after their noun.
func sentenceEnd(s string) string {
	if r := clauseRest(s); len(r) == len(s) || strings.HasPrefix(s[len(r):], "。") {
		return "。"
	}
	return ""
}

// onTimeBefore reports whether the text before a 办结 ends with a word that
// makes its count a part of those handled: in time, late, put off.
func onTimeBefore(before string) bool {
	return hasSuffixAny(before, "按时", "按期", "如期", "限时", "延期", "逾期", "超期")
}

// notDoneBefore reports whether the text before a 按时办结 or 延期办结 ends
// with a word that denies it ("未按时办结0件", "未能按期办结3件", "不能按时"):
// its count is of those not handled so, no count of pre2019.apps_on_time or
// pre2019.apps_extended.
func notDoneBefore(before string) bool {
	return hasSuffixAny(before, "未", "未能", "不", "不能", "没", "没有", "没能", "无法", "非")
}

// jointOutcome reports whether the text before a 部分公开 ends with another
// outcome joined to it ("予以公开及", "同意公开和"): the count that follows
// is of both together.
func jointOutcome(before string) bool {
	for _, o := range []string{"予以公开", "同意公开", "全部公开"} {
		for _, j := range []string{"及", "和", "与", "、", "或"} {
			if strings.HasSuffix(before, o+j) {
				return true
			}
		}
	}
	return false
}

// reviewCaused reports whether a statement of none whose match (…申请) is
// match and whose words after are after speaks of the reviews or suits an
// application brought: "未发生因…申请提起行政复议", "未发生…申请而引起的行政诉讼".
func reviewCaused(match, after string) bool {
	rest := clauseRest(after)
	if !hasAny(rest, "复议", "诉讼") {
		return false
	}
	return strings.Contains(match, "因") || hasPrefixAny(strings.TrimPrefix(strings.TrimPrefix(rest, "而"), "所"), "提起", "引起", "引发", "产生", "导致", "被提起", "被申请")
}

// reviewApplied reports whether the text right after a 申请 names a
// review or a suit: "申请行政复议" applies for a review, and "未发生申请行政复议
// 和提起行政诉讼情况" says nothing of applications for information.
func reviewApplied(after string) bool {
	after = strings.TrimPrefix(after, "了")
	return hasPrefixAny(after, "行政复议", "复议", "行政诉讼", "诉讼")
}

// sectionZeros adds the zeros of the sections whose whole body says none
// (sectionNones) to the figures out read from the narrative. A figure
// other than 0 that another sentence states for the same measure leaves it
// out, with a warning in totals: the report says both.
func sectionZeros(lines []Line, out []gongkai.Value, totals []gongkai.Finding) ([]gongkai.Value, []gongkai.Finding) {
	for _, nb := range sectionNones(runOnSections(lines)) {
		for _, k := range nb.kinds {
			for _, measure := range codesFor(k, gongkai.FormatPre2019, true) {
				i := slices.IndexFunc(out, func(v gongkai.Value) bool { return v.Measure == measure })
				switch {
				case i < 0:
					out = append(out, gongkai.Value{Measure: measure, Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(0),
						Raw: nb.raw, At: lineAt(nb.n), Source: gongkai.SourceNarrative})
				case out[i].Number != nil && *out[i].Number != 0:
					label := gongkai.MeasureLabel(measure)
					totals = append(totals, gongkai.Finding{
						Rule: "narrative", Severity: gongkai.SeverityWarning, At: out[i].At,
						Measure: measure, Applicant: gongkai.ApplicantTotal, RowLabel: label,
						Message: fmt.Sprintf("正文多处所述%s不一致（%s：%s；%s：%s），未采用：请核对", label,
							out[i].At, num(*out[i].Number), lineAt(nb.n), nb.raw),
					})
					out = slices.Delete(out, i, i+1)
				}
			}
		}
	}
	return out, totals
}

// pre2019Value makes the value of one pre-2019 figure. A figure beyond what
// gongkai stores (value.Holds: 1e15 or more, more than 15 significant
// digits as written) is blank, and bad says why; the caller makes it a
// finding.
func pre2019Value(measure, raw, unit, at string) (v gongkai.Value, bad error) {
	v = gongkai.Value{Measure: measure, Applicant: gongkai.ApplicantTotal, Raw: raw, At: at}
	sv := value.Scan(raw)
	if sv.OK {
		if bad = value.Holds(sv.F, sv.Digits, strings.TrimSpace(raw)); bad != nil {
			return v, bad
		}
		f := sv.F
		v.Number = &f
	}
	if sv.Unit != "" {
		unit = sv.Unit
	}
	// Fees are kept in 元, converted exactly from 万元 where the report
	// gives that unit, so that no sum over reports adds 元 to 万元.
	if feesMeasure(measure) {
		switch unit {
		case "元":
			v.Unit = unit
		case "万元":
			v.Unit = "元"
			if v.Number != nil {
				v.Number = gongkai.Float(value.ScaleDecimal(*v.Number, 4))
			}
		}
	}
	return v, nil
}

// feesMeasure reports whether a pre-2019 measure is the fees charged (or
// their 历年累计), which are kept in 元.
func feesMeasure(measure string) bool {
	return measure == "pre2019.fees" || measure == "pre2019.cumulative.fees"
}

// feesWithoutUnit leaves blank, with a warning each, the fees a report
// states as a number other than 0 without a unit ("收取的费用 | | 36.5"):
// 元 or 万元, it cannot be told, and they are 10,000 apart.
func feesWithoutUnit(vals []gongkai.Value) []gongkai.Finding {
	var out []gongkai.Finding
	for i := range vals {
		v := &vals[i]
		if !feesMeasure(v.Measure) || v.Unit != "" || v.Number == nil || *v.Number == 0 {
			continue
		}
		out = append(out, gongkai.Finding{
			Rule: "unit", Severity: gongkai.SeverityWarning, At: v.At, Measure: v.Measure, Applicant: v.Applicant,
			RowLabel: gongkai.MeasureLabel(v.Measure),
			Message:  fmt.Sprintf("收取的费用“%s”没有写明单位（元或万元）：按缺失处理，请核对原文", strings.TrimSpace(v.Raw)),
		})
		v.Number = nil
	}
	return out
}

// outcomeMeasures are the outcomes of applications this reader's rules
// read: the measures outcomesAfterPart may leave blank.
var outcomeMeasures = map[string]bool{"apps.granted": true, "apps.partial": true, "pre2019.apps_withheld": true,
	"pre2019.not_exist": true, "pre2019.not_this_organ": true}

// outcomeAfterPartPre2019 reports whether the outcome's count text states
// at [a, b) (its figure fig) is said right after a part listed after 其中 and is no more than
// it (outcomesAfterPart), in its sentence (the words its semicolons join)
// or in a sentence opened by 其中 after the count received, got (newRead).
func outcomeAfterPartPre2019(text string, a, b int, fig string, got float64) bool {
	start, end := periodStart(text, a), len(text)
	if i := strings.Index(text[b:], "。"); i >= 0 {
		end = b + i
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(width.Fold.String(fig), ",", ""), 64)
	if err != nil {
		return false
	}
	t := labels.Normalize(text[start:end])
	parts := outcomesAfterPart(t, -1)
	if strings.HasPrefix(strings.TrimLeft(t, " ,"), "其中") {
		parts = outcomesAfterPart(t, got)
	}
	return slices.Contains(parts, f)
}
