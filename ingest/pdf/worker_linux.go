package pdf

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// workerAttr makes the kernel kill a worker when the server's process ends,
// however it ends (a crash, SIGKILL, the out-of-memory killer), so that no
// worker is left reading or holding memory after it. The signal is tied to
// the thread that started the worker; the Go runtime ends a thread only when
// a goroutine locked to it exits, which the server's goroutines do not do.
func workerAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

// limitMemory limits the address space of this process (a worker) to n
// bytes: past it, the Go runtime or poppler fails to allocate and the worker
// dies, which its document's reader reports. It returns the error of
// setrlimit.
func limitMemory(n uint64) error {
	return syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: n, Max: n})
}

// limitProcess limits the address space of process pid (a pdftotext this
// process started) to n bytes. It returns the error of prlimit.
func limitProcess(pid int, n uint64) error {
	return unix.Prlimit(pid, unix.RLIMIT_AS, &unix.Rlimit{Cur: n, Max: n}, nil)
}
