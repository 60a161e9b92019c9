package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongkai"
	"gongkai/demo"
	"gongkai/region"
	"gongkai/template"
)

// writeWorkbooks writes the reports as filled official workbooks into dir
// and returns their paths.
func writeWorkbooks(t testing.TB, dir string, reports []*gongkai.Report) []string {
	t.Helper()
	var paths []string
	for i, r := range reports {
		var buf bytes.Buffer
		if err := template.WriteFilled(&buf, r); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, strings.ReplaceAll(r.Agency, "/", "_")+"-"+string(rune('a'+i%26))+".xlsx")
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// demoReports returns n demo reports, failing with the reason when the
// division data was not embedded.
func demoReports(t testing.TB, n int) []*gongkai.Report {
	t.Helper()
	set, err := demo.GenerateSet(1, n)
	if errors.Is(err, region.ErrNoData) {
		t.Fatalf("%v (the division data is an npm asset; `make test` copies it)", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Reports) < n {
		t.Fatalf("demo gave %d reports, want %d", len(set.Reports), n)
	}
	// Different agencies and years: every one a new report.
	return set.Reports[:n]
}

func TestIngest(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "w.duckdb")
	folder := filepath.Join(dir, "in")
	os.Mkdir(folder, 0o755)
	reports := demoReports(t, 5)
	paths := writeWorkbooks(t, folder, reports[:3])

	// Two more inside a .zip archive, beside a file that is no report.
	zipPath := filepath.Join(dir, "more.zip")
	zf, _ := os.Create(zipPath)
	zw := zip.NewWriter(zf)
	for i, r := range reports[3:] {
		var buf bytes.Buffer
		if err := template.WriteFilled(&buf, r); err != nil {
			t.Fatal(err)
		}
		w, _ := zw.Create(filepath.Join("sub", string(rune('x'+i))+".xlsx"))
		w.Write(buf.Bytes())
	}
	w, _ := zw.Create("readme.txt")
	w.Write([]byte("这不是年度报告"))
	zw.Close()
	zf.Close()

	out, errs, code := runCmd(t, "", "ingest", "--db", db, folder, zipPath)
	if code != 1 {
		t.Fatalf("exit %d, want 1 (readme.txt is rejected)\n%s%s", code, out, errs)
	}
	if n := strings.Count(out, "已载入\t"); n != 5 {
		t.Errorf("%d files loaded, want 5:\n%s", n, out)
	}
	if !strings.Contains(out, "未载入\t"+zipPath+"/readme.txt") || !strings.Contains(out, "共 6 个文件：载入 5，已载入过 0，未载入 1") {
		t.Errorf("rejected line or summary missing:\n%s", out)
	}

	// The same files again: already loaded, exit 0.
	out, errs, code = runCmd(t, "", "ingest", "--db", db, "--json", paths[0], paths[1])
	if code != 0 {
		t.Fatalf("again: exit %d\n%s%s", code, out, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("--json printed %d lines, want one per file:\n%s", len(lines), out)
	}
	for _, l := range lines {
		var o struct {
			File     string `json:"file"`
			Status   string `json:"status"`
			ReportID int64  `json:"report_id"`
		}
		if err := json.Unmarshal([]byte(l), &o); err != nil || o.Status != "duplicate" || o.ReportID == 0 {
			t.Errorf("line %q: %+v %v, want a duplicate with its report id", l, o, err)
		}
	}
	if !strings.Contains(errs, "已载入过 2") {
		t.Errorf("summary on stderr with --json: %q", errs)
	}
}

func TestIngestUsage(t *testing.T) {
	for _, args := range [][]string{{"ingest"}, {"ingest", "--year", "12", "x.xlsx"}, {"ingest", "--nope"}} {
		if _, _, code := runCmd(t, "", args...); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
	_, _, code := runCmd(t, "", "ingest", "--db", filepath.Join(t.TempDir(), "w.duckdb"), "/no/such/file.xlsx")
	if code != 1 {
		t.Errorf("missing file: exit %d, want 1", code)
	}
}

// TestIngestListsEveryFile pins that a batch accounts for every file it
// holds: a folder of six with two reports says six, and names each file it
// did not load with the reason, including files of kinds ingest does not
// read and hidden files; a .zip lists its entries the same way.
func TestIngestListsEveryFile(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "in")
	os.Mkdir(folder, 0o755)
	reports := demoReports(t, 3)
	writeWorkbooks(t, folder, reports[:2])
	others := map[string][]byte{
		"扫描件.jpg":   {0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0},
		"统计表.csv":   []byte("指标,数值\n申请数,3\n"),
		".DS_Store": {0, 0, 0, 1, 'B', 'u', 'd', '1'},
		"~$报告.xlsx": []byte("lock"),
	}
	for name, data := range others {
		if err := os.WriteFile(filepath.Join(folder, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	zipPath := filepath.Join(dir, "batch.zip")
	zf, _ := os.Create(zipPath)
	zw := zip.NewWriter(zf)
	var buf bytes.Buffer
	if err := template.WriteFilled(&buf, reports[2]); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"a/report.xlsx":            buf.Bytes(),
		"__MACOSX/a/._report.xlsx": {0, 5, 0x16, 7},
		"a/说明.png":                 {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0, 8, 6, 0, 0},
	} {
		w, _ := zw.Create(name)
		w.Write(data)
	}
	zw.Close()
	zf.Close()

	out, errs, code := runCmd(t, "", "ingest", "--db", filepath.Join(dir, "w.duckdb"), folder, zipPath)
	if code != 1 {
		t.Fatalf("exit %d, want 1 (files of kinds ingest does not read)\n%s%s", code, out, errs)
	}
	if !strings.Contains(out, "共 9 个文件：载入 3，已载入过 0，未载入 6（其中隐藏或系统文件 3）") {
		t.Errorf("summary does not count every file:\n%s", out)
	}
	for name, reason := range map[string]string{
		filepath.Join(folder, "扫描件.jpg"):      "不是可识别的文件",
		filepath.Join(folder, "统计表.csv"):      "未找到表二",
		filepath.Join(folder, ".DS_Store"):    "隐藏文件或系统文件",
		filepath.Join(folder, "~$报告.xlsx"):    "临时锁定文件",
		zipPath + "/__MACOSX/a/._report.xlsx": "macOS",
		zipPath + "/a/说明.png":                 "不是可识别的文件",
	} {
		line := ""
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, "未载入\t"+name+"\t") {
				line = l
			}
		}
		if !strings.Contains(line, reason) {
			t.Errorf("%s: line %q, want 未载入 with a reason naming %q\n%s", name, line, reason, out)
		}
	}
}

// TestIngestKinds loads a folder of reports in every kind ingest reads by
// content, made by LibreOffice and Chromium (ingest/testdata/media), under
// the names offices give them; a scan and a Word 97 file are refused, each
// with its reason.
func TestIngestKinds(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "in")
	os.Mkdir(folder, 0o755)
	files := map[string]string{
		"shape6-rowspan-writer.pdf": "生态环境局.pdf",
		"gbk-meta.docx":             "交通运输局.docx",
		"violations.xls":            "测试局.et",
		"scan.pdf":                  "扫描.pdf",
		"shape6-rowspan.doc":        "旧版.doc",
	}
	for src, name := range files {
		data, err := os.ReadFile(filepath.Join("..", "..", "ingest", "testdata", "media", src))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(folder, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errs, code := runCmd(t, "", "ingest", "--db", filepath.Join(dir, "w.duckdb"), folder)
	if code != 1 {
		t.Fatalf("exit %d, want 1 (the scan and the .doc are refused)\n%s%s", code, out, errs)
	}
	for name, want := range map[string]string{
		"生态环境局.pdf":  "已载入\t",
		"交通运输局.docx": "已载入\t",
		"测试局.et":     "已载入\t",
		"扫描.pdf":     "扫描件",
		"旧版.doc":     "旧版 Word",
	} {
		ok := false
		for _, l := range strings.Split(out, "\n") {
			if strings.Contains(l, filepath.Join(folder, name)) && strings.Contains(l, want) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%s: no line with %q:\n%s", name, want, out)
		}
	}
}

// TestIngestElsewhere: a file already loaded as one agency's report, given
// again with --agency naming another (or --year another year), was not
// loaded for that agency-year (LoadResult.Elsewhere; the server answers
// 409): the CLI says so — 未载入, the report it stands as, exit 1 — and
// --json marks it elsewhere; the same agency-year's repeat stays 已载入过,
// exit 0. On the old code it printed 已载入过 and exited 0, as if the named
// agency-year had the report.
func TestIngestElsewhere(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "w.duckdb")
	r := demoReports(t, 1)[0]
	path := writeWorkbooks(t, dir, []*gongkai.Report{r})[0]
	if out, errs, code := runCmd(t, "", "ingest", "--db", db, path); code != 0 {
		t.Fatalf("first load: exit %d\n%s%s", code, out, errs)
	}
	if out, errs, code := runCmd(t, "", "ingest", "--db", db, path); code != 0 || !strings.Contains(out, "已载入过\t") {
		t.Fatalf("the same agency-year again: exit %d, want 0 and 已载入过\n%s%s", code, out, errs)
	}
	for _, args := range [][]string{{"--agency", "某某县另一个局"}, {"--year", "2015"}} {
		out, errs, code := runCmd(t, "", append(append([]string{"ingest", "--db", db}, args...), path)...)
		if code != 1 || strings.Contains(out, "已载入过\t") || !strings.Contains(out, "未载入\t"+path+"\t此文件已作为另一机关或年度的报告载入（报告#") ||
			!strings.Contains(out, "载入 0，已载入过 0，未载入 1") {
			t.Errorf("%v: exit %d, want 1 with 未载入 saying where the file stands\n%s%s", args, code, out, errs)
		}
		out, _, _ = runCmd(t, "", append(append([]string{"ingest", "--db", db, "--json"}, args...), path)...)
		var o struct {
			Status    string `json:"status"`
			Elsewhere bool   `json:"elsewhere"`
			ReportID  int64  `json:"report_id"`
		}
		if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &o); err != nil || o.Status != "rejected" || !o.Elsewhere || o.ReportID == 0 {
			t.Errorf("%v --json: %+v %v, want rejected, elsewhere, with the report id\n%s", args, o, err, out)
		}
	}
}
