package dashboard

import (
	"context"
	"encoding/json"
	"fmt"
	htmltemplate "html/template"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"gongkai"
	"gongkai/ingest"
)

// TestRegionsPage checks the roll-up page: the official tables summed, the
// agencies counted and missing, the figure breakdown, and the bad inputs.
func TestRegionsPage(t *testing.T) {
	db, _ := fixtureDB(t)
	h := New(db, testLogger(t), Options{Public: true})
	prov := url.QueryEscape("贵州省")
	tests := []struct {
		path   string
		status int
		want   []string
	}{
		{"/regions?year=2022&province=" + prov, 200, []string{"<h1>地区汇总</h1>", "2022年 贵州省：汇总 19 个机构的报告",
			"二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
			`href="/regions?applicant=total&amp;measure=licensing.decisions&amp;province=` + prov + `&amp;year=2022#figure"`,
			"format=xlsx", "汇总口径", `<select name="year">`}},
		// No year: the latest year with reports.
		{"/regions", 200, []string{"2024年 全部地区：汇总"}},
		// A range is cut to its last year, and the page says so.
		{"/regions?year=2020-2021", 200, []string{"显示所选范围的最后一年 2021 年", "2021年 全部地区"}},
		// 2019 and 2020 are summed in the 2019 format.
		{"/regions?year=2020", 200, []string{"按2019年版格式"}},
		// The fixture's 采购总金额 of 2020 are in 元, 万元 and no unit:
		// the cell is blank and says why.
		{"/regions?year=2020", 200, []string{"份报告填报，但各报告的金额单位不一（元、万元或未注明），不能相加，合计留空"}},
		{"/regions?year=2022&measure=apps.new&applicant=natural", 200, []string{`id="figure"`, "构成：一、本年新收政府信息公开申请数量 × 自然人", "表三!D5"}},
		// Its breakdown lists the numbers as stated, in 元, 万元 or no
		// unit: the order is not the amounts', and the page says so.
		{"/regions?year=2020&measure=procurement.amount", 200, []string{`id="figure"`, "各报告的金额单位不一（元、万元或未注明）：按所填数字由大到小排列，不代表金额大小"}},
		{"/regions?year=abc", 400, []string{"年份格式不正确"}},
		{"/regions?year=2017", 400, []string{"没有全国统一的统计表格"}},
		{"/regions?year=2022&province=" + url.QueryEscape("火星省"), 404, []string{"没有省份为“火星省”的机构"}},
		{"/regions?year=2022&city=" + url.QueryEscape("无此市"), 404, []string{"没有地市为“无此市”的机构"}},
		{"/regions?year=2022&measure=no.such", 400, []string{"没有代码为“no.such”的指标"}},
		{"/regions?year=2022&measure=apps.new&applicant=alien", 400, []string{"申请人类型不正确"}},
		{"/api/regions?year=2022&format=pdf", 400, []string{"导出格式不正确"}},
		{"/api/regions?year=2022&province=" + url.QueryEscape("火星省"), 404, []string{`"error"`}},
	}
	for _, tt := range tests {
		status, body := fetch(t, h, tt.path)
		if status != tt.status {
			t.Errorf("GET %s: %d, want %d\n%s", tt.path, status, tt.status, snippet(body))
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(body, w) {
				t.Errorf("GET %s: body lacks %q", tt.path, w)
			}
		}
	}

	// A figure of one unit is ordered by its amounts: no such note.
	if _, body := fetch(t, h, "/regions?year=2022&measure=apps.new&applicant=natural"); strings.Contains(body, "不代表金额大小") {
		t.Errorf("a count's breakdown says its order is not the amounts'")
	}

	// An empty warehouse: the page says there is nothing to sum.
	status, body := fetch(t, New(emptyDB(t), testLogger(t), Options{Public: true}), "/regions")
	if status != 200 || !strings.Contains(body, "仓库中还没有报告") {
		t.Errorf("empty warehouse: %d %s", status, snippet(body))
	}
}

