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
-- Summed per agency id first, the names joined to the sums: grouping
-- 170,000 agencies with their names carried through the hash table cost
-- more than the sums.
WITH sums AS (
    SELECT s.agency_id, count(*) AS reports, coalesce(sum(s.licensing_decisions), 0) AS licensing_decisions
    FROM current_summary($year_from, $year_to, $province, $city, $level, $agency) s
    WHERE s.licensing_stated
    GROUP BY s.agency_id
    HAVING coalesce(sum(s.licensing_decisions), 0) > 0
)
SELECT t.agency_id, a.name AS agency, a.level, a.city, t.reports, t.licensing_decisions
FROM sums t JOIN store.agencies a ON a.agency_id = t.agency_id
ORDER BY t.licensing_decisions DESC, a.name, t.agency_id
LIMIT coalesce($limit, 20)
