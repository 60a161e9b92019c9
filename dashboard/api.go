package dashboard

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math/big"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"gongkai/queries"
	"gongkai/warehouse"
)

// apiQueries lists the named queries: name, Chinese title, parameters and
// result columns.
func (h *handler) apiQueries(c echo.Context) error {
	return c.JSON(http.StatusOK, queries.List())
}

// apiQuery runs one named query with the filter of the URL and sends the
// result as JSON ({"columns", "rows"}), CSV (UTF-8 with a BOM, so that Excel
// reads the Chinese right) or XLSX. A bad parameter is a 400 naming it; an
// unknown query a 404.
func (h *handler) apiQuery(c echo.Context) error {
	name := c.Param("name")
	q, ok := queries.Get(name)
	if !ok {
		return notFound("没有名为“%s”的查询。", clip(name))
	}
	wf, err := apiFilter(c.QueryParams())
	if err != nil {
		return err
	}
	format := strings.ToLower(strings.TrimSpace(c.QueryParam("format")))
	if format == "" {
		format = "json"
	}
	if format != "json" && format != "csv" && format != "xlsx" {
		return invalid("导出格式不正确：“%s”。可选 json、csv、xlsx。", clip(format))
	}
	t, err := h.query(c, q.Name, wf)
	if err != nil {
		return err
	}
	release, err := h.answers.acquire(c.Request().Context(), t)
	if err != nil {
		return err
	}
	defer release()
	return writeTable(c, t, q.Name, format, h.exportScope(c, "数据："+q.Title+"（queries/"+q.Name+".sql）", wf))
}

// apiFilter reads the dashboard filter plus what the API adds: agency_id,
// report (a report id), limit and offset.
func apiFilter(q url.Values) (warehouse.Filter, error) {
	f, err := parseFilter(q)
	if err != nil {
		return warehouse.Filter{}, err
	}
	wf := f.warehouse()
	if wf.Status, err = parseStatus(q); err != nil {
		return wf, err
	}
	if wf.Measure, err = parseText(q.Get("measure"), "指标"); err != nil {
		return wf, err
	}
	if wf.Applicant, err = parseText(q.Get("applicant"), "申请人类型"); err != nil {
		return wf, err
	}
	for _, p := range []struct {
		key, label string
		max        int64
		dst        func(int64)
	}{
		{"agency_id", "机构编号", 1 << 62, func(n int64) { wf.AgencyID = n }},
		{"report", "报告编号", 1 << 62, func(n int64) { wf.ReportID = n }},
		{"limit", "行数上限", 100000, func(n int64) { wf.Limit = int(n) }},
		{"offset", "起始行", 1 << 40, func(n int64) { wf.Offset = int(n) }},
	} {
		v := strings.TrimSpace(q.Get(p.key))
		if v == "" {
			continue
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 0 || n > p.max {
			return wf, invalid("参数 %s（%s）不正确：“%s”。", p.key, p.label, clip(v))
		}
		p.dst(n)
	}
	return wf, nil
}

// writeTable sends t in format; name names the download file. CSV and XLSX
// are for people: Chinese column headings (columnLabels) and the scope
// lines first — the first line of a CSV, the first sheet (说明) of a
// workbook — so that a file read later still says what it holds. JSON is for
// programs and keeps the machine names.
func writeTable(c echo.Context, t *warehouse.Table, name, format string, scope []string) error {
	labelled := &warehouse.Table{Columns: make([]string, len(t.Columns)), Rows: t.Rows}
	for i, col := range t.Columns {
		labelled.Columns[i] = columnLabel(col)
	}
	switch format {
	case "csv":
		var buf bytes.Buffer
		buf.WriteString("\ufeff")
		if len(scope) > 0 {
			cw := csv.NewWriter(&buf)
			cw.Write([]string{strings.Join(scope, "；")})
			cw.Flush()
		}
		if err := labelled.WriteCSV(&buf, false); err != nil {
			return err
		}
		attach(c, name+".csv")
		return c.Blob(http.StatusOK, "text/csv; charset=utf-8", buf.Bytes())
	case "xlsx":
		var buf bytes.Buffer
		if err := labelled.WriteXLSXNotes(&buf, "数据", "说明", scope); err != nil {
			return err
		}
		attach(c, name+".xlsx")
		return c.Blob(http.StatusOK, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buf.Bytes())
	}
	rows := t.Rows
	if rows == nil {
		rows = [][]any{}
	}
	return c.JSON(http.StatusOK, struct {
		Columns   []string `json:"columns"`
		Rows      [][]any  `json:"rows"`
		Truncated bool     `json:"truncated"`
	}{t.Columns, jsonRows(rows), t.Truncated})
}

// exportScope returns the lines that say what a download holds: what,
// the filter it was made with, when, and whether the data are the demo set.
func (h *handler) exportScope(c echo.Context, what string, wf warehouse.Filter) []string {
	f := filter{YearFrom: wf.YearFrom, YearTo: wf.YearTo, Province: wf.Province, City: wf.City, Level: wf.Level, Agency: wf.Agency}
	parts := []string{"范围：" + f.YearLabel()}
	for _, p := range []struct{ label, v string }{
		{"省份", f.Province}, {"地市", f.City}, {"层级", f.Level}, {"机构名称含", f.Agency},
		{"状态", wf.Status}, {"指标", wf.Measure}, {"申请人", wf.Applicant},
	} {
		if p.v != "" {
			parts = append(parts, p.label+" "+p.v)
		}
	}
	if wf.AgencyID != 0 {
		parts = append(parts, "机构编号 "+strconv.FormatInt(wf.AgencyID, 10))
	}
	if wf.ReportID != 0 {
		parts = append(parts, "报告编号 "+strconv.FormatInt(wf.ReportID, 10))
	}
	if wf.Limit != 0 || wf.Offset != 0 {
		parts = append(parts, fmt.Sprintf("第 %d 行起，最多 %d 行", wf.Offset+1, wf.Limit))
	}
	return h.scopeLines(c, what, strings.Join(parts, " · "))
}

// scopeLines adds the export time and the demo marker to the lines of a
// download's scope.
func (h *handler) scopeLines(c echo.Context, lines ...string) []string {
	lines = append(lines, "导出时间："+time.Now().UTC().Format("2006-01-02 15:04")+"（UTC）")
	if h.hasDemo(c.Request().Context()) {
		lines = append(lines, "演示数据：数据由程序随机生成，不代表任何真实机关的报告。")
	}
	return lines
}

func attach(c echo.Context, filename string) {
	c.Response().Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", filename))
}

// jsonRows converts values JSON cannot carry as they are (big integers,
// decimals, blobs) into numbers and strings.
func jsonRows(rows [][]any) [][]any {
	out := make([][]any, len(rows))
	for i, row := range rows {
		out[i] = make([]any, len(row))
		for j, v := range row {
			out[i][j] = jsonValue(v)
		}
	}
	return out
}

func jsonValue(v any) any {
	switch x := v.(type) {
	case nil, string, bool, int, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float32, time.Time:
		return v
	case float64:
		if x != x { // NaN has no JSON form
			return nil
		}
		return v
	case *big.Int, interface{ Float64() float64 }:
		if f, ok := number(v); ok {
			return f
		}
		return nil
	case []byte:
		return fmt.Sprintf("(%d bytes)", len(x))
	}
	return fmt.Sprint(v)
}
