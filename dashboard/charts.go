package dashboard

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"gongkai/warehouse"
)

// chart is one chart card of a page: a fixed DOM id (tests and bookmarks rely
// on it), the ECharts option built from a named query's result, the URLs a
// click on a bar or point leads to, the same data as a table, and the query
// and filter behind it for the CSV/XLSX downloads.
type chart struct {
	ID     string
	Title  string
	Note   string
	Query  string // the queries/<name>.sql the data comes from
	Params string // the URL parameters it was run with
	Height int    // pixels; 0 means the default
	Option map[string]any
	Links  map[string]string // category or "series|category" → URL
	Table  dataTable
}

// Summary describes the chart in words for screen readers (its aria-label):
// the title, then each series with its first points. A chart without data
// says so.
func (c chart) Summary() string {
	if c.Empty() {
		return c.Title + "：所选范围内暂无数据。"
	}
	var o struct {
		XAxis  []struct{ Data []any } `json:"xAxis"`
		YAxis  []struct{ Data []any } `json:"yAxis"`
		Series []struct {
			Name string `json:"name"`
			Data []any  `json:"data"`
		} `json:"series"`
	}
	b, err := json.Marshal(c.Option)
	if err != nil || json.Unmarshal(b, &o) != nil {
		return c.Title
	}
	var cats []any
	for _, axes := range [][]struct{ Data []any }{o.XAxis, o.YAxis} {
		for _, a := range axes {
			if len(a.Data) > 0 {
				cats = a.Data
			}
		}
	}
	var sb strings.Builder
	sb.WriteString(c.Title + "。")
	for k, s := range o.Series {
		if k == 4 {
			sb.WriteString("等。")
			break
		}
		sb.WriteString(s.Name + "：")
		for i, d := range s.Data {
			if i == 8 {
				sb.WriteString("……")
				break
			}
			v, name := d, ""
			if m, ok := d.(map[string]any); ok {
				v = m["value"]
				name, _ = m["name"].(string)
			}
			if name == "" && i < len(cats) {
				name = fmt.Sprint(cats[i])
			}
			val := "未填报"
			if f, ok := v.(float64); ok {
				val = groupDigits(f)
			}
			if i > 0 {
				sb.WriteString("，")
			}
			sb.WriteString(name + " " + val)
		}
		sb.WriteString("。")
	}
	return sb.String()
}

// Spec returns what app.js needs to draw the chart, as JSON.
func (c chart) Spec() string {
	b, err := json.Marshal(struct {
		Option map[string]any    `json:"option"`
		Links  map[string]string `json:"links,omitempty"`
	}{c.Option, c.Links})
	if err != nil {
		return "{}" // options are built from plain values; this does not happen
	}
	return string(b)
}

// series names one value column of a query result and its legend label.
type series struct {
	Column string
	Name   string
}

// seriesColors fixes the colour of the columns whose meaning a colour
// carries (outcomes, statuses), so that they look the same on every page
// and match app.css; other columns take the palette in turn.
var seriesColors = map[string]string{
	"reported": colorOK, "missing": colorMissing, "with_errors": colorError, "with_warnings": colorWarning,
	"apps_granted": "#20bf6b", "apps_partial": "#0fb9b1", "apps_withheld": "#eb3b5a",
	"apps_unavailable": "#a5b1c2", "apps_not_processed": "#fa8231", "apps_other": "#8854d0",
	"upheld": "#20bf6b", "corrected": "#eb3b5a", "other": "#a5b1c2", "pending": "#f7b731",
	// Measures keep one colour on every page (总览, 主动公开, an agency's trend).
	"apps_new": "#2d98da", "apps_total": "#3867d6", "reports": "#3867d6",
	"licensing_decisions": "#fa8231", "penalty_decisions": "#8854d0", "coercion_decisions": "#4b6584",
	"proactive_items": "#0fb9b1", "normative_docs_issued": "#2d98da", "normative_docs_in_force": "#4b6584",
	"review_total": "#fa8231", "litigation_total": "#8854d0", "apps_carried_in": "#a5b1c2", "apps_carried_out": "#4b6584",
	// Rates share the colour of the outcome they measure.
	"disclosure_rate": "#20bf6b", "refused_share": "#eb3b5a",
	"review_correction_rate": "#eb3b5a", "litigation_correction_rate": "#8854d0",
}

