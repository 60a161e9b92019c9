-- source_of_report: the name and kind of the source file of report $1, and where it is kept.
SELECT coalesce(r.source_name, ''), coalesce(r.source_kind, ''), r.sha256, s.pack, s."offset", s.size
FROM store.reports r
JOIN store.sources s USING (sha256)
WHERE r.report_id = $1
LIMIT 1;
