package dashboard

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"gongkai/warehouse"
)

// firstRow runs a named query on the fixture and returns its first row as
// column → value, failing the test when there is none.
func firstRow(t testing.TB, db *warehouse.DB, name string, f warehouse.Filter) map[string]any {
	t.Helper()
	tb, err := db.Query(context.Background(), name, f)
	if err != nil {
		t.Fatalf("query %s: %v", name, err)
	}
	if len(tb.Rows) == 0 {
		t.Fatalf("query %s: no rows", name)
	}
	out := map[string]any{}
	for i, c := range tb.Columns {
		out[c] = tb.Rows[0][i]
	}
	return out
}

func TestPages(t *testing.T) {
	db, reports := fixtureDB(t)
	h := asAdmin(t, db, New(db, testLogger(t), Options{}))

	agencies := map[string]bool{}
	for _, r := range reports {
		agencies[r.Agency] = true
	}
	// A report with an error finding, an agency and its name, from the warehouse itself.
	bad := firstRow(t, db, "quality_findings", warehouse.Filter{Limit: 1})
	badReport := integer(bad["report_id"])
	badAgency := integer(bad["agency_id"])
	rank := firstRow(t, db, "licensing_ranking", warehouse.Filter{YearFrom: 2022, YearTo: 2022, Limit: 1})

	tests := []struct {
		path string
		want []string
	}{
		{"/", []string{"<h1>总览</h1>", "已载入报告", groupDigits(float64(len(reports))), strconv.Itoa(len(agencies)),
			"2019—2024", "当前显示的是演示数据", `id="chart-overview-applications"`, `id="chart-overview-licensing"`, `id="chart-overview-proactive"`}},
		{"/?year=2021&level=" + url.QueryEscape("市级部门"), []string{"范围：2021年 · 市级部门"}},
		{"/licensing?year=2022", []string{"<h1>行政许可</h1>", "2022年行政许可决定数量排名", `id="chart-licensing-ranking"`,
			`id="chart-licensing-trend"`, `id="chart-licensing-levels"`, htmlText(plain(rank["agency"]))}},
		{"/proactive", []string{"<h1>主动公开</h1>", `id="chart-proactive-items"`, `id="chart-proactive-normative"`, `id="chart-proactive-decisions"`}},
		{"/applications", []string{"<h1>依申请公开</h1>", "2024年公开率", `id="chart-applications-outcomes"`, `id="chart-applications-agencies"`,
			`id="chart-applications-applicants"`, `id="chart-applications-withheld"`, `id="chart-applications-carryover"`, "属于国家秘密"}},
		{"/reviews", []string{"<h1>复议诉讼</h1>", "复议纠错率", `id="chart-reviews-years"`, `id="chart-reviews-outcomes"`}},
		{"/quality", []string{"<h1>报送与质量</h1>", "报送情况：机构 × 年度", "问题清单", `id="chart-quality-years"`, "缺报",
			fmt.Sprintf(`href="/reports/%d"`, badReport)}},
		{"/agencies", []string{"<h1>机构</h1>", fmt.Sprintf(`href="/agencies/%d"`, badAgency)}},
		{fmt.Sprintf("/agencies/%d", badAgency), []string{"历年报告", "各项指标（历年，总计）", `id="chart-agency-trend"`,
			"行政许可", "一、本年新收政府信息公开申请数量", "查看报告", htmlText(plain(bad["agency"]))}},
		{fmt.Sprintf("/reports/%d", badReport), []string{"政府信息公开工作年度报告", "发现的问题", "收到和处理政府信息公开申请情况",
			"（七）总计", "法人或其他组织", "cell-error", htmlText(plain(bad["message"])), "第 1 版（现行）"}},
		{"/upload", []string{"<h1>上传报告</h1>", `enctype="multipart/form-data"`}},
		{"/sql", []string{"<h1>SQL 查询</h1>", "report_summary"}},
	}
	for _, tt := range tests {
		status, body := fetch(t, h, tt.path)
		if status != http.StatusOK {
			t.Errorf("GET %s: status %d, want 200\n%s", tt.path, status, snippet(body))
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(body, w) {
				t.Errorf("GET %s: body lacks %q", tt.path, w)
			}
		}
	}
}

