package warehouse

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"gongkai"
)

// withError is sampleReport with one error finding.
func withError(agency string, year int) *gongkai.Report {
	r := sampleReport(agency, year, 0, 0)
	r.Findings = append(r.Findings, gongkai.Finding{Rule: "R1", Severity: gongkai.SeverityError, At: "表三!C33", Message: "合计不等于各项之和"})
	return r
}

// withoutTable3 is sampleReport without any figure of table 三.
func withoutTable3(agency string, year int) *gongkai.Report {
	r := sampleReport(agency, year, 0, 0)
	var kept []gongkai.Value
	for _, v := range r.Values {
		if !strings.HasPrefix(v.Measure, "apps.") {
			kept = append(kept, v)
		}
	}
	r.Values = kept
	return r
}

// currentOf is the report id and version current for agency and year.
func currentOf(t *testing.T, db *DB, agency string, year int) (id int64, version int) {
	t.Helper()
	if err := db.db.QueryRow("SELECT report_id, version FROM reports WHERE agency = ? AND year = ? AND is_current", agency, year).Scan(&id, &version); err != nil {
		t.Fatalf("current version of %s %d: %v", agency, year, err)
	}
	return id, version
}

// TestPendingVersions walks a report's year through the confirmation rule
// on a real warehouse file: a broken new version waits while the complete
// one stays current (in the views the dashboards read), confirming swaps
// them, and the state survives reopening.
func TestPendingVersions(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "w.duckdb")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { db.Close() }()

	// A first report with errors has nothing to replace: it is current.
	first := load(t, db, LoadRequest{Report: withError("甲局", 2021)})[0]
	if first.Pending {
		t.Errorf("a first report waits: %+v", first)
	}
	v1 := load(t, db, LoadRequest{Report: sampleReport("乙局", 2021, 0, 0)})[0]

	// An error finding: stored, pending, v1 stays current everywhere.
	v2 := load(t, db, LoadRequest{Report: withError("乙局", 2021), By: "张三"})[0]
	if !v2.Pending || v2.Version != 2 || !strings.Contains(v2.PendingReason, "1 个错误") {
		t.Fatalf("a version with an error: %+v, want pending version 2 saying why", v2)
	}
	if id, _ := currentOf(t, db, "乙局", 2021); id != v1.ReportID {
		t.Errorf("current is %d after a pending upload, want v1 %d", id, v1.ReportID)
	}
	if n := count(t, db, "SELECT count(DISTINCT report_id) FROM report_values WHERE agency = '乙局'"); n != 1 {
		t.Errorf("report_values shows %d versions of 乙局", n)
	}
	if n := count(t, db, "SELECT count(*) FROM report_summary WHERE agency = '乙局' AND report_id = ?", v1.ReportID); n != 1 {
		t.Errorf("report_summary does not show v1")
	}

	// A version without table 三: pending too, with its own reason.
	v3 := load(t, db, LoadRequest{Report: withoutTable3("乙局", 2021)})[0]
	if !v3.Pending || v3.Version != 3 || !strings.Contains(v3.PendingReason, "表三") || strings.Contains(v3.PendingReason, "错误") {
		t.Fatalf("a version without 表三: %+v, want pending version 3 naming 表三", v3)
	}
	sr, err := db.Report(ctx, v3.ReportID)
	if err != nil || !sr.Info.Pending || sr.Info.Current || len(sr.Versions) != 3 || !sr.Versions[0].Pending || sr.Versions[2].Pending {
		t.Fatalf("Report(v3): %+v %v", sr.Info, err)
	}

	// Reopened: the next version number counts the pending ones.
	db.Close()
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, "SELECT count(*) FROM pending_reports WHERE agency = '乙局'"); n != 2 {
		t.Errorf("%d pending versions after reopening, want 2", n)
	}

	// Confirming v2 makes it current; v3 is superseded; v1 is history.
	if _, err := db.Confirm(ctx, v2.ReportID, "张三"); err != nil {
		t.Fatal(err)
	}
	if id, ver := currentOf(t, db, "乙局", 2021); id != v2.ReportID || ver != 2 {
		t.Errorf("current after confirming v2: %d (v%d)", id, ver)
	}
	if n := count(t, db, "SELECT count(*) FROM report_summary WHERE agency = '乙局' AND report_id = ?", v2.ReportID); n != 1 {
		t.Errorf("report_summary does not show v2 after confirming it")
	}
	if n := count(t, db, "SELECT count(*) FROM report_summary WHERE agency = '乙局' AND year = 2021"); n != 1 {
		t.Errorf("report_summary shows %d rows of 乙局 2021 after confirming", n)
	}
	if n := count(t, db, "SELECT count(*) FROM pending_reports"); n != 0 {
		t.Errorf("%d versions still pending after a confirmation", n)
	}
	for _, tt := range []struct {
		id   int64
		code string
	}{{v2.ReportID, gongkai.CodeConflict}, {v3.ReportID, gongkai.CodeConflict}, {v1.ReportID, gongkai.CodeConflict}, {99999, gongkai.CodeNotFound}} {
		if _, err := db.Confirm(ctx, tt.id, "张三"); gongkai.ErrorCode(err) != tt.code {
			t.Errorf("Confirm(%d): %v, want %s", tt.id, err, tt.code)
		}
	}

	// --confirm skips the wait; a clean version replaces at once.
	v4 := load(t, db, LoadRequest{Report: withoutTable3("乙局", 2021), Confirm: true})[0]
	if v4.Pending || v4.Version != 4 {
		t.Errorf("a confirmed load: %+v", v4)
	}
	if id, _ := currentOf(t, db, "乙局", 2021); id != v4.ReportID {
		t.Errorf("current after a confirmed load: %d, want %d", id, v4.ReportID)
	}
	v5 := load(t, db, LoadRequest{Report: withError("乙局", 2021)})[0]
	r6 := sampleReport("乙局", 2021, 0, 0)
	r6.Sections[0].Text += "修订。"
	v6 := load(t, db, LoadRequest{Report: r6})[0]
	if !v5.Pending || v6.Pending {
		t.Errorf("v5 %+v, v6 %+v: want v5 pending and v6 current (it has no table fewer than v4)", v5, v6)
	}
	if n := count(t, db, "SELECT count(*) FROM pending_reports"); n != 0 {
		t.Errorf("v5 still pending after v6 became current")
	}
	if _, err := db.Confirm(ctx, v5.ReportID, "张三"); gongkai.ErrorCode(err) != gongkai.CodeConflict {
		t.Errorf("confirming a superseded version: %v", err)
	}
	if n := count(t, db, "SELECT count(*) FROM reports WHERE agency = '乙局' AND is_current"); n != 1 {
		t.Errorf("%d current versions of 乙局 2021", n)
	}
}

