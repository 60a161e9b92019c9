package dashboard

import (
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"gongkai"
	"gongkai/ingest/sniff"
	"gongkai/warehouse"
)

// reportData is what the report page shows.
type reportData struct {
	Info     warehouse.ReportInfo
	Format   string // the format's Chinese name
	Tables   []officialTable
	Findings []gongkai.Finding
	Sections []gongkai.Section
	Values   []valueRow // figures outside the official tables (narrative, pre2019)
	// Narrative is set when a figure of the tables was read from the
	// report's text: the page explains the 正文 marks.
	Narrative bool
	Versions  []warehouse.ReportInfo
	Source    bool // a source file can be downloaded
}

// valueRow is one figure listed by label.
type valueRow struct {
	Label, Applicant, Text, At string
	Raw                        string // the source's words when they are more than the figure (a narrative sentence)
	Narrative                  bool   // read from a sentence of the report's text
}

// report renders one report version in the official table layout, with the
// cells its findings point at highlighted, its versions, and a link to the
// source file. An id that is not a number or names no report is a 404.
func (h *handler) report(c echo.Context) error {
	id, err := pathID(c, "报告")
	if err != nil {
		return err
	}
	sr, err := h.visibleReport(c, id)
	if err != nil {
		return err
	}
	d := reportData{
		Info: sr.Info, Tables: officialLayout(sr.Report), Findings: sr.Report.Findings,
		Sections: sr.Report.Sections, Versions: sr.Versions, Values: otherValues(sr.Report),
		Source: sr.Info.SHA256 != "" && sr.Info.SourceKind != "demo",
	}
	for _, v := range sr.Report.Values {
		d.Narrative = d.Narrative || v.Source == gongkai.SourceNarrative
	}
	if f := gongkai.FormatByID(sr.Info.Format); f != nil {
		d.Format = f.Name
	} else {
		d.Format = sr.Info.Format
	}
	title := sr.Info.Agency + " " + strconv.Itoa(sr.Info.Year) + "年政府信息公开工作年度报告"
	return h.render(c, http.StatusOK, "report", &page{Title: title, Nav: "agencies", Data: d})
}

// visibleReport reads report version id as the visitor may see it. A
// pending (待确认) version is unpublished until its uploader confirms it —
// an agency's wrong upload (a draft, the wrong file) must not be public
// meanwhile — so only those who may confirm it see it: admins and the
// uploaders of its agency (User.MayUploadFor, as mayUploadReport checks
// the confirmation). To everyone else (anonymous visitors with --public,
// viewers, analysts, other agencies' uploaders) it is the same 404 as an id
// that names no report, so that ids do not tell what is pending, and the
// versions listed leave pending ones out. A pending version superseded
// before anyone confirmed it was never current, so it stays unpublished.
// Versions once current stay visible to all.
func (h *handler) visibleReport(c echo.Context, id int64) (*warehouse.StoredReport, error) {
	sr, err := h.db.Report(c.Request().Context(), id)
	if err != nil {
		return nil, err
	}
	if mayConfirm(c, sr.Info) {
		return sr, nil
	}
	if err := hiddenVersion(sr.Info); err != nil {
		return nil, err
	}
	published := sr.Versions[:0:0]
	for _, v := range sr.Versions {
		if !v.Pending && !v.Superseded {
			published = append(published, v)
		}
	}
	sr.Versions = published
	return sr, nil
}

// checkVisible answers as visibleReport does for report version id, with
// the same errors, reading only what the check needs (warehouse.DB.ReportInfo:
// the version's agency and whether it is pending or superseded), not the
// report's figures, findings and texts: for its source file.
func (h *handler) checkVisible(c echo.Context, id int64) error {
	info, err := h.db.ReportInfo(c.Request().Context(), id)
	if err != nil {
		return err
	}
	if mayConfirm(c, info) {
		return nil
	}
	return hiddenVersion(info)
}

// mayConfirm reports whether the visitor may see version v whatever its
// state: an admin or an uploader of its agency (visibleReport).
func mayConfirm(c echo.Context, v warehouse.ReportInfo) bool {
	return userOf(c).MayUploadFor(v.Agency)
}

// hiddenVersion is the 404 of a version unpublished to the visitor (pending
// or superseded before confirmed: visibleReport), nil for a published one.
func hiddenVersion(v warehouse.ReportInfo) error {
	if v.Pending || v.Superseded {
		// Word for word warehouse.Report's answer for no such report.
		return notFound("没有编号为 %d 的报告", v.ID)
	}
	return nil
}

// otherValues lists the figures that the official tables of the report's
// format do not show: narrative figures, and every figure of a format
// without tables.
func otherValues(r *gongkai.Report) []valueRow {
	inTables := map[string]bool{}
	if f := gongkai.FormatByID(r.Format); f != nil {
		for _, t := range f.Tables {
			for _, b := range t.Blocks {
				for _, row := range b.Rows {
					for _, c := range b.Columns {
						m, a := b.Cell(row, c)
						inTables[m+"|"+a] = true
					}
				}
			}
		}
	}
	var out []valueRow
	for _, v := range r.Values {
		if inTables[v.Measure+"|"+v.Applicant] {
			continue
		}
		row := valueRow{Label: gongkai.MeasureLabel(v.Measure), Applicant: gongkai.ApplicantLabel(v.Applicant),
			Text: valueText(v), At: v.At, Narrative: v.Source == gongkai.SourceNarrative}
		// A narrative figure's Raw is its sentence: show the number, and the
		// sentence beside it.
		if v.Number != nil {
			row.Text = text(*v.Number)
			raw := strings.TrimSpace(v.Raw)
			if _, err := strconv.ParseFloat(strings.ReplaceAll(raw, ",", ""), 64); err != nil {
				row.Raw = raw
			}
		}
		out = append(out, row)
	}
	return out
}

// reportSource sends the file a report was read from, under its original name.
func (h *handler) reportSource(c echo.Context) error {
	id, err := pathID(c, "报告")
	if err != nil {
		return err
	}
	// The file's bytes are held until sent: room for them is taken before
	// they are read (answers.go), so that clients asking at once for a
	// large source (uploads are up to 32 MB) cannot hold more than the
	// budget between them.
	// A pending version's file is unpublished like its page: the same 404
	// as no report for whoever may not confirm it. Only what the check
	// needs is read (checkVisible), not the whole report.
	if err := h.checkVisible(c, id); err != nil {
		return err
	}
	release := func() {}
	defer func() { release() }()
	name, kind, data, err := h.db.SourceReserved(c.Request().Context(), id, func(size int64) error {
		r, err := h.answers.acquireBytes(c.Request().Context(), size)
		if err == nil {
			release = r
		}
		return err
	})
	if err != nil {
		return err
	}
	if name == "" {
		name = "report-" + strconv.FormatInt(id, 10) + "." + kind
	}
	// The type is told by the content, as ingest read it: an HTML "Excel
	// export" named .xls is HTML. nosniff and the attachment keep a browser
	// from running an uploaded page on our origin.
	ctype := sniff.ContentType(sniff.Kind(data))
	c.Response().Header().Set("X-Content-Type-Options", "nosniff")
	c.Response().Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	return c.Blob(http.StatusOK, ctype, data)
}

// pathID reads the :id path parameter. Anything but a positive integer is
// a 404 for the named thing (报告, 机构): such a page cannot exist.
func pathID(c echo.Context, what string) (int64, error) {
	s := c.Param("id")
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, notFound("没有编号为“%s”的%s。", clip(s), what)
	}
	return id, nil
}
