package ingest

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai"
	"gongkai/ingest/internal/fixture"
	"gongkai/ingest/pdf"
	"gongkai/template"
)

// mediaTruth is what a media fixture's figures are, known because we wrote
// the report it was made from: the synthetic report behind a golden
// workbook, or the figures a person wrote down for a web page. It is never
// a golden file, so a golden that recorded a wrong figure cannot pass here.
type mediaTruth struct {
	agency string
	year   int
	format string
	want   map[valueKey]float64
	blank  []valueKey // must be blank, with a finding
	// none are cells the source leaves blank or rows it has not: any number
	// read there is wrong. A reader may leave them out or blank.
	none    []valueKey
	noRules []string
}

// truthOf finds the truth behind a media fixture from the golden file its
// mediaFixtures entry names: xlsx/testdata/NAME.golden.json stands for the
// golden workbook NAME, testdata/web/PAGE.golden.json for the expected file
// beside PAGE. It fails the test for any other source, so that a fixture
// cannot be added without a truth.
func truthOf(t *testing.T, source string) mediaTruth {
	t.Helper()
	if name, ok := strings.CutPrefix(source, "xlsx/testdata/"); ok {
		name = strings.TrimSuffix(name, ".golden.json")
		i := slices.IndexFunc(fixture.Workbooks, func(w fixture.Workbook) bool { return w.Name == name })
		if i < 0 {
			t.Fatalf("%s: no golden workbook %s", source, name)
		}
		w := fixture.Workbooks[i]
		src := w.Source()
		tr := mediaTruth{agency: src.Agency, year: src.Year, format: src.Format, want: workbookTotals(t, w)}
		for _, v := range src.Values {
			if v.Number != nil {
				tr.want[valueKey{v.Measure, v.Applicant}] = *v.Number
			}
		}
		return tr
	}
	if page, ok := strings.CutSuffix(source, ".golden.json"); ok && strings.HasPrefix(page, "testdata/web/") {
		e := loadExpected(t, page+".expected.json")
		f := gongkai.FormatByID(e.Format)
		return mediaTruth{agency: e.Agency, year: e.Year, format: e.Format, want: e.cellsWanted(t),
			blank: keysOf(e.Blank, f), none: append(keysOf(e.Empty, f), keysOf(e.Absent, f)...), noRules: e.NoRules}
	}
	t.Fatalf("%s: no truth for this source; name a golden workbook or a web page with an expected file", source)
	return mediaTruth{}
}

// workbookTotals returns the totals a golden workbook leaves to formulas,
// which its source report does not state: excelize computes each from the
// committed workbook, so that the totals a legacy spreadsheet saved (and a
// PDF printed) are held to the figures they add up, not to what a reader
// made of them.
func workbookTotals(t *testing.T, w fixture.Workbook) map[valueKey]float64 {
	t.Helper()
	x, err := excelize.OpenFile(fixture.WorkbookPath(w.Name))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	out := map[valueKey]float64{}
	for _, f := range template.Figures(w.Format, w.Layout) {
		if f.Formula == "" {
			continue
		}
		v, err := x.CalcCellValue(f.Sheet, f.Ref)
		if err != nil {
			t.Fatalf("%s!%s: %v", f.Sheet, f.Ref, err)
		}
		n, err := strconv.ParseFloat(v, 64)
		if err != nil {
			t.Fatalf("%s!%s = %q: %v", f.Sheet, f.Ref, v, err)
		}
		out[valueKey{f.Measure, f.Applicant}] = n
	}
	return out
}

// TestMediaTruth holds every media fixture to the first rule against the
// figures of the report it was made from: each is read right, or blank with
// a finding that points at it, and none is wrong. It logs, per fixture and
// per medium, how many were right, blank with a finding, and wrong.
func TestMediaTruth(t *testing.T) {
	type tally struct{ right, blank, wrong int }
	byMedium := map[string]*tally{}
	for _, tt := range mediaFixtures {
		medium := strings.TrimPrefix(filepath.Ext(tt.file), ".")
		if byMedium[medium] == nil {
			byMedium[medium] = &tally{}
		}
		t.Run(tt.file, func(t *testing.T) {
			if medium == "pdf" {
				if !pdf.Available() {
					t.Skip("no PDF reader: built without poppler, and pdftotext (poppler-utils) is not installed: make deps")
				}
			}
			tr := truthOf(t, tt.source)
			r := parseMediaFixture(t, tt.file)
			if r.Agency != tr.agency || r.Year != tr.year || r.Format != tr.format {
				t.Errorf("agency, year, format = %q, %d, %q; want %q, %d, %q", r.Agency, r.Year, r.Format, tr.agency, tr.year, tr.format)
			}
			res := checkExpected(r, &expectedFile{NoRules: tr.noRules}, tr.want, nil, tr.blank, tr.none)
			if res.expected == 0 {
				t.Fatalf("%s: its truth has no figures, so nothing was compared", tt.source)
			}
			wrong := 0
			for _, p := range res.problems {
				if strings.HasPrefix(p, "WRONG ") || strings.Contains(p, "want blank") || strings.Contains(p, "want absent") {
					wrong++
				}
				t.Error(p)
			}
			sum := byMedium[medium]
			sum.right += res.right
			sum.blank += res.blank
			sum.wrong += wrong
			t.Logf("%d right, %d blank with a finding, %d wrong, of %d figures", res.right, res.blank, wrong, res.expected)
		})
	}
	var lines []string
	for m, s := range byMedium {
		lines = append(lines, fmt.Sprintf("%s: %d right, %d blank with a finding, %d wrong", m, s.right, s.blank, s.wrong))
	}
	slices.Sort(lines)
	t.Log("by medium:\n" + strings.Join(lines, "\n"))
}
