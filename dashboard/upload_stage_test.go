package dashboard

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/warehouse"
)

// TestUploadCheckThenLoad walks the upload page's two steps: 预检 shows the
// findings and loads nothing; 载入 loads the staged file without choosing it
// again; the staged file belongs to whoever checked it.
func TestUploadCheckThenLoad(t *testing.T) {
	db := emptyDB(t)
	base := New(db, testLogger(t), Options{})
	h := asAdmin(t, db, base)
	data := syntheticReport("测试市示例局", 2021)
	count := func() string {
		tb, err := db.SQL(t.Context(), "SELECT count(*) FROM reports")
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(tb.Rows[0][0])
	}

	status, body := do(t, h, multipartUpload(t, "/upload", "示例局2021.txt", data, map[string]string{"check": "1"}))
	if status != http.StatusOK || !strings.Contains(body, "预检结果") || !strings.Contains(body, "问题清单") || !strings.Contains(body, "cell-error") {
		t.Fatalf("预检: %d\n%s", status, snippet(body))
	}
	if n := count(); n != "0" {
		t.Fatalf("预检 loaded something: %s reports", n)
	}
	m := regexp.MustCompile(`name="staged" value="([0-9a-f]{32})"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("预检 page has no 载入 form:\n%s", body)
	}

	// Someone else cannot load it.
	_, other := testUser(t, db, warehouse.RoleAdmin)
	status, body = do(t, withToken(base, other), multipartUpload(t, "/upload", "", nil, map[string]string{"staged": m[1]}))
	if status != http.StatusBadRequest || !strings.Contains(body, "重新选择文件") {
		t.Errorf("another account's 载入: %d %s", status, snippet(body))
	}
	status, body = do(t, h, multipartUpload(t, "/upload", "", nil, map[string]string{"staged": m[1]}))
	if status != http.StatusCreated || !strings.Contains(body, "已载入") {
		t.Fatalf("载入 the staged file: %d\n%s", status, snippet(body))
	}
	if n := count(); n != "1" {
		t.Errorf("after 载入: %s reports, want 1", n)
	}
	if status, _ := do(t, h, multipartUpload(t, "/upload", "", nil, map[string]string{"staged": m[1]})); status != http.StatusBadRequest {
		t.Errorf("a staged file loaded twice: %d, want 400", status)
	}

	// The API's 预检: 200, findings, nothing loaded.
	status, body = do(t, h, multipartUpload(t, "/api/reports", "b.txt", syntheticReport("测试市另一局", 2021), map[string]string{"check": "1"}))
	var res uploadResult
	if err := json.Unmarshal([]byte(body), &res); status != http.StatusOK || err != nil || !res.Checked || res.Errors == 0 || res.ReportID != 0 {
		t.Errorf("API 预检: %d %s", status, snippet(body))
	}
	if n := count(); n != "1" {
		t.Errorf("API 预检 loaded something: %s reports", n)
	}
}

// TestUploadMessagesNameNoFlags: a file without agency tells web users to
// use the form, never a command-line flag.
func TestUploadMessagesNameNoFlags(t *testing.T) {
	db := emptyDB(t)
	h := asAdmin(t, db, New(db, testLogger(t), Options{}))
	data := bytes.Replace(syntheticReport("测试市示例局", 2021), []byte("测试市示例局2021年政府信息公开工作年度报告"), []byte("年度报告"), 1)
	for _, path := range []string{"/upload", "/api/reports"} {
		status, body := do(t, h, multipartUpload(t, path, "a.txt", data, nil))
		if status != http.StatusUnprocessableEntity || !strings.Contains(body, "在表单中填写机构名称") || strings.Contains(body, "--") {
			t.Errorf("%s without an agency: %d %s", path, status, snippet(body))
		}
	}
}

// TestUploadTemplate: the page links both blank templates, and each is the
// official workbook our template writer makes.
func TestUploadTemplate(t *testing.T) {
	db := emptyDB(t)
	h := asAdmin(t, db, New(db, testLogger(t), Options{}))
	_, page := do(t, h, httptest.NewRequest(http.MethodGet, "/upload", nil))
	for _, format := range []string{"2021", "2019"} {
		link := "/upload/template?format=" + format
		if !strings.Contains(page, link) {
			t.Errorf("the upload page does not link %s", link)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, link, nil))
		if rec.Code != http.StatusOK || !strings.Contains(rec.Header().Get("Content-Disposition"), "attachment") {
			t.Fatalf("%s: %d %v", link, rec.Code, rec.Header())
		}
		f, err := excelize.OpenReader(bytes.NewReader(rec.Body.Bytes()))
		if err != nil {
			t.Fatalf("%s is not a workbook: %v", link, err)
		}
		if len(f.GetSheetList()) < 2 {
			t.Errorf("%s: sheets %v", link, f.GetSheetList())
		}
		f.Close()
	}
	if status, _ := do(t, h, httptest.NewRequest(http.MethodGet, "/upload/template?format=1999", nil)); status != http.StatusBadRequest {
		t.Errorf("an unknown format: %d, want 400", status)
	}
}
