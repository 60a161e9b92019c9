package warehouse

import (
	"context"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestSchemaDocExamples runs every example query of docs/schema.md through
// the sandbox, and checks that the doc lists every column of every view.
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
	for _, view := range ExportViews {
		tb, err := db.SQL(context.Background(), "SELECT * FROM "+view+" LIMIT 0")
		if err != nil {
			t.Fatal(err)
		}
		section := string(doc)[strings.Index(string(doc), "### `"+view+"`"):]
		for _, c := range tb.Columns {
			if !strings.Contains(section, c) {
				t.Errorf("docs/schema.md does not document %s.%s", view, c)
			}
		}
	}
}
