package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"gongkai/warehouse"
)

func init() {
	commands["compact"] = command{
		usage: "compact [--memory-limit 2GB]            按格整理数字副本（大批载入之后运行，地区汇总的下钻因此加快）",
		run:   runCompact,
	}
}

// runCompact copies the figures loaded since the last copy into the copy by
// cell (warehouse.CopyCells, migration 0032) that the breakdown of one
// figure of the regional roll-up reads, however few wait, and says how long
// it took; then it writes the regional roll-ups again without the rows a
// load deleted from them (warehouse.CompactRollups), when those are many,
// ranks the agencies by name again when a load added one
// (warehouse.RankAgencies, for 地区汇总's lists), and builds the rankings'
// kept totals again when an agency changed since they were built
// (warehouse.CompactTotals). A copy by cell holding rows deleted since it
// was written (serve's pass deletes the figures of retired reports in
// place) is written again without them.
// It is the step after a bulk load (gongkai demo, gongkai ingest), kept out
// of them so that their load rate stays theirs; gongkai serve does the same
// in the background. A run interrupted (Ctrl-C) keeps the runs it finished.
// compactMemoryLimit is DuckDB's memory limit in gongkai compact unless
// --memory-limit says otherwise.
const compactMemoryLimit = "2GB"

func runCompact(ctx context.Context, e env) error {
	fs := newFlags("compact", e)
	db := dbFlag(fs, e)
	// Building the rankings' kept totals again (0044) after a bulk load of
	// 1M reports ran out of memory at 1GB and took 1.2 GB of RSS at 2GB.
	memLimit := fs.String("memory-limit", compactMemoryLimit, "DuckDB 可用内存上限（如 2GB）")
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usageErrorf("用法：gongkai compact [--memory-limit 2GB] [--db PATH]")
	}
	wh, err := warehouse.OpenWith(ctx, *db, warehouse.Options{MemoryLimit: *memLimit})
	if err != nil {
		return err
	}
	defer wh.Close()
	start := time.Now()
	// Dense: a copy holding deleted rows (a purge by serve's pass, or by a
	// gongkai before this one) is written again without them, so that every
	// scan of it costs what a fresh copy's does (warehouse.CellDead).
	at, err := wh.CopyCells(ctx, warehouse.CellOptions{Dense: true}, func(at warehouse.CellCopy) {
		fmt.Fprintf(e.stderr, "已整理到第 %d 份报告，还有 %d 份（%s）\n", at.Watermark, at.Tail, time.Since(start).Round(time.Second))
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "按格整理数字：本次 %d 份报告，用时 %s；副本共 %d 段，覆盖到第 %d 份报告\n",
		at.Copied, time.Since(start).Round(10*time.Millisecond), at.Runs, at.Watermark)
	if at.Purged > 0 {
		fmt.Fprintf(e.stdout, "按格副本删去 %d 份已被取代的报告的数字\n", at.Purged)
	}
	if at.Rewrote {
		fmt.Fprintf(e.stdout, "按格副本已重写，去掉 %d 行已删除的数字（共用时 %s）\n", at.Dead, time.Since(start).Round(10*time.Millisecond))
	}
	start = time.Now()
	rc, err := wh.CompactRollups(ctx)
	if err != nil {
		return err
	}
	if rc.Summary {
		fmt.Fprintf(e.stdout, "重写 store.summary_rollup：%d 行（含已删除）→ %d 行\n", rc.SummaryRows, rc.SummaryLive)
	}
	if rc.Region {
		fmt.Fprintf(e.stdout, "重写 store.region_rollup：%d 行（含已删除）→ %d 行\n", rc.RegionRows, rc.RegionLive)
	}
	if rc.Years {
		fmt.Fprintf(e.stdout, "按年度重写 store.year_reports：%d 行（含已删除）→ %d 行\n", rc.YearRows, rc.YearLive)
	}
	if rc.Summary || rc.Region || rc.Years {
		fmt.Fprintf(e.stdout, "重写地区汇总表用时 %s\n", time.Since(start).Round(10*time.Millisecond))
	}
	start = time.Now()
	if n, err := wh.RankAgencies(ctx); err != nil {
		return err
	} else if n > 0 {
		fmt.Fprintf(e.stdout, "机构按名称排序：%d 个机构，用时 %s\n", n, time.Since(start).Round(10*time.Millisecond))
	}
	start = time.Now()
	tc, err := wh.CompactTotals(ctx, 1)
	if err != nil {
		return err
	}
	if tc.Rebuilt {
		fmt.Fprintf(e.stdout, "重建各机关逐年累计（排名用）：%d 个机关有变动，用时 %s\n", tc.Changed, time.Since(start).Round(10*time.Millisecond))
	}
	if tc.Kept > 0 {
		fmt.Fprintf(e.stdout, "保存机构排名（全国及各省）：%d 个答案，用时 %s\n", tc.Kept, time.Since(start).Round(10*time.Millisecond))
	}
	return nil
}

