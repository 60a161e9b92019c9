-- source_of_report: the source file of report $1, for download.
SELECT r.source_name, r.source_kind, s.data
FROM store.reports r
JOIN store.sources s USING (sha256)
WHERE r.report_id = $1
LIMIT 1;
