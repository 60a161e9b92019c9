package dashboard

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"gongkai"
	"gongkai/warehouse"
)

// adminUsersData is what 用户管理 shows.
type adminUsersData struct {
	Users    []warehouse.User
	Tokens   []warehouse.Token
	Roles    []warehouse.Role
	Message  string
	Error    string
	NewToken *newToken // a token just created: shown this once
	Form     newUserForm
	MinPass  int
}

type newToken struct {
	Token warehouse.Token
	Value string
}

type newUserForm struct {
	Name, Role, Agencies string
}

// adminDone are the confirmations a redirect back to the page may carry.
var adminDone = map[string]string{
	"created":  "已创建用户。",
	"disabled": "已停用用户，其会话已结束，令牌已失效。",
	"enabled":  "已启用用户。",
	"password": "已重设密码，该用户的会话已结束。",
	"revoked":  "已吊销令牌，立即生效。",
	"logout":   "已结束该用户的全部登录会话。",
}

// adminUsers is GET /admin/users: the accounts and API tokens, with the
// forms that change them (the CLI cannot write while the server runs).
func (h *handler) adminUsers(c echo.Context) error {
	return h.adminUsersPage(c, http.StatusOK, adminUsersData{Message: adminDone[c.QueryParam("done")]})
}

func (h *handler) adminUsersPage(c echo.Context, status int, d adminUsersData) error {
	ctx := c.Request().Context()
	var err error
	if d.Users, err = h.db.Users(ctx); err != nil {
		return err
	}
	if d.Tokens, err = h.db.Tokens(ctx); err != nil {
		return err
	}
	d.Roles, d.MinPass = warehouse.Roles, warehouse.MinPassword
	return h.render(c, status, "admin_users", &page{Title: "用户管理", Nav: "admin_users", Data: d})
}

// adminFail shows the page again with the message of a user error (status
// by its code), or returns any other error.
func (h *handler) adminFail(c echo.Context, err error, d adminUsersData) error {
	if gongkai.ErrorCode(err) == gongkai.CodeInternal {
		return err
	}
	d.Error = gongkai.ErrorMessage(err)
	return h.adminUsersPage(c, statusOf(gongkai.ErrorCode(err)), d)
}

// adminCreateUser is POST /admin/users (name, role, agencies one per line,
// password).
func (h *handler) adminCreateUser(c echo.Context) error {
	f := newUserForm{Name: c.FormValue("name"), Role: c.FormValue("role"), Agencies: c.FormValue("agencies")}
	role, err := warehouse.ParseRole(f.Role)
	if err == nil {
		_, err = h.db.CreateUser(c.Request().Context(), actorOf(c), warehouse.NewUser{
			Name: f.Name, Role: role, Agencies: strings.Split(f.Agencies, "\n"), Password: c.FormValue("password")})
	}
	if err != nil {
		return h.adminFail(c, err, adminUsersData{Form: f})
	}
	return c.Redirect(http.StatusSeeOther, "/admin/users?done=created")
}

// adminUser reads the :id of a user route.
func (h *handler) adminUser(c echo.Context) (*warehouse.User, error) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		return nil, notFound("没有这个用户。")
	}
	return h.db.UserByID(c.Request().Context(), id)
}

// adminDisableUser is POST /admin/users/:id/disable. An administrator cannot
// disable the account they are using, so that the last one cannot lock
// everyone out by a slip.
func (h *handler) adminDisableUser(c echo.Context) error {
	return h.adminSetDisabled(c, true)
}

// adminEnableUser is POST /admin/users/:id/enable.
func (h *handler) adminEnableUser(c echo.Context) error {
	return h.adminSetDisabled(c, false)
}

func (h *handler) adminSetDisabled(c echo.Context, disabled bool) error {
	u, err := h.adminUser(c)
	if err != nil {
		return err
	}
	if disabled && u.ID == userOf(c).ID {
		return h.adminFail(c, invalid("不能停用自己正在使用的账户。"), adminUsersData{})
	}
	if err := h.db.SetDisabled(c.Request().Context(), actorOf(c), u.Name, disabled); err != nil {
		return h.adminFail(c, err, adminUsersData{})
	}
	done := "enabled"
	if disabled {
		done = "disabled"
	}
	return c.Redirect(http.StatusSeeOther, "/admin/users?done="+done)
}

// adminSetPassword is POST /admin/users/:id/password (password).
func (h *handler) adminSetPassword(c echo.Context) error {
	u, err := h.adminUser(c)
	if err != nil {
		return err
	}
	if err := h.db.SetPassword(c.Request().Context(), actorOf(c), u.Name, c.FormValue("password")); err != nil {
		return h.adminFail(c, err, adminUsersData{})
	}
	return c.Redirect(http.StatusSeeOther, "/admin/users?done=password")
}

// adminEndSessions is POST /admin/users/:id/logout: every session of the
// user ends at once; its API tokens stay (they are revoked one by one).
func (h *handler) adminEndSessions(c echo.Context) error {
	u, err := h.adminUser(c)
	if err != nil {
		return err
	}
	if err := h.db.EndSessions(c.Request().Context(), actorOf(c), u.Name); err != nil {
		return h.adminFail(c, err, adminUsersData{})
	}
	return c.Redirect(http.StatusSeeOther, "/admin/users?done=logout")
}

// adminCreateToken is POST /admin/users/:id/tokens (expires: days, 0 for
// never). The token is shown on the page this once; it is stored hashed.
func (h *handler) adminCreateToken(c echo.Context) error {
	u, err := h.adminUser(c)
	if err != nil {
		return err
	}
	ttl, err := warehouse.ParseTokenTTL(c.FormValue("expires"))
	if err != nil {
		return h.adminFail(c, err, adminUsersData{})
	}
	tok, value, err := h.db.CreateToken(c.Request().Context(), actorOf(c), u.Name, ttl)
	if err != nil {
		return h.adminFail(c, err, adminUsersData{})
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return h.adminUsersPage(c, http.StatusCreated, adminUsersData{NewToken: &newToken{Token: tok, Value: value},
		Message: "已为 " + u.Name + " 创建令牌。令牌只显示这一次，请立即复制保存。"})
}

// adminRevokeToken is POST /admin/tokens/:id/revoke: effective at once.
func (h *handler) adminRevokeToken(c echo.Context) error {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		return notFound("没有这个令牌。")
	}
	if err := h.db.RevokeToken(c.Request().Context(), actorOf(c), id); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/admin/users?done=revoked")
}
