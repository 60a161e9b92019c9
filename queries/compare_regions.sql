-- name: compare_regions
-- title: 地区比较（下一级地区，按年度）
-- params: year_from, year_to, province, city, level, agency
-- columns: region, year, agencies, reports, zero_reports, apps_new, apps_total, apps_granted, apps_partial, apps_withheld, review_total, review_corrected, litigation_total, litigation_corrected
-- The regions one level below the filter's (provinces; the cities of a
-- province; the counties of a city), per year: agencies and reports, the
-- reports whose table figures are all 0 (zero_reports: at least one figure,
-- none of them other than 0), and the sums the comparison's rates are made
-- of. Without a piece of an agency's name they are read from summary_groups
-- (the summary rows summed per year, region and level at load,
-- store.summary_rollup, migration 0021, where agencies counts an agency with
-- a current report that year once); with one, from the current reports'
-- summary rows (current_counts' sums, its rules for litigation) of the
-- selected agencies: the copies store.compare_totals keeps of them (years,
-- 0071) for the agencies not listed in store.agency_totals_changed, the
-- summary itself for the listed ones (changed since the table was built).
-- Joining every selected agency to the million summary rows instead cost
-- ~22 ms of the name path's ~31 ms of operator CPU at 1M reports (the scan,
-- the join and the group-by of every report; session 23). There agencies
-- is the number of those reports: the
-- writer keeps one current report per agency and year (as
-- store.summary_rollup's agencies and quality_by_year assume). Until session
-- 18 they were counted from the selected agencies' bit sets of years
-- (store.agency_status), a join of every selected agency and a group-by:
-- ~10 % of the query's CPU at 1M reports with a common piece ("人民").
-- An agency with no division at that level (a province's own departments
-- under a province) has region NULL. A sum is NULL when no
-- report states the figure. The dashboard sums the selected years and
-- compares the last one with the year before for 同比.
-- warehouse.Query runs this text's halves instead (compareRegionsForm):
-- warehouse/sql/compare_regions_plain.sql without a piece of a name,
-- warehouse/sql/compare_regions_piece.sql with one, each without the other
-- kind of filter's branches, which DuckDB binds and optimizes on every run
-- before it folds them away. 1M reports, /compare's filters, statements
-- kept, interleaved: 8.7 -> 6.3 ms (75 filters without a piece), 40.1 ->
-- 36.7 ms (33 with one). Any change here is made in both too, and in
-- warehouse/sql/compare_regions_complement.sql, which Query runs first for
-- a piece most of a large selection's names hold (compareRegionsComplement:
-- the roll-up's sums less the other agencies' rows, where exact).
WITH sel AS MATERIALIZED (
    -- With a piece of a name: the agencies the filters select that are
    -- listed as changed, with the region they are compared in. The piece
    -- is looked for in every name (~8 ms of CPU at 170,000 agencies).
    SELECT a.agency_id,
           CASE WHEN $city IS NOT NULL THEN a.county WHEN $province IS NOT NULL THEN a.city ELSE a.province END AS region
    FROM selected_agencies($province, $city, $level, $agency) a
    WHERE $agency IS NOT NULL
      AND a.agency_id IN (SELECT c.agency_id FROM store.agency_totals_changed c)
), r AS (
    -- The selected agencies' current summary rows, one STRUCT a report,
    -- with the region: the kept copies of the agencies not listed,
    -- filtered on the kept region, level and name (store.agencies' own,
    -- 0062, 0071), and the listed agencies' rows of the summary.
    SELECT CASE WHEN $city IS NOT NULL THEN t.county WHEN $province IS NOT NULL THEN t.city ELSE t.province END AS region,
           unnest(t.years) AS v
    FROM store.compare_totals t
    WHERE $agency IS NOT NULL
      AND ($province IS NULL OR t.province = $province)
      AND ($city IS NULL OR t.city = $city)
      AND ($level IS NULL OR t.level = $level)
      AND contains(t.name, $agency)
      AND t.agency_id NOT IN (SELECT c.agency_id FROM store.agency_totals_changed c)
    UNION ALL
    SELECT sel.region,
           {'year': c.year, 'zero': c.table_stated > 0 AND c.table_largest = 0, 'apps_new': c.apps_new,
            'apps_total': c.apps_total, 'apps_granted': c.apps_granted, 'apps_partial': c.apps_partial,
            'apps_withheld': c.apps_withheld, 'review_total': c.review_total, 'review_corrected': c.review_corrected,
            'litigation_total': CASE WHEN c.litigation_direct_total IS NULL AND c.litigation_after_review_total IS NULL THEN NULL
                                     ELSE coalesce(c.litigation_direct_total, 0) + coalesce(c.litigation_after_review_total, 0) END,
            'litigation_corrected': CASE WHEN c.litigation_direct_corrected IS NULL AND c.litigation_after_review_corrected IS NULL THEN NULL
                                         ELSE coalesce(c.litigation_direct_corrected, 0) + coalesce(c.litigation_after_review_corrected, 0) END} AS v
    FROM store.report_summary c
    JOIN sel ON sel.agency_id = c.agency_id
    WHERE $agency IS NOT NULL AND c.is_current
      AND ($year_from IS NULL OR c.year >= $year_from)
      AND ($year_to IS NULL OR c.year <= $year_to)
), v AS (
    SELECT CASE WHEN $city IS NOT NULL THEN g.county WHEN $province IS NOT NULL THEN g.city ELSE g.province END AS region,
           g.year,
           sum(g.agencies)::BIGINT AS agencies,
           sum(g.reports)::BIGINT AS reports,
           sum(g.zero_reports)::BIGINT AS zero_reports,
           CASE WHEN sum(g.apps_new_n) > 0 THEN sum(g.apps_new)::DOUBLE END AS apps_new,
           CASE WHEN sum(g.apps_total_n) > 0 THEN sum(g.apps_total)::DOUBLE END AS apps_total,
           CASE WHEN sum(g.apps_granted_n) > 0 THEN sum(g.apps_granted)::DOUBLE END AS apps_granted,
           CASE WHEN sum(g.apps_partial_n) > 0 THEN sum(g.apps_partial)::DOUBLE END AS apps_partial,
           CASE WHEN sum(g.apps_withheld_n) > 0 THEN sum(g.apps_withheld)::DOUBLE END AS apps_withheld,
           CASE WHEN sum(g.review_total_n) > 0 THEN sum(g.review_total)::DOUBLE END AS review_total,
           CASE WHEN sum(g.review_corrected_n) > 0 THEN sum(g.review_corrected)::DOUBLE END AS review_corrected,
           CASE WHEN sum(g.litigation_total_n) > 0
                THEN (coalesce(sum(g.litigation_direct_total), 0) + coalesce(sum(g.litigation_after_review_total), 0))::DOUBLE END AS litigation_total,
           CASE WHEN sum(g.litigation_corrected_n) > 0
                THEN (coalesce(sum(g.litigation_direct_corrected), 0) + coalesce(sum(g.litigation_after_review_corrected), 0))::DOUBLE END AS litigation_corrected
    FROM summary_groups($year_from, $year_to, $province, $city, $level, $agency) g
    GROUP BY ALL
    UNION ALL
    SELECT r.region, r.v.year,
           count(*) AS agencies,
           count(*) AS reports,
           count(*) FILTER (WHERE r.v.zero) AS zero_reports,
           sum(r.v.apps_new) AS apps_new,
           sum(r.v.apps_total) AS apps_total,
           sum(r.v.apps_granted) AS apps_granted,
           sum(r.v.apps_partial) AS apps_partial,
           sum(r.v.apps_withheld) AS apps_withheld,
           sum(r.v.review_total) AS review_total,
           sum(r.v.review_corrected) AS review_corrected,
           sum(r.v.litigation_total) AS litigation_total,
           sum(r.v.litigation_corrected) AS litigation_corrected
    FROM r
    WHERE ($year_from IS NULL OR r.v.year >= $year_from)
      AND ($year_to IS NULL OR r.v.year <= $year_to)
    GROUP BY ALL
)
SELECT * FROM v
ORDER BY region NULLS LAST, year
