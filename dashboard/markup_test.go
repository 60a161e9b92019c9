package dashboard

import (
	htmltemplate "html/template"
	"strings"
	"testing"
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
