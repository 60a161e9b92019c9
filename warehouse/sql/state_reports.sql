-- state_reports: what the writer keeps in memory about each report version.
SELECT report_id, agency_id, year, format, version, is_current, coalesce(sha256, '')
FROM store.reports;
