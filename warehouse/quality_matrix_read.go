package warehouse

import (
	"context"
	"fmt"
	"sync"

	"gongkai/queries"
)

// matrixFinal is quality_matrix's final SELECT, which joins the page's
// agencies and years to their cells.
var matrixFinal = sync.OnceValue(func() string {
	return finalSelect("quality_matrix", "SELECT p.agency_id, p.agency, p.city, p.level, p.agencies_total, y.year,")
})

// qualityMatrixPaged runs form q of quality_matrix for filter f in two
// steps, as qualityFindingsPaged does quality_findings: q's page form lists
// the page's agencies and years (sql/quality_matrix_page.sql), then
// sql/quality_matrix_cells.sql reads their cells by their ids in the same
// transaction, and the rows are put together here as q's final SELECT
// would: each agency and year with its cell of that year, if any (a left
// join), and the cell's status by the same CASE. It reports false, having
// read nothing, for a page larger than findingsPageMax (the grid's
// download), a negative limit or offset, or a q with no page form; the
// caller then runs q. Its error is the database's.
func (db *DB) qualityMatrixPaged(ctx context.Context, q queries.Query, f Filter) (*Table, bool, error) {
	if f.Limit < 0 || f.Limit > findingsPageMax || f.Offset < 0 {
		return nil, false, nil
	}
	pq, ok := pageForm(q, matrixFinal(), "quality_matrix_page")
	if !ok {
		return nil, false, nil
	}
	// The page's columns (sql/quality_matrix_page.sql).
	const pAgencyID, pYear, pFirstYear = 0, 5, 6
	page, found, err := db.readPaged(ctx, pq, f, "quality_matrix_cells", func(page *Table) ([]int64, error) {
		var ids []int64
		for i, r := range page.Rows {
			id, ok := r[pAgencyID].(int64)
			if !ok {
				return nil, fmt.Errorf("warehouse: quality_matrix page: agency %v", r[pAgencyID])
			}
			// A page lists an agency's years one after another.
			if i == 0 || page.Rows[i-1][pAgencyID] != r[pAgencyID] {
				ids = append(ids, id)
			}
		}
		return ids, nil
	})
	if err != nil {
		return nil, false, err
	}
	type key struct{ agency, year int64 }
	// The cells' columns (sql/quality_matrix_cells.sql): agency_id, year,
	// report_id, errors, warnings.
	cells := map[key][][]any{}
	for _, c := range found.Rows {
		a, ok1 := asInt64(c[0])
		y, ok2 := asInt64(c[1])
		if !ok1 || !ok2 {
			continue // a cell without a year joins no year, as in the SQL
		}
		cells[key{a, y}] = append(cells[key{a, y}], c[2:])
	}
	t := &Table{Columns: []string{"agency_id", "agency", "city", "level", "agencies_total", "year", "status",
		"report_id", "errors", "warnings"}, Rows: [][]any{}}
	none := [][]any{{nil, nil, nil}}
	for _, p := range page.Rows {
		a, _ := asInt64(p[pAgencyID])
		y, _ := asInt64(p[pYear])
		cs := cells[key{a, y}]
		if len(cs) == 0 {
			cs = none
		}
		for _, c := range cs {
			// The final SELECT's CASE; a NULL compares as false.
			reported := c[0] != nil
			errors, eok := asInt64(c[1])
			warnings, wok := asInt64(c[2])
			first, fok := asInt64(p[pFirstYear])
			var status string
			switch {
			case reported && eok && errors > 0:
				status = "errors"
			case reported && wok && warnings > 0:
				status = "warnings"
			case reported:
				status = "ok"
			case fok && first < y:
				status = "missing"
			default:
				status = "none"
			}
			row := make([]any, 0, len(t.Columns))
			row = append(row, p[:pYear+1]...)
			row = append(row, status)
			row = append(row, c...)
			t.Rows = append(t.Rows, row)
		}
	}
	return t, true, nil
}
