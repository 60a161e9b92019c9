package warehouse_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"gongkai"
	"gongkai/demo"
	"gongkai/queries"
	"gongkai/warehouse"
)

// TestCompareAgenciesNamedForm holds compare_agencies' named form
// (sql/compare_agencies_named.sql: the selected agencies' names, cities and
// levels carried from compare_totals rather than read from store.agencies
// for the ranked ones) to the named query through the writes that change
// what it reads: a bulk load with the totals built, re-uploads (their
// agencies summed apart), agencies moved, a name changed by hand (Open then
// sums every agency apart until the totals are built again, with the new
// name), and new agencies. Under every filter (regions, levels, pieces of
// a name held by few names, many, none, padded; years; limits that cut) the
// rows Query gives, and the form's own, must be the named query's, value
// for value and of the same Go types, and Query must have run the form.
func TestCompareAgenciesNamedForm(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "named.duckdb")
	db, err := warehouse.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { db.Close() }()
	warehouse.CompareTopOffForTest(db)
	q, _ := queries.Get("compare_agencies")
	form := warehouse.CompareNamedSQLForTest()
	reports := demo.Generate(31, 40)
	if len(reports) < 150 {
		t.Fatalf("%d demo reports: too few", len(reports))
	}
	regions := []warehouse.Filter{
		{}, {Province: "贵州省"}, {Province: "浙江省", City: "杭州市"}, {Level: "乡镇（街道）"},
		{Province: "浙江省", Level: "县级部门"}, {Province: "测试省"},
	}
	var filters []warehouse.Filter
	for i, y := range [][2]int{{0, 0}, {2021, 2021}, {2020, 2023}, {2024, 0}, {2023, 2021}} {
		for j, r := range regions {
			for k, p := range []string{"", "人民", "局", " 政府 ", "改", "没有这个名字"} {
				if (i+j+k)%4 != 0 {
					continue
				}
				f := r
				f.YearFrom, f.YearTo, f.Agency = y[0], y[1], p
				f.Limit = []int{20, 3, 0}[(i+k)%3]
				filters = append(filters, f)
			}
		}
	}
	check := func(step string) {
		t.Helper()
		start := time.Now()
		defer func() { t.Logf("%s: checked in %s", step, time.Since(start).Round(time.Millisecond)) }()
		rows := 0
		for _, f := range filters {
			got, err := db.Query(ctx, "compare_agencies", f)
			if err != nil {
				t.Fatalf("%s: %+v: %v", step, f, err)
			}
			var want, direct [][]any
			if err := warehouse.WithConnForTest(ctx, db, func(conn *sql.Conn) (err error) {
				if want, err = allRows(ctx, conn, q.SQL, f.Args(q.Params)...); err != nil {
					return err
				}
				direct, err = allRows(ctx, conn, form, f.Args(q.Params)...)
				return err
			}); err != nil {
				t.Fatal(err)
			}
			rows += len(want)
			w := plainRows(want)
			for _, g := range []struct {
				how  string
				rows [][]any
			}{{"Query", got.Rows}, {"the form", plainRows(direct)}} {
				if fmt.Sprint(g.rows) != fmt.Sprint(w) {
					t.Errorf("%s: %s, filter %+v:\n got %.600s\nwant %.600s", step, g.how, f, fmt.Sprint(g.rows), fmt.Sprint(w))
					continue
				}
				for i, row := range w {
					for c, v := range row {
						if gt, wt := fmt.Sprintf("%T", g.rows[i][c]), fmt.Sprintf("%T", v); gt != wt {
							t.Errorf("%s: %s, filter %+v, row %d, column %d: a %s, want a %s", step, g.how, f, i, c, gt, wt)
						}
					}
				}
			}
		}
		if rows == 0 {
			t.Errorf("%s: no rows under any filter: the comparison proves nothing", step)
		}
	}
	load := func(reqs ...warehouse.LoadRequest) {
		t.Helper()
		res, err := db.Load(ctx, reqs)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res {
			if r.Err != nil {
				t.Fatal(r.Err)
			}
		}
	}
	build := func() {
		t.Helper()
		if _, err := db.CompactTotals(ctx, 1); err != nil {
			t.Fatal(err)
		}
	}

	half := len(reports) * 2 / 3
	if err := db.Bulk(ctx, func() error { return demo.Load(ctx, db, reports[:half]) }); err != nil {
		t.Fatal(err)
	}
	check("loaded")
	build()
	check("loaded, totals built")
	if !warehouse.KeptForTest(db, "compare_agencies (named)") {
		t.Fatal("Query did not run compare_agencies (named): the comparison proves nothing about it")
	}

	// Later versions with some figures changed or blank: their agencies
	// are summed apart.
	var reqs []warehouse.LoadRequest
	for i := 0; i < half; i += 4 {
		c := *reports[i]
		c.Values = append([]gongkai.Value(nil), reports[i].Values...)
		for j := range c.Values {
			if c.Values[j].Number != nil && j%4 == i%4 {
				if i%8 == 0 {
					c.Values[j].Number, c.Values[j].Raw = nil, ""
				} else {
					n := *c.Values[j].Number + 3
					c.Values[j].Number, c.Values[j].Raw = gongkai.Float(n), fmt.Sprint(n)
				}
			}
		}
		c.Source.SHA256, c.Source.Name = "", "v2-"+reports[i].Source.Name
		reqs = append(reqs, warehouse.LoadRequest{Report: &c, By: "张三", Confirm: true})
	}
	load(reqs...)
	check("re-uploaded")

	if err := db.SetAgencyRegion(ctx, 2, warehouse.Region{Province: "测试省", City: "测试市", Level: "县级部门"}); err != nil {
		t.Fatal(err)
	}
	if err := db.SetAgencyRegion(ctx, 5, warehouse.Region{Province: "浙江省", City: "杭州市", Level: "乡镇（街道）"}); err != nil {
		t.Fatal(err)
	}
	check("regions set")

	// A name changed by hand: the kept names are the old ones until the
	// totals are built again, and Open sums every agency apart meanwhile.
	db.Close()
	raw, err := sql.Open("duckdb", path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = raw.Exec(`UPDATE store.agencies SET name = name || '改' WHERE agency_id IN (3, 7)`)
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	if db, err = warehouse.Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	warehouse.CompareTopOffForTest(db)
	check("renamed")
	build()
	check("renamed, totals built")

	if err := demo.Load(ctx, db, reports[half:]); err != nil {
		t.Fatal(err)
	}
	check("new agencies")
}
