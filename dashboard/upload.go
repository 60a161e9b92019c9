package dashboard

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"gongkai"
	"gongkai/ingest"
	"gongkai/warehouse"
)

// uploadResult is what an upload leads to. A rejected file (not a report,
// no agency or year) has Error and no ReportID; a loaded report has its id
// and every finding, each with its place and labels.
type uploadResult struct {
	ReportID  int64 `json:"report_id,omitempty"`
	AgencyID  int64 `json:"agency_id,omitempty"`
	Version   int   `json:"version,omitempty"`
	Duplicate bool  `json:"duplicate,omitempty"`
	// Pending is a new version that waits for confirmation (POST
	// /api/reports/{id}/confirm) while the current version stays current.
	Pending       bool              `json:"pending,omitempty"`
	PendingReason string            `json:"pending_reason,omitempty"`
	Agency        string            `json:"agency,omitempty"`
	Year          int               `json:"year,omitempty"`
	Errors        int               `json:"errors"`
	Warnings      int               `json:"warnings"`
	Findings      []gongkai.Finding `json:"findings"`
	Error         string            `json:"error,omitempty"`
	// Checked is a 预检: the file was parsed and validated, nothing loaded.
	// Staged is the token under which the upload page keeps the file for
	// 载入 (empty for API clients, who send the file again).
	Checked bool   `json:"checked,omitempty"`
	Staged  string `json:"-"`

	report *gongkai.Report // for the page's official-layout view
	file   string          // the uploaded file's name and SHA-256, for the audit log
	sha    string
	// audited: the load wrote the upload's audit entries in its own
	// transaction (loadAudit).
	audited bool
}

// receive reads the multipart upload (file, optional agency and year),
// parses it and loads it. A file ingest rejects gives a result with Error
// and status 422; a report of an agency the uploader is not bound to is
// refused with 403 before anything is loaded; a file already loaded as
// another agency-year's report is 409 (warehouse.LoadResult.Elsewhere);
// other failures (the warehouse) are errors. Every file received is recorded in the audit log.
func (h *handler) receive(c echo.Context) (res uploadResult, status int, err error) {
	res = uploadResult{Findings: []gongkai.Finding{}}
	defer func() { h.auditUpload(c, res, status, err) }()
	release, err := h.acquireUpload(c.Request().Context())
	if err != nil {
		return res, 0, err
	}
	defer release()
	name, data, err := h.uploadedFile(c)
	if err != nil {
		return res, 0, err
	}
	var opts ingest.Options
	if opts.Agency, err = parseText(c.FormValue("agency"), "机构名称"); err != nil {
		return res, 0, err
	}
	if y := strings.TrimSpace(c.FormValue("year")); y != "" {
		if opts.Year, err = parseYear(y); err != nil {
			return res, 0, err
		}
	}
	res.file, res.sha = name, fmt.Sprintf("%x", sha256.Sum256(data))
	// The request's context: a client that went away, or the request's
	// time (QueryTimeout) running out, stops the rules between lines.
	r, err := ingest.ParseContext(c.Request().Context(), name, data, opts)
	if err != nil {
		if gongkai.ErrorCode(err) != gongkai.CodeInvalid {
			return res, 0, err
		}
		res.Error = gongkai.ErrorMessage(err)
		// The form is how web users give what the file lacks.
		switch {
		case errors.Is(err, ingest.ErrNoAgency):
			res.Error += "，或在表单中填写机构名称"
		case errors.Is(err, ingest.ErrNoYear):
			res.Error += "，或在表单中填写年度"
		}
		return res, http.StatusUnprocessableEntity, nil
	}
	res.Agency, res.Year, res.report = r.Agency, r.Year, r
	if u := userOf(c); !u.MayUploadFor(r.Agency) {
		res.Error, res.report = gongkai.ErrorMessage(forbiddenAgency(u, r.Agency)), nil
		return res, http.StatusForbidden, nil
	}
	if c.FormValue("check") != "" {
		// 预检: the findings of the file itself; the rules across years
		// run when it is loaded.
		res.Checked, res.Findings = true, nonNil(r.Findings)
		res.Errors, res.Warnings = gongkai.CountSeverities(res.Findings)
		return res, http.StatusOK, nil
	}
	a := actorOf(c)
	loaded, err := h.load(c.Request().Context(), warehouse.LoadRequest{Report: r, Source: data, By: a.Name,
		Audit: loadAudit(a, res, r)})
	if err != nil {
		if gongkai.ErrorCode(err) != gongkai.CodeInvalid {
			return res, 0, err
		}
		res.Error = gongkai.ErrorMessage(err)
		res.Findings = nonNil(r.Findings)
		return res, http.StatusUnprocessableEntity, nil
	}
	if loaded.Duplicate && loaded.Elsewhere {
		// The file stands as another agency-year's report: answering
		// "duplicate" would tell the uploader that their agency-year has it.
		res.Error = fmt.Sprintf("此文件已作为另一机关或年度的报告载入（报告编号 %d），未作为“%s”%d年的报告载入。"+
			"如此文件确是本机关本年度的报告，请联系管理员核对。", loaded.ReportID, clip(r.Agency), r.Year)
		res.Findings = nonNil(r.Findings)
		return res, http.StatusConflict, nil
	}
	res.ReportID, res.AgencyID, res.Version, res.Duplicate = loaded.ReportID, loaded.AgencyID, loaded.Version, loaded.Duplicate
	res.audited = !loaded.Duplicate // written with the report, in its transaction
	res.Pending, res.PendingReason = loaded.Pending, loaded.PendingReason
	res.Findings = nonNil(loaded.Findings)
	if res.Duplicate || len(loaded.Findings) == 0 {
		res.Findings = nonNil(r.Findings)
	}
	res.Errors, res.Warnings = gongkai.CountSeverities(res.Findings)
	r.Findings = res.Findings
	return res, http.StatusCreated, nil
}

