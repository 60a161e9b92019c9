package dashboard

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"gongkai/warehouse"
)

// confirm makes pending report :id current (warehouse.Confirm) and clears
// the cached results, which showed the version it replaces.
func (h *handler) confirm(c echo.Context) (int64, error) {
	id, err := pathID(c, "报告")
	if err != nil {
		return 0, err
	}
	a := actorOf(c)
	// The replacement of a current report is audited like an upload's, in
	// the confirmation's own transaction (the warehouse fills in the
	// version, agency, year and SHA-256).
	e := &warehouse.AuditEntry{Actor: a.Name, Remote: a.Remote, Action: "report.replace", Result: "ok",
		Detail: "确认待确认的版本，替代现行版本"}
	if _, err := h.db.ConfirmAudited(c.Request().Context(), id, a.Name, e); err != nil {
		return 0, err
	}
	h.cache.clear()
	if h.rewarm != nil {
		h.rewarm()
	}
	return id, nil
}

// apiConfirm is POST /api/reports/:id/confirm: 200 with the report id once
// the pending version is current; 404 for no such report, 409 when it is not
// pending.
func (h *handler) apiConfirm(c echo.Context) error {
	id, err := h.confirm(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"report_id": id, "current": true})
}

// confirmSubmit is the 确认替代 button of the upload result and report
// pages: it confirms and shows the report page, now the current version.
func (h *handler) confirmSubmit(c echo.Context) error {
	id, err := h.confirm(c)
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/reports/%d", id))
}
