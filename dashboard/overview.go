package dashboard

import (
	"net/http"

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
	ts, err := h.queryAll(c.Request().Context(), namedQuery{"overview_totals", fl.warehouse()}, namedQuery{"overview_trend", fl.warehouse()})
	if err != nil {
		return err
	}
	totals, trend := ts[0], ts[1]
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
