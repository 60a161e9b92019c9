package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"strings"
	"time"

	"golang.org/x/net/netutil"

	"gongkai"
	"gongkai/dashboard"
	"gongkai/demo"
	"gongkai/region"
	"gongkai/warehouse"
)

func init() {
	commands["serve"] = command{
		usage: "serve [--addr 127.0.0.1:8080] [--public] [--demo] [--trusted-proxy CIDR]    启动看板（--public：无需登录即可查看；--demo：数据库为空时载入演示数据，并创建演示管理员）",
		run:   runServe,
	}
}

// defaultPageCache is how many query results the dashboard keeps: repeated
// views of a page cost nothing. The bench-scale figures are measured with
// the cache off (--page-cache 0), so that the cache never makes them.
const defaultPageCache = 1024

// serveMemoryLimit is DuckDB's memory limit in a server unless
// --memory-limit says otherwise: most of a server's resident memory is
// DuckDB's cache of the file's blocks, which grows to the limit. At a
// million reports the server peaked at 874 MB with 512MB and 2.2 GB with
// the 2GB other commands use, its pages as fast (region_figure ~30 %
// slower); every page, the analysts' group-by over all figures and a load
// (which reads the writer's state, warehouse.DB.writer) ran at 512MB,
// spilling to disk where they need more (docs/benchmarks.md).
const serveMemoryLimit = "512MB"

// defaultPageConcurrency is how many dashboard requests query the warehouse
// at once (dashboard.Options.PageConcurrency), one a core; 0 is no limit.
// On two cores eight closed-loop clients cost the same CPU per page either
// way, so the pages served per second hardly change, but without a limit
// every page shares the CPU with seven others and the heaviest take eight
// times their own time, while taking turns a page costs its wait plus its
// own time. Measured at a million reports, eight clients, uncached, with
// the slot given back when the answer starts going out (admission.go):
// p50/p95 285/466 and 287/450 ms with 2 slots against 288/1,036 without a
// limit, one client unchanged (docs/benchmarks.md). Before that release,
// a slot was held while its page was written to a client the CPU did not
// let read, and 2 slots measured 519/968 against 147/516.
var defaultPageConcurrency = runtime.NumCPU()

// serveThreads is DuckDB's worker thread count in a server unless --threads
// says otherwise: 0, one a core. One thread served eight clients about 10 %
// faster in-process at a million reports (46 against 52 ms of CPU a page,
// p95 293-311 against 342-344 ms), but the server in its own process did not
// clearly confirm it (TestBenchScale, p95 349-423 against 351-413 ms), one
// client's p95 rose (93-135 against 78-98 ms), and the analysts' SQL in the
// server (/sql), which then runs on one core, took 5.4 s instead of 3.0 s
// over all figures; report_values' group-by, ~5.5 s on two cores, would come
// near the sandbox's 10 s limit. docs/benchmarks.md has the runs.
const serveThreads = 0

// serveQueryThreads is DuckDB's thread count while no SQL statement runs
// (--query-threads, warehouse.Options.QueryThreads); 0 keeps --threads
// throughout. With 1, the pages' queries run on one thread each and the
// analysts' SQL still gets --threads: at a million reports the server's
// CPU a request fell 7-10 % (eight clients 51.5 -> 47.2-48.1 ms, one client
// 46.6 -> 41.7-42.0 ms), but eight clients' p95 stayed within the runs'
// noise (the cores were left idle more often, not more pages served) and
// one client's p95 was as often worse as better: a heavy page's queries
// then use one core. So it is off by default (docs/benchmarks.md).
const serveQueryThreads = 0

// shutdownGrace is how long in-flight requests may take to finish once the
// server is told to stop.
const shutdownGrace = 10 * time.Second

