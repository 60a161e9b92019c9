package warehouse

import (
	"bytes"
	"context"
	"database/sql"
	_ "embed"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"gongkai"
)

// The sandbox decides what an analyst may run by walking the statement as
// DuckDB's own parser sees it (json_serialize_sql, which serializes only
// SELECT statements and never runs anything), and allowing only what is on a
// list: the analyst views and table macros of the main schema, CTEs the
// statement defines itself, a few table functions (range, generate_series,
// unnest), and the functions of sandbox_functions.txt.
//
// Why an allow-list and not a separate DuckDB instance: the server holds the
// warehouse file read-write, and DuckDB lets no other process open it, so a
// second instance would need a copy of the data (millions of rows at the
// scale of a country) after every upload. And why not a deny-list: the table
// functions that broke the server (enable_logging, enable_profiling,
// enable_peg_parser) are ordinary SELECTs; each DuckDB release adds more, and
// an allow-list refuses a new one until someone reviews it.
//
// The walk fails closed: a node that names a table or function in a place it
// does not know is refused, not skipped.

//go:embed sandbox_functions.txt
var sandboxFunctionsText string

// sandboxFunctions is the allow-list of sandbox_functions.txt, by lower-case
// name.
var sandboxFunctions = func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(sandboxFunctionsText, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 && !strings.HasPrefix(strings.TrimSpace(line), "#") {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		m[strings.ToLower(line)] = true
	}
	return m
}()

// sandboxTableFunctions are the built-in table functions analysts may use in
// FROM. They stream their rows chunk by chunk, so the timeout stops them.
var sandboxTableFunctions = map[string]bool{"range": true, "generate_series": true, "unnest": true}

// amplifier is a function whose output size is set by an argument: the
// argument must be a constant no larger than max, and with constText the
// value repeated must be a constant string too, so that their product is
// known before anything runs. DuckDB builds such a value in one piece,
// outside its memory_limit and without looking at the interrupt flag.
type amplifier struct {
	sizeArg   int
	max       float64
	constText bool
}

// maxAmplified is the largest string repeat, lpad and rpad may build.
const maxAmplified = 10000

var amplifiers = map[string]amplifier{
	"repeat": {sizeArg: 1, max: maxAmplified, constText: true},
	"lpad":   {sizeArg: 1, max: maxAmplified},
	"rpad":   {sizeArg: 1, max: maxAmplified},
}

// guard is how a call of a function whose work is not bounded by the size
// of its input is checked: argument wrap is replaced by a call of the
// check sandbox_check_<name> (sql/sandbox_guards.sql) on the arguments of
// the positions in on, which returns that argument or stops the statement for
// a row whose work would be large. DuckDB looks at its interrupt flag only
// between vectors of up to 2,048 rows, so without the checks one vector of
// such calls ran on long past the sandbox's timeout: levenshtein's time is
// the product of its two lengths (300 rows of 5,000 bytes: 14 s of CPU past a
// 2 s limit), and replace and regexp_replace can write a string as long as
// the text times the replacement, which may be the text itself (the review's
// regexp_replace over 10 rows: 35 s).
//
// list_reduce (and its aliases) carries an accumulator from element to
// element: with text or lists, a body such as (a, b) -> a || a doubles it at
// every step and (a, b) -> a || b copies it again at every step, all inside
// one row (measured: 31 elements doubling, 8.2 s of CPU and 3.6 GB past a
// 2 s timeout; 40 rows of 27, 13.2 s and 5.3 GB). Its check lets through
// only lists of numbers, dates, times and booleans, whose accumulator cannot
// grow, and the same for the initial value when one is given (onInit, check
// "_init"); text is joined with string_agg or array_to_string instead.
type guard struct {
	wrap   int
	on     []int
	onInit []int  // the positions checked when the optional initial value is given
	check  string // the check's name when not sandbox_check_<function>
}

var guarded = map[string]guard{
	"levenshtein":             {wrap: 0, on: []int{0, 1}},
	"editdist3":               {wrap: 0, on: []int{0, 1}},
	"damerau_levenshtein":     {wrap: 0, on: []int{0, 1}},
	"jaro_similarity":         {wrap: 0, on: []int{0, 1}},
	"jaro_winkler_similarity": {wrap: 0, on: []int{0, 1}},
	"replace":                 {wrap: 2, on: []int{0, 1, 2}},
	"regexp_replace":          {wrap: 2, on: []int{0, 2}},
	"list_reduce":             {wrap: 0, on: []int{0}, onInit: []int{0, 2}, check: "sandbox_check_reduce"},
	"array_reduce":            {wrap: 0, on: []int{0}, onInit: []int{0, 2}, check: "sandbox_check_reduce"},
	"reduce":                  {wrap: 0, on: []int{0}, onInit: []int{0, 2}, check: "sandbox_check_reduce"},
}

