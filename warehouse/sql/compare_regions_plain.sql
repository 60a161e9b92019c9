-- compare_regions_plain: queries/compare_regions.sql (same columns and
-- rows) for a filter without a piece of an agency's name, which 地区比较
-- sends for two requests in three: warehouse.Query runs it instead of the
-- named query then (compareRegionsForm). It is the named query's sum of
-- store.summary_rollup's groups alone, without the branches for a piece
-- of a name (sel, r and their sums), which DuckDB binds and optimizes on
-- every run (it plans a statement with parameters again with their values
-- at each run, warehouse/kept.go) before it folds them away: ~8.7 -> 6.3
-- ms of CPU a query at 1M reports, interleaved. Any change here is made in
-- the named query too; TestCompareRegionsForms holds the two to the same
-- rows.
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
FROM store.summary_rollup g
WHERE ($year_from IS NULL OR g.year >= $year_from)
  AND ($year_to IS NULL OR g.year <= $year_to)
  AND ($province IS NULL OR g.province = $province)
  AND ($city IS NULL OR g.city = $city)
  AND ($level IS NULL OR g.level = $level)
GROUP BY ALL
ORDER BY region NULLS LAST, year
