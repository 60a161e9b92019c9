-- name: overview_trend
-- title: 历年趋势：申请、行政许可决定、主动公开信息
-- params: year_from, year_to, province, city, level, agency
-- columns: year, reports, apps_new, apps_total, licensing_decisions, proactive_items
-- One row per year; sums over the agencies the filter selects (blank counts as 0).
SELECT year,
       count(*) AS reports,
       coalesce(sum(apps_new), 0) AS apps_new,
       coalesce(sum(apps_total), 0) AS apps_total,
       coalesce(sum(licensing_decisions), 0) AS licensing_decisions,
       coalesce(sum(proactive_items), 0) AS proactive_items
FROM report_summary
WHERE ($year_from IS NULL OR year >= $year_from)
  AND ($year_to IS NULL OR year <= $year_to)
  AND ($province IS NULL OR province = $province)
  AND ($city IS NULL OR city = $city)
  AND ($level IS NULL OR level = $level)
  AND ($agency IS NULL OR contains(agency, $agency))
GROUP BY year
ORDER BY year
