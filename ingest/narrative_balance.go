package ingest

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
)

// "全年…共收到网上申请N件,快递M件,合计T件,上年结转C件,截至12月底已回复H件,K件
// 正在办理中" (the shape of a real 2024 district government's page): the
// count handled is given up to a date, and the count still being handled
// after it on a line that names the year before. Neither was read, and
// neither was said: the date's 截至 kept the count handled off as a count
// that may run over years (its reason, when given, named the whole area),
// and the count in progress is not taken as carried out on a line naming
// 上年 (it may be the year before's).
//
// The four counts of a year's applications balance: those received and
// carried in are those handled and those carried out. When the sentence
// states all four and they balance, the count handled is the year's and the
// count in progress is the one carried out; anything else (a running total,
// a count in progress of another year) would break the sum. When they do
// not balance, or the count in progress is not said, both stay blank, each
// with a warning that says why.

// balanceDateRE finds the date a count handled is given up to: the end of
// December, of the report's year when a year is named.
var balanceDateRE = regexp.MustCompile(`^(?:截至|截止)(?:到)?(?:((?:19|20)[0-9]{2})年)?(?:12月底|12月末|12月31日|年底|年末)(?:前|止)?`)

// balanceHandledRE finds a count handled at the end of a clause, after the
// date (if any) is cut off: "已回复126件", "共办结20件", "答复完毕12件".
var balanceHandledRE = regexp.MustCompile(`^(?:已|共|已经|均已|累计)?(?:回复|答复|办结|办理完毕|答复完毕|办结完毕)(?:了)?(?:申请)?([0-9]+)件$`)

// balanceProgressRE finds a count still being handled when the year closed:
// "7件正在办理中", "正在办理7件", "办理中7件", "7件结转下年度继续办理".
var balanceProgressRE = regexp.MustCompile(`^([0-9]+)件(?:申请)?(?:正在办理中?|仍在办理中?|尚在办理中?|办理中|结转下一?年度?(?:继续办理|办理)?)$|^(?:正在办理|办理中|结转下一?年度?(?:继续办理)?)(?:的)?([0-9]+)件$`)

// errUpToDate is the bad of a count given up to a date ("截至12月底已答复N
// 件") that nothing shows to be the year's alone.
var errUpToDate = errors.New("counted up to a date")

// errUnbalanced is the bad of a count handled or in progress whose sentence
// states the year's four counts of applications, which do not add up.
var errUnbalanced = errors.New("received and carried in unlike handled and carried out")

// errProgressUnsettled is the bad of a count still being handled ("1件正在
// 办理") on a line that names 上年, that the year's four counts do not settle
// (balanceCounts): it may be of the year before's, and was blank with no
// word (left from session 38).
var errProgressUnsettled = errors.New("in progress on a line naming the year before, unsettled")

// balance is what a sentence says of the four counts of applications
// besides the counts received and carried in: the count handled (dated when
// given up to a date) and the count in progress, -1 when unsaid.
type balance struct {
	handled, progress float64
	dated             bool
}

// readBalance returns the count handled and the count in progress a
// sentence states in clauses of their own (balanceHandledRE,
// balanceProgressRE), each once; ok is false when it states neither, or
// either twice, or names a date of another year or a matter other than
// applications (a review, a suit).
func readBalance(sent string, year int) (b balance, ok bool) {
	if hasAny(sent, otherTopics...) {
		return balance{}, false
	}
	b = balance{handled: -1, progress: -1}
	dateBefore := false // the clause before was the date alone
	// FieldsFuncSeq, not clauses: the sentence reader calls this for every
	// sentence with a count received, and a slice of clauses is an
	// allocation each.
	for c := range strings.FieldsFuncSeq(strings.TrimRight(sent, "。."), func(r rune) bool { return r == ',' || r == ';' || r == ':' }) {
		c = strings.TrimSpace(c)
		dated := dateBefore
		dateBefore = false
		if m := balanceDateRE.FindStringSubmatch(c); m != nil {
			if m[1] != "" && m[1] != strconv.Itoa(year) {
				return balance{}, false
			}
			c = strings.TrimLeft(c[len(m[0]):], " ,")
			if c == "" {
				dateBefore = true
				continue
			}
			dated = true
		}
		if m := balanceHandledRE.FindStringSubmatch(c); m != nil {
			if b.handled >= 0 {
				return balance{}, false
			}
			b.handled, _ = strconv.ParseFloat(m[1], 64)
			b.dated = dated
			continue
		}
		if m := balanceProgressRE.FindStringSubmatch(c); m != nil {
			if b.progress >= 0 {
				return balance{}, false
			}
			b.progress, _ = strconv.ParseFloat(m[1]+m[2], 64) // one of the two forms matched
		}
	}
	return b, b.handled >= 0 || b.progress >= 0
}

