package pdf

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// serverEnv makes TestWorkerDiesWithServer's binary play the server.
const serverEnv = "GONGKAI_PDF_TEST_SERVER"

// TestWorkerDiesWithServer checks that a worker busy in a document (hung in
// poppler, say) dies when the server's process is killed, instead of
// reading on, holding its memory, with no one to answer: a server process
// (this test binary again) starts a worker, gives it a document it hangs
// on, and is killed with SIGKILL.
func TestWorkerDiesWithServer(t *testing.T) {
	needWorker(t)
	if os.Getenv(serverEnv) == "1" {
		p := newPool(1, timeout, workerFaultsEnv+"=1")
		w, err := p.spawn()
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		var hdr [4]byte
		binary.LittleEndian.PutUint32(hdr[:], 4)
		w.in.Write(hdr[:])
		w.in.Write([]byte("hang"))
		fmt.Println(w.cmd.Process.Pid)
		select {}
	}
	server := exec.Command(os.Args[0], "-test.run=^TestWorkerDiesWithServer$")
	server.Env = append(os.Environ(), serverEnv+"=1")
	out, err := server.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := server.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	pid, perr := strconv.Atoi(strings.TrimSpace(line))
	server.Process.Kill()
	server.Wait()
	if err != nil || perr != nil {
		t.Fatalf("the server said %q (%v)", line, err)
	}
	for deadline := time.Now().Add(10 * time.Second); alive(pid); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			syscall.Kill(pid, syscall.SIGKILL)
			t.Fatalf("worker %d still runs 10 s after its server was killed", pid)
		}
	}
}

// alive reports whether process pid runs: it exists and is not a zombie
// waiting for a parent to reap it.
func alive(pid int) bool {
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return false
	}
	for _, l := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(l, "State:"); ok {
			return !strings.HasPrefix(strings.TrimSpace(v), "Z")
		}
	}
	return true
}
