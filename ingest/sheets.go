package ingest

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	"gongkai"
	"gongkai/ingest/labels"
)

// What a workbook says about itself beyond its tables: which of two copies
// of a table is this year's, which table is missing, and the agency and year
// where the workbook has no cover sheet. Extract applies these to workbooks
// only: a web page has no hidden sheets, and its title and statistics period
// are read from its lines (webExtras).

// isWorkbook reports whether the document's grids are worksheets.
func isWorkbook(doc *Document) bool { return doc.Kind == "xlsx" || doc.Kind == "xls" }

// tableCells returns the indexes in l.cells of the cells placed under their
// own labels, by table ID.
func (l *location) tableCells() map[string][]int {
	out := map[string][]int{}
	for _, lb := range l.lf.blocks {
		end := lb.offset + len(lb.rows)*len(lb.cols)
		for i := lb.offset; i < end; i++ {
			if c := l.cells[i]; c.g != nil && !c.tentative {
				out[lb.table.ID] = append(out[lb.table.ID], i)
			}
		}
	}
	return out
}

// hasTable reports whether a cell of table id was placed under its own labels.
func (l *location) hasTable(id string) bool {
	for _, lb := range l.lf.blocks {
		if lb.table.ID != id {
			continue
		}
		end := lb.offset + len(lb.rows)*len(lb.cols)
		for _, c := range l.cells[lb.offset:end] {
			if c.g != nil && !c.tentative {
				return true
			}
		}
	}
	return false
}

// workbookCopies finds tables that stand in the workbook twice or more (last
// year's sheet copied, hidden or not; Excel puts the copy before the
// original) and chooses the copy to read: a visible sheet over a hidden one;
// then the sheet stating the report's year (year, when the caller knows it,
// else the latest year a copy states); then, when the copies' figures are
// the same, the last one. It returns the grids not to read and a finding per
// table that says which sheet was read and which not. When nothing tells the
// copies apart and their figures differ, none of them is read: the table is
// left out with an error finding (dropped holds its ID), since reading
// either could put last year's figures in front of a user.
func workbookCopies(ngs []*normGrid, lf *locFormat, year int) (skip map[*Grid]bool, findings []gongkai.Finding, dropped map[string]bool) {
	locs := make([]*location, len(ngs))
	cells := make([]map[string][]int, len(ngs))
	for i := range ngs {
		locs[i] = lf.locate(ngs[i : i+1])
		cells[i] = locs[i].tableCells()
	}
	for _, t := range lf.f.Tables {
		var copies []int
		for i := range ngs {
			for j := range ngs {
				if i != j && overlap(cells[i][t.ID], cells[j][t.ID]) {
					copies = append(copies, i)
					break
				}
			}
		}
		if len(copies) < 2 {
			continue // one copy, or a table split over sheets
		}
		pick, why := copies, ""
		if visible := filterGrids(ngs, pick, func(ng *normGrid) bool { return !ng.g.Hidden }); len(visible) > 0 && len(visible) < len(pick) {
			pick, why = visible, "隐藏的工作表不读"
		}
		if len(pick) > 1 {
			target := year
			if target == 0 {
				for _, i := range pick {
					target = max(target, sheetYear(ngs[i].g))
				}
			}
			stating := filterGrids(ngs, pick, func(ng *normGrid) bool { return sheetYear(ng.g) == target })
			if target != 0 && len(stating) > 0 && len(stating) < len(pick) {
				pick, why = stating, fmt.Sprintf("按工作表所述年度%d年选取", target)
			}
		}
		if len(pick) > 1 && sameFigures(locs, pick, t.ID) {
			pick, why = pick[len(pick)-1:], "各份数字相同，读取最后一份"
		}
		if len(pick) > 1 {
			if dropped == nil {
				dropped = map[string]bool{}
			}
			dropped[t.ID] = true
			for _, i := range copies {
				skip = addSkip(skip, ngs[i].g)
			}
			findings = append(findings, gongkai.Finding{
				Rule: "duplicate_table", Severity: gongkai.SeverityError, At: ngs[copies[0]].g.Name + "!A1", RowLabel: t.Title,
				Message: fmt.Sprintf("工作簿中有 %d 份表%s（%s），数字不同，而隐藏与否和工作表所述年度都不能说明哪份属于本年度："+
					"表%s未读取；请删除多余的一份后重新上传", len(copies), t.Numeral, sheetNames(ngs, copies), t.Numeral),
			})
			continue
		}
		used := pick[0]
		var ignored []int
		for _, i := range copies {
			if i != used {
				ignored = append(ignored, i)
				skip = addSkip(skip, ngs[i].g)
			}
		}
		findings = append(findings, gongkai.Finding{
			Rule: "duplicate_table", Severity: gongkai.SeverityWarning, At: ngs[used].g.Name + "!A1",
			Message: fmt.Sprintf("工作簿中有 %d 份表%s：读取“%s”，未读取%s；%s。请核对并删除多余的一份",
				len(copies), t.Numeral, ngs[used].g.Name, sheetNames(ngs, ignored), why),
		})
	}
	return skip, findings, dropped
}

