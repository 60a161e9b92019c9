package warehouse

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// formulaLike reports whether a CSV cell would be read by a spreadsheet as
// a formula (SpreadsheetSafe's rule, written out again).
func formulaLike(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '@', '\t', '\r':
		return true
	case '+', '-':
		if strings.Trim(s, "-") == "" {
			return false
		}
		for _, r := range s[1:] {
			if (r < '0' || r > '9') && r != '.' {
				return true
			}
		}
	}
	return false
}

// TestSpreadsheetSafe: texts a spreadsheet reads as formulas get an
// apostrophe; numbers written as text, a blank's dashes and other text do
// not.
func TestSpreadsheetSafe(t *testing.T) {
	for in, want := range map[string]string{
		`=HYPERLINK("http://evil.example","详情")局`: `'=HYPERLINK("http://evil.example","详情")局`,
		"@SUM(A1)": "'@SUM(A1)", "+1+cmd": "'+1+cmd", "-2+3": "'-2+3", "-HYPERLINK(1)": "'-HYPERLINK(1)",
		"\t=1": "'\t=1", "\r=1": "'\r=1",
		"-5": "-5", "+1.5": "+1.5", "-": "-", "--": "--", "": "", "某某局": "某某局", "1=1": "1=1",
	} {
		if got := SpreadsheetSafe(in); got != want {
			t.Errorf("SpreadsheetSafe(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCSVFormulaCells: an agency named as a formula and a cell's raw text
// that is one, from an uploaded report, reach the CSV of a query
// (Table.WriteCSV: the dashboard's ?format=csv, `gongkai query`) and of
// `gongkai export` as text, not as formulas; numbers stay numbers. Both
// wrote them as they were, so a spreadsheet opening the file ran them.
func TestCSVFormulaCells(t *testing.T) {
	db := openTest(t)
	name := `=HYPERLINK("http://evil.example","详情")局`
	r := sampleReport(name, 2021, 2, 0)
	r.Values[0].Raw = "@SUM(1+1)*cmd"
	load(t, db, LoadRequest{Report: r, Source: []byte("a")})

	tb, err := db.SQL(context.Background(), "SELECT agency, year, -3 AS n FROM reports")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := tb.WriteCSV(&buf, false); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), "agency,year,n\n\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"详情\"\")局\",2021,-3\n"; got != want {
		t.Errorf("query CSV:\n%s\nwant\n%s", got, want)
	}

	dir := t.TempDir()
	if err := db.Export(context.Background(), ExportCSV, dir); err != nil {
		t.Fatal(err)
	}
	sawName, sawRaw := false, false
	for _, view := range ExportViews {
		data, err := os.ReadFile(filepath.Join(dir, view+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\ufeff"))).ReadAll()
		if err != nil {
			t.Fatalf("%s.csv: %v", view, err)
		}
		for _, rec := range recs {
			for _, c := range rec {
				if formulaLike(c) {
					t.Errorf("%s.csv: a formula cell %q", view, c)
				}
				sawName = sawName || c == "'"+name
				sawRaw = sawRaw || c == "'@SUM(1+1)*cmd"
			}
		}
	}
	if !sawName || !sawRaw {
		t.Errorf("the export's CSV files hold the name as text: %v, the raw text as text: %v; want both", sawName, sawRaw)
	}
}
