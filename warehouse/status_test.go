package warehouse

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// statusDiff is 1 or more when store.agency_status differs from its
// definition over the current reports, 0 when the kept table is right:
// Open's check (agency_status_stale), and the rows compared whole with
// store.agency_status_rows' (the cells as lists, in their order, which the
// check compares only as sets): the writer makes them with a form of its
// own (status_rows_make).
func statusDiff(t *testing.T, db *DB) int {
	t.Helper()
	return count(t, db, stmt("agency_status_stale")) + count(t, db, statusRowsDiff)
}

// statusRowsDiff counts the rows store.agency_status and
// store.agency_status_rows do not share, cells compared in order.
const statusRowsDiff = `SELECT count(*) FROM (
	(SELECT agency_id, first_year, reported, errors, warnings, cells FROM store.agency_status
	 EXCEPT ALL
	 SELECT agency_id, first_year, reported, errors, warnings, cells FROM store.agency_status_rows(0, 9223372036854775807, NULL))
	UNION ALL
	(SELECT agency_id, first_year, reported, errors, warnings, cells FROM store.agency_status_rows(0, 9223372036854775807, NULL)
	 EXCEPT ALL
	 SELECT agency_id, first_year, reported, errors, warnings, cells FROM store.agency_status))`

// statusOf is the kept row of agency: its first year and its bit sets of
// years, as text.
func statusOf(t *testing.T, db *DB, agency string) (first int, reported, errors, warnings string) {
	t.Helper()
	err := db.db.QueryRow(`SELECT s.first_year, s.reported::VARCHAR, s.errors::VARCHAR, s.warnings::VARCHAR
		FROM store.agency_status s JOIN store.agencies a USING (agency_id) WHERE a.name = ?`, agency).
		Scan(&first, &reported, &errors, &warnings)
	if err != nil {
		t.Fatalf("status of %s: %v", agency, err)
	}
	return
}

// cellsOf is agency's kept cells (0063) as text, "year:report errors/warnings"
// in the order of year and report, and the same made from its current
// reports as they stand.
func cellsOf(t *testing.T, db *DB, agency string) (kept, current string) {
	t.Helper()
	err := db.db.QueryRow(`SELECT
		    (SELECT coalesce(string_agg(u.c.year || ':' || u.c.report_id || ' ' || u.c.errors || '/' || u.c.warnings, ', '
		                       ORDER BY u.c.year, u.c.report_id), '')
		     FROM store.agency_status s, unnest(s.cells) u(c) WHERE s.agency_id = a.agency_id),
		    (SELECT coalesce(string_agg(r.year || ':' || r.report_id || ' ' || r.errors || '/' || r.warnings, ', '
		                       ORDER BY r.year, r.report_id), '')
		     FROM store.reports r WHERE r.agency_id = a.agency_id AND r.is_current)
		FROM store.agencies a WHERE a.name = ?`, agency).Scan(&kept, &current)
	if err != nil {
		t.Fatalf("cells of %s: %v", agency, err)
	}
	return
}

// findingReportsOf is agency's kept rows of store.finding_reports (0114) as
// text, "year:report errors/warnings name province city level" in the
// order of report, and the same made from its current reports that hold a
// finding and the agency as they stand (0124: the name, region and level
// are kept on each row).
func findingReportsOf(t *testing.T, db *DB, agency string) (kept, current string) {
	t.Helper()
	err := db.db.QueryRow(`SELECT
		    (SELECT coalesce(string_agg(f.year || ':' || f.report_id || ' ' || f.errors || '/' || f.warnings
		                                || ' ' || f.agency || ' ' || coalesce(f.province, '-') || ' ' || coalesce(f.city, '-')
		                                || ' ' || coalesce(f.level, '-'), ', '
		                       ORDER BY f.report_id), '')
		     FROM store.finding_reports f WHERE f.agency_id = a.agency_id),
		    (SELECT coalesce(string_agg(r.year || ':' || r.report_id || ' ' || r.errors || '/' || r.warnings
		                                || ' ' || a.name || ' ' || coalesce(a.province, '-') || ' ' || coalesce(a.city, '-')
		                                || ' ' || coalesce(a.level, '-'), ', '
		                       ORDER BY r.report_id), '')
		     FROM store.reports r WHERE r.agency_id = a.agency_id AND r.is_current AND (r.errors > 0 OR r.warnings > 0))
		FROM store.agencies a WHERE a.name = ?`, agency).Scan(&kept, &current)
	if err != nil {
		t.Fatalf("finding reports of %s: %v", agency, err)
	}
	return
}