// runServe runs the dashboard until ctx is canceled (SIGINT, SIGTERM), then
// shuts down gracefully: the listener closes, in-flight requests finish, the
// warehouse is closed. It prints the address it listens on, so that
// `--addr 127.0.0.1:0` can be used by scripts and tests.
func runServe(ctx context.Context, e env) error {
	fs := newFlags("serve", e)
	db := dbFlag(fs, e)
	addr := fs.String("addr", "127.0.0.1:8080", "监听地址")
	public := fs.Bool("public", false, "允许未登录的访客查看看板、报告页和命名查询 API（不能上传、查询 SQL 或管理）")
	withDemo := fs.Bool("demo", false, "数据库中没有报告时载入演示数据；包含 --public，并创建演示管理员 demo")
	memLimit := fs.String("memory-limit", serveMemoryLimit, "DuckDB 可用内存上限（如 2GB），所有查询和载入共用")
	procMem := fs.String("process-memory", "", "服务器进程的内存上限（如 8GB；默认本机内存的 3/4，至少 4GB；0：不限）：分析 SQL 构造的字符串不计入 --memory-limit，超出此上限时该查询报内存不足，而不是系统耗尽内存后终止服务器")
	sqlSlots := fs.Int("sql-concurrency", 2, "同时运行的 SQL 查询（/sql、/api/sql）上限")
	sqlTimeout := fs.Duration("sql-timeout", 10*time.Second, "一条分析 SQL 查询（/sql、/api/sql）的时限")
	maxConns := fs.Int("max-conns", defaultLimits.maxConns, "同时保持的连接上限")
	pageSlots := fs.Int("page-concurrency", defaultPageConcurrency, "同时查询数据库的看板请求上限，其余排队等候（0：不限；默认每个 CPU 核一个）")
	threads := fs.Int("threads", serveThreads, "DuckDB 工作线程数（0：每个 CPU 核一个；1：只有看板的服务器在多人同时访问时略快，但分析 SQL 慢约一倍）")
	queryThreads := fs.Int("query-threads", serveQueryThreads, "没有 SQL 查询运行时 DuckDB 的线程数（0：与 --threads 相同；1：看板的每个查询只用一个线程，每页约省 7-10% CPU，SQL 查询运行时仍用 --threads）")
	pageParallel := fs.Bool("page-parallel", true, "同一页面的多个查询同时运行（false：依次运行）")
	pageCache := fs.Int("page-cache", defaultPageCache, "缓存的看板查询结果条数（0：不缓存，每个请求都查询数据库）")
	cpuProfile := fs.String("cpu-profile", "", "把服务器从启动到停止的 CPU 剖析写入此文件（go tool pprof 读取；默认不剖析）")
	var proxies cidrList
	fs.Var(&proxies, "trusted-proxy", "可信反向代理的地址段（CIDR，可重复）：只采信来自这些地址的 X-Forwarded-For")
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usageErrorf("用法：gongkai serve [--addr 127.0.0.1:8080] [--public] [--demo] [--db PATH]")
	}
	capBytes, err := processMemoryFlag(*procMem)
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(e.stderr, nil))
	procCap := ""
	var capSet uint64 // the cap set, 0 for none
	budgeted := false
	// Before the warehouse opens, so that nothing it allocates is above the
	// cap already, and so that the server survives the cap (keepCapUsable).
	guard, err := guardProcessMemory(ctx, capBytes)
	if err != nil {
		return err
	}
	if set := guard.cap; set > 0 {
		procCap, capSet = formatBytes(set), set
		logger.Info("process memory capped", "bytes", set, "cap", procCap)
		// DuckDB's allocations fail below the cap, so that the Go
		// runtime never meets it (duckbudget_linux.go).
		if guard.budgetErr != nil {
			logger.Warn("DuckDB's allocator has no budget below the cap: a statement that reaches the cap may end the server", "err", guard.budgetErr)
		} else {
			budgeted = true
			logger.Info("DuckDB's allocator budgeted", "bytes", guard.budget, "budget", formatBytes(guard.budget), "reserve", formatBytes(duckBudgetReserve(set)))
		}
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}

	if *sqlTimeout <= 0 {
		return usageErrorf("--sql-timeout 应为正的时长（如 10s、2m）")
	}
	var resultBytes int64 // the warehouse's default, uncapped
	if capSet > 0 {
		resultBytes = sandboxResultBytes(capSet, *sqlSlots)
	}
	wh, err := warehouse.OpenWith(ctx, *db, warehouse.Options{MemoryLimit: *memLimit, ProcessMemory: procCap, SandboxConcurrency: *sqlSlots,
		SandboxTimeout: *sqlTimeout, SandboxBytes: resultBytes, Threads: *threads, QueryThreads: *queryThreads})
	if err != nil {
		return err
	}
	defer wh.Close()
	if *withDemo {
		if err := loadDemoIfEmpty(ctx, wh, logger); err != nil {
			return err
		}
		if err := demoAdmin(ctx, wh, logger); err != nil {
			return err
		}
		*public = true
	}
	// The copy by cell for the breakdown of one figure, made in the
	// background when many reports wait; stopped before the warehouse closes.
	cctx, stopCells := context.WithCancel(ctx)
	cellsDone := make(chan struct{})
	go func() {
		defer close(cellsDone)
		keepCellsCopied(cctx, wh, logger, warehouse.CellMin, serveCellsEvery)
	}()
	defer func() { stopCells(); <-cellsDone }()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("无法监听 %s：%w", *addr, err)
	}
	lim := defaultLimits
	lim.maxConns = *maxConns
	ln = lim.listen(ln)
	cache := *pageCache
	if cache <= 0 {
		cache = -1 // dashboard.Options: negative turns the cache off, 0 is its default
	}
	srv := lim.server(dashboard.New(wh, logger, dashboard.Options{Warm: true, TrustedProxies: proxies, Public: *public,
		CacheEntries: cache, PageConcurrency: *pageSlots, SerialQueries: !*pageParallel,
		// A request's warehouse time is a minute, and never less than a
		// statement's, which runs inside it.
		QueryTimeout: max(time.Minute, *sqlTimeout+5*time.Second)}), logger)
	fmt.Fprintf(e.stdout, "gongkai 看板：http://%s/\n", ln.Addr())
	logger.Info("serving", "addr", ln.Addr().String(), "db", *db)

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return fmt.Errorf("看板服务意外停止：%w", err)
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	if budgeted {
		// And the Go runtime's side of the cap: what it maps (released
		// pages included: the cap counts them) against its live heap.
		m := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/objects:bytes"}}
		metrics.Read(m)
		logger.Info("DuckDB's allocator", "mapped", duckMapped(), "peak", duckPeak(), "refused", duckRefused(),
			"go_mapped", m[0].Value.Uint64(), "go_heap_live", m[1].Value.Uint64())
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("看板服务未能正常停止：%w", err)
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// startCPUProfile profiles the server's CPU into the file at path until the
// returned function is called, which writes the profile out and closes the
// file. It returns an error when the file cannot be created or a profile is
// already running in this process. The profile shows the Go side by function
// (handlers, templates, JSON, GC) and the time in DuckDB as its cgo calls
// (duckdb_execute_pending, duckdb_pending_prepared …) and as external code
// for DuckDB's own worker threads; `perf record -g -p PID` shows what DuckDB
// does inside (docs/benchmarks.md).
func startCPUProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("无法创建 CPU 剖析文件：%w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("无法开始 CPU 剖析：%w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// limits are the connection limits of the server: how long a client may
// take to send a request and to read the answer, how long an idle keep-alive
// connection stays open, and how many connections are held at once, so that
// slow or idle clients cannot hold the server's file handles.
type limits struct {
	readHeader time.Duration // the request line and headers
	read       time.Duration // the whole request, body included (uploads)
	write      time.Duration // from the end of the headers to the end of the answer (downloads, exports)
	idle       time.Duration // a keep-alive connection between requests
	maxHeader  int           // bytes of request headers
	maxConns   int           // connections held at once; 0 means no limit
}

// defaultLimits allow a 32 MB upload over a slow line (read) and a large
// export download (write), while a client that sends nothing is cut off
// after 10 seconds.
var defaultLimits = limits{
	readHeader: 10 * time.Second,
	read:       2 * time.Minute,
	write:      5 * time.Minute,
	idle:       time.Minute,
	maxHeader:  64 << 10,
	maxConns:   1000,
}

func (l limits) server(h http.Handler, logger *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: l.readHeader,
		ReadTimeout:       l.read,
		WriteTimeout:      l.write,
		IdleTimeout:       l.idle,
		MaxHeaderBytes:    l.maxHeader,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
}

// listen caps the connections accepted at once; beyond the cap, new ones
// wait in the kernel's queue until a held one ends (the timeouts end them).
func (l limits) listen(ln net.Listener) net.Listener {
	if l.maxConns <= 0 {
		return ln
	}
	return netutil.LimitListener(ln, l.maxConns)
}

// cidrList is the value of the repeatable --trusted-proxy flag.
type cidrList []*net.IPNet

func (c *cidrList) String() string {
	var s []string
	for _, n := range *c {
		s = append(s, n.String())
	}
	return strings.Join(s, ",")
}

func (c *cidrList) Set(v string) error {
	if !strings.Contains(v, "/") {
		if ip := net.ParseIP(v); ip != nil {
			bits := 128
			if ip.To4() != nil {
				bits = 32
			}
			v = fmt.Sprintf("%s/%d", v, bits)
		}
	}
	_, n, err := net.ParseCIDR(v)
	if err != nil {
		return fmt.Errorf("不是有效的地址段（如 10.0.0.0/8 或 127.0.0.1）：%q", v)
	}
	*c = append(*c, n)
	return nil
}

// loadDemoIfEmpty loads the default demo set when the warehouse holds no
// report at all; a warehouse with real reports is never mixed with demo data.
func loadDemoIfEmpty(ctx context.Context, wh *warehouse.DB, logger *slog.Logger) error {
	t, err := wh.Query(ctx, "overview_totals", warehouse.Filter{})
	if err != nil {
		return err
	}
	if len(t.Rows) == 1 && fmt.Sprint(t.Rows[0][0]) != "0" {
		logger.Info("warehouse has reports; demo data not loaded", "reports", t.Rows[0][0])
		return nil
	}
	// The divisions are an embedded build asset; its error says how to get it.
	if _, err := region.Load(); err != nil {
		return err
	}
	start := time.Now()
	n, err := demo.LoadGenerated(ctx, wh, demo.DefaultSeed, demo.DefaultAgencies)
	if err != nil {
		return fmt.Errorf("载入演示数据失败：%w", err)
	}
	logger.Info("demo data loaded", "reports", n, "took", time.Since(start).Round(time.Millisecond))
	return nil
}

// demoUser is the administrator `serve --demo` provides, so that a newcomer
// can try uploads and SQL.
const demoUser = "demo"

// demoAdmin creates the administrator demo, or gives it a new password, and
// logs the password: it exists only in this log line and the bcrypt hash.
func demoAdmin(ctx context.Context, wh *warehouse.DB, logger *slog.Logger) error {
	password := warehouse.NewPassword()
	by := warehouse.Actor{Name: "serve --demo", Remote: "local"}
	_, err := wh.CreateUser(ctx, by, warehouse.NewUser{Name: demoUser, Role: warehouse.RoleAdmin, Password: password})
	if gongkai.ErrorCode(err) == gongkai.CodeConflict {
		err = wh.SetPassword(ctx, by, demoUser, password)
	}
	if err != nil {
		return fmt.Errorf("创建演示管理员失败：%w", err)
	}
	logger.Info("demo administrator (log in at /login)", "user", demoUser, "password", password)
	return nil
}
