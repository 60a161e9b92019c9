-- name: agency_years
-- title: 机构历年报告
-- params: agency_id, year_from, year_to
-- columns: year, report_id, format, errors, warnings, apps_new, apps_total, licensing_decisions, penalty_decisions, proactive_items, review_total, litigation_total
-- The agency's current report of each year with its headline figures.
-- Reads store.report_summary (one row per report version, its figures
-- pivoted at load) instead of pivoting store.figures per query.
SELECT year, report_id, format, errors, warnings,
       apps_new, apps_total, licensing_decisions, penalty_decisions, proactive_items,
       review_total, litigation_total
FROM report_summary
WHERE agency_id = $agency_id AND ($year_from IS NULL OR year >= $year_from) AND ($year_to IS NULL OR year <= $year_to)
ORDER BY year
