package ingest

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"gongkai"
	"gongkai/ingest/labels"
)

// reviewRows is table 四 with 15 figures, as one stacked block.
var reviewRows = []string{
	"四、政府信息公开行政复议、行政诉讼情况",
	"行政复议|行政复议|行政复议|行政复议|行政复议|行政诉讼|行政诉讼|行政诉讼|行政诉讼|行政诉讼|行政诉讼|行政诉讼|行政诉讼|行政诉讼|行政诉讼",
	"结果维持|结果纠正|其他结果|尚未审结|总计|未经复议直接起诉|未经复议直接起诉|未经复议直接起诉|未经复议直接起诉|未经复议直接起诉|复议后起诉|复议后起诉|复议后起诉|复议后起诉|复议后起诉",
	"结果维持|结果纠正|其他结果|尚未审结|总计|结果维持|结果纠正|其他结果|尚未审结|总计|结果维持|结果纠正|其他结果|尚未审结|总计",
	"1|0|2|1|4|0|0|0|0|0|1|1|1|1|4",
}

func TestExtractMetadata(t *testing.T) {
	tables := coreGrid("表四", "xlsx", reviewRows...)
	tests := []struct {
		name    string
		docName string
		cover   []string
		title   string
		opts    Options
		agency  string
		year    int
		check   func(t *testing.T, r *gongkai.Report)
	}{
		{name: "cover", cover: []string{"单位名称|测试市测试局", "年度|2021年", "所属省份|贵州省", "层级|市级部门",
			"本年主动公开信息条数（条）|928"}, agency: "测试市测试局", year: 2021,
			check: func(t *testing.T, r *gongkai.Report) {
				v, ok := r.Lookup("narrative.proactive_items", "total")
				if r.Province != "贵州省" || r.Level != "市级部门" || !ok || v.Number == nil || *v.Number != 928 || v.At != "封面!B5" {
					t.Errorf("province %q, level %q, proactive items %+v", r.Province, r.Level, v)
				}
			}},
		{name: "cover label with a note", cover: []string{"填报单位（盖章）：测试县民政局", "统计年度|2020"}, agency: "测试县民政局", year: 2020},
		{name: "cover inline", cover: []string{"单位名称：测试县民政局", "年度：２０２０"}, agency: "测试县民政局", year: 2020},
		{name: "cover merged label", cover: []string{"单位名称|单位名称|测试局", "报告年度|报告年度|2019"}, agency: "测试局", year: 2019},
		{name: "cover values below", cover: []string{"单位名称|年度", "测试局|2022"}, agency: "测试局", year: 2022},
		{name: "cover hint is no value", cover: []string{"单位名称||填写机关全称，如：安顺市应急管理局", "年度|2021"},
			title: "测试市审计局2021年政府信息公开工作年度报告", agency: "测试市审计局", year: 2021},
		{name: "title row", title: "测试县民政局2021年度政府信息公开工作年度报告", agency: "测试县民政局", year: 2021},
		{name: "year before agency", title: "2021年度测试市民政局政府信息公开工作年度报告", agency: "测试市民政局", year: 2021},
		{name: "title with 关于", title: "《测试市民政局关于2021年政府信息公开工作的年度报告》", agency: "测试市民政局", year: 2021},
		{name: "title in traditional", title: "測試縣民政局２０２１年政府資訊公開工作年度報告", agency: "测试县民政局", year: 2021},
		{name: "file name", docName: "测试市教育局2022年政府信息公开工作年度报告.xlsx", agency: "测试市教育局", year: 2022},
		{name: "file name without an agency", docName: "report-2021年.xlsx", opts: Options{Agency: "选项局"}, agency: "选项局", year: 2021},
		{name: "loose file name", docName: "测试市教育局-2022年.xlsx", agency: "测试市教育局", year: 2022},
		{name: "file name with a bare year", docName: "city-edu-2021.txt", opts: Options{Agency: "选项局"}, agency: "选项局", year: 2021},
		{name: "file name with two years", docName: "report-2021-2022.xlsx", opts: Options{Agency: "选项局", Year: 2020}, agency: "选项局", year: 2020},
		{name: "cover wins over title and name", cover: []string{"单位名称|封面局", "年度|2021"}, title: "标题局2020年政府信息公开工作年度报告",
			docName: "文件局2019年政府信息公开工作年度报告.xlsx", agency: "封面局", year: 2021},
		{name: "options win", cover: []string{"单位名称|封面局", "年度|2021"}, opts: Options{Agency: " 选项局 ", Year: 2020},
			agency: "选项局", year: 2020},
		{name: "statistics period is no title", title: "统计期限自2021年1月1日起至2021年12月31日止", opts: Options{Agency: "a", Year: 2021},
			agency: "a", year: 2021},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &Document{Kind: "xlsx", Name: tt.docName}
			if doc.Name == "" {
				doc.Name = "报告.xlsx"
			}
			if tt.cover != nil {
				doc.Grids = append(doc.Grids, coreGrid("封面", "xlsx", tt.cover...))
			}
			g := &Grid{Name: tables.Name, Kind: "xlsx", Rows: tables.Rows}
			if tt.title != "" {
				g = &Grid{Name: "表四", Kind: "xlsx", Rows: append([][]Cell{{{Text: tt.title}}}, tables.Rows...)}
			}
			doc.Grids = append(doc.Grids, g)
			r, err := Extract(doc, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if tt.check == nil && (r.Agency != tt.agency || r.Year != tt.year) {
				t.Errorf("agency, year = %q, %d; want %q, %d", r.Agency, r.Year, tt.agency, tt.year)
			}
			if tt.check != nil {
				tt.check(t, r)
			}
		})
	}
}

