-- name: compare_agencies
-- title: 机构比较（所选年度合计）
-- params: year_from, year_to, province, city, level, agency, limit
-- columns: agency_id, agency, city, level, reports, zero_reports, apps_total, disclosure_rate, refused_share, review_total, review_correction_rate, litigation_total, litigation_correction_rate, rank_volume, rank_rate, rank_zero
-- Every agency the filter selects with its sums over the selected years and
-- the rates made of them: disclosure_rate = (予以公开 + 部分公开) / 办理总计,
-- refused_share = 不予公开 / 办理总计, the correction rates = 纠正 / 总计;
-- a rate is NULL when its denominator is 0 or not stated. zero_reports
-- counts the agency's reports whose table figures are all 0. Three
-- rankings, each given only to the agencies within its first places:
-- rank_volume by 办理总计 (most first; the first limit, default 20),
-- rank_rate by 公开率 (lowest first, among agencies that handled at least
-- 10 applications, so that one refusal of one application does not top the
-- list; the first limit), and rank_zero numbering the agencies with reports
-- whose figures are all 0 by name (the first 10 × limit); ties by name, then
-- id. The rows are the agencies with a ranking, ordered by rank_volume, then
-- rank_rate, then rank_zero. (Until session 16 every row carried its place
-- in all three rankings, however far down: the page's charts of the first
-- twenty by volume and by rate then drew the other ranking's agencies too,
-- and finding an agency's place by name among the ~17,000 agencies of its
-- volume cost a sixth of the query's CPU at 1M reports.)
--
-- Read from compare_totals (migration 0058: per agency, the kept running
-- totals by year of the seven sums where they are exact and current, else
-- the sums of its current summary rows), so that no request groups the
-- million summary rows of 1M reports by agency (~50 ms of CPU) and scans
-- them again for the listed agencies' other sums (~20 ms). The region,
-- level and a piece of a name are filtered on the totals' own columns
-- (0062: kept with the totals, or the agency's for those summed apart), in
-- one expansion of the macro: until 0062 the selected agencies' ids were
-- semi-joined to all the sums, materialized first (8-13 ms of CPU at 1M
-- reports). A ranking is made of numbers first and names last: the
-- limit-th agency's key is found among the numbers alone (a top-N), and
-- only the agencies at or before that key (ties at it included, since ties
-- are ordered by name) and those with all-zero reports are kept, in one
-- pass over the sums that carries their figures along (c). Only those have
-- their names read (one scan of store.agencies) and are numbered, each
-- ranking by a row_number over c that puts its own agencies first. (Until
-- session 23 each ranking was a CTE of its own, joined to the names, and
-- the rankings were joined to each other and to the sums again: six passes
-- over the ~170,000 sums of 1M reports and a dozen joins, ~8 ms more CPU a
-- request.)
-- For the whole country or one province alone (no city, level or piece of
-- a name) with limit 20, warehouse.DB.Query reads this query's answer as it
-- was kept when the totals were last built (store.compare_top, migrations
-- 0072 and 0084), while no agency has changed since: the scan of every
-- agency's sums was ~50 ms of CPU at 1M reports (a province's ~35-45), the
-- kept rows ~4 ms.
WITH a AS MATERIALIZED (
    -- The sums of the agencies the filters select.
    SELECT k.agency_id, k.reports, k.zero_reports, k.apps_total, k.apps_disclosed, k.apps_withheld,
           k.review_total, k.review_corrected, k.litigation_total, k.litigation_corrected
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
), named AS (
    -- Those agencies with their names (and places), read in one scan of
    -- store.agencies. The ids are given as the three rankings' lists
    -- (an agency may be in more than one): DuckDB then filters the scan
    -- with a Bloom filter of them, and reads ~600 names of 170,000 rather
    -- than all (~3 ms of CPU at 1M reports). (The named form,
    -- sql/compare_agencies_named.sql, carries them from a instead; it
    -- replaces this CTE and a, and shares the rest of this text.)
    SELECT c.*, g.name, g.city, g.level
    FROM c
    JOIN (SELECT g.agency_id, g.name, g.city, g.level
          FROM store.agencies g
          WHERE g.agency_id IN (SELECT agency_id FROM c WHERE in_v
                                UNION ALL
                                SELECT agency_id FROM c WHERE in_r
                                UNION ALL
                                SELECT agency_id FROM c WHERE in_z)) g ON g.agency_id = c.agency_id
), ranked AS (
    -- Each ranking numbers its own agencies first (its flag DESC), ties
    -- by name, then id.
    SELECT c.*,
           row_number() OVER (ORDER BY c.in_v DESC, c.apps_total DESC NULLS LAST, c.name, c.agency_id) AS nv,
           row_number() OVER (ORDER BY c.in_r DESC, coalesce(c.apps_disclosed / c.apps_total, 'infinity'::DOUBLE),
                                       c.apps_total DESC, c.name, c.agency_id) AS nr,
           row_number() OVER (ORDER BY c.in_z DESC, c.name, c.agency_id) AS nz
    FROM named c
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
