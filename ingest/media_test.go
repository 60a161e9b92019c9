package ingest

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai"
	"gongkai/ingest/internal/fixture"
	"gongkai/ingest/pdf"
)

// mediaFixtures are reports made by real producers (LibreOffice, Chromium)
// from our own synthetic reports: testdata/media/make-fixtures.sh makes them
// from the source named here, which is a fixture with a golden file of its
// own. Each is held to its own golden file and, more strictly, to the first
// rule against its source: every figure read is the source's figure, and a
// figure the source has that the fixture leaves blank comes with a finding.
var mediaFixtures = []struct {
	file   string // in testdata/media
	source string // golden file of the report it was made from, from this folder
}{
	{"xlsx-named.xls", "xlsx/testdata/official-2021.golden.json"},
	{"xlsx-named.et", "xlsx/testdata/official-2021.golden.json"},
	{"excel-export-utf8.xls", "xlsx/testdata/official-2021.golden.json"},
	{"excel-export-gbk.xls", "xlsx/testdata/official-2021.golden.json"},
	{"shape6-rowspan.docx", "testdata/web/shape6-rowspan.html.golden.json"},
	{"html-paragraphs.docx", "testdata/web/html-paragraphs.html.golden.json"},
	{"gbk-meta.docx", "testdata/web/gbk-meta.html.golden.json"},
	{"official-2021.xls", "xlsx/testdata/official-2021.golden.json"},
	{"format-2019.xls", "xlsx/testdata/format-2019.golden.json"},
	{"violations.xls", "xlsx/testdata/violations.golden.json"},
	{"biff8-named.et", "xlsx/testdata/official-2021.golden.json"},
	{"shape6-rowspan-writer.pdf", "testdata/web/shape6-rowspan.html.golden.json"},
	{"shape6-rowspan-chromium.pdf", "testdata/web/shape6-rowspan.html.golden.json"},
	{"copy-restricted-writer.pdf", "testdata/web/shape6-rowspan.html.golden.json"},
	{"shape6-rowspan-chromium-truetype.pdf", "testdata/web/shape6-rowspan.html.golden.json"},
	{"gbk-meta-writer.pdf", "testdata/web/gbk-meta.html.golden.json"},
	{"gbk-meta-landscape-chromium.pdf", "testdata/web/gbk-meta.html.golden.json"},
	{"html-paragraphs-writer.pdf", "testdata/web/html-paragraphs.html.golden.json"},
	{"repeated-header-writer.pdf", "testdata/web/shape6-rowspan.html.golden.json"},
	{"columns-disagree-writer.pdf", "testdata/web/shape6-rowspan.html.golden.json"},
	{"repeated-header-year-writer.pdf", "testdata/web/shape6-rowspan.html.golden.json"},
	{"pdf-2020-narrow-chromium.pdf", "testdata/web/pdf-2020.txt.golden.json"},
	{"shape7-pdf-writer.pdf", "testdata/web/shape7-pdf.txt.golden.json"},
	{"official-2021.ods", "xlsx/testdata/official-2021.golden.json"},
	{"violations.ods", "xlsx/testdata/violations.golden.json"},
	{"spreadsheetml-2003.xls", "xlsx/testdata/official-2021.golden.json"},
	{"shape8-narrow.docx", "testdata/web/shape8-narrow.html.golden.json"},
	{"shape8-narrow-writer.pdf", "testdata/web/shape8-narrow.html.golden.json"},
	{"shape8-narrow-docx-writer.pdf", "testdata/web/shape8-narrow.html.golden.json"},
	{"shape8-vertical-landscape-chromium.pdf", "testdata/web/shape8-narrow.html.golden.json"},
	{"fees-para-above-yuan.docx", "testdata/web/fees-para-above-yuan.html.golden.json"},
	{"fees-caption-yuan.docx", "testdata/web/fees-caption-yuan.html.golden.json"},
	{"fees-para-above-yuan-writer.pdf", "testdata/web/fees-para-above-yuan.html.golden.json"},
	{"fees-caption-yuan-writer.pdf", "testdata/web/fees-caption-yuan.html.golden.json"},
	{"unit-row-yuan.xls", "xlsx/testdata/unit-row-yuan.golden.json"},
}

func TestMediaGolden(t *testing.T) {
	if *fixture.Update {
		writeSpreadsheetML(t, fixture.WorkbookPath("official-2021"), filepath.Join("testdata", "media", "spreadsheetml-2003.xls"))
	}
	for _, tt := range mediaFixtures {
		t.Run(tt.file, func(t *testing.T) {
			if strings.HasSuffix(tt.file, ".pdf") {
				if !pdf.Available() {
					t.Skip("no PDF reader: built without poppler, and pdftotext (poppler-utils) is not installed: make deps")
				}
			}
			path := filepath.Join("testdata", "media", tt.file)
			r := parseMediaFixture(t, tt.file)
			got, err := fixture.CheckOutput(r)
			if err != nil {
				t.Fatal(err)
			}
			checkAgainstSource(t, r, tt.source)
			fixture.CompareGolden(t, "TestMediaGolden", path, path+".golden.json", got)
		})
	}
}

