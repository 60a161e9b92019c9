-- agency_status_add: writes the store.agency_status rows of the agencies in
-- temp.main.status_ids, made from their current reports (0020) into
-- temp.main.status_rows by status_rows_make, each with its pattern (0046;
-- status_patterns_add has added the ones it lacked) and its cells (0063).
INSERT INTO store.agency_status (agency_id, first_year, reported, errors, warnings, pattern, cells)
SELECT s.agency_id, s.first_year, s.reported, s.errors, s.warnings, p.pattern, s.cells
FROM temp.main.status_rows s
JOIN store.status_patterns p USING (first_year, reported, errors, warnings);