func TestExtractRejects(t *testing.T) {
	f := gongkai.FormatByID("2021")
	full := coreDoc(f, coreValues(t, f), coreLayout{})
	tests := []struct {
		name string
		doc  *Document
		opts Options
		want string
	}{
		{"no agency", full, Options{Year: 2021}, "缺少单位名称：请在封面填写“单位名称”"},
		{"no year", full, Options{Agency: "测试局"}, "缺少年度"},
		{"bad year", full, Options{Agency: "测试局", Year: 21}, "年度 21 无效"},
		{"no tables", &Document{Kind: "xlsx", Grids: []*Grid{coreGrid("Sheet1", "xlsx", "单位名称|测试局", "年度|2021", "说明|本表无数据")}},
			Options{}, "未找到表二、表三、表四中的任何一张表"},
		{"nothing", &Document{}, Options{Agency: "a", Year: 2021}, "未找到表二、表三、表四"},
		{"nil", nil, Options{}, "文件内容为空"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Extract(tt.doc, tt.opts)
			if err == nil || r != nil {
				t.Fatalf("got report %v, error %v; want rejection", r != nil, err)
			}
			if gongkai.ErrorCode(err) != gongkai.CodeInvalid || !strings.Contains(gongkai.ErrorMessage(err), tt.want) {
				t.Errorf("error %q (code %s), want %q", gongkai.ErrorMessage(err), gongkai.ErrorCode(err), tt.want)
			}
		})
	}
}

// TestExtractFormat checks the format is told from the labels, never the year.
func TestExtractFormat(t *testing.T) {
	only := func(format, table string) *Document {
		f := gongkai.FormatByID(format)
		g := *f
		g.Tables = []gongkai.Table{*f.Table(table)}
		return coreDoc(&g, coreValues(t, f), coreLayout{})
	}
	// warn: the tables are of another format than the year's and state a
	// measure only their format has, so a "format" warning must stand.
	tests := []struct {
		name string
		doc  *Document
		year int
		want string
		warn bool
	}{
		{"2021", coreDoc(gongkai.FormatByID("2021"), coreValues(t, gongkai.FormatByID("2021")), coreLayout{}), 2021, "2021", false},
		{"2019 layout for 2021", coreDoc(gongkai.FormatByID("2019"), coreValues(t, gongkai.FormatByID("2019")), coreLayout{}), 2021, "2019", true},
		{"2021 layout for 2019", coreDoc(gongkai.FormatByID("2021"), coreValues(t, gongkai.FormatByID("2021")), coreLayout{}), 2019, "2021", true},
		{"2021 layout for 2018", coreDoc(gongkai.FormatByID("2021"), coreValues(t, gongkai.FormatByID("2021")), coreLayout{}), 2018, "2021", true},
		{"2019 table 二 only", only("2019", "proactive"), 2020, "2019", false},
		{"2019 table 三 only", only("2019", "applications"), 2022, "2019", false},
		{"2021 table 三 only", only("2021", "applications"), 2019, "2021", true},
		// Table 四 is the same in both formats: the year tells (before,
		// the order of the formats did, and a 2020 report was on the 2021 form).
		{"table 四 only", only("2019", "reviews"), 2020, "2019", false},
		{"table 四 only, 2022", only("2019", "reviews"), 2022, "2021", false},
		{"2019 in traditional", coreDoc(gongkai.FormatByID("2019"), coreValues(t, gongkai.FormatByID("2019")),
			coreLayout{label: toTraditional, header: func(s string) string { return strings.TrimSuffix(s, "减") }}), 2020, "2019", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Extract(tt.doc, Options{Agency: "测试局", Year: tt.year})
			if err != nil {
				t.Fatal(err)
			}
			if r.Format != tt.want {
				t.Errorf("format = %q, want %q", r.Format, tt.want)
			}
			warned := false
			for _, f := range tableFindings(r) {
				if f.Rule == RuleFormatYear && tt.warn && !warned {
					warned = true
					if f.Measure == "" || f.RowLabel == "" || !strings.Contains(f.Message, strconv.Itoa(tt.year)+"年度") {
						t.Errorf("format warning names no cell or year: %+v", f)
					}
					continue
				}
				t.Errorf("finding %s at %s: %s", f.Rule, f.At, f.Message)
			}
			if tt.warn && !warned {
				t.Errorf("no %q warning for a %d report on the %s form", RuleFormatYear, tt.year, r.Format)
			}
		})
	}
}

