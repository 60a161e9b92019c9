package warehouse

import "gongkai/region"

// place is where an agency stands; empty fields are unknown.
type place struct {
	Province, City, County, Level, Code string
}

func (p place) empty() bool {
	return p.Province == "" && p.City == "" && p.County == "" && p.Level == ""
}

// derivePlace derives an agency's region and level from its name with
// package region (GB/T 2260 divisions). What the name does not tell stays
// unknown.
func derivePlace(name string) place {
	d := region.Derive(name)
	return place{Province: d.Province, City: d.City, County: d.County, Level: d.Level, Code: d.Code}
}

// resolvePlace is where the agency of a report stands: what the source
// states, completed from the name where the two agree, and the name alone
// when the source states nothing. src says which: "report", "derived", or ""
// when nothing is known.
func resolvePlace(stated place, name string) (p place, src string) {
	derived := derivePlace(name)
	if stated.empty() {
		if derived.empty() {
			return derived, ""
		}
		return derived, "derived"
	}
	agree := func(s, d string) bool { return s == "" || d == "" || s == d }
	if !agree(stated.Province, derived.Province) || !agree(stated.City, derived.City) || !agree(stated.County, derived.County) {
		return stated, "report"
	}
	p = stated
	fill := func(s *string, d string) {
		if *s == "" {
			*s = d
		}
	}
	fill(&p.Province, derived.Province)
	fill(&p.City, derived.City)
	fill(&p.County, derived.County)
	fill(&p.Level, derived.Level)
	if p.Province == derived.Province && p.City == derived.City && p.County == derived.County {
		p.Code = derived.Code
	}
	return p, "report"
}
