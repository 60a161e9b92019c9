-- name: compare_agencies
-- title: 机构比较（所选年度合计）
-- params: year_from, year_to, province, city, level, agency, limit
-- columns: agency_id, agency, city, level, reports, zero_reports, apps_total, disclosure_rate, refused_share, review_total, review_correction_rate, litigation_total, litigation_correction_rate, rank_volume, rank_rate, rank_zero
-- Every agency the filter selects with its sums over the selected years and
-- the rates made of them: disclosure_rate = (予以公开 + 部分公开) / 办理总计,
-- refused_share = 不予公开 / 办理总计, the correction rates = 纠正 / 总计;
-- a rate is NULL when its denominator is 0 or not stated. zero_reports
-- counts the agency's reports whose table figures are all 0. Two rankings:
-- rank_volume by 办理总计 (most first) and rank_rate by 公开率 (lowest first,
-- among agencies that handled at least 10 applications, so that one refusal
-- of one application does not top the list; NULL for the others), and
-- rank_zero numbers the agencies with reports whose figures are all 0 (by
-- name; NULL for the others). The rows are the agencies within the first
-- limit (default 20) of the two rankings, and the first 10 × limit of those
-- with all-zero reports.
--
-- Read from store.report_summary (one row per report with its figures
-- pivoted at load) joined to the agencies the filters select, as
-- current_counts, summed per agency id. The rankings are made of numbers
-- first and names last: a national selection has 170,000 agencies, and
-- numbering them by name (every ranking's tie break), carrying their names
-- and all ten sums through the rankings was most of the query's time at 1M
-- reports. The first pass sums only the rankings' keys; an agency's rank
-- by volume is the number of agencies with a larger volume (per distinct
-- volume: a few hundred) plus its place by name among those with its own
-- volume, by rate likewise per distinct (rate, volume). Only the groups
-- that hold an agency that may be listed have their names read, names are
-- read for those and the zero ranking's agencies only, and the other sums
-- are taken for the listed agencies. A candidate's place by name is the
-- number of its group's members named before it (counted, not numbered:
-- the volume groups of the rate ranking's candidates, volumes of 10 or so,
-- hold ~17,000 agencies nationally, and sorting them all by name was a
-- tenth of the query); the groups are found by semi-joins built on the few
-- candidates' keys, not a hash table of every agency; the sums are plain
-- sums of a CASE (the same sums as the FILTER form, a little
-- cheaper at 1M rows); the listed agencies' names come with the candidates'.
WITH a AS MATERIALIZED (
    -- The rankings' keys per agency id, over the current reports of the
    -- selected years of the agencies the filters select (joined first: a
    -- region's reports are summed alone); rate is the rate ranking's key,
    -- for the agencies it ranks (at least 10 applications).
    SELECT k.agency_id, k.apps_total, k.apps_disclosed, k.zero_reports,
           CASE WHEN k.apps_total >= 10 THEN k.apps_disclosed / k.apps_total END AS rate,
           k.apps_total >= 10 AS rated
    FROM (
        SELECT s.agency_id,
               sum(s.apps_total) AS apps_total,
               sum(CASE WHEN s.apps_granted IS NOT NULL OR s.apps_partial IS NOT NULL
                        THEN coalesce(s.apps_granted, 0) + coalesce(s.apps_partial, 0) END) AS apps_disclosed,
               count(CASE WHEN s.table_stated > 0 AND s.table_largest = 0 THEN 1 END) AS zero_reports
        FROM store.report_summary s
        JOIN selected_agencies($province, $city, $level, $agency) g ON g.agency_id = s.agency_id
        WHERE s.is_current
          AND ($year_from IS NULL OR s.year >= $year_from)
          AND ($year_to IS NULL OR s.year <= $year_to)
        GROUP BY s.agency_id
    ) k
), vols AS MATERIALIZED (
    -- Per volume, the agencies with a larger one (most first, NULL last).
    SELECT v.apps_total,
           coalesce(sum(v.n) OVER (ORDER BY v.apps_total DESC NULLS LAST
                                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS ahead
    FROM (SELECT apps_total, count(*) AS n FROM a GROUP BY apps_total) v
), rates AS MATERIALIZED (
    -- Per (rate, volume) of the rated agencies, those ranked before it:
    -- lowest rate first (NULL last), then most applications.
    SELECT r.rate, r.apps_total,
           coalesce(sum(r.n) OVER (ORDER BY r.rate ASC NULLS LAST, r.apps_total DESC
                                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS ahead
    FROM (SELECT rate, apps_total, count(*) AS n FROM a WHERE rated GROUP BY rate, apps_total) r
), rz AS MATERIALIZED (
    -- The zero ranking is by name alone: the agencies with all-zero
    -- reports, numbered by name.
    SELECT z.agency_id, row_number() OVER (ORDER BY g.name, z.agency_id) AS rank_zero
    FROM a z JOIN store.agencies g ON g.agency_id = z.agency_id
    WHERE z.zero_reports > 0
), cand AS MATERIALIZED (
    -- Every agency that may be listed: the members of the volume and rate
    -- groups that start within the first limit, and the first 10 × limit
    -- by zero.
    SELECT a.agency_id, a.apps_total, a.rate, a.rated
    FROM a JOIN vols v ON v.apps_total IS NOT DISTINCT FROM a.apps_total
    WHERE v.ahead < coalesce($limit, 20)
    UNION
    SELECT a.agency_id, a.apps_total, a.rate, a.rated
    FROM a JOIN rates r ON r.rate IS NOT DISTINCT FROM a.rate AND r.apps_total = a.apps_total
    WHERE a.rated AND r.ahead < coalesce($limit, 20)
    UNION
    SELECT a.agency_id, a.apps_total, a.rate, a.rated
    FROM a JOIN rz USING (agency_id)
    WHERE rz.rank_zero <= 10 * coalesce($limit, 20)
), vk AS (
    SELECT DISTINCT apps_total, true AS hit FROM cand
), rk AS (
    SELECT DISTINCT rate, apps_total, true AS hit FROM cand WHERE rated
), members AS MATERIALIZED (
    -- The members of the candidates' volume groups and rate groups, with
    -- their names: what their places by name are counted among. rk holds
    -- volumes of 10 or more only, so an agency that is not rated finds no
    -- rate group.
    SELECT m.agency_id, m.apps_total, m.rate, g.name, m.in_volume, m.in_rate
    FROM (
        SELECT a.agency_id, a.apps_total, a.rate,
               EXISTS (SELECT 1 FROM vk WHERE vk.apps_total IS NOT DISTINCT FROM a.apps_total) AS in_volume,
               EXISTS (SELECT 1 FROM rk WHERE rk.rate IS NOT DISTINCT FROM a.rate AND rk.apps_total = a.apps_total) AS in_rate
        FROM a
    ) m
    JOIN store.agencies g ON g.agency_id = m.agency_id
    WHERE m.in_volume OR m.in_rate
), cn AS MATERIALIZED (
    -- The candidates with their names.
    SELECT c.agency_id, c.apps_total, c.rate, c.rated, m.name
    FROM cand c JOIN members m ON m.agency_id = c.agency_id
), rv AS (
    -- A candidate's rank by volume: the agencies with a larger volume,
    -- and its place by name among those with its own.
    SELECT c.agency_id, any_value(v.ahead) + count(*) AS rank_volume
    FROM cn c
    JOIN members m ON m.apps_total IS NOT DISTINCT FROM c.apps_total
    JOIN vols v ON v.apps_total IS NOT DISTINCT FROM c.apps_total
    WHERE m.in_volume AND (m.name < c.name OR (m.name = c.name AND m.agency_id <= c.agency_id))
    GROUP BY c.agency_id
), rr AS (
    SELECT c.agency_id, any_value(r.ahead) + count(*) AS rank_rate
    FROM cn c
    JOIN members m ON m.rate IS NOT DISTINCT FROM c.rate AND m.apps_total = c.apps_total
    JOIN rates r ON r.rate IS NOT DISTINCT FROM c.rate AND r.apps_total = c.apps_total
    WHERE c.rated AND m.in_rate AND (m.name < c.name OR (m.name = c.name AND m.agency_id <= c.agency_id))
    GROUP BY c.agency_id
), listed AS MATERIALIZED (
    SELECT c.agency_id, rv.rank_volume, rr.rank_rate, rz.rank_zero
    FROM (SELECT DISTINCT agency_id FROM cand) c
    JOIN rv USING (agency_id)
    LEFT JOIN rr USING (agency_id)
    LEFT JOIN rz USING (agency_id)
    WHERE rv.rank_volume <= coalesce($limit, 20) OR rr.rank_rate <= coalesce($limit, 20)
       OR rz.rank_zero <= 10 * coalesce($limit, 20)
), sums AS (
    -- The listed agencies' other sums.
    SELECT s.agency_id,
           count(*) AS reports,
           sum(s.apps_withheld) AS apps_withheld,
           sum(s.review_total) AS review_total, sum(s.review_corrected) AS review_corrected,
           sum(CASE WHEN s.litigation_direct_total IS NULL AND s.litigation_after_review_total IS NULL THEN NULL
                    ELSE coalesce(s.litigation_direct_total, 0) + coalesce(s.litigation_after_review_total, 0) END) AS litigation_total,
           sum(CASE WHEN s.litigation_direct_corrected IS NULL AND s.litigation_after_review_corrected IS NULL THEN NULL
                    ELSE coalesce(s.litigation_direct_corrected, 0) + coalesce(s.litigation_after_review_corrected, 0) END) AS litigation_corrected
    FROM store.report_summary s
    WHERE s.is_current
      AND ($year_from IS NULL OR s.year >= $year_from)
      AND ($year_to IS NULL OR s.year <= $year_to)
      AND s.agency_id IN (SELECT agency_id FROM listed)
    GROUP BY s.agency_id
)
SELECT l.agency_id, c.name AS agency, g.city, g.level, s.reports, a.zero_reports, a.apps_total,
       round(a.apps_disclosed / nullif(a.apps_total, 0), 4) AS disclosure_rate,
       round(s.apps_withheld / nullif(a.apps_total, 0), 4) AS refused_share,
       s.review_total,
       round(s.review_corrected / nullif(s.review_total, 0), 4) AS review_correction_rate,
       s.litigation_total,
       round(s.litigation_corrected / nullif(s.litigation_total, 0), 4) AS litigation_correction_rate,
       l.rank_volume, l.rank_rate, l.rank_zero
FROM listed l
JOIN a ON a.agency_id = l.agency_id
JOIN sums s ON s.agency_id = l.agency_id
JOIN cn c ON c.agency_id = l.agency_id
JOIN store.agencies g ON g.agency_id = l.agency_id
ORDER BY l.rank_volume
