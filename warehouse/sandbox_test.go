package warehouse

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gongkai"
)

func TestSandboxRefuses(t *testing.T) {
	db := openTest(t)
	load(t, db, LoadRequest{Report: sampleReport("甲局", 2021, 0, 0), Source: []byte("x")})
	outside := filepath.Join(t.TempDir(), "out.csv")
	tests := []struct {
		name, sql, want string
	}{
		{"read_csv", "SELECT * FROM read_csv('/etc/passwd')", "不允许访问"},
		{"read_text", "SELECT * FROM read_text('/etc/passwd')", "不允许访问"},
		{"read_blob in a subquery", "SELECT (SELECT count(*) FROM read_blob('/etc/hostname')) AS n", "不允许访问"},
		{"copy to", "COPY (SELECT * FROM reports) TO '" + outside + "'", "只允许只读的查询语句"},
		{"attach", "ATTACH '" + outside + ".duckdb' AS other", "只允许只读的查询语句"},
		{"install", "INSTALL httpfs", "只允许只读的查询语句"},
		{"load", "LOAD httpfs", "只允许只读的查询语句"},
		{"set", "SET threads = 64", "只允许只读的查询语句"},
		{"pragma", "PRAGMA database_list", "只允许只读的查询语句"},
		{"insert", "INSERT INTO store.sources VALUES ('a', 1, 0, 1)", "只允许只读的查询语句"},
		{"update", "UPDATE store.reports SET errors = 0", "只允许只读的查询语句"},
		{"delete", "DELETE FROM store.reports", "只允许只读的查询语句"},
		{"create", "CREATE TABLE t (x INTEGER)", "只允许只读的查询语句"},
		{"drop", "DROP VIEW reports", "只允许只读的查询语句"},
		{"two statements", "SELECT 1; SELECT 2", "一次只能执行一条语句"},
		{"select then drop", "SELECT 1; DROP VIEW reports", "只允许只读的查询语句"},
		{"write through query()", "SELECT * FROM query('DELETE FROM store.reports RETURNING *')", "SQL"},
		{"syntax", "SELEC 1", "语法错误"},
		{"empty", "  ", "请输入"},
		{"unknown table", "SELECT * FROM nowhere", "nowhere"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := db.SQL(context.Background(), tt.sql)
			if err == nil {
				t.Fatalf("%s: ran, want refused", tt.sql)
			}
			if code := gongkai.ErrorCode(err); code != gongkai.CodeInvalid {
				t.Errorf("%s: code %s, want %s", tt.sql, code, gongkai.CodeInvalid)
			}
			t.Log(gongkai.ErrorMessage(err))
			if msg := gongkai.ErrorMessage(err); !strings.Contains(msg, tt.want) {
				t.Errorf("%s: message %q, want it to say %q", tt.sql, msg, tt.want)
			}
		})
	}
	if _, err := os.Stat(outside); err == nil {
		t.Error("COPY wrote a file outside the warehouse")
	}
	if n := count(t, db, "SELECT count(*) FROM store.reports"); n != 1 {
		t.Errorf("the sandbox changed data: %d reports, want 1", n)
	}
	if n := count(t, db, "SELECT count(*) FROM duckdb_views() WHERE view_name = 'reports'"); n != 1 {
		t.Error("the sandbox dropped a view")
	}
}

func TestSandboxRuns(t *testing.T) {
	db := openTest(t)
	load(t, db, LoadRequest{Report: sampleReport("甲局", 2021, 0, 0)})
	tb, err := db.SQL(context.Background(), "SELECT agency, year, apps_total FROM report_summary")
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.Rows) != 1 || tb.Rows[0][0] != "甲局" || tb.Truncated || strings.Join(tb.Columns, ",") != "agency,year,apps_total" {
		t.Errorf("got %+v", tb)
	}
	for _, q := range []string{"WITH x AS (SELECT 1 AS a) SELECT a FROM x", "FROM measures LIMIT 1", "DESCRIBE reports"} {
		if _, err := db.SQL(context.Background(), q); err != nil {
			t.Errorf("%s: %v", q, err)
		}
	}
}

