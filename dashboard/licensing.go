package dashboard

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// licensing is 行政许可: the agencies ranked by the licensing decisions
// they report over the selected years (summed, like every ranking), the
// trend of the leading agencies, and the share by administrative level.
func (h *handler) licensing(c echo.Context) error {
	p, err := h.dashboardPage(c, "行政许可")
	if err != nil {
		return err
	}
	fl := *p.Filter
	wf := fl.warehouse()
	wf.Limit = 20
	// The shares are of all levels, whatever level the filter picks: the
	// picked one is highlighted, instead of one slice making a 100 % ring.
	all := fl
	all.Level = ""
	ts, err := h.queryAll(c.Request().Context(), namedQuery{"licensing_ranking", wf}, namedQuery{"licensing_trend", fl.warehouse()},
		namedQuery{"licensing_by_level", all.warehouse()})
	if err != nil {
		return err
	}
	ranking, trend, levels := ts[0], ts[1], ts[2]
	r := newChart("chart-licensing-ranking", p.Period()+"行政许可决定数量排名（合计，前二十位）", "licensing_ranking", fl, ranking,
		barChart(ranking, "agency", []series{{"licensing_decisions", "行政许可决定"}}, false, true), "agency_id")
	r.Height = 520
	r.link(ranking, "agency", agencyLink(ranking))
	tr := newChart("chart-licensing-trend", "主要机构行政许可决定数量趋势", "licensing_trend", fl, trend,
		groupedLineChart(trend, "year", "agency", "licensing_decisions"), "agency_id", "report_id")
	tr.link(trend, "agency", func(i int) string { return reportURL(get(trend, i, "report_id")) })
	tr.Links = map[string]string{}
	for i := range trend.Rows {
		tr.Links[plain(get(trend, i, "agency"))+"|"+plain(get(trend, i, "year"))] = reportURL(get(trend, i, "report_id"))
	}
	lv := newChart("chart-licensing-levels", p.Period()+"按层级分布", "licensing_by_level", all, levels,
		pieChart(levels, "level", "licensing_decisions", fl.Level))
	if fl.Level != "" {
		lv.Note = "各层级的构成不受“层级”筛选的限制；当前选中的“" + fl.Level + "”突出显示。"
	}
	lv.link(levels, "level", func(i int) string {
		return "/licensing?" + fl.With("level", plain(get(levels, i, "level")))
	})
	p.Charts = []chart{r, tr, lv}
	return h.render(c, http.StatusOK, "licensing", p)
}
