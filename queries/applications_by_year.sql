-- name: applications_by_year
-- title: 依申请公开办理结果（按年度）
-- params: year_from, year_to, province, city, level, agency
-- columns: year, reports, apps_new, apps_carried_in, apps_granted, apps_partial, apps_withheld, apps_unavailable, apps_not_processed, apps_other, apps_total, apps_carried_out, disclosure_rate
-- Table 三, column 总计. The withheld, unavailable and not-processed outcomes
-- sum their numbered grounds; apps_other is 2019's single row or 2021's sum
-- of its three sub-rows. disclosure_rate = (予以公开 + 部分公开) / 总计, NULL
-- when nothing was handled.
-- A sum is NULL when no report of that year states the figure, so that charts
-- show a gap rather than 0; a report that leaves a figure blank adds nothing.
-- Without a piece of an agency's name the sums are read from
-- summary_groups, the summary rows summed per year, region and level at
-- load (store.summary_rollup, migration 0021: a few thousand rows at 1M
-- reports); with one, from current_summary, one row per current report.
-- Each branch is empty when the other applies; a sum's count of stating
-- reports (<column>_n) keeps it NULL where no report states it.
WITH v AS (
    SELECT year, sum(reports)::BIGINT AS reports,
           CASE WHEN sum(apps_new_n) > 0 THEN sum(apps_new)::DOUBLE END AS apps_new,
           CASE WHEN sum(apps_carried_in_n) > 0 THEN sum(apps_carried_in)::DOUBLE END AS apps_carried_in,
           CASE WHEN sum(apps_granted_n) > 0 THEN sum(apps_granted)::DOUBLE END AS apps_granted,
           CASE WHEN sum(apps_partial_n) > 0 THEN sum(apps_partial)::DOUBLE END AS apps_partial,
           CASE WHEN sum(apps_withheld_n) > 0 THEN sum(apps_withheld)::DOUBLE END AS apps_withheld,
           CASE WHEN sum(apps_unavailable_n) > 0 THEN sum(apps_unavailable)::DOUBLE END AS apps_unavailable,
           CASE WHEN sum(apps_not_processed_n) > 0 THEN sum(apps_not_processed)::DOUBLE END AS apps_not_processed,
           CASE WHEN sum(apps_other_n) > 0 THEN sum(apps_other)::DOUBLE END AS apps_other,
           CASE WHEN sum(apps_total_n) > 0 THEN sum(apps_total)::DOUBLE END AS apps_total,
           CASE WHEN sum(apps_carried_out_n) > 0 THEN sum(apps_carried_out)::DOUBLE END AS apps_carried_out
    FROM summary_groups($year_from, $year_to, $province, $city, $level, $agency)
    GROUP BY year
    UNION ALL
    SELECT year, count(*) AS reports,
           sum(apps_new) AS apps_new,
           sum(apps_carried_in) AS apps_carried_in,
           sum(apps_granted) AS apps_granted,
           sum(apps_partial) AS apps_partial,
           sum(apps_withheld) AS apps_withheld,
           sum(apps_unavailable) AS apps_unavailable,
           sum(apps_not_processed) AS apps_not_processed,
           sum(apps_other) AS apps_other,
           sum(apps_total) AS apps_total,
           sum(apps_carried_out) AS apps_carried_out
    FROM current_summary($year_from, $year_to, $province, $city, $level, $agency)
    WHERE $agency IS NOT NULL
    GROUP BY year
)
SELECT year, reports,
       coalesce(apps_new, 0) AS apps_new,
       coalesce(apps_carried_in, 0) AS apps_carried_in,
       coalesce(apps_granted, 0) AS apps_granted,
       coalesce(apps_partial, 0) AS apps_partial,
       coalesce(apps_withheld, 0) AS apps_withheld,
       coalesce(apps_unavailable, 0) AS apps_unavailable,
       coalesce(apps_not_processed, 0) AS apps_not_processed,
       coalesce(apps_other, 0) AS apps_other,
       coalesce(apps_total, 0) AS apps_total,
       coalesce(apps_carried_out, 0) AS apps_carried_out,
       round((coalesce(apps_granted, 0) + coalesce(apps_partial, 0)) / nullif(apps_total, 0), 4) AS disclosure_rate
FROM v
ORDER BY year
