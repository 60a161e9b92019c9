package warehouse

import (
	"context"
	"slices"
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
	id, err := db.SaveQuery(ctx, " 各年度报告数 ", "SELECT 1", "analyst1")
	if err != nil {
		t.Fatal(err)
	}
	// The same name again replaces the text and keeps the id.
	id2, err := db.SaveQuery(ctx, "各年度报告数", "SELECT 2", "")
	if err != nil {
		t.Fatal(err)
	}
	if id2 != id {
		t.Errorf("saving under the same name gave id %d, want %d", id2, id)
	}
	if _, err := db.SaveQuery(ctx, "另一个", "SELECT 3", "a"); err != nil {
		t.Fatal(err)
	}
	qs, err := db.SavedQueries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 2 || qs[1].Name != "各年度报告数" || qs[1].SQL != "SELECT 2" || qs[1].SavedBy != "" {
		t.Errorf("saved queries = %+v", qs)
	}
	for _, bad := range []struct{ name, sql string }{
		{"", "SELECT 1"},
		{"名称", "  "},
		{"a\u202eb", "SELECT 1"},
		{string(make([]rune, MaxSavedQueryName+1)), "SELECT 1"},
	} {
		if _, err := db.SaveQuery(ctx, bad.name, bad.sql, ""); gongkai.ErrorCode(err) != gongkai.CodeInvalid {
			t.Errorf("SaveQuery(%q, %q) = %v, want an invalid-input error", bad.name, bad.sql, err)
		}
	}
	if err := db.DeleteSavedQuery(ctx, id); err != nil {
		t.Fatal(err)
	}
	if qs, _ = db.SavedQueries(ctx); len(qs) != 1 || qs[0].Name != "另一个" {
		t.Errorf("after delete: %+v", qs)
	}
}
