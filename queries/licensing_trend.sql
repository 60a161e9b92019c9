-- name: licensing_trend
-- title: 行政许可决定数量趋势（前八位机构）
-- params: year_from, year_to, province, city, level, agency
-- columns: year, agency_id, agency, report_id, licensing_decisions
-- The yearly figures of the eight agencies with the most licensing decisions
-- over the selected years; one row per agency and year they stated it.
-- Reads store.report_summary (one row per report with its figures pivoted
-- at load): the sums per agency id first, the agencies the filters select
-- joined to them to pick the eight, then those eight agencies' rows. An
-- agency's reports all share its name, level and region, so filtering the
-- sums by them selects the same reports. Joining a million summary rows to
-- their agencies (names carried) before grouping them took 40 ms at 1M
-- reports.
WITH sums AS (
    SELECT s.agency_id, coalesce(sum(s.licensing_decisions), 0) AS value
    FROM store.report_summary s
    WHERE s.is_current AND s.licensing_stated
      AND ($year_from IS NULL OR s.year >= $year_from)
      AND ($year_to IS NULL OR s.year <= $year_to)
    GROUP BY s.agency_id
), top AS (
    SELECT t.agency_id, a.agency
    FROM sums t JOIN selected_agencies($province, $city, $level, $agency) a ON a.agency_id = t.agency_id
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
