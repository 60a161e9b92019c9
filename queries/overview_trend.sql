-- name: overview_trend
-- title: 历年趋势：申请、行政许可决定、主动公开信息
-- params: year_from, year_to, province, city, level, agency
-- columns: year, reports, apps_new, apps_total, licensing_decisions, proactive_items
-- One row per year; sums over the agencies the filter selects.
-- A sum is NULL when no report of that year states the figure, so that charts
-- show a gap rather than 0; a report that leaves a figure blank adds nothing.
-- Reads current_figures with only the measures it needs: report_values and
-- report_summary decode every figure first, the slow part on a large
-- warehouse (see BenchmarkPages).
WITH r AS (
    SELECT year, count(*) AS reports
    FROM current_reports($year_from, $year_to, $province, $city, $level, $agency)
    GROUP BY year
), v AS (
    SELECT year,
           sum(value) FILTER (WHERE measure = 'apps.new') AS apps_new,
           sum(value) FILTER (WHERE measure = 'apps.total') AS apps_total,
           sum(value) FILTER (WHERE measure = 'licensing.decisions') AS licensing_decisions,
           sum(value) FILTER (WHERE measure = 'narrative.proactive_items') AS proactive_items
    FROM current_figures(NULL, 'total', $year_from, $year_to, $province, $city, $level, $agency)
    WHERE measure IN ('apps.new', 'apps.total', 'licensing.decisions', 'narrative.proactive_items')
    GROUP BY year
)
SELECT r.year, r.reports,
       v.apps_new AS apps_new,
       v.apps_total AS apps_total,
       v.licensing_decisions AS licensing_decisions,
       v.proactive_items AS proactive_items
FROM r LEFT JOIN v USING (year)
ORDER BY r.year
