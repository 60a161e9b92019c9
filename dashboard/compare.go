package dashboard

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"

	"github.com/labstack/echo/v4"

	"gongkai/warehouse"
)

// compareData is what 地区比较 shows besides its charts.
type compareData struct {
	Level     string // what the rows are: 省份, 地市 or 区县
	LastYear  int    // the year 同比 compares with the one before
	Drillable bool   // the rows lead one level down
	// Zeros lists the agencies with reports whose figures are all 0.
	Zeros dataTable
}

// childLevel names the regions one level below the filter's.
func childLevel(fl filter) (label, own string) {
	switch {
	case fl.City != "":
		return "区县", "市本级及未注明区县"
	case fl.Province != "":
		return "地市", "省本级及未注明地市"
	}
	return "省份", "未注明省份"
}

// compare is 地区比较: the regions one level down the tree (provinces, a
// province's cities, a city's counties) side by side, with the rates made
// of their sums (公开率, 不予公开占比, 纠错率 of reviews and litigation), the
// 同比 change of new applications, the reports whose figures are all 0, and
// rankings of the regions and of the agencies by volume and by rate. Every
// figure covers the selected years summed (the one period rule); 同比
// compares the last selected year with the year before.
func (h *handler) compare(c echo.Context) error {
	p, err := h.dashboardPage(c, "地区比较")
	if err != nil {
		return err
	}
	fl := *p.Filter
	last := lastYear(p)
	wf := fl.warehouse()
	// 同比 needs the year before the period's last even when the period
	// starts later; those rows are left out of the period's sums.
	if last != 0 && wf.YearFrom > last-1 {
		wf.YearFrom = last - 1
	}
	aw := fl.warehouse()
	aw.Limit = 20
	ts, err := h.queryAll(c.Request().Context(), namedQuery{"compare_regions", wf}, namedQuery{"compare_agencies", aw})
	if err != nil {
		return err
	}
	byYear, agencies := ts[0], ts[1]
	level, own := childLevel(fl)
	t := regionComparison(byYear, fl, last, own)

	byVolume := sortedTable(t, "apps_total")
	vol := newChart("chart-compare-volume", p.Period()+"各"+level+"依申请公开办理总计（件，合计）", "compare_regions", fl, byVolume,
		barChart(byVolume, "region", []series{{"apps_total", "办理总计"}}, false, true), "region_key")
	vol.Params = paramsOf(wf)
	vol.link(byVolume, "region", func(i int) string { return drillOf(byVolume, i, fl) })
	vol.Height = chartHeight(len(byVolume.Rows))
	vol.Note = "按各年合计排序。表中的比率由合计件数计算；同比为 " + yearText(last) + "与上一年相比的新收申请变化。点击地区查看其下一级。"
	byRate := sortedTable(t, "disclosure_rate")
	pct := percentColumns(byRate, "disclosure_rate", "refused_share")
	rate := newChart("chart-compare-rate", p.Period()+"各"+level+"公开率与不予公开占比（%）", "compare_regions", fl, byRate,
		barChart(pct, "region", []series{{"disclosure_rate", "公开率（%）"}, {"refused_share", "不予公开占比（%）"}}, false, true), "region_key")
	rate.Params = paramsOf(wf)
	rate.link(byRate, "region", func(i int) string { return drillOf(byRate, i, fl) })
	rate.Height = chartHeight(len(byRate.Rows))
	rate.Note = "公开率 =（予以公开 + 部分公开）÷ 办理总计；不予公开占比 = 不予公开 ÷ 办理总计。按公开率由高到低排列。"

	byAgencyVolume := filterRows(agencies, "rank_volume")
	av := newChart("chart-compare-agencies-volume", p.Period()+"机构排名：依申请公开办理总计（前二十位）", "compare_agencies", fl, byAgencyVolume,
		barChart(byAgencyVolume, "agency", []series{{"apps_total", "办理总计"}}, false, true), "agency_id", "rank_rate")
	av.Params = paramsOf(aw)
	av.Height = chartHeight(len(byAgencyVolume.Rows))
	av.link(byAgencyVolume, "agency", agencyLink(byAgencyVolume))
	byAgencyRate := filterRows(agencies, "rank_rate")
	ar := newChart("chart-compare-agencies-rate", p.Period()+"机构排名：公开率由低到高（办理 10 件以上，前二十位）", "compare_agencies", fl, byAgencyRate,
		barChart(percentColumns(byAgencyRate, "disclosure_rate"), "agency", []series{{"disclosure_rate", "公开率（%）"}}, false, true), "agency_id", "rank_volume")
	ar.Params = paramsOf(aw)
	ar.Height = chartHeight(len(byAgencyRate.Rows))
	ar.link(byAgencyRate, "agency", agencyLink(byAgencyRate))
	ar.Note = "只比较所选年度合计办理 10 件以上的机构，以免一两件申请决定排名。"

	p.Charts = []chart{vol, rate, av, ar}
	zeros := filterRows(agencies, "rank_zero")
	zt := newDataTable(zeros, "agency_id", "rank_volume", "rank_rate", "rank_zero", "disclosure_rate", "refused_share",
		"review_correction_rate", "litigation_correction_rate")
	zt.setLinks(zeros, "agency", agencyLink(zeros))
	p.Data = compareData{Level: level, LastYear: last, Drillable: fl.City == "", Zeros: zt}
	return h.render(c, http.StatusOK, "compare", p)
}

