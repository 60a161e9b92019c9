-- name: quality_findings
-- title: 问题清单
-- params: year_from, year_to, province, city, level, agency, status, report_id, limit, offset
-- columns: report_id, agency_id, agency, year, rule, severity, at, row_label, column_label, message, expected, actual, findings_total
-- The findings of current reports, errors first; findings_total counts all
-- the filter selects, for paging. $status errors keeps the errors only,
-- warnings the warnings only; other statuses keep all. $report_id keeps
-- one report's findings (the report page's download).
SELECT f.report_id, f.agency_id, f.agency, f.year, f.rule, f.severity, f.at,
       f.row_label, f.column_label, f.message, f.expected, f.actual,
       count(*) OVER () AS findings_total
FROM findings f JOIN selected_agencies($province, $city, $level, $agency) a USING (agency_id)
WHERE ($year_from IS NULL OR f.year >= $year_from) AND ($year_to IS NULL OR f.year <= $year_to)
  AND ($report_id IS NULL OR f.report_id = $report_id)
  AND ($status IS NULL OR $status NOT IN ('errors', 'warnings')
       OR f.severity = CASE $status WHEN 'errors' THEN 'error' ELSE 'warning' END)
ORDER BY f.year DESC, (f.severity = 'error') DESC, f.agency, f.report_id, f.rule, f.at
LIMIT coalesce($limit, 50) OFFSET coalesce($offset, 0)
