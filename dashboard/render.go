package dashboard

import (
	"bytes"
	"context"
	"embed"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"gongkai/region"
	"gongkai/warehouse"
)

//go:embed templates static
var assets embed.FS

// templates holds one parsed template set per page, each made of the shared
// layout and partials plus the page's own file.
type templates struct {
	sets map[string]*template.Template
}

// pageNames lists the page templates (templates/<name>.html).
var pageNames = []string{
	"overview", "licensing", "proactive", "applications", "reviews", "quality",
	"agencies", "agency", "report", "upload", "sql", "error", "regions", "compare",
	"login", "admin_users", "admin_audit",
}

func mustParseTemplates() *templates {
	t := &templates{sets: map[string]*template.Template{}}
	for _, name := range pageNames {
		t.sets[name] = template.Must(template.New(name).Funcs(funcs).ParseFS(assets,
			"templates/layout.html", "templates/partials.html", "templates/"+name+".html"))
	}
	return t
}

var funcs = template.FuncMap{
	"num":            text,
	"plain":          plain,
	"percent":        percent,
	"add":            func(a, b int) int { return a + b },
	"itoa":           strconv.Itoa,
	"query":          func(v url.Values) string { return v.Encode() },
	"rollupRule":     func() string { return rollupRule },
	"officialTables": officialTablesHTML,
	"dataTable":      dataTableHTML,
}

// navItems is the top navigation bar, in order. Filtered items are pages
// with the filter bar: a link to them keeps the current filter.
var navItems = []navItem{
	{"overview", "/", "总览", true},
	{"licensing", "/licensing", "行政许可", true},
	{"proactive", "/proactive", "主动公开", true},
	{"applications", "/applications", "依申请公开", true},
	{"reviews", "/reviews", "复议诉讼", true},
	{"quality", "/quality", "报送与质量", true},
	{"regions", "/regions", "地区汇总", true},
	{"compare", "/compare", "地区比较", true},
	{"agencies", "/agencies", "机构", true},
	{"upload", "/upload", "上传报告", false},
	{"sql", "/sql", "SQL 查询", false},
}

type navItem struct {
	Key, Path, Label string
	Filtered         bool
}

// page is what the layout template receives. Data is the page's own content.
type page struct {
	Title   string
	Nav     string // the key of the active navigation item
	Demo    bool   // the warehouse holds demo reports: every page says so
	Filter  *filter
	Options filterOptions
	Path    string // the page's path, for the filter form
	// YearOnly makes the filter bar offer one year instead of a range, and
	// no name search (地区汇总 sums one year of a region).
	YearOnly bool
	Charts   []chart
	Data     any
	User     *warehouse.User // the visitor's account; nil for an anonymous visitor
	CSRF     string          // the token every state-changing form sends back (access.go)
}

// navAccess are the navigation items only some roles may follow; the others
// are not shown what they cannot open.
var navAccess = map[string]access{"upload": accessUpload, "sql": accessSQL}

// adminNav are the items administrators see in addition.
var adminNav = []navItem{{"admin_users", "/admin/users", "用户管理", false}, {"admin_audit", "/admin/audit", "审计日志", false}}

// IsAdmin reports whether the visitor administers the server (pages show
// administrators their correction forms).
func (p *page) IsAdmin() bool { return allows(accessAdmin, p.User, false) }

// Levels are the levels of government, for the correction form.
func (p *page) Levels() []string { return region.Levels }

// NavItems returns the navigation items for the layout: those the visitor
// may open.
func (p *page) NavItems() any {
	var out []navItem
	for _, it := range navItems {
		if a, ok := navAccess[it.Key]; !ok || allows(a, p.User, false) {
			out = append(out, it)
		}
	}
	if allows(accessAdmin, p.User, false) {
		out = append(out, adminNav...)
	}
	return out
}

// NavHref returns the link of a navigation item: its path, with the page's
// filter when the item has a filter bar, so that moving between dashboards
// keeps the selection.
func (p *page) NavHref(it navItem) string {
	if q := p.FilterQuery(); it.Filtered && q != "" {
		return it.Path + "?" + q
	}
	return it.Path
}

// Href returns path with the page's filter, for links to other dashboards.
func (p *page) Href(path string) string {
	if q := p.FilterQuery(); q != "" {
		return path + "?" + q
	}
	return path
}

// HrefWith returns path with the page's filter and key set to value, for
// links to another page's view of the same selection.
func (p *page) HrefWith(path, key, value string) string {
	v := url.Values{}
	if p.Filter != nil {
		v = p.Filter.values()
	}
	v.Set(key, value)
	return path + "?" + v.Encode()
}

