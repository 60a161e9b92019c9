package dashboard

import (
	"bytes"
	"context"
	htmltemplate "html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"gongkai"
	"gongkai/template"
	"gongkai/warehouse"
)

// rollupListLimit bounds the agencies the roll-up page lists by name in each
// status; the counts are always complete.
const rollupListLimit = 200

// rollup is the regional roll-up of one year: the official tables summed
// over the current reports of the agencies a region and level select, as a
// 政务公开办 compiles them every year.
type rollup struct {
	Year                  int
	Province, City, Level string
	Format                *gongkai.Format
	// Reported, Missing and Later count the agencies in the sum, those
	// without a report although they reported for an earlier year (缺报),
	// and those whose first report is for a later year (not expected yet).
	Reported, Missing, Later int64
	MissingList              []rollupAgency
	ReportedList             []rollupAgency
	Figures                  []rollupFigure
	byKey                    map[string]*rollupFigure
}

// rollupAgency is one agency of the roll-up's lists.
type rollupAgency struct {
	ID                   int64
	Name, City, Level    string
	ReportID             int64
	Errors               int64
	AgencyURL, ReportURL string
}

// rollupFigure is one cell of the official tables summed: Value is nil when
// no report states it; Stated counts the reports that do, Blank those in
// the sum that leave it blank or whose format has no such cell.
type rollupFigure struct {
	Measure   string   `json:"measure"`
	Applicant string   `json:"applicant"`
	Value     *float64 `json:"value"`
	Stated    int64    `json:"stated"`
	Blank     int64    `json:"blank"`
}

// Name returns the region as a person names it: "贵州省 · 贵阳市 · 县级部门",
// or 全部地区.
func (r *rollup) Name() string {
	parts := nonEmptyStrings(r.Province, r.City, r.Level)
	if len(parts) == 0 {
		return "全部地区"
	}
	return strings.Join(parts, " · ")
}

// rollupFormat returns the official format of year: the 2021 format from
// the 2021 reports on, the 2019 format for 2019 and 2020, and nil before,
// when there were no national tables to sum.
func rollupFormat(year int) *gongkai.Format {
	switch {
	case year >= 2021:
		return gongkai.FormatByID(gongkai.Format2021)
	case year >= 2019:
		return gongkai.FormatByID(gongkai.Format2019)
	}
	return nil
}

// loadRollup runs the roll-up's queries for the year and the region and
// level of fl, and the queries of extra with them (at once: the breakdown
// of one figure does not wait for the sums), whose tables it returns in
// order. It returns a CodeInvalid error for a year before 2019, before any
// query runs, and the first query's error.
func (h *handler) loadRollup(ctx context.Context, fl filter, extra ...namedQuery) (*rollup, []*warehouse.Table, error) {
	r := &rollup{Year: fl.YearFrom, Province: fl.Province, City: fl.City, Level: fl.Level, Format: rollupFormat(fl.YearFrom)}
	if r.Format == nil {
		return nil, nil, invalid("%d年的报告没有全国统一的统计表格（2019年起施行），无法按官方表格汇总。请选择 2019 年或以后的年度。", fl.YearFrom)
	}
	wf := warehouse.Filter{YearFrom: fl.YearFrom, YearTo: fl.YearTo, Province: fl.Province, City: fl.City, Level: fl.Level}
	lists := wf
	lists.Limit = rollupListLimit
	ts, err := h.queryAll(ctx, append([]namedQuery{{"region_agencies", lists}, {"region_rollup", wf}}, extra...)...)
	if err != nil {
		return nil, nil, err
	}
	ag, sums := ts[0], ts[1]
	for i := range ag.Rows {
		a := rollupAgency{
			ID: integer(get(ag, i, "agency_id")), Name: plain(get(ag, i, "agency")),
			City: plain(get(ag, i, "city")), Level: plain(get(ag, i, "level")),
			ReportID: integer(get(ag, i, "report_id")), Errors: integer(get(ag, i, "errors")),
		}
		a.AgencyURL, a.ReportURL = agencyURL(a.ID), reportURL(a.ReportID)
		n := integer(get(ag, i, "agencies"))
		switch plain(get(ag, i, "status")) {
		case "reported":
			r.Reported = n
			r.ReportedList = append(r.ReportedList, a)
		case "missing":
			r.Missing = n
			r.MissingList = append(r.MissingList, a)
		case "later":
			r.Later = n
		}
	}
	r.byKey = map[string]*rollupFigure{}
	for i := range sums.Rows {
		f := rollupFigure{Measure: plain(get(sums, i, "measure")), Applicant: plain(get(sums, i, "applicant")),
			Stated: integer(get(sums, i, "stated"))}
		if v, ok := number(get(sums, i, "value")); ok {
			f.Value = &v
		}
		f.Blank = r.Reported - f.Stated
		r.Figures = append(r.Figures, f)
	}
	for i := range r.Figures {
		r.byKey[r.Figures[i].Measure+"|"+r.Figures[i].Applicant] = &r.Figures[i]
	}
	return r, ts[2:], nil
}

