-- name: applications_by_agency
-- title: 依申请公开办理结果（按机构，前二十位）
-- params: year_from, year_to, province, city, level, agency, limit
-- columns: agency_id, agency, apps_granted, apps_partial, apps_withheld, apps_unavailable, apps_not_processed, apps_other, apps_total
-- The agencies that handled the most applications over the selected years
-- (table 三, column 总计; outcomes summed as in applications_by_year).
-- The totals are read from application_totals (migration 0044: per agency,
-- the kept running totals by year where they are exact and current, else
-- the sums of its current summary rows), so that no request sums a million
-- summary rows. The region, level and a piece of a name are filtered on
-- the totals' own columns (0064, 0066), as licensing_ranking: no join of
-- the ~170,000 totals to the selected agencies, and one expansion of the
-- macro. Names
-- are joined only to the agencies whose total reaches the limit-th largest
-- (cut), and the breakdown is summed from the summary rows for the listed
-- agencies alone.
WITH totals AS MATERIALIZED (
    SELECT t.agency_id, t.apps_total
    FROM application_totals($year_from, $year_to) t
    WHERE t.apps_reports > 0
      AND ($province IS NULL OR t.province = $province)
      AND ($city IS NULL OR t.city = $city)
      AND ($level IS NULL OR t.level = $level)
      AND ($agency IS NULL OR contains(t.name, $agency))
), cut AS (
    SELECT min(apps_total) AS v
    FROM (SELECT apps_total FROM totals ORDER BY apps_total DESC LIMIT coalesce($limit, 20))
), top AS (
    SELECT t.agency_id, a.name AS agency, t.apps_total
    FROM totals t JOIN store.agencies a ON a.agency_id = t.agency_id
    WHERE t.apps_total >= (SELECT v FROM cut)
    ORDER BY t.apps_total DESC, a.name, t.agency_id
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
