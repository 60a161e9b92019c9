-- agency_totals_clear: empties store.agency_totals and the list of agencies
-- changed since it was built, in the transaction that then builds it again
-- piece by piece (agency_totals_build; see rebuildTotals).
DELETE FROM store.agency_totals;
DELETE FROM store.agency_totals_changed;