// report returns the roll-up as a report of its format: one value per
// summed figure, the region as the agency. Figures no report states are
// left out (blank), as a report leaves a cell blank.
func (r *rollup) report() *gongkai.Report {
	rep := &gongkai.Report{
		Agency: r.Name() + "（汇总，" + strconv.FormatInt(r.Reported, 10) + " 个机构）",
		Year:   r.Year, Format: r.Format.ID, Province: r.Province, City: r.City, Level: r.Level,
		Source: gongkai.Source{Kind: "rollup"},
	}
	for _, f := range r.Figures {
		if f.Value != nil {
			rep.Values = append(rep.Values, gongkai.Value{Measure: f.Measure, Applicant: f.Applicant, Number: f.Value})
		}
	}
	return rep
}

// tables lays the roll-up out as the official tables, every cell linking to
// the agencies behind it and saying how many reports state it.
func (r *rollup) tables(link func(measure, applicant string) string) []officialTable {
	ts := officialLayout(r.report())
	for ti := range ts {
		for bi := range ts[ti].Blocks {
			for ri := range ts[ti].Blocks[bi].Rows {
				cells := ts[ti].Blocks[bi].Rows[ri].Cells
				for ci := range cells {
					c := &cells[ci]
					if c.Measure == "" {
						continue
					}
					c.URL = link(c.Measure, c.Applicant)
					f := r.byKey[c.Measure+"|"+c.Applicant]
					switch {
					case f == nil || f.Stated == 0:
						c.Notes = append(c.Notes, "没有报告填报此项")
					case f.Value == nil:
						// region_rollup leaves a sum blank only for money
						// whose unit each report chooses (元, 万元 or none).
						c.Notes = append(c.Notes, strconv.FormatInt(f.Stated, 10)+" 份报告填报，但各报告的金额单位不一（元、万元或未注明），不能相加，合计留空；点击查看各机构填报的数字")
						c.Severity = "partial"
					case f.Blank > 0:
						c.Notes = append(c.Notes, strconv.FormatInt(f.Stated, 10)+" 份报告填报，"+strconv.FormatInt(f.Blank, 10)+" 份留空或无此项（不计入合计）")
						c.Severity = "partial"
					default:
						c.Notes = append(c.Notes, strconv.FormatInt(f.Stated, 10)+" 份报告填报")
					}
				}
			}
		}
	}
	return ts
}

// PartialFigures counts the figures that some reports in the sum leave
// blank, for the page's note.
func (r *rollup) PartialFigures() int {
	n := 0
	for _, f := range r.Figures {
		if f.Stated > 0 && f.Blank > 0 {
			n++
		}
	}
	return n
}

// regionsData is what the roll-up page shows.
type regionsData struct {
	*rollup
	Tables    []officialTable
	Query     string // the roll-up's URL parameters, for the downloads
	YearNote  string // why the year shown is not the one asked for
	Breakdown *figureBreakdown
}

