package dashboard

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gongkai"
	"gongkai/template"
	"gongkai/warehouse"
)

// goPointer is what fmt prints for a pointer: it must never reach a page.
var goPointer = regexp.MustCompile(`0x[0-9a-f]{6,}`)

// TestFindingFiguresArePrinted checks that the 应为/实为 of sum findings show
// as figures on the report page and on the upload result, not as the Go
// pointers the findings hold them in.
func TestFindingFiguresArePrinted(t *testing.T) {
	edb := emptyDB(t)
	h := asAdmin(t, edb, New(edb, testLogger(t), Options{}))
	status, body := do(t, h, multipartUpload(t, "/upload", "示例局2021.txt", syntheticReport("测试市示例局", 2021), nil))
	if status != http.StatusCreated {
		t.Fatalf("upload: %d %s", status, snippet(body))
	}
	_, page := fetch(t, h, "/reports/1")
	for name, b := range map[string]string{"upload result": body, "report page": page} {
		if p := goPointer.FindString(b); p != "" {
			t.Errorf("%s shows a pointer %s", name, p)
		}
		// Every figure of the synthetic report is 1, so a sum of six
		// applicants' 1s is expected where 1 is stated.
		if !strings.Contains(b, `<td class="num">6</td><td class="num">1</td>`) {
			t.Errorf("%s lacks the 应为 6 / 实为 1 of a sum finding", name)
		}
	}
}

// TestBlankTemplateUpload checks that the blank template uploaded as a
// report does not show as a report without problems.
func TestBlankTemplateUpload(t *testing.T) {
	edb := emptyDB(t)
	h := asAdmin(t, edb, New(edb, testLogger(t), Options{}))
	var blank bytes.Buffer
	if err := template.WriteTemplate(&blank, gongkai.Format2021); err != nil {
		t.Fatal(err)
	}
	status, body := do(t, h, multipartUpload(t, "/upload", "template.xlsx", blank.Bytes(),
		map[string]string{"agency": "某县空白局", "year": "2024"}))
	if status != http.StatusCreated || !strings.Contains(body, "没有填写任何数字") || strings.Contains(body, "发现 <strong>0</strong> 个错误") {
		t.Fatalf("blank upload: %d; want the R0 finding and an error count\n%s", status, snippet(body))
	}
	_, q := fetch(t, h, "/quality")
	if !strings.Contains(q, `st-errors`) {
		t.Errorf("报送与质量 should show the blank report as 有错误")
	}
}