// settled is a count balanceCounts settles: its kind, figure and bad.
type settled struct {
	k   nkind
	f   float64
	bad error
}

// balanceCounts returns what the four counts of a sentence settle (n of
// out): got is the count received it read, carried the count carried in it
// read (-1 when unsaid), line the line it stands on (folded). A balanced
// sentence gives the count handled and the count carried out; an unbalanced
// one, or a count handled up to a date with nothing to balance it, leaves
// them blank with errUnbalanced or errUpToDate. A count handled not up to a
// date, and a count in progress on a line that does not name the year
// before, are the sentence reader's (read as before). The counts come back
// in an array, not through a function, so that the sentence's reader
// allocates nothing for them.
func balanceCounts(sent string, year int, got, carried float64, line string) (out [2]settled, n int) {
	b, ok := readBalance(sent, year)
	if !ok || got < 0 {
		return out, 0
	}
	if b.handled >= 0 && b.progress >= 0 && carried >= 0 {
		if got+carried == b.handled+b.progress {
			return [2]settled{{nHandled, b.handled, nil}, {nCarriedOut, b.progress, nil}}, 2
		}
		if b.dated {
			out[n] = settled{nHandled, b.handled, errUnbalanced}
			n++
		}
		if strings.Contains(line, "上年") {
			out[n] = settled{nCarriedOut, b.progress, errUnbalanced}
			n++
		}
		return out, n
	}
	if b.dated && b.handled >= 0 {
		return [2]settled{{nHandled, b.handled, errUpToDate}}, 1
	}
	return out, 0
}

// errBareDecisions is the bad of a count of licensing, penalties or
// coercion given with the kind alone (bareDecisions).
var errBareDecisions = errors.New("a kind of decision counted with no verb")

// bareYearRE finds the year or span a clause may open with before the kind.
var bareYearRE = regexp.MustCompile(`^(?:(?:19|20)[0-9]{2}年度?|本年度?|今年|全年|年内)`)

// bareDecisions reports whether the words before a count (of a unit of
// decisions or matters) are a kind of decision of table 二 and nothing else:
// "行政处罚", "行政许可项目", with no verb (作出, 办理, 实施 …) that would
// make them decisions made, and no word (其中, 涉及) that makes them a part
// of something else.
func bareDecisions(seg, unit string) (nkind, bool) {
	if !strings.Contains(unitsDecide+"项", unit) {
		return 0, false
	}
	s := strings.Trim(seg, "、,和及与; ")
	s = strings.Trim(bareYearRE.ReplaceAllString(s, ""), "、,和及与; ")
	switch s {
	case "行政许可", "行政许可项目", "行政许可事项":
		return nLicensing, true
	case "行政处罚":
		return nPenalty, true
	case "行政强制":
		return nCoercion, true
	}
	return 0, false
}

// once returns f as the first count of a kind a sentence states, or -2 when
// it states another (prev is -1 when none yet).
func once(prev, f float64) float64 {
	if prev == -1 || prev == f {
		return f
	}
	return -2
}
