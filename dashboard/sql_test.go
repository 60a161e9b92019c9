package dashboard

import (
	"context"
	"database/sql"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gongkai/warehouse"
)

const sqlByYear = "SELECT year, count(*) AS reports FROM report_summary GROUP BY year ORDER BY year"

// TestSQLWorkbench covers the workbench's GET surface on the fixture: the
// permalink runs its query, the schema browser shows every view with its
// columns' meanings, and a refused statement is explained on the page.
func TestSQLWorkbench(t *testing.T) {
	db, _ := fixtureDB(t)
	h := asAdmin(t, db, New(db, testLogger(t), Options{}))
	tests := []struct {
		path   string
		status int
		want   []string
	}{
		{"/sql", 200, []string{"数据表与字段", `data-view="report_summary"`, "本年新收政府信息公开申请数量",
			`data-view="current_figures"`, `data-view="report_figures"`, "宏", "各年度报告数", "各指标各年度合计", "保存的查询（0）"}},
		{"/sql?" + url.Values{"q": {sqlByYear}}.Encode(), 200, []string{"结果：6 行", "2024", `id="sql-permalink"`,
			`href="/sql?q=SELECT`, "/api/sql?format=csv&amp;q=SELECT", `data-result="{&#34;columns&#34;:[&#34;year&#34;,&#34;reports&#34;]`}},
		{"/sql?q=" + url.QueryEscape("DROP TABLE agencies"), 400, []string{"查询出错", "只允许只读的查询语句"}},
		{"/sql?q=", 400, []string{"请输入 SQL 查询语句"}},
	}
	for _, tt := range tests {
		status, body := fetch(t, h, tt.path)
		if status != tt.status {
			t.Errorf("GET %s: %d, want %d\n%s", tt.path, status, tt.status, snippet(body))
		}
		for _, w := range tt.want {
			if !strings.Contains(body, w) {
				t.Errorf("GET %s: no %q in the page", tt.path, w)
			}
		}
	}
}

// TestSQLExamplesRun runs every example of the workbench through the
// sandbox on the fixture: an example an analyst clicks must give rows.
func TestSQLExamplesRun(t *testing.T) {
	db, _ := fixtureDB(t)
	for _, e := range sqlExamples {
		tb, err := db.SQL(context.Background(), e.SQL)
		if err != nil {
			t.Errorf("%s: %v\n%s", e.Title, err, e.SQL)
		} else if len(tb.Rows) == 0 {
			t.Errorf("%s: no rows\n%s", e.Title, e.SQL)
		}
	}
}

// TestAPISQLFormats checks GET /api/sql's downloads and that POST /api/sql
// reads a JSON body whatever content type curl sent.
func TestAPISQLFormats(t *testing.T) {
	db, _ := fixtureDB(t)
	h := asAdmin(t, db, New(db, testLogger(t), Options{}))
	q := url.QueryEscape(sqlByYear)
	tests := []struct {
		path, ctype, want string
	}{
		{"/api/sql?format=csv&q=" + q, "text/csv", "演示数据：数据由程序随机生成，不代表任何真实机关的报告。\"\n年度,报告数\n2019,"},
		{"/api/sql?format=xlsx&q=" + q, "spreadsheetml", "PK"},
		{"/api/sql?q=" + q, "application/json", `"columns":["year","reports"]`},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tt.path, nil))
		if rec.Code != 200 || !strings.Contains(rec.Header().Get("Content-Type"), tt.ctype) || !strings.HasPrefix(strings.TrimSpace(rec.Body.String()), strings.TrimSpace(tt.want)) && !strings.Contains(rec.Body.String(), tt.want) {
			t.Errorf("GET %s: %d %s %q", tt.path, rec.Code, rec.Header().Get("Content-Type"), snippet(rec.Body.String()))
		}
	}
	if status, _ := fetch(t, h, "/api/sql?format=pdf&q="+q); status != 400 {
		t.Errorf("an unknown format: %d, want 400", status)
	}
	// curl -d sends application/x-www-form-urlencoded: the body is still JSON.
	req := httptest.NewRequest(http.MethodPost, "/api/sql", strings.NewReader(`{"sql": "SELECT 7 AS n"}`))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if status, body := do(t, h, req); status != 200 || !strings.Contains(body, `"rows":[[7]]`) {
		t.Errorf("POST /api/sql with curl's form type: %d %s", status, snippet(body))
	}
}

