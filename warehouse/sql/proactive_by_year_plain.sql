-- proactive_by_year_plain: queries/proactive_by_year.sql for a filter without a piece of
-- an agency's name (Query chooses it in Go: sumsPlainForm): the same rows,
-- read from summary_groups (store.summary_rollup) alone, without the
-- branch over current_summary that such a filter empties. DuckDB binds and
-- optimizes a statement with parameters again with their values at every
-- run (kept.go) before it folds that branch away. TestSumsPlainForms holds
-- the two to the same rows and types.
WITH v AS (
    SELECT year, sum(reports)::BIGINT AS reports,
           CASE WHEN sum(proactive_items_n) > 0 THEN sum(proactive_items)::DOUBLE END AS proactive_items,
           CASE WHEN sum(normative_docs_issued_n) > 0 THEN sum(normative_docs_issued)::DOUBLE END AS normative_docs_issued,
           CASE WHEN sum(normative_docs_made_n) > 0 THEN sum(normative_docs_made)::DOUBLE END AS normative_docs_made,
           CASE WHEN sum(normative_docs_in_force_n) > 0 THEN sum(normative_docs_in_force)::DOUBLE END AS normative_docs_in_force,
           CASE WHEN sum(licensing_decisions_n) > 0 THEN sum(licensing_decisions)::DOUBLE END AS licensing_decisions,
           CASE WHEN sum(penalty_decisions_n) > 0 THEN sum(penalty_decisions)::DOUBLE END AS penalty_decisions,
           CASE WHEN sum(coercion_decisions_n) > 0 THEN sum(coercion_decisions)::DOUBLE END AS coercion_decisions,
           sum(normative_docs_issued_n) + sum(normative_docs_made_n) AS normative_docs_n
    FROM summary_groups($year_from, $year_to, $province, $city, $level, $agency)
    GROUP BY year
)
SELECT year, reports, proactive_items,
       CASE WHEN normative_docs_n > 0
            THEN coalesce(normative_docs_issued, 0) + coalesce(normative_docs_made, 0) END AS normative_docs_issued,
       normative_docs_in_force, licensing_decisions, penalty_decisions, coercion_decisions
FROM v
ORDER BY year
