-- agency_totals_clear: empties store.agency_totals, store.compare_totals
-- (0058, built with it) and the list of agencies changed since they were
-- built, in the transaction that then builds them again piece by piece
-- (agency_totals_build, compare_totals_build; see rebuildTotals).
DELETE FROM store.agency_totals;
DELETE FROM store.compare_totals;
DELETE FROM store.agency_totals_changed;
