package ingest

import (
	"testing"
)

// TestPageStampDates checks a site's bare "时间:" stamp under a page's title
// (left from session 37: four real pages, 2015–2018, dated by it alone, were
// stored undated and their deadline never checked): it dates the page where
// it is the page's own stamp, on one of the two lines right after the
// title, one date on a short line with no sentence; a date the report
// gives itself (a label, the date under its signature) stands before it.
// Anywhere else a "时间:" is no publication date.
func TestPageStampDates(t *testing.T) {
	const title = "示例县示例局2015年政府信息公开工作年度报告"
	for _, tt := range []struct {
		name  string
		lines []string
		want  string
	}{
		{"under the title, before 来源", []string{title, "时间: 2016-03-22 来源: 示例县示例局 【字体:  ", "", "示例县示例局2015年政府信息公开工作年度报告根据《条例》编制。"}, "2016-03-22"},
		{"after 来源", []string{"政府信息公开", title, "来源:示例区人民政府办公室 时间:2017-01-12 10:01", "", "本报告根据《条例》编制。"}, "2017-01-12"},
		{"full-width colon", []string{title, "来源:示例省卫生和计划生育委员会 时间：2017-01-11 11:35", "  根据《条例》编制本报告。"}, "2017-01-11"},
		{"a breadcrumb, then the title", []string{"您现在的位置: 首页 > 信息公开 > 2015年信息公开年度报告 > 县级部门", title, "时间: 2016-03-22 来源: 示例县示例局"}, "2016-03-22"},
		{"alone on its line", []string{title, "", "时间:2019-01-04 10:25", "", "一、概述"}, "2019-01-04"},
		// The report's own date comes first, as it did.
		{"a signature's date", []string{title, "时间:2019-01-20", "一、概述", "示例县示例局", "2019年1月10日"}, "2019-01-10"},
		{"a label", []string{title, "时间:2019-01-20", "发布日期:2019-01-18"}, "2019-01-18"},
		// Not the page's stamp.
		{"a document site's upload", []string{"示例省卫生计生委2017年政府信息公开年度报告.doc", "", "ID:29457449", "", "大小:1.13 MB", "", "页数:10页", "", "时间:2018-12-20"}, ""},
		{"in the body", []string{title, "一、概述", "2015年,我局召开政府信息公开工作会议。", "会议时间:2015-05-06", "时间:2015-06-01"}, ""},
		{"another time's word", []string{title, "更新时间:2016-03-22"}, ""},
		{"two dates", []string{title, "时间:2016-03-22 有效期至2016-12-31"}, ""},
		{"in a sentence", []string{title, "时间:2016-03-22,我局召开会议。"}, ""},
		{"no title", []string{"时间:2016-03-22", "一、概述"}, ""},
	} {
		var lines []Line
		for i, s := range tt.lines {
			lines = append(lines, Line{N: i + 1, Text: s})
		}
		if got := publishedDate(lines); got != tt.want {
			t.Errorf("%s: published %q, want %q", tt.name, got, tt.want)
		}
	}
}
