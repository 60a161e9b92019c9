package warehouse

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"gongkai"
)

func TestAccounts(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	root := Actor{Name: "cli", Remote: "local"}
	if _, err := db.CreateUser(ctx, root, NewUser{Name: "ann", Role: RoleUploader, Agencies: []string{"甲市教育局", " 甲市教育局 "}, Password: "correct horse"}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		nu   NewUser
		code string
	}{
		{"taken", NewUser{Name: "ann", Role: RoleViewer, Password: "0123456789"}, gongkai.CodeConflict},
		{"short password", NewUser{Name: "bob", Role: RoleViewer, Password: "short"}, gongkai.CodeInvalid},
		{"bad role", NewUser{Name: "bob", Role: "root", Password: "0123456789"}, gongkai.CodeInvalid},
		{"uploader without agency", NewUser{Name: "bob", Role: RoleUploader, Password: "0123456789"}, gongkai.CodeInvalid},
		{"viewer with agency", NewUser{Name: "bob", Role: RoleViewer, Agencies: []string{"甲"}, Password: "0123456789"}, gongkai.CodeInvalid},
		{"space in name", NewUser{Name: "b ob", Role: RoleViewer, Password: "0123456789"}, gongkai.CodeInvalid},
	} {
		if _, err := db.CreateUser(ctx, root, tt.nu); gongkai.ErrorCode(err) != tt.code {
			t.Errorf("%s: got %v, want code %s", tt.name, err, tt.code)
		}
	}

	u, err := db.Authenticate(ctx, "ann", "correct horse")
	if err != nil || u.Role != RoleUploader || len(u.Agencies) != 1 {
		t.Fatalf("authenticate: %+v %v", u, err)
	}
	if !u.MayUploadFor("甲市教育局") || !u.MayUploadFor("甲市 教育局") || u.MayUploadFor("乙市教育局") {
		t.Errorf("agency binding: %v", u.Agencies)
	}
	for _, bad := range [][2]string{{"ann", "wrong horse!"}, {"nobody", "correct horse"}} {
		if _, err := db.Authenticate(ctx, bad[0], bad[1]); err != ErrBadLogin {
			t.Errorf("authenticate %v: %v, want ErrBadLogin", bad, err)
		}
	}

	// A session lives until logout; disabling the account ends it at once.
	secret, err := db.CreateSession(ctx, u.ID, time.Hour, "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	if su, err := db.SessionUser(ctx, secret); err != nil || su == nil || su.Name != "ann" {
		t.Fatalf("session user: %+v %v", su, err)
	}
	if su, _ := db.SessionUser(ctx, secret+"x"); su != nil {
		t.Errorf("unknown session gives %v", su.Name)
	}
	tok, token, err := db.CreateToken(ctx, root, "ann", 0)
	if err != nil || !strings.HasPrefix(token, "gk_") || tok.User != "ann" || tok.ExpiresAt != nil {
		t.Fatalf("create token: %+v %q %v", tok, token, err)
	}
	if tu, _ := db.TokenUser(ctx, token); tu == nil || tu.Name != "ann" {
		t.Fatalf("token user: %+v", tu)
	}
	if err := db.SetDisabled(ctx, root, "ann", true); err != nil {
		t.Fatal(err)
	}
	if su, _ := db.SessionUser(ctx, secret); su != nil {
		t.Error("a disabled account's session still works")
	}
	if tu, _ := db.TokenUser(ctx, token); tu != nil {
		t.Error("a disabled account's token still works")
	}
	if _, err := db.Authenticate(ctx, "ann", "correct horse"); err != ErrBadLogin {
		t.Errorf("a disabled account logs in: %v", err)
	}
	if err := db.SetDisabled(ctx, root, "ann", false); err != nil {
		t.Fatal(err)
	}
	if tu, _ := db.TokenUser(ctx, token); tu == nil {
		t.Error("enabling the account again should revive its tokens")
	}
	if err := db.RevokeToken(ctx, root, tok.ID); err != nil {
		t.Fatal(err)
	}
	if tu, _ := db.TokenUser(ctx, token); tu != nil {
		t.Error("a revoked token still works")
	}
	if err := db.RevokeToken(ctx, root, 999); gongkai.ErrorCode(err) != gongkai.CodeNotFound {
		t.Errorf("revoke unknown: %v", err)
	}

	// An expired token is refused; its listing says so.
	_, short, err := db.CreateToken(ctx, root, "ann", time.Nanosecond)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Millisecond)
	if tu, _ := db.TokenUser(ctx, short); tu != nil {
		t.Error("an expired token still works")
	}
	ts, err := db.Tokens(ctx)
	if err != nil || len(ts) != 2 || ts[0].Status() != "已过期" || ts[1].Status() != "已吊销" {
		t.Errorf("tokens: %+v %v", ts, err)
	}

	if err := db.SetPassword(ctx, root, "ann", "another horse"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Authenticate(ctx, "ann", "another horse"); err != nil {
		t.Errorf("new password: %v", err)
	}

	// Every change is in the audit log, with its actor, newest first.
	log, err := db.AuditLog(ctx, AuditFilter{Actor: "cli"})
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range log {
		actions = append(actions, e.Action)
	}
	want := "user.password token.create token.revoke user.enable user.disable token.create user.create"
	if got := strings.Join(actions, " "); got != want {
		t.Errorf("audit actions:\n got %s\nwant %s", got, want)
	}
	if only, _ := db.AuditLog(ctx, AuditFilter{Action: "token."}); len(only) != 3 {
		t.Errorf("action prefix filter: %d entries", len(only))
	}
}

