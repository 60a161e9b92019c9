package warehouse

import (
	"context"
	"database/sql"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestSchemaDocExamples runs every example query of docs/schema.md through
// the sandbox, and checks that the doc has a section for every view
// analysts may read and lists its columns.
func TestSchemaDocExamples(t *testing.T) {
	doc, err := os.ReadFile("../docs/schema.md")
	if err != nil {
		t.Fatal(err)
	}
	db := exportFixture(t)
	blocks := regexp.MustCompile("(?s)```sql\n(.*?)```").FindAllStringSubmatch(string(doc), -1)
	if len(blocks) < 5 {
		t.Fatalf("found %d example queries", len(blocks))
	}
	for _, b := range blocks {
		if _, err := db.SQL(context.Background(), b[1]); err != nil {
			t.Errorf("example query fails: %v\n%s", err, b[1])
		}
	}
	// Every view analysts may read, exported or not (pending_reports,
	// report_figures).
	var views []string
	err = scanRows(context.Background(), db.db, stmt("sandbox_names"), nil, func(rows *sql.Rows) error {
		var kind, name string
		if err := rows.Scan(&kind, &name); err != nil {
			return err
		}
		if kind == "view" {
			views = append(views, name)
		}
		return nil
	})
	if err != nil || len(views) < len(ExportViews) {
		t.Fatalf("%d views (%v)", len(views), err)
	}
	for _, view := range views {
		tb, err := db.SQL(context.Background(), "SELECT * FROM "+view+" LIMIT 0")
		if err != nil {
			t.Fatal(err)
		}
		at := strings.Index(string(doc), "### `"+view+"`")
		if at < 0 {
			t.Errorf("docs/schema.md has no section for the view %s", view)
			continue
		}
		section := string(doc)[at:]
		for _, c := range tb.Columns {
			if !strings.Contains(section, c) {
				t.Errorf("docs/schema.md does not document %s.%s", view, c)
			}
		}
	}
}
