package xlsx

import (
	"math"
	"strconv"
	"strings"

	"gongkai/ingest/doc"
)

// A workbook written by a program (our own template writer, excelize, many
// reporting systems) holds formulas without cached results until a
// spreadsheet application recalculates it. The total cells of the official
// tables are such formulas, so without them our own template would not round
// trip. evalFormulas computes the simple ones — numbers, references to cells
// of the same sheet, + - * /, parentheses and SUM over cells and ranges — and
// leaves anything else blank rather than guess.

// evalBudget bounds the work of one sheet's formulas (cells and rows
// visited, formula text parsed), so that a hostile workbook cannot make
// evaluation quadratic; maxEvalDepth bounds chains of formulas referring to
// formulas, which would otherwise recurse without limit.
const (
	evalBudget   = 4_000_000
	maxEvalDepth = 256
)

type cellKey struct{ row, col int }

// evaluator computes the pending formulas of one sheet over its grid, where
// every formula cell has a place (blank until computed).
type evaluator struct {
	sheet    string
	g        *doc.Grid
	formulas []sheetFormula
	index    map[cellKey]int // formula cells by position
	state    []uint8         // per formula: 0 not yet, 1 in progress, 2 done
	result   []evalResult
	budget   int
	depth    int
}

type evalResult struct {
	v  float64
	ok bool
}

// evalFormulas writes into g the results of the formulas it can compute; a
// formula it cannot compute leaves its cell blank.
func evalFormulas(sheet string, g *doc.Grid, formulas []sheetFormula) {
	e := &evaluator{
		sheet:    sheet,
		g:        g,
		formulas: formulas,
		index:    make(map[cellKey]int, len(formulas)),
		state:    make([]uint8, len(formulas)),
		result:   make([]evalResult, len(formulas)),
		budget:   evalBudget,
	}
	for i, f := range formulas {
		e.index[cellKey{f.row, f.col}] = i
	}
	for i := range formulas {
		e.formula(i)
	}
	for i, f := range formulas {
		if r := e.result[i]; r.ok {
			g.Rows[f.row-1][f.col-1].Text = doc.FormatNumber(r.v)
		}
	}
}

// formula evaluates formula i, once.
func (e *evaluator) formula(i int) evalResult {
	switch e.state[i] {
	case 1:
		return evalResult{} // a circular reference has no value
	case 2:
		return e.result[i]
	}
	f := e.formulas[i]
	if e.budget -= len(f.text); e.budget < 0 || e.depth >= maxEvalDepth {
		return evalResult{} // not marked done: a shallower evaluation may still succeed
	}
	e.state[i] = 1
	e.depth++
	p := &formulaParser{e: e, s: strings.TrimPrefix(f.text, "="), dr: f.dr, dc: f.dc}
	v, ok := p.expr()
	p.space()
	r := evalResult{v: v, ok: ok && p.i == len(p.s) && !math.IsInf(v, 0) && !math.IsNaN(v)}
	e.depth--
	e.state[i], e.result[i] = 2, r
	return r
}

// value returns the number in cell k: a formula's result, a number typed as
// text, or 0 for a blank cell. blank reports an empty cell; ok is false for
// text that is not a number and for a formula that has no value.
func (e *evaluator) value(k cellKey) (v float64, blank, ok bool) {
	if i, isFormula := e.index[k]; isFormula {
		r := e.formula(i)
		return r.v, false, r.ok
	}
	t := strings.TrimSpace(e.g.Text(k.row-1, k.col-1))
	if t == "" {
		return 0, true, true
	}
	v, ok = parsePlainNumber(t)
	return v, false, ok
}

