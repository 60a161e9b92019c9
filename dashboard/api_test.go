package dashboard

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestAPIQueries(t *testing.T) {
	db, reports := fixtureDB(t)
	h := New(db, testLogger(t), Options{Public: true})

	status, body := fetch(t, h, "/api/queries")
	var list []struct {
		Name, Title string
		Params      []string
		Columns     []string
	}
	if status != 200 || json.Unmarshal([]byte(body), &list) != nil || len(list) == 0 {
		t.Fatalf("GET /api/queries: %d %s", status, snippet(body))
	}
	found := false
	for _, q := range list {
		if q.Name == "overview_trend" && q.Title != "" && len(q.Columns) > 0 {
			found = true
		}
	}
	if !found {
		t.Errorf("/api/queries lacks overview_trend with title and columns: %s", snippet(body))
	}

	status, body = fetch(t, h, "/api/queries/overview_totals")
	var res struct {
		Columns []string `json:"columns"`
		Rows    [][]any  `json:"rows"`
	}
	if status != 200 || json.Unmarshal([]byte(body), &res) != nil {
		t.Fatalf("GET overview_totals: %d %s", status, snippet(body))
	}
	if len(res.Rows) != 1 || res.Columns[0] != "reports" || res.Rows[0][0] != float64(len(reports)) {
		t.Errorf("overview_totals = %v %v; want %d reports", res.Columns, res.Rows, len(reports))
	}

	// The filter narrows: one year has fewer reports than all years.
	_, body = fetch(t, h, "/api/queries/overview_totals?year=2021")
	var one struct{ Rows [][]any }
	json.Unmarshal([]byte(body), &one)
	if len(one.Rows) != 1 || one.Rows[0][0].(float64) >= float64(len(reports)) || one.Rows[0][0].(float64) == 0 {
		t.Errorf("overview_totals?year=2021 = %v; want a part of %d", one.Rows, len(reports))
	}

	rec := recorder(t, h, "/api/queries/overview_trend?year=2019-2021&format=csv")
	csv := rec.Body.String()
	lines := strings.Split(strings.TrimSuffix(csv, "\n"), "\n")
	if rec.Code != 200 || !strings.HasPrefix(csv, "\ufeff") || len(lines) != 5 ||
		!strings.HasPrefix(lines[0], "\ufeff数据：历年趋势") || !strings.Contains(lines[0], "范围：2019—2021年") ||
		!strings.Contains(lines[0], "导出时间：") || !strings.Contains(lines[0], "演示数据") ||
		!strings.HasPrefix(lines[1], "年度,报告数,本年新收申请,") {
		t.Errorf("CSV: %d %q; want a BOM, the scope line, the Chinese header and three years", rec.Code, csv)
	}
	if cd := rec.Header().Get("Content-Disposition"); !strings.Contains(cd, "overview_trend.csv") {
		t.Errorf("CSV Content-Disposition = %q", cd)
	}

	rec = recorder(t, h, "/api/queries/applications_withheld?format=xlsx")
	if rec.Code != 200 {
		t.Fatalf("XLSX: %d %s", rec.Code, snippet(rec.Body.String()))
	}
	f, err := excelize.OpenReader(bytes.NewReader(rec.Body.Bytes()))
	if err != nil {
		t.Fatalf("XLSX does not open: %v", err)
	}
	rows, err := f.GetRows("数据")
	if err != nil || len(rows) != 9 || rows[0][0] != "指标" || rows[0][2] != "申请数" || rows[1][1] != "属于国家秘密" {
		t.Errorf("XLSX rows = %v, %v; want the Chinese header and the eight grounds", rows, err)
	}
	if sheets := f.GetSheetList(); len(sheets) != 2 || sheets[0] != "说明" {
		t.Errorf("XLSX sheets = %v, want 说明 first", sheets)
	}
	notes, _ := f.GetRows("说明")
	if len(notes) < 3 || !strings.Contains(notes[1][0], "范围：全部年度") || !strings.Contains(notes[len(notes)-1][0], "演示数据") {
		t.Errorf("XLSX 说明 = %v; want what, the scope, the time and the demo marker", notes)
	}
	// JSON keeps the machine names.
	if _, body := fetch(t, h, "/api/queries/applications_withheld"); !strings.HasPrefix(body, `{"columns":["measure","label","applications"]`) {
		t.Errorf("JSON columns: %s", snippet(body))
	}
}