// TestBreakdownBodyAsTheTemplate checks that the breakdown's rows built in
// Go (breakdownBody) are what html/template wrote from the template they
// replace, hostile text escaped the same, but for '+', which html/template
// writes as &#43; and HTMLEscapeString leaves (both read as '+').
func TestBreakdownBodyAsTheTemplate(t *testing.T) {
	rows := []breakdownRow{
		{Agency: `<script>alert("x")</script>局`, City: "贵阳市 & 'x'", Level: "县级部门", Value: "1,234",
			Raw: "1+2 <b>", At: "表三!D5", AgencyURL: agencyURL(int64(7)), ReportURL: reportURL(int64(42))},
		{Agency: "无报告局", City: "", Level: "", Value: "留空", Raw: "\x00", At: `"q"`, AgencyURL: agencyURL(int64(8))},
	}
	before := htmltemplate.Must(htmltemplate.New("rows").Parse(`{{range .}}<tr><td><a href="{{.AgencyURL}}">{{.Agency}}</a></td><td>{{.City}}</td><td>{{.Level}}</td>
      <td class="num">{{if .ReportURL}}<a href="{{.ReportURL}}">{{.Value}}</a>{{else}}{{.Value}}{{end}}</td><td>{{.Raw}}</td><td>{{.At}}</td></tr>
    {{end}}`))
	var want strings.Builder
	if err := before.Execute(&want, rows); err != nil {
		t.Fatal(err)
	}
	got := string(breakdownBody(rows))
	if w := strings.ReplaceAll(want.String(), "&#43;", "+"); got != w {
		t.Errorf("breakdownBody:\n%s\nthe template wrote:\n%s", got, w)
	}
	if strings.Contains(got, "<script>") || !strings.Contains(got, "&lt;script&gt;") {
		t.Errorf("breakdownBody left markup unescaped: %s", got)
	}
	if breakdownBody(nil) != "" {
		t.Error("no rows should write nothing (the template then says 没有报告)")
	}
}

// TestRegionsMissingAgency loads the fixture without one agency's 2022
// report: the roll-up counts it as missing, names it, and leaves it out.
func TestRegionsMissingAgency(t *testing.T) {
	db, _ := fixtureDB(t)
	h := New(db, testLogger(t), Options{Public: true})
	var res struct {
		Reported, Missing int64
		MissingAgencies   []struct {
			ID   int64  `json:"agency_id"`
			Name string `json:"agency"`
		} `json:"missing_agencies"`
	}
	// The fixture's 2023 has 18 reports of 20 agencies (see the goldens).
	status, body := fetch(t, h, "/api/regions?year=2023")
	if err := json.Unmarshal([]byte(body), &res); status != 200 || err != nil {
		t.Fatalf("GET /api/regions: %d %v %s", status, err, snippet(body))
	}
	if res.Reported+res.Missing != 20 || res.Missing == 0 || len(res.MissingAgencies) != int(res.Missing) {
		t.Fatalf("2023: reported %d, missing %d (%v); want 20 agencies with some missing", res.Reported, res.Missing, res.MissingAgencies)
	}
	_, page := fetch(t, h, "/regions?year=2023")
	if !strings.Contains(page, "缺报的机构") || !strings.Contains(page, htmlText(res.MissingAgencies[0].Name)) {
		t.Errorf("the page should list the missing agency %s", res.MissingAgencies[0].Name)
	}
}

