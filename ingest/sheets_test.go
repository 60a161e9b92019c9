package ingest

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"gongkai"
	"gongkai/ingest/internal/fixture"
)

// tableFindings returns the findings of r other than the missing tables:
// the tests of one table's layout give a workbook of that table alone.
func tableFindings(r *gongkai.Report) []gongkai.Finding {
	var out []gongkai.Finding
	for _, f := range r.Findings {
		if f.Rule != "missing_table" {
			out = append(out, f)
		}
	}
	return out
}

// TestWorkbookFacts pins what the golden workbooks of a workbook's own
// shapes must say, fact by fact: the missing table named, agency and year
// found without a cover, the copy of a table chosen for a reason that is
// stated, and a figure under a General-based format read as a number.
func TestWorkbookFacts(t *testing.T) {
	read := func(t *testing.T, name string, opts Options) *gongkai.Report {
		t.Helper()
		data, err := os.ReadFile(fixture.WorkbookPath(name))
		if err != nil {
			t.Fatal(err)
		}
		r, err := Parse(name+".xlsx", data, opts)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	finding := func(r *gongkai.Report, rule string) gongkai.Finding {
		for _, f := range r.Findings {
			if f.Rule == rule {
				return f
			}
		}
		return gongkai.Finding{}
	}
	raw := func(r *gongkai.Report, measure string) (string, string) {
		v, _ := r.Lookup(measure, gongkai.ApplicantNatural)
		return v.Raw, v.At
	}

	t.Run("missing table", func(t *testing.T) {
		r := read(t, "missing-table", Options{})
		f := finding(r, "missing_table")
		if f.Severity != gongkai.SeverityError || f.At != "表四" || !strings.Contains(f.Message, "没有表四") {
			t.Errorf("finding %+v, want an error naming 表四", f)
		}
		if _, ok := r.Lookup("review.total", gongkai.ApplicantTotal); ok {
			t.Error("review.total read from a workbook without 表四")
		}
	})
	t.Run("title without year", func(t *testing.T) {
		r := read(t, "title-no-year", Options{})
		if r.Agency != "某市测试局" || r.Year != 2020 {
			t.Errorf("agency %q year %d, want 某市测试局 2020 (title and statistics period)", r.Agency, r.Year)
		}
		// The period is checked against the year given.
		r = read(t, "title-no-year", Options{Year: 2021})
		if f := finding(r, "period"); f.At != "表二!A2" {
			t.Errorf("period finding %+v, want a warning at 表二!A2", f)
		}
	})
	for _, tt := range []struct {
		name, why string
		opts      Options
		sheet     string // the sheet read
		shifted   bool   // the copy's figures (10 more) were read
	}{
		{"copy-hidden", "隐藏的工作表不读", Options{}, "表三", false},
		{"copy-years", "按工作表所述年度2022年选取", Options{}, "表三", false},
		{"copy-years", "按工作表所述年度2021年选取", Options{Year: 2021}, "表三 (2)", true},
		{"copy-same", "各份数字相同", Options{}, "表三", false},
	} {
		t.Run(tt.name+"/"+tt.sheet, func(t *testing.T) {
			r := read(t, tt.name, tt.opts)
			f := finding(r, "duplicate_table")
			if f.Severity != gongkai.SeverityWarning || !strings.Contains(f.Message, "读取“"+tt.sheet+"”") || !strings.Contains(f.Message, tt.why) {
				t.Errorf("finding %+v, want a warning that 表三 was read from %s because %s", f, tt.sheet, tt.why)
			}
			got, at := raw(r, "apps.carried_in")
			want, _ := raw(read(t, "official-2021", Options{}), "apps.carried_in")
			if tt.shifted {
				n, _ := strconv.Atoi(want)
				want = strconv.Itoa(n + 10)
			}
			if got != want || !strings.HasPrefix(at, tt.sheet+"!") {
				t.Errorf("apps.carried_in = %s at %s, want %s from %s", got, at, want, tt.sheet)
			}
		})
	}
	t.Run("copies nothing tells apart", func(t *testing.T) {
		r := read(t, "copy-ambiguous", Options{})
		if f := finding(r, "duplicate_table"); f.Severity != gongkai.SeverityError {
			t.Errorf("finding %+v, want an error", f)
		}
		for _, v := range r.Values {
			if strings.HasPrefix(v.At, "表三") {
				t.Errorf("%s read at %s from one of two copies that differ", v.Measure, v.At)
			}
		}
		if f := finding(r, "missing_table"); f.Rule != "" {
			t.Errorf("also %+v: the copies' finding says it", f)
		}
	})
	t.Run("General format", func(t *testing.T) {
		r := read(t, "general-format", Options{})
		if v, _ := r.Lookup("licensing.decisions", gongkai.ApplicantTotal); v.Number == nil || *v.Number != 45678 {
			t.Errorf("licensing.decisions = %+v, want 45678", v)
		}
	})
}

func TestWorkbookTitleAgency(t *testing.T) {
	for title, want := range map[string]string{
		"某市测试局政府信息公开工作年度报告":         "某市测试局",
		"《安顺市人民政府办公室政务公开工作年度报告》":    "安顺市人民政府办公室",
		"西秀区东关街道办事处信息公开工作年度报告。":     "西秀区东关街道办事处",
		"请各单位按时报送政府信息公开工作年度报告":      "",
		"政府信息公开工作年度报告":              "",
		"关于做好政府信息公开工作年度报告的通知":       "",
		"各部门应于1月31日前报送政府信息公开工作年度报告": "",
	} {
		g := coreGrid("封面", "xlsx", title)
		if got := workbookTitleAgency([]*Grid{g}); got != want {
			t.Errorf("%s: agency %q, want %q", title, got, want)
		}
	}
}

// TestXLSXExpected holds every golden workbook to the first rule with the
// harness of the web fixtures: each figure the synthetic report states is
// read right, or is blank with a finding that points at it — never wrong.
// The expected figures are the report the workbook was written from, never
// the golden file, so blessing a golden diff cannot hide a wrong figure.
func TestXLSXExpected(t *testing.T) {
	absent := map[string][]string{
		"title-no-year": {"narrative.proactive_items"}, // stated on the cover it has not
	}
	for _, tt := range fixture.Workbooks {
		t.Run(tt.Name, func(t *testing.T) {
			data, err := os.ReadFile(fixture.WorkbookPath(tt.Name))
			if err != nil {
				t.Fatal(err)
			}
			r, err := Parse(tt.Name+".xlsx", data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			src := tt.Source()
			want := map[valueKey]float64{}
			for _, v := range src.Values {
				if v.Number != nil {
					want[valueKey{v.Measure, v.Applicant}] = *v.Number
				}
			}
			if tt.Name == "general-format" {
				want[valueKey{"licensing.decisions", gongkai.ApplicantTotal}] = 45678
			}
			f := gongkai.FormatByID(tt.Format)
			res := checkExpected(r, &expectedFile{}, want, nil, nil, keysOf(absent[tt.Name], f))
			for _, p := range res.problems {
				t.Error(p)
			}
			if r.Agency != src.Agency || r.Year != src.Year || r.Format != src.Format {
				t.Errorf("agency, year, format = %q, %d, %q; want %q, %d, %q", r.Agency, r.Year, r.Format, src.Agency, src.Year, src.Format)
			}
			t.Logf("%d of %d figures right, %d blank with a finding", res.right, res.expected, res.blank)
		})
	}
}

// FuzzWorkbookSheets feeds two worksheets, either hidden, to Extract: the
// copies, missing-table and title readers never panic, and every value
// names where it stands, in a sheet that was read.
func FuzzWorkbookSheets(f *testing.F) {
	three := "自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计\n一、本年新收政府信息公开申请数量|1|0|0|0|0|0|1\n二、上年结转政府信息公开申请数量|0|0|0|0|0|0|0"
	f.Add(three, strings.ReplaceAll(three, "|1|", "|2|")+"\n统计期限自2020年1月1日起至2020年12月31日止", true, false)
	f.Add("某局政府信息公开工作年度报告\n"+three, three, false, false)
	f.Add(strings.Join(reviewRows, "\n"), strings.Join(reviewRows, "\n"), false, true)
	f.Fuzz(func(t *testing.T, a, b string, hideA, hideB bool) {
		ga, gb := coreGrid("表三 (2)", "xlsx", strings.Split(a, "\n")...), coreGrid("表三", "xlsx", strings.Split(b, "\n")...)
		ga.Hidden, gb.Hidden = hideA, hideB
		r, err := Extract(&Document{Kind: "xlsx", Name: "fuzz.xlsx", Grids: []*Grid{ga, nil, gb}}, Options{Agency: "测试局"})
		if err != nil {
			if gongkai.ErrorCode(err) != gongkai.CodeInvalid {
				t.Fatalf("error of code %s: %v", gongkai.ErrorCode(err), err)
			}
			return
		}
		for _, v := range r.Values {
			if v.At == "" || v.Measure == "" {
				t.Fatalf("value without place or measure: %+v", v)
			}
		}
	})
}
