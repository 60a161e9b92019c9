//go:build linux

package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

var (
	serveSoak      = flag.Duration("serve-soak", 0, "bench: TestServeMemorySoak runs analysts' growing statements against `serve --process-memory 1GB` this long, with page clients, and says whether the server lived; 0 skips")
	serveSoakPages = flag.Int("serve-soak-pages", 2, "bench: -serve-soak's page clients")
	serveSoakBig   = flag.Bool("serve-soak-big", false, "bench: -serve-soak also runs, beside the growing statements, statements whose results are large (~55 MB of text, under the sandbox's 64 MB), so that the Go heap grows while DuckDB's memory is at its peak")
	serveSoakHogs  = flag.String("serve-soak-hogs", "concat", "bench: -serve-soak's statements, comma-separated, in turn: concat (|| tenfold through subqueries), agg (string_agg of long strings), list (lists of long strings)")
)

// soakHogs are analysts' statements that build more than DuckDB's
// memory_limit counts, each past a 1 GB cap.
var soakHogs = map[string]string{
	"concat": func() string {
		ten := "s||s||s||s||s||s||s||s||s||s"
		return "WITH a AS (SELECT repeat('x', 10000) || range::VARCHAR s FROM range(40)), b AS (SELECT " + ten + " s FROM a), " +
			"c AS (SELECT " + ten + " s FROM b), d AS (SELECT " + ten + " s FROM c), e AS (SELECT " + ten + " s FROM d) SELECT sum(length(s)) AS n FROM e"
	}(),
	"agg": "WITH a AS (SELECT repeat('x', 10000) || range::VARCHAR s FROM range(40)), b AS (SELECT s||s||s||s||s||s||s||s||s||s s FROM a), " +
		"c AS (SELECT s||s||s||s||s||s||s||s||s||s s FROM b) SELECT length(string_agg(s, ',')) AS n FROM c, range(20) r(i)",
	"list": "WITH a AS (SELECT repeat('x', 10000) || range::VARCHAR s FROM range(40)), b AS (SELECT s||s||s||s||s||s||s||s||s||s s FROM a), " +
		"c AS (SELECT s||s||s||s||s||s||s||s||s||s s FROM b) SELECT sum(len(l)) AS n FROM (SELECT list(s) l FROM c, range(30) r(i) GROUP BY i)",
}

