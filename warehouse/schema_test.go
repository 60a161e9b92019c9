package warehouse

import (
	"context"
	"slices"
	"strings"
	"testing"

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

func TestSavedQueries(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	id, err := db.SaveQuery(ctx, " 各年度报告数 ", "SELECT 1", "analyst1", false)
	if err != nil {
		t.Fatal(err)
	}
	// The owner saving the same name again replaces the text and keeps the id.
	id2, err := db.SaveQuery(ctx, "各年度报告数", "SELECT 2", "analyst1", false)
	if err != nil {
		t.Fatal(err)
	}
	if id2 != id {
		t.Errorf("saving under the same name gave id %d, want %d", id2, id)
	}
	if _, err := db.SaveQuery(ctx, "另一个", "SELECT 3", "a", false); err != nil {
		t.Fatal(err)
	}
	qs, err := db.SavedQueries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 2 || qs[1].Name != "各年度报告数" || qs[1].SQL != "SELECT 2" || qs[1].SavedBy != "analyst1" || qs[1].Owner != "analyst1" {
		t.Errorf("saved queries = %+v", qs)
	}
	for _, bad := range []struct{ name, sql string }{
		{"", "SELECT 1"},
		{"名称", "  "},
		{"a\u202eb", "SELECT 1"},
		{string(make([]rune, MaxSavedQueryName+1)), "SELECT 1"},
	} {
		if _, err := db.SaveQuery(ctx, bad.name, bad.sql, "a", false); gongkai.ErrorCode(err) != gongkai.CodeInvalid {
			t.Errorf("SaveQuery(%q, %q) = %v, want an invalid-input error", bad.name, bad.sql, err)
		}
	}
	if err := db.DeleteSavedQuery(ctx, id, "analyst1", false); err != nil {
		t.Fatal(err)
	}
	if qs, _ = db.SavedQueries(ctx); len(qs) != 1 || qs[0].Name != "另一个" {
		t.Errorf("after delete: %+v", qs)
	}
	if err := db.DeleteSavedQuery(ctx, id, "analyst1", false); err != nil {
		t.Errorf("deleting one that is gone: %v", err)
	}
}

// TestSavedQueryOwners holds who may change a saved query: its owner and
// admins replace or delete it, another analyst (or an unknown account) gets
// CodeForbidden naming the owner and changes nothing, and a query saved
// before owners were kept (owner NULL) is the admins' alone. Before, any
// analyst replaced or deleted any saved query.
func TestSavedQueryOwners(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	id, err := db.SaveQuery(ctx, "甲的查询", "SELECT 1", "analyst1", false)
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
	forbidden := func(what string, err error, owner string) {
		t.Helper()
		if gongkai.ErrorCode(err) != gongkai.CodeForbidden || !strings.Contains(gongkai.ErrorMessage(err), owner) {
			t.Errorf("%s: %v, want forbidden naming %s", what, err, owner)
		}
	}
	_, err = db.SaveQuery(ctx, "甲的查询", "SELECT 666", "analyst2", false)
	forbidden("another analyst replaces it", err, "analyst1")
	_, err = db.SaveQuery(ctx, "甲的查询", "SELECT 666", "", false)
	forbidden("an unknown account replaces it", err, "analyst1")
	forbidden("another analyst deletes it", db.DeleteSavedQuery(ctx, id, "analyst2", false), "analyst1")
	if got := text(); got != "SELECT 1" {
		t.Fatalf("after the refusals the text is %q", got)
	}
	// Others copy it under a name of their own.
	if _, err := db.SaveQuery(ctx, "乙的副本", "SELECT 1", "analyst2", false); err != nil {
		t.Errorf("a copy: %v", err)
	}
	if _, err := db.SaveQuery(ctx, "甲的查询", "SELECT 2", "admin1", true); err != nil || text() != "SELECT 2" {
		t.Errorf("an admin replaces it: %v, text %q", err, text())
	}
	if _, err := db.SaveQuery(ctx, "甲的查询", "SELECT 3", "analyst1", false); err != nil || text() != "SELECT 3" {
		t.Errorf("the owner after an admin: %v, text %q", err, text())
	}
	if err := db.DeleteSavedQuery(ctx, id, "admin1", true); err != nil || text() != "(deleted)" {
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
	_, err = db.SaveQuery(ctx, "旧查询", "SELECT 5", "analyst1", false)
	forbidden("its last saver replaces an old one", err, "只有管理员")
	forbidden("its last saver deletes an old one", db.DeleteSavedQuery(ctx, old, "analyst1", false), "只有管理员")
	if err := db.DeleteSavedQuery(ctx, old, "admin1", true); err != nil {
		t.Errorf("an admin deletes an old one: %v", err)
	}
}
