package dashboard

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"gongkai/warehouse"
)

// auditData is what 审计日志 shows: the filter as entered and the entries.
type auditData struct {
	Actor, Action, Agency, Year, From, To string
	Entries                               []warehouse.AuditEntry
	Query                                 string // the filter as a query string, for the download link
	Limit                                 int
}

// auditActions are the actions the filter offers, with their Chinese names.
var auditActions = []struct{ Key, Label string }{
	{"report.", "报告（上传、替换）"}, {"report.upload", "上传"}, {"report.replace", "替换现行版本"},
	{"user.", "用户变更"}, {"token.", "令牌变更"}, {"agency.", "机构更正"},
}

// AuditActions lists the filter's choices for the template.
func (auditData) AuditActions() any { return auditActions }

// adminAudit is GET /admin/audit?actor=&action=&agency=&year=&from=&to=
// (from and to are dates, both inclusive) and &format=csv for the download.
// The page shows the newest 500 entries, the download up to 100,000.
func (h *handler) adminAudit(c echo.Context) error {
	q := c.QueryParams()
	d := auditData{Actor: strings.TrimSpace(q.Get("actor")), Action: strings.TrimSpace(q.Get("action")),
		Agency: strings.TrimSpace(q.Get("agency")), Year: strings.TrimSpace(q.Get("year")),
		From: strings.TrimSpace(q.Get("from")), To: strings.TrimSpace(q.Get("to"))}
	f := warehouse.AuditFilter{Actor: d.Actor, Action: d.Action, Agency: d.Agency, Limit: 500}
	var err error
	if d.Year != "" {
		if f.Year, err = parseYear(d.Year); err != nil {
			return err
		}
	}
	if f.From, err = parseDay(d.From, "起始日期"); err != nil {
		return err
	}
	if f.To, err = parseDay(d.To, "结束日期"); err != nil {
		return err
	}
	if !f.To.IsZero() {
		f.To = f.To.Add(24 * time.Hour)
	}
	csvOut := q.Get("format") == "csv"
	if csvOut {
		f.Limit = 100000
	}
	if d.Entries, err = h.db.AuditLog(c.Request().Context(), f); err != nil {
		return err
	}
	if csvOut {
		return writeAuditCSV(c, d.Entries)
	}
	keep := url.Values{}
	for _, k := range []string{"actor", "action", "agency", "year", "from", "to"} {
		if v := strings.TrimSpace(q.Get(k)); v != "" {
			keep.Set(k, v)
		}
	}
	d.Query, d.Limit = keep.Encode(), f.Limit
	return h.render(c, http.StatusOK, "admin_audit", &page{Title: "审计日志", Nav: "admin_audit", Data: d})
}

// parseDay reads a date YYYY-MM-DD (UTC); empty is the zero time.
func parseDay(s, label string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, invalid("%s格式不正确：“%s”（应为 2024-01-31 这样的日期）。", label, clip(s))
	}
	return t, nil
}

// writeAuditCSV sends entries as CSV with a BOM, so that Excel reads the
// Chinese right.
func writeAuditCSV(c echo.Context, entries []warehouse.AuditEntry) error {
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.Write([]string{"id", "at", "actor", "remote", "action", "agency", "year", "version", "report_id", "sha256", "result", "detail"})
	num := func(n int64) string {
		if n == 0 {
			return ""
		}
		return strconv.FormatInt(n, 10)
	}
	for _, e := range entries {
		w.Write([]string{strconv.FormatInt(e.ID, 10), e.At.UTC().Format(time.RFC3339), cell(e.Actor), e.Remote, e.Action,
			cell(e.Agency), num(int64(e.Year)), num(int64(e.Version)), num(e.ReportID), e.SHA256, e.Result, cell(e.Detail)})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	attach(c, "audit.csv")
	return c.Blob(http.StatusOK, "text/csv; charset=utf-8", buf.Bytes())
}

// cell keeps a spreadsheet from reading text as a formula: agency names come
// from uploaded files, and one starting with = would run in Excel.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
