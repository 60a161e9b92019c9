-- read_agency_reports: the current reports of agency $1 for the years $2 to
-- $3 (0 leaves that end open), oldest first.
SELECT report_id, year, format, errors, warnings
FROM store.reports
WHERE agency_id = $1 AND is_current
  AND ($2 = 0 OR year >= $2) AND ($3 = 0 OR year <= $3)
ORDER BY year, report_id;