// TestExtractRows covers rows that real pages break: a lost label whose
// figures hang under its group, bare enumerations told apart by their group,
// a serial-number column, and ragged page text whose header does not line up.
func TestExtractRows(t *testing.T) {
	header := []string{
		"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）|申请人情况",
		"自然人|法人或其他组织|总计",
		"商业企业|科研机构|社会公益组织|法律服务机构|其他",
	}
	tests := []struct {
		name string
		kind string
		rows []string
		want map[string]string // measure|applicant → raw; other cells are not checked
		at   map[string]string // measure|applicant → location
	}{
		{"lost first label", "text", append(header,
			"（三）不予公开|5|0|0|0|0|0|5",
			"2.其他法律行政法规禁止公开|1|0|0|0|0|0|1"),
			map[string]string{"apps.withheld.state_secret|natural": "5", "apps.withheld.prohibited_by_law|total": "1"}, nil},
		{"bare enumerations", "text", append(header,
			"（三）不予公开", "1.|1|0|0|0|0|0|1", "2.|2|0|0|0|0|0|2",
			"（四）无法提供", "1.|3|0|0|0|0|0|3",
			"（五）不予处理", "1、|4|0|0|0|0|0|4", "(2)|5|0|0|0|0|0|5"),
			map[string]string{"apps.withheld.state_secret|natural": "1", "apps.withheld.prohibited_by_law|natural": "2",
				"apps.unavailable.not_held|natural": "3", "apps.not_processed.petition|natural": "4",
				"apps.not_processed.duplicate|natural": "5"}, nil},
		{"other enumeration styles", "xlsx", append(header,
			"（三）不予公开|（1）属于国家秘密|1|0|0|0|0|0|1",
			"（三）不予公开|2、其他法律行政法规禁止公开|2|0|0|0|0|0|2"),
			map[string]string{"apps.withheld.state_secret|natural": "1", "apps.withheld.prohibited_by_law|natural": "2"}, nil},
		{"label then explicit first row", "text", append(header,
			"（三）不予公开|9|9|9|9|9|9|54", "1.属于国家秘密|1|0|0|0|0|0|1"),
			map[string]string{"apps.withheld.state_secret|natural": "1", "apps.withheld.state_secret|total": "1"}, nil},
		{"serial numbers", "xlsx", []string{
			"序号|信息内容|本年处理决定数量",
			"1|行政许可|867",
			"2|行政处罚|11",
		}, map[string]string{"licensing.decisions|total": "867", "penalty.decisions|total": "11"},
			map[string]string{"licensing.decisions|total": "表!C2"}},
		{"ragged text with spacer cells", "text", append(header,
			"一、本年新收政府信息公开申请数量|3||0|0|0|0|0|3|"),
			map[string]string{"apps.new|natural": "3", "apps.new|business": "0", "apps.new|total": "3"}, nil},
		{"blank cells in page text", "text", append(header,
			"一、本年新收政府信息公开申请数量|3|||||0|3"),
			map[string]string{"apps.new|natural": "3", "apps.new|business": "", "apps.new|other": "0", "apps.new|total": "3"}, nil},
		{"text lines", "text", []string{"一、本年新收政府信息公开申请数量|0|0|0|0|0|0|0"},
			map[string]string{"apps.new|total": "0"}, map[string]string{"apps.new|natural": "line 7"}},
		{"note split off the label", "text", append(header,
			"（二）部分公开|（区分处理的，只计这一情形，不计其他情形）|1|0|0|0|0|0|1"),
			map[string]string{"apps.partial|natural": "1", "apps.partial|total": "1"}, nil},
		{"a figure in words", "text", []string{"行政许可|十二", "行政处罚|11"},
			map[string]string{"licensing.decisions|total": "十二", "penalty.decisions|total": "11"}, nil},
		{"merged figure cells in a page", "html", []string{
			"信息内容|本年处理决定数量|本年处理决定数量|本年处理决定数量",
			"行政许可|867|867|867",
			"信息内容|本年收费金额（单位：万元）|本年收费金额（单位：万元）|本年收费金额（单位：万元）",
			"行政事业性收费|0|0|0",
		}, map[string]string{"licensing.decisions|total": "867", "fees.amount_wan|total": "0"},
			map[string]string{"licensing.decisions|total": "表 第2行第2列"}},
		{"2019 signed and money", "xlsx", []string{
			"信息内容|上一年项目数量|本年增/|处理决定数量",
			"行政许可|10|减4|867",
			"信息内容|采购项目数量|采购总金额",
			"政府集中采购|3|251000元",
		}, map[string]string{"licensing.items_delta|total": "减4", "procurement.amount|total": "251000元"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := coreGrid("表", tt.kind, tt.rows...)
			if tt.name == "text lines" {
				for i := range g.Rows {
					for j := range g.Rows[i] {
						g.Rows[i][j].Line = 7 + i
					}
				}
			}
			r, err := Extract(&Document{Kind: tt.kind, Grids: []*Grid{g}}, Options{Agency: "测试局", Year: 2021})
			if err != nil {
				t.Fatal(err)
			}
			got := valuesByKey(r)
			for k, want := range tt.want {
				if v, ok := got[k]; !ok || v.Raw != want {
					t.Errorf("%s = %q (found %v at %s), want %q", k, v.Raw, ok, v.At, want)
				}
			}
			for k, want := range tt.at {
				if got[k].At != want {
					t.Errorf("%s at %q, want %q", k, got[k].At, want)
				}
			}
			for _, f := range r.Findings {
				if f.Rule == "layout" {
					t.Errorf("finding %s at %s: %s", f.Rule, f.At, f.Message)
				}
			}
		})
	}
}

