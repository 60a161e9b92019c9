package ingest

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"gongkai"
	"gongkai/ingest/value"
)

// Rule kinds Validate evaluates; "prior_year" needs last year's report and is
// the warehouse's.
const (
	ruleSum          = "sum"
	ruleApplicantSum = "applicant_sum"
	rulePartsWithin  = "parts_within"
	ruleValues       = "values"
	ruleFilled       = "filled"
)

// Validate evaluates the rules of the report's format on its figures and
// appends a Finding for each violation, at the cell a person must look at:
// the first left-hand cell of a sum, the 总计 cell of an applicant sum, the
// cell itself for a value its column does not allow. A blank counts as 0 in
// sums; a rule whose cells are all blank does not fire, and neither does a sum
// with a cell that is absent (its row is not in the source: a page cut short
// is not a page of zeros). Figures are
// never changed. Validating a report twice adds nothing the second time.
// Reports of a format without a definition get no findings.
func Validate(r *gongkai.Report) {
	if r == nil {
		return
	}
	f := gongkai.FormatByID(r.Format)
	if f == nil {
		return
	}
	v := &validator{r: r, f: f, labels: cellLabels(f), slots: make([]int32, gongkai.CellSlots()),
		seen: make(map[string]bool, len(r.Findings))}
	v.unread = unreadCells(r, f, v.labels)
	tableless := false
	for _, fd := range r.Findings {
		tableless = tableless || fd.Rule == RuleNoTables
	}
	for i, val := range r.Values {
		if val.Source == gongkai.SourceNarrative {
			// The tables' rules hold between table cells: a sentence states
			// a few figures, and the ones it leaves out are not zeros.
			// Only parts_within, whose parts may be left out, reads them.
			k := valueKey{val.Measure, val.Applicant}
			if _, ok := v.narrative[k]; !ok {
				if v.narrative == nil {
					v.narrative = map[valueKey]int{}
				}
				v.narrative[k] = i
			}
			continue
		}
		if s, ok := gongkai.CellSlot(val.Measure, val.Applicant); ok {
			if v.slots[s] == 0 {
				v.slots[s] = int32(i) + 1
			}
			continue
		}
		k := valueKey{val.Measure, val.Applicant}
		if _, ok := v.others[k]; !ok {
			if v.others == nil {
				v.others = map[valueKey]int{}
			}
			v.others[k] = i
		}
	}
	for _, fd := range r.Findings {
		v.seen[findingKey(fd)] = true
	}
	v.cells = ruleCellsOf(f)
	for ri, rule := range f.Rules {
		switch rule.Kind {
		case ruleSum:
			v.sum(rule, v.cells.sums[ri])
		case rulePartsWithin:
			v.partsWithin(rule, v.cells.sums[ri])
		case ruleApplicantSum:
			v.applicantSum(rule, v.cells.rows[ri])
		case ruleValues:
			v.kinds(rule)
		case ruleFilled:
			if !tableless { // the no_tables finding says more
				v.filled(rule)
			}
		}
	}
}

type validator struct {
	r      *gongkai.Report
	f      *gongkai.Format
	labels map[valueKey]cellLabel
	// slots holds, by gongkai.CellSlot, 1 + the index in r.Values of the
	// first table value of each cell (0: none); others the cells CellSlot
	// does not number. A map of every cell was a tenth of a demo load's
	// CPU: every value hashed two strings to go in, every rule's cell two
	// to come out.
	slots  []int32
	others map[valueKey]int
	// narrative holds the index in r.Values of the first figure read
	// from a sentence, by cell.
	narrative map[valueKey]int
	cells     *ruleCells
	seen      map[string]bool
	// unread are the cells the report states but that could not be read
	// (see unreadCells): their figure is unknown, not 0.
	unread map[valueKey]bool
}

