package dashboard

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"gongkai/warehouse"
)

// TestPendingUnpublished: a pending (待确认) version and its source file are
// seen only by who may confirm it — its agency's uploaders and admins.
// Anonymous visitors (--public), viewers, analysts and another agency's
// uploaders get the very 404 of an id that names no report, for the page
// and the source, and the current version's list of versions leaves the
// pending one out for them. Once confirmed it is published; the version it
// replaced stays visible as history. (On the old code every visitor got 200
// and the list linked to the pending version.)
func TestPendingUnpublished(t *testing.T) {
	db := emptyDB(t)
	h := New(db, testLogger(t), Options{Public: true})
	_, tokenA := testUser(t, db, warehouse.RoleUploader, agencyA)
	_, tokenB := testUser(t, db, warehouse.RoleUploader, agencyB)
	_, viewer := testUser(t, db, warehouse.RoleViewer)
	_, analyst := testUser(t, db, warehouse.RoleAnalyst)
	_, admin := testUser(t, db, warehouse.RoleAdmin)

	// Two versions of A's report; the second still has errors, so it waits
	// for confirmation (as in TestUploadOwnAgencyOnly).
	var ids []int64
	var files [][]byte
	for _, v := range []int{1, 2} {
		data := append(syntheticReport(agencyA, 2021), []byte(strings.Repeat("\n", v))...)
		status, body := do(t, withToken(h, tokenA), multipartUpload(t, "/api/reports", "甲.txt", data, nil))
		var res uploadResult
		if err := json.Unmarshal([]byte(body), &res); status != http.StatusCreated || err != nil {
			t.Fatalf("upload of version %d: %d %s", v, status, snippet(body))
		}
		ids = append(ids, res.ReportID)
		files = append(files, data)
	}
	current, pending := itoa64(ids[0]), itoa64(ids[1])
	missing := itoa64(ids[1] + 1000)

	get := func(token, path string) *httptest.ResponseRecorder { return getAs(h, token, path) }
	others := []struct{ name, token string }{
		{"anonymous --public", ""}, {"viewer", viewer}, {"analyst", analyst}, {"uploader B", tokenB},
	}
	for _, o := range others {
		for _, suffix := range []string{"", "/source"} {
			got := get(o.token, "/reports/"+pending+suffix)
			none := get(o.token, "/reports/"+missing+suffix)
			if got.Code != http.StatusNotFound || none.Code != http.StatusNotFound {
				t.Errorf("%s: GET /reports/%s%s (pending) %d, no such id %d; want 404 both", o.name, pending, suffix, got.Code, none.Code)
				continue
			}
			if want := strings.ReplaceAll(none.Body.String(), missing, pending); got.Body.String() != want {
				t.Errorf("%s: pending %s's 404 differs from a missing id's:\n got %s\nwant %s", o.name, suffix, snippet(got.Body.String()), snippet(want))
			}
		}
		rec := get(o.token, "/reports/"+current)
		page := rec.Body.String()
		if rec.Code != http.StatusOK || !strings.Contains(page, "第 1 版（现行）") {
			t.Errorf("%s: the current version's page: %d", o.name, rec.Code)
		}
		if strings.Contains(page, "待确认") || strings.Contains(page, `href="/reports/`+pending+`"`) {
			t.Errorf("%s: the current version's page lists the pending version", o.name)
		}
	}

	for _, o := range []struct{ name, token string }{{"uploader A", tokenA}, {"admin", admin}} {
		if rec := get(o.token, "/reports/"+pending); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "pending-confirm") {
			t.Errorf("%s: the pending version's page: %d, want 200 with the confirm banner", o.name, rec.Code)
		}
		if rec := get(o.token, "/reports/"+pending+"/source"); rec.Code != http.StatusOK || rec.Body.String() != string(files[1]) {
			t.Errorf("%s: the pending version's source: %d, %d bytes", o.name, rec.Code, rec.Body.Len())
		}
		if rec := get(o.token, "/reports/"+current); !strings.Contains(rec.Body.String(), "第 2 版（待确认）") {
			t.Errorf("%s: the current version's page should list the pending version", o.name)
		}
	}

	// Confirmed, it is published; the version it replaced stays as history.
	if status, body := do(t, withToken(h, tokenA), httptest.NewRequest(http.MethodPost, "/api/reports/"+pending+"/confirm", nil)); status != http.StatusOK {
		t.Fatalf("confirm: %d %s", status, snippet(body))
	}
	for _, o := range others {
		for _, path := range []string{"/reports/" + pending, "/reports/" + pending + "/source", "/reports/" + current, "/reports/" + current + "/source"} {
			if rec := get(o.token, path); rec.Code != http.StatusOK {
				t.Errorf("%s after confirming: GET %s %d, want 200", o.name, path, rec.Code)
			}
		}
		if page := get(o.token, "/reports/"+pending).Body.String(); !strings.Contains(page, "第 1 版") || !strings.Contains(page, `href="/reports/`+current+`"`) {
			t.Errorf("%s after confirming: the list should keep version 1 as history", o.name)
		}
	}
}

