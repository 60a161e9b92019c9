package template

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai"
	"gongkai/ingest"
	"gongkai/ingest/doc"
)

// fillTemplate writes the blank template of format, opens it as a user
// would and types a distinct value into every input cell the layout offers
// (the figures and the cover fields), leaving the total formulas alone. It
// returns the workbook and the value typed into each input cell by location.
func fillTemplate(t testing.TB, format string) ([]byte, map[string]float64) {
	t.Helper()
	var blank bytes.Buffer
	if err := WriteTemplate(&blank, format); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&blank)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	typed := map[string]float64{}
	l := layoutWorkbook(gongkai.FormatByID(format), Layout{})
	for i, c := range l.cells {
		if c.cover != nil && c.cover.Key != "" {
			v := map[string]string{"agency": "某市测试局", "year": "2022", "province": "某省", "city": "某市",
				"county": "", "level": "市级部门"}[c.cover.Key]
			if c.cover.Key == "year" {
				err = x.SetCellInt(c.sheet, c.ref(), 2022)
			} else {
				err = x.SetCellStr(c.sheet, c.ref(), v)
			}
		} else if c.measure != "" && c.formula == "" {
			v := float64(i + 1)
			switch c.kind {
			case "signed":
				v = -v
			case "money":
				v += 0.25
			}
			typed[c.sheet+"!"+c.ref()] = v
			err = x.SetCellFloat(c.sheet, c.ref(), v, -1, 64)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	var filled bytes.Buffer
	if err := x.Write(&filled); err != nil {
		t.Fatal(err)
	}
	return filled.Bytes(), typed
}

// TestTemplateRoundTrip fills every input cell of each template and reads the
// workbook back through Parse: every figure must come back from its cell, and
// the total formulas (computed by the reader, since no spreadsheet program
// has recalculated the workbook) must satisfy the format's sum rules.
func TestTemplateRoundTrip(t *testing.T) {
	for _, format := range []string{gongkai.Format2021, gongkai.Format2019} {
		t.Run(format, func(t *testing.T) {
			data, typed := fillTemplate(t, format)
			r, err := ingest.Parse("filled.xlsx", data, ingest.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if r.Agency != "某市测试局" || r.Year != 2022 || r.Format != format || r.Province != "某省" || r.Level != "市级部门" {
				t.Errorf("metadata: agency %q year %d format %q province %q level %q", r.Agency, r.Year, r.Format, r.Province, r.Level)
			}
			byAt := map[string]gongkai.Value{}
			for _, v := range r.Values {
				byAt[v.At] = v
			}
			l := layoutWorkbook(gongkai.FormatByID(format), Layout{})
			for _, c := range l.cells {
				if c.measure == "" {
					continue
				}
				at := c.sheet + "!" + c.ref()
				v, ok := byAt[at]
				switch {
				case !ok:
					t.Errorf("%s (%s %s): not read", at, c.measure, c.applicant)
				case v.Measure != c.measure || v.Applicant != c.applicant:
					t.Errorf("%s: read as %s %s, want %s %s", at, v.Measure, v.Applicant, c.measure, c.applicant)
				case v.Number == nil:
					t.Errorf("%s (%s %s): no number, raw %q", at, c.measure, c.applicant, v.Raw)
				case c.formula == "" && *v.Number != typed[at]:
					t.Errorf("%s (%s %s) = %v, want %v", at, c.measure, c.applicant, *v.Number, typed[at])
				}
			}
			warned := false
			for _, f := range r.Findings {
				switch {
				case f.Rule == "stated_balance": // the typed values do not balance, by design
				case f.Rule == ingest.RuleFormatYear && format == gongkai.Format2019 && !warned:
					warned = true // the 2019 form filled for 2022
				default:
					t.Errorf("finding %s at %s: %s", f.Rule, f.At, f.Message)
				}
			}
			if format == gongkai.Format2019 && !warned {
				t.Errorf("no %s warning for the 2019 form filled for %d", ingest.RuleFormatYear, r.Year)
			}
		})
	}
}

func TestWriteTemplateUnknownFormat(t *testing.T) {
	for _, format := range []string{"", "2020", gongkai.FormatPre2019} {
		err := WriteTemplate(&bytes.Buffer{}, format)
		var ge *gongkai.Error
		if !errors.As(err, &ge) || ge.Code != gongkai.CodeInvalid || !strings.Contains(ge.Message, "格式") {
			t.Errorf("WriteTemplate(%q) = %v, want a CodeInvalid error naming the format", format, err)
		}
	}
}

// TestTemplateLayout checks what a person sees in the official layout: the
// merged group headers and row groups, the formulas, the validations and
// the print setup.
func TestTemplateLayout(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, gongkai.Format2021); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := x.GetSheetList(); strings.Join(got, ",") != "封面,表二,表三,表四" {
		t.Fatalf("sheets %v", got)
	}
	merged := func(sheet string) map[string]string {
		ms, err := x.GetMergeCells(sheet)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for _, mc := range ms {
			m[mc.GetCellValue()] = mc.GetStartAxis() + ":" + mc.GetEndAxis()
		}
		return m
	}
	m3 := merged("表三")
	for label, want := range map[string]string{
		"申请人情况":     "D2:J2",
		"法人或其他组织":   "E3:I3",
		"自然人":       "D3:D4",
		"三、本年度办理结果": "A7:A28",
		"（三）不予公开":   "B9:B16",
		"（七）总计":     "B28:C28",
		"一、本年新收政府信息公开申请数量": "A5:C5",
	} {
		if m3[label] != want {
			t.Errorf("表三 %s merged over %q, want %s", label, m3[label], want)
		}
	}
	m4 := merged("表四")
	for label, want := range map[string]string{"行政复议": "A2:E3", "行政诉讼": "F2:O2", "未经复议直接起诉": "F3:J3", "复议后起诉": "K3:O3"} {
		if m4[label] != want {
			t.Errorf("表四 %s merged over %q, want %s", label, m4[label], want)
		}
	}
	formulas := map[string]string{
		"表三!J5":  "SUM(D5:I5)",
		"表三!D28": "SUM(D7:D27)",
		"表四!E5":  "SUM(A5:D5)",
		"表四!O5":  "SUM(K5:N5)",
	}
	for at, want := range formulas {
		sheet, cell, _ := strings.Cut(at, "!")
		got, err := x.GetCellFormula(sheet, cell)
		if err != nil || got != want {
			t.Errorf("formula of %s = %q, %v; want %q", at, got, err, want)
		}
	}
	dvs, err := x.GetDataValidations("表二")
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{}
	for _, dv := range dvs {
		kinds[dv.Type+" "+dv.Operator+" "+dv.Formula1] = dv.Sqref
	}
	if kinds["whole greaterThanOrEqual 0"] == "" || kinds["decimal greaterThanOrEqual 0"] != "B15" {
		t.Errorf("表二 validations %v: want counts as non-negative whole numbers, B15 (收费金额) as a decimal", kinds)
	}
	cover, err := x.GetDataValidations("封面")
	if err != nil {
		t.Fatal(err)
	}
	prompts := map[string]string{}
	for _, dv := range cover {
		if dv.Prompt != nil {
			prompts[dv.Sqref] = *dv.Prompt
		}
	}
	if !strings.Contains(prompts["B3"], "机关全称") || len(prompts) != len(gongkai.CommonDefs().Cover) {
		t.Errorf("封面 input messages %v: want every field's hint, 单位名称 at B3", prompts)
	}

	layout, err := x.GetPageLayout("表三")
	if err != nil {
		t.Fatal(err)
	}
	if layout.Size == nil || *layout.Size != 9 || layout.Orientation == nil || *layout.Orientation != "landscape" ||
		layout.FitToWidth == nil || *layout.FitToWidth != 1 {
		t.Errorf("表三 page layout %+v, want A4 landscape one page wide", layout)
	}
	panes, err := x.GetPanes("表三")
	if err != nil || !panes.Freeze || panes.YSplit != 4 || panes.XSplit != 3 {
		t.Errorf("表三 panes %+v, %v: want the header rows and label columns frozen", panes, err)
	}
}

func TestWriteFilledKeepsStatedFigures(t *testing.T) {
	r := &gongkai.Report{Agency: "某县测试局", Year: 2020, Format: gongkai.Format2019, Level: "县级部门",
		Values: []gongkai.Value{
			{Measure: "apps.new", Applicant: "natural", Number: gongkai.Float(3), Raw: "3"},
			{Measure: "apps.new", Applicant: "total", Number: gongkai.Float(5), Raw: "5"}, // breaks R2
			{Measure: "licensing.items_delta", Applicant: "total", Number: gongkai.Float(-4), Raw: "减4"},
			{Measure: "procurement.amount", Applicant: "total", Number: gongkai.Float(251000), Unit: "元", Raw: "251000元"},
			{Measure: "review.upheld", Applicant: "total", Raw: "/"},
			{Measure: "narrative.proactive_items", Applicant: "total", Number: gongkai.Float(928), Raw: "928"},
		}}
	var buf bytes.Buffer
	if err := WriteFilled(&buf, r); err != nil {
		t.Fatal(err)
	}
	got, err := ingest.Parse("filled.xlsx", buf.Bytes(), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Agency != r.Agency || got.Year != r.Year || got.Format != r.Format || got.Level != r.Level {
		t.Errorf("metadata %q %d %q %q", got.Agency, got.Year, got.Format, got.Level)
	}
	for _, want := range r.Values {
		v, ok := got.Lookup(want.Measure, want.Applicant)
		if !ok || v.Raw != want.Raw {
			t.Errorf("%s %s: got %+v, want raw %q", want.Measure, want.Applicant, v, want.Raw)
		}
	}
	if v, _ := got.Lookup("apps.new", "business"); v.Number != nil {
		t.Errorf("apps.new business = %v, want blank", *v.Number)
	}
	r2 := false
	for _, f := range got.Findings {
		r2 = r2 || (f.Rule == "R2" && f.At == "表三!J5")
	}
	if !r2 {
		t.Errorf("findings %+v: want R2 at 表三!J5 (the stated total kept)", got.Findings)
	}

	err = WriteFilled(&bytes.Buffer{}, &gongkai.Report{Format: gongkai.FormatPre2019})
	if gongkai.ErrorCode(err) != gongkai.CodeInvalid {
		t.Errorf("WriteFilled(pre2019) = %v, want CodeInvalid", err)
	}
}

// TestWriteFilledSameBytes writes one report several times: the workbook
// must come out byte for byte the same, since a re-upload is told from a new
// file by its hash. The styles were drawn from a map, and two writes of one
// report differed in about 1,099 of 1,100 pairs.
func TestWriteFilledSameBytes(t *testing.T) {
	r := &gongkai.Report{Agency: "某县测试局", Year: 2022, Format: gongkai.Format2021, Level: "县级部门",
		Values: []gongkai.Value{{Measure: "apps.new", Applicant: "total", Number: gongkai.Float(5)}}}
	var first []byte
	for i := range 20 {
		var buf bytes.Buffer
		if err := WriteFilled(&buf, r); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = buf.Bytes()
		} else if !bytes.Equal(buf.Bytes(), first) {
			t.Fatalf("write %d differs from the first", i+1)
		}
	}
}

// TestWriteFilledRawContradicts: a value whose printed text reads as
// another plain number than its Number is refused, since the cell can show
// only one of them; printed forms of the same figure are written.
func TestWriteFilledRawContradicts(t *testing.T) {
	tests := []struct {
		v  gongkai.Value
		ok bool
	}{
		{gongkai.Value{Number: gongkai.Float(1185), Raw: "185"}, false},
		{gongkai.Value{Number: gongkai.Float(0), Raw: "1"}, false},
		{gongkai.Value{Number: gongkai.Float(185), Raw: "185"}, true},
		{gongkai.Value{Number: gongkai.Float(1035), Raw: "1,035"}, true},
		{gongkai.Value{Number: gongkai.Float(1185)}, true},
		{gongkai.Value{Raw: "1517（含转办）"}, true},
		{gongkai.Value{Number: gongkai.Float(1517), Raw: "1517（含转办）"}, true},
		{gongkai.Value{Number: gongkai.Float(0), Raw: "/"}, true},
	}
	for _, tt := range tests {
		v := tt.v
		v.Measure, v.Applicant = "apps.new", "total"
		r := &gongkai.Report{Agency: "某县测试局", Year: 2022, Format: gongkai.Format2021, Values: []gongkai.Value{v}}
		err := WriteFilled(&bytes.Buffer{}, r)
		num := "nil"
		if v.Number != nil {
			num = doc.FormatNumber(*v.Number)
		}
		if tt.ok != (err == nil) {
			t.Errorf("Number %s Raw %q: error %v, want ok=%v", num, v.Raw, err, tt.ok)
		} else if err != nil && (gongkai.ErrorCode(err) != gongkai.CodeInvalid || !strings.Contains(err.Error(), "不符")) {
			t.Errorf("Number %s Raw %q: error %v, want CodeInvalid saying 不符", num, v.Raw, err)
		}
	}
}

// TestBlankTemplateIsFlagged uploads the blank template with only its cover
// filled in: it must not read as a report without problems (it used to load
// as 已报送 with 0 errors), but carry the R0 error, while a report with a
// single 0 in its tables does not.
func TestBlankTemplateIsFlagged(t *testing.T) {
	for _, format := range []string{gongkai.Format2021, gongkai.Format2019} {
		t.Run(format, func(t *testing.T) {
			for _, zero := range []bool{false, true} {
				var blank bytes.Buffer
				if err := WriteTemplate(&blank, format); err != nil {
					t.Fatal(err)
				}
				x, err := excelize.OpenReader(&blank)
				if err != nil {
					t.Fatal(err)
				}
				typedZero := false
				for _, c := range layoutWorkbook(gongkai.FormatByID(format), Layout{}).cells {
					switch {
					case c.cover != nil && c.cover.Key == "agency":
						err = x.SetCellStr(c.sheet, c.ref(), "某县测试局")
					case c.cover != nil && c.cover.Key == "year":
						err = x.SetCellInt(c.sheet, c.ref(), 2024)
					case zero && !typedZero && c.measure != "" && c.formula == "" && gongkai.CatalogueByCode()[c.measure].Table != "narrative":
						err, typedZero = x.SetCellInt(c.sheet, c.ref(), 0), true
					}
					if err != nil {
						t.Fatal(err)
					}
				}
				var buf bytes.Buffer
				if err := x.Write(&buf); err != nil {
					t.Fatal(err)
				}
				x.Close()
				r, err := ingest.Parse("blank.xlsx", buf.Bytes(), ingest.Options{})
				if err != nil {
					t.Fatalf("zero=%v: %v", zero, err)
				}
				var r0 []gongkai.Finding
				for _, f := range r.Findings {
					if f.Rule == "R0" {
						r0 = append(r0, f)
					}
				}
				switch {
				case !zero && (len(r0) != 1 || r0[0].Severity != gongkai.SeverityError || !strings.Contains(r0[0].Message, "没有填写任何数字")):
					t.Errorf("blank template: R0 findings %+v, want one error", r0)
				case zero && len(r0) != 0:
					t.Errorf("a template with one 0 typed in: R0 findings %+v, want none", r0)
				}
			}
		})
	}
}

// TestMoneyKeepsDecimals writes a report whose money figures (本年收费金额,
// in 万元) have decimals and checks both ends: Parse reads the exact figure
// back from its cell, and the cell's number format displays it with its
// decimals, so that a printed or exported workbook shows the fee stated, not
// a rounded one.
func TestMoneyKeepsDecimals(t *testing.T) {
	tests := []struct {
		value float64
		shown string
	}{
		{1.25, "1.25"},
		{0.0125, "0.0125"},
		{3, "3"},
		{1234.5678, "1234.5678"},
	}
	for _, format := range []string{gongkai.Format2021, gongkai.Format2019} {
		var money []Figure
		for _, c := range Figures(format, Layout{}) {
			if c.Kind == "money" {
				money = append(money, c)
			}
		}
		if len(money) == 0 {
			t.Fatalf("format %s: no money cell", format)
		}
		for _, tt := range tests {
			t.Run(format+"/"+tt.shown, func(t *testing.T) {
				r := &gongkai.Report{Agency: "某市测试局", Year: 2022, Format: format}
				for _, c := range money {
					r.Values = append(r.Values, gongkai.Value{Measure: c.Measure, Applicant: c.Applicant,
						Number: gongkai.Float(tt.value), Raw: doc.FormatNumber(tt.value)})
				}
				var buf bytes.Buffer
				if err := WriteFilled(&buf, r); err != nil {
					t.Fatal(err)
				}
				x, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
				if err != nil {
					t.Fatal(err)
				}
				defer x.Close()
				for _, c := range money {
					shown, err := x.GetCellValue(c.Sheet, c.Ref) // formatted by the cell's number format
					if err != nil {
						t.Fatal(err)
					}
					if shown != tt.shown {
						t.Errorf("%s!%s (%s) shows %q, want %q", c.Sheet, c.Ref, c.Measure, shown, tt.shown)
					}
					id, err := x.GetCellStyle(c.Sheet, c.Ref)
					if err != nil {
						t.Fatal(err)
					}
					st, err := x.GetStyle(id)
					if err != nil {
						t.Fatal(err)
					}
					custom := ""
					if st.CustomNumFmt != nil {
						custom = *st.CustomNumFmt
					}
					if st.NumFmt != 0 || (custom != "" && custom != "General") {
						t.Errorf("%s!%s (%s): number format %d %q, want General", c.Sheet, c.Ref, c.Measure, st.NumFmt, custom)
					}
				}
				got, err := ingest.Parse("fees.xlsx", buf.Bytes(), ingest.Options{})
				if err != nil {
					t.Fatal(err)
				}
				for _, c := range money {
					v, ok := got.Lookup(c.Measure, c.Applicant)
					if !ok || v.Number == nil || *v.Number != tt.value || v.At != c.Sheet+"!"+c.Ref {
						t.Errorf("%s read back as %+v, want %v at %s!%s", c.Measure, v, tt.value, c.Sheet, c.Ref)
					}
				}
			})
		}
	}
}
