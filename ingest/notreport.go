package ingest

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongkai"
	"gongkai/ingest/labels"
	"gongkai/ingest/value"
)

// noTablesMessage is the rejection of a page that has none of the statutory
// tables and does not read as a report (looksLikeReport). A page that is no
// report is told so; but a page cut after its first part ("一、总体情况",
// its only counts "3600余条": a real 2019 zone office's page) is a report's
// beginning, and telling its reader that it may be no report misleads. Such
// a page is told what was found (the parts, by their headings) and why it
// is not read: no title, statistics period or tables, and, when all its
// counts are rough ones, that they are no figures.
func noTablesMessage(doc *Document) string {
	const base = "未找到表二、表三、表四中的任何一张表"
	parts, _ := reportParts(doc)
	if len(parts) == 0 {
		return base + "：请确认这是政府信息公开工作年度报告，且表格的行列标签与官方格式一致"
	}
	var rough, exact []string
	for _, l := range doc.Lines {
		fl := foldLine(l.Text)
		for _, m := range unreadCountRE.FindAllStringSubmatchIndex(fl.s, -1) {
			if !countAt(fl.s, m) {
				continue
			}
			if why := unreadWhy(fl.s, m, "", ""); strings.Contains(why, "约数") {
				if len(rough) < 3 {
					rough = append(rough, "“"+sentence(l.Text, fl.pos[m[0]], fl.pos[m[1]])+"”")
				}
			} else {
				exact = append(exact, fl.s[m[0]:m[1]])
			}
		}
	}
	msg := fmt.Sprintf("%s：页面只有年度报告的%d个部分（%s），找不到写明单位和年度的报告标题或统计期限，也没有统计表", base, len(parts), strings.Join(parts, "、"))
	if len(rough) > 0 && len(exact) == 0 {
		msg += fmt.Sprintf("；正文所写的数都是约数（%s），不是确数，不能作为统计数字读取", strings.Join(rough, "；"))
	}
	if utf8.RuneCountInString(msg) > 600 {
		// A long sentence quoted thrice would bury the message's end.
		msg = string([]rune(msg)[:600]) + "…"
	}
	return msg + "：页面可能不完整，请取得报告全文（含表二、表三、表四）后再导入"
}

// reportParts returns the headings of the parts of an annual report a page
// has (总体情况, 主动公开…, each quoted) among its first 200 lines, and the
// index of the first one's line (-1 when none).
func reportParts(doc *Document) (parts []string, first int) {
	first = -1
	for i, l := range doc.Lines {
		if i >= 200 {
			break
		}
		num, title := heading(l.Text)
		if num == "" || !hasAny(labels.Normalize(title), "总体情况", "基本情况", "概述", "主动公开", "申请", "复议", "诉讼", "存在的主要问题", "其他需要报告") {
			continue
		}
		if first < 0 {
			first = i
		}
		parts = append(parts, "“"+strings.TrimSpace(l.Text)+"”")
	}
	return parts, first
}

// fragmentFinding returns the error finding of a page that holds the first
// part of an annual report alone ("一、总体情况", a part numbered 一 and no
// other) and a count of disclosure of a year under it (the year given, or
// 本年, 全年, 今年), and nothing that says whose report of which year it is
// (looksLikeReport is false), loaded with the agency and year the uploader
// gave (opts). ok is false for anything else, which stays refused: a guide
// to disclosure has two parts (主动公开, 依申请公开) and counts of no year.
func fragmentFinding(doc *Document, opts Options) (gongkai.Finding, bool) {
	parts, first := reportParts(doc)
	if len(parts) != 1 {
		return gongkai.Finding{}, false
	}
	if num, _ := heading(doc.Lines[first].Text); num != "一" {
		return gongkai.Finding{}, false
	}
	year := strconv.Itoa(opts.Year) + "年"
	counted := false
	for _, l := range doc.Lines[first+1:] {
		t := value.Fold(l.Text)
		if hasAny(t, "公开", "申请") && strings.ContainsAny(t, "0123456789零一二三四五六七八九十两未无没") && hasAny(t, year, "本年", "全年", "今年") {
			counted = true
			break
		}
	}
	if !counted {
		return gongkai.Finding{}, false
	}
	return gongkai.Finding{
		Rule: RuleFragment, Severity: gongkai.SeverityError, At: lineAt(doc.Lines[first].N),
		Message: fmt.Sprintf("页面只有年度报告的%d个部分（%s），没有写明单位和年度的报告标题或统计期限：单位“%s”和年度%d取自导入时的指定，页面可能不完整，其余部分的数字未读取：请取得报告全文（含表二、表三、表四）后核对",
			len(parts), strings.Join(parts, "、"), strings.TrimSpace(opts.Agency), opts.Year),
	}, true
}

// RuleFragment is the rule of the error finding of a page that is a part of
// a report, loaded under the agency and year its uploader gave
// (fragmentFinding).
const RuleFragment = "fragment"
