package dashboard

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"gongkai/warehouse"
)

// Page sizes of the two paged lists of 报送与质量. A province has thousands of
// agencies; a page is what a person scans at once.
const (
	matrixPageSize   = 50
	findingsPageSize = 50
)

// qualityData is what 报送与质量 shows besides its chart.
type qualityData struct {
	// Year is the latest year of the selection; Missing and WithErrors
	// count its agencies without a report and its reports with errors:
	// what needs action, shown first.
	Year                int
	Missing, WithErrors int64
	Status              string // the status filter, "" for all
	Tabs                []statusTab
	Matrix              matrix
	Findings            findingList
	// MatrixDownload and FindingsDownload are the grid and the findings
	// as CSV/XLSX (without the format parameter).
	MatrixDownload, FindingsDownload string
	// Late lists the reports published after their deadline (rule
	// deadline, late_publishers.sql), a page of them.
	Late         dataTable
	LatePager    pager
	LateDownload string
}

// statusTab is one choice of the status filter.
type statusTab struct {
	Label, URL string
	Current    bool
}

// statusFilters are the choices of the status filter, action first.
var statusFilters = []struct{ Key, Label string }{
	{"", "全部机构"}, {"missing", "有缺报"}, {"errors", "有错误"}, {"warnings", "有警告"}, {"ok", "已报送无问题"},
}

// parseStatus reads the status filter of 报送与质量; an unknown value is a
// CodeInvalid error naming the choices.
func parseStatus(q url.Values) (string, error) {
	s := strings.TrimSpace(q.Get("status"))
	for _, f := range statusFilters {
		if f.Key == s {
			return s, nil
		}
	}
	return "", invalid("状态筛选不正确：“%s”。可选 missing（缺报）、errors（有错误）、warnings（有警告）、ok（已报送）。", clip(s))
}

// matrix is one page of the agency × year table of reporting status.
type matrix struct {
	Years []string
	Rows  []matrixRow
	Pager pager
}

type matrixRow struct {
	AgencyURL, Agency, City, Level string
	Cells                          []matrixCell
}

// matrixCell is the status of one agency in one year; see quality_matrix.sql.
type matrixCell struct {
	Status, Label, URL string
	Errors, Warnings   int64
}

var statusLabels = map[string]string{
	"ok": "已报送", "warnings": "有警告", "errors": "有错误", "missing": "缺报", "none": "—",
}

// findingList is one page of findings, each linked to its report.
type findingList struct {
	Rows  []findingRow
	Pager pager
}

type findingRow struct {
	ReportURL, Agency, Year, Rule, Severity, At, Row, Column, Message, Expected, Actual string
}

// pager describes a page of a list and the links to its neighbours.
type pager struct {
	Page, Pages int
	Total       int64
	Prev, Next  string
}

func newPager(page, size int, total int64, link func(page int) string) pager {
	p := pager{Page: page, Total: total, Pages: int((total + int64(size) - 1) / int64(size))}
	if p.Pages == 0 {
		p.Pages = 1
	}
	if page > 1 {
		p.Prev = link(page - 1)
	}
	if page < p.Pages {
		p.Next = link(page + 1)
	}
	return p
}

