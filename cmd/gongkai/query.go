package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"gongkai"
	"gongkai/warehouse"
)

// maxStdinSQL is the longest statement `gongkai query -` reads.
const maxStdinSQL = 1 << 20

func init() {
	commands["query"] = command{
		usage: "query [--format csv|json|xlsx] [-o FILE] SQL      在只读沙箱中执行一条 SQL 查询（SQL 为 - 时从标准输入读取）",
		run:   runQuery,
	}
}

// runQuery runs one ad-hoc SELECT through the same read-only sandbox as the
// web console, on the warehouse opened read-only (so it works beside other
// readers but not while a server holds the file). Exit 1 when the query is
// refused or fails, 2 on bad usage.
func runQuery(ctx context.Context, e env) error {
	fs := newFlags("query", e)
	dbPath := dbFlag(fs, e)
	format := fs.String("format", "csv", "输出格式：csv、json 或 xlsx")
	out := fs.String("o", "", "写入文件（默认标准输出）")
	timeout := fs.Duration("timeout", 10*time.Second, "查询超时")
	maxRows := fs.Int("max-rows", 10000, "最多返回的行数")
	memLimit := fs.String("memory-limit", warehouse.DefaultMemoryLimit, "DuckDB 可用内存上限（如 2GB）")
	procMem := fs.String("process-memory", "", "本进程的内存上限（如 8GB；默认本机内存的 3/4，至少 4GB；0：不限）：SQL 构造的字符串不计入 --memory-limit，超出此上限时查询报内存不足，而不是系统耗尽内存后终止本进程或其他进程（如同机的服务器）")
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageErrorf("用法：gongkai query [--format csv|json|xlsx] [-o FILE] SQL")
	}
	switch *format {
	case "csv", "json", "xlsx":
	default:
		return usageErrorf("--format %q 无效：可用 csv、json、xlsx", *format)
	}
	if *timeout <= 0 || *maxRows <= 0 {
		return usageErrorf("--timeout 和 --max-rows 须大于 0")
	}
	query := strings.Join(fs.Args(), " ")
	if query == "-" {
		b, err := io.ReadAll(io.LimitReader(e.stdin, maxStdinSQL+1))
		if err != nil {
			return err
		}
		if len(b) > maxStdinSQL {
			// Cutting the text would run a different query than the one given
			// (a final WHERE false would be lost), so refuse it whole.
			return gongkai.Errorf(gongkai.CodeInvalid, "标准输入中的 SQL 超过 %d MiB 上限，未执行", maxStdinSQL>>20)
		}
		query = string(b)
	}
	capBytes, err := processMemoryFlag(*procMem)
	if err != nil {
		return err
	}
	// The same guard as serve's sandbox (guardProcessMemory): a statement
	// whose strings grow past DuckDB's memory_limit (memcap.go) took this
	// process to the machine's memory, where the kernel's out-of-memory
	// killer ends it or another process, such as a server on the same
	// machine (review s38). The budget lasts while the query runs.
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	guard, err := guardProcessMemory(ctx, capBytes)
	if err != nil {
		return err
	}
	opts := warehouse.Options{ReadOnly: true, SandboxTimeout: *timeout, SandboxRows: *maxRows, MemoryLimit: *memLimit}
	if guard.cap > 0 {
		opts.ProcessMemory = formatBytes(guard.cap)
		opts.SandboxBytes = sandboxResultBytes(guard.cap, 1)
		if guard.budgetErr != nil {
			fmt.Fprintf(e.stderr, "警告：DuckDB 的内存分配没有设在进程上限之下的预算（%v），查询达到上限时本进程可能终止\n", guard.budgetErr)
		}
	}
	db, err := warehouse.OpenWith(ctx, *dbPath, opts)
	if err != nil {
		return err
	}
	defer db.Close()
	t, err := db.SQL(ctx, query)
	if gongkai.ErrorCode(err) == gongkai.CodeTimeout {
		// The sandbox's message says the limit and what to do; its cause
		// is DuckDB's interruption ("context deadline exceeded / Invalid
		// Input Error: Attempting to execute an unsuccessful or closed
		// pending query result / Error: INTERRUPT Error: Interrupted!"),
		// which message would print after it and tells the operator
		// nothing more.
		return gongkai.Errorf(gongkai.CodeTimeout, "%s", gongkai.ErrorMessage(err))
	}
	if err != nil {
		return err
	}
	w := e.stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return gongkai.Errorf(gongkai.CodeInvalid, "无法写入 %s：%v", *out, err)
		}
		defer f.Close()
		w = f
	}
	switch *format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		err = enc.Encode(t)
	case "xlsx":
		err = t.WriteXLSX(w, "query")
	default:
		// A BOM only in files, where Excel will open them; not on a terminal or pipe.
		err = t.WriteCSV(w, *out != "")
	}
	if err != nil {
		return err
	}
	if t.Truncated {
		fmt.Fprintf(e.stderr, "结果已截断：只输出前 %d 行（可用 --max-rows 调整）\n", len(t.Rows))
	}
	return nil
}
