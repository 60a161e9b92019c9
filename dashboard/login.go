package dashboard

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"slices"
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
// name, a wrong password and a disabled account alike; 429 once too many
// failures within a minute stand against the attempt (loginKeys).
func (h *handler) loginSubmit(c echo.Context) error {
	d := loginData{Username: strings.TrimSpace(c.FormValue("username")), Next: localPath(c.FormValue("next"))}
	password := c.FormValue("password")
	h.ensureCSRFCookie(c)
	if d.Username == "" || password == "" {
		d.Error = "请输入用户名和密码。"
		return h.render(c, http.StatusBadRequest, "login", &page{Title: "登录", Data: d})
	}
	remote := c.RealIP()
	version := ""
	if _, err := c.Cookie(knownCookie); err == nil {
		// Only a browser with proofs costs the lookup; an unknown name has
		// no version, so no proof counts for it.
		if version, err = h.db.LoginVersion(c.Request().Context(), d.Username); err != nil {
			return err
		}
	}
	keys := h.logins.keys(c, d.Username, version, remote)
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
	if version, err = h.db.LoginVersion(c.Request().Context(), d.Username); err != nil {
		return err
	}
	h.logins.remember(c, d.Username, version)
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

// loginLimit is how many failed logins a key (loginKeys) may have within
// loginWindow before further attempts under it get 429.
const (
	loginLimit  = 5
	loginWindow = time.Minute
)

// knownCookie holds the proofs that this browser logged in as a name
// before (loginThrottle.remember), at most knownNames of them.
const (
	knownCookie = "gk_known"
	knownNames  = 4
	knownTTL    = 365 * 24 * time.Hour
)

// loginThrottle counts recent login failures per key. It lives in memory: a
// restart forgives, which costs an attacker a restart per handful of
// guesses.
//
// The keys of an attempt (keys) are, from a browser that has logged in as
// the name with its current password (a known browser: its gk_known cookie
// holds a proof, below), that proof alone; from any other, the name and the
// address. So a stranger's failures — anyone who knows an admin's name —
// lock the name for strangers only: its owner, from a browser they have
// logged in with, still passes with the right password, and only their own
// failures there lock that browser (review s38).
//
// A proof is a nonce the server drew at that login and an HMAC, under this
// server's key, of the name, the nonce and the account's LoginVersion (a
// digest of its password hash). The nonce makes each browser its own key:
// one who once logged in as the name (a colleague who knew the password)
// spends their failures on their own proof, never on the owner's browsers
// (review s38 LOW on eb83ec6: the proof was one HMAC a name, so its five
// failures a minute throttled every known browser of the name). The version
// ends every proof of the name when its password is set: after that its
// holders are strangers again, and the proofs they gathered while they knew
// the password buy no guesses of their own.
//
// The trade-offs: the owner on a browser new to the name, after the server
// restarts (a new key) or after the password is set (until they log in
// there again), is kept out while strangers keep failing for the name, as
// before; guessing stays at loginLimit a minute a name for strangers however
// many addresses they use; each proof buys its browser loginLimit guesses a
// minute, but only one who knows the current password can get proofs, and
// they lapse with it; a browser with a proof costs one account lookup per
// attempt.
type loginThrottle struct {
	mu       sync.Mutex
	failures map[string][]time.Time
	key      []byte // the HMAC key of the known-browser proofs
}

func newLoginThrottle() *loginThrottle {
	key := make([]byte, 32)
	rand.Read(key)
	return &loginThrottle{failures: map[string][]time.Time{}, key: key}
}

// proofNonce is the length in hex digits of a proof's nonce; a proof is the
// nonce, "-" and 32 hex digits of HMAC.
const proofNonce = 16

// proof is the known-browser proof of name (any case) with nonce, under the
// account's password version.
func (t *loginThrottle) proof(name, nonce, version string) string {
	m := hmac.New(sha256.New, t.key)
	m.Write([]byte("known\x00" + strings.ToLower(name) + "\x00" + nonce + "\x00" + version))
	return nonce + "-" + hex.EncodeToString(m.Sum(nil)[:16])
}

// keys are the throttle's keys of an attempt to log in as name, whose
// account's LoginVersion is version ("" for none: then no proof counts),
// from remote through c; the first is the one a success clears.
func (t *loginThrottle) keys(c echo.Context, name, version, remote string) []string {
	if ck, err := c.Cookie(knownCookie); err == nil && version != "" {
		for _, p := range strings.Split(ck.Value, ".") {
			nonce, _, ok := strings.Cut(p, "-")
			if !ok || len(nonce) != proofNonce {
				continue
			}
			if hmac.Equal([]byte(p), []byte(t.proof(name, nonce, version))) {
				return []string{"known:" + p}
			}
		}
	}
	return []string{"user:" + strings.ToLower(name), "addr:" + remote}
}

// remember gives the browser of c a new proof that it logged in as name
// under the password version, in place of the one it held for name, keeping
// the last few other proofs it holds (those of other names, or lapsed ones,
// which newer ones push out).
func (t *loginThrottle) remember(c echo.Context, name, version string) {
	nonce := make([]byte, proofNonce/2)
	rand.Read(nonce)
	proofs := []string{t.proof(name, hex.EncodeToString(nonce), version)}
	if ck, err := c.Cookie(knownCookie); err == nil {
		for _, p := range strings.Split(ck.Value, ".") {
			old, _, _ := strings.Cut(p, "-")
			if len(proofs) < knownNames && len(p) == len(proofs[0]) && !slices.Contains(proofs, p) &&
				!hmac.Equal([]byte(p), []byte(t.proof(name, old, version))) {
				proofs = append(proofs, p)
			}
		}
	}
	c.SetCookie(&http.Cookie{Name: knownCookie, Value: strings.Join(proofs, "."), Path: "/login",
		MaxAge: int(knownTTL.Seconds()), HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: c.Scheme() == "https"})
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
