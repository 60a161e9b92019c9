// Package web reads reports as they are published on the web: HTML pages
// (ReadHTML) and page text (ReadText: text saved or scraped from a page, or
// the text of a Word or PDF report, through ReadLines). It rebuilds the rows
// of tables 二, 三 and 四 from labels and figures wherever they stand, and
// hands package ingest's locator a doc.Document like every other reader's,
// every figure keeping the line it was read from. What it cannot place with
// certainty it leaves blank, with a note.
package web

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"gongkai"
	"gongkai/ingest/doc"
	"gongkai/ingest/labels"
	"gongkai/ingest/value"
)

// ReadText reads published page text (a web page saved or scraped as text, or
// the text of a PDF) into grids and lines. The encoding is detected (UTF-8,
// UTF-16 with a byte-order mark, else GB18030/GBK).
//
// Page text comes in several shapes (report-format.md): one cell per line
// ("label |" then "0 |"), pipe rows, cells separated by blank lines,
// space-separated rows, digits run together with their label, and PDF text
// with one character per line in the headers. ReadText recovers the rows of
// tables 二, 三 and 四 using the format definitions and hands the locator
// grids in the official layout, every figure keeping the line it was read
// from. What it cannot place with certainty it leaves blank, with a note.
//
// It returns a *gongkai.Error (CodeInvalid) for an empty file or one that
// does not decode. A page without tables is not an error here: it may be a
// pre-2019 narrative; ingest.Extract decides.
func ReadText(data []byte) (*doc.Document, error) {
	s, err := decodeWeb(data, false)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(s) == "" {
		return nil, gongkai.Errorf(gongkai.CodeInvalid, "文件为空")
	}
	raw := splitLines(s)
	lines := make([]doc.Line, len(raw))
	for i, l := range raw {
		lines[i] = doc.Line{N: i + 1, Text: l}
	}
	return ReadLines(lines, "text"), nil
}

// splitLines splits text into lines, accepting \n, \r\n and \r.
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(s, "\n")
}

// tcell is one cell of page text.
type tcell struct {
	text  string
	key   string // a label's folded form, for matching
	line  int    // the source line, for locations
	idx   int    // the index of the line in the reader's list
	end   int    // for a cell joined over lines, the index of its last line
	value bool   // a figure or a blank marker ("/", "-", "无")
	fused bool   // digits that followed a label with no separator
	// opener marks a blank cell that is a pipe alone on its line right
	// before a line that starts with a label: a page that prints a table
	// one cell a line may open each row with such a pipe ("|" over
	// "规章 |"), so it is either the row before's last cell or this row's
	// opening, and the row before's count of cells tells which.
	opener bool
	// run numbers the digits that stood on one line separated only by
	// spaces ("150 000015"): when a row has fewer figures than columns,
	// those spaces are stray and the run is read as digits run together.
	run int
	// trail counts the blank cells a pipe line ends with after this, its
	// last cell ("| 规章 | 0 | 0 | |"): CellsOf drops them (most pad a
	// narrower sub-table to the page's width), and a row short of figures
	// takes them back where their columns are certain (textTables.place).
	trail int
	// cells counts the cells of this, the last cell's, pipe line, the
	// trailing blanks included.
	cells int
}

// figureRE matches a figure cell. A number under a doubled sign ("--253",
// "+-3") is a figure cell too, one no rule can read: taken for a label it cut
// its row in two and the row's good figures went blank with it; as a cell it
// is left blank with a finding of its own (value.Parse rejects it).
var figureRE = regexp.MustCompile(`^(?:[+\-]?\d+(?:,\d{3})*(?:\.\d+)?|[增减]\d+(?:\.\d+)?|[+\-]{2}\d+)(?:元|万元|件|条|个|项)?$`)

