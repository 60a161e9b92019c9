-- name: licensing_by_level
-- title: 行政许可决定数量按层级分布
-- params: year_from, year_to, province, city, level, agency
-- columns: level, agencies, licensing_decisions
-- Licensing decisions summed per administrative level; an unknown level shows as 未注明.
-- Reads current_summary: one row per current report with its figures
-- pivoted at load (store.report_summary), so that a page costs a scan of
-- narrow rows however large the warehouse.
SELECT coalesce(nullif(level, ''), '未注明') AS level,
       count(DISTINCT agency_id) AS agencies,
       coalesce(sum(licensing_decisions), 0) AS licensing_decisions
FROM current_summary($year_from, $year_to, $province, $city, $level, $agency)
WHERE licensing_stated
GROUP BY 1
ORDER BY licensing_decisions DESC, level
