package dashboard

import (
	"strings"
	"unicode/utf8"

	"gongkai"
)

// officialTable is one statistics table of a report laid out as the official
// format prints it, built from the format definition (formats/*.json), with
// the cells that findings point at marked.
type officialTable struct {
	Numeral, Title string
	Blocks         []officialBlock
}

type officialBlock struct {
	Title   string
	Headers [][]headerCell
	Rows    []officialRow
}

type headerCell struct {
	Text             string
	Colspan, Rowspan int
}

type officialRow struct {
	Label  string
	Group  bool // a group label with no figures of its own
	Indent bool
	Cells  []officialCell
}

// officialCell is one figure. Severity is "error" or "warning" when findings
// point at it; Notes are their messages.
type officialCell struct {
	Text     string
	At       string
	Severity string
	Notes    []string
	// Measure and Applicant name the figure; URL, when set, is where the
	// cell leads (the roll-up links each sum to the agencies behind it).
	Measure, Applicant string
	URL                string
	// Narrative marks a figure read from a sentence of the report's text
	// (a report without the statutory tables); Sentence is that sentence.
	Narrative bool
	Sentence  string
}

// Title returns the tooltip of a marked cell: where it is and what is wrong.
func (c officialCell) Title() string {
	parts := []string{}
	if c.At != "" {
		parts = append(parts, c.At)
	}
	if c.Narrative {
		parts = append(parts, "来自正文："+c.Sentence)
	}
	return strings.Join(append(parts, c.Notes...), "\n")
}

// officialLayout lays out the tables of r's format with r's values, marking
// the cells its findings name (by measure and applicant, a row group's
// measure marking each of its rows, or by location). A
// format without tables (pre2019) gives none; the page lists values instead.
func officialLayout(r *gongkai.Report) []officialTable {
	f := gongkai.FormatByID(r.Format)
	if f == nil {
		return nil
	}
	vals := map[string]gongkai.Value{}
	for _, v := range r.Values {
		vals[v.Measure+"|"+v.Applicant] = v
	}
	byCell := map[string][]gongkai.Finding{}
	byAt := map[string][]gongkai.Finding{}
	for _, fd := range r.Findings {
		if fd.Measure != "" {
			a := fd.Applicant
			if a == "" {
				a = gongkai.ApplicantTotal
			}
			byCell[fd.Measure+"|"+a] = append(byCell[fd.Measure+"|"+a], fd)
		} else if fd.At != "" {
			byAt[fd.At] = append(byAt[fd.At], fd)
		}
	}
	var out []officialTable
	for _, t := range f.Tables {
		ot := officialTable{Numeral: t.Numeral, Title: t.Title}
		for _, b := range t.Blocks {
			ob := officialBlock{Title: b.Title, Headers: headerRows(b)}
			for _, row := range b.Rows {
				or := officialRow{Label: row.Label, Group: row.Group, Indent: row.Parent != ""}
				if !row.Group {
					for _, c := range b.Columns {
						m, a := b.Cell(row, c)
						v, ok := vals[m+"|"+a]
						cell := officialCell{At: v.At, Measure: m, Applicant: a}
						if ok {
							cell.Text = valueText(v)
							if v.Source == gongkai.SourceNarrative {
								cell.Narrative, cell.Sentence = true, strings.TrimSpace(v.Raw)
							}
						}
						fds := byCell[m+"|"+a]
						if i := strings.LastIndexByte(m, '.'); i > 0 {
							// A finding of a row group with no total row
							// of its own ("apps.not_processed": a count of
							// 不予处理 the narrative gives, which fits no
							// one row) marks each of its rows' cells.
							fds = append(fds, byCell[m[:i]+"|"+a]...)
						}
						if v.At != "" {
							fds = append(fds, byAt[v.At]...)
						}
						for _, fd := range fds {
							if cell.Severity != gongkai.SeverityError {
								cell.Severity = fd.Severity
							}
							cell.Notes = append(cell.Notes, fd.Message)
						}
						or.Cells = append(or.Cells, cell)
					}
				}
				ob.Rows = append(ob.Rows, or)
			}
			ot.Blocks = append(ot.Blocks, ob)
		}
		out = append(out, ot)
	}
	return out
}

// valueText shows a figure as the source wrote it when the raw text is a
// cell's worth ("0", "/", "+2", "251000元"), else the number: the raw text of
// a narrative figure is the whole sentence that states it, however short.
func valueText(v gongkai.Value) string {
	if s := strings.TrimSpace(v.Raw); s != "" && utf8.RuneCountInString(s) <= 16 && v.Source != gongkai.SourceNarrative {
		return s
	}
	if v.Number == nil {
		return ""
	}
	return text(*v.Number)
}

// headerRows builds the header of a block: an optional spanning header
// (申请人情况), then the column groups, subgroups and labels, with merged
// cells where neighbouring columns share a group. The corner cell spans all
// header rows.
func headerRows(b gongkai.Block) [][]headerCell {
	paths := make([][]string, len(b.Columns))
	depth := 1
	for i, c := range b.Columns {
		paths[i] = nonEmptyStrings(c.Group, c.Subgroup, c.Label)
		if len(paths[i]) > depth {
			depth = len(paths[i])
		}
	}
	top := 0
	if b.Header != "" {
		top = 1
	}
	rows := make([][]headerCell, depth+top)
	corner := b.Corner
	if corner == "" {
		corner = "项目"
	}
	rows[0] = append(rows[0], headerCell{Text: corner, Colspan: 1, Rowspan: depth + top})
	if top == 1 {
		rows[0] = append(rows[0], headerCell{Text: b.Header, Colspan: len(b.Columns), Rowspan: 1})
	}
	for level := 0; level < depth; level++ {
		for i := 0; i < len(paths); i++ {
			p := paths[i]
			switch {
			case level < len(p)-1:
				j := i + 1
				for j < len(paths) && len(paths[j]) > level+1 && samePrefix(paths[j], p, level+1) {
					j++
				}
				rows[level+top] = append(rows[level+top], headerCell{Text: p[level], Colspan: j - i, Rowspan: 1})
				i = j - 1
			case level == len(p)-1:
				rows[level+top] = append(rows[level+top], headerCell{Text: p[level], Colspan: 1, Rowspan: depth - level})
			}
		}
	}
	return rows
}

func samePrefix(a, b []string, n int) bool {
	for k := 0; k < n; k++ {
		if a[k] != b[k] {
			return false
		}
	}
	return true
}

func nonEmptyStrings(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
