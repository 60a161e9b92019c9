-- name: proactive_by_year
-- title: 主动公开情况（按年度）
-- params: year_from, year_to, province, city, level, agency
-- columns: year, reports, proactive_items, normative_docs_issued, normative_docs_in_force, licensing_decisions, penalty_decisions, coercion_decisions
-- proactive_items is the narrative figure (一、总体情况); the others come from
-- table 二. Normative documents issued are 2021's 本年制发 or 2019's 本年新制作.
-- A sum is NULL when no report of that year states the figure, so that charts
-- show a gap rather than 0; a report that leaves a figure blank adds nothing.
-- Reads current_figures with only the measures it needs: report_values and
-- report_summary decode every figure first, the slow part on a large
-- warehouse (see BenchmarkPages).
WITH r AS (
    SELECT year, count(*) AS reports
    FROM current_reports($year_from, $year_to, $province, $city, $level, $agency)
    GROUP BY year
), v AS (
    SELECT year,
           sum(value) FILTER (WHERE measure = 'narrative.proactive_items') AS proactive_items,
           sum(value) FILTER (WHERE measure IN ('normative_docs.issued', 'normative_docs.made')) AS normative_docs_issued,
           sum(value) FILTER (WHERE measure = 'normative_docs.in_force') AS normative_docs_in_force,
           sum(value) FILTER (WHERE measure = 'licensing.decisions') AS licensing_decisions,
           sum(value) FILTER (WHERE measure = 'penalty.decisions') AS penalty_decisions,
           sum(value) FILTER (WHERE measure = 'coercion.decisions') AS coercion_decisions
    FROM current_figures(NULL, 'total', $year_from, $year_to, $province, $city, $level, $agency)
    WHERE measure IN ('narrative.proactive_items', 'normative_docs.issued', 'normative_docs.made',
                      'normative_docs.in_force', 'licensing.decisions', 'penalty.decisions', 'coercion.decisions')
    GROUP BY year
)
SELECT r.year, r.reports,
       v.proactive_items AS proactive_items,
       v.normative_docs_issued AS normative_docs_issued,
       v.normative_docs_in_force AS normative_docs_in_force,
       v.licensing_decisions AS licensing_decisions,
       v.penalty_decisions AS penalty_decisions,
       v.coercion_decisions AS coercion_decisions
FROM r LEFT JOIN v USING (year)
ORDER BY r.year
