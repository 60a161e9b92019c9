package dashboard

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"gongkai/region"
	"gongkai/warehouse"
)

// adminAgencyRegion is POST /admin/agencies/:id/region (province, city,
// county, level): an administrator's correction of where an agency stands
// and its level, which later loads never overwrite. Empty fields mean
// unknown; a level must be one of region.Levels. The correction is in the
// audit log with the values before and after.
func (h *handler) adminAgencyRegion(c echo.Context) error {
	id, err := pathID(c, "机构")
	if err != nil {
		return err
	}
	var r warehouse.Region
	for _, f := range []struct {
		key, label string
		dst        *string
	}{{"province", "省份", &r.Province}, {"city", "地市", &r.City}, {"county", "区县", &r.County}, {"level", "层级", &r.Level}} {
		if *f.dst, err = parseText(c.FormValue(f.key), f.label); err != nil {
			return err
		}
	}
	if r.Level != "" && !slices.Contains(region.Levels, r.Level) {
		return invalid("层级“%s”不正确：可选 %s。", clip(r.Level), strings.Join(region.Levels, "、"))
	}
	info, err := h.query(c, "agency_info", warehouse.Filter{AgencyID: id})
	if err != nil {
		return err
	}
	if len(info.Rows) == 0 {
		return notFound("没有编号为 %d 的机构。", id)
	}
	ctx := c.Request().Context()
	before := []string{plain(get(info, 0, "province")), plain(get(info, 0, "city")), plain(get(info, 0, "county")), plain(get(info, 0, "level"))}
	a := actorOf(c)
	// The entry is written in the correction's transaction: neither stands
	// without the other.
	if err := h.db.SetAgencyRegionAudited(ctx, id, r, &warehouse.AuditEntry{Actor: a.Name, Remote: a.Remote, Action: "agency.region",
		Agency: plain(get(info, 0, "agency")), Result: "ok",
		Detail: fmt.Sprintf("地区与层级由“%s”更正为“%s”", strings.Join(before, " / "),
			strings.Join([]string{r.Province, r.City, r.County, r.Level}, " / "))}); err != nil {
		return err
	}
	h.cache.clear()
	if h.rewarm != nil {
		h.rewarm()
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/agencies/%d", id))
}
