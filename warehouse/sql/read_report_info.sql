-- read_report_info: one report version by id ($1), with its agency's region.
-- Columns match ReportInfo in read_report.go; the last two say whether it
-- waits for confirmation (pending_reports) and why.
SELECT report_id, reports.agency_id, reports.agency, coalesce(province, ''), coalesce(city, ''), coalesce(county, ''),
       coalesce(level, ''), reports.year, format, coalesce(source_kind, ''), coalesce(source_name, ''),
       coalesce(sha256, ''), coalesce(size, 0), reports.loaded_at, coalesce(reports.loaded_by, ''), reports.version, is_current,
       reports.errors, reports.warnings, coalesce(published, ''),
       p.report_id IS NOT NULL, coalesce(p.reason, '')
FROM reports
LEFT JOIN pending_reports p USING (report_id)
WHERE report_id = $1;
