package dashboard

import (
	"context"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"gongkai"
	"gongkai/warehouse"
)

// auditUpload records an upload in the audit log: who, from where, which
// file (name and SHA-256), the agency, year and version, and how it ended
// (loaded, duplicate, rejected, forbidden, error). A new version of a report
// adds a second entry, report.replace, since it replaces the current one.
// Requests that carried no file are not uploads and are not recorded.
//
// The load has committed (or not) by now, so a failure to write the log
// cannot undo it; it is logged as an error for the operator.
func (h *handler) auditUpload(c echo.Context, res uploadResult, status int, err error) {
	if res.sha == "" || res.Checked {
		return // nothing received, or a 预检 that changed nothing
	}
	a := actorOf(c)
	e := warehouse.AuditEntry{Actor: a.Name, Remote: a.Remote, Action: "report.upload", Agency: res.Agency, Year: res.Year,
		Version: res.Version, ReportID: res.ReportID, SHA256: res.sha}
	switch {
	case err != nil:
		e.Result, e.Detail = "error", res.file+"："+gongkai.ErrorMessage(err)
	case status == http.StatusForbidden:
		e.Result, e.Detail = "forbidden", res.file+"："+res.Error
	case res.Error != "":
		e.Result, e.Detail = "rejected", res.file+"："+res.Error
	case res.Duplicate:
		e.Result, e.Detail = "duplicate", res.file+"：与已载入的文件相同，未重复保存"
	case res.Pending:
		e.Result, e.Detail = "pending", fmt.Sprintf("%s：%d 个错误、%d 个警告；待确认（%s），现行版本不变", res.file, res.Errors, res.Warnings, res.PendingReason)
	default:
		e.Result, e.Detail = "loaded", fmt.Sprintf("%s：%d 个错误、%d 个警告", res.file, res.Errors, res.Warnings)
	}
	entries := []warehouse.AuditEntry{e}
	if e.Result == "loaded" && res.Version > 1 {
		r := e
		r.Action, r.Result = "report.replace", "ok"
		r.Detail = fmt.Sprintf("第 %d 版替代第 %d 版成为现行版本（%s）", res.Version, res.Version-1, res.file)
		entries = append(entries, r)
	}
	ctx := context.WithoutCancel(c.Request().Context())
	for _, e := range entries {
		if err := h.db.Audit(ctx, e); err != nil {
			h.log.Error("audit log not written", "action", e.Action, "actor", e.Actor, "agency", e.Agency, "error", err)
		}
	}
}
