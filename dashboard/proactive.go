package dashboard

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// proactive is 主动公开: per year, the items proactively published (the
// narrative figure of 一、总体情况), normative documents issued and in force,
// and the licensing, penalty and coercion decisions of table 二.
func (h *handler) proactive(c echo.Context) error {
	p, err := h.dashboardPage(c, "主动公开")
	if err != nil {
		return err
	}
	fl := *p.Filter
	t, err := h.query(c, "proactive_by_year", fl.warehouse())
	if err != nil {
		return err
	}
	items := newChart("chart-proactive-items", "主动公开政府信息（条）", "proactive_by_year", fl, t,
		barChart(t, "year", []series{{"proactive_items", "主动公开信息"}}, false, false))
	items.Note = "来自各报告“一、总体情况”所述的全年主动公开信息条数。"
	items.Links = linksBy(t, "year", yearLink(fl, "/quality", t))
	docs := newChart("chart-proactive-normative", "行政规范性文件（件）", "proactive_by_year", fl, t,
		barChart(t, "year", []series{{"normative_docs_issued", "本年制发"}, {"normative_docs_in_force", "现行有效"}}, false, false))
	docs.Links = linksBy(t, "year", yearLink(fl, "/quality", t))
	dec := newChart("chart-proactive-decisions", "行政许可、处罚、强制决定（件）", "proactive_by_year", fl, t,
		lineChart(t, "year", []series{{"licensing_decisions", "行政许可"}, {"penalty_decisions", "行政处罚"}, {"coercion_decisions", "行政强制"}}))
	dec.Links = linksBy(t, "year", yearLink(fl, "/licensing", t))
	p.Charts = []chart{items, docs, dec}
	return h.render(c, http.StatusOK, "proactive", p)
}
