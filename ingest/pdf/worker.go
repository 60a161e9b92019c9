package pdf

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"sync"
	"syscall"
	"time"

	"gongkai"
)

// A worker is a process of this same binary, started with workerEnv set,
// that reads PDFs with poppler linked in (poppler.go) one after another:
// starting pdftotext for every report costs more CPU than reading the
// report (docs/benchmarks.md), and poppler must not run in the server's
// process, where a hostile PDF that crashes it or takes its memory would
// take the server down. The server keeps a few workers (pool), starts a new
// one when one dies, and kills one that takes longer than timeout.
//
// A worker dies with the server (on Linux: the kernel kills it when the
// server's process ends, however it ends), and its address space is limited
// (workerMemory), so that a PDF that makes poppler allocate without end
// ends that worker, not the machine's memory.
//
// The protocol on the worker's stdin and stdout, little-endian: the worker
// first writes one byte, ready, once its limits are in place; a request is
// the PDF's length (uint32) and its bytes; the answer is a status byte, the
// output's length (uint32) and the output, pdftotext -bbox's XHTML.
const (
	workerEnv = "GONGKAI_PDF_WORKER"
	// workerMemoryEnv carries the worker's limit, in bytes of address
	// space.
	workerMemoryEnv = "GONGKAI_PDF_WORKER_MEMORY"
	// workerFaultsEnv lets tests make a worker die or hang on a document
	// whose bytes are "crash" or "hang", as poppler might on a hostile
	// file, or allocate without end on "eat"; set to "start", the worker
	// exits before it is ready. Nothing sets it outside tests.
	workerFaultsEnv = "GONGKAI_PDF_WORKER_FAULTS"
	// workerMemory is the address space a worker may take. A worker of
	// the server's binary takes 1.65 GB of address space before it reads
	// anything (the Go runtime's and the C libraries' reservations, thread
	// stacks; 40 MB of it resident), and at most 1.79 GB after reading any
	// PDF fixture, or a 150-page report Writer printed (52 MB resident):
	// 4 GiB leaves a PDF 2 GB more, which no report needs, while a hostile
	// one cannot take the machine's memory.
	workerMemory = 4 << 30
	// startTimeout bounds the wait for a new worker to be ready.
	startTimeout = 30 * time.Second
	// maxInput bounds the memory a worker takes for a request whose
	// length is garbage; an upload is far smaller.
	maxInput = 1 << 30
	// workerDocs is how many documents a worker reads before it is
	// replaced, so that memory poppler keeps between documents (font
	// caches) cannot grow without bound.
	workerDocs = 1000
)

const (
	statusOK byte = iota
	statusDamaged
	statusPassword
	statusTooLarge
)

// ready is the byte a worker writes once it is ready for requests.
const ready byte = 'R'

// readyPDF is a PDF of one word, "ready", that a worker reads before it
// says it is ready.
//
//go:embed ready.pdf
var readyPDF []byte

// The worker process runs serve instead of its program: a package's init
// runs before main or a test binary's TestMain, so any binary that reads
// PDFs (the server, a test) is its own worker and no path to a separate
// program has to be configured.
func init() {
	if os.Getenv(workerEnv) != "1" || engine == nil {
		return
	}
	faults := os.Getenv(workerFaultsEnv)
	if n, err := strconv.ParseUint(os.Getenv(workerMemoryEnv), 10, 64); err == nil && n > 0 {
		if err := limitMemory(n); err != nil {
			fmt.Fprintln(os.Stderr, "pdf worker: cannot limit its memory:", err)
			os.Exit(1)
		}
	}
	if faults == "start" {
		fmt.Fprintln(os.Stderr, "pdf worker: exits before it is ready (test fault)")
		os.Exit(1)
	}
	// A worker that cannot read a PDF of one word (poppler cannot load,
	// the memory limit leaves it no room) must fail here, where the
	// server sees its own problem, not on the first report, which would
	// be called damaged.
	if status, out := engine(readyPDF); status != statusOK || !bytes.Contains(out, []byte(">ready</word>")) {
		fmt.Fprintf(os.Stderr, "pdf worker: cannot read its own test PDF (status %d)\n", status)
		os.Exit(1)
	}
	if err := serve(os.Stdin, os.Stdout, faults == "1"); err != nil {
		fmt.Fprintln(os.Stderr, "pdf worker:", err)
		os.Exit(1)
	}
	os.Exit(0)
}

