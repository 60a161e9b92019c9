package ingest

import (
	"fmt"
	"slices"

	"gongkai"
)

// RuleFormatYear names the warning on a report whose tables are of another
// format than the one its year was published under.
const RuleFormatYear = "format"

// yearFormat returns the format a report of the given year is published
// under: 2021's from 2021 on, 2019's for 2019 and 2020, no table format
// before.
func yearFormat(year int) string {
	switch {
	case year >= 2021:
		return gongkai.Format2021
	case year >= 2019:
		return gongkai.Format2019
	}
	return gongkai.FormatPre2019
}

// FormatYearFinding is the warning Extract gives a report whose tables are
// of another format than its year's (formatYearFinding), and false when
// there is none. Package demo attaches it to the reports it makes on the
// older form, so that a demo report carries what an upload of it would.
func FormatYearFinding(r *gongkai.Report) (gongkai.Finding, bool) {
	return formatYearFinding(r)
}

// formatYearFinding returns a warning when the tables of r are of a format
// other than its year's and it states a figure of a measure that only its
// tables' format has (a 2022 report on the 2019 form: 行政事业性收费 as
// 上一年项目数量 and 本年增/减, not 本年收费金额). The figures stay read by
// the labels of the form they are written on, in that form's own measures:
// an item count is never taken for an amount of money, nor the other way
// round. Tables whose figures all have measures common to both forms (table
// 四 alone) get no warning: nothing in them reads differently.
//
// The warning stands at the first such figure, with its row and column
// labels, so that a person sees the form's own label there.
func formatYearFinding(r *gongkai.Report) (gongkai.Finding, bool) {
	want := yearFormat(r.Year)
	if r.Format == want || r.Format == "" || r.Format == gongkai.FormatPre2019 {
		return gongkai.Finding{}, false
	}
	f := gongkai.FormatByID(r.Format)
	if f == nil {
		return gongkai.Finding{}, false
	}
	cat := gongkai.CatalogueByCode()
	for _, v := range r.Values {
		if v.Source == gongkai.SourceNarrative {
			continue
		}
		m, ok := cat[v.Measure]
		if !ok || slices.Contains(m.Formats, want) {
			continue
		}
		lbl := cellLabels(f)[valueKey{v.Measure, v.Applicant}]
		var msg string
		if want == gongkai.FormatPre2019 {
			msg = fmt.Sprintf("本报告为%d年度，表格却是%s年版格式（%s年度起才使用）：按表格自身的行列标签读取；请核对年度",
				r.Year, r.Format, r.Format)
		} else {
			msg = fmt.Sprintf("本报告为%d年度，应使用%s年版格式，表格却是%s年版格式：按表格自身的行列标签读取，“%s”等数字记入%s年版的项目，不换算成%s年版的项目；请核对是否用错了格式",
				r.Year, want, r.Format, gongkai.MeasureLabel(v.Measure), r.Format, want)
		}
		return gongkai.Finding{
			Rule: RuleFormatYear, Severity: gongkai.SeverityWarning, At: v.At,
			RowLabel: lbl.row, ColumnLabel: lbl.col, Measure: v.Measure, Applicant: v.Applicant,
			Message: msg,
		}, true
	}
	return gongkai.Finding{}, false
}
