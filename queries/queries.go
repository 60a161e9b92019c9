// Package queries holds the named analytic queries of the dashboard and the
// API, one per embedded file queries/<name>.sql. It is text only: the
// warehouse runs the queries, binding their named parameters ($year_from …)
// from a filter, with NULL for what the filter leaves unset.
//
// Every file starts with a header comment:
//
//	-- name: overview_trend
//	-- title: 历年趋势
//	-- params: year_from, year_to, province, level, agency
//	-- columns: year, reports, apps_new
//
// name must equal the file name; params may only name the parameters in
// Params.
package queries

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
)

//go:embed *.sql
var files embed.FS

// Params lists the parameters a query may use, in the order the warehouse
// binds them. measure_id, applicant_id, narrow, tail, piece_bits and
// piece_top are never taken
// from a request: warehouse.Query finds the ids in store.texts from measure
// and applicant, narrow (whether the region and level select few of the
// years' reports) in store.summary_rollup, and tail (false when no report
// comes after the copy by cell's watermark) in store.figures_by_cell_state;
// piece_bits and piece_top (the agencies whose names hold the piece, as
// bits) from the agencies' names.
var Params = []string{"year_from", "year_to", "province", "city", "level", "agency", "agency_id", "report_id", "limit", "offset", "measure", "applicant", "measure_id", "applicant_id", "status", "narrow", "tail", "piece_bits", "piece_top"}

// Query is one named query.
type Query struct {
	Name    string   `json:"name"`
	Title   string   `json:"title"`
	Params  []string `json:"params"`
	Columns []string `json:"columns"`
	SQL     string   `json:"-"`
}

var load = sync.OnceValues(func() (map[string]Query, error) {
	entries, err := fs.Glob(files, "*.sql")
	if err != nil {
		return nil, err
	}
	out := map[string]Query{}
	for _, e := range entries {
		b, err := files.ReadFile(e)
		if err != nil {
			return nil, err
		}
		q, err := Parse(string(b))
		if err != nil {
			return nil, fmt.Errorf("queries/%s: %w", e, err)
		}
		if q.Name != strings.TrimSuffix(e, ".sql") {
			return nil, fmt.Errorf("queries/%s: header names %q", e, q.Name)
		}
		out[q.Name] = q
	}
	return out, nil
})

// Parse reads a query file: its header comment and its SQL. It returns an
// error when the header lacks a name or a title, or names an unknown
// parameter.
func Parse(text string) (Query, error) {
	q := Query{SQL: text}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "--") {
			break
		}
		key, val, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(line, "--")), ":")
		if !ok {
			continue
		}
		val = strings.TrimSpace(val)
		switch strings.TrimSpace(key) {
		case "name":
			q.Name = val
		case "title":
			q.Title = val
		case "params":
			q.Params = list(val)
		case "columns":
			q.Columns = list(val)
		}
	}
	if q.Name == "" || q.Title == "" {
		return q, fmt.Errorf("header lacks -- name: or -- title:")
	}
	for _, p := range q.Params {
		if !known(p) {
			return q, fmt.Errorf("unknown parameter %q (known: %s)", p, strings.Join(Params, ", "))
		}
	}
	return q, nil
}

func list(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func known(p string) bool {
	for _, k := range Params {
		if p == k {
			return true
		}
	}
	return false
}

// List returns every query, sorted by name. It panics when an embedded file
// is malformed: a build defect that the package's tests catch.
func List() []Query {
	m, err := load()
	if err != nil {
		panic(err)
	}
	out := make([]Query, 0, len(m))
	for _, q := range m {
		out = append(out, q)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Get returns the named query, and whether it exists.
func Get(name string) (Query, bool) {
	m, err := load()
	if err != nil {
		panic(err)
	}
	q, ok := m[name]
	return q, ok
}
