package demo

import (
	"strconv"
	"strings"
	"sync"

	"gongkai"
	"gongkai/ingest"
)

// cellDef is one figure cell of a format, in the order of the official
// workbook, with where that workbook has it.
type cellDef struct {
	table              string // table id
	measure, applicant string
	kind               string // "count", "signed", "money"
	at                 string // "表三!D12"
	row, col           int    // applications: index into plan.appRows and plan.appCols; reviews: col
	rowMeasure, colKey string // proactive: the parts of the measure code
}

// plan is what generation needs to know of one format, worked out once from
// its definition: every cell, and the roles of the rows of table 三.
type plan struct {
	format *gongkai.Format
	cells  []cellDef

	appRows                         []string // measures of the figure rows of table 三
	appCols                         []string // applicant keys of its columns
	totalCol                        int
	newRow, inRow, totalRow, outRow int
	outcomes                        []int // rows that count a way an application was handled

	reviewCols []string // column keys of table 四 ("review.upheld")

	coverAt     string // the cover-sheet cell of narrative.proactive_items
	publishedAt string // the cover-sheet cell of the publication date
}

// Codes of table 三 whose role generation must know: the balance
// 一 + 二 = 三（七） + 四 ties them together.
const (
	measureNew        = "apps.new"
	measureCarriedIn  = "apps.carried_in"
	measureTotal      = "apps.total"
	measureCarriedOut = "apps.carried_out"
)

var plans = sync.OnceValue(func() map[string]*plan {
	out := map[string]*plan{}
	for _, id := range []string{gongkai.Format2021, gongkai.Format2019} {
		out[id] = newPlan(gongkai.FormatByID(id))
	}
	return out
})

// newPlan lays out a format the way the official workbook does: one sheet
// per table named after its numeral (表二, 表三, 表四) with the table title in
// row 1. In 表二 each 第二十条 item has a title row and a header row above its
// rows, labels in column A. In 表三 three header rows (申请人情况, 法人或其他组织,
// the applicant labels) and three label columns come first, so the figures
// start at D5; group labels span the rows under them and take no row. 表四
// has three header rows and its fifteen figures in A5:O5. The cover sheet 封面
// has one field a row from row 3, values in column B. template.WriteFilled
// writes the same workbook (TestWorkbookRoundTrip holds the two together).
func newPlan(f *gongkai.Format) *plan {
	p := &plan{format: f, newRow: -1, inRow: -1, totalRow: -1, outRow: -1, totalCol: -1}
	for _, t := range f.Tables {
		sheet := "表" + t.Numeral + "!"
		at := func(row, col int) string { return sheet + ingest.ColumnName(col) + strconv.Itoa(row) }
		switch t.ID {
		case "applications":
			b := t.Blocks[0]
			for _, c := range b.Columns {
				if c.Key == gongkai.ApplicantTotal {
					p.totalCol = len(p.appCols)
				}
				p.appCols = append(p.appCols, c.Key)
			}
			for _, r := range b.Rows {
				if r.Group {
					continue
				}
				i := len(p.appRows)
				p.appRows = append(p.appRows, r.Measure)
				switch r.Measure {
				case measureNew:
					p.newRow = i
				case measureCarriedIn:
					p.inRow = i
				case measureTotal:
					p.totalRow = i
				case measureCarriedOut:
					p.outRow = i
				default:
					p.outcomes = append(p.outcomes, i)
				}
				for j, c := range b.Columns {
					m, a := b.Cell(r, c)
					p.cells = append(p.cells, cellDef{table: t.ID, measure: m, applicant: a, kind: gongkai.CellKind(r, c),
						at: at(5+i, 3+j), row: i, col: j})
				}
			}
		case "reviews":
			b := t.Blocks[0]
			for _, r := range b.Rows {
				if r.Group {
					continue
				}
				for j, c := range b.Columns {
					m, a := b.Cell(r, c)
					p.reviewCols = append(p.reviewCols, m)
					p.cells = append(p.cells, cellDef{table: t.ID, measure: m, applicant: a, kind: gongkai.CellKind(r, c),
						at: at(5, j), col: j})
				}
			}
		default:
			row := 1
			for _, b := range t.Blocks {
				row += 2 // the item's title row and its header row
				for _, r := range b.Rows {
					if r.Group {
						continue
					}
					row++
					for j, c := range b.Columns {
						m, a := b.Cell(r, c)
						p.cells = append(p.cells, cellDef{table: t.ID, measure: m, applicant: a, kind: gongkai.CellKind(r, c),
							at: at(row, 1+j), rowMeasure: r.Measure, colKey: c.Key})
					}
				}
			}
		}
	}
	for i, c := range gongkai.CommonDefs().Cover {
		at := "封面!B" + strconv.Itoa(3+i) // below the title row and a blank one
		switch {
		case c.Measure == measureProactiveItems:
			p.coverAt = at
		case c.Key == "published":
			p.publishedAt = at
		}
	}
	return p
}

// Narrative measures the demo states.
const (
	measureProactiveItems = "narrative.proactive_items"
	measureAppsReceived   = "narrative.apps_received"
	measurePenalty        = "narrative.penalty"
	narrativeAt           = "一、总体情况"
)

// itoa returns the decimal text of n, shared for the small numbers that make
// up almost every cell so that a large set does not allocate them anew.
func itoa(n int) string {
	if n >= 0 && n < len(smallInts()) {
		return smallInts()[n]
	}
	return strconv.Itoa(n)
}

var smallInts = sync.OnceValue(func() []string {
	s := make([]string, 10000)
	for i := range s {
		s[i] = strconv.Itoa(i)
	}
	return s
})

// suffix returns what follows the last "." of a measure code ("upheld" of
// "review.upheld"), and prefix what precedes it.
func suffix(code string) string { return code[strings.LastIndexByte(code, '.')+1:] }
func prefix(code string) string { return code[:max(0, strings.LastIndexByte(code, '.'))] }