// TestSavedQueries saves, lists, runs and deletes a named query.
func TestSavedQueries(t *testing.T) {
	edb := emptyDB(t)
	h := asAdmin(t, edb, New(edb, testLogger(t), Options{}))
	post := func(path string, form url.Values) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	rec := post("/sql/saved", url.Values{"name": {"机构数"}, "sql": {"SELECT count(*) AS n FROM agencies"}})
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/sql?done=saved" {
		t.Fatalf("save: %d %s", rec.Code, rec.Header().Get("Location"))
	}
	_, body := fetch(t, h, "/sql?done=saved")
	for _, w := range []string{"查询已保存", "保存的查询（1）", ">机构数</a>", `href="/sql?q=SELECT%20count%28%2a%29%20AS%20n%20FROM%20agencies"`} {
		if !strings.Contains(body, w) {
			t.Errorf("after saving, no %q on the page", w)
		}
	}
	id := regexp.MustCompile(`/sql/saved/(\d+)/delete`).FindStringSubmatch(body)
	if id == nil {
		t.Fatal("no delete form for the saved query")
	}
	for _, bad := range []url.Values{{"name": {""}, "sql": {"SELECT 1"}}, {"name": {"x"}, "sql": {""}}} {
		if rec := post("/sql/saved", bad); rec.Code != 400 {
			t.Errorf("save %v: %d, want 400", bad, rec.Code)
		}
	}
	if rec := post("/sql/saved/"+id[1]+"/delete", nil); rec.Code != http.StatusSeeOther {
		t.Errorf("delete: %d", rec.Code)
	}
	if _, body := fetch(t, h, "/sql"); !strings.Contains(body, "保存的查询（0）") {
		t.Error("the deleted query is still listed")
	}
	if rec := post("/sql/saved/abc/delete", nil); rec.Code != 404 {
		t.Errorf("delete of a bad id: %d, want 404", rec.Code)
	}
}

