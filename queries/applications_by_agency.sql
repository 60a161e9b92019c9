-- name: applications_by_agency
-- title: 依申请公开办理结果（按机构，前二十位）
-- params: year_from, year_to, province, city, level, agency, limit
-- columns: agency_id, agency, apps_granted, apps_partial, apps_withheld, apps_unavailable, apps_not_processed, apps_other, apps_total
-- The agencies that handled the most applications over the selected years
-- (table 三, column 总计; outcomes summed as in applications_by_year).
-- Reads current_figures with only the measures it needs: report_values and
-- report_summary decode every figure first, the slow part on a large
-- warehouse (see BenchmarkPages).
SELECT agency_id,
       any_value(agency) AS agency,
       coalesce(sum(value) FILTER (WHERE measure = 'apps.granted'), 0) AS apps_granted,
       coalesce(sum(value) FILTER (WHERE measure = 'apps.partial'), 0) AS apps_partial,
       coalesce(sum(value) FILTER (WHERE measure LIKE 'apps.withheld.%'), 0) AS apps_withheld,
       coalesce(sum(value) FILTER (WHERE measure LIKE 'apps.unavailable.%'), 0) AS apps_unavailable,
       coalesce(sum(value) FILTER (WHERE measure LIKE 'apps.not_processed.%'), 0) AS apps_not_processed,
       coalesce(sum(value) FILTER (WHERE measure = 'apps.other'), 0) AS apps_other,
       coalesce(sum(value) FILTER (WHERE measure = 'apps.total'), 0) AS apps_total
FROM current_figures('apps.%', 'total', $year_from, $year_to, $province, $city, $level, $agency)
GROUP BY agency_id
ORDER BY apps_total DESC, agency, agency_id
LIMIT coalesce($limit, 20)
