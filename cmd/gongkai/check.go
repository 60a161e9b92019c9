package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"gongkai"
	"gongkai/ingest"
)

func init() {
	commands["check"] = command{
		usage: "check [--agency NAME] [--year N] [--json] FILE    解析并校验一份报告，不入库",
		run:   runCheck,
	}
}

// runCheck parses and validates one file without loading it. It exits 0 when
// the file parses, whatever its findings; 1 when the file is rejected; 2 on
// bad usage.
func runCheck(ctx context.Context, e env) error {
	fs := newFlags("check", e)
	fs.String("db", "", "不使用（check 不读写数据库）")
	agency := fs.String("agency", "", "单位名称（优先于文件中的写法）")
	year := fs.Int("year", 0, "数据所属年度（优先于文件中的写法）")
	asJSON := fs.Bool("json", false, "以 JSON 输出报告")
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageErrorf("用法：gongkai check [--agency NAME] [--year N] [--json] FILE")
	}
	if *year != 0 && (*year < 1990 || *year > 2100) {
		return usageErrorf("--year %d 无效：请填写数据所属年份，如 2021", *year)
	}
	path := fs.Arg(0)
	data, err := os.ReadFile(path)
	if err != nil {
		return gongkai.Errorf(gongkai.CodeInvalid, "无法读取文件 %s：%v", path, err)
	}
	r, err := ingest.Parse(filepath.Base(path), data, ingest.Options{Agency: *agency, Year: *year})
	if err != nil {
		return withFlagHint(err)
	}
	if *asJSON {
		return writeCheckJSON(e.stdout, r)
	}
	writeCheckText(e.stdout, r)
	return nil
}

// checkValue is one figure as `check --json` prints it.
type checkValue struct {
	Measure   string   `json:"measure"`
	Applicant string   `json:"applicant"`
	Value     *float64 `json:"value"` // null when the cell is blank; the unit, if any, is in raw
	Raw       string   `json:"raw"`
	At        string   `json:"at"`
}

// checkReport is the object `check --json` prints (design.md).
type checkReport struct {
	Agency   string            `json:"agency"`
	Year     int               `json:"year"`
	Format   string            `json:"format"`
	Values   []checkValue      `json:"values"`
	Findings []gongkai.Finding `json:"findings"`
}

func writeCheckJSON(w io.Writer, r *gongkai.Report) error {
	out := checkReport{Agency: r.Agency, Year: r.Year, Format: r.Format,
		Values: make([]checkValue, 0, len(r.Values)), Findings: r.Findings}
	for _, v := range r.Values {
		out.Values = append(out.Values, checkValue{Measure: v.Measure, Applicant: v.Applicant,
			Value: v.Number, Raw: v.Raw, At: v.At})
	}
	if out.Findings == nil {
		out.Findings = []gongkai.Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// writeCheckText prints a summary a person reads: who, which year and
// format, how many figures, and every finding grouped by severity with its
// place and labels.
func writeCheckText(w io.Writer, r *gongkai.Report) {
	format := r.Format
	if f := gongkai.FormatByID(r.Format); f != nil {
		format = f.Name
	}
	fmt.Fprintf(w, "单位：%s\n年度：%d\n格式：%s\n数值：%d 个\n", r.Agency, r.Year, format, len(r.Values))
	errs, warns := gongkai.CountSeverities(r.Findings)
	if errs+warns == 0 {
		fmt.Fprintln(w, "未发现问题。")
		return
	}
	fmt.Fprintf(w, "问题：%d 个错误，%d 个警告\n", errs, warns)
	for _, group := range []struct{ severity, title string }{
		{gongkai.SeverityError, "错误"}, {gongkai.SeverityWarning, "警告"},
	} {
		first := true
		for _, f := range r.Findings {
			if (f.Severity == gongkai.SeverityError) != (group.severity == gongkai.SeverityError) {
				continue
			}
			if first {
				fmt.Fprintf(w, "\n%s：\n", group.title)
				first = false
			}
			at := f.At
			if at == "" {
				at = "—"
			}
			// Name the cell by its labels unless the message already does.
			if f.RowLabel != "" && !strings.Contains(f.Message, f.RowLabel) {
				at += "（" + f.RowLabel
				if f.ColumnLabel != "" {
					at += " × " + f.ColumnLabel
				}
				at += "）"
			}
			fmt.Fprintf(w, "  [%s] %s  %s\n", f.Rule, at, f.Message)
		}
	}
}
