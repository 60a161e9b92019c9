package ingest

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"gongkai"
	"gongkai/ingest/labels"
)

// roughFigureRE takes the number of a rough figure at the end of an
// approxRules match: digits (half or full width) with 万 and 余/多, or
// Chinese numerals with 余/多, before the unit.
var roughFigureRE = regexp.MustCompile(`(?:(?:约|大约)\s*)?([0-9０-９][0-9０-９,]*(?:\.[0-9]+)?)\s*(万?)\s*(多|余)?\s*(?:条|件|份|个|次|宗)$|([零〇一二两三四五六七八九十百千]+)\s*(万?)\s*(?:多|余)\s*(?:条|件|份|个|次|宗)$`)

// roughLeast is the least a rough figure as matched (roughFigureRE) can
// stand for: N for "N余" and "N多" (more than N), N万 less half of its last
// digit for a bare "2.36万" (rounded); false when the words give no floor
// ("约N" may be below N).
func roughLeast(match string) (float64, bool) {
	m := roughFigureRE.FindStringSubmatch(match)
	if m == nil || strings.Contains(m[0], "约") {
		return 0, false
	}
	if m[4] != "" {
		n, ok := chineseNumber(m[4])
		if !ok {
			return 0, false
		}
		f := float64(n)
		if m[5] != "" {
			f *= 10000
		}
		return f, true
	}
	digits := strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == ',':
			return -1
		}
		return r
	}, m[1])
	f, err := strconv.ParseFloat(digits, 64)
	if err != nil {
		return 0, false
	}
	if m[2] == "" {
		if m[3] == "" {
			return 0, false // a bare count with no 余, 多 or 万 is no rough figure
		}
		return f, true
	}
	if m[3] == "" {
		// "2.36万": rounded to its last digit.
		step := 1.0
		if i := strings.IndexByte(digits, '.'); i >= 0 {
			for range digits[i+1:] {
				step /= 10
			}
		}
		f -= step / 2
	}
	return f * 10000, true
}

// belowRoughWhole drops from vals each narrative figure of an approxRules
// measure that is less than a rough figure of the same measure the page
// states for this year and for the organ itself ("2021年,我单位主动公开政府
// 信息260余条…全年制作展板15余个,公开信息36条", the shape of a real 2021
// town's page): the year's whole is said only roughly and is more than the
// figure, so the figure counts one part of it (one channel, one kind), not
// the whole. 36 was stored as the year's proactive items with no word, the
// rough figure being no figure to the sentence reader. It returns the
// figures kept and a warning for each dropped, and marks its measure in
// held so that approximateFigures does not say the rough figure again.
func belowRoughWhole(lines []Line, vals []gongkai.Value, held map[string]bool, agency string) ([]gongkai.Value, []gongkai.Finding) {
	var notes []gongkai.Finding
	var simple []Line
	if !anyRough(lines) {
		return vals, nil // no rough figure on the page (the common case): no copy of its lines
	}
	for _, ar := range approxRules {
		at := -1
		for i, v := range vals {
			if v.Measure == ar.measure && v.Applicant == gongkai.ApplicantTotal && v.Source == gongkai.SourceNarrative && v.Number != nil {
				at = i
				break
			}
		}
		if at < 0 {
			continue
		}
		if simple == nil {
			simple = simplifiedLines(lines) // as approximateFigures matches them
		}
		v := vals[at]
	lines:
		for i, l := range simple {
			for _, m := range ar.re.FindAllStringIndex(l.Text, -1) {
				clause := clauseOf(l.Text, m[0], m[1])
				if notThisYear(clause) || mayBeAllYears(clause, sentenceUpTo(l.Text, m[1])) {
					continue
				}
				if area, _ := areaScope(l.Text, m[1], agency); area {
					continue // the whole area's rough count is more than the organ's own
				}
				least, ok := roughLeast(l.Text[m[0]:m[1]])
				if !ok || *v.Number >= least {
					continue
				}
				label := gongkai.MeasureLabel(ar.measure)
				notes = append(notes, gongkai.Finding{
					Rule: "narrative", Severity: gongkai.SeverityWarning, At: v.At,
					Measure: ar.measure, Applicant: gongkai.ApplicantTotal, RowLabel: label,
					Message: fmt.Sprintf("正文所述%s为%s（“%s”），少于正文（%s）所述的约数（“%s”）：是其中一部分（某一渠道或某一类）的数，不是本年的总数；总数只写了约数，未填入：请核对",
						strings.TrimPrefix(label, "正文所述"), num(*v.Number), v.Raw, lineAt(l.N), lines[i].Text[m[0]:m[1]]),
				})
				vals = append(vals[:at:at], vals[at+1:]...)
				held[ar.measure] = true
				break lines
			}
		}
	}
	return vals, notes
}

// anyRough reports whether a line holds a word of a rough figure (余, 多, 万,
// 约, in either script), which every match of approxRules holds.
func anyRough(lines []Line) bool {
	for _, l := range lines {
		if strings.ContainsAny(l.Text, "余多万约餘萬約") {
			return true
		}
	}
	return false
}

// errOrganPart is the bad of a count of items published whose sentence goes
// on to the organ's own part ("主动发布各类信息N条,…,其中,局机关发布信息M条"):
// the count is the system's, the organ with its units below, and the organ's
// own is the part.
var errOrganPart = errors.New("whole of the organ and its units")

// organPartRE finds, after a count, a part 其中 gives the organ itself (局机关,
// 本机关, 机关本级) with a count of its own.
var organPartRE = regexp.MustCompile(`其中[,:]?(?:局机关|本机关|委机关|厅机关|办机关|机关本级|局本级|本级机关)[^。;]{0,16}?[0-9]+\s*条`)

// wholeWithOrganPart drops from vals a narrative count of the year's items
// published whose sentence names, after it, the organ's own part
// ("2016年度,全县公安机关…主动通过政府网站发布信息…。主动发布各类信息N条,全文电子化率达
// 100%,其中,局机关发布信息M条", the shape of a real 2016 county police
// bureau's page): N counts every unit of the system the sentence before
// names, and was stored as the organ's with no word. Which of the two is the
// report's the words do not say: blank, with a warning quoting the sentence.
func wholeWithOrganPart(vals []gongkai.Value) ([]gongkai.Value, []gongkai.Finding) {
	for i, v := range vals {
		if v.Measure != proactiveMeasure || v.Source != gongkai.SourceNarrative || v.Number == nil {
			continue
		}
		raw := labels.Normalize(v.Raw)
		at := strings.Index(raw, num(*v.Number)+"条")
		if at < 0 || !organPartRE.MatchString(raw[at:]) {
			continue
		}
		f := passedFinding(errOrganPart, v.Measure, v.Raw, v.At)
		return append(vals[:i:i], vals[i+1:]...), []gongkai.Finding{f}
	}
	return vals, nil
}
