package warehouse_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"gongkai"
	"gongkai/demo"
	"gongkai/warehouse"
)

// pathsFixture is a demo warehouse whose history has what the fast paths
// must follow: second versions that retire the first, and an agency whose
// region an administrator corrected after its reports were loaded.
var pathsFixture struct {
	once sync.Once
	db   *warehouse.DB
	err  error
}

func pathsDB(t *testing.T) *warehouse.DB {
	t.Helper()
	pathsFixture.once.Do(func() {
		dir, err := os.MkdirTemp("", "gongkai-paths-")
		if err != nil {
			pathsFixture.err = err
			return
		}
		ctx := context.Background()
		db, err := warehouse.Open(ctx, filepath.Join(dir, "paths.duckdb"))
		if err != nil {
			pathsFixture.err = err
			return
		}
		pathsFixture.db = db
		reports := demo.Generate(11, 40)
		if err := demo.Load(ctx, db, reports); err != nil {
			pathsFixture.err = err
			return
		}
		// New versions of every seventh report, a figure changed or blanked.
		var again []*gongkai.Report
		for i, r := range reports {
			if i%7 != 0 {
				continue
			}
			c := *r
			c.Values = append([]gongkai.Value(nil), r.Values...)
			for j := range c.Values {
				if c.Values[j].Number != nil && j%5 == i%5 {
					if i%2 == 0 {
						c.Values[j].Number = nil
					} else {
						c.Values[j].Number = gongkai.Float(*c.Values[j].Number + 1)
					}
				}
			}
			again = append(again, &c)
		}
		if err := demo.Load(ctx, db, again); err != nil {
			pathsFixture.err = err
			return
		}
		pathsFixture.err = db.SetAgencyRegion(ctx, 2, warehouse.Region{Province: "测试省", City: "测试市", Level: "县级部门"})
	})
	if pathsFixture.err != nil {
		t.Fatalf("paths fixture: %v", pathsFixture.err)
	}
	return pathsFixture.db
}

// pathFilters are the filter combinations the comparisons run with, as the
// table macros' six arguments (year_from, year_to, province, city, level,
// agency), NULL where unset.
var pathFilters = [][]any{
	{nil, nil, nil, nil, nil, nil},
	{2021, 2021, nil, nil, nil, nil},
	{2020, 2023, nil, nil, nil, nil},
	{nil, nil, "测试省", nil, nil, nil},
	{2022, 2022, nil, nil, "县级部门", nil},
	{nil, nil, nil, nil, nil, "局"},
}

// TestReportCountsSummary holds report_counts on the summary rows (0013) to
// its first definition on every figure (0008): the same sums for every
// report the old one listed, and for the reports it left out (no
// applicant-total figure at all) nothing but NULL sums and stated 0.
func TestReportCountsSummary(t *testing.T) {
	db := pathsDB(t)
	old, err := os.ReadFile(filepath.Join("migrations", "0008_report_counts.sql"))
	if err != nil {
		t.Fatal(err)
	}
	def := strings.Replace(string(old), "CREATE MACRO report_counts(", "CREATE OR REPLACE TEMP MACRO report_counts_0008(", 1)
	ctx := context.Background()
	err = warehouse.WithConnForTest(ctx, db, func(conn *sql.Conn) error {
		if _, err := conn.ExecContext(ctx, def); err != nil {
			return err
		}
		for _, f := range pathFilters {
			var listed, differ, extra int
			err := conn.QueryRowContext(ctx, `
				WITH o AS (SELECT * FROM report_counts_0008($1, $2, $3, $4, $5, $6)),
				     n AS (SELECT * FROM report_counts($1, $2, $3, $4, $5, $6))
				SELECT (SELECT count(*) FROM o),
				       (SELECT count(*) FROM ((SELECT * FROM o EXCEPT ALL SELECT * FROM n WHERE report_id IN (SELECT report_id FROM o))
				                        UNION ALL (SELECT * FROM n WHERE report_id IN (SELECT report_id FROM o) EXCEPT ALL SELECT * FROM o))),
				       (SELECT count(*) FROM n WHERE report_id NOT IN (SELECT report_id FROM o)
				            AND NOT (stated = 0 AND largest IS NULL AND coalesce(apps_new, apps_total, apps_granted, apps_partial,
				                apps_withheld, review_total, review_corrected, litigation_total, litigation_corrected) IS NULL))`,
				f...).Scan(&listed, &differ, &extra)
			if err != nil {
				return err
			}
			if differ != 0 || extra != 0 {
				t.Errorf("filter %v: %d rows differ, %d rows the old macro left out have figures", f, differ, extra)
			}
			if f[2] == nil && listed == 0 {
				t.Errorf("filter %v: no rows; the comparison proves nothing", f)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

