-- name: licensing_trend
-- title: 行政许可决定数量趋势（前八位机构）
-- params: year_from, year_to, province, city, level, agency
-- columns: year, agency_id, agency, report_id, licensing_decisions
-- The yearly figures of the eight agencies with the most licensing decisions
-- over the selected years; one row per agency and year they stated it.
-- Reads current_summary: one row per current report with its figures
-- pivoted at load (store.report_summary), so that a page costs a scan of
-- narrow rows however large the warehouse.
WITH base AS (
    SELECT year, agency_id, agency, report_id, licensing_decisions AS value
    FROM current_summary($year_from, $year_to, $province, $city, $level, $agency)
    WHERE licensing_stated
), top AS (
    SELECT agency_id
    FROM base
    GROUP BY agency_id
    ORDER BY coalesce(sum(value), 0) DESC, agency_id
    LIMIT 8
)
SELECT b.year, b.agency_id, b.agency, b.report_id,
       coalesce(b.value, 0) AS licensing_decisions
FROM base b JOIN top USING (agency_id)
ORDER BY b.agency_id, b.year
