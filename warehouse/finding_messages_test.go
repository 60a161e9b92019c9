package warehouse

import (
	"context"
	"fmt"
	"testing"

	"gongkai"
)

// withFindings is a report of agency for year with n warnings of distinct
// messages, whose expected and actual vary.
func withFindings(agency string, year, n int) *gongkai.Report {
	r := sampleReport(agency, year, 0, 0)
	for i := range n {
		e, a := float64(i), float64(i+1)
		r.Findings = append(r.Findings, gongkai.Finding{Rule: "R2", Severity: gongkai.SeverityWarning,
			At: fmt.Sprintf("表三!C%d", 10+i), RowLabel: "某行", Measure: "apps.new", Applicant: gongkai.ApplicantTotal,
			Message: fmt.Sprintf("%s %d年第%d项与合计不一致", agency, year, i), Expected: &e, Actual: &a})
	}
	return r
}

// TestFindingMessagesStoredUncompressed fills store.findings with 40,000
// distinct messages of one shape, as a large warehouse holds them,
// checkpoints, and asks DuckDB how it stored them: every segment of the
// message column must be uncompressed (0089). Without 0089 DuckDB picks
// FSST for such a column, and 报送与质量's scan of its page's findings
// decodes every vector it passes.
func TestFindingMessagesStoredUncompressed(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	load(t, db, LoadRequest{Report: withFindings("甲县教育局", 2021, 4)})
	q := `INSERT INTO store.findings SELECT f.* REPLACE (f.report_id + 1000 * r.i AS report_id,
		'某省某市第' || r.i || '县' || f.message AS message) FROM store.findings f, range(1, 10001) r(i)`
	if _, err := db.db.ExecContext(ctx, q); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	if _, err := db.db.ExecContext(ctx, "CHECKPOINT"); err != nil {
		t.Fatal(err)
	}
	rows, err := db.db.QueryContext(ctx, `SELECT compression, count(*) FROM pragma_storage_info('store.findings')
		WHERE column_name = 'message' AND segment_type = 'VARCHAR' GROUP BY compression ORDER BY compression`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var c string
		var n int
		if err := rows.Scan(&c, &n); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%s×%d", c, n))
		if c != "Uncompressed" {
			t.Errorf("store.findings.message: %d segments stored %s, want every one uncompressed", n, c)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 {
		t.Error("store.findings.message: no segments stored")
	}
	t.Logf("store.findings.message: %v", got)
}

// TestUpgradeKeepsFindings runs 0089 again on a warehouse holding findings
// of every kind of column but other_report_id (errors and warnings, places,
// labels, a figure's measure and applicant, expected and actual), as it
// runs on an existing file: store.findings must hold the
// same rows in the same stored order, column for column, the loader must
// append to it afterwards, and the findings view must read it.
func TestUpgradeKeepsFindings(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	load(t, db, LoadRequest{Report: withFindings("甲县教育局", 2021, 3)},
		LoadRequest{Report: withError("乙市卫生健康委员会", 2022)},
		LoadRequest{Report: withFindings("丙镇人民政府", 2022, 2)})
	stored := func(db *DB) string {
		rows, err := db.db.QueryContext(ctx, "SELECT * FROM store.findings ORDER BY rowid")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		tb, err := readTable(rows, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(tb.Rows) < 6 {
			t.Fatalf("store.findings holds %d rows, want 6 at least", len(tb.Rows))
		}
		return fmt.Sprint(tb.Columns, tb.Rows)
	}
	before := stored(db)
	db = editByHand(t, db, `DELETE FROM schema_migrations WHERE version = 89`)
	if n := count(t, db, `SELECT count(*) FROM schema_migrations WHERE version = 89`); n != 1 {
		t.Fatalf("0089 recorded %d times after the upgrade, want once", n)
	}
	if after := stored(db); after != before {
		t.Errorf("store.findings after 0089:\n got %s\nwant %s", after, before)
	}
	n := count(t, db, `SELECT count(*) FROM findings`)
	load(t, db, LoadRequest{Report: withFindings("丁县财政局", 2023, 2)})
	if m := count(t, db, `SELECT count(*) FROM findings`); m < n+2 {
		t.Errorf("the findings view reads %d findings after a load, %d before: the load's 2 are missing", m, n)
	}
}