// TestRegionsWorkbookEqualsSums downloads the roll-up as the official
// workbook, reads it back as `gongkai check` does (ingest.Parse), and
// compares its figures with sums over report_summary and report_values.
func TestRegionsWorkbookEqualsSums(t *testing.T) {
	db, _ := fixtureDB(t)
	h := New(db, testLogger(t), Options{Public: true})
	ctx := context.Background()
	for _, tc := range []struct{ query, where string }{
		{"year=2022&province=" + url.QueryEscape("贵州省"), "year = 2022 AND province = '贵州省'"},
		{"year=2021&level=" + url.QueryEscape("县级部门"), "year = 2021 AND level = '县级部门'"},
		{"year=2020", "year = 2020"},
	} {
		t.Run(tc.where, func(t *testing.T) {
			rec := recorder(t, h, "/api/regions?"+tc.query+"&format=xlsx")
			if rec.Code != http.StatusOK || !strings.Contains(rec.Header().Get("Content-Disposition"), "attachment") {
				t.Fatalf("xlsx: %d %s", rec.Code, snippet(rec.Body.String()))
			}
			r, err := ingest.Parse("rollup.xlsx", rec.Body.Bytes(), ingest.Options{})
			if err != nil {
				t.Fatalf("reading the roll-up workbook back: %v", err)
			}
			if !strings.Contains(r.Agency, "汇总") || r.Year == 0 {
				t.Errorf("cover: agency %q year %d", r.Agency, r.Year)
			}
			sums, err := db.SQL(ctx, `SELECT sum(apps_new), sum(apps_total), sum(apps_withheld), sum(licensing_decisions),
  sum(penalty_decisions), sum(review_total), sum(litigation_total), sum(normative_docs_in_force), count(*)
FROM report_summary WHERE `+tc.where)
			if err != nil {
				t.Fatal(err)
			}
			row := sums.Rows[0]
			checks := []struct {
				name     string
				measures []string
				want     any
			}{
				{"apps_new", []string{"apps.new"}, row[0]},
				{"apps_total", []string{"apps.total"}, row[1]},
				{"apps_withheld", withheldMeasures(r.Format), row[2]},
				{"licensing_decisions", []string{"licensing.decisions"}, row[3]},
				{"penalty_decisions", []string{"penalty.decisions"}, row[4]},
				{"review_total", []string{"review.total"}, row[5]},
				{"litigation_total", []string{"litigation_direct.total", "litigation_after_review.total"}, row[6]},
				{"normative_docs_in_force", []string{"normative_docs.in_force"}, row[7]},
			}
			for _, c := range checks {
				got, any := workbookSum(r, c.measures)
				want, ok := number(c.want)
				if ok != any || math.Abs(got-want) > 1e-6 {
					t.Errorf("%s: workbook %v (stated %v), report_summary %v", c.name, got, any, c.want)
				}
			}

			// Every figure of the JSON equals the sum over report_values.
			var res struct {
				Values []rollupFigure `json:"values"`
			}
			_, body := fetch(t, h, "/api/regions?"+tc.query)
			if err := json.Unmarshal([]byte(body), &res); err != nil {
				t.Fatal(err)
			}
			// Money whose unit each report chooses (no unit in the
			// format) is not added up, unless every figure is 0.
			rv, err := db.SQL(ctx, `SELECT measure, applicant,
  CASE WHEN sum(value) = 0 OR measure NOT IN (SELECT code FROM measures WHERE kind = 'money' AND coalesce(unit, '') = '') THEN sum(value) END,
  count(value) FROM report_values
WHERE `+tc.where+` AND measure IN (SELECT code FROM measures) GROUP BY measure, applicant`)
			if err != nil {
				t.Fatal(err)
			}
			type sum struct {
				v      *float64
				stated int64
			}
			want := map[string]sum{}
			for _, row := range rv.Rows {
				s := sum{stated: integer(row[3])}
				if f, ok := number(row[2]); ok {
					s.v = &f
				}
				want[fmt.Sprint(row[0], "|", row[1])] = s
			}
			if len(res.Values) != len(want) {
				t.Errorf("JSON has %d figures, report_values %d", len(res.Values), len(want))
			}
			for _, f := range res.Values {
				w := want[f.Measure+"|"+f.Applicant]
				if f.Stated != w.stated || (f.Value == nil) != (w.v == nil) || f.Value != nil && math.Abs(*f.Value-*w.v) > 1e-6 {
					t.Errorf("%s|%s: JSON %v/%d, report_values %v/%d", f.Measure, f.Applicant, text(f.Value), f.Stated, text(w.v), w.stated)
				}
			}
		})
	}
}

// withheldMeasures lists the grounds of 不予公开 in a format.
func withheldMeasures(format string) []string {
	var out []string
	for _, m := range gongkai.Catalogue() {
		if strings.HasPrefix(m.Code, "apps.withheld.") && slices.Contains(m.Formats, format) {
			out = append(out, m.Code)
		}
	}
	return out
}

// workbookSum adds the 总计 figures of measures as read from the workbook;
// any reports whether one of them was stated.
func workbookSum(r *gongkai.Report, measures []string) (sum float64, any bool) {
	for _, m := range measures {
		if v, ok := r.Lookup(m, gongkai.ApplicantTotal); ok && v.Number != nil {
			sum += *v.Number
			any = true
		}
	}
	return sum, any
}
