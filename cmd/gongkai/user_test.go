package main

import (
	"context"
	"log/slog"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gongkai/warehouse"
)

// TestUserAndTokenCommands runs the account commands as an operator would:
// the first admin from a password on standard input, a token printed alone
// on the last line, and a revoke that the warehouse honours.
func TestUserAndTokenCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "users.duckdb")
	steps := []struct {
		stdin string
		args  []string
		code  int
		want  string
	}{
		{"admin-password\n", []string{"user", "add", "root", "--role", "admin", "--password-stdin"}, 0, "已创建用户 root"},
		{"", []string{"user", "add", "root2", "--role", "admin"}, 2, "--password-stdin"},
		{"short\n", []string{"user", "add", "ann", "--role", "viewer", "--password-stdin"}, 1, "密码太短"},
		{"ann-password\n", []string{"user", "add", "ann", "--role", "uploader", "--password-stdin"}, 1, "至少要绑定一个机构"},
		{"ann-password\n", []string{"user", "add", "ann", "--role", "uploader", "--agency", "甲局", "--agency", "乙局", "--password-stdin"}, 0, "上传者"},
		{"ann-password\n", []string{"user", "add", "ann", "--role", "viewer", "--password-stdin"}, 1, "已存在"},
		{"", []string{"user", "add", "bob", "--role", "root", "--password-stdin"}, 1, "角色“root”不存在"},
		{"", []string{"user", "list"}, 0, "乙局; 甲局"},
		{"new-ann-password\r\n", []string{"user", "passwd", "ann", "--password-stdin"}, 0, "已重设"},
		{"", []string{"user", "disable", "nobody"}, 1, "没有名为“nobody”的用户"},
		{"", []string{"user", "disable", "ann"}, 0, "已停用用户 ann"},
		{"", []string{"user", "list"}, 0, "disabled"},
		{"", []string{"user", "frobnicate"}, 2, "用法"},
		{"", []string{"token", "create", "root", "--expires", "soon"}, 1, "有效期格式不正确"},
		{"", []string{"token", "revoke", "x"}, 2, "正整数"},
	}
	for _, s := range steps {
		out, errs, code := runCmd(t, s.stdin, append(s.args, "--db", db)...)
		if code != s.code || !strings.Contains(out+errs, s.want) {
			t.Errorf("gongkai %s: exit %d, %q; want exit %d with %q", strings.Join(s.args, " "), code, out+errs, s.code, s.want)
		}
	}

	out, errs, code := runCmd(t, "", "token", "create", "root", "--expires", "30d", "--db", db)
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	token := lines[len(lines)-1]
	if code != 0 || !strings.HasPrefix(token, "gk_") || strings.Contains(token, " ") {
		t.Fatalf("token create: exit %d, last line %q (%s)", code, token, errs)
	}
	if out, _, _ := runCmd(t, "", "token", "list", "--db", db); !strings.Contains(out, "root") || !strings.Contains(out, "有效") || strings.Contains(out, token) {
		t.Errorf("token list must show the token's state, never the token:\n%s", out)
	}

	check := func(wantUser bool) {
		t.Helper()
		wh, err := warehouse.Open(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		defer wh.Close()
		u, err := wh.TokenUser(context.Background(), token)
		if err != nil || (u != nil) != wantUser {
			t.Errorf("token user: %+v %v, want a user: %v", u, err, wantUser)
		}
		if _, err := wh.Authenticate(context.Background(), "root", "admin-password"); err != nil {
			t.Errorf("the first admin cannot log in: %v", err)
		}
		log, _ := wh.AuditLog(context.Background(), warehouse.AuditFilter{Action: "user.create"})
		if len(log) != 2 || !strings.HasPrefix(log[0].Actor, "cli:") {
			t.Errorf("audit of user.create: %+v", log)
		}
	}
	check(true)
	if _, errs, code := runCmd(t, "", "token", "revoke", "1", "--db", db); code != 0 {
		t.Fatalf("token revoke: %d %s", code, errs)
	}
	check(false)
}

// TestDemoAdmin: serve --demo gives the administrator demo a fresh random
// password on every start and logs it; the previous one stops working.
func TestDemoAdmin(t *testing.T) {
	ctx := context.Background()
	wh, err := warehouse.Open(ctx, filepath.Join(t.TempDir(), "demo.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer wh.Close()
	var passwords []string
	for i := 0; i < 2; i++ {
		var log syncBuffer
		if err := demoAdmin(ctx, wh, slog.New(slog.NewTextHandler(&log, nil))); err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`user=demo password=(\S+)`).FindStringSubmatch(log.String())
		if m == nil {
			t.Fatalf("the log does not give the password: %s", log.String())
		}
		passwords = append(passwords, m[1])
	}
	u, err := wh.Authenticate(ctx, "demo", passwords[1])
	if err != nil || u.Role != warehouse.RoleAdmin {
		t.Errorf("demo with the logged password: %+v %v", u, err)
	}
	if _, err := wh.Authenticate(ctx, "demo", passwords[0]); err == nil || passwords[0] == passwords[1] {
		t.Error("the previous start's password still works")
	}
}
