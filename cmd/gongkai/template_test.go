package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongkai/ingest/xlsx"
)

func TestTemplateCommand(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args []string
		code int
		want string // in the output
		file string // written, and read back with these sheets
	}{
		{[]string{"template", "-o", filepath.Join(dir, "a.xlsx")}, 0, "2021年版", "a.xlsx"},
		{[]string{"template", "--format", "2019", "-o", filepath.Join(dir, "b.xlsx")}, 0, "2019年版", "b.xlsx"},
		{[]string{"template", "--format", "2020", "-o", filepath.Join(dir, "c.xlsx")}, 2, "未知的格式", ""},
		{[]string{"template", "--format", "pre2019", "-o", filepath.Join(dir, "c.xlsx")}, 2, "未知的格式", ""},
		{[]string{"template"}, 2, "用法", ""},
		{[]string{"template", "--bogus"}, 2, "bogus", ""},
		{[]string{"template", "-o", filepath.Join(dir, "no-such-dir", "d.xlsx")}, 1, "写入", ""},
	}
	for _, tt := range tests {
		out, errs, code := runCmd(t, "", tt.args...)
		if code != tt.code || !strings.Contains(out+errs, tt.want) {
			t.Errorf("run %q: exit %d, output %q; want exit %d with %q", tt.args, code, out+errs, tt.code, tt.want)
		}
		if tt.file == "" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, tt.file))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := xlsx.Read(data)
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		var names []string
		for _, g := range doc.Grids {
			names = append(names, g.Name)
		}
		if strings.Join(names, ",") != "封面,表二,表三,表四" {
			t.Errorf("%s has sheets %v", tt.file, names)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "c.xlsx")); !os.IsNotExist(err) {
		t.Errorf("a failed run left c.xlsx behind (%v)", err)
	}
}
