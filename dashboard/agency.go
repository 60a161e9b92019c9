package dashboard

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/labstack/echo/v4"

	"gongkai"
	"gongkai/warehouse"
)

const agenciesPageSize = 50

// agenciesData is the agency index: a page of agencies the filter selects.
type agenciesData struct {
	Rows     []agencyRow
	Pager    pager
	Download string // the whole list as CSV/XLSX, without the format parameter
}

type agencyRow struct {
	URL, Name, Province, City, Level string
	Reports                          int64
	Years                            string
}

// agencies is the agency index (机构): search by name, filter by region and
// level, paged.
func (h *handler) agencies(c echo.Context) error {
	p, err := h.dashboardPage(c, "机构")
	if err != nil {
		return err
	}
	pg, err := parsePage(c.QueryParams(), "page")
	if err != nil {
		return err
	}
	fl := *p.Filter
	wf := fl.warehouse()
	wf.Limit, wf.Offset = agenciesPageSize, (pg-1)*agenciesPageSize
	t, err := h.query(c, "agencies_list", wf)
	if err != nil {
		return err
	}
	var d agenciesData
	var total int64
	for i := range t.Rows {
		total = integer(get(t, i, "agencies_total"))
		years := plain(get(t, i, "first_year"))
		if last := plain(get(t, i, "last_year")); last != years {
			years += "—" + last
		}
		d.Rows = append(d.Rows, agencyRow{
			URL: agencyURL(get(t, i, "agency_id")), Name: plain(get(t, i, "agency")),
			Province: plain(get(t, i, "province")), City: plain(get(t, i, "city")), Level: plain(get(t, i, "level")),
			Reports: integer(get(t, i, "reports")), Years: years,
		})
	}
	d.Pager = newPager(pg, agenciesPageSize, total, func(n int) string {
		v := fl.values()
		v.Set("page", strconv.Itoa(n))
		return "/agencies?" + v.Encode()
	})
	dl := fl.values()
	dl.Set("limit", "100000")
	d.Download = "/api/queries/agencies_list?" + dl.Encode()
	p.Data = d
	return h.render(c, http.StatusOK, "agencies", p)
}

// agencyData is the profile of one agency.
type agencyData struct {
	ID                                  int64
	Name, Province, City, County, Level string
	Years                               []string
	Reports                             []agencyReport
	Measures                            []measureRow
}

type agencyReport struct {
	Year, URL, Format string
	Errors, Warnings  int64
}

// measureRow is one measure across the agency's years; Cells follow Years.
type measureRow struct {
	Code, Label, Unit string
	Cells             []string
}

// agency is the profile of one agency: its reports by year, the trend of its
// headline figures (a click opens that year's report), and every measure
// across its years. An unknown agency is a 404.
func (h *handler) agency(c echo.Context) error {
	id, err := pathID(c, "机构")
	if err != nil {
		return err
	}
	fl, err := parsePageFilter(c.QueryParams())
	if err != nil {
		return err
	}
	wf := fl.warehouse()
	wf.AgencyID = id
	info, err := h.query(c, "agency_info", wf)
	if err != nil {
		return err
	}
	if len(info.Rows) == 0 {
		return notFound("没有编号为 %d 的机构。", id)
	}
	reps, err := h.db.AgencyReports(c.Request().Context(), id, fl.YearFrom, fl.YearTo)
	if err != nil {
		return err
	}
	d := agencyData{
		ID: id, Name: plain(get(info, 0, "agency")), Province: plain(get(info, 0, "province")),
		City: plain(get(info, 0, "city")), County: plain(get(info, 0, "county")), Level: plain(get(info, 0, "level")),
	}
	for _, r := range reps {
		y := strconv.Itoa(r.Year)
		d.Years = append(d.Years, y)
		d.Reports = append(d.Reports, agencyReport{Year: y, URL: reportURL(r.ID), Format: r.Format,
			Errors: int64(r.Errors), Warnings: int64(r.Warnings)})
	}
	d.Measures = pivotMeasures(reps)

	years := headlineTable(reps)
	trend := newChart("chart-agency-trend", "主要指标历年变化", "agency_years", fl, years,
		lineChart(years, "year", []series{
			{"apps_new", "本年新收申请"}, {"apps_total", "申请办理总计"}, {"licensing_decisions", "行政许可决定"},
			{"penalty_decisions", "行政处罚决定"}, {"proactive_items", "主动公开信息"},
		}), "report_id")
	v := fl.values()
	v.Set("agency_id", strconv.FormatInt(id, 10))
	trend.Params = v.Encode()
	trend.link(years, "year", func(i int) string { return reportURL(get(years, i, "report_id")) })
	p := &page{Title: d.Name, Nav: "agencies", Filter: &fl, Path: c.Path(), Charts: []chart{trend}, Data: d}
	return h.render(c, http.StatusOK, "agency", p)
}