// parsePlainNumber accepts a decimal number as a spreadsheet stores it,
// and nothing else (no "Inf", hex or underscores, which ParseFloat allows).
func parsePlainNumber(t string) (float64, bool) {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if !(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E') {
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(t, 64)
	return v, err == nil
}

// sumRange adds the numbers of a range, clipped to the grid; text and blank
// cells count as nothing, as SUM does, but a formula without a value makes
// the sum fail.
func (e *evaluator) sumRange(m sheetRange) (float64, bool) {
	sum := 0.0
	for r := max(m.r0, 1); r <= min(m.r1, len(e.g.Rows)); r++ {
		row := e.g.Rows[r-1]
		c0, c1 := max(m.c0, 1), min(m.c1, len(row))
		if e.budget -= 1 + max(c1-c0+1, 0); e.budget < 0 {
			return 0, false
		}
		if c1 < c0 {
			continue
		}
		for c := c0; c <= c1; c++ {
			v, blank, ok := e.value(cellKey{r, c})
			if !ok {
				if _, isFormula := e.index[cellKey{r, c}]; isFormula {
					return 0, false
				}
				continue
			}
			if !blank {
				sum += v
			}
		}
	}
	return sum, true
}

// formulaParser is a recursive-descent parser that evaluates as it goes.
// Grammar:
//
//	expr   = term { ("+" | "-") term }
//	term   = unary { ("*" | "/") unary }
//	unary  = { "+" | "-" } atom
//	atom   = number | ref | "SUM(" arg { "," arg } ")" | "(" expr ")"
//	arg    = ref ":" ref | expr
type formulaParser struct {
	e      *evaluator
	s      string
	i      int
	dr, dc int // shift of relative references (shared formulas)
	depth  int
}

const maxFormulaDepth = 64

func (p *formulaParser) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\n' || p.s[p.i] == '\r') {
		p.i++
	}
}

func (p *formulaParser) eat(c byte) bool {
	p.space()
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

func (p *formulaParser) expr() (float64, bool) {
	if p.depth++; p.depth > maxFormulaDepth {
		return 0, false
	}
	defer func() { p.depth-- }()
	v, ok := p.term()
	for ok {
		switch {
		case p.eat('+'):
			var w float64
			w, ok = p.term()
			v += w
		case p.eat('-'):
			var w float64
			w, ok = p.term()
			v -= w
		default:
			return v, true
		}
	}
	return 0, false
}

func (p *formulaParser) term() (float64, bool) {
	v, ok := p.unary()
	for ok {
		switch {
		case p.eat('*'):
			var w float64
			w, ok = p.unary()
			v *= w
		case p.eat('/'):
			var w float64
			w, ok = p.unary()
			if w == 0 {
				return 0, false // #DIV/0!
			}
			v /= w
		default:
			return v, true
		}
	}
	return 0, false
}

func (p *formulaParser) unary() (float64, bool) {
	switch {
	case p.eat('-'):
		if p.depth++; p.depth > maxFormulaDepth {
			return 0, false
		}
		v, ok := p.unary()
		p.depth--
		return -v, ok
	case p.eat('+'):
		if p.depth++; p.depth > maxFormulaDepth {
			return 0, false
		}
		v, ok := p.unary()
		p.depth--
		return v, ok
	}
	return p.atom()
}

func (p *formulaParser) atom() (float64, bool) {
	p.space()
	if p.i >= len(p.s) {
		return 0, false
	}
	c := p.s[p.i]
	switch {
	case c == '(':
		p.i++
		v, ok := p.expr()
		if !ok || !p.eat(')') {
			return 0, false
		}
		return v, true
	case c >= '0' && c <= '9' || c == '.':
		return p.number()
	}
	if p.hasFunc("SUM") {
		return p.sum()
	}
	k, ok := p.ref()
	if !ok {
		return 0, false
	}
	if p.eat(':') {
		return 0, false // a range outside SUM
	}
	v, _, ok := p.e.value(k)
	return v, ok
}

func (p *formulaParser) number() (float64, bool) {
	start := p.i
	for p.i < len(p.s) && (p.s[p.i] >= '0' && p.s[p.i] <= '9' || p.s[p.i] == '.') {
		p.i++
	}
	if p.i < len(p.s) && (p.s[p.i] == 'e' || p.s[p.i] == 'E') {
		p.i++
		if p.i < len(p.s) && (p.s[p.i] == '+' || p.s[p.i] == '-') {
			p.i++
		}
		for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
			p.i++
		}
	}
	v, err := strconv.ParseFloat(p.s[start:p.i], 64)
	return v, err == nil
}

