-- name: licensing_trend
-- title: 行政许可决定数量趋势（前八位机构）
-- params: year_from, year_to, province, city, level, agency
-- columns: year, agency_id, agency, report_id, licensing_decisions
-- The yearly figures of the eight agencies with the most licensing decisions
-- over the selected years; one row per agency and year they stated it.
-- The eight are picked from licensing_totals (migration 0044: per agency,
-- the kept running totals by year where they are exact and current, else
-- the sums of its current summary rows), as licensing_ranking picks its
-- twenty: summing a million summary rows per agency on every request cost
-- ~40 ms of CPU at 1M reports. An agency counts when it has a report in the
-- selected years that states the figure (licensing_reports > 0), whatever
-- its sum, as when the sums were taken here. The region, level and a
-- piece of a name are filtered on the totals' own columns (0064, 0066), as
-- licensing_ranking. Only the eight agencies' summary rows and names are
-- read.
WITH top AS (
    SELECT t.agency_id
    FROM licensing_totals($year_from, $year_to) t
    WHERE t.licensing_reports > 0
      AND ($province IS NULL OR t.province = $province)
      AND ($city IS NULL OR t.city = $city)
      AND ($level IS NULL OR t.level = $level)
      AND ($agency IS NULL OR contains(t.name, $agency))
    ORDER BY t.licensing_decisions DESC, t.agency_id LIMIT 8
)
SELECT s.year, s.agency_id, a.name AS agency, s.report_id,
       coalesce(s.licensing_decisions, 0) AS licensing_decisions
FROM store.report_summary s
JOIN top ON top.agency_id = s.agency_id
JOIN store.agencies a ON a.agency_id = top.agency_id
WHERE s.is_current AND s.licensing_stated
  AND ($year_from IS NULL OR s.year >= $year_from)
  AND ($year_to IS NULL OR s.year <= $year_to)
ORDER BY s.agency_id, s.year