// serve answers requests from in on out until in ends. It returns an error
// when a request is cut short or cannot be answered.
func serve(in io.Reader, out io.Writer, faults bool) error {
	r, w := bufio.NewReader(in), bufio.NewWriter(out)
	w.WriteByte(ready)
	if err := w.Flush(); err != nil {
		return err
	}
	for {
		var hdr [4]byte
		if _, err := io.ReadFull(r, hdr[:]); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
		n := binary.LittleEndian.Uint32(hdr[:])
		if n > maxInput {
			return fmt.Errorf("request of %d bytes", n)
		}
		data := make([]byte, n)
		if _, err := io.ReadFull(r, data); err != nil {
			return err
		}
		if faults {
			switch string(data) {
			case "crash":
				syscall.Kill(os.Getpid(), syscall.SIGKILL)
			case "hang":
				select {}
			case "eat":
				// Address space taken and never touched: under the
				// limit the runtime fails to map more and the worker
				// dies; without it, 64 GiB of it costs no memory.
				var kept [][]byte
				for range 1024 {
					kept = append(kept, make([]byte, 64<<20))
				}
				runtime.KeepAlive(kept)
				data = nil
			}
		}
		status, text := statusOK, []byte("survived")
		if data != nil {
			status, text = engine(data)
		}
		var ans [5]byte
		ans[0] = status
		binary.LittleEndian.PutUint32(ans[1:], uint32(len(text)))
		w.Write(ans[:])
		w.Write(text)
		if err := w.Flush(); err != nil {
			return err
		}
	}
}

// pool is the workers of a server (or of a test): at most one a slot, so
// that reading PDFs takes no more than the cores (a document waits for a
// slot), started when first needed.
type pool struct {
	env     []string      // added to the workers' environment
	exe     string        // the worker's program; "" for this one
	memory  uint64        // the workers' address space, in bytes
	timeout time.Duration // for one document
	slots   chan struct{} // one per document being read
	idle    chan *worker
}

type worker struct {
	cmd  *exec.Cmd
	in   io.WriteCloser
	out  *bufio.Reader
	docs int
}

func newPool(n int, timeout time.Duration, env ...string) *pool {
	return &pool{env: env, memory: workerMemory, timeout: timeout, slots: make(chan struct{}, n), idle: make(chan *worker, n)}
}

var (
	defaultPool = newPool(max(1, runtime.NumCPU()), timeout)
	// errNoWorker says that this build has no poppler: Read then uses
	// pdftotext.
	errNoWorker = errors.New("no pdf worker")
)

// Close stops the idle workers and waits for them to exit (a benchmark
// calls it so that the workers' CPU time is counted as its children's);
// the next Read starts new ones. It never fails.
func Close() { defaultPool.close() }

// bbox returns the words of data in pdftotext -bbox's XHTML, read by a
// worker. It returns errNoWorker in a build without poppler, and otherwise
// Read's errors: *gongkai.Error (CodeInvalid) for a damaged,
// password-protected or too large PDF, and for one whose reading crashed
// the worker, passed its memory limit or took longer than the time limit
// (the worker is killed and the next document gets a new one); and one of
// CodeUnavailable when no worker can be started, which is the server's
// problem, not the file's (the cause is logged).
func (p *pool) bbox(data []byte) ([]byte, error) {
	return p.bboxContext(context.Background(), data)
}

// bboxContext is bbox for a request: once ctx is done it stops waiting for
// a slot, or kills the worker reading data (as the time limit does), and
// returns ctx's error. A PDF whose content streams inflate to a gigabyte
// of text operators held a worker, a core and an upload for the whole time
// limit (60 s) after its client had gone (ingest's TestHostileUploads).
func (p *pool) bboxContext(ctx context.Context, data []byte) ([]byte, error) {
	if engine == nil {
		return nil, errNoWorker
	}
	if len(data) > maxInput {
		return nil, gongkai.Errorf(gongkai.CodeInvalid, "PDF 文件过大，不像年度报告")
	}
	select {
	case p.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-p.slots }()
	var (
		status byte
		out    []byte
	)
	for retried := false; ; retried = true {
		var w *worker
		fresh := retried
		if !retried {
			select {
			case w = <-p.idle:
			default:
				fresh = true
			}
		}
		if fresh {
			var err error
			if w, err = p.spawn(); err != nil {
				return nil, unavailable(err)
			}
		}
		var err error
		status, out, err = p.ask(ctx, w, data)
		if err != nil {
			p.kill(w)
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			// A worker that had been idle may have died before this
			// document came (killed for memory, say): the document gets
			// one new worker before it is blamed.
			if !fresh && !isTimeout(err) {
				continue
			}
			return nil, err
		}
		if w.docs++; w.docs >= workerDocs {
			p.kill(w)
		} else {
			p.idle <- w
		}
		break
	}
	switch status {
	case statusOK:
		return out, nil
	case statusPassword:
		return nil, gongkai.Errorf(gongkai.CodeInvalid, msgPassword)
	case statusTooLarge:
		return nil, gongkai.Errorf(gongkai.CodeInvalid, msgTooManyWords)
	}
	return nil, &gongkai.Error{Code: gongkai.CodeInvalid, Message: msgDamaged, Err: errors.New("poppler cannot open it")}
}

