-- compare_totals_build: adds to store.compare_totals the rows of the
-- agencies whose ids lie in [$1, $2], from their current reports
-- (store.compare_totals_rows, 0058), with each agency's province, city,
-- level and name (0062) as store.agencies holds them: one piece of a
-- rebuild, beside agency_totals_build's.
INSERT INTO store.compare_totals
SELECT r.*, a.province, a.city, a.level, a.name
FROM store.compare_totals_rows($1, $2) r
LEFT JOIN store.agencies a ON a.agency_id = r.agency_id;
