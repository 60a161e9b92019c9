-- compare_agencies_named: queries/compare_agencies.sql (same columns and
-- rows) for a filter that selects few agencies (a city, a level, a piece
-- few names hold): warehouse.Query runs it instead of the named query then
-- (compareAgenciesForm, which estimates how many from the agencies'
-- sample). It is the named query with each selected agency's name, city
-- and level carried from compare_totals instead of read from
-- store.agencies for the ranked agencies: that scan (a Bloom filter of
-- their ids over the ~170,000 agencies of 1M reports) reads every vector
-- of the table when the ranked agencies lie all over it, as a rare
-- piece's zero-report agencies do (~1,700 for 安县): ~10 ms of CPU,
-- against copying the names of the few selected agencies. For a large
-- selection the copy costs more (1M, kept statements, CPU a query: a piece
-- held by 5,539 agencies 54 -> 44 ms, by 12,708 54 -> 41, by 73,658
-- 79 -> 90, by 162,318 86 -> 127; a city of 13,317 51 -> 42). The macro
-- gives the kept totals' name, city and level for the agencies it reads
-- from them, equal to store.agencies' (0062, 0071: compare_totals_stale
-- compares them at Open, and a read-only open refuses a file where they
-- differ), and store.agencies' own for the agencies summed apart, so the
-- rows are the named query's. Any change there is made here too;
-- TestCompareAgenciesNamedForm holds the two to the same rows through
-- uploads, re-uploads, moves and a name changed by hand.
WITH a AS MATERIALIZED (
    -- The sums of the agencies the filters select, with their names
    -- and places (the totals' own, as the filters read them).
    SELECT k.agency_id, k.reports, k.zero_reports, k.apps_total, k.apps_disclosed, k.apps_withheld,
           k.review_total, k.review_corrected, k.litigation_total, k.litigation_corrected,
           k.name, k.city, k.level
    FROM compare_totals($year_from, $year_to) k
    WHERE ($province IS NULL OR k.province = $province)
      AND ($city IS NULL OR k.city = $city)
      AND ($level IS NULL OR k.level = $level)
      AND ($agency IS NULL OR contains(k.name, $agency))
), vc AS (
    -- The volume ranking's cut: the limit-th largest volume among the
    -- first limit (NULL last), and how many of those have one; with fewer
    -- than limit, every agency may be listed.
    SELECT count(apps_total) AS n, min(apps_total) AS v
    FROM (SELECT apps_total FROM a ORDER BY apps_total DESC NULLS LAST LIMIT coalesce($limit, 20))
), rt AS MATERIALIZED (
    -- The keys of the first limit agencies of the rate ranking, which
    -- ranks the agencies that handled at least 10 applications: rate
    -- (lowest first, NULL last, as the largest number), then volume (most
    -- first).
    SELECT coalesce(apps_disclosed / apps_total, 'infinity'::DOUBLE) AS r, apps_total AS t
    FROM a
    WHERE apps_total >= 10
    ORDER BY r, t DESC
    LIMIT coalesce($limit, 20)
), rc AS (
    -- Its cut: the key of the limit-th rated agency (the last of those),
    -- and how many there are up to it; no row when none is rated. Two
    -- top-Ns and a count rather than arg_max over (r, -t), which DuckDB ran
    -- as a hash aggregate: 6-12 ms at 1M reports for at most limit rows.
    SELECT (SELECT count(*) FROM rt) AS n, l.r, l.t
    FROM (SELECT r, t FROM rt ORDER BY r DESC, t LIMIT 1) l
), c AS MATERIALIZED (
    -- The agencies at or above the volume cut (in_v), the rated ones at
    -- or before the rate cut (in_r) and those with all-zero reports
    -- (in_z), with their sums: at most a few more than 2 × limit agencies
    -- and the all-zero ones. The WHERE repeats the flags' conditions so
    -- that they are worked out only for the rows kept (~1 ms of CPU at 1M
    -- reports against a filter on the flags).
    SELECT a.*,
           coalesce(a.apps_total >= vc.v, false) OR vc.n < coalesce($limit, 20) AS in_v,
           coalesce(a.apps_total >= 10
                    AND (rc.n < coalesce($limit, 20)
                         OR coalesce(a.apps_disclosed / a.apps_total, 'infinity'::DOUBLE) < rc.r
                         OR (coalesce(a.apps_disclosed / a.apps_total, 'infinity'::DOUBLE) = rc.r AND a.apps_total >= rc.t)),
                    false) AS in_r,
           a.zero_reports > 0 AS in_z
    FROM a CROSS JOIN vc LEFT JOIN rc ON true
    WHERE a.apps_total >= vc.v OR vc.n < coalesce($limit, 20)
       OR (a.apps_total >= 10
           AND (rc.n < coalesce($limit, 20)
                OR coalesce(a.apps_disclosed / a.apps_total, 'infinity'::DOUBLE) < rc.r
                OR (coalesce(a.apps_disclosed / a.apps_total, 'infinity'::DOUBLE) = rc.r AND a.apps_total >= rc.t)))
       OR a.zero_reports > 0
), ranked AS (
    -- Each ranking numbers its own agencies first (its flag DESC), ties
    -- by name, then id.
    SELECT c.*,
           row_number() OVER (ORDER BY c.in_v DESC, c.apps_total DESC NULLS LAST, c.name, c.agency_id) AS nv,
           row_number() OVER (ORDER BY c.in_r DESC, coalesce(c.apps_disclosed / c.apps_total, 'infinity'::DOUBLE),
                                       c.apps_total DESC, c.name, c.agency_id) AS nr,
           row_number() OVER (ORDER BY c.in_z DESC, c.name, c.agency_id) AS nz
    FROM c
), listed AS (
    -- The places within each ranking's first limit (the zero ranking's
    -- first 10 × limit).
    SELECT *,
           CASE WHEN in_v AND nv <= coalesce($limit, 20) THEN nv END AS rank_volume,
           CASE WHEN in_r AND nr <= coalesce($limit, 20) THEN nr END AS rank_rate,
           CASE WHEN in_z AND nz <= 10 * coalesce($limit, 20) THEN nz END AS rank_zero
    FROM ranked
)
SELECT agency_id, name AS agency, city, level, reports, zero_reports, apps_total,
       round(apps_disclosed / nullif(apps_total, 0), 4) AS disclosure_rate,
       round(apps_withheld / nullif(apps_total, 0), 4) AS refused_share,
       review_total,
       round(review_corrected / nullif(review_total, 0), 4) AS review_correction_rate,
       litigation_total,
       round(litigation_corrected / nullif(litigation_total, 0), 4) AS litigation_correction_rate,
       rank_volume, rank_rate, rank_zero
FROM listed
WHERE rank_volume IS NOT NULL OR rank_rate IS NOT NULL OR rank_zero IS NOT NULL
ORDER BY rank_volume NULLS LAST, rank_rate NULLS LAST, rank_zero
