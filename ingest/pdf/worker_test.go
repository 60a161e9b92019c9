package pdf

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"gongkai"
)

// needWorker skips a test in a build without poppler linked in (-tags
// nopoppler), where Read uses pdftotext.
func needWorker(t *testing.T) {
	if engine == nil {
		t.Skip("built without poppler: PDFs are read by pdftotext")
	}
}

// TestWorkerReadsAsPdftotext checks that a worker gives, for every PDF
// fixture, exactly the pages and words (text and box) pdftotext -bbox gives:
// the geometry and every golden file were made from pdftotext's words.
func TestWorkerReadsAsPdftotext(t *testing.T) {
	needWorker(t)
	needTool(t)
	files, err := filepath.Glob("../testdata/media/*.pdf")
	if err != nil || len(files) == 0 {
		t.Fatal("no PDF fixtures", err)
	}
	p := newPool(1, timeout)
	defer p.close()
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			want, errWant := bbox(context.Background(), data)
			got, errGot := p.bbox(data)
			if gongkai.ErrorMessage(errWant) != gongkai.ErrorMessage(errGot) {
				t.Fatalf("worker: %v; pdftotext: %v", errGot, errWant)
			}
			if errWant != nil {
				return
			}
			wp, err := parseBBox(want)
			if err != nil {
				t.Fatal(err)
			}
			gp, err := parseBBox(got)
			if err != nil {
				t.Fatal(err)
			}
			if len(wp) == 0 {
				t.Fatal("pdftotext read no pages")
			}
			for i := range wp {
				wp[i].width, wp[i].height = 0, 0 // media box against crop box; unused
			}
			for i := range gp {
				gp[i].width, gp[i].height = 0, 0
			}
			if !reflect.DeepEqual(gp, wp) {
				t.Errorf("worker's words differ from pdftotext's:\n%v\n%v", gp, wp)
			}
		})
	}
}

// TestWorkerRefuses checks the worker's answers for a file poppler cannot
// open and one that needs a password: the same messages as pdftotext's.
func TestWorkerRefuses(t *testing.T) {
	needWorker(t)
	p := newPool(1, timeout)
	defer p.close()
	password, err := os.ReadFile("../testdata/media/password.pdf")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		data []byte
		want string
	}{
		{[]byte("%PDF-1.7 not really"), "PDF 已损坏，无法读取"},
		{nil, "PDF 已损坏，无法读取"},
		{password, "PDF 有密码保护，无法读取：请取消密码后另存再上传"},
	} {
		_, err := p.bbox(tt.data)
		if got := gongkai.ErrorMessage(err); got != tt.want {
			t.Errorf("%.20q: %q, want %q", tt.data, got, tt.want)
		}
	}
}

// TestWorkerDies checks that a worker that dies in the middle of a document
// (as poppler might on a hostile file) or runs past the time limit gives
// that report a clear error, and that the next report is read by a new
// worker.
func TestWorkerDies(t *testing.T) {
	needWorker(t)
	good, err := os.ReadFile("../testdata/media/shape6-rowspan-writer.pdf")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		doc     string
		timeout time.Duration
		want    string
	}{
		{"crash", timeout, "意外退出"},
		{"hang", 50 * time.Millisecond, "PDF 读取超时"},
	} {
		t.Run(tt.doc, func(t *testing.T) {
			p := newPool(1, tt.timeout, workerFaultsEnv+"=1")
			defer p.close()
			// A first document, so that the failing one goes to a worker
			// that was already reading.
			p.timeout = timeout
			if _, err := p.bbox(good); err != nil {
				t.Fatal(err)
			}
			p.timeout = tt.timeout
			_, err := p.bbox([]byte(tt.doc))
			if msg := gongkai.ErrorMessage(err); !strings.Contains(msg, tt.want) {
				t.Fatalf("error %q (%v), want one saying %q", msg, err, tt.want)
			}
			p.timeout = timeout
			out, err := p.bbox(good)
			if err != nil {
				t.Fatal("the next report:", err)
			}
			if pages, err := parseBBox(out); err != nil || len(pages) != 3 || len(pages[0].words) == 0 {
				t.Fatalf("the next report: %d pages, %v", len(pages), err)
			}
		})
	}
}

