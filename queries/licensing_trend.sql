-- name: licensing_trend
-- title: 行政许可决定数量趋势（前八位机构）
-- params: year_from, year_to, province, city, level, agency
-- columns: year, agency_id, agency, report_id, licensing_decisions
-- The yearly figures of the eight agencies with the most licensing decisions
-- over the selected years; one row per agency and year they stated it.
-- Reads selected_summary (migration 0037: store.report_summary's rows of
-- the current reports the filters select, the filter reaching the scan when
-- a region, level or name is given), summed per agency id; the selected
-- agencies are joined to the sums with their names. An agency's reports all
-- share its name, level and region, so the sums select the same reports.
-- The sums hold only the agencies whose name contains the piece, so the
-- names are joined by region and level alone: matching the piece a second
-- time read all ~170,000 names again (~8 ms of CPU at 1M reports).
WITH sums AS (
    SELECT s.agency_id, coalesce(sum(s.licensing_decisions), 0) AS value
    FROM selected_summary($year_from, $year_to, $province, $city, $level, $agency) s
    WHERE s.licensing_stated
    GROUP BY s.agency_id
), top AS (
    SELECT t.agency_id, a.agency
    FROM sums t JOIN selected_agencies($province, $city, $level, NULL) a ON a.agency_id = t.agency_id
    ORDER BY t.value DESC, t.agency_id
    LIMIT 8
)
SELECT s.year, s.agency_id, top.agency, s.report_id,
       coalesce(s.licensing_decisions, 0) AS licensing_decisions
FROM store.report_summary s JOIN top ON top.agency_id = s.agency_id
WHERE s.is_current AND s.licensing_stated
  AND ($year_from IS NULL OR s.year >= $year_from)
  AND ($year_to IS NULL OR s.year <= $year_to)
ORDER BY s.agency_id, s.year
