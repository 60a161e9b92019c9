-- agency_totals_rebuild: store.agency_totals afresh from every current
-- report (store.agency_totals_rows, 0044), no agency left to sum apart.
DELETE FROM store.agency_totals;
INSERT INTO store.agency_totals SELECT * FROM store.agency_totals_rows();
DELETE FROM store.agency_totals_changed;
