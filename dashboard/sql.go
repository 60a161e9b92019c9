package dashboard

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"gongkai"
	"gongkai/warehouse"
)

// maxSQL bounds the text of an ad-hoc query.
const maxSQL = warehouse.MaxSavedQuerySQL

// sqlData is what the SQL workbench shows: the schema browser, the editor
// with examples and saved queries, and the result with its chart, permalink
// and downloads.
type sqlData struct {
	SQL      string
	Ran      bool // a statement was run: show its result or its error
	Result   *dataTable
	Rows     int
	Trunc    bool
	Error    string
	Chart    string // the result as JSON for the chart builder (columns, rows)
	Schema   []warehouse.SchemaView
	Saved    []warehouse.SavedQuery
	Examples []sqlExample
	Message  string // a confirmation (saved, deleted)
}

// Permalink is the address that runs the statement again: GET /sql?q=….
func (d sqlData) Permalink() string {
	return "/sql?" + url.Values{"q": {d.SQL}}.Encode()
}

// Download is the address of the result as a file of format (csv, xlsx).
func (d sqlData) Download(format string) string {
	return "/api/sql?" + url.Values{"q": {d.SQL}, "format": {format}}.Encode()
}

type sqlExample struct{ Title, SQL string }

// sqlExamples start analysts off on the documented views.
var sqlExamples = []sqlExample{
	{"各年度报告数", "SELECT year, count(*) AS reports\nFROM report_summary\nGROUP BY year\nORDER BY year"},
	{"各省申请量", "SELECT province, sum(apps_new) AS apps_new, sum(apps_total) AS apps_total\nFROM report_summary\nGROUP BY province\nORDER BY apps_new DESC NULLS LAST"},
	{"申请量最多的机构", "SELECT agency, year, apps_new, apps_total\nFROM report_summary\nORDER BY apps_new DESC NULLS LAST\nLIMIT 20"},
	{"按层级的公开率", "SELECT level, round(sum(apps_granted) / nullif(sum(apps_total), 0), 3) AS disclosure_rate\nFROM report_summary\nGROUP BY level\nORDER BY disclosure_rate DESC NULLS LAST"},
	{"错误最多的规则", "SELECT rule, count(*) AS findings\nFROM findings\nWHERE severity = 'error'\nGROUP BY rule\nORDER BY findings DESC"},
	// figure_totals, not a group-by of report_figures: the same sums,
	// grouped by the texts' ids before they are named (0088), and with the
	// unit, so that procurement amounts in 元 and 万元 are not added up.
	{"各指标各年度合计", "SELECT measure, applicant, year, unit, value_sum, stated\nFROM figure_totals\nORDER BY measure, applicant, year, unit"},
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

// sqlForm is SQL 查询, the analysts' workbench over the read-only sandbox.
// With ?q= it runs that statement and shows the result: a permalink to a
// query and its chart (?chart=, ?x=, ?y= are the chart's choices, kept by
// the page's script).
func (h *handler) sqlForm(c echo.Context) error {
	if q, ok := c.QueryParams()["q"]; ok {
		return h.sqlRun(c, strings.Join(q, "\n"))
	}
	d := sqlData{SQL: sqlExamples[0].SQL}
	switch c.QueryParam("done") {
	case "saved":
		d.Message = "查询已保存。"
	case "deleted":
		d.Message = "已删除保存的查询。"
	}
	return h.sqlPage(c, http.StatusOK, d)
}

// sqlSubmit runs the workbench's statement (a form POST, so that a long
// statement is not limited by the length of a URL).
func (h *handler) sqlSubmit(c echo.Context) error {
	return h.sqlRun(c, c.FormValue("sql"))
}

// sqlRun runs text and shows the result, or the sandbox's message (bad SQL,
// a write, a timeout) on the same page with its status.
func (h *handler) sqlRun(c echo.Context, text string) error {
	d := sqlData{SQL: text, Ran: true}
	status := http.StatusOK
	t, err := h.runSQL(c, d.SQL)
	switch {
	case err == nil:
		dt := newDataTable(t)
		d.Result, d.Rows, d.Trunc = &dt, len(t.Rows), t.Truncated
		chart, err := json.Marshal(struct {
			Columns []string `json:"columns"`
			Rows    [][]any  `json:"rows"`
		}{t.Columns, jsonRows(t.Rows)})
		if err != nil {
			return err
		}
		d.Chart = string(chart)
	case gongkai.ErrorCode(err) != gongkai.CodeInternal:
		d.Error, status = gongkai.ErrorMessage(err), statusOf(gongkai.ErrorCode(err))
	default:
		return err
	}
	return h.sqlPage(c, status, d)
}

// sqlPage renders the workbench with the schema, the saved queries and the
// examples around d.
func (h *handler) sqlPage(c echo.Context, status int, d sqlData) error {
	ctx := c.Request().Context()
	var err error
	if d.Schema, err = h.db.Schema(ctx); err != nil {
		return err
	}
	if d.Saved, err = h.db.SavedQueries(ctx); err != nil {
		return err
	}
	d.Examples = sqlExamples
	return h.render(c, status, "sql", &page{Title: "SQL 查询", Data: d})
}

// sqlSave is POST /sql/saved (name, sql): stores the statement under the
// name, replacing one of the same name when the visitor owns it or is an
// admin (403 otherwise), and goes back to the workbench.
func (h *handler) sqlSave(c echo.Context) error {
	s, err := readSQL(c.FormValue("sql"))
	if err != nil {
		return err
	}
	if _, err := h.db.SaveQuery(c.Request().Context(), c.FormValue("name"), s, userOf(c)); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/sql?done=saved")
}

// sqlDelete is POST /sql/saved/:id/delete: for the query's owner and
// admins, 403 for anyone else.
func (h *handler) sqlDelete(c echo.Context) error {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		return gongkai.Errorf(gongkai.CodeNotFound, "没有这条保存的查询。")
	}
	if err := h.db.DeleteSavedQuery(c.Request().Context(), id, userOf(c)); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/sql?done=deleted")
}

