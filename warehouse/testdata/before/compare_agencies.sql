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
WITH v AS (
    SELECT * FROM report_counts($year_from, $year_to, $province, $city, $level, $agency)
), a AS (
    SELECT r.agency_id, any_value(r.agency) AS agency, any_value(r.city) AS city, any_value(r.level) AS level,
           count(*) AS reports,
           count(*) FILTER (WHERE v.stated > 0 AND v.largest = 0) AS zero_reports,
           sum(v.apps_total) AS apps_total,
           sum(coalesce(v.apps_granted, 0) + coalesce(v.apps_partial, 0))
               FILTER (WHERE v.apps_granted IS NOT NULL OR v.apps_partial IS NOT NULL) AS apps_disclosed,
           sum(v.apps_withheld) AS apps_withheld,
           sum(v.review_total) AS review_total, sum(v.review_corrected) AS review_corrected,
           sum(v.litigation_total) AS litigation_total, sum(v.litigation_corrected) AS litigation_corrected
    FROM current_reports($year_from, $year_to, $province, $city, $level, $agency) r
    LEFT JOIN v USING (report_id)
    GROUP BY r.agency_id
), ranked AS (
    SELECT a.*,
           round(apps_disclosed / nullif(apps_total, 0), 4) AS disclosure_rate,
           row_number() OVER (ORDER BY apps_total DESC NULLS LAST, agency, agency_id) AS rank_volume,
           CASE WHEN apps_total >= 10 THEN
               row_number() OVER (PARTITION BY apps_total >= 10 ORDER BY apps_disclosed / apps_total, apps_total DESC, agency, agency_id)
           END AS rank_rate,
           CASE WHEN zero_reports > 0 THEN
               row_number() OVER (PARTITION BY zero_reports > 0 ORDER BY agency, agency_id)
           END AS rank_zero
    FROM a
)
SELECT * FROM (
    -- Session 16: each ranking given only within its first places, the
    -- rows ordered by the three (was: every rank, ordered by rank_volume).
    SELECT agency_id, agency, city, level, reports, zero_reports, apps_total, disclosure_rate,
           round(apps_withheld / nullif(apps_total, 0), 4) AS refused_share,
           review_total,
           round(review_corrected / nullif(review_total, 0), 4) AS review_correction_rate,
           litigation_total,
           round(litigation_corrected / nullif(litigation_total, 0), 4) AS litigation_correction_rate,
           CASE WHEN rank_volume <= coalesce($limit, 20) THEN rank_volume END AS rank_volume,
           CASE WHEN rank_rate <= coalesce($limit, 20) THEN rank_rate END AS rank_rate,
           CASE WHEN rank_zero <= 10 * coalesce($limit, 20) THEN rank_zero END AS rank_zero
    FROM ranked
    WHERE rank_volume <= coalesce($limit, 20) OR rank_rate <= coalesce($limit, 20) OR rank_zero <= 10 * coalesce($limit, 20)
) r
ORDER BY r.rank_volume NULLS LAST, r.rank_rate NULLS LAST, r.rank_zero
