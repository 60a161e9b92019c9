package gongkai

import (
	_ "embed"
	"strings"
	"sync"
)

// The warehouse schema document: analysts read it, and the SQL workbench
// shows the Chinese meaning of every view column from its "列的含义" table,
// so that the meanings are written in one place.
//
//go:embed docs/schema.md
var schemaDoc string

var columnMeanings = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	_, table, ok := strings.Cut(schemaDoc, "## 列的含义")
	if !ok {
		return m
	}
	for _, line := range strings.Split(table, "\n") {
		cells := strings.Split(strings.TrimSpace(line), "|")
		// A row reads "| `name` | meaning |": five parts around four bars
		// would be a wider table; exactly four parts is ours.
		if len(cells) != 4 {
			continue
		}
		name := strings.Trim(strings.TrimSpace(cells[1]), "`")
		if name == "" || name == "列" || strings.HasPrefix(name, "---") {
			continue
		}
		m[name] = strings.TrimSpace(cells[2])
	}
	return m
})

// ColumnMeaning returns the Chinese meaning of a column of the warehouse's
// analyst views, as docs/schema.md states it, or "" when the document does
// not list the column.
func ColumnMeaning(name string) string {
	return columnMeanings()[name]
}
