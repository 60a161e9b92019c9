package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongkai/demo"
	"gongkai/warehouse"
)

// demoWarehouse returns the path of a warehouse file holding a small demo set.
func demoWarehouse(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "w.duckdb")
	db, err := warehouse.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := demo.Load(context.Background(), db, demoReports(t, 12)); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestQuery(t *testing.T) {
	db := demoWarehouse(t)
	out, errs, code := runCmd(t, "", "query", "--db", db, "SELECT count(*) AS n FROM reports")
	if code != 0 || out != "n\n12\n" {
		t.Errorf("csv: exit %d, %q %q", code, out, errs)
	}
	out, _, code = runCmd(t, "", "query", "--db", db, "--format", "json", "--max-rows", "2", "SELECT report_id FROM reports ORDER BY 1")
	var tb struct {
		Columns   []string `json:"columns"`
		Rows      [][]any  `json:"rows"`
		Truncated bool     `json:"truncated"`
	}
	if err := json.Unmarshal([]byte(out), &tb); err != nil || code != 0 || len(tb.Rows) != 2 || !tb.Truncated {
		t.Errorf("json: exit %d, %q, %v", code, out, err)
	}
	out, _, code = runCmd(t, "SELECT 42 AS answer", "query", "--db", db, "-")
	if code != 0 || out != "answer\n42\n" {
		t.Errorf("from stdin: exit %d, %q", code, out)
	}
	xlsx := filepath.Join(t.TempDir(), "q.xlsx")
	if _, errs, code := runCmd(t, "", "query", "--db", db, "--format", "xlsx", "-o", xlsx, "FROM measures"); code != 0 {
		t.Errorf("xlsx: exit %d %s", code, errs)
	} else if b, _ := os.ReadFile(xlsx); !strings.HasPrefix(string(b), "PK") {
		t.Error("xlsx output is not a workbook")
	}
	_, errs, code = runCmd(t, "", "query", "--db", db, "DROP VIEW reports")
	if code != 1 || !strings.Contains(errs, "只允许只读的查询语句") {
		t.Errorf("refused statement: exit %d, %q", code, errs)
	}
	if _, _, code := runCmd(t, "", "query", "--db", db, "--format", "pdf", "SELECT 1"); code != 2 {
		t.Errorf("bad format: exit %d, want 2", code)
	}
	_, errs, code = runCmd(t, "", "query", "--db", db, "SELECT * FROM enable_logging(storage='file', storage_path='/x')")
	if code != 1 || !strings.Contains(errs, "不允许") {
		t.Errorf("enable_logging: exit %d, %q; want refused", code, errs)
	}
}

// TestQueryStdinLimit checks that `gongkai query -` reads the whole
// statement up to its limit, and refuses a longer one instead of running its
// first MiB.
func TestQueryStdinLimit(t *testing.T) {
	db := demoWarehouse(t)
	const tail = "\nWHERE false"
	long := "SELECT report_id FROM reports /*" + strings.Repeat("x", maxStdinSQL-len(tail)-40) + "*/"
	long += strings.Repeat(" ", maxStdinSQL-len(tail)-len(long)) + tail
	out, errs, code := runCmd(t, long, "query", "--db", db, "-")
	if len(long) != maxStdinSQL || code != 0 || out != "report_id\n" {
		t.Errorf("%d bytes ending in WHERE false: exit %d, %q %q; want no rows", len(long), code, snippetOf(out), errs)
	}
	_, errs, code = runCmd(t, long+" ", "query", "--db", db, "-")
	if code != 1 || !strings.Contains(errs, "超过 1 MiB 上限") {
		t.Errorf("one byte over the limit: exit %d, %q; want refused", code, errs)
	}
}

func snippetOf(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}

func TestExport(t *testing.T) {
	db := demoWarehouse(t)
	for _, tc := range []struct{ format, file string }{
		{"parquet", "report_values/year=2021"},
		{"csv", "report_summary.csv"},
		{"xlsx", "gongkai.xlsx"},
	} {
		dir := t.TempDir()
		out, errs, code := runCmd(t, "", "export", "--db", db, "--format", tc.format, "--out", dir)
		if code != 0 {
			t.Errorf("%s: exit %d %s %s", tc.format, code, out, errs)
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, tc.file)); err != nil {
			t.Errorf("%s: %v", tc.format, err)
		}
	}
	if _, _, code := runCmd(t, "", "export", "--db", db, "--out", t.TempDir()); code != 2 {
		t.Errorf("no --format: exit %d, want 2", code)
	}
}

// TestReadOnlyCommandsRefuseStale runs query and export on a warehouse whose
// reports were moved to another year by hand: read-only, they cannot rebuild
// the summary, so they must refuse with the remedy rather than print the
// totals of before the edit; after one read-write open they run.
func TestReadOnlyCommandsRefuseStale(t *testing.T) {
	db := demoWarehouse(t)
	raw, err := sql.Open("duckdb", db)
	if err != nil {
		t.Fatal(err)
	}
	_, err = raw.Exec(`UPDATE store.reports SET year = year - 1`)
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	for _, args := range [][]string{
		{"query", "--db", db, "SELECT year, count(*) FROM report_summary GROUP BY year"},
		{"export", "--db", db, "--format", "csv", "--out", out},
	} {
		stdout, errs, code := runCmd(t, "", args...)
		if code != 1 || !strings.Contains(errs, "读写方式打开一次") || stdout != "" {
			t.Errorf("%s on a warehouse edited by hand: exit %d, %q %q; want a refusal naming the remedy", args[0], code, stdout, errs)
		}
	}
	if _, errs, code := runCmd(t, "", "user", "list", "--db", db); code != 0 {
		t.Fatalf("user list: exit %d %s", code, errs)
	}
	if _, errs, code := runCmd(t, "", "query", "--db", db, "SELECT 1"); code != 0 {
		t.Errorf("query after a read-write open: exit %d %s", code, errs)
	}
}

// TestQueryTimeoutMessage: a statement stopped by --timeout exits 1 with the
// sandbox's message alone, not DuckDB's interruption after it (on the old
// code: "…已停止…: context deadline exceeded\nInvalid Input Error: …\nError:
// INTERRUPT Error: Interrupted!").
func TestQueryTimeoutMessage(t *testing.T) {
	db := demoWarehouse(t)
	_, errs, code := runCmd(t, "", "query", "--db", db, "--timeout", "300ms", "SELECT count(*) FROM range(1000000) a, range(1000000) b WHERE a.range + b.range = 7")
	if code != 1 || !strings.Contains(errs, "未完成，已停止") {
		t.Fatalf("exit %d, %q; want 1 and the sandbox's timeout", code, errs)
	}
	if strings.Contains(errs, "Error") || strings.Contains(errs, "deadline") || strings.Contains(errs, "\n") {
		t.Errorf("the timeout's message carries DuckDB's words: %q", errs)
	}
}
