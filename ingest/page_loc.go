package ingest

import (
	"slices"
	"strconv"
	"strings"

	"gongkai"
)

// pageLocations names the page, not the line, wherever a reading of a paged
// document's text (a PDF) located something by line ("line 9" becomes
// "第1页"): the line numbers are the reader's own count of the visual lines,
// which nobody looking at the file can find, while every viewer numbers the
// pages. Row and column labels stay as the finding gave them. Documents
// whose lines have no page are left alone.
func pageLocations(d *Document, r *gongkai.Report) {
	type mark struct{ n, page int }
	var marks []mark
	// The text lines and the cells of the tables read from lines both say
	// which line of which page they came from.
	for _, l := range d.Lines {
		if l.Page > 0 {
			marks = append(marks, mark{l.N, l.Page})
		}
	}
	for _, g := range d.Grids {
		if g == nil {
			continue
		}
		for _, row := range g.Rows {
			for _, c := range row {
				if c.Line > 0 && c.Page > 0 {
					marks = append(marks, mark{c.Line, c.Page})
				}
			}
		}
	}
	if len(marks) == 0 {
		return
	}
	slices.SortFunc(marks, func(a, b mark) int { return a.n - b.n })
	page := func(at string) string {
		s, ok := strings.CutPrefix(at, "line ")
		if !ok {
			return at
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			return at
		}
		// A number the lines skip is another visual line of the table row
		// numbered just before it (a label wrapped onto two lines), so it
		// stands on that row's page.
		i, found := slices.BinarySearchFunc(marks, n, func(m mark, n int) int { return m.n - n })
		if !found {
			i--
		}
		if i < 0 {
			return at
		}
		return "第" + strconv.Itoa(marks[i].page) + "页"
	}
	for i := range r.Findings {
		r.Findings[i].At = page(r.Findings[i].At)
	}
	for i := range r.Values {
		r.Values[i].At = page(r.Values[i].At)
	}
	for i := range r.Sections {
		r.Sections[i].At = page(r.Sections[i].At)
	}
}