// uploadedFile returns the name and bytes of the report file of an upload:
// the multipart field file, or the file a 预检 staged under the form's
// staged token. Over the size limit it returns the *http.MaxBytesError that
// handleError answers 413 with the limit.
func (h *handler) uploadedFile(c echo.Context) (string, []byte, error) {
	if token := c.FormValue("staged"); token != "" {
		name, data, ok := h.stage.get(stageUser(c), token)
		if !ok {
			return "", nil, invalid("预检过的文件已过期（保留 %d 分钟），请重新选择文件。", int(stageTTL.Minutes()))
		}
		return name, data, nil
	}
	fh, err := c.FormFile("file")
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return "", nil, err
	case err != nil:
		return "", nil, invalid("请选择要上传的报告文件。")
	case fh.Size > h.opts.MaxUpload:
		return "", nil, &http.MaxBytesError{Limit: h.opts.MaxUpload}
	}
	f, err := fh.Open()
	if err != nil {
		return "", nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, h.opts.MaxUpload+1))
	if err != nil {
		return "", nil, err
	}
	return fh.Filename, data, nil
}

// acquireUpload takes one of the upload slots (Options.MaxUploads), waiting
// a few seconds for one; beyond that the client is told to come back, with
// a *gongkai.Error of CodeBusy, instead of every upload parsing at once.
func (h *handler) acquireUpload(ctx context.Context) (func(), error) {
	wait := time.NewTimer(uploadWait)
	defer wait.Stop()
	select {
	case h.uploads <- struct{}{}:
		return func() { <-h.uploads }, nil
	case <-wait.C:
		return nil, gongkai.Errorf(gongkai.CodeBusy, "上传繁忙：同时最多处理 %d 个上传，请稍后再试。", cap(h.uploads))
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// uploadWait is how long an upload waits for a free slot.
var uploadWait = 5 * time.Second

func (h *handler) load(ctx context.Context, req warehouse.LoadRequest) (warehouse.LoadResult, error) {
	results, err := h.db.Load(ctx, []warehouse.LoadRequest{req})
	if len(results) == 1 && results[0].Err != nil {
		return results[0], results[0].Err
	}
	if err != nil {
		return warehouse.LoadResult{}, err
	}
	// A duplicate or a rejected file changes nothing (each load is atomic),
	// so only a new report makes the cached results out of date.
	if !results[0].Duplicate {
		h.cache.clear()
		if h.rewarm != nil {
			h.rewarm()
		}
	}
	return results[0], nil
}

func nonNil(f []gongkai.Finding) []gongkai.Finding {
	if f == nil {
		return []gongkai.Finding{}
	}
	return f
}

// apiUpload is POST /api/reports: 201 with the report id and findings, or
// 422 with the reason the file was rejected (409: the file stands as
// another agency's or year's report). With the form field check=1 it
// is a 预检: 200 with the findings, nothing loaded.
func (h *handler) apiUpload(c echo.Context) error {
	res, status, err := h.receive(c)
	if err != nil {
		return err
	}
	return c.JSON(status, res)
}

// uploadData is what the upload page shows after an upload.
type uploadData struct {
	Result *uploadResult
	Tables []officialTable
	Agency string
	Year   string
}

// uploadForm is 上传报告: agency staff upload their workbook or report page
// and see every problem at its cell.
func (h *handler) uploadForm(c echo.Context) error {
	return h.render(c, http.StatusOK, "upload", &page{Title: "上传报告", Data: uploadData{}})
}

// uploadSubmit takes the form of 上传报告 and shows the result on the same
// page: the rejection reason, or the findings with their row and column
// labels and the report in the official layout with the problem cells marked.
func (h *handler) uploadSubmit(c echo.Context) error {
	res, status, err := h.receive(c)
	if err != nil {
		return err
	}
	d := uploadData{Result: &res, Agency: c.FormValue("agency"), Year: c.FormValue("year")}
	if res.report != nil {
		d.Tables = officialLayout(res.report)
	}
	if res.Checked {
		name, data, _ := h.uploadedFile(c) // read fine a moment ago
		res.Staged = h.stage.put(stageUser(c), name, data)
	} else if token := c.FormValue("staged"); token != "" && res.ReportID != 0 {
		h.stage.remove(token)
	}
	return h.render(c, status, "upload", &page{Title: "上传报告", Data: d})
}
