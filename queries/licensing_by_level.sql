-- name: licensing_by_level
-- title: 行政许可决定数量按层级分布
-- params: year_from, year_to, province, city, level, agency
-- columns: level, agencies, licensing_decisions
-- Licensing decisions summed per administrative level; an unknown level shows as 未注明.
-- agencies counts the agencies with a current report in the selected years
-- that has the figure's cell (licensing_stated, blank or not).
-- Reads selected_summary (migration 0037: store.report_summary's rows of
-- the current reports the filters select, the filter reaching the scan when
-- a region, level or name is given), summed per agency id; the selected
-- agencies are joined to the sums with their names. An agency's reports all
-- share its name, level and region, so the sums select the same reports.
-- The sums hold only the agencies whose name contains the piece, so the
-- names are joined by region and level alone: matching the piece a second
-- time read all ~170,000 names again (~8 ms of CPU at 1M reports).
WITH sums AS (
    SELECT s.agency_id, sum(s.licensing_decisions) AS licensing_decisions
    FROM selected_summary($year_from, $year_to, $province, $city, $level, $agency) s
    WHERE s.licensing_stated
    GROUP BY s.agency_id
)
SELECT coalesce(nullif(a.level, ''), '未注明') AS level,
       count(*) AS agencies,
       coalesce(sum(t.licensing_decisions), 0) AS licensing_decisions
FROM sums t JOIN selected_agencies($province, $city, $level, NULL) a ON a.agency_id = t.agency_id
GROUP BY 1
ORDER BY licensing_decisions DESC, level
