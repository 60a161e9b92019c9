//go:build linux

package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/sys/unix"

	"gongkai"
)

// shortReadChild marks the child process a short-read test runs its body
// in: the body caps the process's data segment, which no other test may
// share.
const shortReadChild = "GONGKAI_SHORT_READ_CHILD"

// inChild runs the test named name in a child process of the test binary
// and fails t when the child fails; it returns true in the child, where the
// caller runs the body.
func inChild(t *testing.T, name string) bool {
	if os.Getenv(shortReadChild) != "" {
		return true
	}
	cmd := exec.Command(os.Args[0], "-test.run", "^"+name+"$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), shortReadChild+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: "+name) {
		t.Fatalf("child: %v\n%s", err, out)
	}
	t.Logf("child:\n%s", out)
	return false
}

// vmData is the process's data segment (VmData), which RLIMIT_DATA caps.
func vmData(t *testing.T) uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) == 3 && f[0] == "VmData:" {
			n, err := strconv.ParseUint(f[1], 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return n << 10
		}
	}
	t.Fatal("no VmData in /proc/self/status")
	return 0
}

// capData caps the process's data segment at what it holds now plus
// headroom, as serve's --process-memory does at its cap; the returned
// function lifts it.
func capData(t *testing.T, headroom uint64) func() {
	var old unix.Rlimit
	if err := unix.Getrlimit(unix.RLIMIT_DATA, &old); err != nil {
		t.Fatal(err)
	}
	lim := old
	lim.Cur = vmData(t) + headroom
	if err := unix.Setrlimit(unix.RLIMIT_DATA, &lim); err != nil {
		t.Fatal(err)
	}
	return func() { unix.Setrlimit(unix.RLIMIT_DATA, &old) }
}

// bigSecondChunk is 4,096 rows: a chunk of 2,048 one-letter rows, then
// 2,048 rows of one 40 kB string. DuckDB computes the string once and
// copies it into the result per row (80 MB); fetching the second chunk
// copies it again, which a process capped 16 MB above its data cannot.
const bigSecondChunk = "SELECT CASE WHEN i < 2048 THEN 'a' ELSE s END AS v FROM (SELECT repeat('x', 40000) AS s) CROSS JOIN range(4096) t(i)"

// readCapped reads bigSecondChunk through db: ten rows, then the rest
// with the process's data capped. It returns the rows read and the error.
func readCapped(t *testing.T, db *sql.DB) (int, error) {
	rows, err := db.QueryContext(context.Background(), bigSecondChunk)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for n < 10 && rows.Next() {
		n++
	}
	lift := capData(t, 16<<20)
	for rows.Next() {
		n++
	}
	err = rows.Err()
	lift()
	return n, err
}

// TestShortReadDuckDBAlone is the hazard fullread.go guards against: a
// chunk's fetch failed the way serve's cap failed it in TestServeMemoryCap
// (an allocation refused at the process's data limit), and duckdb-go alone
// reads the result's end there: 2,048 rows of 4,096, and no error with
// duckdb-go v2.10506.0. It fails when the cap no longer fails the fetch
// (then TestFullReadsShortResult shows nothing).
func TestShortReadDuckDBAlone(t *testing.T) {
	if !inChild(t, "TestShortReadDuckDBAlone") {
		return
	}
	raw, err := sql.Open("duckdb", "?threads=1")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	n, err := readCapped(t, raw)
	t.Logf("duckdb-go alone: %d rows of 4096, error %v", n, err)
	if n >= 4096 {
		t.Fatalf("duckdb-go alone read all %d rows under the cap: the fetch did not fail", n)
	}
}

// TestFullReadsShortResult fails the second chunk's fetch as
// TestShortReadDuckDBAlone does (in a process of its own: memory another
// result freed would serve the fetch) through the warehouse's connections:
// they answer an error with the counts, and the same statement uncapped
// reads all its rows. It fails on 2bdb3e5 (the warehouse read 2,048 rows
// of 4,096, no error).
func TestFullReadsShortResult(t *testing.T) {
	if !inChild(t, "TestFullReadsShortResult") {
		return
	}
	db, err := OpenWith(context.Background(), filepath.Join(t.TempDir(), "w.duckdb"), Options{Threads: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	n, err := readCapped(t, db.db)
	t.Logf("the warehouse: %d rows of 4096, error %v", n, err)
	var ge *gongkai.Error
	if !errors.As(err, &ge) || ge.Code != gongkai.CodeBusy || !strings.Contains(ge.Message, "查询结果读取不完整") ||
		!strings.Contains(err.Error(), "read 2048 of the result's 4096 rows") {
		t.Errorf("the warehouse read %d rows of 4096 under the cap, error %v; want a *gongkai.Error (busy) naming the counts", n, err)
	}
	rows, err := db.db.Query(bigSecondChunk)
	if err != nil {
		t.Fatal(err)
	}
	n = 0
	for rows.Next() {
		n++
	}
	if err := rows.Err(); err != nil || n != 4096 {
		t.Errorf("uncapped: %d rows of 4096, error %v", n, err)
	}
	rows.Close()
}