// TestPendingInOneGroup loads a complete report and two new versions of it
// in one call: the broken one waits, the clean one after it replaces the
// first and ends the wait.
func TestPendingInOneGroup(t *testing.T) {
	db := openTest(t)
	v1 := load(t, db, LoadRequest{Report: sampleReport("甲局", 2021, 0, 0)})[0]
	r3 := sampleReport("甲局", 2021, 0, 0)
	r3.Sections[0].Text += "修订。"
	res := load(t, db, LoadRequest{Report: withError("甲局", 2021)}, LoadRequest{Report: r3})
	if !res[0].Pending || res[1].Pending || res[0].Version != 2 || res[1].Version != 3 {
		t.Errorf("results %+v, want v2 pending and v3 current", res)
	}
	if id, _ := currentOf(t, db, "甲局", 2021); id != res[1].ReportID || id == v1.ReportID {
		t.Errorf("current %d, want v3 %d", id, res[1].ReportID)
	}
	if n := count(t, db, "SELECT count(*) FROM pending_reports"); n != 0 {
		t.Errorf("%d pending after a clean version in the same group", n)
	}
}

// TestConfirmRechecksNextYear checks that a confirmed version is what the
// next year's carried-over figures are compared with (rule R4).
func TestConfirmRechecksNextYear(t *testing.T) {
	db := openTest(t)
	load(t, db, LoadRequest{Report: sampleReport("甲局", 2021, 0, 4)})
	load(t, db, LoadRequest{Report: sampleReport("甲局", 2022, 4, 0)})
	r4 := func() int {
		return count(t, db, "SELECT count(*) FROM findings WHERE agency = '甲局' AND year = 2022 AND rule = 'R4'")
	}
	if n := r4(); n != 0 {
		t.Fatalf("2022 has %d R4 findings before the new 2021 version", n)
	}
	r := withError("甲局", 2021)
	r.Values = sampleReport("甲局", 2021, 0, 9).Values // carried out 9, not 4
	v := load(t, db, LoadRequest{Report: r})[0]
	if !v.Pending || r4() != 0 {
		t.Fatalf("pending 2021 version: %+v, R4 findings on 2022: %d; want pending and none yet", v, r4())
	}
	if _, err := db.Confirm(context.Background(), v.ReportID, "张三"); err != nil {
		t.Fatal(err)
	}
	if r4() == 0 {
		t.Error("after confirming, 2022 is not re-checked against the new 2021 figures")
	}
}
