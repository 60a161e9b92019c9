package ingest

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"gongkai"
	"gongkai/template"
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
		f, late := deadlineFinding(&Document{}, r, "")
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

// TestCoverPublished reads the publication date from the cover sheet of the
// official workbook (报告发布日期): a late one gets the deadline warning at
// its cell, a date cell of the workbook reads as its date, and a date that
// cannot be read is left unset with a warning that the deadline was not
// checked, never a guess.
func TestCoverPublished(t *testing.T) {
	tests := []struct {
		name      string
		cell      any // what 封面!B10 holds
		published string
		findings  []string // rule at: a piece of the message
	}{
		{"late, text", "2022-02-15", "2022-02-15", []string{"deadline 封面!B10: 逾期 15 天"}},
		{"on time, Chinese", "2022年1月20日", "2022-01-20", nil},
		{"late, slashes", "2022/3/1", "2022-03-01", []string{"deadline 封面!B10: 晚于规定的 2022-01-31"}},
		{"late, a date cell", time.Date(2022, time.February, 3, 0, 0, 0, 0, time.UTC), "2022-02-03", []string{"deadline 封面!B10: 逾期 3 天"}},
		{"no such day", "2022-02-30", "", []string{"published 封面!B10: 未按它检查"}},
		{"no day", "2022年2月", "", []string{"published 封面!B10: 不是可识别的日期"}},
		{"words", "一月底", "", []string{"published 封面!B10: 未按它检查"}},
		{"blank", nil, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &gongkai.Report{Agency: "示例市测试局", Year: 2021, Format: gongkai.Format2021, Level: "市级部门"}
			var buf bytes.Buffer
			if err := template.WriteFilled(&buf, r); err != nil {
				t.Fatal(err)
			}
			x, err := excelize.OpenReader(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if got, _ := x.GetCellValue(template.CoverSheet, "A10"); got != "报告发布日期" {
				t.Fatalf("封面!A10 is %q, want the label 报告发布日期", got)
			}
			if tt.cell != nil {
				if err := x.SetCellValue(template.CoverSheet, "B10", tt.cell); err != nil {
					t.Fatal(err)
				}
				if _, ok := tt.cell.(time.Time); ok {
					style, err := x.NewStyle(&excelize.Style{NumFmt: 14}) // the built-in short date
					if err != nil {
						t.Fatal(err)
					}
					if err := x.SetCellStyle(template.CoverSheet, "B10", "B10", style); err != nil {
						t.Fatal(err)
					}
				}
			}
			buf.Reset()
			if err := x.Write(&buf); err != nil {
				t.Fatal(err)
			}
			got, err := Parse("cover.xlsx", buf.Bytes(), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got.Published != tt.published {
				t.Errorf("published %q, want %q", got.Published, tt.published)
			}
			var fs []gongkai.Finding
			for _, f := range got.Findings {
				if f.Rule == "deadline" || f.Rule == "published" {
					fs = append(fs, f)
				}
			}
			if len(fs) != len(tt.findings) {
				t.Fatalf("findings %+v, want %q", fs, tt.findings)
			}
			for i, f := range fs {
				head, piece, _ := strings.Cut(tt.findings[i], ": ")
				if f.Rule+" "+f.At != head || !strings.Contains(f.Message, piece) || f.Severity != gongkai.SeverityWarning {
					t.Errorf("finding %s %s %s %q, want %q", f.Rule, f.Severity, f.At, f.Message, tt.findings[i])
				}
			}
		})
	}
}
