-- summary_stale: how many reports store.report_summary misses, has too many of, or copies
-- is_current, errors or warnings of wrongly.
SELECT count(*)
FROM store.reports r
FULL JOIN store.report_summary s ON s.report_id = r.report_id
WHERE r.report_id IS NULL OR s.report_id IS NULL
   OR r.is_current <> s.is_current OR r.errors <> s.errors OR r.warnings <> s.warnings;
