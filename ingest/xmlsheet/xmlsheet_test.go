package xmlsheet

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"gongkai"
	"gongkai/ingest/doc"
)

func rows(g *doc.Grid) string {
	var out []string
	for _, r := range g.Rows {
		var cells []string
		for _, c := range r {
			cells = append(cells, c.Text)
		}
		out = append(out, strings.Join(cells, ","))
	}
	return strings.Join(out, "|")
}

func TestReadSpreadsheetML(t *testing.T) {
	data := `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">
<Worksheet ss:Name="表二"><Table>
<Row><Cell ss:MergeAcross="1" ss:MergeDown="1"><Data ss:Type="String">信息<html:B>内容</html:B></Data></Cell><Cell><Data ss:Type="String">数量</Data></Cell></Row>
<Row><Cell ss:Index="3"><Data ss:Type="Number">3.50</Data></Cell></Row>
<Row ss:Index="4"><Cell><Data ss:Type="String">行政许可</Data></Cell><Cell ss:Index="3"><Data ss:Type="Number">1E2</Data></Cell></Row>
</Table></Worksheet></Workbook>`
	d, err := ReadSpreadsheetML([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rows(d.Grids[0]), "信息内容,信息内容,数量|信息内容,信息内容,3.5||行政许可,,100"; got != want {
		t.Errorf("rows\n got %s\nwant %s", got, want)
	}
	if loc := d.Grids[0].Loc(3, 2); loc != "表二!C4" {
		t.Errorf("Loc = %s", loc)
	}
}

func odsOf(t testing.TB, body string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("mimetype")
	w.Write([]byte("application/vnd.oasis.opendocument.spreadsheet"))
	w, _ = zw.Create("content.xml")
	w.Write([]byte(`<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>` + body + `</office:spreadsheet></office:body></office:document-content>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadODS(t *testing.T) {
	body := `<table:table table:name="表三">` +
		`<table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>申请人</text:p><text:p>情况</text:p></table:table-cell><table:covered-table-cell/><table:table-cell office:value-type="float" office:value="3.5"><text:p>4</text:p></table:table-cell></table:table-row>` +
		`<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="3"/></table:table-row>` +
		`<table:table-row><table:table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="percentage" office:value="0.5"><text:p>50%</text:p></table:table-cell></table:table-row>` +
		`<table:table-row table:number-rows-repeated="1048572"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>` +
		`</table:table>`
	d, err := ReadODS(odsOf(t, body))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rows(d.Grids[0]), "申请人 情况,申请人 情况,3.5|||,,50%"; got != want {
		t.Errorf("rows\n got %s\nwant %s", got, want)
	}
	if loc := d.Grids[0].Loc(0, 2); loc != "表三!C1" {
		t.Errorf("Loc = %s", loc)
	}
}

func TestRejects(t *testing.T) {
	huge := odsOf(t, `<table:table table:name="a"><table:table-row table:number-rows-repeated="20000"><table:table-cell table:number-columns-repeated="1000" office:value-type="float" office:value="1"/></table:table-row></table:table>`)
	tests := []struct {
		name string
		read func([]byte) (*doc.Document, error)
		data []byte
		want string
	}{
		{"bad XML", ReadSpreadsheetML, []byte("<Workbook><Worksheet>"), "XML 无法解析"},
		{"no sheets", ReadSpreadsheetML, []byte("<Workbook></Workbook>"), "没有工作表"},
		{"not a zip", ReadODS, []byte("PK\x03\x04junk"), "已损坏"},
		{"repeated cells", ReadODS, huge, "单元格过多"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.read(tt.data)
			if gongkai.ErrorCode(err) != gongkai.CodeInvalid || !strings.Contains(gongkai.ErrorMessage(err), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

// FuzzReadSpreadsheetML and FuzzReadODS check that no input panics a reader
// or escapes its limits. Their seeds are small: Go's fuzzing engine barely
// moves from seeds of tens of kilobytes (the fixtures), and the fixtures are
// read by TestMediaGolden anyway.
func FuzzReadSpreadsheetML(f *testing.F) {
	f.Add([]byte(`<Workbook><Worksheet ss:Name="表二"><Table><Row ss:Index="2"><Cell ss:Index="2" ss:MergeAcross="1" ss:MergeDown="1"><Data ss:Type="Number">1</Data></Cell></Row></Table></Worksheet></Workbook>`))
	f.Fuzz(func(t *testing.T, data []byte) { check(t, ReadSpreadsheetML, data) })
}

func FuzzReadODS(f *testing.F) {
	f.Add(odsOf(f, `<table:table table:name="a"><table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-spanned="2" table:number-rows-spanned="2" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row></table:table>`))
	f.Fuzz(func(t *testing.T, data []byte) { check(t, ReadODS, data) })
}

func check(t *testing.T, read func([]byte) (*doc.Document, error), data []byte) {
	d, err := read(data)
	if err == nil && d == nil {
		t.Fatal("no document and no error")
	}
	if err != nil && gongkai.ErrorCode(err) != gongkai.CodeInvalid {
		t.Fatalf("error code %s", gongkai.ErrorCode(err))
	}
}
