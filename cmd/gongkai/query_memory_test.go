//go:build linux

package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// TestQueryMemoryCap runs TestServeMemoryCap's growing statement (a 10 kB
// string concatenated with itself tenfold through four subqueries, 100 MB a
// row over 40 rows, ~4 GB) through `gongkai query --process-memory 1GB` in
// a process of its own. It must fail with the message that names the cap
// (exit 1), with the process's peak resident memory near the cap. The
// command had no cap (review s38): the statement grew the process to the
// machine's memory, where the kernel's out-of-memory killer ends it or
// another process; here the test's own safety limit on the child (3 GB,
// cappedSafety) stops it first, with another message, and the old command
// refused the flag (exit 2).
func TestQueryMemoryCap(t *testing.T) {
	db := demoWarehouse(t)
	ten := "s||s||s||s||s||s||s||s||s||s"
	hog := "WITH a AS (SELECT repeat('x', 10000) || range::VARCHAR s FROM range(40)), b AS (SELECT " + ten + " s FROM a), " +
		"c AS (SELECT " + ten + " s FROM b), d AS (SELECT " + ten + " s FROM c), e AS (SELECT " + ten + " s FROM d) SELECT sum(length(s)) AS n FROM e"
	args := []string{"query", "--db", db, "--memory-limit", "256MB", "--process-memory", "1GB", "--timeout", "4m", hog}
	cmd := exec.Command(os.Args[0], "-test.run=^TestScaleChild$", "-test.count=1", "-test.timeout=0", "-test.v")
	cmd.Env = append(os.Environ(), "GONGKAI_SCALE_CHILD="+strings.Join(args, "\x1f"))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if err := unix.Prlimit(cmd.Process.Pid, unix.RLIMIT_DATA, &unix.Rlimit{Cur: cappedSafety, Max: cappedSafety}, nil); err != nil {
		cmd.Process.Kill()
		t.Fatal(err)
	}
	err := cmd.Wait()
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if err == nil || !strings.Contains(out.String(), "内存达到上限（1.0GB）") {
		t.Errorf("the growing statement through `gongkai query --process-memory 1GB`: %v, want refused at the cap of 1.0GB:\n%.2000s", err, out.String())
	}
	if ru != nil {
		peak := ru.Maxrss << 10
		t.Logf("the query's peak resident memory %d MB; its output:\n%.600s", peak>>20, out.String())
		if peak > 1536<<20 {
			t.Errorf("the query's peak resident memory is %d MB; the cap is 1 GB", peak>>20)
		}
	}
}
