-- name: quality_by_year
-- title: 报送与质量（按年度）
-- params: year_from, year_to, province, city, level, agency
-- columns: year, reported, missing, with_errors, with_warnings
-- Per year: agencies with a current report, agencies missing one, and
-- reports with errors or (only) warnings. An agency is expected to report
-- from the first year it reported on: a new agency whose first report is for
-- 2024 is not missing in 2019–2023. (agencies.expected is not used: it is
-- true for every agency and would make each of them missing in every year.)
-- Counted over store.agency_status (0020; read through store.agency_bits),
-- one row per agency with its first year and its years as bits, instead of
-- the million current reports: an agency has at most one current report a
-- year, so the reports of a year are the agencies with its bit.
WITH span AS (
    -- The years any agency reported in the selected range, as bits.
    SELECT coalesce(bit_or(s.reported), 0) & store.year_bits($year_from, $year_to) AS years
    FROM store.agency_bits() s
), years AS (
    SELECT y::INTEGER AS year, store.year_bit(y) AS bit
    FROM range(1990, 2101) t(y), span WHERE (span.years & store.year_bit(y)) <> 0
), sel AS (
    SELECT s.first_year, s.reported, s.errors, s.warnings
    FROM store.agency_bits() s
    JOIN selected_agencies($province, $city, $level, $agency) a USING (agency_id)
)
SELECT y.year,
       count(s.first_year) FILTER (WHERE (s.reported & y.bit) <> 0) AS reported,
       count(s.first_year) FILTER (WHERE s.first_year < y.year AND (s.reported & y.bit) = 0) AS missing,
       count(s.first_year) FILTER (WHERE (s.errors & y.bit) <> 0) AS with_errors,
       count(s.first_year) FILTER (WHERE (s.warnings & y.bit) <> 0) AS with_warnings
FROM years y
LEFT JOIN sel s ON true
-- No rows at all when the filters select no agency.
WHERE EXISTS (SELECT 1 FROM selected_agencies($province, $city, $level, $agency))
GROUP BY y.year
ORDER BY y.year
