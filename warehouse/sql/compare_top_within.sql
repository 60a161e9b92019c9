-- compare_top_within: compare_agencies' answer (same columns and rows,
-- then complete) for the range [$year_from, $year_to] (either NULL: open)
-- and a selection within the whole country — the province $province, city
-- $city, level $level and piece of a name $agency, each NULL for none, not
-- all four NULL — with the limit coalesce($limit, 20), made of the
-- country's answer kept with the deeper limit $deep (store.compare_top,
-- 0072; warehouse.compareDeepLimit), in the query's order. It returns no
-- row when it cannot answer: that answer is not kept,
-- store.agency_totals_changed lists an agency, or the kept rows cannot
-- tell the selection's first places (below); warehouse.compareTop then
-- runs the query. A complete answer without rows is one row of NULLs
-- with complete NULL.
--
-- Why it is exact: each of the query's three rankings numbers its agencies
-- in a total order of figures the filter does not change (volume, then
-- name, then id; rate, volume, name, id; name, id among the agencies with
-- all-zero reports), and gives a place to those within its first places.
-- The deep answer holds, for each ranking, the first $deep (10 × $deep for
-- the zeros) of all agencies with their places, and each agency's sums,
-- rates, name, city and level, which do not depend on the filter either.
-- The selection's order is the country's order restricted to it, so its
-- first limit are the first limit of the selected rows of the deep
-- ranking, numbered again — when the deep ranking holds at least limit
-- selected agencies, or holds every agency of that ranking (fewer than
-- $deep in all). Otherwise the selection's first places may lie past the
-- kept ones, and no row comes back. The selection is that of the query's
-- own filters, which read the kept totals' province, city, level and name
-- (0062): equal to store.agencies', which the answer keeps (the province
-- read from store.agencies for the answer's few rows), for every agency
-- not listed as changed, and nothing is read while one is. One pass over the
-- kept rows flags the selected ones and counts them.
WITH d AS MATERIALIZED (
    -- The deep answer's rows, those the filters select flagged, while the
    -- answer is kept and no agency is listed as changed.
    SELECT t.*,
           ($city::VARCHAR IS NULL OR t.city = $city::VARCHAR) AND ($level::VARCHAR IS NULL OR t.level = $level::VARCHAR)
             AND ($agency::VARCHAR IS NULL OR contains(t.agency, $agency::VARCHAR))
             AND ($province::VARCHAR IS NULL
                  OR t.agency_id IN (SELECT a.agency_id FROM store.agencies a WHERE a.province = $province::VARCHAR)) AS sel
    FROM store.compare_top t
    WHERE t.year_from IS NOT DISTINCT FROM $year_from::INTEGER AND t.year_to IS NOT DISTINCT FROM $year_to::INTEGER
      AND t.lim = $deep::BIGINT AND t.province IS NULL
      AND EXISTS (SELECT 1 FROM store.compare_top_keys k
                  WHERE k.year_from IS NOT DISTINCT FROM $year_from::INTEGER AND k.year_to IS NOT DISTINCT FROM $year_to::INTEGER
                    AND k.lim = $deep::BIGINT AND k.province IS NULL)
      AND NOT EXISTS (SELECT 1 FROM store.agency_totals_changed)
), ok AS (
    -- Whether the answer is kept and every ranking's first places are
    -- among its rows (an answer of no row is kept with its key alone).
    SELECT EXISTS (SELECT 1 FROM store.compare_top_keys k
                       WHERE k.year_from IS NOT DISTINCT FROM $year_from::INTEGER AND k.year_to IS NOT DISTINCT FROM $year_to::INTEGER
                         AND k.lim = $deep::BIGINT AND k.province IS NULL)
           AND NOT EXISTS (SELECT 1 FROM store.agency_totals_changed)
           AND (count(d.rank_volume) FILTER (WHERE d.sel) >= coalesce($limit::BIGINT, 20) OR count(d.rank_volume) < $deep::BIGINT)
           AND (count(d.rank_rate) FILTER (WHERE d.sel) >= coalesce($limit::BIGINT, 20) OR count(d.rank_rate) < $deep::BIGINT)
           AND (count(d.rank_zero) FILTER (WHERE d.sel) >= 10 * coalesce($limit::BIGINT, 20) OR count(d.rank_zero) < 10 * $deep::BIGINT) AS ok
    FROM d
), numbered AS (
    -- The selected rows' places within each ranking.
    SELECT d.*,
           CASE WHEN d.rank_volume IS NOT NULL THEN row_number() OVER (ORDER BY d.rank_volume NULLS LAST) END AS nv,
           CASE WHEN d.rank_rate IS NOT NULL THEN row_number() OVER (ORDER BY d.rank_rate NULLS LAST) END AS nr,
           CASE WHEN d.rank_zero IS NOT NULL THEN row_number() OVER (ORDER BY d.rank_zero NULLS LAST) END AS nz
    FROM d
    WHERE d.sel
)
SELECT n.agency_id, n.agency, n.city, n.level, n.reports, n.zero_reports, n.apps_total,
       n.disclosure_rate, n.refused_share, n.review_total, n.review_correction_rate,
       n.litigation_total, n.litigation_correction_rate,
       CASE WHEN n.nv <= coalesce($limit::BIGINT, 20) THEN n.nv END AS rank_volume,
       CASE WHEN n.nr <= coalesce($limit::BIGINT, 20) THEN n.nr END AS rank_rate,
       CASE WHEN n.nz <= 10 * coalesce($limit::BIGINT, 20) THEN n.nz END AS rank_zero,
       CASE WHEN n.agency_id IS NOT NULL THEN true END AS complete
FROM ok o
LEFT JOIN numbered n ON n.nv <= coalesce($limit::BIGINT, 20) OR n.nr <= coalesce($limit::BIGINT, 20) OR n.nz <= 10 * coalesce($limit::BIGINT, 20)
WHERE o.ok
ORDER BY rank_volume NULLS LAST, rank_rate NULLS LAST, rank_zero NULLS LAST;
