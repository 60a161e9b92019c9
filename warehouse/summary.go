package warehouse

import (
	"context"
	"database/sql/driver"
	"fmt"
	"log/slog"
	"math"
	"strings"
	"sync"

	"gongkai"
)

// checkSummary verifies that store.report_summary has one row per report
// with the report's is_current, errors and warnings, and rebuilds it from
// store.figures when it does not: the loader keeps it in step, but a path
// that changes store.reports without it (an older binary, a repair by hand)
// must not leave a page showing stale figures after the next start. The
// regional roll-up (store.region_rollup) is rebuilt with it, or alone when
// only the agencies' regions changed behind the writer (see checkRollup),
// and the copy by cell, which carries the reports' years and agencies, is emptied to be
// copied again (cells_reset.sql). Its error is the database's.
func (db *DB) checkSummary(ctx context.Context) error {
	var stale int64
	if err := db.db.QueryRowContext(ctx, stmt("summary_stale")).Scan(&stale); err != nil {
		return fmt.Errorf("warehouse: check report summary: %w", err)
	}
	if stale == 0 {
		return db.checkRollup(ctx)
	}
	slog.Warn("warehouse: rebuilding store.report_summary", "stale_rows", stale)
	conn, err := db.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("warehouse: rebuild report summary: %w", err)
	}
	defer conn.Close()
	err = inConnTx(ctx, conn, func() error {
		if _, err := conn.ExecContext(ctx, stmt("summary_clear")); err != nil {
			return err
		}
		if _, err := conn.ExecContext(ctx, stmt("summary_rebuild")); err != nil {
			return err
		}
		// The copy by cell carries each report's year and agency (migrations
		// 0036, 0093), which such a path may have changed: it is copied
		// again as it stands.
		if _, err := conn.ExecContext(ctx, stmt("cells_reset")); err != nil {
			return err
		}
		if _, err := conn.ExecContext(ctx, stmt("cells_check_write")); err != nil {
			return err
		}
		// The regional roll-up sums the same reports: the path that left the
		// summary behind left it behind too.
		return rebuildRollup(ctx, conn)
	})
	if err != nil {
		return fmt.Errorf("warehouse: rebuild report summary: %w", err)
	}
	return nil
}

// summaryCol is a figure column of store.report_summary: the value of
// measure for applicant, or with prefix the sum of the measures that start
// with it (NULL when no such cell has a number). The list follows the
// table's columns in order; store.summary_rows (0006) computes the same in
// SQL, and TestSummaryRowsMatchSQL holds the two together.
type summaryCol struct {
	name, measure, applicant string
	prefix                   bool
}

var summaryCols = []summaryCol{
	{"apps_new", "apps.new", "total", false},
	{"apps_carried_in", "apps.carried_in", "total", false},
	{"apps_granted", "apps.granted", "total", false},
	{"apps_partial", "apps.partial", "total", false},
	{"apps_withheld", "apps.withheld.", "total", true},
	{"apps_unavailable", "apps.unavailable.", "total", true},
	{"apps_not_processed", "apps.not_processed.", "total", true},
	{"apps_other", "apps.other", "total", false},
	{"apps_total", "apps.total", "total", false},
	{"apps_carried_out", "apps.carried_out", "total", false},
	{"licensing_decisions", "licensing.decisions", "total", false},
	{"penalty_decisions", "penalty.decisions", "total", false},
	{"coercion_decisions", "coercion.decisions", "total", false},
	{"normative_docs_issued", "normative_docs.issued", "total", false},
	{"normative_docs_made", "normative_docs.made", "total", false},
	{"normative_docs_in_force", "normative_docs.in_force", "total", false},
	{"proactive_items", "narrative.proactive_items", "total", false},
	{"review_upheld", "review.upheld", "total", false},
	{"review_corrected", "review.corrected", "total", false},
	{"review_other", "review.other", "total", false},
	{"review_pending", "review.pending", "total", false},
	{"review_total", "review.total", "total", false},
	{"litigation_direct_upheld", "litigation_direct.upheld", "total", false},
	{"litigation_direct_corrected", "litigation_direct.corrected", "total", false},
	{"litigation_direct_other", "litigation_direct.other", "total", false},
	{"litigation_direct_pending", "litigation_direct.pending", "total", false},
	{"litigation_direct_total", "litigation_direct.total", "total", false},
	{"litigation_after_review_upheld", "litigation_after_review.upheld", "total", false},
	{"litigation_after_review_corrected", "litigation_after_review.corrected", "total", false},
	{"litigation_after_review_other", "litigation_after_review.other", "total", false},
	{"litigation_after_review_pending", "litigation_after_review.pending", "total", false},
	{"litigation_after_review_total", "litigation_after_review.total", "total", false},
	{"apps_withheld_state_secret", "apps.withheld.state_secret", "total", false},
	{"apps_withheld_prohibited_by_law", "apps.withheld.prohibited_by_law", "total", false},
	{"apps_withheld_three_safeties", "apps.withheld.three_safeties", "total", false},
	{"apps_withheld_third_party", "apps.withheld.third_party", "total", false},
	{"apps_withheld_internal_affairs", "apps.withheld.internal_affairs", "total", false},
	{"apps_withheld_process_info", "apps.withheld.process_info", "total", false},
	{"apps_withheld_enforcement_file", "apps.withheld.enforcement_file", "total", false},
	{"apps_withheld_query_matter", "apps.withheld.query_matter", "total", false},
	{"apps_new_natural", "apps.new", "natural", false},
	{"apps_new_business", "apps.new", "business", false},
	{"apps_new_research", "apps.new", "research", false},
	{"apps_new_ngo", "apps.new", "ngo", false},
	{"apps_new_legal_services", "apps.new", "legal_services", false},
	{"apps_new_other", "apps.new", "other", false},
}

