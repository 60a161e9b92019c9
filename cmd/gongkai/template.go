package main

import (
	"bytes"
	"context"
	"fmt"
	"os"

	"gongkai"
	"gongkai/template"
)

func init() {
	commands["template"] = command{
		usage: "template [--format 2021|2019] -o FILE.xlsx    生成官方格式的空白填报工作簿",
		run:   runTemplate,
	}
}

// runTemplate writes the blank official workbook of a format. It exits 2 for
// an unknown format or a missing -o, and 1 when the file cannot be written;
// a file is either written whole or not at all.
func runTemplate(ctx context.Context, e env) error {
	fs := newFlags("template", e)
	fs.String("db", "", "不使用（template 不读写数据库）")
	format := fs.String("format", gongkai.Format2021, "格式：2021 或 2019")
	out := fs.String("o", "", "输出文件（.xlsx）")
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	if fs.NArg() != 0 || *out == "" {
		return usageErrorf("用法：gongkai template [--format 2021|2019] -o FILE.xlsx")
	}
	if f := gongkai.FormatByID(*format); f == nil || len(f.Tables) == 0 {
		return usageErrorf("未知的格式 %q：可选 2021 或 2019", *format)
	}
	var buf bytes.Buffer
	if err := template.WriteTemplate(&buf, *format); err != nil {
		return err
	}
	// Written to a temporary file and renamed, so that a failure leaves no
	// half-written workbook behind.
	tmp := *out + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("写入 %s: %w", *out, err)
	}
	if err := os.Rename(tmp, *out); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("写入 %s: %w", *out, err)
	}
	fmt.Fprintf(e.stdout, "已生成 %s（%s）\n", *out, gongkai.FormatByID(*format).Name)
	return nil
}
