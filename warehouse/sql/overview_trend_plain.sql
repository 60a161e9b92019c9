-- overview_trend_plain: queries/overview_trend.sql for a filter without a piece of an
-- agency's name (Query chooses it in Go: sumsPlainForm): the same rows,
-- read from summary_groups (store.summary_rollup) alone, without the
-- branch over current_summary that such a filter empties. DuckDB binds and
-- optimizes a statement with parameters again with their values at every
-- run (kept.go) before it folds that branch away. TestSumsPlainForms holds
-- the two to the same rows and types.
SELECT year, sum(reports)::BIGINT AS reports,
       CASE WHEN sum(apps_new_n) > 0 THEN sum(apps_new)::DOUBLE END AS apps_new,
       CASE WHEN sum(apps_total_n) > 0 THEN sum(apps_total)::DOUBLE END AS apps_total,
       CASE WHEN sum(licensing_decisions_n) > 0 THEN sum(licensing_decisions)::DOUBLE END AS licensing_decisions,
       CASE WHEN sum(proactive_items_n) > 0 THEN sum(proactive_items)::DOUBLE END AS proactive_items
FROM summary_groups($year_from, $year_to, $province, $city, $level, $agency)
GROUP BY year
ORDER BY year
