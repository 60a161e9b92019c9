package ingest

import (
	"context"
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/width"

	"gongkai"
	"gongkai/ingest/labels"
	"gongkai/ingest/value"
)

// ErrNoAgency and ErrNoYear are wrapped by the rejection of a file that
// states no agency or no year when Options give none either. The message
// says to fill in the cover; callers add how their own users can give the
// name or year instead (a form field, a command-line flag), so that no user
// reads about flags they cannot use.
var (
	ErrNoAgency = errors.New("ingest: no agency")
	ErrNoYear   = errors.New("ingest: no year")
)

// Options are what the person loading a file says about it; they win over
// what the file says.
type Options struct {
	Agency string
	Year   int
}

// Extract makes a report of a document's grids and lines.
//
// It locates tables 二, 三 and 四 (telling the format from their labels,
// and from the report's year only where the labels fit both formats alike), reads one Value per located cell, takes the agency,
// year and region from the cover sheet, the title row and the file name (in
// that order), lets the web readers add what only pages carry, applies opts,
// and validates the figures.
//
// A page without any of the tables that is a report all the same (its title
// names one, or it states the statistics period) is not rejected: it loads
// with an error finding (from 2019 on, the format requires the tables) and
// the figures its narrative states, marked as such (see readTableless).
//
// The error, always a *gongkai.Error with code CodeInvalid and a Chinese
// message, means the document is rejected: none of the tables was found in
// a document that is not a report, or the agency or the year is unknown. Figures that break the format's rules do
// not reject a report; they become Findings.
func Extract(doc *Document, opts Options) (*gongkai.Report, error) {
	return ExtractContext(context.Background(), doc, opts)
}

// ExtractContext is Extract for a request: the narrative's rules, the part
// whose time grows with the text (up to ~7 s of CPU for 2 MB of long
// sentences), stop between lines once ctx is done, and the error is then
// errStopped's (CodeTimeout), never a partial report.
func ExtractContext(ctx context.Context, doc *Document, opts Options) (*gongkai.Report, error) {
	r, err := extract(ctx, doc, opts)
	if cerr := stopped(ctx); cerr != nil {
		return nil, cerr
	}
	return r, err
}

