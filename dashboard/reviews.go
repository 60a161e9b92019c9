package dashboard

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// reviewsData is the headline of 复议诉讼: the correction rates (纠正 / 总计)
// over the selected years.
type reviewsData struct {
	ReviewTotal, LitigationTotal int64
	ReviewRate, LitigationRate   string
}

// reviews is 复议诉讼: the counts and outcomes of administrative review and
// litigation over disclosure, and the correction rate.
func (h *handler) reviews(c echo.Context) error {
	p, err := h.dashboardPage(c, "复议诉讼")
	if err != nil {
		return err
	}
	fl := *p.Filter
	ts, err := h.queryAll(c.Request().Context(), namedQuery{"reviews_by_year", fl.warehouse()}, namedQuery{"reviews_outcomes", fl.warehouse()})
	if err != nil {
		return err
	}
	byYear, outcomes := ts[0], ts[1]
	years := newChart("chart-reviews-years", "行政复议和行政诉讼（按年度）", "reviews_by_year", fl, byYear,
		comboChart(byYear, "year", []series{{"review_total", "行政复议"}, {"litigation_total", "行政诉讼"}},
			[]series{{"review_correction_rate", "复议纠错率（%）"}, {"litigation_correction_rate", "诉讼纠错率（%）"}}))
	years.Note = "纠错率 = 结果纠正 ÷ 总计。"
	years.link(byYear, "year", yearLink(fl, "/reviews", byYear))
	out := newChart("chart-reviews-outcomes", "复议诉讼结果（件）", "reviews_outcomes", fl, outcomes,
		barChart(outcomes, "label", []series{{"upheld", "结果维持"}, {"corrected", "结果纠正"}, {"other", "其他结果"}, {"pending", "尚未审结"}}, true, true), "kind")
	p.Charts = []chart{years, out}

	var d reviewsData
	var rc, lc int64
	for i := range byYear.Rows {
		d.ReviewTotal += integer(get(byYear, i, "review_total"))
		d.LitigationTotal += integer(get(byYear, i, "litigation_total"))
		rc += integer(get(byYear, i, "review_corrected"))
		lc += integer(get(byYear, i, "litigation_corrected"))
	}
	d.ReviewRate, d.LitigationRate = ratio(rc, d.ReviewTotal), ratio(lc, d.LitigationTotal)
	p.Data = d
	return h.render(c, http.StatusOK, "reviews", p)
}

// ratio renders a/b as a percentage, "—" when b is 0.
func ratio(a, b int64) string {
	if b == 0 {
		return "—"
	}
	return percent(float64(a) / float64(b))
}