// lastYear is the last year of the page's period: the filter's end, or
// the latest year with reports.
func lastYear(p *page) int {
	if p.Filter.YearTo != 0 {
		return p.Filter.YearTo
	}
	if n := len(p.Options.Years); n > 0 {
		y, _ := strconv.Atoi(p.Options.Years[n-1])
		return y
	}
	return 0
}

// drillOf links row i of a region comparison one level down: a province to
// its cities, a city to its counties. Counties and the rows without a
// region lead nowhere.
func drillOf(t *warehouse.Table, i int, fl filter) string {
	r := plain(get(t, i, "region_key"))
	if r == "" || fl.City != "" {
		return ""
	}
	next := fl
	if fl.Province == "" {
		next.Province = r
	} else {
		next.City = r
	}
	return "/compare?" + next.Query()
}

// regionComparison sums compare_regions' rows per region over the years of
// fl (the rows of the year before are there only for 同比), and adds the
// rates and 同比 of new applications in year last.
func regionComparison(byYear *warehouse.Table, fl filter, last int, own string) *warehouse.Table {
	sumCols := []string{"apps_new", "apps_total", "apps_granted", "apps_partial", "apps_withheld",
		"review_total", "review_corrected", "litigation_total", "litigation_corrected"}
	type acc struct {
		key                     string
		agencies, reports, zero int64
		sums                    map[string]*float64
		cur, prev               *float64
	}
	var order []string
	regions := map[string]*acc{}
	for i := range byYear.Rows {
		key := plain(get(byYear, i, "region"))
		a := regions[key]
		if a == nil {
			a = &acc{key: key, sums: map[string]*float64{}}
			regions[key] = a
			order = append(order, key)
		}
		y := int(integer(get(byYear, i, "year")))
		newApps, stated := number(get(byYear, i, "apps_new"))
		switch {
		case y == last && stated:
			a.cur = &newApps
		case y == last-1 && stated:
			a.prev = &newApps
		}
		if fl.YearFrom != 0 && y < fl.YearFrom {
			continue
		}
		a.agencies = max(a.agencies, integer(get(byYear, i, "agencies")))
		a.reports += integer(get(byYear, i, "reports"))
		a.zero += integer(get(byYear, i, "zero_reports"))
		for _, c := range sumCols {
			if v, ok := number(get(byYear, i, c)); ok {
				if a.sums[c] == nil {
					a.sums[c] = new(float64)
				}
				*a.sums[c] += v
			}
		}
	}
	t := &warehouse.Table{Columns: []string{"region", "region_key", "agencies", "reports", "zero_reports", "apps_new", "apps_new_yoy",
		"apps_total", "disclosure_rate", "refused_share", "review_total", "review_correction_rate",
		"litigation_total", "litigation_correction_rate"}}
	val := func(p *float64) any {
		if p == nil {
			return nil
		}
		return *p
	}
	for _, key := range order {
		a := regions[key]
		if a.reports == 0 {
			continue // only the year before the period
		}
		s := a.sums
		name := key
		if name == "" {
			name = own
		}
		var disclosed *float64
		if s["apps_granted"] != nil || s["apps_partial"] != nil {
			d := deref(s["apps_granted"]) + deref(s["apps_partial"])
			disclosed = &d
		}
		var yoy any
		if a.cur != nil && a.prev != nil && *a.prev != 0 {
			yoy = (*a.cur - *a.prev) / *a.prev
		}
		t.Rows = append(t.Rows, []any{name, key, a.agencies, a.reports, a.zero, val(s["apps_new"]), yoy,
			val(s["apps_total"]), share(disclosed, s["apps_total"]), share(s["apps_withheld"], s["apps_total"]),
			val(s["review_total"]), share(s["review_corrected"], s["review_total"]),
			val(s["litigation_total"]), share(s["litigation_corrected"], s["litigation_total"])})
	}
	return t
}