func extract(ctx context.Context, doc *Document, opts Options) (*gongkai.Report, error) {
	if doc == nil {
		return nil, gongkai.Errorf(gongkai.CodeInvalid, "文件内容为空")
	}
	r := &gongkai.Report{Source: gongkai.Source{Kind: doc.Kind, Name: doc.Name}}
	ngs := normalizeGrids(doc.Grids)
	loc := locate(ngs)
	if loc != nil && len(loc.ties) > 0 {
		// The labels cannot tell the format: the year the report is for
		// can (a report for 2019 with only table 四 is in the 2019 format).
		probe := &gongkai.Report{}
		readCover(ngs, probe)
		readTitle(doc, probe)
		if opts.Year != 0 {
			probe.Year = opts.Year
		}
		loc = loc.byYear(probe.Year)
	}
	found := loc != nil && loc.found > 0
	book := isWorkbook(doc)
	var dropped map[string]bool
	if found && book && loc.copies {
		// Two copies of a table: read the one that is this year's, and
		// leave the other out of the title and cover reading too.
		var skip map[*Grid]bool
		var fs []gongkai.Finding
		if skip, fs, dropped = workbookCopies(ngs, loc.lf, coverYear(ngs, opts)); len(skip) > 0 {
			d := *doc
			d.Grids = nil
			kept := ngs[:0:0]
			for _, ng := range ngs {
				if !skip[ng.g] {
					kept = append(kept, ng)
					d.Grids = append(d.Grids, ng.g)
				}
			}
			doc, ngs = &d, kept
			loc = loc.lf.locate(ngs)
			found = loc.found > 0
		}
		r.Findings = append(r.Findings, fs...)
	}
	if found {
		r.Format = loc.lf.f.ID
		// A unit stated outside a column of money blanks its figures in
		// the grids, before they are read.
		units := statedUnits(doc, loc)
		r.Values = loc.values()
		r.Findings = append(r.Findings, units...)
		r.Findings = append(r.Findings, loc.findings...)
		r.Findings = append(r.Findings, loc.guessFindings()...)
	}
	if found && book {
		r.Findings = append(r.Findings, missingTables(loc, dropped)...)
	}
	publishedCell := readCover(ngs, r)
	fromCover := r.Agency != ""
	readTitle(doc, r)
	if book {
		workbookMeta(doc, r, opts.Year)
	}
	if r.Agency == "" || r.Year == 0 {
		base := strings.TrimSuffix(path.Base(doc.Name), path.Ext(doc.Name))
		agency, year := labels.TitleMeta(base, false)
		if year == 0 {
			year = fileYear(base)
		}
		fill(r, agency, year)
	}
	webExtras(doc, r)
	incomplete := ""
	if a := strings.TrimSpace(opts.Agency); a != "" {
		if a != r.Agency {
			// The title's warnings are of the name read there, which the
			// name given replaces: kept, they would ask to check a name
			// the report does not hold.
			r.Findings = slices.DeleteFunc(r.Findings, func(f gongkai.Finding) bool { return f.Rule == "agency" })
		}
		r.Agency = a
	} else if r.Agency != "" {
		if incomplete = spacedName(doc, r.Agency); incomplete == "" && !book && !fromCover {
			incomplete = completeLevelLed(doc, r)
			if incomplete == "" {
				incomplete = latinNameMessage(r.Agency)
			}
		}
		if incomplete == "" {
			incomplete = completeAgency(doc, r)
		}
		if incomplete == "" && !book && !fromCover {
			incomplete = bareKindMessage(r.Agency)
		}
		if incomplete == "" && !book && !fromCover {
			incomplete = noOrganMessage(r.Agency)
		}
		if incomplete == "" && !book && !fromCover {
			incomplete = parkMessage(r.Agency)
		}
		if incomplete == "" && !book && !fromCover {
			incomplete = completeZoneLed(doc, r)
		}
	}
	if opts.Year != 0 {
		r.Year = opts.Year
	}
	if r.Year == 0 {
		// A table of another year's format says the opening's year is
		// not the report's (a 2021 table under "2016年度,…").
		if y, n, ok := overviewYear(doc); ok && (!found || r.Format == yearFormat(y)) {
			r.Year = y
			r.Findings = append(r.Findings, gongkai.Finding{Rule: "period", Severity: gongkai.SeverityWarning, At: lineAt(n),
				Message: fmt.Sprintf("年度%d取自“总体情况（概述）”首句开头的年份（标题和统计期限未写年度）：请核对", y)})
		}
	}
	// A page without tables that is a report all the same loads with an
	// error finding and the figures its narrative states; anything else
	// without tables is not a report.
	tableless := !found && r.Format != gongkai.FormatPre2019
	fragment := tableless && !looksLikeReport(doc)
	if fragment && strings.TrimSpace(opts.Agency) != "" && opts.Year != 0 {
		// A page of one part of a report, no title and no period ("一、总体
		// 情况" alone, the shape of two real pages round 20 met): whose
		// report it is the page cannot say, and it was refused even when
		// the uploader said it (--agency, --year). Given both, the identity
		// is theirs; the page loads with an error finding that it is a
		// part, so that a version with it waits beside a whole one
		// (pending) and every blank is said to be unread.
		if f, ok := fragmentFinding(doc, opts); ok {
			r.Findings = append(r.Findings, f)
			fragment = false
		}
	}
	if msg := universityMessage(doc, found); msg != "" {
		return nil, &gongkai.Error{Code: gongkai.CodeInvalid, Message: msg}
	}
	if msg := interpretationMessage(doc, found); msg != "" {
		return nil, &gongkai.Error{Code: gongkai.CodeInvalid, Message: msg}
	}
	switch {
	case fragment:
		return nil, &gongkai.Error{Code: gongkai.CodeInvalid, Message: noTablesMessage(doc)}
	case incomplete != "":
		return nil, &gongkai.Error{Code: gongkai.CodeInvalid, Message: incomplete, Err: ErrNoAgency}
	case r.Agency == "":
		msg := passedOnMessage(doc)
		if msg == "" {
			msg = unsureOfficeMessage(doc)
		}
		if msg == "" {
			msg = "缺少单位名称：请在封面填写“单位名称”"
		}
		return nil, &gongkai.Error{Code: gongkai.CodeInvalid, Message: msg, Err: ErrNoAgency}
	case r.Year == 0:
		return nil, &gongkai.Error{Code: gongkai.CodeInvalid, Message: "缺少年度：请在封面填写“年度”（数据所属年份）", Err: ErrNoYear}
	case r.Year < 1990 || r.Year > 2100:
		return nil, gongkai.Errorf(gongkai.CodeInvalid, "年度 %d 无效：请填写数据所属年份，如 2021", r.Year)
	}
	if tableless {
		readTableless(ctx, doc, r)
	} else if found {
		readBesideTables(ctx, doc, r)
		if !book {
			// After the page's own notes, which may speak of a table
			// that is there but unreadable.
			r.Findings = append(r.Findings, missingPageTables(loc, r, doc)...)
		}
	}
	if r.Format != "" && !book {
		// Last, when every reader has had its say on the proactive count.
		unreadProactive(doc.Lines, r)
		unreadNotExist(doc.Lines, r)
		unreadOddCounts(doc.Lines, r)
	}
	if found {
		if f, ok := formatYearFinding(r); ok {
			r.Findings = append(r.Findings, f)
		}
	}
	if r.Values == nil {
		r.Values = []gongkai.Value{}
	}
	if f, late := deadlineFinding(doc, r, publishedCell); late {
		r.Findings = append(r.Findings, f)
	}
	blankBeyondLimits(r)
	Validate(r)
	pageLocations(doc, r)
	return r, nil
}

