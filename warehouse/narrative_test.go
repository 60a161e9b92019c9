package warehouse

import (
	"context"
	"testing"

	"gongkai"
)

// TestNarrativeSource loads a report whose figures a sentence states and
// checks that the mark survives: report_values.from_narrative is true for
// them and false for table cells, and Report reads them back marked.
func TestNarrativeSource(t *testing.T) {
	db := openTest(t)
	r := &gongkai.Report{Agency: "示例镇人民政府", Year: 2021, Format: gongkai.Format2021,
		Source: gongkai.Source{Kind: "text", Name: "town-2021.txt"}}
	sentence := "本年度我镇共受理政府信息公开申请十一件。"
	r.Values = []gongkai.Value{
		{Measure: "apps.new", Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(11), Raw: sentence, At: "line 9",
			Source: gongkai.SourceNarrative},
		{Measure: "licensing.decisions", Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(3), Raw: "3", At: "表二!E9"},
	}
	r.Findings = []gongkai.Finding{{Rule: "no_tables", Severity: gongkai.SeverityError, At: "line 1", Message: "未按规定格式列出统计表"}}
	res := load(t, db, LoadRequest{Report: r, Source: []byte(sentence)})
	if n := count(t, db, "SELECT count(*) FROM report_values WHERE from_narrative"); n != 1 {
		t.Errorf("%d narrative rows in report_values, want 1", n)
	}
	if n := count(t, db, "SELECT count(*) FROM report_values WHERE from_narrative AND measure = 'apps.new' AND raw = ?", sentence); n != 1 {
		t.Errorf("apps.new is not marked as read from the narrative with its sentence")
	}
	if n := count(t, db, "SELECT count(*) FROM report_values WHERE NOT from_narrative AND measure = 'licensing.decisions'"); n != 1 {
		t.Errorf("a table cell is marked as narrative")
	}
	sr, err := db.Report(context.Background(), res[0].ReportID)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range sr.Report.Values {
		if want := v.Measure == "apps.new"; (v.Source == gongkai.SourceNarrative) != want {
			t.Errorf("%s read back with source %q", v.Measure, v.Source)
		}
	}
}
