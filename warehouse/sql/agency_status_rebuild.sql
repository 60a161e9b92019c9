-- agency_status_rebuild: store.agency_status afresh from every current report,
-- with store.status_patterns (0046) numbered afresh from its rows, and every
-- agency's pattern in store.agencies (0073) set from it; and
-- store.finding_reports (0114) afresh from the current reports that hold a
-- finding, with their agencies' names and regions (0124); and store.year_reports (0122) afresh from every current report,
-- in the order of year.
DELETE FROM store.agency_status;
DELETE FROM store.status_patterns;
INSERT INTO store.status_patterns
SELECT row_number() OVER (ORDER BY first_year, reported, errors, warnings)::INTEGER, first_year, reported, errors, warnings
FROM (SELECT DISTINCT first_year, reported, errors, warnings FROM store.agency_status_rows(0, 9223372036854775807, NULL));
INSERT INTO store.agency_status (agency_id, first_year, reported, errors, warnings, pattern, cells)
SELECT s.agency_id, s.first_year, s.reported, s.errors, s.warnings, p.pattern, s.cells
FROM store.agency_status_rows(0, 9223372036854775807, NULL) s
JOIN store.status_patterns p USING (first_year, reported, errors, warnings);
UPDATE store.agencies a
SET pattern = (SELECT s.pattern FROM store.agency_status s WHERE s.agency_id = a.agency_id)
WHERE a.pattern IS DISTINCT FROM (SELECT s.pattern FROM store.agency_status s WHERE s.agency_id = a.agency_id);
DELETE FROM store.finding_reports;
INSERT INTO store.finding_reports
SELECT r.report_id, r.agency_id, r.year, r.errors, r.warnings, a.name, a.province, a.city, a.level
FROM store.reports r
JOIN store.agencies a ON a.agency_id = r.agency_id
WHERE r.is_current AND (r.errors > 0 OR r.warnings > 0)
ORDER BY r.report_id;
DELETE FROM store.year_reports;
INSERT INTO store.year_reports
SELECT year, agency_id, report_id, format, errors
FROM store.reports
WHERE is_current
ORDER BY year, agency_id, report_id;
