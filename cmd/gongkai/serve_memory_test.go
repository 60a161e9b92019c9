//go:build linux

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestServeMemoryCap runs an analyst's SELECT whose strings grow past
// DuckDB's memory_limit (a 10 kB string concatenated with itself tenfold
// through four subqueries, 100 MB a row, over 40 rows: nothing the sandbox's
// checks look at) against `gongkai serve --process-memory 1GB` in a process
// of its own. The statement must fail with a message that names the
// process's cap, not DuckDB's limit, while the server's resident memory
// stays near the cap, and the server must answer afterwards: its mapped
// data must fall back under 900 MB, and it must answer 40 statements
// and 40 named queries (before keepCapUsable it stayed at the cap and died
// of the next requests' threads or heap). Without the cap the statement takes ~4 GB (the
// test's own safety limit on the child, 3 GB, stops it there, so a server
// without the cap fails on its peak instead of taking the machine).
func TestServeMemoryCap(t *testing.T) {
	// The statement's time is four minutes, not the default ten seconds: on
	// a starved machine (load 16) the timeout came first at 669 MB, and the
	// test is about the cap. Nothing but the cap stops it sooner.
	srv := startCappedServe(t, 2*time.Minute, "--memory-limit", "256MB", "--process-memory", "1GB", "--sql-timeout", "4m")
	base, token, cmd, stderr := srv.base, srv.token, srv.cmd, srv.stderr

	sql := func(q string) (int, string) {
		req, _ := http.NewRequest("POST", base+"/api/sql", strings.NewReader(fmt.Sprintf(`{"sql": %q}`, q)))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("%s: %v (the server is gone?)\n%.3000s", q, err, stderr.String())
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	get := func(url string) (int, string) {
		req, _ := http.NewRequest("GET", url, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("%s: %v (the server is gone?)\n%.3000s", url, err, stderr.String())
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	// (Measured: strings doubled through 13 subqueries, or concat() of 100
	// copies, are refused by DuckDB's own limit at the same size; tenfold
	// chains of || are not.)
	// A capped server's results are capped with it (sandboxResultBytes: 8
	// MB at 1 GB): the Go heap holds and encodes them, and never hands the
	// address space back (55 MB results beside a growing statement ended
	// the server or left it refusing every page: TestServeMemorySoak
	// -serve-soak-big). 11 MB of text: refused; 64 MiB was the cap before.
	// Asked before the growing statement too, where it tests the cap
	// alone: after it DuckDB may still hold its budget (see below).
	eleven := "SELECT repeat('y', 5500) || range::VARCHAR AS s FROM range(2000)"
	if status, body := sql(eleven); status != 400 || !strings.Contains(body, "查询结果超过 8 MB") {
		t.Errorf("an 11 MB result from a server capped at 1 GB: %d %.200s, want refused at 8 MB", status, body)
	}
	ten := "s||s||s||s||s||s||s||s||s||s"
	hog := "WITH a AS (SELECT repeat('x', 10000) || range::VARCHAR s FROM range(40)), b AS (SELECT " + ten + " s FROM a), " +
		"c AS (SELECT " + ten + " s FROM b), d AS (SELECT " + ten + " s FROM c), e AS (SELECT " + ten + " s FROM d) SELECT sum(length(s)) AS n FROM e"
	// The server's data while the statement runs, sampled every 2 ms: the
	// statement must fail at DuckDB's budget (duckbudget_linux.go), an
	// eighth of the cap (128 MB) below it, so that the rest of the process
	// can still allocate; before the budget it failed at the cap itself
	// (1,02x MB sampled), where the Go runtime's own allocations fail too.
	stopSampling := make(chan struct{})
	sampled := make(chan int64)
	go func() {
		var most int64
		for {
			select {
			case <-stopSampling:
				sampled <- most
				return
			case <-time.After(2 * time.Millisecond):
			}
			// Not childStatus: its t.Fatal belongs to the test's goroutine.
			if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", cmd.Process.Pid)); err == nil {
				if m := regexp.MustCompile(`VmData:\s+(\d+) kB`).FindSubmatch(b); m != nil {
					var kb int64
					fmt.Sscan(string(m[1]), &kb)
					most = max(most, kb<<10)
				}
			}
		}
	}()
	status, body := sql(hog)
	close(stopSampling)
	if most := <-sampled; most > 1024<<20-64<<20 {
		t.Errorf("the server's data reached %d MB while the statement ran: within 64 MB of its 1 GB cap", most>>20)
	} else {
		t.Logf("the server's data reached %d MB while the statement ran", most>>20)
	}
	var answer struct {
		Error string `json:"error"`
	}
	json.Unmarshal([]byte(body), &answer)
	if status < 400 || !strings.Contains(answer.Error, "服务器进程的内存达到上限（1.0GB）") {
		t.Errorf("the growing statement: %d %.300s, want refused at the process's cap of 1.0GB", status, body)
	}
	peak := childStatus(t, cmd.Process.Pid, "VmHWM")
	t.Logf("the growing statement: %d %.200s; the server's peak resident memory %d MB", status, body, peak>>20)
	if peak > 1536<<20 {
		t.Errorf("the server's peak resident memory is %d MB; the cap is 1 GB", peak>>20)
	}
	// The statement's memory must go back: RLIMIT_DATA counts what is
	// mapped, and DuckDB's allocator kept it mapped by default, so the
	// server stayed at its cap (1.03 GB) and died on the next requests that
	// needed a thread or heap ("pthread_create failed").
	// jemalloc hands memory back as it works, so the wait asks a little of
	// the server meanwhile, as its users would. About one statement in
	// twenty still left ~0.4 GB mapped for longer than the wait (a residual
	// not understood: see keepCapUsable), so the statement is run up to
	// three times; without keepCapUsable the data stayed at the cap after
	// every one. (Measured: 500-760 MB with keepCapUsable, 1012 MB without.)
	var data int64
	for try := 0; try < 3; try++ {
		if try > 0 {
			sql(hog)
		}
		for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(100 * time.Millisecond) {
			if data = childStatus(t, cmd.Process.Pid, "VmData"); data < 900<<20 || time.Now().After(deadline) {
				break
			}
			sql("SELECT 1 AS n")
		}
		t.Logf("after the growing statement (%d) the server's data is %d MB", try+1, data>>20)
		if data < 900<<20 {
			break
		}
	}
	if data >= 900<<20 {
		t.Errorf("after the growing statement the server's data stays at %d MB of its 1 GB cap", data>>20)
	}
	// The 11 MB result again, after the growing statement: DuckDB may
	// still hold its budget, and then the result fails in DuckDB, or its
	// chunk's fetch fails at the cap, which duckdb-go read as the end (200
	// with no rows, 1 run in 5 before warehouse/fullread.go). Refused at 8
	// MB, or an error that says memory stopped it; never an answer.
	if status, body := sql(eleven); status == 200 || !strings.Contains(body, "查询结果超过 8 MB") &&
		!strings.Contains(body, "内存") && !strings.Contains(body, "查询结果读取不完整") {
		t.Errorf("an 11 MB result after the growing statement: %d %.200s, want refused at 8 MB or stopped by memory", status, body)
	} else {
		t.Logf("the 11 MB result after the growing statement: %d %.200s", status, body)
	}
	for i := range 40 {
		q := "SELECT 40 + 2 AS n"
		if i%2 == 1 {
			q = fmt.Sprintf("SELECT count(*) + 42 AS n FROM range(%d)", 1000*i)
		}
		if status, body := sql(q); status != 200 || !strings.Contains(body, "42") && i%2 == 0 {
			t.Fatalf("request %d after the growing statement: %d %.300s\n%.3000s", i, status, body, stderr.String())
		}
		status, body := get(base + "/api/queries/overview_trend")
		if status != 200 {
			t.Fatalf("page %d after the growing statement: %d %.300s\n%.3000s", i, status, body, stderr.String())
		}
	}
	cmd.Process.Signal(os.Interrupt)
	if err := <-srv.exited; err != nil {
		t.Errorf("serve: %v\n%.3000s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "process memory capped") {
		t.Errorf("the cap is not logged:\n%.3000s", stderr.String())
	}
}

// childStatus is a figure of process pid's /proc status in bytes ("VmHWM").
func childStatus(t *testing.T, pid int, field string) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		var kb int64
		if f := strings.Fields(l); len(f) >= 2 && f[0] == field+":" {
			fmt.Sscan(f[1], &kb)
			return kb << 10
		}
	}
	t.Fatalf("no %s in /proc/%d/status", field, pid)
	return 0
}

func TestParseBytes(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want uint64
		ok   bool
	}{{"8GB", 8 << 30, true}, {"512MB", 512 << 20, true}, {"1.5gb", 3 << 29, true}, {" 2 GiB ", 2 << 30, true},
		{"1048576", 1 << 20, true}, {"0", 0, true}, {"-1GB", 0, false}, {"GB", 0, false}, {"lots", 0, false}} {
		got, err := parseBytes(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseBytes(%q) = %d, %v; want %d (ok %v)", tt.in, got, err, tt.want, tt.ok)
		}
	}
}