// IsFigure reports whether a cell of page text holds a figure or a blank
// marker.
func IsFigure(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	if plainDigits(s) {
		return true // the common case, without folding
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !strings.ContainsRune("0123456789０１２３４５６７８９+-＋－/／—–无增减", first) {
		return false // a label: most cells, and no folding needed to tell
	}
	s = width.Fold.String(s)
	switch s {
	case "/", "-", "—", "–", "——", "无":
		return true
	}
	return figureRE.MatchString(s)
}

func plainDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// splitTrailing cuts ASCII digits off the end of a label ("行政许可3960181"
// → "行政许可", "3960181"); ok is false when the cell does not end in digits
// after a label.
func splitTrailing(c string) (label, digits string, ok bool) {
	i := len(c)
	for i > 0 && (c[i-1] >= '0' && c[i-1] <= '9' || c[i-1] == '.') {
		i--
	}
	if i == len(c) || i == 0 || c[i] < '0' || c[i] > '9' {
		return "", "", false
	}
	label = strings.TrimRight(c[:i], " \t")
	if label == "" || strings.ContainsAny(label[len(label)-1:], "+-") {
		return "", "", false
	}
	return label, c[i:], true
}

// CellsOf splits one line of page text into its cells: on pipes, else tabs,
// else on spaces when that yields figures (adjacent words are joined again,
// so that a soft-broken label like "商业 企业" stays one cell).
//
// A blank cell is a cell: an empty field between two pipes ("| 0 | | 0 |")
// is returned as "", and so is a line holding only a pipe or &nbsp; (one
// cell per line). Empty fields after the last filled one are dropped: "0 ||"
// ends many rows as decoration, and a blank at the end of a row cannot be
// told from it.
func CellsOf(line string) []string {
	nbsp := false
	if strings.Contains(line, "\u00a0") {
		line, nbsp = strings.ReplaceAll(line, "\u00a0", " "), true
	}
	if strings.Contains(line, "&nbsp;") {
		line, nbsp = strings.ReplaceAll(line, "&nbsp;", " "), true
	}
	line = strings.TrimSpace(line)
	switch {
	case line == "" && nbsp, line == "|", line == "｜":
		return []string{""}
	case line == "":
		return nil
	}
	var parts []string
	switch {
	case strings.IndexByte(line, '|') >= 0 || strings.Contains(line, "｜"):
		parts = splitPipes(line)
		for len(parts) > 0 && strings.TrimSpace(parts[len(parts)-1]) == "" {
			parts = parts[:len(parts)-1]
		}
		for i, p := range parts {
			parts[i] = strings.TrimSpace(p) // "" kept: the blank cell holds its column
		}
		return parts
	case strings.Contains(line, "\t"):
		parts = strings.Split(line, "\t")
	default:
		fields := strings.FieldsFunc(line, unicode.IsSpace)
		figures := 0
		for _, f := range fields {
			if IsFigure(f) {
				figures++
			}
		}
		if figures == 0 {
			return []string{line}
		}
		var cur []string
		for i, f := range fields {
			if IsFigure(f) && !(i+1 < len(fields) && proseAfterFigure(fields[i+1])) {
				if len(cur) > 0 {
					parts = append(parts, strings.Join(cur, " "))
					cur = nil
				}
				parts = append(parts, f)
				continue
			}
			cur = append(cur, f)
		}
		if len(cur) > 0 {
			parts = append(parts, strings.Join(cur, " "))
		}
	}
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// proseUnits are the counting words a sentence puts after a number ("2020
// 年，", "1 件，"); a table's cell never starts with one and goes on.
const proseUnits = "年月日件条个次项人家篇场"

// proseAfterFigure reports whether a field that follows a figure on a line
// split at spaces shows the figure to be a word of a sentence: a PDF's text
// sets Latin digits off by spaces ("2020 年，我局未被申请行政复议，被提起行政
// 诉讼 1 件，"), and read as cells the year became a figure of the table
// whose heading the sentence follows. The field must start with a counting
// word and go on after it: a unit alone ("件", "万元") stays a cell of its
// own, as statistics rows print it.
func proseAfterFigure(f string) bool {
	r, size := utf8.DecodeRuneInString(f)
	return size < len(f) && strings.ContainsRune(proseUnits, r)
}

// splitPipes splits a line at '|' and '｜', keeping the empty fields
// between two pipes (blank cells) but not an empty field before the first. It scans bytes instead of decoding runes and
// calling a function for each: most lines of page text hold a pipe, and
// this was a tenth of reading them.
func splitPipes(line string) []string {
	var parts []string
	start := 0
	for i := 0; i < len(line); {
		size := 0
		switch {
		case line[i] == '|':
			size = 1
		case strings.HasPrefix(line[i:], "｜"):
			size = len("｜")
		default:
			i++
			continue
		}
		if i > start || len(parts) > 0 || start > 0 {
			parts = append(parts, line[start:i])
		}
		i += size
		start = i
	}
	if start < len(line) {
		parts = append(parts, line[start:])
	}
	return parts
}

// tokenize turns lines into cells. A label with digits run onto it
// ("行政许可3960181") becomes the label and a fused figure when the label is
// one the format knows; single characters on consecutive lines (PDF headers)
// are joined and cut again at the labels the format knows.
func tokenize(lines []doc.Line) []tcell {
	toks := make([]tcell, 0, 2*len(lines))
	runs := 0
	for i, ln := range lines {
		l := ln.Text
		if pageNumber(l) {
			continue // a PDF's page footer inside a table is not a figure
		}
		if closesCell(lines, i) {
			continue
		}
		cells := CellsOf(l)
		if strings.ContainsAny(l, "|｜") {
			cells = dropLeadingBlanks(cells)
		}
		separated := strings.ContainsAny(l, "|｜\t")
		first := len(toks)
		for _, c := range cells {
			if c == "" {
				opener := len(cells) == 1 && startsWithLabel(lines[i+1:])
				toks = append(toks, tcell{line: ln.N, idx: i, value: true, opener: opener}) // a blank cell
				continue
			}
			if IsFigure(c) {
				// Digits alone on a line with no separator may be several
				// cells run together (shape 4); only the row can tell.
				fused := len(cells) == 1 && len(c) > 1 && value.AllDigits(c) && strings.TrimSpace(l) == c
				toks = append(toks, tcell{text: c, line: ln.N, idx: i, value: true, fused: fused})
				continue
			}
			if afterLabel := len(toks) > 0 && !toks[len(toks)-1].value; separated && badFigure(c, afterLabel) {
				// "1 517", "1517 件", "约1517", "十五" in a cell of its own:
				// a figure written wrong. As a cell it keeps its column and
				// value.Parse flags it; as a label it closed its row, whose
				// figure went blank with no finding.
				toks = append(toks, tcell{text: c, line: ln.N, idx: i, value: true})
				continue
			}
			if label, digits, ok := splitTrailing(c); ok {
				if key := labels.Normalize(label); labels.KnownAny(key) || endsInLabel(key) {
					toks = append(toks, tcell{text: label, key: key, line: ln.N, idx: i},
						tcell{text: digits, line: ln.N, idx: i, value: true, fused: true})
					continue
				}
			}
			toks = append(toks, tcell{text: c, key: labels.Normalize(c), line: ln.N, idx: i})
		}
		if len(toks)-first > 1 && !strings.ContainsAny(l, "|｜\t") {
			runs = markRuns(toks[first:], runs)
		}
		if len(toks) > first && strings.ContainsAny(l, "|｜") {
			if all := len(splitPipes(strings.TrimSpace(l))); all > len(cells) {
				toks[len(toks)-1].trail = all - len(cells)
				toks[len(toks)-1].cells = all
			}
		}
	}
	return joinSingles(toks)
}

// closesCell reports whether line i is a pipe alone that closes the cell
// on the line right before it, which has no pipe of its own: a page that
// prints a table one cell a line and each cell's closing pipe on the next
// ("规章" / "|" / "0" / "|" / "0" / "|"), where "0 |" stands for "0" / "|".
// Taken for blank cells, such pipes doubled every row's cells, and a table
// the page states whole went blank. A pipe after a line that has one ("0 |"
// / "|", or "|" / "|") is a blank cell still.
func closesCell(lines []doc.Line, i int) bool {
	if i == 0 {
		return false
	}
	t := strings.TrimSpace(lines[i].Text)
	if t != "|" && t != "｜" {
		return false
	}
	prev := strings.TrimSpace(lines[i-1].Text)
	return prev != "" && !strings.ContainsAny(prev, "|｜") && !strings.Contains(prev, "&nbsp;") && !strings.Contains(prev, "\u00a0")
}

// badFigure reports whether a cell that is no figure (IsFigure) is one
// written wrong (value.WrittenFigure: "1 517", "1517（含转办）", "约1517",
// "十五", "增") rather than a label. Only cells the page separates (pipes, tabs)
// are judged, and no label the formats know; a figure in words only right
// after a label (afterLabel), where no serial number of a row stands.
func badFigure(c string, afterLabel bool) bool {
	// Most cells are labels: the first character tells them apart before
	// anything is counted or folded.
	r, _ := utf8.DecodeRuneInString(c)
	digit := r >= '0' && r <= '9' || r >= '０' && r <= '９' || r == '约' || r == '近' || r == '逾' ||
		r == '增' || r == '减' || r == '+' || r == '＋' // a sign with no amount ("增")
	if !digit && !(afterLabel && strings.ContainsRune("零〇一二两三四五六七八九十百千万", r)) {
		return false
	}
	return len(c) <= 48 && utf8.RuneCountInString(c) <= 12 && value.WrittenFigure(c) && !labels.KnownAny(labels.Normalize(c))
}

// dropLeadingBlanks drops the blank cells a row of pipes starts with when a
// label follows them ("| | 2.其他法律行政法规禁止公开 | | … | 0 |"): they
// hold the places of the label columns a table's rowspan covers, above in
// the row of （三）不予公开, and taken for cells they fell to the row before,
// which then had one cell too many and went blank. Blanks before a figure
// stay: they are the row's own cells.
func dropLeadingBlanks(cells []string) []string {
	i := 0
	for i < len(cells) && cells[i] == "" {
		i++
	}
	if i > 0 && i < len(cells) && !IsFigure(cells[i]) {
		return cells[i:]
	}
	return cells
}

// startsWithLabel reports whether the first line with text among lines
// starts with a label: neither a figure nor a blank cell.
func startsWithLabel(lines []doc.Line) bool {
	for _, l := range lines {
		cells := CellsOf(l.Text)
		if len(cells) == 0 {
			continue
		}
		return cells[0] != "" && !IsFigure(cells[0])
	}
	return false
}

// endsInLabel reports whether a folded text ends in a label the formats know
// ("四、…情况行政复议行政诉讼结果维持…总计" of a page on one line): the
// digits after it are figures, not part of a word.
func endsInLabel(key string) bool {
	if len(key) < 2*utf8.UTFMax {
		return false // a known label itself, or too short to end in one
	}
	longest := labels.LongestAny()
	i, n := len(key), 0
	for i > 0 && n < longest {
		_, size := utf8.DecodeLastRuneInString(key[:i])
		i -= size
		if n++; n >= 2 && labels.KnownAny(key[i:]) {
			return true
		}
	}
	return false
}

var pageNumberRE = regexp.MustCompile(`^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})\s*$`)

// pageNumber reports whether a line is a page number as PDF text carries it
// ("- 3 -", "第3页 共10页", "3/10"). A bare "3" cannot be told from a figure
// and is not one.
func pageNumber(l string) bool {
	if len(l) > 40 || !strings.ContainsAny(l, "-—–－页/") {
		return false
	}
	return pageNumberRE.MatchString(l)
}

// markRuns numbers the runs of plain-digit figures among the cells of one
// line that only spaces separate, counting on from runs; it returns the last
// number used.
func markRuns(toks []tcell, runs int) int {
	in := false
	for i := range toks {
		t := &toks[i]
		if !t.value || !value.AllDigits(t.text) {
			in = false
			continue
		}
		if !in {
			runs++
			in = true
		}
		t.run = runs
	}
	return runs
}

// joinSingles joins runs of one-character labels from consecutive lines (a
// PDF header printed one character per line) and cuts the joined text at the
// labels the format knows, longest first.
func joinSingles(toks []tcell) []tcell {
	single := func(t tcell) bool { return !t.value && utf8.RuneCountInString(t.text) == 1 }
	runs := false
	for i := 1; i < len(toks) && !runs; i++ {
		runs = single(toks[i-1]) && single(toks[i]) && toks[i].idx > toks[i-1].idx
	}
	if !runs {
		return toks // most text has none
	}
	out := make([]tcell, 0, len(toks))
	for i := 0; i < len(toks); {
		j := i
		for j < len(toks) && single(toks[j]) && (j == i || toks[j].idx > toks[j-1].idx) {
			j++
		}
		if j-i < 2 {
			out = append(out, toks[i])
			i++
			continue
		}
		out = append(out, segmentRun(toks[i:j])...)
		i = j
	}
	return out
}

// segmentRun cuts a run of single characters into known labels, greedily
// from the longest; characters that start no known label stay joined with
// their neighbours. Each character is folded once (its key), so trying a
// label of k characters costs one lookup of the joined keys.
func segmentRun(run []tcell) []tcell {
	var out []tcell
	var pending []tcell
	flush := func() {
		if len(pending) > 0 {
			out = append(out, joinRun(pending))
			pending = nil
		}
	}
	longest := labels.LongestAny()
	var b strings.Builder
	for i := 0; i < len(run); {
		n := 0
		b.Reset()
		b.WriteString(run[i].key)
		for k := 2; k <= min(len(run)-i, longest); k++ {
			b.WriteString(run[i+k-1].key)
			if labels.KnownAny(b.String()) {
				n = k
			}
		}
		if n == 0 {
			pending = append(pending, run[i])
			i++
			continue
		}
		flush()
		out = append(out, joinRun(run[i:i+n]))
		i += n
	}
	flush()
	return out
}

func joinRun(run []tcell) tcell {
	var b strings.Builder
	for _, t := range run {
		b.WriteString(t.text)
	}
	return tcell{text: b.String(), key: labels.Normalize(b.String()), line: run[0].line, idx: run[0].idx, end: run[len(run)-1].idx}
}