// TestWorkerDiedIdle checks that a worker that died while idle (killed for
// memory, say) does not fail the next report, which goes to a new worker.
func TestWorkerDiedIdle(t *testing.T) {
	needWorker(t)
	good, err := os.ReadFile("../testdata/media/shape6-rowspan-writer.pdf")
	if err != nil {
		t.Fatal(err)
	}
	p := newPool(1, timeout)
	defer p.close()
	if _, err := p.bbox(good); err != nil {
		t.Fatal(err)
	}
	w := <-p.idle
	w.cmd.Process.Kill()
	w.cmd.Process.Wait()
	p.idle <- w
	if _, err := p.bbox(good); err != nil {
		t.Fatal("after the idle worker died:", err)
	}
}

// TestWorkerMemoryLimit checks that a worker that takes more memory than its
// limit (as poppler might on a hostile file) ends as a finding on that
// report, that the limit leaves room for real reports, and that the next
// report is read by a new worker.
func TestWorkerMemoryLimit(t *testing.T) {
	needWorker(t)
	if runtime.GOOS != "linux" {
		t.Skip("the limit on a worker's memory is Linux's RLIMIT_AS")
	}
	good, err := os.ReadFile("../testdata/media/shape8-narrow-writer.pdf")
	if err != nil {
		t.Fatal(err)
	}
	p := newPool(1, timeout, workerFaultsEnv+"=1")
	defer p.close()
	if _, err := p.bbox(good); err != nil {
		t.Fatal(err)
	}
	w := <-p.idle
	limits, err := os.ReadFile(fmt.Sprintf("/proc/%d/limits", w.cmd.Process.Pid))
	p.idle <- w
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("Max address space         %d", uint64(workerMemory)); !strings.Contains(string(limits), want) {
		t.Errorf("the worker's limits:\n%s\nwant %q", limits, want)
	}
	_, err = p.bbox([]byte("eat"))
	if msg := gongkai.ErrorMessage(err); gongkai.ErrorCode(err) != gongkai.CodeInvalid || !strings.Contains(msg, "超出内存上限") {
		t.Fatalf("error %q (%v), want one saying the worker passed its memory limit", msg, err)
	}
	if _, err := p.bbox(good); err != nil {
		t.Fatal("the next report:", err)
	}
}

// TestWorkerCannotStart checks that a worker that cannot be started, or
// dies before it is ready, is the server's problem: the message says that
// the PDF reader is unavailable, not that the user's file is damaged, and
// the file is not read by anything else.
func TestWorkerCannotStart(t *testing.T) {
	needWorker(t)
	good, err := os.ReadFile("../testdata/media/shape6-rowspan-writer.pdf")
	if err != nil {
		t.Fatal(err)
	}
	missing := newPool(1, timeout)
	missing.exe = filepath.Join(t.TempDir(), "gongkai")
	for name, p := range map[string]*pool{
		"no program":       missing,
		"dies at start":    newPool(1, timeout, workerFaultsEnv+"=start"),
		"no room to start": func() *pool { p := newPool(1, timeout); p.memory = 64 << 20; return p }(),
	} {
		t.Run(name, func(t *testing.T) {
			saved := defaultPool
			defaultPool = p
			defer func() { defaultPool = saved }()
			_, err := Read(good)
			msg := gongkai.ErrorMessage(err)
			if gongkai.ErrorCode(err) != gongkai.CodeUnavailable || !strings.Contains(msg, "PDF 读取程序无法启动") || strings.Contains(msg, "损坏") {
				t.Errorf("error %q (%v), want the PDF reader unavailable", msg, err)
			}
		})
	}
}

// TestAvailableWithoutPdftotext checks that a build with poppler linked in
// reads PDFs where pdftotext is not installed, and says so: the tests of
// PDF fixtures skip only where no reader at all is available.
func TestAvailableWithoutPdftotext(t *testing.T) {
	needWorker(t)
	saved := Tool
	defer func() { Tool, toolOnce = saved, sync.Once{} }()
	Tool, toolOnce = filepath.Join(t.TempDir(), "pdftotext"), sync.Once{}
	if !Available() {
		t.Fatal("a build with poppler says it cannot read PDFs without pdftotext")
	}
	data, err := os.ReadFile("../testdata/media/shape6-rowspan-writer.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Read(data); err != nil {
		t.Fatal(err)
	}
}
