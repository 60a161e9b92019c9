-- name: licensing_trend
-- title: 行政许可决定数量趋势（前八位机构）
-- params: year_from, year_to, province, city, level, agency
-- columns: year, agency_id, agency, report_id, licensing_decisions
-- The yearly figures of the eight agencies with the most licensing decisions
-- over the selected years; one row per agency and year they stated it.
-- Reads report_values with only the measures it needs rather than the
-- report_summary view, whose pivot of every figure is the slow part on a
-- large warehouse (see BenchmarkPages).
WITH base AS (
    SELECT year, agency_id, agency, report_id, value
    FROM report_values
    WHERE applicant = 'total' AND measure = 'licensing.decisions'
      AND ($year_from IS NULL OR year >= $year_from)
  AND ($year_to IS NULL OR year <= $year_to)
  AND ($province IS NULL OR province = $province)
  AND ($city IS NULL OR city = $city)
  AND ($level IS NULL OR level = $level)
  AND ($agency IS NULL OR contains(agency, $agency))
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