func (h *handler) runSQL(c echo.Context, text string) (*warehouse.Table, error) {
	s, err := readSQL(text)
	if err != nil {
		return nil, err
	}
	return h.db.SQL(c.Request().Context(), s)
}

// apiSQL is POST /api/sql with {"sql": "..."} (any content type: curl's
// default form type is read as JSON too): the sandbox's result as
// {"columns", "rows", "truncated"}. GET /api/sql?q=…&format=json|csv|xlsx
// gives the same result as data or as a file.
func (h *handler) apiSQL(c echo.Context) error {
	format := c.QueryParam("format")
	switch format {
	case "", "json", "csv", "xlsx":
	default:
		return invalid("不支持的格式 %q：可选 json、csv、xlsx。", format)
	}
	text := c.QueryParam("q")
	if c.Request().Method == http.MethodPost {
		var req struct {
			SQL string `json:"sql"`
		}
		body := http.MaxBytesReader(c.Response(), c.Request().Body, 2*maxSQL)
		if err := json.NewDecoder(body).Decode(&req); err != nil {
			return invalid("请求体应为 JSON：{\"sql\": \"…\"}。")
		}
		text = req.SQL
	}
	t, err := h.runSQL(c, text)
	if gongkai.ErrorCode(err) == gongkai.CodeTimeout {
		// The sandbox's own message, as the /sql page shows it: it says the
		// limit and how to narrow the statement.
		return ownTimeout{err}
	}
	if err != nil {
		return err
	}
	release, err := h.answers.acquire(c.Request().Context(), t)
	if err != nil {
		return err
	}
	defer release()
	return writeTable(c, t, "sql", format, h.scopeLines(c, "SQL 查询："+clipSQL(text)))
}

// clipSQL shortens a statement for the scope line of a download.
func clipSQL(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 300 {
		return string(r[:300]) + "…"
	}
	return s
}
