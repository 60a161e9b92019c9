package warehouse_test

import (
	"context"
	"database/sql"
	"fmt"
	"math"
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
		// Every fifth report published late, with ingest's deadline warning
		// (the demo states no dates), for late_publishers. Every 13th states
		// all its figures as 0 (compare_agencies' zero ranking), and every
		// other of those no application figure at all (an agency listed
		// there with no volume, ranked last by volume).
		for i, r := range reports {
			if i%13 == 3 {
				for j := range r.Values {
					switch {
					case i%26 == 3 && strings.HasPrefix(r.Values[j].Measure, "apps."):
						r.Values[j].Number, r.Values[j].Raw = nil, ""
					case r.Values[j].Number != nil:
						r.Values[j].Number, r.Values[j].Raw = gongkai.Float(0), "0"
					}
				}
			}
			if i%5 == 0 {
				r.Published = fmt.Sprintf("%d-0%d-%02d", r.Year+1, 4+i%3, 1+i%28)
				r.Findings = append(r.Findings, gongkai.Finding{Rule: "deadline", Severity: gongkai.SeverityWarning,
					Message: fmt.Sprintf("报告发布于%s，晚于3月31日的期限", r.Published)})
			}
		}
		if err := demo.Load(ctx, db, reports); err != nil {
			pathsFixture.err = err
			return
		}
		// The kept totals of the rankings (0044) built here, so that the
		// re-uploads below leave some agencies read from them and the
		// changed ones summed from their reports.
		if _, err := db.CompactTotals(ctx, 1); err != nil {
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

// rollupFromFigures is region_rollup as it was before store.region_rollup:
// every figure of the selected reports summed on each query; money whose
// unit each report chooses (no unit in the format) is not added up unless
// every figure is 0.
const rollupFromFigures = `
WITH cur AS (
    SELECT report_id FROM current_reports($year_from, $year_to, $province, $city, $level, NULL)
), m AS (
    SELECT t.text_id, t.text FROM store.texts t WHERE t.text IN (SELECT code FROM store.measures)
), ap AS (
    SELECT t.text_id, t.text FROM store.texts t
    WHERE t.text IN ('natural', 'business', 'research', 'ngo', 'legal_services', 'other', 'total')
)
SELECT m.text AS measure, ap.text AS applicant,
       CASE WHEN sum(f.value) = 0 OR m.text NOT IN (SELECT code FROM store.measures WHERE kind = 'money' AND coalesce(unit, '') = '')
            THEN sum(f.value) END AS value,
       count(f.value) AS stated
FROM store.figures f
JOIN cur ON cur.report_id = f.report_id
JOIN m ON m.text_id = f.measure_id
JOIN ap ON ap.text_id = f.applicant_id
GROUP BY m.text, ap.text
ORDER BY m.text, ap.text`

// TestRegionRollupTable holds region_rollup on store.region_rollup to the
// sum of every figure it replaces, on a history with second versions and a
// region corrected after loading, for regions that gained and lost that
// agency: the same cells, the same counts, the same sums (up to the last
// bits of a sum of fractions, which the compensated sum now gets right), and
// NULL where no report states a figure.
func TestRegionRollupTable(t *testing.T) {
	db := pathsDB(t)
	ctx := context.Background()
	var oldProvince string
	err := warehouse.WithConnForTest(ctx, db, func(conn *sql.Conn) error {
		return conn.QueryRowContext(ctx, `SELECT any_value(province) FROM store.agencies WHERE agency_id = 3`).Scan(&oldProvince)
	})
	if err != nil {
		t.Fatal(err)
	}
	filters := []warehouse.Filter{
		{},
		{YearFrom: 2021, YearTo: 2021},
		{YearFrom: 2022, YearTo: 2022, Province: "测试省"},
		{YearFrom: 2022, YearTo: 2022, Province: "测试省", City: "测试市", Level: "县级部门"},
		{YearFrom: 2023, YearTo: 2023, Province: oldProvince},
		{YearFrom: 2020, YearTo: 2020, Level: "县级部门"},
	}
	for _, f := range filters {
		got, err := db.Query(ctx, "region_rollup", f)
		if err != nil {
			t.Fatal(err)
		}
		var want [][]any
		err = warehouse.WithConnForTest(ctx, db, func(conn *sql.Conn) error {
			str := func(s string) any {
				if s == "" {
					return nil
				}
				return s
			}
			num := func(n int) any {
				if n == 0 {
					return nil
				}
				return n
			}
			rows, err := conn.QueryContext(ctx, rollupFromFigures, sql.Named("year_from", num(f.YearFrom)), sql.Named("year_to", num(f.YearTo)),
				sql.Named("province", str(f.Province)), sql.Named("city", str(f.City)), sql.Named("level", str(f.Level)))
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var m, a string
				var v sql.NullFloat64
				var n int64
				if err := rows.Scan(&m, &a, &v, &n); err != nil {
					return err
				}
				row := []any{m, a, nil, n}
				if v.Valid {
					row[2] = v.Float64
				}
				want = append(want, row)
			}
			return rows.Err()
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(want) == 0 && f.Province != "测试省" {
			t.Errorf("filter %+v: no figures; the comparison proves nothing", f)
		}
		if len(got.Rows) != len(want) {
			t.Fatalf("filter %+v: %d cells, summing the figures gives %d", f, len(got.Rows), len(want))
		}
		for i, w := range want {
			g := got.Rows[i]
			gv, _ := g[2].(float64)
			wv, _ := w[2].(float64)
			if g[0] != w[0] || g[1] != w[1] || g[3] != w[3] || (g[2] == nil) != (w[2] == nil) ||
				math.Abs(gv-wv) > 1e-9*math.Max(1, math.Abs(wv)) {
				t.Errorf("filter %+v: %v, summing the figures gives %v", f, g, w)
			}
		}
	}
	// Every group, the regions an agency left included, holds exactly what
	// its current reports' figures add up to: the kept table against one
	// built afresh, cell by cell, in both directions, sums included.
	n, err := warehouse.RollupDiffForTest(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("%d roll-up cells differ from the current reports' figures", n)
	}
}

// TestAgencyStatusTable holds store.agency_status (0020) to its definition
// on the demo history with second versions and a corrected region.
func TestAgencyStatusTable(t *testing.T) {
	db := pathsDB(t)
	n, err := warehouse.StatusDiffForTest(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("store.agency_status differs from the current reports (%d)", n)
	}
}
