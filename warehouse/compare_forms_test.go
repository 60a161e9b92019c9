package warehouse_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	"gongkai/queries"
	"gongkai/warehouse"
)

// TestCompareRegionsForms holds the forms of compare_regions that Query
// runs for a filter with and without a piece of a name
// (sql/compare_regions_piece.sql, sql/compare_regions_plain.sql) to the
// named query run as it is: under filters of every kind 地区比较 sends
// (each year, open ends, a range, one past the data, regions, levels, a
// region no agency is in, pieces that match many names, few and none, a
// piece padded with spaces, a blank one) the rows must be the same, value
// for value and of the same Go types, and both forms must have run.
// TestFlowsMatchTheirFirstForm (-flows) holds them to the first form
// through every write path (re-uploads, versions waiting and confirmed,
// agencies moved, the kept totals listed as changed and built again).
func TestCompareRegionsForms(t *testing.T) {
	db := pathsDB(t)
	ctx := context.Background()
	q, ok := queries.Get("compare_regions")
	if !ok {
		t.Fatal("no query compare_regions")
	}
	regions := []warehouse.Filter{
		{}, {Province: "贵州省"}, {Province: "贵州省", City: "遵义市"}, {Level: "县级部门"},
		{Province: "浙江省", Level: "乡镇（街道）"}, {Province: "测试省", City: "测试市"}, {Province: "没有这个省"},
	}
	pieces := []string{"", "人民", "局", "政府办公室", "没有这个名字", " 民政 ", "  "}
	var filters []warehouse.Filter
	for i, y := range [][2]int{{0, 0}, {2020, 2020}, {2021, 2022}, {2023, 2023}, {2024, 2024}, {2019, 0}, {0, 2021}, {2023, 2021}, {2030, 0}} {
		for j, r := range regions {
			for k, p := range pieces {
				if (i+j+k)%2 == 1 {
					continue
				}
				f := r
				f.YearFrom, f.YearTo, f.Agency = y[0], y[1], p
				filters = append(filters, f)
			}
		}
	}
	rows := 0
	for _, f := range filters {
		got, err := db.Query(ctx, "compare_regions", f)
		if err != nil {
			t.Fatal(err)
		}
		var want [][]any
		err = warehouse.WithConnForTest(ctx, db, func(conn *sql.Conn) (err error) {
			// The filter's own binding (trimmed pieces), as Query binds
			// the named query.
			want, err = allRows(ctx, conn, q.SQL, f.Args(q.Params)...)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		rows += len(want)
		if g, w := fmt.Sprint(got.Rows), fmt.Sprint(plainRows(want)); g != w {
			t.Errorf("filter %+v:\n got %.600s\nwant %.600s", f, g, w)
			continue
		}
		for i, row := range plainRows(want) {
			for c, v := range row {
				if g, w := fmt.Sprintf("%T", got.Rows[i][c]), fmt.Sprintf("%T", v); g != w {
					t.Errorf("filter %+v, row %d, column %s: a %s, want a %s", f, i, got.Columns[c], g, w)
				}
			}
		}
	}
	if rows == 0 {
		t.Error("no rows under any filter: the comparison proves nothing")
	}
	for _, form := range []string{"compare_regions (plain)", "compare_regions (piece)"} {
		if !warehouse.KeptForTest(db, form) {
			t.Errorf("Query did not run %s: the comparison proves nothing about it", form)
		}
	}
}
