package xlsx

import (
	"math"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// A date is stored as a number (days since 1900, or 1904) and shown through
// its cell's number format. People type a year or a date into a cover sheet
// as a date ("2021年", "2022/1/20"), so a cell whose format is a date is
// shown as one. Only plausible dates (1990–2099) are converted: a figure in
// a cell someone formatted as a date by mistake keeps its number.
const (
	minDateSerial = 32874 // 1990-01-01
	maxDateSerial = 73050 // 2099-12-31
)

// builtinDateFormats are the built-in number formats that show dates, as a
// Chinese-locale spreadsheet shows them.
var builtinDateFormats = map[int]string{
	14: "yyyy/m/d", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 22: "yyyy/m/d",
	27: `yyyy"年"m"月"`, 28: `m"月"d"日"`, 29: `m"月"d"日"`, 30: "m-d-yy", 31: `yyyy"年"m"月"d"日"`,
	36: `yyyy"年"m"月"`, 50: `yyyy"年"m"月"`, 51: `m"月"d"日"`, 52: `yyyy"年"m"月"`, 53: `m"月"d"日"`,
	54: `m"月"d"日"`, 57: `yyyy"年"m"月"`, 58: `m"月"d"日"`,
}

// dateStyles reads, once per workbook and only when a cell may need it, the
// date format of every cell style: dateFmt[i] is the format of style i, or
// "" when it does not show a date.
func (p *xlsxPackage) dateStyles() []string {
	if p.stylesRead {
		return p.dateFmt
	}
	p.stylesRead = true
	data, err := p.part(p.stylesPath)
	if err != nil || data == nil {
		return nil
	}
	custom := map[int]string{}
	s := newXMLScanner(data)
	inXfs := false
	for k := s.next(); k != xmlEOF; k = s.next() {
		switch {
		case k == xmlStart && s.is("numFmt"):
			id, _ := s.attr("numFmtId")
			code, _ := s.attr("formatCode")
			if n, err := strconv.Atoi(id); err == nil {
				custom[n] = code
			}
		case k == xmlStart && s.is("cellXfs"):
			inXfs = true
		case k == xmlEnd && s.is("cellXfs"):
			inXfs = false
		case k == xmlStart && s.is("xf") && inXfs:
			id, _ := s.attr("numFmtId")
			n, _ := strconv.Atoi(id)
			code, ok := custom[n]
			if !ok {
				code = builtinDateFormats[n]
			}
			if !isDateFormat(code) {
				code = ""
			}
			p.dateFmt = append(p.dateFmt, code)
			if len(p.dateFmt) > maxStrings {
				return p.dateFmt
			}
		}
	}
	return p.dateFmt
}

// stylesPart returns the path of the styles part named by the workbook
// relationships, or the conventional one.
func stylesPart(wbPath string, rels []xlsxRel) string {
	for _, r := range rels {
		if strings.HasSuffix(r.typ, "/styles") {
			return resolvePart(path.Dir(wbPath), r.target)
		}
	}
	return path.Join(path.Dir(wbPath), "styles.xml")
}

// isDateFormat reports whether a number format shows a date: it has a year
// or day part, outside quoted text, escapes and [brackets]. A format built on
// General (`General"件"`, `[$-804]General`) shows a number: the e of General
// is not the era year.
func isDateFormat(code string) bool {
	if code == "" || strings.EqualFold(code, "General") {
		return false
	}
	for _, t := range formatTokens(code) {
		if !t.literal && (t.text[0] == 'y' || t.text[0] == 'd' || t.text[0] == 'e') {
			return true
		}
	}
	return false
}

type formatToken struct {
	text    string
	literal bool
}

// formatTokens splits a number format into runs of one format letter
// (lower-cased) and literal text. The first section (before ';') is used.
func formatTokens(code string) []formatToken {
	var out []formatToken
	inQuote := false
	for i := 0; i < len(code); {
		c := code[i]
		switch {
		case inQuote:
			j := strings.IndexByte(code[i:], '"')
			if j < 0 {
				j = len(code) - i
			}
			out = append(out, formatToken{code[i : i+j], true})
			i += j + 1
			inQuote = false
		case c == '"':
			inQuote = true
			i++
		case c == ';':
			return out
		case c == '\\' && i+1 < len(code):
			out = append(out, formatToken{code[i+1 : i+2], true})
			i += 2
		case c == '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				return out
			}
			i += j + 1
		case (c == 'G' || c == 'g') && len(code)-i >= 7 && strings.EqualFold(code[i:i+7], "General"):
			out = append(out, formatToken{code[i : i+7], true})
			i += 7
		case strings.IndexByte("yYmMdDhHsSeE", c) >= 0:
			j := i
			for j < len(code) && (code[j]|0x20) == (c|0x20) {
				j++
			}
			out = append(out, formatToken{strings.ToLower(code[i:j]), false})
			i = j
		default:
			_, size := utf8.DecodeRuneInString(code[i:])
			out = append(out, formatToken{code[i : i+size], true})
			i += size
		}
	}
	return out
}

// formatDate shows serial through a date format: years, months and days
// with their literal text; time parts and what follows them are left out.
func formatDate(serial float64, code string, date1904 bool) string {
	days := int(math.Floor(serial))
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	d := base.AddDate(0, 0, days)
	var b strings.Builder
	for _, t := range formatTokens(code) {
		if t.literal {
			b.WriteString(t.text)
			continue
		}
		switch t.text[0] {
		case 'y', 'e':
			if len(t.text) <= 2 && t.text[0] == 'y' {
				b.WriteString(strconv.Itoa(d.Year() % 100))
			} else {
				b.WriteString(strconv.Itoa(d.Year()))
			}
		case 'm':
			if len(t.text) == 2 && d.Month() < 10 {
				b.WriteByte('0')
			}
			b.WriteString(strconv.Itoa(int(d.Month())))
		case 'd':
			if len(t.text) == 2 && d.Day() < 10 {
				b.WriteByte('0')
			}
			b.WriteString(strconv.Itoa(d.Day()))
		default: // hours, seconds: the date is what matters here
			return strings.TrimSpace(b.String())
		}
	}
	return strings.TrimSpace(b.String())
}

// dateText returns the date a numeric cell of the given style shows, or ""
// when the style is not a date format or the number is not a plausible date.
func (p *xlsxPackage) dateText(v []byte, style int) string {
	if style < 0 || len(v) < 5 || v[0] < '1' || v[0] > '9' {
		return ""
	}
	f, err := strconv.ParseFloat(string(v), 64)
	if err != nil || f < minDateSerial || f > maxDateSerial {
		return ""
	}
	styles := p.dateStyles()
	if style >= len(styles) || styles[style] == "" {
		return ""
	}
	return formatDate(f, styles[style], p.date1904)
}