// parseMediaFixture parses testdata/media/file as an upload would be, and
// fails the test when it cannot be read or is refused.
func parseMediaFixture(t *testing.T, file string) *gongkai.Report {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "media", file))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse(file, data, Options{})
	if err != nil {
		t.Fatal(gongkai.ErrorMessage(err))
	}
	return r
}

// checkAgainstSource holds a report to the first rule against the golden
// check output of the report it was made from: agency, year and format the
// same, no figure different, and a finding wherever a figure went missing.
func checkAgainstSource(t *testing.T, r *gongkai.Report, sourceGolden string) {
	t.Helper()
	b, err := os.ReadFile(sourceGolden)
	if err != nil {
		t.Fatal(err)
	}
	var src fixture.CheckJSON
	if err := json.Unmarshal(b, &src); err != nil {
		t.Fatal(err)
	}
	if r.Agency != src.Agency || r.Year != src.Year || r.Format != src.Format {
		t.Errorf("agency, year, format = %q, %d, %s; source has %q, %d, %s", r.Agency, r.Year, r.Format, src.Agency, src.Year, src.Format)
	}
	got := map[string]*float64{}
	for _, v := range r.Values {
		got[v.Measure+"/"+v.Applicant] = v.Number
	}
	var missing []string
	for _, v := range src.Values {
		k := v.Measure + "/" + v.Applicant
		g, ok := got[k]
		switch {
		case g != nil && v.Value == nil:
			t.Errorf("%s = %v, the source leaves it blank", k, *g)
		case g != nil && *g != *v.Value:
			t.Errorf("%s = %v, the source says %v: a wrong figure", k, *g, *v.Value)
		case (g == nil || !ok) && v.Value != nil:
			missing = append(missing, k)
		}
		delete(got, k)
	}
	for k, g := range got {
		if g != nil {
			t.Errorf("%s = %v, which the source does not have", k, *g)
		}
	}
	if len(missing) > 0 && len(r.Findings) == 0 {
		t.Errorf("%d figures blank without a finding: %s", len(missing), strings.Join(missing, ", "))
	}
}

// writeSpreadsheetML writes a workbook as Excel 2003 XML the way export
// buttons of government systems do: one Worksheet per sheet, empty cells
// skipped with ss:Index, merges as ss:MergeAcross/ss:MergeDown, numbers as
// Number cells. It makes testdata/media/spreadsheetml-2003.xls from our
// template writer's workbook (LibreOffice here cannot write the format).
func writeSpreadsheetML(t *testing.T, xlsxPath, out string) {
	f, err := excelize.OpenFile(xlsxPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<?mso-application progid="Excel.Sheet"?>` + "\n" +
		`<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">` + "\n")
	for _, name := range f.GetSheetList() {
		merges, _ := f.GetMergeCells(name)
		span := map[string][2]int{}
		covered := map[string]bool{}
		for _, m := range merges {
			c0, r0, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
			c1, r1, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
			span[m.GetStartAxis()] = [2]int{c1 - c0, r1 - r0}
			for r := r0; r <= r1; r++ {
				for c := c0; c <= c1; c++ {
					if r != r0 || c != c0 {
						cell, _ := excelize.CoordinatesToCellName(c, r)
						covered[cell] = true
					}
				}
			}
		}
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "<Worksheet ss:Name=%q><Table>\n", name)
		for r, row := range rows {
			fmt.Fprintf(&b, "<Row ss:Index=\"%d\">", r+1)
			next := 1
			for c := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				v, _ := f.CalcCellValue(name, cell, excelize.Options{RawCellValue: true})
				if v == "" {
					v = row[c]
				}
				sp, merged := span[cell]
				if covered[cell] || v == "" && !merged {
					continue
				}
				b.WriteString("<Cell")
				if c+1 != next {
					fmt.Fprintf(&b, ` ss:Index="%d"`, c+1)
				}
				if sp[0] > 0 {
					fmt.Fprintf(&b, ` ss:MergeAcross="%d"`, sp[0])
				}
				if sp[1] > 0 {
					fmt.Fprintf(&b, ` ss:MergeDown="%d"`, sp[1])
				}
				typ := "String"
				if _, err := strconv.ParseFloat(v, 64); err == nil {
					typ = "Number"
				}
				var esc strings.Builder
				xml.EscapeText(&esc, []byte(v))
				fmt.Fprintf(&b, `><Data ss:Type="%s">%s</Data></Cell>`, typ, esc.String())
				next = c + 2 + sp[0]
			}
			b.WriteString("</Row>\n")
		}
		b.WriteString("</Table></Worksheet>\n")
	}
	b.WriteString("</Workbook>\n")
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
