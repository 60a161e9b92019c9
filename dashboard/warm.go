package dashboard

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// warmPaths are the default views of the dashboard pages: what a visitor
// opens first.
var warmPaths = []string{"/", "/licensing", "/proactive", "/applications", "/reviews", "/quality", "/agencies"}

// warm renders the default view of every dashboard page once, in the
// background, so that their queries are in the cache before anyone asks: on a
// large warehouse a page's first rendering takes seconds, later ones
// milliseconds. Errors are logged by the request log and otherwise ignored.
func (h *handler) warm(e *echo.Echo) {
	start := time.Now()
	for _, p := range warmPaths {
		req, err := http.NewRequest(http.MethodGet, p, nil)
		if err != nil {
			continue
		}
		e.ServeHTTP(discard{header: http.Header{}}, req)
	}
	h.log.Info("dashboard warmed", "pages", len(warmPaths), "took", time.Since(start).Round(time.Millisecond))
}

// discard is a ResponseWriter that throws the page away.
type discard struct{ header http.Header }

func (d discard) Header() http.Header         { return d.header }
func (d discard) Write(b []byte) (int, error) { return len(b), nil }
func (d discard) WriteHeader(int)             {}
