package warehouse

import (
	"context"
	"fmt"
	"testing"

	"gongkai"
)

// TestStatusPatternsStayExact walks store.agency_status's patterns (0046:
// store.status_patterns, and the number of each agency's) through every
// write that changes an agency's current reports — new reports and years,
// an earlier year that re-checks a later one (its errors recounted), a
// re-upload, a version with errors held pending and confirmed, an agency
// moved by its report's region and by an administrator, a repair by hand,
// reopening, and the migrations themselves (0046, and 0073, which keeps
// each agency's pattern on store.agencies) on a file from before them — and holds
// after each the kept table to its definition (agency_status_stale, which
// also holds every row's pattern to the row) and quality_matrix,
// quality_by_year and overview_totals, which read the agencies' years
// through the patterns, to their first forms (testdata/before), computed
// from the current reports alone. A writer that leaves a new pattern out fails it.
func TestStatusPatternsStayExact(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	names := []string{"quality_matrix", "quality_by_year", "overview_totals"}
	filters := []Filter{
		{}, {Limit: 2, Offset: 1}, {YearFrom: 2021, YearTo: 2022}, {YearFrom: 2022, YearTo: 2022, Status: "missing"},
		{Status: "errors"}, {Status: "warnings", Limit: 3}, {Status: "ok"}, {YearFrom: 2019, YearTo: 2021, Status: "none"},
		{Province: "测试省"}, {Province: "测试省", City: "测试市", Level: "县级部门"}, {Level: "县级部门", Status: "none"},
		{Agency: "甲"}, {Agency: "局", Limit: 1, Offset: 2}, {Province: "没有这个省"},
	}
	seen := ""
	check := func(stage string) {
		t.Helper()
		if n := statusDiff(t, db); n != 0 {
			t.Errorf("%s: store.agency_status or its patterns differ from the current reports", stage)
		}
		var all []string
		for _, name := range names {
			old := firstForm(t, name)
			for _, f := range filters {
				if f.Limit == 0 {
					f.Limit = 50
				}
				got, err := db.Query(ctx, name, f)
				if err != nil {
					t.Fatalf("%s: %s: %v", stage, name, err)
				}
				want := firstFormRows(t, db, old, f)
				if g, w := fmt.Sprint(got.Rows), fmt.Sprint(want.Rows); g != w {
					t.Errorf("%s: %s, filter %+v:\n got %.800s\nwant %.800s", stage, name, f, g, w)
				}
				all = append(all, fmt.Sprint(got.Rows))
			}
		}
		seen = fmt.Sprint(all)
	}
	// A step must change what the pages show: a stage that changed nothing
	// the test can see proves nothing.
	moved := func(stage, before string) {
		t.Helper()
		if seen == before {
			t.Errorf("%s: quality_matrix and quality_by_year did not change", stage)
		}
	}
	// A second agency that never reported: it is listed, none every year.
	if _, err := db.db.Exec(`INSERT INTO store.agencies (agency_id, name, name_key, level, expected, created_at) VALUES (900, '未报局', '未报局', '县级部门', true, now())`); err != nil {
		t.Fatal(err)
	}

	load(t, db, LoadRequest{Report: sampleReport("甲局", 2022, 4, 0)}, LoadRequest{Report: withError("乙局", 2021)},
		LoadRequest{Report: sampleReport("乙局", 2022, 0, 0)}, LoadRequest{Report: sampleReport("丙局", 2021, 1, 1)})
	check("first load")

	before := seen
	load(t, db, LoadRequest{Report: sampleReport("丙局", 2023, 1, 1)}, LoadRequest{Report: sampleReport("丁局", 2020, 0, 0)})
	check("new years")
	moved("new years", before)

	// 2021 carries out 9 where 2022 carried in 4: rule R4 gives the stored
	// 2022 report an error, recounted.
	before = seen
	load(t, db, LoadRequest{Report: sampleReport("甲局", 2021, 0, 9)})
	check("an earlier year")
	moved("an earlier year", before)

	// A clean version retires the one with errors.
	before = seen
	load(t, db, LoadRequest{Report: sampleReport("乙局", 2021, 0, 0)})
	check("re-upload")
	moved("re-upload", before)

	// A version with an error waits; confirmed, it is current.
	broken := sampleReport("乙局", 2021, 0, 0)
	broken.Findings = append(broken.Findings, gongkai.Finding{Rule: "R1", Severity: gongkai.SeverityError, At: "表三!C33", Message: "合计不等于各项之和"})
	v := load(t, db, LoadRequest{Report: broken})[0]
	if !v.Pending {
		t.Fatalf("the version with an error is not pending: %+v", v)
	}
	before = seen
	check("pending")
	if seen != before {
		t.Errorf("a pending version changed the pages")
	}
	if _, err := db.Confirm(ctx, v.ReportID, "张三"); err != nil {
		t.Fatal(err)
	}
	check("confirmed")
	moved("confirmed", before)

	// An earlier year whose report states where the agency stands: the
	// agency moves and its 2021 is re-checked, in one load.
	early := sampleReport("甲局", 2020, 0, 3)
	early.Province, early.City, early.Level = "测试省", "测试市", "县级部门"
	before = seen
	load(t, db, LoadRequest{Report: early})
	check("moved and re-checked")
	moved("moved and re-checked", before)

	// An administrator's correction of a region.
	before = seen
	if err := db.SetAgencyRegion(ctx, int64(count(t, db, `SELECT agency_id FROM store.agencies WHERE name = '丙局'`)), Region{Province: "测试省", City: "测试市", Level: "县级部门"}); err != nil {
		t.Fatal(err)
	}
	check("region corrected")
	moved("region corrected", before)

	// Reopened; then a year and counts repaired by hand in store.reports,
	// and a pattern's bits changed by hand: Open finds both and rebuilds.
	db = editByHand(t, db, `SELECT 1`)
	check("reopened")
	before = seen
	db = editByHand(t, db, `UPDATE store.reports SET errors = errors + 2 WHERE is_current AND year = 2022;
		UPDATE store.reports SET year = 2019 WHERE is_current AND year = 2020`)
	check("edited by hand")
	moved("edited by hand", before)
	db = editByHand(t, db, `UPDATE store.status_patterns SET errors = 0`)
	check("a pattern edited by hand")

	// A file from before 0046: the table and the column are added and
	// filled by it.
	before = seen
	db = editByHand(t, db, `DROP TABLE store.status_patterns; DROP MACRO TABLE store.pattern_bits;
		ALTER TABLE store.agency_status DROP COLUMN pattern;
		DELETE FROM schema_migrations WHERE version = 46`)
	check("migrated")
	if seen != before {
		t.Errorf("the migration changed the pages")
	}
	if n := count(t, db, `SELECT count(*) FROM store.status_patterns`); n == 0 {
		t.Errorf("the migration numbered no pattern")
	}

	// A file from before 0073: each agency's pattern is kept on it by the
	// migration, NULL for 未报局.
	db = editByHand(t, db, `ALTER TABLE store.agencies DROP COLUMN pattern;
		DELETE FROM schema_migrations WHERE version = 73`)
	check("migrated 0073")
	if seen != before {
		t.Errorf("migration 0073 changed the pages")
	}
	if n := count(t, db, `SELECT count(*) FROM store.agencies WHERE pattern IS NULL`); n != 1 {
		t.Errorf("%d agencies keep no pattern after 0073; want 1 (未报局)", n)
	}
}
