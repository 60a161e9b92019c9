package demo

import (
	"errors"
	"math/rand/v2"
	"strings"

	"gongkai/region"
)

// Shape is which roster a demo set draws its agencies from.
type Shape int

const (
	// TwoProvinces is the default set's roster: every agency in 贵州省 or
	// 浙江省, about 4 % provincial, 30 % city and 46 % county organs and the
	// rest townships. Past a few thousand agencies the two provinces run out
	// of provincial, city and county organs and the rest are townships (about
	// 97 % of 170,000 agencies).
	TwoProvinces Shape = iota
	// Country draws from every province of the division data with about the
	// level mix of the whole country (31 provinces, ~330 cities, ~2,500
	// counties and their departments, tens of thousands of townships):
	// about 1 % provincial, 8 % city, 66 % county organs and 25 % townships,
	// a level that runs out of organs passing its share on to the next.
	Country
)

// Level shares of the Country roster, in per cent of all agencies; the
// townships take the rest.
const (
	countryProvinceShare = 1
	countryCityShare     = 8
	countryCountyShare   = 66
)

// More departments for the Country roster, so that the country's counties
// and cities hold their share of a national set (170,000 agencies) with
// about the forty working departments a real one has. The default roster
// keeps its lists, so that its set stays the same.
var (
	countryProvinceDepts = append(append([]string(nil), provinceDepts...),
		"科学技术厅", "工业和信息化厅", "体育局", "档案局", "信访局", "人民防空办公室",
		"地方金融监督管理局", "民族宗教事务委员会", "粮食和物资储备局", "投资促进局",
		"大数据发展管理局", "国有资产监督管理委员会", "机关事务管理局", "广播电视局",
		"药品监督管理局", "知识产权局")
	countryCityDepts = append(append([]string(nil), cityDepts...),
		"科学技术局", "工业和信息化局", "体育局", "档案局", "信访局", "人民防空办公室",
		"地方金融监督管理局", "民族宗教事务局", "粮食和物资储备局", "投资促进局",
		"大数据发展管理局", "国有资产监督管理委员会", "机关事务管理局", "政务服务管理局")
	countryCountyDepts = append(append([]string(nil), countyDepts...),
		"科学技术局", "工业和信息化局", "体育局", "档案局", "信访局", "人民防空办公室",
		"地方金融监督管理局", "民族宗教事务局", "粮食和物资储备局", "投资促进局",
		"大数据发展管理局", "国有资产监督管理局", "机关事务服务中心", "政务服务管理局",
		"城市管理局", "供销合作社联合社", "扶贫开发办公室", "外事办公室", "融媒体中心", "气象局")
)

// drawnUnit is a division of the Country roster with the place its agencies
// are drawn from.
type drawnUnit struct {
	unit
	place region.Place
}

// drawn is one agency name of the Country roster and the place it was drawn
// from, which atlas.Derive must read back from the name.
type drawn struct {
	name  string
	place region.Place
}

// countryRoster returns n agencies of every province, in the level mix of
// Country. Its error says the division data holds no counties.
func countryRoster(rng *rand.Rand, atlas *region.Atlas, n int) ([]*agency, error) {
	ds, err := countryNames(atlas, n)
	if err != nil {
		return nil, err
	}
	out := make([]*agency, len(ds))
	for i, d := range ds {
		out[i] = newAgency(rng, atlas, d.name)
	}
	return out, nil
}

