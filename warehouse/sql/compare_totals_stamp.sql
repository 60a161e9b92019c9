-- compare_totals_stamp: how many rows store.compare_totals holds, the
-- bit_xor of their fingerprints, and whether no agency is listed in
-- store.agency_totals_changed: compare_regions_whole.sql's first three
-- columns alone (~2 ms at 1M reports), which compareRegionsComplement reads
-- after each write to see whether the kept totals, and so its last answer of
-- that statement, are still the same.
SELECT (SELECT count(*) FROM store.compare_totals t) AS totals,
       (SELECT coalesce(bit_xor(t.fingerprint), 0)::VARCHAR FROM store.compare_totals t) AS fingerprints,
       NOT EXISTS (SELECT 1 FROM store.agency_totals_changed) AS listed_none;
