package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"gongkai/region"
)

// agency is one organ of the demo set with what drives its figures.
type agency struct {
	name                   string
	place                  region.Place
	dept                   string  // the department's name without its region ("应急管理局"), "" for a government
	appsScale              float64 // mean applications a year
	licensing, penalty     float64 // mean decisions a year
	coercion               float64
	proactive              float64 // items proactively published a year
	fees                   bool    // collects administrative fees
	slashRules             bool    // writes "/" in the 规章 row it can have nothing in
	rulemaker              bool    // a provincial or 设区的市 government: may make 规章
	natural, legalServices float64 // applicant mix
}

// The provinces of the demo set: real names, synthetic figures.
var demoProvinces = []string{"贵州省", "浙江省"}

// Departments by level. Names are the usual ones of a provincial, city and
// county government's working departments.
var (
	provinceDepts = []string{
		"发展和改革委员会", "教育厅", "公安厅", "民政厅", "司法厅", "财政厅", "人力资源和社会保障厅",
		"自然资源厅", "生态环境厅", "住房和城乡建设厅", "交通运输厅", "水利厅", "农业农村厅", "商务厅",
		"文化和旅游厅", "卫生健康委员会", "应急管理厅", "审计厅", "市场监督管理局", "统计局", "林业局",
		"医疗保障局", "退役军人事务厅", "政务服务管理局",
	}
	cityDepts = []string{
		"应急管理局", "市场监督管理局", "自然资源局", "住房和城乡建设局", "教育局", "公安局",
		"行政审批服务局", "交通运输局", "卫生健康局", "财政局", "人力资源和社会保障局", "生态环境局",
		"民政局", "司法局", "农业农村局", "水务局", "商务局", "文化广电旅游局", "审计局", "统计局",
		"林业局", "医疗保障局", "退役军人事务局", "城市管理局", "乡村振兴局", "发展和改革委员会",
	}
	countyDepts = []string{
		"市场监督管理局", "应急管理局", "自然资源局", "住房和城乡建设局", "教育局", "行政审批服务局",
		"公安局", "交通运输局", "卫生健康局", "财政局", "人力资源和社会保障局", "民政局", "司法局",
		"农业农村局", "水务局", "商务局", "文化广电旅游局", "审计局", "统计局", "林业局", "医疗保障局",
		"退役军人事务局", "综合行政执法局", "乡村振兴局", "发展和改革局",
	}
)

// profile is how much of each kind of decision a department makes: licensing
// concentrates in 市场监管 and 行政审批, penalties in 公安 and 综合执法.
type profile struct {
	key                          string
	licensing, penalty, coercion float64
	apps                         float64 // multiplies the level's application rate
}

var profiles = []profile{
	{"行政审批", 4000, 0, 0, 1},
	{"政务服务", 3000, 0, 0, 1},
	{"市场监督", 2500, 250, 30, 1.5},
	{"公安", 1200, 1500, 120, 1.5},
	{"综合行政执法", 50, 600, 60, 1},
	{"城市管理", 300, 500, 50, 1},
	{"交通运输", 800, 300, 20, 1},
	{"自然资源", 300, 40, 5, 3},
	{"住房和城乡建设", 400, 30, 5, 2},
	{"卫生健康", 300, 40, 2, 1},
	{"生态环境", 100, 60, 8, 1.5},
	{"林业", 200, 30, 2, 1},
	{"农业农村", 150, 20, 2, 1},
	{"应急管理", 60, 30, 3, 1},
	{"水", 100, 10, 1, 1},
	{"文化", 80, 15, 1, 1},
	{"人力资源", 50, 10, 0, 1.5},
	{"教育", 50, 2, 0, 1.2},
	{"民政", 30, 2, 0, 1},
	{"商务", 20, 5, 0, 1},
	{"医疗保障", 0, 20, 0, 1},
}

// Application rates by level: most organs get a handful a year, provincial
// and city governments many more.
var levelApps = map[string]float64{
	region.LevelProvinceGov: 120, region.LevelProvinceDept: 25,
	region.LevelCityGov: 45, region.LevelCityDept: 8,
	region.LevelCountyGov: 15, region.LevelCountyDept: 3,
	region.LevelTownship: 0.6,
}

var levelProactive = map[string]float64{
	region.LevelProvinceGov: 2200, region.LevelProvinceDept: 600,
	region.LevelCityGov: 1500, region.LevelCityDept: 320,
	region.LevelCountyGov: 900, region.LevelCountyDept: 160,
	region.LevelTownship: 80,
}

// Syllables of the synthetic township names.
var (
	townFirst  = []rune("新龙安石马黄大白青长金双平红云花桥水凤宁兴永高东西南北中上下")
	townSecond = []rune("坪桥场溪坝塘山岭江河田口庄湾林阳和丰寨堡")
)

// unit is a division whose organs the roster draws from, with the prefix its
// agencies' names start with.
type unit struct {
	prefix string
	depts  []string
}

