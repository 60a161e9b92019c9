-- name: reports_per_year
-- title: 各年度报告数
-- params: year_from, year_to, province, level, agency
-- columns: year, reports, agencies, errors
-- Current reports per year, with how many agencies filed and how many errors
-- their figures carry.
SELECT year, count(*) AS reports, count(DISTINCT agency_id) AS agencies, sum(errors) AS errors
FROM reports
WHERE is_current
  AND ($year_from IS NULL OR year >= $year_from)
  AND ($year_to IS NULL OR year <= $year_to)
  AND ($province IS NULL OR province = $province)
  AND ($level IS NULL OR level = $level)
  AND ($agency IS NULL OR contains(agency, $agency))
GROUP BY year
ORDER BY year
