package ingest

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	"gongkai"
	"gongkai/ingest/doc"
	"gongkai/ingest/labels"
)

// webExtras adds what only web sources carry: the reader's notes (lost
// labels, run-together digits), the agency and year from the page title when
// still unknown, the statistics period (a finding when it disagrees with the
// year), the publication date, the numbered sections, the figures the
// narrative states (and warnings where they contradict the tables), and for a
// page without official tables, the pre-2019 figures. Extract calls it after
// locating the tables, before applying options and validating.
func webExtras(doc *Document, r *gongkai.Report) {
	r.Findings = append(r.Findings, doc.Notes...)
	if len(doc.Lines) == 0 {
		return
	}
	titleYear, quoted := 0, false
	for i, l := range doc.Lines {
		if i >= 40 {
			break
		}
		if agency, year := labels.TitleMeta(l.Text, true); year != 0 {
			fill(r, agency, year)
			titleYear, quoted = year, quotedTitleYear(l.Text, year)
			break
		}
	}
	if p, ok := labels.StatPeriod(doc.Lines); ok {
		if r.Year == 0 {
			r.Year = p.Year
		}
		stated := titleYear
		if stated == 0 {
			stated = r.Year
		}
		if quoted && r.Year == titleYear && p.Year != titleYear && p.EndYear == p.Year {
			// "我镇认真编制了《示例镇2020年政府信息公开工作年度报告》…所列数据的
			// 统计期限自2021年1月1日起至12月31日止" then "一、总体情况" over
			// "2021年度,我镇…" (the shape of a real 2021 town's page): the
			// title is only quoted in a sentence, and the period and the
			// overview's opening agree on another year. The report was
			// stored under the quoted title's year, with the period's
			// warning; it is the year both others name, said.
			if y, _, ok := overviewYear(doc); ok && y == p.Year {
				r.Year = p.Year
				r.Findings = append(r.Findings, gongkai.Finding{
					Rule: "period", Severity: gongkai.SeverityWarning, At: lineAt(p.Line),
					Message: fmt.Sprintf("报告年度取%d年：开头句中所引的报告标题写作%d年，与统计期限（%s）和“总体情况”首句的年份（%d年）不一致：请核对", p.Year, titleYear, p.Text, y),
				})
				stated = p.Year
			}
		}
		if p.Year != stated || p.EndYear != p.Year {
			r.Findings = append(r.Findings, gongkai.Finding{
				Rule: "period", Severity: gongkai.SeverityWarning, At: lineAt(p.Line),
				Message: fmt.Sprintf("统计期限（%s）与报告年度%d年不一致", p.Text, stated),
			})
		}
	}
	if r.Published == "" {
		d, stampAt := publishedDateOf(doc.Lines)
		switch {
		case stampAt == 0:
			r.Published = d
		case r.Year != 0 && d <= fmt.Sprintf("%04d-12-31", r.Year+1):
			r.Published = d
		default:
			// A site's stamp past the end of the year after the
			// report's (review's LOW on 8ea50a9: a 2015 report re-posted
			// at a site's move, "时间: 2020-06-15", was stored as
			// published then and warned 1,537 days late) is more likely
			// the date the site put it up again than its publication,
			// and with no year known nothing says which: no date, said.
			why := fmt.Sprintf("晚于报告年度次年年底（%d年12月31日），可能是网站重新发布（迁移）页面的时间", r.Year+1)
			if r.Year == 0 {
				why = "而报告年度未能读出，无从核对"
			}
			r.Findings = append(r.Findings, gongkai.Finding{
				Rule: deadlineRule, Severity: gongkai.SeverityWarning, At: lineAt(stampAt),
				Message: fmt.Sprintf("页面标题下只写有网站的“时间：%s”，%s，未作为报告的发布日期，发布期限未核对：请核对", d, why),
			})
		}
	}
	r.Sections = append(r.Sections, sections(doc.Lines)...)
	if r.Format == "" && (r.Year == 0 || yearFormat(r.Year) == gongkai.FormatPre2019) {
		// A report whose title gives a year of the new regime (2019 on)
		// is read by the new formats' narrative reader even when it uses
		// an old regime's word ("同意公开3件"): before, such a 2024 page
		// was taken for a pre-2019 report, and its list of items published
		// ("回复网络申请公开事项5条") stored as online applications.
		pre2019Extras(doc, r)
	}
	if r.Format != "" {
		// A page without tables has its narrative read whole by
		// readTableless, into the tables' measures.
		narrativeExtras(doc.Lines, r)
	}
}

