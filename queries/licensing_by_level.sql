-- name: licensing_by_level
-- title: 行政许可决定数量按层级分布
-- params: year_from, year_to, province, city, level, agency
-- columns: level, agencies, licensing_decisions
-- Licensing decisions summed per administrative level; an unknown level shows as 未注明.
-- agencies counts the agencies with a current report in the selected years
-- that has the figure's cell (licensing_stated, blank or not).
-- Reads store.report_summary (one row per report with its figures pivoted
-- at load), summed per agency id first; the agencies the filters select
-- are joined to the sums (about 170,000 at national scale). An agency's
-- reports all share its level and region, so filtering the sums by them
-- selects the same reports. count(DISTINCT agency_id) per level over a
-- million summary rows joined to their agencies took 70-90 ms at 1M reports.
WITH per AS (
    SELECT s.agency_id, sum(s.licensing_decisions) AS licensing_decisions
    FROM store.report_summary s
    WHERE s.is_current AND s.licensing_stated
      AND ($year_from IS NULL OR s.year >= $year_from)
      AND ($year_to IS NULL OR s.year <= $year_to)
    GROUP BY s.agency_id
)
SELECT coalesce(nullif(a.level, ''), '未注明') AS level,
       count(*) AS agencies,
       coalesce(sum(p.licensing_decisions), 0) AS licensing_decisions
FROM per p
JOIN selected_agencies($province, $city, $level, $agency) a ON a.agency_id = p.agency_id
GROUP BY 1
ORDER BY licensing_decisions DESC, level
