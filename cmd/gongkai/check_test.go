package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// checkText is a small report as page text: the cover line and table 三 as
// pipe rows, every row present (a row a page lacks is absent, and no sum is
// computed from it), with one broken sum.
const checkText = `测试市测试局2021年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
申请人情况
自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计
一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3
二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0
（一）予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2
（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 1 | 0 | 0 | 0 | 0 | 0 | 1
1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0
2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0
3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0
4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0
5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0
8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0
1.本机关不掌握相关政府信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0
3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0
1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0
4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0
（七）总计 | 2 | 0 | 0 | 0 | 0 | 0 | 2
四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0
`

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCheckUsageAndRejects(t *testing.T) {
	empty := writeTemp(t, "空.xlsx", "")
	csv := writeTemp(t, "伪装.xlsx", "a,b,c\n1,2,3\n")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no file", []string{"check"}, 2, "用法"},
		{"two files", []string{"check", "a", "b"}, 2, "用法"},
		{"bad flag", []string{"check", "--nope", "a"}, 2, "nope"},
		{"bad year", []string{"check", "--year", "12", "a"}, 2, "--year"},
		{"missing", []string{"check", filepath.Join(t.TempDir(), "无.xlsx")}, 1, "无法读取文件"},
		{"empty", []string{"check", empty}, 1, "文件为空"},
		{"csv renamed", []string{"check", "--json", csv}, 1, "不是 Excel 工作簿"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := runCmd(t, "", tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d with %q", code, errs, tt.code, tt.want)
			}
			if out != "" && code != 0 {
				t.Errorf("stdout %q on failure, want nothing", out)
			}
		})
	}
}

func TestCheckReport(t *testing.T) {
	path := writeTemp(t, "report.txt", checkText)
	out, errs, code := runCmd(t, "", "check", "--json", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Agency string `json:"agency"`
		Year   int    `json:"year"`
		Format string `json:"format"`
		Values []struct {
			Measure, Applicant, Raw, At string
			Value                       *float64
		} `json:"values"`
		Findings []struct {
			Rule, Severity, At, Message string
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if got.Agency != "测试市测试局" || got.Year != 2021 || got.Format != "2021" {
		t.Errorf("agency, year, format = %q, %d, %q", got.Agency, got.Year, got.Format)
	}
	if len(got.Values) == 0 {
		t.Fatal("no values")
	}
	var r1 []string
	for _, f := range got.Findings {
		if f.Rule == "R1" {
			r1 = append(r1, f.Message)
		}
	}
	if len(r1) != 2 || !strings.Contains(r1[0], "（七）总计 × 自然人：应为 3") {
		t.Errorf("R1 findings = %q, want (七)总计 × 自然人 and × 总计", r1)
	}

	out, _, code = runCmd(t, "", "check", "--agency", "另一局", path)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	golden := filepath.Join("testdata", "check.txt.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestCheckReport -update to write it)", err)
	}
	if out != string(want) {
		t.Errorf("text output differs from %s:\n got:\n%s\nwant:\n%s", golden, out, want)
	}
}
