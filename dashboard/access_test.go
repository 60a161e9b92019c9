package dashboard

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"gongkai/warehouse"
)

// Agencies of the uploaders in these tests.
const (
	agencyA = "测试市甲局"
	agencyB = "测试市乙局"
)

// visitor is one way of making requests: anonymous (on a server with or
// without --public) or as an account through a browser session.
type visitor struct {
	name   string
	public bool // the server runs with --public
	role   warehouse.Role
	agency string
}

var visitors = []visitor{
	{name: "anonymous"},
	{name: "anonymous --public", public: true},
	{name: "viewer", role: warehouse.RoleViewer},
	{name: "uploader A", role: warehouse.RoleUploader, agency: agencyA},
	{name: "uploader B", role: warehouse.RoleUploader, agency: agencyB},
	{name: "analyst", role: warehouse.RoleAnalyst},
	{name: "admin", role: warehouse.RoleAdmin},
}

// allowedFor is the contract, written out by hand rather than derived from
// allows(): for each kind of rule, which visitors get through. Everyone
// else is refused: an anonymous visitor with a redirect to /login (page
// GETs) or 401, an account with 403.
var allowedFor = map[access][]string{
	accessOpen:   {"anonymous", "anonymous --public", "viewer", "uploader A", "uploader B", "analyst", "admin"},
	accessView:   {"anonymous --public", "viewer", "uploader A", "uploader B", "analyst", "admin"},
	accessUser:   {"viewer", "uploader A", "uploader B", "analyst", "admin"},
	accessUpload: {"uploader A", "uploader B", "admin"},
	accessSQL:    {"analyst", "admin"},
	accessAdmin:  {"admin"},
}

// pinned are rules that must not be loosened by an edit of accessRules.
var pinned = map[string]access{
	"GET /healthz": accessOpen, "GET /login": accessOpen, "POST /login": accessOpen,
	"GET /": accessView, "GET /reports/:id": accessView, "GET /api/queries/:name": accessView,
	"GET /upload": accessUpload, "POST /upload": accessUpload, "POST /api/reports": accessUpload,
	"GET /sql": accessSQL, "POST /sql": accessSQL, "GET /api/sql": accessSQL, "POST /api/sql": accessSQL,
	"GET /admin/users": accessAdmin, "GET /admin/audit": accessAdmin,
}

// TestRouteAccess requests every route of the router's own list as every
// visitor and checks the outcome against allowedFor. A route without a rule
// in accessRules fails here, so that no route is added without deciding
// who may use it.
func TestRouteAccess(t *testing.T) {
	db := emptyDB(t)
	private := New(db, testLogger(t), Options{})
	public := New(db, testLogger(t), Options{Public: true})
	users := map[string]*warehouse.User{}
	for _, v := range visitors {
		if v.role != "" {
			var agencies []string
			if v.agency != "" {
				agencies = []string{v.agency}
			}
			users[v.name], _ = testUser(t, db, v.role, agencies...)
		}
	}

	for key, want := range pinned {
		if got, ok := accessRules[key]; !ok || got != want {
			t.Errorf("rule of %s is %v, must be %v", key, got, want)
		}
	}
	routes := private.Routes()
	if len(routes) < 30 {
		t.Fatalf("router lists %d routes", len(routes))
	}
	for _, r := range routes {
		key := r.Method + " " + r.Path
		rule, ok := accessRules[key]
		if !ok {
			t.Errorf("route %s has no rule in accessRules (access.go)", key)
			continue
		}
		// Structural limits on the table, whatever is added to it.
		switch {
		case strings.HasPrefix(r.Path, "/admin") && rule != accessAdmin:
			t.Errorf("%s: every /admin route is for admins only", key)
		case strings.Contains(r.Path, "sql") && rule != accessSQL && rule != accessAdmin:
			t.Errorf("%s: SQL routes are for analysts and admins", key)
		case r.Method != http.MethodGet && r.Method != http.MethodHead && (rule == accessView || rule == accessOpen) && key != "POST /login":
			t.Errorf("%s: a state-changing route needs an account", key)
		}
		path := concretePath(r.Path)
		for _, v := range visitors {
			h := private
			if v.public {
				h = public
			}
			req := routeRequest(t, db, r.Method, path, users[v.name])
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			got := rec.Code
			loc := rec.Header().Get("Location")
			toLogin := got == http.StatusSeeOther && strings.HasPrefix(loc, "/login?next=")
			allowed := contains(allowedFor[rule], v.name)
			switch {
			case allowed && (got == 401 || got == 403 || toLogin || got >= 500):
				t.Errorf("%s as %s: %d %s, want through", key, v.name, got, loc)
			case !allowed && v.role != "" && got != http.StatusForbidden:
				t.Errorf("%s as %s: %d, want 403", key, v.name, got)
			case !allowed && v.role == "" && (strings.HasPrefix(path, "/api/") || r.Method != http.MethodGet) && got != http.StatusUnauthorized:
				t.Errorf("%s as %s: %d, want 401", key, v.name, got)
			case !allowed && v.role == "" && !strings.HasPrefix(path, "/api/") && r.Method == http.MethodGet && !toLogin:
				t.Errorf("%s as %s: %d %s, want a redirect to /login", key, v.name, got, loc)
			}
		}
	}
}

