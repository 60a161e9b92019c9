package warehouse_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	"gongkai/queries"
	"gongkai/warehouse"
)

// TestAgenciesListForms holds the forms Query runs for agencies_list on a
// warehouse whose bit sets of years count every current report
// (sql/agencies_list_plain.sql without a piece of a name,
// agencies_list_piece.sql with one) to the named query run as it is: under
// the filters 机构列表 sends (each year, open ends, a range, years beyond
// the bit sets, regions, levels, a region no agency is in, pieces, pages
// and their ends) the rows must be the same, value for value and of the same
// Go types, and each form must have run. TestFormsAfterEditsByHand holds
// them where the checks that choose them say no.
func TestAgenciesListForms(t *testing.T) {
	db := pathsDB(t)
	ctx := context.Background()
	q, ok := queries.Get("agencies_list")
	if !ok {
		t.Fatal("no query agencies_list")
	}
	regions := []warehouse.Filter{
		{}, {Province: "贵州省"}, {Province: "贵州省", City: "遵义市"}, {Level: "县级部门"},
		{Province: "浙江省", Level: "乡镇（街道）"}, {Province: "测试省", City: "测试市"}, {Province: "没有这个省"},
	}
	var filters []warehouse.Filter
	years := [][2]int{{0, 0}, {2020, 2020}, {2021, 2022}, {2024, 2024}, {2019, 0}, {0, 2021}, {2023, 2021}, {2030, 0}, {1700, 1995}, {1980, 2020}}
	for i, y := range years {
		for j, r := range regions {
			for k, p := range []string{"", "  ", "局", "人民", "没有这个名字"} {
				f := r
				f.YearFrom, f.YearTo, f.Agency = y[0], y[1], p
				page := [][2]int{{0, 0}, {50, 0}, {3, 0}, {3, 4}, {10, 35}}[(i+j+k)%5]
				f.Limit, f.Offset = page[0], page[1]
				filters = append(filters, f)
			}
		}
	}
	rows := 0
	for _, f := range filters {
		got, err := db.Query(ctx, "agencies_list", f)
		if err != nil {
			t.Fatal(err)
		}
		var want [][]any
		err = warehouse.WithConnForTest(ctx, db, func(conn *sql.Conn) (err error) {
			want, err = allRows(ctx, conn, q.SQL, f.Args(q.Params)...)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range want {
			if r[5] != int64(0) {
				rows++
			}
		}
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
		t.Error("no agency listed with a report: the comparison proves nothing")
	}
	for _, form := range []string{"agencies_list (plain)", "agencies_list (piece)"} {
		if !warehouse.KeptForTest(db, form) {
			t.Errorf("Query did not run %s: the comparison proves nothing about it", form)
		}
	}
}