// style returns the series options that give s its fixed colour, if any.
func (s series) style() []charts.SeriesOpts {
	c, ok := seriesColors[s.Column]
	if !ok {
		return nil
	}
	return []charts.SeriesOpts{charts.WithItemStyleOpts(opts.ItemStyle{Color: c})}
}

// Colours of statuses, the same on every page and in app.css.
const (
	colorOK      = "#3867d6"
	colorMissing = "#a5b1c2"
	colorError   = "#eb3b5a"
	colorWarning = "#f7b731"
)

// palette keeps colours consistent across pages: the same measure has the
// same colour wherever it appears.
var palette = []string{"#3867d6", "#20bf6b", "#f7b731", "#eb3b5a", "#0fb9b1", "#8854d0", "#fa8231", "#4b6584", "#a5b1c2", "#2d98da"}

func commonOpts(legend bool) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(legend), Top: "0", Type: "scroll"}),
		charts.WithGridOpts(opts.Grid{Left: "12", Right: "24", Top: "36", Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithColorsOpts(opts.Colors(palette)),
		charts.WithAnimation(false),
	}
}

// categories returns column x of every row as axis labels.
func categories(t *warehouse.Table, x string) []string {
	out := make([]string, len(t.Rows))
	for i := range t.Rows {
		out[i] = plain(get(t, i, x))
	}
	return out
}

// values returns column y of every row. NULL (a figure no report states)
// becomes "-", ECharts' mark of a missing value: a gap in a bar or line
// chart, never a 0, and lines are not joined across it.
func values(t *warehouse.Table, y string, scale float64) []any {
	out := make([]any, len(t.Rows))
	for i := range t.Rows {
		if f, ok := number(get(t, i, y)); ok {
			out[i] = math.Round(f*scale*100) / 100
		} else {
			out[i] = "-"
		}
	}
	return out
}

// fillYears returns t with a row for every year between its first and last
// when column x holds years, the missing ones with nothing but the year, so
// that a chart over the years shows a missing year as a gap on the axis
// instead of drawing 2020 next to 2022 and joining the line across.
func fillYears(t *warehouse.Table, x string) *warehouse.Table {
	j := col(t, x)
	if x != "year" || j < 0 || len(t.Rows) < 2 {
		return t
	}
	byYear := map[int64][]any{}
	lo, hi := int64(math.MaxInt64), int64(math.MinInt64)
	for _, row := range t.Rows {
		y, ok := number(row[j])
		if !ok {
			return t
		}
		byYear[int64(y)] = row
		lo, hi = min(lo, int64(y)), max(hi, int64(y))
	}
	if hi-lo+1 == int64(len(t.Rows)) || hi-lo > 200 {
		return t
	}
	out := &warehouse.Table{Columns: t.Columns}
	for y := lo; y <= hi; y++ {
		row, ok := byYear[y]
		if !ok {
			row = make([]any, len(t.Columns))
			row[j] = y
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

// barChart draws one bar series per column of ys over the categories in
// column x; stacked puts them on one bar, horizontal turns the chart so long
// agency names stay readable.
func barChart(t *warehouse.Table, x string, ys []series, stacked, horizontal bool) map[string]any {
	t = fillYears(t, x)
	bar := charts.NewBar()
	g := commonOpts(len(ys) > 1)
	if horizontal {
		g = append(g,
			charts.WithXAxisOpts(opts.XAxis{Type: "value"}),
			charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true)}),
		)
		bar.XYReversal()
	} else {
		g = append(g, charts.WithXAxisOpts(opts.XAxis{Type: "category"}), charts.WithYAxisOpts(opts.YAxis{Type: "value"}))
	}
	bar.SetGlobalOptions(g...)
	bar.SetXAxis(categories(t, x))
	for _, s := range ys {
		data := make([]opts.BarData, len(t.Rows))
		for i, v := range values(t, s.Column, 1) {
			data[i] = opts.BarData{Value: v}
		}
		so := s.style()
		if stacked {
			so = append(so, charts.WithBarChartOpts(opts.BarChart{Stack: "total"}))
		}
		bar.AddSeries(s.Name, data, so...)
	}
	bar.Validate()
	return bar.JSON()
}

