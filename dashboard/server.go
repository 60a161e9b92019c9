// Package dashboard is the web interface of gongkai: the dashboards in Chinese,
// the report and agency pages, the upload page for agency staff, the SQL
// console for analysts, and the JSON/CSV/XLSX API.
//
// Everything a page needs is embedded in the binary (templates, styles,
// scripts, ECharts); no page requests anything from another origin, so the
// dashboards work on an intranet with no network at all.
//
// The URL surface is in routes.go, one file per page, and errors.go holds the
// one error handler: handlers return errors, users see a safe Chinese message,
// the log gets the detail.
package dashboard

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/labstack/echo/v4"

	"gongkai/warehouse"
)

// Options tunes the server. The zero value is usable.
type Options struct {
	// MaxUpload is the largest report file accepted, in bytes (default 32 MiB).
	MaxUpload int64
	// QueryTimeout bounds the time of one request's warehouse work (default 60s).
	QueryTimeout time.Duration
	// CacheEntries is how many query results are kept (default 1024; negative
	// turns the cache off). See queryCache.
	CacheEntries int
	// CacheBytes bounds the memory of the results kept (default 256 MiB, as
	// queryCache's tableBytes estimates it); a result over a sixteenth of it
	// is not kept.
	CacheBytes int64
	// TrustedProxies are the reverse proxies whose X-Forwarded-For header is
	// believed. From any other address the header is ignored and the
	// connection's own address is the client's, so that logged addresses
	// cannot be made up by the client.
	TrustedProxies []*net.IPNet
	// MaxUploads is how many uploads are parsed and loaded at once (default
	// 2): a small crafted workbook can cost a hundred times its size to parse.
	MaxUploads int
	// Warm renders every page's default view in the background when the
	// server starts and after each upload, so that visitors find them
	// cached; with the cache off (CacheEntries negative) it runs only the
	// warehouse's read-ahead (warmWarehouse).
	Warm bool
	// SerialQueries runs a page's named queries one after another instead
	// of at once (parallel.go).
	SerialQueries bool
	// PageConcurrency is how many requests run the warehouse's named
	// queries at once (see admission.go); 0 means no limit.
	PageConcurrency int
	// Public lets visitors without an account view the dashboards, report
	// pages and the named-query API (never upload, SQL or administration).
	Public bool
	// SessionTTL is how long a login lasts (default 12 hours).
	SessionTTL time.Duration
}

// handler holds what the page handlers share: the warehouse, the log and the
// parsed templates. It is built once by New and never changes.
type handler struct {
	db    *warehouse.DB
	log   *slog.Logger
	pages *templates
	cache *queryCache
	// kept holds the filter bar's choices and the demo banner's count per
	// warehouse generation (kept.go).
	kept *keptResults
	opts Options
	// logins counts failed logins per user name and address (login.go).
	logins *loginThrottle
	// routeKeys are the registered routes ("METHOD /path"), so that a route
	// without an access rule is told from a path that matches none.
	routeKeys map[string]bool
	// rewarm starts warming the cache (or, with the cache off, the
	// warehouse's read-ahead) again after an upload; nil when Options.Warm
	// is off.
	rewarm func()
	// uploads holds one token per upload being parsed or loaded.
	uploads chan struct{}
	// stage keeps the files the upload page checked (预检) for 载入.
	stage *stage
	// answers bounds the large API answers encoded and written at once
	// (answers.go).
	answers *answerBudget
	// slots holds one token per request running named queries; nil means
	// no limit (admission.go).
	slots chan struct{}
	// dbQuery runs a named query: db.Query, or a stand-in in the tests
	// that make queries fail.
	dbQuery func(context.Context, string, warehouse.Filter) (*warehouse.Table, error)
}

// New returns the dashboard's HTTP handler over db. Request logs and error
// details go to logger. It panics only if the embedded templates are
// malformed, which the package's tests catch.
func New(db *warehouse.DB, logger *slog.Logger, opts Options) *echo.Echo {
	_, e := newHandler(db, logger, opts)
	return e
}

