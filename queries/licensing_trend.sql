-- name: licensing_trend
-- title: 行政许可决定数量趋势（前八位机构）
-- params: year_from, year_to, province, city, level, agency
-- columns: year, agency_id, agency, report_id, licensing_decisions
-- The yearly figures of the eight agencies with the most licensing decisions
-- over the selected years; one row per agency and year they stated it.
-- Reads current_figures with only the measures it needs: report_values and
-- report_summary decode every figure first, the slow part on a large
-- warehouse (see BenchmarkPages).
WITH base AS (
    SELECT year, agency_id, agency, report_id, value
    FROM current_figures('licensing.decisions', 'total', $year_from, $year_to, $province, $city, $level, $agency)
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