// yearReportsOf is agency's kept rows of store.year_reports (0122) as text,
// "year:report format errors" in the order of report, and the same made
// from its current reports as they stand.
func yearReportsOf(t *testing.T, db *DB, agency string) (kept, current string) {
	t.Helper()
	err := db.db.QueryRow(`SELECT
		    (SELECT coalesce(string_agg(y.year || ':' || y.report_id || ' ' || y.format || ' ' || y.errors, ', '
		                       ORDER BY y.report_id), '')
		     FROM store.year_reports y WHERE y.agency_id = a.agency_id),
		    (SELECT coalesce(string_agg(r.year || ':' || r.report_id || ' ' || r.format || ' ' || r.errors, ', '
		                       ORDER BY r.report_id), '')
		     FROM store.reports r WHERE r.agency_id = a.agency_id AND r.is_current)
		FROM store.agencies a WHERE a.name = ?`, agency).Scan(&kept, &current)
	if err != nil {
		t.Fatalf("year reports of %s: %v", agency, err)
	}
	return
}

// yearBits is the bit set of years (all before 2054) as text, as statusOf
// reads it.
func yearBits(years ...int) string {
	var b uint64
	for _, y := range years {
		b |= 1 << uint(y-1990)
	}
	return strconv.FormatUint(b, 10)
}

