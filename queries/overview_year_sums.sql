-- name: overview_year_sums
-- title: 总览（按年度，含有错误、警告的报告数与机构数）
-- params: year_from, year_to, province, city, level, agency
-- columns: year, reports, apps_new, apps_total, licensing_decisions, proactive_items, reports_with_errors, reports_with_warnings, agencies
-- overview_trend's rows, each with the year's count of reports with errors
-- and with warnings, and agencies: the selected agencies with a current
-- report in the selected years (the same on every row). With a piece of an
-- agency's name overview_totals and overview_trend each joined the
-- selected agencies to the million current reports or summary rows at 1M
-- reports (总览's slowest tenth); the page reads this one instead, and
-- takes overview_totals' row from it: the reports, errors and warnings
-- summed over the years (counts), the first and last year, and agencies.
-- The summary rows are those current_summary selects, for any filter (the
-- page reads this query only with a piece; without one its two queries
-- read the kept roll-ups). store.report_summary has one row per report with its
-- is_current, errors and warnings (held to store.reports at Open and by
-- the writer), so these are the reports overview_totals counts.
-- agencies is counted from the agencies' bit sets of years with a current
-- report (store.agency_status, 0020, as overview_totals without a filter),
-- not a count(DISTINCT agency_id) over the selected rows (~10 ms of CPU
-- more at 1M). The bits hold the years 1990-2100 only: the page takes
-- agencies from here only when every row's year is one of them.
-- The selected agencies are found once (sel, MATERIALIZED) for both: read
-- through current_summary and selected_agencies apart, the piece was
-- matched against the ~170,000 names twice (28.2 -> 23.4 ms of CPU a query at 1M
-- reports, /'s filters with a piece).
WITH sel AS MATERIALIZED (
    SELECT a.agency_id
    FROM selected_agencies($province, $city, $level, $agency) a
), v AS (
    SELECT s.year, count(*) AS reports,
           sum(s.apps_new) AS apps_new,
           sum(s.apps_total) AS apps_total,
           sum(s.licensing_decisions) AS licensing_decisions,
           sum(s.proactive_items) AS proactive_items,
           count(*) FILTER (WHERE s.errors > 0) AS reports_with_errors,
           count(*) FILTER (WHERE s.warnings > 0) AS reports_with_warnings
    FROM store.report_summary s
    JOIN sel ON sel.agency_id = s.agency_id
    WHERE s.is_current
      AND ($year_from IS NULL OR s.year >= $year_from)
      AND ($year_to IS NULL OR s.year <= $year_to)
    GROUP BY s.year
), n AS (
    SELECT count(*) AS agencies
    FROM store.agency_bits() b
    JOIN sel ON sel.agency_id = b.agency_id
    WHERE (b.reported & store.year_bits($year_from, $year_to)) <> 0
)
SELECT v.year, v.reports, v.apps_new, v.apps_total, v.licensing_decisions, v.proactive_items,
       v.reports_with_errors, v.reports_with_warnings, n.agencies
FROM v, n
ORDER BY v.year
