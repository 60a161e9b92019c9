package dashboard

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"gongkai"
	"gongkai/warehouse"
)

// access is what a route requires of its visitor.
type access int

const (
	accessOpen   access = iota + 1 // anyone, without an account: /healthz, /login, the login page's assets
	accessView                     // any account; anonymous visitors too when the server runs with --public
	accessUser                     // any account (logging out)
	accessUpload                   // uploaders (for their own agencies: checked on the report) and admins
	accessSQL                      // analysts and admins: the SQL console and API
	accessAdmin                    // admins: accounts, tokens, the audit log, agency corrections
)

// accessRules says, for every route ("METHOD /path" as registered in
// routes.go), who may use it. It is the one place to extend when adding a
// route: TestRouteAccess walks the router's own route list and fails for a
// route without a rule, and the server refuses such a route to everyone.
//
// accessUpload only admits a role that may upload at all; the agency is
// checked where it is known: on the parsed report (upload.go), or, for a
// route with a report :id, on that report's agency before the handler runs.
var accessRules = map[string]access{
	"GET /healthz":     accessOpen,
	"HEAD /healthz":    accessOpen,
	"GET /static/*":    accessOpen,
	"GET /favicon.ico": accessOpen,
	"GET /login":       accessOpen,
	"POST /login":      accessOpen,
	"POST /logout":     accessUser,

	"GET /":                   accessView,
	"GET /licensing":          accessView,
	"GET /proactive":          accessView,
	"GET /applications":       accessView,
	"GET /reviews":            accessView,
	"GET /quality":            accessView,
	"GET /regions":            accessView,
	"GET /compare":            accessView,
	"GET /agencies":           accessView,
	"GET /agencies/:id":       accessView,
	"GET /reports/:id":        accessView,
	"GET /reports/:id/source": accessView,
	"GET /api/queries":        accessView,
	"GET /api/queries/:name":  accessView,
	"GET /api/regions":        accessView,

	"GET /upload":                   accessUpload,
	"GET /upload/template":          accessUpload,
	"POST /upload":                  accessUpload,
	"POST /api/reports":             accessUpload,
	"POST /reports/:id/confirm":     accessUpload,
	"POST /api/reports/:id/confirm": accessUpload,

	"GET /sql":                        accessSQL,
	"POST /sql":                       accessSQL,
	"POST /sql/saved":                 accessSQL,
	"POST /sql/saved/:id/delete":      accessSQL,
	"GET /api/sql":                    accessSQL,
	"POST /api/sql":                   accessSQL,
	"GET /admin/users":                accessAdmin,
	"POST /admin/users":               accessAdmin,
	"POST /admin/users/:id/disable":   accessAdmin,
	"POST /admin/users/:id/enable":    accessAdmin,
	"POST /admin/users/:id/password":  accessAdmin,
	"POST /admin/users/:id/logout":    accessAdmin,
	"POST /admin/users/:id/tokens":    accessAdmin,
	"POST /admin/tokens/:id/revoke":   accessAdmin,
	"GET /admin/audit":                accessAdmin,
	"POST /admin/agencies/:id/region": accessAdmin,
}

// allows reports whether u (nil: an anonymous visitor) may use a route that
// requires a; public is the server's --public.
func allows(a access, u *warehouse.User, public bool) bool {
	if a == accessOpen {
		return true
	}
	if u == nil {
		return a == accessView && public
	}
	switch a {
	case accessView, accessUser:
		return true
	case accessUpload:
		return u.Role == warehouse.RoleUploader || u.Role == warehouse.RoleAdmin
	case accessSQL:
		return u.Role == warehouse.RoleAnalyst || u.Role == warehouse.RoleAdmin
	case accessAdmin:
		return u.Role == warehouse.RoleAdmin
	}
	return false
}

// Context keys of what authenticate learns about a request.
const (
	ctxUser    = "gongkai.user"    // *warehouse.User, absent for anonymous visitors
	ctxSession = "gongkai.session" // the session secret, when a cookie authenticated the request
	ctxBearer  = "gongkai.bearer"  // true when an API token authenticated the request
)

// Cookie names: the session, and the CSRF token of a visitor without one
// (the login form).
const (
	sessionCookie = "gk_session"
	csrfCookie    = "gk_csrf"
)

