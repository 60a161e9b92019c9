package warehouse_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongkai/queries"
	"gongkai/warehouse"
)

// TestQueriesMatchTheirFirstForm runs each named query that was rewritten
// for speed at national scale beside its earlier text
// (testdata/before/<name>.sql, the form it had before) over a demo history
// with second versions and a corrected region, under many filters: the
// rows must be the same, value for value and in the same order.
func TestQueriesMatchTheirFirstForm(t *testing.T) {
	db := pathsDB(t)
	ctx := context.Background()
	files, err := filepath.Glob(filepath.Join("testdata", "before", "*.sql"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no earlier forms in testdata/before: %v", err)
	}
	filters := []warehouse.Filter{
		{},
		{YearFrom: 2021, YearTo: 2021},
		{YearFrom: 2020, YearTo: 2023, Limit: 3},
		{YearFrom: 2022, YearTo: 2022, Province: "测试省"},
		{YearFrom: 2023, YearTo: 2023, Level: "县级部门", Limit: 1},
		{Agency: "局", Limit: 5, Offset: 2},
		{YearFrom: 2022, YearTo: 2024, Status: "missing"},
		{Status: "errors", Limit: 2},
		{YearFrom: 2020, YearTo: 2024, Status: "warnings", Limit: 4},
		{YearFrom: 2021, YearTo: 2023, Status: "ok", Offset: 3},
		{YearFrom: 2019, YearTo: 2021, Status: "none"},
		{YearFrom: 2022, YearTo: 2022, Province: "没有这个省"},
		{Province: "贵州省"},
		{YearFrom: 2020, YearTo: 2024, Province: "贵州省", City: "贵阳市"},
		{Province: "贵州省", City: "遵义市", Level: "乡镇（街道）"},
		{YearFrom: 2021, YearTo: 2022, Province: "贵州省", Agency: "局"},
		{Province: "测试省", City: "测试市"},
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".sql")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			old, err := queries.Parse(string(b))
			if err != nil {
				t.Fatal(err)
			}
			rows := 0
			for _, f := range filters {
				got, err := db.Query(ctx, name, f)
				if err != nil {
					t.Fatal(err)
				}
				var want [][]any
				err = warehouse.WithConnForTest(ctx, db, func(conn *sql.Conn) error {
					r, err := conn.QueryContext(ctx, old.SQL, namedArgs(old.Params, f)...)
					if err != nil {
						return err
					}
					defer r.Close()
					cols, _ := r.Columns()
					for r.Next() {
						vals := make([]any, len(cols))
						ptrs := make([]any, len(cols))
						for i := range vals {
							ptrs[i] = &vals[i]
						}
						if err := r.Scan(ptrs...); err != nil {
							return err
						}
						want = append(want, vals)
					}
					return r.Err()
				})
				if err != nil {
					t.Fatal(err)
				}
				rows += len(want)
				if g, w := fmt.Sprint(got.Rows), fmt.Sprint(plainRows(want)); g != w {
					t.Errorf("filter %+v:\n got %.600s\nwant %.600s", f, g, w)
				}
			}
			if rows == 0 {
				t.Errorf("no rows under any filter: the comparison proves nothing")
			}
		})
	}
}

// namedArgs binds the filter's values to the parameters a query's header
// names, NULL where the filter leaves them unset (as warehouse.Filter does).
func namedArgs(params []string, f warehouse.Filter) []any {
	vals := map[string]any{"year_from": f.YearFrom, "year_to": f.YearTo, "province": f.Province, "city": f.City,
		"level": f.Level, "agency": f.Agency, "agency_id": f.AgencyID, "report_id": f.ReportID, "limit": f.Limit,
		"offset": f.Offset, "measure": f.Measure, "applicant": f.Applicant, "status": f.Status}
	var out []any
	for _, p := range params {
		v := vals[p]
		switch x := v.(type) {
		case int:
			if x == 0 {
				v = nil
			} else {
				v = int64(x)
			}
		case int64:
			if x == 0 {
				v = nil
			}
		case string:
			if x == "" {
				v = nil
			}
		}
		out = append(out, sql.Named(p, v))
	}
	return out
}

// plainRows turns the driver's values into those warehouse.Table holds.
func plainRows(rows [][]any) [][]any {
	t := warehouse.Table{Rows: rows}
	return warehouse.PlainForTest(&t).Rows
}