// TestAgencyStatusKept walks store.agency_status (0020) through every way
// the writer changes an agency's current reports — a new year, an earlier
// year that re-checks a later one (its errors recounted), a re-upload that
// retires a version with errors, a broken version held pending and then
// confirmed — and holds it to its definition after each, and to the
// statuses each step gives. A repair by hand is found and rebuilt by Open.
func TestAgencyStatusKept(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	step := func(name string, agency string, first int, reported, errors, warnings string) {
		t.Helper()
		if n := statusDiff(t, db); n != 0 {
			t.Errorf("%s: store.agency_status differs from the current reports (%d)", name, n)
		}
		if kept, current := cellsOf(t, db, agency); kept != current {
			t.Errorf("%s: %s keeps the cells %q; its current reports are %q", name, agency, kept, current)
		}
		if kept, current := findingReportsOf(t, db, agency); kept != current || kept == "" {
			t.Errorf("%s: %s keeps the reports with a finding %q; its current ones are %q", name, agency, kept, current)
		}
		if kept, current := yearReportsOf(t, db, agency); kept != current || kept == "" {
			t.Errorf("%s: %s keeps the reports by year %q; its current ones are %q", name, agency, kept, current)
		}
		f, r, e, w := statusOf(t, db, agency)
		if f != first || r != reported || e != errors || w != warnings {
			t.Errorf("%s: %s has first year %d, years %s, errors %s, warnings %s; want %d, %s, %s, %s",
				name, agency, f, r, e, w, first, reported, errors, warnings)
		}
	}

	// sampleReport's reports have warnings and no errors; withError's an
	// error. warnings holds the years with warnings and no errors.
	load(t, db, LoadRequest{Report: sampleReport("甲局", 2022, 4, 0)}, LoadRequest{Report: withError("乙局", 2021)})
	step("first load", "甲局", 2022, yearBits(2022), "0", yearBits(2022))
	step("first load", "乙局", 2021, yearBits(2021), yearBits(2021), "0")

	// 2021 carries out 9 where 2022 carried in 4: rule R4 gives 2022 an
	// error, recounted on the stored 2022 report.
	load(t, db, LoadRequest{Report: sampleReport("甲局", 2021, 0, 9)})
	step("an earlier year", "甲局", 2021, yearBits(2021, 2022), yearBits(2022), yearBits(2021))
	// The recount gave the 2022 report its error, which the matrix reads
	// from the kept cell.
	var recounted int
	if err := db.db.QueryRow(`SELECT u.c.errors FROM store.agency_status s, unnest(s.cells) u(c)
		WHERE s.agency_id = (SELECT agency_id FROM store.agencies WHERE name = '甲局') AND u.c.year = 2022`).Scan(&recounted); err != nil || recounted == 0 {
		t.Errorf("甲局's kept 2022 cell has %d errors (%v); want the recounted ones", recounted, err)
	}

	// A clean version retires the one with errors.
	load(t, db, LoadRequest{Report: sampleReport("乙局", 2021, 0, 0)})
	step("re-upload", "乙局", 2021, yearBits(2021), "0", yearBits(2021))

	// A version with errors waits; confirmed, it is current.
	v := load(t, db, LoadRequest{Report: withError("乙局", 2021)})[0]
	if !v.Pending {
		t.Fatalf("the version with errors is not pending: %+v", v)
	}
	step("pending", "乙局", 2021, yearBits(2021), "0", yearBits(2021))
	if _, err := db.Confirm(ctx, v.ReportID, "张三"); err != nil {
		t.Fatal(err)
	}
	step("confirmed", "乙局", 2021, yearBits(2021), yearBits(2021), "0")

	// The region and level each row of store.finding_reports keeps of its
	// agency (0124) follow the agency: a region a later report states for
	// an agency whose region was derived, then an administrator's
	// correction, which writes no report.
	load(t, db, LoadRequest{Report: sampleReport("丙局", 2021, 0, 0)})
	step("no region", "丙局", 2021, yearBits(2021), "0", yearBits(2021))
	stated := sampleReport("丙局", 2022, 0, 0)
	stated.Province, stated.City, stated.Level = "浙江省", "杭州市", "市级部门"
	load(t, db, LoadRequest{Report: stated})
	step("a region stated", "丙局", 2021, yearBits(2021, 2022), "0", yearBits(2021, 2022))
	if kept, _ := findingReportsOf(t, db, "丙局"); !strings.Contains(kept, "浙江省 杭州市 市级部门") {
		t.Errorf("丙局's reports with a finding keep %q, not the region its 2022 report states", kept)
	}
	var bing int64
	if err := db.db.QueryRow(`SELECT agency_id FROM store.agencies WHERE name = '丙局'`).Scan(&bing); err != nil {
		t.Fatal(err)
	}
	if err := db.SetAgencyRegion(ctx, bing, Region{Province: "贵州省", City: "遵义市", Level: "县级部门"}); err != nil {
		t.Fatal(err)
	}
	step("a region corrected", "丙局", 2021, yearBits(2021, 2022), "0", yearBits(2021, 2022))
	if kept, _ := findingReportsOf(t, db, "丙局"); !strings.Contains(kept, "贵州省 遵义市 县级部门") || strings.Contains(kept, "浙江省") {
		t.Errorf("丙局's reports with a finding keep %q, not the corrected region", kept)
	}

	// The check sees a kept table out of step, and Open rebuilds it after
	// a repair of store.reports by hand.
	if _, err := db.db.Exec(`UPDATE store.agency_status SET errors = 0`); err != nil {
		t.Fatal(err)
	}
	if n := statusDiff(t, db); n == 0 {
		t.Fatal("the check does not see a table out of step")
	}
	if err := db.checkStatus(ctx); err != nil {
		t.Fatal(err)
	}
	step("checked", "乙局", 2021, yearBits(2021), yearBits(2021), "0")
	// The pattern each agency keeps for 报送与质量 (store.agencies, 0073)
	// is held to its status row: one set by hand is found, and rebuilt.
	if _, err := db.db.Exec(`UPDATE store.agencies SET pattern = NULL WHERE name = '乙局'`); err != nil {
		t.Fatal(err)
	}
	if n := statusDiff(t, db); n == 0 {
		t.Fatal("the check does not see an agency's kept pattern out of step")
	}
	if err := db.checkStatus(ctx); err != nil {
		t.Fatal(err)
	}
	step("pattern checked", "乙局", 2021, yearBits(2021), yearBits(2021), "0")
	// The same change of the last column hashed, in two rows, is found: the
	// check once XORed that column's hash into the rows' unmixed, and 甲局's
	// two cells with one warning each, both set to two, cancelled out.
	if _, err := db.db.Exec(`UPDATE store.agency_status SET cells = list_transform(cells, c -> struct_pack(year := c.year, report_id := c.report_id, errors := c.errors, warnings := c.warnings + 1))
		WHERE agency_id = (SELECT agency_id FROM store.agencies WHERE name = '甲局')`); err != nil {
		t.Fatal(err)
	}
	if n := statusDiff(t, db); n == 0 {
		t.Fatal("the check does not see two cells changed alike")
	}
	if err := db.checkStatus(ctx); err != nil {
		t.Fatal(err)
	}
	step("cells checked", "甲局", 2021, yearBits(2021, 2022), yearBits(2022), yearBits(2021))
	// The current reports that hold a finding, kept for 报送与质量's list
	// (store.finding_reports, 0114), are held to theirs: a row dropped or a
	// count changed by hand is found, and rebuilt.
	for _, edit := range []string{
		`DELETE FROM store.finding_reports WHERE agency_id = (SELECT agency_id FROM store.agencies WHERE name = '乙局')`,
		`UPDATE store.finding_reports SET warnings = warnings + 1 WHERE agency_id = (SELECT agency_id FROM store.agencies WHERE name = '甲局')`,
		// The agency's name and region each row keeps (0124), and an
		// agency moved by hand, which the writer did not see.
		`UPDATE store.finding_reports SET agency = agency || '乙' WHERE agency_id = (SELECT agency_id FROM store.agencies WHERE name = '甲局')`,
		`UPDATE store.finding_reports SET level = NULL WHERE agency_id = (SELECT agency_id FROM store.agencies WHERE name = '丙局')`,
		`UPDATE store.agencies SET city = '贵阳市' WHERE name = '丙局'`,
	} {
		if _, err := db.db.Exec(edit); err != nil {
			t.Fatal(err)
		}
		if n := statusDiff(t, db); n == 0 {
			t.Fatalf("the check does not see store.finding_reports out of step after %s", edit)
		}
		if err := db.checkStatus(ctx); err != nil {
			t.Fatal(err)
		}
		step("finding reports checked", "乙局", 2021, yearBits(2021), yearBits(2021), "0")
		step("finding reports checked", "甲局", 2021, yearBits(2021, 2022), yearBits(2022), yearBits(2021))
	}
	// So are the current reports kept by year for 地区汇总 (store.year_reports,
	// 0122): a row dropped, a count or a format changed by hand.
	for _, edit := range []string{
		`DELETE FROM store.year_reports WHERE agency_id = (SELECT agency_id FROM store.agencies WHERE name = '乙局')`,
		`UPDATE store.year_reports SET errors = errors + 1 WHERE agency_id = (SELECT agency_id FROM store.agencies WHERE name = '甲局')`,
		`UPDATE store.year_reports SET format = format || 'x' WHERE year = 2022`,
	} {
		if _, err := db.db.Exec(edit); err != nil {
			t.Fatal(err)
		}
		if n := statusDiff(t, db); n == 0 {
			t.Fatalf("the check does not see store.year_reports out of step after %s", edit)
		}
		if err := db.checkStatus(ctx); err != nil {
			t.Fatal(err)
		}
		step("year reports checked", "乙局", 2021, yearBits(2021), yearBits(2021), "0")
		step("year reports checked", "甲局", 2021, yearBits(2021, 2022), yearBits(2022), yearBits(2021))
	}
	// A count changed where the bit sets stay the same is found too: the
	// cells (0063) are checked with them.
	if _, err := db.db.Exec(`UPDATE store.agency_status SET cells = list_transform(cells, c -> struct_pack(year := c.year, report_id := c.report_id, errors := c.errors + 1, warnings := c.warnings))
		WHERE agency_id = (SELECT agency_id FROM store.agencies WHERE name = '乙局')`); err != nil {
		t.Fatal(err)
	}
	if n := statusDiff(t, db); n == 0 {
		t.Fatal("the check does not see cells out of step")
	}
	db = editByHand(t, db, `UPDATE store.reports SET errors = errors + 2 WHERE is_current
		AND agency_id = (SELECT agency_id FROM store.agencies WHERE name = '乙局')`)
	step("recounted by hand", "乙局", 2021, yearBits(2021), yearBits(2021), "0")
	db = editByHand(t, db, `UPDATE store.reports SET year = 2019 WHERE year = 2021 AND is_current
		AND agency_id = (SELECT agency_id FROM store.agencies WHERE name = '甲局')`)
	step("edited by hand", "甲局", 2019, yearBits(2019, 2022), yearBits(2022), yearBits(2019))
}