// internalView marks the server's own requests (cache warming) in their
// context: they see what a viewer sees. No client can set a context value.
type internalView struct{}

// userOf returns the account of the request, or nil for an anonymous visitor.
func userOf(c echo.Context) *warehouse.User {
	u, _ := c.Get(ctxUser).(*warehouse.User)
	return u
}

// actorOf is who the audit log names for the request.
func actorOf(c echo.Context) warehouse.Actor {
	a := warehouse.Actor{Name: "anonymous", Remote: c.RealIP()}
	if u := userOf(c); u != nil {
		a.Name = u.Name
	}
	return a
}

// authenticate finds the account of a request — an API token in
// Authorization: Bearer, else a session cookie — then applies the route's
// rule and, for a state-changing request from a browser, the CSRF check.
//
// Refusals: an unknown, revoked or expired token is 401 whatever the route;
// an anonymous visitor where an account is needed is sent to /login (pages)
// or gets 401 (the API); an account whose role may not is 403, as is a
// browser POST without the form's CSRF token or from another origin.
func (h *handler) authenticate(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		ctx := req.Context()
		if auth := req.Header.Get(echo.HeaderAuthorization); auth != "" {
			scheme, token, _ := strings.Cut(auth, " ")
			if !strings.EqualFold(scheme, "Bearer") {
				return unauthorized(c)
			}
			u, err := h.db.TokenUser(ctx, strings.TrimSpace(token))
			if err != nil {
				return err
			}
			if u == nil {
				return unauthorized(c)
			}
			c.Set(ctxUser, u)
			c.Set(ctxBearer, true)
		} else if ck, err := req.Cookie(sessionCookie); err == nil && ck.Value != "" {
			u, err := h.db.SessionUser(ctx, ck.Value)
			if err != nil {
				return err
			}
			if u != nil {
				c.Set(ctxUser, u)
				c.Set(ctxSession, ck.Value)
			}
		}

		rule := h.ruleOf(c)
		u := userOf(c)
		if u == nil && ctx.Value(internalView{}) != nil {
			u = &warehouse.User{Name: "(cache)", Role: warehouse.RoleViewer}
		}
		if !allows(rule, u, h.opts.Public) {
			switch {
			case u != nil:
				return gongkai.Errorf(gongkai.CodeForbidden, "您的账户（%s）无权使用此功能。", u.Role.Label())
			case isAPI(c) || req.Method != http.MethodGet:
				return unauthorized(c)
			}
			return c.Redirect(http.StatusSeeOther, "/login?next="+url.QueryEscape(req.URL.RequestURI()))
		}
		if unsafeMethod(req.Method) && c.Get(ctxBearer) == nil {
			if err := checkCSRF(c); err != nil {
				return err
			}
		}
		if rule == accessUpload && c.Param("id") != "" && u.Role != warehouse.RoleAdmin {
			if err := h.mayUploadReport(c, u); err != nil {
				return err
			}
		}
		return next(c)
	}
}

// ruleOf returns the rule of the request's route. A registered route
// without a rule is refused to everyone (TestRouteAccess catches it first).
// A request that matches no route (404, 405) is treated like a page, so
// that without an account it leads to /login rather than telling which
// paths exist; a 405 takes the rule of the path's GET.
func (h *handler) ruleOf(c echo.Context) access {
	key := c.Request().Method + " " + c.Path()
	if a, ok := accessRules[key]; ok {
		return a
	}
	if h.routeKeys[key] {
		return accessAdmin + 1 // no role has it
	}
	if a, ok := accessRules["GET "+c.Path()]; ok {
		return a
	}
	return accessView
}

// mayUploadReport checks, for a route about report :id (confirming a
// pending version), that the report is of one of the uploader's agencies.
// Another agency's report is answered as an id that names no report — the
// same 404, word for word (as visibleReport answers for a pending page) —
// not a 403 naming its agency: that told any logged-in uploader which ids
// exist, pending ones too, and whose they are.
func (h *handler) mayUploadReport(c echo.Context, u *warehouse.User) error {
	id, err := pathID(c, "报告")
	if err != nil {
		return err
	}
	sr, err := h.db.Report(c.Request().Context(), id)
	if err != nil {
		return err
	}
	if !u.MayUploadFor(sr.Info.Agency) {
		// Word for word warehouse.Report's answer for no such report.
		return notFound("没有编号为 %d 的报告", id)
	}
	return nil
}

