package dashboard

import (
	"bytes"
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
	return writeTable(c, t, q.Name, format)
}

// apiFilter reads the dashboard filter plus what the API adds: agency_id,
// report (a report id), limit and offset.
func apiFilter(q url.Values) (warehouse.Filter, error) {
	f, err := parseFilter(q)
	if err != nil {
		return warehouse.Filter{}, err
	}
	wf := f.warehouse()
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

// writeTable sends t in format; name names the download file.
func writeTable(c echo.Context, t *warehouse.Table, name, format string) error {
	switch format {
	case "csv":
		var buf bytes.Buffer
		if err := t.WriteCSV(&buf, true); err != nil {
			return err
		}
		attach(c, name+".csv")
		return c.Blob(http.StatusOK, "text/csv; charset=utf-8", buf.Bytes())
	case "xlsx":
		var buf bytes.Buffer
		if err := t.WriteXLSX(&buf, "数据"); err != nil {
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