// newHandler is New that also returns the handler, for tests.
func newHandler(db *warehouse.DB, logger *slog.Logger, opts Options) (*handler, *echo.Echo) {
	if opts.MaxUpload <= 0 {
		opts.MaxUpload = 32 << 20
	}
	if opts.QueryTimeout <= 0 {
		opts.QueryTimeout = 60 * time.Second
	}
	if opts.CacheEntries == 0 {
		opts.CacheEntries = 1024
	}
	if opts.MaxUploads <= 0 {
		opts.MaxUploads = 2
	}
	if opts.SessionTTL <= 0 {
		opts.SessionTTL = 12 * time.Hour
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	h := &handler{db: db, log: logger, pages: mustParseTemplates(), cache: newQueryCache(opts.CacheEntries, opts.CacheBytes), kept: &keptResults{}, opts: opts,
		uploads: make(chan struct{}, opts.MaxUploads), stage: newStage(), answers: newAnswerBudget(0),
		logins: newLoginThrottle(), routeKeys: map[string]bool{}}
	h.dbQuery = db.Query
	if opts.PageConcurrency > 0 {
		h.slots = make(chan struct{}, opts.PageConcurrency)
		h.cache.hold = h.holdSlot
	}

	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.HTTPErrorHandler = h.handleError
	e.IPExtractor = ipExtractor(opts.TrustedProxies)
	e.Use(h.logRequests, h.recoverPanics, securityHeaders, h.limits, h.admit, h.authenticate)
	h.routes(e)
	for _, r := range e.Routes() {
		h.routeKeys[r.Method+" "+r.Path] = true
	}
	switch {
	case opts.Warm && opts.CacheEntries > 0:
		w := &warmer{warm: func() { h.warm(e) }}
		h.rewarm = w.start
		h.rewarm()
	case opts.Warm:
		// With the cache off no page is kept, but the warehouse's own
		// read-ahead still spares the first requests after a start or an
		// upload what they would read themselves (warmWarehouse).
		w := &warmer{warm: h.warmWarehouse}
		h.rewarm = w.start
		h.rewarm()
	}
	return h, e
}

// ipExtractor believes X-Forwarded-For only from the trusted proxies; with
// none it takes the connection's address. Echo's own default would trust
// any private or loopback address, which is where a client on the same
// network stands.
func ipExtractor(proxies []*net.IPNet) echo.IPExtractor {
	if len(proxies) == 0 {
		return echo.ExtractIPDirect()
	}
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, p := range proxies {
		opts = append(opts, echo.TrustIPRange(p))
	}
	return echo.ExtractIPFromXFFHeader(opts...)
}

// securityHeaders forbids the browser to load anything from another origin:
// the dashboards must work offline, and the policy makes a stray external
// reference fail loudly in tests instead of silently on an intranet.
func securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		hd := c.Response().Header()
		hd.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'self'")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "same-origin")
		return next(c)
	}
}

// logRequests logs one line per request with slog. It runs outermost and
// hands errors to the central handler first, so that the status it logs is
// the one the client got.
func (h *handler) logRequests(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		ctx, tm := withTiming(c.Request().Context())
		c.SetRequest(c.Request().WithContext(ctx))
		err := next(c)
		if err != nil {
			c.Error(err)
		}
		status := c.Response().Status
		level := slog.LevelInfo
		if status >= 500 {
			level = slog.LevelError
		}
		attrs := []slog.Attr{
			slog.String("method", c.Request().Method), slog.String("uri", c.Request().RequestURI),
			slog.Int("status", status), slog.Duration("latency", time.Since(start)),
			slog.Int64("bytes", c.Response().Size), slog.String("remote", c.RealIP()),
		}
		attrs = append(attrs, tm.attrs()...)
		if err != nil {
			attrs = append(attrs, slog.String("error", err.Error()))
		}
		h.log.LogAttrs(c.Request().Context(), level, "request", attrs...)
		return nil
	}
}

// recoverPanics turns a panic in a handler into a 500 for the client and a
// stack trace in the log, so that one bad request never takes the server down.
func (h *handler) recoverPanics(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) (err error) {
		defer func() {
			if r := recover(); r != nil {
				if r == http.ErrAbortHandler {
					panic(r)
				}
				err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
			}
		}()
		return next(c)
	}
}

// limits bounds a request: its body (uploads are the largest) and the time
// its warehouse work may take.
func (h *handler) limits(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		req.Body = http.MaxBytesReader(c.Response(), req.Body, h.opts.MaxUpload+1<<20)
		ctx, cancel := context.WithTimeout(req.Context(), h.opts.QueryTimeout)
		defer cancel()
		c.SetRequest(req.WithContext(ctx))
		return next(c)
	}
}
