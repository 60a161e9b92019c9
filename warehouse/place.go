package warehouse

// place is where an agency stands; empty fields are unknown.
type place struct {
	Province, City, County, Level, Code string
}

func (p place) empty() bool {
	return p.Province == "" && p.City == "" && p.County == "" && p.Level == ""
}

// derivePlace derives an agency's region and level from its name. Until the
// region package lands it knows nothing, and unknown stays unknown.
func derivePlace(name string) place {
	return place{}
}
