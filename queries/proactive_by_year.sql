-- name: proactive_by_year
-- title: 主动公开情况（按年度）
-- params: year_from, year_to, province, city, level, agency
-- columns: year, reports, proactive_items, normative_docs_issued, normative_docs_in_force, licensing_decisions, penalty_decisions, coercion_decisions
-- proactive_items is the narrative figure (一、总体情况); the others come from
-- table 二. Normative documents issued are 2021's 本年制发 or 2019's 本年新制作.
-- A sum is NULL when no report of that year states the figure, so that charts
-- show a gap rather than 0; a report that leaves a figure blank adds nothing.
-- Without a piece of an agency's name the sums are read from
-- summary_groups, the summary rows summed per year, region and level at
-- load (store.summary_rollup, migration 0021: a few thousand rows at 1M
-- reports); with one, from current_summary, one row per current report.
-- Each branch is empty when the other applies; a sum's count of stating
-- reports (<column>_n) keeps it NULL where no report states it.
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
    UNION ALL
    SELECT year, count(*) AS reports,
           sum(proactive_items) AS proactive_items,
           sum(normative_docs_issued) AS normative_docs_issued,
           sum(normative_docs_made) AS normative_docs_made,
           sum(normative_docs_in_force) AS normative_docs_in_force,
           sum(licensing_decisions) AS licensing_decisions,
           sum(penalty_decisions) AS penalty_decisions,
           sum(coercion_decisions) AS coercion_decisions,
           count(normative_docs_issued) + count(normative_docs_made) AS normative_docs_n
    FROM current_summary($year_from, $year_to, $province, $city, $level, $agency)
    WHERE $agency IS NOT NULL
    GROUP BY year
)
SELECT year, reports, proactive_items,
       CASE WHEN normative_docs_n > 0
            THEN coalesce(normative_docs_issued, 0) + coalesce(normative_docs_made, 0) END AS normative_docs_issued,
       normative_docs_in_force, licensing_decisions, penalty_decisions, coercion_decisions
FROM v
ORDER BY year