// TestSandboxMacros checks that analysts can call the selection macros of
// migration 0003 from the sandbox, that they agree with the views they speed
// up, and that the sandbox lets nobody replace or drop them.
func TestSandboxMacros(t *testing.T) {
	db := openTest(t)
	load(t, db,
		LoadRequest{Report: sampleReport("甲局", 2021, 0, 0)},
		LoadRequest{Report: sampleReport("乙局", 2022, 0, 0)})
	ctx := context.Background()
	pairs := []struct{ name, macro, view string }{
		{"figures",
			"SELECT agency, year, measure, applicant, value FROM current_figures('apps.%', NULL, 2021, 2021, NULL, NULL, NULL, '甲') ORDER BY ALL",
			"SELECT agency, year, measure, applicant, value FROM report_values WHERE measure LIKE 'apps.%' AND year = 2021 AND contains(agency, '甲') ORDER BY ALL"},
		{"reports",
			"SELECT report_id, agency, year FROM current_reports(NULL, 2022, NULL, NULL, NULL, NULL) ORDER BY ALL",
			"SELECT report_id, agency, year FROM reports WHERE is_current ORDER BY ALL"},
		{"agencies",
			"SELECT agency_id, agency FROM selected_agencies(NULL, NULL, NULL, '乙') ORDER BY ALL",
			"SELECT agency_id, name FROM agencies WHERE contains(name, '乙') ORDER BY ALL"},
	}
	for _, p := range pairs {
		got, err := db.SQL(ctx, p.macro)
		if err != nil {
			t.Fatalf("%s: %v", p.name, err)
		}
		want, err := db.SQL(ctx, p.view)
		if err != nil {
			t.Fatalf("%s: %v", p.name, err)
		}
		if len(got.Rows) == 0 || fmt.Sprint(got.Rows) != fmt.Sprint(want.Rows) {
			t.Errorf("%s: macro gives %v, view %v", p.name, got.Rows, want.Rows)
		}
	}
	for _, q := range []string{
		"DROP MACRO TABLE current_reports",
		"CREATE OR REPLACE MACRO current_reports(a, b, c, d, e, f) AS TABLE SELECT 1",
	} {
		if _, err := db.SQL(ctx, q); err == nil {
			t.Errorf("%s: ran, want refused", q)
		}
	}
	if _, err := db.SQL(ctx, "SELECT count(*) FROM current_reports(NULL, NULL, NULL, NULL, NULL, NULL)"); err != nil {
		t.Errorf("macro gone after refused statements: %v", err)
	}
}

func TestSandboxLimits(t *testing.T) {
	db, err := OpenWith(context.Background(), filepath.Join(t.TempDir(), "w.duckdb"),
		Options{SandboxTimeout: 300 * time.Millisecond, SandboxRows: 100})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	tb, err := db.SQL(context.Background(), "SELECT * FROM range(1000)")
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.Rows) != 100 || !tb.Truncated {
		t.Errorf("row cap: %d rows, truncated %v; want 100 and true", len(tb.Rows), tb.Truncated)
	}
	tb, err = db.SQL(context.Background(), "SELECT * FROM range(100)")
	if err != nil || len(tb.Rows) != 100 || tb.Truncated {
		t.Errorf("exactly the cap: %d rows, truncated %v, %v", len(tb.Rows), tb.Truncated, err)
	}

	start := time.Now()
	_, err = db.SQL(context.Background(), "SELECT count(*) FROM range(1000000) a, range(1000000) b WHERE a.range + b.range = 7")
	took := time.Since(start)
	if gongkai.ErrorCode(err) != gongkai.CodeTimeout || !strings.Contains(gongkai.ErrorMessage(err), "已停止") {
		t.Fatalf("slow query: %v, want a timeout", err)
	}
	if took > 5*time.Second {
		t.Errorf("the slow query was stopped after %v; the timeout is 300ms", took)
	}
	// The warehouse is still usable after an interrupted query.
	if _, err := db.SQL(context.Background(), "SELECT 1"); err != nil {
		t.Errorf("after the timeout: %v", err)
	}
}
