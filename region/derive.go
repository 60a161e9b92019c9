package region

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Derive returns the place and level of the named agency as far as its name
// tells, using the embedded divisions. Without them (see Load) it returns an
// empty Place: an unknown place is stored as unknown, never guessed.
func Derive(agency string) Place {
	a, err := Load()
	if err != nil {
		return Place{}
	}
	return a.Derive(agency)
}

// Derive reads the divisions an agency's name starts with (贵州省, 安顺市,
// 西秀区, in that order, full or short form: 安顺 for 安顺市) and what
// follows them: 人民政府 for a government, anything else for a department of
// it, a 镇/乡/街道 government for a township.
//
// A name that fits several divisions (朝阳区 is in Beijing and in Changchun)
// keeps only what they have in common; a level is set only when every reading
// agrees on it. A name that starts with no division ("国家税务总局…") has an
// unknown place and level, except that a township's level shows in its name.
func (a *Atlas) Derive(agency string) Place {
	s := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, agency)

	cur := int32(-1) // the deepest division read so far
	kind := int8(0)  // its level, or the level every ambiguous reading shares
	var buf [16]int32
	for s != "" && kind < kindCounty {
		cands, n := a.prefix(s, cur, buf[:0])
		if n == 0 {
			break
		}
		s = s[n:]
		if len(cands) == 1 {
			cur, kind = cands[0], a.nodes[cands[0]].kind
			continue
		}
		cur, kind = a.common(cands)
		break
	}

	var p Place
	if cur >= 0 {
		n := a.nodes[cur]
		p.Province = a.nodes[n.province].name
		if n.city >= 0 {
			p.City = a.nodes[n.city].name
		}
		if n.kind == kindCounty {
			p.County = n.name
		}
		p.Code = n.code
	}
	gov := s == "" || s == "人民政府" || s == "政府"
	switch {
	case township(s), (kind == kindCounty || kind == kindCity) && bareTownship(s):
		p.Level = LevelTownship
	case kind == kindProvince && gov:
		p.Level = LevelProvinceGov
	case kind == kindProvince:
		p.Level = LevelProvinceDept
	case kind == kindCity && gov:
		p.Level = LevelCityGov
	case kind == kindCity:
		p.Level = LevelCityDept
	case kind == kindCounty && gov:
		p.Level = LevelCountyGov
	case kind == kindCounty:
		p.Level = LevelCountyDept
	}
	return p
}

// prefix returns the divisions that the longest indexed name at the start of
// s can stand for, below cur, and that name's length in bytes. Full names
// win over short forms of the same length; a short form counts only when no
// division suffix follows it, so that 安顺镇 is not read as 安顺 + 镇.
func (a *Atlas) prefix(s string, cur int32, buf []int32) ([]int32, int) {
	for end := min(len(s), a.maxLen); end > 0; end-- {
		if end < len(s) && !utf8.RuneStart(s[end]) {
			continue
		}
		ms := a.byName[s[:end]]
		if len(ms) == 0 {
			continue
		}
		next, _ := utf8.DecodeRuneInString(s[end:])
		cands := buf[:0]
		for _, short := range []bool{false, true} {
			for _, m := range ms {
				if m.short != short || !a.below(m.node, cur) {
					continue
				}
				if short && strings.ContainsRune(divisionSuffixes, next) {
					continue
				}
				cands = append(cands, m.node)
			}
			if len(cands) > 0 {
				return cands, end
			}
		}
	}
	return nil, 0
}

// divisionSuffixes are the characters that end a division's name; a short form
// followed by one of them is the start of some other division's name.
const divisionSuffixes = "省市县区州盟旗镇乡村街"

// below reports whether node n lies under cur (anywhere, for cur -1).
func (a *Atlas) below(n, cur int32) bool {
	if cur < 0 {
		return true
	}
	x, c := a.nodes[n], a.nodes[cur]
	switch c.kind {
	case kindProvince:
		return x.kind > kindProvince && x.province == cur
	case kindCity:
		return x.kind == kindCounty && x.city == cur
	}
	return false
}

// common returns the deepest division that all of cands lie in or are (-1
// for none), and the level they all share (0 when they differ).
func (a *Atlas) common(cands []int32) (int32, int8) {
	first := a.nodes[cands[0]]
	province, city, kind := first.province, first.city, first.kind
	for _, c := range cands[1:] {
		n := a.nodes[c]
		if n.province != province {
			province, city = -1, -1
		}
		if n.city != city {
			city = -1
		}
		if n.kind != kind {
			kind = 0
		}
	}
	switch {
	case city >= 0:
		return city, kind
	case province >= 0:
		return province, kind
	}
	return -1, kind
}

// Township reports whether an organ's name ends as the government of a
// township or a street office (某某镇人民政府, 某某街道办事处). It needs no
// division data, so callers can tell a township where Load fails.
func Township(name string) bool { return township(name) }

// bareTownship reports whether what follows a county's or a city's name is
// a township's or a street's name alone, with no organ after it (衡东县杨林镇,
// 东莞市虎门镇: real reports name their town so). No department's name ends
// in 镇, 乡, 街道 or 苏木 after its division, so the form is a township's; the
// stem must be Chinese characters, and words that name a kind of place
// (城镇, 乡镇, 城乡, 集镇, 小镇, 古镇) are no township's name.
func bareTownship(rest string) bool {
	for _, suffix := range []string{"街道", "苏木", "镇", "乡"} {
		stem, ok := strings.CutSuffix(rest, suffix)
		if !ok {
			continue
		}
		n := utf8.RuneCountInString(stem)
		if n == 0 || n > 8 || strings.ContainsFunc(stem, func(r rune) bool { return !unicode.Is(unicode.Han, r) }) {
			return false
		}
		last, _ := utf8.DecodeLastRuneInString(stem)
		word := n == 1 && strings.ContainsRune("城乡集小古村", last) || // 城镇, 乡镇, 城乡, 集镇, 小镇
			suffix == "乡" && last == '城' || suffix == "镇" && last == '乡' || stem == "小城" // 统筹城乡, 小城镇
		return !word
	}
	return false
}

// township reports whether what follows the divisions in an agency's name is
// the government of a township or a street office (某某镇人民政府, 某某街道办事处).
func township(rest string) bool {
	if stem, ok := strings.CutSuffix(rest, "街道办事处"); ok {
		return stem != ""
	}
	for _, organ := range []string{"人民政府", "政府", "办事处"} {
		if stem, ok := strings.CutSuffix(rest, organ); ok {
			for _, suffix := range []string{"镇", "乡", "街道", "苏木"} {
				if strings.HasSuffix(stem, suffix) && stem != suffix {
					return true
				}
			}
			return false
		}
	}
	return false
}