// passedOnMessage returns the message of a page's rejection for want of an
// agency when its title names only who passed the report on ("示例县教育局
// 转发2024年政府信息公开工作年度报告", labels.PassedOnBy), or "": the name was
// stored as "示例县教育局转发", and the organ reposting a report need not be
// the one whose report it is.
func passedOnMessage(doc *Document) string {
	for i, l := range doc.Lines {
		if i >= 40 {
			break
		}
		if by := labels.PassedOnBy(l.Text); by != "" {
			return fmt.Sprintf("缺少单位名称：标题“%s”只写了转发（印发、报送）报告的“%s”，转发的单位不一定是报告所属的机关，标题和首句也未写明是哪个机关的报告：请指定单位名称",
				strings.TrimSpace(l.Text), by)
		}
	}
	return ""
}

// fill sets the agency and year of r where they are still unknown.
func fill(r *gongkai.Report, agency string, year int) {
	if r.Agency == "" {
		r.Agency = agency
	}
	if r.Year == 0 {
		r.Year = year
	}
}

// coverKey is a cover-sheet label prepared for matching.
type coverKey struct {
	field *gongkai.CoverField
	hint  string
}

var coverKeys = sync.OnceValue(func() map[string]coverKey {
	m := map[string]coverKey{}
	for i := range gongkai.CommonDefs().Cover {
		f := &gongkai.CommonDefs().Cover[i]
		k := coverKey{field: f, hint: labels.Normalize(f.Hint)}
		for _, l := range append([]string{f.Label}, f.Aliases...) {
			m[labels.Normalize(l)] = k
			// "本年主动公开信息条数(条)" is also written without its unit.
			if base, _, ok := strings.Cut(labels.Normalize(l), "("); ok && base != "" {
				if _, taken := m[base]; !taken {
					m[base] = k
				}
			}
		}
	}
	return m
})