// TestStatusYearsOutsideBits sets a current report's year by hand to one
// the bit sets cannot hold (the loader refuses it): Open must still open the
// file — its check of store.agency_status once overflowed the shift and the
// server did not start — and leave that report out of the agency's status
// while keeping the agency's other years.
func TestStatusYearsOutsideBits(t *testing.T) {
	for _, year := range []int{2200, 2101, 1989, 1800, -3} {
		t.Run(strconv.Itoa(year), func(t *testing.T) {
			db := openTest(t)
			load(t, db, LoadRequest{Report: sampleReport("甲局", 2022, 4, 0)},
				LoadRequest{Report: sampleReport("甲局", 2021, 0, 4)})
			db = editByHand(t, db, `UPDATE store.reports SET year = `+strconv.Itoa(year)+` WHERE year = 2021`)
			if n := statusDiff(t, db); n != 0 {
				t.Errorf("store.agency_status differs from its definition after Open")
			}
			if f, r, _, _ := statusOf(t, db, "甲局"); f != 2022 || r != yearBits(2022) {
				t.Errorf("甲局 has first year %d, years %s; want 2022, %s", f, r, yearBits(2022))
			}
		})
	}
}

// TestReportsPerYearOutsideBits holds reports_per_year, which counts the
// agencies that filed from store.agency_status's bit sets, to its first
// form when years outside the bits' 1990–2100 were set by hand: those years
// are counted from their reports.
func TestReportsPerYearOutsideBits(t *testing.T) {
	db := openTest(t)
	load(t, db, LoadRequest{Report: sampleReport("甲局", 2022, 4, 0)}, LoadRequest{Report: sampleReport("甲局", 2021, 0, 4)},
		LoadRequest{Report: sampleReport("乙局", 2021, 1, 1)}, LoadRequest{Report: sampleReport("丙局", 2020, 2, 0)})
	db = editByHand(t, db, `UPDATE store.reports SET year = 2200 WHERE year = 2021; UPDATE store.reports SET year = 1800 WHERE year = 2020`)
	old := firstForm(t, "reports_per_year")
	for _, f := range []Filter{{}, {YearFrom: 2100}, {Agency: "甲"}, {YearTo: 2022, Agency: "局"}} {
		got, err := db.Query(context.Background(), "reports_per_year", f)
		if err != nil {
			t.Fatal(err)
		}
		want := firstFormRows(t, db, old, f)
		if g, w := fmt.Sprint(got.Rows), fmt.Sprint(want.Rows); g != w {
			t.Errorf("filter %+v:\n got %s\nwant %s", f, g, w)
		}
		if f == (Filter{}) && len(got.Rows) != 3 {
			t.Errorf("years 1800, 2022 and 2200 expected, got %v", got.Rows)
		}
	}
}

