// Package demo makes the synthetic demo data set: plausible annual reports of
// a few hundred (or many thousand) organs of two real provinces (or, in the
// Country shape, of every province) for the years 2019–2024, generated from
// the format definitions, with the kinds of faults real reports have
// (missing years, broken carry-over, sums that do not add up, a narrative
// that contradicts its table). Every figure is invented.
//
// Demo reports have Source.Kind "demo", and every dashboard page says so.
package demo

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"math/rand/v2"

	"gongkai"
	"gongkai/ingest"
	"gongkai/region"
)

// SourceKind is the Source.Kind of every demo report.
const SourceKind = "demo"

// The years the demo set covers.
const (
	FirstYear = 2019
	LastYear  = 2024
)

// DefaultAgencies is the size of the set `gongkai demo` and `serve --demo` load.
const DefaultAgencies = 300

// DefaultSeed is the seed of the default set.
const DefaultSeed = 2021

// Kinds of Anomaly.
const (
	AnomalyMissing    = "missing"     // the agency published no report that year
	AnomalyCarryBreak = "carry_break" // 上年结转 differs from last year's 结转下年度继续办理 (R4)
	AnomalyRowSum     = "row_sum"     // a row's 总计 is not the sum of its applicant columns (R2)
	AnomalyTotal      = "total"       // （七）总计 is not the sum of the outcomes (R1)
	AnomalyNarrative  = "narrative"   // the narrative states a penalty count the table contradicts
	AnomalyOldFormat  = "old_format"  // the agency kept the 2019 layout for 2021 and 2022
)

// Anomaly is one fault the demo set contains on purpose, so that the
// dashboard's quality pages have something to show and tests something to find.
type Anomaly struct {
	Agency string
	Year   int
	Kind   string
}

// Set is a generated demo set.
type Set struct {
	Reports   []*gongkai.Report
	Anomalies []Anomaly
}

// Generate returns the demo reports of the given number of agencies for the
// years 2019–2024, in agency then year order. The same seed and size give the
// same reports. It returns nil when the division data is missing or lacks
// the demo provinces (GenerateSet says why).
func Generate(seed int64, agencies int) []*gongkai.Report {
	s, err := GenerateSet(seed, agencies)
	if err != nil {
		return nil
	}
	return s.Reports
}

