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
-- reports). Only the columns the rankings use are materialized (not the
-- names: the listed agencies' are read from store.agencies below). A
-- ranking is made of numbers first and names last: the limit-th agency's
-- key is found among the numbers alone (a top-N), and only the agencies at
-- or before that key (ties at it included, since ties are ordered by name)
-- have their names read and are numbered; the zero ranking is a top-N by
-- name of the agencies with all-zero reports. The names of all three
-- rankings' agencies are read in one scan.
WITH a AS MATERIALIZED (
    -- The sums of the agencies the filters select; rate is the rate
    -- ranking's key, for the agencies it ranks (at least 10 applications).
    SELECT k.agency_id, k.reports, k.zero_reports, k.apps_total, k.apps_disclosed, k.apps_withheld,
           k.review_total, k.review_corrected, k.litigation_total, k.litigation_corrected,
           CASE WHEN k.apps_total >= 10 THEN k.apps_disclosed / k.apps_total END AS rate,
           k.apps_total >= 10 AS rated
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
), rk AS (
    -- The rate ranking's key: rate (lowest first, NULL last, as the
    -- largest number) and volume (most first).
    SELECT agency_id, coalesce(rate, 'infinity'::DOUBLE) AS r, apps_total AS t
    FROM a WHERE rated
), rt AS MATERIALIZED (
    -- The keys of the first limit rated agencies.
    SELECT r, t FROM rk ORDER BY r, t DESC LIMIT coalesce($limit, 20)
), rc AS (
    -- Its cut: the key of the limit-th rated agency (the last of those),
    -- and how many there are up to it; no row when none is rated. Two
    -- top-Ns and a count rather than arg_max over (r, -t), which DuckDB ran
    -- as a hash aggregate: 6-12 ms at 1M reports for at most limit rows.
    SELECT (SELECT count(*) FROM rt) AS n, l.r, l.t
    FROM (SELECT r, t FROM rt ORDER BY r DESC, t LIMIT 1) l
), vn AS MATERIALIZED (
    -- The agencies at or above the volume cut.
    SELECT a.agency_id, a.apps_total
    FROM a, vc
    WHERE a.apps_total >= vc.v OR vc.n < coalesce($limit, 20)
), rn AS MATERIALIZED (
    -- The rated agencies at or before the rate cut.
    SELECT k.agency_id, k.r, k.t
    FROM rk k, rc
    WHERE rc.n < coalesce($limit, 20) OR k.r < rc.r OR (k.r = rc.r AND k.t >= rc.t)
), names AS MATERIALIZED (
    -- The names (and places) of those and of the agencies with all-zero
    -- reports, read in one scan of store.agencies: each scan of the names
    -- of 170,000 agencies costs a few ms.
    SELECT g.agency_id, g.name, g.city, g.level
    FROM store.agencies g
    WHERE g.agency_id IN (SELECT agency_id FROM vn
                          UNION ALL
                          SELECT agency_id FROM rn
                          UNION ALL
                          SELECT agency_id FROM a WHERE zero_reports > 0)
), rv AS (
    SELECT agency_id, rank_volume FROM (
        SELECT v.agency_id, row_number() OVER (ORDER BY v.apps_total DESC NULLS LAST, g.name, v.agency_id) AS rank_volume
        FROM vn v JOIN names g ON g.agency_id = v.agency_id
    ) WHERE rank_volume <= coalesce($limit, 20)
), rr AS (
    SELECT agency_id, rank_rate FROM (
        SELECT k.agency_id, row_number() OVER (ORDER BY k.r, k.t DESC, g.name, k.agency_id) AS rank_rate
        FROM rn k JOIN names g ON g.agency_id = k.agency_id
    ) WHERE rank_rate <= coalesce($limit, 20)
), rz AS (
    -- The zero ranking: the first 10 × limit by name of the agencies with
    -- all-zero reports.
    SELECT z.agency_id, row_number() OVER (ORDER BY g.name, z.agency_id) AS rank_zero
    FROM (SELECT agency_id FROM a WHERE zero_reports > 0) z
    JOIN names g ON g.agency_id = z.agency_id
    ORDER BY g.name, z.agency_id
    LIMIT 10 * coalesce($limit, 20)
), listed AS MATERIALIZED (
    -- The agencies with a ranking, each once (an agency is at most once in
    -- each ranking): full joins rather than a UNION of the ids and three
    -- left joins, whose distinct DuckDB ran as a hash aggregate, 4-15 ms at
    -- 1M reports for at most 12 × limit ids.
    SELECT coalesce(rv.agency_id, rr.agency_id, rz.agency_id) AS agency_id, rv.rank_volume, rr.rank_rate, rz.rank_zero
    FROM rv
    FULL JOIN rr ON rr.agency_id = rv.agency_id
    FULL JOIN rz ON rz.agency_id = coalesce(rv.agency_id, rr.agency_id)
)
SELECT l.agency_id, g.name AS agency, g.city, g.level, a.reports, a.zero_reports, a.apps_total,
       round(a.apps_disclosed / nullif(a.apps_total, 0), 4) AS disclosure_rate,
       round(a.apps_withheld / nullif(a.apps_total, 0), 4) AS refused_share,
       a.review_total,
       round(a.review_corrected / nullif(a.review_total, 0), 4) AS review_correction_rate,
       a.litigation_total,
       round(a.litigation_corrected / nullif(a.litigation_total, 0), 4) AS litigation_correction_rate,
       l.rank_volume, l.rank_rate, l.rank_zero
FROM listed l
JOIN a ON a.agency_id = l.agency_id
JOIN names g ON g.agency_id = l.agency_id
ORDER BY l.rank_volume NULLS LAST, l.rank_rate NULLS LAST, l.rank_zero
