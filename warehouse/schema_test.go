package warehouse

import (
	"context"
	"database/sql"
	"maps"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"gongkai"
)

// TestSchema lists the analyst views in the documented order with every
// column's meaning from docs/schema.md, then the selection macros.
func TestSchema(t *testing.T) {
	db := openTest(t)
	views, err := db.Schema(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, v := range views {
		names = append(names, v.Name)
		for _, c := range v.Columns {
			if c.Meaning == "" {
				t.Errorf("docs/schema.md (列的含义) gives no meaning for %s.%s", v.Name, c.Name)
			}
			if !v.Macro && c.Type == "" {
				t.Errorf("%s.%s has no type", v.Name, c.Name)
			}
		}
	}
	if !slices.Equal(names[:len(ExportViews)], ExportViews) {
		t.Errorf("views %v, want %v first", names, ExportViews)
	}
	for _, m := range []string{"current_figures", "current_reports", "selected_agencies"} {
		i := slices.Index(names, m)
		if i < 0 || !views[i].Macro {
			t.Errorf("macro %s not listed as a macro in %v", m, names)
		}
	}
	if slices.Contains(names, "saved_queries") {
		t.Error("the store's own tables are listed")
	}
}

// savers creates an account for each name (an admin for a name starting
// with "admin", an analyst otherwise) and returns them by name.
func savers(t *testing.T, db *DB, names ...string) map[string]*User {
	t.Helper()
	out := map[string]*User{}
	for _, n := range names {
		role := RoleAnalyst
		if strings.HasPrefix(n, "admin") {
			role = RoleAdmin
		}
		u, err := db.CreateUser(context.Background(), Actor{Name: "test"}, NewUser{Name: n, Role: role, Password: "0123456789"})
		if err != nil {
			t.Fatal(err)
		}
		out[n] = u
	}
	return out
}

func TestSavedQueries(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	u := savers(t, db, "analyst1", "a")
	id, err := db.SaveQuery(ctx, " 各年度报告数 ", "SELECT 1", u["analyst1"])
	if err != nil {
		t.Fatal(err)
	}
	// The owner saving the same name again replaces the text and keeps the id.
	id2, err := db.SaveQuery(ctx, "各年度报告数", "SELECT 2", u["analyst1"])
	if err != nil {
		t.Fatal(err)
	}
	if id2 != id {
		t.Errorf("saving under the same name gave id %d, want %d", id2, id)
	}
	if _, err := db.SaveQuery(ctx, "另一个", "SELECT 3", u["a"]); err != nil {
		t.Fatal(err)
	}
	qs, err := db.SavedQueries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 2 || qs[1].Name != "各年度报告数" || qs[1].SQL != "SELECT 2" || qs[1].SavedBy != "analyst1" ||
		qs[1].Owner != "analyst1" || qs[1].OwnerID != u["analyst1"].ID || qs[1].OwnerWas != "analyst1" {
		t.Errorf("saved queries = %+v", qs)
	}
	for _, bad := range []struct{ name, sql string }{
		{"", "SELECT 1"},
		{"名称", "  "},
		{"a\u202eb", "SELECT 1"},
		{string(make([]rune, MaxSavedQueryName+1)), "SELECT 1"},
	} {
		if _, err := db.SaveQuery(ctx, bad.name, bad.sql, u["a"]); gongkai.ErrorCode(err) != gongkai.CodeInvalid {
			t.Errorf("SaveQuery(%q, %q) = %v, want an invalid-input error", bad.name, bad.sql, err)
		}
	}
	if err := db.DeleteSavedQuery(ctx, id, u["analyst1"]); err != nil {
		t.Fatal(err)
	}
	if qs, _ = db.SavedQueries(ctx); len(qs) != 1 || qs[0].Name != "另一个" {
		t.Errorf("after delete: %+v", qs)
	}
	if err := db.DeleteSavedQuery(ctx, id, u["analyst1"]); err != nil {
		t.Errorf("deleting one that is gone: %v", err)
	}
}

// TestSavedQueryOwners holds who may change a saved query: its owner and
// admins replace or delete it, another analyst (or an unknown account) gets
// CodeForbidden naming the owner and changes nothing, and a query saved
// before owners were kept (owner NULL) is the admins' alone. Before 0097,
// any analyst replaced or deleted any saved query.
func TestSavedQueryOwners(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	u := savers(t, db, "analyst1", "analyst2", "admin1")
	id, err := db.SaveQuery(ctx, "甲的查询", "SELECT 1", u["analyst1"])
	if err != nil {
		t.Fatal(err)
	}
	text := func() string {
		t.Helper()
		qs, err := db.SavedQueries(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range qs {
			if q.ID == id {
				return q.SQL
			}
		}
		return "(deleted)"
	}
	_, err = db.SaveQuery(ctx, "甲的查询", "SELECT 666", u["analyst2"])
	forbidden(t, "another analyst replaces it", err, "analyst1")
	_, err = db.SaveQuery(ctx, "甲的查询", "SELECT 666", nil)
	forbidden(t, "an unknown account replaces it", err, "analyst1")
	forbidden(t, "another analyst deletes it", db.DeleteSavedQuery(ctx, id, u["analyst2"]), "analyst1")
	disabled := *u["admin1"]
	disabled.Disabled = true
	forbidden(t, "a disabled admin deletes it", db.DeleteSavedQuery(ctx, id, &disabled), "analyst1")
	if got := text(); got != "SELECT 1" {
		t.Fatalf("after the refusals the text is %q", got)
	}
	// Others copy it under a name of their own.
	if _, err := db.SaveQuery(ctx, "乙的副本", "SELECT 1", u["analyst2"]); err != nil {
		t.Errorf("a copy: %v", err)
	}
	if _, err := db.SaveQuery(ctx, "甲的查询", "SELECT 2", u["admin1"]); err != nil || text() != "SELECT 2" {
		t.Errorf("an admin replaces it: %v, text %q", err, text())
	}
	if _, err := db.SaveQuery(ctx, "甲的查询", "SELECT 3", u["analyst1"]); err != nil || text() != "SELECT 3" {
		t.Errorf("the owner after an admin: %v, text %q", err, text())
	}
	if err := db.DeleteSavedQuery(ctx, id, u["admin1"]); err != nil || text() != "(deleted)" {
		t.Errorf("an admin deletes it: %v", err)
	}

	// A query saved before migration 0097 has no owner.
	if _, err := db.db.ExecContext(ctx, "INSERT INTO store.saved_queries (name, sql, saved_by) VALUES ('旧查询', 'SELECT 4', 'analyst1')"); err != nil {
		t.Fatal(err)
	}
	var old int64
	if err := db.db.QueryRowContext(ctx, "SELECT query_id FROM store.saved_queries WHERE name = '旧查询'").Scan(&old); err != nil {
		t.Fatal(err)
	}
	_, err = db.SaveQuery(ctx, "旧查询", "SELECT 5", u["analyst1"])
	forbidden(t, "its last saver replaces an old one", err, "只有管理员")
	forbidden(t, "its last saver deletes an old one", db.DeleteSavedQuery(ctx, old, u["analyst1"]), "只有管理员")
	if err := db.DeleteSavedQuery(ctx, old, u["admin1"]); err != nil {
		t.Errorf("an admin deletes an old one: %v", err)
	}
}

func forbidden(t *testing.T, what string, err error, want string) {
	t.Helper()
	if gongkai.ErrorCode(err) != gongkai.CodeForbidden || !strings.Contains(gongkai.ErrorMessage(err), want) {
		t.Errorf("%s: %v, want forbidden naming %s", what, err, want)
	}
}

// TestSavedQueryOwnerGone: an account removed from auth.users by hand and
// created again under the same name does not inherit the removed one's
// queries (0097 owned them by name, so it did); they become the admins'
// alone, and the refusal names the account that saved them.
func TestSavedQueryOwnerGone(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	u := savers(t, db, "analyst1", "admin1")
	id, err := db.SaveQuery(ctx, "甲的查询", "SELECT 1", u["analyst1"])
	if err != nil {
		t.Fatal(err)
	}
	db = editByHand(t, db, `DELETE FROM auth.users WHERE name = 'analyst1'`)
	again := savers(t, db, "analyst1")["analyst1"]
	if again.ID == u["analyst1"].ID {
		t.Fatalf("the new account has the removed one's id %d", again.ID)
	}
	_, err = db.SaveQuery(ctx, "甲的查询", "SELECT 666", again)
	forbidden(t, "the new account under the name replaces it", err, "（analyst1）的账户已不存在")
	forbidden(t, "the new account under the name deletes it", db.DeleteSavedQuery(ctx, id, again), "已不存在")
	qs, err := db.SavedQueries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 1 || qs[0].SQL != "SELECT 1" || qs[0].Owner != "" || qs[0].OwnerWas != "analyst1" || qs[0].MayChange(again) || !qs[0].MayChange(u["admin1"]) {
		t.Errorf("after the refusals: %+v", qs)
	}
	if err := db.DeleteSavedQuery(ctx, id, u["admin1"]); err != nil {
		t.Errorf("an admin deletes it: %v", err)
	}
}

// TestSavedQueryOwnerIDMigration runs 0105 over queries owned by name
// (0097): a name whose account existed at the query's last save takes the
// account's id; a name with no account, or an account created after the
// last save (so not the one that saved it), leaves the query to admins.
func TestSavedQueryOwnerIDMigration(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	u := savers(t, db, "early", "late")
	db = editByHand(t, db, `
		ALTER TABLE store.saved_queries DROP COLUMN owner_id;
		DELETE FROM schema_migrations WHERE version = 105;
		UPDATE auth.users SET created_at = TIMESTAMP '2030-01-01 00:00:00' WHERE name = 'late';
		INSERT INTO store.saved_queries (name, sql, saved_by, owner) VALUES
			('早', 'SELECT 1', 'early', 'early'),
			('晚', 'SELECT 2', 'late', 'late'),
			('无', 'SELECT 3', 'gone', 'gone'),
			('旧', 'SELECT 4', 'early', NULL)`)
	qs, err := db.SavedQueries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int64{}
	for _, q := range qs {
		got[q.Name] = q.OwnerID
	}
	want := map[string]int64{"早": u["early"].ID, "晚": 0, "无": 0, "旧": 0}
	if !maps.Equal(got, want) {
		t.Errorf("owner ids after 0105: %v, want %v", got, want)
	}
}

// TestTimesUTC checks that the times the warehouse stores are UTC, as the
// pages say («时间为 UTC», «有效至 … UTC»), on a server whose time zone is
// not: an account's creation, a token's, its expiry, the audit log's, a
// saved query's. duckdb-go binds a time.Time as a TIMESTAMPTZ, which DuckDB
// cast to the TIMESTAMP columns in its own time zone, the process's: on
// Beijing time every time was stored eight hours ahead. DuckDB takes the
// zone when the process starts, so the test runs itself again on Beijing
// time.
func TestTimesUTC(t *testing.T) {
	ctx := context.Background()
	if os.Getenv("GONGKAI_TEST_TZ") == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestTimesUTC$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), "GONGKAI_TEST_TZ=1", "TZ=Asia/Shanghai")
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "--- PASS: TestTimesUTC") {
			t.Fatalf("on Beijing time: %v\n%s", err, out)
		}
		return
	}
	raw, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	var zone string
	err = raw.QueryRowContext(ctx, "SELECT current_setting('TimeZone')").Scan(&zone)
	raw.Close()
	if err != nil || zone != "Asia/Shanghai" {
		t.Fatalf("DuckDB's own time zone %q (%v), want Asia/Shanghai: the test would test nothing", zone, err)
	}
	db := openTest(t)
	from := time.Now().UTC().Add(-time.Minute)
	u := savers(t, db, "a")
	if _, _, err := db.CreateToken(ctx, Actor{Name: "test"}, "a", time.Hour); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.CreateToken(ctx, Actor{Name: "test"}, "a", 0); err != nil {
		t.Fatal(err)
	}
	if err := db.RevokeToken(ctx, Actor{Name: "test"}, 2); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateSession(ctx, u["a"].ID, time.Hour, "192.0.2.1"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveQuery(ctx, "新", "SELECT 1", u["a"]); err != nil {
		t.Fatal(err)
	}
	load(t, db, LoadRequest{Report: sampleReport("甲局", 2023, 1, 0)})
	res := load(t, db, LoadRequest{Report: withError("甲局", 2023)})
	if _, err := db.Confirm(ctx, res[0].ReportID, "a"); err != nil {
		t.Fatal(err)
	}
	to := time.Now().UTC().Add(time.Minute)
	at := func(what string, got, lo, hi time.Time) {
		t.Helper()
		if got.Before(lo) || got.After(hi) {
			t.Errorf("%s %s, want UTC between %s and %s", what, got, lo, hi)
		}
	}
	got, err := db.UserByName(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	at("account created", got.CreatedAt, from, to)
	tokens, err := db.Tokens(ctx)
	if err != nil || len(tokens) != 2 {
		t.Fatalf("tokens %+v, %v", tokens, err)
	}
	slices.SortFunc(tokens, func(a, b Token) int { return int(a.ID - b.ID) })
	if tokens[0].ExpiresAt == nil || tokens[1].RevokedAt == nil {
		t.Fatalf("tokens %+v", tokens)
	}
	at("token created", tokens[0].CreatedAt, from, to)
	at("token expires", *tokens[0].ExpiresAt, from.Add(time.Hour), to.Add(time.Hour))
	at("token revoked", *tokens[1].RevokedAt, from, to)
	log, err := db.AuditLog(ctx, AuditFilter{})
	if err != nil || len(log) == 0 {
		t.Fatalf("audit log %v, %v", log, err)
	}
	for _, e := range log {
		at("audit "+e.Action, e.At, from, to)
	}
	qs, err := db.SavedQueries(ctx)
	if err != nil || len(qs) != 1 {
		t.Fatalf("saved queries %v, %v", qs, err)
	}
	at("query saved", qs[0].SavedAt, from, to)

	// What the times decide: a session or token live until its expiry and
	// not after, the audit log's window of time.
	for _, c := range []struct {
		ttl  time.Duration
		live bool
	}{{time.Hour, true}, {-time.Minute, false}, {-7 * time.Hour, false}} {
		secret, err := db.CreateSession(ctx, u["a"].ID, c.ttl, "")
		if err != nil {
			t.Fatal(err)
		}
		if got, err := db.SessionUser(ctx, secret); err != nil || (got != nil) != c.live {
			t.Errorf("a session of %s: user %v (%v), want live %v", c.ttl, got, err, c.live)
		}
		_, token, err := db.CreateToken(ctx, Actor{Name: "test"}, "a", c.ttl)
		if err != nil && c.ttl > 0 {
			t.Fatal(err)
		}
		if err == nil {
			if got, err := db.TokenUser(ctx, token); err != nil || (got != nil) != c.live {
				t.Errorf("a token of %s: user %v (%v), want live %v", c.ttl, got, err, c.live)
			}
		}
	}
	for _, w := range []struct {
		from, to time.Time
		some     bool
	}{{from, to, true}, {from.Add(-9 * time.Hour), from.Add(-time.Hour), false}, {to, to.Add(9 * time.Hour), false}} {
		if log, err := db.AuditLog(ctx, AuditFilter{From: w.from, To: w.to}); err != nil || (len(log) > 0) != w.some {
			t.Errorf("audit entries from %s to %s: %d (%v), want some %v", w.from, w.to, len(log), err, w.some)
		}
	}

	// A query saved before 0120, at the server's wall-clock time as 0012's
	// default wrote it: the migration converts it.
	db = editByHand(t, db, `INSERT INTO store.saved_queries (name, sql) VALUES ('旧', 'SELECT 2');
		UPDATE store.saved_queries SET saved_at = current_timestamp::TIMESTAMP;
		DELETE FROM schema_migrations WHERE version = 120`)
	if qs, err = db.SavedQueries(ctx); err != nil || len(qs) != 2 {
		t.Fatalf("saved queries %v, %v", qs, err)
	}
	for _, q := range qs {
		at("query saved before 0120: "+q.Name, q.SavedAt, from, time.Now().UTC().Add(time.Minute))
	}
	sr, err := db.Report(ctx, res[0].ReportID)
	if err != nil {
		t.Fatal(err)
	}
	at("report loaded", sr.Info.LoadedAt, from, to)
	for _, q := range []struct{ what, sql string }{
		{"session created", "SELECT created_at FROM auth.sessions"},
		{"session expires", "SELECT expires_at - INTERVAL 1 HOUR FROM auth.sessions"},
		{"version confirmed", "SELECT resolved_at FROM store.pending"},
	} {
		var got time.Time
		if err := db.db.QueryRowContext(ctx, q.sql).Scan(&got); err != nil {
			t.Fatalf("%s: %v", q.what, err)
		}
		at(q.what, got, from, to)
	}
}