// TestSandboxCannotReadAccounts: the schema auth holds password hashes,
// session and token hashes and the audit log; no path through ad-hoc SQL
// reaches it, directly or by name.
func TestSandboxCannotReadAccounts(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	if _, err := db.CreateUser(ctx, Actor{Name: "t"}, NewUser{Name: "ann", Role: RoleAdmin, Password: "0123456789"}); err != nil {
		t.Fatal(err)
	}
	catalog := strings.TrimSuffix(db.Path()[strings.LastIndex(db.Path(), "/")+1:], ".duckdb")
	for _, q := range []string{
		"SELECT * FROM auth.users",
		"select password_hash from AUTH.USERS",
		`SELECT * FROM "auth"."sessions"`,
		"FROM auth.tokens",
		"SELECT * FROM " + catalog + ".auth.audit_log",
		"SELECT (SELECT max(password_hash) FROM auth.users) AS h",
		"WITH x AS (SELECT * FROM auth.users) SELECT * FROM x",
		"SELECT * FROM reports WHERE loaded_by IN (SELECT name FROM auth.users)",
		"SUMMARIZE auth.users",
		"SELECT * FROM reports UNION ALL SELECT * FROM auth.users",
		"SELECT * FROM query_table('auth.users')",
		"SELECT * FROM query('SELECT * FROM auth.users')",
		"SELECT * FROM query('SELECT * FROM au' || 'th.users')",
		"SELECT * FROM pragma_storage_info('auth.users')",
		"SELECT * FROM duckdb_table_sample('auth.users')",
		"SELECT * FROM read_duckdb('" + db.Path() + "', schema_name='auth', table_name='users')",
		"SELECT * FROM json_execute_serialized_sql(json_serialize_sql('SELECT * FROM auth.users'))",
	} {
		tb, err := db.SQL(ctx, q)
		if err == nil {
			t.Errorf("%s: returned %d rows, want refused", q, len(tb.Rows))
			continue
		}
		if gongkai.ErrorCode(err) != gongkai.CodeInvalid {
			t.Errorf("%s: %v, want a refusal", q, err)
		}
	}
	// The analyst's views still work, and a column named like the schema is no reason to refuse.
	if _, err := db.SQL(ctx, "SELECT 'auth' AS schema_name, count(*) FROM reports"); err != nil {
		t.Errorf("an ordinary query is refused: %v", err)
	}
}

