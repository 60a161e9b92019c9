package warehouse

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"

	"gongkai"
)

// Role is what an account may do. Each role includes the viewer's rights.
type Role string

// The roles, from least to most.
const (
	RoleViewer   Role = "viewer"   // dashboards, report pages, downloads, the named-query API
	RoleUploader Role = "uploader" // a viewer who uploads for the agencies bound to the account
	RoleAnalyst  Role = "analyst"  // a viewer who runs ad-hoc SQL
	RoleAdmin    Role = "admin"    // everything, accounts and the audit log included
)

// Roles lists the roles in the order forms show them.
var Roles = []Role{RoleViewer, RoleUploader, RoleAnalyst, RoleAdmin}

// ParseRole returns the role named s. It returns a *gongkai.Error with
// CodeInvalid for any other text.
func ParseRole(s string) (Role, error) {
	for _, r := range Roles {
		if string(r) == strings.TrimSpace(s) {
			return r, nil
		}
	}
	return "", gongkai.Errorf(gongkai.CodeInvalid, "角色“%s”不存在：可选 viewer、uploader、analyst、admin", clipText(s, 40))
}

// Label is the role's Chinese name.
func (r Role) Label() string {
	switch r {
	case RoleViewer:
		return "查看者"
	case RoleUploader:
		return "上传者"
	case RoleAnalyst:
		return "分析员"
	case RoleAdmin:
		return "管理员"
	}
	return string(r)
}

// MinPassword is the shortest password accepted, in characters. bcrypt reads
// at most 72 bytes, so longer passwords are refused rather than cut.
const (
	MinPassword = 10
	maxPassword = 72
)

// User is an account. Agencies are the agencies an uploader may upload for,
// as the administrator named them.
type User struct {
	ID        int64
	Name      string
	Role      Role
	Agencies  []string
	Disabled  bool
	CreatedAt time.Time
}

// MayUploadFor reports whether u may upload a report of agency: admins for
// any agency, uploaders for their own (names compared as loads match them:
// full-width forms folded, white space ignored), nobody else.
func (u *User) MayUploadFor(agency string) bool {
	switch {
	case u == nil || u.Disabled:
		return false
	case u.Role == RoleAdmin:
		return true
	case u.Role != RoleUploader:
		return false
	}
	key := nameKey(agency)
	for _, a := range u.Agencies {
		if nameKey(a) == key {
			return true
		}
	}
	return false
}

// Actor is who makes a change and from where, as the audit log records it.
type Actor struct {
	Name, Remote string
}

// NewUser is an account to create.
type NewUser struct {
	Name     string
	Role     Role
	Agencies []string // required for uploaders, refused for other roles
	Password string
}

// ErrBadLogin is what Authenticate returns for an unknown user, a wrong
// password and a disabled account alike, so that the answer tells an
// attacker nothing about which names exist.
var ErrBadLogin = gongkai.Errorf(gongkai.CodeForbidden, "用户名或密码不正确。")

var errReadOnly = gongkai.Errorf(gongkai.CodeInvalid, "数据库以只读方式打开，不能修改")

// CreateUser adds an account and records it in the audit log. It returns a
// *gongkai.Error with CodeInvalid for a bad name, role, agency list or a
// password shorter than MinPassword, and CodeConflict when the name is taken.
func (db *DB) CreateUser(ctx context.Context, by Actor, nu NewUser) (*User, error) {
	if db.state == nil {
		return nil, errReadOnly
	}
	name, err := checkUserName(nu.Name)
	if err != nil {
		return nil, err
	}
	if _, err := ParseRole(string(nu.Role)); err != nil {
		return nil, err
	}
	agencies, err := checkAgencies(nu.Role, nu.Agencies)
	if err != nil {
		return nil, err
	}
	hash, err := hashPassword(nu.Password)
	if err != nil {
		return nil, err
	}
	if u, err := db.UserByName(ctx, name); err == nil && u != nil {
		return nil, gongkai.Errorf(gongkai.CodeConflict, "用户名“%s”已存在", name)
	}
	now := time.Now().UTC()
	var id int64
	err = db.inTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, stmt("auth_user_insert"), name, string(nu.Role), hash, now).Scan(&id); err != nil {
			return err
		}
		for _, a := range agencies {
			if _, err := tx.ExecContext(ctx, stmt("auth_user_agency_insert"), id, a, nameKey(a)); err != nil {
				return err
			}
		}
		detail := "角色 " + string(nu.Role)
		if len(agencies) > 0 {
			detail += "；机构 " + strings.Join(agencies, "、")
		}
		return audit(ctx, tx, AuditEntry{At: now, Actor: by.Name, Remote: by.Remote, Action: "user.create", Result: "ok",
			Detail: "创建用户 " + name + "（" + detail + "）"})
	})
	if err != nil {
		if strings.Contains(err.Error(), "onstraint") {
			return nil, gongkai.Errorf(gongkai.CodeConflict, "用户名“%s”已存在", name)
		}
		return nil, fmt.Errorf("warehouse: create user %s: %w", name, err)
	}
	return db.UserByID(ctx, id)
}

