-- name: licensing_trend
-- title: 行政许可决定数量趋势（前八位机构）
-- params: year_from, year_to, province, city, level, agency
-- columns: year, agency_id, agency, report_id, licensing_decisions
-- The yearly figures of the eight agencies with the most licensing decisions
-- over the selected years; one row per agency and year they stated it.
-- Reads store.report_summary: the sums per agency id in one of two forms,
-- as licensing_ranking says (every agency's reports with no region, level
-- or name given, only the selected agencies' with one), the agencies
-- joined to them to pick the eight, then those eight agencies' rows.
WITH every AS (
    SELECT t.agency_id, a.agency, t.value
    FROM (
        SELECT s.agency_id, coalesce(sum(s.licensing_decisions), 0) AS value
        FROM store.report_summary s
        WHERE $province IS NULL AND $city IS NULL AND $level IS NULL AND $agency IS NULL
          AND s.is_current AND s.licensing_stated
          AND ($year_from IS NULL OR s.year >= $year_from)
          AND ($year_to IS NULL OR s.year <= $year_to)
        GROUP BY s.agency_id
    ) t
    JOIN selected_agencies($province, $city, $level, $agency) a ON a.agency_id = t.agency_id
    ORDER BY t.value DESC, t.agency_id
    LIMIT 8
), chosen AS (
    SELECT t.agency_id, a.agency, t.value
    FROM (
        SELECT s.agency_id, coalesce(sum(s.licensing_decisions), 0) AS value
        FROM store.report_summary s
        WHERE NOT ($province IS NULL AND $city IS NULL AND $level IS NULL AND $agency IS NULL)
          AND s.is_current AND s.licensing_stated
          AND ($year_from IS NULL OR s.year >= $year_from)
          AND ($year_to IS NULL OR s.year <= $year_to)
          AND s.agency_id IN (SELECT g.agency_id FROM selected_agencies($province, $city, $level, $agency) g)
        GROUP BY s.agency_id
    ) t
    JOIN selected_agencies($province, $city, $level, $agency) a ON a.agency_id = t.agency_id
    ORDER BY t.value DESC, t.agency_id
    LIMIT 8
)
SELECT s.year, s.agency_id, top.agency, s.report_id,
       coalesce(s.licensing_decisions, 0) AS licensing_decisions
FROM store.report_summary s
JOIN (SELECT * FROM every UNION ALL SELECT * FROM chosen) top ON top.agency_id = s.agency_id
WHERE s.is_current AND s.licensing_stated
  AND ($year_from IS NULL OR s.year >= $year_from)
  AND ($year_to IS NULL OR s.year <= $year_to)
ORDER BY s.agency_id, s.year
