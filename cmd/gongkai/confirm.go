package main

import (
	"context"
	"fmt"
	"strconv"

	"gongkai/warehouse"
)

func init() {
	commands["confirm"] = command{
		usage: "confirm REPORT_ID    确认一个待确认的新版本，使其替代现行版本",
		run:   runConfirm,
	}
}

// runConfirm makes a pending report version current (warehouse.Confirm),
// for a version loaded by `gongkai ingest` without --confirm. Exit 1 when the
// report does not exist or is not pending, 2 on bad usage.
func runConfirm(ctx context.Context, e env) error {
	fs := newFlags("confirm", e)
	dbPath := dbFlag(fs, e)
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageErrorf("用法：gongkai confirm REPORT_ID")
	}
	id, err := strconv.ParseInt(fs.Arg(0), 10, 64)
	if err != nil || id <= 0 {
		return usageErrorf("报告编号 %q 无效", fs.Arg(0))
	}
	db, err := warehouse.Open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := db.Confirm(ctx, id, "cli")
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "已确认：报告#%d（第%d版）现为现行版本\n", res.ReportID, res.Version)
	return nil
}