func deref(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}

// share is a / b, nil when b is not stated or 0: a rate without cases is
// no rate at all, not 0.
func share(a, b *float64) any {
	if b == nil || *b == 0 {
		return nil
	}
	return deref(a) / *b
}

// sortedTable returns t's rows sorted by column by, largest first, NULL last.
func sortedTable(t *warehouse.Table, by string) *warehouse.Table {
	out := &warehouse.Table{Columns: t.Columns, Rows: slices.Clone(t.Rows)}
	j := col(t, by)
	slices.SortStableFunc(out.Rows, func(a, b []any) int {
		x, okA := number(a[j])
		y, okB := number(b[j])
		switch {
		case okA != okB:
			if okA {
				return -1
			}
			return 1
		}
		return cmp.Compare(y, x)
	})
	return out
}

// filterRows returns the rows of t that have a value in column rank, in
// its order: one ranking of compare_agencies.
func filterRows(t *warehouse.Table, rank string) *warehouse.Table {
	out := &warehouse.Table{Columns: t.Columns}
	j := col(t, rank)
	for _, row := range t.Rows {
		if row[j] != nil {
			out.Rows = append(out.Rows, row)
		}
	}
	slices.SortStableFunc(out.Rows, func(a, b []any) int { return cmp.Compare(integer(a[j]), integer(b[j])) })
	return out
}

// percentColumns returns a copy of t with the ratio columns cols in
// percent (0.25 → 25), for charts whose axis is in percent.
func percentColumns(t *warehouse.Table, cols ...string) *warehouse.Table {
	out := &warehouse.Table{Columns: t.Columns}
	for _, row := range t.Rows {
		r := slices.Clone(row)
		for _, c := range cols {
			if j := col(t, c); j >= 0 {
				if v, ok := number(r[j]); ok {
					r[j] = v * 100
				}
			}
		}
		out.Rows = append(out.Rows, r)
	}
	return out
}

// chartHeight is the height of a horizontal bar chart of n rows.
func chartHeight(n int) int {
	return max(240, min(900, 60+26*n))
}

// paramsOf returns a warehouse filter as the URL parameters of a download.
func paramsOf(wf warehouse.Filter) string {
	f := filter{YearFrom: wf.YearFrom, YearTo: wf.YearTo, Province: wf.Province, City: wf.City, Level: wf.Level, Agency: wf.Agency}
	v := f.values()
	if wf.Limit > 0 {
		v.Set("limit", strconv.Itoa(wf.Limit))
	}
	return v.Encode()
}

func yearText(y int) string {
	if y == 0 {
		return "最后一年"
	}
	return strconv.Itoa(y) + " 年"
}
