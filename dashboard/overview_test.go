package dashboard

import (
	"context"
	"fmt"
	"testing"

	"gongkai/warehouse"
)

// TestOverviewYearSumsAsTheirQueries holds the tables 总览 reads from
// overview_year_sums (with a piece of a name) to its named queries
// overview_totals and overview_trend under each filter, value for value and
// type for type, on the fixture and on a larger demo history, and checks
// that the piece was read in one pass.
func TestOverviewYearSumsAsTheirQueries(t *testing.T) {
	yearSumsAsQueries(t, yearSumsCase{
		seed:    fixtureSeed + 6,
		plain:   []string{"overview_totals", "overview_trend"},
		onePass: []string{"overview_year_sums"},
		named:   []string{"overview_trend", "overview_totals"},
		tables: func(ctx context.Context, h *handler, f warehouse.Filter) ([]*warehouse.Table, error) {
			totals, trend, err := h.overviewTables(ctx, f)
			return []*warehouse.Table{trend, totals}, err
		},
		telling: func(t *testing.T, where string, f warehouse.Filter, tb []*warehouse.Table) bool {
			totals := tb[1]
			// agencies counted, fewer than the reports: not the reports again
			return f.Agency != "" && totals.Rows[0][1] != int64(0) && totals.Rows[0][1] != totals.Rows[0][0]
		},
	})
}

// TestOverviewPageFromYearSums: 总览 with a piece of a name is the same,
// byte for byte, from overview_year_sums as from its two named queries.
func TestOverviewPageFromYearSums(t *testing.T) {
	pageFromYearSums(t, "/", "overview_year_sums", "overview_totals")
}

// TestSplitOverviewSumsRefuses: overview_totals' row is the years' counts
// summed, their first and last year and the agencies; a year the agencies'
// bit sets cannot hold, a value of another type, rows out of order or
// disagreeing on the agencies send the page to the named queries.
func TestSplitOverviewSumsRefuses(t *testing.T) {
	row := func(year int32, n int64) []any {
		return []any{year, n, 1.0, 2.0, nil, 3.0, n / 2, n / 3, int64(7)}
	}
	totals, trend, ok := splitOverviewSums(&warehouse.Table{Columns: overviewSumsColumns, Rows: [][]any{row(2020, 10), row(2022, 6)}})
	if !ok {
		t.Fatal("two years refused")
	}
	if g, w := fmt.Sprintf("%#v", totals.Rows), fmt.Sprintf("%#v", [][]any{{int64(16), int64(7), int32(2020), int32(2022), int64(8), int64(5)}}); g != w {
		t.Errorf("totals %s, want %s", g, w)
	}
	if len(trend.Columns) != 6 || len(trend.Rows) != 2 || len(trend.Rows[1]) != 6 || trend.Rows[1][1] != int64(6) {
		t.Errorf("trend %v %v", trend.Columns, trend.Rows)
	}
	totals, _, ok = splitOverviewSums(&warehouse.Table{Columns: overviewSumsColumns})
	if g, w := fmt.Sprintf("%#v", totals.Rows), fmt.Sprintf("%#v", [][]any{{int64(0), int64(0), nil, nil, int64(0), int64(0)}}); !ok || g != w {
		t.Errorf("no rows: ok %v, totals %s, want %s", ok, g, w)
	}
	spoil := []func([]any){
		func(r []any) { r[0] = int32(2200) },
		func(r []any) { r[0] = int32(1989) },
		func(r []any) { r[0] = int64(2021) },
		func(r []any) { r[1] = 10.0 },
		func(r []any) { r[6] = nil },
		func(r []any) { r[8] = int64(8) },
		func(r []any) { r[0] = int32(2020) },
	}
	for i, s := range spoil {
		r := row(2022, 6)
		s(r)
		if _, _, ok := splitOverviewSums(&warehouse.Table{Columns: overviewSumsColumns, Rows: [][]any{row(2020, 10), r}}); ok {
			t.Errorf("spoiled row %d (%v) accepted", i, r)
		}
	}
	if _, _, ok := splitOverviewSums(&warehouse.Table{Columns: overviewSumsColumns[:8], Rows: [][]any{row(2020, 10)[:8]}}); ok {
		t.Error("columns without agencies accepted")
	}
}