// Period names the years the page's cards, rankings and shares cover:
// the filter's years with open ends closed by the years that have reports
// ("2019—2024年" under 全部年度), so that a heading never names one year for a
// sum over several. It is "" when there are no reports.
func (p *page) Period() string {
	if p.Filter == nil {
		return ""
	}
	from, to := p.Filter.YearFrom, p.Filter.YearTo
	if n := len(p.Options.Years); n > 0 {
		first, _ := strconv.Atoi(p.Options.Years[0])
		last, _ := strconv.Atoi(p.Options.Years[n-1])
		if from == 0 {
			from = first
		}
		if to == 0 {
			to = last
		}
	}
	switch {
	case from == 0 || to == 0 || from > to:
		return ""
	case from == to:
		return strconv.Itoa(from) + "年"
	}
	return strconv.Itoa(from) + "—" + strconv.Itoa(to) + "年"
}

// FilterQuery returns the page's filter as a query string, for links that
// keep it.
func (p *page) FilterQuery() string {
	if p.Filter == nil {
		return ""
	}
	return p.Filter.Query()
}

// Chart returns the chart with the given id, so that templates can place
// charts in a layout of their own.
func (p *page) Chart(id string) *chart {
	for i := range p.Charts {
		if p.Charts[i].ID == id {
			return &p.Charts[i]
		}
	}
	return nil
}

// filterOptions are the choices of the filter bar's selects, in the order
// of filter_options.sql.
type filterOptions struct {
	Years, Provinces, Levels []string
	Cities                   []cityOption
}

// cityOption is a choice of 地市 with its province, so that the page offers
// only the cities of the chosen province and app.js can clear a city that
// does not belong to a newly chosen one.
type cityOption struct {
	Name, Province string
}

// render executes the page template name with p into a buffer first, so that
// a template error never leaves half a page in the browser.
func (h *handler) render(c echo.Context, status int, name string, p *page) error {
	set, ok := h.pages.sets[name]
	if !ok {
		return echo.NewHTTPError(http.StatusInternalServerError, "no template "+name)
	}
	if p.Nav == "" {
		p.Nav = name
	}
	p.User, p.CSRF = userOf(c), csrfToken(c)
	if !p.Demo && name != "error" {
		p.Demo = h.hasDemo(c.Request().Context())
	}
	var buf bytes.Buffer
	start := time.Now()
	if err := set.ExecuteTemplate(&buf, "layout", p); err != nil {
		return err
	}
	timeRender(c.Request().Context(), time.Since(start))
	return c.HTMLBlob(status, buf.Bytes())
}

// hasDemo reports whether the warehouse holds any demo report. Errors count
// as no: the banner is a courtesy, not worth failing a page over.
func (h *handler) hasDemo(ctx context.Context) bool {
	t, err := h.kept.get(ctx, h.db, "demo_status", h.runQuery)
	return err == nil && integer(get(t, 0, "demo_reports")) > 0
}

// dashboardPage starts the page data of a dashboard page: it parses the
// filter from the URL (a bad value is a 400 with the reason) and loads the
// filter bar's choices.
func (h *handler) dashboardPage(c echo.Context, title string) (*page, error) {
	f, err := parsePageFilter(c.QueryParams())
	if err != nil {
		return nil, err
	}
	p := &page{Title: title, Filter: &f, Path: c.Path()}
	t, err := h.kept.get(c.Request().Context(), h.db, "filter_options", h.runQuery)
	if err != nil {
		return nil, err
	}
	for i := range t.Rows {
		v := plain(get(t, i, "value"))
		switch get(t, i, "kind") {
		case "year":
			p.Options.Years = append(p.Options.Years, v)
		case "province":
			p.Options.Provinces = append(p.Options.Provinces, v)
		case "city":
			prov := plain(get(t, i, "parent"))
			if f.Province == "" || prov == f.Province || f.City == v {
				p.Options.Cities = append(p.Options.Cities, cityOption{Name: v, Province: prov})
			}
		case "level":
			p.Options.Levels = append(p.Options.Levels, v)
		}
	}
	return p, nil
}

// query returns the result of the named query with filter f, from the
// cache when it is there.
func (h *handler) query(c echo.Context, name string, f warehouse.Filter) (*warehouse.Table, error) {
	return h.cache.get(c.Request().Context(), name, f, h.runQuery)
}
