package main

import (
	"os"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// capMemory sets the soft limit of this process's data (RLIMIT_DATA) to n
// bytes, or to the hard limit when that is lower; the hard limit stays, so
// the PDF workers this process starts may set their own. It returns the
// limit set and the error of setrlimit.
func capMemory(n uint64) (uint64, error) {
	var lim unix.Rlimit
	if err := unix.Getrlimit(unix.RLIMIT_DATA, &lim); err != nil {
		return 0, err
	}
	if lim.Max != unix.RLIM_INFINITY && n > lim.Max {
		n = lim.Max
	}
	lim.Cur = n
	return n, unix.Setrlimit(unix.RLIMIT_DATA, &lim)
}

// machineMemory is the memory this process may use: the machine's, or its
// control group's limit when that is less (cgroup v2 memory.max, v1
// memory.limit_in_bytes); 0 when it is not known.
func machineMemory() uint64 {
	var si unix.Sysinfo_t
	if err := unix.Sysinfo(&si); err != nil {
		return 0
	}
	total := uint64(si.Totalram) * uint64(si.Unit)
	for _, f := range []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"} {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		if n, err := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64); err == nil && n > 0 && n < total {
			total = n
		}
	}
	return total
}