// lineAt is doc.LineAt, under the name this package's many callers use
// (their parameter named doc would hide the package).
func lineAt(n int) string { return doc.LineAt(n) }

var (
	dateRE     = regexp.MustCompile(`((?:19|20)\d\d)\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})\s*日?`)
	dateOnlyRE = regexp.MustCompile(`^[\s(（]*((?:19|20)\d\d)\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})\s*日?[\s)）]*$`)
	// 发文日期 labels it in a provincial site's table of metadata
	// ("索引号:… 发文日期:YYYY-MM-DD 00:00:00", the shape of a real 2008
	// city's page), as 成文日期 does in others'; the date was left blank.
	// "公文生成日期:YYYY-MM-DD" in a district site's list of metadata (the
	// shape of a real 2018 district government's page, dated nowhere else
	// but in a bare "时间:") is the document's date, as 成文日期 is; it was
	// left blank and the deadline never checked. Not "生成时间" alone: a
	// site's footer may stamp the time the page was made.
	dateLabelRE = regexp.MustCompile(`(?:发布|成文|印发|公开|发文|公文生成)(?:时间|日期)`)
)

// pageStampRE finds a site's bare stamp of when it put the page up: "时间:"
// right before a date, the word standing alone (at the line's start, or
// after a space or a bar, as beside "来源:…"): "时间: 2016-03-22 来源: <某局>",
// "来源:<某办公室> 时间:2017-01-12 10:01". Not "更新时间", "生成时间",
// "访问时间": a time the page was changed, made or read.
var pageStampRE = regexp.MustCompile(`(?:^|[\s|])时间\s*:\s*((?:19|20)\d\d)\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})`)

// pageStamp returns the date of the page's own stamp (pageStampRE) as
// YYYY-MM-DD, or "". A bare "时间:" dates a page only where it is the site's
// stamp of that page: on one of the two lines (not blank) right after the
// page's title (a line of the first 40 that labels.TitleMeta reads a year
// from, as webExtras finds it), a short line with that one date and no
// sentence in it. Four real pages (2015–2017 county and provincial
// bureaus', a 2018 district's) were dated by such a stamp alone and stored
// undated, their deadline never checked. A "时间:" anywhere else may be
// any time the text speaks of (a meeting's, a deadline's), and one further
// down the head of a page, after a document site's "ID:", "大小:", "页数:"
// (the shape of a real 2017 provincial commission's page on a site of
// shared documents), the time a member uploaded the file: neither is the
// report's publication.
func pageStamp(lines []Line) (string, int) {
	title := -1 // index of the last title line met, -1 before one
	after := 0  // lines not blank since it
	for i, l := range lines {
		if i >= 40 && title < 0 {
			return "", 0
		}
		t := strings.TrimSpace(l.Text)
		if t == "" {
			continue
		}
		if i < 40 {
			if _, year := labels.TitleMeta(t, true); year != 0 {
				title, after = i, 0
				continue
			}
		}
		if title < 0 {
			continue
		}
		if after++; after > 2 {
			return "", 0
		}
		if len(t) > 240 || !strings.Contains(t, "时间") {
			continue
		}
		t = width.Fold.String(t)
		if strings.ContainsAny(t, "。;") || len(dateRE.FindAllStringIndex(t, 2)) != 1 {
			continue
		}
		if m := pageStampRE.FindStringSubmatch(t); m != nil {
			if d := isoDate(m); d != "" {
				return d, l.N
			}
		}
	}
	return "", 0
}

// publishedDate returns the publication date as YYYY-MM-DD: a date labelled
// 发布时间/发布日期, else the last line that is only a date (the date under
// the signature), else the page's own stamp of a bare "时间:" under its
// title (pageStamp), else "". The stamp comes last: it is the site's, less
// sure than a label, and where the report dates itself under its signature
// that date stands as it did ("来源:本站 | 时间:2019-01-20" over a signature
// of 2018-12-31 keeps 2018-12-31, identity-2018-town-county-in-signature).
func publishedDate(lines []Line) string {
	d, _ := publishedDateOf(lines)
	return d
}

