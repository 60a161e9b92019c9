package demo

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"gongkai/region"
)

// TestCountryRoster checks the Country roster at the sizes of a 10k-, a 100k-
// and a 1M-report set: every agency's name derives back to the province, city and county it
// was drawn from (a wrong one would be a wrong figure on the regions page),
// every province and nearly every county is used, names are unique, and the
// levels' shares are within a point or two of the stated mix.
func TestCountryRoster(t *testing.T) {
	atlas, err := region.Load()
	if err != nil {
		t.Skip(err)
	}
	for _, n := range []int{1700, 20000, 170068} { // a 10k-, 100k- and 1M-report set
		t.Run(strconv.Itoa(n), func(t *testing.T) { checkCountryRoster(t, atlas, n) })
	}
}

func checkCountryRoster(t *testing.T, atlas *region.Atlas, n int) {
	ds, err := countryNames(atlas, n)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != n {
		t.Fatalf("%d agencies, want %d", len(ds), n)
	}
	seen := map[string]bool{}
	levels := map[string]int{}
	provinces, counties := map[string]bool{}, map[string]bool{}
	for _, d := range ds {
		if seen[d.name] {
			t.Fatalf("%s twice", d.name)
		}
		seen[d.name] = true
		p := atlas.Derive(d.name)
		if p.Province != d.place.Province || p.City != d.place.City || p.County != d.place.County {
			t.Errorf("%s derives to %s/%s/%s, drawn from %s/%s/%s", d.name, p.Province, p.City, p.County,
				d.place.Province, d.place.City, d.place.County)
		}
		if p.Level == "" {
			t.Errorf("%s has no level", d.name)
		}
		levels[p.Level]++
		provinces[p.Province] = true
		if p.County != "" {
			counties[p.Province+p.City+p.County] = true
		}
	}
	if len(provinces) != len(atlas.Provinces()) {
		t.Errorf("%d provinces used, want all %d", len(provinces), len(atlas.Provinces()))
	}
	t.Logf("%d counties", len(counties))
	if len(counties) < min(2000, n/10) {
		t.Errorf("%d counties used, want at least %d", len(counties), min(2000, n/10))
	}
	for _, c := range []struct {
		name   string
		levels []string
		lo, hi float64
	}{
		{"provincial", []string{region.LevelProvinceGov, region.LevelProvinceDept}, 0.5, 1.5},
		{"city", []string{region.LevelCityGov, region.LevelCityDept}, 7, 9},
		{"county", []string{region.LevelCountyGov, region.LevelCountyDept}, 64, 68},
		{"township", []string{region.LevelTownship}, 23, 27},
	} {
		s := 0
		for _, l := range c.levels {
			s += levels[l]
		}
		got := 100 * float64(s) / float64(n)
		if got < c.lo || got > c.hi {
			t.Errorf("%s organs %.1f %%, want %.1f–%.1f %%", c.name, got, c.lo, c.hi)
		}
		t.Logf("%s organs %.1f %%", c.name, got)
	}
	// The agencies themselves are those names, each in its drawn place.
	small, err := countryNames(atlas, 500)
	if err != nil {
		t.Fatal(err)
	}
	as, err := countryRoster(rand.New(rand.NewPCG(1, 2)), atlas, 500)
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range as {
		if a.name != small[i].name || a.place.Province != small[i].place.Province || a.place.County != small[i].place.County {
			t.Fatalf("agency %d is %s in %s %s, drawn as %s", i, a.name, a.place.Province, a.place.County, small[i].name)
		}
	}
}
