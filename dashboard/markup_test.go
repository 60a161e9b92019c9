package dashboard

import (
	htmltemplate "html/template"
	"io"
	"strconv"
	"strings"
	"testing"

	"gongkai/warehouse"
)

// officialPartialBefore is the "official" partial as html/template executed
// it before the tables were written in Go (officialTablesHTML).
const officialPartialBefore = `{{define "official"}}
{{range .}}
<section class="card official">
  <h2>{{.Numeral}}、{{.Title}}</h2>
  {{range .Blocks}}
  {{with .Title}}<h3>{{.}}</h3>{{end}}
  <div class="table-wrap"><table class="official-table">
    <thead>{{range .Headers}}<tr>{{range .}}<th{{if gt .Colspan 1}} colspan="{{.Colspan}}"{{end}}{{if gt .Rowspan 1}} rowspan="{{.Rowspan}}"{{end}}>{{.Text}}</th>{{end}}</tr>{{end}}</thead>
    <tbody>
    {{range .Rows}}<tr{{if .Group}} class="group"{{end}}>
      <th scope="row"{{if .Indent}} class="indent"{{end}}{{if .Group}} colspan="99"{{end}}>{{.Label}}</th>
      {{range .Cells}}<td class="num{{with .Severity}} cell-{{.}}{{end}}{{if .Narrative}} from-narrative{{end}}"{{with .Title}} title="{{.}}"{{end}}>{{if .URL}}<a href="{{.URL}}">{{if .Text}}{{.Text}}{{else}}<span class="blank" aria-label="未填报">·</span>{{end}}</a>{{else}}{{.Text}}{{end}}{{if .Narrative}}<sup class="narrative-mark" aria-label="来自正文">正文</sup>{{end}}</td>{{end}}
    </tr>{{end}}
    </tbody>
  </table></div>
  {{end}}
</section>
{{end}}
{{end}}`

// hostile is text no field may write as it is: markup, both quotes, an
// ampersand, a plus, NUL, a newline and invalid UTF-8.
const hostile = "<script>alert(\"x\")</script> & 'q' 1+2 \x00\n\xff局"

// TestOfficialTablesAsTheTemplate checks that the official tables written
// in Go are byte for byte what the partial they replace wrote: for hostile
// text in every field, for hostile links (a script scheme, spaces, quotes,
// non-ASCII, stray and valid percent escapes), for the roll-up's tables of
// the fixture, for every report's tables of the fixture, and for none.
func TestOfficialTablesAsTheTemplate(t *testing.T) {
	before := htmltemplate.Must(htmltemplate.New("x").Parse(officialPartialBefore))
	check := func(name string, ts []officialTable) {
		t.Helper()
		var want strings.Builder
		if err := before.ExecuteTemplate(&want, "official", ts); err != nil {
			t.Fatal(err)
		}
		if got := string(officialTablesHTML(ts)); got != want.String() {
			t.Errorf("%s: officialTablesHTML wrote\n%s\nthe template wrote\n%s", name, got, want.String())
		}
	}
	cell := func(text, url, sev string, narrative bool) officialCell {
		return officialCell{Text: text, At: hostile + "表三!D5", Severity: sev, Notes: []string{hostile, "第二条"},
			URL: url, Narrative: narrative, Sentence: hostile}
	}
	ts := []officialTable{
		{Numeral: hostile, Title: hostile, Blocks: []officialBlock{
			{Title: hostile,
				Headers: [][]headerCell{{{Text: hostile, Colspan: 3, Rowspan: 2}, {Text: "x", Colspan: 1, Rowspan: 1}}, {{Text: hostile}}},
				Rows: []officialRow{
					{Label: hostile, Group: true},
					{Label: hostile, Indent: true, Cells: []officialCell{
						cell(hostile, "", "", false), cell(hostile, "/regions?a=1&b="+hostile+"#figure", hostile, true),
						cell("", "/regions?a=%E8%B4%B5&b=%zz&c=%4", "partial", false), cell("", "", "error", true),
						cell("1,234", "javascript:alert(1)", "warning", false), cell("7", "HTTPS://x.test/a b'c\"d<e>", "", false),
						cell("8", "mailto:a@b", "", false), cell("9", "a/b:c", "", false), {}}},
					{Label: "", Cells: []officialCell{{Text: "0"}}},
				}},
			{Headers: nil, Rows: nil},
		}},
		{Numeral: "二", Title: "空表"},
	}
	check("hostile", ts)
	check("none", nil)

	db, reports := fixtureDB(t)
	for _, r := range reports {
		check(r.Agency, officialLayout(r))
	}
	h, _ := newHandler(db, testLogger(t), Options{Public: true})
	fl := filter{YearFrom: 2022, YearTo: 2022, Province: hostile}
	r, _, err := h.loadRollup(t.Context(), filter{YearFrom: 2022, YearTo: 2022})
	if err != nil {
		t.Fatal(err)
	}
	check("roll-up", r.tables(func(m, a string) string {
		v := fl.values()
		v.Set("measure", m)
		v.Set("applicant", a)
		return "/regions?" + v.Encode() + "#figure"
	}))

	// A field left unescaped is caught: the text must not appear raw.
	if got := string(officialTablesHTML(ts)); strings.Contains(got, "<script>") || strings.Contains(got, "\x00") {
		t.Errorf("officialTablesHTML left markup or NUL unescaped")
	}
}

