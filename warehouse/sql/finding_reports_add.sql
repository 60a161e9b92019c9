-- finding_reports_add: writes the store.finding_reports rows (0114) of the
-- agencies in temp.main.status_ids (status_ids_create), all of them in [$1, $2]: their current reports that
-- hold a finding, as they stand in the transaction, each with its agency's
-- name, province, city and level as they then stand (0124). The BETWEEN
-- bounds the scans by zone maps, as agency_status_add's.
INSERT INTO store.finding_reports
SELECT r.report_id, r.agency_id, r.year, r.errors, r.warnings, a.name, a.province, a.city, a.level
FROM store.reports r
JOIN store.agencies a ON a.agency_id = r.agency_id
WHERE r.is_current AND (r.errors > 0 OR r.warnings > 0)
  AND r.agency_id BETWEEN $1 AND $2
  AND r.agency_id IN (SELECT agency_id FROM temp.main.status_ids)
  AND a.agency_id BETWEEN $1 AND $2
ORDER BY r.report_id;
