package dashboard

import (
	"testing"

	"gongkai"
)

// TestOtherValues checks that figures outside the official tables show
// their number, with a narrative sentence beside it rather than in its place.
func TestOtherValues(t *testing.T) {
	r := &gongkai.Report{Format: gongkai.Format2021, Values: []gongkai.Value{
		{Measure: "apps.new", Applicant: "total", Number: gongkai.Float(102), Raw: "102", At: "表三!I5"},
		{Measure: "narrative.apps_received", Applicant: "total", Number: gongkai.Float(102),
			Raw: "全年收到政府信息公开申请102件。", At: "line 3"},
		{Measure: "narrative.proactive_items", Applicant: "total", Number: gongkai.Float(1288), Raw: "1288", At: "封面!B9"},
	}}
	got := otherValues(r)
	want := []valueRow{
		{Label: gongkai.MeasureLabel("narrative.apps_received"), Applicant: "总计", Text: "102", Raw: "全年收到政府信息公开申请102件。", At: "line 3"},
		{Label: gongkai.MeasureLabel("narrative.proactive_items"), Applicant: "总计", Text: "1,288", At: "封面!B9"},
	}
	if len(got) != len(want) {
		t.Fatalf("otherValues = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}
