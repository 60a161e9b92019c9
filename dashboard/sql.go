package dashboard

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"gongkai"

	"gongkai/warehouse"
)

// maxSQL bounds the text of an ad-hoc query.
const maxSQL = 20000

// sqlData is what the SQL console shows.
type sqlData struct {
	SQL      string
	Result   *dataTable
	Rows     int
	Trunc    bool
	Error    string
	Examples []sqlExample
}

type sqlExample struct{ Title, SQL string }

// sqlExamples start analysts off on the documented views.
var sqlExamples = []sqlExample{
	{"各年度报告数", "SELECT year, count(*) AS reports\nFROM report_summary\nGROUP BY year\nORDER BY year"},
	{"申请量最多的机构", "SELECT agency, year, apps_new, apps_total\nFROM report_summary\nORDER BY apps_new DESC NULLS LAST\nLIMIT 20"},
	{"错误最多的规则", "SELECT rule, count(*) AS findings\nFROM findings\nWHERE severity = 'error'\nGROUP BY rule\nORDER BY findings DESC"},
}

// readSQL returns the statement of a console or API request, rejecting
// empty and oversized text with a message.
func readSQL(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", invalid("请输入 SQL 查询语句。")
	}
	if len(s) > maxSQL {
		return "", invalid("SQL 语句过长：最多 %d 字节。", maxSQL)
	}
	return s, nil
}

// sqlForm is SQL 查询: the console for analysts, over the read-only sandbox.
func (h *handler) sqlForm(c echo.Context) error {
	d := sqlData{SQL: sqlExamples[0].SQL, Examples: sqlExamples}
	return h.render(c, http.StatusOK, "sql", &page{Title: "SQL 查询", Data: d})
}

// sqlSubmit runs the console's query and shows the result, or the sandbox's
// message (bad SQL, a write, a timeout) on the same page with status 400.
func (h *handler) sqlSubmit(c echo.Context) error {
	d := sqlData{SQL: c.FormValue("sql"), Examples: sqlExamples}
	status := http.StatusOK
	t, err := h.runSQL(c, d.SQL)
	switch {
	case err == nil:
		dt := newDataTable(t)
		d.Result, d.Rows, d.Trunc = &dt, len(t.Rows), t.Truncated
	case gongkai.ErrorCode(err) != gongkai.CodeInternal:
		d.Error, status = gongkai.ErrorMessage(err), statusOf(gongkai.ErrorCode(err))
	default:
		return err
	}
	return h.render(c, status, "sql", &page{Title: "SQL 查询", Data: d})
}

func (h *handler) runSQL(c echo.Context, text string) (*warehouse.Table, error) {
	s, err := readSQL(text)
	if err != nil {
		return nil, err
	}
	return h.db.SQL(c.Request().Context(), s)
}

// apiSQL is POST /api/sql with {"sql": "..."}: the sandbox's result as
// {"columns", "rows", "truncated"}.
func (h *handler) apiSQL(c echo.Context) error {
	var req struct {
		SQL string `json:"sql"`
	}
	if err := c.Bind(&req); err != nil {
		return invalid("请求体应为 JSON：{\"sql\": \"…\"}。")
	}
	t, err := h.runSQL(c, req.SQL)
	if err != nil {
		return err
	}
	return writeTable(c, t, "sql", "json")
}
