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
-- Where its CPU goes (session 39, 1M reports, /applications' 109 filters,
-- TestScaleVariants, kept statements, interleaved, one hold): 24.5 ms a
-- query, of which the breakdown (sums) is 10.8 (the query without it, for
-- the weight only, 13.7). Its ~20 agencies' ~120 summary rows are found
-- by a hash join whose filter on agency_id prunes no row group (the ids
-- span the table), so the probe reads seven columns of the ~944,000
-- current rows. A kept per-agency breakdown would remove it; a form does
-- not.
-- Measured without gain: the rows fetched by rowid (a narrow scan for the
-- rowids, then the columns: 24.5 -> 25.6 ms); the names from the kept
-- totals' own column instead of the join to store.agencies (materialized
-- with the totals: 27.2 -> 30.7); the 20 ids bound as constants, as an
-- IN list or one UNION ALL branch each (as statements of their own, one
-- hold: ~20 ms of CPU each, as the join to the ids; one agency's
-- equality alone ~2 ms, which its zone maps prune).
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
