package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gongkai"
	"gongkai/ingest/internal/fixture"
)

// checkObject is the report as `gongkai check --json` prints it: the shape
// the golden files hold, so that a change in what a page yields shows as a
// diff a person can review.
func checkObject(r *gongkai.Report, err error) any {
	if err != nil {
		return map[string]string{"error": gongkai.ErrorMessage(err)}
	}
	type value struct {
		Measure   string   `json:"measure"`
		Applicant string   `json:"applicant"`
		Value     *float64 `json:"value"`
		Raw       string   `json:"raw"`
		At        string   `json:"at"`
		Source    string   `json:"source,omitempty"`
	}
	type section struct {
		Numeral string `json:"numeral"`
		Title   string `json:"title"`
		At      string `json:"at"`
	}
	out := struct {
		Agency    string            `json:"agency"`
		Year      int               `json:"year"`
		Format    string            `json:"format"`
		Published string            `json:"published,omitempty"`
		Values    []value           `json:"values"`
		Findings  []gongkai.Finding `json:"findings"`
		Sections  []section         `json:"sections,omitempty"`
	}{Agency: r.Agency, Year: r.Year, Format: r.Format, Published: r.Published, Values: []value{}, Findings: r.Findings}
	for _, v := range r.Values {
		out.Values = append(out.Values, value{v.Measure, v.Applicant, v.Number, v.Raw, v.At, v.Source})
	}
	for _, s := range r.Sections {
		out.Sections = append(out.Sections, section{s.Numeral, s.Title, s.At})
	}
	if out.Findings == nil {
		out.Findings = []gongkai.Finding{}
	}
	return out
}