// summaryIndex finds summaryCols by cell; prefix lists the columns that sum
// cells by prefix, all of them of apps.*.
var summaryIndex = sync.OnceValue(func() (ix struct {
	exact  map[cellKey]int
	prefix []int
}) {
	ix.exact = map[cellKey]int{}
	for i, c := range summaryCols {
		if c.prefix {
			if !strings.HasPrefix(c.measure, "apps.") || c.applicant != gongkai.ApplicantTotal {
				panic("warehouse: summaryRow sums only applicant-total apps.* prefixes")
			}
			ix.prefix = append(ix.prefix, i)
		} else {
			ix.exact[cellKey{c.measure, c.applicant}] = i
		}
	}
	return ix
})

// summaryRow returns the store.report_summary row of a report version from
// what summaryFigures made of its values, in the table's column order.
func summaryRow(id, agency int64, year int, format string, current bool, errs, warns int, figures []driver.Value) []driver.Value {
	row := make([]driver.Value, 0, summaryFirstCol+len(figures))
	row = append(row, id, agency, int32(year), format, current, int32(errs), int32(warns))
	return append(row, figures...)
}

// summaryFigures returns the columns of a store.report_summary row that
// come from the report's values (parts: stated, then derived): the figure
// columns, licensing_stated, apps_stated, table_stated, table_largest.
// They are worked out when a report is prepared, off the writer's path;
// slots are the parts' cellSlots.
func summaryFigures(parts [2][]gongkai.Value, slots [2][]int32) []driver.Value {
	cols, infos := summaryIndex(), slotInfos()
	row := make([]driver.Value, 0, len(summaryCols)+4)
	sums := make([]float64, len(summaryCols))
	set := make([]bool, len(summaryCols))
	var licensing, apps bool
	var stated int64
	largest, hasLargest := 0.0, false
	for k, values := range parts {
		for j, v := range values {
			if v.Applicant == gongkai.ApplicantTotal {
				licensing = licensing || v.Measure == "licensing.decisions"
				apps = apps || strings.HasPrefix(v.Measure, "apps.")
				if v.Number != nil && !strings.HasPrefix(v.Measure, "narrative.") {
					stated++
					if a := math.Abs(*v.Number); !hasLargest || a > largest {
						largest, hasLargest = a, true
					}
				}
			}
			if v.Number == nil {
				continue
			}
			i, ok := -1, false
			if s := slots[k][j]; s >= 0 {
				i = infos[s].summary
				ok = i >= 0
			} else {
				i, ok = cols.exact[cellKey{v.Measure, v.Applicant}]
			}
			if ok && (!set[i] || *v.Number > sums[i]) {
				sums[i] = *v.Number // max, as the SQL: a report states a cell once
				set[i] = true
			}
			if v.Applicant == gongkai.ApplicantTotal && strings.HasPrefix(v.Measure, "apps.") {
				for _, i := range cols.prefix {
					if strings.HasPrefix(v.Measure, summaryCols[i].measure) {
						sums[i] += *v.Number
						set[i] = true
					}
				}
			}
		}
	}
	for i := range summaryCols {
		if set[i] {
			row = append(row, sums[i])
		} else {
			row = append(row, nil)
		}
	}
	row = append(row, licensing, apps, stated)
	if hasLargest {
		row = append(row, largest)
	} else {
		row = append(row, nil)
	}
	return row
}
