package dashboard

import (
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"gongkai"
	"gongkai/warehouse"
)

// loginData is what the login page shows.
type loginData struct {
	Username string
	Next     string
	Error    string
}

// loginForm is GET /login. A visitor without a CSRF cookie gets one here,
// so that the form can be checked like every other.
func (h *handler) loginForm(c echo.Context) error {
	if userOf(c) != nil && c.QueryParam("next") == "" {
		return c.Redirect(http.StatusSeeOther, "/")
	}
	h.ensureCSRFCookie(c)
	return h.render(c, http.StatusOK, "login", &page{Title: "登录", Data: loginData{Next: localPath(c.QueryParam("next"))}})
}

// loginSubmit is POST /login (username, password, next): 303 to next with a
// session cookie, or the form again with 401 and one message for an unknown
// name, a wrong password and a disabled account alike; 429 once the name or
// the address has failed too often within a minute.
func (h *handler) loginSubmit(c echo.Context) error {
	d := loginData{Username: strings.TrimSpace(c.FormValue("username")), Next: localPath(c.FormValue("next"))}
	password := c.FormValue("password")
	h.ensureCSRFCookie(c)
	if d.Username == "" || password == "" {
		d.Error = "请输入用户名和密码。"
		return h.render(c, http.StatusBadRequest, "login", &page{Title: "登录", Data: d})
	}
	remote := c.RealIP()
	keys := []string{"user:" + strings.ToLower(d.Username), "addr:" + remote}
	if wait := h.logins.blocked(keys...); wait > 0 {
		c.Response().Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		d.Error = "登录失败次数过多，请稍后再试。"
		return h.render(c, http.StatusTooManyRequests, "login", &page{Title: "登录", Data: d})
	}
	u, err := h.db.Authenticate(c.Request().Context(), d.Username, password)
	if err == warehouse.ErrBadLogin {
		h.logins.fail(keys...)
		h.log.Warn("login failed", "user", d.Username, "remote", remote)
		d.Error = gongkai.ErrorMessage(err)
		return h.render(c, http.StatusUnauthorized, "login", &page{Title: "登录", Data: d})
	}
	if err != nil {
		return err
	}
	h.logins.clear(keys[0])
	secret, err := h.db.CreateSession(c.Request().Context(), u.ID, h.opts.SessionTTL, remote)
	if err != nil {
		return err
	}
	c.SetCookie(&http.Cookie{Name: sessionCookie, Value: secret, Path: "/", MaxAge: int(h.opts.SessionTTL.Seconds()),
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: c.Scheme() == "https"})
	h.log.Info("login", "user", u.Name, "remote", remote)
	next := d.Next
	if next == "" {
		next = "/"
	}
	return c.Redirect(http.StatusSeeOther, next)
}

// logout is POST /logout: the session ends in the warehouse (so a copied
// cookie dies with it) and in the browser.
func (h *handler) logout(c echo.Context) error {
	if s, ok := c.Get(ctxSession).(string); ok {
		if err := h.db.DeleteSession(c.Request().Context(), s); err != nil {
			return err
		}
	}
	c.SetCookie(&http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: c.Scheme() == "https"})
	return c.Redirect(http.StatusSeeOther, "/login")
}

// ensureCSRFCookie gives a visitor without a session a random CSRF cookie,
// the token of the login form.
func (h *handler) ensureCSRFCookie(c echo.Context) {
	if csrfToken(c) != "" {
		return
	}
	v := warehouse.NewPassword() + warehouse.NewPassword()
	c.Set(csrfCookie, v)
	c.SetCookie(&http.Cookie{Name: csrfCookie, Value: v, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: c.Scheme() == "https"})
}

// localPath returns p when it is a path on this server, else "": a login
// must never send the browser to another site.
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.ContainsAny(p, "\\\r\n") || len(p) > 2000 {
		return ""
	}
	return p
}

// loginLimit is how many failed logins a user name, or an address, may have
// within loginWindow before further attempts get 429.
const (
	loginLimit  = 5
	loginWindow = time.Minute
)

// loginThrottle counts recent login failures per key (user name, address).
// It lives in memory: a restart forgives, which costs an attacker a restart
// per handful of guesses.
type loginThrottle struct {
	mu       sync.Mutex
	failures map[string][]time.Time
}

func newLoginThrottle() *loginThrottle {
	return &loginThrottle{failures: map[string][]time.Time{}}
}

// blocked returns how long until the most limited of keys may try again,
// or 0.
func (t *loginThrottle) blocked(keys ...string) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := time.Now()
	var wait time.Duration
	for _, k := range keys {
		recent := t.recent(k, now)
		if len(recent) >= loginLimit {
			if w := recent[len(recent)-loginLimit].Add(loginWindow).Sub(now); w > wait {
				wait = w
			}
		}
	}
	return wait
}

func (t *loginThrottle) fail(keys ...string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := time.Now()
	if len(t.failures) > 100000 { // a flood of names: forget the oldest rather than grow without bound
		for k := range t.failures {
			if len(t.recent(k, now)) == 0 {
				delete(t.failures, k)
			}
		}
	}
	for _, k := range keys {
		t.failures[k] = append(t.recent(k, now), now)
	}
}

func (t *loginThrottle) clear(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.failures, key)
}

// recent returns the failures of key within the window; t.mu is held.
func (t *loginThrottle) recent(key string, now time.Time) []time.Time {
	fs := t.failures[key]
	i := 0
	for i < len(fs) && now.Sub(fs[i]) > loginWindow {
		i++
	}
	fs = fs[i:]
	if len(fs) == 0 {
		delete(t.failures, key)
		return nil
	}
	t.failures[key] = fs
	return fs
}
