package dashboard

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestAPIConfirm uploads a report and a new version with errors through the
// API: the new version is pending and the dashboards' data keeps the first
// until POST /api/reports/{id}/confirm.
func TestAPIConfirm(t *testing.T) {
	db := emptyDB(t)
	h := asAdmin(t, db, New(db, testLogger(t), Options{}))
	data := syntheticReport("测试市示例局", 2021)
	upload := func(data []byte) uploadResult {
		status, body := do(t, h, multipartUpload(t, "/api/reports", "a.txt", data, nil))
		var res uploadResult
		if err := json.Unmarshal([]byte(body), &res); status != http.StatusCreated || err != nil {
			t.Fatalf("upload: %d %s", status, snippet(body))
		}
		return res
	}
	v1 := upload(data)
	v2 := upload(bytes.Replace(data, []byte("共120条"), []byte("共121条"), 1))
	if v1.Pending || !v2.Pending || !strings.Contains(v2.PendingReason, "错误") {
		t.Fatalf("v1 %+v\nv2 %+v\nwant v2 pending with the reason", v1, v2)
	}
	current := func() string {
		status, body := postSQL(t, h, "SELECT report_id FROM report_summary")
		if status != http.StatusOK {
			t.Fatalf("report_summary: %d %s", status, body)
		}
		return body
	}
	if got := current(); !strings.Contains(got, "[["+itoa64(v1.ReportID)+"]]") {
		t.Errorf("report_summary while v2 is pending: %s, want v1", got)
	}
	confirm := func(id string) (int, string) {
		return do(t, h, httptest.NewRequest(http.MethodPost, "/api/reports/"+id+"/confirm", nil))
	}
	if status, body := confirm(itoa64(v2.ReportID)); status != http.StatusOK {
		t.Fatalf("confirm: %d %s", status, body)
	}
	if got := current(); !strings.Contains(got, "[["+itoa64(v2.ReportID)+"]]") {
		t.Errorf("report_summary after confirming: %s, want v2", got)
	}
	for _, tt := range []struct {
		id     string
		status int
	}{{itoa64(v2.ReportID), http.StatusConflict}, {itoa64(v1.ReportID), http.StatusConflict}, {"999", http.StatusNotFound}, {"x", http.StatusNotFound}} {
		if status, body := confirm(tt.id); status != tt.status || !strings.Contains(body, `"error"`) {
			t.Errorf("confirm %s: %d %s, want %d", tt.id, status, body, tt.status)
		}
	}
}