// TestRollupListsAsTheTemplate checks that the roll-up's two agency lists
// written in Go are what the template's list items wrote, hostile names,
// cities and links included.
func TestRollupListsAsTheTemplate(t *testing.T) {
	before := htmltemplate.Must(htmltemplate.New("x").Parse(
		`{{define "missing"}}{{range .MissingList}}<li><a href="{{.AgencyURL}}">{{.Name}}</a>{{with .City}} <span class="meta">{{.}}</span>{{end}}</li>{{end}}{{end}}` +
			`{{define "reported"}}{{range .ReportedList}}<li><a href="{{.ReportURL}}">{{.Name}}</a>{{if .Errors}} <span class="badge badge-error">错误 {{.Errors}}</span>{{end}}</li>{{end}}{{end}}`))
	as := []rollupAgency{
		{ID: 7, Name: hostile, City: hostile, Errors: 3, AgencyURL: agencyURL(int64(7)), ReportURL: reportURL(int64(42))},
		{ID: 8, Name: "某局", City: "", Errors: 0, AgencyURL: agencyURL(int64(8)), ReportURL: reportURL(int64(43))},
		{Name: "无编号", Errors: -1, AgencyURL: "javascript:x" + hostile, ReportURL: "/reports/1?q=" + hostile},
		{Name: "", AgencyURL: "", ReportURL: ""},
	}
	for _, r := range []*rollup{{MissingList: as, ReportedList: as}, {}} {
		for name, got := range map[string]htmltemplate.HTML{"missing": r.MissingListHTML(), "reported": r.ReportedListHTML()} {
			var want strings.Builder
			if err := before.ExecuteTemplate(&want, name, r); err != nil {
				t.Fatal(err)
			}
			if string(got) != want.String() {
				t.Errorf("%s (%d agencies): Go wrote\n%s\nthe template wrote\n%s", name, len(r.MissingList), got, want.String())
			}
			if strings.Contains(string(got), "<script>") {
				t.Errorf("%s left markup unescaped: %s", name, got)
			}
		}
	}
}

// tablePartialBefore is the "table" partial as html/template executed it
// before the data tables were written in Go (dataTableHTML).
const tablePartialBefore = `{{define "table"}}
<div class="table-wrap"><table class="grid">
  <thead><tr>{{range .Columns}}<th>{{.}}</th>{{end}}</tr></thead>
  <tbody>
  {{$t := .}}
  {{range $r, $row := .Rows}}<tr>{{range $i, $c := $row}}<td{{if index $t.Numeric $i}} class="num"{{end}}>{{with $t.Link $r $i}}<a href="{{.}}">{{$c}}</a>{{else}}{{$c}}{{end}}</td>{{end}}</tr>{{else}}<tr><td colspan="{{len .Columns}}" class="empty">暂无数据</td></tr>{{end}}
  </tbody>
</table></div>
{{end}}`

