package warehouse

import (
	"fmt"
	"math"
	"strconv"
	"sync"

	"gongkai"
)

// The rules across years (kind "prior_year" in formats/common.json) compare a
// report with the same agency's current report for the year before: R4, this
// year's apps.carried_in = last year's apps.carried_out; R5 (2019 format),
// this year's items_prev ≈ last year's items_prev + items_delta. They run in
// the load, against reports already stored; when an earlier year is loaded
// after a later one, the later one is re-checked in the same transaction.

var priorRules = sync.OnceValue(func() []gongkai.Rule {
	var out []gongkai.Rule
	for _, r := range gongkai.CommonDefs().Rules {
		if r.Kind == "prior_year" {
			out = append(out, r)
		}
	}
	return out
})

var priorMeasureSet = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	for _, m := range priorMeasures() {
		set[m] = true
	}
	return set
})

// priorRuleIDs lists the ids of the rules across years, whose findings are
// replaced when a report is re-checked.
func priorRuleIDs() []string {
	seen := map[string]bool{}
	var ids []string
	for _, r := range priorRules() {
		if !seen[r.ID] {
			seen[r.ID] = true
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// priorYearFindings checks the figures of a report for year (cells) against
// those of the same agency's report for year-1 (last). A rule is checked for
// an applicant only when this year states its left side and last year states
// some part of its right side; blank cells count as 0 in sums.
func priorYearFindings(year int, cells map[cellKey]gongkai.Value, last priorCells) []gongkai.Finding {
	var out []gongkai.Finding
	for _, rule := range priorRules() {
		apps := []string{gongkai.ApplicantTotal}
		if rule.PerApplicant {
			apps = gongkai.Applicants
		}
		for _, app := range apps {
			var actual float64
			var at gongkai.Value
			stated := false
			for _, m := range rule.LHS {
				if v, ok := cells[cellKey{m, app}]; ok {
					if !stated {
						at = v
					}
					stated = true
					if v.Number != nil {
						actual += *v.Number
					}
				}
			}
			var expected float64
			found := false
			for _, m := range rule.RHS {
				if v, ok := last.get(cellKey{m, app}); ok {
					found = true
					if v != nil {
						expected += *v
					}
				}
			}
			if !stated || !found || math.Abs(actual-expected) < 1e-6 {
				continue
			}
			label := gongkai.MeasureLabel(at.Measure)
			out = append(out, gongkai.Finding{
				Rule:        rule.ID,
				Severity:    rule.Severity,
				At:          at.At,
				RowLabel:    label,
				ColumnLabel: gongkai.ApplicantLabel(app),
				Measure:     at.Measure,
				Applicant:   app,
				Message: fmt.Sprintf("%s：本年“%s”（%s）为 %s，按%d年报告应为 %s",
					rule.Name, label, gongkai.ApplicantLabel(app), num(actual), year-1, num(expected)),
				Expected: gongkai.Float(expected),
				Actual:   gongkai.Float(actual),
			})
		}
	}
	return out
}

func num(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}
