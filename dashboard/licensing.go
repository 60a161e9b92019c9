package dashboard

import (
	"context"
	"net/http"
	"slices"

	"github.com/labstack/echo/v4"

	"gongkai/warehouse"
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
	ranking, trend, levels, err := h.licensingTables(c.Request().Context(), wf, fl.warehouse(), all.warehouse())
	if err != nil {
		return err
	}
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

// licensingTables returns licensing_ranking under rank (the page's filter
// with its limit), licensing_trend under trend (the page's filter) and
// licensing_by_level under levels (the page's filter without its level),
// split from one reading, licensing_sums: run apart, each of the three
// plans the kept totals' macro and reads the ~170,000 totals (and with a
// piece of a name matches it against every kept name). When its rows are
// not of the form expected or a level's sum could depend on the order of
// its terms, the three named queries are run instead, so the rows are
// always theirs. Its error is the queries'.
func (h *handler) licensingTables(ctx context.Context, rank, trend, levels warehouse.Filter) (ranking, tr, lv *warehouse.Table, err error) {
	ts, err := h.queryAll(ctx, namedQuery{"licensing_sums", rank})
	if err != nil {
		return nil, nil, nil, err
	}
	if ranking, tr, lv, ok := splitLicensingSums(ts[0]); ok {
		return ranking, tr, lv, nil
	}
	ts, err = h.queryAll(ctx, namedQuery{"licensing_ranking", rank}, namedQuery{"licensing_trend", trend},
		namedQuery{"licensing_by_level", levels})
	if err != nil {
		return nil, nil, nil, err
	}
	return ts[0], ts[1], ts[2], nil
}

// licensingSumsColumns are licensing_sums' columns: the part and its row's
// place, then the columns of licensing_by_level, licensing_ranking and
// licensing_trend in turn (licensingParts), each part's rows stating only
// its own.
var licensingSumsColumns = []string{"part", "ord", "level_level", "level_agencies", "level_decisions", "level_whole",
	"rank_agency_id", "rank_agency", "rank_level", "rank_city", "rank_reports", "rank_decisions",
	"trend_year", "trend_agency_id", "trend_agency", "trend_report_id", "trend_decisions"}

// licensingParts are licensing_sums' parts in its order: the part, the
// named query's columns, and where they begin in licensing_sums' row (the
// level part's level_whole follows its three).
var licensingParts = []struct {
	part    string
	columns []string
	at      int
}{
	{"level", []string{"level", "agencies", "licensing_decisions"}, 2},
	{"ranking", []string{"agency_id", "agency", "level", "city", "reports", "licensing_decisions"}, 6},
	{"trend", []string{"year", "agency_id", "agency", "report_id", "licensing_decisions"}, 12},
}

// splitLicensingSums returns licensing_ranking, licensing_trend and
// licensing_by_level as their named queries give them, from licensing_sums'
// rows t. ok is false when t is not of the form expected (its columns,
// parts in order, each part's rows numbered from 1 and stating only its
// own columns) or a level's sum is not marked whole (level_whole): only
// then could a level's sum differ from licensing_by_level's.
func splitLicensingSums(t *warehouse.Table) (ranking, trend, levels *warehouse.Table, ok bool) {
	if !slices.Equal(t.Columns, licensingSumsColumns) {
		return nil, nil, nil, false
	}
	out := make([]*warehouse.Table, len(licensingParts))
	for i, p := range licensingParts {
		out[i] = &warehouse.Table{Columns: p.columns, Rows: [][]any{}}
	}
	part := 0
	for _, r := range t.Rows {
		name, ok1 := r[0].(string)
		ord, ok2 := r[1].(int64)
		if !ok1 || !ok2 {
			return nil, nil, nil, false
		}
		for part < len(licensingParts) && licensingParts[part].part != name {
			part++
		}
		if part == len(licensingParts) || ord != int64(len(out[part].Rows))+1 {
			return nil, nil, nil, false
		}
		p := licensingParts[part]
		end := p.at + len(p.columns)
		for j := 2; j < len(r); j++ {
			if (j < p.at || j >= end) && r[j] != nil && !(part == 0 && j == end) {
				return nil, nil, nil, false
			}
		}
		if part == 0 {
			if whole, isBool := r[end].(bool); !isBool || !whole {
				return nil, nil, nil, false
			}
		}
		out[part].Rows = append(out[part].Rows, r[p.at:end:end])
	}
	return out[1], out[2], out[0], true
}