// unreadCells returns the cells of r that are blank because their figure
// could not be read, not because the report leaves them blank (or writes
// "/" or "-" there): a text that is no valid figure, or a cell a reader left blank with an error finding
// naming its measure, or its row (digits run together, a row stated twice,
// too few figures, a unit other than the format's). A sum over such a cell
// is unknown: taking it as 0 would state a wrong "应为".
func unreadCells(r *gongkai.Report, f *gongkai.Format, lbls map[valueKey]cellLabel) map[valueKey]bool {
	ruleIDs := map[string]bool{}
	for _, rule := range f.Rules {
		ruleIDs[rule.ID] = true
	}
	byMeasure, byRow := map[valueKey]bool{}, map[cellLabel]bool{}
	for _, fd := range r.Findings {
		if fd.Severity != gongkai.SeverityError || ruleIDs[fd.Rule] {
			continue
		}
		if fd.Measure != "" {
			byMeasure[valueKey{fd.Measure, fd.Applicant}] = true
		} else if fd.RowLabel != "" {
			byRow[cellLabel{row: fd.RowLabel, col: fd.ColumnLabel}] = true
		}
	}
	var out map[valueKey]bool
	for _, val := range r.Values {
		if val.Number != nil || val.Source == gongkai.SourceNarrative {
			continue
		}
		k := valueKey{val.Measure, val.Applicant}
		lbl := lbls[k]
		if raw := strings.TrimSpace(val.Raw); raw != "" && !value.Scan(raw).Blank || byMeasure[k] || byMeasure[valueKey{val.Measure, ""}] ||
			byRow[cellLabel{row: lbl.row}] || byRow[lbl] {
			if out == nil {
				out = map[valueKey]bool{}
			}
			out[k] = true
		}
	}
	return out
}

// unknown returns the labels of the cells among measures × applicant whose
// figure could not be read.
func (v *validator) unknown(measures []string, applicant string) []string {
	var out []string
	for _, m := range measures {
		if v.unread[valueKey{m, applicant}] {
			l := v.labels[valueKey{m, applicant}].row
			if l == "" {
				l = gongkai.MeasureLabel(m)
			}
			out = append(out, l)
		}
	}
	return out
}

// cell returns the value of measure × applicant, if the report has it.
func (v *validator) cell(measure, applicant string) (gongkai.Value, bool) {
	if s, ok := gongkai.CellSlot(measure, applicant); ok {
		if i := v.slots[s]; i > 0 {
			return v.r.Values[i-1], true
		}
		return gongkai.Value{}, false
	}
	i, ok := v.others[valueKey{measure, applicant}]
	if !ok {
		return gongkai.Value{}, false
	}
	return v.r.Values[i], true
}

// ruleCells are the cells the sum and applicant-sum rules of a format read,
// by gongkai.CellSlot (-1: none), worked out once a format
// (ruleCellsOf) instead of two map lookups for every cell of every rule
// of every report: sums and rows by rule index.
type ruleCells struct {
	sums [][]sumSlots
	rows [][]rowSlots
}

// sumSlots are the slots of a sum rule's LHS and RHS for one applicant.
type sumSlots struct{ lhs, rhs []int }

// rowSlots is a row an applicant-sum rule checks, with the slots of its
// cells: parts in applicantParts' order, and its total.
type rowSlots struct {
	row   gongkai.Row
	parts []int
	total int
}

var ruleCellsByFormat sync.Map // *gongkai.Format → *ruleCells