// TestExtractLayoutFinding checks a row whose figures cannot be placed is
// reported rather than guessed.
func TestExtractLayoutFinding(t *testing.T) {
	g := coreGrid("", "text",
		"自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计",
		"一、本年新收政府信息公开申请数量|1|2|3",
		"二、上年结转政府信息公开申请数量|0|0|0|0|0|0|0")
	r, err := Extract(&Document{Kind: "text", Grids: []*Grid{g}}, Options{Agency: "测试局", Year: 2021})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := r.Lookup("apps.new", "natural"); ok {
		t.Error("apps.new was read from a row whose columns cannot be told")
	}
	var layout []gongkai.Finding
	for _, f := range r.Findings {
		if f.Rule == "layout" {
			layout = append(layout, f)
		}
	}
	if len(layout) != 1 || layout[0].At != "表格 第2行第1列" || layout[0].Severity != "warning" {
		t.Errorf("layout findings = %+v, want one warning at 表格 第2行第1列", layout)
	}
}

// TestExtractNotesSheet checks that a sheet of explanations naming rows in
// words does not take the place of the table's figures.
func TestExtractNotesSheet(t *testing.T) {
	notes := coreGrid("填表说明", "xlsx",
		"行政许可|指本机关本年作出的行政许可决定",
		"（七）总计|各项办理结果之和|须与第一项加第二项减第四项相等|总计列为各类申请人之和|见附表|另附|说明|备注")
	table := coreGrid("表二", "xlsx", "信息内容|本年处理决定数量", "行政许可|867")
	r, err := Extract(&Document{Kind: "xlsx", Grids: []*Grid{notes, table}}, Options{Agency: "测试局", Year: 2021})
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := r.Lookup("licensing.decisions", "total"); !ok || v.Raw != "867" || v.At != "表二!B2" {
		t.Errorf("licensing.decisions = %+v, want 867 at 表二!B2", v)
	}
	if _, ok := r.Lookup("apps.total", "natural"); ok {
		t.Error("apps.total read from the notes")
	}
	for _, f := range tableFindings(r) {
		t.Errorf("finding %s at %s: %s", f.Rule, f.At, f.Message)
	}
}