// hasFunc consumes "NAME(" when the input continues with it, in any case.
func (p *formulaParser) hasFunc(name string) bool {
	rest := p.s[p.i:]
	if len(rest) <= len(name) || !strings.EqualFold(rest[:len(name)], name) {
		return false
	}
	j := len(name)
	for j < len(rest) && rest[j] == ' ' {
		j++
	}
	if j >= len(rest) || rest[j] != '(' {
		return false
	}
	p.i += j + 1
	return true
}

func (p *formulaParser) sum() (float64, bool) {
	total := 0.0
	if p.eat(')') {
		return 0, true
	}
	for {
		v, ok := p.sumArg()
		if !ok {
			return 0, false
		}
		total += v
		if p.eat(')') {
			return total, true
		}
		if !p.eat(',') {
			return 0, false
		}
	}
}

// sumArg reads one argument of SUM: a range, a single reference (whose text
// SUM ignores), or an expression.
func (p *formulaParser) sumArg() (float64, bool) {
	save := p.i
	if k, ok := p.ref(); ok {
		if p.eat(':') {
			k2, ok := p.ref()
			if !ok {
				return 0, false
			}
			return p.e.sumRange(sheetRange{min(k.row, k2.row), min(k.col, k2.col), max(k.row, k2.row), max(k.col, k2.col)})
		}
		p.space()
		if p.i == len(p.s) || p.s[p.i] == ',' || p.s[p.i] == ')' {
			return p.e.sumRange(sheetRange{k.row, k.col, k.row, k.col})
		}
	}
	p.i = save
	return p.expr()
}

// ref reads a cell reference, optionally prefixed by this sheet's name
// ("表三!B5", "'表 三'!$B$5"), applying the shared-formula shift to its
// relative parts. References to other sheets are not evaluated.
func (p *formulaParser) ref() (cellKey, bool) {
	p.space()
	rest := p.s[p.i:]
	if bang := strings.IndexByte(rest, '!'); bang > 0 {
		sheet := rest[:bang]
		if len(sheet) >= 2 && sheet[0] == '\'' && sheet[len(sheet)-1] == '\'' {
			sheet = strings.ReplaceAll(sheet[1:len(sheet)-1], "''", "'")
		}
		if sheet == p.e.sheet {
			p.i += bang + 1
		} else if !strings.ContainsAny(sheet, "+-*/(),: ") || sheet[0] == '\'' {
			return cellKey{}, false // another sheet
		}
	}
	j := p.i
	colAbs := j < len(p.s) && p.s[j] == '$'
	if colAbs {
		j++
	}
	col, start := 0, j
	for j < len(p.s) && (p.s[j]|0x20) >= 'a' && (p.s[j]|0x20) <= 'z' && j-start < 3 {
		col = col*26 + int(p.s[j]|0x20-'a'+1)
		j++
	}
	if j == start {
		return cellKey{}, false
	}
	rowAbs := j < len(p.s) && p.s[j] == '$'
	if rowAbs {
		j++
	}
	row, start := 0, j
	for j < len(p.s) && p.s[j] >= '0' && p.s[j] <= '9' && j-start < 7 {
		row = row*10 + int(p.s[j]-'0')
		j++
	}
	if j == start || row == 0 {
		return cellKey{}, false
	}
	if j < len(p.s) && (p.s[j] == '(' || p.s[j] >= '0' && p.s[j] <= '9' || (p.s[j]|0x20) >= 'a' && (p.s[j]|0x20) <= 'z' || p.s[j] == '_') {
		return cellKey{}, false // a function or name, not a reference
	}
	if !colAbs {
		col += p.dc
	}
	if !rowAbs {
		row += p.dr
	}
	if row < 1 || col < 1 {
		return cellKey{}, false
	}
	p.i = j
	return cellKey{row, col}, true
}