// serveCellsEvery is how often gongkai serve looks for reports waiting to be
// copied by cell, and serveCellRun the reports of one of its runs: as few as
// it waits for (warehouse.CellMin), so that a run's sort adds little to the
// server's memory while pages are served. With runs of 65,536 reports a 1M
// tail peaked at 1.14 GB of RSS under serve's 512MB DuckDB limit (goal
// 1 GB); a bulk load is copied in fewer, longer runs by gongkai compact.
const (
	serveCellsEvery = time.Minute
	serveCellRun    = warehouse.CellMin
)

// serveTotalsLeast is how many agencies changed since the rankings' kept
// totals were built make gongkai serve build them again (0044): until
// then the rankings sum those agencies from their reports, ~3-4 ms of a
// query per 1,000 agencies at 1M reports; a build takes about a minute
// there, and an upload waits for the piece of it under way (a few
// seconds), not the whole build (warehouse.CompactTotals).
const serveTotalsLeast = 1000

// keepCellsCopied copies the figures by cell in the background of gongkai
// serve whenever least or more reports wait (uploads, or a file loaded
// without gongkai compact), one run at a time under the writer lock, until
// ctx ends (the figures of the reports uploads retired leave the copy,
// which is written again once its deleted rows come to warehouse.CellDead;
// uploads wait for that, ~26 s at 1M reports), writes the roll-ups again
// when uploads have left them with
// many deleted rows (warehouse.CompactRollups), ranks the agencies by name
// again when an upload added one (warehouse.RankAgencies: until then
// 地区汇总's lists sort the names; a ranking at 1M reports sorts 170,000
// names), and builds the rankings' totals again when serveTotalsLeast
// agencies have changed (warehouse.CompactTotals). A failure is logged and
// tried again later (a failed build of the totals, which reads every
// current report, only after a wait that doubles with each failure, see
// backoff): region_figure reads the reports after the watermark from
// store.figures, the roll-ups' sums and 地区汇总's lists are the same
// either way.
func keepCellsCopied(ctx context.Context, wh *warehouse.DB, logger *slog.Logger, least int64, every time.Duration) {
	var totals backoff
	for {
		start := time.Now()
		at, err := wh.CopyCells(ctx, warehouse.CellOptions{Run: serveCellRun, Least: least}, func(at warehouse.CellCopy) {
			logger.Info("figures copied by cell", "watermark", at.Watermark, "waiting", at.Tail,
				"seconds", time.Since(start).Round(100*time.Millisecond).Seconds())
		})
		if err != nil && ctx.Err() == nil {
			logger.Warn("copying figures by cell failed; tried again later", "err", err)
		}
		if at.Copied > 0 || at.Purged > 0 || at.Rewrote {
			logger.Info("copy by cell up to date", "reports", at.Copied, "runs", at.Runs, "watermark", at.Watermark,
				"retired_reports_deleted", at.Purged, "written_again", at.Rewrote, "deleted_rows_before", at.Dead,
				"seconds", time.Since(start).Round(100*time.Millisecond).Seconds())
		}
		if n, err := wh.RankAgencies(ctx); err != nil && ctx.Err() == nil {
			logger.Warn("ranking the agencies by name failed; tried again later", "err", err)
		} else if n > 0 {
			logger.Info("agencies ranked by name", "agencies", n)
		}
		if rc, err := wh.CompactRollups(ctx); err != nil && ctx.Err() == nil {
			logger.Warn("writing the roll-ups again failed; tried again later", "err", err)
		} else if rc.Summary || rc.Region || rc.Years {
			logger.Info("roll-ups written again without their deleted rows", "summary_rows", rc.SummaryRows, "summary_live", rc.SummaryLive,
				"region_rows", rc.RegionRows, "region_live", rc.RegionLive, "year_reports_rows", rc.YearRows, "year_reports_live", rc.YearLive)
		}
		if t0 := time.Now(); totals.ready(t0) {
			if tc, err := wh.CompactTotals(ctx, serveTotalsLeast); err != nil && ctx.Err() == nil {
				logger.Warn("building the rankings' totals again failed; tried again later", "err", err,
					"next_try_in", totals.failed(time.Now()).String())
			} else if err == nil {
				totals.succeeded()
				if tc.Rebuilt {
					logger.Info("rankings' totals built again", "changed_agencies", tc.Changed,
						"seconds", time.Since(t0).Round(100*time.Millisecond).Seconds())
				}
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(every):
		}
	}
}

// backoff spaces the tries of a background task that failed: the first
// retry waits backoffFirst, each failure after it twice as long, up to
// backoffMax; a success ends the waits. The zero value is ready.
type backoff struct {
	wait  time.Duration
	until time.Time
}

const (
	backoffFirst = 10 * time.Minute
	backoffMax   = 4 * time.Hour
)

// ready says whether the task may run at now.
func (b *backoff) ready(now time.Time) bool { return !now.Before(b.until) }

// failed records a failure at now and returns how long the task waits.
func (b *backoff) failed(now time.Time) time.Duration {
	b.wait = min(max(2*b.wait, backoffFirst), backoffMax)
	b.until = now.Add(b.wait)
	return b.wait
}

// succeeded ends the waits.
func (b *backoff) succeeded() { *b = backoff{} }
