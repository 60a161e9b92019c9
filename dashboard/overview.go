package dashboard

import (
	"context"
	"net/http"
	"slices"

	"github.com/labstack/echo/v4"

	"gongkai/warehouse"
)

// overviewData is the headline of 总览: what the warehouse holds for the filter.
type overviewData struct {
	Reports, Agencies, WithErrors, WithWarnings int64
	YearMin, YearMax                            int64
}

// overview is 总览: reports loaded, agencies, years covered, and the trends of
// applications, licensing decisions and items published. A click on a year
// opens the page that breaks that year down.
func (h *handler) overview(c echo.Context) error {
	p, err := h.dashboardPage(c, "总览")
	if err != nil {
		return err
	}
	fl := *p.Filter
	totals, trend, err := h.overviewTables(c.Request().Context(), fl.warehouse())
	if err != nil {
		return err
	}
	p.Data = overviewData{
		Reports: integer(get(totals, 0, "reports")), Agencies: integer(get(totals, 0, "agencies")),
		WithErrors: integer(get(totals, 0, "reports_with_errors")), WithWarnings: integer(get(totals, 0, "reports_with_warnings")),
		YearMin: integer(get(totals, 0, "year_min")), YearMax: integer(get(totals, 0, "year_max")),
	}
	apps := newChart("chart-overview-applications", "政府信息公开申请（件）", "overview_trend", fl, trend,
		lineChart(trend, "year", []series{{"apps_new", "本年新收申请"}, {"apps_total", "办理总计"}}))
	apps.link(trend, "year", yearLink(fl, "/applications", trend))
	lic := newChart("chart-overview-licensing", "行政许可决定（件）", "overview_trend", fl, trend,
		barChart(trend, "year", []series{{"licensing_decisions", "行政许可决定"}}, false, false))
	lic.link(trend, "year", yearLink(fl, "/licensing", trend))
	pro := newChart("chart-overview-proactive", "主动公开政府信息（条）", "overview_trend", fl, trend,
		barChart(trend, "year", []series{{"proactive_items", "主动公开信息"}}, false, false))
	pro.link(trend, "year", yearLink(fl, "/proactive", trend))
	reps := newChart("chart-overview-reports", "已载入报告（份）", "overview_trend", fl, trend,
		barChart(trend, "year", []series{{"reports", "报告"}}, false, false))
	reps.link(trend, "year", yearLink(fl, "/quality", trend))
	p.Charts = []chart{apps, lic, pro, reps}
	return h.render(c, http.StatusOK, "overview", p)
}

// yearLink returns a link function for year-by-year charts: row i leads to
// path filtered to that row's year, keeping the other filters.
func yearLink(fl filter, path string, t *warehouse.Table) func(i int) string {
	return func(i int) string {
		return path + "?" + fl.With("year", plain(get(t, i, "year")))
	}
}

// overviewTables returns the tables of 总览, overview_totals and
// overview_trend under wf. Without a piece of a name they are the two named
// queries, read from the kept roll-ups. With one, each would join the
// selected agencies to every current report (at 1M reports the page's
// slowest tenth), so they are read from one pass, overview_year_sums, and
// overview_totals' row made from its years here; when a row is not of the
// form expected or a year lies outside the agencies' bit sets (1990-2100)
// the named queries are run instead, so the rows are always theirs. Its
// error is the queries'.
func (h *handler) overviewTables(ctx context.Context, wf warehouse.Filter) (totals, trend *warehouse.Table, err error) {
	return h.pairFromSums(ctx, wf, wf.Agency != "", "overview_year_sums", splitOverviewSums, "overview_totals", "overview_trend")
}

// overviewSumsColumns are overview_year_sums' columns: overview_trend's
// six, then the year's reports with errors and with warnings, and the
// agencies of the whole selection.
var overviewSumsColumns = []string{"year", "reports", "apps_new", "apps_total", "licensing_decisions", "proactive_items",
	"reports_with_errors", "reports_with_warnings", "agencies"}

// splitOverviewSums returns overview_totals and overview_trend as their
// named queries give them (value and Go type), from overview_year_sums'
// rows t. ok is false when t's columns or a value's type are not the ones
// expected, or a year is outside 1990-2100: overview_year_sums counts the
// agencies from their bit sets of years, which hold no other year, where
// overview_totals counts them from the reports.
func splitOverviewSums(t *warehouse.Table) (totals, trend *warehouse.Table, ok bool) {
	if !slices.Equal(t.Columns, overviewSumsColumns) {
		return nil, nil, false
	}
	trend = &warehouse.Table{Columns: t.Columns[:6:6], Rows: make([][]any, len(t.Rows))}
	var reports, agencies, withErrors, withWarnings int64
	var yearMin, yearMax any
	for i, r := range t.Rows {
		year, ok1 := r[0].(int32)
		n, ok2 := r[1].(int64)
		e, ok3 := r[6].(int64)
		w, ok4 := r[7].(int64)
		a, ok5 := r[8].(int64)
		if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 || year < 1990 || year > 2100 {
			return nil, nil, false
		}
		if i == 0 {
			yearMin, agencies = year, a
		} else if a != agencies || year <= yearMax.(int32) {
			return nil, nil, false
		}
		yearMax = year
		reports += n
		withErrors += e
		withWarnings += w
		trend.Rows[i] = r[:6:6]
	}
	totals = &warehouse.Table{
		Columns: []string{"reports", "agencies", "year_min", "year_max", "reports_with_errors", "reports_with_warnings"},
		Rows:    [][]any{{reports, agencies, yearMin, yearMax, withErrors, withWarnings}},
	}
	return totals, trend, true
}
