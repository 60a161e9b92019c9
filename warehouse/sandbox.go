package warehouse

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/duckdb/duckdb-go/v2"

	"gongkai"
)

// SQL runs one ad-hoc, read-only SQL statement for an analyst: the sandbox
// shared by `gongkai query` and the web console.
//
// The sandbox shares the warehouse's DuckDB instance (one process holds the
// file), so its safety comes in layers:
//   - the instance runs with external access disabled, extension install and
//     load off, its configuration locked, and memory_limit set (see OpenWith);
//   - the statement is parsed before it runs: exactly one SELECT, and every
//     table, table function and function it names must be on the allow-list
//     of sandbox_policy.go (analyst views and macros, computation and
//     statistics functions; no files, settings, session or state);
//   - what runs is the checked statement turned back into SQL by DuckDB,
//     wrapped in a LIMIT of Options.SandboxRows+1, on its own connection
//     inside a READ ONLY transaction that is always rolled back;
//   - at most Options.SandboxConcurrency statements run at once; the query is
//     interrupted after Options.SandboxTimeout, and a result larger than
//     Options.SandboxBytes is refused.
//
// Errors are *gongkai.Error with a message for the analyst: CodeInvalid for
// refused or failing SQL, CodeTimeout when the time runs out, CodeBusy when
// too many statements run. Failures that are not the statement's (a
// connection, the transaction, the parse query) are plain errors.
func (db *DB) SQL(ctx context.Context, query string) (*Table, error) {
	query = strings.TrimSpace(query)
	if query == "" {
		return nil, gongkai.Errorf(gongkai.CodeInvalid, "请输入一条 SQL 查询语句")
	}
	release, err := db.acquireSQL(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	ctx, cancel := context.WithTimeout(ctx, db.opts.SandboxTimeout)
	defer cancel()
	// An analyst's statement gets every thread (Options.QueryThreads); on
	// fewer, when that fails, it still runs.
	narrow, _ := db.widen(ctx)
	defer narrow()
	// Failures before the analyst's statement runs are the warehouse's, not
	// the analyst's: they stay plain errors, so users see the generic message
	// (unless the time ran out: on a busy machine the setup alone can take
	// the sandbox's seconds).
	conn, err := db.db.Conn(ctx)
	if err != nil {
		return nil, setupFailed(ctx, db, fmt.Errorf("warehouse: sandbox conn: %w", err))
	}
	defer conn.Close()
	run, err := db.checkStatement(ctx, conn, query)
	if err != nil {
		return nil, setupFailed(ctx, db, err)
	}
	if err := begin(ctx, conn, "BEGIN TRANSACTION READ ONLY"); err != nil {
		return nil, setupFailed(ctx, db, fmt.Errorf("warehouse: sandbox begin: %w", err))
	}
	// Always roll back, on a context that is still alive; a connection
	// whose ROLLBACK fails is not pooled again (rollback).
	defer rollback(conn)
	rows, err := conn.QueryContext(ctx, fmt.Sprintf("SELECT * FROM (\n%s\n) LIMIT %d", run, db.opts.SandboxRows+1))
	if err != nil {
		return nil, sandboxError(ctx, db, err)
	}
	defer rows.Close()
	t, err := readTableBytes(rows, db.opts.SandboxRows, db.opts.SandboxBytes)
	if err != nil {
		return nil, sandboxError(ctx, db, err)
	}
	return t, nil
}

// acquireSQL takes one of the sandbox's slots, waiting at most
// Options.SandboxWait for one to free. It returns a *gongkai.Error with
// CodeBusy when none does, so that a crowd of analysts gets an answer instead
// of a queue that outlives their patience.
func (db *DB) acquireSQL(ctx context.Context) (func(), error) {
	release := func() { <-db.sqlSlots }
	select {
	case db.sqlSlots <- struct{}{}:
		return release, nil
	default:
	}
	wait := time.NewTimer(db.opts.SandboxWait)
	defer wait.Stop()
	select {
	case db.sqlSlots <- struct{}{}:
		return release, nil
	case <-wait.C:
		return nil, gongkai.Errorf(gongkai.CodeBusy, "SQL 查询繁忙：同时最多运行 %d 条查询，请稍后再试", cap(db.sqlSlots))
	case <-ctx.Done():
		return nil, &gongkai.Error{Code: gongkai.CodeTimeout, Message: "等待执行时请求已结束", Err: ctx.Err()}
	}
}

// checkStatement refuses anything but a single SELECT statement that names
// only what the sandbox policy allows, and returns the SQL to run: the
// checked statement as DuckDB writes it back, so that nothing the check did
// not see (a trailing comment, a second statement) can run.
//
// Errors are *gongkai.Error when the statement is refused or fails to
// prepare, and plain errors when the parse query itself fails.
func (db *DB) checkStatement(ctx context.Context, conn *sql.Conn, query string) (string, error) {
	var out string
	if err := conn.QueryRowContext(ctx, stmt("sandbox_parse"), query).Scan(&out); err != nil {
		return "", fmt.Errorf("warehouse: sandbox parse: %w", err)
	}
	var parsed struct {
		Error      bool              `json:"error"`
		Type       string            `json:"error_type"`
		Message    string            `json:"error_message"`
		Statements []json.RawMessage `json:"statements"`
	}
	if err := json.Unmarshal([]byte(out), &parsed); err != nil {
		return "", fmt.Errorf("warehouse: sandbox parse: %w", err)
	}
	switch {
	case parsed.Error && parsed.Type == "parser":
		return "", gongkai.Errorf(gongkai.CodeInvalid, "SQL 语法错误：%s", db.scrub(parsed.Message))
	case parsed.Error:
		return "", errNotSelect
	case len(parsed.Statements) == 0:
		return "", gongkai.Errorf(gongkai.CodeInvalid, "请输入一条 SQL 查询语句")
	case len(parsed.Statements) > 1:
		return "", gongkai.Errorf(gongkai.CodeInvalid, "一次只能执行一条语句（发现 %d 条）", len(parsed.Statements))
	}
	checked, guards, err := db.policy.check(parsed.Statements[0])
	if err != nil {
		var ge *gongkai.Error
		if errors.As(err, &ge) {
			ge.Message = db.scrub(ge.Message)
		}
		return "", err
	}
	if guards {
		// The checks the policy put in front of some calls: temporary
		// macros of this connection, replaced each time so that a pooled
		// connection never runs an older definition.
		if _, err := conn.ExecContext(ctx, stmt("sandbox_guards")); err != nil {
			return "", fmt.Errorf("warehouse: sandbox guards: %w", err)
		}
	}
	one, err := json.Marshal(map[string]any{"error": false, "statements": []json.RawMessage{checked}})
	if err != nil {
		return "", fmt.Errorf("warehouse: sandbox unparse: %w", err)
	}
	var run string
	if err := conn.QueryRowContext(ctx, stmt("sandbox_unparse"), string(one)).Scan(&run); err != nil {
		return "", fmt.Errorf("warehouse: sandbox unparse: %w", err)
	}
	err = conn.Raw(func(dc any) error {
		c, err := duckConn(dc)
		if err != nil {
			return err
		}
		s, err := c.PrepareContext(ctx, run)
		if err != nil {
			return sandboxError(ctx, db, err)
		}
		defer s.Close()
		typ, err := s.(*duckdb.Stmt).StatementType()
		if err != nil {
			return fmt.Errorf("warehouse: sandbox statement type: %w", err)
		}
		if typ != duckdb.STATEMENT_TYPE_SELECT {
			return errNotSelect
		}
		return nil
	})
	return run, err
}

var errNotSelect = gongkai.Errorf(gongkai.CodeInvalid,
	"只允许只读的查询语句（SELECT）：不能修改数据或表（INSERT、UPDATE、DELETE、CREATE、DROP），不能导入导出文件（COPY），不能连接其他数据库（ATTACH），不能安装或加载扩展（INSTALL、LOAD），不能更改设置（SET、PRAGMA）")

// setupFailed is err, or the timeout's message when the time ran out before
// the statement started.
func setupFailed(ctx context.Context, db *DB, err error) error {
	var ge *gongkai.Error
	if ctx.Err() == nil || errors.As(err, &ge) {
		return err
	}
	return sandboxError(ctx, db, err)
}

// sandboxError explains why an ad-hoc query failed.
func sandboxError(ctx context.Context, db *DB, err error) error {
	var ge *gongkai.Error
	if errors.As(err, &ge) {
		return err
	}
	msg := db.scrub(duckMessage(err))
	switch {
	case ctx.Err() != nil || strings.Contains(msg, "Interrupt"):
		return &gongkai.Error{Code: gongkai.CodeTimeout,
			Message: fmt.Sprintf("查询超过 %s 未完成，已停止；请缩小范围（例如加上 WHERE 或 LIMIT）", db.opts.SandboxTimeout), Err: err}
	case strings.Contains(msg, "Permission Error") || strings.Contains(msg, "disabled"):
		return gongkai.Errorf(gongkai.CodeInvalid, "不允许访问数据库以外的文件、网络或扩展：%s", msg)
	case strings.Contains(msg, "read-only") || strings.Contains(msg, "read only"):
		return errNotSelect
	case strings.Contains(msg, "沙箱限制："):
		// A check (sql/sandbox_guards.sql) stopped the statement at a
		// row: its message says which function and what to do.
		return gongkai.Errorf(gongkai.CodeInvalid, "%s", msg[strings.Index(msg, "沙箱限制："):])
	case strings.Contains(msg, "Out of Memory") && strings.Contains(msg, "bad allocation"):
		// The system refused the allocation (std::bad_alloc): the
		// process's cap (Options.ProcessMemory) or the machine's memory,
		// reached by strings built inside a vector, which DuckDB's own
		// limit does not count.
		limit := "服务器进程的内存已用尽"
		if db.opts.ProcessMemory != "" {
			limit = fmt.Sprintf("服务器进程的内存达到上限（%s）", db.opts.ProcessMemory)
		}
		return gongkai.Errorf(gongkai.CodeInvalid, "查询生成的数据过大，%s，已停止；请缩小范围或缩短拼接的文字", limit)
	case strings.Contains(msg, "Out of Memory"):
		return gongkai.Errorf(gongkai.CodeInvalid, "查询所需内存超出限制（%s），已停止；请缩小范围", db.opts.MemoryLimit)
	case errors.Is(err, errResultTooLarge):
		return gongkai.Errorf(gongkai.CodeInvalid, "查询结果超过 %d MB，已停止；请减少列或行（例如加上 LIMIT）", db.opts.SandboxBytes>>20)
	}
	// The analyst's own SQL failed: DuckDB's first line says why, and is all
	// the detail there is.
	return gongkai.Errorf(gongkai.CodeInvalid, "SQL 错误：%s", msg)
}

// duckMessage is the first line of a DuckDB error: the kind and the reason,
// without the echo of the statement (nor the prefix of a failed task's
// fetch, runloop.go).
func duckMessage(err error) string {
	msg := duckError(err)
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	return strings.TrimSpace(msg)
}

// scrub removes the warehouse's folder from a message an analyst will see:
// where the server keeps its files is none of their business.
func (db *DB) scrub(msg string) string {
	for _, dir := range []string{db.absDir, filepath.Dir(db.path)} {
		if len(dir) > 1 {
			msg = strings.ReplaceAll(msg, dir+string(filepath.Separator), "")
			msg = strings.ReplaceAll(msg, dir, ".")
		}
	}
	return msg
}