// Users lists every account by name.
func (db *DB) Users(ctx context.Context) ([]User, error) {
	return db.users(ctx, nil, nil)
}

// UserByID returns the account with id. It returns a *gongkai.Error with
// CodeNotFound when there is none.
func (db *DB) UserByID(ctx context.Context, id int64) (*User, error) {
	us, err := db.users(ctx, id, nil)
	if err != nil {
		return nil, err
	}
	if len(us) == 0 {
		return nil, gongkai.Errorf(gongkai.CodeNotFound, "没有编号为 %d 的用户", id)
	}
	return &us[0], nil
}

// UserByName returns the account named name. It returns a *gongkai.Error
// with CodeNotFound when there is none.
func (db *DB) UserByName(ctx context.Context, name string) (*User, error) {
	us, err := db.users(ctx, nil, strings.TrimSpace(name))
	if err != nil {
		return nil, err
	}
	if len(us) == 0 {
		return nil, gongkai.Errorf(gongkai.CodeNotFound, "没有名为“%s”的用户", clipText(name, 64))
	}
	return &us[0], nil
}

func (db *DB) users(ctx context.Context, id, name any) ([]User, error) {
	rows, err := db.db.QueryContext(ctx, stmt("auth_user"), id, name)
	if err != nil {
		return nil, fmt.Errorf("warehouse: users: %w", err)
	}
	var out []User
	for rows.Next() {
		var u User
		var role, agencies string
		if err := rows.Scan(&u.ID, &u.Name, &role, &u.Disabled, &u.CreatedAt, &agencies); err != nil {
			rows.Close()
			return nil, fmt.Errorf("warehouse: users: %w", err)
		}
		u.Role = Role(role)
		if agencies != "" {
			u.Agencies = strings.Split(agencies, "\n")
		}
		out = append(out, u)
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("warehouse: users: %w", err)
	}
	return out, nil
}

// SetDisabled disables (or enables again) the account named name. Disabling
// ends its sessions at once and makes its tokens useless until it is enabled
// again. It returns a *gongkai.Error with CodeNotFound for an unknown name,
// and with CodeInvalid for the last enabled administrator: nobody could
// manage accounts then, and only `gongkai user enable` with the server
// stopped would undo it. The dashboard keeps an administrator from
// disabling their own account, but two administrators disabling each other
// at once (or one whose account was disabled while their request ran)
// passed it.
func (db *DB) SetDisabled(ctx context.Context, by Actor, name string, disabled bool) error {
	if db.state == nil {
		return errReadOnly
	}
	defer db.secrets.clear()
	// One change of an account's state at a time: the count of the other
	// administrators and the update are one step, which two transactions
	// disabling two administrators would not be (each sees the other
	// enabled, and both commit).
	setDisabledMu.Lock()
	defer setDisabledMu.Unlock()
	u, err := db.UserByName(ctx, name)
	if err != nil {
		return err
	}
	if disabled && u.Role == RoleAdmin && !u.Disabled {
		var others int64
		if err := db.db.QueryRowContext(ctx, stmt("auth_admins_enabled_besides"), u.ID).Scan(&others); err != nil {
			return fmt.Errorf("warehouse: user.disable %s: %w", u.Name, err)
		}
		if others == 0 {
			return gongkai.Errorf(gongkai.CodeInvalid, "不能停用 %s：它是唯一启用的管理员账户，停用后将无人能管理账户。请先启用或创建另一个管理员。", u.Name)
		}
	}
	now := time.Now().UTC()
	action, detail := "user.enable", "启用用户 "+u.Name
	if disabled {
		action, detail = "user.disable", "停用用户 "+u.Name
	}
	err = db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, stmt("auth_user_set_disabled"), u.ID, disabled, now); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, stmt("auth_sessions_delete_user"), u.ID); err != nil {
			return err
		}
		return audit(ctx, tx, AuditEntry{At: now, Actor: by.Name, Remote: by.Remote, Action: action, Result: "ok", Detail: detail})
	})
	if err != nil {
		return fmt.Errorf("warehouse: %s %s: %w", action, u.Name, err)
	}
	return nil
}