// TestExtractBadFigure checks a figure written in words is read as it
// stands and flagged once, at its cell.
func TestExtractBadFigure(t *testing.T) {
	g := coreGrid("表二", "xlsx", "信息内容|本年处理决定数量", "行政许可|十二")
	r, err := Extract(&Document{Kind: "xlsx", Grids: []*Grid{g}}, Options{Agency: "测试局", Year: 2021})
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := r.Lookup("licensing.decisions", "total"); !ok || v.Raw != "十二" || v.Number != nil {
		t.Errorf("licensing.decisions = %+v, want raw 十二 and no number", v)
	}
	r.Findings = tableFindings(r)
	if got := findingSet(r); strings.Join(got, " ") != "values@表二!B2" {
		t.Errorf("findings = %q, want values@表二!B2", got)
	}
}

// TestExtractSplitReviews reads table 四 laid out as two tables, 行政复议 and
// then 行政诉讼, each with its header and its row of figures.
func TestExtractSplitReviews(t *testing.T) {
	for _, kind := range []string{"xlsx", "html"} {
		g := coreGrid("表四", kind,
			"行政复议|行政复议|行政复议|行政复议|行政复议",
			"结果维持|结果纠正|其他结果|尚未审结|总计",
			"1|0|2|1|4",
			"",
			"行政诉讼|行政诉讼|行政诉讼|行政诉讼|行政诉讼|行政诉讼|行政诉讼|行政诉讼|行政诉讼|行政诉讼",
			"未经复议直接起诉|未经复议直接起诉|未经复议直接起诉|未经复议直接起诉|未经复议直接起诉|复议后起诉|复议后起诉|复议后起诉|复议后起诉|复议后起诉",
			"结果维持|结果纠正|其他结果|尚未审结|总计|结果维持|结果纠正|其他结果|尚未审结|总计",
			"0|1|0|0|1|1|1|1|1|4")
		r, err := Extract(&Document{Kind: kind, Grids: []*Grid{g}}, Options{Agency: "测试局", Year: 2021})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"review.total|total": "4", "review.upheld|total": "1",
			"litigation_direct.corrected|total": "1", "litigation_direct.total|total": "1",
			"litigation_after_review.total|total": "4"}
		got := valuesByKey(r)
		for k, w := range want {
			if got[k].Raw != w {
				t.Errorf("%s: %s = %q at %s, want %q", kind, k, got[k].Raw, got[k].At, w)
			}
		}
		if len(r.Values) != 15 || len(tableFindings(r)) != 0 {
			t.Errorf("%s: %d values and findings %+v; want 15 and none", kind, len(r.Values), r.Findings)
		}
	}
}

