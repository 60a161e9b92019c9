-- name: overview_trend
-- title: 历年趋势：申请、行政许可决定、主动公开信息
-- params: year_from, year_to, province, city, level, agency
-- columns: year, reports, apps_new, apps_total, licensing_decisions, proactive_items
-- One row per year; sums over the agencies the filter selects.
-- A sum is NULL when no report of that year states the figure, so that charts
-- show a gap rather than 0; a report that leaves a figure blank adds nothing.
-- Without a piece of an agency's name the sums are read from
-- summary_groups, the summary rows summed per year, region and level at
-- load (store.summary_rollup, migration 0021: a few thousand rows at 1M
-- reports); with one, from current_summary, one row per current report.
-- Each branch is empty when the other applies; a sum's count of stating
-- reports (<column>_n) keeps it NULL where no report states it.
WITH v AS (
    SELECT year, sum(reports)::BIGINT AS reports,
           CASE WHEN sum(apps_new_n) > 0 THEN sum(apps_new)::DOUBLE END AS apps_new,
           CASE WHEN sum(apps_total_n) > 0 THEN sum(apps_total)::DOUBLE END AS apps_total,
           CASE WHEN sum(licensing_decisions_n) > 0 THEN sum(licensing_decisions)::DOUBLE END AS licensing_decisions,
           CASE WHEN sum(proactive_items_n) > 0 THEN sum(proactive_items)::DOUBLE END AS proactive_items
    FROM summary_groups($year_from, $year_to, $province, $city, $level, $agency)
    GROUP BY year
    UNION ALL
    SELECT year, count(*) AS reports,
           sum(apps_new) AS apps_new,
           sum(apps_total) AS apps_total,
           sum(licensing_decisions) AS licensing_decisions,
           sum(proactive_items) AS proactive_items
    FROM current_summary($year_from, $year_to, $province, $city, $level, $agency)
    WHERE $agency IS NOT NULL
    GROUP BY year
)
SELECT year, reports, apps_new, apps_total, licensing_decisions, proactive_items
FROM v
ORDER BY year
