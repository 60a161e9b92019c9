package warehouse_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	"gongkai/queries"
	"gongkai/warehouse"
)

// TestSumsPlainForms holds the plain forms Query runs for a filter without
// a piece of a name (sql/applications_year_sums_plain.sql,
// sql/reviews_year_sums_plain.sql) to their named queries run as they are:
// under the filters 依申请公开 and 复议诉讼 send (each year, open ends, a
// range, one past the data, regions, levels, a region no agency is in, a
// blank or padded piece, and pieces, which run the named query) the rows
// must be the same, value for value and of the same Go types, and each
// plain form must have run.
func TestSumsPlainForms(t *testing.T) {
	db := pathsDB(t)
	ctx := context.Background()
	regions := []warehouse.Filter{
		{}, {Province: "贵州省"}, {Province: "贵州省", City: "遵义市"}, {Level: "县级部门"},
		{Province: "浙江省", Level: "乡镇（街道）"}, {Province: "测试省", City: "测试市"}, {Province: "没有这个省"},
	}
	pieces := []string{"", "  ", "局", "人民"}
	var filters []warehouse.Filter
	for _, y := range [][2]int{{0, 0}, {2020, 2020}, {2021, 2022}, {2024, 2024}, {2019, 0}, {0, 2021}, {2023, 2021}, {2030, 0}} {
		for _, r := range regions {
			for _, p := range pieces {
				f := r
				f.YearFrom, f.YearTo, f.Agency = y[0], y[1], p
				filters = append(filters, f)
			}
		}
	}
	for _, name := range []string{"applications_year_sums", "reviews_year_sums"} {
		q, ok := queries.Get(name)
		if !ok {
			t.Fatalf("no query %s", name)
		}
		rows := 0
		for _, f := range filters {
			got, err := db.Query(ctx, name, f)
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
			if f.Agency == "" {
				rows += len(want)
			}
			if g, w := fmt.Sprint(got.Rows), fmt.Sprint(plainRows(want)); g != w {
				t.Errorf("%s, filter %+v:\n got %.600s\nwant %.600s", name, f, g, w)
				continue
			}
			for i, row := range plainRows(want) {
				for c, v := range row {
					if g, w := fmt.Sprintf("%T", got.Rows[i][c]), fmt.Sprintf("%T", v); g != w {
						t.Errorf("%s, filter %+v, row %d, column %s: a %s, want a %s", name, f, i, got.Columns[c], g, w)
					}
				}
			}
		}
		if rows == 0 {
			t.Errorf("%s: no rows under any filter without a piece: the comparison proves nothing", name)
		}
		if !warehouse.KeptForTest(db, name+" (plain)") {
			t.Errorf("Query did not run %s (plain): the comparison proves nothing about it", name)
		}
	}
}
