-- name: quality_matrix
-- title: 报送情况（机构 × 年度）
-- params: year_from, year_to, province, city, level, agency, limit, offset
-- columns: agency_id, agency, city, level, agencies_total, year, status, report_id, errors, warnings
-- One row per agency (a page of them, by name) and year that any agency
-- reported. status: ok | warnings | errors (has a current report) | missing
-- (none, although the agency reported in an earlier year) | none (before the
-- agency's first report: not expected yet). agencies_total counts all
-- agencies the filter selects, for paging.
WITH years AS (
    SELECT DISTINCT year FROM current_reports($year_from, $year_to, NULL, NULL, NULL, NULL)
), ag AS (
    SELECT a.agency_id, a.agency, a.city, a.level,
           count(*) OVER () AS agencies_total
    FROM selected_agencies($province, $city, $level, $agency) a
    ORDER BY a.agency, a.agency_id
    LIMIT coalesce($limit, 50) OFFSET coalesce($offset, 0)
), cur AS (
    SELECT agency_id, year, report_id, errors, warnings FROM current_reports(NULL, NULL, NULL, NULL, NULL, NULL)
), first AS (
    SELECT agency_id, min(year) AS first_year FROM cur GROUP BY agency_id
)
SELECT ag.agency_id, ag.agency, ag.city, ag.level, ag.agencies_total, y.year,
       CASE
           WHEN c.report_id IS NOT NULL AND c.errors > 0 THEN 'errors'
           WHEN c.report_id IS NOT NULL AND c.warnings > 0 THEN 'warnings'
           WHEN c.report_id IS NOT NULL THEN 'ok'
           WHEN f.first_year < y.year THEN 'missing'
           ELSE 'none'
       END AS status,
       c.report_id, c.errors, c.warnings
FROM ag CROSS JOIN years y
LEFT JOIN cur c ON c.agency_id = ag.agency_id AND c.year = y.year
LEFT JOIN first f ON f.agency_id = ag.agency_id
ORDER BY ag.agency, ag.agency_id, y.year