// figureBreakdown lists the agencies behind one figure of the roll-up.
type figureBreakdown struct {
	Label, Applicant string
	Total            *float64
	Rows             []breakdownRow
	Body             htmltemplate.HTML // Rows as the table's rows (breakdownBody); empty when none
	Reports          int64             // all the reports behind the figure; Rows may be fewer
	Download         string            // all of them as CSV/XLSX, without the format parameter
	Back             string
	// MixedUnits: the figure is money whose column the format gives no
	// unit (采购总金额), which each report states in 元, in 万元 or in
	// neither; region_figure orders the rows by the numbers as stated, so
	// the order (and the rows listed when they are cut) is not the amounts'.
	MixedUnits bool
}

type breakdownRow struct {
	Agency, City, Level, Value, Raw, At string
	AgencyURL, ReportURL                string
}

// breakdownBody writes rows as the breakdown table's rows, every text
// escaped by html/template's HTMLEscapeString and the links (a path and a
// number, agencyURL and reportURL) as they are. It is the template's own
// markup built once in Go: executed by html/template, 500 rows were ~13
// actions each, every action a reflect call of an escaper, ~9 ms of CPU a
// /regions?measure request at a million reports; the escaping itself was a
// tenth of it.
func breakdownBody(rows []breakdownRow) htmltemplate.HTML {
	var b strings.Builder
	esc := htmltemplate.HTMLEscapeString
	for _, r := range rows {
		b.WriteString(`<tr><td><a href="`)
		b.WriteString(esc(r.AgencyURL))
		b.WriteString(`">`)
		b.WriteString(esc(r.Agency))
		b.WriteString(`</a></td><td>`)
		b.WriteString(esc(r.City))
		b.WriteString(`</td><td>`)
		b.WriteString(esc(r.Level))
		b.WriteString("</td>\n      <td class=\"num\">")
		if r.ReportURL != "" {
			b.WriteString(`<a href="`)
			b.WriteString(esc(r.ReportURL))
			b.WriteString(`">`)
			b.WriteString(esc(r.Value))
			b.WriteString(`</a>`)
		} else {
			b.WriteString(esc(r.Value))
		}
		b.WriteString(`</td><td>`)
		b.WriteString(esc(r.Raw))
		b.WriteString(`</td><td>`)
		b.WriteString(esc(r.At))
		b.WriteString("</td></tr>\n    ")
	}
	return htmltemplate.HTML(b.String())
}

// regionFilter reads the roll-up's parameters: one year (a range is cut to
// its last year, and note says so; no year means the latest with reports),
// and the region and level. A province or city no agency has is a 404.
func (h *handler) regionFilter(c echo.Context, p *page) (fl filter, note string, err error) {
	fl = *p.Filter
	fl.Agency = ""
	switch {
	case fl.YearFrom == 0 && fl.YearTo == 0:
		if n := len(p.Options.Years); n > 0 {
			fl.YearFrom, _ = strconv.Atoi(p.Options.Years[n-1])
		}
	case fl.YearTo == 0:
		note = "地区汇总按单一年度计算：显示起始年度 " + strconv.Itoa(fl.YearFrom) + " 年。"
	case fl.YearFrom != fl.YearTo:
		note = "地区汇总按单一年度计算：显示所选范围的最后一年 " + strconv.Itoa(fl.YearTo) + " 年。"
		fl.YearFrom = fl.YearTo
	}
	fl.YearTo = fl.YearFrom
	if fl.Province != "" && !slices.Contains(p.Options.Provinces, fl.Province) {
		return fl, "", notFound("没有省份为“%s”的机构。", clip(fl.Province))
	}
	if fl.City != "" && !slices.ContainsFunc(p.Options.Cities, func(o cityOption) bool { return o.Name == fl.City }) {
		return fl, "", notFound("没有地市为“%s”的机构。", clip(fl.City))
	}
	if fl.Level != "" && !slices.Contains(p.Options.Levels, fl.Level) {
		return fl, "", notFound("没有层级为“%s”的机构。", clip(fl.Level))
	}
	return fl, note, nil
}

