package ingest

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"gongkai"
	"gongkai/ingest/pdf"
)

// TestPageLocations maps line locations of a paged document to pages: a
// line the document has, a number it skips (the second visual line of a
// table row), a line known only from a table cell, and locations that are
// not lines.
func TestPageLocations(t *testing.T) {
	d := &Document{
		Lines: []Line{{N: 1, Page: 1}, {N: 5, Page: 1}, {N: 9, Page: 3}},
		Grids: []*Grid{{Rows: [][]Cell{{{Text: "规章", Line: 7, Page: 2}}}}},
	}
	tests := []struct{ at, want string }{
		{"line 5", "第1页"},
		{"line 6", "第1页"}, // skipped: the row numbered 5
		{"line 7", "第2页"}, // a table cell's line
		{"line 8", "第2页"},
		{"line 12", "第3页"},
		{"line 0", "line 0"}, // before any line: left as it is
		{"第4页", "第4页"},
		{"表三!D12", "表三!D12"},
		{"line x", "line x"},
	}
	for _, tt := range tests {
		r := &gongkai.Report{Findings: []gongkai.Finding{{At: tt.at}}, Values: []gongkai.Value{{At: tt.at}}}
		pageLocations(d, r)
		if r.Findings[0].At != tt.want || r.Values[0].At != tt.want {
			t.Errorf("%q: finding at %q, value at %q, want %q", tt.at, r.Findings[0].At, r.Values[0].At, tt.want)
		}
	}
	// A document without pages keeps its line numbers.
	r := &gongkai.Report{Findings: []gongkai.Finding{{At: "line 5"}}}
	pageLocations(&Document{Lines: []Line{{N: 5}}}, r)
	if r.Findings[0].At != "line 5" {
		t.Errorf("unpaged: at %q", r.Findings[0].At)
	}
}

// TestPDFLocations checks that everything read from a PDF is located by its
// page, narrative findings and figures included, and that a finding about a
// row names its label.
func TestPDFLocations(t *testing.T) {
	if !pdf.Available() {
		t.Skip("no PDF reader: built without poppler, and pdftotext (poppler-utils) is not installed: make deps")
	}
	pageRE := regexp.MustCompile(`^第[1-9][0-9]*页$`)
	for _, tt := range mediaFixtures {
		if !strings.HasSuffix(tt.file, ".pdf") {
			continue
		}
		t.Run(tt.file, func(t *testing.T) {
			r := parseMediaFixture(t, tt.file)
			narrative := 0
			for _, f := range r.Findings {
				if !pageRE.MatchString(f.At) {
					t.Errorf("finding %s at %q, want a page: %s", f.Rule, f.At, f.Message)
				}
				if f.Rule == "narrative" {
					narrative++
					if f.RowLabel == "" {
						t.Errorf("narrative finding at %s without its row label: %s", f.At, f.Message)
					}
				}
			}
			for _, v := range r.Values {
				if !pageRE.MatchString(v.At) {
					t.Errorf("value %s/%s at %q, want a page", v.Measure, v.Applicant, v.At)
				}
			}
			// The reports most fixtures come from state a figure that
			// disagrees with their table, and the finding must come with
			// the page too.
			source, err := os.ReadFile(tt.source)
			if err != nil {
				t.Fatal(err)
			}
			if narrative == 0 && strings.Contains(string(source), `"rule": "narrative"`) {
				t.Errorf("no narrative finding, though %s has one", tt.source)
			}
		})
	}
}