// setDisabledMu serializes SetDisabled (one process holds the file).
var setDisabledMu sync.Mutex

// EndSessions ends every browser session of the account named name, so
// that a stolen or forgotten login stops working at once; its API tokens are
// untouched. It returns a *gongkai.Error with CodeNotFound for an unknown
// name.
func (db *DB) EndSessions(ctx context.Context, by Actor, name string) error {
	if db.state == nil {
		return errReadOnly
	}
	defer db.secrets.clear()
	u, err := db.UserByName(ctx, name)
	if err != nil {
		return err
	}
	err = db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, stmt("auth_sessions_delete_user"), u.ID); err != nil {
			return err
		}
		return audit(ctx, tx, AuditEntry{Actor: by.Name, Remote: by.Remote, Action: "user.logout", Result: "ok",
			Detail: "结束用户 " + u.Name + " 的全部登录会话"})
	})
	if err != nil {
		return fmt.Errorf("warehouse: end sessions of %s: %w", u.Name, err)
	}
	return nil
}

// SetPassword replaces the password of the account named name and ends its
// sessions. It returns a *gongkai.Error with CodeNotFound for an unknown
// name and CodeInvalid for a password that is too short or too long.
func (db *DB) SetPassword(ctx context.Context, by Actor, name, password string) error {
	if db.state == nil {
		return errReadOnly
	}
	defer db.secrets.clear()
	hash, err := hashPassword(password)
	if err != nil {
		return err
	}
	u, err := db.UserByName(ctx, name)
	if err != nil {
		return err
	}
	now := time.Now().UTC()
	err = db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, stmt("auth_user_set_password"), u.ID, hash, now); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, stmt("auth_sessions_delete_user"), u.ID); err != nil {
			return err
		}
		return audit(ctx, tx, AuditEntry{At: now, Actor: by.Name, Remote: by.Remote, Action: "user.password", Result: "ok",
			Detail: "重设用户 " + u.Name + " 的密码"})
	})
	if err != nil {
		return fmt.Errorf("warehouse: set password of %s: %w", u.Name, err)
	}
	return nil
}

// Authenticate checks a name and password and returns the account. Every
// failure (unknown name, wrong password, disabled account) is ErrBadLogin,
// and takes about as long as a wrong password, so that neither the answer
// nor its timing tells which names exist.
func (db *DB) Authenticate(ctx context.Context, name, password string) (*User, error) {
	var id int64
	var hash string
	var disabled bool
	err := db.db.QueryRowContext(ctx, stmt("auth_user_password"), strings.TrimSpace(name)).Scan(&id, &hash, &disabled)
	if errors.Is(err, sql.ErrNoRows) {
		bcrypt.CompareHashAndPassword(dummyHash(), []byte(password))
		return nil, ErrBadLogin
	}
	if err != nil {
		return nil, fmt.Errorf("warehouse: authenticate: %w", err)
	}
	if bcrypt.CompareHashAndPassword([]byte(hash), []byte(password)) != nil || disabled {
		return nil, ErrBadLogin
	}
	return db.UserByID(ctx, id)
}

// LoginVersion returns a digest of the password hash of the enabled account
// named name, "" for an unknown or disabled one. It changes whenever the
// password is set (bcrypt draws a new salt each time, even for the same
// password), so a proof bound to it (the dashboard's known-browser proof of
// a login) stops counting once the password changes. The digest, not the
// hash, leaves the package: nothing outside needs what a guesser could test
// passwords against.
func (db *DB) LoginVersion(ctx context.Context, name string) (string, error) {
	var id int64
	var hash string
	var disabled bool
	err := db.db.QueryRowContext(ctx, stmt("auth_user_password"), strings.TrimSpace(name)).Scan(&id, &hash, &disabled)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && disabled) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("warehouse: login version: %w", err)
	}
	sum := sha256.Sum256([]byte("login-version\x00" + hash))
	return hex.EncodeToString(sum[:16]), nil
}

