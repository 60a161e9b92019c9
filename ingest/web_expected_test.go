package ingest

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gongkai"
)

// expectedFile is what a person wrote down, by reading a fixture, that its
// figures are: testdata/web/NAME.expected.json beside testdata/web/NAME.
// Unlike the golden files it is never rewritten by -update, so a change that
// reads a figure wrong fails here even when someone blesses the golden diff.
//
//	{
//	  "like": "other.expected.json",      // start from another fixture's figures (same data, other shape)
//	  "agency": "…", "year": 2021, "format": "2021",
//	  "default": 0,                       // every table cell not listed below is this (omit: unlisted cells unchecked)
//	  "values": {"apps.new": [10,2,0,0,1,0,13], "apps.total/natural": 9, "licensing.decisions": 120, "pre2019.fees": 36.5},
//	  "empty": ["rules.repealed"],        // cells the page itself leaves blank: blank, no finding needed
//	  "blank": ["licensing.decisions"],   // must be blank, with a finding (a reading no rule can prove)
//	  "absent": ["apps.total"],           // rows not on the page: no figure (not 0)
//	  "no_rules": ["stated_balance"],     // rules that must not fire (computed from rows that are not there)
//	  "min_right": 150,                   // figures that must be right; default every expected one
//	  "note": "…"                         // why, for the next reader
//	}
//
// A measure of table 三 takes the seven applicant columns in official order
// (gongkai.Applicants); every other measure one number (applicant total).
type expectedFile struct {
	Note    string                     `json:"note"` // why, for the reader
	Like    string                     `json:"like"`
	Agency  string                     `json:"agency"`
	Year    int                        `json:"year"`
	Format  string                     `json:"format"`
	Default *float64                   `json:"default"`
	Values  map[string]json.RawMessage `json:"values"`
	Empty   []string                   `json:"empty"`
	Blank   []string                   `json:"blank"`
	Absent  []string                   `json:"absent"`
	NoRules []string                   `json:"no_rules"`
	// MinRight is how many expected figures must be read right; nil means all.
	MinRight *int `json:"min_right"`
	// Error, when set, means the page must be rejected with a message holding it.
	Error string `json:"error"`
}

// loadExpected reads an expected file, following "like" once.
func loadExpected(t *testing.T, path string) *expectedFile {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var e expectedFile
	if err := json.Unmarshal(data, &e); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if e.Like == "" {
		return &e
	}
	base := loadExpected(t, filepath.Join(filepath.Dir(path), e.Like))
	merged := *base
	merged.Values = maps.Clone(base.Values)
	if merged.Values == nil {
		merged.Values = map[string]json.RawMessage{}
	}
	maps.Copy(merged.Values, e.Values)
	for _, f := range []struct {
		dst *string
		src string
	}{{&merged.Agency, e.Agency}, {&merged.Format, e.Format}, {&merged.Error, e.Error}} {
		if f.src != "" {
			*f.dst = f.src
		}
	}
	if e.Year != 0 {
		merged.Year = e.Year
	}
	if e.Default != nil {
		merged.Default = e.Default
	}
	if e.MinRight != nil {
		merged.MinRight = e.MinRight
	}
	merged.Empty = append(slices.Clone(base.Empty), e.Empty...)
	merged.Blank = append(slices.Clone(base.Blank), e.Blank...)
	merged.Absent = append(slices.Clone(base.Absent), e.Absent...)
	merged.NoRules = append(slices.Clone(base.NoRules), e.NoRules...)
	return &merged
}

// cellsWanted turns the expected file into measure/applicant → figure.
func (e *expectedFile) cellsWanted(t *testing.T) map[valueKey]float64 {
	t.Helper()
	out := map[valueKey]float64{}
	if f := gongkai.FormatByID(e.Format); f != nil && e.Default != nil {
		for _, tb := range f.Tables {
			for _, b := range tb.Blocks {
				for _, row := range b.Rows {
					if row.Group {
						continue
					}
					for _, c := range b.Columns {
						m, a := b.Cell(row, c)
						out[valueKey{m, a}] = *e.Default
					}
				}
			}
		}
	}
	for m, raw := range e.Values {
		var one float64
		if err := json.Unmarshal(raw, &one); err == nil {
			if m, a, ok := strings.Cut(m, "/"); ok {
				out[valueKey{m, a}] = one // "apps.new/natural": one column
				continue
			}
			out[valueKey{m, gongkai.ApplicantTotal}] = one
			continue
		}
		var seven []float64
		if err := json.Unmarshal(raw, &seven); err != nil || len(seven) != len(gongkai.Applicants) {
			t.Fatalf("values[%s] = %s: want a number or %d numbers", m, raw, len(gongkai.Applicants))
		}
		for i, a := range gongkai.Applicants {
			out[valueKey{m, a}] = seven[i]
		}
	}
	return out
}

// keysOf expands "apps.new" to its seven applicant cells and
// "apps.new/natural" to one.
func keysOf(names []string, f *gongkai.Format) []valueKey {
	var out []valueKey
	for _, n := range names {
		if m, a, ok := strings.Cut(n, "/"); ok {
			out = append(out, valueKey{m, a})
			continue
		}
		if f != nil && f.Table("applications") != nil && slices.ContainsFunc(f.Table("applications").Blocks[0].Rows, func(r gongkai.Row) bool { return r.Measure == n }) {
			for _, a := range gongkai.Applicants {
				out = append(out, valueKey{n, a})
			}
			continue
		}
		out = append(out, valueKey{n, gongkai.ApplicantTotal})
	}
	return out
}

