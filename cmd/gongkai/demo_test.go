package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"gongkai/warehouse"
)

func TestDemoCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.duckdb")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"demo", "--db", db, "--agencies", "12"}, 0, "已载入演示数据：12 个机关"},
		{[]string{"demo", "--db", db, "--agencies", "12"}, 0, "已载入演示数据：12 个机关"}, // again: duplicates
		{[]string{"demo", "--db", db, "--agencies", "0"}, 2, "--agencies"},
		{[]string{"demo", "--db", db, "extra"}, 2, "用法"},
	}
	for _, tt := range tests {
		out, errs, code := runCmd(t, "", tt.args...)
		if code != tt.code || !strings.Contains(out+errs, tt.want) {
			t.Errorf("%q: exit %d, output %q; want exit %d with %q", tt.args, code, out+errs, tt.code, tt.want)
		}
	}
}

// TestDemoCountry checks that --country spreads even a small set over the
// country, while the default set stays in its two provinces.
func TestDemoCountry(t *testing.T) {
	for _, tt := range []struct {
		flags    []string
		min, max int64
	}{
		{nil, 2, 2},
		{[]string{"--country"}, 20, 31},
	} {
		db := filepath.Join(t.TempDir(), "demo.duckdb")
		args := append([]string{"demo", "--db", db, "--agencies", "200"}, tt.flags...)
		if out, errs, code := runCmd(t, "", args...); code != 0 {
			t.Fatalf("%q: exit %d: %s%s", args, code, out, errs)
		}
		wh, err := warehouse.OpenWith(context.Background(), db, warehouse.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		tb, err := wh.SQL(context.Background(), "SELECT count(DISTINCT province) FROM agencies")
		wh.Close()
		if err != nil {
			t.Fatal(err)
		}
		if n := tb.Rows[0][0].(int64); n < tt.min || n > tt.max {
			t.Errorf("%q: agencies in %d provinces, want %d–%d", args, n, tt.min, tt.max)
		}
	}
}
