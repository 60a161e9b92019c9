package ingest

import (
	"fmt"
	"regexp"
	"strings"
)

// errPartYear is the bad of a count, or a none, stated after a clause that
// is a time alone and names part of the year ("2022年1-6月,", "自2022年7月
// 以来,"; from January on is the year, partOfYear): the count is of those
// months, not the year's. It wraps errUpToDate, so that it is passed over
// as one; passedWhy says its own why.
var errPartYear = fmt.Errorf("counted over part of the year: %w", errUpToDate)

// timeLeadRE matches a clause that is a time alone, a heading's number
// before it at most: "2022年1-6月", "2018年1月至今", "自2022年7月以来",
// "(一)2022年3月起", "2022年1月1日至12月31日". partOfYear tells whether
// the time is part of the year.
var timeLeadRE = regexp.MustCompile(`^(?:[(（][一二三四五六七八九十0-9]{1,2}[)）]|[0-9一二三四五六七八九十]{1,2}[.、])?(?:自|从|在|于)?(?:(?:19|20)[0-9]{2}年度?)?[0-9]{1,2}(?:月份?(?:[0-9]{1,2}日)?)?(?:(?:-|—|–|~|～|至|到)(?:(?:19|20)[0-9]{2}年)?(?:[0-9]{1,2}月份?(?:[0-9]{1,2}日)?|今|目前|现在))?(?:以来|起|开始|期间|间|内|中|底|末|份)?$`)

// partYearLead reports whether a sentence, up to a clause (before), opens
// with a clause that is a time alone (timeLeadRE) and names part of the year
// (partOfYear), before any count it states: the counts after it are of that
// time. A time said after the sentence's first count ("2022年共收到申请12
// 件,其中1-6月收到5件") scopes its own clause only.
func partYearLead(before string) bool {
	if m := countedRE.FindStringIndex(before); m != nil {
		before = before[:m[0]]
	}
	for _, piece := range strings.FieldsFunc(before, func(r rune) bool { return r == ',' || r == ':' || r == ';' }) {
		piece = strings.ReplaceAll(strings.TrimSpace(piece), " ", "")
		if timeLeadRE.MatchString(piece) && partOfYear(piece) {
			return true
		}
	}
	return false
}
