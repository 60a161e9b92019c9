-- read_report_versions: every version of the agency and year of report $1,
-- newest first. Columns match ReportInfo in read_report.go. The row of $1
-- itself is what Report describes the report with; no row: no such report.
-- The versions are found in store.reports first and joined to their agency
-- after: through the reports view every report was joined to its agency
-- (52–79 ms at 1M reports against 4 ms so).
WITH v AS (
    SELECT v.* FROM store.reports v
    JOIN store.reports r ON r.agency_id = v.agency_id AND r.year = v.year
    WHERE r.report_id = $1
)
SELECT v.report_id, v.agency_id, a.name, coalesce(a.province, ''), coalesce(a.city, ''), coalesce(a.county, ''),
       coalesce(a.level, ''), v.year, v.format, coalesce(v.source_kind, ''), coalesce(v.source_name, ''),
       coalesce(v.sha256, ''), coalesce(v.size, 0), v.loaded_at, coalesce(v.loaded_by, ''), v.version, v.is_current,
       v.errors, v.warnings, coalesce(v.published, ''),
       p.report_id IS NOT NULL, coalesce(p.reason, '')
FROM v
JOIN store.agencies a ON a.agency_id = v.agency_id
LEFT JOIN pending_reports p ON p.report_id = v.report_id
ORDER BY v.version DESC;
