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
SELECT agency_id,
       any_value(agency) AS agency,
       count(proactive_items) AS reports,
       sum(proactive_items) AS proactive_items
FROM current_summary($year_from, $year_to, $province, $city, $level, $agency)
GROUP BY agency_id
HAVING count(proactive_items) > 0
ORDER BY proactive_items DESC, agency, agency_id
LIMIT coalesce($limit, 20)
