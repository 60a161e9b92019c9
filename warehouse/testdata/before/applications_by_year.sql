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
-- Reads current_summary: one row per current report with its figures
-- pivoted at load (store.report_summary), so that a page costs a scan of
-- narrow rows however large the warehouse.
SELECT year, count(*) AS reports,
       coalesce(sum(apps_new), 0) AS apps_new,
       coalesce(sum(apps_carried_in), 0) AS apps_carried_in,
       coalesce(sum(apps_granted), 0) AS apps_granted,
       coalesce(sum(apps_partial), 0) AS apps_partial,
       coalesce(sum(apps_withheld), 0) AS apps_withheld,
       coalesce(sum(apps_unavailable), 0) AS apps_unavailable,
       coalesce(sum(apps_not_processed), 0) AS apps_not_processed,
       coalesce(sum(apps_other), 0) AS apps_other,
       coalesce(sum(apps_total), 0) AS apps_total,
       coalesce(sum(apps_carried_out), 0) AS apps_carried_out,
       round((coalesce(sum(apps_granted), 0) + coalesce(sum(apps_partial), 0)) / nullif(sum(apps_total), 0), 4) AS disclosure_rate
FROM current_summary($year_from, $year_to, $province, $city, $level, $agency)
GROUP BY year
ORDER BY year
