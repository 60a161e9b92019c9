package dashboard

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"gongkai/warehouse"
)

// hostileUploads loads, each through an uploader bound to its agency,
// reports whose agency name, narrative, a cell's raw text and file name
// hold markup and a spreadsheet formula, as an agency account could send
// them; it returns the report and agency ids.
func hostileUploads(t *testing.T, db *warehouse.DB) (reports, agencies []string) {
	t.Helper()
	for i, name := range []string{`测试市<img src=x onerror=alert(1)>局`, `=HYPERLINK("http://evil.example","详情")测试局`,
		`测试市"'><script>alert(2)</script>局`} {
		_, token := testUser(t, db, warehouse.RoleUploader, name)
		h := withToken(New(db, testLogger(t), Options{}), token)
		data := string(syntheticReport(name, 2021))
		data = strings.Replace(data, "无。\n六", "<script>alert(3)</script><img src=y onerror=alert(4)>=1+1\n六", 1)
		data = strings.Replace(data, "| 1 |", "| <b onmouseover=alert(5)>1</b> |", 1)
		status, body := do(t, h, multipartUpload(t, "/api/reports", fmt.Sprintf(`"><img src=z onerror=alert(6)>%d.txt`, i),
			[]byte(data), map[string]string{"agency": name}))
		var res uploadResult
		if err := json.Unmarshal([]byte(body), &res); status != http.StatusCreated || err != nil {
			t.Fatalf("upload %q: %d %s", name, status, snippet(body))
		}
		reports, agencies = append(reports, itoa64(res.ReportID)), append(agencies, itoa64(res.AgencyID))
	}
	return reports, agencies
}

// TestUploadedMarkupEscaped: markup an agency account uploads (agency
// name, narrative, a cell's raw text, file name) reaches no page an
// administrator opens as markup: every page, the report and agency pages,
// the audit log and the users' list escape it (charts carry it in data-spec
// as escaped JSON, which ECharts 5.6's default tooltips escape again; no
// chart option carries a formatter function). A guard, which passed
// before: review s38 found no such hole.
func TestUploadedMarkupEscaped(t *testing.T) {
	db := emptyDB(t)
	h := asAdmin(t, db, New(db, testLogger(t), Options{}))
	reports, agencies := hostileUploads(t, db)
	paths := []string{"/", "/licensing", "/proactive", "/applications", "/reviews", "/quality", "/regions?year=2021",
		"/regions?measure=apps.total&year=2021", "/compare", "/compare?agencies=" + strings.Join(agencies, ","), "/agencies",
		"/upload", "/admin/users", "/admin/audit"}
	for i := range reports {
		paths = append(paths, "/reports/"+reports[i], "/agencies/"+agencies[i])
	}
	raw := regexp.MustCompile(`<img src=[xyz]|<script>alert|<b onmouseover`)
	for _, p := range paths {
		status, body := fetch(t, h, p)
		if status != http.StatusOK {
			t.Errorf("%s: %d", p, status)
		}
		for _, m := range raw.FindAllStringIndex(body, 3) {
			t.Errorf("%s: unescaped markup %q", p, body[max(0, m[0]-80):min(len(body), m[1]+20)])
		}
	}
}

// TestCSVFormulaCellsExported: the named queries' CSV downloads hold an
// agency named as a formula as text (a leading apostrophe), not as a
// formula a spreadsheet runs; they wrote it as it was (review s38).
func TestCSVFormulaCellsExported(t *testing.T) {
	db := emptyDB(t)
	h := asAdmin(t, db, New(db, testLogger(t), Options{}))
	hostileUploads(t, db)
	_, list := fetch(t, h, "/api/queries")
	names := regexp.MustCompile(`"name":"([a-z_]+)"`).FindAllStringSubmatch(list, -1)
	if len(names) == 0 {
		t.Fatalf("no named queries: %s", snippet(list))
	}
	saw := false
	for _, m := range names {
		status, body := fetch(t, h, "/api/queries/"+m[1]+"?format=csv")
		if status != http.StatusOK {
			continue
		}
		r := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\ufeff")))
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		if err != nil {
			t.Errorf("%s.csv: %v", m[1], err)
			continue
		}
		for _, rec := range recs[1:] { // the scope line is the first
			for _, c := range rec {
				if strings.HasPrefix(c, "=") || strings.HasPrefix(c, "@") {
					t.Errorf("%s.csv: a formula cell %q", m[1], c)
				}
				saw = saw || strings.HasPrefix(c, `'=HYPERLINK(`)
			}
		}
	}
	if !saw {
		t.Error("no CSV download holds the agency's name as text: the test proves nothing")
	}
}
