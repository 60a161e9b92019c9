-- name: proactive_by_year
-- title: 主动公开情况（按年度）
-- params: year_from, year_to, province, city, level, agency
-- columns: year, reports, proactive_items, normative_docs_issued, normative_docs_in_force, licensing_decisions, penalty_decisions, coercion_decisions
-- proactive_items is the narrative figure (一、总体情况); the others come from table 二.
SELECT year,
       count(*) AS reports,
       coalesce(sum(proactive_items), 0) AS proactive_items,
       coalesce(sum(normative_docs_issued), 0) AS normative_docs_issued,
       coalesce(sum(normative_docs_in_force), 0) AS normative_docs_in_force,
       coalesce(sum(licensing_decisions), 0) AS licensing_decisions,
       coalesce(sum(penalty_decisions), 0) AS penalty_decisions,
       coalesce(sum(coercion_decisions), 0) AS coercion_decisions
FROM report_summary
WHERE ($year_from IS NULL OR year >= $year_from)
  AND ($year_to IS NULL OR year <= $year_to)
  AND ($province IS NULL OR province = $province)
  AND ($city IS NULL OR city = $city)
  AND ($level IS NULL OR level = $level)
  AND ($agency IS NULL OR contains(agency, $agency))
GROUP BY year
ORDER BY year
