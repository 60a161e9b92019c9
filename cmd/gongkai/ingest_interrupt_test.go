//go:build linux

package main

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestIngestInterrupted holds `gongkai ingest` to Ctrl-C while a reader does
// not return: the second of two sources is a named pipe that nobody writes,
// so its read blocks for good (as a reader that does not look at the
// context keeps a long file). Once the context is done, ingest must return
// the interruption's message, with the first file, already loaded, kept and
// nothing else stored. Before, it waited for every parser, so the command
// never ended, and signal.NotifyContext swallowed every further Ctrl-C.
func TestIngestInterrupted(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "w.duckdb")
	good := writeWorkbooks(t, dir, demoReports(t, 1))[0]
	pipe := filepath.Join(dir, "stuck.xlsx")
	if err := unix.Mkfifo(pipe, 0o644); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errs syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"ingest", "--db", db, good, pipe}, func(string) string { return "" },
			strings.NewReader(""), &out, &errs)
	}()

	// Wait until ingest has printed the first file as loaded and a parser
	// holds the pipe open: opening its write end without blocking succeeds
	// only once a reader has it. The write end is kept open and never
	// written, so the read stays blocked; closing it at the end lets a
	// stuck parser go.
	writer := -1
	deadline := time.Now().Add(2 * time.Minute)
	for writer < 0 || !strings.Contains(out.String(), "已载入\t"+good) {
		if time.Now().After(deadline) {
			t.Fatalf("ingest did not start reading both files: %q %q", out.String(), errs.String())
		}
		if writer < 0 {
			if fd, err := unix.Open(pipe, unix.O_WRONLY|unix.O_NONBLOCK, 0); err == nil {
				writer = fd
			} else if !errors.Is(err, syscall.ENXIO) {
				t.Fatal(err)
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	defer unix.Close(writer)

	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, errInterrupted) {
			t.Errorf("ingest after Ctrl-C: %v, want the interruption's message", err)
		}
	case <-time.After(time.Minute):
		// Not a speed goal: the old pipeline never returns here.
		t.Fatalf("ingest did not return a minute after Ctrl-C while a read was blocked\n%s", out.String())
	}

	// The first file stayed loaded, and the pipe was not.
	o, e, code := runCmd(t, "", "ingest", "--db", db, "--json", good)
	if code != 0 || !strings.Contains(o, `"status":"duplicate"`) {
		t.Errorf("the file loaded before Ctrl-C: exit %d %s %s, want already loaded", code, o, e)
	}
	if strings.Contains(out.String(), "stuck.xlsx") {
		t.Errorf("the pipe's file was listed: %s", out.String())
	}
}
