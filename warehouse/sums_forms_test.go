package warehouse_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gongkai/demo"
	"gongkai/queries"
	"gongkai/warehouse"
)

// TestSumsPlainForms holds the plain forms Query runs for a filter without
// a piece of a name (sql/NAME_plain.sql of applications_year_sums,
// reviews_year_sums, overview_trend and proactive_by_year) to their named
// queries run as they are: under the filters their pages send (each year,
// open ends, a range, one past the data, regions, levels, a region no
// agency is in, a blank or padded piece, and pieces, which run the named
// query) the rows must be the same, value for value and of the same Go
// types, and each plain form must have run. It runs on the paths fixture
// and on a warehouse of its own whose reports of 2020 state no figure, of
// 2021 no normative document and of 2022 none issued (made only), so that
// a sum no report states is NULL in both and the two counts of normative
// documents are met apart.
func TestSumsPlainForms(t *testing.T) {
	ctx := context.Background()
	blank := filepath.Join(t.TempDir(), "blank.duckdb")
	bdb, err := warehouse.Open(ctx, blank)
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	reports := demo.Generate(17, 10)
	for _, r := range reports {
		for j, v := range r.Values {
			if r.Year == 2020 || r.Year == 2021 && strings.HasPrefix(v.Measure, "normative_docs.") ||
				r.Year == 2022 && v.Measure == "normative_docs.issued" {
				r.Values[j].Number, r.Values[j].Raw = nil, ""
			}
		}
	}
	if err := demo.Load(ctx, bdb, reports); err != nil {
		t.Fatal(err)
	}
	// The blanks must be there for the comparison to meet them.
	for _, c := range []struct {
		query  string
		year   int
		column string
		null   bool
	}{
		{"overview_trend", 2020, "licensing_decisions", true}, {"proactive_by_year", 2021, "normative_docs_issued", true},
		{"proactive_by_year", 2022, "normative_docs_issued", false}, {"proactive_by_year", 2023, "normative_docs_issued", false},
	} {
		q, _ := queries.Get(c.query)
		f := warehouse.Filter{YearFrom: c.year, YearTo: c.year}
		var rows [][]any
		err := warehouse.WithConnForTest(ctx, bdb, func(conn *sql.Conn) (err error) {
			rows, err = allRows(ctx, conn, q.SQL, f.Args(q.Params)...)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		col := slices.Index(q.Columns, c.column)
		if len(rows) != 1 || col < 0 || (rows[0][col] == nil) != c.null {
			t.Fatalf("blank fixture: %s of %d, %s: rows %v, want it NULL %v", c.query, c.year, c.column, rows, c.null)
		}
	}
	for _, db := range []*warehouse.DB{pathsDB(t), bdb} {
		sumsPlainForms(t, db)
	}
}

// sumsPlainForms is TestSumsPlainForms on the warehouse db.
func sumsPlainForms(t *testing.T, db *warehouse.DB) {
	t.Helper()
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
	for _, name := range []string{"applications_year_sums", "reviews_year_sums", "overview_trend", "proactive_by_year", "overview_totals"} {
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