// TestSavedQueryOwnersByRole: an analyst's saved query is changed or deleted
// by that analyst or an admin only; another analyst gets 403 with the
// owner's name, changes nothing, sees no delete button for it, and may save
// a copy under a name of their own. Before, any analyst replaced or deleted
// any saved query.
func TestSavedQueryOwnersByRole(t *testing.T) {
	edb := emptyDB(t)
	base := New(edb, testLogger(t), Options{})
	owner, ownerToken := testUser(t, edb, warehouse.RoleAnalyst)
	_, otherToken := testUser(t, edb, warehouse.RoleAnalyst)
	_, adminToken := testUser(t, edb, warehouse.RoleAdmin)
	post := func(token, path string, form url.Values) (int, string) {
		req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		return do(t, withToken(base, token), req)
	}
	save := func(token, sql string) (int, string) {
		return post(token, "/sql/saved", url.Values{"name": {"某局的查询"}, "sql": {sql}})
	}
	text := func() string {
		qs, err := edb.SavedQueries(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range qs {
			if q.Name == "某局的查询" {
				return q.SQL
			}
		}
		return "(none)"
	}
	if status, _ := save(ownerToken, "SELECT 1 AS n"); status != http.StatusSeeOther {
		t.Fatalf("the owner saves: %d", status)
	}
	qs, _ := edb.SavedQueries(context.Background())
	id := strconv.FormatInt(qs[0].ID, 10)
	if status, body := save(otherToken, "SELECT 666 AS n"); status != http.StatusForbidden || !strings.Contains(body, owner.Name) {
		t.Errorf("another analyst replaces it: %d %s, want 403 naming %s", status, snippet(body), owner.Name)
	}
	if status, body := post(otherToken, "/sql/saved/"+id+"/delete", nil); status != http.StatusForbidden || !strings.Contains(body, owner.Name) {
		t.Errorf("another analyst deletes it: %d %s, want 403", status, snippet(body))
	}
	if got := text(); got != "SELECT 1 AS n" {
		t.Fatalf("after the refusals: %q", got)
	}
	if _, body := fetch(t, withToken(base, otherToken), "/sql"); !strings.Contains(body, ">某局的查询</a>") || strings.Contains(body, "/sql/saved/"+id+"/delete") {
		t.Error("another analyst's page: the query must be listed without a delete form")
	}
	if _, body := fetch(t, withToken(base, ownerToken), "/sql"); !strings.Contains(body, "/sql/saved/"+id+"/delete") {
		t.Error("the owner's page has no delete form")
	}
	if status, _ := post(otherToken, "/sql/saved", url.Values{"name": {"我的副本"}, "sql": {"SELECT 1 AS n"}}); status != http.StatusSeeOther {
		t.Errorf("another analyst saves a copy: %d", status)
	}
	if status, _ := save(adminToken, "SELECT 2 AS n"); status != http.StatusSeeOther || text() != "SELECT 2 AS n" {
		t.Errorf("an admin replaces it: %d, text %q", status, text())
	}
	if status, _ := save(ownerToken, "SELECT 3 AS n"); status != http.StatusSeeOther || text() != "SELECT 3 AS n" {
		t.Errorf("the owner replaces it: %d, text %q", status, text())
	}
	if status, _ := post(ownerToken, "/sql/saved/"+id+"/delete", nil); status != http.StatusSeeOther {
		t.Errorf("the owner deletes it: %d", status)
	}
	if status, _ := post(adminToken, "/sql/saved/"+id+"/delete", nil); status != http.StatusSeeOther {
		t.Errorf("an admin deletes one already gone: %d", status)
	}
}

// TestSavedQueryOwnerRemoved: an analyst's account removed from the file by
// hand and created again under the same name (as an analyst, or as an
// uploader who has no workbench) does not inherit the removed account's
// saved query: the new analyst gets 403 saying the saver's account is gone,
// changes nothing and sees no delete form; another analyst likewise; an
// admin may delete it. Before, the owner was the account's name, so the new
// account replaced and deleted it.
func TestSavedQueryOwnerRemoved(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "w.duckdb")
	db, err := warehouse.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	owner, ownerToken := testUser(t, db, warehouse.RoleAnalyst)
	if status, _ := do(t, withToken(New(db, testLogger(t), Options{}), ownerToken), savedForm("某局的查询", "SELECT 1 AS n")); status != http.StatusSeeOther {
		t.Fatalf("the owner saves: %d", status)
	}
	db.Close()
	raw, err := sql.Open("duckdb", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"DELETE FROM auth.tokens WHERE user_id = $1", "DELETE FROM auth.users WHERE user_id = $1"} {
		if _, err := raw.Exec(q, owner.ID); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	db, err = warehouse.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	base := New(db, testLogger(t), Options{})
	again, err := db.CreateUser(ctx, warehouse.Actor{Name: "test"}, warehouse.NewUser{Name: owner.Name, Role: warehouse.RoleAnalyst, Password: testPassword})
	if err != nil {
		t.Fatal(err)
	}
	_, againToken, err := db.CreateToken(ctx, warehouse.Actor{Name: "test"}, again.Name, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, otherToken := testUser(t, db, warehouse.RoleAnalyst)
	_, adminToken := testUser(t, db, warehouse.RoleAdmin)
	qs, err := db.SavedQueries(ctx)
	if err != nil || len(qs) != 1 {
		t.Fatalf("saved queries: %v %+v", err, qs)
	}
	id := strconv.FormatInt(qs[0].ID, 10)
	deleteForm := func() *http.Request {
		req := httptest.NewRequest(http.MethodPost, "/sql/saved/"+id+"/delete", nil)
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		return req
	}
	for _, who := range []struct{ name, token string }{{"the new account under the name", againToken}, {"another analyst", otherToken}} {
		h := withToken(base, who.token)
		if status, body := do(t, h, savedForm("某局的查询", "SELECT 666 AS n")); status != http.StatusForbidden || !strings.Contains(body, "账户已不存在") {
			t.Errorf("%s replaces it: %d %s, want 403 saying the account is gone", who.name, status, snippet(body))
		}
		if status, body := do(t, h, deleteForm()); status != http.StatusForbidden || !strings.Contains(body, "账户已不存在") {
			t.Errorf("%s deletes it: %d %s, want 403", who.name, status, snippet(body))
		}
		if _, body := fetch(t, h, "/sql"); !strings.Contains(body, ">某局的查询</a>") || strings.Contains(body, "/sql/saved/"+id+"/delete") {
			t.Errorf("%s's page: the query must be listed without a delete form", who.name)
		}
	}
	if qs, _ := db.SavedQueries(ctx); len(qs) != 1 || qs[0].SQL != "SELECT 1 AS n" {
		t.Fatalf("after the refusals: %+v", qs)
	}
	if status, _ := do(t, withToken(base, adminToken), deleteForm()); status != http.StatusSeeOther {
		t.Errorf("an admin deletes it: %d", status)
	}
	if qs, _ := db.SavedQueries(ctx); len(qs) != 0 {
		t.Errorf("after the admin's delete: %+v", qs)
	}
}

// savedForm is POST /sql/saved with name and text.
func savedForm(name, text string) *http.Request {
	req := httptest.NewRequest(http.MethodPost, "/sql/saved", strings.NewReader(url.Values{"name": {name}, "sql": {text}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return req
}