// quality is 报送与质量: per year, who reported, who is missing (reported in
// an earlier year or listed as expected, but not this year) and whose reports
// have errors or warnings; the agency × year matrix, paged; and the findings,
// each linked to its report.
func (h *handler) quality(c echo.Context) error {
	p, err := h.dashboardPage(c, "报送与质量")
	if err != nil {
		return err
	}
	q := c.QueryParams()
	mpage, err := parsePage(q, "page")
	if err != nil {
		return err
	}
	fpage, err := parsePage(q, "fpage")
	if err != nil {
		return err
	}
	lpage, err := parsePage(q, "lpage")
	if err != nil {
		return err
	}
	status, err := parseStatus(q)
	if err != nil {
		return err
	}
	fl := *p.Filter
	mf := fl.warehouse()
	mf.Status = status
	mf.Limit, mf.Offset = matrixPageSize, (mpage-1)*matrixPageSize
	ff := mf
	ff.Limit, ff.Offset = findingsPageSize, (fpage-1)*findingsPageSize
	lf := fl.warehouse()
	lf.Limit, lf.Offset = findingsPageSize, (lpage-1)*findingsPageSize
	// The four queries select the agencies by the same piece of a name:
	// matched once for them all (warehouse.MatchPiecesOnce).
	ts, err := h.queryAll(warehouse.MatchPiecesOnce(c.Request().Context()), namedQuery{"quality_by_year", fl.warehouse()}, namedQuery{"quality_matrix", mf},
		namedQuery{"quality_findings", ff}, namedQuery{"late_publishers", lf})
	if err != nil {
		return err
	}
	byYear, mt, ft, late := ts[0], ts[1], ts[2], ts[3]
	years := newChart("chart-quality-years", "报送情况（按年度，机构数）", "quality_by_year", fl, byYear,
		barChart(byYear, "year", []series{{"reported", "已报送"}, {"missing", "缺报"}, {"with_errors", "有错误"}, {"with_warnings", "仅有警告"}}, false, false))
	years.link(byYear, "year", yearLink(fl, "/quality", byYear))
	p.Charts = []chart{years}

	link := func(key string, keep int, keepKey string) func(int) string {
		return func(n int) string {
			v := fl.values()
			if status != "" {
				v.Set("status", status)
			}
			v.Set(key, strconv.Itoa(n))
			if keep > 1 {
				v.Set(keepKey, strconv.Itoa(keep))
			}
			return "/quality?" + v.Encode()
		}
	}
	d := qualityData{
		Status:   status,
		Matrix:   buildMatrix(mt, mpage, link("page", fpage, "fpage")),
		Findings: buildFindings(ft, fpage, link("fpage", mpage, "page")),
	}
	if n := len(byYear.Rows); n > 0 {
		d.Year = int(integer(get(byYear, n-1, "year")))
		d.Missing = integer(get(byYear, n-1, "missing"))
		d.WithErrors = integer(get(byYear, n-1, "with_errors"))
	}
	for _, f := range statusFilters {
		v := fl.values()
		if f.Key != "" {
			v.Set("status", f.Key)
		}
		d.Tabs = append(d.Tabs, statusTab{Label: f.Label, URL: "/quality?" + v.Encode() + "#matrix", Current: f.Key == status})
	}
	download := func(query string) string {
		v := fl.values()
		if status != "" {
			v.Set("status", status)
		}
		v.Set("limit", "100000")
		return "/api/queries/" + query + "?" + v.Encode()
	}
	d.MatrixDownload, d.FindingsDownload = download("quality_matrix"), download("quality_findings")
	d.LateDownload = download("late_publishers")
	d.Late = newDataTable(late, "report_id", "agency_id", "late_total")
	d.Late.setLinks(late, "agency", func(i int) string { return reportURL(get(late, i, "report_id")) })
	d.LatePager = newPager(lpage, findingsPageSize, integer(get(late, 0, "late_total")), func(n int) string {
		v := fl.values()
		v.Set("lpage", strconv.Itoa(n))
		return "/quality?" + v.Encode() + "#late"
	})
	p.Data = d
	return h.render(c, http.StatusOK, "quality", p)
}

// buildMatrix pivots quality_matrix rows (agency, year) into one row per agency.
func buildMatrix(t *warehouse.Table, page int, link func(int) string) matrix {
	var m matrix
	yearIndex := map[string]int{}
	for i := range t.Rows {
		y := plain(get(t, i, "year"))
		if _, ok := yearIndex[y]; !ok {
			yearIndex[y] = len(m.Years)
			m.Years = append(m.Years, y)
		}
	}
	var total int64
	rowOf := map[int64]int{}
	for i := range t.Rows {
		id := integer(get(t, i, "agency_id"))
		total = integer(get(t, i, "agencies_total"))
		r, ok := rowOf[id]
		if !ok {
			r = len(m.Rows)
			rowOf[id] = r
			m.Rows = append(m.Rows, matrixRow{
				AgencyURL: agencyURL(id), Agency: plain(get(t, i, "agency")),
				City: plain(get(t, i, "city")), Level: plain(get(t, i, "level")),
				Cells: make([]matrixCell, len(m.Years)),
			})
		}
		st := plain(get(t, i, "status"))
		m.Rows[r].Cells[yearIndex[plain(get(t, i, "year"))]] = matrixCell{
			Status: st, Label: statusLabels[st], URL: reportURL(get(t, i, "report_id")),
			Errors: integer(get(t, i, "errors")), Warnings: integer(get(t, i, "warnings")),
		}
	}
	m.Pager = newPager(page, matrixPageSize, total, link)
	return m
}

func buildFindings(t *warehouse.Table, page int, link func(int) string) findingList {
	var l findingList
	var total int64
	for i := range t.Rows {
		total = integer(get(t, i, "findings_total"))
		l.Rows = append(l.Rows, findingRow{
			ReportURL: reportURL(get(t, i, "report_id")), Agency: plain(get(t, i, "agency")),
			Year: plain(get(t, i, "year")), Rule: plain(get(t, i, "rule")), Severity: plain(get(t, i, "severity")),
			At: plain(get(t, i, "at")), Row: plain(get(t, i, "row_label")), Column: plain(get(t, i, "column_label")),
			Message: plain(get(t, i, "message")), Expected: text(get(t, i, "expected")), Actual: text(get(t, i, "actual")),
		})
	}
	l.Pager = newPager(page, findingsPageSize, total, link)
	return l
}
