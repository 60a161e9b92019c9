#!/usr/bin/env python3
"""Writes the synthetic report page ../web/shape8-narrow.html and, from the
same figures, what they are: ../web/shape8-narrow.html.expected.json.

The page is laid out in the shapes real published reports come in, so that
make-fixtures.sh can print it with real producers: narrow columns whose
headers wrap onto two and three lines, table 三's applicant header on two
rows (自然人 | 法人或其他组织 over five | 总计), label cells merged down and
across in header and body, blank cells mixed with "0" cells, numbers aligned
right, a fee with decimals, and a table long enough to break across pages
without a repeated header. The agency and every figure are made up here;
nothing is copied from a real report.
"""
import json
import os

here = os.path.dirname(os.path.abspath(__file__))
AGENCY = "样例县自然资源局"
YEAR = 2023

# Table 三: natural, business, research, ngo, legal_services, other; None is
# a cell the report leaves blank (a zero nobody typed). The total column and
# the total rows are computed, as the report's author would.
OUTCOMES = [
    ("apps.granted", "（一）予以公开", [37, 12, None, 2, None, 1]),
    ("apps.partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [8, 3, None, 0, None, 0]),
    ("apps.withheld.state_secret", "1.属于国家秘密", [1, 0, None, 0, None, 0]),
    ("apps.withheld.prohibited_by_law", "2.其他法律行政法规禁止公开", [None] * 6),
    ("apps.withheld.three_safeties", "3.危及“三安全一稳定”", [2, 0, None, None, None, None]),
    ("apps.withheld.third_party", "4.保护第三方合法权益", [5, 4, 1, 0, None, 0]),
    ("apps.withheld.internal_affairs", "5.属于三类内部事务信息", [3, None, None, None, None, None]),
    ("apps.withheld.process_info", "6.属于四类过程性信息", [6, 2, None, 0, None, 0]),
    ("apps.withheld.enforcement_file", "7.属于行政执法案卷", [1, 0, 0, 0, 0, 0]),
    ("apps.withheld.query_matter", "8.属于行政查询事项", [4, 1, None, None, None, None]),
    ("apps.unavailable.not_held", "1.本机关不掌握相关政府信息", [19, 7, 1, 0, 2, 1]),
    ("apps.unavailable.needs_creation", "2.没有现成信息需要另行制作", [3, 1, None, 0, None, 0]),
    ("apps.unavailable.unclear", "3.补正后申请内容仍不明确", [2, 0, 0, 0, 0, 0]),
    ("apps.not_processed.petition", "1.信访举报投诉类申请", [9, 0, None, None, None, None]),
    ("apps.not_processed.duplicate", "2.重复申请", [11, 3, None, 0, None, 0]),
    ("apps.not_processed.publication", "3.要求提供公开出版物", [1, None, None, None, None, None]),
    ("apps.not_processed.vexatious", "4.无正当理由大量反复申请", [24, 0, 0, 0, 0, 0]),
    ("apps.not_processed.confirmation", "5.要求行政机关确认或重新出具已获取信息", [2, 1, None, None, None, None]),
    ("apps.other.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", [5, 2, None, 0, None, 0]),
    ("apps.other.no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", [0, None, None, None, None, None]),
    ("apps.other.other", "3.其他", [7, 1, None, None, None, 3]),
]
CARRIED_IN = [4, 1, None, 0, None, 0]
CARRIED_OUT = [6, 2, None, 0, None, 1]
GROUPS = [("（三）不予公开", 2, 8), ("（四）无法提供", 10, 3), ("（五）不予处理", 13, 5), ("（六）其他处理", 18, 3)]

PROACTIVE = {  # measure -> (label, figures of its columns); None is blank
    "rules": ("规章", [None, None, None]),
    "normative_docs": ("行政规范性文件", [3, 1, 27]),
}
LICENSING, PENALTY, COERCION, FEES = 1284, 356, 0, "12.35"
REVIEW = {"review": [3, 1, 0, 2, 6], "litigation_direct": [2, 0, 1, 1, 4], "litigation_after_review": [1, 0, 0, 0, 1]}
RESULTS = ["upheld", "corrected", "other", "pending", "total"]
APPLICANTS = ["natural", "business", "research", "ngo", "legal_services", "other", "total"]


def num(v):
    return "&nbsp;" if v is None else str(v)


def with_total(row):
    return row + [sum(v or 0 for v in row)]


def main():
    totals = [sum(r[2][i] or 0 for r in OUTCOMES) for i in range(6)]
    new = [t + (o or 0) - (c or 0) for t, o, c in zip(totals, CARRIED_OUT, CARRIED_IN)]
    rows3 = [("apps.new", "一、本年新收政府信息公开申请数量", with_total(new)),
             ("apps.carried_in", "二、上年结转政府信息公开申请数量", with_total(CARRIED_IN))]
    outcome_rows = [(m, l, with_total(v)) for m, l, v in OUTCOMES]
    total_row = ("apps.total", "（七）总计", with_total(totals))
    out_row = ("apps.carried_out", "四、结转下年度继续办理", with_total(CARRIED_OUT))

    values, empty = {}, []

    def note(measure, figures, applicants=None):
        if applicants is None:
            if figures[0] is None:
                empty.append(measure)
            else:
                values[measure] = figures[0]
            return
        if all(v is not None for v in figures):
            values[measure] = figures
            return
        values[measure] = [0 if v is None else v for v in figures]
        empty.extend(f"{measure}/{a}" for a, v in zip(applicants, figures) if v is None)

    h = []
    w = h.append
    w('<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">')
    w(f"<title>{AGENCY}{YEAR}年政府信息公开工作年度报告</title>")
    w("<style>body { font-size: 10.5pt } table { border-collapse: collapse; font-size: 9pt } td { border: 1px solid #000; padding: 1px 2px } td.n { text-align: right }</style>")
    w("</head>\n<body>")
    w(f"<h1>{AGENCY}{YEAR}年政府信息公开工作年度报告</h1>")
    w(f"<p>本报告根据《中华人民共和国政府信息公开条例》编制，统计期限自{YEAR}年1月1日起至{YEAR}年12月31日止。</p>")
    w("<p>一、总体情况</p>")
    # The narrative states the penalties one more than table 一 does, as
    # real reports sometimes do: the reader must find it, not trust either.
    w(f"<p>{YEAR}年，本局主动公开政府信息共615条，本年度共收到政府信息公开申请{sum(new)}件。全年办理行政许可{LICENSING}件、行政处罚{PENALTY + 1}件。</p>")
    for i in range(6):
        w(f"<p>（{'一二三四五六'[i]}）本局围绕年度重点工作推进政务公开，第{i + 1}方面的工作按计划完成，公开渠道保持畅通，办理流程逐步规范，群众获取信息更加便捷。</p>")
    w("<p>二、主动公开政府信息情况</p>")
    w('<table border="1" cellspacing="0" width="420">')
    w('<tr><td colspan="4">第二十条第（一）项</td></tr>')
    w('<tr><td width="120">信息内容</td><td width="100">本年制发件数</td><td width="100">本年废止件数</td><td width="100">现行有效件数</td></tr>')
    for m, (label, figs) in PROACTIVE.items():
        w(f"<tr><td>{label}</td>" + "".join(f'<td class="n" align="right">{num(v)}</td>' for v in figs) + "</tr>")
        for k, v in zip(["issued", "repealed", "in_force"], figs):
            note(f"{m}.{k}", [v])
    for title, label, measure, col, v in [("第二十条第（五）项", "行政许可", "licensing", "本年处理决定数量", LICENSING),
                                           ("第二十条第（六）项", "行政处罚", "penalty", "本年处理决定数量", PENALTY),
                                           (None, "行政强制", "coercion", None, COERCION),
                                           ("第二十条第（八）项", "行政事业性收费", "fees", "本年收费金额（单位：万元）", FEES)]:
        if title:
            w(f'<tr><td colspan="4">{title}</td></tr>')
            w(f'<tr><td>信息内容</td><td colspan="3">{col}</td></tr>')
        w(f'<tr><td>{label}</td><td colspan="3" class="n" align="right">{v}</td></tr>')
        key = "amount_wan" if measure == "fees" else "decisions"
        values[f"{measure}.{key}"] = float(v) if isinstance(v, str) else v
    w("</table>")

    w("<p>三、收到和处理政府信息公开申请情况</p>")
    # Narrow columns: the applicant headers wrap onto two and three lines,
    # the long labels of 不予公开 and 其他处理 onto several.
    w('<table border="1" cellspacing="0" width="520">')
    w('<tr><td rowspan="2" colspan="3" width="200">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>'
      '<td rowspan="2" width="40">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2" width="40">总计</td></tr>')
    w("<tr>" + "".join(f'<td width="40">{l}</td>' for l in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]) + "</tr>")

    def cells(figs):
        return "".join(f'<td class="n" align="right">{num(v)}</td>' for v in figs)

    for m, label, figs in rows3:
        w(f'<tr><td colspan="3">{label}</td>{cells(figs)}</tr>')
        note(m, figs, APPLICANTS)
    group_at = {start: (label, n) for label, start, n in GROUPS}
    for i, (m, label, figs) in enumerate(outcome_rows):
        lead = ""
        if i == 0:
            lead = f'<td rowspan="{len(outcome_rows) + 1}" width="30">三、本年度办理结果</td>'
        if i in group_at:
            g, n = group_at[i]
            w(f'<tr>{lead}<td rowspan="{n}" width="50">{g}</td><td width="120">{label}</td>{cells(figs)}</tr>')
        elif any(s < i < s + n for _, s, n in GROUPS):
            w(f"<tr>{lead}<td>{label}</td>{cells(figs)}</tr>")
        else:
            w(f'<tr>{lead}<td colspan="2">{label}</td>{cells(figs)}</tr>')
        note(m, figs, APPLICANTS)
    m, label, figs = total_row
    w(f'<tr><td colspan="2">{label}</td>{cells(figs)}</tr>')
    note(m, figs, APPLICANTS)
    m, label, figs = out_row
    w(f'<tr><td colspan="3">{label}</td>{cells(figs)}</tr>')
    note(m, figs, APPLICANTS)
    w("</table>")

    w("<p>四、政府信息公开行政复议、行政诉讼情况</p>")
    w('<table border="1" cellspacing="0" width="520">')
    w('<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>')
    w("<tr>" + "".join(f'<td rowspan="2" class="h">{l}</td>' for l in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])
      + '<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>')
    w("<tr>" + "".join(f'<td class="h">{l}</td>' for l in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2) + "</tr>")
    w("<tr>" + "".join(cells(REVIEW[g]) for g in ["review", "litigation_direct", "litigation_after_review"]) + "</tr>")
    for g, figs in REVIEW.items():
        for k, v in zip(RESULTS, figs):
            note(f"{g}.{k}", [v])
    w("</table>")
    w("<p>五、存在的主要问题及改进情况</p>")
    w("<p>公开内容的时效性仍需提高，下一步将加强审核，及时更新栏目。</p>")
    w("<p>六、其他需要报告的事项</p>")
    w(f"<p>本年度收取信息处理费{FEES}万元。</p>")
    w(f"<p>{AGENCY}</p>\n<p>{YEAR + 1}年1月15日</p>\n</body>\n</html>")

    web = os.path.join(here, "..", "web")
    with open(os.path.join(web, "shape8-narrow.html"), "w", encoding="utf-8") as f:
        f.write("\n".join(h) + "\n")
    values.update({"narrative.proactive_items": 615, "narrative.apps_received": sum(new),
                   "narrative.licensing": LICENSING, "narrative.penalty": PENALTY + 1})
    expected = {
        "note": "written by testdata/media/shapes.py from the same figures as the page; blank cells are listed in empty",
        "agency": AGENCY, "year": YEAR, "format": "2021", "default": 0,
        "values": values, "empty": empty,
    }
    with open(os.path.join(web, "shape8-narrow.html.expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=1)
        f.write("\n")


main()