// forbiddenAgency is the refusal of an upload for an agency that is not the
// uploader's.
func forbiddenAgency(u *warehouse.User, agency string) error {
	if u == nil {
		return gongkai.Errorf(gongkai.CodeForbidden, "请先登录。")
	}
	if u.Role != warehouse.RoleUploader {
		return gongkai.Errorf(gongkai.CodeForbidden, "您的账户（%s）不能上传报告。", u.Role.Label())
	}
	return gongkai.Errorf(gongkai.CodeForbidden, "您只能上传本机构的报告：此报告属于“%s”，您的账户绑定的机构是“%s”。未载入任何数据。",
		clip(agency), strings.Join(u.Agencies, "”“"))
}

func isAPI(c echo.Context) bool {
	return strings.HasPrefix(c.Request().URL.Path, "/api/")
}

func unsafeMethod(m string) bool {
	return m != http.MethodGet && m != http.MethodHead && m != http.MethodOptions
}

// unauthorized is the 401 for the API (and for requests a redirect cannot
// help): it names the scheme clients should use.
func unauthorized(c echo.Context) error {
	c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="gongkai"`)
	return echo.NewHTTPError(http.StatusUnauthorized)
}

// csrfToken is the token forms must send back: derived from the session
// secret for an account (so nothing more is stored, and it dies with the
// session), else the visitor's gk_csrf cookie (the login form). It is empty
// for a visitor with neither.
func csrfToken(c echo.Context) string {
	if s, ok := c.Get(ctxSession).(string); ok {
		return sessionCSRF(s)
	}
	if v, ok := c.Get(csrfCookie).(string); ok {
		return v
	}
	if ck, err := c.Request().Cookie(csrfCookie); err == nil {
		return ck.Value
	}
	return ""
}

// sessionCSRF is the CSRF token of the session with secret: a hash, so
// that the page's token does not give the session away.
func sessionCSRF(secret string) string {
	sum := sha256.Sum256([]byte("gongkai csrf\x00" + secret))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

// checkCSRF refuses a state-changing browser request from another origin
// (Origin, or Sec-Fetch-Site when a browser sends no Origin) or without the
// form's token (field csrf, or header X-CSRF-Token for scripts). A body too
// large to read is reported as such, not as a missing token.
func checkCSRF(c echo.Context) error {
	req := c.Request()
	if o := req.Header.Get("Origin"); o != "" {
		if u, err := url.Parse(o); err != nil || u.Host != req.Host {
			return gongkai.Errorf(gongkai.CodeForbidden, "拒绝来自其他网站的请求。")
		}
	} else if req.Header.Get("Sec-Fetch-Site") == "cross-site" {
		return gongkai.Errorf(gongkai.CodeForbidden, "拒绝来自其他网站的请求。")
	}
	got := req.Header.Get("X-CSRF-Token")
	if got == "" {
		var err error
		if got, err = formValue(c, "csrf"); err != nil {
			return err
		}
	}
	want := csrfToken(c)
	if want == "" || subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1 {
		return gongkai.Errorf(gongkai.CodeForbidden, "表单已过期或来源无法验证（缺少 CSRF 令牌），请刷新页面后重试。")
	}
	return nil
}

// formValue reads one field of a urlencoded or multipart form, returning the
// parse error (a body over the size limit) that c.FormValue would hide.
func formValue(c echo.Context, name string) (string, error) {
	req := c.Request()
	if strings.HasPrefix(req.Header.Get(echo.HeaderContentType), echo.MIMEMultipartForm) {
		if _, err := c.MultipartForm(); err != nil {
			if tooLarge(err) {
				return "", err
			}
			return "", nil
		}
		return req.FormValue(name), nil
	}
	if err := req.ParseForm(); err != nil && tooLarge(err) {
		return "", err
	}
	return req.PostFormValue(name), nil
}

func tooLarge(err error) bool {
	var mb *http.MaxBytesError
	return errors.As(err, &mb)
}

// withInternalView marks ctx as the server's own request (see internalView).
func withInternalView(ctx context.Context) context.Context {
	return context.WithValue(ctx, internalView{}, true)
}
