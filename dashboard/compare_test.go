package dashboard

import (
	"context"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"gongkai"
)

// TestCompare checks 地区比较 against sums over report_summary: the rows are
// the regions one level down, their rates are made of the summed counts,
// 同比 compares the last year with the one before, and a province's row
// leads to its cities.
func TestCompare(t *testing.T) {
	db, _ := fixtureDB(t)
	h := New(db, testLogger(t), Options{Public: true})
	ctx := context.Background()
	sums, err := db.SQL(ctx, `SELECT count(*), sum(apps_total), (sum(apps_granted) + sum(apps_partial)) / sum(apps_total),
  sum(apps_withheld) / sum(apps_total),
  (sum(apps_new) FILTER (WHERE year = 2024) - sum(apps_new) FILTER (WHERE year = 2023)) / sum(apps_new) FILTER (WHERE year = 2023)
FROM report_summary WHERE province = '贵州省'`)
	if err != nil {
		t.Fatal(err)
	}
	w := sums.Rows[0]
	status, body := fetch(t, h, "/compare")
	if status != 200 {
		t.Fatalf("GET /compare: %d %s", status, snippet(body))
	}
	row := "<td>" + `<a href="/compare?province=` + url.QueryEscape("贵州省") + `">贵州省</a></td><td class="num">19</td><td class="num">` + text(w[0]) + "</td>"
	if !strings.Contains(body, row) {
		t.Errorf("comparison table lacks the row %s", row)
	}
	for _, want := range []string{"2019—2024年各省份比较表", text(w[1]), percent(w[2]), percent(w[3]), percent(w[4]),
		"同比：2024 年与上一年相比", "统计口径", `id="chart-compare-volume"`, `id="chart-compare-rate"`,
		`id="chart-compare-agencies-volume"`, `id="chart-compare-agencies-rate"`} {
		if !strings.Contains(body, want) {
			t.Errorf("GET /compare lacks %q", want)
		}
	}
	_, body = fetch(t, h, "/compare?province="+url.QueryEscape("贵州省"))
	if !strings.Contains(body, "各地市比较表") || !strings.Contains(body, `href="/compare?city=`+url.QueryEscape("贵阳市")) ||
		!strings.Contains(body, "省本级及未注明地市") {
		t.Error("a province's comparison should list its cities, each leading to its counties")
	}
	if status, _ := fetch(t, h, "/compare?year=x"); status != 400 {
		t.Errorf("bad year: %d, want 400", status)
	}
}

// TestCompareZeroReports adds a report whose figures are all 0: its region
// counts it, and the other regions do not.
func TestCompareZeroReports(t *testing.T) {
	_, reports := fixtureDB(t)
	zero := &gongkai.Report{Agency: "浙江省某厅", Year: 2024, Format: gongkai.Format2021, Province: "浙江省",
		Source: gongkai.Source{Kind: "demo", Name: "zero.xlsx"}}
	for _, m := range []string{"apps.new", "apps.total", "licensing.decisions", "review.total"} {
		zero.Values = append(zero.Values, gongkai.Value{Measure: m, Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(0), Raw: "0"})
	}
	db, err := loadWarehouse(filepath.Join(t.TempDir(), "zero.duckdb"), append(append([]*gongkai.Report{}, reports...), zero))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, body := fetch(t, New(db, testLogger(t), Options{Public: true}), "/compare?year=2024")
	if !strings.Contains(body, `>浙江省</a></td><td class="num">2</td><td class="num">2</td><td class="num">1</td>`) {
		t.Errorf("浙江省 2024 should have 2 agencies, 2 reports, 1 of them all zeros:\n%s", snippet(body[strings.Index(body, `id="compare-table"`):]))
	}
	zeros := body[strings.Index(body, `id="zero-reports"`):]
	if !strings.Contains(zeros[:strings.Index(zeros, "</section>")], ">浙江省某厅</a>") {
		t.Error("the all-zero agency should be listed by name")
	}
}
