-- name: licensing_ranking
-- title: 行政许可决定数量排名
-- params: year_from, year_to, province, city, level, agency, limit
-- columns: agency_id, agency, level, city, reports, licensing_decisions
-- Agencies ranked by the licensing decisions they report over the selected
-- years (the dashboard selects one year); ties by name so the order is stable.
-- reports counts the reports that state the figure. Agencies that report no
-- licensing decision are left out: a ranking of zeros says nothing.
-- Reads current_figures with only the measures it needs: report_values and
-- report_summary decode every figure first, the slow part on a large
-- warehouse (see BenchmarkPages).
SELECT agency_id,
       any_value(agency) AS agency,
       any_value(level) AS level,
       any_value(city) AS city,
       count(*) AS reports,
       coalesce(sum(value), 0) AS licensing_decisions
FROM current_figures('licensing.decisions', 'total', $year_from, $year_to, $province, $city, $level, $agency)
GROUP BY agency_id
HAVING coalesce(sum(value), 0) > 0
ORDER BY licensing_decisions DESC, agency, agency_id
LIMIT coalesce($limit, 20)