func TestAPISQL(t *testing.T) {
	db, _ := fixtureDB(t)
	h := asAdmin(t, db, New(db, testLogger(t), Options{}))
	const jsonType, formType = "application/json", "application/x-www-form-urlencoded"
	tests := []struct {
		body, ctype string
		status      int
		want        string
	}{
		{`{"sql": "SELECT 1 AS x, '公开' AS y"}`, jsonType, 200, `{"columns":["x","y"],"rows":[[1,"公开"]],"truncated":false}`},
		{`{"sql": "SELECT count(*) AS n FROM agencies"}`, jsonType, 200, `"rows":[[20]]`},
		// curl -d as in the README: the JSON goes out as a form.
		{`{"sql": "SELECT count(*) AS n FROM agencies"}`, formType, 200, `"rows":[[20]]`},
		{`{"sql": "SELECT 2 AS n"}`, "", 200, `"rows":[[2]]`},
		{`{"sql": "DELETE FROM agencies"}`, jsonType, 400, `"error"`},
		{`{"sql": ""}`, jsonType, 400, "请输入"},
		{`not json`, jsonType, 400, "请求体应为 JSON"},
		{`not json`, formType, 400, "请求体应为 JSON"},
	}
	for _, tt := range tests {
		req := httptest.NewRequest(http.MethodPost, "/api/sql", strings.NewReader(tt.body))
		if tt.ctype != "" {
			req.Header.Set("Content-Type", tt.ctype)
		}
		status, body := do(t, h, req)
		if status != tt.status || !strings.Contains(body, tt.want) {
			t.Errorf("POST /api/sql %s (%s): %d %s; want %d with %s", tt.body, tt.ctype, status, snippet(body), tt.status, tt.want)
		}
	}

	form := strings.NewReader("sql=" + "SELECT+year%2C+count(*)+AS+n+FROM+report_summary+GROUP+BY+year+ORDER+BY+year")
	req := httptest.NewRequest(http.MethodPost, "/sql", form)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	status, body := do(t, h, req)
	if status != 200 || !strings.Contains(body, "结果：6 行") || !strings.Contains(body, "2024") {
		t.Errorf("POST /sql: %d, want 6 rows by year\n%s", status, snippet(body))
	}
	req = httptest.NewRequest(http.MethodPost, "/sql", strings.NewReader("sql=DROP+TABLE+agencies"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	status, body = do(t, h, req)
	if status != 400 || !strings.Contains(body, "查询出错") {
		t.Errorf("POST /sql with a write: %d, want 400 with the message on the page", status)
	}
}

// multipartUpload builds a POST of file (and form fields) to path.
func multipartUpload(t *testing.T, path, name string, data []byte, fields map[string]string) *http.Request {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, v := range fields {
		w.WriteField(k, v)
	}
	if name != "" {
		fw, err := w.CreateFormFile("file", name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(data)
	}
	w.Close()
	req := httptest.NewRequest(http.MethodPost, path, &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return req
}

func TestUpload(t *testing.T) {
	edb := emptyDB(t)
	h := asAdmin(t, edb, New(edb, testLogger(t), Options{}))
	data := syntheticReport("测试市示例局", 2021)

	status, body := do(t, h, multipartUpload(t, "/api/reports", "示例局2021.txt", data, nil))
	var res uploadResult
	if err := json.Unmarshal([]byte(body), &res); status != http.StatusCreated || err != nil {
		t.Fatalf("POST /api/reports: %d %s", status, snippet(body))
	}
	if res.ReportID == 0 || res.Agency != "测试市示例局" || res.Year != 2021 || res.Errors == 0 {
		t.Fatalf("upload result = %+v; want a report id, the agency, the year and error findings", res)
	}
	var located bool
	for _, f := range res.Findings {
		if f.RowLabel == "（七）总计" && f.ColumnLabel == "自然人" && f.At != "" {
			located = true
		}
	}
	if !located {
		t.Errorf("findings lack （七）总计 × 自然人 with its place: %+v", res.Findings)
	}

	// The report page shows it, highlights the cells, and offers the file.
	status, page := fetch(t, h, "/reports/"+itoa64(res.ReportID))
	if status != 200 || !strings.Contains(page, "cell-error") || !strings.Contains(page, "下载源文件") {
		t.Errorf("report page after upload: %d, marked cells %v, source link %v", status,
			strings.Contains(page, "cell-error"), strings.Contains(page, "下载源文件"))
	}
	rec := recorder(t, h, "/reports/"+itoa64(res.ReportID)+"/source")
	if rec.Code != 200 || !bytes.Equal(rec.Body.Bytes(), data) || !strings.Contains(rec.Header().Get("Content-Disposition"), "attachment") {
		t.Errorf("source download: %d, %d bytes, %q", rec.Code, rec.Body.Len(), rec.Header().Get("Content-Disposition"))
	}

	// A re-upload that still has errors becomes version 2, pending: the
	// first stays current until the uploader confirms on the result page.
	fixed := bytes.Replace(data, []byte("共120条"), []byte("共121条"), 1)
	status, body = do(t, h, multipartUpload(t, "/upload", "示例局2021.txt", fixed, nil))
	if status != http.StatusCreated || !strings.Contains(body, "第 2 版") || !strings.Contains(body, "问题清单") || !strings.Contains(body, "cell-error") ||
		!strings.Contains(body, "待确认") || !strings.Contains(body, `action="/reports/`) {
		t.Errorf("upload page: %d; want version 2 pending, the findings, the marked table and a confirm button\n%s", status, snippet(body))
	}
	_, page = fetch(t, h, "/reports/"+itoa64(res.ReportID))
	if !strings.Contains(page, "第 1 版（现行）") || !strings.Contains(page, "第 2 版（待确认）") {
		t.Errorf("the first version's page should say it is current and list version 2 as pending")
	}
	req := httptest.NewRequest(http.MethodPost, "/reports/"+itoa64(res.ReportID+1)+"/confirm", nil)
	if rec := httptest.NewRecorder(); true {
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusSeeOther {
			t.Errorf("confirm: %d, want 303", rec.Code)
		}
	}
	_, page = fetch(t, h, "/reports/"+itoa64(res.ReportID))
	if !strings.Contains(page, "历史版本") || !strings.Contains(page, "第 2 版（现行）") {
		t.Errorf("after confirming, the first version's page should say it is history and list version 2")
	}

	rejects := []struct {
		name   string
		data   []byte
		fields map[string]string
		status int
		want   string
	}{
		{"empty.txt", nil, nil, 422, `"error"`},
		{"noise.txt", []byte("这不是一份年度报告。"), nil, 422, `"error"`},
		{"", nil, nil, 400, "请选择要上传的报告文件"},
		{"r.txt", data, map[string]string{"year": "二〇二一"}, 400, "年份格式不正确"},
	}
	for _, tt := range rejects {
		status, body := do(t, h, multipartUpload(t, "/api/reports", tt.name, tt.data, tt.fields))
		if status != tt.status || !strings.Contains(body, tt.want) {
			t.Errorf("upload %q: %d %s; want %d with %s", tt.name, status, snippet(body), tt.status, tt.want)
		}
	}
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

// TestUploadKinds uploads reports in the kinds ingest tells by content, under
// the names offices give them, and downloads each back: the original bytes,
// with the content type of what the file is.
func TestUploadKinds(t *testing.T) {
	edb := emptyDB(t)
	h := asAdmin(t, edb, New(edb, testLogger(t), Options{}))
	tests := []struct {
		fixture, name, ctype string
	}{
		{"excel-export-gbk.xls", "导出.xls", "text/html"},
		{"xlsx-named.et", "报表.et", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
		{"official-2021.xls", "报表.xls", "application/vnd.ms-excel"},
		{"shape6-rowspan.docx", "年报.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
		{"shape6-rowspan-writer.pdf", "年报.pdf", "application/pdf"},
		{"official-2021.ods", "报表.ods", "application/vnd.oasis.opendocument.spreadsheet"},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "ingest", "testdata", "media", tt.fixture))
			if err != nil {
				t.Fatal(err)
			}
			status, body := do(t, h, multipartUpload(t, "/api/reports", tt.name, data, nil))
			var res uploadResult
			if err := json.Unmarshal([]byte(body), &res); status != http.StatusCreated || err != nil || res.ReportID == 0 {
				t.Fatalf("POST /api/reports: %d %s", status, snippet(body))
			}
			rec := recorder(t, h, "/reports/"+itoa64(res.ReportID)+"/source")
			if rec.Code != 200 || !bytes.Equal(rec.Body.Bytes(), data) || rec.Header().Get("Content-Type") != tt.ctype ||
				rec.Header().Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("source download: %d, %d bytes, %q", rec.Code, rec.Body.Len(), rec.Header().Get("Content-Type"))
			}
		})
	}
}
