package queries

import "testing"

func TestEmbeddedQueriesParse(t *testing.T) {
	qs := List()
	if len(qs) == 0 {
		t.Fatal("no queries embedded")
	}
	for _, q := range qs {
		if len(q.Columns) == 0 {
			t.Errorf("%s: header lists no columns", q.Name)
		}
	}
	if _, ok := Get("reports_per_year"); !ok {
		t.Error("reports_per_year missing")
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		text    string
		wantErr bool
	}{
		{"-- name: a\n-- title: 甲\n-- params: year_from, agency\n-- columns: x\nSELECT 1", false},
		{"-- title: 甲\nSELECT 1", true},
		{"-- name: a\nSELECT 1", true},
		{"-- name: a\n-- title: 甲\n-- params: nonsense\nSELECT 1", true},
	}
	for _, tt := range tests {
		q, err := Parse(tt.text)
		if (err != nil) != tt.wantErr {
			t.Errorf("Parse(%q) = %+v, %v; want error %v", tt.text, q, err, tt.wantErr)
		}
	}
	q, _ := Parse("-- name: a\n-- title: 甲\n-- params: year_from, agency\n-- columns: x, y\nSELECT 1")
	if len(q.Params) != 2 || q.Params[1] != "agency" || len(q.Columns) != 2 {
		t.Errorf("Parse: %+v", q)
	}
}