// roster returns n agencies of the demo provinces: about 4% provincial, 30%
// city, 46% county organs and the rest townships, spread so that each city
// or county used has a government and several departments. It returns an
// error when the division data lacks the demo provinces' counties.
func roster(rng *rand.Rand, atlas *region.Atlas, n int) ([]*agency, error) {
	var provinces, cities, counties []unit
	var towns []string // county prefixes townships are named after
	for _, p := range demoProvinces {
		provinces = append(provinces, unit{p, provinceDepts})
		for _, c := range atlas.Cities(p) {
			cities = append(cities, unit{c.Name, cityDepts})
		}
	}
	// Counties in turn across cities, so that a small set still spans them.
	var byCity [][]unit
	for _, p := range demoProvinces {
		for _, c := range atlas.Cities(p) {
			var us []unit
			for _, k := range atlas.Counties(p, c.Name) {
				if k.Code[4:] >= "70" { // statistics-only zones, not GB/T 2260 counties
					continue
				}
				prefix := k.Name
				// A county name other provinces also have (白云区, 西湖区)
				// leaves the agency's place unknown: real organs in
				// such counties write the city too.
				if atlas.Derive(prefix+"人民政府").County != k.Name {
					prefix = c.Name + k.Name
				}
				us = append(us, unit{prefix, countyDepts})
			}
			byCity = append(byCity, us)
		}
	}
	for i := 0; ; i++ {
		added := false
		for _, us := range byCity {
			if i < len(us) {
				counties = append(counties, us[i])
				added = true
			}
		}
		if !added {
			break
		}
	}

	if len(counties) == 0 {
		return nil, fmt.Errorf("demo: 行政区划数据中没有%s的区县", strings.Join(demoProvinces, "、"))
	}

	quota := func(share int) int { return n * share / 100 }
	names := pick(provinces, max(2, quota(4)))
	names = append(names, pick(cities, quota(30))...)
	countyNames, used := pickCounties(counties, quota(46))
	names = append(names, countyNames...)
	for _, u := range counties[:used] {
		towns = append(towns, u.prefix)
	}
	for i := 0; len(names) < n; i++ {
		t := towns[i%len(towns)]
		// The k-th township of the county, its name shifted by the county
		// so that neighbouring counties' townships differ.
		k := i/len(towns) + 7*(i%len(towns))
		name := string(townFirst[k%len(townFirst)]) + string(townSecond[(k/len(townFirst))%len(townSecond)])
		switch {
		case k >= len(townFirst)*len(townSecond):
			name += string(rune('一'+k/(len(townFirst)*len(townSecond)))) + "镇人民政府"
		case k%5 == 4 && strings.HasSuffix(t, "区"):
			name += "街道办事处"
		case k%7 == 6:
			name += "乡人民政府"
		default:
			name += "镇人民政府"
		}
		names = append(names, t+name)
	}
	names = names[:n]

	out := make([]*agency, len(names))
	for i, name := range names {
		out[i] = newAgency(rng, atlas, name)
	}
	return out, nil
}

// pick returns up to n agency names of units: first every unit's government,
// then each unit's departments in turn.
func pick(units []unit, n int) []string {
	groups := make([][]string, len(units))
	for i, u := range units {
		groups[i] = u.names()
	}
	return firstN(interleave(groups), n)
}

// names returns the unit's agency names: its government, then its departments.
func (u unit) names() []string {
	out := []string{u.prefix + "人民政府"}
	for _, d := range u.depts {
		out = append(out, u.prefix+d)
	}
	return out
}

// firstN returns at most the first n of items.
func firstN[T any](items []T, n int) []T {
	return items[:max(0, min(n, len(items)))]
}

// pickCounties returns n county organs from about n/5 counties (a government
// and four departments each), and how many counties it used.
func pickCounties(counties []unit, n int) ([]string, int) {
	used := min(len(counties), max(1, n/5))
	out := pick(counties[:used], n)
	return out, used
}

func newAgency(rng *rand.Rand, atlas *region.Atlas, name string) *agency {
	a := &agency{name: name, place: atlas.Derive(name)}
	lv := a.place.Level
	gov := lv == region.LevelProvinceGov || lv == region.LevelCityGov || lv == region.LevelCountyGov || lv == region.LevelTownship
	if !gov {
		a.dept = deptOf(name, a.place)
	}
	appsMul := 1.0
	for _, p := range profiles {
		if a.dept != "" && strings.Contains(a.dept, p.key) {
			scale := 1.0
			switch lv {
			case region.LevelProvinceDept:
				scale = 0.4
			case region.LevelCountyDept:
				scale = 0.5
			}
			a.licensing, a.penalty, a.coercion = p.licensing*scale, p.penalty*scale, p.coercion*scale
			appsMul = p.apps
			break
		}
	}
	if lv == region.LevelTownship {
		a.licensing, a.penalty, a.coercion = 3, 2, 0.2
	}
	// Heavy tails: an organ's size varies by a factor of e either way.
	size := func() float64 { return logNormal(rng, 0, 0.9) }
	a.appsScale = levelApps[lv] * appsMul * size()
	a.licensing *= size()
	a.penalty *= size()
	a.coercion *= size()
	a.proactive = levelProactive[lv] * logNormal(rng, 0, 0.6)
	a.fees = !gov && rng.Float64() < 0.25
	a.slashRules = rng.Float64() < 0.3
	a.rulemaker = lv == region.LevelProvinceGov || lv == region.LevelCityGov
	a.natural = 0.7 + 0.25*rng.Float64()
	a.legalServices = 0.01 + 0.03*rng.Float64()
	return a
}

// deptOf returns the department part of an agency's name.
func deptOf(name string, p region.Place) string {
	for _, prefix := range []string{p.City + p.County, p.County, p.City, p.Province} {
		if prefix != "" && strings.HasPrefix(name, prefix) {
			return strings.TrimPrefix(name, prefix)
		}
	}
	return name
}
