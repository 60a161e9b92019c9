package dashboard

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// proactive is 主动公开: per year, the items proactively published (the
// narrative figure of 一、总体情况), normative documents issued and in force,
// and the licensing, penalty and coercion decisions of table 二; and the
// agencies that published the most. A year's bar opens this page for that
// year; an agency's bar opens the agency.
func (h *handler) proactive(c echo.Context) error {
	p, err := h.dashboardPage(c, "主动公开")
	if err != nil {
		return err
	}
	fl := *p.Filter
	wf := fl.warehouse()
	wf.Limit = 20
	ts, err := h.queryAll(c.Request().Context(), namedQuery{"proactive_by_year", fl.warehouse()}, namedQuery{"proactive_by_agency", wf})
	if err != nil {
		return err
	}
	t, byAgency := ts[0], ts[1]
	items := newChart("chart-proactive-items", "主动公开政府信息（条）", "proactive_by_year", fl, t,
		barChart(t, "year", []series{{"proactive_items", "主动公开信息"}}, false, false))
	items.Note = "来自各报告“一、总体情况”所述的全年主动公开信息条数。点击某一年度查看该年度各机构的数字。"
	items.link(t, "year", yearLink(fl, "/proactive", t))
	agencies := newChart("chart-proactive-agencies", p.Period()+"主动公开信息条数（按机构合计，前二十位）", "proactive_by_agency", fl, byAgency,
		barChart(byAgency, "agency", []series{{"proactive_items", "主动公开信息"}}, false, true), "agency_id")
	agencies.Height = 520
	agencies.link(byAgency, "agency", agencyLink(byAgency))
	docs := newChart("chart-proactive-normative", "行政规范性文件（件）", "proactive_by_year", fl, t,
		barChart(t, "year", []series{{"normative_docs_issued", "本年制发"}, {"normative_docs_in_force", "现行有效"}}, false, false))
	docs.Note = "2019年版格式没有“现行有效件数”一栏：这些年度显示为空缺，而不是 0。"
	docs.link(t, "year", yearLink(fl, "/proactive", t))
	dec := newChart("chart-proactive-decisions", "行政许可、处罚、强制决定（件）", "proactive_by_year", fl, t,
		lineChart(t, "year", []series{{"licensing_decisions", "行政许可"}, {"penalty_decisions", "行政处罚"}, {"coercion_decisions", "行政强制"}}))
	dec.link(t, "year", yearLink(fl, "/licensing", t))
	p.Charts = []chart{items, agencies, docs, dec}
	return h.render(c, http.StatusOK, "proactive", p)
}