func TestTitleMeta(t *testing.T) {
	tests := []struct {
		in     string
		strict bool
		agency string
		year   int
	}{
		{"测试局2021年政府信息公开工作年度报告", true, "测试局", 2021},
		{"测试局2021年度政府信息公开工作年度报告", true, "测试局", 2021},
		{"2021年度测试局政府信息公开工作年度报告", true, "测试局", 2021},
		// 人民政府 and 政府信息公开 share 政府 ("2012年泾县人民政府信息公开
		// 年度报告", a real county's title): the name keeps it.
		{"2012年示例县人民政府信息公开年度报告", true, "示例县人民政府", 2012},
		{"2016年度示例县人民政府政府信息公开工作年度报告", true, "示例县人民政府", 2016},
		{"测试局关于2021年政务公开工作年度报告", true, "测试局", 2021},
		{"统计期限自2021年1月1日起至2021年12月31日止", true, "", 0},
		{"2021年，我局认真贯彻落实", true, "", 0},
		// A sentence opened by the year that holds 公开 and 报告 is no title.
		{"2023年，修订完善了信息公开相关制度，全年共公开社会救助信息10条，财务预决算报告4个", true, "", 0},
		{"2023年、修订完善了信息公开相关制度及报告", true, "", 0},
		// A sub-heading that ends in a stop before the year is no name.
		{"（二）依申请公开方面。2021年度，和平乡没有收到政府信息公开申请，为零报告。", true, "", 2021},
		{"report-2021年", false, "", 2021},
		{"测试局_2022年", false, "测试局", 2022},
		{"测试局", false, "", 0},
		// Sentence fragments and bare words are not agencies (the year stands).
		{"根据《国务院办公厅政府信息公开办公室关于做好2021年政府信息公开工作年度报告的通知》要求", true, "", 2021},
		{"为切实做好2021年政府信息公开工作年度报告编制工作", true, "", 2021},
		{"政府2021年政府信息公开工作年度报告", true, "", 2021},
		{"我局2021年政府信息公开工作年度报告", true, "", 2021},
		{"财政部2021年政府信息公开工作年度报告", true, "财政部", 2021},
		// A metadata table's label of the title is no part of the name.
		{"标   题 县政府办2022年度政府信息公开工作年度报告", true, "县政府办", 2022},
		{"标题：示例县交通运输局2022年政府信息公开工作年度报告", true, "示例县交通运输局", 2022},
		// Counties and districts named by one character and their level
		// (沛县, 丰县, 郊区) are agencies; two-character words that stand for
		// no one agency are not.
		{"沛县2020年政府信息公开工作年度报告", true, "沛县", 2020},
		{"郊区2021年政府信息公开工作年度报告", true, "郊区", 2021},
		{"本县2021年政府信息公开工作年度报告", true, "", 2021},
		{"全市2021年政府信息公开工作年度报告", true, "", 2021},
		{"我镇2021年政府信息公开工作年度报告", true, "", 2021},
		{"县级2021年政府信息公开工作年度报告", true, "", 2021},
		{"年报2021年政府信息公开工作年度报告", true, "", 2021},
		{"某县2021年政府信息公开工作年度报告", true, "", 2021},
		{"社区2021年政府信息公开工作年度报告", true, "", 2021},
		{"城乡2021年政府信息公开工作年度报告", true, "", 2021},
		{"新区2021年政府信息公开工作年度报告", true, "", 2021},
		{"矿区2021年政府信息公开工作年度报告", true, "矿区", 2021},
		// A flipbook viewer's page title: the page number is no part of the name.
		{"Page 8 - 示例县卫生健康局2021年政府信息公开工作年度报告", true, "示例县卫生健康局", 2021},
		{"page 12 – 示例县卫生健康局2021年政府信息公开工作年度报告", true, "示例县卫生健康局", 2021},
		{"示例县卫生健康局2021年政府信息公开工作年度报告 - Page 3", true, "示例县卫生健康局", 2021},
		{"示例县卫生健康局2021年政府信息公开工作年度报告 - 第3页", true, "示例县卫生健康局", 2021},
		{"Page 8 - 2021年政府信息公开工作年度报告", true, "", 2021},
	}
	for _, tt := range tests {
		agency, year := labels.TitleMeta(tt.in, tt.strict)
		if agency != tt.agency || year != tt.year {
			t.Errorf("labels.TitleMeta(%q, %v) = %q, %d; want %q, %d", tt.in, tt.strict, agency, year, tt.agency, tt.year)
		}
	}
}

