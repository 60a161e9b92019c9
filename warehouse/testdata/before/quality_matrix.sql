-- name: quality_matrix
-- title: 报送情况（机构 × 年度）
-- params: year_from, year_to, province, city, level, agency, status, limit, offset
-- columns: agency_id, agency, city, level, agencies_total, year, status, report_id, errors, warnings
-- One row per agency (a page of them) and year that any agency reported.
-- status: ok | warnings | errors (has a current report) | missing (none,
-- although the agency reported in an earlier year) | none (before the
-- agency's first report: not expected yet). The agencies that need action
-- come first: those with a missing year, then those with a report with
-- errors, then warnings, each by name. With $status only the agencies that
-- have a year of that status are listed. agencies_total counts all the
-- agencies listed, for paging.
WITH years AS (
    SELECT DISTINCT year FROM current_reports($year_from, $year_to, NULL, NULL, NULL, NULL)
), base AS (
    SELECT a.agency_id, a.agency, a.city, a.level
    FROM selected_agencies($province, $city, $level, $agency) a
), cur AS (
    SELECT agency_id, year, report_id, errors, warnings FROM current_reports(NULL, NULL, NULL, NULL, NULL, NULL)
), first AS (
    SELECT agency_id, min(year) AS first_year FROM cur GROUP BY agency_id
), cells AS (
    SELECT b.agency_id, y.year, c.report_id, c.errors, c.warnings,
           CASE
               WHEN c.report_id IS NOT NULL AND c.errors > 0 THEN 'errors'
               WHEN c.report_id IS NOT NULL AND c.warnings > 0 THEN 'warnings'
               WHEN c.report_id IS NOT NULL THEN 'ok'
               WHEN f.first_year < y.year THEN 'missing'
               ELSE 'none'
           END AS status
    FROM base b CROSS JOIN years y
    LEFT JOIN cur c ON c.agency_id = b.agency_id AND c.year = y.year
    LEFT JOIN first f ON f.agency_id = b.agency_id
), ag AS (
    SELECT agency_id,
           bool_or(status = 'missing') AS any_missing,
           bool_or(status = 'errors') AS any_errors,
           bool_or(status = 'warnings') AS any_warnings
    FROM cells
    GROUP BY agency_id
    HAVING $status IS NULL OR bool_or(status = $status)
), page AS (
    SELECT b.agency_id, b.agency, b.city, b.level,
           count(*) OVER () AS agencies_total,
           row_number() OVER (ORDER BY ag.any_missing DESC, ag.any_errors DESC, ag.any_warnings DESC, b.agency, b.agency_id) AS ord
    FROM ag JOIN base b USING (agency_id)
    ORDER BY ord
    LIMIT coalesce($limit, 50) OFFSET coalesce($offset, 0)
)
SELECT p.agency_id, p.agency, p.city, p.level, p.agencies_total, c.year, c.status, c.report_id, c.errors, c.warnings
FROM page p JOIN cells c USING (agency_id)
ORDER BY p.ord, c.year
