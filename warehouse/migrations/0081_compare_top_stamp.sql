-- 0081_compare_top_stamp: each kept answer of compare_agencies
-- (store.compare_top, 0072) records what made it, and Open drops the
-- answers a binary or a build other than the present one made.
--
-- 0072 read a kept answer whenever store.agency_totals_changed was empty,
-- but two things other than a write change the query's answer and leave
-- the list empty, and the page then showed the old answer as the query's
-- until some upload made a rebuild (forever on a file nobody uploads to):
--   - a new binary whose compare_agencies (queries/compare_agencies.sql)
--     or whose compare_totals macro (a migration) gives another answer:
--     the answers kept by the old binary are still listed as kept, and
--     buildCompareTop skips the ranges it finds kept;
--   - an older binary (before 0072, after a rollback) that loads reports
--     and builds the totals again: it empties the list but knows nothing
--     of store.compare_top, whose answers are then read again as they
--     were before its loads.
-- stamp is store.compare_top_stamp(query) as it stood in the transaction
-- that kept the answer: query is a hash of compare_agencies' text (from
-- the binary, warehouse/compare_top.go), then the last migration applied
-- and a hash of every row of store.compare_totals that the query reads
-- with nothing listed (the agency, its fingerprint of the summary rows
-- summed, its exactness, region and name). Open (writable) deletes every
-- kept answer when one key's stamp differs from the stamp now, and a
-- read-only open reads none then (compareTopOff); gongkai compact or
-- serve's background pass keeps them again with nothing listed.
--
-- The answers kept before this migration have no stamp: deleted here.
-- Cost: the kept rows (a few thousand at 1M reports); the stamp reads
-- store.compare_totals' key columns once (~170,000 rows at 1M reports,
-- measured in the commit).
ALTER TABLE store.compare_top_keys ADD COLUMN stamp VARCHAR;
DELETE FROM store.compare_top;
DELETE FROM store.compare_top_keys;

CREATE OR REPLACE MACRO store.compare_top_stamp(query) AS
    query || ' ' || (SELECT max(m.version) FROM schema_migrations m)::VARCHAR || ' '
    || (SELECT count(*)::VARCHAR || ' '
               || coalesce(bit_xor(hash(t.agency_id, t.exact, t.fingerprint, t.province, t.city, t.county,
                                        t.level, t.name)), 0)::VARCHAR
        FROM store.compare_totals t);
