-- compare_totals_stale: 1 when store.compare_totals (0058) holds an agency,
-- not listed in store.agency_totals_changed, whose current summary rows are
-- not those it was built from (a repair by hand, or reports loaded by a
-- binary older than 0058), or whose province, city, county (0071), level
-- or name (0062) is not the one store.agencies holds (edited by hand), else 0: the
-- fingerprints of the agencies' rows are combined (bit_xor) on each side,
-- with how many agencies each has, as agency_totals_stale does for
-- store.agency_totals, and the kept regions and names are compared.
WITH c AS (
    SELECT DISTINCT agency_id FROM store.agency_totals_changed
), k AS (
    SELECT count(*) AS n, bit_xor(t.fingerprint) AS h
    FROM store.compare_totals t
    WHERE t.agency_id NOT IN (SELECT agency_id FROM c)
), d AS (
    SELECT count(DISTINCT r.agency_id) AS n, bit_xor(r.h) AS h
    FROM store.compare_totals_sources() r
    WHERE r.agency_id NOT IN (SELECT agency_id FROM c)
), m AS (
    SELECT count(*) AS n
    FROM store.compare_totals t
    LEFT JOIN store.agencies a ON a.agency_id = t.agency_id
    WHERE t.agency_id NOT IN (SELECT agency_id FROM c)
      AND (t.province IS DISTINCT FROM a.province OR t.city IS DISTINCT FROM a.city OR t.county IS DISTINCT FROM a.county
           OR t.level IS DISTINCT FROM a.level OR t.name IS DISTINCT FROM a.name)
)
SELECT (k.n <> d.n OR k.h IS DISTINCT FROM d.h OR m.n > 0)::INTEGER FROM k, d, m;