// GenerateSet is Generate that also lists the faults it put in on purpose.
// Its error is region.Load's when the division data is missing, or says
// which provinces the data lacks.
func GenerateSet(seed int64, agencies int) (*Set, error) {
	s := &Set{Reports: make([]*gongkai.Report, 0, max(0, agencies)*(LastYear-FirstYear+1))}
	err := generate(seed, agencies, TwoProvinces, func(r *gongkai.Report) error {
		s.Reports = append(s.Reports, r)
		return nil
	}, func(a Anomaly) { s.Anomalies = append(s.Anomalies, a) })
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Each calls fn with every report of the set Generate returns, in the same
// order, without holding the set in memory: a set of 20,000 agencies is
// about 120,000 reports and several gigabytes. It stops at fn's first error
// and returns it; its other error is region.Load's when the division data is
// missing.
func Each(seed int64, agencies int, fn func(*gongkai.Report) error) error {
	return EachShape(seed, agencies, TwoProvinces, fn)
}

// EachShape is Each with the agencies drawn from the roster of the given
// shape; Each's set is EachShape's with TwoProvinces. Its errors are Each's.
func EachShape(seed int64, agencies int, shape Shape, fn func(*gongkai.Report) error) error {
	return generate(seed, agencies, shape, fn, func(Anomaly) {})
}

func generate(seed int64, agencies int, shape Shape, emit func(*gongkai.Report) error, note func(Anomaly)) error {
	atlas, err := region.Load()
	if err != nil {
		return err
	}
	if agencies <= 0 {
		return nil
	}
	rng := rand.New(rand.NewPCG(uint64(seed), 0x676f6e676b6169)) // "gongkai"
	draw := roster
	if shape == Country {
		draw = countryRoster
	}
	roster, err := draw(rng, atlas, agencies)
	if err != nil {
		return err
	}
	plan := planAnomalies(rng, len(roster))
	for i, a := range roster {
		st := newHistory(rng, a)
		for year := FirstYear; year <= LastYear; year++ {
			kind := plan.kinds[cell{i, year}]
			format := gongkai.Format2021
			if year < 2021 || (year <= 2022 && plan.oldFormat[i]) {
				format = gongkai.Format2019
			}
			r := st.report(rng, year, format, kind)
			if kind != "" {
				note(Anomaly{Agency: a.name, Year: year, Kind: kind})
			}
			if year == 2021 && plan.oldFormat[i] {
				note(Anomaly{Agency: a.name, Year: year, Kind: AnomalyOldFormat})
			}
			if kind == AnomalyMissing {
				continue // the history moved on; nobody published it
			}
			sum := sha256.Sum256(fmt.Appendf(nil, "gongkai-demo/%d/%s/%d", seed, a.name, year))
			r.Source = gongkai.Source{
				Kind:   SourceKind,
				Name:   fmt.Sprintf("demo/%s-%d.xlsx", a.name, year),
				SHA256: hex.EncodeToString(sum[:]),
			}
			ingest.Validate(r)
			if err := emit(r); err != nil {
				return err
			}
		}
	}
	return nil
}

// cell names one agency-year of the roster.
type cell struct{ agency, year int }

type anomalyPlan struct {
	kinds     map[cell]string
	oldFormat map[int]bool
}

// planAnomalies chooses which agency-years carry which fault: about 2% of
// agency-years are missing, about 1% each break one rule, and about 3% of
// agencies keep the 2019 layout for 2021–2022; at least two of each.
func planAnomalies(rng *rand.Rand, n int) anomalyPlan {
	p := anomalyPlan{kinds: map[cell]string{}, oldFormat: map[int]bool{}}
	years := LastYear - FirstYear + 1
	count := func(perMille int) int { return max(2, n*years*perMille/1000) }
	choose := func(kind string, k int, ok func(c cell) bool) {
		for tries := 0; k > 0 && tries < 100*k; tries++ {
			c := cell{rng.IntN(n), FirstYear + rng.IntN(years)}
			if _, taken := p.kinds[c]; taken || !ok(c) {
				continue
			}
			p.kinds[c] = kind
			k--
		}
	}
	any := func(cell) bool { return true }
	choose(AnomalyMissing, count(20), any)
	choose(AnomalyCarryBreak, count(10), func(c cell) bool {
		_, prev := p.kinds[cell{c.agency, c.year - 1}]
		return c.year > FirstYear && !prev
	})
	choose(AnomalyRowSum, count(8), any)
	choose(AnomalyTotal, count(8), any)
	choose(AnomalyNarrative, count(8), any)
	for k := max(2, n*3/100); k > 0 && len(p.oldFormat) < n; {
		i := rng.IntN(n)
		if !p.oldFormat[i] {
			p.oldFormat[i] = true
			k--
		}
	}
	return p
}

// logNormal returns exp(N(mu, sigma)): the heavy-tailed sizes of organs.
func logNormal(rng *rand.Rand, mu, sigma float64) float64 {
	return math.Exp(mu + sigma*rng.NormFloat64())
}

// poisson returns a Poisson-distributed count with mean lambda.
func poisson(rng *rand.Rand, lambda float64) int {
	if lambda <= 0 {
		return 0
	}
	if lambda > 30 {
		return max(0, int(math.Round(lambda+math.Sqrt(lambda)*rng.NormFloat64())))
	}
	l, k, p := math.Exp(-lambda), 0, 1.0
	for {
		p *= rng.Float64()
		if p <= l {
			return k
		}
		k++
	}
}
