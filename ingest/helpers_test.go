package ingest

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"gongkai"
)

// Helpers that build in-memory grids in the shapes real reports take, from
// the format definitions, so that the locator's tests do not depend on a
// reader.

// coreGrid builds a grid from rows written as "a|b|c".
func coreGrid(name, kind string, rows ...string) *Grid {
	g := &Grid{Name: name, Kind: kind}
	for _, r := range rows {
		var cells []Cell
		for _, t := range strings.Split(r, "|") {
			cells = append(cells, Cell{Text: t})
		}
		g.Rows = append(g.Rows, cells)
	}
	return g
}

// coreValues returns figures for every cell of the format that obey all of
// its rules, keyed by measure|applicant.
func coreValues(t testing.TB, f *gongkai.Format) map[string]string {
	t.Helper()
	v := map[string]string{}
	for _, tb := range f.Tables {
		for _, b := range tb.Blocks {
			for ri, row := range b.Rows {
				if row.Group || b.Dimension == "applicant" {
					continue
				}
				for ci, c := range b.Columns {
					m, a := b.Cell(row, c)
					switch gongkai.CellKind(row, c) {
					case "signed":
						v[m+"|"+a] = []string{"+2", "-1", "减4", "0"}[(ri+ci)%4]
					case "money":
						v[m+"|"+a] = "1.5"
					default:
						v[m+"|"+a] = strconv.Itoa(ri + ci + 1)
					}
				}
			}
		}
	}
	// Table 四: 维持 1, 纠正 0, 其他 2, 尚未审结 1, 总计 4, in every group.
	for k := range v {
		m := strings.TrimSuffix(k, "|total")
		switch {
		case strings.HasSuffix(m, ".upheld"), strings.HasSuffix(m, ".pending"):
			v[k] = "1"
		case strings.HasSuffix(m, ".corrected"):
			v[k] = "0"
		case strings.HasSuffix(m, ".other") && !strings.HasPrefix(m, "apps"):
			v[k] = "2"
		case strings.HasSuffix(m, ".total") && !strings.HasPrefix(m, "apps"):
			v[k] = "4"
		}
	}
	// Table 三: outcomes, then the totals and the balance from them.
	var outcomes []string
	for _, r := range f.Rules {
		if r.Kind == "sum" && len(r.LHS) == 1 && r.LHS[0] == "apps.total" {
			outcomes = r.RHS
		}
	}
	if len(outcomes) == 0 {
		t.Fatalf("format %s: no rule for apps.total", f.ID)
	}
	col := map[string]int{}
	for j, a := range gongkai.Applicants[:6] {
		total := 0
		for k, m := range outcomes {
			n := (k + j) % 3
			col[m] += n
			v[m+"|"+a] = strconv.Itoa(n)
			total += n
		}
		carriedOut, carriedIn := j, 1
		if total+carriedOut < 1 {
			carriedIn = 0
		}
		for m, n := range map[string]int{"apps.total": total, "apps.carried_out": carriedOut,
			"apps.carried_in": carriedIn, "apps.new": total + carriedOut - carriedIn} {
			v[m+"|"+a] = strconv.Itoa(n)
			col[m] += n
		}
	}
	for m, n := range col {
		v[m+"|total"] = strconv.Itoa(n)
	}
	return v
}

// coreLayout describes how a report's tables are laid out in the grids.
type coreLayout struct {
	perTable   bool                // one grid per table (表二, 表三, 表四) instead of one stacked grid
	kind       string              // grid kind; "xlsx" when empty
	merged     bool                // group labels repeated into the cells a merge covers
	totalFirst bool                // 总计 as the first applicant column
	spacerCol  bool                // an empty column between labels and figures
	spacerRow  bool                // an empty row between tables
	titles     bool                // a title row above each table
	label      func(string) string // transforms every label (truncation, script, mangling)
	header     func(string) string // transforms column header labels only
	cover      []string            // rows of a cover sheet, "label|value"
}