func TestBadRequests(t *testing.T) {
	db, _ := fixtureDB(t)
	h := New(db, testLogger(t), Options{Public: true})
	tests := []struct {
		path   string
		status int
		want   string
	}{
		{"/?year=abc", 400, "年份格式不正确：“abc”"},
		{"/licensing?year=20211", 400, "年份格式不正确"},
		{"/applications?year=1850", 400, "年份超出范围：1850"},
		{"/api/queries/reviews_by_year?year_from=2023&year_to=2020", 400, "起始年份 2023 晚于结束年份 2020"},
		{"/proactive?year=2019-20x2", 400, "年份格式不正确：“20x2”"},
		{"/quality?page=0", 400, "页码不正确"},
		{"/quality?fpage=abc", 400, "页码不正确"},
		{"/agencies?agency=" + strings.Repeat("局", 101), 400, "机构名称过长"},
		{"/agencies/999999", 404, "没有编号为 999999 的机构"},
		{"/agencies/abc", 404, "没有编号为“abc”的机构"},
		{"/reports/999999", 404, "没有编号为 999999 的报告"},
		{"/reports/0", 404, "没有编号为“0”的报告"},
		{"/no/such/page", 404, "页面不存在"},
		{"/api/queries/no_such_query", 404, `{"error":"没有名为“no_such_query”的查询。"}`},
		{"/api/queries/overview_trend?year=x", 400, `"error":"年份格式不正确`},
		{"/api/queries/overview_trend?format=pdf", 400, "导出格式不正确"},
		{"/api/queries/quality_matrix?limit=-1", 400, "参数 limit"},
	}
	for _, tt := range tests {
		status, body := fetch(t, h, tt.path)
		if status != tt.status || !strings.Contains(body, tt.want) {
			t.Errorf("GET %s: %d %s\nwant %d with %q", tt.path, status, snippet(body), tt.status, tt.want)
		}
		if strings.HasPrefix(tt.path, "/api/") != strings.HasPrefix(body, "{") {
			t.Errorf("GET %s: API errors are JSON, page errors HTML; got %s", tt.path, snippet(body))
		}
	}
}

func TestHealthzAndStatic(t *testing.T) {
	db, _ := fixtureDB(t)
	h := New(db, testLogger(t), Options{Public: true})
	for _, tt := range []struct{ path, want string }{
		{"/healthz", "ok"},
		{"/static/app.css", "--brand"},
		{"/static/app.js", "getInstanceByDom"},
	} {
		status, body := fetch(t, h, tt.path)
		if status != 200 || (tt.path != "/static/app.js" && !strings.Contains(body, tt.want)) {
			t.Errorf("GET %s: %d %s", tt.path, status, snippet(body))
		}
	}
	rec := recorder(t, h, "/")
	if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("pages must forbid other origins; CSP = %q", csp)
	}
}

// TestNoDemoBannerOnRealData checks the banner follows the data: a warehouse
// without demo reports shows none.
func TestNoDemoBannerOnRealData(t *testing.T) {
	h := New(emptyDB(t), testLogger(t), Options{Public: true})
	status, body := fetch(t, h, "/")
	if status != 200 || strings.Contains(body, "演示数据") {
		t.Errorf("empty warehouse: %d, banner shown: %v", status, strings.Contains(body, "演示数据"))
	}
	if !strings.Contains(body, "所选范围内暂无数据") {
		t.Errorf("empty warehouse: charts should say there is no data")
	}
}

// htmlText escapes s the way html/template writes text.
func htmlText(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;", "+", "&#43;")
	return r.Replace(s)
}

func snippet(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

func recorder(t *testing.T, h http.Handler, path string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec
}

// TestStaticGzip checks that the embedded scripts and styles go out
// gzip-compressed to a browser that accepts it, decompress to the file
// itself, and go out as they are to a client that does not.
func TestStaticGzip(t *testing.T) {
	db, _ := fixtureDB(t)
	h := New(db, testLogger(t), Options{})
	for _, path := range []string{"/static/vendor/echarts.min.js", "/static/app.css", "/static/app.js"} {
		plainRec := recorder(t, h, path)
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Header.Set("Accept-Encoding", "gzip, deflate, br")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 || rec.Header().Get("Content-Encoding") != "gzip" || !strings.Contains(rec.Header().Get("Vary"), "Accept-Encoding") {
			t.Fatalf("%s with gzip: %d %v", path, rec.Code, rec.Header())
		}
		zr, err := gzip.NewReader(rec.Body)
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(zr)
		if err != nil || !bytes.Equal(got, plainRec.Body.Bytes()) || plainRec.Header().Get("Content-Encoding") != "" {
			t.Errorf("%s: the gzip body does not decompress to the file (%v)", path, err)
		}
		if ct := rec.Header().Get("Content-Type"); !strings.Contains(ct, "javascript") && !strings.Contains(ct, "css") {
			t.Errorf("%s: Content-Type %q", path, ct)
		}
	}
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, "/static/vendor/echarts.min.js", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	h.ServeHTTP(rec, req)
	if n, full := rec.Body.Len(), recorder(t, h, "/static/vendor/echarts.min.js").Body.Len(); n*2 > full {
		t.Errorf("ECharts compressed is %d of %d bytes", n, full)
	}
	for header, want := range map[string]bool{"gzip": true, "gzip;q=0": false, "identity": false, "*": true, "br, gzip;q=0.5": true, "": false} {
		if acceptsGzip(header) != want {
			t.Errorf("acceptsGzip(%q) = %v", header, !want)
		}
	}
	if rec := recorder(t, h, "/static/no-such.js"); rec.Code != 404 {
		t.Errorf("a missing asset: %d", rec.Code)
	}
}
