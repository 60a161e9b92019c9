-- name: applications_by_agency
-- title: 依申请公开办理结果（按机构，前二十位）
-- params: year_from, year_to, province, city, level, agency, limit
-- columns: agency_id, agency, apps_granted, apps_partial, apps_withheld, apps_unavailable, apps_not_processed, apps_other, apps_total
-- The agencies that handled the most applications over the selected years
-- (table 三, column 总计; outcomes summed as in applications_by_year).
-- Reads selected_summary (migration 0037: store.report_summary's rows of
-- the current reports the filters select, the filter reaching the scan when
-- a region, level or name is given), summed per agency id; the selected
-- agencies are joined to the sums with their names, and the breakdown is
-- summed for the listed agencies alone. An agency's reports all share its
-- name, level and region, so the sums select the same reports.
-- The sums hold only the agencies whose name contains the piece, so the
-- names are joined by region and level alone: matching the piece a second
-- time read all ~170,000 names again (~8 ms of CPU at 1M reports).
WITH totals AS (
    SELECT s.agency_id, coalesce(sum(s.apps_total), 0) AS apps_total
    FROM selected_summary($year_from, $year_to, $province, $city, $level, $agency) s
    WHERE s.apps_stated
    GROUP BY s.agency_id
), top AS (
    SELECT t.agency_id, a.agency, t.apps_total
    FROM totals t JOIN selected_agencies($province, $city, $level, NULL) a ON a.agency_id = t.agency_id
    ORDER BY t.apps_total DESC, a.agency, t.agency_id
    LIMIT coalesce($limit, 20)
), sums AS (
    SELECT s.agency_id,
           coalesce(sum(s.apps_granted), 0) AS apps_granted,
           coalesce(sum(s.apps_partial), 0) AS apps_partial,
           coalesce(sum(s.apps_withheld), 0) AS apps_withheld,
           coalesce(sum(s.apps_unavailable), 0) AS apps_unavailable,
           coalesce(sum(s.apps_not_processed), 0) AS apps_not_processed,
           coalesce(sum(s.apps_other), 0) AS apps_other
    FROM store.report_summary s
    WHERE s.is_current AND s.apps_stated
      AND ($year_from IS NULL OR s.year >= $year_from)
      AND ($year_to IS NULL OR s.year <= $year_to)
      AND s.agency_id IN (SELECT top.agency_id FROM top)
    GROUP BY s.agency_id
)
SELECT top.agency_id, top.agency, t.apps_granted, t.apps_partial, t.apps_withheld, t.apps_unavailable,
       t.apps_not_processed, t.apps_other, top.apps_total
FROM top JOIN sums t ON t.agency_id = top.agency_id
ORDER BY top.apps_total DESC, top.agency, top.agency_id
