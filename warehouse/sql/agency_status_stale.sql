-- agency_status_stale: 1 when store.agency_status differs from the rows built
-- afresh from the current reports (a repair of store.reports by hand, which
-- the writer did not see), else 0: their counts and fingerprints (a hash of
-- every row, combined in any order) are compared, which is one pass over
-- each where comparing the rows both ways sorted them.
WITH k AS (
    SELECT count(*) AS n, bit_xor(hash(agency_id, first_year, reported, errors, warnings)) AS h
    FROM store.agency_status
), d AS (
    SELECT count(*) AS n, bit_xor(hash(agency_id, first_year, reported, errors, warnings)) AS h
    FROM store.agency_status_rows(0, 9223372036854775807, NULL)
)
SELECT (k.n <> d.n OR k.h IS DISTINCT FROM d.h)::INTEGER FROM k, d;
