-- name: licensing_by_level
-- title: 行政许可决定数量按层级分布
-- params: year_from, year_to, province, city, level, agency
-- columns: level, agencies, licensing_decisions
-- Licensing decisions summed per administrative level; an unknown level shows as 未注明.
-- agencies counts the agencies with a current report in the selected years
-- that has the figure's cell (licensing_stated, blank or not).
-- Reads store.report_summary summed per agency id in one of two forms, as
-- licensing_ranking says (every agency's reports with no region, level or
-- name given, only the selected agencies' with one), then per level.
-- count(DISTINCT agency_id) per level over a million summary rows joined
-- to their agencies took 70-90 ms at 1M reports.
WITH every AS (
    SELECT coalesce(nullif(a.level, ''), '未注明') AS level,
           count(*) AS agencies,
           coalesce(sum(t.licensing_decisions), 0) AS licensing_decisions
    FROM (
        SELECT s.agency_id, sum(s.licensing_decisions) AS licensing_decisions
        FROM store.report_summary s
        WHERE $province IS NULL AND $city IS NULL AND $level IS NULL AND $agency IS NULL
          AND s.is_current AND s.licensing_stated
          AND ($year_from IS NULL OR s.year >= $year_from)
          AND ($year_to IS NULL OR s.year <= $year_to)
        GROUP BY s.agency_id
    ) t
    JOIN selected_agencies($province, $city, $level, $agency) a ON a.agency_id = t.agency_id
    GROUP BY 1
), chosen AS (
    SELECT coalesce(nullif(a.level, ''), '未注明') AS level,
           count(*) AS agencies,
           coalesce(sum(t.licensing_decisions), 0) AS licensing_decisions
    FROM (
        SELECT s.agency_id, sum(s.licensing_decisions) AS licensing_decisions
        FROM store.report_summary s
        WHERE NOT ($province IS NULL AND $city IS NULL AND $level IS NULL AND $agency IS NULL)
          AND s.is_current AND s.licensing_stated
          AND ($year_from IS NULL OR s.year >= $year_from)
          AND ($year_to IS NULL OR s.year <= $year_to)
          AND s.agency_id IN (SELECT g.agency_id FROM selected_agencies($province, $city, $level, $agency) g)
        GROUP BY s.agency_id
    ) t
    JOIN selected_agencies($province, $city, $level, $agency) a ON a.agency_id = t.agency_id
    GROUP BY 1
)
SELECT * FROM (SELECT * FROM every UNION ALL SELECT * FROM chosen) r
ORDER BY r.licensing_decisions DESC, r.level
