-- name: proactive_by_agency
-- title: 主动公开政府信息条数（按机构，前二十位）
-- params: year_from, year_to, province, city, level, agency, limit
-- columns: agency_id, agency, reports, proactive_items
-- The agencies that proactively published the most items over the selected
-- years (the narrative figure of 一、总体情况, summed); reports counts the
-- reports that state it. Agencies that state none are left out.
-- Reads current_summary: one row per current report with its figures
-- pivoted at load (store.report_summary), so that a page costs a scan of
-- narrow rows however large the warehouse.
-- Summed per agency id first, the names joined to the sums: grouping
-- 170,000 agencies with their names carried through the hash table cost
-- more than the sums.
WITH sums AS (
    SELECT s.agency_id, count(s.proactive_items) AS reports, sum(s.proactive_items) AS proactive_items
    FROM current_summary($year_from, $year_to, $province, $city, $level, $agency) s
    GROUP BY s.agency_id
    HAVING count(s.proactive_items) > 0
)
SELECT t.agency_id, a.name AS agency, t.reports, t.proactive_items
FROM sums t JOIN store.agencies a ON a.agency_id = t.agency_id
ORDER BY t.proactive_items DESC, a.name, t.agency_id
LIMIT coalesce($limit, 20)
