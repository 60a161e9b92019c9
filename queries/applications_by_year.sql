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
-- Reads current_figures with only the measures it needs: report_values and
-- report_summary decode every figure first, the slow part on a large
-- warehouse (see BenchmarkPages).
WITH r AS (
    SELECT year, count(*) AS reports
    FROM current_reports($year_from, $year_to, $province, $city, $level, $agency)
    GROUP BY year
), v AS (
    SELECT year,
           sum(value) FILTER (WHERE measure = 'apps.new') AS apps_new,
           sum(value) FILTER (WHERE measure = 'apps.carried_in') AS apps_carried_in,
           sum(value) FILTER (WHERE measure = 'apps.granted') AS apps_granted,
           sum(value) FILTER (WHERE measure = 'apps.partial') AS apps_partial,
           sum(value) FILTER (WHERE measure LIKE 'apps.withheld.%') AS apps_withheld,
           sum(value) FILTER (WHERE measure LIKE 'apps.unavailable.%') AS apps_unavailable,
           sum(value) FILTER (WHERE measure LIKE 'apps.not_processed.%') AS apps_not_processed,
           sum(value) FILTER (WHERE measure = 'apps.other') AS apps_other,
           sum(value) FILTER (WHERE measure = 'apps.total') AS apps_total,
           sum(value) FILTER (WHERE measure = 'apps.carried_out') AS apps_carried_out
    FROM current_figures('apps.%', 'total', $year_from, $year_to, $province, $city, $level, $agency)
    GROUP BY year
)
SELECT r.year, r.reports,
       v.apps_new AS apps_new,
       v.apps_carried_in AS apps_carried_in,
       v.apps_granted AS apps_granted,
       v.apps_partial AS apps_partial,
       v.apps_withheld AS apps_withheld,
       v.apps_unavailable AS apps_unavailable,
       v.apps_not_processed AS apps_not_processed,
       v.apps_other AS apps_other,
       v.apps_total AS apps_total,
       v.apps_carried_out AS apps_carried_out,
       round((coalesce(v.apps_granted, 0) + coalesce(v.apps_partial, 0)) / nullif(v.apps_total, 0), 4) AS disclosure_rate
FROM r LEFT JOIN v USING (year)
ORDER BY r.year
