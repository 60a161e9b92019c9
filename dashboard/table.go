package dashboard

import (
	"fmt"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"time"

	"gongkai/warehouse"
)

// col returns the index of the named column of t, or -1.
func col(t *warehouse.Table, name string) int {
	for i, c := range t.Columns {
		if c == name {
			return i
		}
	}
	return -1
}

// get returns the value of column name in row i of t, or nil when the column
// or the row does not exist.
func get(t *warehouse.Table, i int, name string) any {
	j := col(t, name)
	if j < 0 || i < 0 || i >= len(t.Rows) || j >= len(t.Rows[i]) {
		return nil
	}
	return t.Rows[i][j]
}

// number converts a value of a query result to float64. ok is false for NULL
// and for values that are not numbers. DuckDB returns sums as HUGEINT
// (*big.Int) and decimals as a type with a Float64 method; both are handled.
func number(v any) (f float64, ok bool) {
	switch x := v.(type) {
	case nil:
		return 0, false
	case int:
		return float64(x), true
	case int8:
		return float64(x), true
	case int16:
		return float64(x), true
	case int32:
		return float64(x), true
	case int64:
		return float64(x), true
	case uint8:
		return float64(x), true
	case uint16:
		return float64(x), true
	case uint32:
		return float64(x), true
	case uint64:
		return float64(x), true
	case float32:
		return float64(x), true
	case float64:
		return x, !math.IsNaN(x)
	case *float64:
		// Findings carry expected and actual as pointers, so that "absent"
		// and 0 stay apart; a nil one is absent.
		if x == nil {
			return 0, false
		}
		return *x, !math.IsNaN(*x)
	case *big.Int:
		if x == nil {
			return 0, false
		}
		f, _ := new(big.Float).SetInt(x).Float64()
		return f, true
	case interface{ Float64() float64 }:
		return x.Float64(), true
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		return f, err == nil
	}
	return 0, false
}

// integer returns v as int64 (0 when it is not a number).
func integer(v any) int64 {
	f, _ := number(v)
	return int64(math.Round(f))
}

// text renders a query value for a person: numbers with digit grouping,
// times as dates, NULL as empty.
func text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case *float64:
		if x == nil {
			return ""
		}
		return groupDigits(*x)
	case string:
		return x
	case bool:
		if x {
			return "是"
		}
		return "否"
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 {
			return x.Format("2006-01-02")
		}
		return x.Format("2006-01-02 15:04")
	case []byte:
		return fmt.Sprintf("（%d 字节）", len(x))
	}
	if f, ok := number(v); ok {
		return groupDigits(f)
	}
	return fmt.Sprint(v)
}

// plain renders a value without digit grouping (years, ids, chart axes).
func plain(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	}
	if f, ok := number(v); ok {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return text(v)
}

// groupDigits formats f with thousands separators, the way Chinese
// statistical tables print figures: 12,345 and 0.5 and -1,200.5.
func groupDigits(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if math.Abs(f) >= 1e15 || strings.ContainsAny(s, "eE") {
		return s
	}
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if hasFrac {
		if len(frac) > 2 {
			frac = strings.TrimRight(frac[:2], "0")
		}
		if frac != "" {
			b.WriteString("." + frac)
		}
	}
	return sign + b.String()
}

// percent renders a ratio (0.456) as "45.6%", and NULL as "—".
func percent(v any) string {
	f, ok := number(v)
	if !ok {
		return "—"
	}
	return strconv.FormatFloat(math.Round(f*1000)/10, 'f', 1, 64) + "%"
}

// dataTable is a query result laid out for people: Chinese column headings
// and formatted cells. Every chart shows one under its 数据表 toggle.
type dataTable struct {
	Columns []string
	Rows    [][]string
	Numeric []bool // right-align the numeric columns
	// Links holds, per row, the page its LinkCol cell leads to ("" for
	// none): the same drill-down as the chart's bars, reachable by keyboard.
	Links   []string
	LinkCol int
	keys    []string // the query columns behind Columns
}

// Link returns the URL of cell j of row i, or "".
func (dt dataTable) Link(i, j int) string {
	if j != dt.LinkCol || i >= len(dt.Links) {
		return ""
	}
	return dt.Links[i]
}

