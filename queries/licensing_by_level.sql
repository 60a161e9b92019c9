-- name: licensing_by_level
-- title: 行政许可决定数量按层级分布
-- params: year_from, year_to, province, city, level, agency
-- columns: level, agencies, licensing_decisions
-- Licensing decisions summed per administrative level; an unknown level shows as 未注明.
-- Reads current_figures with only the measures it needs: report_values and
-- report_summary decode every figure first, the slow part on a large
-- warehouse (see BenchmarkPages).
SELECT coalesce(nullif(level, ''), '未注明') AS level,
       count(DISTINCT agency_id) AS agencies,
       coalesce(sum(value), 0) AS licensing_decisions
FROM current_figures('licensing.decisions', 'total', $year_from, $year_to, $province, $city, $level, $agency)
GROUP BY 1
ORDER BY licensing_decisions DESC, level