// errTimeout is the error a worker's kill for the time limit wraps.
var errTimeout = errors.New("pdf worker passed the time limit")

func isTimeout(err error) bool { return errors.Is(err, errTimeout) }

// ask sends data to w and reads its answer. Its errors say that the worker
// died or ran past the time limit; w is of no further use then.
func (p *pool) ask(ctx context.Context, w *worker, data []byte) (byte, []byte, error) {
	var mu sync.Mutex
	late := false
	t := time.AfterFunc(p.timeout, func() {
		mu.Lock()
		late = true
		mu.Unlock()
		w.cmd.Process.Kill()
	})
	// A request that is done kills the worker too: its caller sees ctx's
	// error (bboxContext), not this one's.
	stop := context.AfterFunc(ctx, func() { w.cmd.Process.Kill() })
	status, out, err := w.ask(data)
	stop()
	t.Stop()
	mu.Lock()
	defer mu.Unlock()
	switch {
	// An answer read whole is the answer, even when the timer fired just
	// after it: the killed worker fails its next ask while idle, and that
	// document is retried on a new one.
	case late && err != nil:
		return 0, nil, &gongkai.Error{Code: gongkai.CodeInvalid, Message: msgTimeout,
			Err: fmt.Errorf("%w (%v): killed", errTimeout, p.timeout)}
	case err != nil:
		return 0, nil, &gongkai.Error{Code: gongkai.CodeInvalid, Message: "PDF 已损坏或过于庞大，无法读取（读取程序在读这个文件时意外退出或超出内存上限）",
			Err: fmt.Errorf("pdf worker: %w", err)}
	}
	return status, out, nil
}

func (w *worker) ask(data []byte) (byte, []byte, error) {
	var hdr [4]byte
	binary.LittleEndian.PutUint32(hdr[:], uint32(len(data)))
	if _, err := w.in.Write(hdr[:]); err != nil {
		return 0, nil, err
	}
	if _, err := w.in.Write(data); err != nil {
		return 0, nil, err
	}
	var ans [5]byte
	if _, err := io.ReadFull(w.out, ans[:]); err != nil {
		return 0, nil, err
	}
	n := binary.LittleEndian.Uint32(ans[1:])
	if n > maxOutput+1<<20 {
		return 0, nil, fmt.Errorf("answer of %d bytes", n)
	}
	out := make([]byte, n)
	if _, err := io.ReadFull(w.out, out); err != nil {
		return 0, nil, err
	}
	return ans[0], out, nil
}

// spawn starts a worker, this program again with workerEnv set, and waits
// until it is ready. Its errors say why the worker could not be started or
// died before it was ready; no process is left behind then.
func (p *pool) spawn() (*worker, error) {
	exe := p.exe
	if exe == "" {
		var err error
		if exe, err = os.Executable(); err != nil {
			return nil, err
		}
	}
	cmd := exec.Command(exe)
	cmd.Env = append(append(os.Environ(), workerEnv+"=1", workerMemoryEnv+"="+strconv.FormatUint(p.memory, 10)), p.env...)
	cmd.SysProcAttr = workerAttr()
	// A worker's own failure (a Go panic, a signal) goes to the server's
	// log; poppler's messages about damaged files are silenced in it.
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	w := &worker{cmd: cmd, in: in, out: bufio.NewReaderSize(out, 64<<10)}
	t := time.AfterFunc(startTimeout, func() { cmd.Process.Kill() })
	b, err := w.out.ReadByte()
	t.Stop()
	if err != nil || b != ready {
		p.kill(w)
		return nil, fmt.Errorf("pdf worker %s died before it was ready (%v, %v)", exe, err, cmd.ProcessState)
	}
	return w, nil
}

// kill ends w and waits for it, so that no process is left behind.
func (*pool) kill(w *worker) {
	w.cmd.Process.Kill()
	w.in.Close()
	w.cmd.Wait()
}

func (p *pool) close() {
	for {
		select {
		case w := <-p.idle:
			// Closing stdin lets the worker end by itself, its CPU time
			// then counted by the wait.
			w.in.Close()
			w.cmd.Wait()
		default:
			return
		}
	}
}
