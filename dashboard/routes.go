package dashboard

import (
	"io/fs"
	"net/http"

	"github.com/labstack/echo/v4"
)

// routes registers the whole URL surface of the dashboard. Who may use each
// route is in accessRules (access.go): a route added here needs a rule there.
func (h *handler) routes(e *echo.Echo) {
	e.GET("/healthz", h.healthz)
	e.HEAD("/healthz", h.healthz) // load balancers probe with HEAD
	e.GET("/static/*", staticHandler())
	e.GET("/favicon.ico", func(c echo.Context) error { return c.NoContent(http.StatusNoContent) })

	e.GET("/login", h.loginForm)
	e.POST("/login", h.loginSubmit)
	e.POST("/logout", h.logout)

	pages := e.Group("")
	pages.GET("/", h.overview)
	pages.GET("/licensing", h.licensing)
	pages.GET("/proactive", h.proactive)
	pages.GET("/applications", h.applications)
	pages.GET("/reviews", h.reviews)
	pages.GET("/quality", h.quality)
	pages.GET("/regions", h.regions)
	pages.GET("/compare", h.compare)
	pages.GET("/agencies", h.agencies)
	pages.GET("/agencies/:id", h.agency)
	pages.GET("/reports/:id", h.report)
	pages.GET("/reports/:id/source", h.reportSource)
	pages.POST("/reports/:id/confirm", h.confirmSubmit)
	pages.GET("/upload", h.uploadForm)
	pages.GET("/upload/template", h.uploadTemplate)
	pages.POST("/upload", h.uploadSubmit)
	pages.GET("/sql", h.sqlForm)
	pages.POST("/sql", h.sqlSubmit)
	pages.POST("/sql/saved", h.sqlSave)
	pages.POST("/sql/saved/:id/delete", h.sqlDelete)

	admin := e.Group("/admin")
	admin.GET("/users", h.adminUsers)
	admin.POST("/users", h.adminCreateUser)
	admin.POST("/users/:id/disable", h.adminDisableUser)
	admin.POST("/users/:id/enable", h.adminEnableUser)
	admin.POST("/users/:id/password", h.adminSetPassword)
	admin.POST("/users/:id/logout", h.adminEndSessions)
	admin.POST("/users/:id/tokens", h.adminCreateToken)
	admin.POST("/tokens/:id/revoke", h.adminRevokeToken)
	admin.GET("/audit", h.adminAudit)
	admin.POST("/agencies/:id/region", h.adminAgencyRegion)

	api := e.Group("/api")
	api.GET("/queries", h.apiQueries)
	api.GET("/queries/:name", h.apiQuery)
	api.GET("/regions", h.apiRegions)
	api.POST("/reports", h.apiUpload)
	api.POST("/reports/:id/confirm", h.apiConfirm)
	api.GET("/sql", h.apiSQL)
	api.POST("/sql", h.apiSQL)
}

func (h *handler) healthz(c echo.Context) error {
	return c.String(http.StatusOK, "ok\n")
}

// filesOnly serves files and no directories: a directory listing would show
// what the binary holds, and nothing links to one.
type filesOnly struct{ fs.FS }

func (f filesOnly) Open(name string) (fs.File, error) {
	file, err := f.FS.Open(name)
	if err != nil {
		return nil, err
	}
	if st, err := file.Stat(); err != nil || st.IsDir() {
		file.Close()
		return nil, fs.ErrNotExist
	}
	return file, nil
}
