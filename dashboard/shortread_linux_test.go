//go:build linux

package dashboard

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/sys/unix"

	"gongkai/warehouse"
)

// TestSQLShortResultIsAnError asks the SQL sandbox, through the router,
// for 2,048 rows of one 100 kB string (DuckDB computes it once and copies
// it into the result, 200 MB) with the process's data capped 300 MB above
// what it holds: the statement runs, and the fetch of its chunk, which
// copies the strings again, is refused, as serve's cap refused it in
// TestServeMemoryCap. The answer is an error naming the incomplete read,
// never 200 with the rows that were read; on 2bdb3e5 it was 200 with no
// rows. It runs in a process of its own (the cap is the process's, and
// memory another test freed would serve the fetch).
func TestSQLShortResultIsAnError(t *testing.T) {
	const name = "TestSQLShortResultIsAnError"
	if os.Getenv("GONGKAI_SHORT_READ_CHILD") == "" {
		cmd := exec.Command(os.Args[0], "-test.run", "^"+name+"$", "-test.v", "-test.count=1")
		cmd.Env = append(os.Environ(), "GONGKAI_SHORT_READ_CHILD=1")
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "--- PASS: "+name) {
			t.Fatalf("child: %v\n%s", err, out)
		}
		t.Logf("child:\n%s", out)
		return
	}
	db, err := warehouse.OpenWith(context.Background(), filepath.Join(t.TempDir(), "w.duckdb"),
		warehouse.Options{Threads: 1, SandboxBytes: 1 << 30})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	h := asAdmin(t, db, New(db, testLogger(t), Options{}))
	// The sandbox allows repeat up to 10,000: ten copies make 100 kB.
	q := "SELECT s AS v FROM (SELECT a||a||a||a||a||a||a||a||a||a AS s FROM (SELECT repeat('x', 10000) AS a)) CROSS JOIN range(2048)"
	req := httptest.NewRequest(http.MethodPost, "/api/sql", strings.NewReader(`{"sql": "`+q+`"}`))
	req.Header.Set("Content-Type", "application/json")

	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	var data uint64
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) == 3 && f[0] == "VmData:" {
			n, _ := strconv.ParseUint(f[1], 10, 64)
			data = n << 10
		}
	}
	var old unix.Rlimit
	if data == 0 || unix.Getrlimit(unix.RLIMIT_DATA, &old) != nil {
		t.Fatal("no data segment size or limit")
	}
	lim := old
	lim.Cur = data + 300<<20
	if err := unix.Setrlimit(unix.RLIMIT_DATA, &lim); err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	unix.Setrlimit(unix.RLIMIT_DATA, &old)
	body := rec.Body.String()
	t.Logf("capped: %d %.300s", rec.Code, body)
	if rec.Code == http.StatusOK || !strings.Contains(body, "查询结果读取不完整") {
		t.Errorf("a result whose fetch failed: %d %.300s; want an error saying the read was incomplete", rec.Code, body)
	}
}
