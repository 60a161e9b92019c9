package ingest

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"gongkai"
	"gongkai/ingest/labels"
	"gongkai/region"
)

// zoneWords are the generic names of a kind of zone: hundreds of cities and
// counties have a 高新区 or an 经开区, and each zone's organs call it so
// among themselves ("高新区社会发展局2022年政府信息公开工作年度报告", a real
// 2022 zone bureau's page whose body writes only "高新区官网", "高新区管委会
// 网站"). A name led by one of them, with no place before it, names the
// organ of every such zone; it was stored as the agency with no word, as a
// street's, a park's and a bare level's were before rounds 27 and 28.
// Longer forms come first: the word cut from the name is the longest.
var zoneWords = []string{
	"高新技术产业开发区", "经济技术开发区", "高新技术开发区", "经济开发区", "综合保税区", "旅游度假区", "高新区", "经开区",
	"开发区", "保税区", "综保区", "度假区", "自贸区", "新区",
}

// zoneLed returns the generic zone word a name is led by ("高新区" of
// "高新区社会发展局"), and whether it is one: the name starts with the word
// and region.Derive finds no division in it.
func zoneLed(name string) (string, bool) {
	for _, w := range zoneWords {
		if strings.HasPrefix(name, w) && utf8.RuneCountInString(name) > utf8.RuneCountInString(w) {
			if pl := region.Derive(name); pl.Province != "" || pl.City != "" || pl.County != "" {
				return "", false
			}
			return w, true
		}
	}
	return "", false
}

// completeZoneLed completes a name led by a generic zone word (zoneLed) from
// the body, when the body writes the whole name right after a place
// region.Derive knows as a city or a county, in a mention that is the
// report's own (ownZoneMention: a title, heading or signature line, the
// organ naming itself, "本报告由示例市高新区社会发展局编制"), one place
// only; the name is said to be completed, to be checked. A mention of the
// same name elsewhere may be another zone's organ of that name ("我局赴杭州
// 市高新区社会发展局学习交流", review's probe: it was taken, and the page
// filed as 杭州市's with a warning only): it completes nothing. With no own
// mention, or own places that differ, the page is refused with a message
// that says why. For any other name it returns "".
func completeZoneLed(doc *Document, r *gongkai.Report) string {
	zone, ok := zoneLed(r.Agency)
	if !ok {
		return ""
	}
	msg := fmt.Sprintf("单位名称不完整：标题或首句作“%s”，只写了“%s”而没有写所在的市、县（区）；各地同名的%s不止一个，正文也没有在地名后写出这一名称：请指定单位名称", r.Agency, zone, zone)
	place, at, other := "", "", ""
	for _, l := range doc.Lines {
		t := labels.Normalize(l.Text)
		for off := 0; ; {
			i := strings.Index(t[off:], r.Agency)
			if i < 0 {
				break
			}
			i += off
			off = i + len(r.Agency)
			p := zonePlaceBefore(t[:i])
			if p == "" {
				continue
			}
			if !ownZoneMention(t, i-len(p), off) {
				if other == "" {
					other = p + r.Agency
				}
				continue
			}
			if place != "" && p != place {
				return msg
			}
			if place == "" {
				place, at = p, lineAt(l.N)
			}
		}
	}
	if place == "" {
		if other != "" {
			return fmt.Sprintf("单位名称不完整：标题或首句作“%s”，只写了“%s”而没有写所在的市、县（区）；各地同名的%s不止一个，正文只在说到别处时写出“%s”（不是本机关的自称，可能是另一地的同名机关）：请指定单位名称", r.Agency, zone, zone, other)
		}
		return msg
	}
	completed := place + r.Agency
	r.Findings = append(r.Findings, gongkai.Finding{
		Rule: "agency", Severity: gongkai.SeverityWarning, At: at,
		Message: fmt.Sprintf("标题或首句中的单位名称“%s”只写了“%s”而没有写所在的市、县（区），按正文补全为“%s”：请核对", r.Agency, zone, completed),
	})
	r.Agency = completed
	return ""
}

// headingNumberRE matches a heading's number at the start of a line: "一、",
// "(二)", "3.".
var headingNumberRE = regexp.MustCompile(`^[\s　]*(?:[(（][一二三四五六七八九十0-9]{1,2}[)）]|[一二三四五六七八九十0-9]{1,2}[、.．])?[\s　]*`)

// ownZoneMention reports whether the place and name written at t[start:end]
// are the report's own: the line opens with them (after a heading's number
// at most) and states no sentence (a title, a heading, the signature), or
// the organ names itself there: in brackets after 本局/我局/本机关/本单位
// ("我局(示例市高新区社会发展局)"), or as the one that made the report
// ("本报告由示例市高新区社会发展局编制", a sentence opening "示例市高新区社会
// 发展局编制本报告"). A name after a
// verb of another's ("赴", "与", "协助") is not.
func ownZoneMention(t string, start, end int) bool {
	if lead := headingNumberRE.FindString(t); len(lead) == start && !strings.ContainsAny(t[end:], "，,。；;：:！!？?") {
		return true
	}
	before := strings.TrimRight(t[:start], " 　")
	for _, self := range []string{"本局", "我局", "本机关", "本单位", "本委", "我委", "本办", "我办"} {
		if strings.HasSuffix(before, self+"(") || strings.HasSuffix(before, self+"（") {
			return true
		}
	}
	clauseEnd := len(t)
	if j := strings.IndexAny(t[end:], "，,。；;！!？?"); j >= 0 {
		clauseEnd = end + j
	}
	after := t[end:clauseEnd]
	authored := strings.HasPrefix(after, "编制") || strings.HasPrefix(after, "编写") || strings.HasPrefix(after, "负责编制") || strings.HasPrefix(after, "组织编制")
	if !authored {
		return false
	}
	if strings.HasSuffix(before, "由") || strings.HasSuffix(before, "是") {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(before)
	return (before == "" || strings.ContainsRune("，,。；;：:", last)) && strings.Contains(after, "报告")
}

// zonePlaceBefore returns the place written right before what ends s, or
// "": of the run of Chinese characters before it, the longest end of two
// characters or more that region.Derive reads as a city or a county ("由示例
// 市" gives "示例市"; "由", "本报告由" give none).
func zonePlaceBefore(s string) string {
	start := len(s)
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if !unicode.Is(unicode.Han, r) || strings.ContainsRune("年月日度", r) {
			break
		}
		start -= size
	}
	run := s[start:]
	for i := range run {
		end := run[i:]
		if utf8.RuneCountInString(end) < 2 {
			break
		}
		if pl := region.Derive(end); pl.City != "" || pl.County != "" {
			return end
		}
	}
	return ""
}