// concretePath fills a route's parameters with values that reach the
// handler (an id that names nothing is the handler's 404, past the rules).
func concretePath(p string) string {
	p = strings.ReplaceAll(p, ":name", "overview_totals")
	p = strings.ReplaceAll(p, ":id", "999999")
	return strings.ReplaceAll(p, "*", "app.css")
}

// routeRequest builds a request as u (nil: anonymous) with a fresh session
// and the CSRF token a form of that session carries, so that only the rule
// decides. An anonymous visitor carries the login form's CSRF cookie.
func routeRequest(t *testing.T, db *warehouse.DB, method, path string, u *warehouse.User) *http.Request {
	t.Helper()
	body := url.Values{}
	var cookie *http.Cookie
	if u != nil {
		secret, err := db.CreateSession(context.Background(), u.ID, 3600e9, "test")
		if err != nil {
			t.Fatal(err)
		}
		cookie = &http.Cookie{Name: sessionCookie, Value: secret}
		body.Set("csrf", sessionCSRF(secret))
	} else {
		cookie = &http.Cookie{Name: csrfCookie, Value: "anonymous-form-token"}
		body.Set("csrf", "anonymous-form-token")
	}
	var req *http.Request
	if method == http.MethodGet || method == http.MethodHead {
		req = httptest.NewRequest(method, path, nil)
	} else {
		req = httptest.NewRequest(method, path, strings.NewReader(body.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	req.AddCookie(cookie)
	return req
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// session logs u in through a session made in the warehouse and returns a
// function that sends requests with its cookie (and, for forms, its CSRF
// token).
func session(t *testing.T, db *warehouse.DB, u *warehouse.User) (cookie *http.Cookie, csrf string) {
	t.Helper()
	secret, err := db.CreateSession(context.Background(), u.ID, 3600e9, "test")
	if err != nil {
		t.Fatal(err)
	}
	return &http.Cookie{Name: sessionCookie, Value: secret}, sessionCSRF(secret)
}

func postForm(path string, form url.Values, cookies ...*http.Cookie) *http.Request {
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for _, c := range cookies {
		req.AddCookie(c)
	}
	return req
}

// TestLogin walks the browser's way in and out: the form's CSRF cookie, one
// answer for unknown users and wrong passwords, the session cookie's flags,
// and a logout that ends the session in the warehouse too.
func TestLogin(t *testing.T) {
	db := emptyDB(t)
	h := New(db, testLogger(t), Options{})
	u, _ := testUser(t, db, warehouse.RoleViewer)

	rec := recorder(t, h, "/")
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/login?next=%2F" {
		t.Fatalf("GET / without an account: %d %s, want 303 to /login", rec.Code, rec.Header().Get("Location"))
	}
	rec = recorder(t, h, "/login")
	var formCookie *http.Cookie
	for _, c := range rec.Result().Cookies() {
		if c.Name == csrfCookie {
			formCookie = c
		}
	}
	if rec.Code != 200 || formCookie == nil || !strings.Contains(rec.Body.String(), `name="csrf" value="`+formCookie.Value+`"`) {
		t.Fatalf("GET /login: %d, cookie %v; the form must carry the cookie's token", rec.Code, formCookie)
	}
	login := func(name, password, csrf string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		req := postForm("/login", url.Values{"username": {name}, "password": {password}, "csrf": {csrf}, "next": {"/quality"}}, formCookie)
		h.ServeHTTP(rec, req)
		return rec
	}
	if rec := login(u.Name, testPassword, ""); rec.Code != http.StatusForbidden {
		t.Errorf("login without the CSRF token: %d, want 403", rec.Code)
	}
	wrong, unknown := login(u.Name, "wrong-password", formCookie.Value), login("nobody", "wrong-password", formCookie.Value)
	if wrong.Code != 401 || unknown.Code != 401 || !strings.Contains(wrong.Body.String(), "用户名或密码不正确") ||
		strings.ReplaceAll(wrong.Body.String(), u.Name, "nobody") != unknown.Body.String() {
		t.Errorf("wrong password (%d) and unknown user (%d) must get the same answer", wrong.Code, unknown.Code)
	}
	rec = login(u.Name, testPassword, formCookie.Value)
	var sess *http.Cookie
	for _, c := range rec.Result().Cookies() {
		if c.Name == sessionCookie {
			sess = c
		}
	}
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/quality" || sess == nil {
		t.Fatalf("login: %d %s, cookie %v", rec.Code, rec.Header().Get("Location"), sess)
	}
	if !sess.HttpOnly || sess.SameSite != http.SameSiteLaxMode || sess.Secure || sess.MaxAge <= 0 {
		t.Errorf("session cookie over plain HTTP: %+v, want HttpOnly, SameSite=Lax, not Secure, with a lifetime", sess)
	}
	get := func(path string, c *http.Cookie) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.AddCookie(c)
		h.ServeHTTP(rec, req)
		return rec
	}
	if rec := get("/", sess); rec.Code != 200 || !strings.Contains(rec.Body.String(), u.Name) {
		t.Fatalf("GET / with the session: %d", rec.Code)
	}

	// Over TLS the cookie is Secure.
	req := postForm("/login", url.Values{"username": {u.Name}, "password": {testPassword}, "csrf": {formCookie.Value}}, formCookie)
	req.TLS = &tls.ConnectionState{}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if cs := rec.Result().Cookies(); rec.Code != http.StatusSeeOther || len(cs) == 0 || !cs[0].Secure {
		t.Errorf("login over TLS: %d %v, want a Secure cookie", rec.Code, cs)
	}

	// Logging out ends the session: the same cookie no longer works.
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, postForm("/logout", url.Values{"csrf": {sessionCSRF(sess.Value)}}, sess))
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("logout: %d", rec.Code)
	}
	if rec := get("/", sess); rec.Code != http.StatusSeeOther {
		t.Errorf("GET / after logout: %d, want the redirect to /login", rec.Code)
	}
	// A redirect after login never leaves the site.
	for _, next := range []string{"//evil.example/", "https://evil.example/", "/\\evil.example"} {
		if localPath(next) != "" {
			t.Errorf("next=%s is accepted", next)
		}
	}
}

