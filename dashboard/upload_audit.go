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
// A load that wrote a report (loaded or pending) wrote its entries in its
// own transaction (loadAudit), so that no report stands without its entry;
// they are not written again here. The other outcomes changed nothing, and
// a failure to write their entry is logged as an error for the operator.
func (h *handler) auditUpload(c echo.Context, res uploadResult, status int, err error) {
	if res.sha == "" || res.Checked || res.audited {
		return // nothing received, a 预检 that changed nothing, or written with the load
	}
	ctx := context.WithoutCancel(c.Request().Context())
	for _, e := range uploadEntries(actorOf(c), res, status, err) {
		if err := h.db.Audit(ctx, e); err != nil {
			h.log.Error("audit log not written", "action", e.Action, "actor", e.Actor, "agency", e.Agency, "error", err)
		}
	}
}

// loadAudit is the LoadRequest.Audit of an upload whose result so far is
// res (file, agency, year): the entries of the report the load is about to
// write, built from what it becomes, for the load's transaction.
func loadAudit(a warehouse.Actor, res uploadResult, r *gongkai.Report) func(warehouse.LoadResult) []warehouse.AuditEntry {
	return func(lr warehouse.LoadResult) []warehouse.AuditEntry {
		res := res
		res.ReportID, res.AgencyID, res.Version = lr.ReportID, lr.AgencyID, lr.Version
		res.Pending, res.PendingReason = lr.Pending, lr.PendingReason
		findings := lr.Findings
		if len(findings) == 0 {
			findings = r.Findings
		}
		res.Errors, res.Warnings = gongkai.CountSeverities(findings)
		return uploadEntries(a, res, http.StatusCreated, nil)
	}
}

// uploadEntries are the audit entries of an upload that ended as res,
// status and err.
func uploadEntries(a warehouse.Actor, res uploadResult, status int, err error) []warehouse.AuditEntry {
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
	return entries
}
