-- agency_totals_build: adds to store.agency_totals the rows of the agencies
-- whose ids lie in [$1, $2], from their current reports
-- (store.agency_totals_rows, 0044 and 0050): one piece of a rebuild.
INSERT INTO store.agency_totals SELECT * FROM store.agency_totals_rows($1, $2);
