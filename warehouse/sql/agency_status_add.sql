-- agency_status_add: writes the store.agency_status rows of the agencies in list
-- $3, all of them in [$1, $2], from their current reports (0020), each with
-- its pattern (0046; status_patterns_add has added the ones it lacked) and
-- its cells (0063).
INSERT INTO store.agency_status (agency_id, first_year, reported, errors, warnings, pattern, cells)
SELECT s.agency_id, s.first_year, s.reported, s.errors, s.warnings, p.pattern, s.cells
FROM store.agency_status_rows($1, $2, $3::BIGINT[]) s
JOIN store.status_patterns p USING (first_year, reported, errors, warnings);
