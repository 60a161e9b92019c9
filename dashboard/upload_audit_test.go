package dashboard

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"gongkai/warehouse"
)

// refuseAudit reopens the warehouse at path with an audit log that refuses
// entries of action (the table made again with a CHECK), so that the
// entry's insert fails where the dashboard writes it.
func refuseAudit(t *testing.T, db *warehouse.DB, path, action string) *warehouse.DB {
	t.Helper()
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("duckdb", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"CREATE TABLE auth.audit_kept AS SELECT * FROM auth.audit_log",
		"DROP TABLE auth.audit_log",
		`CREATE TABLE auth.audit_log (
			audit_id BIGINT PRIMARY KEY DEFAULT nextval('auth.audit_ids'), "at" TIMESTAMP NOT NULL,
			actor VARCHAR NOT NULL, remote VARCHAR, action VARCHAR NOT NULL, agency VARCHAR, year INTEGER,
			version INTEGER, report_id BIGINT, sha256 VARCHAR, result VARCHAR NOT NULL, detail VARCHAR,
			CHECK (action <> '` + action + `'))`,
		"INSERT INTO auth.audit_log SELECT * FROM auth.audit_kept",
		"DROP TABLE auth.audit_kept",
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := raw.Close(); err != nil {
		t.Fatal(err)
	}
	db, err = warehouse.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func currentReports(t *testing.T, h http.Handler) string {
	t.Helper()
	status, body := postSQL(t, h, "SELECT report_id FROM report_summary ORDER BY report_id")
	if status != http.StatusOK {
		t.Fatalf("report_summary: %d %s", status, body)
	}
	return body
}

// TestUploadAuditedInLoad: an upload's report.upload entry is written in the
// load's transaction. With the audit log refusing the entry the upload
// fails and no report stands. The old code loaded the report, then wrote
// the entry in a statement of its own and only logged its failure: 201, and
// a report with no audit line.
func TestUploadAuditedInLoad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.duckdb")
	db, err := warehouse.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	_, token := testUser(t, db, warehouse.RoleAdmin)
	db = refuseAudit(t, db, path, "report.upload")
	h := withToken(New(db, testLogger(t), Options{}), token)
	data := syntheticReport("测试市示例局", 2021)
	if status, body := do(t, h, multipartUpload(t, "/api/reports", "a.txt", data, nil)); status == http.StatusCreated {
		t.Errorf("upload whose audit entry was refused: %d %s, want it to fail", status, snippet(body))
	}
	if got := currentReports(t, h); strings.Contains(got, "[[") {
		t.Errorf("reports after an upload whose audit entry failed: %s, want none", got)
	}
	log, err := db.AuditLog(context.Background(), warehouse.AuditFilter{Action: "report."})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range log {
		if e.ReportID != 0 {
			t.Errorf("audit entry %+v names a report that was not loaded", e)
		}
	}

	// With the log taking entries again the same file loads (the failed
	// load left nothing that makes it a duplicate), with its entry.
	db = refuseAudit(t, db, path, "none")
	h = withToken(New(db, testLogger(t), Options{}), token)
	status, body := do(t, h, multipartUpload(t, "/api/reports", "a.txt", data, nil))
	var res uploadResult
	if err := json.Unmarshal([]byte(body), &res); status != http.StatusCreated || err != nil || res.Duplicate {
		t.Fatalf("upload: %d %s", status, snippet(body))
	}
	log, err = db.AuditLog(context.Background(), warehouse.AuditFilter{Action: "report.upload"})
	if err != nil {
		t.Fatal(err)
	}
	if len(log) == 0 || log[0].ReportID != res.ReportID || log[0].Result != "loaded" || log[0].Version != 1 ||
		!strings.Contains(log[0].Detail, "a.txt：") || len(log[0].SHA256) != 64 {
		t.Errorf("newest report.upload entry %+v, want report %d loaded, version 1, with its file", log, res.ReportID)
	}
}

// TestConfirmAuditedInTx: a confirmation's report.replace entry is written
// in the confirmation's transaction. With the audit log refusing it the
// confirmation fails and the first version stays current. The old code
// committed the confirmation, then wrote the entry on its own and only
// logged a failure: 200, and the second version current with no entry.
func TestConfirmAuditedInTx(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.duckdb")
	db, err := warehouse.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	_, token := testUser(t, db, warehouse.RoleAdmin)
	h := withToken(New(db, testLogger(t), Options{}), token)
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
	if !v2.Pending {
		t.Fatalf("v2 %+v, want pending", v2)
	}
	db = refuseAudit(t, db, path, "report.replace")
	h = withToken(New(db, testLogger(t), Options{}), token)
	confirm := func() (int, string) {
		return do(t, h, httptest.NewRequest(http.MethodPost, "/api/reports/"+itoa64(v2.ReportID)+"/confirm", nil))
	}
	if status, body := confirm(); status == http.StatusOK {
		t.Errorf("confirmation whose audit entry was refused: %d %s, want it to fail", status, body)
	}
	if got, want := currentReports(t, h), "[["+itoa64(v1.ReportID)+"]]"; !strings.Contains(got, want) {
		t.Errorf("current after a confirmation whose audit entry failed: %s, want v1 %s", got, want)
	}

	// With the log taking entries again the confirmation stands, and its
	// entry names the version, agency, year and file.
	db = refuseAudit(t, db, path, "none")
	h = withToken(New(db, testLogger(t), Options{}), token)
	if status, body := confirm(); status != http.StatusOK {
		t.Fatalf("confirm: %d %s", status, body)
	}
	log, err := db.AuditLog(context.Background(), warehouse.AuditFilter{Action: "report.replace"})
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 1 || log[0].ReportID != v2.ReportID || log[0].Version != 2 || log[0].Agency != "测试市示例局" ||
		log[0].Year != 2021 || len(log[0].SHA256) != 64 {
		t.Errorf("report.replace entries %+v, want one of report %d, version 2, 测试市示例局 2021, with its SHA-256", log, v2.ReportID)
	}
}
