package warehouse

import (
	"context"
	"fmt"

	"gongkai"
)

// checkReadOnly refuses a warehouse opened read-only that Open would have
// to repair before its figures can be trusted, since a read-only open cannot
// write: a migration not yet applied (the pages' tables may be missing or
// older), or a summary or roll-up out of step with the reports and agencies
// or the agencies' status or kept totals (an UPDATE by hand outside
// gongkai, or loads by an older binary; see checkSummary, checkRollup,
// checkStatus and checkTotals). Serving it, `gongkai query` and
// `gongkai export` would show the totals of before the edit without a word.
// The checks are the ones Open makes, read only: one pass over store.reports
// and the summary, one over the agencies, one over the current reports.
//
// Its error is a *gongkai.Error with CodeUnavailable whose message names the
// file and the remedy, open it read-write once; other errors are the
// database's.
func (db *DB) checkReadOnly(ctx context.Context) error {
	pending, err := db.pendingMigrations(ctx)
	if err != nil {
		return err
	}
	if pending == 0 || db.opts.Older {
		// store.agencies' ids are as old as the file (0001): an export
		// of an older file would list a doubled agency's rows twice too.
		if err := db.checkAgencyIDs(ctx); err != nil {
			return err
		}
	}
	if pending > 0 && db.opts.Older {
		return db.checkCompareTop(ctx, true)
	}
	if pending > 0 {
		return gongkai.Errorf(gongkai.CodeUnavailable,
			"数据库文件 %s 需要升级（%d 个迁移未执行），只读打开无法升级：请先以读写方式打开一次（例如运行 gongkai serve 或 gongkai user list），再只读使用"+
				" / %s needs %d migrations; open it read-write once (e.g. gongkai serve) before opening it read-only", db.path, pending, db.path, pending)
	}
	var stale int64
	for _, check := range []string{"summary_stale", "rollup_stale", "agency_status_stale", "agency_totals_stale", "compare_totals_stale", "cells_check_stale"} {
		var n int64
		if err := db.db.QueryRowContext(ctx, stmt(check)).Scan(&n); err != nil {
			return fmt.Errorf("warehouse: %s: %w", check, err)
		}
		stale += n
	}
	if stale > 0 {
		return gongkai.Errorf(gongkai.CodeUnavailable,
			"数据库文件 %s 的报告汇总与报告或机关不一致（它们在 gongkai 之外被修改过），只读打开无法重建汇总，所示合计会不准确：请先以读写方式打开一次（例如运行 gongkai serve 或 gongkai user list）以重建，再只读使用"+
				" / the summary tables of %s are out of step with its reports (changed outside gongkai); open it read-write once (e.g. gongkai serve) to rebuild them", db.path, db.path)
	}
	return db.checkCompareTop(ctx, false)
}

// pendingMigrations returns how many embedded migrations the file has not
// applied.
func (db *DB) pendingMigrations(ctx context.Context) (int, error) {
	rows, err := db.db.QueryContext(ctx, stmt("migrations_applied"))
	if err != nil {
		// A file without schema_migrations is no warehouse of ours, or one
		// from before migrations were recorded.
		return 0, &gongkai.Error{Code: gongkai.CodeUnavailable,
			Message: fmt.Sprintf("数据库文件 %s 不是 gongkai 数据库，或需要升级：请先以读写方式打开一次", db.path), Err: err}
	}
	applied := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return 0, fmt.Errorf("warehouse: migrations applied: %w", err)
		}
		applied[v] = true
	}
	if err := closeRows(rows); err != nil {
		return 0, fmt.Errorf("warehouse: migrations applied: %w", err)
	}
	ms, err := migrations()
	if err != nil {
		return 0, err
	}
	n := 0
	for _, m := range ms {
		if !applied[m.version] {
			n++
		}
	}
	return n, nil
}