// hasFindingFor reports whether a finding points a person at the cell: at
// its location, its measure, its row, or (for table 四, one row read as a
// whole) its table.
func hasFindingFor(r *gongkai.Report, k valueKey, v gongkai.Value, found bool) bool {
	row, table := "", "-"
	if f := gongkai.FormatByID(r.Format); f != nil {
		row = cellLabels(f)[k].row
		for _, tb := range f.Tables {
			for _, b := range tb.Blocks {
				for _, rw := range b.Rows {
					for _, c := range b.Columns {
						if m, a := b.Cell(rw, c); m == k.measure && a == k.applicant {
							table = tb.Title
						}
					}
				}
			}
		}
	}
	for _, fd := range r.Findings {
		if fd.Severity != gongkai.SeverityError && fd.Severity != gongkai.SeverityWarning {
			continue
		}
		if (found && v.At != "" && fd.At == v.At) || fd.Measure == k.measure || cumulativeCode(fd.Measure) == k.measure || (row != "" && fd.RowLabel == row) || fd.RowLabel == table {
			return true
		}
	}
	return false
}

// TestWebExpected is the first rule over every fixture of testdata/web that
// has an expected file: every figure is either right (equal to the value a
// person wrote down) or blank with a finding that points at it — none wrong.
// Cells that no rule can prove (the digit-per-cell trap) must stay blank,
// rows absent from a page must stay absent, and the rules named must not
// fire from rows that are not there. Every fixture must have an expected
// file, except the narrative-only pages whose .want file TestTableless
// checks.
func TestWebExpected(t *testing.T) {
	inputs, err := filepath.Glob("testdata/web/*")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, in := range inputs {
		if strings.HasSuffix(in, ".golden.json") || strings.HasSuffix(in, ".expected.json") || strings.HasSuffix(in, ".want") {
			continue
		}
		if _, err := os.Stat(in + ".want"); err == nil {
			continue // a narrative-only page: TestTableless holds its figures
		}
		t.Run(filepath.Base(in), func(t *testing.T) {
			path := in + ".expected.json"
			if _, err := os.Stat(path); err != nil {
				t.Fatalf("no %s: write down by hand what the fixture's figures are", path)
			}
			checked++
			e := loadExpected(t, path)
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			r, err := Parse(filepath.Base(in), data, Options{})
			if e.Error != "" {
				if err == nil || !strings.Contains(gongkai.ErrorMessage(err), e.Error) {
					t.Fatalf("err = %v, want a rejection saying %q", err, e.Error)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.Agency != e.Agency || r.Year != e.Year || r.Format != e.Format {
				t.Errorf("agency, year, format = %q, %d, %q; want %q, %d, %q", r.Agency, r.Year, r.Format, e.Agency, e.Year, e.Format)
			}
			f := gongkai.FormatByID(e.Format)
			report := checkExpected(r, e, e.cellsWanted(t), keysOf(e.Empty, f), keysOf(e.Blank, f), keysOf(e.Absent, f))
			for _, p := range report.problems {
				t.Error(p)
			}
			min := report.expected
			if e.MinRight != nil {
				min = *e.MinRight
			}
			if report.right < min {
				t.Errorf("%d of %d expected figures read right, want at least %d", report.right, report.expected, min)
			}
			t.Logf("%d of %d figures right, %d blank with a finding", report.right, report.expected, report.blank)
		})
	}
	if checked == 0 {
		t.Fatal("no fixtures checked")
	}
}

// expectedReport is the outcome of checking one report against what a
// person wrote down.
type expectedReport struct {
	right, blank, expected int
	problems               []string
}

func checkExpected(r *gongkai.Report, e *expectedFile, want map[valueKey]float64, empty, blank, absent []valueKey) expectedReport {
	var out expectedReport
	bad := func(format string, args ...any) { out.problems = append(out.problems, fmt.Sprintf(format, args...)) }
	keys := make([]valueKey, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b valueKey) int { return strings.Compare(a.measure+"/"+a.applicant, b.measure+"/"+b.applicant) })
	for _, k := range keys {
		if slices.Contains(empty, k) || slices.Contains(blank, k) || slices.Contains(absent, k) {
			continue
		}
		out.expected++
		w := want[k]
		v, ok := r.Lookup(k.measure, k.applicant)
		switch {
		case ok && v.Number != nil && *v.Number == w:
			out.right++
		case ok && v.Number != nil:
			bad("WRONG %s/%s = %v (raw %q at %s), want %v", k.measure, k.applicant, *v.Number, v.Raw, v.At, w)
		case hasFindingFor(r, k, v, ok):
			out.blank++
		default:
			bad("%s/%s blank (found %v) without a finding; want %v", k.measure, k.applicant, ok, w)
		}
	}
	for _, k := range blank {
		v, ok := r.Lookup(k.measure, k.applicant)
		switch {
		case ok && v.Number != nil:
			bad("%s/%s = %v (raw %q at %s), want blank: no rule proves this reading", k.measure, k.applicant, *v.Number, v.Raw, v.At)
		case !hasFindingFor(r, k, v, ok):
			bad("%s/%s blank without a finding", k.measure, k.applicant)
		}
	}
	for _, k := range empty {
		if v, ok := r.Lookup(k.measure, k.applicant); !ok || v.Number != nil {
			bad("%s/%s = %+v, want the blank cell the page has", k.measure, k.applicant, v)
		}
	}
	for _, k := range absent {
		if v, ok := r.Lookup(k.measure, k.applicant); ok && v.Number != nil {
			bad("%s/%s = %v at %s, want absent: the row is not on the page", k.measure, k.applicant, *v.Number, v.At)
		}
	}
	for _, fd := range r.Findings {
		if slices.Contains(e.NoRules, fd.Rule) {
			bad("finding %s at %s fired from rows not on the page: %s", fd.Rule, fd.At, fd.Message)
		}
	}
	return out
}