// lineChart draws one line per column of ys over the categories in column x.
func lineChart(t *warehouse.Table, x string, ys []series) map[string]any {
	t = fillYears(t, x)
	ys, right := rankSeries(t, ys)
	line := charts.NewLine()
	line.SetGlobalOptions(append(commonOpts(len(ys) > 1),
		charts.WithXAxisOpts(opts.XAxis{Type: "category"}), charts.WithYAxisOpts(opts.YAxis{Type: "value"}))...)
	if len(right) > 0 {
		line.ExtendYAxis(opts.YAxis{Type: "value", Name: "右轴", SplitLine: &opts.SplitLine{Show: opts.Bool(false)}})
	}
	line.SetXAxis(categories(t, x))
	for _, s := range ys {
		data := make([]opts.LineData, len(t.Rows))
		axis := 0
		if right[s.Column] {
			axis = 1
			s.Name += "（右轴）"
		}
		for i, v := range values(t, s.Column, 1) {
			data[i] = opts.LineData{Value: v, SymbolSize: 8, YAxisIndex: axis}
		}
		so := s.style()
		if axis == 1 {
			so = append(so, charts.WithSeriesOpts(func(ss *charts.SingleSeries) { ss.YAxisIndex = 1 }))
		}
		line.AddSeries(s.Name, data, so...)
	}
	line.Validate()
	return line.JSON()
}

// rankSeries orders ys by their largest value, largest first, so that the
// legend reads in rank order, and picks the series whose largest value is
// under a tenth of the largest of all: drawn on one axis they would be
// flat lines along the bottom, so they go on a second axis on the right.
// Series with no value keep their place at the end.
func rankSeries(t *warehouse.Table, ys []series) ([]series, map[string]bool) {
	peak := map[string]float64{}
	top := 0.0
	for _, s := range ys {
		for i := range t.Rows {
			if f, ok := number(get(t, i, s.Column)); ok && math.Abs(f) > peak[s.Column] {
				peak[s.Column] = math.Abs(f)
			}
		}
		top = max(top, peak[s.Column])
	}
	out := slices.Clone(ys)
	slices.SortStableFunc(out, func(a, b series) int { return cmp.Compare(peak[b.Column], peak[a.Column]) })
	right := map[string]bool{}
	for _, s := range out {
		if p := peak[s.Column]; p > 0 && p*10 < top {
			right[s.Column] = true
		}
	}
	return out, right
}

// comboChart draws bars for ys and, on a second axis in percent, lines for
// the ratio columns of rates (0.25 is drawn as 25).
func comboChart(t *warehouse.Table, x string, ys, rates []series) map[string]any {
	t = fillYears(t, x)
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(commonOpts(true),
		charts.WithXAxisOpts(opts.XAxis{Type: "category"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: "件"}))...)
	bar.ExtendYAxis(opts.YAxis{Type: "value", Name: "%", Min: 0, Max: 100, SplitLine: &opts.SplitLine{Show: opts.Bool(false)}})
	bar.SetXAxis(categories(t, x))
	for _, s := range ys {
		data := make([]opts.BarData, len(t.Rows))
		for i, v := range values(t, s.Column, 1) {
			data[i] = opts.BarData{Value: v}
		}
		bar.AddSeries(s.Name, data, s.style()...)
	}
	line := charts.NewLine()
	line.SetXAxis(categories(t, x))
	for _, s := range rates {
		data := make([]opts.LineData, len(t.Rows))
		for i, v := range values(t, s.Column, 100) {
			data[i] = opts.LineData{Value: v, SymbolSize: 8, YAxisIndex: 1}
		}
		line.AddSeries(s.Name, data, append(s.style(), charts.WithSeriesOpts(func(ss *charts.SingleSeries) { ss.YAxisIndex = 1 }))...)
	}
	bar.Overlap(line)
	bar.Validate()
	return bar.JSON()
}