// setLinks links the key column of every row i of t (the result the table
// was made from) to link(i).
func (dt *dataTable) setLinks(t *warehouse.Table, key string, link func(i int) string) {
	dt.LinkCol = slices.Index(dt.keys, key)
	if dt.LinkCol < 0 {
		dt.LinkCol = 0
	}
	dt.Links = make([]string, len(t.Rows))
	for i := range t.Rows {
		dt.Links[i] = link(i)
	}
}

// newDataTable formats t with the headings of columnLabels; columns listed in
// hide are left out.
func newDataTable(t *warehouse.Table, hide ...string) dataTable {
	skip := map[string]bool{}
	for _, h := range hide {
		skip[h] = true
	}
	var idx []int
	var dt dataTable
	for j, c := range t.Columns {
		if skip[c] {
			continue
		}
		idx = append(idx, j)
		dt.keys = append(dt.keys, c)
		dt.Columns = append(dt.Columns, columnLabel(c))
		dt.Numeric = append(dt.Numeric, c != "year" && c != "agency_id" && c != "report_id" && isNumericColumn(t, j))
	}
	for _, row := range t.Rows {
		out := make([]string, len(idx))
		for k, j := range idx {
			switch {
			case isRateColumn(t.Columns[j]):
				out[k] = percent(row[j])
			case !dt.Numeric[k]:
				out[k] = plain(row[j])
			default:
				out[k] = text(row[j])
			}
		}
		dt.Rows = append(dt.Rows, out)
	}
	return dt
}

// isRateColumn reports whether a result column holds a ratio (0.25) that
// people read in percent.
func isRateColumn(c string) bool {
	return strings.HasSuffix(c, "_rate") || strings.HasSuffix(c, "_share") || strings.HasSuffix(c, "_yoy")
}

func isNumericColumn(t *warehouse.Table, j int) bool {
	for _, row := range t.Rows {
		if j < len(row) && row[j] != nil {
			_, isString := row[j].(string)
			_, ok := number(row[j])
			return ok && !isString
		}
	}
	return true
}

// columnLabels are the Chinese headings of the query result columns.
var columnLabels = map[string]string{
	"year": "年度", "reports": "报告数", "agencies": "机构数", "agency_id": "机构编号", "agency": "机构",
	"report_id": "报告编号", "province": "省份", "city": "地市", "county": "区县", "level": "层级",
	"format": "格式", "errors": "错误", "warnings": "警告", "year_min": "最早年度", "year_max": "最近年度",
	"reports_with_errors": "有错误的报告", "reports_with_warnings": "有警告的报告",
	"apps_new": "本年新收申请", "apps_carried_in": "上年结转", "apps_granted": "予以公开",
	"apps_partial": "部分公开", "apps_withheld": "不予公开", "apps_unavailable": "无法提供",
	"apps_not_processed": "不予处理", "apps_other": "其他处理", "apps_total": "办理总计",
	"apps_carried_out": "结转下年度", "disclosure_rate": "公开率",
	"licensing_decisions": "行政许可决定", "penalty_decisions": "行政处罚决定", "coercion_decisions": "行政强制决定",
	"normative_docs_issued": "规范性文件制发", "normative_docs_in_force": "规范性文件现行有效",
	"proactive_items": "主动公开信息（条）",
	"review_total":    "行政复议总计", "review_corrected": "复议纠正", "review_correction_rate": "复议纠错率",
	"litigation_total": "行政诉讼总计", "litigation_corrected": "诉讼纠正", "litigation_correction_rate": "诉讼纠错率",
	"kind": "类别", "label": "项目", "upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果",
	"pending": "尚未审结", "total": "总计", "correction_rate": "纠错率", "applicant": "申请人类型",
	"measure": "指标", "applications": "申请数", "value": "数值",
	"reported": "已报送", "missing": "缺报", "with_errors": "有错误", "with_warnings": "仅有警告",
	"status": "状态", "rule": "规则", "severity": "级别", "at": "位置", "row_label": "行", "column_label": "列",
	"message": "说明", "expected": "应为", "actual": "实为", "first_year": "首次报送", "last_year": "最近报送",
	"region": "地区", "zero_reports": "数字全部为 0 的报告", "apps_new_yoy": "新收申请同比", "refused_share": "不予公开占比",
	"published": "发布日期", "rank_zero": "全部为 0 的序号",
	"rank_volume": "办理量排名", "rank_rate": "公开率排名（由低到高）", "agencies_total": "机构总数",
}

func columnLabel(c string) string {
	if l, ok := columnLabels[c]; ok {
		return l
	}
	return c
}
