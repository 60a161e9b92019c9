package labels

import (
	"fmt"
	"regexp"
	"strings"
)

// chineseDateRE matches a line that is a date alone written in Chinese
// numerals, as closing signatures often are: "二〇二四年一月二十日",
// "二〇二四年一月" (no day). The zero of the year may be 〇, ○ (a circle),
// 零, O or Ｏ. Groups: year, month, day ("" when none).
var chineseDateRE = regexp.MustCompile(`^[\s(（]*([一二][〇○零OＯ一二三四五六七八九]{3})\s*年\s*(十[一二]?|[一二三四五六七八九])\s*月\s*(?:(三十一?|二?十[一二三四五六七八九]?|二十|[一二三四五六七八九])\s*日)?[\s)）]*$`)

// cnDigits are the values of the numerals of a year written digit by digit.
var cnDigits = map[rune]int{'〇': 0, '○': 0, '零': 0, 'O': 0, 'Ｏ': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// ChineseDate reads a line that is a date alone in Chinese numerals
// ("二〇二四年一月二十日"): its year, month and day, day 0 when the line gives
// none ("二〇二四年一月"), and whether the line is such a date with a month
// and day that exist (a 2月30日 is none). A year before 1990 or after 2100
// is none.
func ChineseDate(s string) (year, month, day int, ok bool) {
	m := chineseDateRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, 0, 0, false
	}
	for _, r := range m[1] {
		year = year*10 + cnDigits[r]
	}
	month, day = cnSmall(m[2]), cnSmall(m[3])
	if year < 1990 || year > 2100 || month < 1 || month > 12 || day > [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month] {
		return 0, 0, 0, false
	}
	if month == 2 && day == 29 && !(year%4 == 0 && (year%100 != 0 || year%400 == 0)) {
		return 0, 0, 0, false
	}
	return year, month, day, true
}

// cnSmall reads a number from 1 to 39 in Chinese numerals ("十二", "二十一",
// "三十"); "" is 0.
func cnSmall(s string) int {
	if s == "" {
		return 0
	}
	tens, ones := 0, s
	if i := strings.Index(s, "十"); i >= 0 {
		tens, ones = 1, s[i+len("十"):]
		if i > 0 {
			tens = cnDigits[[]rune(s[:i])[0]]
		}
	}
	n := tens * 10
	if ones != "" {
		n += cnDigits[[]rune(ones)[0]]
	}
	return n
}

// chineseYMDRE finds a date in Chinese numerals inside a line, and
// chineseMDRE a month and day ("至十二月三十一日", the end of a period whose
// year is the start's). Groups: year (none in chineseMDRE), month, day.
var (
	chineseYMDRE = regexp.MustCompile(`([一二][〇○零OＯ一二三四五六七八九]{3})\s*年\s*(十[一二]?|[一二三四五六七八九])\s*月\s*(三十一?|二?十[一二三四五六七八九]?|二十|[一二三四五六七八九])\s*日`)
	chineseMDRE  = regexp.MustCompile(`(十[一二]?|[一二三四五六七八九])\s*月\s*(三十一?|二?十[一二三四五六七八九]?|二十|[一二三四五六七八九])\s*日`)
)

// chineseDatesInDigits writes the dates in Chinese numerals of s in digits
// ("二〇二三年一月一日至二〇二三年十二月三十一日" → "2023年1月1日至2023年12月31日"),
// and the months and days after them ("至十二月三十一日"), so that the
// expressions for dates in digits read them.
func chineseDatesInDigits(s string) string {
	s = chineseYMDRE.ReplaceAllStringFunc(s, func(d string) string {
		m := chineseYMDRE.FindStringSubmatch(d)
		y := 0
		for _, r := range m[1] {
			y = y*10 + cnDigits[r]
		}
		return fmt.Sprintf("%d年%d月%d日", y, cnSmall(m[2]), cnSmall(m[3]))
	})
	return chineseMDRE.ReplaceAllStringFunc(s, func(d string) string {
		m := chineseMDRE.FindStringSubmatch(d)
		return fmt.Sprintf("%d月%d日", cnSmall(m[1]), cnSmall(m[2]))
	})
}

// chineseYearRE finds a year written digit by digit in Chinese numerals
// before 年 ("二〇二三年"): every year of these reports (2008 on) has a zero.
var chineseYearRE = regexp.MustCompile(`[一二][〇○零OＯ一二三四五六七八九]{3}年`)

// chineseYearInDigits writes a year chineseYearRE found in digits:
// "二〇二三年" → "2023年".
func chineseYearInDigits(s string) string {
	y := 0
	for _, r := range strings.TrimSuffix(s, "年") {
		y = y*10 + cnDigits[r]
	}
	return fmt.Sprintf("%d年", y)
}
