package gongkai

// CellSlots is how many cells CellSlot numbers: every measure of the
// catalogue with every applicant.
func CellSlots() int { return len(mustLoad().catalogue) * len(Applicants) }

// CellSlot numbers the cell measure × applicant from 0 to CellSlots()-1 when
// the measure is in the catalogue and the applicant is one of Applicants,
// the same number for the same cell in every call; ok is false for any
// other cell, which has no number. Code that runs for every report of a
// bulk load keeps a report's cells in a slice by this number instead of a
// map keyed by the two strings: hashing both strings for every figure was
// several per cent of a demo load's CPU (docs/benchmarks.md).
func CellSlot(measure, applicant string) (slot int, ok bool) {
	a := applicantIndex(applicant)
	if a < 0 {
		return 0, false
	}
	m, ok := mustLoad().measureIndex[measure]
	if !ok {
		return 0, false
	}
	return m*len(Applicants) + a, true
}

// applicantIndex is a's place in Applicants, or -1.
func applicantIndex(a string) int {
	switch a {
	case ApplicantNatural:
		return 0
	case ApplicantBusiness:
		return 1
	case ApplicantResearch:
		return 2
	case ApplicantNGO:
		return 3
	case ApplicantLegalServices:
		return 4
	case ApplicantOther:
		return 5
	case ApplicantTotal:
		return 6
	}
	return -1
}