// ruleCellsOf returns f's ruleCells.
func ruleCellsOf(f *gongkai.Format) *ruleCells {
	if c, ok := ruleCellsByFormat.Load(f); ok {
		return c.(*ruleCells)
	}
	slot := func(measure, applicant string) int {
		if s, ok := gongkai.CellSlot(measure, applicant); ok {
			return s
		}
		return -1
	}
	slots := func(measures []string, applicant string) []int {
		out := make([]int, len(measures))
		for i, m := range measures {
			out[i] = slot(m, applicant)
		}
		return out
	}
	c := &ruleCells{sums: make([][]sumSlots, len(f.Rules)), rows: make([][]rowSlots, len(f.Rules))}
	for ri, rule := range f.Rules {
		switch rule.Kind {
		case ruleSum, rulePartsWithin:
			for _, a := range sumApplicants(rule) {
				c.sums[ri] = append(c.sums[ri], sumSlots{lhs: slots(rule.LHS, a), rhs: slots(rule.RHS, a)})
			}
		case ruleApplicantSum:
			t := f.Table(rule.Table)
			if t == nil {
				continue
			}
			for _, b := range t.Blocks {
				if b.Dimension != "applicant" {
					continue
				}
				for _, row := range b.Rows {
					if row.Group || row.Measure == "" {
						continue
					}
					rc := rowSlots{row: row, total: slot(row.Measure, gongkai.ApplicantTotal)}
					for _, a := range applicantParts() {
						rc.parts = append(rc.parts, slot(row.Measure, a))
					}
					c.rows[ri] = append(c.rows[ri], rc)
				}
			}
		}
	}
	got, _ := ruleCellsByFormat.LoadOrStore(f, c)
	return got.(*ruleCells)
}

// applicantParts are the applicants but the total, in their order.
var applicantParts = sync.OnceValue(func() []string {
	parts := make([]string, 0, len(gongkai.Applicants)-1)
	for _, a := range gongkai.Applicants {
		if a != gongkai.ApplicantTotal {
			parts = append(parts, a)
		}
	}
	return parts
})

// cellAt is cell for a cell whose gongkai.CellSlot is slot (-1: it has
// none), as ruleCells holds them.
func (v *validator) cellAt(slot int, measure, applicant string) (gongkai.Value, bool) {
	if slot < 0 {
		i, ok := v.others[valueKey{measure, applicant}]
		if !ok {
			return gongkai.Value{}, false
		}
		return v.r.Values[i], true
	}
	if i := v.slots[slot]; i > 0 {
		return v.r.Values[i-1], true
	}
	return gongkai.Value{}, false
}

// total sums the cells of measures × applicant, whose slots are slots,
// blank as 0, and reports whether any holds a number.
func (v *validator) total(measures []string, slots []int, applicant string) (float64, bool) {
	sum, any := 0.0, false
	for i, m := range measures {
		if val, ok := v.cellAt(slots[i], m, applicant); ok && val.Number != nil {
			sum += *val.Number
			any = true
		}
	}
	return sum, any
}

// absent reports whether one of the measures has no value at all for the
// applicant (the cells' slots are slots): its row is not in the source (a
// page cut short, a row whose label was lost), as opposed to a blank cell,
// which counts as 0.
func (v *validator) absent(measures []string, slots []int, applicant string) bool {
	for i, m := range measures {
		if _, ok := v.cellAt(slots[i], m, applicant); !ok {
			return true
		}
	}
	return false
}

// sumApplicants are the applicants a sum rule holds for.
func sumApplicants(rule gongkai.Rule) []string {
	if rule.PerApplicant {
		return gongkai.Applicants
	}
	return []string{gongkai.ApplicantTotal}
}

// sum checks a sum rule; cells are its cells' slots for each of
// sumApplicants(rule) (ruleCells).
func (v *validator) sum(rule gongkai.Rule, cells []sumSlots) {
	for ai, a := range sumApplicants(rule) {
		c := cells[ai]
		if v.absent(rule.LHS, c.lhs, a) || v.absent(rule.RHS, c.rhs, a) {
			continue // a row not in the source is not 0: the sum cannot be known
		}
		lhs, anyL := v.total(rule.LHS, c.lhs, a)
		rhs, anyR := v.total(rule.RHS, c.rhs, a)
		if !anyL && !anyR || equal(lhs, rhs) {
			continue
		}
		at, measure := v.anchor(append(append([]string{}, rule.LHS...), rule.RHS...), a)
		lbl := v.labels[valueKey{measure, a}]
		subject := v.subject(rule.LHS, a)
		fd := gongkai.Finding{
			At: at, RowLabel: lbl.row, ColumnLabel: lbl.col, Measure: measure, Applicant: a,
			Expected: gongkai.Float(rhs), Actual: actualOf(lhs, anyL),
			Message: fmt.Sprintf("%s × %s：应为 %s（%s），%s", subject, lbl.col, num(rhs), ruleSide(rule), actualText(lhs, anyL)),
		}
		if len(v.unknown(rule.LHS, a)) > 0 {
			continue // the total itself could not be read: its reader's finding says so
		}
		if unknown := v.unknown(rule.RHS, a); len(unknown) > 0 {
			// The sum is unknown: only a total smaller than the part of it
			// that was read (counts are never negative) is known wrong.
			if !v.allNonNegative(rule.RHS, a) || lhs >= rhs || equal(lhs, rhs) {
				continue
			}
			fd.Expected = nil
			fd.Message = fmt.Sprintf("%s × %s：应不少于 %s（%s，其中%s未能读取），%s",
				subject, lbl.col, num(rhs), ruleSide(rule), quoteLabels(unknown), actualText(lhs, anyL))
		}
		v.add(rule, fd)
	}
}