// TestSplitTitleAgency checks the agency read from a title set on two lines,
// and the lines above a title that are no agency's name.
func TestSplitTitleAgency(t *testing.T) {
	tests := []struct{ name, title, want string }{
		{"示例县卫生健康局", "2019年政府信息公开工作年度报告", "示例县卫生健康局"},
		{"示例市工业和信息化局", "政府信息公开工作年度报告", "示例市工业和信息化局"},
		{"示例镇人民政府", "2021年度政府信息公开工作年度报告", "示例镇人民政府"},
		{"示例县卫生健康局", "关于2021年工作的总结", ""},
		{"宁强县民政局", "关于2023年政府信息公开年度报告", "宁强县民政局"},
		{"宁强县民政局", "关于做好2023年政府信息公开工作年度报告的通知", ""},
		{"示例县卫生健康局", "示例局2021年政府信息公开工作年度报告", ""},
		{"首页>政府信息公开>年报", "2021年政府信息公开工作年度报告", ""},
		{"当前位置：首页", "2021年政府信息公开工作年度报告", ""},
		{"政府信息公开", "2021年政府信息公开工作年度报告", ""},
		{"信息公开年报", "2021年政府信息公开工作年度报告", ""},
		{"政府", "2021年政府信息公开工作年度报告", ""},
		{"字号大中小", "2021年政府信息公开工作年度报告", ""},
		{"发布时间2022", "2021年政府信息公开工作年度报告", ""},
		{"示例县人民政府门户网站", "2021年政府信息公开工作年度报告", ""},
		{"示例市卫生健康委员会网站", "2021年政府信息公开工作年度报告", ""},
		{"丰县", "2021年政府信息公开工作年度报告", "丰县"},
		{"全县", "2021年政府信息公开工作年度报告", ""},
		{"首页", "2021年政府信息公开工作年度报告", ""},
	}
	for _, tt := range tests {
		if got := labels.SplitTitleAgency(tt.name, tt.title); got != tt.want {
			t.Errorf("SplitTitleAgency(%q, %q) = %q, want %q", tt.name, tt.title, got, tt.want)
		}
	}
}

// TestExtractLostLabel checks figures placed under a missing row label are
// flagged once, at the row, and a row stated later under its own label wins.
func TestExtractLostLabel(t *testing.T) {
	g := coreGrid("表三", "xlsx",
		"自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计",
		"三、本年度办理结果|（三）不予公开||5|0|0|0|0|0|5",
		"三、本年度办理结果|（四）无法提供||1|0|0|0|0|0|1",
		"三、本年度办理结果|（四）无法提供|1.本机关不掌握相关政府信息|2|0|0|0|0|0|2")
	r, err := Extract(&Document{Kind: "xlsx", Grids: []*Grid{g}}, Options{Agency: "测试局", Year: 2021})
	if err != nil {
		t.Fatal(err)
	}
	got := valuesByKey(r)
	if got["apps.withheld.state_secret|natural"].Raw != "5" || got["apps.unavailable.not_held|natural"].Raw != "2" {
		t.Errorf("state_secret %q, not_held %q; want 5 and 2",
			got["apps.withheld.state_secret|natural"].Raw, got["apps.unavailable.not_held|natural"].Raw)
	}
	var lost []string
	for _, f := range findingSet(r) {
		if strings.HasPrefix(f, "lost_label@") {
			lost = append(lost, f)
		}
	}
	if strings.Join(lost, " ") != "lost_label@表三!D2" {
		t.Errorf("lost-label findings = %q, want lost_label@表三!D2 only", lost)
	}
}

