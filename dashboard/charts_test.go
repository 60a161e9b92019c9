package dashboard

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"gongkai"
	"gongkai/warehouse"
)

var trendTable = &warehouse.Table{
	Columns: []string{"year", "agency_id", "apps_granted", "apps_partial", "rate"},
	Rows: [][]any{
		{int32(2020), int64(7), int64(10), nil, 0.5},
		{int32(2021), int64(8), float64(12), int64(3), nil},
	},
}

// optionJSON renders an option the way the page embeds it.
func optionJSON(t *testing.T, o map[string]any) string {
	t.Helper()
	b, err := json.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestBarChart(t *testing.T) {
	got := optionJSON(t, barChart(trendTable, "year", []series{{"apps_granted", "予以公开"}, {"apps_partial", "部分公开"}}, true, false))
	for _, want := range []string{
		`"data":["2020","2021"]`,           // categories from the year column
		`"name":"予以公开"`, `"stack":"total"`, // stacked series
		`"data":[{"value":10},{"value":12}]`, // numbers of any driver type
		`"data":[{"value":"-"},{"value":3}]`, // NULL stays a gap, not 0
		`"itemStyle":{"color":"#20bf6b"}`,    // outcomes keep their colour
	} {
		if !strings.Contains(got, want) {
			t.Errorf("barChart option lacks %s:\n%s", want, got)
		}
	}
	h := optionJSON(t, barChart(trendTable, "year", []series{{"apps_granted", "予以公开"}}, false, true))
	if !strings.Contains(h, `"yAxis":[{"type":"category","inverse":true`) || !strings.Contains(h, `"xAxis":[{"type":"value"`) {
		t.Errorf("horizontal bar chart should put categories on the y axis:\n%s", h)
	}
}

// TestMissingYearsAreGaps checks that a year without a row is a gap on the
// axis (not left out, which would join 2020 to 2022) in every chart over
// years, and that a year the query has but whose figure is NULL is a gap too.
func TestMissingYearsAreGaps(t *testing.T) {
	tb := &warehouse.Table{
		Columns: []string{"year", "n"},
		Rows:    [][]any{{int32(2019), nil}, {int32(2020), int64(4)}, {int32(2022), int64(6)}},
	}
	const axis, data = `"data":["2019","2020","2021","2022"]`, `[{"value":"-","symbolSize":8},{"value":4,"symbolSize":8},{"value":"-","symbolSize":8},{"value":6,"symbolSize":8}]`
	line := optionJSON(t, lineChart(tb, "year", []series{{"n", "数"}}))
	if !strings.Contains(line, axis) || !strings.Contains(line, data) || strings.Contains(line, "connectNulls\":true") {
		t.Errorf("line chart over years with a gap:\n%s", line)
	}
	bar := optionJSON(t, barChart(tb, "year", []series{{"n", "数"}}, false, false))
	if !strings.Contains(bar, axis) || !strings.Contains(bar, `[{"value":"-"},{"value":4},{"value":"-"},{"value":6}]`) {
		t.Errorf("bar chart over years with a gap:\n%s", bar)
	}
	grouped := optionJSON(t, groupedLineChart(&warehouse.Table{
		Columns: []string{"year", "agency", "n"},
		Rows:    [][]any{{int32(2020), "甲局", int64(1)}, {int32(2022), "甲局", int64(3)}},
	}, "year", "agency", "n"))
	if !strings.Contains(grouped, `"data":["2020","2021","2022"]`) || !strings.Contains(grouped, `{"value":"-","symbolSize":8}`) {
		t.Errorf("grouped line chart with a missing year:\n%s", grouped)
	}
	// Categories that are not years are left as they are.
	if got := fillYears(tb, "agency"); got != tb {
		t.Error("fillYears changed a table whose x is not the year")
	}
}

func TestComboAndPieCharts(t *testing.T) {
	got := optionJSON(t, comboChart(trendTable, "year", []series{{"apps_granted", "予以公开"}}, []series{{"rate", "比率"}}))
	if !strings.Contains(got, `"yAxisIndex":1`) || !strings.Contains(got, `{"value":50,`) {
		t.Errorf("rates go on the second axis in percent:\n%s", got)
	}
	pie := optionJSON(t, pieChart(&warehouse.Table{
		Columns: []string{"label", "n"},
		Rows:    [][]any{{"甲", int64(3)}, {"乙", int64(0)}, {"丙", nil}, {"丁", 2.5}},
	}, "label", "n"))
	if !strings.Contains(pie, `"data":[{"name":"甲","value":3},{"name":"丁","value":2.5}]`) {
		t.Errorf("pie should keep only positive slices:\n%s", pie)
	}
}

func TestGroupedLineChart(t *testing.T) {
	tb := &warehouse.Table{
		Columns: []string{"year", "agency", "n"},
		Rows:    [][]any{{int32(2021), "甲局", int64(1)}, {int32(2020), "甲局", int64(2)}, {int32(2021), "乙局", int64(5)}},
	}
	got := optionJSON(t, groupedLineChart(tb, "year", "agency", "n"))
	for _, want := range []string{`"data":["2020","2021"]`, `"name":"甲局"`, `"name":"乙局"`, `{"value":2,"symbolSize":8},{"value":1,"symbolSize":8}`} {
		if !strings.Contains(got, want) {
			t.Errorf("grouped line chart lacks %s:\n%s", want, got)
		}
	}
}

func TestChartLinksAndDownloads(t *testing.T) {
	links := linksBy(trendTable, "year", agencyLink(trendTable))
	if links["2020"] != "/agencies/7" || links["2021"] != "/agencies/8" {
		t.Errorf("links = %v", links)
	}
	c := newChart("chart-x", "标题", "overview_trend", filter{YearFrom: 2020, YearTo: 2021, Province: "贵州省"}, trendTable, nil)
	u, err := url.Parse(c.Download("csv"))
	if err != nil || u.Path != "/api/queries/overview_trend" || u.Query().Get("format") != "csv" ||
		u.Query().Get("province") != "贵州省" || u.Query().Get("year_from") != "2020" {
		t.Errorf("download URL %q should carry the page's filter", c.Download("csv"))
	}
	if len(c.Table.Rows) != 2 || c.Table.Columns[0] != "年度" || c.Table.Rows[1][2] != "12" {
		t.Errorf("data table = %+v", c.Table)
	}
}

func TestParseFilter(t *testing.T) {
	tests := []struct {
		query string
		want  filter
		err   string
	}{
		{"", filter{}, ""},
		{"year=2021", filter{YearFrom: 2021, YearTo: 2021}, ""},
		{"year=2019-2022&province=贵州省&level=县级部门&agency=+公安+", filter{YearFrom: 2019, YearTo: 2022, Province: "贵州省", Level: "县级部门", Agency: "公安"}, ""},
		{"year_from=2020", filter{YearFrom: 2020}, ""},
		{"year=abc", filter{}, "年份格式不正确：“abc”"},
		{"year=21", filter{}, "年份格式不正确：“21”"},
		{"year=2022-2019", filter{}, "起始年份 2022 晚于结束年份 2019"},
		{"year_from=2023&year_to=2020", filter{}, "起始年份 2023 晚于结束年份 2020"},
		{"year_to=3000", filter{}, "年份超出范围：3000"},
		{"city=%01", filter{}, "地市包含控制字符"},
		{"agency=" + strings.Repeat("一", 101), filter{}, "机构名称过长"},
	}
	for _, tt := range tests {
		q, _ := url.ParseQuery(tt.query)
		got, err := parseFilter(q)
		switch {
		case tt.err != "":
			if err == nil || gongkai.ErrorCode(err) != gongkai.CodeInvalid || !strings.Contains(gongkai.ErrorMessage(err), tt.err) {
				t.Errorf("parseFilter(%q) error = %v, want %q", tt.query, err, tt.err)
			}
		case err != nil || got != tt.want:
			t.Errorf("parseFilter(%q) = %+v, %v; want %+v", tt.query, got, err, tt.want)
		}
	}
	// Pages exchange a reversed range and say so instead of failing.
	q, _ := url.ParseQuery("year_from=2023&year_to=2020&province=贵州省")
	if got, err := parsePageFilter(q); err != nil || got != (filter{YearFrom: 2020, YearTo: 2023, Province: "贵州省", Swapped: true}) {
		t.Errorf("parsePageFilter(reversed) = %+v, %v", got, err)
	}
	f := filter{YearFrom: 2021, YearTo: 2021, City: "安顺市"}
	if q := f.Query(); q != "city=%E5%AE%89%E9%A1%BA%E5%B8%82&year=2021" {
		t.Errorf("Query() = %q", q)
	}
	if q := f.With("year", "2020"); q != "city=%E5%AE%89%E9%A1%BA%E5%B8%82&year=2020" {
		t.Errorf("With(year) = %q", q)
	}
}

func TestGroupDigits(t *testing.T) {
	for f, want := range map[float64]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -1200.5: "-1,200.5", 0.125: "0.12"} {
		if got := groupDigits(f); got != want {
			t.Errorf("groupDigits(%v) = %q, want %q", f, got, want)
		}
	}
	if got := percent(0.4567); got != "45.7%" {
		t.Errorf("percent = %q", got)
	}
}

