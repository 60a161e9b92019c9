package ingest

import (
	"strings"
	"testing"

	"gongkai"
)

// TestDeadline pins the publication deadlines of 条例第四十九条 (and of the
// 2008 条例 for reports up to 2018), and that where the organ's kind is not
// sure the later deadline applies: the warning is never false.
func TestDeadline(t *testing.T) {
	tests := []struct {
		agency, level string
		year          int
		published     string
		late          bool
	}{
		{"安顺市应急管理局", "", 2021, "2022-01-31", false},
		{"安顺市应急管理局", "", 2021, "2022-02-01", true}, // a department: 1月31日
		{"贵州省教育厅", "", 2020, "2021-03-01", true},
		{"西秀区财政局", "", 2021, "2022-02-15", true},
		{"安顺市人民政府", "", 2021, "2022-03-31", false}, // a government: 3月31日
		{"安顺市人民政府", "", 2021, "2022-04-01", true},
		{"西秀区政府", "", 2021, "2022-04-01", true},
		{"安顺市人民政府办公室", "", 2021, "2022-03-15", false},   // not sure: the later deadline
		{"某市测试局", "", 2021, "2022-03-15", false},        // no known division: not sure
		{"国家税务总局安顺市税务局", "", 2021, "2022-03-15", false}, // not sure
		{"某测试局", "市级部门", 2021, "2022-02-01", true},      // the level the report states
		{"某某镇人民政府", "", 2021, "2022-06-01", false},      // no deadline for townships
		{"西秀区东关街道办事处", "", 2021, "2022-06-01", false},
		{"安顺市西秀区某某镇", "", 2023, "2024-03-26", false}, // a township named without 人民政府
		{"西秀区某某乡", "", 2021, "2022-06-01", false},
		{"西秀区城镇", "", 2021, "2022-02-15", true},     // no township's name: a department
		{"安顺市应急管理局", "", 2017, "2018-03-31", false}, // 2008 条例: every organ 3月31日
		{"安顺市应急管理局", "", 2017, "2018-04-02", true},
		{"安顺市应急管理局", "", 2021, "", false},
		{"安顺市应急管理局", "", 2021, "2022-2-30", false}, // not a date
	}
	for _, tt := range tests {
		r := &gongkai.Report{Agency: tt.agency, Level: tt.level, Year: tt.year, Published: tt.published}
		f, late := deadlineFinding(&Document{}, r)
		if late != tt.late {
			t.Errorf("%s %s %d published %s: late %v (%s), want %v", tt.agency, tt.level, tt.year, tt.published, late, f.Message, tt.late)
		}
		if late && (f.Rule != "deadline" || f.Severity != gongkai.SeverityWarning || f.At != "发布日期") {
			t.Errorf("%s: finding %+v", tt.agency, f)
		}
	}
}

// TestExtractDeadline reads a page whose signature date is late: the
// warning stands at the date's line and says by how much.
func TestExtractDeadline(t *testing.T) {
	doc := &Document{Kind: "text", Grids: []*Grid{coreGrid("", "text", reviewRows...)}, Lines: []Line{
		{N: 1, Text: "安顺市应急管理局2021年政府信息公开工作年度报告"},
		{N: 2, Text: "本报告统计期限自2021年1月1日起至2021年12月31日止。"},
		{N: 30, Text: "安顺市应急管理局"},
		{N: 31, Text: "2022年2月15日"},
	}}
	r, err := Extract(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range r.Findings {
		if f.Rule == "deadline" {
			got = append(got, f.At+" "+f.Message)
		}
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], "line 31 ") || !strings.Contains(got[0], "2022-01-31") || !strings.Contains(got[0], "逾期 15 天") {
		t.Errorf("deadline findings %q, want one at line 31, due 2022-01-31, 15 days late", got)
	}
}
