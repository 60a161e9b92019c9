package ingest

import (
	"strings"
	"testing"

	"gongkai"
)

// TestStatedUnits checks, in a one-sheet workbook and in a Word-like
// document, which statements of unit outside table 二's fees column leave
// its figure blank with a unit error, and which do not.
func TestStatedUnits(t *testing.T) {
	sheet := func(above, below, inThree string) *Grid {
		rows := []string{"二、主动公开政府信息情况"}
		if above != "" {
			rows = append(rows, above)
		}
		rows = append(rows,
			"第二十条第（五）项",
			"信息内容|本年处理决定数量",
			"行政许可|35",
			"第二十条第（八）项",
			"信息内容|本年收费金额（单位：万元）",
			"行政事业性收费|12345")
		if below != "" {
			rows = append(rows, below)
		}
		rows = append(rows, "三、收到和处理政府信息公开申请情况")
		if inThree != "" {
			rows = append(rows, inThree)
		}
		rows = append(rows,
			"||自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计",
			"一、本年新收政府信息公开申请数量||1|0|0|0|0|0|1")
		return coreGrid("报表", "xlsx", rows...)
	}
	wordDoc := func(lines ...Line) *Document {
		g := coreGrid("表格1", "docx",
			"第二十条第（八）项",
			"信息内容|本年收费金额（单位：万元）",
			"行政事业性收费|12345")
		g.Line = 10
		three := coreGrid("表格2", "docx",
			"||自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计",
			"一、本年新收政府信息公开申请数量||1|0|0|0|0|0|1")
		three.Line = 20
		return &Document{Kind: "docx", Name: "r.docx", Grids: []*Grid{g, three}, Lines: lines}
	}
	for _, tc := range []struct {
		name  string
		doc   *Document
		blank string // "" when the figure reads as 12345; else the statement's place in the message
	}{
		{"no statement", &Document{Kind: "xlsx", Grids: []*Grid{sheet("", "", "")}}, ""},
		{"row above the table", &Document{Kind: "xlsx", Grids: []*Grid{sheet("单位：元", "", "")}}, "报表!A2写明“单位：元”"},
		{"note under the table", &Document{Kind: "xlsx", Grids: []*Grid{sheet("", "注：收费金额单位为元", "")}}, "报表!A8写明“注：收费金额单位为元”"},
		{"in the title row", &Document{Kind: "xlsx", Grids: []*Grid{func() *Grid {
			g := sheet("", "", "")
			g.Rows[0][0].Text = "二、主动公开政府信息情况（单位：元）"
			return g
		}()}}, "报表!A1"},
		{"under table 三's title: table 三's", &Document{Kind: "xlsx", Grids: []*Grid{sheet("", "", "单位：元")}}, ""},
		{"the format's own units", &Document{Kind: "xlsx", Grids: []*Grid{sheet("单位：个、件、万元", "", "")}}, ""},
		{"another column's unit", &Document{Kind: "xlsx", Grids: []*Grid{sheet("本年处理决定数量（单位：元）", "", "")}}, ""},
		{"whole report, on the cover", &Document{Kind: "xlsx", Grids: []*Grid{coreGrid("封面", "xlsx", "说明|本报告金额单位为元"), sheet("", "", "")}}, "封面!B1"},
		{"word: paragraph above", wordDoc(Line{N: 8, Text: "二、主动公开政府信息情况"}, Line{N: 9, Text: "单位：元"}), "第9行写明“单位：元”"},
		{"word: before the heading", wordDoc(Line{N: 7, Text: "单位：元"}, Line{N: 8, Text: "二、主动公开政府信息情况"}), "第7行"},
		{"word: in section 一's prose", wordDoc(Line{N: 5, Text: "一、总体情况"}, Line{N: 6, Text: "本年度信息处理费收费标准单位为元。"}, Line{N: 7, Text: "全年工作正常开展。"}, Line{N: 8, Text: "二、主动公开政府信息情况"}), ""},
		{"word: sentence just before the heading", wordDoc(Line{N: 7, Text: "信息处理费单位为元。"}, Line{N: 8, Text: "二、主动公开政府信息情况"}), ""},
		{"word: in section 一 before its heading", wordDoc(Line{N: 5, Text: "单位：元"}, Line{N: 6, Text: "一、总体情况"}, Line{N: 8, Text: "二、主动公开政府信息情况"}), ""},
		{"word: note under", wordDoc(Line{N: 11, Text: "注：收费金额单位为元。"}, Line{N: 12, Text: "三、收到和处理政府信息公开申请情况"}), "第11行"},
		{"word: above table 三", wordDoc(Line{N: 12, Text: "三、收到和处理政府信息公开申请情况"}, Line{N: 13, Text: "单位：元"}), ""},
		{"word: own unit", wordDoc(Line{N: 9, Text: "（单位：万元）"}), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Extract(tc.doc, Options{Agency: "测试局", Year: 2021})
			if err != nil {
				t.Fatal(err)
			}
			v, ok := r.Lookup("fees.amount_wan", gongkai.ApplicantTotal)
			if !ok {
				t.Fatal("no fees figure")
			}
			var unit []gongkai.Finding
			for _, f := range r.Findings {
				if f.Rule == "unit" {
					unit = append(unit, f)
				}
			}
			if tc.blank == "" {
				if v.Number == nil || *v.Number != 12345 || len(unit) != 0 {
					t.Errorf("fees = %+v, unit findings %+v; want 12345 and none", v, unit)
				}
				return
			}
			if v.Number != nil {
				t.Errorf("fees = %v, want blank", *v.Number)
			}
			if len(unit) != 1 || !strings.Contains(unit[0].Message, tc.blank) || !strings.Contains(unit[0].Message, "“12345”") ||
				unit[0].At != v.At || unit[0].RowLabel != "行政事业性收费" || unit[0].Measure != "fees.amount_wan" {
				t.Errorf("unit findings %+v, want one at %s saying %q", unit, v.At, tc.blank)
			}
		})
	}
}

