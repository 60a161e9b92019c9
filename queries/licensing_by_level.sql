-- name: licensing_by_level
-- title: 行政许可决定数量按层级分布
-- params: year_from, year_to, province, city, level, agency
-- columns: level, agencies, licensing_decisions
-- Licensing decisions summed per administrative level; an unknown level shows as 未注明.
-- Reads report_values with only the measures it needs rather than the
-- report_summary view, whose pivot of every figure is the slow part on a
-- large warehouse (see BenchmarkPages).
SELECT coalesce(nullif(level, ''), '未注明') AS level,
       count(DISTINCT agency_id) AS agencies,
       coalesce(sum(value), 0) AS licensing_decisions
FROM report_values
WHERE applicant = 'total' AND measure = 'licensing.decisions'
  AND ($year_from IS NULL OR year >= $year_from)
  AND ($year_to IS NULL OR year <= $year_to)
  AND ($province IS NULL OR province = $province)
  AND ($city IS NULL OR city = $city)
  AND ($level IS NULL OR level = $level)
  AND ($agency IS NULL OR contains(agency, $agency))
GROUP BY 1
ORDER BY licensing_decisions DESC, level
