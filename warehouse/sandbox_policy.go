package warehouse

import (
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

// check walks one serialized statement and returns a *gongkai.Error with
// CodeInvalid naming the first thing it may not use, or nil.
func (p *policy) check(stmt json.RawMessage) error {
	var tree any
	if err := json.Unmarshal(stmt, &tree); err != nil {
		return fmt.Errorf("warehouse: sandbox policy: %w", err)
	}
	ctes := map[string]bool{}
	collectCTEs(tree, ctes)
	return p.walk(tree, ctes)
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

func (p *policy) walk(n any, ctes map[string]bool) error {
	switch v := n.(type) {
	case []any:
		for _, c := range v {
			if err := p.walk(c, ctes); err != nil {
				return err
			}
		}
		return nil
	case map[string]any:
		if err := p.node(v, ctes); err != nil {
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
						if err := p.walk(fc, ctes); err != nil {
							return err
						}
					}
					continue
				}
			}
			if err := p.walk(c, ctes); err != nil {
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
func (p *policy) node(v map[string]any, ctes map[string]bool) error {
	typ, _ := v["type"].(string)
	class, _ := v["class"].(string)
	switch {
	case typ == "RECURSIVE_CTE_NODE":
		return refusal("沙箱不支持递归查询（WITH RECURSIVE）")
	case typ == "BASE_TABLE":
		return p.table(str(v, "catalog_name"), str(v, "schema_name"), str(v, "table_name"), ctes)
	case typ == "SHOW_REF":
		if name := str(v, "table_name"); name != "" {
			return p.table(str(v, "catalog_name"), str(v, "schema_name"), name, ctes)
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
		return p.function(v)
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

// function allows a call on the allow-list, with an amplifier's size checked.
func (p *policy) function(v map[string]any) error {
	name := str(v, "function_name")
	lname := strings.ToLower(name)
	if !p.qualifierOK(str(v, "catalog"), str(v, "schema")) || !p.funcs[lname] {
		return refusal("不允许调用函数 %s：沙箱只允许计算和统计函数，不能读取文件、设置或会话信息，也不能更改数据库状态", name)
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
		f, ok := val["value"].(float64)
		return f, ok
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