// overlap reports whether two sets of placed cells share at least half of
// the smaller one: two copies of a table, not a table split over sheets.
func overlap(a, b []int) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	in := make(map[int]bool, len(a))
	for _, i := range a {
		in[i] = true
	}
	n := 0
	for _, i := range b {
		if in[i] {
			n++
		}
	}
	return 2*n >= min(len(a), len(b))
}

func filterGrids(ngs []*normGrid, idx []int, keep func(*normGrid) bool) []int {
	var out []int
	for _, i := range idx {
		if keep(ngs[i]) {
			out = append(out, i)
		}
	}
	return out
}

func addSkip(m map[*Grid]bool, g *Grid) map[*Grid]bool {
	if m == nil {
		m = map[*Grid]bool{}
	}
	m[g] = true
	return m
}

// sheetNames quotes the names of the grids idx, marking hidden sheets.
func sheetNames(ngs []*normGrid, idx []int) string {
	var names []string
	for _, i := range idx {
		n := "“" + ngs[i].g.Name + "”"
		if ngs[i].g.Hidden {
			n += "（隐藏）"
		}
		names = append(names, n)
	}
	return strings.Join(names, "、")
}

// sameFigures reports whether the copies idx state the same text in every
// cell of table id that any of them places.
func sameFigures(locs []*location, idx []int, id string) bool {
	first := locs[idx[0]]
	for _, i := range idx[1:] {
		l := locs[i]
		for _, lb := range l.lf.blocks {
			if lb.table.ID != id {
				continue
			}
			end := lb.offset + len(lb.rows)*len(lb.cols)
			for k := lb.offset; k < end; k++ {
				a, b := first.cells[k], l.cells[k]
				if (a.g == nil) != (b.g == nil) {
					return false
				}
				if a.g != nil && strings.TrimSpace(a.g.Text(a.r, a.c)) != strings.TrimSpace(b.g.Text(b.r, b.c)) {
					return false
				}
			}
		}
	}
	return true
}

// sheetYear returns the year a worksheet states for its figures: the year
// of its statistics period, else a year in its name, else the first year in
// a cell of text ("2021年度…情况"); 0 when it states none. A cell that is only
// a date (a publication date) does not state the data's year.
func sheetYear(g *Grid) int {
	if p, _, ok := gridPeriod([]*Grid{g}); ok {
		return p.Year
	}
	if y := findYear(g.Name); y != 0 {
		return y
	}
	for _, row := range g.Rows {
		for _, c := range row {
			if len(c.Text) > 300 || !strings.Contains(c.Text, "年") || dateOnlyRE.MatchString(width.Fold.String(c.Text)) {
				continue
			}
			if y := findYear(c.Text); y != 0 {
				return y
			}
		}
	}
	return 0
}

// gridPeriod finds the sentence stating the statistics period in the grids
// ("统计期限自2020年1月1日起至2020年12月31日止"), with the cell it stands in.
func gridPeriod(grids []*Grid) (labels.Period, string, bool) {
	for _, g := range grids {
		if g == nil {
			continue
		}
		for ri, row := range g.Rows {
			for ci, c := range row {
				if len(c.Text) < 20 || len(c.Text) > 2000 || (ci > 0 && c.Text == row[ci-1].Text) ||
					!strings.Contains(c.Text, "年") || !(strings.Contains(c.Text, "统计") || strings.Contains(c.Text, "期限") || strings.Contains(c.Text, "时限")) {
					continue // cheap tests first: statPeriod folds the text
				}
				if p, ok := labels.StatPeriod([]Line{{Text: c.Text}}); ok {
					return p, g.Loc(ri, ci), true
				}
			}
		}
	}
	return labels.Period{}, "", false
}

// missingTables returns an error finding for each table of the format that
// the workbook does not have at all, except those left out on purpose
// (dropped): without it a workbook lacking 表四 read as if all were well.
func missingTables(l *location, dropped map[string]bool) []gongkai.Finding {
	var out []gongkai.Finding
	for _, t := range l.lf.f.Tables {
		if l.hasTable(t.ID) || dropped[t.ID] {
			continue
		}
		out = append(out, gongkai.Finding{
			Rule: "missing_table", Severity: gongkai.SeverityError, At: "表" + t.Numeral, RowLabel: t.Title,
			Message: fmt.Sprintf("工作簿中没有表%s（%s）：该表的数字未读取，是空白而不是 0；请补上该表后重新上传", t.Numeral, t.Title),
		})
	}
	return out
}