// countryNames returns the names of countryRoster's n agencies with the
// place each is drawn from. A division whose name does not derive back to it
// even with its parents' names in front is left out, so that no agency of
// the set stands in a wrong place.
func countryNames(atlas *region.Atlas, n int) ([]drawn, error) {
	// The prefix (with parents' names as needed) that derives to the place.
	prefixOf := func(want region.Place, names ...string) (string, bool) {
		for i := len(names) - 1; i >= 0; i-- {
			prefix := ""
			for _, s := range names[i:] {
				prefix += s
			}
			p := atlas.Derive(prefix + "人民政府")
			if p.Province == want.Province && p.City == want.City && p.County == want.County {
				return prefix, true
			}
		}
		return "", false
	}
	// Cities and counties in turn across provinces and cities, so that a
	// small set still spans the country.
	var provinces []drawnUnit
	var citiesOf [][]drawnUnit   // a province's cities
	var groupsOf [][][]drawnUnit // a province's cities' counties
	for _, pv := range atlas.Provinces() {
		p := pv.Name
		if prefix, ok := prefixOf(region.Place{Province: p}, p); ok {
			provinces = append(provinces, drawnUnit{unit{prefix, countryProvinceDepts}, region.Place{Province: p}})
		}
		var cs []drawnUnit
		var groups [][]drawnUnit
		// The cities, then the counties no city holds (a municipality's
		// districts, the county-level cities directly under a province).
		for _, c := range append(atlas.Cities(p), region.Division{}) {
			if c.Name != "" {
				if prefix, ok := prefixOf(region.Place{Province: p, City: c.Name}, p, c.Name); ok {
					cs = append(cs, drawnUnit{unit{prefix, countryCityDepts}, region.Place{Province: p, City: c.Name}})
				}
			}
			var us []drawnUnit
			for _, k := range atlas.Counties(p, c.Name) {
				if k.Code[4:] >= "70" { // statistics-only zones, not GB/T 2260 counties
					continue
				}
				want := region.Place{Province: p, City: c.Name, County: k.Name}
				if prefix, ok := prefixOf(want, p, c.Name, k.Name); ok {
					us = append(us, drawnUnit{unit{prefix, countryCountyDepts}, want})
				}
			}
			if len(us) > 0 {
				groups = append(groups, us)
			}
		}
		citiesOf = append(citiesOf, cs)
		groupsOf = append(groupsOf, groups)
	}
	cities := interleave(citiesOf)
	counties := interleave(interleave(groupsOf))
	if len(counties) == 0 {
		return nil, errors.New("demo: 行政区划数据中没有区县")
	}

	quota := func(share int) int { return n * share / 100 }
	out := pickDrawn(provinces, max(1, quota(countryProvinceShare)))
	out = append(out, pickDrawn(cities, quota(countryProvinceShare+countryCityShare)-len(out))...)
	want := quota(countryProvinceShare+countryCityShare+countryCountyShare) - len(out)
	used := min(len(counties), max(1, want/5))
	out = append(out, pickDrawn(counties[:used], want)...)
	towns := counties[:used]
	for i := 0; len(out) < n; i++ {
		j, m := i%len(towns), i/len(towns)
		t := towns[j]
		// The m-th township of the county, its name shifted by the county
		// so that neighbouring counties' townships differ.
		k := (m + 7*j) % (len(townFirst) * len(townSecond))
		name := string(townFirst[k%len(townFirst)]) + string(townSecond[k/len(townFirst)])
		switch {
		case m >= len(townFirst)*len(townSecond):
			name += string(rune('一'+m/(len(townFirst)*len(townSecond)))) + "镇人民政府"
		case k%5 == 4 && strings.HasSuffix(t.place.County, "区"):
			name += "街道办事处"
		case k%7 == 6:
			name += "乡人民政府"
		default:
			name += "镇人民政府"
		}
		out = append(out, drawn{t.prefix + name, t.place})
	}
	return out[:n], nil
}

// pickDrawn is pick over drawn units: up to n agencies, first every unit's
// government, then each unit's departments in turn.
func pickDrawn(units []drawnUnit, n int) []drawn {
	groups := make([][]drawn, len(units))
	for i, u := range units {
		for _, name := range u.names() {
			groups[i] = append(groups[i], drawn{name, u.place})
		}
	}
	return firstN(interleave(groups), n)
}

// interleave returns the groups' items in turn: every group's first, then
// every group's second, and so on.
func interleave[T any](groups [][]T) []T {
	var out []T
	for i := 0; ; i++ {
		added := false
		for _, g := range groups {
			if i < len(g) {
				out = append(out, g[i])
				added = true
			}
		}
		if !added {
			return out
		}
	}
}