// readCover reads the cover-sheet fields: a label cell with its value to
// the right or below ("单位名称 | 安顺市应急管理局"), or both in one cell
// ("单位名称：安顺市应急管理局"). The first statement of a field wins. It
// returns the cell that states the publication date read, or "".
func readCover(ngs []*normGrid, r *gongkai.Report) (publishedCell string) {
	keys := coverKeys()
	seen := map[*gongkai.CoverField]bool{}
	for _, ng := range ngs {
		g := ng.g
		for ri, row := range ng.norm {
			for ci, t := range row {
				if t == "" || len(t) > 120 || (ci > 0 && t == row[ci-1]) {
					continue
				}
				label, inline, hasColon := strings.Cut(t, ":")
				k, ok := keys[label]
				if base, _, cut := strings.Cut(label, "("); !ok && cut {
					k, ok = keys[base] // "填报单位（盖章）"
				}
				if !ok || seen[k.field] {
					continue
				}
				vr, vc, text := -1, -1, ""
				if hasColon && inline != "" {
					vr, vc = ri, ci
					_, text, _ = strings.Cut(strings.ReplaceAll(g.Rows[ri][ci].Text, "：", ":"), ":")
				} else {
					vr, vc, text = coverValue(ng, ri, ci, k.hint, keys)
				}
				text = strings.TrimSpace(text)
				if vr < 0 || text == "" {
					continue
				}
				seen[k.field] = true
				if setCover(r, k.field, text, g.Loc(vr, vc)) {
					publishedCell = g.Loc(vr, vc)
				}
			}
		}
	}
	return publishedCell
}

// coverValue finds the value of a cover label at (r, c): the next cell to the
// right that is not the label repeated by a merge, else the cell below. A
// cell holding the field's hint or another label is not a value.
func coverValue(ng *normGrid, r, c int, hint string, keys map[string]coverKey) (int, int, string) {
	label := ng.at(r, c)
	ok := func(rr, cc int) bool {
		t := ng.at(rr, cc)
		if ng.g.Text(rr, cc) == "" || (t != "" && t == hint) {
			return false
		}
		l, _, _ := strings.Cut(t, ":")
		_, isLabel := keys[l]
		return t == "" || !isLabel
	}
	cc := c + 1
	for cc < len(ng.norm[r]) && ng.at(r, cc) == label {
		cc++
	}
	if ok(r, cc) {
		return r, cc, ng.g.Text(r, cc)
	}
	rr := r + 1
	for rr < len(ng.norm) && ng.at(rr, c) == label {
		rr++
	}
	if ok(rr, c) {
		return rr, c, ng.g.Text(rr, c)
	}
	return -1, -1, ""
}

// setCover stores one cover field in the report; it reports whether the
// field was a publication date it read. A publication date it cannot read
// is left unset, never guessed, with a warning (rule published) at its cell
// that says the deadline was not checked by it.
func setCover(r *gongkai.Report, f *gongkai.CoverField, text, at string) bool {
	switch f.Key {
	case "agency":
		r.Agency = text
	case "year":
		if y := findYear(text); y != 0 {
			r.Year = y
		}
	case "province":
		r.Province = text
	case "city":
		r.City = text
	case "county":
		r.County = text
	case "level":
		r.Level = text
	case "published":
		if d := coverDate(text); d != "" {
			r.Published = d
			return true
		}
		r.Findings = append(r.Findings, gongkai.Finding{
			Rule: "published", Severity: gongkai.SeverityWarning, At: at,
			Message: fmt.Sprintf("%s“%s”不是可识别的日期（应如 2022-01-20），未按它检查报告是否按期发布", f.Label, text),
		})
	case "":
		if f.Measure == "" {
			return false
		}
		m := gongkai.CatalogueByCode()[f.Measure]
		n, unit, _ := value.ParseIn(text, m.Kind, m.Unit)
		r.Values = append(r.Values, gongkai.Value{
			Measure: f.Measure, Applicant: gongkai.ApplicantTotal, Number: n, Unit: unit, Raw: text, At: at,
		})
	}
	return false
}

