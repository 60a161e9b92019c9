-- name: licensing_ranking
-- title: 行政许可决定数量排名
-- params: year_from, year_to, province, city, level, agency, limit
-- columns: agency_id, agency, level, city, reports, licensing_decisions
-- Agencies ranked by the licensing decisions they report over the selected
-- years (the dashboard selects one year); ties by name so the order is stable.
-- reports counts the reports that state the figure. Agencies that report no
-- licensing decision are left out: a ranking of zeros says nothing.
-- Reads current_summary: one row per current report with its figures
-- pivoted at load (store.report_summary), so that a page costs a scan of
-- narrow rows however large the warehouse.
SELECT agency_id,
       any_value(agency) AS agency,
       any_value(level) AS level,
       any_value(city) AS city,
       count(*) AS reports,
       coalesce(sum(licensing_decisions), 0) AS licensing_decisions
FROM current_summary($year_from, $year_to, $province, $city, $level, $agency)
WHERE licensing_stated
GROUP BY agency_id
HAVING coalesce(sum(licensing_decisions), 0) > 0
ORDER BY licensing_decisions DESC, agency, agency_id
LIMIT coalesce($limit, 20)
