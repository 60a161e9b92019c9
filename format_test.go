package gongkai

import (
	"strings"
	"testing"
)

// TestFormatsLoad checks the embedded definitions parse and that every cell
// of every table names a measure the catalogue knows.
func TestFormatsLoad(t *testing.T) {
	fs := Formats()
	if len(fs) != 2 || fs[0].ID != Format2021 || fs[1].ID != Format2019 {
		t.Fatalf("formats = %v, want 2021 then 2019", ids(fs))
	}
	cat := CatalogueByCode()
	for _, f := range fs {
		for _, id := range []string{"proactive", "applications", "reviews"} {
			if f.Table(id) == nil {
				t.Errorf("%s: no table %q", f.ID, id)
			}
		}
		for _, tb := range f.Tables {
			for _, b := range tb.Blocks {
				for _, r := range b.Rows {
					if r.Group {
						continue
					}
					for _, c := range b.Columns {
						m, _ := b.Cell(r, c)
						if _, ok := cat[m]; !ok {
							t.Errorf("%s: cell %q × %q has measure %q not in the catalogue", f.ID, r.Label, c.Label, m)
						}
					}
				}
			}
		}
		for _, rule := range f.Rules {
			for _, m := range append(append([]string{}, rule.LHS...), rule.RHS...) {
				if _, ok := cat[m]; !ok {
					t.Errorf("%s: rule %s names unknown measure %q", f.ID, rule.ID, m)
				}
			}
		}
	}
}

// TestCatalogue spot-checks codes from report-format.md and the traps it names.
func TestCatalogue(t *testing.T) {
	cat := CatalogueByCode()
	tests := []struct {
		code, format, unit, kind string
		byApp                    bool
	}{
		{"rules.issued", "2021", "件", "count", false},
		{"normative_docs.made", "2019", "件", "count", false},
		{"licensing.decisions", "2021", "件", "count", false},
		{"licensing.items_delta", "2019", "件", "signed", false},
		{"fees.amount_wan", "2021", "万元", "money", false},
		{"fees.items_prev", "2019", "件", "count", false},
		{"procurement.amount", "2019", "", "money", false},
		{"apps.withheld.state_secret", "2021", "件", "count", true},
		{"apps.other", "2019", "件", "count", true},
		{"apps.other.no_fee", "2021", "件", "count", true},
		{"review.total", "2019", "件", "count", false},
		{"litigation_after_review.pending", "2021", "件", "count", false},
		{"narrative.proactive_items", "", "条", "count", false},
	}
	for _, tt := range tests {
		m, ok := cat[tt.code]
		if !ok {
			t.Errorf("%s: not in the catalogue", tt.code)
			continue
		}
		if tt.format != "" && !strings.Contains(strings.Join(m.Formats, ","), tt.format) {
			t.Errorf("%s: formats %v, want %s among them", tt.code, m.Formats, tt.format)
		}
		if m.Unit != tt.unit || m.Kind != tt.kind || m.ByApp != tt.byApp {
			t.Errorf("%s: unit %q kind %q byApp %v, want %q %q %v", tt.code, m.Unit, m.Kind, m.ByApp, tt.unit, tt.kind, tt.byApp)
		}
	}
	if _, ok := cat["fees.amount_wan"]; ok && strings.Contains(strings.Join(cat["fees.amount_wan"].Formats, ","), "2019") {
		t.Error("fees.amount_wan must not belong to the 2019 format (2019 counts fee items)")
	}
	if m := cat["apps.other"]; len(m.Formats) != 2 {
		t.Errorf("apps.other formats = %v, want 2019 (table) and 2021 (derived)", m.Formats)
	}
}

func TestBlockCell(t *testing.T) {
	apps := FormatByID(Format2021).Table("applications").Blocks[0]
	m, a := apps.Cell(apps.Rows[0], apps.Columns[1])
	if m != "apps.new" || a != ApplicantBusiness {
		t.Errorf("applications cell = %s/%s, want apps.new/business", m, a)
	}
	rev := FormatByID(Format2021).Table("reviews").Blocks[0]
	m, a = rev.Cell(rev.Rows[0], rev.Columns[6])
	if m != "litigation_direct.corrected" || a != ApplicantTotal {
		t.Errorf("reviews cell = %s/%s, want litigation_direct.corrected/total", m, a)
	}
}

func TestErrorMessage(t *testing.T) {
	if got := ErrorMessage(Errorf(CodeInvalid, "文件为空")); got != "文件为空" {
		t.Errorf("user error message = %q", got)
	}
	if got := ErrorMessage(&Error{Code: CodeInternal, Message: "db path /x"}); strings.Contains(got, "/x") {
		t.Errorf("internal detail leaked: %q", got)
	}
}

func ids(fs []*Format) []string {
	var s []string
	for _, f := range fs {
		s = append(s, f.ID)
	}
	return s
}

func TestCountSeverities(t *testing.T) {
	fs := []Finding{{Severity: SeverityError}, {Severity: SeverityWarning}, {Severity: SeverityError}}
	if e, w := CountSeverities(fs); e != 2 || w != 1 {
		t.Errorf("CountSeverities = %d, %d; want 2, 1", e, w)
	}
	if e, w := CountSeverities(nil); e != 0 || w != 0 {
		t.Errorf("CountSeverities(nil) = %d, %d; want 0, 0", e, w)
	}
}