// partsWithin checks a parts_within rule: the parts of RHS the report
// states, read, add up to no more than LHS. A part unread, a total unread or
// not stated, or a negative part (no lower bound then) says nothing; the
// finding stands at the total and names each part read.
func (v *validator) partsWithin(rule gongkai.Rule, cells []sumSlots) {
	for ai, a := range sumApplicants(rule) {
		c := cells[ai]
		total, ok := v.stated(c.lhs[0], rule.LHS[0], a)
		if !ok || total.Number == nil || len(v.unknown(rule.LHS, a)) > 0 || !v.allNonNegative(rule.RHS, a) {
			continue
		}
		var sum float64
		var parts []string
		for i, m := range rule.RHS {
			if val, ok := v.stated(c.rhs[i], m, a); ok && val.Number != nil {
				sum += *val.Number
				l := v.labels[valueKey{m, a}].row
				if l == "" {
					l = gongkai.MeasureLabel(m)
				}
				parts = append(parts, fmt.Sprintf("“%s”%s", l, num(*val.Number)))
			}
		}
		if len(parts) < 2 || sum <= *total.Number || equal(sum, *total.Number) {
			continue
		}
		v.add(rule, gongkai.Finding{
			At: total.At, Measure: rule.LHS[0], Applicant: a, RowLabel: v.labels[valueKey{rule.LHS[0], a}].row,
			Actual: total.Number,
			Message: fmt.Sprintf("%s为 %s，而所述各项结果之和至少为 %s（%s），不合“%s”：其中有的数有误或统计口径不同，哪一个有误不能确定，各数均按原文保留",
				gongkai.MeasureLabel(rule.LHS[0]), num(*total.Number), num(sum), strings.Join(parts, "、"), rule.Name),
		})
	}
}

// stated returns the value of measure × applicant in a table (its slot is
// slot) or, with none, in a sentence.
func (v *validator) stated(slot int, measure, applicant string) (gongkai.Value, bool) {
	if val, ok := v.cellAt(slot, measure, applicant); ok {
		return val, true
	}
	i, ok := v.narrative[valueKey{measure, applicant}]
	if !ok {
		return gongkai.Value{}, false
	}
	return v.r.Values[i], true
}

// allNonNegative reports whether every figure read among measures ×
// applicant is 0 or more, so that a part of their sum bounds it from below.
func (v *validator) allNonNegative(measures []string, applicant string) bool {
	for _, m := range measures {
		if val, ok := v.cell(m, applicant); ok && val.Number != nil && *val.Number < 0 {
			return false
		}
	}
	return true
}

// quoteLabels names cells for a message: "“（一）予以公开”、“2.其他法律行政法规禁止公开”".
func quoteLabels(ls []string) string {
	return "“" + strings.Join(ls, "”、“") + "”"
}

