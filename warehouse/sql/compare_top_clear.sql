-- compare_top_clear: deletes every kept answer of compare_agencies
-- (store.compare_top, 0072), at the start of a rebuild of the kept totals,
-- in a transaction of its own before any agency is taken off
-- store.agency_totals_changed: an answer kept before a write would
-- otherwise be read again once the rebuild empties the list.
DELETE FROM store.compare_top;
DELETE FROM store.compare_top_keys;
