package warehouse

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/duckdb/duckdb-go/v2"

	"gongkai"
)

// SQL runs one ad-hoc, read-only SQL statement for an analyst: the sandbox
// shared by `gongkai query` and the web console.
//
// The sandbox shares the warehouse's DuckDB instance (one process holds the
// file), so its safety comes in layers:
//   - the instance runs with external access disabled, extension install and
//     load off, and its configuration locked (see OpenWith): no file but the
//     warehouse, no network, no SET;
//   - the statement is parsed before it runs: exactly one statement, and a
//     SELECT (DuckDB's own parser says so; no INSERT, COPY, ATTACH, PRAGMA …);
//   - it runs on its own connection inside a READ ONLY transaction that is
//     always rolled back, so even a function with side effects cannot write;
//   - the query is interrupted after Options.SandboxTimeout (10 s), and at
//     most Options.SandboxRows rows come back, with Truncated set when there
//     were more. Threads and memory are capped for the whole instance.
//
// Errors are *gongkai.Error with a message for the analyst: CodeInvalid for
// refused or failing SQL, CodeTimeout when the time runs out. Failures that
// are not the statement's (a connection, the transaction, the parse query)
// are plain errors.
func (db *DB) SQL(ctx context.Context, query string) (*Table, error) {
	query = strings.TrimSpace(query)
	if query == "" {
		return nil, gongkai.Errorf(gongkai.CodeInvalid, "请输入一条 SQL 查询语句")
	}
	ctx, cancel := context.WithTimeout(ctx, db.opts.SandboxTimeout)
	defer cancel()
	// Failures before the analyst's statement runs are the warehouse's, not
	// the analyst's: they stay plain errors, so users see the generic message.
	conn, err := db.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("warehouse: sandbox conn: %w", err)
	}
	defer conn.Close()
	if err := db.checkStatement(ctx, conn, query); err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION READ ONLY"); err != nil {
		return nil, fmt.Errorf("warehouse: sandbox begin: %w", err)
	}
	// Always roll back, on a context that is still alive.
	defer conn.ExecContext(context.Background(), "ROLLBACK")
	rows, err := conn.QueryContext(ctx, query)
	if err != nil {
		return nil, sandboxError(ctx, db, err)
	}
	defer rows.Close()
	t, err := readTable(rows, db.opts.SandboxRows)
	if err != nil {
		return nil, sandboxError(ctx, db, err)
	}
	return t, nil
}

// checkStatement refuses anything but a single SELECT statement. DuckDB's
// json_serialize_sql parses without running and serializes only SELECT
// statements; the prepared statement's type is checked again after.
//
// Errors are *gongkai.Error when the statement is refused or fails to
// prepare, and plain errors when the parse query itself fails.
func (db *DB) checkStatement(ctx context.Context, conn *sql.Conn, query string) error {
	var out string
	if err := conn.QueryRowContext(ctx, stmt("sandbox_parse"), query).Scan(&out); err != nil {
		return fmt.Errorf("warehouse: sandbox parse: %w", err)
	}
	var parsed struct {
		Error      bool              `json:"error"`
		Type       string            `json:"error_type"`
		Message    string            `json:"error_message"`
		Statements []json.RawMessage `json:"statements"`
	}
	if err := json.Unmarshal([]byte(out), &parsed); err != nil {
		return fmt.Errorf("warehouse: sandbox parse: %w", err)
	}
	switch {
	case parsed.Error && parsed.Type == "parser":
		return gongkai.Errorf(gongkai.CodeInvalid, "SQL 语法错误：%s", parsed.Message)
	case parsed.Error:
		return errNotSelect
	case len(parsed.Statements) == 0:
		return gongkai.Errorf(gongkai.CodeInvalid, "请输入一条 SQL 查询语句")
	case len(parsed.Statements) > 1:
		return gongkai.Errorf(gongkai.CodeInvalid, "一次只能执行一条语句（发现 %d 条）", len(parsed.Statements))
	}
	return conn.Raw(func(dc any) error {
		s, err := dc.(*duckdb.Conn).PrepareContext(ctx, query)
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
}

var errNotSelect = gongkai.Errorf(gongkai.CodeInvalid,
	"只允许只读的查询语句（SELECT）：不能修改数据或表（INSERT、UPDATE、DELETE、CREATE、DROP），不能导入导出文件（COPY），不能连接其他数据库（ATTACH），不能安装或加载扩展（INSTALL、LOAD），不能更改设置（SET、PRAGMA）")

// sandboxError explains why an ad-hoc query failed.
func sandboxError(ctx context.Context, db *DB, err error) error {
	var ge *gongkai.Error
	if errors.As(err, &ge) {
		return err
	}
	msg := duckMessage(err)
	switch {
	case ctx.Err() != nil || strings.Contains(msg, "Interrupt"):
		return &gongkai.Error{Code: gongkai.CodeTimeout,
			Message: fmt.Sprintf("查询超过 %s 未完成，已停止；请缩小范围（例如加上 WHERE 或 LIMIT）", db.opts.SandboxTimeout), Err: err}
	case strings.Contains(msg, "Permission Error") || strings.Contains(msg, "disabled"):
		return gongkai.Errorf(gongkai.CodeInvalid, "不允许访问数据库以外的文件、网络或扩展：%s", msg)
	case strings.Contains(msg, "read-only") || strings.Contains(msg, "read only"):
		return errNotSelect
	case strings.Contains(msg, "Out of Memory"):
		return gongkai.Errorf(gongkai.CodeInvalid, "查询所需内存超出限制，已停止；请缩小范围")
	}
	// The analyst's own SQL failed: DuckDB's first line says why, and is all
	// the detail there is.
	return gongkai.Errorf(gongkai.CodeInvalid, "SQL 错误：%s", msg)
}

// duckMessage is the first line of a DuckDB error: the kind and the reason,
// without the echo of the statement.
func duckMessage(err error) string {
	msg := err.Error()
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	return strings.TrimSpace(msg)
}