// checkOf is the name of a guarded call's check and the positions of the
// arguments it looks at, for a call of n arguments.
func (g guard) checkOf(fn string, n int) (string, []int) {
	name, on := g.check, g.on
	if name == "" {
		name = "sandbox_check_" + fn
	}
	if g.onInit != nil && n > g.onInit[len(g.onInit)-1] {
		name, on = name+"_init", g.onInit
	}
	return name, on
}

// policy is what one warehouse lets analysts name: its views and macros in
// the main schema, read at Open (migrations create them).
type policy struct {
	catalog    string          // the database's own catalog name
	tables     map[string]bool // views of main
	tableFuncs map[string]bool // table macros of main, and sandboxTableFunctions
	funcs      map[string]bool // scalar macros of main, and sandboxFunctions
}

// loadPolicy reads the names of the analyst views and macros.
func loadPolicy(ctx context.Context, db *sql.DB) (*policy, error) {
	p := &policy{tables: map[string]bool{}, tableFuncs: map[string]bool{}, funcs: map[string]bool{}}
	for n := range sandboxTableFunctions {
		p.tableFuncs[n] = true
	}
	for n := range sandboxFunctions {
		p.funcs[n] = true
	}
	if err := db.QueryRowContext(ctx, "SELECT current_database()").Scan(&p.catalog); err != nil {
		return nil, fmt.Errorf("warehouse: sandbox policy: %w", err)
	}
	err := scanRows(ctx, db, stmt("sandbox_names"), nil, func(rows *sql.Rows) error {
		var kind, name string
		if err := rows.Scan(&kind, &name); err != nil {
			return err
		}
		name = strings.ToLower(name)
		switch kind {
		case "view":
			p.tables[name] = true
		case "table_macro":
			p.tableFuncs[name] = true
		case "macro":
			p.funcs[name] = true
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("warehouse: sandbox policy: %w", err)
	}
	return p, nil
}

// refusal is the analyst's message for a statement the policy refuses.
func refusal(format string, args ...any) error {
	return gongkai.Errorf(gongkai.CodeInvalid, format, args...)
}

// check walks one serialized statement and returns it to run, with a check
// in front of each call of a guarded function; guards is true when it put one
// there (sql/sandbox_guards.sql must then be run on the connection first). It
// returns a *gongkai.Error with CodeInvalid naming the first thing the
// statement may not use, and a plain error when the tree cannot be read.
func (p *policy) check(stmt json.RawMessage) (run json.RawMessage, guards bool, err error) {
	// Numbers stay as written: DuckDB's tree holds unsigned 64-bit values
	// (an unknown query_location) that a float64 would change.
	dec := json.NewDecoder(bytes.NewReader(stmt))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return nil, false, fmt.Errorf("warehouse: sandbox policy: %w", err)
	}
	w := &walkState{ctes: map[string]bool{}}
	collectCTEs(tree, w.ctes)
	if err := p.walk(tree, w); err != nil {
		return nil, false, err
	}
	if len(w.guard) == 0 {
		return stmt, false, nil
	}
	for _, v := range w.guard {
		fn := strings.ToLower(str(v, "function_name"))
		g := guarded[fn]
		args, _ := arguments(v)
		name, positions := g.checkOf(fn, len(args))
		on := make([]any, len(positions))
		for i, a := range positions {
			on[i] = args[a]
		}
		checked := call(v, name, on)
		if list, ok := v["arguments"].([]any); ok { // DuckDB 2.0
			list[g.wrap].(map[string]any)["expression"] = checked
		} else {
			args[g.wrap] = checked // the node's own children
		}
	}
	// A check repeats the text it looks at, so checks nested in each
	// other's text double the tree at every level.
	if budget := maxCheckedNodes; !within(tree, &budget) {
		return nil, false, refusal("查询中层层嵌套的 replace、regexp_replace、levenshtein 等函数太多，请分几步写（例如先在 WITH 子查询中算出中间结果）")
	}
	run, err = json.Marshal(tree)
	if err != nil {
		return nil, false, fmt.Errorf("warehouse: sandbox policy: %w", err)
	}
	return run, true, nil
}

// maxCheckedNodes bounds the tree of a statement with its checks, and so
// the time DuckDB takes to read and bind it: seven calls that may grow their
// text, nested in each other's text, make ~9,700 nodes and bind in ~0.3 s,
// ten make 78,000 in ~7 s (measured on a busy machine).
const maxCheckedNodes = 10000

// within counts the nodes of a tree, shared ones as often as they occur,
// and reports whether they fit in *budget, stopping as soon as they do not.
func within(n any, budget *int) bool {
	*budget--
	if *budget < 0 {
		return false
	}
	switch v := n.(type) {
	case map[string]any:
		for _, c := range v {
			if !within(c, budget) {
				return false
			}
		}
	case []any:
		for _, c := range v {
			if !within(c, budget) {
				return false
			}
		}
	}
	return true
}

// walkState is what one statement's walk knows: the CTEs it defines, and
// the calls that need a check in front of them (wrapped after the walk, so
// that the walk never meets the checks, which are not on the allow-list).
type walkState struct {
	ctes  map[string]bool
	guard []map[string]any
}

// call is a call of the function name on args, serialized as DuckDB
// serialized like, a call of the same DuckDB version's tree.
func call(like map[string]any, name string, args []any) map[string]any {
	c := make(map[string]any, len(like))
	for k, v := range like {
		c[k] = v
	}
	c["function_name"], c["schema"], c["catalog"], c["alias"] = name, "", "", ""
	if list, ok := like["arguments"].([]any); ok && len(list) > 0 { // DuckDB 2.0
		var wrapped []any
		for _, a := range args {
			e := map[string]any{}
			for k, v := range list[0].(map[string]any) {
				e[k] = v
			}
			e["expression"], e["name"] = a, ""
			wrapped = append(wrapped, e)
		}
		c["arguments"] = wrapped
		return c
	}
	c["children"] = args
	return c
}

// collectCTEs gathers the names of every CTE the statement defines, at any
// depth: a base-table reference to one of them reads the statement's own
// rows, which the walk checks where the CTE is defined.
func collectCTEs(n any, out map[string]bool) {
	switch v := n.(type) {
	case map[string]any:
		if cm, ok := v["cte_map"].(map[string]any); ok {
			if entries, ok := cm["map"].([]any); ok {
				for _, e := range entries {
					if em, ok := e.(map[string]any); ok {
						if k, ok := em["key"].(string); ok {
							out[strings.ToLower(k)] = true
						}
					}
				}
			}
		}
		for _, c := range v {
			collectCTEs(c, out)
		}
	case []any:
		for _, c := range v {
			collectCTEs(c, out)
		}
	}
}

func (p *policy) walk(n any, w *walkState) error {
	switch v := n.(type) {
	case []any:
		for _, c := range v {
			if err := p.walk(c, w); err != nil {
				return err
			}
		}
		return nil
	case map[string]any:
		if err := p.node(v, w); err != nil {
			return err
		}
		for k, c := range v {
			if k == "function" && v["type"] == "TABLE_FUNCTION" {
				// Checked by node as a table function; its arguments still
				// need the walk (they may hold subqueries). Every key but
				// the function's own name is walked, so that a place DuckDB
				// moves the arguments to (children up to 1.5, arguments
				// from 2.0) is never skipped.
				if fm, ok := c.(map[string]any); ok {
					for fk, fc := range fm {
						if fk == "function_name" || fk == "qualified_name" {
							continue
						}
						if err := p.walk(fc, w); err != nil {
							return err
						}
					}
					continue
				}
			}
			if err := p.walk(c, w); err != nil {
				return err
			}
		}
	}
	return nil
}

// node checks one object of the tree: table references, table functions,
// function calls and query nodes. Anything else that names a table, schema
// or function is refused, so that a node type this code has not seen fails
// closed.
func (p *policy) node(v map[string]any, w *walkState) error {
	typ, _ := v["type"].(string)
	class, _ := v["class"].(string)
	switch {
	case typ == "RECURSIVE_CTE_NODE":
		return refusal("沙箱不支持递归查询（WITH RECURSIVE）")
	case typ == "BASE_TABLE":
		return p.table(str(v, "catalog_name"), str(v, "schema_name"), str(v, "table_name"), w.ctes)
	case typ == "SHOW_REF":
		if name := str(v, "table_name"); name != "" {
			return p.table(str(v, "catalog_name"), str(v, "schema_name"), name, w.ctes)
		}
		return nil
	case typ == "TABLE_FUNCTION":
		fm, _ := v["function"].(map[string]any)
		if fm == nil || str(fm, "class") != "FUNCTION" {
			return refusal("沙箱不支持这种表函数写法")
		}
		name := strings.ToLower(str(fm, "function_name"))
		if !p.qualifierOK(str(fm, "catalog"), str(fm, "schema")) || !p.tableFuncs[name] {
			return refusal("不允许在查询中使用表函数 %s：沙箱只能读取分析视图（见 docs/schema.md）", str(fm, "function_name"))
		}
		return nil
	case class == "FUNCTION" || class == "WINDOW":
		return p.function(v, w)
	case class == "LAMBDA":
		return lambdaCaptures(v)
	}
	for _, k := range []string{"table_name", "function_name", "schema_name", "schema", "catalog_name", "catalog"} {
		if s, ok := v[k].(string); ok && s != "" {
			return refusal("沙箱不支持这种写法（%s %q）", k, s)
		}
	}
	return nil
}

// table allows a view of the main schema or a CTE of the statement.
func (p *policy) table(catalog, schema, name string, ctes map[string]bool) error {
	lname := strings.ToLower(name)
	if catalog == "" && schema == "" && ctes[lname] {
		return nil
	}
	if p.qualifierOK(catalog, schema) && p.tables[lname] {
		return nil
	}
	full := name
	if schema != "" {
		full = schema + "." + name
	}
	return refusal("不允许读取 %s：沙箱只能读取分析视图（如 reports、report_summary、report_values，见 docs/schema.md）", full)
}

// qualifierOK allows no qualifier, or the database's own main schema.
func (p *policy) qualifierOK(catalog, schema string) bool {
	catalog, schema = strings.ToLower(catalog), strings.ToLower(schema)
	return (catalog == "" || catalog == strings.ToLower(p.catalog)) && (schema == "" || schema == "main")
}

// function allows a call on the allow-list, with an amplifier's size checked,
// and notes a call of a guarded function for its check.
func (p *policy) function(v map[string]any, w *walkState) error {
	name := str(v, "function_name")
	lname := strings.ToLower(name)
	if !p.qualifierOK(str(v, "catalog"), str(v, "schema")) || !p.funcs[lname] {
		return refusal("不允许调用函数 %s：沙箱只允许计算和统计函数，不能读取文件、设置或会话信息，也不能更改数据库状态", name)
	}
	if g, ok := guarded[lname]; ok && str(v, "class") == "FUNCTION" {
		args, named := arguments(v)
		if named {
			return refusal("函数 %s 不能按名称传参数（name := 值）", name)
		}
		if len(args) > g.wrap && len(args) > g.on[len(g.on)-1] && !shrinks(lname, args) {
			w.guard = append(w.guard, v)
		} // else DuckDB refuses the call itself, or it cannot grow a string
	}
	a, ok := amplifiers[lname]
	if !ok {
		return nil
	}
	args, named := arguments(v)
	if named {
		// DuckDB 2.0 binds arguments by name (lpad(count := …)), so the
		// position of the size would not be known.
		return refusal("函数 %s 不能按名称传参数（name := 值）", name)
	}
	if len(args) <= a.sizeArg {
		return nil // DuckDB refuses the call itself
	}
	size, ok := constantNumber(args[a.sizeArg])
	if !ok || size > a.max {
		return refusal("函数 %s 的长度参数必须是不超过 %d 的常数", name, int(a.max))
	}
	if a.constText {
		text, ok := constantString(args[0])
		if !ok || float64(len(text))*size > a.max {
			return refusal("函数 %s 只能重复常量文本，且结果不超过 %d 个字符", name, int(a.max))
		}
	}
	return nil
}

// arguments lists a function call's argument expressions in order, as
// DuckDB 1.5 (children) or 2.0 (arguments, each an expression and an
// optional name) serializes them; named is true when any argument is given
// by name.
func arguments(v map[string]any) (args []any, named bool) {
	list, ok := v["arguments"].([]any)
	if !ok {
		list, _ := v["children"].([]any)
		return list, false
	}
	for _, a := range list {
		am, _ := a.(map[string]any)
		if str(am, "name") != "" {
			named = true
		}
		args = append(args, am["expression"])
	}
	return args, named
}

// shrinks reports whether a replacement's call cannot make its text longer,
// as its constant arguments show: replace by a constant no longer than the
// constant it replaces, or regexp_replace by the empty string. Such calls need no check,
// which matters because a check repeats the text it looks at: the chains of
// replace analysts write to clean names would double at every level.
func shrinks(name string, args []any) bool {
	switch name {
	case "replace":
		f, okf := constantString(args[1])
		r, okr := constantString(args[2])
		return okf && okr && len(r) <= len(f)
	case "regexp_replace":
		r, ok := constantString(args[2])
		return ok && r == ""
	}
	return false
}

// lambdaCaptures refuses a lambda whose body uses anything but its own
// parameters (a column of the row, or a parameter of an enclosing lambda)
// other than as a direct operand of a comparison (x > col, col BETWEEN x
// AND y). The body is computed again for every element, and DuckDB does not
// look at the interrupt flag inside a row: a list of n elements that sums a
// captured list of n costs n² in one row (measured: a 100,000-element list
// summing itself per element ran 25 s of CPU past a 2 s timeout). A
// comparison costs at most the size of its smaller operand, so one with a
// captured value costs what the same comparison with the element alone
// would; any other use (a function of it, arithmetic, which joins lists in
// DuckDB, a cast) is refused. A bound on the list's length instead would
// not be as safe: a vector of 2,048 rows each comparing a 1,000-element list
// with a captured 1,000-element list is already 2·10⁹ steps. A lambda
// nested in the body is checked on its own.
func lambdaCaptures(v map[string]any) error {
	params := map[string]bool{}
	var collect func(n any)
	collect = func(n any) {
		switch x := n.(type) {
		case map[string]any:
			if str(x, "class") == "COLUMN_REF" {
				if names, _ := x["column_names"].([]any); len(names) == 1 {
					if s, ok := names[0].(string); ok {
						params[strings.ToLower(s)] = true
					}
				}
				return
			}
			for _, c := range x {
				collect(c)
			}
		case []any:
			for _, c := range x {
				collect(c)
			}
		}
	}
	collect(v["lhs"])
	var scan func(n any, operand bool) error
	scan = func(n any, operand bool) error {
		switch x := n.(type) {
		case map[string]any:
			switch str(x, "class") {
			case "LAMBDA":
				return nil // checked on its own, with its own parameters
			case "SUBQUERY":
				return refusal("lambda 表达式（x -> …）中不能使用子查询")
			case "COLUMN_REF":
				names, _ := x["column_names"].([]any)
				first := ""
				if len(names) > 0 {
					first, _ = names[0].(string)
				}
				if !params[strings.ToLower(first)] && !operand {
					name := strings.Join(columnNames(names), ".")
					return refusal("lambda 表达式（x -> …）中，自身参数以外的 %s 只能直接用于比较（如 x > %s）：其他用法会对列表的每个元素重新计算一遍，可能运行很久；请先在查询中算好再用", name, name)
				}
				return nil
			case "COMPARISON", "BETWEEN":
				for k, c := range x {
					direct := k == "left" || k == "right" || k == "input" || k == "lower" || k == "upper"
					if err := scan(c, direct); err != nil {
						return err
					}
				}
				return nil
			}
			for _, c := range x {
				if err := scan(c, false); err != nil {
					return err
				}
			}
		case []any:
			for _, c := range x {
				if err := scan(c, false); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return scan(v["expr"], false)
}

// columnNames is a column reference's names as strings.
func columnNames(names []any) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		s, _ := n.(string)
		out = append(out, s)
	}
	return out
}

// constantNumber is the value of a numeric constant, possibly cast or
// negated; ok is false for anything computed, and for a literal it cannot
// read as a plain decimal number (hex, digit separators), so that such a
// size is refused rather than guessed.
func constantNumber(n any) (float64, bool) {
	m, _ := n.(map[string]any)
	switch str(m, "class") {
	case "CONSTANT":
		if lit, ok := m["literal"].(map[string]any); ok { // DuckDB 2.0
			switch str(lit, "kind") {
			case "NULL_LITERAL":
				return 0, true
			case "INTEGER", "NUMERIC":
				f, err := strconv.ParseFloat(str(lit, "text"), 64)
				return f, err == nil
			}
			return 0, false
		}
		val, _ := m["value"].(map[string]any)
		if null, _ := val["is_null"].(bool); null {
			return 0, true
		}
		switch f := val["value"].(type) {
		case float64:
			return f, true
		case json.Number:
			v, err := f.Float64()
			return v, err == nil
		}
		return 0, false
	case "CAST":
		return constantNumber(m["child"])
	}
	return 0, false
}

// constantString is the value of a string constant.
func constantString(n any) (string, bool) {
	m, _ := n.(map[string]any)
	if str(m, "class") != "CONSTANT" {
		return "", false
	}
	if lit, ok := m["literal"].(map[string]any); ok { // DuckDB 2.0
		if str(lit, "kind") != "STRING" {
			return "", false
		}
		s, ok := lit["text"].(string)
		return s, ok
	}
	val, _ := m["value"].(map[string]any)
	s, ok := val["value"].(string)
	return s, ok
}

func str(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}
