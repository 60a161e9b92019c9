-- name: licensing_ranking
-- title: 行政许可决定数量排名
-- params: year_from, year_to, province, city, level, agency, limit
-- columns: agency_id, agency, level, city, reports, licensing_decisions
-- Agencies ranked by the licensing decisions they report over the selected
-- years (the dashboard selects one year); ties by name so the order is stable.
-- reports counts the reports that state the figure. Agencies that report no
-- licensing decision are left out: a ranking of zeros says nothing.
-- Reads selected_summary (migration 0037: store.report_summary's rows of
-- the current reports the filters select, the filter reaching the scan when
-- a region, level or name is given), summed per agency id; the selected
-- agencies are joined to the sums with their names. An agency's reports all
-- share its name, level and region, so the sums select the same reports.
-- The sums hold only the agencies whose name contains the piece, so the
-- names are joined by region and level alone: matching the piece a second
-- time read all ~170,000 names again (~8 ms of CPU at 1M reports).
WITH sums AS (
    SELECT s.agency_id, count(*) AS reports, coalesce(sum(s.licensing_decisions), 0) AS licensing_decisions
    FROM selected_summary($year_from, $year_to, $province, $city, $level, $agency) s
    WHERE s.licensing_stated
    GROUP BY s.agency_id
    HAVING coalesce(sum(s.licensing_decisions), 0) > 0
)
SELECT t.agency_id, a.agency, a.level, a.city, t.reports, t.licensing_decisions
FROM sums t JOIN selected_agencies($province, $city, $level, NULL) a ON a.agency_id = t.agency_id
ORDER BY t.licensing_decisions DESC, a.agency, t.agency_id
LIMIT coalesce($limit, 20)
