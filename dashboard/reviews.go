package dashboard

import (
	"context"
	"math"
	"net/http"

	"github.com/labstack/echo/v4"

	"gongkai/warehouse"
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
	byYear, outcomes, err := h.reviewsTables(c.Request().Context(), fl.warehouse())
	if err != nil {
		return err
	}
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

// reviewsTables returns reviews_by_year and reviews_outcomes under wf,
// both derived from one pass, reviews_year_sums: with a piece of a name
// each would join the selected agencies to every current summary row (at
// 1M reports the page's slowest tenth), and without one the pass reads the
// kept roll-up once instead of twice. When a year's sum is not a whole
// number below 2^53 (the order of a sum could then change its last digit)
// the named queries are run instead, so the rows are always theirs. Its
// error is the queries'.
func (h *handler) reviewsTables(ctx context.Context, wf warehouse.Filter) (byYear, outcomes *warehouse.Table, err error) {
	return h.pairFromSums(ctx, wf, true, "reviews_year_sums", splitReviewSums, "reviews_by_year", "reviews_outcomes")
}

// pairFromSums returns a page's two tables under wf, as the named queries
// first and second give them. When onePass, they are split from one pass,
// the named query sums, by split; when split says its rows are not of the
// form it can use, or not onePass, first and second are run. Its error is
// the queries'.
func (h *handler) pairFromSums(ctx context.Context, wf warehouse.Filter, onePass bool, sums string,
	split func(*warehouse.Table) (a, b *warehouse.Table, ok bool), first, second string) (a, b *warehouse.Table, err error) {
	if onePass {
		ts, err := h.queryAll(ctx, namedQuery{sums, wf})
		if err != nil {
			return nil, nil, err
		}
		if a, b, ok := split(ts[0]); ok {
			return a, b, nil
		}
	}
	ts, err := h.queryAll(ctx, namedQuery{first, wf}, namedQuery{second, wf})
	if err != nil {
		return nil, nil, err
	}
	return ts[0], ts[1], nil
}

// reviewKinds are reviews_outcomes' rows, in its order: the kind, its label
// and the prefix of its columns in reviews_year_sums.
var reviewKinds = [][3]string{
	{"review", "行政复议", "review_"},
	{"litigation_direct", "行政诉讼（未经复议直接起诉）", "litigation_direct_"},
	{"litigation_after_review", "行政诉讼（复议后起诉）", "litigation_after_review_"},
}

// round4 is DuckDB's round(x, 4) of a DOUBLE: x·10⁴ rounded half away from
// zero, divided by 10⁴; x itself when that is not finite.
func round4(x float64) float64 {
	r := math.Round(x*10000) / 10000
	if math.IsInf(r, 0) || math.IsNaN(r) {
		return x
	}
	return r
}

// rate is round(coalesce(a, 0) / nullif(b, 0), 4) of two sums (nil for
// NULL), as the named queries compute their rates.
func rate(a, b any) any {
	bf, ok := b.(float64)
	if !ok || bf == 0 {
		return nil
	}
	af, _ := a.(float64)
	return round4(af / bf)
}

// addStated is coalesce(a, 0) + coalesce(b, 0), NULL (nil) when both are.
func addStated(a, b any) any {
	af, aok := a.(float64)
	bf, bok := b.(float64)
	if !aok && !bok {
		return nil
	}
	return af + bf
}

// splitReviewSums returns reviews_by_year and reviews_outcomes as their
// named queries give them, from reviews_year_sums' rows t. ok is false when
// t is not of the form expected or a year's sum is not a whole number of
// magnitude below 2^53: only then could the sum of the years' sums differ
// from the sum of the reports' figures.
func splitReviewSums(t *warehouse.Table) (byYear, outcomes *warehouse.Table, ok bool) {
	idx := map[string]int{}
	for i, c := range t.Columns {
		idx[c] = i
	}
	v := func(r []any, name string) any { return r[idx[name]] }
	for _, k := range reviewKinds {
		for _, o := range []string{"upheld", "corrected", "other", "pending", "total"} {
			if _, has := idx[k[2]+o]; !has {
				return nil, nil, false
			}
		}
	}
	if _, has := idx["year"]; !has {
		return nil, nil, false
	}
	if _, has := idx["reports"]; !has {
		return nil, nil, false
	}
	byYear = &warehouse.Table{Columns: []string{"year", "reports", "review_total", "review_corrected", "review_correction_rate",
		"litigation_total", "litigation_corrected", "litigation_correction_rate"}, Rows: make([][]any, len(t.Rows))}
	for i, r := range t.Rows {
		lt := addStated(v(r, "litigation_direct_total"), v(r, "litigation_after_review_total"))
		lc := addStated(v(r, "litigation_direct_corrected"), v(r, "litigation_after_review_corrected"))
		byYear.Rows[i] = []any{v(r, "year"), v(r, "reports"), v(r, "review_total"), v(r, "review_corrected"),
			rate(v(r, "review_corrected"), v(r, "review_total")), lt, lc, rate(lc, lt)}
	}
	// sum is the sum of a column over the years, nil when no year states it.
	sum := func(name string) (any, bool) {
		var s float64
		stated := false
		for _, r := range t.Rows {
			x := v(r, name)
			if x == nil {
				continue
			}
			f, isFloat := x.(float64)
			if !isFloat || f != math.Trunc(f) || math.Abs(f) >= 1<<53 {
				return nil, false
			}
			s += f
			stated = true
		}
		if !stated {
			return nil, true
		}
		return s, math.Abs(s) < 1<<53
	}
	coalesce := func(x any) any {
		if x == nil {
			return 0.0
		}
		return x
	}
	outcomes = &warehouse.Table{Columns: []string{"kind", "label", "upheld", "corrected", "other", "pending", "total", "correction_rate"},
		Rows: make([][]any, len(reviewKinds))}
	for i, k := range reviewKinds {
		row := []any{k[0], k[1]}
		var corrected, total any
		for _, o := range []string{"upheld", "corrected", "other", "pending", "total"} {
			s, ok := sum(k[2] + o)
			if !ok {
				return nil, nil, false
			}
			row = append(row, coalesce(s))
			switch o {
			case "corrected":
				corrected = coalesce(s)
			case "total":
				total = s
			}
		}
		outcomes.Rows[i] = append(row, rate(corrected, total))
	}
	return byYear, outcomes, true
}
