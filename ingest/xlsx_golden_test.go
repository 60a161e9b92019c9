package ingest

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai"
	"gongkai/ingest/doc"
	"gongkai/template"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenWorkbooks are workbooks in the layouts real ones come in, written by
// our own layout code from synthetic reports. With -update the test writes
// each .xlsx and its .golden.json (the `check --json` object Parse makes of
// it) into testdata/xlsx; without, it parses the committed .xlsx and compares.
var goldenWorkbooks = []struct {
	name    string
	format  string
	year    int
	opts    template.Layout
	breakIt bool // state totals that break the rules
	// tweak changes the rendered workbook the way people change theirs
	// (a sheet deleted, copied, hidden; a number format), with excelize.
	tweak func(*excelize.File) error
}{
	{"official-2021", gongkai.Format2021, 2022, template.Layout{}, false, nil},
	{"one-sheet", gongkai.Format2021, 2021, template.Layout{OneSheet: true}, false, nil},
	{"total-first-no-titles", gongkai.Format2021, 2023, template.Layout{TotalFirst: true, NoTitles: true}, false, nil},
	{"spacers", gongkai.Format2021, 2022, template.Layout{Spacers: true}, false, nil},
	{"unmerged-headers", gongkai.Format2021, 2022, template.Layout{Unmerged: true}, false, nil},
	{"numbers-as-text", gongkai.Format2021, 2022, template.Layout{AsText: true, Spacers: true}, false, nil},
	{"format-2019", gongkai.Format2019, 2020, template.Layout{}, false, nil},
	{"format-2019-year-2021", gongkai.Format2019, 2021, template.Layout{OneSheet: true, Spacers: true}, false, nil},
	{"violations", gongkai.Format2021, 2022, template.Layout{}, true, nil},
	{"missing-table", gongkai.Format2021, 2022, template.Layout{}, false, tweakMissingTable},
	{"title-no-year", gongkai.Format2019, 2020, template.Layout{}, false, tweakTitleNoYear},
	{"copy-hidden", gongkai.Format2021, 2022, template.Layout{}, false, tweakCopy(copyHidden)},
	{"copy-years", gongkai.Format2021, 2022, template.Layout{}, false, tweakCopy(copyYears)},
	{"copy-same", gongkai.Format2021, 2022, template.Layout{}, false, tweakCopy(copySame)},
	{"copy-ambiguous", gongkai.Format2021, 2022, template.Layout{}, false, tweakCopy(copyAmbiguous)},
	{"general-format", gongkai.Format2021, 2022, template.Layout{}, false, tweakGeneralFormat},
}

// checkJSON is the object `gongkai check --json` prints (design.md); it
// mirrors cmd/gongkai's, which this package cannot import.
type checkJSON struct {
	Agency   string            `json:"agency"`
	Year     int               `json:"year"`
	Format   string            `json:"format"`
	Values   []checkJSONValue  `json:"values"`
	Findings []gongkai.Finding `json:"findings"`
}

type checkJSONValue struct {
	Measure   string   `json:"measure"`
	Applicant string   `json:"applicant"`
	Value     *float64 `json:"value"` // null when blank; a unit, if any, is in raw
	Raw       string   `json:"raw"`
	At        string   `json:"at"`
}

