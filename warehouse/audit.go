package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// AuditEntry is one line of the audit log: who (Actor, from Remote) did what
// (Action, e.g. report.upload, report.replace, user.create, token.revoke,
// agency.region) when, to which report, and how it ended (Result: ok,
// duplicate, rejected, forbidden …). Fields that do not apply are zero.
type AuditEntry struct {
	ID            int64
	At            time.Time
	Actor, Remote string
	Action        string
	Agency        string
	Year, Version int
	ReportID      int64
	SHA256        string
	Result        string
	Detail        string
}

// Audit appends e to the audit log (At defaults to now). The log is only
// ever appended to; errors are the warehouse's.
func (db *DB) Audit(ctx context.Context, e AuditEntry) error {
	if db.state == nil {
		return errReadOnly
	}
	if err := audit(ctx, db.db, e); err != nil {
		return fmt.Errorf("warehouse: audit %s: %w", e.Action, err)
	}
	return nil
}

// execer is a *sql.DB or *sql.Tx: account changes write their audit entry
// in their own transaction, so that neither exists without the other.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func audit(ctx context.Context, x execer, e AuditEntry) error {
	if e.At.IsZero() {
		e.At = time.Now().UTC()
	}
	if e.Actor == "" {
		e.Actor = "?"
	}
	if e.Result == "" {
		e.Result = "ok"
	}
	_, err := x.ExecContext(ctx, stmt("audit_insert"), e.At, e.Actor, null(e.Remote), e.Action, null(e.Agency),
		nullInt(int64(e.Year)), nullInt(int64(e.Version)), nullInt(e.ReportID), null(e.SHA256), e.Result, null(e.Detail))
	return err
}

func nullInt(n int64) any {
	if n == 0 {
		return nil
	}
	return n
}

// AuditFilter selects audit entries. Zero fields do not filter; Limit
// defaults to 500 and is capped at 100,000.
type AuditFilter struct {
	Actor    string
	Action   string // a prefix: "report." matches every report action
	Agency   string // a part of the agency's name
	Year     int
	From, To time.Time // From inclusive, To exclusive
	Limit    int
}

// AuditLog returns the entries f selects, newest first. Errors are the
// warehouse's.
func (db *DB) AuditLog(ctx context.Context, f AuditFilter) ([]AuditEntry, error) {
	if f.Limit <= 0 {
		f.Limit = 500
	}
	if f.Limit > 100000 {
		f.Limit = 100000
	}
	var from, to any
	if !f.From.IsZero() {
		from = f.From
	}
	if !f.To.IsZero() {
		to = f.To
	}
	rows, err := db.db.QueryContext(ctx, stmt("audit_read"), null(f.Actor), null(f.Action), null(f.Agency),
		nullInt(int64(f.Year)), from, to, f.Limit)
	if err != nil {
		return nil, fmt.Errorf("warehouse: audit log: %w", err)
	}
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		if err := rows.Scan(&e.ID, &e.At, &e.Actor, &e.Remote, &e.Action, &e.Agency, &e.Year, &e.Version,
			&e.ReportID, &e.SHA256, &e.Result, &e.Detail); err != nil {
			rows.Close()
			return nil, fmt.Errorf("warehouse: audit log: %w", err)
		}
		out = append(out, e)
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("warehouse: audit log: %w", err)
	}
	return out, nil
}
