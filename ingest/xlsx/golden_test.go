package xlsx_test

import (
	"os"
	"path/filepath"
	"testing"

	"gongkai/ingest"
	"gongkai/ingest/internal/fixture"
)

// TestXLSXGolden parses each golden workbook (fixture.Workbooks) through
// the whole of ingest and holds the `check --json` object to its golden
// file. With -update it first writes the workbook anew from its synthetic
// report with the template writer, then the golden file.
func TestXLSXGolden(t *testing.T) {
	for _, wb := range fixture.Workbooks {
		t.Run(wb.Name, func(t *testing.T) {
			xlsxPath := filepath.Join("testdata", wb.Name+".xlsx")
			goldenPath := filepath.Join("testdata", wb.Name+".golden.json")
			if *fixture.Update {
				data, err := wb.Write()
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(xlsxPath, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			data, err := os.ReadFile(xlsxPath)
			if err != nil {
				t.Fatal(err)
			}
			r, err := ingest.Parse(wb.Name+".xlsx", data, ingest.Options{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := fixture.CheckOutput(r)
			if err != nil {
				t.Fatal(err)
			}
			fixture.CompareGolden(t, "TestXLSXGolden", xlsxPath, goldenPath, got)
		})
	}
}