func TestFileYear(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"anshun-2021", 2021},
		{"2019_报告", 2019},
		{"report-2021-2022", 0},
		{"scan20210101", 0},
		{"report", 0},
		{"v1850", 0},
	}
	for _, tt := range tests {
		if got := fileYear(tt.in); got != tt.want {
			t.Errorf("fileYear(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// TestTraditionalNameWarning checks that a name folded from a title in
// traditional script is warned, and that the warning goes when the agency
// is given: it would ask to check a name the report does not hold.
func TestTraditionalNameWarning(t *testing.T) {
	data, err := os.ReadFile("testdata/web/title-compiled-traditional.txt")
	if err != nil {
		t.Fatal(err)
	}
	warned := func(r *gongkai.Report) bool {
		for _, f := range r.Findings {
			if f.Rule == "agency" && strings.Contains(f.Message, "繁体") {
				return true
			}
		}
		return false
	}
	r, err := Parse("title-compiled-traditional.txt", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Agency != "示例市灄水区供电公司" || !warned(r) {
		t.Errorf("agency %q, warned %v; want the folded name, warned", r.Agency, warned(r))
	}
	// Every character of this name folded: nothing is left to check.
	all, err := os.ReadFile("testdata/web/pre2019-traditional-channels.txt")
	if err != nil {
		t.Fatal(err)
	}
	if r, err := Parse("pre2019-traditional-channels.txt", all, Options{}); err != nil || r.Agency != "示例县某局" || warned(r) {
		t.Errorf("folded name: %v, %v; want 示例县某局, not warned", err, r)
	}
	// A place name's traditional character (涇, as a real 2025 county
	// bureau's mirror page wrote it) folds: the name is the organ's, with
	// nothing left to check.
	place, err := os.ReadFile("testdata/web/title-traditional-place.txt")
	if err != nil {
		t.Fatal(err)
	}
	if r, err := Parse("title-traditional-place.txt", place, Options{}); err != nil || r.Agency != "泾溪县教育体育局" || warned(r) {
		t.Errorf("place name: %v, %+v; want 泾溪县教育体育局, not warned", err, r)
	}
	for name, want := range map[string]string{"示例市洪澤区供电公司": "澤", "示例县水利局": "", "國網示例": "國網"} {
		if got := outsideGB2312(name); got != want {
			t.Errorf("outsideGB2312(%s) = %q, want %q", name, got, want)
		}
	}
	r, err = Parse("title-compiled-traditional.txt", data, Options{Agency: "示例市滠水区供电公司"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Agency != "示例市滠水区供电公司" || warned(r) {
		t.Errorf("agency %q, warned %v; want the name given, no warning", r.Agency, warned(r))
	}
}

// TestSpacedName checks that a name written on the page only with a space
// inside is refused when the part before the space is no place or organ
// (a mirror's words), and kept when it is one.
func TestSpacedName(t *testing.T) {
	doc := func(line string) *Document { return &Document{Lines: []Line{{N: 1, Text: line}}} }
	for _, tt := range []struct {
		line, agency string
		refused      bool
	}{
		{"由示例娱乐主页 青柳街道办事处编制的2014年度报告", "示例娱乐主页青柳街道办事处", true},
		{"示例县 卫生健康局2021年政府信息公开工作年度报告", "示例县卫生健康局", false},
		{"国家税务总局 示例市税务局2021年政府信息公开工作年度报告", "国家税务总局示例市税务局", false},
		{"示例县卫生健康局2021年政府信息公开工作年度报告", "示例县卫生健康局", false},
	} {
		if got := spacedName(doc(tt.line), tt.agency); (got != "") != tt.refused {
			t.Errorf("spacedName(%s, %s) = %q, want refused %v", tt.line, tt.agency, got, tt.refused)
		}
	}
}

// TestLevelLed checks the names led by a bare level, which name no one
// agency, and the real districts whose names start with 市.
func TestLevelLed(t *testing.T) {
	for name, want := range map[string]bool{"区统计局": true, "县公安局": true, "市司法局": true, "市中区统计局": false,
		"市南区司法局": false, "镇江市统计局": false, "乡宁县公安局": false, "镇雄县司法局": false, "示例区统计局": false, "沛县": false, "县城": false} {
		if _, got := levelLed(name); got != want {
			t.Errorf("levelLed(%s) = %v, want %v", name, got, want)
		}
	}
}

// TestBareKind holds that a name that is only a kind of organ, with no
// place, is told from a name that places itself (a level, the state's
// organs, a division region.Derive knows) or is no organ's kind.
func TestBareKind(t *testing.T) {
	for name, want := range map[string]bool{"林业局": true, "卫健局": true, "卫生健康委员会": true, "人防办": true, "发改委": true,
		"示例区林业局": false, "宁安市卫生健康局": false, "国家税务总局": false, "海关总署": false, "泰山学院附属中学": false,
		"莆田第二中学": false, "汤浦镇": false, "": false} {
		if got := bareKind(name); got != want {
			t.Errorf("bareKind(%q) = %v, want %v", name, got, want)
		}
	}
	for name, want := range map[string]bool{"puroview.com沙头镇": true, "示例镇": false, "ＡＢ示例镇": true} {
		if got := latinNameMessage(name) != ""; got != want {
			t.Errorf("latinNameMessage(%q) != \"\" is %v, want %v", name, got, want)
		}
	}
}

// TestWithheldUnsplitWarned checks that a count of applications withheld,
// given with no row of table 三 to take it (the 2021 format counts them by
// reason alone), is said to be left out, not dropped unsaid.
func TestWithheldUnsplitWarned(t *testing.T) {
	data, err := os.ReadFile("testdata/web/narrative-2023-withheld-by-reason.txt")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse("narrative-2023-withheld-by-reason.txt", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range r.Findings {
		if f.Rule == "narrative" && strings.Contains(f.Message, "不予公开5件") {
			return
		}
	}
	t.Errorf("no finding for the 5 applications withheld: %v", r.Findings)
}
