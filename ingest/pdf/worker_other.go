//go:build !linux

package pdf

import "syscall"

// workerAttr is nil where the kernel cannot tie a worker's life to the
// server's: a worker whose server died ends when it next reads its closed
// stdin.
func workerAttr() *syscall.SysProcAttr { return nil }

// limitMemory does nothing outside Linux: the limit on a worker's memory is
// Linux's RLIMIT_AS. It never fails.
func limitMemory(uint64) error { return nil }

// limitProcess does nothing outside Linux. It never fails.
func limitProcess(int, uint64) error { return nil }