// coreDoc lays out the figures v (measure|applicant → cell text) of format f.
func coreDoc(f *gongkai.Format, v map[string]string, lay coreLayout) *Document {
	if lay.kind == "" {
		lay.kind = "xlsx"
	}
	lbl := func(s string) string {
		if lay.label != nil {
			return lay.label(s)
		}
		return s
	}
	hdr := func(s string) string {
		if lay.header != nil {
			return lay.header(lbl(s))
		}
		return lbl(s)
	}
	doc := &Document{Kind: lay.kind, Name: "test.xlsx"}
	if len(lay.cover) > 0 {
		doc.Grids = append(doc.Grids, coreGrid("封面", lay.kind, lay.cover...))
	}
	var stacked *Grid
	for _, tb := range f.Tables {
		var rows [][]string
		if lay.titles {
			rows = append(rows, []string{tb.Numeral + "、" + lbl(tb.Title)})
		}
		for _, b := range tb.Blocks {
			cols := append([]gongkai.Column(nil), b.Columns...)
			if lay.totalFirst && b.Dimension == "applicant" {
				cols = append(cols[len(cols)-1:], cols[:len(cols)-1]...)
			}
			width := 1
			if b.Dimension == "applicant" && lay.merged {
				width = 3
			}
			if b.Rows[0].Label == "" {
				width = 0
			}
			if lay.spacerCol {
				width++
			}
			lead := func(s string) []string {
				out := make([]string, width)
				for i := range out {
					out[i] = s
				}
				if lay.spacerCol && width > 0 {
					out[width-1] = ""
				}
				return out
			}
			if b.Title != "" {
				rows = append(rows, []string{lbl(b.Title)})
			}
			// Header levels: the block header, groups, subgroups, labels; a
			// column without a group repeats its label upwards, as a merge does.
			var levels [][]string
			if b.Header != "" {
				lv := lead(lbl(b.Corner))
				for range cols {
					lv = append(lv, hdr(b.Header))
				}
				levels = append(levels, lv)
			}
			for _, level := range []func(gongkai.Column) string{
				func(c gongkai.Column) string { return c.Group },
				func(c gongkai.Column) string { return c.Subgroup },
			} {
				any := false
				for _, c := range cols {
					any = any || level(c) != ""
				}
				if !any {
					continue
				}
				lv := lead(lbl(b.Corner))
				for _, c := range cols {
					s := level(c)
					if s == "" {
						s = c.Label
					}
					lv = append(lv, hdr(s))
				}
				levels = append(levels, lv)
			}
			lv := lead(lbl(b.Corner))
			for _, c := range cols {
				lv = append(lv, hdr(c.Label))
			}
			levels = append(levels, lv)
			rows = append(rows, levels...)
			parents := map[string]string{}
			for _, row := range b.Rows {
				parents[row.Label] = row.Parent
				if row.Group {
					if !lay.merged {
						rows = append(rows, append(lead(lbl(row.Label)), make([]string, len(cols))...))
					}
					continue
				}
				line := lead(lbl(row.Label))
				if lay.merged && width >= 3 {
					chain := []string{}
					for p := row.Parent; p != ""; p = parents[p] {
						chain = append([]string{lbl(p)}, chain...)
					}
					for i := 0; i < len(chain) && i < 2; i++ {
						line[i] = chain[i]
					}
				}
				for _, c := range cols {
					m, a := b.Cell(row, c)
					line = append(line, v[m+"|"+a])
				}
				rows = append(rows, line)
			}
		}
		g := stacked
		if lay.perTable || stacked == nil {
			g = &Grid{Name: "表" + tb.Numeral, Kind: lay.kind}
			doc.Grids = append(doc.Grids, g)
			if !lay.perTable {
				g.Name, stacked = "报表", g
			}
		}
		if lay.spacerRow && len(g.Rows) > 0 {
			g.Rows = append(g.Rows, nil)
		}
		for _, r := range rows {
			cells := make([]Cell, len(r))
			for i, s := range r {
				cells[i] = Cell{Text: s}
			}
			g.Rows = append(g.Rows, cells)
		}
	}
	return doc
}

// coreCover is a cover sheet naming agency and year.
var coreCover = []string{"单位名称|测试市测试局", "年度|2021"}

// valuesByKey indexes a report's values by measure|applicant.
func valuesByKey(r *gongkai.Report) map[string]gongkai.Value {
	m := map[string]gongkai.Value{}
	for _, v := range r.Values {
		m[v.Measure+"|"+v.Applicant] = v
	}
	return m
}

// diffValues compares a report's figures with the expected cell texts.
func diffValues(r *gongkai.Report, want map[string]string) []string {
	got := valuesByKey(r)
	var diffs []string
	for k, w := range want {
		g, ok := got[k]
		switch {
		case !ok:
			diffs = append(diffs, fmt.Sprintf("%s: missing (want %q)", k, w))
		case g.Raw != w:
			diffs = append(diffs, fmt.Sprintf("%s: raw %q at %s, want %q", k, g.Raw, g.At, w))
		}
	}
	for k, g := range got {
		if _, ok := want[k]; !ok && !strings.HasPrefix(k, "narrative.") {
			diffs = append(diffs, fmt.Sprintf("%s: unexpected %q at %s", k, g.Raw, g.At))
		}
	}
	return diffs
}

// namesMeasure reports whether some finding names measure.
func namesMeasure(finds []gongkai.Finding, measure string) bool {
	for _, f := range finds {
		if f.Measure == measure {
			return true
		}
	}
	return false
}

// numberOf returns the number vals hold for measure, or -1 when they hold
// none (a measure read blank or not at all).
func numberOf(vals []gongkai.Value, measure string) float64 {
	for _, v := range vals {
		if v.Measure == measure && v.Number != nil {
			return *v.Number
		}
	}
	return -1
}
