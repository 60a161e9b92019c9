//go:build linux

package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
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
	dir := t.TempDir()
	db := filepath.Join(dir, "w.duckdb")
	if _, errs, code := runCmd(t, "analyst-password-1\n", "user", "add", "an", "--role", "analyst", "--password-stdin", "--db", db); code != 0 {
		t.Fatalf("user add: %s", errs)
	}
	out, errs, code := runCmd(t, "", "token", "create", "an", "--db", db)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) == 0 {
		t.Fatalf("token create: exit %d %s", code, errs)
	}
	token := strings.TrimSpace(lines[len(lines)-1])
	const capBytes = 1 << 30
	args := []string{"serve", "--db", db, "--addr", "127.0.0.1:0", "--demo", "--memory-limit", "256MB", "--process-memory", "1GB", "--sql-timeout", "4m"}
	cmd := exec.Command(os.Args[0], "-test.run=^TestScaleChild$", "-test.count=1", "-test.timeout=0")
	cmd.Env = append(os.Environ(), "GONGKAI_SCALE_CHILD="+strings.Join(args, "\x1f"))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr syncBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	const safety = 3 << 30
	if err := unix.Prlimit(cmd.Process.Pid, unix.RLIMIT_DATA, &unix.Rlimit{Cur: safety, Max: safety}, nil); err != nil {
		t.Fatal(err)
	}
	addr := make(chan string, 1)
	exited := make(chan error, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := regexp.MustCompile(`http://127\.0\.0\.1:\d+`).FindString(sc.Text()); m != "" {
				select {
				case addr <- m:
				default:
				}
			}
		}
		exited <- cmd.Wait()
	}()
	var base string
	select {
	case base = <-addr:
	case err := <-exited:
		t.Fatalf("serve exited: %v %s", err, stderr.String())
	case <-time.After(3 * time.Minute):
		t.Fatalf("serve did not listen: %s", stderr.String())
	}
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
				status, _, err := do(req)
				key := fmt.Sprintf("big: %d", status)
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
				status, _, err := do(req)
				switch {
				case err != nil:
					dead.Store(true)
				case status == 200:
					pagesOK.Add(1)
				default:
					pagesFailed.Add(1)
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
	cmd.Process.Signal(os.Interrupt)
	select {
	case <-exited:
	case <-time.After(30 * time.Second):
	}
	if m := regexp.MustCompile(`msg="DuckDB's allocator" .*`).FindString(stderr.String()); m != "" {
		t.Logf("%s", m)
	}
}

// soakTail is the end of a server's log, without the request lines.
func soakTail(s string) string {
	var keep []string
	for _, l := range strings.Split(s, "\n") {
		if !strings.Contains(l, "msg=request") {
			keep = append(keep, l)
		}
	}
	if len(keep) > 30 {
		keep = keep[len(keep)-30:]
	}
	return strings.Join(keep, "\n")
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
