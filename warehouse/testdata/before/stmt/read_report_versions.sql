-- read_report_versions: every version of the agency and year of report $1,
-- newest first. Columns match ReportInfo in read_report.go.
SELECT v.report_id, v.agency_id, v.agency, coalesce(v.province, ''), coalesce(v.city, ''), coalesce(v.county, ''),
       coalesce(v.level, ''), v.year, v.format, coalesce(v.source_kind, ''), coalesce(v.source_name, ''),
       coalesce(v.sha256, ''), coalesce(v.size, 0), v.loaded_at, coalesce(v.loaded_by, ''), v.version, v.is_current,
       v.errors, v.warnings, coalesce(v.published, ''),
       p.report_id IS NOT NULL, coalesce(p.reason, '')
FROM reports v
LEFT JOIN pending_reports p ON p.report_id = v.report_id
JOIN store.reports r ON r.agency_id = v.agency_id AND r.year = v.year
WHERE r.report_id = $1
ORDER BY v.version DESC;
