package dashboard

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"gongkai/warehouse"
)

// TestUploadStopsWhenTheRequestEnds: an upload whose request ends while
// the file is read (the client went away, or the request's time ran out)
// stops, answers with a Chinese message saying nothing was stored, and
// stores nothing: no report, and an audit entry saying so. The file is a
// report followed by ~1.9 MB of ~4 kB sentences, which the narrative's rules
// take seconds to read. Before, Parse took no context: the upload ran to the
// end and loaded the report after its client had gone. Figures invented.
func TestUploadStopsWhenTheRequestEnds(t *testing.T) {
	edb := emptyDB(t)
	h, e := newHandler(edb, testLogger(t), Options{})
	_, token := testUser(t, edb, warehouse.RoleAdmin)
	clause := "全年共收到政府信息公开申请12件,"
	sentence := "(二)依申请公开情况。" + strings.Repeat(clause, 3900/len(clause)) + "。\n"
	data := string(syntheticReport("示例市示例局", 2021)) + strings.Repeat(sentence, 480)

	for _, tt := range []struct {
		name, path string
		api        bool
	}{{"the API", "/api/reports", true}, {"the upload page", "/upload", false}} {
		ctx, cancel := context.WithCancel(context.Background())
		req := multipartUpload(t, tt.path, "慢.txt", []byte(data), nil).WithContext(ctx)
		req.Header.Set("Authorization", "Bearer "+token)
		done := make(chan *httptest.ResponseRecorder, 1)
		go func() {
			rec := httptest.NewRecorder()
			e.ServeHTTP(rec, req)
			done <- rec
		}()
		// The client goes away once the upload holds its slot (it is
		// being read).
		var rec *httptest.ResponseRecorder
	wait:
		for {
			select {
			case rec = <-done:
				break wait
			default:
			}
			if len(h.uploads) > 0 {
				time.Sleep(100 * time.Millisecond)
				cancel()
				rec = <-done
				break
			}
			time.Sleep(2 * time.Millisecond)
		}
		cancel()
		body := rec.Body.String()
		if tt.api {
			var res struct {
				Error string `json:"error"`
			}
			json.Unmarshal([]byte(body), &res)
			body = res.Error
		}
		if rec.Code != http.StatusGatewayTimeout || !strings.Contains(body, "慢.txt：") || !strings.Contains(body, "未保存任何内容") {
			t.Errorf("%s: %d %s, want 504 saying nothing was stored", tt.name, rec.Code, snippet(body))
		}
		tb, err := edb.SQL(context.Background(), "SELECT count(*) FROM reports")
		if err != nil || len(tb.Rows) != 1 || tb.Rows[0][0] != int64(0) {
			t.Errorf("%s: reports stored after the request ended: %v %v", tt.name, tb, err)
		}
	}
	log, err := edb.AuditLog(context.Background(), warehouse.AuditFilter{Action: "report."})
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 2 {
		t.Errorf("audit: %d entries, want the 2 uploads", len(log))
	}
	for _, a := range log {
		if a.Action != "report.upload" || a.Result != "error" || !strings.Contains(a.Detail, "未保存任何内容") {
			t.Errorf("audit: %+v, want the upload recorded as stopped", a)
		}
	}
}