// coverDate returns the date a cover cell states ("2022-01-20", "2022/1/20",
// "2022年1月20日", a date cell shown by the workbook reader) as YYYY-MM-DD,
// or "" when the cell holds anything else or a day that does not exist.
func coverDate(text string) string {
	m := dateOnlyRE.FindStringSubmatch(width.Fold.String(text))
	if m == nil {
		return ""
	}
	d := isoDate(m)
	if _, err := time.Parse("2006-01-02", d); err != nil {
		return ""
	}
	return d
}

var yearRE = regexp.MustCompile(`(?:19|20)\d\d`)

// findYear returns the first plausible year written in s ("2021", "2021年度"), or 0.
func findYear(s string) int {
	y, _ := strconv.Atoi(yearRE.FindString(value.Fold(s)))
	return y
}

// readTitle takes the agency and year from the report's title row, in a grid
// or among the page lines: "安顺市应急管理局2021年政府信息公开工作年度报告".
func readTitle(doc *Document, r *gongkai.Report) {
	if r.Agency != "" && r.Year != 0 {
		return
	}
	for _, g := range doc.Grids {
		if g == nil {
			continue
		}
		for _, row := range g.Rows {
			for _, cell := range row {
				if agency, year := labels.TitleMeta(cell.Text, true); year != 0 {
					fill(r, agency, year)
					return
				}
			}
		}
	}
	for i, l := range doc.Lines {
		if i >= 40 {
			break
		}
		if agency, year := labels.TitleMeta(l.Text, true); year != 0 {
			if agency == "" && r.Year == 0 {
				if f, ok := titleYearBelow(doc.Lines[i+1:min(40, len(doc.Lines))], l, year); ok {
					r.Findings = append(r.Findings, f)
					continue
				}
			}
			_, bare := levelLed(agency)
			if agency != "" && (!strings.Contains(l.Text, "告") || bare) {
				// A title that calls the report 年报 ("2009年通源乡人民
				// 政府信息公开年报", a real 2009 township's) over a first
				// sentence that names the agency in full ("由嵊州市通源乡
				// 人民政府编制的2009年度…报告"): the full name.
				// So for a title whose name is led by a bare level
				// ("市人民政府办公室YYYY年…年度报告" over "现公开某某市人民政府
				// 办公室YYYY年…年度报告", the shape of a real page round 21
				// met): the page was refused for a name with no place,
				// which its own first sentence gives. Said, as
				// completeAgency says the name it completes.
				for _, m := range doc.Lines[i+1 : min(i+10, len(doc.Lines))] {
					if a, y := labels.TitleMeta(m.Text, true); y == year && len(a) > len(agency) && strings.HasSuffix(a, agency) {
						if _, still := levelLed(a); bare && !still && r.Agency == "" {
							r.Findings = append(r.Findings, gongkai.Finding{
								Rule: "agency", Severity: gongkai.SeverityWarning, At: lineAt(m.N),
								Message: fmt.Sprintf("标题中的单位名称“%s”没有写地名，按首句所述同一年度报告补全为“%s”：请核对", agency, a),
							})
						} else if bare {
							continue
						}
						agency = a
						break
					}
				}
			}
			fill(r, agency, year)
			if r.Agency != "" {
				if left := outsideGB2312(agency); r.Agency == agency && left != "" && tradName(l.Text, agency) {
					// A mirror's page in traditional script: the name is
					// folded to simplified characters only as far as the
					// labels' table goes (a real 2020 power company's
					// "…洪澤區供電公司" was read "…洪澤区供电公司" before the
					// table held 澤, a name no organ has), so it is said to
					// be checked.
					// A name every character of which folded is in the
					// simplified set and needs no check: warned all the
					// same, three real pages' names were noise.
					r.Findings = append(r.Findings, gongkai.Finding{
						Rule: "agency", Severity: gongkai.SeverityWarning, At: lineAt(l.N),
						Message: fmt.Sprintf("页面为繁体字，单位名称“%s”由繁体折算为简体，其中“%s”不在简体字表（GB 2312）中，可能未折算：请核对", agency, left),
					})
				}
				if r.Agency == agency {
					if f, ok := yuFolded(l.Text, agency, lineAt(l.N)); ok {
						r.Findings = append(r.Findings, f)
					}
				}
				return
			}
			// A sentence fragment named no agency: a later title may.
		}
	}
	// A title broken inside a word, the agency and the year on the first
	// line ("某街道办事处2023年度政府" / "信息公开工作年度报告"): the two lines
	// read together.
	for i := 0; i+1 < len(doc.Lines) && i < 40 && r.Agency == ""; i++ {
		a, b := strings.TrimSpace(doc.Lines[i].Text), strings.TrimSpace(doc.Lines[i+1].Text)
		if a == "" || b == "" || !strings.Contains(a, "年") || utf8.RuneCountInString(b) > 20 {
			continue
		}
		if strings.HasSuffix(strings.TrimRight(a, "。.》 "), "报告") {
			// "2021年政府信息公开工作年度报告" twice (a real 2021
			// township's page, its name on the line above): a whole title
			// is broken nowhere, and the two read together gave the name
			// "政府信息公开工作年度报告", the words between the years.
			continue
		}
		if agency, year := labels.TitleMeta(a+b, true); agency != "" && year != 0 {
			fill(r, agency, year)
		}
	}
	// A title set on two lines: the agency's name alone above the year and
	// the report's name.
	var prev Line
	for i, l := range doc.Lines {
		if i >= 40 || r.Agency != "" {
			break
		}
		t := strings.TrimSpace(l.Text)
		if t == "" {
			continue
		}
		if a := labels.SplitTitleAgency(prev.Text, t); a != "" {
			// The line above could be a site's header rather than the
			// title's first line: say where the name came from.
			r.Agency = a
			r.Findings = append(r.Findings, gongkai.Finding{
				Rule: "agency", Severity: gongkai.SeverityWarning, At: lineAt(prev.N),
				Message: fmt.Sprintf("单位名称“%s”取自标题上一行（标题分两行排）：请核对", a),
			})
		}
		prev = Line{N: l.N, Text: t}
	}
	// A first sentence that names no year says who compiled the report
	// ("本年度报告…由示例区司法局编制。"): the year is the title's or the
	// statistics period's.
	for i, l := range doc.Lines {
		if i >= 5 || r.Agency != "" {
			break
		}
		if a := labels.CompilerName(l.Text); a != "" {
			r.Agency = a
		}
	}
	if r.Agency == "" {
		officeNamed(doc, r)
	}
}

