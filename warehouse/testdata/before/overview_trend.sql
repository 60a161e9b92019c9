-- name: overview_trend
-- title: 历年趋势：申请、行政许可决定、主动公开信息
-- params: year_from, year_to, province, city, level, agency
-- columns: year, reports, apps_new, apps_total, licensing_decisions, proactive_items
-- One row per year; sums over the agencies the filter selects.
-- A sum is NULL when no report of that year states the figure, so that charts
-- show a gap rather than 0; a report that leaves a figure blank adds nothing.
-- Reads current_summary: one row per current report with its figures
-- pivoted at load (store.report_summary), so that a page costs a scan of
-- narrow rows however large the warehouse.
SELECT year, count(*) AS reports,
       sum(apps_new) AS apps_new,
       sum(apps_total) AS apps_total,
       sum(licensing_decisions) AS licensing_decisions,
       sum(proactive_items) AS proactive_items
FROM current_summary($year_from, $year_to, $province, $city, $level, $agency)
GROUP BY year
ORDER BY year
