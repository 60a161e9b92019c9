package dashboard

import (
	"bytes"
	"context"
	"embed"
	"html/template"
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

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
	"agencies", "agency", "report", "upload", "sql", "error",
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
	"num":     text,
	"plain":   plain,
	"percent": percent,
	"add":     func(a, b int) int { return a + b },
	"itoa":    strconv.Itoa,
	"query":   func(v url.Values) string { return v.Encode() },
}

// navItems is the top navigation bar, in order.
var navItems = []struct{ Key, Path, Label string }{
	{"overview", "/", "总览"},
	{"licensing", "/licensing", "行政许可"},
	{"proactive", "/proactive", "主动公开"},
	{"applications", "/applications", "依申请公开"},
	{"reviews", "/reviews", "复议诉讼"},
	{"quality", "/quality", "报送与质量"},
	{"agencies", "/agencies", "机构"},
	{"upload", "/upload", "上传报告"},
	{"sql", "/sql", "SQL 查询"},
}

// page is what the layout template receives. Data is the page's own content.
type page struct {
	Title   string
	Nav     string // the key of the active navigation item
	Demo    bool   // the warehouse holds demo reports: every page says so
	Filter  *filter
	Options filterOptions
	Path    string // the page's path, for the filter form
	Charts  []chart
	Data    any
}

// Nav returns the navigation items for the layout.
func (p *page) NavItems() any { return navItems }

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

// filterOptions are the choices of the filter bar's selects.
type filterOptions struct {
	Years, Provinces, Cities, Levels []string
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
	if !p.Demo && name != "error" {
		p.Demo = h.hasDemo(c.Request().Context())
	}
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, "layout", p); err != nil {
		return err
	}
	return c.HTMLBlob(status, buf.Bytes())
}

// hasDemo reports whether the warehouse holds any demo report. Errors count
// as no: the banner is a courtesy, not worth failing a page over.
func (h *handler) hasDemo(ctx context.Context) bool {
	t, err := h.cache.get(ctx, "demo_status", warehouse.Filter{}, h.db.Query)
	return err == nil && integer(get(t, 0, "demo_reports")) > 0
}

// dashboardPage starts the page data of a dashboard page: it parses the
// filter from the URL (a bad value is a 400 with the reason) and loads the
// filter bar's choices.
func (h *handler) dashboardPage(c echo.Context, title string) (*page, error) {
	f, err := parseFilter(c.QueryParams())
	if err != nil {
		return nil, err
	}
	p := &page{Title: title, Filter: &f, Path: c.Path()}
	t, err := h.query(c, "filter_options", warehouse.Filter{})
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
			p.Options.Cities = append(p.Options.Cities, v)
		case "level":
			p.Options.Levels = append(p.Options.Levels, v)
		}
	}
	return p, nil
}

// query returns the result of the named query with filter f, from the
// cache when it is there.
func (h *handler) query(c echo.Context, name string, f warehouse.Filter) (*warehouse.Table, error) {
	return h.cache.get(c.Request().Context(), name, f, h.db.Query)
}
