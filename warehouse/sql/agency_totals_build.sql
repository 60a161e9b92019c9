-- agency_totals_build: adds to store.agency_totals the rows of the agencies
-- whose ids lie in [$1, $2], from their current reports
-- (store.agency_totals_rows, 0044 and 0050), with each agency's province,
-- city and level (0064) and name (0066) as store.agencies holds them: one
-- piece of a rebuild.
-- In order of agency, so that the insert runs one append, not one per
-- thread: each holds its own segments of the table's ~200 columns until
-- the commit (at 1M reports ~100 MB apiece for 25,000 agencies; 52 MB as
-- one for 10,000).
INSERT INTO store.agency_totals
SELECT r.*, a.province, a.city, a.level, a.name
FROM store.agency_totals_rows($1, $2) r
LEFT JOIN store.agencies a ON a.agency_id = r.agency_id
ORDER BY r.agency_id;