// publishedDateOf is publishedDate that also says whether the date is the
// page's stamp (pageStamp): then stampAt is the stamp's line number, else 0.
func publishedDateOf(lines []Line) (date string, stampAt int) {
	last := ""
	stamp, stamped := "", false
	for _, l := range lines {
		// ASCII digits first: ContainsAny with full-width ones decodes every rune.
		if len(l.Text) > 240 || !strings.ContainsAny(l.Text, "0123456789") && !strings.ContainsAny(l.Text, "０１２３４５６７８９") {
			// A date line is short and has digits, or is a date in
			// Chinese numerals alone ("二〇二四年一月二十日" under the
			// signature): with its day, the date the report was
			// published; it was passed over, and an earlier date line
			// taken or none. Without its day it gives no date.
			if len(l.Text) <= 120 && strings.Contains(l.Text, "月") {
				if y, m, d, ok := labels.ChineseDate(l.Text); ok && d > 0 {
					last = fmt.Sprintf("%04d-%02d-%02d", y, m, d)
				}
			}
			continue
		}
		t := width.Fold.String(l.Text)
		// Every label ends in 时间 or 日期: most lines are skipped without the expression.
		if (strings.Contains(t, "时间") || strings.Contains(t, "日期")) && dateLabelRE.MatchString(t) {
			if m := dateRE.FindStringSubmatch(t[dateLabelRE.FindStringIndex(t)[0]:]); m != nil {
				if d := isoDate(m); d != "" {
					return d, 0
				}
			}
		}
		if m := dateOnlyRE.FindStringSubmatch(t); m != nil {
			if d := isoDate(m); d != "" {
				last = d
			}
		}
		if !stamped && strings.Contains(t, "时间") {
			// Only a line with the word asks for the title's search, once.
			stamp, stampAt = pageStamp(lines)
			stamped = true
		}
	}
	if last == "" && stamp != "" {
		return stamp, stampAt
	}
	return last, 0
}

func isoDate(m []string) string {
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
}

// sections splits the page lines at the numbered headings 一 … 六. Headings
// are keyed by their numeral (titles vary) and must come in order, so that
// "二、上年结转…" inside a table or "一是…" in the text are not taken for one.
func sections(lines []Line) []gongkai.Section {
	var out []gongkai.Section
	var body []string
	next := 0 // index in labels.Numerals of the lowest numeral still to come
	flush := func() {
		if len(out) > 0 {
			out[len(out)-1].Text = strings.Join(body, "\n")
		}
		body = nil
	}
	for _, l := range lines {
		num, title := heading(l.Text)
		rest := ""
		if num == "" {
			// "四、政府信息公开行政复议、行政诉讼情况2020年，我局…": the
			// heading with its paragraph run on in one line opens the
			// section, and the paragraph is its text.
			if head, r, ok := labels.LeadingHeading(l.Text); ok && labels.SectionNumeral(head) != "" {
				num, title = heading(head)
				rest = r
			}
		}
		if num != "" {
			if i := slices.Index(labels.Numerals, num); i >= next {
				flush()
				out = append(out, gongkai.Section{Numeral: num, Title: title, At: lineAt(l.N)})
				next = i + 1
				if rest != "" {
					body = append(body, rest)
				}
				continue
			}
		}
		if len(out) > 0 {
			body = append(body, l.Text)
		}
	}
	flush()
	return out
}

// heading returns the numeral and title of a section heading, or "".
func heading(s string) (numeral, title string) {
	s = strings.TrimSpace(s)
	// A heading is at most 40 characters, so at most 160 bytes: the byte
	// bound answers for a long text without counting it.
	if len(s) > 160 || utf8.RuneCountInString(s) > 40 || strings.Contains(s, "。") || strings.Contains(s, "；") {
		return "", ""
	}
	if n := labels.SectionNumeral(s); n != "" {
		_, size := utf8.DecodeRuneInString(s)
		rest := strings.TrimLeft(s[size:], "、．. ")
		return n, strings.TrimSpace(rest)
	}
	if n, ok := labels.BareTitleKeys()[labels.Normalize(s)]; ok {
		return n, s
	}
	return "", ""
}

// quotedTitleYear reports whether the year a line's title gives stands only
// inside a 《》 the line quotes in a longer sentence ("我镇认真编制了《示例镇
// 2020年政府信息公开工作年度报告》。本年度报告由…组成"), not in a title of its
// own.
func quotedTitleYear(line string, year int) bool {
	y := strconv.Itoa(year) + "年"
	inside, outside := false, line
	for {
		open := strings.Index(outside, "《")
		if open < 0 {
			break
		}
		end := strings.Index(outside[open:], "》")
		if end < 0 {
			break
		}
		inside = inside || strings.Contains(outside[open:open+end], y)
		outside = outside[:open] + "," + outside[open+end+len("》"):]
	}
	return inside && !strings.Contains(outside, y) && utf8.RuneCountInString(outside) > 20
}