// TestFindingReportsAgencyMigration takes store.finding_reports back to its
// 0114 columns on a loaded warehouse (agencies with a region derived, one a
// report states and one an administrator corrected) and runs 0124 on it:
// every row must then keep its agency's name, region and level, so that
// Open's check (agency_status_stale) finds the table as the writer keeps
// it, with nothing left to rebuild.
func TestFindingReportsAgencyMigration(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	stated := sampleReport("乙局", 2022, 0, 0)
	stated.Province, stated.City, stated.Level = "浙江省", "杭州市", "市级部门"
	load(t, db, LoadRequest{Report: sampleReport("甲局", 2021, 0, 0)}, LoadRequest{Report: withError("丙局", 2021)},
		LoadRequest{Report: stated})
	var bing int64
	if err := db.db.QueryRow(`SELECT agency_id FROM store.agencies WHERE name = '丙局'`).Scan(&bing); err != nil {
		t.Fatal(err)
	}
	if err := db.SetAgencyRegion(ctx, bing, Region{Province: "贵州省", City: "遵义市", Level: "县级部门"}); err != nil {
		t.Fatal(err)
	}
	b, err := migrationFS.ReadFile("migrations/0124_finding_reports_agency.sql")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.db.Exec(`CREATE TABLE store.finding_reports_0114 AS
		SELECT report_id, agency_id, year, errors, warnings FROM store.finding_reports;
		DROP TABLE store.finding_reports;
		ALTER TABLE store.finding_reports_0114 RENAME TO finding_reports;`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.db.Exec(string(b)); err != nil {
		t.Fatal(err)
	}
	if n := statusDiff(t, db); n != 0 {
		t.Errorf("after 0124 the check finds store.finding_reports out of step (%d)", n)
	}
	for _, a := range []string{"甲局", "乙局", "丙局"} {
		if kept, current := findingReportsOf(t, db, a); kept != current || kept == "" {
			t.Errorf("after 0124 %s keeps the reports with a finding %q; its current ones are %q", a, kept, current)
		}
	}
}
