package dashboard

import (
	"context"
	"math"
	"net/http"

	"github.com/labstack/echo/v4"

	"gongkai/warehouse"
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
	byYear, byAgency, applicants, withheld, err := h.applicationsTables(c.Request().Context(), wf, top)
	if err != nil {
		return err
	}
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

// applicantColumns are applications_applicants' rows, in its order: the
// applicant, its label and applications_year_sums' column of its 本年新收.
var applicantColumns = [][3]string{
	{"natural", "自然人", "apps_new_natural"}, {"business", "商业企业", "apps_new_business"},
	{"research", "科研机构", "apps_new_research"}, {"ngo", "社会公益组织", "apps_new_ngo"},
	{"legal_services", "法律服务机构", "apps_new_legal_services"}, {"other", "其他", "apps_new_other"},
}

// withheldColumns are applications_withheld's rows, in its order: the
// measure, its label and applications_year_sums' column of its sums.
var withheldColumns = [][3]string{
	{"apps.withheld.state_secret", "属于国家秘密", "apps_withheld_state_secret"},
	{"apps.withheld.prohibited_by_law", "其他法律行政法规禁止公开", "apps_withheld_prohibited_by_law"},
	{"apps.withheld.three_safeties", "危及“三安全一稳定”", "apps_withheld_three_safeties"},
	{"apps.withheld.third_party", "保护第三方合法权益", "apps_withheld_third_party"},
	{"apps.withheld.internal_affairs", "属于三类内部事务信息", "apps_withheld_internal_affairs"},
	{"apps.withheld.process_info", "属于四类过程性信息", "apps_withheld_process_info"},
	{"apps.withheld.enforcement_file", "属于行政执法案卷", "apps_withheld_enforcement_file"},
	{"apps.withheld.query_matter", "属于行政查询事项", "apps_withheld_query_matter"},
}

// applicationsTables returns the tables of 依申请公开: applications_by_year,
// applications_by_agency (with top's limit), applications_applicants and
// applications_withheld under wf. Three of them are read from one pass,
// applications_year_sums, and the applicant and ground rows summed over its
// years here: with a piece of a name each of the three would join the
// selected agencies to every current summary row (at 1M reports the page's
// slowest tenth), and without one the pass reads the kept roll-up once
// instead of three times. When a year's sum is not a whole number below
// 2^53 (the order of a sum could then change its last digit) the named
// queries are run instead, so the rows are always theirs. Its error is the
// queries'.
func (h *handler) applicationsTables(ctx context.Context, wf, top warehouse.Filter) (byYear, byAgency, applicants, withheld *warehouse.Table, err error) {
	ts, err := h.queryAll(ctx, namedQuery{"applications_year_sums", wf}, namedQuery{"applications_by_agency", top})
	if err != nil {
		return nil, nil, nil, nil, err
	}
	if byYear, applicants, withheld, ok := splitYearSums(ts[0]); ok {
		return byYear, ts[1], applicants, withheld, nil
	}
	ts2, err := h.queryAll(ctx, namedQuery{"applications_by_year", wf}, namedQuery{"applications_applicants", wf},
		namedQuery{"applications_withheld", wf})
	if err != nil {
		return nil, nil, nil, nil, err
	}
	return ts2[0], ts[1], ts2[1], ts2[2], nil
}

// byYearColumns are applications_by_year's columns, the first of
// applications_year_sums'.
const byYearColumns = 13

// splitYearSums returns applications_by_year, applications_applicants and
// applications_withheld as their named queries give them, from
// applications_year_sums' rows t. ok is false when t is not of the form
// expected or a sum of a year is not a whole number of magnitude below 2^53:
// only then could the sum of the years' sums differ from the sum of the
// reports' figures.
func splitYearSums(t *warehouse.Table) (byYear, applicants, withheld *warehouse.Table, ok bool) {
	if len(t.Columns) < byYearColumns {
		return nil, nil, nil, false
	}
	byYear = &warehouse.Table{Columns: t.Columns[:byYearColumns:byYearColumns], Rows: make([][]any, len(t.Rows))}
	for i, r := range t.Rows {
		byYear.Rows[i] = r[:byYearColumns:byYearColumns]
	}
	sums := func(cols [][3]string, first, value string) (*warehouse.Table, bool) {
		out := &warehouse.Table{Columns: []string{first, "label", value}, Rows: make([][]any, len(cols))}
		for k, c := range cols {
			j := col(t, c[2])
			if j < 0 {
				return nil, false
			}
			var s float64
			for _, r := range t.Rows {
				v, isFloat := r[j].(float64)
				if !isFloat || v != math.Trunc(v) || math.Abs(v) >= 1<<53 {
					return nil, false
				}
				s += v
			}
			if math.Abs(s) >= 1<<53 {
				return nil, false
			}
			out.Rows[k] = []any{c[0], c[1], s}
		}
		return out, true
	}
	applicants, ok1 := sums(applicantColumns, "applicant", "apps_new")
	withheld, ok2 := sums(withheldColumns, "measure", "applications")
	return byYear, applicants, withheld, ok1 && ok2
}
