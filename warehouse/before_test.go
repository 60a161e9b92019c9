package warehouse_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"gongkai"
	"gongkai/demo"
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
		// Pieces of a name that most agencies' names contain, and few or
		// none: the queries that sum per agency first and join the
		// agencies the filters select afterwards must pick the same
		// agencies on every side.
		{Agency: "人民"},
		{YearFrom: 2020, YearTo: 2023, Province: "贵州省", Agency: "政府", Limit: 3},
		{YearFrom: 2022, YearTo: 2022, Agency: "镇人"},
		{Level: "乡镇（街道）", Agency: "人民"},
		{Agency: "没有这个名字"},
		// A year just after most agencies' first: region_agencies' missing
		// and later turn on the first year (store.agency_status).
		{YearFrom: 2020, YearTo: 2020},
		{YearFrom: 2024, YearTo: 2024, Limit: 2},
		// Pages that cross quality_findings' groups of year and severity
		// (counted from the reports' own counts), and one past the end.
		{Limit: 10, Offset: 10},
		{Limit: 30, Offset: 20, Agency: "局"},
		{YearFrom: 2020, YearTo: 2023, Status: "warnings", Limit: 7, Offset: 12},
		{Status: "errors", Offset: 1000},
	}
	filters = append(filters, cellFilters...)
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
			compareFirstForm(t, db, name, old.SQL, old.Params, filters)
		})
	}
}

// cellFilters break one figure down (region_figure): a total, an applicant
// column, a cell no format has, a figure of every version, an unknown
// measure; the whole country, a province, a city, a level alone (the
// current reports are read in one form without a region or level and in
// another with one).
var cellFilters = []warehouse.Filter{
	{YearFrom: 2022, YearTo: 2022, Measure: "apps.new"},
	{YearFrom: 2022, YearTo: 2022, Level: "县级部门", Measure: "apps.new"},
	{YearFrom: 2022, YearTo: 2022, Province: "贵州省", City: "遵义市", Measure: "apps.new", Limit: 5},
	{YearFrom: 2021, YearTo: 2023, Measure: "apps.granted", Applicant: "natural", Limit: 7},
	{YearFrom: 2020, YearTo: 2020, Province: "测试省", Measure: "licensing.decisions"},
	{Measure: "licensing.decisions", Applicant: "business"},
	{Province: "贵州省", Measure: "apps.total", Limit: 40},
	{YearFrom: 2021, YearTo: 2021, Measure: "no.such.measure"},
	// Limits that cut through ties (ordered by name) and blanks: the rows
	// named are those at or above the limit-th value (region_figure's cut).
	{Measure: "apps.new", Limit: 1},
	{Measure: "review.upheld", Limit: 3},
	{YearFrom: 2022, YearTo: 2022, Measure: "apps.withheld.third_party", Applicant: "natural", Limit: 2},
	{YearFrom: 2020, YearTo: 2023, Measure: "apps.total", Applicant: "ngo", Limit: 9},
	{YearFrom: 2021, YearTo: 2021, Measure: "procurement.projects", Limit: 4},
	{Province: "贵州省", Measure: "fees.amount_wan", Limit: 6},
}

