-- year_reports_add: writes the store.year_reports rows (0122) of the
-- agencies in temp.main.status_ids (status_ids_create), all of them in [$1, $2]: their current reports, as
-- they stand in the transaction. The BETWEEN bounds the scan by zone maps,
-- as agency_status_add's.
INSERT INTO store.year_reports
SELECT r.year, r.agency_id, r.report_id, r.format, r.errors
FROM store.reports r
WHERE r.is_current
  AND r.agency_id BETWEEN $1 AND $2
  AND r.agency_id IN (SELECT agency_id FROM temp.main.status_ids)
ORDER BY r.year, r.agency_id, r.report_id;
