-- finding_reports_add: writes the store.finding_reports rows (0114) of the
-- agencies in list $3, all of them in [$1, $2]: their current reports that
-- hold a finding, as they stand in the transaction. The BETWEEN bounds the
-- scan by zone maps, as agency_status_add's.
INSERT INTO store.finding_reports
SELECT r.report_id, r.agency_id, r.year, r.errors, r.warnings
FROM store.reports r
WHERE r.is_current AND (r.errors > 0 OR r.warnings > 0)
  AND r.agency_id BETWEEN $1 AND $2
  AND r.agency_id IN (SELECT unnest($3::BIGINT[]))
ORDER BY r.report_id;
