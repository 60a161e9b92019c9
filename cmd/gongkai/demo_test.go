package main

import (
	"path/filepath"
	"strings"
	"testing"
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