// TestPre2019FeesUnits checks the pre-2019 fees are kept in 元: converted
// exactly from 万元, left as stated in 元, and blank with a warning when a
// figure other than 0 names no unit.
func TestPre2019FeesUnits(t *testing.T) {
	for _, tc := range []struct {
		measure, raw, unit string
		want               *float64 // nil: blank
		warn               bool
	}{
		{"pre2019.fees", "1.2", "万元", gongkai.Float(12000), false},
		{"pre2019.fees", "0.07万元", "", gongkai.Float(700), false},
		{"pre2019.fees", "36.5", "元", gongkai.Float(36.5), false},
		{"pre2019.cumulative.fees", "3", "万元", gongkai.Float(30000), false},
		{"pre2019.fees", "36.5", "", nil, true},
		{"pre2019.fees", "0", "", gongkai.Float(0), false},
	} {
		v, _ := pre2019Value(tc.measure, tc.raw, tc.unit, "line 9")
		vals := []gongkai.Value{v}
		fs := feesWithoutUnit(vals)
		got := vals[0]
		switch {
		case tc.want == nil && got.Number != nil, tc.want != nil && (got.Number == nil || *got.Number != *tc.want):
			t.Errorf("%s %q %q: number %v, want %v", tc.measure, tc.raw, tc.unit, got.Number, tc.want)
		case tc.want != nil && *tc.want != 0 && got.Unit != "元":
			t.Errorf("%s %q %q: unit %q, want 元", tc.measure, tc.raw, tc.unit, got.Unit)
		case (len(fs) == 1) != tc.warn:
			t.Errorf("%s %q %q: findings %+v, want a warning: %v", tc.measure, tc.raw, tc.unit, fs, tc.warn)
		}
	}
}
