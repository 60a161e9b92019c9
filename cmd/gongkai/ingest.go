package main

import (
	"archive/zip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"gongkai"
	"gongkai/ingest"
	"gongkai/warehouse"
)

func init() {
	commands["ingest"] = command{
		usage: "ingest [--agency NAME] [--year N] [--json] [--confirm] PATH...   载入报告文件、文件夹或 .zip 压缩包（新版本有错误或缺表时待确认，--confirm 立即替代）",
		run:   runIngest,
	}
}

// Bounds on what ingest reads, so that one hostile archive cannot exhaust
// memory.
const (
	maxFileSize = 64 << 20 // one source file
	loadBatch   = 1024     // reports handed to the warehouse at once
	flushEvery  = 500 * time.Millisecond
)

// source is one input file: a file on disk or an entry of a .zip archive.
// A source with skip set is not read: it is listed as 未载入 with skip as
// the reason (a hidden or system file), so that a batch accounts for every
// file it holds.
type source struct {
	seq  int
	name string // as shown to the user: the path, or archive.zip/entry
	read func() ([]byte, error)
	skip string
}

// outcome is what became of one source.
type outcome struct {
	File      string            `json:"file"`
	Status    string            `json:"status"` // loaded, duplicate, rejected, skipped
	ReportID  int64             `json:"report_id,omitempty"`
	AgencyID  int64             `json:"agency_id,omitempty"`
	Agency    string            `json:"agency,omitempty"`
	Year      int               `json:"year,omitempty"`
	Format    string            `json:"format,omitempty"`
	Version   int               `json:"version,omitempty"`
	Pending   bool              `json:"pending,omitempty"`   // loaded, but waits for confirmation
	Elsewhere bool              `json:"elsewhere,omitempty"` // rejected: the file is report_id, another agency-year's
	Errors    int               `json:"errors"`
	Warnings  int               `json:"warnings"`
	Message   string            `json:"message,omitempty"`
	Findings  []gongkai.Finding `json:"findings,omitempty"`
	seq       int
	report    *gongkai.Report
	sourceRaw []byte
}

// runIngest loads files, folders and .zip archives: parsing on every core,
// one writer committing reports in groups. It prints one line (or, with
// --json, one JSON object) per file — every file of a folder or archive,
// those it does not read included, with the reason — and a summary, and
// exits 0 when every file was loaded, already loaded or skipped as a hidden
// or system file, 1 when any was rejected, 2 on bad usage.
func runIngest(ctx context.Context, e env) error {
	fs := newFlags("ingest", e)
	dbPath := dbFlag(fs, e)
	agency := fs.String("agency", "", "单位名称（优先于文件中的写法）")
	year := fs.Int("year", 0, "数据所属年度（优先于文件中的写法）")
	asJSON := fs.Bool("json", false, "每个文件输出一行 JSON")
	confirm := fs.Bool("confirm", false, "新版本有错误或缺表时也立即替代现行版本（默认待确认）")
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageErrorf("用法：gongkai ingest [--agency NAME] [--year N] [--json] PATH...")
	}
	if *year != 0 && (*year < 1990 || *year > 2100) {
		return usageErrorf("--year %d 无效：请填写数据所属年份，如 2021", *year)
	}
	sources, bad, closeAll := collect(fs.Args())
	defer closeAll()
	db, err := warehouse.Open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()

	start := time.Now()
	var bar *progressbar.ProgressBar
	if f, ok := e.stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) && len(sources) > 1 {
		bar = progressbar.NewOptions(len(sources), progressbar.OptionSetWriter(e.stderr),
			progressbar.OptionSetDescription("载入中"), progressbar.OptionShowCount(), progressbar.OptionClearOnFinish())
	}
	p := &printer{w: e.stdout, json: *asJSON, bar: bar}
	for _, o := range bad {
		p.print(o)
	}
	by := "cli"
	if u := e.getenv("USER"); u != "" {
		by = "cli:" + u
	}
	if err := pipeline(ctx, db, sources, ingest.Options{Agency: *agency, Year: *year}, by, *confirm, p); err != nil {
		return err
	}
	if bar != nil {
		bar.Finish()
	}
	took := time.Since(start)
	summary := fmt.Sprintf("共 %d 个文件：载入 %d，已载入过 %d，未载入 %d；用时 %.1f 秒",
		p.total, p.loaded, p.duplicate, p.rejected, took.Seconds())
	if p.skipped > 0 {
		summary = strings.Replace(summary, "；用时", fmt.Sprintf("（其中隐藏或系统文件 %d）；用时", p.skipped), 1)
	}
	if p.loaded > 0 && took > 0 {
		summary += fmt.Sprintf("（每秒 %.0f 份）", float64(p.loaded)/took.Seconds())
	}
	if *asJSON {
		fmt.Fprintln(e.stderr, summary)
	} else {
		fmt.Fprintln(e.stdout, summary)
	}
	if p.rejected > p.skipped {
		return &exitError{code: 1}
	}
	return nil
}

