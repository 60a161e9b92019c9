-- name: proactive_by_agency
-- title: 主动公开政府信息条数（按机构，前二十位）
-- params: year_from, year_to, province, city, level, agency, limit
-- columns: agency_id, agency, reports, proactive_items
-- The agencies that proactively published the most items over the selected
-- years (the narrative figure of 一、总体情况, summed); reports counts the
-- reports that state it. Agencies that state none are left out.
-- Reads store.report_summary (one row per report with its figures pivoted
-- at load), summed per agency id first; the agencies the filters select
-- are joined to the sums, with their names: an agency's reports all share
-- its name, level and region, so filtering the sums by them selects the
-- same reports. Joining a million summary rows to their agencies before
-- grouping them took 25-45 ms at 1M reports.
WITH sums AS (
    SELECT s.agency_id, count(s.proactive_items) AS reports, sum(s.proactive_items) AS proactive_items
    FROM store.report_summary s
    WHERE s.is_current
      AND ($year_from IS NULL OR s.year >= $year_from)
      AND ($year_to IS NULL OR s.year <= $year_to)
    GROUP BY s.agency_id
    HAVING count(s.proactive_items) > 0
)
SELECT t.agency_id, a.agency, t.reports, t.proactive_items
FROM sums t JOIN selected_agencies($province, $city, $level, $agency) a ON a.agency_id = t.agency_id
ORDER BY t.proactive_items DESC, a.agency, t.agency_id
LIMIT coalesce($limit, 20)