// applicantSum checks, for every row of the rule's table that has applicant
// columns, that 总计 equals the sum of the other applicants.
//
// rows are the rows it checks with their cells' slots (ruleCells).
func (v *validator) applicantSum(rule gongkai.Rule, rows []rowSlots) {
	parts := applicantParts()
	for _, rc := range rows {
		row := rc.row
		var sum float64
		any := false
		for pi, a := range parts {
			if val, ok := v.cellAt(rc.parts[pi], row.Measure, a); ok && val.Number != nil {
				sum += *val.Number
				any = true
			}
		}
		tv, ok := v.cellAt(rc.total, row.Measure, gongkai.ApplicantTotal)
		var total float64
		stated := ok && tv.Number != nil
		if stated {
			total, any = *tv.Number, true
		}
		if !any || equal(sum, total) || v.unread[valueKey{row.Measure, gongkai.ApplicantTotal}] {
			continue
		}
		at := tv.At
		if !ok {
			at, _ = v.anchor([]string{row.Measure}, gongkai.ApplicantNatural)
		}
		lbl := v.labels[valueKey{row.Measure, gongkai.ApplicantTotal}]
		fd := gongkai.Finding{
			At: at, RowLabel: lbl.row, ColumnLabel: lbl.col, Measure: row.Measure, Applicant: gongkai.ApplicantTotal,
			Expected: gongkai.Float(sum), Actual: actualOf(total, stated),
			Message: fmt.Sprintf("%s × %s：应为 %s（%s），%s", lbl.row, lbl.col, num(sum), ruleSide(rule), actualText(total, stated)),
		}
		var unknown []string
		nonNegative := true
		for _, a := range parts {
			if v.unread[valueKey{row.Measure, a}] {
				unknown = append(unknown, v.labels[valueKey{row.Measure, a}].col)
			}
			nonNegative = nonNegative && v.allNonNegative([]string{row.Measure}, a)
		}
		if len(unknown) > 0 {
			// Some applicants' figures could not be read: only a total
			// smaller than those read is known wrong.
			if total >= sum || !nonNegative {
				continue
			}
			fd.Expected = nil
			fd.Message = fmt.Sprintf("%s × %s：应不少于 %s（%s，其中%s未能读取），%s",
				lbl.row, lbl.col, num(sum), ruleSide(rule), quoteLabels(unknown), actualText(total, stated))
		}
		v.add(rule, fd)
	}
}

// kinds checks that every figure is one its cell allows: a non-negative
// integer count, an integer delta, a non-negative amount, within what
// gongkai stores (value.Holds: the reader left such a cell blank, and this is
// its finding). An amount of more decimals than the roll-up counts gets a
// warning of rule RuleDecimals.
func (v *validator) kinds(rule gongkai.Rule) {
	cat := gongkai.CatalogueByCode()
	for _, val := range v.r.Values {
		if len(val.Raw) <= gongkai.FigureDigits && value.AllDigits(val.Raw) {
			continue // the common case, valid for every kind: no lookup needed
		}
		m, ok := cat[val.Measure]
		if !ok {
			continue
		}
		var err error
		if strings.TrimSpace(val.Raw) != "" && m.Table != "narrative" && val.Source != gongkai.SourceNarrative {
			// A narrative figure's Raw is its whole sentence (web-text); its Number is checked below.
			_, _, err = value.ParseIn(val.Raw, m.Kind, m.Unit)
		} else if val.Number != nil {
			err = value.Check(*val.Number, m.Kind)
		}
		if err == nil && val.Number != nil && m.Kind == "money" && val.Source != gongkai.SourceNarrative {
			if d := value.Scan(val.Raw).Decimals; d > gongkai.RollupDecimals {
				lbl, where := v.where(val, m)
				v.add(gongkai.Rule{ID: RuleDecimals, Severity: gongkai.SeverityWarning}, gongkai.Finding{
					At: val.At, RowLabel: lbl.row, ColumnLabel: lbl.col, Measure: val.Measure, Applicant: val.Applicant,
					Message: fmt.Sprintf("%s：“%s”有 %d 位小数，按原样保存；地区汇总只计到小数点后 %d 位（万元计到分），四舍五入",
						where, strings.TrimSpace(val.Raw), d, gongkai.RollupDecimals),
				})
			}
		}
		if err == nil {
			continue
		}
		lbl, where := v.where(val, m)
		v.add(rule, gongkai.Finding{
			At: val.At, RowLabel: lbl.row, ColumnLabel: lbl.col, Measure: val.Measure, Applicant: val.Applicant,
			Message: where + "：" + gongkai.ErrorMessage(err),
		})
	}
}

