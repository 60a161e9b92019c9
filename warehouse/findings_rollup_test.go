package warehouse

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"gongkai"
)

// TestFindingCountsStayExact walks store.summary_rollup's errors and
// warnings (0040) through every write that changes what a current report
// counts — new reports, an earlier year that re-checks a later one (its
// findings recounted, alone, with the later year retired in the same load,
// and with its agency's region moved by the report), re-uploads, a version
// with errors held pending and confirmed (re-checking the next year), an
// administrator's region correction, a repair by hand, reopening, and the
// migration itself on a file from before it — and holds it after each to
// the current reports' own counts summed afresh, to the roll-up's
// definition (RollupDiffForTest), and quality_findings to its first form,
// which counts every finding the filters select.
func TestFindingCountsStayExact(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	old := firstForm(t, "quality_findings")
	filters := []Filter{
		{Limit: 50}, {Limit: 3, Offset: 2}, {YearFrom: 2022, YearTo: 2022}, {YearFrom: 2020, YearTo: 2021, Status: "errors"},
		{Status: "warnings", Limit: 4}, {Province: "测试省"}, {Province: "测试省", City: "测试市", Level: "县级部门"},
		{Level: "县级部门"}, {Agency: "甲"}, {Province: "没有这个省"},
	}
	totals := ""
	// byFinding is false after counts are edited by hand: the first form
	// counts the findings, the named query the reports' counts.
	byFinding := true
	check := func(stage string) {
		t.Helper()
		if n := count(t, db, `SELECT count(*) FROM (
			(SELECT year, province, city, county, level, errors, warnings FROM store.summary_rollup
			 EXCEPT ALL
			 SELECT r.year, a.province, a.city, a.county, a.level, sum(r.errors), sum(r.warnings)
			 FROM store.reports r JOIN store.agencies a ON a.agency_id = r.agency_id
			 WHERE r.is_current GROUP BY ALL)
			UNION ALL
			(SELECT r.year, a.province, a.city, a.county, a.level, sum(r.errors), sum(r.warnings)
			 FROM store.reports r JOIN store.agencies a ON a.agency_id = r.agency_id
			 WHERE r.is_current GROUP BY ALL
			 EXCEPT ALL
			 SELECT year, province, city, county, level, errors, warnings FROM store.summary_rollup))`); n != 0 {
			t.Errorf("%s: %d groups of the roll-up count errors or warnings unlike their current reports", stage, n)
		}
		if n, err := RollupDiffForTest(ctx, db); err != nil || n != 0 {
			t.Errorf("%s: %d roll-up rows differ from their definition (%v)", stage, n, err)
		}
		var sums []string
		for _, f := range filters {
			got, err := db.Query(ctx, "quality_findings", f)
			if err != nil {
				t.Fatal(err)
			}
			if byFinding {
				// The first form leaves the findings of one report with the
				// same rule and place in any order (the R4 findings of each
				// applicant here): their reports, severities and totals, in
				// order, must be the same.
				want := firstFormRows(t, db, old, f)
				if g, w := findingKeys(got), findingKeys(want); g != w {
					t.Errorf("%s, filter %+v:\n got %.600s\nwant %.600s", stage, f, g, w)
				}
			}
			if len(got.Rows) > 0 {
				sums = append(sums, fmt.Sprint(got.Rows[0][len(got.Columns)-1]))
			}
		}
		totals = fmt.Sprint(sums)
	}
	// The step's totals must move where the step changes a count: a stage
	// that changed nothing the test can see proves nothing.
	moved := func(stage, before string) {
		t.Helper()
		if totals == before {
			t.Errorf("%s: the findings' totals did not change (%s)", stage, totals)
		}
	}

	// sampleReport's reports have a warning; withError's an error too.
	load(t, db, LoadRequest{Report: sampleReport("甲局", 2022, 4, 0)}, LoadRequest{Report: withError("乙局", 2021)},
		LoadRequest{Report: sampleReport("乙局", 2022, 0, 0)}, LoadRequest{Report: sampleReport("丙局", 2021, 1, 1)})
	check("first load")

	// 2021 carries out 9 where 2022 carried in 4: rule R4 gives the stored
	// 2022 report an error, recounted.
	before := totals
	load(t, db, LoadRequest{Report: sampleReport("甲局", 2021, 0, 9)})
	check("an earlier year")
	moved("an earlier year", before)

	// A second 2021 that agrees with 2022: the error is dropped again.
	before = totals
	load(t, db, LoadRequest{Report: sampleReport("甲局", 2021, 0, 4)})
	check("a second version re-checks")
	moved("a second version re-checks", before)

	// 2021 re-checks the stored 2022, which the same load retires with a
	// clean version (one more warning, so that the totals move).
	before = totals
	clean := sampleReport("甲局", 2022, 7, 0)
	clean.Findings = append(clean.Findings, gongkai.Finding{Rule: "R3", Severity: gongkai.SeverityWarning, At: "表四!N6", Message: "示例"})
	if res := load(t, db, LoadRequest{Report: sampleReport("甲局", 2021, 0, 7)}, LoadRequest{Report: clean}); res[1].Pending {
		t.Fatalf("the clean 2022 waits: %+v", res[1])
	}
	check("re-checked and retired at once")
	moved("re-checked and retired at once", before)

	// A clean version retires the one with errors.
	before = totals
	load(t, db, LoadRequest{Report: sampleReport("乙局", 2021, 0, 0)})
	check("re-upload")
	moved("re-upload", before)

	// A version with an error and a carried-out count 2022 does not carry
	// in waits; confirmed, it is current and re-checks 2022.
	broken := sampleReport("乙局", 2021, 0, 5)
	broken.Findings = append(broken.Findings, gongkai.Finding{Rule: "R1", Severity: gongkai.SeverityError, At: "表三!C33", Message: "合计不等于各项之和"})
	v := load(t, db, LoadRequest{Report: broken})[0]
	if !v.Pending {
		t.Fatalf("the version with an error is not pending: %+v", v)
	}
	before = totals
	check("pending")
	if totals != before {
		t.Errorf("a pending version changed the totals: %s, was %s", totals, before)
	}
	if _, err := db.Confirm(ctx, v.ReportID, "张三"); err != nil {
		t.Fatal(err)
	}
	check("confirmed")
	moved("confirmed", before)

	// An earlier year whose report states where the agency stands: the
	// agency moves (its current reports with it) and its 2021 is
	// re-checked, in one load.
	early := sampleReport("甲局", 2020, 0, 3)
	early.Province, early.City, early.Level = "测试省", "测试市", "县级部门"
	before = totals
	load(t, db, LoadRequest{Report: early})
	if n := count(t, db, `SELECT count(*) FROM store.agencies WHERE name = '甲局' AND province = '测试省'`); n != 1 {
		t.Fatalf("甲局 did not move with its report's region")
	}
	check("moved and re-checked")
	moved("moved and re-checked", before)

	// An administrator's correction of a region.
	before = totals
	if err := db.SetAgencyRegion(ctx, 3, Region{Province: "测试省", City: "测试市", Level: "县级部门"}); err != nil {
		t.Fatal(err)
	}
	check("region corrected")
	moved("region corrected", before)

	// Reopened; then counts and a year repaired by hand in store.reports,
	// which Open finds and rebuilds the summary and the roll-ups from.
	db = editByHand(t, db, `SELECT 1`)
	check("reopened")
	before = totals
	db = editByHand(t, db, `UPDATE store.reports SET errors = errors + 2 WHERE is_current AND year = 2022;
		UPDATE store.reports SET year = 2019 WHERE is_current AND year = 2020`)
	byFinding = false
	check("edited by hand")
	moved("edited by hand", before)

	// A file from before 0040: the columns are added and filled by it.
	before = totals
	db = editByHand(t, db, `ALTER TABLE store.summary_rollup DROP COLUMN errors;
		ALTER TABLE store.summary_rollup DROP COLUMN warnings;
		DELETE FROM schema_migrations WHERE version = 40`)
	check("migrated")
	if totals != before {
		t.Errorf("the migration changed the totals: %s, was %s", totals, before)
	}
}

// findingKeys is each row's report, year, severity and findings_total, in
// order.
func findingKeys(t *Table) string {
	var b strings.Builder
	col := map[string]int{}
	for i, c := range t.Columns {
		col[c] = i
	}
	for _, r := range t.Rows {
		fmt.Fprintln(&b, r[col["report_id"]], r[col["year"]], r[col["severity"]], r[col["findings_total"]])
	}
	return b.String()
}
