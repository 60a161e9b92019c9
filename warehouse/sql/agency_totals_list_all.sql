-- agency_totals_list_all: lists in store.agency_totals_changed every agency
-- not listed yet, so that the rankings sum them all from their summary rows
-- until store.agency_totals is built again (checkTotals, when the table no
-- longer matches the current reports; a rebuild there could need more memory
-- than a server has).
INSERT INTO store.agency_totals_changed
SELECT a.agency_id FROM store.agencies a
WHERE a.agency_id NOT IN (SELECT c.agency_id FROM store.agency_totals_changed c);
