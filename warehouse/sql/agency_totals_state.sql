-- agency_totals_state: how many agencies store.agency_totals_changed lists
-- (their totals are summed from the summary rows until the table is built
-- again) and how many rows store.agency_totals holds.
SELECT (SELECT count(DISTINCT agency_id) FROM store.agency_totals_changed),
       (SELECT count(*) FROM store.agency_totals);
