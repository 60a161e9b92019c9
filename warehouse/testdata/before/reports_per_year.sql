-- name: reports_per_year
-- title: 各年度报告数
-- params: year_from, year_to, province, level, agency
-- columns: year, reports, agencies, errors
-- Current reports per year, with how many agencies filed and how many errors
-- their figures carry.
SELECT year, count(*) AS reports, count(DISTINCT agency_id) AS agencies, sum(errors) AS errors
FROM current_reports($year_from, $year_to, $province, NULL, $level, $agency)
GROUP BY year
ORDER BY year