// missingPageTables returns a warning for each table of the format that a
// page (HTML, page text, PDF, Word) does not have at all: its figures are
// blank, and without the warning nothing would say why. A page's table may
// be an image, or the page cut short, so it is a warning, not the error a
// workbook gets. A table that r's findings speak of already (its rows run
// together, say) is on the page, and gets none. The warning stands at the
// heading of the table's section, else at the page's first line.
func missingPageTables(l *location, r *gongkai.Report, d *Document) []gongkai.Finding {
	cat := gongkai.CatalogueByCode()
	noted := map[string]bool{}
	for _, f := range r.Findings {
		if f.Rule == "narrative" {
			continue // about the prose: a count it left blank says nothing of the table
		}
		noted[cat[f.Measure].Table] = true
		noted[f.RowLabel] = true
	}
	var out []gongkai.Finding
	for _, t := range l.lf.f.Tables {
		if l.hasTable(t.ID) || noted[t.ID] || noted[t.Title] {
			continue
		}
		at := ""
		if len(d.Lines) > 0 {
			at = lineAt(d.Lines[0].N)
		}
		for _, s := range r.Sections {
			if s.Numeral == t.Numeral {
				at = s.At
			}
		}
		out = append(out, gongkai.Finding{
			Rule: "missing_table", Severity: gongkai.SeverityWarning, At: at, RowLabel: t.Title,
			Message: fmt.Sprintf("页面上没有找到表%s（%s）：该表的数字未从表格读取，是空白而不是 0（表格可能是图片，或页面不完整）；正文述及的数字，能确认的已从正文读取，标为“来自正文”", t.Numeral, t.Title),
		})
	}
	return out
}

// workbookTitleAgency returns the agency a workbook's title names when the
// title states no year ("某市测试局政府信息公开工作年度报告"): the text
// before 政府信息公开 (or 政务公开, 信息公开) in a cell that names an
// information-disclosure report. It returns "" when no cell is such a title
// or the text before is not a plausible name.
func workbookTitleAgency(grids []*Grid) string {
	for _, g := range grids {
		if g == nil {
			continue
		}
		for _, row := range g.Rows {
			for ci, c := range row {
				t := c.Text
				if len(t) > 200 || !strings.Contains(t, "告") || (ci > 0 && t == row[ci-1].Text) {
					continue
				}
				s := strings.TrimRight(labels.Normalize(t), "。.:： 》>\"'”")
				if !strings.HasSuffix(s, "报告") {
					continue
				}
				for _, name := range []string{"政府信息公开", "政务公开", "信息公开"} {
					i := strings.Index(s, name)
					if i < 0 {
						continue
					}
					if i == 0 {
						break // the title names no organ before it
					}
					agency := strings.Trim(s[:i], "《》<>\"'[]【】()-_—、,.。: ")
					agency = strings.TrimSuffix(agency, "关于")
					if organName(agency) {
						return agency
					}
					break
				}
			}
		}
	}
	return ""
}

// organSuffixes are the characters an organ's name ends in: 局, 委员会,
// 人民政府, 办公室, 街道办事处, 中心 …
const organSuffixes = "局厅委会部署办室府院处所心站队馆校行司社团庭组区县市省镇乡道厂狱科股盟旗"

// organName reports whether text taken from a title reads as an organ's
// name: short, without digits or sentence punctuation, ending as organs'
// names end. A sentence that happens to end in 报告 ("请各单位按时报送政府
// 信息公开工作年度报告") names no organ.
func organName(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 40 || strings.ContainsAny(s, "0123456789,;:!?，；：！？请") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(organSuffixes, last)
}

// coverYear returns the year the person loading the file gave, else the
// year the workbook's cover sheet states, else 0.
func coverYear(ngs []*normGrid, opts Options) int {
	if opts.Year != 0 {
		return opts.Year
	}
	var r gongkai.Report
	readCover(ngs, &r)
	return r.Year
}

// workbookMeta fills in what a workbook without a cover states elsewhere:
// the agency from a title without a year, the year from the statistics
// period. A statistics period that disagrees with the year (given, else
// stated by the workbook) is a warning at the period's cell.
func workbookMeta(doc *Document, r *gongkai.Report, given int) {
	if r.Agency == "" {
		r.Agency = workbookTitleAgency(doc.Grids)
	}
	p, at, ok := gridPeriod(doc.Grids)
	if !ok {
		return
	}
	if r.Year == 0 {
		r.Year = p.Year
	}
	year := r.Year
	if given != 0 {
		year = given
	}
	if p.Year != year || p.EndYear != p.Year {
		r.Findings = append(r.Findings, gongkai.Finding{
			Rule: "period", Severity: gongkai.SeverityWarning, At: at,
			Message: fmt.Sprintf("统计期限（%s）与报告年度%d年不一致", p.Text, year),
		})
	}
}
