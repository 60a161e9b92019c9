-- summary_stale: how many reports store.report_summary misses, has too many of, or copies
-- is_current, errors, warnings, year, agency or format of wrongly (a repair by hand
-- of store.reports: the comparisons read the report's year and agency from the summary).
SELECT count(*)
FROM store.reports r
FULL JOIN store.report_summary s ON s.report_id = r.report_id
WHERE r.report_id IS NULL OR s.report_id IS NULL
   OR r.is_current <> s.is_current OR r.errors <> s.errors OR r.warnings <> s.warnings
   OR r.year <> s.year OR r.agency_id <> s.agency_id OR r.format <> s.format;
