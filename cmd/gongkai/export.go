package main

import (
	"context"
	"fmt"
	"strings"

	"gongkai/warehouse"
)

func init() {
	commands["export"] = command{
		usage: "export --format parquet|csv|xlsx --out DIR        导出分析视图（Parquet 按年度、省份分区，另附 store/ 数据湖）",
		run:   runExport,
	}
}

// runExport writes the analyst views into a folder (for Parquet also the
// stored tables as a lake, see warehouse.LakeTables). The warehouse is opened
// read-only, so exports run beside other readers.
func runExport(ctx context.Context, e env) error {
	fs := newFlags("export", e)
	dbPath := dbFlag(fs, e)
	format := fs.String("format", "", "导出格式：parquet、csv 或 xlsx")
	out := fs.String("out", "", "导出目录")
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	if fs.NArg() != 0 || *out == "" || *format == "" {
		return usageErrorf("用法：gongkai export --format parquet|csv|xlsx --out DIR")
	}
	switch *format {
	case warehouse.ExportParquet, warehouse.ExportCSV, warehouse.ExportXLSX:
	default:
		return usageErrorf("--format %q 无效：可用 parquet、csv、xlsx", *format)
	}
	// An older file exports the tables it has (docs/scaling.md).
	db, err := warehouse.OpenWith(ctx, *dbPath, warehouse.Options{ReadOnly: true, Older: true})
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Export(ctx, *format, *out); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "已导出 %s 格式到 %s：%s\n", *format, *out, strings.Join(warehouse.ExportViews, "、"))
	return nil
}