// TestServeMemorySoak is the reproducer of review s34's HIGH: analysts'
// statements that grow past the process's cap, one after another, while
// page clients read the dashboard, against `serve --demo --process-memory
// 1GB`. It reports how many statements ran and how they ended, the pages
// served and failed, the most data the server held (sampled every 2 ms)
// and whether it lived; it fails when the server died.
func TestServeMemorySoak(t *testing.T) {
	if *serveSoak <= 0 {
		t.Skip("-serve-soak not given")
	}
	const capBytes = 1 << 30
	srv := startCappedServe(t, 3*time.Minute, "--demo", "--memory-limit", "256MB", "--process-memory", "1GB", "--sql-timeout", "4m")
	base, token, cmd, stderr, exited := srv.base, srv.token, srv.cmd, srv.stderr, srv.exited
	pid := cmd.Process.Pid
	cpu0 := soakCPU(pid)

	var dead, hung atomic.Bool
	// A page waits at most a minute and a statement five: past that the
	// server is stuck, not dead, and its goroutines are dumped (SIGQUIT).
	pageClient := &http.Client{Timeout: time.Minute}
	sqlClient := &http.Client{Timeout: 5 * time.Minute}
	do := func(req *http.Request) (int, string, error) {
		req.Header.Set("Authorization", "Bearer "+token)
		client := pageClient
		if req.Method == "POST" {
			client = sqlClient
		}
		resp, err := client.Do(req)
		if err != nil && os.IsTimeout(err) {
			hung.Store(true)
		}
		if err != nil {
			return 0, "", err
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b), nil
	}
	deadline := time.Now().Add(*serveSoak)
	var wg sync.WaitGroup
	var mu sync.Mutex
	outcomes := map[string]int{}
	var pagesOK, pagesFailed atomic.Int64
	var maxData atomic.Int64
	wg.Add(1)
	go func() {
		defer wg.Done()
		hogs := strings.Split(*serveSoakHogs, ",")
		for i := 0; time.Now().Before(deadline) && !dead.Load(); i++ {
			q := soakHogs[hogs[i%len(hogs)]]
			req, _ := http.NewRequest("POST", base+"/api/sql", strings.NewReader(fmt.Sprintf(`{"sql": %q}`, q)))
			req.Header.Set("Content-Type", "application/json")
			status, body, err := do(req)
			key := ""
			if err != nil {
				dead.Store(true)
				key = "no answer"
			} else {
				var a struct {
					Error string `json:"error"`
				}
				json.Unmarshal([]byte(body), &a)
				key = fmt.Sprintf("%d %.60s", status, a.Error)
			}
			mu.Lock()
			outcomes[hogs[i%len(hogs)]+": "+key]++
			mu.Unlock()
		}
	}()
	if *serveSoakBig {
		// ~5.5 kB a row, 10,000 rows: the Go side reads and encodes ~55 MB
		// (and more as JSON) while the other statement holds DuckDB's peak.
		big := "SELECT repeat('y', 5500) || range::VARCHAR AS s FROM range(10000)"
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) && !dead.Load() {
				req, _ := http.NewRequest("POST", base+"/api/sql", strings.NewReader(fmt.Sprintf(`{"sql": %q}`, big)))
				req.Header.Set("Content-Type", "application/json")
				status, body, err := do(req)
				key := fmt.Sprintf("big: %d", status)
				if status != 200 {
					var a struct {
						Error string `json:"error"`
					}
					json.Unmarshal([]byte(body), &a)
					key = fmt.Sprintf("big: %d %.60s", status, a.Error)
				}
				if err != nil {
					dead.Store(true)
					key = "big: no answer"
				}
				mu.Lock()
				outcomes[key]++
				mu.Unlock()
			}
		}()
	}
	pages := []string{"/api/queries/overview_trend", "/", "/agencies", "/quality", "/api/queries/overview_totals"}
	for c := range *serveSoakPages {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := c; time.Now().Before(deadline) && !dead.Load(); i++ {
				req, _ := http.NewRequest("GET", base+pages[i%len(pages)], nil)
				status, body, err := do(req)
				switch {
				case err != nil:
					dead.Store(true)
				case status == 200:
					pagesOK.Add(1)
				default:
					pagesFailed.Add(1)
					// What the page said, so that a run tells a page
					// refused at DuckDB's budget from one that failed
					// otherwise.
					var a struct {
						Error string `json:"error"`
					}
					json.Unmarshal([]byte(body), &a)
					if a.Error == "" {
						a.Error = regexp.MustCompile(`\s+`).ReplaceAllString(body, " ")
					}
					mu.Lock()
					outcomes[fmt.Sprintf("page %d %.60s", status, a.Error)]++
					mu.Unlock()
				}
			}
		}()
	}
	stop := make(chan struct{})
	go func() {
		for {
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
			}
			b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
			if err != nil {
				return
			}
			for _, l := range strings.Split(string(b), "\n") {
				var kb int64
				if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmData:" {
					fmt.Sscan(f[1], &kb)
					if kb<<10 > maxData.Load() {
						maxData.Store(kb << 10)
					}
				}
			}
		}
	}()
	wg.Wait()
	close(stop)
	cpu := soakCPU(pid) - cpu0
	mu.Lock()
	for k, n := range outcomes {
		t.Logf("statement %s: %d", k, n)
	}
	mu.Unlock()
	// The server's own account of its failures: the error of each request
	// it logged at level ERROR (status 500 and up), counted by its first
	// words, so that a page refused at DuckDB's budget is told from one
	// that failed otherwise.
	failures := map[string]int{}
	for _, l := range strings.Split(stderr.String(), "\n") {
		if !strings.Contains(l, "level=ERROR") || !strings.Contains(l, "msg=request") {
			continue
		}
		if m := regexp.MustCompile(`error="((?:[^"\\]|\\.){0,90})`).FindStringSubmatch(l); m != nil {
			path := regexp.MustCompile(`uri=(\S+)`).FindStringSubmatch(l)
			if path == nil {
				path = []string{"", "?"}
			}
			failures[strings.SplitN(path[1], "?", 2)[0]+" "+m[1]]++
		}
	}
	for k, n := range failures {
		t.Logf("server error %s: %d", k, n)
	}
	t.Logf("pages: %d answered, %d failed; the server's most data %d MB of its %d MB cap; its CPU %.1f s", pagesOK.Load(), pagesFailed.Load(),
		maxData.Load()>>20, capBytes>>20, cpu.Seconds())
	if hung.Load() {
		cmd.Process.Signal(unix.SIGQUIT)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
		}
		dump := filepath.Join(os.TempDir(), fmt.Sprintf("serve-soak-%d.log", pid))
		os.WriteFile(dump, []byte(stderr.String()), 0o644)
		t.Fatalf("SOAK HUNG: a request had no answer in its time; the server's log and goroutines in %s\n%s", dump, soakTail(stderr.String()))
	}
	if dead.Load() {
		select {
		case err := <-exited:
			t.Fatalf("SOAK DIED: serve exited: %v\n%s", err, soakTail(stderr.String()))
		case <-time.After(5 * time.Second):
			t.Fatalf("SOAK DIED: serve does not answer\n%s", soakTail(stderr.String()))
		}
	}
	t.Logf("SOAK LIVED")
	// Alive is not enough: once the load stops, the server must answer its
	// pages again. A server whose Go heap grew while DuckDB held its budget
	// keeps that heap mapped (the Go runtime never unmaps it, and the cap
	// counts what is mapped), so DuckDB's budget, the cap less the reserve
	// less the rest of the process, can stay too small for any page: alive
	// and refusing everything. Quiet for longer than the budget's update
	// and jemalloc's decay, then twenty pages in turn.
	time.Sleep(3 * time.Second)
	failed := 0
	var last string
	for i := range 20 {
		req, _ := http.NewRequest("GET", base+pages[i%len(pages)], nil)
		status, body, err := do(req)
		if err != nil || status != 200 {
			failed++
			last = fmt.Sprintf("%s: %d %v %.200s", pages[i%len(pages)], status, err, body)
		}
	}
	t.Logf("after the load: %d of 20 pages failed; the server's data %d MB", failed, soakData(pid)>>20)
	cmd.Process.Signal(os.Interrupt)
	select {
	case <-exited:
	case <-time.After(30 * time.Second):
	}
	if m := regexp.MustCompile(`msg="DuckDB's allocator" .*`).FindString(stderr.String()); m != "" {
		t.Logf("%s", m)
	}
	if failed > 0 {
		t.Errorf("SOAK WEDGED: the load over, %d of 20 pages still failed; the last: %s", failed, last)
	}
}

