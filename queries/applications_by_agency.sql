-- name: applications_by_agency
-- title: 依申请公开办理结果（按机构，前二十位）
-- params: year_from, year_to, province, city, level, agency, limit
-- columns: agency_id, agency, apps_granted, apps_partial, apps_withheld, apps_unavailable, apps_not_processed, apps_other, apps_total
-- The agencies that handled the most applications over the selected years
-- (table 三, column 总计; outcomes summed as in applications_by_year).
-- The totals are read from application_totals (migration 0044: per agency,
-- the kept running totals by year where they are exact and current, else
-- the sums of its current summary rows), so that no request sums a million
-- summary rows; with a region, level or name the selected agencies are
-- joined to them (as licensing_ranking: not a semi-join of their ids,
-- whose hash table DuckDB built on all the totals), without one every
-- agency is kept (two forms guarded by the filters alone, which DuckDB
-- folds, as selected_summary); a piece of a name is matched once. Names
-- are joined only to the agencies whose total reaches the limit-th largest
-- (cut), and the breakdown is summed from the summary rows for the listed
-- agencies alone.
-- The kept totals are not materialized before the join (they were): DuckDB
-- then built the join's hash table on all ~170,000 materialized totals
-- whatever the few agencies a region, level or name selects, and wrote
-- them aside once more; unmaterialized, the filters fold one branch away
-- and the join builds on the selected agencies (1M reports, mean CPU per
-- query over the pages' random filters 22.6 -> 21.3 ms).
WITH k AS (
    SELECT agency_id, apps_total
    FROM application_totals($year_from, $year_to)
    WHERE apps_reports > 0
), totals AS MATERIALIZED (
    SELECT k.* FROM k
    WHERE $province IS NULL AND $city IS NULL AND $level IS NULL AND $agency IS NULL
    UNION ALL
    SELECT k.* FROM selected_agencies($province, $city, $level, $agency) g
    JOIN k ON k.agency_id = g.agency_id
    WHERE NOT ($province IS NULL AND $city IS NULL AND $level IS NULL AND $agency IS NULL)
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