// TestOfficialLayout checks the report rendering against the format
// definition: the applicant header merges 法人或其他组织 over five columns, and a
// finding marks exactly its cell.
func TestOfficialLayout(t *testing.T) {
	r := &gongkai.Report{Format: gongkai.Format2021,
		Values: []gongkai.Value{
			{Measure: "apps.total", Applicant: "natural", Number: gongkai.Float(5), Raw: "5", At: "表三!D28"},
			{Measure: "apps.new", Applicant: "natural", Number: gongkai.Float(1234), At: "表三!D5"},
		},
		Findings: []gongkai.Finding{{Rule: "R1", Severity: "error", Measure: "apps.total", Applicant: "natural", Message: "应为 6，实为 5"}},
	}
	tables := officialLayout(r)
	if len(tables) != 3 || tables[1].Numeral != "三" {
		t.Fatalf("tables = %d", len(tables))
	}
	apps := tables[1].Blocks[0]
	var merged bool
	for _, h := range apps.Headers[1] {
		if h.Text == "法人或其他组织" && h.Colspan == 5 {
			merged = true
		}
	}
	if !merged {
		t.Errorf("applicant header = %+v", apps.Headers)
	}
	marked := 0
	for _, row := range apps.Rows {
		for i, c := range row.Cells {
			if c.Severity != "" {
				marked++
				if row.Label != "（七）总计" || i != 0 || c.Text != "5" || !strings.Contains(c.Title(), "应为 6") {
					t.Errorf("marked cell %q col %d = %+v", row.Label, i, c)
				}
			}
			if row.Label == "一、本年新收政府信息公开申请数量" && i == 0 && c.Text != "1,234" {
				t.Errorf("a figure without raw text shows %q", c.Text)
			}
		}
	}
	if marked != 1 {
		t.Errorf("%d cells marked, want 1", marked)
	}
}