// RuleDecimals is the rule of the warning at an amount of more decimals than
// the regional roll-up counts (gongkai.RollupDecimals): stored as the report
// states it, summed rounded. No real amount has them (6 decimals of 万元 are
// a 分), so the warning points at a computed cell or a typo.
const RuleDecimals = "decimals"

// where returns the labels of a value's cell, and how a message names it.
func (v *validator) where(val gongkai.Value, m gongkai.Measure) (cellLabel, string) {
	return labelsOf(v.labels, val, m.Label)
}

// labelsOf returns the labels of a value's cell in labels (its measure's
// label when the format has no such cell), and how a message names it:
// "row × column".
func labelsOf(labels map[valueKey]cellLabel, val gongkai.Value, measureLabel string) (cellLabel, string) {
	lbl, ok := labels[valueKey{val.Measure, val.Applicant}]
	if !ok {
		lbl = cellLabel{row: measureLabel}
	}
	where := lbl.row
	if lbl.col != "" {
		where += " × " + lbl.col
	}
	return lbl, where
}

// blankBeyondLimits leaves blank every figure a reader set beyond what
// gongkai stores (value.Holds): a sentence's figure, read without
// value.Parse, of 1e15 or more. Each gets an error of the values rule at its
// place. Figures read from cells by value.Parse are blank already, and the
// values rule of Validate gives their finding.
func blankBeyondLimits(r *gongkai.Report) {
	var labels map[valueKey]cellLabel
	if f := gongkai.FormatByID(r.Format); f != nil {
		labels = cellLabels(f)
	}
	for i := range r.Values {
		val := &r.Values[i]
		if val.Number == nil || value.Holds(*val.Number, 0, "") == nil {
			continue
		}
		lbl, where := labelsOf(labels, *val, gongkai.MeasureLabel(val.Measure))
		r.Findings = append(r.Findings, gongkai.Finding{
			Rule: ruleValues, Severity: gongkai.SeverityError,
			At: val.At, RowLabel: lbl.row, ColumnLabel: lbl.col, Measure: val.Measure, Applicant: val.Applicant,
			Message: fmt.Sprintf("%s：数字过大（达到一千万亿），不像报告中的数字；按缺失处理，请核对原文：%s", where, strings.TrimSpace(val.Raw)),
			Actual:  gongkai.Float(*val.Number),
		})
		val.Number = nil
	}
}

// filled checks that the statistics tables hold at least one figure typed
// into an input cell: a 0 counts, a blank or "/" does not, and neither do
// totals (the template's formulas compute 0 over blank cells) or narrative
// figures, so that the blank template with a filled-in cover is flagged. A
// cell whose text cannot be read counts as filled: the values rule flags it.
func (v *validator) filled(rule gongkai.Rule) {
	cat := gongkai.CatalogueByCode()
	at := ""
	for _, val := range v.r.Values {
		m := cat[val.Measure]
		if m.Table == "narrative" || v.isTotal(val.Measure, val.Applicant, m.ByApp) {
			continue
		}
		if val.Number != nil {
			return
		}
		if raw := strings.TrimSpace(val.Raw); raw != "" {
			if _, _, err := value.Parse(raw, m.Kind); err != nil {
				return // stated but unreadable: the values rule says so at its cell
			}
		}
		if at == "" {
			at = val.At
		}
	}
	v.add(rule, gongkai.Finding{
		At:      at,
		Message: "统计表中没有填写任何数字（空白模板？）：请在表二、表三、表四中填写数字，没有发生的事项填 0，然后重新上传。",
	})
}

