package ingest

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"gongkai/ingest/labels"
)

// A pre-2019 report may answer a section of the old 条例's outline with one
// word: "三、依申请公开政府信息情况" over a body of "无。". The figures that
// section reports are then zero, as "未收到政府信息公开申请" would say, and
// the reader of sentences finds nothing in "无" to read: before, they were
// blank with no finding.

// sectionNoneRE matches the whole body of a section that says it has
// nothing to report, once normalized (labels.Normalize) and without its closing stop.
var sectionNoneRE = regexp.MustCompile(`^(?:本年度|本年|全年|今年|年内|当年|报告期内)?(?:暂无|无|没有|未发生)(?:此类|相关|该类|上述|此项|该项)?(?:情况|情形|事项)?$`)

// noneBody is a section whose whole body says none: the line that says it,
// as printed, and the kinds of figure the section's title names.
type noneBody struct {
	n     int
	raw   string
	kinds []nkind
}

// sectionKinds returns the kinds of figure a section of a pre-2019 report
// reports, by its title normalized: the section of applications, of fees, of
// reviews and suits, or of items published proactively. A title that names
// none of them (概述, 存在的主要问题) reports no figure.
func sectionKinds(title string) []nkind {
	var out []nkind
	if strings.Contains(title, "支出") && !strings.Contains(title, "收费") {
		// "(二)与行政复议、行政诉讼有关的费用支出：无。" (a real 2008
		// forestry bureau's page): the organ's own spending, no fee
		// charged and no count of proceedings. Before, its 无 stored the
		// fees, the reviews and the suits as 0.
		return nil
	}
	review, suit := strings.Contains(title, "复议"), strings.Contains(title, "诉讼")
	fees := strings.Contains(title, "收费") || strings.Contains(title, "费用")
	if strings.Contains(title, "主动公开") {
		out = append(out, nProactive)
	}
	// "因政府信息公开申请行政复议" names the application a review is about,
	// and "依申请公开政府信息收费情况" the one fees are charged for: not the
	// applications received.
	if !fees && (strings.Contains(title, "依申请") || strings.Contains(title, "申请") && !review && !suit) {
		out = append(out, nReceived)
	}
	if fees && !strings.Contains(title, "行政事业性") {
		out = append(out, nInfoFees)
	}
	if review {
		out = append(out, nReview)
	}
	if suit {
		out = append(out, nLitigation)
	}
	return out
}

// saysNone reports whether a line, normalized, is a whole answer of none.
func saysNone(folded string) bool {
	// A heading set before its paragraph leaves the colon to the body
	// (runOnSections): "四、…情况：无。".
	s := strings.TrimRight(strings.TrimLeft(folded, ":"), "。.;!")
	return s != "" && utf8.RuneCountInString(s) <= 14 && sectionNoneRE.MatchString(s)
}

// sectionNones returns the sections of lines (split by runOnSections)
// whose whole body says none ("无。" on the lines under the heading, or
// after the heading and a colon on its line) and whose title names figures
// (sectionKinds). A body of several lines says none only when each of them
// does.
//
// It starts from the lines that may say none, which a byte test finds, and
// reads the headings around them only: telling every line's heading cost a
// pre-2019 page a tenth of its parse.
func sectionNones(lines []Line) []noneBody {
	var out []noneBody
	for i := range lines {
		t := strings.TrimSpace(lines[i].Text)
		if len(t) > 200 || !noneWords(t) {
			continue
		}
		// "四、…情况：无" with no stop after it is a heading to heading()
		// too, whose title would end in its answer.
		if head, tail, ok := cutTitleColon(t); ok && len(tail) <= 64 && saysNone(labels.Normalize(tail)) {
			if h := anyHeading(head); h != "" {
				if ks := sectionKinds(labels.Normalize(h)); len(ks) > 0 {
					out = append(out, noneBody{n: lines[i].N, raw: t, kinds: ks})
				}
				continue
			}
		}
		if len(t) > 64 || !saysNone(labels.Normalize(t)) {
			continue
		}
		// The first line of its body: the line before it, past blank
		// ones, is the heading; every line after it up to the next
		// heading says none too.
		k := i - 1
		for k >= 0 && strings.TrimSpace(lines[k].Text) == "" {
			k--
		}
		if k < 0 {
			continue
		}
		title := anyHeading(strings.TrimSpace(lines[k].Text))
		if title == "" {
			continue
		}
		whole := true
		for j := i + 1; j < len(lines) && whole; j++ {
			u := strings.TrimSpace(lines[j].Text)
			if u == "" {
				continue
			}
			if anyHeading(u) != "" || isColonNone(u) {
				break
			}
			whole = len(u) <= 64 && saysNone(labels.Normalize(u))
		}
		if !whole {
			continue
		}
		if ks := sectionKinds(labels.Normalize(title)); len(ks) > 0 {
			out = append(out, noneBody{n: lines[i].N, raw: strings.TrimLeft(t, ":："), kinds: ks})
		}
	}
	return out
}

// noneWords is the byte test of a line that may say none.
func noneWords(t string) bool {
	return strings.Contains(t, "无") || strings.Contains(t, "無") || strings.Contains(t, "没有") ||
		strings.Contains(t, "沒有") || strings.Contains(t, "未发生") || strings.Contains(t, "未發生")
}

// anyHeading returns the title of a section's heading (heading) or a
// sub-section's (subHeading: "（三）依申请公开政府信息收费情况" over "无。" is a
// section of its own, its title naming its figures), or "".
func anyHeading(t string) string {
	if _, h := heading(t); h != "" {
		return h
	}
	return subHeading(t)
}

// isColonNone reports whether t is a heading answered on its own line
// ("四、…情况：无"), which starts a section of its own.
func isColonNone(t string) bool {
	head, tail, ok := cutTitleColon(t)
	return ok && len(tail) <= 64 && saysNone(labels.Normalize(tail)) && anyHeading(head) != ""
}

// subHeading returns the title of a sub-section heading ("（一）申请情况",
// "(三)收费情况"), or "" when t is none: a parenthesised Chinese numeral,
// then a short title with no stop or comma.
func subHeading(t string) string {
	r, size := utf8.DecodeRuneInString(t)
	if r != '(' && r != '（' {
		return ""
	}
	rest := t[size:]
	n := 0
	for {
		r, size := utf8.DecodeRuneInString(rest)
		if !strings.ContainsRune("一二三四五六七八九十", r) {
			break
		}
		rest, n = rest[size:], n+1
	}
	r, size = utf8.DecodeRuneInString(rest)
	if n == 0 || n > 2 || r != ')' && r != '）' {
		return ""
	}
	title := strings.TrimSpace(rest[size:])
	if title == "" || utf8.RuneCountInString(title) > 30 || strings.ContainsAny(title, "。；;，,") {
		return ""
	}
	return title
}

// cutTitleColon cuts "三、依申请公开政府信息情况：无。" at its last colon.
func cutTitleColon(t string) (head, tail string, ok bool) {
	i := max(strings.LastIndex(t, "："), strings.LastIndex(t, ":"))
	if i <= 0 {
		return "", "", false
	}
	_, size := utf8.DecodeRuneInString(t[i:])
	return strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+size:]), true
}
