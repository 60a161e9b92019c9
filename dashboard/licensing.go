package dashboard

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
)

// licensingData is what 行政许可 shows besides its charts.
type licensingData struct {
	RankYear int // the year the ranking covers
}

// licensing is 行政许可: the agencies ranked by licensing decisions for one
// year (the filter's last year, else the latest year with reports), the
// trend of the leading agencies, and the share by administrative level.
func (h *handler) licensing(c echo.Context) error {
	p, err := h.dashboardPage(c, "行政许可")
	if err != nil {
		return err
	}
	fl := *p.Filter
	rank := fl
	rank.YearFrom, rank.YearTo = rankYear(fl, p.Options.Years), rankYear(fl, p.Options.Years)
	wf := rank.warehouse()
	wf.Limit = 20
	ranking, err := h.query(c, "licensing_ranking", wf)
	if err != nil {
		return err
	}
	trend, err := h.query(c, "licensing_trend", fl.warehouse())
	if err != nil {
		return err
	}
	levels, err := h.query(c, "licensing_by_level", fl.warehouse())
	if err != nil {
		return err
	}
	title := "行政许可决定数量排名（前二十位）"
	if rank.YearFrom != 0 {
		title = strconv.Itoa(rank.YearFrom) + "年" + title
	}
	r := newChart("chart-licensing-ranking", title, "licensing_ranking", rank, ranking,
		barChart(ranking, "agency", []series{{"licensing_decisions", "行政许可决定"}}, false, true), "agency_id")
	r.Height = 520
	r.Links = linksBy(ranking, "agency", agencyLink(ranking))
	tr := newChart("chart-licensing-trend", "主要机构行政许可决定数量趋势", "licensing_trend", fl, trend,
		groupedLineChart(trend, "year", "agency", "licensing_decisions"), "agency_id", "report_id")
	tr.Links = map[string]string{}
	for i := range trend.Rows {
		tr.Links[plain(get(trend, i, "agency"))+"|"+plain(get(trend, i, "year"))] = reportURL(get(trend, i, "report_id"))
	}
	lv := newChart("chart-licensing-levels", "按层级分布", "licensing_by_level", fl, levels,
		pieChart(levels, "level", "licensing_decisions"))
	lv.Links = linksBy(levels, "level", func(i int) string {
		return "/licensing?" + fl.With("level", plain(get(levels, i, "level")))
	})
	p.Charts = []chart{r, tr, lv}
	p.Data = licensingData{RankYear: rank.YearFrom}
	return h.render(c, http.StatusOK, "licensing", p)
}

// rankYear picks the one year a ranking covers: the filter's last year, or
// the latest year with reports (years is sorted ascending).
func rankYear(fl filter, years []string) int {
	if fl.YearTo != 0 {
		return fl.YearTo
	}
	if len(years) > 0 {
		y, _ := strconv.Atoi(years[len(years)-1])
		if fl.YearFrom == 0 || y >= fl.YearFrom {
			return y
		}
	}
	return fl.YearFrom
}
