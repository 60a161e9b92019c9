-- read_report_info: one report version by id ($1), with its agency's region.
-- Columns match ReportInfo in read_report.go.
SELECT report_id, agency_id, agency, coalesce(province, ''), coalesce(city, ''), coalesce(county, ''),
       coalesce(level, ''), year, format, coalesce(source_kind, ''), coalesce(source_name, ''),
       coalesce(sha256, ''), coalesce(size, 0), loaded_at, coalesce(loaded_by, ''), version, is_current,
       errors, warnings, coalesce(published, '')
FROM reports
WHERE report_id = $1;