func checkOutput(r *gongkai.Report) ([]byte, error) {
	out := checkJSON{Agency: r.Agency, Year: r.Year, Format: r.Format, Values: []checkJSONValue{}, Findings: r.Findings}
	for _, v := range r.Values {
		out.Values = append(out.Values, checkJSONValue{v.Measure, v.Applicant, v.Number, v.Raw, v.At})
	}
	if out.Findings == nil {
		out.Findings = []gongkai.Finding{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(out)
	return buf.Bytes(), err
}

func TestXLSXGolden(t *testing.T) {
	dir := filepath.Join("testdata", "xlsx")
	for _, tt := range goldenWorkbooks {
		t.Run(tt.name, func(t *testing.T) {
			xlsxPath := filepath.Join(dir, tt.name+".xlsx")
			goldenPath := filepath.Join(dir, tt.name+".golden.json")
			if *update {
				var buf bytes.Buffer
				r := syntheticReport(tt.format, tt.year, tt.breakIt)
				if err := template.WriteLayout(&buf, tt.format, tt.opts, r); err != nil {
					t.Fatal(err)
				}
				if tt.tweak != nil {
					if err := tweakWorkbook(&buf, tt.tweak); err != nil {
						t.Fatal(err)
					}
				}
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(xlsxPath, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			data, err := os.ReadFile(xlsxPath)
			if err != nil {
				t.Fatal(err)
			}
			r, err := Parse(tt.name+".xlsx", data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := checkOutput(r)
			if err != nil {
				t.Fatal(err)
			}
			compareGolden(t, "TestXLSXGolden", xlsxPath, goldenPath, got)
		})
	}
}

// compareGolden holds the check output got of the fixture source to its
// golden file, or with -update rewrites the golden file.
func compareGolden(t *testing.T, test, source, golden string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run %s -update to write it)", err, test)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("Parse of %s differs from %s (run go test -run %s -update to rewrite, then review the diff):\n%s",
			source, golden, test, firstDiff(string(got), string(want)))
	}
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want string) string {
	gl, wl := bytes.Split([]byte(got), []byte("\n")), bytes.Split([]byte(want), []byte("\n"))
	for i := 0; i < max(len(gl), len(wl)); i++ {
		var g, w []byte
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if !bytes.Equal(g, w) {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + string(g) + "\nwant: " + string(w)
		}
	}
	return ""
}

// syntheticReport makes a report of format whose figures obey the format's
// rules: table 三's outcomes are small numbers, each row's 总计 and （七）总计
// are left to the template's formulas, and 本年新收 is set so that the stated
// balance holds in every column. With breakIt it states totals that break
// R1, R2 and R3 and a negative count instead.
func syntheticReport(format string, year int, breakIt bool) *gongkai.Report {
	f := gongkai.FormatByID(format)
	r := &gongkai.Report{Agency: "某市测试局", Year: year, Format: format, Province: "某省", City: "某市", Level: "市级部门"}
	set := func(measure, applicant string, v float64) {
		r.Values = append(r.Values, gongkai.Value{Measure: measure, Applicant: applicant,
			Number: gongkai.Float(v), Raw: doc.FormatNumber(v)})
	}
	set("narrative.proactive_items", gongkai.ApplicantTotal, 928)
	formulas := map[string]bool{}
	for _, c := range template.Figures(format, template.Layout{}) {
		if c.Formula != "" {
			formulas[c.Measure+"/"+c.Applicant] = true
		}
	}
	n := 0
	outcomes := map[string]float64{} // sum of outcome rows by applicant
	for _, t := range f.Tables {
		for _, b := range t.Blocks {
			for _, row := range b.Rows {
				if row.Group {
					continue
				}
				for _, col := range b.Columns {
					m, a := b.Cell(row, col)
					if formulas[m+"/"+a] || m == "apps.new" {
						continue
					}
					n++
					v := float64(n%5 + 1)
					switch gongkai.CellKind(row, col) {
					case "signed":
						v = float64(n%5 - 2)
					case "money":
						v = float64(n%7) + 0.5
					}
					set(m, a, v)
					if t.ID == "applications" && row.Parent != "" {
						outcomes[a] += v
					}
				}
			}
		}
	}
	for _, a := range gongkai.Applicants[:len(gongkai.Applicants)-1] {
		in, _ := r.Lookup("apps.carried_in", a)
		out, _ := r.Lookup("apps.carried_out", a)
		set("apps.new", a, outcomes[a]+*out.Number-*in.Number)
	}
	if breakIt {
		set("apps.total", gongkai.ApplicantNatural, outcomes[gongkai.ApplicantNatural]+1) // R1, stated balance
		set("apps.new", gongkai.ApplicantTotal, 1)                                        // R2
		set("review.total", gongkai.ApplicantTotal, 99)                                   // R3
		for i := range r.Values {
			if r.Values[i].Measure == "apps.granted" && r.Values[i].Applicant == gongkai.ApplicantBusiness {
				r.Values[i].Number, r.Values[i].Raw = gongkai.Float(-1), "-1" // a negative count
			}
		}
	}
	return r
}