// regions is 地区汇总 (GET /regions): tables 二, 三 and 四 of the official
// format summed over the current reports of the year of the agencies the
// region and level select, how many agencies are in the sum and which are
// missing, each figure linking to the agencies behind it (the measure and
// applicant parameters open that breakdown below the tables).
func (h *handler) regions(c echo.Context) error {
	p, err := h.dashboardPage(c, "地区汇总")
	if err != nil {
		return err
	}
	p.YearOnly = true
	fl, note, err := h.regionFilter(c, p)
	if err != nil {
		return err
	}
	*p.Filter = fl
	d := regionsData{Query: fl.Query(), YearNote: note}
	if fl.YearFrom == 0 {
		d.rollup = &rollup{} // an empty warehouse: nothing to sum (no Format)
		p.Data = d
		return h.render(c, http.StatusOK, "regions", p)
	}
	// The breakdown of one figure runs with the roll-up's queries; its
	// parameters are checked first, unless the year has no tables to sum
	// (loadRollup's error).
	var figure *figureQuery
	var extra []namedQuery
	if m := strings.TrimSpace(c.QueryParam("measure")); m != "" && rollupFormat(fl.YearFrom) != nil {
		if figure, err = newFigureQuery(fl, m, c.QueryParam("applicant")); err != nil {
			return err
		}
		extra = append(extra, figure.q)
	}
	r, ts, err := h.loadRollup(c.Request().Context(), fl, extra...)
	if err != nil {
		return err
	}
	d.rollup = r
	d.Tables = r.tables(func(m, a string) string {
		v := fl.values()
		v.Set("measure", m)
		v.Set("applicant", a)
		return "/regions?" + v.Encode() + "#figure"
	})
	if figure != nil {
		d.Breakdown = figure.breakdown(fl, r, ts[0])
	}
	p.Data = d
	return h.render(c, http.StatusOK, "regions", p)
}

// figureQuery is the breakdown of one figure: the reports behind it
// (region_figure), asked for by measure and applicant.
type figureQuery struct {
	measure, applicant string
	q                  namedQuery
}

// newFigureQuery checks the measure and applicant of a breakdown (the
// total's column when applicant is empty). An unknown measure or applicant
// is a 400.
func newFigureQuery(fl filter, measure, applicant string) (*figureQuery, error) {
	if applicant == "" {
		applicant = gongkai.ApplicantTotal
	}
	if _, ok := gongkai.CatalogueByCode()[measure]; !ok {
		return nil, invalid("没有代码为“%s”的指标。", clip(measure))
	}
	if !slices.Contains(gongkai.Applicants, applicant) {
		return nil, invalid("申请人类型不正确：“%s”。", clip(applicant))
	}
	wf := warehouse.Filter{YearFrom: fl.YearFrom, YearTo: fl.YearTo, Province: fl.Province, City: fl.City, Level: fl.Level,
		Measure: measure, Applicant: applicant}
	return &figureQuery{measure: measure, applicant: applicant, q: namedQuery{"region_figure", wf}}, nil
}

