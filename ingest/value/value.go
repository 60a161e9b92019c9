// Package value reads the figures of report cells: numbers as reports write
// them (full-width digits, thousands separators, 增/减, a unit after the
// number) and the marks that mean "nothing to report". The locator, the
// rules and the page-text readers share it, so that a figure reads the same
// in every medium.
package value

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongkai"
	"gongkai/ingest/labels"
)

// Value kinds, as gongkai.CellKind returns them.
const (
	kindCount  = "count"  // a non-negative integer
	kindSigned = "signed" // an integer that may carry a sign: "+2", "-1", "减4"
	kindMoney  = "money"  // a non-negative decimal
)

// blankMarks are the cell texts that mean "nothing to report": stored as
// blank, counted as 0 in sums.
var blankMarks = map[string]bool{
	"": true, "/": true, "\\": true, "-": true, "--": true, "—": true, "——": true,
	"–": true, "−": true, "无": true, "空": true, "/件": true,
}

// cellUnits are the units a cell may name after its number, longest first so
// that "万元" is not read as "元".
var cellUnits = []string{"万元", "元", "件", "条", "个", "项", "次", "份"}

// signWords are the prefixes that give a delta its sign ("增3", "减4").
var signWords = []struct {
	word string
	sign float64
}{
	{"增加", 1}, {"减少", -1}, {"增", 1}, {"减", -1}, {"+", 1}, {"-", -1}, {"−", -1},
}

// Parse reads the text of one figure cell of the given kind ("count",
// "signed" or "money"; empty means "count").
//
// A blank cell, or one holding "/", "-", "—" or "无", yields a nil number and
// no error. A number may be written with full-width digits, thousands
// separators, a sign or the words 增/减, a decimal point, and a unit after it
// ("251000元", "3件"); the unit is returned as written.
//
// The error, a *gongkai.Error with a Chinese message that does not name the
// cell (the caller knows where it is), says why the text is not a valid figure
// of that kind. When the text is a number the kind does not allow (a negative
// or fractional count), the number is returned as well: values are stored as
// the report states them and the error becomes a finding. A number beyond
// what gongkai stores (see Holds: 1e15 or more, or more than 15 significant
// digits) yields a nil number and the error: it is left blank.
func Parse(raw, kind string) (number *float64, unit string, err error) {
	v := Scan(raw)
	if v.Blank {
		return nil, "", nil
	}
	text := strings.TrimSpace(raw)
	if !v.OK {
		return nil, "", gongkai.Errorf(gongkai.CodeInvalid, "“%s”不是有效的数字", text)
	}
	if err := Holds(v.F, v.Digits, text); err != nil {
		return nil, v.Unit, err
	}
	return check(v, kind, text)
}

// Holds returns an error when a figure is beyond what gongkai stores
// (gongkai.MaxFigure, gongkai.FigureDigits): 1e15 or more, or more
// significant digits than a float64 holds as printed (digits; 0 when only
// the number is known). text is the figure as printed, for the message. The
// caller leaves such a figure blank: read, it would be a different number
// than the report prints, or a typo no roll-up should carry.
func Holds(f float64, digits int, text string) error {
	switch {
	case math.Abs(f) >= gongkai.MaxFigure:
		return gongkai.Errorf(gongkai.CodeInvalid, "“%s”过大（达到一千万亿），不像报告中的数字；按缺失处理，请核对原表", text)
	case digits > gongkai.FigureDigits:
		return gongkai.Errorf(gongkai.CodeInvalid, "“%s”的有效数字超过 %d 位，无法按原样保存；按缺失处理，请核对原表", text, gongkai.FigureDigits)
	}
	return nil
}

// check applies the kind's limits to the number Scan read from text.
func check(v Scanned, kind, text string) (number *float64, unit string, err error) {
	f := v.F
	n := &f
	switch kind {
	case kindSigned:
		if f != float64(int64(f)) {
			return n, v.Unit, gongkai.Errorf(gongkai.CodeInvalid, "“%s”应为整数（本年增/减是项目数量的变化）", text)
		}
	case kindMoney:
		if f < 0 {
			return n, v.Unit, gongkai.Errorf(gongkai.CodeInvalid, "“%s”：金额不能为负数", text)
		}
	default:
		if f < 0 || v.Negative {
			return n, v.Unit, gongkai.Errorf(gongkai.CodeInvalid, "“%s”：件数不能为负数", text)
		}
		if v.Plus {
			// "+22" under 上一年项目数量: the sign of a change, in a column of
			// counts; the figure may be this row's 本年增/减 set one column
			// off. Stored as stated, like a negative count, with the error.
			return n, v.Unit, gongkai.Errorf(gongkai.CodeInvalid, "“%s”：件数前有正号，像是本年增/减的数，可能填错了栏，请核对", text)
		}
		if f != float64(int64(f)) {
			return n, v.Unit, gongkai.Errorf(gongkai.CodeInvalid, "“%s”：件数应为整数", text)
		}
	}
	return n, v.Unit, nil
}