// headlineColumns are the figures the agency's trend chart draws, as the
// columns of the agency_years query (which the chart's downloads serve).
var headlineColumns = []struct{ column, measure string }{
	{"apps_new", "apps.new"}, {"apps_total", "apps.total"}, {"licensing_decisions", "licensing.decisions"},
	{"penalty_decisions", "penalty.decisions"}, {"proactive_items", "narrative.proactive_items"},
}

// headlineTable lays out the agency's reports as a table of year, report id
// and headline figures, for the trend chart and its data table.
func headlineTable(reps []warehouse.AgencyReport) *warehouse.Table {
	t := &warehouse.Table{Columns: []string{"year", "report_id"}}
	for _, h := range headlineColumns {
		t.Columns = append(t.Columns, h.column)
	}
	for _, r := range reps {
		row := []any{int64(r.Year), r.ID}
		for _, h := range headlineColumns {
			if v := r.Totals[h.measure]; v != nil {
				row = append(row, *v)
			} else {
				row = append(row, nil)
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// pivotMeasures lays out every figure of the agency's reports as one row per
// measure with a cell per report (year), in the order the official tables
// print them; measures no format lays out come last, by code.
func pivotMeasures(reps []warehouse.AgencyReport) []measureRow {
	rows := map[string]*measureRow{}
	for j, r := range reps {
		for code, v := range r.Totals {
			mr := rows[code]
			if mr == nil {
				m := gongkai.CatalogueByCode()[code]
				label := m.Label
				if label == "" {
					label = code
				}
				mr = &measureRow{Code: code, Label: label, Unit: m.Unit, Cells: make([]string, len(reps))}
				rows[code] = mr
			}
			if v != nil {
				mr.Cells[j] = text(*v)
			}
		}
	}
	var out []measureRow
	for _, code := range measureOrder() {
		if r := rows[code]; r != nil {
			out = append(out, *r)
			delete(rows, code)
		}
	}
	rest := make([]string, 0, len(rows))
	for code := range rows {
		rest = append(rest, code)
	}
	slices.Sort(rest)
	for _, code := range rest {
		out = append(out, *rows[code])
	}
	return out
}

// measureOrder lists measure codes in the order the official tables print
// them (2021 first, then what only 2019 has), narrative figures last.
func measureOrder() []string {
	seen := map[string]bool{}
	var out []string
	add := func(code string) {
		if !seen[code] {
			seen[code] = true
			out = append(out, code)
		}
	}
	for _, code := range []string{"narrative.proactive_items"} {
		add(code)
	}
	for _, f := range gongkai.Formats() {
		for _, t := range f.Tables {
			for _, b := range t.Blocks {
				for _, r := range b.Rows {
					if r.Group {
						continue
					}
					if b.Dimension == "applicant" {
						add(r.Measure)
						continue
					}
					for _, c := range b.Columns {
						m, _ := b.Cell(r, c)
						add(m)
					}
				}
			}
		}
	}
	return out
}