var dummy struct {
	once sync.Once
	hash []byte
}

// dummyHash is a bcrypt hash of nothing anyone types, compared against when
// the user does not exist so that the failure costs the same time.
func dummyHash() []byte {
	dummy.once.Do(func() {
		dummy.hash, _ = bcrypt.GenerateFromPassword([]byte(newSecret()), bcrypt.DefaultCost)
	})
	return dummy.hash
}

// CreateSession starts a browser session for user id that lasts ttl, and
// returns its secret (the cookie's value). Only the secret's SHA-256 is
// stored; expired sessions are swept by DeleteSession.
func (db *DB) CreateSession(ctx context.Context, userID int64, ttl time.Duration, remote string) (string, error) {
	if db.state == nil {
		return "", errReadOnly
	}
	secret := newSecret()
	now := time.Now().UTC()
	if _, err := db.db.ExecContext(ctx, stmt("auth_session_insert"), secretHash(secret), userID, now, now.Add(ttl), null(remote)); err != nil {
		return "", fmt.Errorf("warehouse: create session: %w", err)
	}
	return secret, nil
}

// SessionUser returns the enabled account of the live session with secret,
// or nil when there is no such session (unknown, expired, ended) or the
// account is disabled. Errors are the warehouse's.
func (db *DB) SessionUser(ctx context.Context, secret string) (*User, error) {
	return db.secretUser(ctx, "auth_session_user", secret)
}

// DeleteSession ends the session with secret (logging out), and sweeps
// sessions that have expired.
func (db *DB) DeleteSession(ctx context.Context, secret string) error {
	if db.state == nil {
		return errReadOnly
	}
	defer db.secrets.clear()
	if _, err := db.db.ExecContext(ctx, stmt("auth_session_delete"), secretHash(secret), time.Now().UTC()); err != nil {
		return fmt.Errorf("warehouse: delete session: %w", err)
	}
	return nil
}

// TokenUser returns the enabled account of the live API token, or nil when
// the token is unknown, revoked or expired. Errors are the warehouse's.
func (db *DB) TokenUser(ctx context.Context, token string) (*User, error) {
	return db.secretUser(ctx, "auth_token_user", token)
}

func (db *DB) secretUser(ctx context.Context, query, secret string) (*User, error) {
	if secret == "" || len(secret) > 200 {
		return nil, nil
	}
	key := query + "|" + secretHash(secret)
	now := time.Now()
	u, gen := db.secrets.get(key, now)
	if u != nil {
		return u, nil
	}
	var id int64
	var expires sql.NullTime
	err := db.db.QueryRowContext(ctx, stmt(query), secretHash(secret), now.UTC()).Scan(&id, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("warehouse: %s: %w", query, err)
	}
	u, err = db.UserByID(ctx, id)
	if gongkai.ErrorCode(err) == gongkai.CodeNotFound || (u != nil && u.Disabled) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	until := now.Add(secretCacheTTL)
	if expires.Valid && expires.Time.Before(until) {
		until = expires.Time
	}
	db.secrets.put(key, u, until, gen)
	return u, nil
}

// secretCacheTTL is how long a session or token, once looked up, is
// believed without asking DuckDB again: every request of a signed-in visitor
// needs it, and a lookup costs two queries. Nothing is lost by it: every
// change that could end a session or token (logout, revoke, disable,
// password) goes through this DB, which clears the cache at once, and no
// other process can write the file while this one holds it.
const secretCacheTTL = time.Minute

// secretCache maps a secret's lookup to its user until a time (never past
// the session's or token's expiry). Unknown secrets are not remembered, so
// guessing cannot fill it; it is emptied when it grows past a bound. gen
// counts clears: a lookup that began before a change does not store what it
// read, which may be what the change just ended.
type secretCache struct {
	mu  sync.Mutex
	m   map[string]secretEntry
	gen uint64
}

type secretEntry struct {
	user  User
	until time.Time
}

// get returns the cached user of key (nil when none) and the generation a
// lookup that follows must hand to put.
func (c *secretCache) get(key string, now time.Time) (*User, uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[key]
	if !ok || !now.Before(e.until) {
		return nil, c.gen
	}
	u := e.user
	u.Agencies = append([]string(nil), e.user.Agencies...)
	return &u, c.gen
}