// ParseIn reads a cell as Parse does, in a column whose unit is unit (the
// format's: "万元", "件", or "" when unstated). A cell that names 元 in a
// column of 万元 ("12345元" under 本年收费金额（单位：万元）) yields a nil number
// and an error saying so: taken as 万元 it would be 10,000 times too large,
// and converting it would guess at what the filler meant, so the figure is
// left blank and the error becomes a finding at the cell. Other units, and
// every other column, read exactly as Parse reads them.
func ParseIn(raw, kind, unit string) (number *float64, cellUnit string, err error) {
	n, cellUnit, err := Parse(raw, kind)
	if n != nil && unit == "万元" && cellUnit == "元" {
		return nil, cellUnit, gongkai.Errorf(gongkai.CodeInvalid, "“%s”写明单位为元，此栏以万元填报；按缺失处理（不换算，请核对原表）", strings.TrimSpace(raw))
	}
	return n, cellUnit, err
}

// Scanned is what Scan makes of a cell's text.
type Scanned struct {
	Blank    bool    // empty or a blank mark
	OK       bool    // a number was read
	F        float64 // the number, with its sign
	Unit     string  // the unit the cell names
	Negative bool    // a minus sign or 减 was written, even before zero
	Plus     bool    // a plus sign or 增 was written
	Digits   int     // significant digits written: from the first non-zero digit to the last of the whole part or the last non-zero decimal
	Decimals int     // decimals written, without trailing zeros
}

// Scan reads a cell's text without judging it against a kind and
// without allocating errors, since the locator calls it for every cell. It
// never fails: text that is no number has OK false.
func Scan(raw string) Scanned {
	if AllDigits(raw) {
		// Most figure cells are plain ASCII digits: read them without
		// folding, unit and sign checks, which would all pass them through.
		f, err := strconv.ParseFloat(raw, 64)
		if err != nil {
			return Scanned{}
		}
		return Scanned{OK: true, F: f, Digits: len(strings.TrimLeft(raw, "0"))}
	}
	s := Fold(raw)
	if blankMarks[s] {
		return Scanned{Blank: true}
	}
	var v Scanned
	for _, u := range cellUnits {
		if len(s) > len(u) && strings.HasSuffix(s, u) {
			s, v.Unit = s[:len(s)-len(u)], u
			break
		}
	}
	sign, signed := 1.0, false
	for _, w := range signWords {
		if strings.HasPrefix(s, w.word) {
			s, sign, signed = s[len(w.word):], w.sign, true
			break
		}
	}
	digits, ok := plainNumber(s)
	if !ok {
		return Scanned{}
	}
	f, err := strconv.ParseFloat(digits, 64)
	if err != nil {
		return Scanned{}
	}
	v.OK, v.Negative, v.Plus = true, sign < 0, signed && sign > 0
	v.F = f * sign
	whole, frac, _ := strings.Cut(digits, ".")
	frac = strings.TrimRight(frac, "0")
	v.Digits, v.Decimals = len(strings.TrimLeft(whole+frac, "0")), len(frac)
	if v.F == 0 {
		v.F = 0 // no negative zero from "-0"
	}
	return v
}

// Check applies the kind's limits to a number that has no cell text (a
// report built by a program rather than read from a file); its error is
// Parse's.
func Check(f float64, kind string) error {
	text := strconv.FormatFloat(f, 'f', -1, 64)
	if err := Holds(f, 0, text); err != nil {
		return err
	}
	// The digits of a computed number are not what a report printed.
	v := Scan(text)
	if !v.OK {
		return gongkai.Errorf(gongkai.CodeInvalid, "“%s”不是有效的数字", text)
	}
	_, _, err := check(v, kind, text)
	return err
}