// TestSupersededPendingUnpublished: a pending version replaced by another
// before anyone confirmed it was never current, so it stays unpublished:
// after uploader A confirms version 3 over the pending version 2, version 2
// is still the 404 of a missing id to everyone but A and admins, and left
// out of the list. (On b607a08 it became public as a 历史版本: review s39.)
func TestSupersededPendingUnpublished(t *testing.T) {
	db := emptyDB(t)
	h := New(db, testLogger(t), Options{Public: true})
	_, tokenA := testUser(t, db, warehouse.RoleUploader, agencyA)
	_, viewer := testUser(t, db, warehouse.RoleViewer)
	_, admin := testUser(t, db, warehouse.RoleAdmin)
	var ids []int64
	for _, v := range []int{1, 2, 3} {
		data := append(syntheticReport(agencyA, 2021), []byte(strings.Repeat("\n", v))...)
		status, body := do(t, withToken(h, tokenA), multipartUpload(t, "/api/reports", "甲.txt", data, nil))
		var res uploadResult
		if err := json.Unmarshal([]byte(body), &res); status != http.StatusCreated || err != nil {
			t.Fatalf("upload of version %d: %d %s", v, status, snippet(body))
		}
		if res.Pending != (v > 1) {
			t.Fatalf("version %d: pending %v", v, res.Pending)
		}
		ids = append(ids, res.ReportID)
	}
	if status, body := do(t, withToken(h, tokenA), httptest.NewRequest(http.MethodPost, "/api/reports/"+itoa64(ids[2])+"/confirm", nil)); status != http.StatusOK {
		t.Fatalf("confirm version 3: %d %s", status, snippet(body))
	}
	get := func(token, path string) *httptest.ResponseRecorder { return getAs(h, token, path) }
	superseded := itoa64(ids[1])
	for _, o := range []struct{ name, token string }{{"anonymous --public", ""}, {"viewer", viewer}} {
		for _, suffix := range []string{"", "/source"} {
			if rec := get(o.token, "/reports/"+superseded+suffix); rec.Code != http.StatusNotFound {
				t.Errorf("%s: GET /reports/%s%s (superseded, never confirmed) %d, want 404", o.name, superseded, suffix, rec.Code)
			}
		}
		for _, id := range []int64{ids[0], ids[2]} {
			rec := get(o.token, "/reports/"+itoa64(id))
			if rec.Code != http.StatusOK {
				t.Errorf("%s: GET /reports/%d %d, want 200 (once current)", o.name, id, rec.Code)
			}
			if strings.Contains(rec.Body.String(), `href="/reports/`+superseded+`"`) {
				t.Errorf("%s: report %d's page lists the superseded version", o.name, id)
			}
		}
	}
	for _, o := range []struct{ name, token string }{{"uploader A", tokenA}, {"admin", admin}} {
		if rec := get(o.token, "/reports/"+superseded); rec.Code != http.StatusOK {
			t.Errorf("%s: GET /reports/%s %d, want 200", o.name, superseded, rec.Code)
		}
	}
}

// getAs serves GET path to a visitor with API token token ("": anonymous).
func getAs(h http.Handler, token, path string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// TestConfirmOtherAgencyIsMissing: uploader B confirming A's report —
// pending or current, by the API or the page's form — gets the very 404 of
// an id that names no report, and A's pending version stays pending; A and
// an admin still confirm. Every route about a report id is walked through
// the real router: the page and its source (visibleReport) and the two
// confirms (mayUploadReport). On the old code the confirms answered 403
// naming A's agency, telling B that the id exists and whose it is.
func TestConfirmOtherAgencyIsMissing(t *testing.T) {
	db := emptyDB(t)
	h := New(db, testLogger(t), Options{})
	_, tokenA := testUser(t, db, warehouse.RoleUploader, agencyA)
	userB, tokenB := testUser(t, db, warehouse.RoleUploader, agencyB)
	var ids []int64
	for _, v := range []int{1, 2} {
		data := append(syntheticReport(agencyA, 2021), []byte(strings.Repeat("\n", v))...)
		status, body := do(t, withToken(h, tokenA), multipartUpload(t, "/api/reports", "甲.txt", data, nil))
		var res uploadResult
		if err := json.Unmarshal([]byte(body), &res); status != http.StatusCreated || err != nil {
			t.Fatalf("upload of version %d: %d %s", v, status, snippet(body))
		}
		ids = append(ids, res.ReportID)
	}
	current, pending, missing := itoa64(ids[0]), itoa64(ids[1]), itoa64(ids[1]+1000)
	cookie, csrf := session(t, db, userB)
	asB := withToken(h, tokenB)
	for _, tt := range []struct {
		name string
		req  func(id string) *http.Request
	}{
		{"POST /api", func(id string) *http.Request {
			return httptest.NewRequest(http.MethodPost, "/api/reports/"+id+"/confirm", nil)
		}},
		{"POST form", func(id string) *http.Request {
			return postForm("/reports/"+id+"/confirm", url.Values{"csrf": {csrf}}, cookie)
		}},
	} {
		via := asB
		if tt.name == "POST form" {
			via = h
		}
		noneStatus, noneBody := do(t, via, tt.req(missing))
		if noneStatus != http.StatusNotFound {
			t.Fatalf("%s: confirm of no such id %d, want 404", tt.name, noneStatus)
		}
		for _, id := range []string{pending, current} {
			status, body := do(t, via, tt.req(id))
			if want := strings.ReplaceAll(noneBody, missing, id); status != http.StatusNotFound || body != want {
				t.Errorf("%s: uploader B confirming A's report %s: %d %s\nwant 404 %s", tt.name, id, status, snippet(body), snippet(want))
			}
			if strings.Contains(body, agencyA) {
				t.Errorf("%s: the refusal names A's agency", tt.name)
			}
		}
	}
	if rec := getAs(h, tokenA, "/reports/"+pending); !strings.Contains(rec.Body.String(), "pending-confirm") {
		t.Fatalf("B's refused confirmations changed A's pending version")
	}
	if status, body := do(t, withToken(h, tokenA), httptest.NewRequest(http.MethodPost, "/api/reports/"+pending+"/confirm", nil)); status != http.StatusOK {
		t.Errorf("A confirming their own: %d %s", status, snippet(body))
	}
}
