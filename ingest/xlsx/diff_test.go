package xlsx

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/ingest/doc"
)

// TestXLSXAgreesWithExcelize reads every workbook fixture with our reader
// and with excelize and compares them cell by cell. Our reader stays our own
// (it reads several times faster); this guards it. The differences allowed
// are the ones our reader makes on purpose:
//
//   - merged: a cell a merge covers holds the merge's text (excelize leaves
//     it empty), so that headers split over merges can be read;
//   - computed: a formula no spreadsheet program has calculated yet (our
//     template writer's totals) reads as its result where excelize, which
//     reads the saved result, reads nothing.
//
// Both read raw values (excelize with RawCellValue), so a display format
// makes no difference; any other difference fails the test.
func TestXLSXAgreesWithExcelize(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.xlsx"))
	if len(files) == 0 {
		t.Fatal("no workbook fixtures")
	}
	total, allowed := 0, map[string]int{}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Read(data)
		if err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range d.Grids {
			merged := map[[2]int]bool{}
			merges, _ := f.GetMergeCells(g.Name)
			for _, m := range merges {
				c0, r0, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
				c1, r1, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
				for r := r0; r <= r1; r++ {
					for c := c0; c <= c1; c++ {
						if r != r0 || c != c0 {
							merged[[2]int{r - 1, c - 1}] = true
						}
					}
				}
			}
			rows, err := f.GetRows(g.Name, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			n := max(len(rows), len(g.Rows))
			for r := 0; r < n; r++ {
				width := len(g.Rows[min(r, len(g.Rows)-1)])
				if r < len(rows) {
					width = max(width, len(rows[r]))
				}
				for c := 0; c < width; c++ {
					total++
					ours := g.Text(r, c)
					theirs := ""
					if r < len(rows) && c < len(rows[r]) {
						theirs = rows[r][c]
					}
					if ours == theirs {
						continue
					}
					cell := fmt.Sprintf("%s %s!%s%d", filepath.Base(path), g.Name, doc.ColumnName(c), r+1)
					formula, _ := f.GetCellFormula(g.Name, doc.ColumnName(c)+strconv.Itoa(r+1))
					_, errA := strconv.ParseFloat(ours, 64)
					switch {
					case merged[[2]int{r, c}] && theirs == "":
						allowed["merged"]++
					case formula != "" && theirs == "" && errA == nil:
						allowed["computed"]++
					default:
						t.Errorf("%s: ours %q, excelize %q", cell, ours, theirs)
					}
				}
			}
		}
		f.Close()
	}
	t.Logf("%d cells of %d workbooks compared; allowed differences: %v", total, len(files), allowed)
}
