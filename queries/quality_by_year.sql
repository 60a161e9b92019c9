-- name: quality_by_year
-- title: 报送与质量（按年度）
-- params: year_from, year_to, province, city, level, agency
-- columns: year, reported, missing, with_errors, with_warnings
-- Per year: agencies with a current report, agencies missing one, and
-- reports with errors or (only) warnings. An agency is expected to report
-- from the first year it reported on: a new agency whose first report is for
-- 2024 is not missing in 2019–2023. (agencies.expected is not used: it is
-- true for every agency and would make each of them missing in every year.)
WITH years AS (
    SELECT DISTINCT r.year FROM store.reports r
    WHERE r.is_current AND ($year_from IS NULL OR r.year >= $year_from) AND ($year_to IS NULL OR r.year <= $year_to)
), cur AS (
    SELECT r.agency_id, r.year, r.errors, r.warnings
    FROM store.reports r
    JOIN selected_agencies($province, $city, $level, $agency) ag ON ag.agency_id = r.agency_id
    WHERE r.is_current
), first AS (
    SELECT agency_id, min(year) AS first_year FROM cur GROUP BY agency_id
), per_year AS (
    SELECT c.year, count(*) AS reported,
           count(*) FILTER (WHERE f.first_year < c.year) AS reported_late_starters,
           count(*) FILTER (WHERE c.errors > 0) AS with_errors,
           count(*) FILTER (WHERE c.errors = 0 AND c.warnings > 0) AS with_warnings
    FROM cur c JOIN first f USING (agency_id)
    GROUP BY c.year
), starts AS (
    SELECT first_year, count(*) AS agencies FROM first GROUP BY first_year
)
-- An agency is missing in a year when it started earlier and has no report
-- that year: those that started earlier, less those of them that reported.
-- Counted so rather than over every agency × year (a million rows at 1M
-- reports).
SELECT y.year,
       coalesce(p.reported, 0) AS reported,
       (coalesce((SELECT sum(s.agencies) FROM starts s WHERE s.first_year < y.year), 0)
        - coalesce(p.reported_late_starters, 0))::BIGINT AS missing,
       coalesce(p.with_errors, 0) AS with_errors,
       coalesce(p.with_warnings, 0) AS with_warnings
FROM years y
LEFT JOIN per_year p USING (year)
-- No rows at all when the filters select no agency.
WHERE EXISTS (SELECT 1 FROM selected_agencies($province, $city, $level, $agency))
ORDER BY y.year
