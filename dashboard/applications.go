package dashboard

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// outcomeSeries are the six outcome rows of table 三, stacked in charts.
var outcomeSeries = []series{
	{"apps_granted", "予以公开"}, {"apps_partial", "部分公开"}, {"apps_withheld", "不予公开"},
	{"apps_unavailable", "无法提供"}, {"apps_not_processed", "不予处理"}, {"apps_other", "其他处理"},
}

// applicationsData is the headline of 依申请公开, over Period.
type applicationsData struct {
	Period         string
	Reports        bool // there is anything to show
	New, Total     int64
	DisclosureRate string
}

// applications is 依申请公开: outcomes stacked per year and per agency,
// applicant types, the eight grounds of 不予公开, carry-over in and out, and
// the disclosure rate.
func (h *handler) applications(c echo.Context) error {
	p, err := h.dashboardPage(c, "依申请公开")
	if err != nil {
		return err
	}
	fl := *p.Filter
	wf := fl.warehouse()
	top := wf
	top.Limit = 20
	ts, err := h.queryAll(c.Request().Context(), namedQuery{"applications_by_year", wf}, namedQuery{"applications_by_agency", top},
		namedQuery{"applications_applicants", wf}, namedQuery{"applications_withheld", wf})
	if err != nil {
		return err
	}
	byYear, byAgency, applicants, withheld := ts[0], ts[1], ts[2], ts[3]
	years := newChart("chart-applications-outcomes", "办理结果（按年度，件）", "applications_by_year", fl, byYear,
		barChart(byYear, "year", outcomeSeries, true, false))
	years.link(byYear, "year", yearLink(fl, "/applications", byYear))
	agencies := newChart("chart-applications-agencies", "办理结果（按机构，前二十位）", "applications_by_agency", fl, byAgency,
		barChart(byAgency, "agency", outcomeSeries, true, true), "agency_id")
	agencies.Height = 520
	agencies.link(byAgency, "agency", agencyLink(byAgency))
	apl := newChart("chart-applications-applicants", "申请人类型（本年新收）", "applications_applicants", fl, applicants,
		pieChart(applicants, "label", "apps_new"), "applicant")
	wh := newChart("chart-applications-withheld", "不予公开的理由（件）", "applications_withheld", fl, withheld,
		barChart(withheld, "label", []series{{"applications", "不予公开"}}, false, true), "measure")
	carry := newChart("chart-applications-carryover", "结转与公开率", "applications_by_year", fl, byYear,
		comboChart(byYear, "year", []series{{"apps_carried_in", "上年结转"}, {"apps_carried_out", "结转下年度"}},
			[]series{{"disclosure_rate", "公开率（%）"}}))
	carry.Note = "公开率 =（予以公开 + 部分公开）÷ 办理总计。"
	carry.link(byYear, "year", yearLink(fl, "/applications", byYear))
	p.Charts = []chart{years, agencies, apl, wh, carry}

	// The cards sum the selected years, like every card and ranking; the
	// rate is of the summed counts.
	d := applicationsData{Period: p.Period(), Reports: len(byYear.Rows) > 0}
	var granted int64
	for i := range byYear.Rows {
		d.New += integer(get(byYear, i, "apps_new"))
		d.Total += integer(get(byYear, i, "apps_total"))
		granted += integer(get(byYear, i, "apps_granted")) + integer(get(byYear, i, "apps_partial"))
	}
	d.DisclosureRate = ratio(granted, d.Total)
	p.Data = d
	return h.render(c, http.StatusOK, "applications", p)
}