// TestOfficialLayoutGroupFinding checks that a finding naming a row group
// of table 三 with no total row ("apps.not_processed", a count of 不予处理
// the narrative gives) marks each row of the group in its column, and no
// other cell.
func TestOfficialLayoutGroupFinding(t *testing.T) {
	r := &gongkai.Report{Format: gongkai.Format2021,
		Findings: []gongkai.Finding{{Rule: "narrative", Severity: "warning", Measure: "apps.not_processed", Applicant: "total",
			RowLabel: "（五）不予处理", Message: "正文所述不予处理2件：未填入"}},
	}
	marked := 0
	for _, row := range officialLayout(r)[1].Blocks[0].Rows {
		for i, c := range row.Cells {
			if c.Severity == "" {
				continue
			}
			marked++
			if !strings.HasPrefix(c.Measure, "apps.not_processed.") || c.Applicant != "total" || i != len(row.Cells)-1 {
				t.Errorf("marked cell %q col %d = %+v", row.Label, i, c)
			}
		}
	}
	if marked != 5 {
		t.Errorf("%d cells marked, want the 5 rows of 不予处理", marked)
	}
}

// TestChartReadability checks the chart rules of issue 12: a series an order
// of magnitude smaller gets an axis of its own, legends are in rank order,
// a chart describes itself in words, and an empty chart draws no axes.
func TestChartReadability(t *testing.T) {
	tb := &warehouse.Table{
		Columns: []string{"year", "small", "big", "mid"},
		Rows:    [][]any{{int32(2020), int64(5), int64(4000), int64(900)}, {int32(2021), nil, int64(5000), int64(1200)}},
	}
	got := optionJSON(t, lineChart(tb, "year", []series{{"small", "小"}, {"big", "大"}, {"mid", "中"}}))
	iBig, iMid, iSmall := strings.Index(got, `"name":"大"`), strings.Index(got, `"name":"中"`), strings.Index(got, `"name":"小（右轴）"`)
	if iBig < 0 || iMid < iBig || iSmall < iMid {
		t.Errorf("series should be in rank order with the small one on the right axis:\n%s", got)
	}
	if !strings.Contains(got, `"name":"右轴"`) || !strings.Contains(got, `"yAxisIndex":1`) {
		t.Errorf("no second axis for a series 800 times smaller:\n%s", got)
	}
	same := optionJSON(t, lineChart(tb, "year", []series{{"big", "大"}, {"mid", "中"}}))
	if strings.Contains(same, "右轴") {
		t.Errorf("series within one order of magnitude share the axis:\n%s", same)
	}

	c := newChart("chart-x", "标题", "overview_trend", filter{}, tb, lineChart(tb, "year", []series{{"big", "大"}, {"small", "小"}}))
	if s := c.Summary(); !strings.Contains(s, "标题。大：2020 4,000，2021 5,000。") || !strings.Contains(s, "2021 未填报") {
		t.Errorf("Summary() = %q", s)
	}
	empty := newChart("chart-y", "空", "overview_trend", filter{}, &warehouse.Table{Columns: tb.Columns}, nil)
	if s := empty.Summary(); s != "空：所选范围内暂无数据。" {
		t.Errorf("empty Summary() = %q", s)
	}
}
