package ingest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai"
	"gongkai/template"
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

// tweakWorkbook opens the workbook in buf with excelize, applies tweak and
// writes it back into buf.
func tweakWorkbook(buf *bytes.Buffer, tweak func(*excelize.File) error) error {
	x, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		return err
	}
	defer x.Close()
	if err := tweak(x); err != nil {
		return err
	}
	buf.Reset()
	return x.Write(buf)
}

// tweakMissingTable deletes 表四, as a workbook that leaves it out.
func tweakMissingTable(x *excelize.File) error { return x.DeleteSheet("表四") }

// tweakTitleNoYear makes a workbook without a cover sheet whose title names
// the agency but no year, and whose statistics period states the year.
func tweakTitleNoYear(x *excelize.File) error {
	if err := x.DeleteSheet(template.CoverSheet); err != nil {
		return err
	}
	if err := x.InsertRows("表二", 1, 2); err != nil {
		return err
	}
	if err := x.SetCellStr("表二", "A1", "某市测试局政府信息公开工作年度报告"); err != nil {
		return err
	}
	return x.SetCellStr("表二", "A2", "本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。")
}

// copyMode is how a copied 表三 differs from the original.
type copyMode int

const (
	copyHidden    copyMode = iota // the copy is hidden and holds other figures
	copyYears                     // both visible; the copy states last year and holds other figures
	copySame                      // both visible, the same figures, no year stated
	copyAmbiguous                 // both visible, other figures, no year stated
)

// tweakCopy copies 表三 to "表三 (2)" before it, as Excel's 移动或复制 does.
func tweakCopy(mode copyMode) func(*excelize.File) error {
	return func(x *excelize.File) error {
		const orig, cp = "表三", "表三 (2)"
		from, err := x.GetSheetIndex(orig)
		if err != nil {
			return err
		}
		to, err := x.NewSheet(cp)
		if err != nil {
			return err
		}
		if err := x.CopySheet(from, to); err != nil {
			return err
		}
		if err := x.MoveSheet(cp, orig); err != nil {
			return err
		}
		if mode != copySame {
			// Last year's figures: every figure typed in (not a formula) differs.
			rows, err := x.GetRows(cp)
			if err != nil {
				return err
			}
			for r, row := range rows {
				for c, v := range row {
					n, err := strconv.Atoi(v)
					ref := ColumnName(c) + strconv.Itoa(r+1)
					if f, _ := x.GetCellFormula(cp, ref); err != nil || f != "" {
						continue
					}
					if err := x.SetCellInt(cp, ref, int64(n+10)); err != nil {
						return err
					}
				}
			}
		}
		switch mode {
		case copyHidden:
			return x.SetSheetVisible(cp, false)
		case copyYears:
			for sheet, year := range map[string]int{cp: 2021, orig: 2022} {
				rows, err := x.GetRows(sheet)
				if err != nil {
					return err
				}
				text := fmt.Sprintf("统计期限自%d年1月1日起至%d年12月31日止", year, year)
				if err := x.SetCellStr(sheet, "A"+strconv.Itoa(len(rows)+2), text); err != nil {
					return err
				}
			}
		}
		return nil
	}
}

// tweakGeneralFormat shows 表二's figures through formats built on General
// and makes one figure a number that a date format would turn into a date.
func tweakGeneralFormat(x *excelize.File) error {
	for sheet, code := range map[string]string{"表二": `General"件"`, "表四": `[$-804]General`} {
		code := code
		style, err := x.NewStyle(&excelize.Style{CustomNumFmt: &code})
		if err != nil {
			return err
		}
		rows, err := x.GetRows(sheet)
		if err != nil {
			return err
		}
		for r, row := range rows {
			for c, v := range row {
				if _, err := strconv.Atoi(v); err != nil {
					continue
				}
				ref := ColumnName(c) + strconv.Itoa(r+1)
				if err := x.SetCellStyle(sheet, ref, ref, style); err != nil {
					return err
				}
			}
		}
	}
	for _, c := range template.Figures(gongkai.Format2021, template.Layout{}) {
		if c.Measure == "licensing.decisions" {
			return x.SetCellInt(c.Sheet, c.Ref, 45678)
		}
	}
	return fmt.Errorf("no licensing.decisions cell")
}

// TestWorkbookFacts pins what the golden workbooks of a workbook's own
// shapes must say, fact by fact: the missing table named, agency and year
// found without a cover, the copy of a table chosen for a reason that is
// stated, and a figure under a General-based format read as a number.
func TestWorkbookFacts(t *testing.T) {
	read := func(t *testing.T, name string, opts Options) *gongkai.Report {
		t.Helper()
		data, err := os.ReadFile(filepath.Join("testdata", "xlsx", name+".xlsx"))
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
	for _, tt := range goldenWorkbooks {
		t.Run(tt.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "xlsx", tt.name+".xlsx"))
			if err != nil {
				t.Fatal(err)
			}
			r, err := Parse(tt.name+".xlsx", data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			src := syntheticReport(tt.format, tt.year, tt.breakIt)
			want := map[valueKey]float64{}
			for _, v := range src.Values {
				if v.Number != nil {
					want[valueKey{v.Measure, v.Applicant}] = *v.Number
				}
			}
			if tt.name == "general-format" {
				want[valueKey{"licensing.decisions", gongkai.ApplicantTotal}] = 45678
			}
			f := gongkai.FormatByID(tt.format)
			res := checkExpected(r, &expectedFile{}, want, nil, nil, keysOf(absent[tt.name], f))
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
