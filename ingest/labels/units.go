package labels

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// unitWords are the units a statement of unit lists; money first and the
// longer before the shorter, so that "万元" is not read as "元".
const unitWords = `百万元|千万元|万元|千元|亿元|元|人次|个|件|条|项|次|份|宗|篇|起|家|人`

// unitNoteRE finds a statement of unit in normalized text: "单位:元",
// "金额单位为元", "单位:个、件、万元", "单位均为元", "以元为单位", and a
// bare unit in brackets, "(元)". Group 1 or 2 holds the units stated.
var unitNoteRE = regexp.MustCompile(`单位(?:均|都|统一|一律)?(?:为|是|:)(?:人民币)?((?:(?:` + unitWords + `)[、,/和及与]?)+)|以(?:人民币)?(` + unitWords + `)(?:为单位|计)|\((百万元|千万元|万元|千元|亿元|元)\)`)

// UnitNote is a statement of unit in a report's text.
type UnitNote struct {
	// Money are the units of money it states ("元", "万元"), in its order.
	Money []string
	// Prefix is the normalized text before the statement: the column, the
	// table or the report it speaks of ("收费金额", "二、主动公开政府信息情况"),
	// or "" for a statement standing alone ("单位:元").
	Prefix string
	// Text is the statement as matched, normalized.
	Text string
}

// UnitNotes returns the statements of unit in s that state a unit of money:
// "单位：元", "（金额单位：万元）", "注：收费金额单位为元", "单位：个、件、万元".
// Statements of counts alone ("单位：件") are left out: they cannot make a
// figure of money wrong. s may be raw text; it is normalized here.
func UnitNotes(s string) []UnitNote {
	if !strings.Contains(s, "元") {
		return nil // the common case: no money named
	}
	n := Normalize(s)
	var out []UnitNote
	for _, m := range unitNoteRE.FindAllStringSubmatchIndex(n, -1) {
		var units string
		for g := 1; g <= 3; g++ {
			if m[2*g] >= 0 {
				units = n[m[2*g]:m[2*g+1]]
			}
		}
		var money []string
		for _, u := range unitListRE.FindAllString(units, -1) {
			if strings.HasSuffix(u, "元") {
				money = append(money, u)
			}
		}
		if len(money) == 0 {
			continue
		}
		// "单位为" is also "(our) organ is": "我单位为元旦…" states no unit.
		// A statement with 为 or 是 ends where the words do.
		if sep := n[m[0]:m[1]]; !strings.Contains(sep, ":") && m[3] >= 0 {
			if r, _ := utf8.DecodeRuneInString(n[m[1]:]); unicode.Is(unicode.Han, r) {
				continue
			}
		}
		out = append(out, UnitNote{Money: money, Prefix: n[:m[0]], Text: n[m[0]:m[1]]})
	}
	return out
}

var unitListRE = regexp.MustCompile(unitWords)

// Other reports whether the statement names a unit of money other than
// unit: "单位：元" and "单位：个、件、元" are other than 万元, "单位：个、件、万元"
// is not.
func (u UnitNote) Other(unit string) bool { return u.OtherUnit(unit) != "" }

// OtherUnit returns the first unit of money the statement names that is
// not unit, or "".
func (u UnitNote) OtherUnit(unit string) string {
	for _, m := range u.Money {
		if m != unit {
			return m
		}
	}
	return ""
}

// WholeReport reports whether the statement speaks of the whole report
// ("本报告中涉及金额的单位均为元", "以下各表金额单位为元"), not of one table.
func (u UnitNote) WholeReport() bool {
	for _, w := range []string{"本报告", "本年度报告", "报告中", "报告所列", "全文", "各表", "所有表", "以下表"} {
		if strings.Contains(u.Prefix, w) {
			return true
		}
	}
	return false
}