// TestCSRF: a form POST of a session needs the session's token and the
// same origin; an API token needs neither (nothing ambient to abuse).
func TestCSRF(t *testing.T) {
	db := emptyDB(t)
	h := New(db, testLogger(t), Options{})
	u, token := testUser(t, db, warehouse.RoleAnalyst)
	cookie, csrf := session(t, db, u)
	form := func(csrf, origin string) int {
		req := postForm("/sql", url.Values{"sql": {"SELECT 1"}, "csrf": {csrf}}, cookie)
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	for _, tt := range []struct {
		name, csrf, origin string
		want               int
	}{
		{"no token", "", "", 403},
		{"another session's token", sessionCSRF("someone else"), "", 403},
		{"right token from another origin", csrf, "https://evil.example", 403},
		{"right token, same origin", csrf, "http://example.com", 200},
		{"right token, no origin", csrf, "", 200},
	} {
		if got := form(tt.csrf, tt.origin); got != tt.want {
			t.Errorf("%s: %d, want %d", tt.name, got, tt.want)
		}
	}
	req := httptest.NewRequest(http.MethodPost, "/api/sql", strings.NewReader(`{"sql": "SELECT 1"}`))
	req.Header.Set("Authorization", "Bearer "+token)
	if status, body := do(t, h, req); status != 200 {
		t.Errorf("POST /api/sql with a token: %d %s", status, body)
	}
}

// TestLoginThrottle: after a handful of failures within a minute, a name —
// and, separately, an address — gets 429, even with the right password.
func TestLoginThrottle(t *testing.T) {
	db := emptyDB(t)
	h := New(db, testLogger(t), Options{})
	u, _ := testUser(t, db, warehouse.RoleViewer)
	v, _ := testUser(t, db, warehouse.RoleViewer)
	try := func(name, password, addr string) int {
		cookie := &http.Cookie{Name: csrfCookie, Value: "tok"}
		req := postForm("/login", url.Values{"username": {name}, "password": {password}, "csrf": {"tok"}}, cookie)
		req.RemoteAddr = addr + ":1234"
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	for i := 0; i < loginLimit; i++ {
		if got := try(u.Name, "wrong-password", "10.0.0."+string(rune('1'+i))); got != 401 {
			t.Fatalf("failure %d: %d, want 401", i+1, got)
		}
	}
	if got := try(u.Name, testPassword, "10.0.1.1"); got != http.StatusTooManyRequests {
		t.Errorf("the right password after %d failures: %d, want 429", loginLimit, got)
	}
	if got := try(v.Name, testPassword, "10.0.1.1"); got != http.StatusSeeOther {
		t.Errorf("another user from a fresh address: %d, want 303", got)
	}
	// One address trying many names.
	for i := 0; i < loginLimit; i++ {
		try("nobody"+string(rune('a'+i)), "wrong-password", "10.0.2.1")
	}
	if got := try(v.Name, testPassword, "10.0.2.1"); got != http.StatusTooManyRequests {
		t.Errorf("an address after %d failures: %d, want 429", loginLimit, got)
	}
}

// TestLoginOwnerNotKeptOut: strangers who know an admin's name and fail
// for it from many addresses (and from the owner's own, as behind one NAT)
// lock the name for strangers, not for its owner: from the browser they
// logged in with before, the right password still passes. That browser's
// proof is the name's alone, cannot be made up, and its own failures lock
// it. The old throttle kept the name's owner out from anywhere (429).
func TestLoginOwnerNotKeptOut(t *testing.T) {
	db := emptyDB(t)
	h := New(db, testLogger(t), Options{})
	u, _ := testUser(t, db, warehouse.RoleAdmin)
	v, _ := testUser(t, db, warehouse.RoleViewer)
	try := func(name, password, addr string, known *http.Cookie) (int, *http.Cookie) {
		cookies := []*http.Cookie{{Name: csrfCookie, Value: "tok"}}
		if known != nil {
			cookies = append(cookies, known)
		}
		req := postForm("/login", url.Values{"username": {name}, "password": {password}, "csrf": {"tok"}}, cookies...)
		req.RemoteAddr = addr + ":1234"
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		for _, c := range rec.Result().Cookies() {
			if c.Name == "gk_known" {
				return rec.Code, c
			}
		}
		return rec.Code, nil
	}
	status, known := try(u.Name, testPassword, "10.0.9.9", nil)
	if status != http.StatusSeeOther || known == nil {
		t.Errorf("the owner's first login: %d, known-client cookie %v; want 303 and one", status, known)
	}
	if known != nil && (known.Path != "/login" || !known.HttpOnly) {
		t.Errorf("known-client cookie %+v, want HttpOnly on /login", known)
	}
	for i := 0; i < 3*loginLimit; i++ {
		try(u.Name, "wrong-password", fmt.Sprintf("10.0.%d.%d", i%2*9, i), nil)
	}
	try(u.Name, "wrong-password", "10.0.9.9", nil)
	if got, _ := try(u.Name, testPassword, "10.0.7.7", nil); got != http.StatusTooManyRequests {
		t.Errorf("the right password from a stranger's browser while the name is attacked: %d, want 429", got)
	}
	if got, _ := try(u.Name, testPassword, "10.0.9.9", known); got != http.StatusSeeOther {
		t.Errorf("the owner's known browser with the right password while the name is attacked: %d, want 303", got)
	}
	forged := &http.Cookie{Name: "gk_known", Value: strings.Repeat("0", 32)}
	if got, _ := try(u.Name, testPassword, "10.0.9.9", forged); got != http.StatusTooManyRequests {
		t.Errorf("a made-up proof: %d, want 429", got)
	}
	// The proof is of the name: it does not open another name's lock.
	for i := 0; i < loginLimit; i++ {
		try(v.Name, "wrong-password", fmt.Sprintf("10.1.0.%d", i), nil)
	}
	if got, _ := try(v.Name, testPassword, "10.0.9.9", known); got != http.StatusTooManyRequests {
		t.Errorf("u's proof for locked v: %d, want 429", got)
	}
	// The known browser's own failures lock it.
	for i := 0; i < loginLimit; i++ {
		if got, _ := try(u.Name, "wrong-password", "10.0.9.9", known); got != http.StatusUnauthorized {
			t.Fatalf("known browser's failure %d: %d, want 401", i+1, got)
		}
	}
	if got, _ := try(u.Name, testPassword, "10.0.9.9", known); got != http.StatusTooManyRequests {
		t.Errorf("the known browser after %d failures of its own: %d, want 429", loginLimit, got)
	}
}

// TestLoginProofPerBrowser: a known-browser proof is the browser's own
// and lapses with the password (review s38 LOW on eb83ec6). One who once
// logged in as the name (a colleague who knew the password) and then fails
// five times from their browser does not lock the owner's known browser;
// once the password is set, their proof no longer counts, so they are a
// stranger, throttled by the name; and the owner's browser, after logging in
// with the new password, has a proof again. Fails on the old code: the proof
// was one HMAC a name under a key kept until restart, so the colleague's
// failures gave the owner's browser 429, and after the password change the
// colleague's proof still bought guesses of its own (401, not 429).
func TestLoginProofPerBrowser(t *testing.T) {
	db := emptyDB(t)
	hd, h := newHandler(db, testLogger(t), Options{})
	u, _ := testUser(t, db, warehouse.RoleAdmin)
	try := func(password, addr string, known *http.Cookie) (int, *http.Cookie) {
		cookies := []*http.Cookie{{Name: csrfCookie, Value: "tok"}}
		if known != nil {
			cookies = append(cookies, known)
		}
		req := postForm("/login", url.Values{"username": {u.Name}, "password": {password}, "csrf": {"tok"}}, cookies...)
		req.RemoteAddr = addr + ":1234"
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		for _, c := range rec.Result().Cookies() {
			if c.Name == knownCookie {
				return rec.Code, c
			}
		}
		return rec.Code, nil
	}
	status, owner := try(testPassword, "10.2.0.1", nil)
	status2, colleague := try(testPassword, "10.2.0.2", nil)
	if status != http.StatusSeeOther || status2 != http.StatusSeeOther || owner == nil || colleague == nil {
		t.Fatalf("logins: %d %v, %d %v; want 303 and a proof each", status, owner, status2, colleague)
	}
	if owner.Value == colleague.Value {
		t.Errorf("two browsers' proofs of one name are equal (%s): a proof must be the browser's own", owner.Value)
	}
	for i := 0; i < loginLimit; i++ {
		if got, _ := try("wrong-password", "10.2.0.2", colleague); got != http.StatusUnauthorized {
			t.Fatalf("the colleague's failure %d: %d, want 401", i+1, got)
		}
	}
	if got, _ := try("wrong-password", "10.2.0.2", colleague); got != http.StatusTooManyRequests {
		t.Errorf("the colleague after %d failures: %d, want 429", loginLimit, got)
	}
	if got, _ := try(testPassword, "10.2.0.1", owner); got != http.StatusSeeOther {
		t.Errorf("the owner's known browser after the colleague's failures: %d, want 303", got)
	}

	// A second colleague proof, unspent, then the password is set; every
	// failure so far forgotten, so that what follows is the password's doing.
	_, spare := try(testPassword, "10.2.0.3", nil)
	hd.logins.mu.Lock()
	clear(hd.logins.failures)
	hd.logins.mu.Unlock()
	const newPassword = "new-password-22"
	if err := db.SetPassword(context.Background(), warehouse.Actor{Name: "test"}, u.Name, newPassword); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < loginLimit; i++ {
		try("wrong-password", fmt.Sprintf("10.3.0.%d", i), nil)
	}
	if got, _ := try("wrong-password", "10.2.0.3", spare); got != http.StatusTooManyRequests {
		t.Errorf("a proof from before the password was set, while strangers fail for the name: %d, want 429 (it must no longer count)", got)
	}
	if got, _ := try(newPassword, "10.2.0.1", owner); got != http.StatusTooManyRequests {
		t.Errorf("the owner's proof from before the password was set: %d, want 429 (the trade-off: lapsed too)", got)
	}
	// Once the strangers' minute passes (here: their failures forgotten),
	// the owner logs in with the new password and has a live proof again.
	hd.logins.clear("user:" + strings.ToLower(u.Name))
	status, owner2 := try(newPassword, "10.2.0.1", owner)
	if status != http.StatusSeeOther || owner2 == nil {
		t.Fatalf("the owner with the new password: %d %v, want 303 and a proof", status, owner2)
	}
	if n := strings.Count(owner2.Value, ".") + 1; n != 2 {
		t.Errorf("the owner's cookie %q holds %d proofs, want 2 (the new one and the lapsed one, not a second live one)", owner2.Value, n)
	}
	for i := 0; i < loginLimit; i++ {
		try("wrong-password", fmt.Sprintf("10.4.0.%d", i), nil)
	}
	if got, _ := try(newPassword, "10.2.0.1", owner2); got != http.StatusSeeOther {
		t.Errorf("the owner's new proof while strangers fail: %d, want 303", got)
	}
}

// TestTokens: 401 without or with an unknown token, 403 for a role that
// may not, and a revoked token refused on the very next request.
func TestTokens(t *testing.T) {
	db := emptyDB(t)
	h := New(db, testLogger(t), Options{})
	admin, adminToken := testUser(t, db, warehouse.RoleAdmin)
	_, viewerToken := testUser(t, db, warehouse.RoleViewer)
	api := func(token, path string) int {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		status, _ := do(t, h, req)
		return status
	}
	for _, tt := range []struct {
		token, path string
		want        int
	}{
		{"", "/api/queries", 401},
		{"gk_unknown", "/api/queries", 401},
		{"gk_unknown", "/healthz", 401},
		{viewerToken, "/api/queries", 200},
		{viewerToken, "/api/sql?q=SELECT+1", 403},
		{adminToken, "/api/sql?q=SELECT+1", 200},
	} {
		if got := api(tt.token, tt.path); got != tt.want {
			t.Errorf("GET %s with token %.8q: %d, want %d", tt.path, tt.token, got, tt.want)
		}
	}
	toks, err := db.Tokens(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var viewerID int64
	for _, tk := range toks {
		if tk.User != admin.Name {
			viewerID = tk.ID
		}
	}
	cookie, csrf := session(t, db, admin)
	status, _ := do(t, h, postForm("/admin/tokens/"+itoa64(viewerID)+"/revoke", url.Values{"csrf": {csrf}}, cookie))
	if status != http.StatusSeeOther {
		t.Fatalf("revoke: %d", status)
	}
	if got := api(viewerToken, "/api/queries"); got != 401 {
		t.Errorf("the revoked token: %d, want 401", got)
	}
}

// TestUploadOwnAgencyOnly: an uploader's workbook for another agency is
// refused with 403 and changes nothing; their own loads, names them on the
// report page, and is in the audit log with who, where from and the SHA-256.
func TestUploadOwnAgencyOnly(t *testing.T) {
	db := emptyDB(t)
	h := New(db, testLogger(t), Options{})
	a, tokenA := testUser(t, db, warehouse.RoleUploader, agencyA)
	asA := withToken(h, tokenA)
	ctx := context.Background()

	before := firstRow(t, db, "overview_totals", warehouse.Filter{})
	status, body := do(t, asA, multipartUpload(t, "/api/reports", "乙.txt", syntheticReport(agencyB, 2021), nil))
	if status != http.StatusForbidden || !strings.Contains(body, "您只能上传本机构的报告") || !strings.Contains(body, agencyB) {
		t.Fatalf("upload of another agency's report: %d %s", status, snippet(body))
	}
	if after := firstRow(t, db, "overview_totals", warehouse.Filter{}); after["reports"] != before["reports"] {
		t.Errorf("a refused upload changed the warehouse: %v reports, was %v", after["reports"], before["reports"])
	}
	// The form's agency cannot be used to slip another agency's report in either.
	status, _ = do(t, asA, multipartUpload(t, "/upload", "甲.txt", syntheticReport(agencyA, 2021), map[string]string{"agency": agencyB}))
	if status != http.StatusForbidden {
		t.Errorf("upload page with agency=%s: %d, want 403", agencyB, status)
	}

	var ids []int64
	for _, v := range []int{1, 2} {
		data := syntheticReport(agencyA, 2021)
		data = append(data, []byte(strings.Repeat("\n", v))...) // a different file: a new version
		status, body = do(t, asA, multipartUpload(t, "/api/reports", "甲.txt", data, nil))
		var res uploadResult
		if err := json.Unmarshal([]byte(body), &res); status != http.StatusCreated || err != nil {
			t.Fatalf("own upload: %d %s", status, snippet(body))
		}
		ids = append(ids, res.ReportID)
	}
	// The second still has errors: it waits until its uploader confirms.
	if status, body := do(t, asA, httptest.NewRequest(http.MethodPost, "/api/reports/"+itoa64(ids[1])+"/confirm", nil)); status != http.StatusOK {
		t.Fatalf("confirming their own pending version: %d %s", status, snippet(body))
	}
	_, page := fetch(t, withToken(h, tokenA), "/reports/"+itoa64(ids[1]))
	if strings.Count(page, "<td>"+a.Name+"</td>") != 2 {
		t.Errorf("the report page should name the uploader of both versions")
	}

	log, err := db.AuditLog(ctx, warehouse.AuditFilter{Actor: a.Name})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range log {
		got = append(got, e.Action+":"+e.Result)
		if e.Remote == "" || len(e.SHA256) != 64 || e.Agency == "" {
			t.Errorf("audit entry lacks where from, the SHA-256 or the agency: %+v", e)
		}
	}
	want := "report.replace:ok report.upload:pending report.upload:loaded report.upload:forbidden report.upload:forbidden"
	if strings.Join(got, " ") != want {
		t.Errorf("audit log of %s:\n got %s\nwant %s", a.Name, strings.Join(got, " "), want)
	}
}

// TestUploadFileOfAnotherAgency: a file is a duplicate only of its own
// agency-year. Uploader B's upload, under B's name, of the bytes A loaded
// (or A's, of bytes B loaded first: B can pre-empt A's published file) is
// 409 saying so, not 201 "duplicate" naming the other agency's report as if
// B's year had it; nothing is written either way; the same agency's repeat
// stays a duplicate, and the same bytes given another year are 409 too.
// Fails on the old code: 201 duplicate for both.
func TestUploadFileOfAnotherAgency(t *testing.T) {
	db := emptyDB(t)
	h := New(db, testLogger(t), Options{})
	_, tokenA := testUser(t, db, warehouse.RoleUploader, agencyA)
	_, tokenB := testUser(t, db, warehouse.RoleUploader, agencyB)
	asA, asB := withToken(h, tokenA), withToken(h, tokenB)
	upload := func(as http.Handler, data []byte, fields map[string]string) (int, uploadResult) {
		status, body := do(t, as, multipartUpload(t, "/api/reports", "年度报告.txt", data, fields))
		var res uploadResult
		if err := json.Unmarshal([]byte(body), &res); err != nil {
			t.Fatalf("%d %s", status, snippet(body))
		}
		return status, res
	}
	reports := func() string {
		tb, err := db.SQL(context.Background(), "SELECT string_agg(agency || year, ',' ORDER BY report_id) FROM reports")
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(tb.Rows[0][0])
	}
	// A file that names no agency: the form gives it.
	data := syntheticReport("", 2021)
	if status, res := upload(asA, data, map[string]string{"agency": agencyA}); status != http.StatusCreated || res.Duplicate {
		t.Fatalf("A's upload: %d duplicate=%v %q", status, res.Duplicate, res.Error)
	}
	status, res := upload(asB, data, map[string]string{"agency": agencyB})
	if status != http.StatusConflict || res.Duplicate || res.ReportID != 0 || !strings.Contains(res.Error, "另一机关或年度") {
		t.Errorf("B's upload of the bytes A loaded: %d duplicate=%v report %d %q; want 409", status, res.Duplicate, res.ReportID, res.Error)
	}
	if status, res := upload(asA, data, map[string]string{"agency": agencyA}); status != http.StatusCreated || !res.Duplicate {
		t.Errorf("A's repeat: %d duplicate=%v %q, want 201 duplicate", status, res.Duplicate, res.Error)
	}
	if status, res := upload(asA, data, map[string]string{"agency": agencyA, "year": "2022"}); status != http.StatusConflict {
		t.Errorf("A's bytes given another year: %d duplicate=%v report %d, want 409", status, res.Duplicate, res.ReportID)
	}
	// B first, then A: A's own file is not swallowed as B's.
	other := syntheticReport("", 2020)
	if status, _ := upload(asB, other, map[string]string{"agency": agencyB}); status != http.StatusCreated {
		t.Fatalf("B's upload: %d", status)
	}
	if status, res := upload(asA, other, map[string]string{"agency": agencyA}); status != http.StatusConflict {
		t.Errorf("A's upload of the bytes B loaded first: %d duplicate=%v report %d; want 409", status, res.Duplicate, res.ReportID)
	}
	if got, want := reports(), agencyA+"2021,"+agencyB+"2020"; got != want {
		t.Errorf("reports: %s, want %s", got, want)
	}
}

// TestAdminPages: an administrator creates an account and a token in the
// browser (the token shown once), disables the account, and finds it all
// in the audit log and its CSV download.
func TestAdminPages(t *testing.T) {
	db := emptyDB(t)
	h := New(db, testLogger(t), Options{})
	admin, _ := testUser(t, db, warehouse.RoleAdmin)
	cookie, csrf := session(t, db, admin)
	post := func(path string, form url.Values) (int, string) {
		form.Set("csrf", csrf)
		return do(t, h, postForm(path, form, cookie))
	}
	get := func(path string) (int, string) {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.AddCookie(cookie)
		return do(t, h, req)
	}
	if status, body := post("/admin/users", url.Values{"name": {"zhang"}, "role": {"uploader"}, "agencies": {agencyA + "\n" + agencyB}, "password": {"short"}}); status != 400 || !strings.Contains(body, "密码太短") {
		t.Errorf("short password: %d", status)
	}
	if status, _ := post("/admin/users", url.Values{"name": {"zhang"}, "role": {"uploader"}, "agencies": {agencyA + "\n" + agencyB}, "password": {"zhang-password"}}); status != 303 {
		t.Fatalf("create user: %d", status)
	}
	zhang, err := db.UserByName(context.Background(), "zhang")
	if err != nil || len(zhang.Agencies) != 2 {
		t.Fatalf("created user: %+v %v", zhang, err)
	}
	status, body := post("/admin/users/"+itoa64(zhang.ID)+"/tokens", url.Values{"expires": {"90d"}})
	if status != 201 || !strings.Contains(body, `id="new-token"`) || !strings.Contains(body, "gk_") {
		t.Fatalf("create token: %d", status)
	}
	if _, again := get("/admin/users"); strings.Contains(again, `id="new-token"`) {
		t.Error("the token is shown again")
	}
	opensUpload := func(c *http.Cookie) bool {
		req := httptest.NewRequest(http.MethodGet, "/upload", nil)
		req.AddCookie(c)
		status, _ := do(t, h, req)
		return status == 200
	}
	zc, _ := session(t, db, zhang)
	if !opensUpload(zc) {
		t.Fatal("zhang's session does not open /upload")
	}
	if status, _ := post("/admin/users/"+itoa64(zhang.ID)+"/logout", url.Values{}); status != 303 || opensUpload(zc) {
		t.Errorf("ending zhang's sessions: %d; the session still works: %v", status, opensUpload(zc))
	}
	zc, _ = session(t, db, zhang)
	if status, _ := post("/admin/users/"+itoa64(zhang.ID)+"/disable", url.Values{}); status != 303 {
		t.Fatalf("disable: %d", status)
	}
	req := httptest.NewRequest(http.MethodGet, "/upload", nil)
	req.AddCookie(zc)
	if status, _ := do(t, h, req); status != http.StatusSeeOther {
		t.Errorf("a disabled user's session still opens /upload: %d", status)
	}
	if status, _ := post("/admin/users/"+itoa64(admin.ID)+"/disable", url.Values{}); status != 400 {
		t.Errorf("disabling oneself: %d, want 400", status)
	}

	status, body = get("/admin/audit?action=user.")
	if status != 200 || !strings.Contains(body, "创建用户 zhang") || !strings.Contains(body, "停用用户 zhang") || strings.Contains(body, "token.create") {
		t.Errorf("audit page filtered to user changes: %d %s", status, snippet(body))
	}
	status, body = get("/admin/audit?format=csv&actor=" + url.QueryEscape(admin.Name))
	if status != 200 || !strings.HasPrefix(body, "\ufeffid,at,actor") || strings.Count(body, admin.Name) < 3 || !strings.Contains(body, "token.create") {
		t.Errorf("audit CSV: %d %s", status, snippet(body))
	}
	if status, _ := get("/admin/audit?from=yesterday"); status != 400 {
		t.Errorf("a bad date: %d, want 400", status)
	}
}

// TestAgencyCorrection: an administrator corrects an agency's region and
// level on its page; every page shows the correction at once, and the audit
// log names who made it with the values before and after.
func TestAgencyCorrection(t *testing.T) {
	db := emptyDB(t)
	h := New(db, testLogger(t), Options{})
	admin, adminToken := testUser(t, db, warehouse.RoleAdmin)
	_, uploaderToken := testUser(t, db, warehouse.RoleUploader, agencyA)
	status, body := do(t, withToken(h, uploaderToken), multipartUpload(t, "/api/reports", "甲.txt", syntheticReport(agencyA, 2021), nil))
	var res uploadResult
	if err := json.Unmarshal([]byte(body), &res); status != 201 || err != nil {
		t.Fatalf("upload: %d %s", status, snippet(body))
	}
	path := "/admin/agencies/" + itoa64(res.AgencyID) + "/region"
	cookie, csrf := session(t, db, admin)
	form := url.Values{"province": {"贵州省"}, "city": {"遵义市"}, "level": {"市级部门"}, "csrf": {csrf}}
	// Warm the cache first: the correction must not leave a stale page behind.
	if _, page := fetch(t, withToken(h, adminToken), "/agencies/"+itoa64(res.AgencyID)); !strings.Contains(page, `id="agency-region"`) {
		t.Errorf("the agency page shows administrators no correction form")
	}
	if status, _ := do(t, withToken(h, uploaderToken), postForm(path, form)); status != 403 {
		t.Errorf("an uploader correcting an agency: %d, want 403", status)
	}
	bad := url.Values{"level": {"村级"}, "csrf": {csrf}}
	if status, _ := do(t, h, postForm(path, bad, cookie)); status != 400 {
		t.Errorf("an unknown level: %d, want 400", status)
	}
	if status, _ := do(t, h, postForm(path, form, cookie)); status != 303 {
		t.Fatalf("correction: %d", status)
	}
	_, page := fetch(t, withToken(h, adminToken), "/agencies/"+itoa64(res.AgencyID))
	if !strings.Contains(page, "贵州省 · 遵义市 · 市级部门") {
		t.Errorf("the agency page does not show the correction: %s", snippet(page))
	}
	entries, err := db.AuditLog(context.Background(), warehouse.AuditFilter{Action: "agency."})
	if err != nil || len(entries) != 1 || entries[0].Actor != admin.Name || entries[0].Agency != agencyA ||
		!strings.Contains(entries[0].Detail, "贵州省 / 遵义市 /  / 市级部门") {
		t.Errorf("audit of the correction: %+v %v", entries, err)
	}
}

// BenchmarkAuthenticate measures what accounts add to a request: /healthz
// (no other work) anonymously, with a session cookie and with an API token,
// each looked up in the warehouse.
func BenchmarkAuthenticate(b *testing.B) {
	db, err := warehouse.Open(context.Background(), b.TempDir()+"/bench.duckdb")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	h := New(db, nil, Options{})
	u, token := testUser(b, db, warehouse.RoleViewer)
	secret, err := db.CreateSession(context.Background(), u.ID, 3600e9, "bench")
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		set  func(*http.Request)
	}{
		{"anonymous", func(*http.Request) {}},
		{"session", func(r *http.Request) { r.AddCookie(&http.Cookie{Name: sessionCookie, Value: secret}) }},
		{"token", func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+token) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				req := httptest.NewRequest(http.MethodGet, "/healthz", nil)
				bc.set(req)
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != 200 {
					b.Fatalf("status %d", rec.Code)
				}
			}
		})
	}
}

// TestAuditCSVCell: text from uploaded files (agency names) reaches the
// audit CSV, and a cell that starts like a formula must stay text in Excel.
func TestAuditCSVCell(t *testing.T) {
	for in, want := range map[string]string{
		"测试市甲局": "测试市甲局", "=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")", "+1": "'+1", "-1": "'-1", "@a": "'@a", "": "",
	} {
		if got := cell(in); got != want {
			t.Errorf("cell(%q) = %q, want %q", in, got, want)
		}
	}
}