// isTotal reports whether the cell is a total by the format's rules: the
// one left-hand measure of a sum rule, or the 总计 column of a measure by
// applicant (the cells the official template fills with formulas).
func (v *validator) isTotal(measure, applicant string, byApplicant bool) bool {
	if byApplicant && applicant == gongkai.ApplicantTotal {
		return true
	}
	for _, rule := range v.f.Rules {
		if rule.Kind == ruleSum && len(rule.LHS) == 1 && rule.LHS[0] == measure &&
			(rule.PerApplicant || applicant == gongkai.ApplicantTotal) {
			return true
		}
	}
	return false
}

// add appends a finding of the rule unless the report already has it.
func (v *validator) add(rule gongkai.Rule, fd gongkai.Finding) {
	fd.Rule, fd.Severity = rule.ID, rule.Severity
	if fd.Severity == "" {
		fd.Severity = gongkai.SeverityError
	}
	k := findingKey(fd)
	if v.seen[k] {
		return
	}
	v.seen[k] = true
	v.r.Findings = append(v.r.Findings, fd)
}

func findingKey(f gongkai.Finding) string {
	return f.Rule + "|" + f.At + "|" + f.Measure + "|" + f.Applicant + "|" + f.Message
}

// anchor returns the location and measure of the first of the measures the
// report has for the applicant: where a finding about them stands.
func (v *validator) anchor(measures []string, applicant string) (at, measure string) {
	for _, m := range measures {
		if val, ok := v.cell(m, applicant); ok {
			return val.At, m
		}
	}
	return "", measures[0]
}

// subject names the left-hand side of a sum: its row labels.
func (v *validator) subject(measures []string, applicant string) string {
	names := make([]string, 0, len(measures))
	for _, m := range measures {
		l := v.labels[valueKey{m, applicant}].row
		if l == "" {
			l = gongkai.MeasureLabel(m)
		}
		names = append(names, l)
	}
	return strings.Join(names, " + ")
}

// ruleSide is what the right-hand side of a rule is called: the part of its
// name after "等于" ("（七）总计等于各项办理结果之和" → "各项办理结果之和").
func ruleSide(rule gongkai.Rule) string {
	if i := strings.LastIndex(rule.Name, "等于"); i >= 0 {
		return rule.Name[i+len("等于"):]
	}
	return rule.Name
}

func equal(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

// num writes a figure the way reports do: no exponent, no trailing zeros.
func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// actualText is the 实为 of a sum finding. A total whose cells are all blank
// counts as 0 in the sum, but the page states no figure, so the message says
// it is blank rather than "实为 0", which would read as a 0 printed there.
func actualText(total float64, stated bool) string {
	if !stated {
		return "实为空白"
	}
	return "实为 " + num(total)
}

// actualOf is the Actual of a sum finding: nil for a blank total, as the page
// states none.
func actualOf(total float64, stated bool) *float64 {
	if !stated {
		return nil
	}
	return gongkai.Float(total)
}

// valueKey names a value of a report: measure and applicant.
type valueKey struct{ measure, applicant string }

// cellLabel is how a person names a cell: its row and column labels.
type cellLabel struct{ row, col string }

var labelCache sync.Map // format id → map[valueKey]cellLabel; formats never change

// cellLabels returns the row and column labels of every cell of the format,
// keyed by measure and applicant. A block without row labels (table 四) names its
// rows by the column groups ("行政诉讼 未经复议直接起诉").
func cellLabels(f *gongkai.Format) map[valueKey]cellLabel {
	if m, ok := labelCache.Load(f.ID); ok {
		return m.(map[valueKey]cellLabel)
	}
	m := map[valueKey]cellLabel{}
	for _, t := range f.Tables {
		for _, b := range t.Blocks {
			for _, row := range b.Rows {
				if row.Group {
					continue
				}
				for _, c := range b.Columns {
					measure, applicant := b.Cell(row, c)
					rl := row.Label
					if rl == "" {
						rl = strings.TrimSpace(c.Group + " " + c.Subgroup)
					}
					m[valueKey{measure, applicant}] = cellLabel{row: rl, col: c.Label}
				}
			}
		}
	}
	labelCache.Store(f.ID, m)
	return m
}