// pipeline parses sources on every core and loads them with one writer, in
// input order, in groups.
func pipeline(ctx context.Context, db *warehouse.DB, sources []source, opts ingest.Options, by string, confirm bool, p *printer) error {
	jobs := make(chan source)
	parsed := make(chan outcome, 4*runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range jobs {
				parsed <- parseOne(ctx, s, opts)
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, s := range sources {
			select {
			case jobs <- s:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(parsed)
	}()

	// The loader: one goroutine writes groups while the parsers go on, so
	// that parsing and loading overlap instead of taking turns.
	groups := make(chan []outcome, 1)
	loaded := make(chan error, 1)
	go func() {
		var err error
		for g := range groups {
			if err == nil {
				err = loadBatchOf(ctx, db, g, by, confirm)
			}
			if err == nil {
				for _, o := range g {
					p.print(o)
				}
			}
		}
		loaded <- err
	}()

	// The collector: put results back in input order, and hand them to the
	// loader in groups. A group closes when it is full, or at the latest
	// every flushEvery, so that slow parsing still shows steady progress
	// while fast parsing gets big, cheap commits.
	waiting := map[int]outcome{}
	next := 0
	var batch []outcome
	flush := func() {
		if len(batch) > 0 {
			groups <- batch
			batch = nil
		}
	}
	tick := time.NewTicker(flushEvery)
	defer tick.Stop()
	for {
		select {
		case o, ok := <-parsed:
			if !ok {
				flush()
				close(groups)
				err := <-loaded
				if ctx.Err() != nil {
					return errInterrupted
				}
				return err
			}
			waiting[o.seq] = o
			for {
				o, ok := waiting[next]
				if !ok {
					break
				}
				delete(waiting, next)
				next++
				batch = append(batch, o)
			}
			if len(batch) >= loadBatch {
				flush()
			}
		case <-tick.C:
			flush()
		case <-ctx.Done():
			// Ctrl-C: load nothing more, and do not wait for the parsers.
			// The readers do not all look at ctx, and a read can block for
			// good (a named pipe nobody writes): waiting for them left the
			// process running after Ctrl-C, and signal.NotifyContext
			// swallowed every further one. The group being loaded commits
			// whole or not at all; its outcomes are printed if it did.
			close(groups)
			<-loaded
			return errInterrupted
		}
	}
}

// errInterrupted ends an ingest stopped by Ctrl-C (or SIGTERM): the files
// listed as loaded are stored, the rest are not.
var errInterrupted = errors.New("已中断：上面列为“已载入”的文件已保存，其余文件未载入")

// withFlagHint adds to the rejection of a file without agency or year the
// flag that gives one on the command line.
func withFlagHint(err error) error {
	var ge *gongkai.Error
	if !errors.As(err, &ge) {
		return err
	}
	hint := ""
	switch {
	case errors.Is(err, ingest.ErrNoAgency):
		hint = "，或使用 --agency 指定"
	case errors.Is(err, ingest.ErrNoYear):
		hint = "，或使用 --year 指定"
	default:
		return err
	}
	out := *ge
	out.Message += hint
	return &out
}

func parseOne(ctx context.Context, s source, opts ingest.Options) outcome {
	o := outcome{File: s.name, seq: s.seq}
	if s.skip != "" {
		o.Status, o.Message = "skipped", s.skip
		return o
	}
	data, err := s.read()
	if err != nil {
		o.Status, o.Message = "rejected", err.Error()
		return o
	}
	r, err := ingest.ParseContext(ctx, filepath.Base(s.name), data, opts)
	if err != nil {
		o.Status, o.Message = "rejected", gongkai.ErrorMessage(withFlagHint(err))
		return o
	}
	o.report, o.sourceRaw = r, data
	return o
}

// loadBatchOf loads the parsed reports of batch and fills in their outcomes.
// Its error is a failure of the warehouse itself, not of a report.
func loadBatchOf(ctx context.Context, db *warehouse.DB, batch []outcome, by string, confirm bool) error {
	var reqs []warehouse.LoadRequest
	var idx []int
	for i, o := range batch {
		if o.report != nil {
			reqs = append(reqs, warehouse.LoadRequest{Report: o.report, Source: o.sourceRaw, By: by, Confirm: confirm})
			idx = append(idx, i)
		}
	}
	if len(reqs) == 0 {
		return nil
	}
	results, err := db.Load(ctx, reqs)
	if results == nil {
		return err
	}
	for k, res := range results {
		o := &batch[idx[k]]
		r := o.report
		o.Agency, o.Year, o.Format = r.Agency, r.Year, r.Format
		switch {
		case res.Err != nil:
			o.Status, o.Message = "rejected", gongkai.ErrorMessage(res.Err)
		case res.Duplicate && res.Elsewhere:
			// The file stands as another agency-year's report (the server
			// answers 409): "已载入过" would tell the operator that the
			// agency-year this file was read as (or named by --agency,
			// --year) has it, and exit 0. It was not loaded for it.
			o.Status, o.Elsewhere, o.ReportID = "rejected", true, res.ReportID
			o.Message = fmt.Sprintf("此文件已作为另一机关或年度的报告载入（报告#%d），未作为“%s”%d年的报告载入；"+
				"如此文件确是该机关该年度的报告，请核对 --agency、--year 或报告#%d", res.ReportID, r.Agency, r.Year, res.ReportID)
		case res.Duplicate:
			o.Status = "duplicate"
			o.ReportID, o.AgencyID, o.Version = res.ReportID, res.AgencyID, res.Version
		default:
			o.Status = "loaded"
			o.ReportID, o.AgencyID, o.Version = res.ReportID, res.AgencyID, res.Version
			o.Findings = res.Findings
			o.Errors, o.Warnings = gongkai.CountSeverities(res.Findings)
			o.Pending, o.Message = res.Pending, res.PendingReason
		}
		o.report, o.sourceRaw = nil, nil // let the memory go
	}
	return nil
}

// printer writes per-file results and counts them.
type printer struct {
	w                                  io.Writer
	json                               bool
	bar                                *progressbar.ProgressBar
	total, loaded, duplicate, rejected int
	skipped                            int // hidden and system files, counted in rejected too
}

// shownFindings is how many findings a text line lists under a file.
const shownFindings = 3

func (p *printer) print(o outcome) {
	p.total++
	switch o.Status {
	case "loaded":
		p.loaded++
	case "duplicate":
		p.duplicate++
	case "skipped":
		p.skipped++
		p.rejected++
	default:
		p.rejected++
	}
	if p.bar != nil {
		p.bar.Add(1)
	}
	if p.json {
		b, _ := json.Marshal(o)
		fmt.Fprintf(p.w, "%s\n", b)
		return
	}
	switch o.Status {
	case "loaded":
		fmt.Fprintf(p.w, "已载入\t%s\t%s %d年（%s格式）报告#%d 第%d版，错误 %d，警告 %d\n",
			o.File, o.Agency, o.Year, o.Format, o.ReportID, o.Version, o.Errors, o.Warnings)
		if o.Pending {
			fmt.Fprintf(p.w, "\t待确认：%s；现行版本不变。核对问题后用 gongkai confirm %d 确认，或重新载入时加 --confirm\n", o.Message, o.ReportID)
		}
		for i, f := range o.Findings {
			if i == shownFindings {
				fmt.Fprintf(p.w, "\t…另有 %d 条问题\n", len(o.Findings)-shownFindings)
				break
			}
			fmt.Fprintf(p.w, "\t%s %s：%s\n", severityLabel(f.Severity), f.At, f.Message)
		}
	case "duplicate":
		fmt.Fprintf(p.w, "已载入过\t%s\t与报告#%d 是同一文件，未重复载入\n", o.File, o.ReportID)
	default: // rejected, skipped
		fmt.Fprintf(p.w, "未载入\t%s\t%s\n", o.File, o.Message)
	}
}

func severityLabel(s string) string {
	if s == gongkai.SeverityError {
		return "错误"
	}
	return "警告"
}

// skipReason says why a file of a folder or archive is not read at all: a
// hidden file, Excel's lock file, or the metadata macOS adds to archives.
// It returns "" for every other file: those are read, and a file of a kind
// ingest does not read is rejected by ingest.Parse with the reason, so that
// no file goes unmentioned.
func skipReason(name string) string {
	name = filepath.ToSlash(name)
	base := filepath.Base(name)
	switch {
	case strings.HasPrefix(name, "__MACOSX/") || strings.Contains(name, "/__MACOSX/"):
		return "macOS 压缩时附带的元数据文件，不是报告，已跳过"
	case strings.HasPrefix(base, "~$"):
		return "Excel 或 WPS 的临时锁定文件，不是报告，已跳过"
	case strings.HasPrefix(base, ".") || strings.EqualFold(base, "Thumbs.db") || strings.EqualFold(base, "desktop.ini"):
		return "隐藏文件或系统文件，不是报告，已跳过"
	}
	return ""
}

// collect expands the command-line paths into sources: files as given,
// folders walked for every file they hold, .zip archives opened (closeAll
// closes them). Paths that cannot be read come back as rejected outcomes;
// hidden and system files come back as sources marked skip.
func collect(paths []string) (out []source, bad []outcome, closeAll func()) {
	var archives []io.Closer
	closeAll = func() {
		for _, c := range archives {
			c.Close()
		}
	}
	// A source without a reader is listed, not read: a hidden or system file.
	add := func(name string, read func() ([]byte, error)) {
		s := source{seq: len(out), name: name, read: read}
		if read == nil {
			s.skip = skipReason(name)
		}
		out = append(out, s)
	}
	reject := func(name string, format string, args ...any) {
		bad = append(bad, outcome{File: name, Status: "rejected", Message: fmt.Sprintf(format, args...)})
	}
	var visit func(path string, explicit bool)
	visit = func(path string, explicit bool) {
		info, err := os.Stat(path)
		switch {
		case err != nil:
			reject(path, "无法读取：%v", err)
		case info.IsDir():
			var files []string
			filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					reject(p, "无法读取：%v", err)
					return nil
				}
				if !d.IsDir() {
					files = append(files, p)
				}
				return nil
			})
			sort.Strings(files)
			for _, f := range files {
				visit(f, false)
			}
		case !explicit && skipReason(path) != "":
			add(path, nil)
		case strings.EqualFold(filepath.Ext(path), ".zip"):
			zr, err := addZip(path, add)
			if err != nil {
				reject(path, "%s", err)
				return
			}
			archives = append(archives, zr)
		default:
			add(path, func() ([]byte, error) { return readLimited(path) })
		}
	}
	for _, p := range paths {
		visit(p, true)
	}
	return out, bad, closeAll
}

// addZip adds every file entry of a .zip archive, read on demand by the
// parsers; the caller closes the archive when they are done.
func addZip(path string, add func(string, func() ([]byte, error))) (io.Closer, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("不是有效的 .zip 压缩包：%v", err)
	}
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		if skipReason(f.Name) != "" {
			add(path+"/"+f.Name, nil)
			continue
		}
		f := f
		add(path+"/"+f.Name, func() ([]byte, error) {
			if f.UncompressedSize64 > maxFileSize {
				return nil, fmt.Errorf("文件超过 %d MB，未读取", maxFileSize>>20)
			}
			rc, err := f.Open()
			if err != nil {
				return nil, fmt.Errorf("无法解压：%v", err)
			}
			defer rc.Close()
			return readAllLimited(rc)
		})
	}
	return zr, nil
}

func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取：%v", err)
	}
	defer f.Close()
	return readAllLimited(f)
}

// readAllLimited reads at most maxFileSize bytes, refusing larger input
// (a declared size in an archive can lie).
func readAllLimited(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("无法读取：%v", err)
	}
	if len(data) > maxFileSize {
		return nil, fmt.Errorf("文件超过 %d MB，未读取", maxFileSize>>20)
	}
	return data, nil
}