func (c *secretCache) put(key string, u *User, until time.Time, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if c.m == nil || len(c.m) >= 10000 {
		c.m = map[string]secretEntry{}
	}
	e := secretEntry{user: *u, until: until}
	e.user.Agencies = append([]string(nil), u.Agencies...)
	c.m[key] = e
}

// clear forgets every lookup; the account changes call it after they commit.
func (c *secretCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m = nil
	c.gen++
}

// Token describes an API token; the token itself is never stored.
type Token struct {
	ID        int64
	User      string
	CreatedAt time.Time
	ExpiresAt *time.Time // nil: never
	RevokedAt *time.Time // nil: live
	CreatedBy string
}

// Status is the token's state in Chinese: 有效, 已过期 or 已吊销.
func (t Token) Status() string {
	switch {
	case t.RevokedAt != nil:
		return "已吊销"
	case t.ExpiresAt != nil && !t.ExpiresAt.After(time.Now()):
		return "已过期"
	}
	return "有效"
}

// tokenPrefix starts every token, so that a leaked one is recognisable.
const tokenPrefix = "gk_"

// CreateToken creates an API token for the account named user, valid for ttl
// (0: until revoked), and returns its description and the token, which is
// shown this once and stored only as its SHA-256. It returns a
// *gongkai.Error with CodeNotFound for an unknown user and CodeInvalid for a
// disabled one.
func (db *DB) CreateToken(ctx context.Context, by Actor, user string, ttl time.Duration) (Token, string, error) {
	if db.state == nil {
		return Token{}, "", errReadOnly
	}
	u, err := db.UserByName(ctx, user)
	if err != nil {
		return Token{}, "", err
	}
	if u.Disabled {
		return Token{}, "", gongkai.Errorf(gongkai.CodeInvalid, "用户“%s”已停用，不能创建令牌", u.Name)
	}
	if ttl < 0 {
		return Token{}, "", gongkai.Errorf(gongkai.CodeInvalid, "有效期不能为负")
	}
	secret := tokenPrefix + newSecret()
	now := time.Now().UTC()
	var expires any
	until := "永不过期"
	if ttl > 0 {
		t := now.Add(ttl)
		expires, until = t, "有效至 "+t.Format("2006-01-02 15:04")+" UTC"
	}
	var id int64
	err = db.inTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, stmt("auth_token_insert"), u.ID, secretHash(secret), now, expires, null(by.Name)).Scan(&id); err != nil {
			return err
		}
		return audit(ctx, tx, AuditEntry{At: now, Actor: by.Name, Remote: by.Remote, Action: "token.create", Result: "ok",
			Detail: fmt.Sprintf("为用户 %s 创建令牌 #%d（%s）", u.Name, id, until)})
	})
	if err != nil {
		return Token{}, "", fmt.Errorf("warehouse: create token for %s: %w", u.Name, err)
	}
	ts, err := db.tokens(ctx, id)
	if err != nil || len(ts) != 1 {
		return Token{}, "", fmt.Errorf("warehouse: read token %d back: %v", id, err)
	}
	return ts[0], secret, nil
}

// Tokens lists every API token, newest first.
func (db *DB) Tokens(ctx context.Context) ([]Token, error) {
	return db.tokens(ctx, nil)
}

func (db *DB) tokens(ctx context.Context, id any) ([]Token, error) {
	rows, err := db.db.QueryContext(ctx, stmt("auth_tokens"), id)
	if err != nil {
		return nil, fmt.Errorf("warehouse: tokens: %w", err)
	}
	var out []Token
	for rows.Next() {
		var t Token
		var exp, rev sql.NullTime
		if err := rows.Scan(&t.ID, &t.User, &t.CreatedAt, &exp, &rev, &t.CreatedBy); err != nil {
			rows.Close()
			return nil, fmt.Errorf("warehouse: tokens: %w", err)
		}
		if exp.Valid {
			t.ExpiresAt = &exp.Time
		}
		if rev.Valid {
			t.RevokedAt = &rev.Time
		}
		out = append(out, t)
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("warehouse: tokens: %w", err)
	}
	return out, nil
}

