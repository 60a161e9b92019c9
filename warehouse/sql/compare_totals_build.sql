-- compare_totals_build: adds to store.compare_totals the rows of the
-- agencies whose ids lie in [$1, $2], from their current reports
-- (store.compare_totals_rows, 0058): one piece of a rebuild, beside
-- agency_totals_build's.
INSERT INTO store.compare_totals SELECT * FROM store.compare_totals_rows($1, $2);
