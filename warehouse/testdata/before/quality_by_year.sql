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
    SELECT DISTINCT year FROM current_reports($year_from, $year_to, NULL, NULL, NULL, NULL)
), ag AS (
    SELECT agency_id
    FROM selected_agencies($province, $city, $level, $agency)
), cur AS (
    SELECT agency_id, year, report_id, errors, warnings FROM current_reports(NULL, NULL, NULL, NULL, NULL, NULL)
), first AS (
    SELECT agency_id, min(year) AS first_year FROM cur GROUP BY agency_id
)
SELECT y.year,
       count(c.report_id) AS reported,
       count(*) FILTER (WHERE c.report_id IS NULL AND f.first_year < y.year) AS missing,
       count(*) FILTER (WHERE c.errors > 0) AS with_errors,
       count(*) FILTER (WHERE c.errors = 0 AND c.warnings > 0) AS with_warnings
FROM ag CROSS JOIN years y
LEFT JOIN cur c ON c.agency_id = ag.agency_id AND c.year = y.year
LEFT JOIN first f ON f.agency_id = ag.agency_id
GROUP BY y.year
ORDER BY y.year
