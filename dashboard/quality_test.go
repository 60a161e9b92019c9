package dashboard

import (
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gongkai"
	"gongkai/warehouse"
)

// TestQualityActionFirst checks 报送与质量: what needs action comes first
// (the 缺报 and 有错误 cards, agencies with a missing year or errors at the
// top of the grid), the status filter, and the downloads of the grid and
// the findings.
func TestQualityActionFirst(t *testing.T) {
	db, _ := fixtureDB(t)
	h := New(db, testLogger(t), Options{Public: true})
	_, body := fetch(t, h, "/quality?year=2020-2023")
	for _, want := range []string{"2023年缺报的机构", "2023年有错误的报告", `aria-label="按状态筛选"`,
		`href="/api/queries/quality_matrix?limit=100000&amp;year_from=2020&amp;year_to=2023&amp;format=csv"`,
		`href="/api/queries/quality_findings?limit=100000&amp;year_from=2020&amp;year_to=2023&amp;format=xlsx"`} {
		if !strings.Contains(body, want) {
			t.Errorf("/quality lacks %q", want)
		}
	}
	if i, j := strings.Index(body, `id="matrix"`), strings.Index(body, `class="chart-grid"`); i < 0 || j < i {
		t.Error("the grid should come before the charts")
	}
	// The first row of the grid has a missing year.
	first := regexp.MustCompile(`(?s)<tbody>\s*<tr>(.*?)</tr>`).FindStringSubmatch(body[strings.Index(body, `id="matrix"`):])
	if first == nil || !strings.Contains(first[1], "st-missing") {
		t.Errorf("the first agency of the grid should have a missing year: %v", first)
	}

	_, body = fetch(t, h, "/quality?year=2020-2023&status=errors")
	grid := body[strings.Index(body, `id="matrix"`):strings.Index(body, `id="findings"`)]
	for _, row := range regexp.MustCompile(`(?s)<tr>\s*<td><a href="/agencies/.*?</tr>`).FindAllString(grid, -1) {
		if !strings.Contains(row, "st-errors") {
			t.Errorf("status=errors lists an agency without errors: %s", row)
		}
	}
	if strings.Contains(body[strings.Index(body, `id="findings"`):], "badge-warning") {
		t.Error("status=errors should list error findings only")
	}
	if !strings.Contains(body, `class="current" aria-current="true">有错误</a>`) {
		t.Error("the 有错误 tab should be current")
	}

	status, csv := fetch(t, h, "/api/queries/quality_matrix?status=missing&limit=100000&format=csv")
	if status != 200 || strings.Contains(csv, ",errors,") && !strings.Contains(csv, ",missing,") {
		t.Errorf("grid download with status=missing: %d %s", status, snippet(csv))
	}
	for _, path := range []string{"/quality?status=late", "/api/queries/quality_matrix?status=" + url.QueryEscape("缺报")} {
		if status, body := fetch(t, h, path); status != 400 || !strings.Contains(body, "状态筛选不正确") {
			t.Errorf("GET %s: %d, want 400 naming the choices", path, status)
		}
	}
}

// TestEveryTableDownloads follows every CSV link of the pages with tables:
// each answers with the scope line and Chinese headings.
func TestEveryTableDownloads(t *testing.T) {
	db, _ := fixtureDB(t)
	h := New(db, testLogger(t), Options{Public: true})
	bad := firstRow(t, db, "quality_findings", warehouse.Filter{Limit: 1})
	pages := map[string]int{ // page → CSV links it must have at least
		"/":           4,
		"/agencies":   1,
		"/agencies/3": 3,
		"/quality":    3,
		"/compare":    5,
		"/regions?year=2022&measure=apps.new&applicant=total": 1,
		"/reports/" + plain(bad["report_id"]):                 1,
	}
	link := regexp.MustCompile(`href="(/api/[^"]*format=csv[^"]*)"`)
	for path, min := range pages {
		_, body := fetch(t, h, path)
		links := link.FindAllStringSubmatch(body, -1)
		if len(links) < min {
			t.Errorf("%s has %d CSV downloads, want at least %d", path, len(links), min)
		}
		for _, l := range links {
			u := strings.ReplaceAll(l[1], "&amp;", "&")
			status, csv := fetch(t, h, u)
			first, _, _ := strings.Cut(strings.TrimPrefix(csv, "\ufeff"), "\n")
			if status != 200 || !strings.Contains(first, "导出时间") {
				t.Errorf("%s: download %s: %d %s", path, u, status, snippet(csv))
			}
		}
	}
}

// TestQualityLatePublication adds a report with the deadline finding of a
// late publication: 报送与质量 lists it, linked to the report, with a download.
func TestQualityLatePublication(t *testing.T) {
	_, reports := fixtureDB(t)
	late := &gongkai.Report{Agency: "贵阳市某局", Year: 2023, Format: gongkai.Format2021, Province: "贵州省", City: "贵阳市",
		Published: "2024-03-15", Source: gongkai.Source{Kind: "demo", Name: "late.xlsx"},
		Values: []gongkai.Value{{Measure: "apps.new", Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(1), Raw: "1"}},
		Findings: []gongkai.Finding{{Rule: "deadline", Severity: gongkai.SeverityWarning,
			Message: "发布日期 2024-03-15 晚于期限 2024-01-31，逾期 44 天"}}}
	db, err := loadWarehouse(filepath.Join(t.TempDir(), "late.duckdb"), append(append([]*gongkai.Report{}, reports...), late))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	h := New(db, testLogger(t), Options{Public: true})
	_, body := fetch(t, h, "/quality")
	i := strings.Index(body, `id="late"`)
	if i < 0 {
		t.Fatal("no 逾期发布 section")
	}
	section := body[i : i+strings.Index(body[i:], "</section>")]
	for _, want := range []string{">贵阳市某局</a>", "2024-03-15", "逾期 44 天", "/api/queries/late_publishers?limit=100000&amp;format=csv"} {
		if !strings.Contains(section, want) {
			t.Errorf("逾期发布 section lacks %q", want)
		}
	}
	if status, _ := fetch(t, h, "/quality?lpage=x"); status != 400 {
		t.Errorf("bad lpage: %d", status)
	}
}
