-- name: proactive_by_agency
-- title: 主动公开政府信息条数（按机构，前二十位）
-- params: year_from, year_to, province, city, level, agency, limit
-- columns: agency_id, agency, reports, proactive_items
-- The agencies that proactively published the most items over the selected
-- years (the narrative figure of 一、总体情况, summed); reports counts the
-- reports that state it. Agencies that state none are left out.
-- Reads store.report_summary summed per agency id in one of two forms, as
-- licensing_ranking says: every agency's reports with no region, level or
-- name given, only the selected agencies' reports with one.
WITH every AS (
    SELECT t.agency_id, a.agency, t.reports, t.proactive_items
    FROM (
        SELECT s.agency_id, count(s.proactive_items) AS reports, sum(s.proactive_items) AS proactive_items
        FROM store.report_summary s
        WHERE $province IS NULL AND $city IS NULL AND $level IS NULL AND $agency IS NULL
          AND s.is_current
          AND ($year_from IS NULL OR s.year >= $year_from)
          AND ($year_to IS NULL OR s.year <= $year_to)
        GROUP BY s.agency_id
        HAVING count(s.proactive_items) > 0
    ) t
    JOIN selected_agencies($province, $city, $level, $agency) a ON a.agency_id = t.agency_id
    ORDER BY t.proactive_items DESC, a.agency, t.agency_id
    LIMIT coalesce($limit, 20)
), chosen AS (
    SELECT t.agency_id, a.agency, t.reports, t.proactive_items
    FROM (
        SELECT s.agency_id, count(s.proactive_items) AS reports, sum(s.proactive_items) AS proactive_items
        FROM store.report_summary s
        WHERE NOT ($province IS NULL AND $city IS NULL AND $level IS NULL AND $agency IS NULL)
          AND s.is_current
          AND ($year_from IS NULL OR s.year >= $year_from)
          AND ($year_to IS NULL OR s.year <= $year_to)
          AND s.agency_id IN (SELECT g.agency_id FROM selected_agencies($province, $city, $level, $agency) g)
        GROUP BY s.agency_id
        HAVING count(s.proactive_items) > 0
    ) t
    JOIN selected_agencies($province, $city, $level, $agency) a ON a.agency_id = t.agency_id
    ORDER BY t.proactive_items DESC, a.agency, t.agency_id
    LIMIT coalesce($limit, 20)
)
SELECT * FROM (SELECT * FROM every UNION ALL SELECT * FROM chosen) r
ORDER BY r.proactive_items DESC, r.agency, r.agency_id
LIMIT coalesce($limit, 20)