// soakTail is the end of a server's log, without the request lines, after
// the Go runtime's own last words (fatal error, runtime: ...), which a
// goroutine dump would push out of the tail.
func soakTail(s string) string {
	var keep, fatal []string
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "fatal error") || strings.HasPrefix(l, "runtime: ") || strings.HasPrefix(l, "panic: ") {
			fatal = append(fatal, l)
		}
		if !strings.Contains(l, "msg=request") {
			keep = append(keep, l)
		}
	}
	if len(keep) > 30 {
		keep = keep[len(keep)-30:]
	}
	if len(fatal) > 10 {
		fatal = fatal[:10]
	}
	return strings.Join(append(fatal, keep...), "\n")
}

// soakData is process pid's data (VmData) in bytes, 0 when unknown.
func soakData(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	if m := regexp.MustCompile(`VmData:\s+(\d+) kB`).FindSubmatch(b); m != nil {
		var kb int64
		fmt.Sscan(string(m[1]), &kb)
		return kb << 10
	}
	return 0
}

// soakCPU is process pid's CPU time so far, user and system.
func soakCPU(pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
	if len(f) < 13 {
		return 0
	}
	var u, k int64
	fmt.Sscan(f[11], &u)
	fmt.Sscan(f[12], &k)
	return time.Duration(u+k) * 10 * time.Millisecond
}