// TestDataTableAsTheTemplate checks that the data tables written in Go are
// what the template wrote, hostile text in every heading, cell and link, as
// a value and as a pointer (the SQL console's), and that both refuse what
// the template refused.
func TestDataTableAsTheTemplate(t *testing.T) {
	before := htmltemplate.Must(htmltemplate.New("x").Parse(tablePartialBefore))
	check := func(name string, v any) {
		t.Helper()
		var want strings.Builder
		werr := before.ExecuteTemplate(&want, "table", v)
		got, err := dataTableHTML(v)
		if (err != nil) != (werr != nil) {
			t.Fatalf("%s: dataTableHTML error %v, the template's %v", name, err, werr)
		}
		if werr == nil && string(got) != want.String() {
			t.Errorf("%s: dataTableHTML wrote\n%q\nthe template wrote\n%q", name, got, want.String())
		}
	}
	links := []string{"/agencies/1?a=1&b=" + hostile, "", "javascript:alert(1)", "/regions?a=%E8%B4%B5&b=%zz&c=%4#x",
		"HTTPS://x.test/a b'c\"d<e>", "mailto:a@b", "a/b:c"}
	full := dataTable{Columns: []string{hostile, "年度", "", "数值"}, Numeric: []bool{false, false, true, true}, LinkCol: 0}
	for i, l := range links {
		full.Rows = append(full.Rows, []string{hostile, "2021", "1,234", strings.Repeat("+", i)})
		full.Links = append(full.Links, l)
	}
	check("hostile", full)
	check("hostile, pointer", &full)
	other := full
	other.LinkCol = 3
	check("link in another column", other)
	short := full
	short.Links = short.Links[:2] // rows past the links have none
	check("fewer links than rows", short)
	check("no links", dataTable{Columns: []string{"a"}, Numeric: []bool{true}, Rows: [][]string{{"1"}, {""}}})
	check("empty", dataTable{Columns: []string{"机构", hostile}})
	check("nothing", dataTable{})
	check("narrow row", dataTable{Columns: []string{"a"}, Numeric: []bool{true}, Rows: [][]string{{"1"}, {"2", "3"}}})
	check("nil pointer", (*dataTable)(nil))

	// From a query result, with the chart's drill-down links.
	res := &warehouse.Table{Columns: []string{"province", "year", "apps_new", "disclosure_rate", "agency_id"},
		Rows: [][]any{{hostile, int64(2021), int64(12345), 0.256, int64(7)}, {nil, int64(2022), nil, nil, int64(8)}}}
	dt := newDataTable(res, "agency_id")
	dt.setLinks(res, "province", func(i int) string { return "/compare?province=" + hostile + "&i=" + strconv.Itoa(i) })
	check("query result", dt)

	if got, _ := dataTableHTML(full); strings.Contains(string(got), "<script>") || strings.Contains(string(got), "\x00") {
		t.Errorf("dataTableHTML left markup or NUL unescaped")
	}
}

// BenchmarkDataTable renders a chart's 60-row data table through the old
// partial and through dataTableHTML.
func BenchmarkDataTable(b *testing.B) {
	dt := dataTable{Columns: []string{"地区", "年度", "报告数", "本年新收申请", "公开率", "办理总计"}, Numeric: []bool{false, false, true, true, true, true}}
	for i := range 60 {
		dt.Rows = append(dt.Rows, []string{"某省某市" + strconv.Itoa(i), "2021", "1,234", "56,789", "25.6%", "3,456"})
		dt.Links = append(dt.Links, "/compare?province=%E6%9F%90&year_from=2021&i="+strconv.Itoa(i))
	}
	b.Run("template", func(b *testing.B) {
		t := htmltemplate.Must(htmltemplate.New("x").Parse(tablePartialBefore))
		b.ReportAllocs()
		for b.Loop() {
			if err := t.ExecuteTemplate(io.Discard, "table", dt); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("go", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := dataTableHTML(dt); err != nil {
				b.Fatal(err)
			}
		}
	})
}