// spacedName returns the message of a page's rejection when the agency's
// name read from it is written nowhere on the page but with white space
// inside, after a part that ends as no place or organ does, or "". Mirror
// sites put their own words in place of a name's place: "由华体会主页
// 北城街道办事处编制的2014年度…报告" (a real 2014 street office's page, read
// "华体会主页北城街道办事处" once folding dropped the space). A name set
// with a space after its place ("示例县 卫生健康局") is a name.
func spacedName(doc *Document, agency string) string {
	for i, l := range doc.Lines {
		if i >= 40 {
			break
		}
		if strings.Contains(labels.Simplified(l.Text), agency) {
			return ""
		}
	}
	for i, l := range doc.Lines {
		if i >= 40 {
			break
		}
		t := labels.Simplified(l.Text)
		var kept []byte
		var at []int // the offset in t of each byte kept
		for j := 0; j < len(t); {
			r, size := utf8.DecodeRuneInString(t[j:])
			if !unicode.IsSpace(r) && r != '\u3000' {
				kept = append(kept, t[j:j+size]...)
				for k := 0; k < size; k++ {
					at = append(at, j+k)
				}
			}
			j += size
		}
		k := strings.Index(string(kept), agency)
		if k < 0 {
			continue
		}
		span := t[at[k] : at[k+len(agency)-1]+1]
		parts := strings.Fields(span)
		for _, part := range parts[:len(parts)-1] {
			// "某市某风景区管理委员会 卫生健康办公室" (a real 2023 scenic
			// area's office, its committee's name, a space, its own): a
			// committee is an organ, and the page was refused.
			if !hasSuffixAny(part, placeLevels...) && !hasSuffixAny(part, "局", "委", "政府", "总局", "署", "厅", "部", "委员会", "管委会") {
				return fmt.Sprintf("单位名称不可靠：读作“%s”，原文写作“%s”，空格前的“%s”不是地名或机关名（转载网页可能混入了其他文字）：请指定单位名称", agency, span, part)
			}
		}
		return ""
	}
	return ""
}

