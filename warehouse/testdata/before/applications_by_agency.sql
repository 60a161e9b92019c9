-- name: applications_by_agency
-- title: 依申请公开办理结果（按机构，前二十位）
-- params: year_from, year_to, province, city, level, agency, limit
-- columns: agency_id, agency, apps_granted, apps_partial, apps_withheld, apps_unavailable, apps_not_processed, apps_other, apps_total
-- The agencies that handled the most applications over the selected years
-- (table 三, column 总计; outcomes summed as in applications_by_year).
-- Reads current_summary: one row per current report with its figures
-- pivoted at load (store.report_summary), so that a page costs a scan of
-- narrow rows however large the warehouse.
SELECT agency_id,
       any_value(agency) AS agency,
       coalesce(sum(apps_granted), 0) AS apps_granted,
       coalesce(sum(apps_partial), 0) AS apps_partial,
       coalesce(sum(apps_withheld), 0) AS apps_withheld,
       coalesce(sum(apps_unavailable), 0) AS apps_unavailable,
       coalesce(sum(apps_not_processed), 0) AS apps_not_processed,
       coalesce(sum(apps_other), 0) AS apps_other,
       coalesce(sum(apps_total), 0) AS apps_total
FROM current_summary($year_from, $year_to, $province, $city, $level, $agency)
WHERE apps_stated
GROUP BY agency_id
ORDER BY apps_total DESC, agency, agency_id
LIMIT coalesce($limit, 20)
