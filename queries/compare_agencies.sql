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
-- with all-zero reports. The sums are read from current_counts, one row per
-- current report with its agency beside its counts (migration 0016),
-- summed per agency id, with the names joined to the sums. rank_volume is
-- not a numbering of every agency by volume and name (most of the query's
-- time at national scale): a listed agency's rank is the number of agencies
-- with a larger volume (a volume is a sum of counts: 335 distinct among
-- 170,068 agencies at a million reports) plus its place by name among those
-- with its own volume, numbered only in the listed agencies' volumes.
WITH sums AS (
    -- Summed per agency id alone: the names are joined to the sums, not
    -- carried through the group-by of every report.
    SELECT s.agency_id,
           count(*) AS reports,
           count(*) FILTER (WHERE s.stated > 0 AND s.largest = 0) AS zero_reports,
           sum(s.apps_total) AS apps_total,
           sum(coalesce(s.apps_granted, 0) + coalesce(s.apps_partial, 0))
               FILTER (WHERE s.apps_granted IS NOT NULL OR s.apps_partial IS NOT NULL) AS apps_disclosed,
           sum(s.apps_withheld) AS apps_withheld,
           sum(s.review_total) AS review_total, sum(s.review_corrected) AS review_corrected,
           sum(s.litigation_total) AS litigation_total, sum(s.litigation_corrected) AS litigation_corrected
    FROM current_counts($year_from, $year_to, $province, $city, $level, $agency) s
    GROUP BY s.agency_id
), a AS MATERIALIZED (
    SELECT s.agency_id, g.name AS agency, g.city, g.level, s.* EXCLUDE (agency_id)
    FROM sums s JOIN store.agencies g USING (agency_id)
), rr AS (
    -- The rate and zero rankings number only the agencies they rank (few
    -- of the 170,000 a national selection has), not every agency by name.
    SELECT agency_id,
           row_number() OVER (ORDER BY apps_disclosed / apps_total, apps_total DESC, agency, agency_id) AS rank_rate
    FROM a WHERE apps_total >= 10
), rz AS (
    SELECT agency_id, row_number() OVER (ORDER BY agency, agency_id) AS rank_zero
    FROM a WHERE zero_reports > 0
), listed AS (
    -- The agencies listed: the first of each ranking. Those by volume are
    -- a top-N; only the listed agencies get their rank by volume.
    SELECT agency_id FROM (
        SELECT agency_id FROM a ORDER BY apps_total DESC NULLS LAST, agency, agency_id LIMIT coalesce($limit, 20)
    )
    UNION SELECT agency_id FROM rr WHERE rank_rate <= coalesce($limit, 20)
    UNION SELECT agency_id FROM rz WHERE rank_zero <= 10 * coalesce($limit, 20)
), volumes AS (
    -- Per volume, the agencies with more (the volumes are few: 335 at a
    -- million reports), and whether a listed agency has it.
    SELECT v.apps_total, v.listed,
           coalesce(sum(v.agencies) OVER (ORDER BY v.apps_total DESC NULLS LAST
                                          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS ahead
    FROM (
        SELECT a.apps_total, count(*) AS agencies, bool_or(l.agency_id IS NOT NULL) AS listed
        FROM a LEFT JOIN listed l USING (agency_id)
        GROUP BY a.apps_total
    ) v
), ties AS (
    -- rank_volume = the agencies with more, plus the place by name among
    -- those with the same volume: numbered only in the listed agencies'
    -- volumes, not all 170,000 by name.
    SELECT a.agency_id,
           vo.ahead + row_number() OVER (PARTITION BY a.apps_total ORDER BY a.agency, a.agency_id) AS rank_volume
    FROM a
    JOIN volumes vo ON vo.apps_total IS NOT DISTINCT FROM a.apps_total
    WHERE vo.listed
), ranked AS (
    SELECT a.*,
           round(a.apps_disclosed / nullif(a.apps_total, 0), 4) AS disclosure_rate,
           t.rank_volume, rr.rank_rate, rz.rank_zero
    FROM listed
    JOIN a USING (agency_id)
    JOIN ties t USING (agency_id)
    LEFT JOIN rr USING (agency_id)
    LEFT JOIN rz USING (agency_id)
)
SELECT agency_id, agency, city, level, reports, zero_reports, apps_total, disclosure_rate,
       round(apps_withheld / nullif(apps_total, 0), 4) AS refused_share,
       review_total,
       round(review_corrected / nullif(review_total, 0), 4) AS review_correction_rate,
       litigation_total,
       round(litigation_corrected / nullif(litigation_total, 0), 4) AS litigation_correction_rate,
       rank_volume, rank_rate, rank_zero
FROM ranked
ORDER BY rank_volume
