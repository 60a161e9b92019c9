-- pending_of_report: the agency, year, version and format of report $1, and
-- whether it waits for confirmation (pending) and why.
SELECT r.agency_id, r.year, r.version, r.format, p.report_id IS NOT NULL AND p.resolved_at IS NULL, coalesce(p.reason, '')
FROM store.reports r
LEFT JOIN store.pending p USING (report_id)
WHERE r.report_id = $1;