// Fold folds full-width characters and removes white space, so that
// "１ ２３" reads as "123".
func Fold(raw string) string {
	if labels.Plain(raw) {
		return raw
	}
	var b strings.Builder
	for _, r := range raw {
		r = labels.FoldRune(r)
		if r >= 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// plainNumber checks that s is digits with at most one decimal point between
// digits, and optional thousands separators in their proper places
// ("12,345.5"), and returns it without the separators.
func plainNumber(s string) (string, bool) {
	if s == "" {
		return "", false
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	if hasFrac && (frac == "" || !AllDigits(frac)) {
		return "", false
	}
	if strings.Contains(intPart, ",") {
		groups := strings.Split(intPart, ",")
		if len(groups[0]) == 0 || len(groups[0]) > 3 || !AllDigits(groups[0]) {
			return "", false
		}
		for _, g := range groups[1:] {
			if len(g) != 3 || !AllDigits(g) {
				return "", false
			}
		}
		intPart = strings.Join(groups, "")
	}
	if !AllDigits(intPart) {
		return "", false
	}
	if hasFrac {
		return intPart + "." + frac, true
	}
	return intPart, true
}

// AllDigits reports whether s is a non-empty run of ASCII digits.
func AllDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// FigureCell reports whether a cell's text reads as a figure: a number
// (valid for its kind or not) or a blank mark such as "/" — but not the
// empty string. The locator uses it to tell label cells from value cells.
func FigureCell(text string) bool {
	if text == "" || !mayBeFigure(text) {
		return false
	}
	v := Scan(text)
	return v.OK || (v.Blank && strings.TrimSpace(text) != "")
}

// WrittenFigure reports whether text that is no figure (FigureCell) is a
// figure written wrong rather than words: it starts with a digit (after
// 约, 近 or 逾) and is no row's enumeration ("1.属于国家秘密", "2、重复申请"),
// or it is written in Chinese numerals alone ("十五"), or it is a sign with
// no amount ("增", signOnly). "1517（含转办）", "约1517", "十五" and "增"
// are; "本年新收" and "3.其他" are not. The readers keep
// such a cell in its column, where value.Parse leaves it blank with an
// error, rather than take it for a label or a note.
func WrittenFigure(text string) bool {
	t := strings.TrimSpace(text)
	r, size := utf8.DecodeRuneInString(t)
	if r == '约' || r == '近' || r == '逾' {
		t = t[size:]
		r, _ = utf8.DecodeRuneInString(t)
	}
	if r >= '0' && r <= '9' || r >= '０' && r <= '９' {
		return !enumeration(t)
	}
	if t == "" {
		return false
	}
	if signOnly[t] {
		return true
	}
	for _, r := range t {
		if !strings.ContainsRune("零〇一二两三四五六七八九十百千万", r) {
			return false
		}
	}
	return true
}

// signOnly are the cells of 本年增/减 that give a change its sign and no
// amount ("行政处罚 | 0 | 增 | 25"): a figure left out, not a label.
var signOnly = map[string]bool{"增": true, "减": true, "增加": true, "减少": true, "+": true, "＋": true}

// enumeration reports whether t opens with the enumeration of a row label
// ("1.", "2、", "１２．"): one or two digits and its mark, not a figure.
// Written out rather than a regular expression: every such label of every
// page passes here.
func enumeration(t string) bool {
	n := 0
	for n < 2 {
		r, size := utf8.DecodeRuneInString(t)
		if !(r >= '0' && r <= '9' || r >= '０' && r <= '９') {
			break
		}
		t, n = t[size:], n+1
	}
	t = strings.TrimLeft(t, " \t")
	r, _ := utf8.DecodeRuneInString(t)
	return n > 0 && (r == '.' || r == '、' || r == '．')
}

// NumberCell reports whether a cell's text holds a number.
func NumberCell(text string) bool {
	return text != "" && mayBeNumber(text) && Scan(text).OK
}

// mayBeNumber reports whether text, folded as Scan folds it, starts
// the way every number Scan reads starts: with a digit or a sign. It
// keeps the locator from folding the label cells of every row it looks at.
func mayBeNumber(text string) bool {
	for _, r := range text {
		if r = labels.FoldRune(r); r < 0 {
			continue
		}
		return r >= '0' && r <= '9' || r == '+' || r == '-' || r == '−' || r == '增' || r == '减'
	}
	return false
}

// mayBeFigure is a quick test on the first visible character, so that label
// cells are told apart without folding them.
func mayBeFigure(text string) bool {
	for _, r := range text {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u3000' || r == '\u00a0':
			continue
		case r >= '0' && r <= '9', r >= '０' && r <= '９':
			return true
		}
		return strings.ContainsRune("+-−－/／\\—–增减无空", r)
	}
	return false
}

// ScaleDecimal returns f × 10^places, worked out on the shortest decimal
// text of f so that no binary rounding enters: 1.2 万元 is 12000 元, not
// 12000.000000000002, and 125000 元 is 12.5 万元. It is for a figure whose
// own text names its unit (a sentence's "1.2万元"), converted to the unit of
// its measure; a unit stated apart from the figure is never converted.
func ScaleDecimal(f float64, places int) float64 {
	s := strconv.FormatFloat(math.Abs(f), 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	digits := whole + frac
	point := len(whole) + places // the decimal point's place in digits
	for point > len(digits) {
		digits += "0"
	}
	for point < 0 {
		digits, point = "0"+digits, point+1
	}
	out, err := strconv.ParseFloat(digits[:point]+"."+digits[point:]+"0", 64)
	if err != nil {
		return f * math.Pow10(places) // not reached: digits are digits
	}
	if f < 0 {
		out = -out
	}
	return out
}
