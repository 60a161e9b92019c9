-- compare_regions_piece: queries/compare_regions.sql (same columns and
-- rows) for a filter with a piece of an agency's name: warehouse.Query
-- runs it instead of the named query then (compareRegionsForm). It is the
-- named query without the sum of store.summary_rollup's groups, which
-- gives no row with a piece (summary_groups), and without the guards on
-- the piece, which DuckDB binds and optimizes on every run before it folds
-- them away (warehouse/kept.go): ~40 -> 37 ms of CPU a query at 1M
-- reports, interleaved. Any change here is made in the named query too;
-- TestCompareRegionsForms holds the two to the same rows.
WITH sel AS MATERIALIZED (
    -- With a piece of a name: the agencies the filters select that are
    -- listed as changed, with the region they are compared in. The piece
    -- is looked for in every name (~8 ms of CPU at 170,000 agencies).
    SELECT a.agency_id,
           CASE WHEN $city IS NOT NULL THEN a.county WHEN $province IS NOT NULL THEN a.city ELSE a.province END AS region
    FROM selected_agencies($province, $city, $level, $agency) a
    WHERE a.agency_id IN (SELECT c.agency_id FROM store.agency_totals_changed c)
), r AS (
    -- The selected agencies' current summary rows, one STRUCT a report,
    -- with the region: the kept copies of the agencies not listed,
    -- filtered on the kept region, level and name (store.agencies' own,
    -- 0062, 0071), and the listed agencies' rows of the summary.
    SELECT CASE WHEN $city IS NOT NULL THEN t.county WHEN $province IS NOT NULL THEN t.city ELSE t.province END AS region,
           unnest(t.years) AS v
    FROM store.compare_totals t
    WHERE ($province IS NULL OR t.province = $province)
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
    WHERE c.is_current
      AND ($year_from IS NULL OR c.year >= $year_from)
      AND ($year_to IS NULL OR c.year <= $year_to)
), v AS (
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