// TestLoginVersion: the version a login proof is bound to changes whenever
// the password is set, even to the same password, and is blank for an
// unknown or disabled account (so that no proof counts for it).
func TestLoginVersion(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	root := Actor{Name: "cli", Remote: "local"}
	if _, err := db.CreateUser(ctx, root, NewUser{Name: "ann", Role: RoleViewer, Password: "correct horse"}); err != nil {
		t.Fatal(err)
	}
	v1, err := db.LoginVersion(ctx, "ann")
	if err != nil || v1 == "" {
		t.Fatalf("version of ann: %q %v", v1, err)
	}
	if v, _ := db.LoginVersion(ctx, " ann "); v != v1 {
		t.Errorf("version of ' ann ' = %q, want ann's %q (names are trimmed as Authenticate trims them)", v, v1)
	}
	if err := db.SetPassword(ctx, root, "ann", "correct horse"); err != nil {
		t.Fatal(err)
	}
	if v2, _ := db.LoginVersion(ctx, "ann"); v2 == "" || v2 == v1 {
		t.Errorf("version after the password was set to the same text: %q (before %q), want a new one", v2, v1)
	}
	if v, err := db.LoginVersion(ctx, "nobody"); v != "" || err != nil {
		t.Errorf("version of an unknown name: %q %v, want blank", v, err)
	}
	if err := db.SetDisabled(ctx, root, "ann", true); err != nil {
		t.Fatal(err)
	}
	if v, err := db.LoginVersion(ctx, "ann"); v != "" || err != nil {
		t.Errorf("version of a disabled account: %q %v, want blank", v, err)
	}
}

// TestLastAdminStaysEnabled: the last enabled administrator cannot be
// disabled, by one request or by two administrators disabling each other at
// once (each saw the other enabled); other accounts, and an administrator
// while another is enabled, can. On the old code the second disable and one
// of the simultaneous pairs left no enabled administrator.
func TestLastAdminStaysEnabled(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	by := Actor{Name: "t"}
	for _, nu := range []NewUser{{Name: "ann", Role: RoleAdmin}, {Name: "bob", Role: RoleAdmin}, {Name: "cy", Role: RoleViewer}} {
		nu.Password = "0123456789"
		if _, err := db.CreateUser(ctx, by, nu); err != nil {
			t.Fatal(err)
		}
	}
	enabledAdmins := func() int {
		users, err := db.Users(ctx)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, u := range users {
			if u.Role == RoleAdmin && !u.Disabled {
				n++
			}
		}
		return n
	}
	if err := db.SetDisabled(ctx, by, "cy", true); err != nil {
		t.Fatalf("a viewer: %v", err)
	}
	if err := db.SetDisabled(ctx, by, "bob", true); err != nil {
		t.Fatalf("one of two administrators: %v", err)
	}
	err := db.SetDisabled(ctx, by, "ann", true)
	if gongkai.ErrorCode(err) != gongkai.CodeInvalid || !strings.Contains(gongkai.ErrorMessage(err), "唯一启用的管理员") {
		t.Errorf("the last administrator: %v, want refused", err)
	}
	if n := enabledAdmins(); n != 1 {
		t.Fatalf("%d enabled administrators, want 1", n)
	}
	for round := 0; round < 20; round++ {
		if err := db.SetDisabled(ctx, by, "bob", false); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		for _, name := range []string{"ann", "bob"} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				db.SetDisabled(ctx, by, name, true)
			}()
		}
		wg.Wait()
		if n := enabledAdmins(); n != 1 {
			t.Fatalf("round %d: two administrators disabling each other at once left %d enabled, want 1", round, n)
		}
		if err := db.SetDisabled(ctx, by, "ann", false); err != nil {
			t.Fatal(err)
		}
	}
}
