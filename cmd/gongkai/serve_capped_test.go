//go:build linux

package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// cappedServe is a `gongkai serve` in a process of its own (TestScaleChild)
// with an analyst's token, started by startCappedServe for the tests of
// the server's memory cap (serve_memory_test.go, serve_soak_test.go).
type cappedServe struct {
	base, token string
	cmd         *exec.Cmd
	stderr      *syncBuffer
	// exited receives cmd.Wait's error once the process has ended and its
	// output is read; read it instead of calling cmd.Wait.
	exited chan error
}

// cappedSafety is the test's own limit on the child's data (RLIMIT_DATA):
// a server whose cap does not hold fails there instead of taking the
// machine.
const cappedSafety = 3 << 30

// startCappedServe adds an analyst to a new warehouse in a temporary
// folder, makes a token for them, and starts `gongkai serve --db that
// --addr 127.0.0.1:0` with args after, under cappedSafety; it returns once
// the server listens (waiting at most wait) and kills it when the test
// ends.
func startCappedServe(t *testing.T, wait time.Duration, args ...string) *cappedServe {
	t.Helper()
	db := filepath.Join(t.TempDir(), "w.duckdb")
	if _, errs, code := runCmd(t, "analyst-password-1\n", "user", "add", "an", "--role", "analyst", "--password-stdin", "--db", db); code != 0 {
		t.Fatalf("user add: %s", errs)
	}
	out, errs, code := runCmd(t, "", "token", "create", "an", "--db", db)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) == 0 {
		t.Fatalf("token create: exit %d %s", code, errs)
	}
	s := &cappedServe{token: strings.TrimSpace(lines[len(lines)-1]), stderr: &syncBuffer{}, exited: make(chan error, 1)}
	all := append([]string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, args...)
	s.cmd = exec.Command(os.Args[0], "-test.run=^TestScaleChild$", "-test.count=1", "-test.timeout=0")
	s.cmd.Env = append(os.Environ(), "GONGKAI_SCALE_CHILD="+strings.Join(all, "\x1f"))
	stdout, err := s.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	s.cmd.Stderr = s.stderr
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.cmd.Process.Kill() })
	if err := unix.Prlimit(s.cmd.Process.Pid, unix.RLIMIT_DATA, &unix.Rlimit{Cur: cappedSafety, Max: cappedSafety}, nil); err != nil {
		t.Fatal(err)
	}
	addr := make(chan string, 1)
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
		s.exited <- s.cmd.Wait()
	}()
	select {
	case s.base = <-addr:
	case err := <-s.exited:
		t.Fatalf("serve exited: %v %s", err, s.stderr.String())
	case <-time.After(wait):
		t.Fatalf("serve did not listen: %s", s.stderr.String())
	}
	return s
}

func TestSandboxResultBytes(t *testing.T) {
	for _, tt := range []struct {
		capBytes uint64
		slots    int
		want     int64
	}{{1 << 30, 2, 8 << 20}, {4 << 30, 2, 32 << 20}, {16 << 30, 2, 64 << 20}, {256 << 20, 2, 4 << 20}, {1 << 30, 4, 4 << 20}, {8 << 30, 0, 64 << 20}} {
		if got := sandboxResultBytes(tt.capBytes, tt.slots); got != tt.want {
			t.Errorf("sandboxResultBytes(%d MB, %d) = %d MB, want %d MB", tt.capBytes>>20, tt.slots, got>>20, tt.want>>20)
		}
	}
}