// TestWebGolden parses every page in testdata/web (synthetic reports we
// wrote, one per shape of published text) and compares the check --json
// object with its golden file. Run with -update to rewrite them.
func TestWebGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/web/*")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, in := range inputs {
		if strings.HasSuffix(in, ".golden.json") || strings.HasSuffix(in, ".want") || strings.HasSuffix(in, ".expected.json") {
			continue
		}
		n++
		t.Run(filepath.Base(in), func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			r, err := Parse(filepath.Base(in), data, Options{})
			got, jerr := json.MarshalIndent(checkObject(r, err), "", " ")
			if jerr != nil {
				t.Fatal(jerr)
			}
			got = append(got, '\n')
			golden := in + ".golden.json"
			if *fixture.Update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestWebGolden -update to write it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Parse of %s differs from %s (run go test -run TestWebGolden -update, then review the diff):\n%s",
					in, golden, webDiff(string(want), string(got)))
			}
		})
	}
	if n < 10 {
		t.Errorf("found %d fixtures in testdata/web, want at least 10", n)
	}
}

// webDiff shows the first line where two texts differ.
func webDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl
		}
	}
	return ""
}

// TestWebFixtures checks, for each shape, the facts the golden files are
// meant to hold, so that an -update cannot quietly bless a wrong reading.
func TestWebFixtures(t *testing.T) {
	type cell struct {
		measure, applicant string
		value              float64
		at                 string // "" when any line will do
		blank              bool
	}
	tests := []struct {
		file     string
		agency   string
		format   string
		cells    []cell
		findings []string // rule@at, each must be present
		values   int      // table values with a number, at least
	}{
		{"shape1-cell-per-line.txt", "示例市生态环境局", "2021",
			[]cell{{"apps.unavailable.not_held", "legal_services", 1, "", false}, {"apps.unavailable.not_held", "total", 3, "", false}, {"penalty.decisions", "total", 8, "", false}},
			[]string{"lost_label", "narrative@line 6"}, 200},
		{"shape2-pipe-rows.txt", "示例市生态环境局", "2019",
			[]cell{{"licensing.items_delta", "total", 1, "", false}, {"fees.items_delta", "total", -1, "", false}, {"procurement.amount", "total", 251000, "", false}, {"apps.other", "total", 0, "", false}},
			[]string{"narrative"}, 190},
		// A change's sign on a count: stored as stated, with the error at the cell.
		{"count-plus-sign.txt", "示例市生态环境局", "2019",
			[]cell{{"other_services.items_prev", "total", 2, "line 15", false}, {"other_services.items_delta", "total", 0, "line 15", false}},
			[]string{"values@line 15"}, 190},
		{"shape3-blank-lines.txt", "示例市生态环境局", "2021",
			[]cell{{"apps.new", "total", 13, "", false}, {"review.total", "total", 1, "", false}}, nil, 200},
		{"shape4-run-together.txt", "示例市生态环境局", "2019",
			[]cell{{"apps.new", "natural", 12, "", false}, {"apps.granted", "natural", 11, "", false}, {"apps.carried_out", "total", 1, "", false}},
			[]string{"run_together@line 14", "run_together@line 19", "run_together@line 30", "run_together@line 33"}, 140},
		{"shape5-spaces.txt", "示例市生态环境局", "2021",
			[]cell{{"apps.carried_out", "total", 2, "", false}, {"normative_docs.in_force", "total", 15, "", false}}, nil, 200},
		{"shape6-rowspan.html", "示例市生态环境局", "2021",
			[]cell{{"rules.repealed", "total", 0, "line 21", true}, {"apps.withheld.third_party", "natural", 1, "", false}, {"litigation_direct.total", "total", 1, "", false}}, nil, 199},
		{"shape7-pdf.txt", "示例市生态环境局", "2021",
			[]cell{{"fees.amount_wan", "total", 0.5, "", false}, {"apps.total", "total", 12, "", false}}, nil, 200},
		{"gbk-pipe-rows.txt", "示例县人民政府办公室", "2021",
			[]cell{{"apps.new", "natural", 10, "", false}}, nil, 200},
		{"gbk-meta.html", "示例县交通运输局", "2019",
			[]cell{{"licensing.decisions", "total", 60, "", false}}, nil, 190},
		{"traditional-mirror.txt", "示例市生态环境局", "2021",
			[]cell{{"rules.issued", "total", 0, "", false}, {"apps.total", "total", 12, "", false}, {"review.upheld", "total", 1, "", false}}, nil, 200},
		{"html-paragraphs.html", "示例市生态环境局", "2021",
			[]cell{{"apps.unavailable.not_held", "total", 3, "line 157", false}, {"fees.amount_wan", "total", 0.5, "", false}},
			[]string{"lost_label@line 151"}, 200},
		{"period-mismatch.txt", "示例市生态环境局", "2021", nil, []string{"period@line 3"}, 200},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata/web", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			r, err := Parse(tt.file, data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if r.Agency != tt.agency || r.Year != 2021 || r.Format != tt.format {
				t.Errorf("agency, year, format = %q, %d, %q; want %q, 2021, %q", r.Agency, r.Year, r.Format, tt.agency, tt.format)
			}
			if r.Published != "2022-01-20" {
				t.Errorf("published = %q, want 2022-01-20", r.Published)
			}
			for _, c := range tt.cells {
				v, ok := r.Lookup(c.measure, c.applicant)
				switch {
				case !ok:
					t.Errorf("%s/%s missing", c.measure, c.applicant)
				case c.blank && v.Number != nil:
					t.Errorf("%s/%s = %v, want blank", c.measure, c.applicant, *v.Number)
				case !c.blank && (v.Number == nil || *v.Number != c.value):
					t.Errorf("%s/%s = %v (raw %q at %s), want %v", c.measure, c.applicant, v.Number, v.Raw, v.At, c.value)
				}
				if ok && !strings.HasPrefix(v.At, "line ") {
					t.Errorf("%s/%s at %q, want a line", c.measure, c.applicant, v.At)
				}
				if ok && c.at != "" && v.At != c.at {
					t.Errorf("%s/%s at %q, want %q", c.measure, c.applicant, v.At, c.at)
				}
			}
			for _, want := range tt.findings {
				rule, at, _ := strings.Cut(want, "@")
				found := false
				for _, f := range r.Findings {
					found = found || (f.Rule == rule && (at == "" || f.At == at))
				}
				if !found {
					t.Errorf("no finding %s; findings: %v", want, r.Findings)
				}
			}
			n := 0
			for _, v := range r.Values {
				if v.Number != nil && !strings.HasPrefix(v.Measure, "narrative.") {
					n++
				}
			}
			if n < tt.values {
				t.Errorf("%d table values with a number, want at least %d", n, tt.values)
			}
			if len(r.Sections) != 6 {
				t.Errorf("%d sections, want 6", len(r.Sections))
			}
		})
	}
}

// TestSampleReport reads the published report in ../../shared/samples (when the
// workspace has it; it is third-party text and stays out of the repository):
// every table figure, the eight figures hanging under （三）不予公开 after
// "1.属于国家秘密" was lost, and the narrative's 行政处罚 "1件" against 11 in
// the table.
func TestSampleReport(t *testing.T) {
	data, err := os.ReadFile("../../shared/samples/anshun-emergency-2021.txt")
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("../../shared/samples is not in this workspace")
	}
	if err != nil {
		t.Fatal(err)
	}
	// The page has no title line: the agency and year come from the person
	// loading it, as they would with --agency and --year.
	r, err := Parse("anshun-emergency-2021.txt", data, Options{Agency: "安顺市应急管理局", Year: 2021})
	if err != nil {
		t.Fatal(err)
	}
	if r.Format != gongkai.Format2021 || r.Published != "2022-01-25" {
		t.Errorf("format %q, published %q; want 2021, 2022-01-25", r.Format, r.Published)
	}
	nonzero := map[string]float64{"normative_docs.in_force": 7, "licensing.decisions": 867, "penalty.decisions": 11}
	f := gongkai.FormatByID(gongkai.Format2021)
	cells := 0
	for _, tb := range f.Tables {
		for _, b := range tb.Blocks {
			for _, row := range b.Rows {
				if row.Group {
					continue
				}
				for _, c := range b.Columns {
					m, a := b.Cell(row, c)
					cells++
					v, ok := r.Lookup(m, a)
					if !ok || v.Number == nil || *v.Number != nonzero[m] || !strings.HasPrefix(v.At, "line ") {
						t.Errorf("%s/%s = %+v, want %v at a line", m, a, v, nonzero[m])
					}
				}
			}
		}
	}
	if cells != 200 {
		t.Errorf("the 2021 format has %d cells, want 200", cells)
	}
	for i, a := range gongkai.Applicants {
		v, _ := r.Lookup("apps.withheld.state_secret", a)
		if want := "line " + strconv.Itoa(85+i); v.At != want {
			t.Errorf("state_secret/%s at %q, want %q", a, v.At, want)
		}
	}
	if v, _ := r.Lookup("narrative.proactive_items", gongkai.ApplicantTotal); v.Number == nil || *v.Number != 928 || v.At != "line 8" {
		t.Errorf("proactive items = %+v, want 928 at line 8", v)
	}
	var lost, penalty bool
	for _, fd := range r.Findings {
		switch {
		case fd.Rule == "lost_label" && fd.At == "line 85" && fd.RowLabel == "1.属于国家秘密":
			lost = true
		case fd.Rule == "narrative" && fd.Measure == "penalty.decisions" && fd.At == "line 5" &&
			*fd.Expected == 11 && *fd.Actual == 1 && fd.Severity == gongkai.SeverityWarning:
			penalty = true
		case fd.Severity == gongkai.SeverityError:
			t.Errorf("unexpected error finding: %+v", fd)
		}
	}
	if !lost || !penalty {
		t.Errorf("lost-label finding %v, 行政处罚 contradiction %v; want both: %+v", lost, penalty, r.Findings)
	}
}

// TestPre2019 checks that pages without official tables are read as
// pre-2019 reports from their narrative or their provincial statistics
// table, with the aligned figures under the canonical codes.
func TestPre2019(t *testing.T) {
	tests := []struct {
		file      string
		year      int
		published string
		want      map[string]float64
	}{
		{"pre2019-narrative.txt", 2015, "2016-03-28", map[string]float64{
			"narrative.proactive_items": 315, "apps.new": 21, "apps.granted": 12, "apps.partial": 2, "apps.total": 21,
			"pre2019.apps_withheld": 1, "pre2019.not_exist": 4, "pre2019.not_this_organ": 2, "pre2019.apps_online": 15,
			"review.total": 1, "pre2019.litigation_total": 0, "pre2019.fees": 36.5,
		}},
		{"pre2019-stats.html", 2016, "2017-03-15", map[string]float64{
			"narrative.proactive_items": 642, "apps.new": 37, "apps.granted": 20, "apps.partial": 3, "apps.total": 36,
			"pre2019.apps_withheld": 2, "pre2019.already_public": 6, "review.total": 1, "pre2019.review_upheld": 1,
			"pre2019.litigation_total": 0, "pre2019.litigation_upheld": 0,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata/web", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			r, err := Parse(tt.file, data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if r.Format != gongkai.FormatPre2019 || r.Year != tt.year || r.Published != tt.published {
				t.Errorf("format %q year %d published %q; want pre2019 %d %s", r.Format, r.Year, r.Published, tt.year, tt.published)
			}
			cat := gongkai.CatalogueByCode()
			for m, want := range tt.want {
				v, ok := r.Lookup(m, gongkai.ApplicantTotal)
				if !ok || v.Number == nil || *v.Number != want || !strings.HasPrefix(v.At, "line ") {
					t.Errorf("%s = %+v, want %v at a line", m, v, want)
				}
				if !strings.Contains(strings.Join(cat[m].Formats, ","), gongkai.FormatPre2019) {
					t.Errorf("%s: catalogue formats %v lack pre2019", m, cat[m].Formats)
				}
			}
		})
	}
}

// TestNotAReport checks that a page with neither tables nor a report's
// narrative is rejected, not read as an empty report. (A report whose
// tables are missing loads: TestTableless.)
func TestNotAReport(t *testing.T) {
	for name, page := range map[string]string{
		"news.txt": "示例市召开2021年防汛工作会议\n会议要求各单位压实责任。\n",
		// A report's title over a page that says nothing of the report.
		"news.html": "<html><title>示例市2021年政府信息公开工作年度报告</title><p>页面已迁移。</p></html>",
	} {
		if _, err := Parse(name, []byte(page), Options{}); err == nil || gongkai.ErrorCode(err) != gongkai.CodeInvalid {
			t.Errorf("%s: err = %v, want a rejection", name, err)
		}
	}
}

// TestTitlelessPeriodNoEndYear holds a page without a title line, loaded
// with its agency given (as with --agency), to be a report when it states
// its statistics period with the end's year left out ("自2023年1月1日起至
// 12月31日止", the shape of two real 2023 pages): it loads, its year read
// from the period, with its narrative's figures. Before, the period was not
// recognised and the page was rejected as no report ("未找到表二、表三、表四").
func TestTitlelessPeriodNoEndYear(t *testing.T) {
	data, err := os.ReadFile("testdata/notitle/period-no-end-year.txt")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse("period-no-end-year.txt", data, Options{Agency: "示例区人民政府办公室"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Year != 2023 {
		t.Errorf("year %d, want 2023", r.Year)
	}
	want := map[string]float64{"narrative.proactive_items": 74, "apps.new": 0, "review.total": 0, "litigation_direct.total": 0, "litigation_after_review.total": 0}
	for m, w := range want {
		if v, ok := r.Lookup(m, gongkai.ApplicantTotal); !ok || v.Number == nil || *v.Number != w {
			t.Errorf("%s: %+v, want %v", m, v, w)
		}
	}
}
