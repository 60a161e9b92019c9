-- agency_status_of: the agencies of the reports in list $1 (versions a
-- transaction retires, confirms or recounts). The BETWEEN bounds the scan by
-- zone maps; the IN is a hash join, not a search of the list per report.
SELECT DISTINCT agency_id FROM store.reports
WHERE report_id BETWEEN list_min($1::BIGINT[]) AND list_max($1::BIGINT[])
  AND report_id IN (SELECT unnest($1::BIGINT[]));