// RevokeToken revokes token id; from then on it authenticates nobody. It
// returns a *gongkai.Error with CodeNotFound for an unknown id. Revoking a
// revoked token changes nothing and is not an error.
func (db *DB) RevokeToken(ctx context.Context, by Actor, id int64) error {
	if db.state == nil {
		return errReadOnly
	}
	defer db.secrets.clear()
	ts, err := db.tokens(ctx, id)
	if err != nil {
		return err
	}
	if len(ts) == 0 {
		return gongkai.Errorf(gongkai.CodeNotFound, "没有编号为 %d 的令牌", id)
	}
	now := time.Now().UTC()
	err = db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, stmt("auth_token_revoke"), id, now); err != nil {
			return err
		}
		return audit(ctx, tx, AuditEntry{At: now, Actor: by.Name, Remote: by.Remote, Action: "token.revoke", Result: "ok",
			Detail: fmt.Sprintf("吊销用户 %s 的令牌 #%d", ts[0].User, id)})
	})
	if err != nil {
		return fmt.Errorf("warehouse: revoke token %d: %w", id, err)
	}
	return nil
}

// newSecret returns 32 random bytes, URL-safe base64: sessions, tokens.
func newSecret() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// NewPassword returns a random password of 20 characters, for the demo
// administrator.
func NewPassword() string { return newSecret()[:20] }

func secretHash(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

func hashPassword(password string) (string, error) {
	switch n := utf8.RuneCountInString(password); {
	case n < MinPassword:
		return "", gongkai.Errorf(gongkai.CodeInvalid, "密码太短：至少 %d 个字符", MinPassword)
	case len(password) > maxPassword:
		return "", gongkai.Errorf(gongkai.CodeInvalid, "密码太长：最多 %d 字节", maxPassword)
	}
	h, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		return "", fmt.Errorf("warehouse: hash password: %w", err)
	}
	return string(h), nil
}

// checkUserName trims name and refuses empty, long or unprintable names.
func checkUserName(name string) (string, error) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return "", gongkai.Errorf(gongkai.CodeInvalid, "请填写用户名")
	case utf8.RuneCountInString(name) > 64:
		return "", gongkai.Errorf(gongkai.CodeInvalid, "用户名太长：最多 64 个字符")
	}
	for _, r := range name {
		if !unicode.IsPrint(r) || unicode.IsSpace(r) {
			return "", gongkai.Errorf(gongkai.CodeInvalid, "用户名不能包含空白或不可见字符")
		}
	}
	return name, nil
}

// checkAgencies returns the trimmed, distinct agency names of an account:
// at least one for an uploader, none for the other roles (their rights do
// not depend on agencies, and a list would suggest they did).
func checkAgencies(role Role, names []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, a := range names {
		a = strings.TrimSpace(a)
		if a == "" {
			continue
		}
		if utf8.RuneCountInString(a) > 100 {
			return nil, gongkai.Errorf(gongkai.CodeInvalid, "机构名称太长：最多 100 个字符")
		}
		for _, r := range a {
			if !unicode.IsPrint(r) {
				return nil, gongkai.Errorf(gongkai.CodeInvalid, "机构名称不能包含不可见字符")
			}
		}
		if !seen[nameKey(a)] {
			seen[nameKey(a)] = true
			out = append(out, a)
		}
	}
	switch {
	case role == RoleUploader && len(out) == 0:
		return nil, gongkai.Errorf(gongkai.CodeInvalid, "上传者至少要绑定一个机构（--agency）")
	case role != RoleUploader && len(out) > 0:
		return nil, gongkai.Errorf(gongkai.CodeInvalid, "只有上传者（uploader）绑定机构")
	}
	return out, nil
}

func clipText(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// ParseTokenTTL reads a token lifetime as the CLI and the admin page take
// it: "90d", "12h", "90" (days), or "", "0", "never" for a token that does
// not expire. It returns a *gongkai.Error with CodeInvalid for anything else
// or more than ten years.
func ParseTokenTTL(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == "0" || s == "never" {
		return 0, nil
	}
	const most = 3650 * 24 * time.Hour
	if n, err := strconv.Atoi(strings.TrimSuffix(s, "d")); err == nil && n > 0 && n <= 3650 {
		return time.Duration(n) * 24 * time.Hour, nil
	}
	if d, err := time.ParseDuration(s); err == nil && d > 0 && d <= most {
		return d, nil
	}
	return 0, gongkai.Errorf(gongkai.CodeInvalid, "有效期格式不正确：“%s”（例如 90d、12h；0 表示永不过期）", clipText(s, 20))
}
