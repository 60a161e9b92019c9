package gongkai

import "testing"

// TestCellSlot holds CellSlot to a numbering of its own: every catalogue
// measure with every applicant gets a distinct number below CellSlots, the
// same each call, and no other cell gets one.
func TestCellSlot(t *testing.T) {
	for i, a := range Applicants {
		if got := applicantIndex(a); got != i {
			t.Errorf("applicantIndex(%q) = %d, want its place in Applicants %d", a, got, i)
		}
	}
	seen := map[int]string{}
	for _, m := range Catalogue() {
		for _, a := range Applicants {
			s, ok := CellSlot(m.Code, a)
			if !ok || s < 0 || s >= CellSlots() {
				t.Fatalf("CellSlot(%q, %q) = %d, %v: want a number below %d", m.Code, a, s, ok, CellSlots())
			}
			if prev, dup := seen[s]; dup {
				t.Fatalf("CellSlot(%q, %q) = %d, already %s's", m.Code, a, s, prev)
			}
			seen[s] = m.Code + "/" + a
			if again, _ := CellSlot(m.Code, a); again != s {
				t.Fatalf("CellSlot(%q, %q) gave %d, then %d", m.Code, a, s, again)
			}
		}
	}
	if len(seen) != CellSlots() {
		t.Errorf("numbered %d cells, CellSlots says %d", len(seen), CellSlots())
	}
	for _, c := range [][2]string{
		{"no.such.measure", ApplicantTotal},
		{Catalogue()[0].Code, ""},
		{Catalogue()[0].Code, "Total"},
		{"", ApplicantTotal},
	} {
		if s, ok := CellSlot(c[0], c[1]); ok {
			t.Errorf("CellSlot(%q, %q) = %d, true: want no number", c[0], c[1], s)
		}
	}
}
