-- read_report_versions: every version of agency $1's reports for year $2,
-- newest first; the agency's names and region come from read_report_agency
-- and whether a version waits for confirmation from read_report_pending.
-- Columns match scanVersion in read_report.go. At 1M reports the four
-- small reads cost ~9 ms of CPU where one query joining store.reports to
-- itself, to the agencies and to the pending_reports view cost ~18 ms.
SELECT report_id, agency_id, year, format, coalesce(source_kind, ''), coalesce(source_name, ''),
       coalesce(sha256, ''), coalesce(size, 0), loaded_at, coalesce(loaded_by, ''), version, is_current,
       errors, warnings, coalesce(published, '')
FROM store.reports
WHERE agency_id = $1 AND year = $2
ORDER BY version DESC;
