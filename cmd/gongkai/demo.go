package main

import (
	"context"
	"fmt"
	"os"
	"runtime/debug"
	"time"

	"gongkai/demo"
	"gongkai/region"
	"gongkai/warehouse"
)

func init() {
	commands["demo"] = command{
		usage: "demo [--agencies N] [--seed N] [--country] [--versions]    载入演示数据集（所有页面都会标明是演示数据）",
		run:   runDemo,
	}
}

// maxDemoAgencies bounds --agencies: about six reports an agency, loaded in
// batches; 200,000 agencies make the 1.2 million reports of make bench-scale.
const maxDemoAgencies = 200000

// A demo load appends: DuckDB needs little memory for it beyond what it
// caches, so it gets less than a server's default, and the Go heap (the
// writer's state) a soft limit; see runDemo.
const (
	demoMemoryLimit   = "1GB"
	demoGoMemoryLimit = 2560 << 20
	demoGCPercent     = 400
)

// demoProgressEvery is how many reports pass between two progress lines:
// none for the default set, a line every few seconds for a national one.
const demoProgressEvery = 50000

// runDemo generates the demo set and loads it. Loading the same set again
// changes nothing: every report is a duplicate of itself.
func runDemo(ctx context.Context, e env) error {
	fs := newFlags("demo", e)
	db := dbFlag(fs, e)
	agencies := fs.Int("agencies", demo.DefaultAgencies, "机关数量（每个机关 2019–2024 年各一份报告）")
	seed := fs.Int64("seed", demo.DefaultSeed, "随机种子：相同的种子生成相同的数据")
	country := fs.Bool("country", false, "按全国的形状抽取机关：31 个省份，层级比例接近实际（默认只取两个省）")
	versions := fs.Bool("versions", false, "载入后再上传约 3% 报告的更正版本（已确认，取代原版本）和 0.3% 的待确认版本，如实际仓库所有")
	memLimit := fs.String("memory-limit", demoMemoryLimit, "DuckDB 可用内存上限（如 1GB）")
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usageErrorf("用法：gongkai demo [--agencies N] [--seed N] [--country] [--versions] [--db PATH]")
	}
	if *agencies < 1 || *agencies > maxDemoAgencies {
		return usageErrorf("--agencies 应在 1 到 %d 之间", maxDemoAgencies)
	}
	// The divisions are an embedded build asset; say so before opening anything.
	if _, err := region.Load(); err != nil {
		return err
	}
	// The writer's memory grows with the warehouse (about 1.2 KB a report:
	// the 内容雷同 index, the rules' figures); a soft limit on the Go heap
	// makes the collector work harder near it instead of letting the heap
	// double. At 1.5 GiB the collector ran ever more often past ~750k
	// reports (the last slice of a 1M load at half the speed of the first);
	// at 2.5 GiB the load stays flat to a million, the process peaking near
	// 3.6 GB (docs/benchmarks.md). Flat, not free: past ~400k reports the
	// live heap (the writer's state, ~1.4 GB at 900k, three quarters of it
	// the 内容雷同 index) leaves the collector less room under the limit,
	// and it ran more often: 2.0 of the first 100k reports' 39 CPU-seconds,
	// 7.4 of the last 100k's 31 (session 38, BenchmarkLoadGenerated with
	// GONGKAI_BENCH_SLICE, a busy machine). A smaller state or a higher limit cuts that.
	// Session 39 shrank the 内容雷同 index at a million demo reports from
	// 835 to 513 MB (TestSimIndexReplay in warehouse: blocks kept once,
	// 28-byte bucket entries, 32-bit block keys, no map of whole signatures).
	// GOMEMLIMIT, when set, is the operator's choice and wins.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(demoGoMemoryLimit)
	}
	// Below the limit the collector ran each time the heap doubled, a
	// tenth of a demo load's CPU; with demoGCPercent it runs at the limit
	// or when the heap has grown demoGCPercent %, whichever comes first,
	// so never more often than before, and a load of a million reports
	// runs at the limit either way. GOGC, when set, wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(demoGCPercent)
	}
	wh, err := warehouse.OpenWith(ctx, *db, warehouse.Options{CheckpointThreshold: warehouse.BulkCheckpointThreshold,
		MemoryLimit: *memLimit})
	if err != nil {
		return err
	}
	defer wh.Close()
	start, shown := time.Now(), 0
	shape := demo.TwoProvinces
	if *country {
		shape = demo.Country
	}
	n, err := demo.LoadGeneratedShape(ctx, wh, *seed, *agencies, shape, func(loaded int) {
		if loaded-shown >= demoProgressEvery {
			shown = loaded
			fmt.Fprintf(e.stderr, "已载入 %d 份报告（%s）\n", loaded, time.Since(start).Round(time.Second))
		}
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "已载入演示数据：%d 个机关，%d 份报告（%d–%d 年），数据库 %s\n",
		*agencies, n, demo.FirstYear, demo.LastYear, *db)
	if *versions {
		// After the set, as uploads: each re-upload retires a version and
		// each pending one waits, so that figure_totals and every query
		// over all figures meet versions that are not current.
		start = time.Now()
		re, pending, err := demo.LoadVersions(ctx, wh, *seed, *agencies, shape, demo.BenchVersions)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "已载入更正版本 %d 份（已确认）、待确认版本 %d 份（%s）\n", re, pending, time.Since(start).Round(time.Second))
	}
	return nil
}