// TestNewAgencyIsNotMissingBeforeItsFirstReport loads the fixture plus one
// 2024 report of a new agency: it must not count as 缺报 for 2019–2023.
func TestNewAgencyIsNotMissingBeforeItsFirstReport(t *testing.T) {
	_, reports := fixtureDB(t)
	extra := &gongkai.Report{Agency: "某市新设局", Year: 2024, Format: gongkai.Format2021, Province: "贵州省", City: "贵阳市",
		Values: []gongkai.Value{{Measure: "apps.new", Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(3), Raw: "3", At: "表三!J5"}},
		Source: gongkai.Source{Kind: "demo", Name: "new.xlsx"}}
	db, err := loadWarehouse(filepath.Join(t.TempDir(), "new.duckdb"), append(append([]*gongkai.Report{}, reports...), extra))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	base, _ := fixtureDB(t)
	want, err := base.Query(ctx, "quality_by_year", warehouse.Filter{YearTo: 2023})
	if err != nil {
		t.Fatal(err)
	}
	got, err := db.Query(ctx, "quality_by_year", warehouse.Filter{YearTo: 2023})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(goldenCSV(got), goldenCSV(want)) {
		t.Errorf("quality_by_year 2019–2023 changed with a new agency's 2024 report:\n%s\nwant\n%s", goldenCSV(got), goldenCSV(want))
	}
	m, err := db.Query(ctx, "quality_matrix", warehouse.Filter{Agency: "新设局"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range m.Rows {
		y, st := integer(get(m, i, "year")), plain(get(m, i, "status"))
		if (y < 2024 && st != "none") || (y == 2024 && st == "none") {
			t.Errorf("new agency in %d: status %s", y, st)
		}
	}
	if len(m.Rows) != 6 {
		t.Errorf("matrix rows for the new agency = %d, want 6 years", len(m.Rows))
	}
}

// TestFilterBar covers the filter bar's rough edges: the filter survives
// the navigation links and the 有错误的报告 card, a reversed year range is
// exchanged and said, 地市 follows 省份, and the choices are in division
// order.
func TestFilterBar(t *testing.T) {
	db, _ := fixtureDB(t)
	h := asAdmin(t, db, New(db, testLogger(t), Options{}))
	q := "province=" + url.QueryEscape("贵州省") + "&year=2021"
	_, body := fetch(t, h, "/?"+q)
	for _, want := range []string{
		`href="/licensing?` + htmlAttr(q) + `"`, `href="/quality?` + htmlAttr(q) + `"`, `href="/agencies?` + htmlAttr(q) + `"`,
		`href="/quality?province=` + url.QueryEscape("贵州省") + `&amp;status=errors&amp;year=2021#matrix"`, // the 有错误的报告 card
		`href="/upload"`, // pages without a filter bar get none
	} {
		if !strings.Contains(body, want) {
			t.Errorf("overview with a filter lacks %s", want)
		}
	}

	status, body := fetch(t, h, "/reviews?year_from=2023&year_to=2020")
	if status != 200 || !strings.Contains(body, "已交换为 2020—2023 年") || !strings.Contains(body, `<option value="2023" selected>`) {
		t.Errorf("reversed years: %d; want the page for 2020—2023 saying so", status)
	}

	_, body = fetch(t, h, "/?province="+url.QueryEscape("浙江省"))
	if strings.Contains(body, ">贵阳市</option>") {
		t.Error("with 浙江省 chosen, 地市 offers a city of 贵州省")
	}
	_, body = fetch(t, h, "/")
	for _, seq := range [][]string{
		{">浙江省</option>", ">贵州省</option>"},                                         // division codes 33 < 52
		{">贵阳市</option>", ">六盘水市</option>", ">遵义市</option>"},                       // 5201, 5202, 5203
		{">省级政府</option>", ">市级政府</option>", ">县级政府</option>", ">乡镇（街道）</option>"}, // top down
	} {
		last := -1
		for _, s := range seq {
			i := strings.Index(body, s)
			if i < 0 || i < last {
				t.Errorf("options out of order: %v", seq)
				break
			}
			last = i
		}
	}
	if !strings.Contains(body, `data-province="贵州省"`) {
		t.Error("city options lack their province")
	}
}

// TestPeriodAndShares checks one period rule on every page: rankings and
// cards over 全部年度 name the years they sum, the 层级 shares keep every
// level when one is chosen, and missing figures are gaps, not 0.
func TestPeriodAndShares(t *testing.T) {
	db, _ := fixtureDB(t)
	h := New(db, testLogger(t), Options{Public: true})
	_, body := fetch(t, h, "/licensing")
	if !strings.Contains(body, "2019—2024年行政许可决定数量排名（合计") || strings.Contains(body, "<h2>2024年行政许可") {
		t.Error("the ranking under 全部年度 must name 2019—2024 and say it sums them")
	}
	for _, path := range []string{"/", "/applications", "/reviews", "/licensing", "/proactive", "/quality"} {
		if _, b := fetch(t, h, path); !strings.Contains(b, "统计口径：卡片、排名和构成为所选年度的合计") {
			t.Errorf("%s does not state the period rule", path)
		}
	}
	_, body = fetch(t, h, "/applications?year=2020-2021")
	if !strings.Contains(body, "2020—2021年新收申请（合计）") {
		t.Error("依申请公开 cards should sum the selected years")
	}
	_, body = fetch(t, h, "/licensing?level="+url.QueryEscape("县级部门"))
	spec := chartSpec(t, body, "chart-licensing-levels")
	if strings.Count(spec, `"name":`) < 3 || !strings.Contains(spec, `"selected":true`) {
		t.Errorf("层级 shares with a level chosen should keep all levels and select one: %s", spec)
	}
	_, body = fetch(t, h, "/proactive")
	spec = chartSpec(t, body, "chart-proactive-normative")
	if !strings.Contains(spec, `"name":"现行有效","type":"bar","data":[{"value":"-"},{"value":"-"}`) {
		t.Errorf("现行有效 2019–2020 (not in the 2019 format) must be gaps: %s", spec)
	}
	// Every linked chart's data table links its rows, so that a keyboard reaches them.
	if !regexp.MustCompile(`id="chart-proactive-items-table"[\s\S]*?<td><a href="/proactive\?year=2019">2019</a></td>`).MatchString(body) {
		t.Error("主动公开's data table does not link the years")
	}
	if strings.Contains(body, `/quality?year=`) {
		t.Error("主动公开's bars still lead to /quality")
	}
}

// chartSpec returns the data-spec of chart id in a page, unescaped.
func chartSpec(t *testing.T, body, id string) string {
	t.Helper()
	m := regexp.MustCompile(`id="` + id + `" data-spec="([^"]*)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no chart %s", id)
	}
	r := strings.NewReplacer("&#34;", `"`, "&amp;", "&", "&lt;", "<", "&gt;", ">", "&#43;", "+", "&#39;", "'")
	return r.Replace(m[1])
}

// htmlAttr escapes a query string the way html/template writes it in href.
func htmlAttr(s string) string { return strings.ReplaceAll(s, "&", "&amp;") }