// tradName reports whether line writes the agency name it yielded, folded
// to simplified characters, in traditional ones: the name's place in the
// line folded differs from the line as written.
func tradName(line, agency string) bool {
	s := labels.Simplified(line)
	i := strings.Index(s, agency)
	return i >= 0 && line[i:i+len(agency)] != agency
}

// yuFolded returns the warning for a title in traditional script whose 於
// became the agency's 于: there 於 is folded as the traditional form of 于
// (labels.TitleMeta keeps it only in a simplified title), but 於 is a
// simplified character too, of place names (a real town in Zhejiang is
// named with it), so the name stored may be one no organ has. The load
// warns when a stored name differs from an upload's by 於 and 于 alone; a
// page read from traditional script said nothing. ok is false when the
// title writes no 於 where the name has 于.
func yuFolded(line, agency, at string) (gongkai.Finding, bool) {
	s := labels.Simplified(line)
	i := strings.Index(s, agency)
	if i < 0 || !strings.Contains(agency, "于") || !strings.Contains(line[i:i+len(agency)], "於") {
		return gongkai.Finding{}, false
	}
	// Simplified maps rune to rune, 於 and 于 the same length: the title's
	// name is at the same offsets.
	raw, kept := line[i:i+len(agency)], []byte(agency)
	folded := false
	for j, r := range agency {
		if r == '于' && strings.HasPrefix(raw[j:], "於") {
			copy(kept[j:], "於")
			folded = true
		}
	}
	if !folded {
		return gongkai.Finding{}, false
	}
	return gongkai.Finding{
		Rule: "agency", Severity: gongkai.SeverityWarning, At: at,
		Message: fmt.Sprintf("页面为繁体字，单位名称按繁体折算为“%s”，原文写作“於”处折为“于”；“於”也是简体字，有的地名用它：如本机关名称为“%s”，请核对单位名称", agency, kept),
	}, true
}

// outsideGB2312 returns the Chinese characters of name that GB 2312, the
// simplified national character set, does not hold, in their order, or ""
// when it holds them all. A traditional character the labels' table does
// not fold (澤) is outside it; the simplified one it stands for (泽) is in
// it. A rare simplified character of a place's name is outside it too: a
// warning then asks to check a name that was right, never the reverse.
func outsideGB2312(name string) string {
	var b strings.Builder
	enc := simplifiedchinese.GBK.NewEncoder()
	for _, r := range name {
		if !unicode.Is(unicode.Han, r) {
			continue
		}
		// GB 2312's Chinese characters are the GBK codes whose two
		// bytes are 0xB0-0xF7 and 0xA1-0xFE; GBK adds the rest
		// (traditional and rare characters) around them.
		out, err := enc.String(string(r))
		if err == nil && len(out) == 2 && out[0] >= 0xB0 && out[0] <= 0xF7 && out[1] >= 0xA1 && out[1] <= 0xFE {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// digitRunRE finds the runs of digits in a file name.
var digitRunRE = regexp.MustCompile(`[0-9]+`)

// fileYear returns the year a file name states without a 年 ("…-2021.txt"):
// the one run of digits that is a year. It returns 0 when the name states
// none or more than one: two years may be the report's and the
// publication's, and which is which is not ours to guess.
func fileYear(base string) int {
	year := 0
	for _, run := range digitRunRE.FindAllString(base, -1) {
		y, _ := strconv.Atoi(run)
		if len(run) != 4 || y < 1990 || y > 2100 {
			continue
		}
		if year != 0 {
			return 0
		}
		year = y
	}
	return year
}