// compareFirstForm runs the named query and its first form (sql, with
// params) under every filter: the rows must be the same, value for value
// and in the same order, and some filter must give rows.
func compareFirstForm(t *testing.T, db *warehouse.DB, name, old string, params []string, filters []warehouse.Filter) {
	t.Helper()
	ctx := context.Background()
	rows := 0
	for _, f := range filters {
		got, err := db.Query(ctx, name, f)
		if err != nil {
			t.Fatal(err)
		}
		var want [][]any
		err = warehouse.WithConnForTest(ctx, db, func(conn *sql.Conn) (err error) {
			want, err = allRows(ctx, conn, old, namedArgs(params, f)...)
			return err
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
}

// TestRegionFigureAtEveryWatermark holds region_figure to its first form
// (a scan of store.figures) with the copy by cell (migration 0032) empty,
// covering part of the reports (one run ending inside a history of second
// versions), and all of them in several runs: the copy and the tail after
// its watermark must make the same rows at any watermark.
func TestRegionFigureAtEveryWatermark(t *testing.T) {
	db := pathsDB(t)
	ctx := context.Background()
	b, err := os.ReadFile(filepath.Join("testdata", "before", "region_figure.sql"))
	if err != nil {
		t.Fatal(err)
	}
	old, err := queries.Parse(string(b))
	if err != nil {
		t.Fatal(err)
	}
	var last int64
	err = warehouse.WithConnForTest(ctx, db, func(conn *sql.Conn) error {
		return conn.QueryRowContext(ctx, "SELECT max(report_id) FROM store.reports").Scan(&last)
	})
	if err != nil || last < 100 {
		t.Fatalf("last report %d (%v): the fixture is too small", last, err)
	}
	for _, stage := range []struct {
		name string
		o    warehouse.CellOptions
		want func(wm int64) bool
	}{
		{"nothing copied", warehouse.CellOptions{Least: last + 1}, func(wm int64) bool { return wm == 0 }},
		{"one run of 37", warehouse.CellOptions{Run: 37, Runs: 1}, func(wm int64) bool { return wm == 37 }},
		{"the rest in runs of 50", warehouse.CellOptions{Run: 50}, func(wm int64) bool { return wm == last }},
	} {
		at, err := db.CopyCells(ctx, stage.o, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !stage.want(at.Watermark) || at.Watermark+at.Tail != last {
			t.Fatalf("%s: copy stands at %+v (last report %d)", stage.name, at, last)
		}
		t.Run(stage.name, func(t *testing.T) {
			compareFirstForm(t, db, "region_figure", old.SQL, old.Params, cellFilters)
		})
	}
}

// TestReportCountsAreTheirFindings holds what quality_findings counts by:
// store.reports.errors and warnings are the report's findings of each
// severity, for every version of the demo history (whose rules across
// reports add findings to reports loaded earlier).
func TestReportCountsAreTheirFindings(t *testing.T) {
	db := pathsDB(t)
	ctx := context.Background()
	err := warehouse.WithConnForTest(ctx, db, func(conn *sql.Conn) error {
		var reports, wrong, findings int
		err := conn.QueryRowContext(ctx, `
			SELECT count(*), count(*) FILTER (WHERE r.errors <> coalesce(f.errors, 0) OR r.warnings <> coalesce(f.warnings, 0)),
			       coalesce(sum(f.errors + f.warnings), 0)
			FROM store.reports r
			LEFT JOIN (SELECT report_id, count(*) FILTER (WHERE severity = 'error') AS errors,
			                  count(*) FILTER (WHERE severity = 'warning') AS warnings, count(*) AS n
			           FROM store.findings GROUP BY report_id) f USING (report_id)`).Scan(&reports, &wrong, &findings)
		if err != nil {
			return err
		}
		var other int
		if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM store.findings WHERE severity NOT IN ('error', 'warning')`).Scan(&other); err != nil {
			return err
		}
		if wrong != 0 || other != 0 || findings == 0 {
			t.Errorf("%d of %d reports count their findings wrong, %d findings of another severity, %d findings in all", wrong, reports, other, findings)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
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

// TestReportReadsMatchTheirFirstForm holds the reads of the report and
// agency pages, which were rewritten for speed as small reads composed in
// Go (Report, AgencyReports), to the single statements they replaced
// (testdata/before/stmt/<name>.sql), for the report versions of the demo
// history, current (every third) and retired (all): the same versions,
// figures and totals, value for value and in the same order.
func TestReportReadsMatchTheirFirstForm(t *testing.T) {
	db := pathsDB(t)
	ctx := context.Background()
	before := func(name string) string {
		b, err := os.ReadFile(filepath.Join("testdata", "before", "stmt", name+".sql"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	versionsSQL, valuesSQL, totalsSQL := before("read_report_versions"), before("read_report_values"), before("read_report_totals")
	var ids []int64
	agencies := map[int64]bool{}
	var counts [3]int
	err := warehouse.WithConnForTest(ctx, db, func(conn *sql.Conn) error {
		r, err := conn.QueryContext(ctx, `SELECT report_id, agency_id FROM store.reports WHERE NOT is_current OR report_id % 3 = 0 ORDER BY report_id`)
		if err != nil {
			return err
		}
		for r.Next() {
			var id, agency int64
			if err := r.Scan(&id, &agency); err != nil {
				return err
			}
			ids = append(ids, id)
			agencies[agency] = true
		}
		if err := r.Close(); err != nil {
			return err
		}
		// A report id that names no report: the first form gave no rows.
		ids = append(ids, 1<<40)
		for _, id := range ids {
			wantVersions, err := allRows(ctx, conn, versionsSQL, id)
			if err != nil {
				return err
			}
			wantValues, err := allRows(ctx, conn, valuesSQL, id)
			if err != nil {
				return err
			}
			sr, err := db.Report(ctx, id)
			if len(wantVersions) == 0 {
				if gongkai.ErrorCode(err) != gongkai.CodeNotFound {
					t.Errorf("report %d: the first form has no versions, Report gave %v", id, err)
				}
				continue
			}
			if err != nil {
				return err
			}
			var gotVersions [][]any
			for _, v := range sr.Versions {
				gotVersions = append(gotVersions, []any{v.ID, v.AgencyID, v.Agency, v.Province, v.City, v.County, v.Level,
					int64(v.Year), v.Format, v.SourceKind, v.SourceName, v.SHA256, v.Size, v.LoadedAt, v.LoadedBy,
					int64(v.Version), v.Current, int64(v.Errors), int64(v.Warnings), v.Published, v.Pending, v.PendingReason})
			}
			var gotValues [][]any
			for _, v := range sr.Report.Values {
				var n any
				if v.Number != nil {
					n = *v.Number
				}
				gotValues = append(gotValues, []any{v.Measure, v.Applicant, n, v.Unit, v.Raw, v.At, v.Source == gongkai.SourceNarrative})
			}
			counts[0] += len(wantVersions)
			counts[1] += len(wantValues)
			if g, w := fmt.Sprint(gotVersions), fmt.Sprint(plainRows(wantVersions)); g != w {
				t.Errorf("report %d, versions:\n got %.600s\nwant %.600s", id, g, w)
			}
			if g, w := fmt.Sprint(gotValues), fmt.Sprint(plainRows(wantValues)); g != w {
				t.Errorf("report %d, figures:\n got %.600s\nwant %.600s", id, g, w)
			}
		}
		for agency := range agencies {
			reps, err := db.AgencyReports(ctx, agency, 0, 0)
			if err != nil {
				return err
			}
			for _, rep := range reps {
				want, err := allRows(ctx, conn, totalsSQL, rep.ID)
				if err != nil {
					return err
				}
				counts[2] += len(want)
				wantTotals := map[string]any{}
				for _, row := range plainRows(want) {
					wantTotals[row[0].(string)] = row[1]
				}
				gotTotals := map[string]any{}
				for m, v := range rep.Totals {
					gotTotals[m] = nil
					if v != nil {
						gotTotals[m] = *v
					}
				}
				if g, w := fmt.Sprint(gotTotals), fmt.Sprint(wantTotals); g != w {
					t.Errorf("agency %d, report %d, totals:\n got %.600s\nwant %.600s", agency, rep.ID, g, w)
				}
			}
			// A range of years lists the reports of those years with the
			// same figures: the reports and their figures are two reads.
			if len(reps) > 0 {
				rep := reps[len(reps)/2]
				for _, yr := range [][2]int{{rep.Year, rep.Year}, {rep.Year, 0}, {0, rep.Year}} {
					got, err := db.AgencyReports(ctx, agency, yr[0], yr[1])
					if err != nil {
						return err
					}
					want := slices.DeleteFunc(slices.Clone(reps), func(r warehouse.AgencyReport) bool {
						return (yr[0] != 0 && r.Year < yr[0]) || (yr[1] != 0 && r.Year > yr[1])
					})
					if !reflect.DeepEqual(got, want) {
						t.Errorf("agency %d, years %v:\n got %+v\nwant %+v", agency, yr, got, want)
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Rows on every side, or the comparison proves nothing.
	if counts[0] == 0 || counts[1] == 0 || counts[2] == 0 {
		t.Errorf("versions, figures, totals compared: %v", counts)
	}
}

// allRows runs query with args on conn and returns every row.
func allRows(ctx context.Context, conn *sql.Conn, query string, args ...any) ([][]any, error) {
	r, err := conn.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	cols, _ := r.Columns()
	var out [][]any
	for r.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := r.Scan(ptrs...); err != nil {
			return nil, err
		}
		out = append(out, vals)
	}
	return out, r.Err()
}

// TestQualityListsAgenciesWithoutAReport holds quality_matrix and
// quality_by_year to their first forms on a warehouse where two agencies
// have no current report (added by hand: no store.agency_status row), one of
// them in no region: the matrix counts and lists them apart from the status
// rows when no filter is set, and must list them as the first form did, in
// the last combination of flags and under 未报 (none).
func TestQualityListsAgenciesWithoutAReport(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "bare.duckdb")
	db, err := warehouse.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.Load(ctx, db, demo.Generate(5, 8)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw, err := sql.Open("duckdb", path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = raw.Exec(`INSERT INTO store.agencies (agency_id, name, name_key, province, city, level, created_at)
		SELECT max(agency_id) + 1, '测试新设局', '测试新设局', '贵州省', '贵阳市', '县级部门', now() FROM store.agencies;
		INSERT INTO store.agencies (agency_id, name, name_key, created_at)
		SELECT max(agency_id) + 1, '无区划新设局', '无区划新设局', now() FROM store.agencies`)
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	db, err = warehouse.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	filters := []warehouse.Filter{
		{}, {Limit: 1000}, {Status: "none"}, {Status: "ok"}, {YearFrom: 2019, YearTo: 2020, Status: "none", Limit: 3},
		{Limit: 2, Offset: 1}, {Limit: 5, Offset: 5}, {YearFrom: 2023, YearTo: 2024},
		{Province: "贵州省"}, {Province: "贵州省", City: "贵阳市", Level: "县级部门", Status: "none"},
		{Agency: "新设"}, {Agency: "局", Limit: 3, Offset: 2},
	}
	for _, name := range []string{"quality_matrix", "quality_by_year"} {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "before", name+".sql"))
			if err != nil {
				t.Fatal(err)
			}
			old, err := queries.Parse(string(b))
			if err != nil {
				t.Fatal(err)
			}
			compareFirstForm(t, db, name, old.SQL, old.Params, filters)
		})
	}
	m, err := db.Query(ctx, "quality_matrix", warehouse.Filter{Status: "none", Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, r := range m.Rows {
		listed[fmt.Sprint(r[1])] = true
	}
	if !listed["测试新设局"] || !listed["无区划新设局"] {
		t.Errorf("the agencies without a report are not listed under none: %v", listed)
	}
}
