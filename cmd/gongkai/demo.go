package main

import (
	"context"
	"fmt"

	"gongkai/demo"
	"gongkai/region"
	"gongkai/warehouse"
)

func init() {
	commands["demo"] = command{
		usage: "demo [--agencies N] [--seed N]                载入演示数据集（所有页面都会标明是演示数据）",
		run:   runDemo,
	}
}

// maxDemoAgencies bounds --agencies: about six reports an agency, loaded in
// batches; 200,000 agencies make the 1.2 million reports of make bench-scale.
const maxDemoAgencies = 200000

// runDemo generates the demo set and loads it. Loading the same set again
// changes nothing: every report is a duplicate of itself.
func runDemo(ctx context.Context, e env) error {
	fs := newFlags("demo", e)
	db := dbFlag(fs, e)
	agencies := fs.Int("agencies", demo.DefaultAgencies, "机关数量（每个机关 2019–2024 年各一份报告）")
	seed := fs.Int64("seed", demo.DefaultSeed, "随机种子：相同的种子生成相同的数据")
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usageErrorf("用法：gongkai demo [--agencies N] [--seed N] [--db PATH]")
	}
	if *agencies < 1 || *agencies > maxDemoAgencies {
		return usageErrorf("--agencies 应在 1 到 %d 之间", maxDemoAgencies)
	}
	// The divisions are an embedded build asset; say so before opening anything.
	if _, err := region.Load(); err != nil {
		return err
	}
	wh, err := warehouse.OpenWith(ctx, *db, warehouse.Options{CheckpointThreshold: warehouse.BulkCheckpointThreshold})
	if err != nil {
		return err
	}
	defer wh.Close()
	n, err := demo.LoadGenerated(ctx, wh, *seed, *agencies)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "已载入演示数据：%d 个机关，%d 份报告（%d–%d 年），数据库 %s\n",
		*agencies, n, demo.FirstYear, demo.LastYear, *db)
	return nil
}
