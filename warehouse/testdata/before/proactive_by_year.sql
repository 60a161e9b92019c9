-- name: proactive_by_year
-- title: 主动公开情况（按年度）
-- params: year_from, year_to, province, city, level, agency
-- columns: year, reports, proactive_items, normative_docs_issued, normative_docs_in_force, licensing_decisions, penalty_decisions, coercion_decisions
-- proactive_items is the narrative figure (一、总体情况); the others come from
-- table 二. Normative documents issued are 2021's 本年制发 or 2019's 本年新制作.
-- A sum is NULL when no report of that year states the figure, so that charts
-- show a gap rather than 0; a report that leaves a figure blank adds nothing.
-- Reads current_summary: one row per current report with its figures
-- pivoted at load (store.report_summary), so that a page costs a scan of
-- narrow rows however large the warehouse.
SELECT year, count(*) AS reports,
       sum(proactive_items) AS proactive_items,
       CASE WHEN count(normative_docs_issued) + count(normative_docs_made) > 0
            THEN coalesce(sum(normative_docs_issued), 0) + coalesce(sum(normative_docs_made), 0) END AS normative_docs_issued,
       sum(normative_docs_in_force) AS normative_docs_in_force,
       sum(licensing_decisions) AS licensing_decisions,
       sum(penalty_decisions) AS penalty_decisions,
       sum(coercion_decisions) AS coercion_decisions
FROM current_summary($year_from, $year_to, $province, $city, $level, $agency)
GROUP BY year
ORDER BY year
