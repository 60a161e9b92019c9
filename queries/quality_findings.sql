-- name: quality_findings
-- title: 问题清单
-- params: year_from, year_to, province, city, level, agency, status, report_id, limit, offset
-- columns: report_id, agency_id, agency, year, rule, severity, at, row_label, column_label, message, expected, actual, findings_total
-- The findings of current reports, errors first; findings_total counts all
-- the filter selects, for paging. $status errors keeps the errors only,
-- warnings the warnings only; other statuses keep all. $report_id keeps
-- one report's findings (the report page's download).
-- The current reports are joined to the selected agencies directly: the
-- findings view joins every finding with its agency again, for the name.
SELECT f.report_id, r.agency_id, a.agency, r.year, f.rule, f.severity, f."at",
       f.row_label, f.column_label, f.message, f.expected, f.actual,
       count(*) OVER () AS findings_total
FROM store.findings f
JOIN store.reports r ON r.report_id = f.report_id
JOIN selected_agencies($province, $city, $level, $agency) a ON a.agency_id = r.agency_id
WHERE r.is_current
  AND ($year_from IS NULL OR r.year >= $year_from) AND ($year_to IS NULL OR r.year <= $year_to)
  AND ($report_id IS NULL OR f.report_id = $report_id)
  AND ($status IS NULL OR $status NOT IN ('errors', 'warnings')
       OR f.severity = CASE $status WHEN 'errors' THEN 'error' ELSE 'warning' END)
ORDER BY r.year DESC, (f.severity = 'error') DESC, a.agency, f.report_id, f.rule, f."at"
LIMIT coalesce($limit, 50) OFFSET coalesce($offset, 0)