// groupedLineChart draws one line per distinct value of column group (an
// agency), over the sorted distinct values of column x (years).
func groupedLineChart(t *warehouse.Table, x, group, y string) map[string]any {
	var xs []string
	seenX := map[string]bool{}
	var groups []string
	byGroup := map[string]map[string]any{}
	for i := range t.Rows {
		xv, gv := plain(get(t, i, x)), plain(get(t, i, group))
		if !seenX[xv] {
			seenX[xv] = true
			xs = append(xs, xv)
		}
		if byGroup[gv] == nil {
			byGroup[gv] = map[string]any{}
			groups = append(groups, gv)
		}
		if f, ok := number(get(t, i, y)); ok {
			byGroup[gv][xv] = f
		}
	}
	slices.Sort(xs)
	// The legend in rank order: the group with the largest total first.
	totals := map[string]float64{}
	for g, byX := range byGroup {
		for _, v := range byX {
			totals[g] += v.(float64)
		}
	}
	slices.SortStableFunc(groups, func(a, b string) int { return cmp.Compare(totals[b], totals[a]) })
	if x == "year" && len(xs) > 1 {
		lo, _ := strconv.Atoi(xs[0])
		hi, _ := strconv.Atoi(xs[len(xs)-1])
		if lo > 0 && hi-lo < 200 {
			xs = xs[:0]
			for y := lo; y <= hi; y++ {
				xs = append(xs, strconv.Itoa(y))
			}
		}
	}
	line := charts.NewLine()
	line.SetGlobalOptions(append(commonOpts(true),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category"}), charts.WithYAxisOpts(opts.YAxis{Type: "value"}))...)
	line.SetXAxis(xs)
	for _, gname := range groups {
		data := make([]opts.LineData, len(xs))
		for i, xv := range xs {
			v, ok := byGroup[gname][xv]
			if !ok {
				v = "-" // not stated that year: a gap, not 0
			}
			data[i] = opts.LineData{Value: v, SymbolSize: 8}
		}
		line.AddSeries(gname, data)
	}
	line.Validate()
	return line.JSON()
}

// pieChart draws the shares of column value by the names in column name;
// rows with nothing to show are left out. The slice named selected, if
// any, is drawn pulled out.
func pieChart(t *warehouse.Table, name, value string, selected ...string) map[string]any {
	pie := charts.NewPie()
	pie.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Type: "scroll"}),
		charts.WithColorsOpts(opts.Colors(palette)),
		charts.WithAnimation(false),
	)
	var data []opts.PieData
	for i := range t.Rows {
		if f, ok := number(get(t, i, value)); ok && f > 0 {
			n := plain(get(t, i, name))
			d := opts.PieData{Name: n, Value: f}
			if slices.Contains(selected, n) {
				d.Selected = opts.Bool(true)
			}
			data = append(data, d)
		}
	}
	pie.AddSeries(columnLabel(value), data,
		charts.WithPieChartOpts(opts.PieChart{Radius: []string{"38%", "66%"}, Center: []string{"50%", "56%"}}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Formatter: "{b}：{d}%"}))
	pie.Validate()
	return pie.JSON()
}

// linksBy maps the category of every row (column key) to the URL that link
// returns for it; rows for which link returns "" are not clickable.
func linksBy(t *warehouse.Table, key string, link func(i int) string) map[string]string {
	out := map[string]string{}
	for i := range t.Rows {
		if u := link(i); u != "" {
			out[plain(get(t, i, key))] = u
		}
	}
	return out
}

// link makes a click on the bar, point or slice of row i of t (by its
// category in column key) and the key cell of row i of the data table lead
// to link(i); rows for which link returns "" lead nowhere.
func (c *chart) link(t *warehouse.Table, key string, link func(i int) string) {
	c.Links = linksBy(t, key, link)
	c.Table.setLinks(t, key, link)
}

// newChart assembles a chart card around the result t of query run with the
// filter fl; the data table shows every column of t except hide.
func newChart(id, title, query string, fl filter, t *warehouse.Table, option map[string]any, hide ...string) chart {
	return chart{ID: id, Title: title, Query: query, Params: fl.Query(), Option: option, Table: newDataTable(t, hide...)}
}

// Download returns the URL of the chart's data in format (csv or xlsx).
func (c chart) Download(format string) string {
	v, _ := url.ParseQuery(c.Params)
	v.Set("format", format)
	return "/api/queries/" + url.PathEscape(c.Query) + "?" + v.Encode()
}

// Empty reports whether the chart has no rows to draw.
func (c chart) Empty() bool { return len(c.Table.Rows) == 0 }