// breakdown lists the reports behind the figure from t, region_figure's
// rows, with the figure's sum from the roll-up r.
func (fq *figureQuery) breakdown(fl filter, r *rollup, t *warehouse.Table) *figureBreakdown {
	measure, applicant := fq.measure, fq.applicant
	b := &figureBreakdown{Label: gongkai.MeasureLabel(measure), Applicant: gongkai.ApplicantLabel(applicant),
		Back: "/regions?" + fl.Query()}
	if m, ok := gongkai.CatalogueByCode()[measure]; ok && m.Kind == "money" && m.Unit == "" {
		b.MixedUnits = true
	}
	dl := fl.values()
	dl.Set("measure", measure)
	dl.Set("applicant", applicant)
	dl.Set("limit", "100000")
	b.Download = "/api/queries/region_figure?" + dl.Encode()
	if f := r.byKey[measure+"|"+applicant]; f != nil {
		b.Total = f.Value
	}
	for i := range t.Rows {
		b.Reports = integer(get(t, i, "reports_total"))
		row := breakdownRow{
			Agency: plain(get(t, i, "agency")), City: plain(get(t, i, "city")), Level: plain(get(t, i, "level")),
			Value: text(get(t, i, "value")), Raw: plain(get(t, i, "raw")), At: plain(get(t, i, "at")),
			AgencyURL: agencyURL(get(t, i, "agency_id")), ReportURL: reportURL(get(t, i, "report_id")),
		}
		if get(t, i, "value") == nil {
			row.Value = "留空"
		}
		b.Rows = append(b.Rows, row)
	}
	b.Body = breakdownBody(b.Rows)
	return b
}

// apiRegions is GET /api/regions: the roll-up of /regions as JSON (the
// summed figures with how many reports state each, the agencies counted and
// missing) or, with format=xlsx, as the official workbook filled by the
// template writer, which `gongkai check` reads back. Bad parameters are a
// 400, an unknown region a 404.
func (h *handler) apiRegions(c echo.Context) error {
	format := strings.ToLower(strings.TrimSpace(c.QueryParam("format")))
	if format == "" {
		format = "json"
	}
	if format != "json" && format != "xlsx" {
		return invalid("导出格式不正确：“%s”。可选 json、xlsx。", clip(format))
	}
	p, err := h.dashboardPage(c, "地区汇总")
	if err != nil {
		return err
	}
	fl, _, err := h.regionFilter(c, p)
	if err != nil {
		return err
	}
	if fl.YearFrom == 0 {
		return notFound("仓库中还没有报告，无法汇总。")
	}
	r, _, err := h.loadRollup(c.Request().Context(), fl)
	if err != nil {
		return err
	}
	if format == "xlsx" {
		var buf bytes.Buffer
		if err := template.WriteFilled(&buf, r.report()); err != nil {
			return err
		}
		name := "地区汇总-" + strconv.Itoa(r.Year) + "-" + strings.ReplaceAll(strings.ReplaceAll(r.Name(), " · ", "-"), "/", "-") + ".xlsx"
		c.Response().Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape(name))
		return c.Blob(http.StatusOK, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buf.Bytes())
	}
	type agencyJSON struct {
		ID   int64  `json:"agency_id"`
		Name string `json:"agency"`
	}
	missing := make([]agencyJSON, 0, len(r.MissingList))
	for _, a := range r.MissingList {
		missing = append(missing, agencyJSON{a.ID, a.Name})
	}
	figures := r.Figures
	if figures == nil {
		figures = []rollupFigure{}
	}
	return c.JSON(http.StatusOK, struct {
		Year            int            `json:"year"`
		Province        string         `json:"province,omitempty"`
		City            string         `json:"city,omitempty"`
		Level           string         `json:"level,omitempty"`
		Format          string         `json:"format"`
		Demo            bool           `json:"demo"`
		Reported        int64          `json:"reported"`
		Missing         int64          `json:"missing"`
		Later           int64          `json:"later"`
		MissingAgencies []agencyJSON   `json:"missing_agencies"`
		Rule            string         `json:"rule"`
		Values          []rollupFigure `json:"values"`
	}{r.Year, r.Province, r.City, r.Level, r.Format.ID, h.hasDemo(c.Request().Context()), r.Reported, r.Missing, r.Later,
		missing, rollupRule, figures})
}

// rollupRule is how the roll-up treats blank cells, stated on the page and
// in the JSON.
const rollupRule = "各机构该年度现行版本报告的数字之和。报告中留空的单元格（或其格式没有该栏）视为未填报，不计入合计，也不当作 0；每个数字注明有多少份报告填报、多少份留空。没有任何报告填报的数字留空。"
